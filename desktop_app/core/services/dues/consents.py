"""Reductions (R-8.5): "the mentor … may not agree to, or hint at, reduced dues without the
resident leader's written consent."

Any amount billed or accepted below the schedule needs that consent recorded first, by the
resident leader (no other role, not even the administrator): who, when (the date written on it),
the document's reference and its scan, checked by opening it as admission's attachments are.
The consent lowers what is due for that member and year; a payment short of what is due without
one stays an arrear. A report lists every reduction of a year with its consent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import Application, DuesBill, DuesConsent, Member, Staff
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services.dues.ledger import Owner, mentor_scope, refresh_settled, settle, visible_member
from desktop_app.core.services.dues.schedule import (
    amounts_for_year,
    charge_for,
    check_year,
    first_year_rule,
    parse_amount,
    period,
)
from desktop_app.core.settings import ATTACHMENT_LIMIT_MB, get_setting, level_names
from desktop_app.core.validation import FieldError, check_control_characters, clean_multiline, clean_text
from desktop_app.errors import NotFound, PermissionDenied, ValidationError
from desktop_app.messages import say
from desktop_app.records import SheetTable

# Opens a scan as what it claims to be; ``admission.attachment_problem`` (name, mime, content) ->
# why not, or None. The dues job sits below admission and cannot import it; the window and the
# command line hand it in, so every consent's scan is checked exactly as admission's documents.
ScanCheck = Callable[[str, str, bytes], str | None]

SCAN_TYPES = (
    (b"%PDF-", "application/pdf", (".pdf",)),
    (b"\x89PNG\r\n\x1a\n", "image/png", (".png",)),
    (b"\xff\xd8\xff", "image/jpeg", (".jpg", ".jpeg")),
)


def _require_leader(actor: Actor) -> None:
    if not actor.can(Permission.RECORD_DUES_CONSENTS):
        raise PermissionDenied(say("dues.consents.leader_only", role=actor.role.label))


def consent_refusal(actor: Actor) -> str | None:
    """For the window: why ``actor`` may not record a consent (None: may)."""
    return (
        None if actor.can(Permission.RECORD_DUES_CONSENTS) else say("dues.consents.leader_only", role=actor.role.label)
    )


def _check_scan(session: Session, file_name: Any, content: bytes, scan_check: ScanCheck) -> tuple[str, str]:
    name = re.split(r"[\\/]", str(file_name or "").strip())[-1]
    if not name:
        raise ValidationError({"scan": say("dues.consents.no_file_name")})
    try:
        check_control_characters(name)
    except FieldError as exc:
        raise ValidationError({"scan": say("dues.consents.file_name_problem", exc=exc)}) from None
    if not content:
        raise ValidationError({"scan": say("dues.consents.empty_file", name=name)})
    limit = int(get_setting(session, ATTACHMENT_LIMIT_MB)) * 1024 * 1024
    if len(content) > limit:
        raise ValidationError(
            {
                "scan": say(
                    "dues.consents.file_too_big", name=name, value=len(content) / 1048576, value2=limit // 1048576
                )
            }
        )
    found = next(((mime, exts) for sig, mime, exts in SCAN_TYPES if content.startswith(sig)), None)
    if found is None:
        raise ValidationError({"scan": say("dues.consents.bad_type", name=name)})
    mime, extensions = found
    if PurePath(name).suffix.lower() not in extensions:
        raise ValidationError(
            {"scan": say("dues.consents.extension_mismatch", name=name, upper=mime.split("/")[-1].upper())}
        )
    problem = scan_check(name, mime, content)
    if problem is not None:
        raise ValidationError({"scan": say("dues.consents.file_problem", problem=problem)})
    return name, mime


def scheduled_for(session: Session, owner: Owner, level: str, join_date: dt.date | None, year: int) -> Decimal | None:
    """What the schedule asks of the owner for ``year``: its bill's, or what billing would make."""
    bill = session.scalars(
        select(DuesBill).where(owner.bills(), DuesBill.year == year, DuesBill.cancelled_at.is_(None)).limit(1)
    ).first()
    if bill is not None:
        return bill.scheduled
    full = amounts_for_year(session, year).get(level)
    if full is None:
        return None
    start, end = period(session, year)
    charge = charge_for(full, join_date, start, end, first_year_rule(session))
    return charge.amount if charge is not None else None


