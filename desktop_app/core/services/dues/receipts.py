"""Receipts (会费收据, R-8.5, R-9.4) numbered from one sequence backed by the ``dues_receipt`` table,
the official vouchers issued for them (社会团体会费统一票据, paper or electronic: requested,
issued, number, date), and what still waits to be mailed with the journal.

A receipt acknowledges one recorded payment: the dues area issues it when the payment is booked,
admission's dues step with the number written on the paper receipt, the documents area for
payments that have none yet (a reprint keeps its number). A reversed payment's receipt is void:
never printed or mailed again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    PAYMENT_METHOD_LABELS,
    VOUCHER_KIND_LABELS,
    DuesAllocation,
    DuesBill,
    DuesPayment,
    DuesReceipt,
    Member,
    VoucherKind,
    VoucherStatus,
)
from desktop_app.core.numbering import next_number
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services.dues.ledger import Owner, is_reversed, mentor_scope, reversed_payment
from desktop_app.core.services.dues.schedule import current_year
from desktop_app.core.settings import ASSOCIATION_USCC, RECEIPT_NUMBER_FORMAT, get_setting
from desktop_app.core.validation import FieldError, clean_text
from desktop_app.documents import Problem
from desktop_app.documents.inputs import DuesReceiptInput
from desktop_app.errors import NotFound, ValidationError
from desktop_app.messages import say
from desktop_app.records import MemberRef


def receipt_taken(session: Session, number: str) -> bool:
    return session.scalar(select(DuesReceipt.id).where(DuesReceipt.number == number)) is not None


def find_receipt(session: Session, number: str) -> DuesReceipt | None:
    return session.scalar(select(DuesReceipt).where(DuesReceipt.number == number))


def issue_receipt(
    session: Session,
    actor: Actor,
    *,
    payer: str,
    years: Sequence[int],
    amount: Decimal,
    on: dt.date,
    member_id: int | None = None,
    application_id: int | None = None,
    number: str | None = None,
    note: str | None = None,
    payment_id: int | None = None,
    payer_uscc: str | None = None,
) -> DuesReceipt:
    """Record a receipt: the next number of the sequence, or ``number`` (a receipt written by hand),
    which must not have been used."""
    if number:
        if receipt_taken(session, number):
            raise ValidationError({"receipt_number": say("dues.receipts.number_used", number=number)})
    else:
        number = next_number(session, "receipt", RECEIPT_NUMBER_FORMAT, lambda n: receipt_taken(session, n))
    receipt = DuesReceipt(
        number=number,
        payer=payer,
        member_id=member_id,
        application_id=application_id,
        years=",".join(str(y) for y in years),
        amount=amount,
        issued_on=on,
        issued_at=clock_of(session).now(),
        issued_by_id=actor.id,
        issued_by_name=actor.full_name[:64],
        note=note,
        payment_id=payment_id,
        payer_uscc=payer_uscc,
        voucher_status=VoucherStatus.NONE,
    )
    session.add(receipt)
    session.flush()
    audit.record(
        session,
        actor,
        "issue_receipt",
        "member" if member_id else "application",
        member_id or application_id,
        say("dues.receipts.history.issued", number=number, payer=payer, join="、".join(map(str, years)), amount=amount),
        after={
            "receipt_number": number,
            "years": list(years),
            "amount": str(amount),
            "date": on,
            "payment_id": payment_id,
        },
    )
    return receipt


def payment_years(session: Session, payment: DuesPayment) -> tuple[list[int], Decimal]:
    """The dues years a payment paid, and what of it is credit (for the next year)."""
    rows = session.execute(
        select(DuesBill.year, DuesAllocation.amount)
        .join(DuesBill, DuesBill.id == DuesAllocation.bill_id)
        .where(DuesAllocation.payment_id == payment.id)
    ).all()
    totals: dict[int, Decimal] = {}
    for year, amount in rows:
        totals[year] = totals.get(year, Decimal("0")) + Decimal(str(amount))
    years = sorted(y for y, a in totals.items() if a > 0)
    return years, payment.amount - payment.allocated


def _credit_year(session: Session, payment: DuesPayment) -> int:
    """The year credit is kept for: the one after the owner's last bill (this year without one)."""
    owner = Owner(member_id=payment.member_id, application_id=None if payment.member_id else payment.application_id)
    last = session.scalar(
        select(DuesBill.year).where(owner.bills(), DuesBill.cancelled_at.is_(None)).order_by(DuesBill.year.desc())
    )
    return (last + 1) if last is not None else current_year(session)


