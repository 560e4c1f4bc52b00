"""Bank statements (issue 13): the bank's Excel statement read in, each incoming transfer matched
to a member — by a credit code (USCC) or a member number written in the transfer's text, else by
the payer's name — and booked as a payment; the rest left for a person to match or set aside.

The same standards as the roster import: every row is accounted for (booked, waiting to be
matched, imported before, not incoming, not a transaction, unreadable — each with its row
number), one run is one transaction (the caller's session commits all of it or nothing), and the
same statement imported again books nothing twice: each incoming line has a fingerprint (the
bank's serial number, or its date, amount, payer, account and text with its place among identical
lines) that is unique in the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    BankStatement,
    BankStatementLine,
    LineStatus,
    Member,
    MemberStatus,
    PaymentMethod,
    Staff,
)
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services.dues.ledger import Owner
from desktop_app.core.services.dues.payments import PaymentResult, book_payment
from desktop_app.core.services.dues.receipts import issue_payment_receipt
from desktop_app.core.validation import FieldError, clean_multiline, normalise_uscc, uscc_check_character
from desktop_app.errors import NotFound, ValidationError
from desktop_app.messages import say
from desktop_app.spreadsheets.bank_statement import StatementRow, StatementSheet

ProgressFn = Callable[[int, int], None]
_USCC = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])")
_TOKEN = re.compile(r"[A-Z]{1,6}\d{6,12}")


def name_key(name: str | None) -> str:
    """A payer or member name as compared: NFKC, no spaces, brackets of either width alike."""
    text = unicodedata.normalize("NFKC", name or "")
    return re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")


@dataclass
class RowFate:
    row: int
    fate: str  # booked | unmatched | duplicate | outgoing | rejected
    text: str
    member_id: int | None = None
    line_id: int | None = None


FATE_LABELS = {
    "booked": "已入账",
    "unmatched": "待人工核对",
    "duplicate": "已导入过",
    "outgoing": "非收款",
    "rejected": "无法识别",
}


@dataclass
class BankImportResult:
    file_name: str
    sheet: str
    statement_id: int | None = None
    fates: list[RowFate] = field(default_factory=list)
    blank_rows: list[int] = field(default_factory=list)
    totals_rows: list[int] = field(default_factory=list)
    repeated_headers: list[int] = field(default_factory=list)
    booked_amount: Decimal = Decimal("0.00")
    receipts: list[str] = field(default_factory=list)

    def count(self, fate: str) -> int:
        return sum(1 for f in self.fates if f.fate == fate)

    @property
    def rows(self) -> int:
        return len(self.fates)

    def summary_line(self) -> str:
        """The last line the command prints, for scripts."""
        return (
            f"rows {self.rows}: booked {self.count('booked')}, unmatched {self.count('unmatched')}, "
            f"already imported {self.count('duplicate')}, not incoming {self.count('outgoing')}, "
            f"rejected {self.count('rejected')}"
        )

    def summary_zh(self) -> str:
        text = (
            f"共 {self.rows} 笔：入账 {self.count('booked')} 笔（{self.booked_amount:,.2f} 元），"
            f"待人工核对 {self.count('unmatched')} 笔，已导入过 {self.count('duplicate')} 笔，"
            f"非收款 {self.count('outgoing')} 笔，无法识别 {self.count('rejected')} 笔"
        )
        skipped = len(self.blank_rows) + len(self.totals_rows) + len(self.repeated_headers)
        if skipped:
            text += f"；另有空行、合计行或重复表头 {skipped} 行"
        return text + "。"


def fingerprint(row: StatementRow, occurrence: int) -> str:
    if row.serial:
        basis = f"serial|{row.serial}"
    else:
        basis = "|".join(
            [str(row.booked_on), str(row.amount), name_key(row.payer_name), row.payer_account, row.reference]
        )
        basis += f"|#{occurrence}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


class _Matcher:
    """Active members by credit code, member number and name, loaded once per import."""

    def __init__(self, session: Session):
        rows = session.execute(select(Member.id, Member.uscc, Member.member_number, Member.name, Member.status)).all()
        self.by_uscc = {r.uscc: r for r in rows}
        self.by_number = {r.member_number.upper(): r for r in rows}
        self.by_name: dict[str, list[Any]] = {}
        for r in rows:
            self.by_name.setdefault(name_key(r.name), []).append(r)

    def match(self, row: StatementRow) -> tuple[int | None, str, str]:
        """(member id or None, basis, note)."""
        text = unicodedata.normalize("NFKC", " ".join([row.reference, row.payer_name])).upper()
        for candidate in _USCC.findall(text.replace(" ", "")):
            code = normalise_uscc(candidate)
            if uscc_check_character(code[:17]) != code[17]:
                continue
            member = self.by_uscc.get(code)
            if member is not None:
                return self._active(member, "信用代码")
        for token in _TOKEN.findall(text.replace(" ", "")):
            member = self.by_number.get(token)
            if member is not None:
                return self._active(member, "会员编号")
        found = self.by_name.get(name_key(row.payer_name), []) if row.payer_name else []
        if len(found) == 1:
            return self._active(found[0], "单位名称")
        if len(found) > 1:
            return None, "", f"付款人名称与 {len(found)} 个会员相同，请人工核对"
        if not row.payer_name:
            return None, "", "流水中没有付款人名称，附言中也没有信用代码或会员编号"
        return None, "", f"没有名为“{row.payer_name}”的会员，附言中也没有信用代码或会员编号"

    @staticmethod
    def _active(member: Any, basis: str) -> tuple[int | None, str, str]:
        if member.status != MemberStatus.ACTIVE:
            return (
                None,
                "",
                f"付款单位按{basis}对应的是{member.status.label}的会员“{member.name}”（{member.member_number}），请人工核对",
            )
        return member.id, basis, ""


def import_statement(
    session: Session,
    actor: Actor,
    sheet: StatementSheet,
    *,
    file_bytes: bytes | None = None,
    receipts: bool = True,
    progress: ProgressFn | None = None,
) -> BankImportResult:
    """Import ``sheet`` (``spreadsheets.bank_statement.read_bank_statement``): incoming transfers
    matched to an active member are booked as payments (oldest year first; a receipt each with
    ``receipts``), the others kept for a person to match; lines imported before are left alone.
    One transaction: the caller commits it, or nothing is written."""
    require(actor, Permission.RECORD_DUES_PAYMENTS)
    now = clock_of(session).now()
    result = BankImportResult(sheet.path.name, sheet.sheet)
    result.blank_rows, result.totals_rows = list(sheet.blank_rows), list(sheet.totals_rows)
    result.repeated_headers = list(sheet.repeated_headers)
    statement = BankStatement(
        file_name=sheet.path.name[:255],
        sha256=hashlib.sha256(file_bytes if file_bytes is not None else sheet.path.read_bytes()).hexdigest(),
        sheet=sheet.sheet[:100],
        imported_at=now,
        imported_by_id=actor.id,
        summary="",
    )
    session.add(statement)
    session.flush()
    result.statement_id = statement.id
    matcher = _Matcher(session)
    known = {
        fp: (row_number, imported_at)
        for fp, row_number, imported_at in session.execute(
            select(BankStatementLine.fingerprint, BankStatementLine.row_number, BankStatement.imported_at).join(
                BankStatement, BankStatement.id == BankStatementLine.statement_id
            )
        )
    }
    occurrences: dict[tuple[Any, ...], int] = {}
    in_this_file: dict[str, int] = {}
    total = len(sheet.rows)
    for done, row in enumerate(sheet.rows, 1):
        if progress is not None:
            progress(done - 1, total)
        if row.problem is not None:
            result.fates.append(RowFate(row.number, "rejected", row.problem))
            continue
        if not row.incoming:
            result.fates.append(RowFate(row.number, "outgoing", "支出或金额为 0，不是会费收款"))
            continue
        key = (row.booked_on, row.amount, name_key(row.payer_name), row.payer_account, row.reference)
        occurrences[key] = occurrences.get(key, 0) + 1
        fp = fingerprint(row, occurrences[key])
        if fp in in_this_file:
            result.fates.append(
                RowFate(row.number, "duplicate", f"与本表第 {in_this_file[fp]} 行流水号相同，未重复入账")
            )
            continue
        if fp in known:
            number, at = known[fp]
            at_text = at.astimezone(now.tzinfo).strftime("%Y-%m-%d %H:%M") if isinstance(at, dt.datetime) else at
            result.fates.append(
                RowFate(row.number, "duplicate", f"已于 {at_text} 导入（当时第 {number} 行），未重复入账")
            )
            continue
        in_this_file[fp] = row.number
        assert row.booked_on is not None and row.amount is not None
        member_id, basis, note = matcher.match(row)
        line = BankStatementLine(
            statement_id=statement.id,
            row_number=row.number,
            fingerprint=fp,
            booked_on=row.booked_on,
            amount=row.amount,
            payer_name=row.payer_name or None,
            payer_account=row.payer_account or None,
            reference=row.reference or None,
            serial=row.serial or None,
            status=LineStatus.UNMATCHED,
            note=note or None,
        )
        session.add(line)
        session.flush()
        if member_id is None:
            result.fates.append(RowFate(row.number, "unmatched", note, line_id=line.id))
            continue
        booked = _book_line(session, actor, line, member_id, basis, receipts=receipts)
        result.booked_amount += line.amount
        if booked.receipt is not None:
            result.receipts.append(booked.receipt.number)
        result.fates.append(
            RowFate(row.number, "booked", f"按{basis}入账：{booked.summary()}", member_id=member_id, line_id=line.id)
        )
    if progress is not None:
        progress(total, total)
    statement.summary = result.summary_zh()[:300]
    audit.record(
        session,
        actor,
        "import_bank_statement",
        "dues",
        statement.id,
        f"导入银行流水“{sheet.path.name}”：{result.summary_zh()}"[:300],
        after={
            "file": sheet.path.name,
            "sheet": sheet.sheet,
            "booked": result.count("booked"),
            "unmatched": result.count("unmatched"),
            "duplicates": result.count("duplicate"),
            "outgoing": result.count("outgoing"),
            "rejected": result.count("rejected"),
            "amount": result.booked_amount,
        },
    )
    return result


def _book_line(
    session: Session, actor: Actor, line: BankStatementLine, member_id: int, basis: str, *, receipts: bool
) -> PaymentResult:
    member = session.get(Member, member_id)
    assert member is not None
    booked = book_payment(
        session,
        actor,
        Owner(member_id=member_id),
        amount=line.amount,
        received_on=line.booked_on,
        method=PaymentMethod.BANK_TRANSFER,
        payer=line.payer_name or member.name,
        reference=(line.serial or line.reference or "")[:100] or None,
        note=f"银行流水（{line.booked_on}，第 {line.row_number} 行）"
        + (f"：{line.reference}" if line.reference else ""),
    )
    if receipts:
        booked.receipt = issue_payment_receipt(session, actor, booked.payment.id)
    line.status, line.member_id, line.payment_id, line.match_basis = (
        LineStatus.BOOKED,
        member_id,
        booked.payment.id,
        basis,
    )
    line.handled_at, line.handled_by_id = clock_of(session).now(), actor.id
    return booked


def _line(session: Session, line_id: int) -> BankStatementLine:
    line = session.get(BankStatementLine, line_id)
    if line is None:
        raise NotFound(say("dues.bank.line_not_found"))
    return line


def match_line(session: Session, actor: Actor, line_id: int, member_id: int, *, receipt: bool = True) -> PaymentResult:
    """A person matched an unmatched line to a member: it is booked as that member's payment."""
    require(actor, Permission.RECORD_DUES_PAYMENTS)
    line = _line(session, line_id)
    if line.status == LineStatus.BOOKED:
        raise ValidationError({"line": say("dues.bank.line_posted_wrong_member")})
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound(say("dues.bank.member_not_found"))
    booked = _book_line(session, actor, line, member_id, "手工", receipts=receipt)
    audit.record(
        session,
        actor,
        "match_bank_line",
        "member",
        member_id,
        say(
            "dues.bank.history.matched",
            booked_on=line.booked_on,
            amount=line.amount,
            value=line.payer_name or "—",
            name=member.name,
        ),
        after={"line_id": line.id, "payment_id": booked.payment.id},
    )
    return booked