def record_consent(
    session: Session,
    actor: Actor,
    *,
    year: Any,
    agreed: Any,
    reason: Any,
    document_reference: Any,
    consented_on: Any,
    scan_name: Any,
    scan: bytes,
    scan_check: ScanCheck,
    member_id: int | None = None,
    application_id: int | None = None,
) -> DuesConsent:
    """The resident leader records its written consent that ``member_id`` (or, at admission,
    ``application_id``) pays ``agreed`` instead of the schedule for dues ``year`` (0: waived). The
    bill of that year, billed already or later, is due at that amount."""
    _require_leader(actor)
    if (member_id is None) == (application_id is None):
        raise ValidationError({"member": say("dues.consents.choose_member")})
    errors: dict[str, str] = {}
    checked_year: int | None = None
    try:
        checked_year = check_year(year)
    except ValidationError as exc:
        errors.update(exc.errors)
    amount: Decimal | None = None
    try:
        amount = parse_amount(agreed, "agreed", "同意缴纳的金额", positive=False)
    except ValidationError as exc:
        errors.update(exc.errors)
    try:
        why = clean_multiline(reason)
    except FieldError as exc:
        errors["reason"] = say("dues.consents.reason_problem", exc=exc)
        why = ""
    if not why and "reason" not in errors:
        errors["reason"] = say("dues.consents.reason_required")
    try:
        reference = clean_text(document_reference)
    except FieldError as exc:
        errors["document_reference"] = say("dues.consents.reference_problem", exc=exc)
        reference = ""
    if not reference and "document_reference" not in errors:
        errors["document_reference"] = say("dues.consents.reference_required")
    elif len(reference) > 100:
        errors["document_reference"] = say("dues.consents.reference_too_long")
    day: dt.date | None = None
    if consented_on in (None, ""):
        errors["consented_on"] = say("dues.consents.date_required")
    else:
        try:
            day = consented_on if isinstance(consented_on, dt.date) else dt.date.fromisoformat(str(consented_on))
        except ValueError:
            errors["consented_on"] = say("dues.consents.not_a_date", consented_on=consented_on)
        else:
            if day > clock_of(session).today():
                errors["consented_on"] = say("dues.consents.date_in_future")
    if member_id is not None:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound(say("dues.bank.member_not_found"))
        owner, level, join_date, name = Owner(member_id=member.id), member.level, member.join_date, member.name
    else:
        application = session.get(Application, application_id)
        if application is None:
            raise NotFound(say("dues.consents.application_not_found"))
        owner = Owner(application_id=application.id)
        if application.former_member_id is not None:
            owner = Owner(member_id=application.former_member_id)
        level, join_date, name = application.level, None, application.name
    scheduled: Decimal | None = None
    bill = None
    if checked_year is not None:
        scheduled = scheduled_for(session, owner, level, join_date, checked_year)
        if scheduled is None:
            names = level_names(session)
            errors["year"] = say(
                "dues.consents.no_dues_that_year", checked_year=checked_year, get=names.get(level, level)
            )
        elif amount is not None and amount >= scheduled:
            errors["agreed"] = say("dues.consents.not_below_scheduled", scheduled=scheduled)
        bill = session.scalars(
            select(DuesBill)
            .where(owner.bills(), DuesBill.year == checked_year, DuesBill.cancelled_at.is_(None))
            .limit(1)
        ).first()
        if bill is not None and amount is not None and bill.paid > amount:
            errors["agreed"] = say("dues.consents.below_paid", paid=bill.paid)
    if errors:
        raise ValidationError(errors)
    file_name, mime = _check_scan(session, scan_name, scan, scan_check)
    assert checked_year is not None and amount is not None and scheduled is not None and day is not None
    consent = DuesConsent(
        member_id=owner.member_id,
        application_id=application_id,
        year=checked_year,
        scheduled=scheduled,
        agreed=amount,
        reason=why,
        document_reference=reference,
        consented_on=day,
        consented_by_id=actor.id,
        consented_by_name=actor.full_name[:64],
        scan_name=file_name[:255],
        scan_mime=mime,
        scan_size=len(scan),
        scan_sha256=hashlib.sha256(scan).hexdigest(),
        scan=scan,
        recorded_at=clock_of(session).now(),
    )
    session.add(consent)
    session.flush()
    if bill is not None:
        bill.due, bill.consent_id = amount, consent.id
        refresh_settled(bill)
        settle(session, owner)
    audit.record(
        session,
        actor,
        "dues_consent",
        "member" if owner.member_id else "application",
        owner.member_id or application_id,
        say(
            "dues.consents.history.recorded",
            name=name,
            checked_year=checked_year,
            scheduled=scheduled,
            amount=amount,
            reference=reference,
        ),
        after={
            "consent_id": consent.id,
            "year": checked_year,
            "scheduled": scheduled,
            "agreed": amount,
            "document_reference": reference,
            "consented_on": day,
            "scan": file_name,
            "scan_sha256": consent.scan_sha256,
        },
    )
    return consent


def consent_scan(session: Session, actor: Actor, consent_id: int) -> tuple[str, str, bytes]:
    consent = session.get(DuesConsent, consent_id)
    if consent is None:
        raise NotFound(say("dues.consents.not_found"))
    if consent.member_id is not None:
        visible_member(session, actor, consent.member_id)
    else:
        mentor_scope(actor)
    return consent.scan_name, consent.scan_mime, consent.scan


