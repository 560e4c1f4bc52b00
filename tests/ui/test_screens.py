"""Every area at 1366×768 (issue 16): grabbed as a screenshot, and nothing cut or overflowing — no
table wider than its view (no horizontal scroll bar), no button narrower than its text — for each
role's areas and every tab in them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from desktop_app.core.services import accounts
from desktop_app.demo import DEMO_PASSWORD
from desktop_app.ui import ops, table_export
from desktop_app.ui.main_window import MainWindow

SCREEN = (1366, 768)
# A maximised window on a 1366×768 screen: the whole width, the height less the task bar and title.
CLIENT = (1366, 768 - 30 - 40)


def settle() -> None:
    ops.wait_all()
    for _ in range(3):
        QApplication.processEvents()


def overflowing_tables(root: QWidget) -> list[str]:
    problems = []
    for view in root.findChildren(QAbstractItemView):
        if not view.isVisible() or not isinstance(view, QTableView | QTreeView):
            continue
        header = table_export.header_of(view)
        assert header is not None
        total = sum(header.sectionSize(i) for i in range(header.count()) if not header.isSectionHidden(i))
        width = view.viewport().width()
        if total > width or view.horizontalScrollBar().maximum() > 0:
            problems.append(f"{view.objectName()}: columns {total} px in {width} px")
    return problems


def cut_buttons(root: QWidget) -> list[str]:
    problems = []
    for button in root.findChildren(QAbstractButton):
        if not button.isVisible() or not isinstance(button, QPushButton) or not button.text():
            continue
        text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        needed = button.fontMetrics().horizontalAdvance(text) + 8
        if button.menu() is not None:
            needed += 12  # the arrow
        if button.width() < needed:
            problems.append(f"{button.objectName() or text}: {button.width()} px for {needed} px of text")
    return problems


def every_tab(root: QWidget):  # type: ignore[no-untyped-def]
    """Show each tab of each tab widget in turn (a table is laid out only when shown)."""
    yield "main"
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for index in range(tabs.count()):
            if tabs.isTabEnabled(index):
                tabs.setCurrentIndex(index)
                settle()
                yield tabs.tabText(index)
        tabs.setCurrentIndex(0)


@pytest.mark.parametrize("username", ["officer", "admin", "mentor01", "leader"])
def test_every_area_fits_a_1366_by_768_screen(qtbot, demo_db, username, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as session:
        actor = accounts.sign_in(session, username, DEMO_PASSWORD)
    window = MainWindow(demo_db, actor)
    qtbot.addWidget(window)
    window.resize(*CLIENT)
    window.show()
    settle()
    assert window.width() <= SCREEN[0]
    problems: list[str] = []
    shots = 0
    for key in list(window.areas):
        area = window.show_area(key)
        settle()
        for tab in every_tab(area):
            image = window.grab()
            assert (image.width(), image.height()) == CLIENT
            assert image.save(str(tmp_path / f"{username}_{key}_{shots}.png"))
            shots += 1
            problems += [f"{key} / {tab}: {p}" for p in overflowing_tables(area) + cut_buttons(area)]
    assert shots >= len(window.areas)
    assert not problems, "\n".join(problems)
    window.close()


def test_a_table_shrinks_to_fit_and_gives_back_its_widths(qtbot, demo_db, demo_actor) -> None:  # type: ignore[no-untyped-def]
    """The column fitter: narrower than designed → shrunk in proportion; wide again → as designed;
    once the person drags a column, left alone."""
    window = MainWindow(demo_db, demo_actor)
    qtbot.addWidget(window)
    window.resize(*CLIENT)
    window.show()
    dues = window.show_area("dues")
    settle()
    view = next(
        v
        for v in dues.findChildren(QTableView)
        if v.isVisible() and v.findChild(table_export._ColumnFitter) is not None and v.model().columnCount() > 4
    )
    header = view.horizontalHeader()
    wide = [header.sectionSize(i) for i in range(header.count() - 1)]
    window.resize(900, CLIENT[1])
    settle()
    narrow = [header.sectionSize(i) for i in range(header.count() - 1)]
    assert sum(header.sectionSize(i) for i in range(header.count())) <= view.viewport().width()
    assert sum(narrow) < sum(wide)
    window.resize(*CLIENT)
    settle()
    assert [header.sectionSize(i) for i in range(header.count() - 1)] == wide
    fitter = view.findChild(table_export._ColumnFitter)
    fitter.touched = True  # as a drag sets it
    window.resize(900, CLIENT[1])
    settle()
    assert [header.sectionSize(i) for i in range(header.count() - 1)] == wide
    window.close()
