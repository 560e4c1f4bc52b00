"""The withdrawal notice (R-12.1) from the recorded evidence only: each notice is a confirmed case's
notice, with the 文号, the date and the deadline issued for it and the grounds kept with it. A member
without such a case gets no notice — from the window or the command line — and is listed with the
reason."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.models import Member, Staff
from desktop_app.core.models.withdrawal import CaseKind, CaseStatus, Ground, WithdrawalCase
from desktop_app.core.security import Actor
from desktop_app.core.services.members import person_of
from desktop_app.core.settings import APPEAL_DAYS, get_setting
from desktop_app.documents import Problem
from desktop_app.documents.inputs import NoticeGround, WithdrawalGrounds, WithdrawalNoticeInput
from desktop_app.errors import ValidationError
from desktop_app.messages import say
from desktop_app.records import MemberRef

# What meets the obligation a ground names (the notice asks for it by the deadline).
REMEDIES = {
    Ground.UNPAID_DUES: "补缴所欠会费",
    Ground.NO_ACTIVITY: "与本会联系并参加本会组织的活动",
    Ground.DISQUALIFIED: "提交上述情形已不存在的证明材料",
}


def notice_input(session: Session, case: WithdrawalCase) -> WithdrawalNoticeInput:
    """The notice of an issued case, exactly as it was issued (a reprint is the same letter)."""
    assert case.notice_date is not None and case.response_deadline is not None
    member: Member = case.member
    mentor: Staff | None = member.mentor
    contact = phone = None
    if mentor is not None and (mentor.landline or mentor.mobile):
        contact, phone = f"{mentor.full_name}（班主任）", mentor.landline or mentor.mobile
    person, _phone = person_of(member, "legal_representative")
    grounds = WithdrawalGrounds(
        statements=tuple(
            NoticeGround(g.ground.item, g.ground.label, g.summary, REMEDIES[g.ground]) for g in case.grounds
        )
    )
    return WithdrawalNoticeInput(
        member_name=member.name,
        grounds=grounds,
        notice_date=case.notice_date,
        response_deadline=case.response_deadline,
        member_number=member.member_number,
        addressee=person,
        address=member.address,
        postcode=member.postcode,
        contact_name=contact,
        contact_phone=phone,
        notice_number=case.notice_number,
        appeal_days=int(get_setting(session, APPEAL_DAYS)),
    )


def latest_case(session: Session, member_id: int) -> WithdrawalCase | None:
    return session.scalar(
        select(WithdrawalCase)
        .where(WithdrawalCase.member_id == member_id, WithdrawalCase.kind == CaseKind.CANCELLATION)
        .order_by(WithdrawalCase.id.desc())
        .limit(1)
    )


def notice_items(
    session: Session,
    actor: Actor,
    members: list[Member],
    options: dict[str, Any],
    problems: list[Problem],
    issued: list[str],
) -> list[WithdrawalNoticeInput]:
    """The documents area's withdrawal notices: for each member, the notice issued for its
    confirmed case. Grounds are never typed in: a member without an issued notice is listed."""
    typed = [key for key in ("unpaid_years", "no_activity_since", "disqualification") if options.get(key)]
    if typed:
        raise ValidationError({typed[0]: say("withdrawal.grounds_from_checks_only")})
    items = []
    for member in members:
        case = latest_case(session, member.id)
        if case is None:
            problems.append(
                Problem(
                    MemberRef.of(member), "没有经确认的取消会员资格案件：第十二条所列情形未经核查确认，不能发出告知书"
                )
            )
            continue
        if case.status == CaseStatus.CONFIRMED:
            problems.append(
                Problem(
                    MemberRef.of(member),
                    "已确认，尚未发出告知书：请在“退会管理”中发出（编文号、定答复期限、加入邮寄批次）后再打印",
                )
            )
            continue
        if case.notice_number is None:
            problems.append(Problem(MemberRef.of(member), f"案件{case.status.label}，没有发出过告知书"))
            continue
        item = notice_input(session, case)
        if case.status != CaseStatus.NOTIFIED:
            problems.append(
                Problem(
                    item,
                    f"告知书 {case.notice_number} 已于 {case.notice_date} 发出，案件{case.status.label}：此为存档副本",
                    drawn=True,
                )
            )
        items.append(item)
    return items


__all__ = ["REMEDIES", "latest_case", "notice_input", "notice_items"]
