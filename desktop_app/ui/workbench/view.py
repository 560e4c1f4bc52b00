"""The workbench (工作台): today's work of the signed-in person, one line per kind of work its role
does, with how many are waiting; Enter, a double click or 打开 takes the person to the place where
the work is done, already filtered. It reads again when data change (the window's change signal),
never on a timer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.security import Actor
from desktop_app.core.services import workbench
from desktop_app.core.services.workbench import WorkItem
from desktop_app.ui import ops
from desktop_app.ui.labels import role_label

GREY = QColor("#9aa0a6")
RED = QColor("#c5221f")


class WorkbenchView(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.items: list[WorkItem] = []
        self.opened: Any = None  # what the last line opened (a view, a tab or a dialog)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("workbench_heading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(self.heading)
        self.summary = QLabel()
        self.summary.setObjectName("workbench_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("workbench")
        self.table.setHorizontalHeaderLabels([self.tr("Waiting"), self.tr("Work"), self.tr("Details")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.currentCellChanged.connect(lambda *_a: self._update_button())
        layout.addWidget(self.table, 1)

        bar = QHBoxLayout()
        hint = QLabel(self.tr("Enter or a double click opens the place where the work is done."))
        hint.setStyleSheet("color: #5f6368;")
        bar.addWidget(hint, 1)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("open_work")
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        bar.addWidget(self.open_button)
        layout.addLayout(bar)
        self.table.installEventFilter(self)  # Enter opens the current line

        self._listener = ops.listen(self, ops.EVERYTHING, lambda _topics: self.reload())
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_row(self.table.currentRow())
            return True
        return super().eventFilter(watched, event)

    # --- reading --------------------------------------------------------------------------------------

    def reload(self) -> None:
        actor = self._actor
        bench = ops.query(self._db, lambda session: workbench.workbench(session, actor))
        current = self.table.currentRow()
        self.items = list(bench.items)
        self.heading.setText(
            self.tr("Today's work – %1 (%2), %3")
            .replace("%1", actor.full_name)
            .replace("%2", role_label(actor.role))
            .replace("%3", bench.today.isoformat())
        )
        waiting = [item for item in self.items if item.to_do]
        if not self.items:
            self.summary.setText(self.tr("Your role has no daily work to follow here."))
        elif waiting:
            self.summary.setText(
                self.tr("%1 kinds of work are waiting. Start at the top: applicants wait at the door.").replace(
                    "%1", str(len(waiting))
                )
            )
        else:
            self.summary.setText(self.tr("Nothing is waiting. Well done."))
        self.table.setRowCount(len(self.items))
        bold = QFont()
        bold.setBold(True)
        bold.setPointSize(bold.pointSize() + 2)
        for row, item in enumerate(self.items):
            count = QTableWidgetItem(self.count_text(item))
            count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            count.setFont(bold)
            title = QTableWidgetItem(self.title(item))
            detail = QTableWidgetItem(self.detail(item))
            for cell in (count, title, detail):
                cell.setData(Qt.ItemDataRole.UserRole, row)
                if not item.to_do:
                    cell.setForeground(GREY)
            if item.urgent and item.key not in ("mailing_photos", "mailing_notifications"):
                count.setForeground(RED)
            self.table.setItem(row, 0, count)
            self.table.setItem(row, 1, title)
            self.table.setItem(row, 2, detail)
        if self.items:
            first = next((row for row, item in enumerate(self.items) if item.to_do), 0)
            self.table.setCurrentCell(current if 0 <= current < len(self.items) else first, 1)
        self._update_button()

    def _update_button(self) -> None:
        self.open_button.setEnabled(0 <= self.table.currentRow() < len(self.items))

    # --- the words of each line ---------------------------------------------------------------------

    def count_text(self, item: WorkItem) -> str:
        if item.key == "roster_publication":
            return "!" if item.to_do else "✓"
        return str(item.count)

    def title(self, item: WorkItem) -> str:
        if item.key == "applications" and item.stage is not None:
            from desktop_app.ui.admission.dialogs import waiting_for

            return self.tr("Applications: %1").replace("%1", waiting_for(item.stage))
        titles = {
            "print_jobs": self.tr("Certificates and plaque orders to print"),
            "handover_forms": self.tr("Handover forms to apply to the register"),
            "follow_ups": self.tr("Follow-ups due"),
            "nominations": self.tr("Outstanding-liaison nominations to decide"),
            "arrears": self.tr("Members in arrears"),
            "cancellation_review": self.tr("Cancellation review: unpaid for more than a year"),
            "cases_to_notify": self.tr("Cancellations confirmed, notice not yet issued"),
            "notice_deadlines": self.tr("Withdrawal notices near or past their deadline"),
            "withdrawal_tasks": self.tr("Tasks after a member left"),
            "mailing_photos": self.tr("Mailed documents without a photo"),
            "mailing_notifications": self.tr("Mailed documents, liaison not told"),
            "roster_publication": self.tr("Publish the roster"),
        }
        return titles.get(item.key, item.key)

    def detail(self, item: WorkItem) -> str:
        if item.key == "applications":
            return self.tr("Open the admission queue at this step")
        if item.key == "print_jobs":
            return self.tr("Queued at registration (Article 5); opens the print queue")
        if item.key == "handover_forms":
            return self.tr("Forms the mentors filed, waiting for the office (Article 9 (3))")
        if item.key == "follow_ups":
            return self.tr("%1 of them overdue; from the contact log (Article 8 (2))").replace("%1", str(item.urgent))
        if item.key == "nominations":
            return self.tr("Waiting for the secretariat's decision (Article 10 (5))")
        if item.key == "arrears":
            amount = f"{item.amount:,.2f}" if item.amount is not None else "0.00"
            return (
                self.tr("%1 yuan owed; %2 members unpaid for more than a year")
                .replace("%1", amount)
                .replace("%2", str(item.urgent))
            )
        if item.key == "cancellation_review":
            return self.tr("Members not yet in a case (Article 12 (1)); opens and runs the review")
        if item.key == "cases_to_notify":
            return self.tr("Issue and mail the withdrawal notice (Article 12)")
        if item.key == "notice_deadlines":
            return (
                self.tr("%1 past the response deadline; shown %2 days before it")
                .replace("%1", str(item.urgent))
                .replace("%2", str(item.days))
            )
        if item.key == "withdrawal_tasks":
            return self.tr("Take the former member out of your WeChat group (Article 14)")
        if item.key in ("mailing_photos", "mailing_notifications"):
            return self.tr(
                "Invoices, certificates and other important documents (Article 8 (4)); in %1 batches"
            ).replace("%1", str(item.urgent))
        if item.key == "roster_publication":
            if item.last is None:
                return self.tr("Never published; publish it every %1 days (Article 9 (2))").replace(
                    "%1", str(item.days)
                )
            return (
                self.tr("Last published on %1; publish it every %2 days (Article 9 (2))")
                .replace("%1", item.last.isoformat())
                .replace("%2", str(item.days))
            )
        return ""

    # --- going there ----------------------------------------------------------------------------------

    def open_row(self, row: int) -> Any:
        if not 0 <= row < len(self.items):
            return None
        from desktop_app.ui.workbench.targets import open_item

        window = self.window()
        if not hasattr(window, "show_area"):
            return None
        self.opened = open_item(window, self.items[row])
        return self.opened

    def open_key(self, key: str) -> Any:
        """Open the first line of ``key`` (tests, and the keyboard's users through the table)."""
        row = next((row for row, item in enumerate(self.items) if item.key == key), -1)
        self.table.setCurrentCell(row, 1)
        return self.open_row(row)
