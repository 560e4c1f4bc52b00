"""The area 退会管理 (issue 15): the review with its evidence, confirming in one step, issuing and
printing the notices, an outcome and the council, an appeal, a withdrawal letter with its errors
under the fields, activities and a sign-in sheet, a mentor's task, and a member's withdrawal tab."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from shiboken6 import isValid

from desktop_app.core.models import MemberStatus
from desktop_app.core.models.mailing import MailingRecipient
from desktop_app.core.models.withdrawal import CaseStatus
from desktop_app.core.services import mailing, members, withdrawal
from desktop_app.demo.admission import demo_pdf
from desktop_app.spreadsheets.writer import append
from desktop_app.ui import ops
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.preview import PdfPreviewDialog
from desktop_app.ui.withdrawal.common import FormDialog, select_row
from desktop_app.ui.withdrawal.member_tab import MemberCasesWidget
from desktop_app.ui.withdrawal.view import WithdrawalView
from tests.documents.conftest import pdf_text

D = dt.date


@pytest.fixture
def office(db, officer, member_values):  # type: ignore[no-untyped-def]
    """A member that last took part in an activity over a year ago, with one held since."""
    with db.session() as session:
        idle = members.create_member(session, officer, member_values).id
        old = withdrawal.save_activity(
            session,
            officer,
            {"title": "2025年度会员大会", "held_on": D(2025, 3, 1), "kind": "meeting", "organiser": "秘书处"},
        )
        withdrawal.record_attendance(session, officer, old.id, idle, attendee="张丽")
        withdrawal.save_activity(
            session,
            officer,
            {"title": "建筑安全生产培训", "held_on": D(2026, 6, 1), "kind": "training", "organiser": "培训部"},
        )
    return {"idle": idle}


@pytest.fixture
def view(qtbot, zh_app, db, officer):  # type: ignore[no-untyped-def]
    widget = WithdrawalView(db, officer)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    for tab in (widget.review, widget.cases, widget.appeals, widget.activities, widget.tasks):
        dialog = getattr(tab, "dialog", None)
        if dialog is not None and isValid(dialog) and dialog.isVisible():
            dialog.close()


def closed(dialog) -> bool:  # type: ignore[no-untyped-def]
    """Accepted and gone (the dialogs delete themselves on close)."""
    return not isValid(dialog) or not dialog.isVisible()


def finish(qtbot) -> None:  # type: ignore[no-untyped-def]
    ops.wait_all()
    qtbot.waitUntil(lambda: not ops.busy(), timeout=20000)


def test_the_area_is_there_for_who_may_see_it(qtbot, zh_app, db, officer, mentor, leader) -> None:  # type: ignore[no-untyped-def]
    for actor in (officer, mentor, leader):
        window = MainWindow(db, actor)
        qtbot.addWidget(window)
        titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
        assert "退会管理" in titles
        area = window.show_area("withdrawal")
        assert isinstance(area, WithdrawalView)
        assert area.tabs.tabText(1) == "案件（0 个未结）"
        assert area.review.disqualify_button.isEnabled() is (actor is officer)
        assert area.cases.voluntary_button.isEnabled() is (actor is officer)
        window.close()


def test_review_confirm_issue_and_print(qtbot, office, view, db, officer, messages, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    review = view.review
    assert not review.confirm_button.isEnabled()
    review.run()
    finish(qtbot)
    qtmodeltester.check(review.model)
    assert review.model.rowCount() == 1
    assert "（二）未参加活动：1" in review.count.text() or "未参加活动：1" in review.count.text()
    assert "自2025年3月1日参加本会“2025年度会员大会”以来" in review.evidence.toPlainText()
    review.model.setData(review.model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert review.confirm_button.isEnabled() and "1" in review.confirm_button.text()
    messages.answer = False  # the confirmation question: No changes nothing
    review.confirm()
    with db.session() as session:
        assert withdrawal.case_rows(session, officer) == []
    messages.answer = True
    review.confirm()
    assert "已立案 1 个" in messages[-1].text
    assert view.tabs.tabText(1) == "案件（1 个未结）"

    cases = view.cases
    qtmodeltester.check(cases.model)
    assert cases.model.rowCount() == 1
    cases.table.selectRow(0)
    assert cases.issue_button.isEnabled() and not cases.print_button.isEnabled()
    assert "尚未发出告知书" in cases.print_button.toolTip()
    dialog = cases.issue_notices()
    assert isinstance(dialog, FormDialog)
    dialog.submit()
    finish(qtbot)
    assert closed(dialog)
    preview = cases.dialog
    assert isinstance(preview, PdfPreviewDialog)
    text = pdf_text(Path(preview.print_path if hasattr(preview, "print_path") else preview.path))
    assert "武建协会籍〔2026〕1号" in text and "一年以上不参加本会活动" in text and "不缴纳会费（第" not in text
    preview.close()
    with db.session() as session:
        (row,) = withdrawal.case_rows(session, officer)
        assert row.status == CaseStatus.NOTIFIED and row.response_deadline == D(2026, 12, 26)
    select_row(cases.table, lambda r: r.id == row.id)
    assert cases.print_button.isEnabled()
    assert not cases.deemed_button.isEnabled() and "2026-12-26" in cases.deemed_button.toolTip()
    assert "邮寄批次" in cases.text.toPlainText() and "待寄出" in cases.text.toPlainText()


def issued_and_posted(db, officer, member_id: int) -> int:  # type: ignore[no-untyped-def]
    with db.session() as session:
        (case,) = withdrawal.confirm_candidates(session, officer, D(2026, 11, 26), [member_id])
        (case,) = withdrawal.issue_notices(session, officer, [case.id])
        from sqlalchemy import select

        recipient = session.scalar(
            select(MailingRecipient.id).where(MailingRecipient.batch_id == case.mailing_batch_id)
        )
        mailing.mark_sent(session, officer, [recipient])
        return case.id


def test_deemed_withdrawn_council_and_appeal(qtbot, office, view, db, officer, clock, messages, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case_id = issued_and_posted(db, officer, office["idle"])
    clock.set(D(2026, 12, 27))
    cases = view.cases
    cases.reload()
    assert cases.select_case(case_id)
    assert cases.deemed_button.isEnabled()
    dialog = cases.deemed_withdrawn()
    dialog.submit()  # the reason is required: shown under its field, the dialog stays open
    assert dialog.isVisible() and "请填写" in dialog.wrappers["outcome_note"].error.text()
    dialog.inputs["outcome_note"].setPlainText("会员书面答复拒绝缴纳会费、不参加活动")
    dialog.submit()
    assert closed(dialog)
    assert cases.council_button.isEnabled()
    dialog = cases.council()
    dialog.inputs["council_resolution"].setText("理事会〔2026〕9号")
    dialog.submit()
    assert closed(dialog)
    assert "随会籍终止的事项" in messages[-1].text and "班主任" in messages[-1].text
    with db.session() as session:
        assert members.get_member(session, office["idle"]).status == MemberStatus.CANCELLED
    cases.filter.setCurrentIndex(1)  # all cases
    assert cases.select_case(case_id)
    assert cases.appeal_button.isEnabled()
    dialog = cases.file_appeal()
    dialog.inputs["grounds"].setPlainText("签到表漏记了本单位的参加情况")
    (tmp_path / "申诉书.pdf").write_bytes(demo_pdf("appeal"))
    dialog.inputs["scan"].edit.setText(str(tmp_path / "申诉书.pdf"))
    dialog.submit()
    assert closed(dialog)
    appeals = view.appeals
    appeals.reload()
    assert appeals.model.rowCount() == 1 and appeals.reply_button.isEnabled()
    dialog = appeals.council_reply()
    box = dialog.inputs["council_decision"]
    box.setCurrentIndex(box.findData("restored"))
    dialog.inputs["council_reply"].setPlainText("核实后撤销取消决定")
    dialog.submit()
    assert closed(dialog)
    with db.session() as session:
        assert members.get_member(session, office["idle"]).status == MemberStatus.ACTIVE
    assert view.tabs.tabText(2) == "申诉（0）"


def test_withdrawal_letter_errors_under_the_fields(qtbot, office, view, db, officer, tmp_path: Path, messages) -> None:  # type: ignore[no-untyped-def]
    cases = view.cases
    dialog = cases.record_withdrawal()
    dialog.submit()
    assert dialog.isVisible() and dialog.wrappers["member"].error.text() == "请在名册中搜索并选择会员"
    picker = dialog.inputs["member"]
    picker.search.setText("WJX2026")
    assert picker.value() == office["idle"]
    dialog.inputs["reason"].setPlainText("业务转型")
    (tmp_path / "函.pdf").write_bytes(b"%PDF-1.4 not a pdf at all")
    dialog.inputs["letter"].edit.setText(str(tmp_path / "函.pdf"))
    dialog.submit()
    assert dialog.isVisible() and "退会函件" in dialog.wrappers["letter"].error.text()
    assert dialog.inputs["reason"].toPlainText() == "业务转型"  # nothing typed is lost
    (tmp_path / "函.pdf").write_bytes(demo_pdf("letter"))
    dialog.submit()
    assert closed(dialog)
    assert "随会籍终止的事项" in messages[-1].text  # what ended with the membership, told at once
    with db.session() as session:
        assert members.get_member(session, office["idle"]).status == MemberStatus.WITHDRAWN


def test_activities_and_a_sign_in_sheet(
    qtbot, office, view, db, officer, tmp_path: Path, messages, monkeypatch, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    tab = view.activities
    qtmodeltester.check(tab.activities)
    assert tab.activities.rowCount() == 2
    book = Workbook()
    append(book.active, ["单位名称", "参会人"])
    append(book.active, ["武汉市江岸区宏达建设工程有限公司", "张丽"])
    append(book.active, ["湖北华达建筑设计研究院", "刘芳"])
    path = tmp_path / "签到表.xlsx"
    book.save(path)
    select_row(tab.activity_table, lambda a: a.title == "建筑安全生产培训")
    monkeypatch.setattr(tab, "choose_sheet", lambda: str(path))
    tab.import_sheet()
    finish(qtbot)
    assert "新登记参加 1 个会员" in messages[-1].text and "待人工匹配 1" in messages[-1].text
    assert tab.summary.text() == messages[-1].text
    assert tab.attendance.rowCount() == 1 and tab.pending.rowCount() == 1
    assert view.tabs.tabText(3) == "活动（1 行待匹配）"
    tab.pending_table.selectRow(0)
    dialog = tab.dismiss_row()
    dialog.inputs["reason"].setPlainText("设计院，非会员（嘉宾）")
    dialog.submit()
    assert tab.pending.rowCount() == 0
    dialog = tab.new_activity()
    dialog.inputs["title"].setText("优秀项目经理评选表彰会")
    dialog.inputs["organiser"].setText("秘书处")
    dialog.submit()
    assert closed(dialog) and tab.activities.rowCount() == 3


def test_a_mentor_ticks_off_its_task(qtbot, zh_app, db, officer, mentor, office, clock, messages) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        members.set_mentor(session, officer, members.get_member(session, office["idle"]), mentor.id)
    with db.session() as session:
        withdrawal.record_voluntary_withdrawal(
            session,
            officer,
            office["idle"],
            {"letter_received_on": D(2026, 11, 26), "reason": "业务转型"},
            withdrawal.Scan("函.pdf", demo_pdf("letter")),
        )
    view = WithdrawalView(db, mentor)
    qtbot.addWidget(view)
    view.show()
    tasks = view.tasks
    assert tasks.model.rowCount() == 1 and tasks.done_button.isEnabled()
    assert "微信" in tasks.model.index(0, 2).data()
    dialog = tasks.done()
    dialog.submit()
    assert closed(dialog) and tasks.model.rowCount() == 0
    assert not view.cases.voluntary_button.isEnabled()  # a mentor sees, the office acts
    view.close()


def test_a_members_withdrawal_tab(qtbot, zh_app, db, officer, office, qtmodeltester, messages) -> None:  # type: ignore[no-untyped-def]
    widget = MemberCasesWidget(db, officer, office["idle"])
    qtbot.addWidget(widget)
    widget.show()
    assert widget.current.text() == "自 2020-10-27 起为会员（入会（原有记录））"
    qtmodeltester.check(widget.spells)
    dialog = widget.add_position()
    box = dialog.inputs["kind"]
    box.setCurrentIndex(box.findData("council"))
    dialog.inputs["term"].setText("第七届（2024—2029）")
    dialog.submit()
    assert closed(dialog)
    assert widget.positions.rowCount() == 1 and widget.positions.index(0, 0).data() == "理事单位（第七届（2024—2029））"
    assert widget.attendance.rowCount() == 1
    widget.close()
