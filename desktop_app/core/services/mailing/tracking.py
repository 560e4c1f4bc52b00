"""What happened to each envelope (R-9.4 "status"): prepared → sent (with the courier's tracking
number, typed, pasted or imported from the courier's workbook) → delivered, or returned. Returned
mail marks the member's address as doubtful for its mentor (``preferences.address_doubtful``).
Sending an envelope that carries receipts or invoices marks them mailed in the dues ledger.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    MailingContent,
    MailingRecipient,
    MailingRecipientContent,
    RecipientState,
)
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services import dues
from desktop_app.core.services.mailing.batches import DUES_KINDS
from desktop_app.core.services.mailing.common import day, get_batch, get_member, get_recipient, text
from desktop_app.core.services.mailing.preferences import _clear_doubt, get_preference, mark_doubtful
from desktop_app.errors import ValidationError
from desktop_app.messages import Join, say

# A waybill number: letters and digits, 8 to 30 of them (SF1403…, EMS EA123456789CN, 7800…).
_TRACKING = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-]{6,38}[A-Za-z0-9]$")


def reference(batch_number: str, position: int) -> str:
    """The order reference a recipient carries on the manifest (``用户订单号``) and comes back with."""
    return f"{batch_number}-{position:04d}"


def _tracking_number(value: Any) -> str:
    number = text(value, "tracking_number", "快递单号", 40, required=True) or ""
    number = number.replace(" ", "")
    if not _TRACKING.fullmatch(number):
        raise ValidationError({"tracking_number": say("mailing.tracking.bad_tracking_number", number=number)})
    return number.upper()


@dataclass
class SendResult:
    sent: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (organisation, why)
    receipts_marked: int = 0

    def summary(self) -> str:
        text_ = f"已登记寄出 {self.sent} 件"
        if self.receipts_marked:
            text_ += f"，其中会费收据和票据 {self.receipts_marked} 张记为已寄"
        if self.skipped:
            text_ += f"；{len(self.skipped)} 件未登记：" + "；".join(f"{n}（{w}）" for n, w in self.skipped[:5])
            if len(self.skipped) > 5:
                text_ += "……"
        return text_ + "。"


def _recipients(session: Session, ids: Iterable[int]) -> list[MailingRecipient]:
    ids = list(dict.fromkeys(ids))
    found = {r.id: r for r in session.scalars(select(MailingRecipient).where(MailingRecipient.id.in_(ids)))}
    missing = [i for i in ids if i not in found]
    if missing:
        raise ValidationError({"recipients": say("mailing.tracking.recipients_not_found", count=len(missing))})
    return [found[i] for i in ids]


def mark_sent(
    session: Session,
    actor: Actor,
    recipient_ids: Iterable[int],
    *,
    on: Any = None,
    tracking: dict[int, str] | None = None,
) -> SendResult:
    """The envelopes went out on ``on`` (today by default; not in the future), with their
    tracking numbers where given. Recipients with a problem are not sent and are listed; sent ones
    keep their date. Receipts and invoices in them are marked mailed in the dues ledger."""
    require(actor, Permission.MANAGE_MAILING)
    when = day(session, on, "sent_on", "寄出日期", future=False)
    tracking = {k: _tracking_number(v) for k, v in (tracking or {}).items() if v not in (None, "")}
    result = SendResult()
    now = clock_of(session).now()
    receipts: dict[str, list[int]] = {"receipt": [], "voucher": []}
    batches: dict[int, str] = {}
    for recipient in _recipients(session, recipient_ids):
        if recipient.problem:
            result.skipped.append((recipient.organisation, recipient.problem))
            continue
        if recipient.state != RecipientState.PREPARED:
            if recipient.id in tracking and recipient.tracking_number != tracking[recipient.id]:
                recipient.tracking_number = tracking[recipient.id]
                recipient.updated_at = now
            continue
        recipient.state = RecipientState.SENT
        recipient.sent_on = when
        if recipient.id in tracking:
            recipient.tracking_number = tracking[recipient.id]
        recipient.updated_at = now
        result.sent += 1
        batches.setdefault(recipient.batch_id, get_batch(session, recipient.batch_id).number)
        for line, kind in session.execute(
            select(MailingRecipientContent, MailingContent.kind)
            .join(MailingContent, MailingContent.id == MailingRecipientContent.content_id)
            .where(
                MailingRecipientContent.recipient_id == recipient.id,
                MailingRecipientContent.dues_receipt_id.is_not(None),
            )
        ):
            if kind in DUES_KINDS and line.dues_receipt_id is not None:
                receipts[DUES_KINDS[kind]].append(line.dues_receipt_id)
    note = "邮寄批次 " + "、".join(batches.values()) if batches else None
    for what, ids in receipts.items():
        if ids:
            result.receipts_marked += dues.mark_mailed(session, actor, ids, what=what, on=when, note=note)
    if result.sent or tracking:
        audit.record(
            session,
            actor,
            "mail_sent",
            "mailing_batch",
            next(iter(batches), None),
            say("mailing.tracking.history.sent", join="、".join(batches.values()), sent=result.sent, when=when),
            after={"sent": result.sent, "on": when, "skipped": len(result.skipped), "tracking": len(tracking)},
        )
    return result


def mark_delivered(session: Session, actor: Actor, recipient_ids: Iterable[int], *, on: Any = None) -> int:
    """Signed for (签收) on ``on``. Only sent envelopes; a returned one stays returned."""
    require(actor, Permission.MANAGE_MAILING)
    when = day(session, on, "delivered_on", "签收日期", future=False)
    now = clock_of(session).now()
    done = 0
    problems = []
    for recipient in _recipients(session, recipient_ids):
        if recipient.state == RecipientState.PREPARED:
            problems.append(say("mailing.tracking.problem_not_sent", organisation=recipient.organisation))
            continue
        if recipient.state == RecipientState.RETURNED:
            problems.append(say("mailing.tracking.problem_returned", organisation=recipient.organisation))
            continue
        if recipient.sent_on and when < recipient.sent_on:
            problems.append(
                say(
                    "mailing.tracking.problem_before_sent",
                    organisation=recipient.organisation,
                    sent_on=recipient.sent_on,
                )
            )
            continue
        if recipient.state == RecipientState.SENT:
            recipient.state = RecipientState.DELIVERED
            recipient.delivered_on = when
            recipient.updated_at = now
            done += 1
    if problems and not done:
        raise ValidationError({"recipients": say("mailing.tracking.cannot_receive", problems=Join(problems[:5]))})
    if done:
        audit.record(
            session,
            actor,
            "mail_delivered",
            "mailing_batch",
            None,
            say("mailing.tracking.history.received", done=done, when=when),
            after={"on": when},
        )
    return done


def mark_returned(session: Session, actor: Actor, recipient_id: int, *, on: Any = None, reason: Any = None) -> None:
    """The envelope came back (退回). The member's mailing address becomes doubtful for its mentor
    until the address is corrected or confirmed."""
    require(actor, Permission.MANAGE_MAILING)
    recipient = get_recipient(session, recipient_id)
    when = day(session, on, "returned_on", "退回日期", future=False)
    why = text(reason, "reason", "退回原因", 300, required=True, prose=True)
    if recipient.state == RecipientState.PREPARED:
        raise ValidationError(
            {"state": say("mailing.tracking.not_sent_cannot_return", organisation=recipient.organisation)}
        )
    if recipient.sent_on and when < recipient.sent_on:
        raise ValidationError({"returned_on": say("mailing.tracking.returned_before_sent", sent_on=recipient.sent_on)})
    recipient.state = RecipientState.RETURNED
    recipient.returned_on = when
    recipient.return_reason = why
    recipient.delivered_on = None
    recipient.updated_at = clock_of(session).now()
    member = get_member(session, recipient.member_id)
    mark_doubtful(session, member, recipient.address, when, why, recipient.id)
    audit.record(
        session,
        actor,
        "mail_returned",
        "member",
        member.id,
        say("mailing.tracking.history.returned", organisation=recipient.organisation, why=why),
        after={"address": recipient.address, "returned_on": when, "reason": why, "tracking": recipient.tracking_number},
    )


def undo_state(session: Session, actor: Actor, recipient_id: int) -> RecipientState:
    """Take back the last step recorded by mistake: delivered or returned → sent (a returned
    envelope's doubt about the address goes too); sent → prepared, unless it carried receipts
    or invoices (the dues ledger already shows them mailed)."""
    require(actor, Permission.MANAGE_MAILING)
    recipient = get_recipient(session, recipient_id)
    before = recipient.state
    if before == RecipientState.PREPARED:
        raise ValidationError({"state": say("mailing.tracking.nothing_to_undo", organisation=recipient.organisation)})
    if before in (RecipientState.DELIVERED, RecipientState.RETURNED):
        if before == RecipientState.RETURNED:
            preference = get_preference(session, recipient.member_id)
            if preference is not None and preference.doubtful_recipient_id == recipient.id:
                _clear_doubt(preference)
        recipient.state = RecipientState.SENT
        recipient.delivered_on = recipient.returned_on = recipient.return_reason = None
    else:
        carried = session.scalar(
            select(MailingRecipientContent.id).where(
                MailingRecipientContent.recipient_id == recipient.id,
                MailingRecipientContent.dues_receipt_id.is_not(None),
            )
        )
        if carried is not None:
            raise ValidationError({"state": say("mailing.tracking.dues_sent", organisation=recipient.organisation)})
        recipient.state = RecipientState.PREPARED
        recipient.sent_on = None
    recipient.updated_at = clock_of(session).now()
    audit.record(
        session,
        actor,
        "mail_undo",
        "member",
        recipient.member_id,
        say(
            "mailing.tracking.history.undone",
            organisation=recipient.organisation,
            label=before.label,
            label2=recipient.state.label,
        ),
        {"state": before},
        {"state": recipient.state},
    )
    return recipient.state


# --- tracking numbers from the courier ------------------------------------------------------------


@dataclass
class TrackingResult:
    matched: int = 0
    sent: int = 0  # prepared envelopes that a tracking number showed were sent
    unmatched: list[str] = field(default_factory=list)  # lines or rows we could not place

    def summary(self) -> str:
        text_ = f"已登记快递单号 {self.matched} 个"
        if self.sent:
            text_ += f"（其中 {self.sent} 件同时登记为已寄出）"
        if self.unmatched:
            text_ += f"；{len(self.unmatched)} 行未能对应：" + "；".join(self.unmatched[:5])
            if len(self.unmatched) > 5:
                text_ += "……"
        return text_ + "。"


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value or "")


class _Matcher:
    """Finds a batch's recipient from what a courier's row or a pasted line says about it: our
    order reference, the member number, the phone, the organisation or the contact's name."""

    def __init__(self, session: Session, batch_id: int):
        batch = get_batch(session, batch_id)
        self.recipients = list(
            session.scalars(
                select(MailingRecipient)
                .where(MailingRecipient.batch_id == batch_id)
                .order_by(MailingRecipient.position)
            )
        )
        self.by_reference = {reference(batch.number, r.position).upper(): r for r in self.recipients}
        self.by_number = {r.member_number.upper(): r for r in self.recipients}
        self.by_phone: dict[str, list[MailingRecipient]] = {}
        self.by_name: dict[str, list[MailingRecipient]] = {}
        for r in self.recipients:
            if r.phone:
                self.by_phone.setdefault(_digits(r.phone), []).append(r)
            for name in (r.organisation, r.contact_name):
                if name:
                    self.by_name.setdefault(name, []).append(r)

    def find(self, *, ref: str = "", phone: str = "", names: Iterable[str] = ()) -> MailingRecipient | None:
        key = ref.strip().upper()
        if key in self.by_reference:
            return self.by_reference[key]
        if key in self.by_number:
            return self.by_number[key]
        names = [n for n in names if n]
        candidates = self.by_phone.get(_digits(phone), []) if _digits(phone) else []
        if len(candidates) == 1:
            return candidates[0]
        for name in names:
            found = [r for r in self.by_name.get(name, []) if not candidates or r in candidates]
            if len(found) == 1:
                return found[0]
        return None


def _apply(
    session: Session, actor: Actor, recipient: MailingRecipient, number: str, result: TrackingResult, when: Any
) -> None:
    if recipient.problem and recipient.state == RecipientState.PREPARED:
        result.unmatched.append(f"{recipient.organisation}：{recipient.problem}，未寄出")
        return
    if recipient.state == RecipientState.PREPARED:
        sent = mark_sent(session, actor, [recipient.id], on=when, tracking={recipient.id: number})
        result.sent += sent.sent
    elif recipient.tracking_number != number:
        recipient.tracking_number = number
        recipient.updated_at = clock_of(session).now()
    result.matched += 1


def set_tracking_numbers(
    session: Session, actor: Actor, batch_id: int, pasted: str, *, on: Any = None
) -> TrackingResult:
    """Tracking numbers pasted from the courier's site or workbook, one envelope a line: the
    number and anything naming the recipient (our order reference ``YJ2026003-0012``, the member
    number, the organisation, the contact's name or phone), in any order, separated by tabs,
    commas or spaces. A line that names no recipient, or two, is listed and changes nothing."""
    require(actor, Permission.MANAGE_MAILING)
    matcher = _Matcher(session, batch_id)
    when = day(session, on, "sent_on", "寄出日期", future=False)
    result = TrackingResult()
    for number_of_line, line in enumerate((pasted or "").splitlines(), 1):
        if not line.strip():
            continue
        tokens = [t.strip() for t in re.split(r"[\t,，;；|]+|\s{2,}| ", line) if t.strip()]
        refs = [t for t in tokens if t.upper() in matcher.by_reference or t.upper() in matcher.by_number]
        phones = [t for t in tokens if re.fullmatch(r"[\d\-+ ]{7,20}", t) and _digits(t) in matcher.by_phone]
        numbers = [t for t in tokens if _TRACKING.fullmatch(t) and t not in refs and t not in phones]
        names = [t for t in tokens if t not in refs and t not in numbers and t not in phones]
        recipient = matcher.find(ref=refs[0] if refs else "", phone=phones[0] if phones else "", names=names)
        if recipient is None:
            result.unmatched.append(f"第 {number_of_line} 行“{line.strip()[:40]}”找不到对应的收件会员")
            continue
        if len(numbers) != 1:
            result.unmatched.append(f"第 {number_of_line} 行“{line.strip()[:40]}”应有一个快递单号")
            continue
        _apply(session, actor, recipient, _tracking_number(numbers[0]), result, when)
    _audit(session, actor, batch_id, result, "粘贴")
    return result


def import_tracking(
    session: Session, actor: Actor, batch_id: int, path: str | Path, *, on: Any = None
) -> TrackingResult:
    """Tracking numbers from the courier's workbook (its export after the bulk order: 运单号 with
    用户订单号, or the recipient's phone and name). Rows that match no recipient are listed."""
    from desktop_app.spreadsheets.courier import read_waybills

    require(actor, Permission.MANAGE_MAILING)
    matcher = _Matcher(session, batch_id)
    when = day(session, on, "sent_on", "寄出日期", future=False)
    result = TrackingResult()
    for row in read_waybills(path):
        recipient = matcher.find(ref=row.reference, phone=row.phone, names=(row.company, row.name))
        if recipient is None:
            who = row.reference or row.company or row.name or row.phone
            result.unmatched.append(f"第 {row.row} 行（{who} {row.waybill}）找不到对应的收件会员")
            continue
        try:
            number = _tracking_number(row.waybill)
        except ValidationError as exc:
            result.unmatched.append(f"第 {row.row} 行：{exc.message}")
            continue
        _apply(session, actor, recipient, number, result, when)
    _audit(session, actor, batch_id, result, f"导入 {Path(path).name}")
    return result


def _audit(session: Session, actor: Actor, batch_id: int, result: TrackingResult, how: str) -> None:
    batch = get_batch(session, batch_id)
    audit.record(
        session,
        actor,
        "tracking_numbers",
        "mailing_batch",
        batch_id,
        say(
            "mailing.tracking.history.tracking_numbers",
            number=batch.number,
            how=how,
            matched=result.matched,
            count=len(result.unmatched),
        ),
        after={"matched": result.matched, "sent": result.sent, "unmatched": len(result.unmatched)},
    )


def set_tracking_number(session: Session, actor: Actor, recipient_id: int, number: Any) -> None:
    """One envelope's tracking number typed in (correcting one imported wrongly, too)."""
    require(actor, Permission.MANAGE_MAILING)
    recipient = get_recipient(session, recipient_id)
    value = _tracking_number(number)
    before = recipient.tracking_number
    if recipient.state == RecipientState.PREPARED:
        mark_sent(session, actor, [recipient_id], tracking={recipient_id: value})
        if recipient.state == RecipientState.PREPARED:  # a problem kept it back
            raise ValidationError(
                {
                    "tracking_number": say(
                        "mailing.tracking.cannot_send", organisation=recipient.organisation, problem=recipient.problem
                    )
                }
            )
        return
    recipient.tracking_number = value
    recipient.updated_at = clock_of(session).now()
    audit.record(
        session,
        actor,
        "tracking_number",
        "member",
        recipient.member_id,
        say("mailing.tracking.history.tracking_number", organisation=recipient.organisation, value=value),
        {"tracking_number": before},
        {"tracking_number": value},
    )
