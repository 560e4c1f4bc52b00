"""Withdrawal and cancellation (R-11.1 … R-15.1): the grounds of R-12.1 the records show, and the
withdrawal notice mailed before a membership is cancelled."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.core.db import clock_of
from desktop_app.core.models import Member, MemberStatus, Staff
from desktop_app.core.security import Actor
from desktop_app.core.services.members import person_of
from desktop_app.core.settings import NOTICE_RESPONSE_DAYS, get_setting
from desktop_app.documents import Problem
from desktop_app.documents.inputs import WithdrawalGrounds, WithdrawalNoticeInput
from desktop_app.errors import ValidationError
from desktop_app.records import MemberRef


def withdrawal_grounds(session: Session, member: Member) -> WithdrawalGrounds:
    """The grounds of R-12.1 the records show for ``member``.

    The register keeps no dues payments or activity attendance yet (later issues add them), so
    nothing is found here today; the grounds come from the options the office gives."""
    return WithdrawalGrounds()


def withdrawal_input(
    session: Session,
    member: Member,
    grounds: WithdrawalGrounds,
    *,
    notice_date: dt.date | None = None,
    response_days: int | None = None,
    notice_number: str | None = None,
) -> WithdrawalNoticeInput:
    notice_date = notice_date or clock_of(session).today()
    days = response_days or get_setting(session, NOTICE_RESPONSE_DAYS)
    mentor: Staff | None = member.mentor
    contact = phone = None
    if mentor is not None and (mentor.landline or mentor.mobile):
        contact, phone = f"{mentor.full_name}（班主任）", mentor.landline or mentor.mobile
    person, _phone = person_of(member, "legal_representative")
    return WithdrawalNoticeInput(
        member_name=member.name,
        grounds=grounds,
        notice_date=notice_date,
        response_deadline=notice_date + dt.timedelta(days=days),
        member_number=member.member_number,
        addressee=person,
        address=member.address,
        postcode=member.postcode,
        contact_name=contact,
        contact_phone=phone,
        notice_number=notice_number or None,
    )


def notice_items(
    session: Session,
    actor: Actor,
    members: list[Member],
    options: dict[str, Any],
    problems: list[Problem],
    issued: list[str],
) -> list[WithdrawalNoticeInput]:
    """The documents area's withdrawal notices (R-12.1), for active members only."""
    given = WithdrawalGrounds(
        options["unpaid_years"], options["no_activity_since"], options["disqualification"] or None
    )
    if options["notice_number"] and len(members) > 1:
        raise ValidationError({"notice_number": "文号：只能为一个会员指定文号"})
    items = []
    for member in members:
        found = withdrawal_grounds(session, member)
        grounds = WithdrawalGrounds(
            found.unpaid_years or given.unpaid_years,
            found.no_activity_since or given.no_activity_since,
            found.disqualification or given.disqualification,
        )
        if member.status != MemberStatus.ACTIVE:
            problems.append(Problem(MemberRef.of(member), f"会员状态为“{member.status.label}”，无需告知"))
            continue
        items.append(
            withdrawal_input(
                session,
                member,
                grounds,
                notice_date=options["notice_date"],
                response_days=options["response_days"],
                notice_number=options["notice_number"],
            )
        )
    return items
