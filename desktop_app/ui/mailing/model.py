"""The mailing area's two tables: the batches with their state, and a batch's recipients."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.core.models import MemberStatus, RecipientState
from desktop_app.core.services.mailing import BatchRow, RecipientRow
from desktop_app.ui.labels import status_label

Index = QModelIndex | QPersistentModelIndex
RED = QColor(190, 30, 30)
AMBER = QColor(170, 100, 0)
GREEN = QColor(20, 120, 50)
GREY = QColor(110, 110, 110)


def state_label(state: RecipientState) -> str:
    return {
        RecipientState.PREPARED: QCoreApplication.translate("MailingModel", "To send"),
        RecipientState.SENT: QCoreApplication.translate("MailingModel", "Sent"),
        RecipientState.DELIVERED: QCoreApplication.translate("MailingModel", "Delivered"),
        RecipientState.RETURNED: QCoreApplication.translate("MailingModel", "Returned"),
    }[state]


def batch_state_label(row: BatchRow) -> str:
    return {
        "没有收件会员": QCoreApplication.translate("MailingModel", "No recipients"),
        "准备中": QCoreApplication.translate("MailingModel", "Being prepared"),
        "部分寄出": QCoreApplication.translate("MailingModel", "Partly sent"),
        "已寄出": QCoreApplication.translate("MailingModel", "Sent"),
        "已完成": QCoreApplication.translate("MailingModel", "Completed"),
    }.get(row.state, row.state)


def missing_text(row: BatchRow) -> str:
    parts = []
    if row.problems:
        parts.append(
            QCoreApplication.translate("MailingModel", "%1 address problem(s)").replace("%1", str(row.problems))
        )
    if row.missing_photo:
        parts.append(
            QCoreApplication.translate("MailingModel", "%1 without a photo").replace("%1", str(row.missing_photo))
        )
    if row.not_notified:
        parts.append(QCoreApplication.translate("MailingModel", "%1 not notified").replace("%1", str(row.not_notified)))
    if row.returned:
        parts.append(QCoreApplication.translate("MailingModel", "%1 returned").replace("%1", str(row.returned)))
    return QCoreApplication.translate("MailingModel", ", ").join(parts)


class BatchModel(QAbstractTableModel):
    COLUMNS = ("number", "mailed_on", "title", "state", "progress", "missing")

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.rows: list[BatchRow] = []

    def set_rows(self, rows: list[BatchRow]) -> None:
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
            "number": QCoreApplication.translate("MailingModel", "Batch"),
            "mailed_on": QCoreApplication.translate("MailingModel", "Date"),
            "title": QCoreApplication.translate("MailingModel", "Title"),
            "state": QCoreApplication.translate("MailingModel", "State"),
            "progress": QCoreApplication.translate("MailingModel", "Sent / delivered"),
            "missing": QCoreApplication.translate("MailingModel", "Still to do"),
        }[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "number": row.number,
                "mailed_on": row.mailed_on.isoformat(),
                "title": row.title,
                "state": batch_state_label(row),
                "progress": f"{row.sent + row.delivered + row.returned}/{row.recipients} · {row.delivered}",
                "missing": missing_text(row),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                QCoreApplication.translate("MailingModel", "%1\n%2\n%3 recipients, %4 sent, %5 delivered, %6 returned")
                .replace("%1", row.title)
                .replace("%2", row.contents)
                .replace("%3", str(row.recipients))
                .replace("%4", str(row.sent + row.delivered + row.returned))
                .replace("%5", str(row.delivered))
                .replace("%6", str(row.returned))
            )
        if role == Qt.ItemDataRole.ForegroundRole and column == "missing" and row.missing:
            return QBrush(RED if row.problems or row.returned else AMBER)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "progress":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def batch_id(self, row: int) -> int:
        return self.rows[row].id

    def row_of(self, batch_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == batch_id), None)


class RecipientModel(QAbstractTableModel):
    COLUMNS = (
        "reference",
        "organisation",
        "contact",
        "state",
        "tracking",
        "photos",
        "notified",
        "contents",
        "address",
        "member_number",
    )

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.rows: list[RecipientRow] = []

    def set_rows(self, rows: list[RecipientRow]) -> None:
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
            "reference": QCoreApplication.translate("MailingModel", "Order ref."),
            "member_number": QCoreApplication.translate("MailingModel", "Member no."),
            "organisation": QCoreApplication.translate("MailingModel", "Recipient"),
            "contact": QCoreApplication.translate("MailingModel", "Addressed to"),
            "address": QCoreApplication.translate("MailingModel", "Address"),
            "contents": QCoreApplication.translate("MailingModel", "Contents"),
            "state": QCoreApplication.translate("MailingModel", "State"),
            "tracking": QCoreApplication.translate("MailingModel", "Tracking number"),
            "photos": QCoreApplication.translate("MailingModel", "Photo"),
            "notified": QCoreApplication.translate("MailingModel", "Liaison told"),
        }[self.COLUMNS[section]]

    def _display(self, row: RecipientRow, column: str) -> str:
        if column == "reference":
            return row.reference
        if column == "member_number":
            return row.member_number
        if column == "organisation":
            if row.member_status != MemberStatus.ACTIVE:
                return f"{row.organisation}（{status_label(row.member_status)}）"
            return row.organisation
        if column == "contact":
            return " ".join(p for p in (row.contact, row.phone or "") if p)
        if column == "address":
            return " ".join(p for p in (row.postcode or "", row.address or "") if p)
        if column == "contents":
            return row.contents
        if column == "state":
            if row.problem:
                return QCoreApplication.translate("MailingModel", "Problem: %1").replace("%1", row.problem)
            text = state_label(row.state)
            day = {
                RecipientState.SENT: row.sent_on,
                RecipientState.DELIVERED: row.delivered_on,
                RecipientState.RETURNED: row.returned_on,
            }.get(row.state)
            if day:
                text += f" {day:%m-%d}"
            if row.state == RecipientState.RETURNED and row.return_reason:
                text += f"（{row.return_reason}）"
            return text
        if column == "tracking":
            return row.tracking_number or ""
        if column == "photos":
            if not row.important:
                return ""
            return (
                QCoreApplication.translate("MailingModel", "%1 photo(s)").replace("%1", str(row.photos))
                if row.photos
                else QCoreApplication.translate("MailingModel", "Missing")
            )
        if column == "notified":
            if not row.important:
                return ""
            return (
                f"{row.notified_at:%Y-%m-%d}"
                if row.notified_at
                else QCoreApplication.translate("MailingModel", "Not yet")
            )
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "state" and row.problem:
                return row.problem
            if column == "notified" and row.notified_at:
                return f"{row.notified_at:%Y-%m-%d %H:%M} {row.notified_by or ''}"
            return self._display(row, column) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.problem and column in ("organisation", "state", "address", "contact"):
                return QBrush(RED)
            if column == "state" and row.state == RecipientState.RETURNED:
                return QBrush(RED)
            if column == "state" and row.state == RecipientState.DELIVERED:
                return QBrush(GREEN)
            if column == "photos" and row.missing_photo:
                return QBrush(AMBER)
            if column == "notified" and row.not_notified:
                return QBrush(AMBER)
            if row.member_status != MemberStatus.ACTIVE:
                return QBrush(GREY)
        if role == Qt.ItemDataRole.FontRole and row.member_status != MemberStatus.ACTIVE and column == "organisation":
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def recipient(self, row: int) -> RecipientRow:
        return self.rows[row]
