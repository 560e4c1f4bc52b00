"""The mailing area (issue 14): batches with their state, a batch's recipients with the filters
that say what is still to do, and the office's and the mentors' actions through the real buttons
and dialogs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image
from PySide6.QtWidgets import QDialog
from shiboken6 import isValid

from desktop_app.core.models import RecipientState
from desktop_app.core.services import mailing
from desktop_app.core.services.mailing import ContentSpec
from desktop_app.ui import ops
from desktop_app.ui.mailing.dialogs import (
    LiaisonToldDialog,
    MailingContactDialog,
    ProofPhotosDialog,
    ReturnedMailDialog,
    TrackingNumbersDialog,
)
from desktop_app.ui.mailing.history import MailingHistoryTable
from desktop_app.ui.mailing.view import MailingView
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.preview import PdfPreviewDialog
from tests.core.test_mailing import Office


@pytest.fixture
def office(db, admin, member_values, zh_app) -> Office:  # type: ignore[no-untyped-def]
    return Office(db, admin, member_values)


@pytest.fixture
def batch(office: Office):  # type: ignore[no-untyped-def]
    return office.batch(
        recipients=mailing.RecipientFilter(all_active=True),
        contents=[ContentSpec("journal", "《武汉建筑业》2026年第4期"), ContentSpec("certificate", "荣誉证书")],
    )


def make_view(qtbot, office: Office, actor) -> MailingView:  # type: ignore[no-untyped-def]
    view = MailingView(office.db, actor)
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    return view


def finish(qtbot) -> None:  # type: ignore[no-untyped-def]
    ops.wait_all()
    qtbot.waitUntil(lambda: not ops.busy(), timeout=20000)


def close(dialog: QDialog | None) -> None:
    if dialog is not None and isValid(dialog) and dialog.isVisible():
        dialog.close()


def rows_by_name(view: MailingView) -> dict[str, mailing.RecipientRow]:
    return {row.organisation: row for row in view.recipients.rows}


def test_the_area_is_there_for_every_role_with_the_office_actions_for_the_office(qtbot, office: Office) -> None:  # type: ignore[no-untyped-def]
    for actor, office_buttons in ((office.officer, True), (office.mentor, False), (office.leader, False)):
        window = MainWindow(office.db, actor)
        qtbot.addWidget(window)
        titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
        assert "邮寄管理" in titles
        view = window.show_area("mailing")
        assert view.new_button.isVisibleTo(view) is office_buttons
        assert view.sent_button.isVisibleTo(view) is office_buttons
        assert view.notified_button.isVisibleTo(view) is (actor is not office.leader)
        assert view.mine.isVisibleTo(view) is (actor is office.mentor)


def test_batches_and_recipients_with_what_is_still_to_do(qtbot, qtmodeltester, office: Office, batch) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, office, office.officer)
    qtmodeltester.check(view.batches)
    qtmodeltester.check(view.recipients)
    assert [r.number for r in view.batches.rows] == ["YJ2026001"]
    assert view.batches.data(view.batches.index(0, 3)) == "准备中"
    assert "2 个地址有问题" in view.batches.data(view.batches.index(0, 5))
    assert len(view.recipients.rows) == 4
    assert "YJ2026001" in view.heading.text() and "全部正常会员" in view.details.text()
    view.select_view("problems")
    problems = rows_by_name(view)
    assert set(problems) == {"武汉市江汉区鑫泰建筑装饰工程有限公司", "湖北楚天路桥工程股份有限公司"}
    index = view.recipients.index(0, view.recipients.COLUMNS.index("state"))
    assert view.recipients.data(index).startswith("问题：")
    view.select_view("no_photo")
    assert set(rows_by_name(view)) == {"武汉市江岸区宏达建设工程有限公司", "武汉城安市政工程有限公司"}
    view.select_view("all")
    view.search.setText("城安")
    assert [r.organisation for r in view.recipients.rows] == ["武汉城安市政工程有限公司"]
    assert view.count_label.text().startswith("显示 1 个收件会员")


def test_a_new_batch_for_a_mentors_members(qtbot, office: Office, messages) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, office, office.officer)
    assert view.batches.rowCount() == 0 and view.batches_empty.label.isVisible()
    dialog = view.new_batch()
    assert dialog is not None
    dialog.title_edit.setText("2026年第4期会刊")
    dialog.journal_title.setText("《武汉建筑业》2026年第4期")
    dialog.documents.setPlainText("关于开展2026年度会员单位信用评价的通知\n")
    dialog.mode_mentor.setChecked(True)
    dialog.mentor_box.setCurrentIndex(dialog.mentor_box.findData(office.mentor.id))
    dialog.findChild(object, "ok").click()
    finish(qtbot)
    qtbot.waitUntil(lambda: not dialog.isVisible() if isValid(dialog) else True)
    assert [r.title for r in view.batches.rows] == ["2026年第4期会刊"]
    assert {r.organisation for r in view.recipients.rows} == {
        "武汉市江岸区宏达建设工程有限公司",
        "武汉市江汉区鑫泰建筑装饰工程有限公司",
    }
    assert "班主任：陈晓燕" in view.details.text()
    # A refusal stays in the dialog with what was typed.
    dialog = view.new_batch()
    dialog.title_edit.setText(" ")
    dialog.findChild(object, "ok").click()
    finish(qtbot)
    assert dialog.isVisible() and "批次名称：请填写" in dialog.error.text()
    dialog.close()


def test_sending_tracking_returned_photos_and_notification(
    qtbot, office: Office, batch, messages, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, office, office.officer)
    view.sent_button.click()  # nothing selected: every envelope still to send (problems aside), after asking
    assert messages[-2].text == "将全部 2 个待寄出的信封登记为今天寄出？" and messages[-1].text == "已登记寄出 2 件。"
    rows = rows_by_name(view)
    hongda, council = rows["武汉市江岸区宏达建设工程有限公司"], rows["武汉城安市政工程有限公司"]
    assert hongda.state == RecipientState.SENT and rows["湖北楚天路桥工程股份有限公司"].state == RecipientState.PREPARED

    view.tracking_button.click()
    dialog = view.dialog
    assert isinstance(dialog, TrackingNumbersDialog)
    dialog.pasted.setPlainText(f"{hongda.reference}\tSF1403000000001\n{council.member_number} SF1403000000002")
    dialog.findChild(object, "ok").click()
    assert messages[-1].text.startswith("已登记快递单号 2 个")
    rows = rows_by_name(view)
    assert rows[hongda.organisation].tracking_number == "SF1403000000001"

    view.select_recipients([council.id])
    view.returned_button.click()
    returned = view.dialog
    assert isinstance(returned, ReturnedMailDialog)
    returned.reason.setCurrentText("查无此单位")
    returned.findChild(object, "ok").click()
    assert rows_by_name(view)[council.organisation].state == RecipientState.RETURNED
    assert view.doubtful_button.text() == "地址存疑（1）…"

    view.select_recipients([hongda.id])
    view.delivered_button.click()
    assert rows_by_name(view)[hongda.organisation].state == RecipientState.DELIVERED

    # The mentor's part: a photo, and the liaison told.
    mentor_view = make_view(qtbot, office, office.mentor)
    assert [r.organisation for r in mentor_view.recipients.rows] == [
        hongda.organisation,
        "武汉市江汉区鑫泰建筑装饰工程有限公司",
    ]
    mentor_view.select_recipients([hongda.id])
    mentor_view.photos_button.click()
    photos = mentor_view.dialog
    assert isinstance(photos, ProofPhotosDialog)
    photo = tmp_path / "IMG_0001.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (80, 60), (90, 120, 160)).save(buffer, "JPEG")
    photo.write_bytes(buffer.getvalue())
    broken = tmp_path / "IMG_0002.jpg"
    broken.write_bytes(buffer.getvalue()[:150])
    photos.ask_open_paths = lambda: [str(photo), str(broken)]  # type: ignore[method-assign]
    assert photos.add_photos() == 1
    assert photos.list.count() == 1 and "图片" in photos.error.text()  # the broken one is refused, named
    photos.list.setCurrentRow(0)
    viewer = photos.open_photo()
    assert viewer is not None
    viewer.close()
    photos.close()
    mentor_view.notified_button.click()
    notified = mentor_view.dialog
    assert isinstance(notified, LiaisonToldDialog)
    notified.findChild(object, "ok").click()
    row = rows_by_name(mentor_view)[hongda.organisation]
    assert row.photos == 1 and row.notified_at is not None
    view.reload_batches()
    assert "1 个缺照片" in view.batches.data(view.batches.index(0, 5))


def test_printing_labels_to_the_preview_and_the_manifest_to_excel(
    qtbot, office: Office, batch, messages, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, office, office.officer)
    view.ask_print_options = lambda what: {"sheet": "2×8", "skip": 0, "size": None, "unsent": False}  # type: ignore[method-assign]
    try:
        view.print_actions["labels"].trigger()
        finish(qtbot)
        assert isinstance(view.preview, PdfPreviewDialog) and view.preview.isVisible()
        assert view.last_print is not None and view.last_print.drawn == 2 and len(view.last_print.skipped) == 2
        assert "2 个未列入" in view.count_label.text()
    finally:
        close(view.preview)
    out = tmp_path / "清单.xlsx"
    view.ask_save_path = lambda suggested: str(out)  # type: ignore[method-assign]
    view.print_actions["manifest"].trigger()
    finish(qtbot)
    assert out.exists() and messages[-1].text.startswith("快递批量下单表：2 个收件会员")
    sheet = load_workbook(out).active
    assert sheet.cell(1, 1).value == "用户订单号" and sheet.max_row == 3


def test_a_mentor_sets_its_members_contact(qtbot, office: Office, batch) -> None:  # type: ignore[no-untyped-def]
    dialog = MailingContactDialog(office.db, office.mentor, office.ids["hongda"])
    qtbot.addWidget(dialog)
    dialog.contact.setCurrentIndex(dialog.contact.findData("other"))
    assert dialog.name.isEnabled()
    dialog.name.setText("刘洋")
    dialog.accept()
    assert "收件人电话" in dialog.error.text()  # refused, named, nothing lost
    dialog.phone.setText("13907123456")
    dialog.copies.setValue(2)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with office.db.session() as session:
        preference = mailing.get_preference(session, office.ids["hongda"])
        assert (preference.contact.value, preference.name, preference.copies) == ("other", "刘洋", 2)
    other = MailingContactDialog(office.db, office.mentor, office.ids["council"])
    qtbot.addWidget(other)
    other.accept()
    assert "不是您联系的会员" in other.error.text()
    other.close()


def test_a_members_mailing_history_table(qtbot, qtmodeltester, office: Office, batch) -> None:  # type: ignore[no-untyped-def]
    table = MailingHistoryTable(office.db)
    qtbot.addWidget(table)
    table.show()
    table.show_member(office.ids["hongda"])
    qtmodeltester.check(table.history)
    assert table.history.rowCount() == 1
    assert table.history.data(table.history.index(0, 1)).startswith("YJ2026001")
    assert table.history.data(table.history.index(0, 5)) == "待寄出"
    table.show_member(office.ids["gone"])
    assert table.history.rowCount() == 0 and table.empty.label.isVisible()
