"""What the dues views share: a read-only table model over the services' frozen rows (one that loads
page by page for lists of 100,000), money and dates as the office writes them, a form dialog that
shows the service's errors under its form, and a member picker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import OfficeError
from desktop_app.ui import guards, ops, rows
from desktop_app.ui.rows import Column, Index, selected_rows
from desktop_app.ui.widgets import error_label


def money(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


class RowsModel(rows.RowsModel):
    """A read-only table of frozen rows. With ``page`` (``page(offset, limit) -> rows``) it starts
    with the first page and fetches the next when the view scrolls to the end (Qt's fetchMore), so
    a list of 100,000 shows in milliseconds."""

    PAGE = 200

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None):
        super().__init__(columns, parent)
        self._page: Callable[[int, int], list[Any]] | None = None
        self._more = False

    def set_rows(self, rows: Sequence[Any]) -> None:
        self._page, self._more = None, False
        super().set_rows(rows)

    def set_pages(self, page: Callable[[int, int], list[Any]]) -> None:
        first = page(0, self.PAGE)
        self.beginResetModel()
        self.rows, self._page, self._more = list(first), page, len(first) == self.PAGE
        self.endResetModel()

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


def current_row(view: QTableView) -> Any:
    found = selected_rows(view)
    return found[0] if found else None


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