def ignore_line(session: Session, actor: Actor, line_id: int, reason: Any) -> BankStatementLine:
    """Set a line aside as not dues (a donation, a training fee …), with the reason."""
    require(actor, Permission.RECORD_DUES_PAYMENTS)
    line = _line(session, line_id)
    if line.status == LineStatus.BOOKED:
        raise ValidationError({"line": say("dues.bank.line_posted_not_dues")})
    try:
        text = clean_multiline(reason)
    except FieldError as exc:
        raise ValidationError({"reason": say("withdrawal.activities.reason_problem", exc=exc)}) from None
    if not text:
        raise ValidationError({"reason": say("dues.bank.reason_required")})
    line.status, line.note = LineStatus.IGNORED, "\n".join(filter(None, [line.note, f"不是会费：{text}"]))
    line.handled_at, line.handled_by_id = clock_of(session).now(), actor.id
    audit.record(
        session,
        actor,
        "ignore_bank_line",
        "dues",
        line.id,
        say(
            "dues.bank.history.not_dues",
            booked_on=line.booked_on,
            amount=line.amount,
            value=line.payer_name or "—",
            text=text,
        ),
    )
    return line


@dataclass(frozen=True)
class LineRow:
    id: int
    booked_on: dt.date
    amount: Decimal
    payer_name: str
    payer_account: str
    reference: str
    serial: str
    status: LineStatus
    member_name: str
    match_basis: str
    note: str
    file_name: str
    handled_by: str


def statement_lines(
    session: Session, actor: Actor, *, status: LineStatus | None = LineStatus.UNMATCHED
) -> list[LineRow]:
    """Lines of every statement imported (those waiting to be matched by default), newest first."""
    require(actor, Permission.RECORD_DUES_PAYMENTS)
    query = (
        select(BankStatementLine, BankStatement.file_name, Member.name, Staff.full_name)
        .join(BankStatement, BankStatement.id == BankStatementLine.statement_id)
        .outerjoin(Member, Member.id == BankStatementLine.member_id)
        .outerjoin(Staff, Staff.id == BankStatementLine.handled_by_id)
        .order_by(BankStatementLine.booked_on.desc(), BankStatementLine.id.desc())
    )
    if status is not None:
        query = query.where(BankStatementLine.status == status)
    return [
        LineRow(
            line.id,
            line.booked_on,
            line.amount,
            line.payer_name or "",
            line.payer_account or "",
            line.reference or "",
            line.serial or "",
            line.status,
            member or "",
            line.match_basis or "",
            line.note or "",
            file_name,
            handled or "",
        )
        for line, file_name, member, handled in session.execute(query.limit(5000))
    ]
