"""A read-only table over the services' frozen rows, shared by the mentors', dues and withdrawal
areas: columns declared once (title, value, width, colour, alignment), the model, and the view
with the house defaults and "export what I see". Each area adds only what it needs on top (drag
of member ids, paging, check boxes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_app.ui import table_export

Index = QModelIndex | QPersistentModelIndex

RED = QColor("#b3261e")
AMBER = QColor("#a15c00")
GREEN = QColor("#1e7d32")
GREY = QColor("#80868b")
ROW_HEIGHT = 26


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
    """A read-only table of frozen rows (hundreds, at most a few thousand at once)."""

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> Any:
        return self.rows[number] if 0 <= number < len(self.rows) else None

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


def configure(view: QTableView, widths: Sequence[int]) -> None:
    """The house defaults of a read-only list: whole rows selected, no editing, alternating rows,
    one line per row at a fixed height, the last column stretched, these column widths."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    vertical = view.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(ROW_HEIGHT)
    horizontal = view.horizontalHeader()
    horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    horizontal.setStretchLastSection(True)
    for number, width in enumerate(widths):
        view.setColumnWidth(number, width)


def table(model: RowsModel, name: str, *, multi: bool = False) -> QTableView:
    """The view over ``model`` with the house defaults, copy and "export what I see" (issue 16)."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    configure(view, [column.width for column in model.columns])
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection if multi else QAbstractItemView.SelectionMode.SingleSelection
    )
    table_export.install(view)
    return view


def selected_rows(view: QTableView) -> list[Any]:
    """The selected rows, top to bottom."""
    model = view.model()
    assert isinstance(model, RowsModel)
    return [model.rows[i.row()] for i in sorted(view.selectionModel().selectedRows(), key=lambda i: i.row())]