def issue_payment_receipt(
    session: Session, actor: Actor, payment_id: int, *, number: str | None = None, on: dt.date | None = None
) -> DuesReceipt:
    """The receipt of a payment: the one it has, or a new one from the sequence (``number``: one
    written by hand). A reversal, or a payment that was reversed, gets none."""
    require(actor, Permission.RECORD_DUES_PAYMENTS)
    payment = session.get(DuesPayment, payment_id)
    if payment is None:
        raise NotFound(say("dues.receipts.payment_not_found"))
    return payment_receipt(session, actor, payment, number=number, on=on)


def payment_receipt(
    session: Session, actor: Actor, payment: DuesPayment, *, number: str | None = None, on: dt.date | None = None
) -> DuesReceipt:
    """``issue_payment_receipt`` for a caller that checked its own permission (admission's dues
    step, with the number of the paper receipt)."""
    if payment.reverses_id is not None or is_reversed(session, payment.id):
        raise ValidationError({"payment": say("dues.receipts.payment_reversed")})
    existing = session.scalar(select(DuesReceipt).where(DuesReceipt.payment_id == payment.id))
    if existing is not None:
        return existing
    years, credit = payment_years(session, payment)
    note = None
    if credit > 0:
        year = _credit_year(session, payment)
        note = f"其中 {credit:,.2f} 元预收，留作 {year} 年度会费"
        years = sorted({*years, year})
    member = session.get(Member, payment.member_id) if payment.member_id else None
    uscc = member.uscc if member is not None else None
    if uscc is None and payment.application_id is not None:
        from desktop_app.core.models import Application

        application = session.get(Application, payment.application_id)
        uscc = application.uscc if application is not None else None
    return issue_receipt(
        session,
        actor,
        payer=payment.payer,
        years=years,
        amount=payment.amount,
        on=on or clock_of(session).today(),
        member_id=payment.member_id,
        application_id=payment.application_id,
        number=number,
        note=note,
        payment_id=payment.id,
        payer_uscc=uscc,
    )


def issue_missing_receipts(session: Session, actor: Actor, member_ids: Iterable[int] | None = None) -> list[str]:
    """Receipts for every payment that has none (bank imports, payments recorded without one)."""
    require(actor, Permission.RECORD_DUES_PAYMENTS)
    with_receipt = select(DuesReceipt.payment_id).where(DuesReceipt.payment_id.is_not(None))
    query = (
        select(DuesPayment.id)
        .where(
            DuesPayment.id.not_in(with_receipt),
            DuesPayment.reverses_id.is_(None),
            ~reversed_payment(),
            DuesPayment.member_id.is_not(None),
        )
        .order_by(DuesPayment.received_on, DuesPayment.id)
    )
    if member_ids is not None:
        query = query.where(DuesPayment.member_id.in_(list(member_ids)))
    return [issue_payment_receipt(session, actor, pid).number for pid in session.scalars(query)]


# --- the official voucher -----------------------------------------------------------------------


def voucher_text(receipt: DuesReceipt) -> str:
    """The receipt's line about the official voucher (社会团体会费统一票据)."""
    kind = VOUCHER_KIND_LABELS.get(receipt.voucher_kind) if receipt.voucher_kind else None
    if receipt.voucher_status == VoucherStatus.ISSUED and receipt.voucher_number:
        day = f"，开具日期 {receipt.voucher_issued_on:%Y-%m-%d}" if receipt.voucher_issued_on else ""
        return (
            f"本款已开具{kind or '社会团体会费统一票据'}，票据号码 {receipt.voucher_number}{day}；以该票据为报销凭证。"
        )
    if receipt.voucher_status == VoucherStatus.REQUESTED:
        return f"本收据为协会收款确认；{kind or '社会团体会费统一票据'}已申请开具，另行寄送。"
    return "本收据为协会收款确认，不作报销凭证；如需社会团体会费统一票据，请与协会会籍管理部联系。"


def _receipt(session: Session, receipt_id: int) -> DuesReceipt:
    receipt = session.get(DuesReceipt, receipt_id)
    if receipt is None:
        raise NotFound(say("dues.receipts.not_found"))
    return receipt


