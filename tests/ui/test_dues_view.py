"""The dues area in the window (issue 13): billing a year, a payment and its receipt, a reversal,
the resident leader's consent (and nobody else's), what a mentor sees, arrears with their totals
and the reminder list, a bank statement imported and a line matched by hand; every table model
checked with qtmodeltester."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.core.models import Role
from desktop_app.core.services import dues
from desktop_app.demo.admission import demo_pdf
from desktop_app.ui import ops
from desktop_app.ui.dues.dialogs import (
    BillYearDialog,
    ConsentDialog,
    ImportResultDialog,
    MatchLineDialog,
    PaymentDialog,
    ReverseDialog,
)
from desktop_app.ui.dues.member import MemberDuesWidget
from desktop_app.ui.dues.view import DuesView
from desktop_app.ui.main_window import AREAS
from tests.conftest import make_staff
from tests.core.test_dues import add_member, bill, bills, pay
from tests.spreadsheets.test_bank_statement import statement

D = Decimal


def open_view(qtbot, db, actor) -> DuesView:  # type: ignore[no-untyped-def]
    view = DuesView(db, actor)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    return view


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled() and button.isVisible(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def ok(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))


def test_the_area_is_there_for_every_role_that_sees_dues() -> None:
    from desktop_app.core.security import Actor

    area = next(a for a in AREAS if a.key == "dues")
    for role in Role:
        assert area.visible(Actor(1, "x", "某人", role))


def test_billing_a_year_and_recording_a_payment(qtbot, zh_app, db, officer, messages, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    first = add_member(db, officer, 1, level="council")
    add_member(db, officer, 2)
    view = open_view(qtbot, db, officer)
    assert view.year.model.rowCount() == 0
    assert "尚未开具会费" in view.year.empty_state.label.text()
    click(qtbot, view.year.bill_button)
    dialog = view.year.dialog
    assert isinstance(dialog, BillYearDialog) and "有 2 个正常会员尚未开具" in dialog.info.text()
    ok(qtbot, dialog)  # billed in the background; the dialog closes (and is deleted) when done
    qtbot.waitUntil(lambda: any("新开具 2 个会员，合计 7,000.00 元" in m.text for m in messages), timeout=10000)
    # the area heard the change and shows the year's bills with totals
    qtbot.waitUntil(lambda: view.year.model.rowCount() == 2, timeout=5000)
    qtmodeltester.check(view.year.model)
    assert "共 2 户：应缴 7,000.00 元" in view.year.totals.text()
    assert view.year.member.member_id == first  # the first row's member below

    messages.answer = False  # do not print the receipt now
    click(qtbot, view.year.member.pay_button)
    payment = view.year.member.dialog
    assert isinstance(payment, PaymentDialog) and payment.amount.text() == "5000.00"  # what it owes
    payment.amount.setText("6000")
    payment.reference.setText("HX001")
    ok(qtbot, payment)
    assert not payment.isVisible(), payment.error.text()
    assert messages[-1].kind == "question" and "余额 1,000.00 元留作下一年度会费" in messages[-1].text
    assert bills(db, first)[2026].settled
    widget = view.year.member
    qtbot.waitUntil(lambda: widget.payments.rowCount() == 1, timeout=5000)
    qtmodeltester.check(widget.payments)
    qtmodeltester.check(widget.bills)
    assert "预缴余额 1,000.00 元" in widget.summary.text()
    assert widget.payments.rows[0].receipt_number == "WJXS202600001"
    view.close()


def test_a_payment_with_a_wrong_amount_stays_open_with_the_reason(qtbot, zh_app, db, officer, messages) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, 1)
    dialog = PaymentDialog(db, officer, member_id=member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.amount.setText("两千")
    ok(qtbot, dialog)
    assert dialog.isVisible() and "不是金额" in dialog.error.text()
    dialog.close()


def test_a_reversal_from_the_members_dues(qtbot, zh_app, db, officer, messages) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, 1)
    bill(db, officer, 2026)
    pay(db, officer, member_id, 2000)
    widget = MemberDuesWidget(db, officer, member_id)
    qtbot.addWidget(widget)
    widget.show()
    widget.payments_view.selectRow(0)
    click(qtbot, widget.reverse_button)
    dialog = widget.dialog
    assert isinstance(dialog, ReverseDialog) and "WJXS202600001" in dialog.layout_.itemAt(0).widget().text()
    ok(qtbot, dialog)
    assert dialog.isVisible() and "冲正原因：不能为空" in dialog.error.text()
    dialog.reason.setPlainText("银行退票")
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: widget.payments.rowCount() == 2, timeout=5000)
    assert not bills(db, member_id)[2026].settled
    texts = [widget._receipt_text(p) for p in widget.payments.rows]
    assert any("作废" in t for t in texts) and any("冲正" in t for t in texts)
    widget.payments_view.selectRow(texts.index(next(t for t in texts if "作废" in t)))
    assert not widget.reverse_button.isEnabled()  # reversed once only
    widget.close()


def test_only_the_resident_leader_records_a_consent(qtbot, zh_app, db, officer, leader, mentor, messages) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, 1, mentor_id=mentor.id)
    bill(db, officer, 2026)
    for actor in (officer, mentor):
        widget = MemberDuesWidget(db, actor, member_id)
        qtbot.addWidget(widget)
        assert not widget.consent_button.isEnabled()
        assert "驻会领导" in widget.consent_button.toolTip()
        widget.close()
    view = open_view(qtbot, db, leader)
    assert not view.year.pay_button.isVisible() and not view.year.bill_button.isVisible()
    click(qtbot, view.year.consent_button)
    dialog = view.year.dialog
    assert isinstance(dialog, ConsentDialog)
    dialog.agreed.setText("1000")
    dialog.reason.setPlainText("受汛期影响经营困难")
    dialog.reference.setText("武建协〔2026〕12号")
    ok(qtbot, dialog)
    assert dialog.isVisible() and "扫描件" in dialog.error.text()
    dialog.set_scan("同意书.pdf", demo_pdf("Consent"))
    ok(qtbot, dialog)
    assert not dialog.isVisible(), dialog.error.text()
    assert bills(db, member_id)[2026].due == D("1000.00")
    view.tabs.setCurrentWidget(view.reductions)
    qtbot.waitUntil(lambda: view.reductions.model.rowCount() == 1, timeout=5000)
    assert view.reductions.model.rows[0].consented_by == "罗振华"
    view.close()


def test_a_mentor_sees_its_own_members_dues_only(qtbot, zh_app, db, officer, mentor, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    mine = add_member(db, officer, 1, mentor_id=mentor.id)
    other = add_member(db, officer, 2)
    bill(db, officer, 2026)
    view = open_view(qtbot, db, mentor)
    assert [r.member_id for r in view.year.model.rows] == [mine]
    assert view.bank is None and view.receipts is None  # the office's tabs
    assert not view.year.mentor_box.isVisible()
    view.arrears.reload()
    assert [r.member_id for r in view.arrears.model.rows] == [mine]
    qtmodeltester.check(view.arrears.model)
    widget = MemberDuesWidget(db, mentor, other)
    qtbot.addWidget(widget)
    assert "班主任只能查看自己负责的会员" in widget.summary.text() and widget.bills.rowCount() == 0
    widget.close()
    view.close()


def test_arrears_totals_and_the_reminder_list(
    qtbot, zh_app, db, officer, clock, messages, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    owes = add_member(db, officer, 1)
    add_member(db, officer, 2)
    clock.set(dt.date(2025, 2, 1))
    bill(db, officer, 2025)
    clock.set(dt.date(2026, 11, 26))
    bill(db, officer, 2026)
    pay(db, officer, 2, 4000)
    view = open_view(qtbot, db, officer)
    view.tabs.setCurrentWidget(view.arrears)
    qtbot.waitUntil(
        lambda: "1 个会员欠缴，合计 4,000.00 元；其中 1 个一年以上未缴" in view.arrears.totals.text(), timeout=5000
    )
    assert [r.member_id for r in view.arrears.model.rows] == [owes]
    out = tmp_path / "催缴名单.xlsx"
    monkeypatch.setattr(view.arrears, "_save_name", lambda *_args: str(out))
    click(qtbot, view.arrears.export_button)
    qtbot.waitUntil(lambda: out.exists() and bool(messages) and "已将 1 个会员写入" in messages[-1].text, timeout=10000)
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "武汉建筑业协会会费催缴名单" and sheet.cell(4, 5).value == "2025、2026"
    view.close()


def test_a_bank_statement_imported_and_a_line_matched_by_hand(
    qtbot, zh_app, db, officer, messages, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, 1)
    bill(db, officer, 2026)
    path = statement(
        tmp_path / "流水.xlsx",
        [
            ["2026-11-20", "", "", 1000, "", "武汉第1建设工程有限公司", "", "会费", "HX1"],
            ["2026-11-21", "", "", 1000, "", "不认识的付款人", "", "会费", "HX2"],
        ],
    )
    view = open_view(qtbot, db, officer)
    view.tabs.setCurrentWidget(view.bank)
    view.bank.choose_file = lambda: str(path)  # type: ignore[method-assign]
    click(qtbot, view.bank.import_button)
    qtbot.waitUntil(lambda: isinstance(view.bank.dialog, ImportResultDialog), timeout=10000)
    result = view.bank.dialog
    assert "入账 1 笔" in result.findChild(type(result.error), "summary").text()
    assert result.rows.rowCount() == 2
    result.close()
    qtbot.waitUntil(lambda: view.bank.model.rowCount() == 1, timeout=5000)
    view.bank.table.selectRow(0)
    click(qtbot, view.bank.match_button)
    dialog = view.bank.dialog
    assert isinstance(dialog, MatchLineDialog)
    dialog.picker.search.setText("第1建设")
    dialog.picker.find()
    assert dialog.picker.member_id() == member_id
    ok(qtbot, dialog)
    assert not dialog.isVisible(), dialog.error.text()
    assert bills(db, member_id)[2026].settled
    qtbot.waitUntil(lambda: view.bank.model.rowCount() == 0, timeout=5000)
    with db.session() as session:
        assert len(dues.receipts_waiting_to_mail(session)) == 2  # a receipt for each booked line
    view.tabs.setCurrentWidget(view.receipts)
    qtbot.waitUntil(lambda: view.receipts.model.rowCount() == 2, timeout=5000)
    view.close()


@pytest.mark.parametrize("tab", ["rates", "schedule"])
def test_the_other_tabs_show_their_rows(qtbot, zh_app, db, officer, admin, qtmodeltester, tab) -> None:  # type: ignore[no-untyped-def]
    add_member(db, officer, 1, mentor_id=make_staff(db, Role.MENTOR, "m9", "王海燕").id)
    bill(db, officer, 2026)
    view = open_view(qtbot, db, admin)
    widget = getattr(view, tab)
    view.tabs.setCurrentWidget(widget)
    widget.reload()
    qtmodeltester.check(widget.model)
    if tab == "rates":
        assert [r.mentor for r in widget.model.rows] == ["王海燕", "合计"]
    else:
        assert widget.model.rows[0].from_year == 2000 and "会费年度：自 1 月起" in widget.rules.text()
        assert widget.add_button.isVisible()
    view.close()
    ops.wait_all()
