"""The register window: search in Chinese, filters, sorting, empty states, opening members."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.core.models import MemberStatus
from desktop_app.core.services import members
from desktop_app.core.services.members import MemberFilter
from desktop_app.ui.register.model import RegisterModel
from desktop_app.ui.register.view import RegisterView


def wait_loaded(qtbot, view: RegisterView) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(view.model.is_complete, timeout=10000)


@pytest.fixture
def view(qtbot, demo_db, demo_actor):  # type: ignore[no-untyped-def]
    widget = RegisterView(demo_db, demo_actor)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    wait_loaded(qtbot, widget)
    return widget


def test_model_passes_qt_model_tester(qtbot, qtmodeltester, demo_db) -> None:  # type: ignore[no-untyped-def]
    model = RegisterModel(demo_db)
    model.refresh()
    qtbot.waitUntil(model.is_complete, timeout=10000)
    qtmodeltester.check(model)
    model.set_filter(MemberFilter(text="建设"))
    qtbot.waitUntil(model.is_complete, timeout=10000)
    qtmodeltester.check(model)


def test_whole_register_arrives_after_the_first_page(qtbot, view, demo_db) -> None:  # type: ignore[no-untyped-def]
    assert view.model.rowCount() == 450
    assert view.count_label.text() == "共 450 个会员"
    view._show_count(100_000, True)  # a real office's register: the count is grouped
    assert view.count_label.text() == "共 100,000 个会员"
    header = view.model.headerData(1, Qt.Orientation.Horizontal)
    assert header == "单位名称"


def test_chinese_search_of_two_characters(qtbot, view, demo_db) -> None:  # type: ignore[no-untyped-def]
    view.search.setText("建设")  # as an input method commits it: textChanged, no key events
    wait_loaded(qtbot, view)
    with demo_db.session() as session:
        expected = members.search_member_ids(session, MemberFilter(text="建设"))
    assert 0 < view.model.rowCount() == len(expected) < 450
    shown = [view.model.member_id(r) for r in range(view.model.rowCount())]
    assert shown == expected
    with demo_db.session() as session:
        texts = [members.get_member(session, i).search_text for i in shown]
    assert all("建设" in text for text in texts)
    assert any("建设" in view.model.index(r, 1).data() for r in range(view.model.rowCount()))


def test_typing_chinese_through_the_input_method(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    """What an IME does when the user picks 路桥: one commit string, no key events (STYLE.md)."""
    from PySide6.QtGui import QInputMethodEvent

    view.search.setFocus()
    event = QInputMethodEvent()
    event.setCommitString("路桥")
    QApplication.sendEvent(view.search, event)
    assert view.search.text() == "路桥"
    wait_loaded(qtbot, view)
    assert 0 < view.model.rowCount() < 450
    assert all("路桥" in view.model.index(r, 1).data() for r in range(view.model.rowCount()))


def test_search_by_uscc_prefix_and_member_number(qtbot, view, demo_db) -> None:  # type: ignore[no-untyped-def]
    first_code = view.model.index(0, 2).data()
    view.search.setText(first_code.lower())
    wait_loaded(qtbot, view)
    assert view.model.rowCount() == 1
    assert view.model.index(0, 2).data() == first_code
    number = view.model.index(0, 0).data()
    view.search.setText(number)
    wait_loaded(qtbot, view)
    assert [view.model.index(0, 0).data()] == [number]


def test_no_match_says_so(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    view.search.setText("不存在的单位名称")
    wait_loaded(qtbot, view)
    assert view.model.rowCount() == 0
    assert view.empty_state.label.isVisible()
    assert view.empty_state.label.text() == "没有符合搜索或筛选条件的会员。"
    assert view.count_label.text() == "共 0 个会员"


def test_empty_register_says_so(qtbot, db, zh_app, admin) -> None:  # type: ignore[no-untyped-def]
    widget = RegisterView(db, admin)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.model.rowCount() == 0
    assert widget.empty_state.label.isVisible()
    assert "会员名册是空的" in widget.empty_state.label.text()


def test_filters(qtbot, view, demo_db) -> None:  # type: ignore[no-untyped-def]
    view.status_box.setCurrentIndex(view.status_box.findData(MemberStatus.WITHDRAWN.value))
    wait_loaded(qtbot, view)
    statuses = {view.model.index(r, 5).data() for r in range(view.model.rowCount())}
    assert statuses == {"已退会"}
    view.status_box.setCurrentIndex(0)
    view.level_box.setCurrentIndex(view.level_box.findData("council"))
    wait_loaded(qtbot, view)
    assert {view.model.index(r, 3).data() for r in range(view.model.rowCount())} == {"理事单位"}
    view.level_box.setCurrentIndex(0)
    view.mentor_box.setCurrentIndex(view.mentor_box.findData(0))  # no mentor
    wait_loaded(qtbot, view)
    with demo_db.session() as session:
        assert view.model.rowCount() == members.count_members(session, MemberFilter(mentor_id=0))
    assert {view.model.index(r, 6).data() for r in range(view.model.rowCount())} == {""}


def test_sorting_by_clicking_a_header(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    view.table.sortByColumn(9, Qt.SortOrder.DescendingOrder)  # join date
    wait_loaded(qtbot, view)
    dates = [view.model.index(r, 9).data() for r in range(view.model.rowCount())]
    assert dates == sorted(dates, reverse=True)


def test_ctrl_f_focuses_search(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    view.table.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.hasFocus()


def test_enter_opens_the_member(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(2, 1))
    with qtbot.waitSignal(view.memberOpened) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [view.model.member_id(2)]
    editor = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle().startswith("会员："))
    assert editor.windowTitle() == "会员：" + view.model.index(2, 1).data()
    editor.close()


def test_rows_scrolled_into_view_are_fetched(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    view.table.scrollToBottom()
    QApplication.processEvents()
    last = view.model.rowCount() - 1
    assert view.model.index(last, 0).data().startswith("WJX")
