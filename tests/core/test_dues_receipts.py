"""Receipts (R-8.5, R-9.4): numbered from the one sequence for recorded payments only, printed with
both credit codes, the signature boxes and the voucher line; the official voucher tracked
(requested, issued, number, date); what waits to be mailed, and marking it mailed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.core.models import DuesReceipt, VoucherStatus
from desktop_app.core.services import documents, dues
from desktop_app.core.settings import ASSOCIATION_USCC, set_setting
from desktop_app.documents import KINDS
from desktop_app.errors import NothingPrinted, PermissionDenied, ValidationError
from tests.core.test_dues import add_member, bill, pay, uscc
from tests.documents.conftest import page_texts, pdf_text, squash

D = Decimal
ASSOCIATION = "51420000MJH2612349"


@pytest.fixture
def paid(db, admin, officer):  # type: ignore[no-untyped-def]
    with db.session() as session:
        set_setting(session, admin, ASSOCIATION_USCC, ASSOCIATION)
    member_id = add_member(db, officer, 1, level="council")
    bill(db, officer, 2026)
    result = pay(db, officer, member_id, "5000", method="银行转账", reference="HX001")
    return member_id, result.receipt.id


def generate(db, actor, kind: str, out: Path, **values):  # type: ignore[no-untyped-def]
    with db.session() as session:
        return documents.generate(session, actor, kind, out, **values)


def print_receipts(db, actor, receipt_ids, out: Path) -> str:  # type: ignore[no-untyped-def]
    with db.session() as session:
        items, problems = dues.receipt_inputs(session, actor, receipt_ids)
        context = documents.document_context(session)
    assert problems == []
    KINDS["dues-receipt"].build(out, items, context)
    return squash(pdf_text(out))


def test_a_receipt_carries_both_codes_the_boxes_and_what_it_is(db, officer, paid, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    member_id, receipt_id = paid
    text = print_receipts(db, officer, [receipt_id], tmp_path / "r.pdf")
    assert f"统一社会信用代码{uscc(1)}" in text and f"统一社会信用代码：{ASSOCIATION}" in text
    assert "收款人郑会籍" in text and "开票人郑会籍" in text and "审核" in text
    assert "本收据为协会收款确认，不作报销凭证" in text and "存根联：由协会会籍管理部留存" in text
    assert "人民币伍仟元整" in text and "2026年度会员会费" in text and "凭证号HX001" in text
    with db.session() as session:
        dues.request_vouchers(session, officer, [receipt_id], kind="electronic")
    assert "社会团体会费电子票据已申请开具，另行寄送" in print_receipts(db, officer, [receipt_id], tmp_path / "r2.pdf")
    with db.session() as session:
        dues.record_voucher(
            session, officer, receipt_id, kind="paper", number="4201 0126 000123", issued_on="2026-11-25"
        )
    text = print_receipts(db, officer, [receipt_id], tmp_path / "r3.pdf")
    assert "本款已开具社会团体会费统一票据，票据号码42010126000123，开具日期2026-11-25" in text
    assert text.count("WJXS202600001") == 2  # a reprint keeps its number, on the receipt and the stub


def test_vouchers_are_checked(db, officer, mentor, paid) -> None:  # type: ignore[no-untyped-def]
    member_id, receipt_id = paid
    other = pay(db, officer, member_id, "100").receipt.id
    with db.session() as session:
        dues.record_voucher(session, officer, receipt_id, kind="纸质", number="A001")
        with pytest.raises(ValidationError, match="已登记在收据 WJXS202600001"):
            dues.record_voucher(session, officer, other, kind="paper", number="A001")
        with pytest.raises(ValidationError, match="票据种类"):
            dues.record_voucher(session, officer, other, kind="发票", number="A002")
        with pytest.raises(ValidationError, match="不能晚于今天"):
            dues.record_voucher(session, officer, other, kind="paper", number="A002", issued_on="2026-12-01")
        with pytest.raises(PermissionDenied):
            dues.record_voucher(session, mentor, other, kind="paper", number="A002")


def test_what_waits_to_be_mailed_and_marking_it(db, officer, paid) -> None:  # type: ignore[no-untyped-def]
    member_id, receipt_id = paid
    electronic = pay(db, officer, member_id, "100").receipt.id
    with db.session() as session:
        dues.record_voucher(session, officer, receipt_id, kind="paper", number="A001")
        dues.record_voucher(session, officer, electronic, kind="electronic", number="E001")
    with db.session() as session:
        waiting = dues.receipts_waiting_to_mail(session)
        assert [(i.receipt_number, i.what) for i in waiting] == [
            ("WJXS202600001", "receipt"),
            ("WJXS202600001", "voucher"),  # a paper voucher goes in the post too
            ("WJXS202600002", "receipt"),  # an electronic one does not
        ]
        assert waiting[1].label == "社会团体会费统一票据 A001（收据 WJXS202600001）"
        assert dues.mark_mailed(session, officer, [receipt_id], on="2026-11-26", note="2026年第4期会刊") == 1
        assert dues.mark_mailed(session, officer, [receipt_id]) == 0  # once only
        assert dues.mark_mailed(session, officer, [electronic], on="2026-11-20") == 0  # issued after that day
    with db.session() as session:
        assert [(i.receipt_number, i.what) for i in dues.receipts_waiting_to_mail(session)] == [
            ("WJXS202600001", "voucher"),
            ("WJXS202600002", "receipt"),
        ]
        dues.mark_mailed(session, officer, [receipt_id], what="voucher")
        with pytest.raises(ValidationError, match="还没有开具票据"):
            other = pay(db, officer, member_id, "50").receipt.id
            dues.mark_mailed(session, officer, [other], what="voucher")
    with db.session() as session:
        receipt = session.get(DuesReceipt, receipt_id)
        assert receipt.mailed_on == dt.date(2026, 11, 26) and receipt.mailed_note == "2026年第4期会刊"
        assert receipt.voucher_status == VoucherStatus.ISSUED and receipt.voucher_mailed_on == dt.date(2026, 11, 26)


def test_the_documents_area_prints_receipts_of_recorded_payments_only(db, officer, paid, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    member_id, receipt_id = paid
    unpaid = add_member(db, officer, 2)
    with db.session() as session:  # a payment recorded without a receipt (a bank import can do that)
        dues.record_payment(session, officer, member_id, amount="200", receipt=False)
    out = tmp_path / "r.pdf"
    result = generate(db, officer, "dues-receipt", out, member_ids=[member_id, unpaid], options={"years": "2026,2027"})
    assert result.issued_numbers == ["WJXS202600002"]  # the payment without one; the other is reprinted
    assert [p.message for p in result.skipped] == [
        "没有登记 2026、2027 年度的缴款：请先在“会费”中登记缴款（收据只开给已收到的会费）"
    ]
    first, second = page_texts(out)
    assert "WJXS202600001" in first and "WJXS202600002" in second
    with pytest.raises(NothingPrinted, match="没有登记"):
        generate(db, officer, "dues-receipt", tmp_path / "n.pdf", member_ids=[unpaid])
    assert not (tmp_path / "n.pdf").exists()
    # a reprint by number says what was recorded; no amount can be typed in the documents area
    result = generate(
        db,
        officer,
        "dues-receipt",
        tmp_path / "again.pdf",
        member_ids=[member_id],
        options={"receipt_number": "wjxs202600001"},
    )
    assert result.issued_numbers == []
    with pytest.raises(ValidationError, match="没有这些选项：amount"):
        generate(db, officer, "dues-receipt", tmp_path / "x.pdf", member_ids=[member_id], options={"amount": "3000"})
    assert "人民币伍仟元整" in squash(pdf_text(tmp_path / "again.pdf"))


def test_a_reversed_payments_receipt_is_void(db, officer, paid, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    member_id, receipt_id = paid
    with db.session() as session:
        payment_id = session.get(DuesReceipt, receipt_id).payment_id
        dues.reverse_payment(session, officer, payment_id, "录错金额")
    with db.session() as session:
        items, problems = dues.receipt_inputs(session, officer, [receipt_id])
        assert items == [] and "缴款已冲正，收据作废" in problems[0].message
        with pytest.raises(ValidationError, match="已冲正，不能开收据"):
            dues.issue_payment_receipt(session, officer, payment_id)
    with pytest.raises(NothingPrinted, match="没有登记 2026 年度的缴款"):  # the reversed one does not count
        generate(db, officer, "dues-receipt", tmp_path / "v.pdf", member_ids=[member_id])


def test_missing_receipts_are_issued_in_one_go(db, officer, paid) -> None:  # type: ignore[no-untyped-def]
    member_id, _receipt = paid
    with db.session() as session:
        dues.record_payment(session, officer, member_id, amount="10", receipt=False)
        dues.record_payment(session, officer, member_id, amount="20", receipt=False)
    with db.session() as session:
        assert dues.issue_missing_receipts(session, officer) == ["WJXS202600002", "WJXS202600003"]
        assert dues.issue_missing_receipts(session, officer) == []
        assert session.scalar(select(DuesReceipt.note).where(DuesReceipt.number == "WJXS202600003")).startswith(
            "其中 20.00 元预收"
        )