def request_vouchers(
    session: Session, actor: Actor, receipt_ids: Iterable[int], *, kind: Any = VoucherKind.PAPER, on: Any = None
) -> int:
    """The official vouchers were requested (from the finance office or the tax platform)."""
    require(actor, Permission.RECORD_DUES_PAYMENTS)
    voucher_kind = _voucher_kind(kind)
    day = _day(session, on, "voucher_requested_on", "申请日期")
    count = 0
    for receipt_id in receipt_ids:
        receipt = _receipt(session, receipt_id)
        if receipt.voucher_status != VoucherStatus.NONE:
            continue
        receipt.voucher_status, receipt.voucher_kind, receipt.voucher_requested_on = (
            VoucherStatus.REQUESTED,
            voucher_kind,
            day,
        )
        count += 1
        audit.record(
            session,
            actor,
            "request_voucher",
            "member" if receipt.member_id else "application",
            receipt.member_id or receipt.application_id,
            say(
                "dues.receipts.history.voucher_requested",
                number=receipt.number,
                VOUCHER_KIND_LABELS=VOUCHER_KIND_LABELS[voucher_kind],
            ),
            after={"receipt_number": receipt.number, "kind": voucher_kind, "requested_on": day},
        )
    return count


def record_voucher(
    session: Session, actor: Actor, receipt_id: int, *, kind: Any, number: Any, issued_on: Any = None
) -> DuesReceipt:
    """The official voucher issued for a receipt: its kind, number and date."""
    require(actor, Permission.RECORD_DUES_PAYMENTS)
    receipt = _receipt(session, receipt_id)
    errors: dict[str, str] = {}
    try:
        text = clean_text(number).replace(" ", "")
    except FieldError as exc:
        errors["voucher_number"] = say("dues.receipts.voucher_number_problem", exc=exc)
        text = ""
    if not text and "voucher_number" not in errors:
        errors["voucher_number"] = say("dues.receipts.voucher_number_required")
    elif len(text) > 60:
        errors["voucher_number"] = say("dues.receipts.voucher_number_too_long")
    if errors:
        raise ValidationError(errors)
    clash = session.scalar(select(DuesReceipt).where(DuesReceipt.voucher_number == text, DuesReceipt.id != receipt.id))
    if clash is not None:
        raise ValidationError(
            {"voucher_number": say("dues.receipts.voucher_taken", text=text, number=clash.number, payer=clash.payer)}
        )
    voucher_kind = _voucher_kind(kind)
    day = _day(session, issued_on, "voucher_issued_on", "开具日期")
    before = {"voucher_status": receipt.voucher_status, "voucher_number": receipt.voucher_number}
    receipt.voucher_status, receipt.voucher_kind = VoucherStatus.ISSUED, voucher_kind
    receipt.voucher_number, receipt.voucher_issued_on = text, day
    receipt.voucher_requested_on = receipt.voucher_requested_on or day
    audit.record(
        session,
        actor,
        "record_voucher",
        "member" if receipt.member_id else "application",
        receipt.member_id or receipt.application_id,
        say(
            "dues.receipts.history.voucher_issued",
            number=receipt.number,
            VOUCHER_KIND_LABELS=VOUCHER_KIND_LABELS[voucher_kind],
            text=text,
        ),
        before=before,
        after={"voucher_status": VoucherStatus.ISSUED, "voucher_number": text, "issued_on": day},
    )
    return receipt


def _voucher_kind(value: Any) -> VoucherKind:
    if isinstance(value, VoucherKind):
        return value
    words = {"paper": VoucherKind.PAPER, "纸质": VoucherKind.PAPER, "electronic": VoucherKind.ELECTRONIC}
    words["电子"] = VoucherKind.ELECTRONIC
    kind = words.get(str(value or "").strip().lower())
    if kind is None:
        raise ValidationError({"voucher_kind": say("dues.receipts.bad_voucher_kind", value=value)})
    return kind


def _day(session: Session, value: Any, field: str, label: str) -> dt.date:
    today = clock_of(session).today()
    if value in (None, ""):
        return today
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError({field: say("mailing.not_a_date", label=label, value=value)}) from None
    if day > today:
        raise ValidationError({field: say("dues.receipts.after_today", label=label)})
    return day


# --- mailing: what still waits to go out with the journal ---------------------------------


@dataclass(frozen=True)
class MailItem:
    """A receipt, or the paper voucher issued for it, that has not been mailed yet."""

    receipt_id: int
    what: str  # "receipt" or "voucher"
    receipt_number: str
    member_id: int | None
    payer: str
    years: str
    amount: Decimal
    issued_on: dt.date
    voucher_number: str | None = None

    @property
    def label(self) -> str:
        if self.what == "voucher":
            return f"社会团体会费统一票据 {self.voucher_number}（收据 {self.receipt_number}）"
        return f"会费收据 {self.receipt_number}"


