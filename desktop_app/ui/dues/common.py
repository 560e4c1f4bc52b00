"""What the dues views share: a read-only table model over the services' frozen rows (one that loads
page by page for lists of 100,000), money and dates as the office writes them, a form dialog that
shows the service's errors under its form, and a member picker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import OfficeError
from desktop_app.ui import guards, ops, table_export
from desktop_app.ui.widgets import error_label

Index = QModelIndex | QPersistentModelIndex
RED = QColor("#b3261e")
AMBER = QColor("#a15c00")
GREEN = QColor("#1e7d32")
GREY = QColor("#80868b")


def money(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Any], Any]
    width: int = 100
    colour: Callable[[Any], QColor | None] | None = None
    right: bool = False


class RowsModel(QAbstractTableModel):
    """A read-only table of frozen rows. With ``page`` (``page(offset, limit) -> rows``) it starts
    with the first page and fetches the next when the view scrolls to the end (Qt's fetchMore), so
    a list of 100,000 shows in milliseconds."""

    PAGE = 200

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._page: Callable[[int, int], list[Any]] | None = None
        self._more = False

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows, self._page, self._more = list(rows), None, False
        self.endResetModel()

    def set_pages(self, page: Callable[[int, int], list[Any]]) -> None:
        first = page(0, self.PAGE)
        self.beginResetModel()
        self.rows, self._page, self._more = list(first), page, len(first) == self.PAGE
        self.endResetModel()

    def row(self, number: int) -> Any:
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self._more and self._page is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._page is None or not self._more:
            return
        more = self._page(len(self.rows), self.PAGE)
        self._more = len(more) == self.PAGE
        if more:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)  # last is inclusive
            self.rows.extend(more)
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < len(self.columns):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = column.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            return column.colour(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def table(model: RowsModel, name: str, *, multi: bool = False) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection if multi else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setStretchLastSection(True)
    for number, column in enumerate(model.columns):
        view.setColumnWidth(number, column.width)
    table_export.install(view)  # copy, “export what I see” (issue 16)
    return view


def selected_rows(view: QTableView) -> list[Any]:
    model = view.model()
    assert isinstance(model, RowsModel)
    return [model.rows[i.row()] for i in sorted(view.selectionModel().selectedRows(), key=lambda i: i.row())]


def current_row(view: QTableView) -> Any:
    rows = selected_rows(view)
    return rows[0] if rows else None


def date_edit(value: dt.date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def text_edit(name: str, height: int = 64) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def line_edit(name: str, text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class FormDialog(guards.GuardedDialog, QDialog):
    """A form, an error line under it and OK/Cancel: ``submit`` runs the service through the
    operations layer; its error shows under the form and the dialog stays open with what was typed."""

    succeeded = Signal(object)

    def __init__(self, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(500)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = error_label()
        self.layout_.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("buttons")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self.result_value: Any = None

    def submit(self) -> None:  # overridden: ``self.run(db, call, changes)``
        self.accept()

    def run(self, db: Any, call: Callable[[Any], Any], changes: set[str]) -> None:
        self.error.clear()
        ops.Op(self, db, call, changes=changes).success(self._done).failure(self._failed).run()

    def _done(self, result: Any) -> None:
        self.result_value = result
        self.succeeded.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, OfficeError):
            self.error.setText(ops.failure_text(exc))
        else:
            ops.show_failure(self, exc)


class MemberPicker(QWidget):
    """A search box over the register (name, credit code, member number …) and the matches; the
    chosen member's id is ``member_id()``. Typing waits a moment before it asks the database."""

    chosen = Signal(object)

    def __init__(self, db: Any, actor: Any, parent: QWidget | None = None):
        super().__init__(parent)
        from desktop_app.core.services import dues

        self._db, self._actor, self._dues = db, actor, dues
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = line_edit("member_search", placeholder=self.tr("Name, credit code or member number"))
        self.matches = QListWidget()
        self.matches.setObjectName("member_matches")
        self.matches.setMaximumHeight(120)
        layout.addWidget(self.search)
        layout.addWidget(self.matches)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.find)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.matches.currentItemChanged.connect(lambda *_: self.chosen.emit(self.member_id()))

    def find(self) -> None:
        text = self.search.text()
        found = ops.query(self._db, lambda session: self._dues.find_members(session, self._actor, text, limit=30))
        self.matches.clear()
        for member_id, number, name in found:
            item = QListWidgetItem(f"{number}  {name}")
            item.setData(Qt.ItemDataRole.UserRole, member_id)
            self.matches.addItem(item)
        if len(found) == 1:
            self.matches.setCurrentRow(0)

    def member_id(self) -> int | None:
        item = self.matches.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
