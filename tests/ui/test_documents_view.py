"""The documents area: pick a kind and members, fill the inputs, preview, print, save."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from shiboken6 import isValid

from desktop_app.core.models import Member, MemberStatus
from desktop_app.core.services import members
from desktop_app.ui import ops
from desktop_app.ui.documents.view import OFFSET_X_KEY, DocumentsView
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.preview import PdfPreviewDialog
from tests.documents.conftest import make_seal, pdf_text


@pytest.fixture
def view(qtbot, demo_db, demo_actor):  # type: ignore[no-untyped-def]
    widget = DocumentsView(demo_db, demo_actor)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    if widget.preview is not None and isValid(widget.preview) and widget.preview.isVisible():
        widget.preview.close()


def active_members(db, count: int) -> list[Member]:  # type: ignore[no-untyped-def]
    with db.session() as session:
        ids = members.search_member_ids(session, members.MemberFilter(status=MemberStatus.ACTIVE), limit=count)
        return [session.get(Member, i) for i in ids]


def finish(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    ops.wait_all()
    qtbot.waitUntil(lambda: not ops.busy(), timeout=20000)


def test_the_area_is_there_for_those_who_may_print(qtbot, zh_app, db, officer, mentor, leader) -> None:  # type: ignore[no-untyped-def]
    for actor, expected in ((officer, True), (mentor, True), (leader, False)):
        window = MainWindow(db, actor)
        qtbot.addWidget(window)
        assert ("documents" in window.areas) is expected
        if expected:
            titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
            assert "文书打印" in titles
    kinds = window_kinds(qtbot, db, mentor)
    assert kinds == ["联系资料交接通知单", "入会申请表", "入会备案表"]


def window_kinds(qtbot, db, actor) -> list[str]:  # type: ignore[no-untyped-def]
    widget = DocumentsView(db, actor)
    qtbot.addWidget(widget)
    return [widget.kinds.item(i).text() for i in range(widget.kinds.count())]


def test_kinds_and_inputs_in_chinese_with_defaults(view) -> None:  # type: ignore[no-untyped-def]
    titles = [view.kinds.item(i).text() for i in range(view.kinds.count())]
    assert titles[:3] == ["会员证", "会员证套打校准页", "牌匾订制单"] and "会费收据" in titles
    view.select_kind("dues-receipt")
    assert view.heading.text() == "会费收据（第八条第（五）项）"  # the article as staff name it (issue 16)
    assert view.option_widget("years").text() == "2026"
    assert "amount" not in view.option_values()  # the amount is the recorded payment's (issue 13)
    assert view.option_values()["date"] == dt.date(2026, 11, 26)
    assert not view.offset_box.isVisible() and not view.excel_button.isVisible()
    view.select_kind("plaque-order")
    assert view.excel_button.isVisible()
    view.select_kind("certificate")
    assert view.offset_box.isVisible() and view.background.isVisible()
    view.select_kind("application-form")
    assert view.mode_blank.isVisible()


def test_search_add_preview_and_problems(qtbot, view, demo_db, messages) -> None:  # type: ignore[no-untyped-def]
    chosen = active_members(demo_db, 3)
    with demo_db.session() as session:  # one member that cannot be mailed
        session.get(Member, chosen[2].id).address = None
    view.select_kind("labels")
    view.search.setText(chosen[0].member_number)
    assert view.results.count() == 1
    view.results.setCurrentRow(0)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    view.add_member_ids([chosen[1].id, chosen[2].id, chosen[0].id])  # duplicates are ignored
    assert view.chosen_ids() == [chosen[0].id, chosen[1].id, chosen[2].id]
    assert view.chosen_label.text() == "已选 3 个会员"
    qtbot.mouseClick(view.preview_button, Qt.MouseButton.LeftButton)
    finish(qtbot, view)
    qtbot.waitUntil(lambda: view.preview is not None and view.preview.isVisible(), timeout=10000)
    assert view.last_result.report.drawn == 2
    assert view.summary.text().startswith("地址标签：已生成 2 份，共 1 页；1 项未能生成")
    assert view.problems.isVisible() and view.problems.count() == 1
    assert "没有通讯地址" in view.problems.item(0).text() and chosen[2].name in view.problems.item(0).text()
    preview = view.preview
    assert preview.document.pageCount() == 1 and preview.pages_label.text() == "共 1 页"
    assert chosen[0].name in pdf_text(preview.path)
    preview.close()
    assert messages == []


def test_nothing_chosen_says_so(qtbot, view, messages) -> None:  # type: ignore[no-untyped-def]
    view.select_kind("dues-receipt")
    view.preview_document()
    assert [m.text for m in messages] == ["请先选择会员，或选择“全部正常会员”。"]
    assert not ops.busy()


def test_blank_form_when_no_member_is_chosen(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    view.select_kind("filing-form")
    view.preview_document()
    finish(qtbot, view)
    qtbot.waitUntil(lambda: view.preview is not None, timeout=10000)
    assert view.mode_blank.isChecked()
    assert "入会备案表" in pdf_text(view.preview.path)
    view.preview.close()


def test_save_receipts_and_validation_errors(qtbot, view, demo_db, demo_actor, messages, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.core.services import dues

    chosen = active_members(demo_db, 2)
    with demo_db.session() as session:  # receipts acknowledge payments recorded in the dues area (issue 13)
        for member in chosen:
            dues.record_payment(session, demo_actor, member.id, amount="100", receipt=False)
    view.select_kind("dues-receipt")
    view.add_member_ids([m.id for m in chosen])
    view.option_widget("years").setText("2026,abc")
    view.ask_save_path = lambda suffix, suggested: str(tmp_path / "receipts")  # type: ignore[method-assign]
    view.save_document("pdf")
    finish(qtbot, view)
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert messages[0].kind == "warning" and "不是年度" in messages[0].text
    assert view.summary.text() == "未生成任何文件。"
    assert not (tmp_path / "receipts.pdf").exists()
    messages.clear()
    view.option_widget("years").setText("")
    view.option_widget("years").setText("2026,2027")  # a payment with nothing owed is credit for 2027
    view.save_document("pdf")
    finish(qtbot, view)
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert messages[0].text == f"已保存到 {tmp_path / 'receipts.pdf'}。"
    assert len(PdfReader(str(tmp_path / "receipts.pdf")).pages) >= 2
    assert "已使用收据编号" in view.summary.text()


def test_plaque_order_to_excel(qtbot, view, demo_db, messages, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view.select_kind("plaque-order")
    view.mode_all.setChecked(True)
    assert not view.search.isEnabled()
    view.ask_save_path = lambda suffix, suggested: str(tmp_path / "plaques.xlsx")  # type: ignore[method-assign]
    qtbot.mouseClick(view.excel_button, Qt.MouseButton.LeftButton)
    finish(qtbot, view)
    qtbot.waitUntil(lambda: len(messages) == 1)
    rows = list(load_workbook(tmp_path / "plaques.xlsx").active.iter_rows(values_only=True))
    assert rows[3][1] == "会员单位名称" and len(rows) > 100


def test_cancel_generates_nothing(qtbot, view, messages) -> None:  # type: ignore[no-untyped-def]
    view.select_kind("certificate")
    view.mode_all.setChecked(True)
    view.preview_document()
    assert view.cancel_event is not None
    view.cancel_event.set()
    finish(qtbot, view)
    qtbot.waitUntil(lambda: view.summary.text() == "已取消，未生成任何文件。", timeout=20000)
    assert view.preview is None and messages == []


def test_certificate_offset_is_kept_for_this_computer_and_used(qtbot, view, demo_db) -> None:  # type: ignore[no-untyped-def]
    view.select_kind("calibration")
    view.offset_x.setValue(2.5)
    view.offset_y.setValue(-1.0)
    assert float(QSettings().value(OFFSET_X_KEY)) == 2.5
    view.preview_document()
    finish(qtbot, view)
    qtbot.waitUntil(lambda: view.preview is not None, timeout=10000)
    assert "X+2.5毫米" in pdf_text(view.preview.path) and "Y-1.0毫米" in pdf_text(view.preview.path)
    view.preview.close()
    again = DocumentsView(demo_db, view._actor)
    qtbot.addWidget(again)
    assert again.offset_x.value() == 2.5
    QSettings().remove(OFFSET_X_KEY)
    QSettings().remove("documents/certificate_offset_y")


def test_certificate_preview_shows_the_stock_but_prints_only_the_fields(qtbot, view, demo_db) -> None:  # type: ignore[no-untyped-def]
    view.select_kind("certificate")
    member = next(m for m in active_members(demo_db, 20) if m.certificate_number)
    view.add_member_ids([member.id])
    view.preview_document()
    finish(qtbot, view)
    qtbot.waitUntil(lambda: view.preview is not None, timeout=10000)
    preview = view.preview
    assert preview.path != preview.print_path
    assert "会员证" in pdf_text(preview.path) and "会员证" not in pdf_text(preview.print_path).replace("会员证编号", "")
    assert member.name in pdf_text(preview.print_path)
    preview.close()


def test_preview_prints_at_actual_size_and_saves(qtbot, zh_app, tmp_path: Path, messages) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.documents import kind
    from desktop_app.documents.inputs import AddressInput, DocumentContext

    source = tmp_path / "env.pdf"
    kind("envelopes").build(
        source,
        [AddressInput("武汉市宏达建设有限公司", "武汉市解放大道1号", "430010")] * 2,
        DocumentContext(envelope_size="C5"),
    )
    dialog = PdfPreviewDialog(source, "信封")
    qtbot.addWidget(dialog)
    dialog.show()
    printed = tmp_path / "printed.pdf"

    def answer(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    dialog.ask_printer = answer  # type: ignore[method-assign]
    assert dialog.print_() == 2
    pages = PdfReader(str(printed)).pages
    assert len(pages) == 2
    # C5 is 229 × 162 mm: the printer's paper follows the PDF's page, landscape
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    assert width == pytest.approx(229 / 25.4 * 72, abs=2) and height == pytest.approx(162 / 25.4 * 72, abs=2)
    dialog.ask_save_path = lambda: str(tmp_path / "copy")  # type: ignore[method-assign]
    assert dialog.save() == tmp_path / "copy.pdf"
    assert (tmp_path / "copy.pdf").read_bytes() == source.read_bytes()
    dialog.ask_printer = lambda printer: False  # type: ignore[method-assign]
    assert dialog.print_() == 0  # cancelled in the print dialog
    dialog.close()


def test_member_selected_in_the_register(qtbot, demo_db, demo_actor, messages) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_db, demo_actor)
    qtbot.addWidget(window)
    window.show()
    documents_view = window.areas["documents"]
    documents_view.add_register_selection()
    assert [m.text for m in messages] == ["请先在会员名册中选中一个会员。"]
    register = window.areas["register"]
    qtbot.waitUntil(lambda: register.model.rowCount() > 3)
    register.table.selectRow(2)
    window.show_area("documents")
    documents_view.add_register_selection()
    assert documents_view.chosen_ids() == [register.model.member_id(2)]


def test_seal_image_for_administrators(qtbot, demo_db, messages, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.core.services import accounts
    from desktop_app.demo import DEMO_PASSWORD

    with demo_db.session() as session:
        admin = accounts.sign_in(session, "admin", DEMO_PASSWORD)
    widget = DocumentsView(demo_db, admin)
    qtbot.addWidget(widget)
    assert not widget.seal_button.isHidden()
    seal = tmp_path / "seal.png"
    seal.write_bytes(make_seal())
    widget.ask_open_path = lambda: str(seal)  # type: ignore[method-assign]
    widget.choose_seal()
    assert messages[-1].kind == "information"
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"nope")
    widget.ask_open_path = lambda: str(bad)  # type: ignore[method-assign]
    widget.choose_seal()
    assert messages[-1].kind == "warning" and "无法识别" in messages[-1].text


def test_officer_has_no_seal_button(view) -> None:  # type: ignore[no-untyped-def]
    assert view.seal_button.isHidden()


def test_all_active_members_says_how_many_will_print(qtbot, zh_app, db, officer, member_values) -> None:  # type: ignore[no-untyped-def]
    """Issue 16: "全部正常会员" said "已选 0 个会员"; it says how many will print."""
    from desktop_app.core.services import members as member_service
    from desktop_app.ui.documents.view import DocumentsView

    with db.session() as session:
        member_service.create_member(session, officer, member_values)
    view = DocumentsView(db, officer)
    qtbot.addWidget(view)
    view.show()
    view.select_kind("certificate")
    assert view.heading.text() == "会员证（第五条第（六）项）"
    view.mode_all.setChecked(True)
    assert view.chosen_label.text() == "将打印 1 个会员（全部正常会员）"
    view.mode_chosen.setChecked(True)
    assert view.chosen_label.text() == "已选 0 个会员"
    view.close()


def test_preview_and_save_are_greyed_while_no_member_is_chosen(qtbot, view, messages) -> None:  # type: ignore[no-untyped-def]
    view.select_kind("dues-receipt")
    assert not view.preview_button.isEnabled() and not view.save_button.isEnabled()
    assert view.preview_button.toolTip() == "请先选择会员，或选择“全部正常会员”。"
    view.mode_all.setChecked(True)
    assert view.preview_button.isEnabled() and view.preview_button.toolTip() == ""
    view.mode_chosen.setChecked(True)
    view.select_kind("application-form")  # may be printed blank
    assert view.preview_button.isEnabled()