def receipts_waiting_to_mail(session: Session, member_ids: Iterable[int] | None = None) -> list[MailItem]:
    """Receipts and paper vouchers issued and not yet mailed (void receipts left out), oldest first.
    For the mailing batches (issue 14): add them to a batch, then ``mark_mailed``."""
    query = (
        select(DuesReceipt)
        .outerjoin(DuesPayment, DuesPayment.id == DuesReceipt.payment_id)
        .where(
            (DuesReceipt.mailed_on.is_(None))
            | (
                (DuesReceipt.voucher_status == VoucherStatus.ISSUED)
                & (DuesReceipt.voucher_kind == VoucherKind.PAPER)
                & DuesReceipt.voucher_mailed_on.is_(None)
            ),
            (DuesReceipt.payment_id.is_(None)) | ~reversed_payment(),
        )
        .order_by(DuesReceipt.issued_on, DuesReceipt.id)
    )
    if member_ids is not None:
        query = query.where(DuesReceipt.member_id.in_(list(member_ids)))
    items = []
    for receipt in session.scalars(query):
        common = dict(
            receipt_id=receipt.id,
            receipt_number=receipt.number,
            member_id=receipt.member_id,
            payer=receipt.payer,
            years=receipt.years,
            amount=receipt.amount,
            issued_on=receipt.issued_on,
        )
        if receipt.mailed_on is None:
            items.append(MailItem(what="receipt", **common))  # type: ignore[arg-type]
        if (
            receipt.voucher_status == VoucherStatus.ISSUED
            and receipt.voucher_kind == VoucherKind.PAPER
            and receipt.voucher_mailed_on is None
        ):
            items.append(MailItem(what="voucher", voucher_number=receipt.voucher_number, **common))  # type: ignore[arg-type]
    return items


def mark_mailed(
    session: Session,
    actor: Actor,
    receipt_ids: Iterable[int],
    *,
    what: str = "receipt",
    on: Any = None,
    note: Any = None,
) -> int:
    """The receipts (``what="receipt"``) or their paper vouchers (``"voucher"``) went out in the post
    on ``on``; ``note`` names the batch or the tracking number. Returns how many were marked. One
    issued after ``on`` cannot have gone out then: it is left waiting (not counted)."""
    require(actor, Permission.RECORD_DUES_PAYMENTS)
    if what not in ("receipt", "voucher"):
        raise ValidationError({"what": say("dues.receipts.bad_send_content")})
    day = _day(session, on, "mailed_on", "寄出日期")
    try:
        text = clean_text(note)[:200] or None
    except FieldError as exc:
        raise ValidationError({"note": say("roster.notes_problem", exc=exc)}) from None
    marked = 0
    for receipt_id in receipt_ids:
        receipt = _receipt(session, receipt_id)
        if what == "voucher":
            if receipt.voucher_status != VoucherStatus.ISSUED:
                raise ValidationError({"what": say("dues.receipts.no_voucher_yet", number=receipt.number)})
            issued = receipt.voucher_issued_on or receipt.issued_on
            if receipt.voucher_mailed_on is not None or issued > day:
                continue
            receipt.voucher_mailed_on = day
        else:
            if receipt.mailed_on is not None or receipt.issued_on > day:
                continue
            receipt.mailed_on = day
        receipt.mailed_note = text or receipt.mailed_note
        marked += 1
        audit.record(
            session,
            actor,
            "mail_receipt",
            "member" if receipt.member_id else "application",
            receipt.member_id or receipt.application_id,
            say(
                "dues.receipts.history.sent",
                value="票据" if what == "voucher" else "收据",
                number=receipt.number,
                day=day,
                value2=text or "",
            ),
            after={"receipt_number": receipt.number, "what": what, "mailed_on": day, "note": text},
        )
    return marked


# --- printing -------------------------------------------------------------------------------------


def receipt_input(session: Session, receipt: DuesReceipt, *, received_by: str | None = None) -> DuesReceiptInput:
    payment = session.get(DuesPayment, receipt.payment_id) if receipt.payment_id else None
    member = session.get(Member, receipt.member_id) if receipt.member_id else None
    method = PAYMENT_METHOD_LABELS[payment.method] if payment is not None else None
    reference = payment.reference if payment is not None and payment.reference else None
    note = "；".join(filter(None, [receipt.note, f"凭证号 {reference}" if reference else None]))
    return DuesReceiptInput(
        receipt_number=receipt.number,
        payer=receipt.payer,
        years=tuple(int(y) for y in receipt.years.split(",") if y.strip()),
        amount=receipt.amount,
        date=receipt.issued_on,
        member_number=member.member_number if member is not None else None,
        received_by=received_by or (payment.recorded_by_name if payment is not None else receipt.issued_by_name),
        payment_method=method,
        note=note or None,
        payer_uscc=receipt.payer_uscc or (member.uscc if member is not None else None),
        payee_uscc=get_setting(session, ASSOCIATION_USCC) or None,
        issued_by=receipt.issued_by_name,
        voucher=voucher_text(receipt),
    )


