"""The documents service: who prints what, defaults from the settings, members → inputs,
receipt numbers, problems listed, nothing half-written (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop_app.core.models import AuditEntry, Member, MemberStatus, Role
from desktop_app.core.security import PRINT_PERMISSIONS, Actor
from desktop_app.core.services import documents, dues, members
from desktop_app.core.settings import (
    CERTIFICATE_VALIDITY_YEARS,
    LABEL_SHEET,
    NOTICE_RESPONSE_DAYS,
    PLAQUE_MATERIAL,
    RECEIPT_NUMBER_FORMAT,
    set_setting,
)
from desktop_app.demo.names import make_uscc
from desktop_app.documents.base import UnprintableText
from desktop_app.errors import Cancelled, NotFound, NothingPrinted, PermissionDenied, ValidationError
from tests.conftest import make_staff
from tests.documents.conftest import NO_FONT, RARE, make_seal, page_texts, pdf_text

_rng = random.Random(4)


def add_member(db, actor: Actor, **values) -> Member:  # type: ignore[no-untyped-def]
    base = {
        "name": f"武汉市测试{_rng.randrange(10**6)}建设工程有限公司",
        "uscc": make_uscc(_rng, "91", "420102"),
        "category": "construction_enterprise",
        "level": "member",
        "join_date": dt.date(2020, 10, 27),
        "address": "武汉市江岸区解放大道1399号",
        "postcode": "430010",
        "liaison_name": "张丽",
        "liaison_position": "办公室主任",
        "liaison_mobile": "13871234567",
        "legal_representative_name": "王建国",
        "certificate_number": f"WJXZ2020{_rng.randrange(10**4):04d}",
    }
    base.update(values)
    with db.session() as session:
        return members.create_member(session, actor, base)


@pytest.fixture
def three(db, officer):  # type: ignore[no-untyped-def]
    return [
        add_member(db, officer, name="武汉市江岸区宏达建设工程有限公司", level="council"),
        add_member(db, officer, name=f"武汉{RARE}建筑工程有限公司", certificate_number=None, address=None),
        add_member(db, officer, name="武汉市已退会装饰工程有限公司", status="withdrawn", left_date=dt.date(2025, 1, 1)),
    ]


def generate(db, actor, kind, out, **kwargs):  # type: ignore[no-untyped-def]
    with db.session() as session:
        return documents.generate(session, actor, kind, out, **kwargs)


# --- who may print what --------------------------------------------------------------------------


def test_roles(db, admin, officer, mentor, leader) -> None:  # type: ignore[no-untyped-def]
    assert {k.key for k in documents.printable_kinds(officer)} == set(documents.KINDS)
    assert {k.key for k in documents.printable_kinds(admin)} == set(documents.KINDS)
    # R-8.4, R-8.6: the mentor prints the forms, not receipts, notices or certificates
    assert {k.key for k in documents.printable_kinds(mentor)} == {"handover-form", "application-form", "filing-form"}
    assert documents.printable_kinds(leader) == [] and not documents.can_print(leader)
    # the main window decides the documents area from security.PRINT_PERMISSIONS alone
    assert set(documents.KIND_PERMISSIONS.values()) == PRINT_PERMISSIONS


def test_permission_is_checked_in_the_service(db, mentor, three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        generate(db, mentor, "dues-receipt", tmp_path / "r.pdf", member_ids=[three[0].id])
    result = generate(db, mentor, "handover-form", tmp_path / "h.pdf", member_ids=[three[0].id])
    assert result.report.drawn == 1


# --- options and defaults ------------------------------------------------------------------------


def test_defaults_come_from_the_settings_and_the_clock(db, admin) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        set_setting(session, admin, CERTIFICATE_VALIDITY_YEARS, 5)
        set_setting(session, admin, NOTICE_RESPONSE_DAYS, 15)
        set_setting(session, admin, PLAQUE_MATERIAL, "黄铜")
    with db.session() as session:
        assert documents.default_options(session, "certificate")["validity_years"] == 5
        assert documents.default_options(session, "certificate")["issue_date"] == dt.date(2026, 11, 26)
        assert documents.default_options(session, "withdrawal-notice") == {}  # issue 15: nothing typed in
        assert documents.default_options(session, "plaque-order")["material"] == "黄铜"
        assert documents.default_options(session, "dues-receipt")["years"] == (2026,)


@pytest.mark.parametrize(
    ("kind", "given", "field", "fragment"),
    [
        ("dues-receipt", {"years": "2026,abc"}, "years", "不是年度"),
        ("dues-receipt", {"years": ""}, "years", "至少填写一个年度"),
        ("dues-receipt", {"date": "2026/13/01"}, "date", "不是日期"),
        ("certificate", {"validity_years": 0}, "validity_years", "1 到 20"),
        ("labels", {"recipient": "boss"}, "recipient", "不是可选项"),
        ("labels", {"colour": "red"}, "options", "没有这些选项"),
    ],
)
def test_options_are_checked(db, kind: str, given: dict, field: str, fragment: str) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session, pytest.raises(ValidationError) as error:
        documents.check_options(session, kind, given)
    assert field in error.value.errors and fragment in error.value.errors[field]


def test_years_accept_ranges_and_chinese_separators(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        assert documents.check_options(session, "dues-receipt", {"years": "2024-2026"})["years"] == (2024, 2025, 2026)
        assert documents.check_options(session, "dues-receipt", {"years": "2024，2026年"})["years"] == (2024, 2026)


# --- choosing members ----------------------------------------------------------------------------


def test_select_members(db, three) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        active = documents.select_members(session, all_active=True)
        assert [m.id for m in active] == [three[0].id, three[1].id]
        chosen = documents.select_members(
            session, member_numbers=[three[2].member_number.lower(), three[0].member_number]
        )
        assert [m.id for m in chosen] == [three[2].id, three[0].id]
        with pytest.raises(NotFound, match="WJX99990000"):
            documents.select_members(session, member_numbers=["WJX99990000"])


def test_a_kind_needing_members_refuses_none(db, officer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="请选择会员"):
        generate(db, officer, "labels", tmp_path / "l.pdf")
    result = generate(db, officer, "application-form", tmp_path / "blank.pdf")  # a blank form needs none
    assert result.report.drawn == 1


# --- documents from members ----------------------------------------------------------------------


def test_certificates_list_problems_and_can_assign_numbers(db, officer, three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = [m.id for m in three]
    result = generate(db, officer, "certificate", tmp_path / "c.pdf", member_ids=ids)
    assert result.report.drawn == 1
    messages = sorted(p.message for p in result.problems)
    assert messages == ["会员状态为“已退会”，不发会员证", "没有会员证编号（请先为该会员分配编号）"]
    text = pdf_text(tmp_path / "c.pdf")
    assert "武汉市江岸区宏达建设工程有限公司" in text and "为武汉建筑业协会理事单位" in text
    assert "至二〇二九年十一月二十五日" in text  # 3 years by default, to the day before

    result = generate(
        db,
        officer,
        "certificate",
        tmp_path / "c2.pdf",
        member_ids=ids[:2],
        options={"assign_numbers": True, "validity_years": 5},
    )
    assert result.report.drawn == 2 and result.problems == []
    with db.session() as session:
        member = session.get(Member, three[1].id)
        assert member.certificate_number == "WJXZ20260001"
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "assign_certificate_number")).one()
        assert entry.entity_id == member.id and entry.after == {"certificate_number": "WJXZ20260001"}
    assert f"武汉{RARE}建筑工程有限公司" in pdf_text(tmp_path / "c2.pdf")
    assert "至二〇三一年十一月二十五日" in pdf_text(tmp_path / "c2.pdf")


def test_assigning_numbers_needs_the_right_to_edit_members(db, admin, three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    printer = make_staff(db, Role.MENTOR, "m2")
    with pytest.raises(PermissionDenied):
        generate(
            db, printer, "certificate", tmp_path / "c.pdf", member_ids=[three[1].id], options={"assign_numbers": True}
        )


def pay(db, officer, member_id: int, amount: str, years: tuple[int, ...] = (2025, 2026)):  # type: ignore[no-untyped-def]
    """Bill ``years`` for every active member and record a payment (no receipt yet) — a receipt
    acknowledges money the dues ledger knows (issue 13)."""
    with db.session() as session:
        for year in years:
            dues.bill_year(session, officer, year)
        return dues.record_payment(session, officer, member_id, amount=amount, receipt=False).payment.id


def test_receipts_number_amount_and_audit(db, officer, admin, three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        set_setting(session, admin, RECEIPT_NUMBER_FORMAT, "SJ{year}-{seq:03d}")
    # the council level pays 5,000 a year, the member level 2,000: two years each, paid in full
    pay(db, officer, three[0].id, "10000")
    pay(db, officer, three[1].id, "4000")
    ids = [three[0].id, three[1].id]
    result = generate(db, officer, "dues-receipt", tmp_path / "r.pdf", member_ids=ids, options={"years": "2025,2026"})
    assert result.issued_numbers == ["SJ2026-001", "SJ2026-002"]
    first, second = page_texts(tmp_path / "r.pdf")
    assert "人民币壹万元整" in first and "¥10,000.00" in first and "2025—2026年度" in first
    assert "人民币肆仟元整" in second
    assert "郑会籍" in first  # received by the signed-in officer
    with db.session() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "issue_receipt").order_by(AuditEntry.id)
        ).all()
        assert [e.after["receipt_number"] for e in entries] == ["SJ2026-001", "SJ2026-002"]
        assert entries[0].after["amount"] == "10000.00" and entries[0].actor_name == "郑会籍"
    # printed again: the same receipts with their numbers, no new number
    result = generate(db, officer, "dues-receipt", tmp_path / "r2.pdf", member_ids=[three[0].id])
    assert result.issued_numbers == [] and "SJ2026-001" in pdf_text(tmp_path / "r2.pdf")
    # a reprint of one receipt by its number
    result = generate(
        db, officer, "dues-receipt", tmp_path / "r3.pdf", member_ids=[three[0].id],
        options={"receipt_number": "SJ2026-001"},
    )  # fmt: skip
    assert result.issued_numbers == [] and "SJ2026-001" in pdf_text(tmp_path / "r3.pdf")


def test_no_payment_no_receipt(db, officer, admin, three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A receipt acknowledges money received: an amount typed in the documents area is no payment."""
    with pytest.raises(NothingPrinted) as error:
        generate(db, officer, "dues-receipt", tmp_path / "r.pdf", member_ids=[three[0].id])
    assert "请先在“会费”中登记缴款" in error.value.problems[0].message
    assert not (tmp_path / "r.pdf").exists()  # issue 9: printing nothing writes no file
    with db.session() as session:  # and uses no receipt number
        assert not session.scalars(select(AuditEntry).where(AuditEntry.action == "issue_receipt")).all()
    assert "amount" not in documents.default_options(None, "dues-receipt")


