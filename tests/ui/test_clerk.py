"""A clerk's daily tool (issue 16): the register as a working list (multi-select, right-click menu,
copy, print and mail the selection, export what is on screen), pinyin search in the window, the
places remembered for the next day, and the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.core.models import MemberStatus
from desktop_app.core.services import mailing, members
from desktop_app.core.services.members import MemberFilter
from desktop_app.core.validation import uscc_check_character
from desktop_app.ui import ops, preferences, table_export
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.register.view import RegisterView


def uscc(body: str) -> str:
    first17 = ("91420102" + body)[:17]
    return first17 + uscc_check_character(first17)


def wait_loaded(qtbot, view: RegisterView) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(view.model.is_complete, timeout=10000)


def select_rows(view: RegisterView, rows: list[int]) -> None:
    selection = view.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            view.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def sheet_rows(path: Path) -> list[list[object]]:
    sheet = load_workbook(path).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def export(qtbot, view, path: Path, **kwargs) -> Path:  # type: ignore[no-untyped-def]
    written: list[Path] = []
    table_export.export_view(view, "会员名册", path=path, on_done=written.append, **kwargs)
    qtbot.waitUntil(lambda: bool(written), timeout=20000)
    return written[0]


@pytest.fixture
def window(qtbot, demo_db, demo_actor):  # type: ignore[no-untyped-def]
    main = MainWindow(demo_db, demo_actor)
    qtbot.addWidget(main)
    main.resize(1366, 738)
    main.show()
    register = main.show_area("register")
    wait_loaded(qtbot, register)
    return main


def test_whzs_finds_the_member_by_its_initials(qtbot, window, demo_db, officer) -> None:  # type: ignore[no-untyped-def]
    register = window.areas["register"]
    with demo_db.session() as session:
        member = members.create_member(
            session,
            officer,
            {"name": "武汉中山建设有限公司", "uscc": uscc("MA4K00011"), "category": "construction_enterprise"},
        )
        session.flush()
        member_id = member.id
    ops.changes().announce({ops.MEMBERS})
    register.search.setText("whzs")  # typed in ASCII: what an input method is not needed for
    wait_loaded(qtbot, register)
    shown = [register.model.member_id(r) for r in range(register.model.rowCount())]
    assert member_id in shown
    with demo_db.session() as session:
        assert all("whzs" in members.get_member(session, i).search_text for i in shown)
    row = register.model.row_of(member_id)
    assert register.model.index(row, 1).data() == "武汉中山建设有限公司"


def test_register_sorts_by_pinyin_in_the_window(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    register = window.areas["register"]
    register.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    wait_loaded(qtbot, register)
    from desktop_app.core import pinyin

    names = [register.model.index(r, 1).data() for r in range(60)]
    keys = [pinyin.sort_key(n) for n in names]
    assert keys == sorted(keys)
    assert keys[0] < keys[-1]


def test_multi_select_export_writes_exactly_the_rows_on_screen(qtbot, window, tmp_path, messages) -> None:  # type: ignore[no-untyped-def]
    register = window.areas["register"]
    register.search.setText("建设")
    register.status_box.setCurrentIndex(register.status_box.findData(MemberStatus.ACTIVE.value))
    register.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    wait_loaded(qtbot, register)
    header = register.table.horizontalHeader()
    header.moveSection(header.visualIndex(7), 0)  # the liaison first, as the clerk dragged it
    header.hideSection(2)  # and no credit code
    count = register.model.rowCount()
    assert 20 < count < 450

    everything = export(qtbot, register.table, tmp_path / "all.xlsx")
    rows = sheet_rows(everything)
    assert rows[0][0] == "会员名册"
    assert rows[1][0].endswith(f"共 {count} 行")
    assert rows[2] == [
        "联络员",
        "会员编号",
        "单位名称",
        "会员级别",
        "单位类别",
        "状态",
        "班主任",
        "联络员手机",
        "入会日期",
    ]
    body = rows[3:]
    assert len(body) == count
    on_screen = [[register.model.index(r, c).data() for c in (7, 0, 1, 3, 4, 5, 6, 8, 9)] for r in range(count)]
    assert [[cell or "" for cell in row] for row in body] == on_screen
    assert all("建设" in row[2] for row in body) and {row[5] for row in body} == {"正常"}
    assert messages[-1].text.startswith(f"已将 {count} 行写入")

    select_rows(register, [5, 2, 9])
    assert register.selected_ids() == [register.model.member_id(r) for r in (2, 5, 9)]
    chosen = sheet_rows(export(qtbot, register.table, tmp_path / "some.xlsx", selection_only=True))[3:]
    assert [row[1] for row in chosen] == [register.model.index(r, 0).data() for r in (2, 5, 9)]


def test_export_neutralises_formulas(qtbot, window, demo_db, officer, tmp_path, messages) -> None:  # type: ignore[no-untyped-def]
    register = window.areas["register"]
    with demo_db.session() as session:
        members.create_member(
            session,
            officer,
            {
                "name": "=HYPERLINK(1)建设有限公司",
                "uscc": uscc("MA4K00022"),
                "category": "construction_enterprise",
            },
        )
    ops.changes().announce({ops.MEMBERS})
    register.search.setText("hyperlink")
    wait_loaded(qtbot, register)
    assert register.model.rowCount() == 1
    path = export(qtbot, register.table, tmp_path / "f.xlsx")
    cell = load_workbook(path).active.cell(4, 2)
    assert cell.data_type == "s"  # text, not a live formula (spreadsheets/writer.py)
    assert cell.value == "'=HYPERLINK（1）建设有限公司"


def test_right_click_menu_copies_prints_and_mails_the_selection(qtbot, window, demo_db, demo_actor, messages) -> None:  # type: ignore[no-untyped-def]
    register = window.areas["register"]
    select_rows(register, [0, 1, 2])
    ids = register.selected_ids()
    menu = register.context_menu()
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    for expected in ("open", "copy", "print_certificate", "print_labels", "print_envelopes", "add_to_mailing"):
        assert expected in names
    assert names[-2:] == [table_export.EXPORT_ACTION, table_export.EXPORT_SELECTION_ACTION]
    assert not next(a for a in menu.actions() if a.objectName() == "open").isEnabled()  # three rows
    menu.deleteLater()

    assert register.copy_selection() == 3
    lines = QApplication.clipboard().text().split("\n")
    assert lines[0].split("\t")[:2] == ["会员编号", "单位名称"]
    assert [line.split("\t")[0] for line in lines[1:]] == [register.model.index(r, 0).data() for r in range(3)]

    documents = register.print_selection("labels")
    assert window.stack.currentWidget() is documents
    assert documents.current_kind() == "labels"
    assert documents.chosen_ids() == ids
    assert documents.mode_chosen.isChecked()

    window.show_area("register")
    with demo_db.session() as session:
        batch = next(b for b in mailing.batch_list(session, demo_actor) if b.sent + b.delivered + b.returned == 0)
        present = {r.member_id for r in mailing.batch_recipients(session, batch.id)}
    model = register.model
    rows = [
        r for r in range(model.rowCount()) if model.index(r, 5).data() == "正常" and model.member_id(r) not in present
    ][:2]
    rows.append(next(r for r in range(model.rowCount()) if model.member_id(r) in present))  # already in it
    select_rows(register, rows)
    register.add_to_mailing_batch(batch.id)
    with demo_db.session() as session:
        after = {r.member_id for r in mailing.batch_recipients(session, batch.id)}
    assert after - present == {model.member_id(r) for r in rows[:2]}
    assert messages[-1].text.startswith("已将 2 个会员加入批次")
    assert "1 个" in messages[-1].text


def test_withdrawn_members_are_greyed(qtbot, window, demo_db) -> None:  # type: ignore[no-untyped-def]
    register = window.areas["register"]
    model = register.model
    former = [r for r in range(model.rowCount()) if model.index(r, 5).data() in ("已退会", "已取消资格")]
    active = [r for r in range(model.rowCount()) if model.index(r, 5).data() == "正常"]
    assert former and active
    assert model.index(former[0], 1).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(former[0], 1).data(Qt.ItemDataRole.FontRole).italic()
    assert model.index(active[0], 1).data(Qt.ItemDataRole.ForegroundRole) is None


def test_every_table_exports_what_it_shows(qtbot, window, tmp_path, messages) -> None:  # type: ignore[no-untyped-def]
    """The one helper is on every table of every area: Copy and the two export entries."""
    from PySide6.QtWidgets import QAbstractItemView, QListView

    seen = 0
    for key in list(window.areas):
        area = window.show_area(key)
        for view in area.findChildren(QAbstractItemView):
            if (
                view.objectName() in ("", "navigation", "kinds", "results", "problems", "stages")
                or isinstance(view, QListView)
                and view.objectName() != "chosen"
            ):
                continue
            if table_export.find_action(view, table_export.EXPORT_ACTION) is None:
                continue
            seen += 1
            if view.model().rowCount() and seen <= 6:
                path = export(qtbot, view, tmp_path / f"{key}_{view.objectName()}.xlsx")
                rows = sheet_rows(path)
                assert len(rows) - 3 == len(table_export.visible_rows(view))
    assert seen >= 15
    for key in ("admission", "mentors", "dues", "withdrawal", "mailing"):
        area = window.areas[key]
        tables = [v for v in area.findChildren(QAbstractItemView) if table_export.find_action(v, "copy") is not None]
        assert tables, key


def test_places_are_remembered_for_the_next_day(qtbot, demo_db, demo_actor) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(demo_db, demo_actor)
    qtbot.addWidget(first)
    first.resize(1366, 738)
    first.show()
    register = first.areas["register"]
    wait_loaded(qtbot, register)
    register.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    register.table.setColumnWidth(1, 222)
    header = register.table.horizontalHeader()
    header.moveSection(header.visualIndex(7), 0)
    register.status_box.setCurrentIndex(register.status_box.findData(MemberStatus.ACTIVE.value))
    register.status_box.activated.emit(register.status_box.currentIndex())
    first.splitter.setSizes([220, 1140])
    first.splitter.splitterMoved.emit(220, 1)
    first.show_area("dues")
    first.close()

    # by default the next day starts on the workbench (issue 17) …
    plain = MainWindow(demo_db, demo_actor)
    qtbot.addWidget(plain)
    assert plain.stack.currentWidget() is plain.areas["workbench"]
    assert not plain.resume_action.isChecked()
    plain.resume_action.setChecked(True)  # 查看 → 启动时回到上次的区域
    plain.show_area("dues")
    plain.close()

    # … or, when the person chose so, where it was left
    second = MainWindow(demo_db, demo_actor)
    qtbot.addWidget(second)
    second.resize(1366, 738)
    second.show()
    assert second.resume_action.isChecked()
    assert second.stack.currentWidget() is second.areas["dues"]  # the last area
    assert second.splitter.sizes()[0] == first.splitter.sizes()[0]
    register = second.areas["register"]
    wait_loaded(qtbot, register)
    header = register.table.horizontalHeader()
    assert header.sortIndicatorSection() == 1 and header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert register.table.columnWidth(1) == 222
    assert header.logicalIndex(0) == 7
    assert register.status_box.currentData() == MemberStatus.ACTIVE.value
    assert register.model.member_filter.status == MemberStatus.ACTIVE
    names = [register.model.index(r, 1).data() for r in range(register.model.rowCount())]
    with demo_db.session() as session:
        expected = members.search_member_ids(
            session, MemberFilter(status=MemberStatus.ACTIVE), sort="name", descending=True
        )
    assert [register.model.member_id(r) for r in range(len(names))] == expected
    second.close()


def test_sign_in_offers_the_last_user_name(qtbot, zh_app, db, officer) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.sign_in import SignInDialog
    from tests.conftest import PASSWORD

    dialog = SignInDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.username.text() == ""
    assert dialog.sign_in_as(officer.username, PASSWORD)
    assert preferences.value(preferences.LAST_USERNAME) == officer.username
    again = SignInDialog(db)
    qtbot.addWidget(again)
    assert again.username.text() == officer.username
    given = SignInDialog(db, username="admin")  # --user on the command line wins
    qtbot.addWidget(given)
    assert given.username.text() == "admin"


def test_keyboard_areas_and_the_shortcut_list(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    keys = list(window.areas)
    assert [a.shortcut().toString() for a in window.area_actions] == [f"Ctrl+{n}" for n in range(1, len(keys) + 1)]
    window.activateWindow()
    for number, key in enumerate(keys, 1):
        window.area_actions[number - 1].trigger()
        assert window.stack.currentWidget() is window.areas[key]
    ops.wait_all()
    window.activateWindow()  # building the areas' widgets may have taken the activation
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.areas[keys[0]]  # the first area, whichever it is
    dialog = window.show_shortcuts()
    assert dialog.isVisible() and dialog.objectName() == "shortcuts_dialog"
    rows = window.shortcut_list()
    listed = {k for k, _ in rows}
    assert {"Ctrl+1", "Ctrl+F", "Esc", "Enter", "F5", "Ctrl+S", "Ctrl+C"} <= listed
    from PySide6.QtWidgets import QTableWidget

    shown = dialog.findChild(QTableWidget, "shortcut_table")
    assert shown.rowCount() == len(rows)
    assert shown.item(0, 1).text() == window.areas.specs[0].title()
    dialog.close()
    register = window.show_area("register")
    register.focus_search()
    assert register.search.hasFocus() or QApplication.focusWidget() is register.search