# --- the report ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReductionRow:
    member_id: int | None
    member_number: str
    name: str
    level: str
    mentor: str
    year: int
    scheduled: Decimal
    due: Decimal
    paid: Decimal
    consent_id: int | None
    consented_by: str
    consented_on: dt.date | None
    document_reference: str
    reason: str
    scan_name: str
    recorded_at: dt.datetime | None
    problem: str | None = None  # a bill below the schedule without a consent (never made by this program)

    @property
    def reduction(self) -> Decimal:
        return self.scheduled - self.due


def reductions(session: Session, actor: Actor, year: Any) -> list[ReductionRow]:
    """Every reduction of dues ``year``: each bill due below the schedule, with its consent (and
    any bill lowered without one, flagged); consents for a year not billed yet are listed too."""
    scope = mentor_scope(actor)
    year = check_year(year)
    names = level_names(session)
    staff = dict(session.execute(select(Staff.id, Staff.full_name)).all())
    query = (
        select(DuesBill, Member, DuesConsent)
        .join(Member, Member.id == DuesBill.member_id)
        .outerjoin(DuesConsent, DuesConsent.id == DuesBill.consent_id)
        .where(DuesBill.year == year, DuesBill.cancelled_at.is_(None), DuesBill.due < DuesBill.scheduled)
        .order_by(Member.member_number)
    )
    if scope is not None:
        query = query.where(Member.mentor_id == scope)
    rows = []
    seen: set[int] = set()
    for bill, member, consent in session.execute(query):
        if consent is not None:
            seen.add(consent.id)
        rows.append(
            ReductionRow(
                member.id,
                member.member_number,
                member.name,
                names.get(bill.level, bill.level),
                staff.get(member.mentor_id, "") if member.mentor_id else "",
                year,
                bill.scheduled,
                bill.due,
                bill.paid,
                consent.id if consent else None,
                consent.consented_by_name if consent else "",
                consent.consented_on if consent else None,
                consent.document_reference if consent else "",
                consent.reason if consent else "",
                consent.scan_name if consent else "",
                consent.recorded_at if consent else None,
                None if consent is not None else "无驻会领导书面同意记录",
            )
        )
    pending = (
        select(DuesConsent, Member)
        .join(Member, Member.id == DuesConsent.member_id)
        .where(DuesConsent.year == year)
        .order_by(Member.member_number, DuesConsent.recorded_at)
    )
    if scope is not None:
        pending = pending.where(Member.mentor_id == scope)
    for consent, member in session.execute(pending):
        if consent.id in seen:
            continue
        billed = session.scalars(
            select(DuesBill)
            .where(DuesBill.member_id == member.id, DuesBill.year == year, DuesBill.cancelled_at.is_(None))
            .limit(1)
        ).first()
        if billed is not None and billed.consent_id is not None and billed.consent_id != consent.id:
            continue  # superseded by a later consent
        rows.append(
            ReductionRow(
                member.id,
                member.member_number,
                member.name,
                names.get(member.level, member.level),
                staff.get(member.mentor_id, "") if member.mentor_id else "",
                year,
                consent.scheduled,
                consent.agreed,
                billed.paid if billed is not None else Decimal("0.00"),
                consent.id,
                consent.consented_by_name,
                consent.consented_on,
                consent.document_reference,
                consent.reason,
                consent.scan_name,
                consent.recorded_at,
                None if billed is not None else "尚未开具该年度会费，开具时按同意的金额",
            )
        )
    return rows


def reductions_table(rows: list[ReductionRow], year: int, association: str, made_on: dt.date) -> SheetTable:
    total = sum((r.reduction for r in rows), Decimal("0.00"))
    return SheetTable(
        sheet_name=f"{year}年度会费减免",
        heading=[
            f"{association}{year}年度会费减免情况",
            f"制表日期：{made_on:%Y-%m-%d}（第八条第（五）项：减免须有驻会领导书面同意）",
        ],
        columns=[
            ("会员编号", 14, True),
            ("单位名称", 34, False),
            ("会员级别", 12, True),
            ("班主任", 10, True),
            ("应缴（元）", 12, True),
            ("同意缴纳（元）", 14, True),
            ("减免（元）", 12, True),
            ("已缴（元）", 12, True),
            ("同意人", 10, True),
            ("同意日期", 12, True),
            ("文号", 22, False),
            ("理由", 34, False),
            ("扫描件", 20, False),
            ("说明", 24, False),
        ],
        rows=[
            [
                r.member_number,
                r.name,
                r.level,
                r.mentor,
                float(r.scheduled),
                float(r.due),
                float(r.reduction),
                float(r.paid),
                r.consented_by,
                r.consented_on,
                r.document_reference,
                r.reason,
                r.scan_name,
                r.problem or "",
            ]
            for r in rows
        ],
        footing=[f"共 {len(rows)} 项，减免合计 {total:,.2f} 元"],
    )