def test_cancelling_leaves_no_file_and_uses_no_number(db, officer, three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def cancel(done: int, total: int) -> None:
        if done == 1:
            raise Cancelled()

    pay(db, officer, three[0].id, "10000")
    pay(db, officer, three[1].id, "4000", years=())
    out = tmp_path / "out" / "r.pdf"
    with pytest.raises(Cancelled):
        generate(db, officer, "dues-receipt", out, member_ids=[three[0].id, three[1].id], progress=cancel)
    assert list(out.parent.iterdir()) == []  # neither the file nor a partial one
    result = generate(db, officer, "dues-receipt", out, member_ids=[three[0].id])
    assert result.issued_numbers == ["WJXS202600001"]  # the cancelled run's numbers were rolled back
    with db.session() as session:
        assert len(session.scalars(select(AuditEntry).where(AuditEntry.action == "issue_receipt")).all()) == 1


def test_unprintable_name_stops_with_the_member_and_character(db, officer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = add_member(db, officer, name=f"武汉{NO_FONT}建设有限公司")
    out = tmp_path / "labels.pdf"
    with pytest.raises(UnprintableText) as error:
        generate(db, officer, "labels", out, member_ids=[bad.id])
    assert bad.member_number in str(error.value) and "U+2EBF0" in str(error.value)
    assert not out.exists()


def test_withdrawal_notice_only_for_confirmed_cases(db, officer, three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 15: grounds are never typed in; a member without an issued notice gets none."""
    with pytest.raises(ValidationError, match="退会告知书没有这些选项|没有这些选项"):
        generate(
            db,
            officer,
            "withdrawal-notice",
            tmp_path / "n.pdf",
            member_ids=[three[0].id],
            options={"unpaid_years": "2024"},
        )
    with pytest.raises(NothingPrinted) as error:
        generate(db, officer, "withdrawal-notice", tmp_path / "n2.pdf", member_ids=[three[0].id])
    assert "没有经确认的取消会员资格案件" in error.value.problems[0].message
    assert list(tmp_path.glob("n*")) == [] and list(tmp_path.glob(".partial-*")) == []
    # the confirmed-and-issued path is tested in tests/core/test_withdrawal.py


def test_nothing_printable_writes_no_file(db, officer, three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 9: a certificate run in which no member can be printed wastes no sheet of stock."""
    withdrawn = [m for m in three if m.status.value != "active"]
    assert withdrawn
    out = tmp_path / "out" / "certificates.pdf"
    with pytest.raises(NothingPrinted) as error:
        generate(db, officer, "certificate", out, member_ids=[withdrawn[0].id])
    assert "不发会员证" in error.value.message and "未写入任何文件" in error.value.message
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


def test_handover_form_changes(db, mentor, officer, three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    member = three[0]
    options = {"changes": "联络员手机=13907123456\n通讯地址＝武汉市洪山区珞喻路1号\n", "reported_on": "2026-11-20"}
    result = generate(db, mentor, "handover-form", tmp_path / "h.pdf", member_ids=[member.id], options=options)
    text = pdf_text(tmp_path / "h.pdf")
    assert result.report.drawn == 1
    assert "13871234567" in text and "13907123456" in text and "武汉市洪山区珞喻路1号" in text
    assert "2026年11月20日" in text
    with pytest.raises(ValidationError, match="不是可变更的项目"):
        generate(
            db, mentor, "handover-form", tmp_path / "x.pdf", member_ids=[member.id], options={"changes": "颜色=红"}
        )
    with pytest.raises(ValidationError, match="只能为一个会员"):
        generate(
            db,
            mentor,
            "handover-form",
            tmp_path / "x.pdf",
            member_ids=[member.id, three[1].id],
            options={"changes": "联络员=李四"},
        )
    assert not (tmp_path / "x.pdf").exists()


def test_labels_and_envelopes(db, officer, admin, three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = generate(db, officer, "labels", tmp_path / "l.pdf", all_active=True, options={"sheet": "2×8", "skip": 3})
    assert result.report.drawn == 1 and [p.message for p in result.skipped] == ["没有通讯地址，无法邮寄"]
    assert "张丽（办公室主任）　收" in pdf_text(tmp_path / "l.pdf")
    result = generate(
        db,
        officer,
        "envelopes",
        tmp_path / "e.pdf",
        member_ids=[three[0].id],
        options={"size": "C5", "recipient": "legal_representative"},
    )
    assert "王建国　收" in pdf_text(tmp_path / "e.pdf")
    with db.session() as session:
        set_setting(session, admin, LABEL_SHEET, {"columns": 4, "rows": 7, "label_width_mm": 60})
    with pytest.raises(ValidationError, match="超出 A4 纸宽"):
        generate(db, officer, "labels", tmp_path / "l2.pdf", member_ids=[three[0].id])


def test_plaque_order_pdf_and_excel(db, officer, three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = generate(
        db,
        officer,
        "plaque-order",
        tmp_path / "p.xlsx",
        member_ids=[three[0].id, three[1].id],
        options={"quantity": 2, "vendor": "武汉金字招牌"},
    )
    assert result.report.drawn == 2
    rows = list(load_workbook(tmp_path / "p.xlsx").active.iter_rows(values_only=True))
    assert rows[4][1] == "武汉市江岸区宏达建设工程有限公司" and rows[4][2] == "武汉建筑业协会\n理事单位"
    assert rows[4][7] == "张丽（办公室主任）" and rows[4][6] == 2
    assert "武汉金字招牌" in rows[2][0]
    generate(db, officer, "plaque-order", tmp_path / "p.pdf", member_ids=[three[0].id])
    assert "理事单位" in pdf_text(tmp_path / "p.pdf")
    with pytest.raises(ValidationError, match="只能保存为 PDF"):
        generate(db, officer, "labels", tmp_path / "l.xlsx", member_ids=[three[0].id])


def test_forms_prefilled_from_the_register(db, officer, three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    member = three[0]
    generate(db, officer, "application-form", tmp_path / "a.pdf", member_ids=[member.id])
    text = pdf_text(tmp_path / "a.pdf")
    assert member.name in text and member.uscc in text and "王建国" in text
    generate(db, officer, "filing-form", tmp_path / "f.pdf", member_ids=[member.id])
    assert member.member_number in pdf_text(tmp_path / "f.pdf")


# --- document settings ---------------------------------------------------------------------------


def test_seal_image(db, admin, officer, three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session, pytest.raises(PermissionDenied):
        documents.set_seal_image(session, officer, make_seal())
    with db.session() as session, pytest.raises(ValidationError, match="无法识别"):
        documents.set_seal_image(session, admin, b"not an image")
    with db.session() as session:
        documents.set_seal_image(session, admin, make_seal())
    with db.session() as session:
        assert documents.document_context(session).seal_png == make_seal()
        assert session.scalars(select(AuditEntry).where(AuditEntry.summary.like("%印章%"))).first() is not None


def test_document_fonts(db, admin) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session, pytest.raises(ValidationError, match="找不到"):
        documents.set_document_font(session, admin, "song", "/no/such/font.ttf")
    with db.session() as session, pytest.raises(ValidationError, match="不能嵌入"):
        documents.set_document_font(session, admin, "song", __file__)
    with db.session() as session:
        documents.set_document_font(session, admin, "fallback", "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf")
    with db.session() as session:
        assert documents.document_context(session).fonts == {
            "fallback": "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"
        }


def test_scheduled_dues(db, officer, three) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        assert dues.annual_dues(session, session.get(Member, three[0].id).level) == Decimal("5000.00")
        assert dues.annual_dues(session, session.get(Member, three[1].id).level) == Decimal("2000.00")
        assert session.get(Member, three[2].id).status == MemberStatus.WITHDRAWN
