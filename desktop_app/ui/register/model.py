"""The register's table model: fast over 100,000 members (STYLE.md §6, Anki's browser).

Search, filter and sort run in SQL. The model asks for ordered ids only and fetches a row's
cells when the row becomes visible, a block at a time. A search first shows the first page
(LIMIT, which the sort index answers in milliseconds), then loads the complete id list in a
worker thread and appends it, so typing never waits for a count of the whole register.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.core.db import Database
from desktop_app.core.models import MemberStatus
from desktop_app.core.services import members
from desktop_app.core.services.members import MemberFilter, RegisterRow
from desktop_app.core.settings import level_names
from desktop_app.ui import ops
from desktop_app.ui.labels import category_label, status_label

Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_USER = int(Qt.ItemDataRole.UserRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
# Withdrawn and cancelled members are greyed and in italics (issue 16): still in the register
# visibly no longer members.
FORMER = frozenset({MemberStatus.WITHDRAWN, MemberStatus.CANCELLED})
FORMER_COLOUR = QBrush(QColor("#8a8a8a"))
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class RegisterModel(QAbstractTableModel):
    # (sort key, header) — the sort key is one of core.services.members.SORT_KEYS
    COLUMNS = (
        ("member_number", QT_TRANSLATE_NOOP("RegisterModel", "Member number")),
        ("name", QT_TRANSLATE_NOOP("RegisterModel", "Organisation name")),
        ("uscc", QT_TRANSLATE_NOOP("RegisterModel", "Unified social credit code")),
        ("level", QT_TRANSLATE_NOOP("RegisterModel", "Level")),
        ("category", QT_TRANSLATE_NOOP("RegisterModel", "Category")),
        ("status", QT_TRANSLATE_NOOP("RegisterModel", "Status")),
        ("mentor", QT_TRANSLATE_NOOP("RegisterModel", "Mentor")),
        ("liaison_name", QT_TRANSLATE_NOOP("RegisterModel", "Liaison")),
        ("liaison_mobile", QT_TRANSLATE_NOOP("RegisterModel", "Liaison mobile")),
        ("join_date", QT_TRANSLATE_NOOP("RegisterModel", "Joined on")),
    )
    FIRST_PAGE = 200
    BLOCK = 50
    CACHE_LIMIT = 5000

    countChanged = Signal(int, bool)  # rows known so far, whether that is all of them
    loaded = Signal()  # the complete id list is in

    def __init__(self, db: Database, parent=None):  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._db = db
        self._filter = MemberFilter()
        self._sort_column = 0
        self._descending = False
        self._ids: list[int] = []
        self._cells: dict[int, tuple[str, ...]] = {}
        self._former: set[int] = set()  # ids of withdrawn/cancelled members among the fetched rows
        self._levels: dict[str, str] = {}
        self._complete = True
        self._reloading = False
        self._generation = 0

    # --- what to show ---------------------------------------------------------------------

    @property
    def member_filter(self) -> MemberFilter:
        return self._filter

    def set_filter(self, flt: MemberFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.refresh()

    def is_complete(self) -> bool:
        """The whole id list is in (and no reload is on its way)."""
        return self._complete and not self._reloading

    def refresh(self) -> None:
        """Run the search again: first page now, the rest from a worker thread."""
        self._generation += 1
        self._reloading = False
        generation = self._generation
        flt, sort_key, descending = self._filter, self.COLUMNS[self._sort_column][0], self._descending

        def first_page(session: Any) -> tuple[dict[str, str], list[int]]:
            return level_names(session), members.search_member_ids(
                session, flt, sort=sort_key, descending=descending, limit=self.FIRST_PAGE + 1
            )

        self._levels, ids = ops.query(self._db, first_page)
        self.beginResetModel()
        self._complete = len(ids) <= self.FIRST_PAGE
        self._ids = ids[: self.FIRST_PAGE]
        self._cells.clear()
        self.endResetModel()
        self.countChanged.emit(len(self._ids), self._complete)
        if self._complete:
            self.loaded.emit()
            return

        def start() -> None:
            if generation == self._generation:  # still the current search
                ops.Op(
                    None,
                    self._db,
                    lambda session, _progress: members.search_member_ids(
                        session, flt, sort=sort_key, descending=descending
                    ),
                ).in_background().success(lambda all_ids: self._all_loaded(generation, all_ids)).run()

        # After the first page has been painted: the worker would otherwise compete for the GIL.
        QTimer.singleShot(0, start)

    def reload(self) -> None:
        """The register changed (here or on another workstation): read the same search again in a
        worker and keep what is shown in place — the rows stay where they are when the list is the
        same (a changed member's cells are fetched again), otherwise the new list replaces it."""
        if not self._complete:
            self.refresh()  # the complete list is still on its way: a new search is as cheap
            return
        self._generation += 1
        self._reloading = True
        generation = self._generation
        flt, sort_key, descending = self._filter, self.COLUMNS[self._sort_column][0], self._descending

        def read(session: Any, _progress: ops.ProgressFn) -> tuple[dict[str, str], list[int]]:
            return level_names(session), members.search_member_ids(session, flt, sort=sort_key, descending=descending)

        ops.Op(None, self._db, read).in_background().success(lambda result: self._reloaded(generation, *result)).run()

    def _reloaded(self, generation: int, level_map: dict[str, str], ids: list[int]) -> None:
        if generation != self._generation:
            return  # a newer search or reload has started
        self._reloading = False
        self._levels = level_map
        if ids == self._ids:
            self._cells.clear()
            if ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, self.columnCount() - 1))
        else:
            self.beginResetModel()
            self._ids = ids
            self._cells.clear()
            self.endResetModel()
        self.countChanged.emit(len(self._ids), True)
        self.loaded.emit()

    def _all_loaded(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return  # a newer search has started; this list is stale
        shown = len(self._ids)
        if ids[:shown] == self._ids and len(ids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)  # last is inclusive
            self._ids = ids
            self.endInsertRows()
        elif ids[:shown] != self._ids:  # the register changed in between: show the new truth
            self.beginResetModel()
            self._ids = ids
            self._cells.clear()
            self.endResetModel()
        self._complete = True
        self.countChanged.emit(len(self._ids), True)
        self.loaded.emit()

    def member_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, member_id: int) -> int | None:
        try:
            return self._ids.index(member_id)
        except ValueError:
            return None

    def refresh_member(self, member_id: int) -> None:
        """Drop one member's cached row so the view fetches it again."""
        self._cells.pop(member_id, None)
        row = self.row_of(member_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # --- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (
                QCoreApplication.translate("RegisterModel", self.COLUMNS[section][1])
                if 0 <= section < len(self.COLUMNS)
                else None
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) != (self._sort_column, self._descending):
            self._sort_column, self._descending = column, descending
            self.refresh()

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Called for every role of every visible cell on each paint: keep it short.
        if role == _DISPLAY or role == _TOOLTIP:
            row = index.row()
            if not index.isValid() or not 0 <= row < len(self._ids):
                return None
            cells = self._cells.get(self._ids[row])
            if cells is None:
                cells = self._fetch(row)
            return cells[index.column()] if cells is not None else None
        if role == _USER and index.isValid() and 0 <= index.row() < len(self._ids):
            return self._ids[index.row()]
        if (role == _FOREGROUND or role == _FONT) and index.isValid() and 0 <= index.row() < len(self._ids):
            member_id = self._ids[index.row()]
            if member_id not in self._cells:
                self._fetch(index.row())
            if member_id in self._former:
                if role == _FOREGROUND:
                    return FORMER_COLOUR
                font = QFont()
                font.setItalic(True)
                return font
        return None

    def is_former(self, row: int) -> bool:
        """The member on ``row`` has withdrawn or was cancelled (shown grey)."""
        member_id = self._ids[row]
        if member_id not in self._cells:
            self._fetch(row)
        return member_id in self._former

    def rows_for_export(self, rows: list[int], columns: list[int]) -> list[list[str]]:
        """The cells of ``rows`` (positions) in ``columns`` for “export what I see”: read in blocks
        of a thousand, not through the view's cache."""
        out: list[list[str]] = []
        ids = [self._ids[row] for row in rows]
        for start in range(0, len(ids), 1000):
            chunk = ids[start : start + 1000]
            found = ops.query(self._db, lambda session, chunk=chunk: members.register_rows(session, chunk))
            for member_id in chunk:
                row = found.get(member_id)
                if row is not None:
                    out.append([self._cell(row, self.COLUMNS[column][0]) for column in columns])
        return out

    # --- fetching cells ---------------------------------------------------------------------

    def _fetch(self, position: int) -> tuple[str, ...] | None:
        """Fetch the block of rows around ``position`` in one query, formatted once."""
        if len(self._cells) > self.CACHE_LIMIT:
            self._cells.clear()
            self._former.clear()
        start = max(0, position - self.BLOCK // 5)
        wanted = [i for i in self._ids[start : start + self.BLOCK] if i not in self._cells]
        rows = ops.query(self._db, lambda session: members.register_rows(session, wanted))
        for member_id, row in rows.items():
            self._cells[member_id] = tuple(self._cell(row, key) for key, _ in self.COLUMNS)
            if row.status in FORMER:
                self._former.add(member_id)
            else:
                self._former.discard(member_id)
        return self._cells.get(self._ids[position])

    def _cell(self, row: RegisterRow, key: str) -> str:
        if key == "level":
            return self._levels.get(row.level, row.level)
        if key == "category":
            return category_label(row.category)
        if key == "status":
            return status_label(row.status)
        if key == "mentor":
            return row.mentor_name or ""
        if key == "join_date":
            return row.join_date.isoformat() if row.join_date else ""
        value = getattr(row, key)
        return "" if value is None else str(value)
