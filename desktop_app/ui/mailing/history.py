"""A member's mailing history (R-9.4, issue 14) as a table any member view can embed as a tab:
what was sent, when, to whom and at which address, and what happened (delivered, returned …),
with the proof recorded (R-8.4). ``MailingHistoryTable(db, parent).show_member(member_id)``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_app.core.db import Database
from desktop_app.core.models import RecipientState
from desktop_app.core.services import mailing
from desktop_app.ui import ops, table_export
from desktop_app.ui.widgets import EmptyState

Index = QModelIndex | QPersistentModelIndex


class MailingHistoryModel(QAbstractTableModel):
    COLUMNS = ("mailed_on", "batch", "contents", "addressed_to", "address", "outcome", "tracking", "proof")

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.rows: list[mailing.HistoryRow] = []

    def set_rows(self, rows: list[mailing.HistoryRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return {
            "mailed_on": self.tr("Date"),
            "batch": self.tr("Batch"),
            "contents": self.tr("Contents"),
            "addressed_to": self.tr("Addressed to"),
            "address": self.tr("Address"),
            "outcome": self.tr("What happened"),
            "tracking": self.tr("Tracking number"),
            "proof": self.tr("Proof"),
        }[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            proof = []
            if row.photos:
                proof.append(self.tr("%n photo(s)", "", row.photos))
            if row.notified_at:
                proof.append(self.tr("liaison told %1").replace("%1", f"{row.notified_at:%Y-%m-%d}"))
            return {
                "mailed_on": row.mailed_on.isoformat(),
                "batch": f"{row.batch_number} {row.title}",
                "contents": row.contents,
                "addressed_to": row.addressed_to,
                "address": row.address,
                "outcome": row.outcome,
                "tracking": row.tracking_number or "",
                "proof": "，".join(proof),
            }[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == "outcome" and row.state == RecipientState.RETURNED:
            return QBrush(QColor(190, 30, 30))
        return None


class MailingHistoryTable(QTableView):
    """The table of one member's mailings; refreshes itself when mailing data change."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self.member_id: int | None = None
        self.history = MailingHistoryModel(self)
        self.setObjectName("mailing_history")
        self.setModel(self.history)
        table_export.install(self)  # copy, “export what I see” (issue 16)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((85, 200, 220, 170, 260, 200, 130)):
            self.setColumnWidth(column, width)
        self.empty = EmptyState(self)
        self.empty.set_text(self.tr("Nothing was mailed to this member yet."))
        self._listener = ops.listen(self, {ops.MAILING, ops.MEMBERS}, lambda _topics: self.reload())

    def show_member(self, member_id: int) -> None:
        self.member_id = member_id
        self.reload()

    def reload(self) -> None:
        if self.member_id is None:
            return
        member_id = self.member_id
        self.history.set_rows(ops.query(self._db, lambda session: mailing.mailing_history(session, member_id)))
        self.empty.update()