def receipt_inputs(
    session: Session, actor: Actor, receipt_ids: Sequence[int]
) -> tuple[list[DuesReceiptInput], list[Problem]]:
    """The receipts to print (a reprint keeps each number), void ones listed as problems; the run
    is in the audit log (issue 10: printing personal data)."""
    scope = mentor_scope(actor)
    if scope is not None:
        require(actor, Permission.RECORD_DUES_PAYMENTS)  # mentors print nothing: the office does
    items, problems = [], []
    for receipt_id in receipt_ids:
        receipt = _receipt(session, receipt_id)
        if receipt.payment_id is not None and is_reversed(session, receipt.payment_id):
            problems.append(Problem(MemberRef(receipt.payer, None), f"收据 {receipt.number} 的缴款已冲正，收据作废"))
            continue
        items.append(receipt_input(session, receipt))
    if items and not get_setting(session, ASSOCIATION_USCC):
        problems.append(
            Problem(items[0], "系统设置中没有协会统一社会信用代码（association.uscc），收据上该栏为空", drawn=True)
        )
    audit.record(
        session,
        actor,
        "print",
        "document",
        None,
        say("dues.receipts.history.printed", count=len(items)),
        after={"kind": "dues-receipt", "receipts": [i.receipt_number for i in items]},
    )
    return items, problems


def receipt_items(
    session: Session,
    actor: Actor,
    members: list[Member],
    options: dict[str, Any],
    problems: list[Problem],
    issued: list[str],
) -> list[DuesReceiptInput]:
    """The documents area's dues receipts (R-8.5, R-9.4): for each member, the receipts of the
    payments that paid the years asked for — issued now for payments that have none, reprinted
    with their numbers otherwise (``receipt_number``: just that one). No payment recorded, no
    receipt: a receipt acknowledges money the ledger knows, never an amount typed here."""
    given_number = (options.get("receipt_number") or "").strip().upper()
    if given_number and len(members) > 1:
        raise ValidationError({"receipt_number": say("dues.receipts.reprint_one_member")})
    years = set(options.get("years") or ())
    items: list[DuesReceiptInput] = []
    for member in members:
        ref = MemberRef.of(member)
        if given_number:
            receipt = find_receipt(session, given_number)
            if receipt is None or receipt.member_id != member.id:
                problems.append(Problem(ref, f"没有开给该会员的收据 {given_number}"))
                continue
            receipts = [receipt]
        else:
            payments = list(
                session.scalars(
                    select(DuesPayment)
                    .where(
                        DuesPayment.member_id == member.id,
                        DuesPayment.reverses_id.is_(None),
                        ~reversed_payment(),
                    )
                    .order_by(DuesPayment.received_on, DuesPayment.id)
                )
            )
            receipts = []
            for payment in payments:
                paid_years, credit = payment_years(session, payment)
                existing = session.scalar(select(DuesReceipt).where(DuesReceipt.payment_id == payment.id))
                receipt_years = set(int(y) for y in existing.years.split(",")) if existing else set(paid_years)
                if credit > 0 and existing is None:
                    receipt_years.add(_credit_year(session, payment))
                if years and not receipt_years & years:
                    continue
                if existing is None:
                    existing = issue_payment_receipt(session, actor, payment.id, on=options.get("date"))
                    issued.append(existing.number)
                receipts.append(existing)
            if not receipts:
                wanted = "、".join(str(y) for y in sorted(years)) or "所选"
                problems.append(
                    Problem(ref, f"没有登记 {wanted} 年度的缴款：请先在“会费”中登记缴款（收据只开给已收到的会费）")
                )
                continue
        for receipt in receipts:
            if receipt.payment_id is not None and is_reversed(session, receipt.payment_id):
                problems.append(Problem(ref, f"收据 {receipt.number} 的缴款已冲正，收据作废，未打印"))
                continue
            item = receipt_input(session, receipt, received_by=options.get("received_by") or None)
            if options.get("note"):
                item = _with_note(item, options["note"])
            items.append(item)
    if items and not get_setting(session, ASSOCIATION_USCC):
        problems.append(
            Problem(items[0], "系统设置中没有协会统一社会信用代码（association.uscc），收据上该栏为空", drawn=True)
        )
    return items


def _with_note(item: DuesReceiptInput, note: str) -> DuesReceiptInput:
    from dataclasses import replace

    return replace(item, note="；".join(filter(None, [item.note, note])))
