"""The admission area (R-4.1, R-4.2, R-5.1 … R-5.6, R-15.1): the queue — applications by stage with
counts, what each waits for and for how long — and below it the selected application's panel
(``ui/admission/panel.py``). The admission service decides; this window asks it.

The area listens to the operations layer: whatever changes applications, the print queue, the
members or the staff (here, in another area, or on another workstation after F5) reloads the
queue, its counts and the panel."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.models import ApplicationStage, ApplicationStatus, Role
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import accounts, admission
from desktop_app.core.services.admission import QueueFilter, QueueRow
from desktop_app.ui import ops, table_export
from desktop_app.ui.admission.dialogs import ApplicationDialog, waiting_for
from desktop_app.ui.admission.panel import ApplicationPanel
from desktop_app.ui.admission.print_queue import PrintQueueDialog
from desktop_app.ui.widgets import EmptyState, KeptChoices

Index = QModelIndex | QPersistentModelIndex
LONG_WAIT_DAYS = (14, 30)  # amber from two weeks, red from a month


class QueueModel(QAbstractTableModel):
    """The applications the filters select (dozens, at most a few thousand: held in memory)."""

    HEADERS = ("Number", "Organisation", "Waiting for", "Since", "Days", "In charge", "Note")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[QueueRow] = []
        self._zone: dt.tzinfo | None = None

    def set_rows(self, rows: list[QueueRow], zone: dt.tzinfo | None) -> None:
        self.beginResetModel()
        self.rows = rows
        self._zone = zone
        self.endResetModel()

    def row_of(self, application_id: int) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.id == application_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.HEADERS):
            return None
        return [
            self.tr("Number"),
            self.tr("Organisation"),
            self.tr("Waiting for"),
            self.tr("Since"),
            self.tr("Days"),
            self.tr("In charge"),
            self.tr("Note"),
        ][section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column in (2, 4) and row.waiting_for is not None:
            if row.days >= LONG_WAIT_DAYS[1]:
                return QColor("#b3261e")
            if row.days >= LONG_WAIT_DAYS[0]:
                return QColor("#a15c00")
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return row.application_number
        if column == 1:
            return row.name
        if column == 2:
            if row.waiting_for is not None:
                return waiting_for(row.waiting_for.stage)
            return {
                ApplicationStatus.REGISTERED: self.tr("Registered"),
                ApplicationStatus.DECLINED: self.tr("Declined"),
                ApplicationStatus.ABANDONED: self.tr("Abandoned"),
            }.get(row.status, "")
        if column == 3:
            return f"{row.since.astimezone(self._zone):%Y-%m-%d}"
        if column == 4:
            return str(row.days)
        if column == 5:
            return row.handler_name or ""
        notes = []
        if row.readmission:
            notes.append(self.tr("Re-admission"))
        if row.credit_failed and row.status == ApplicationStatus.OPEN:
            notes.append(self.tr("credit check failed"))
        if row.closed_reason:
            notes.append(row.closed_reason)
        return "；".join(notes)


WAITING_CHOICES = (0, 3, 7, 14, 30)


class AdmissionView(QWidget):
    """The area "入会申请": the queue on the left and top, the selected application below."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.dialog: Any = None
        self.model = QueueModel(self)
        self._build()
        self.reload_choices()
        self.reload()
        self._listener = ops.listen(self, {ops.APPLICATIONS, ops.PRINT_JOBS, ops.MEMBERS, ops.STAFF}, self._changed)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search name, credit code, application number, liaison or reason  (Ctrl+F)")
        )
        self.search.textChanged.connect(self.reload)
        bar.addWidget(self.search, 3)
        self.status_box = QComboBox()
        self.status_box.setObjectName("status_filter")
        self.staff_box = QComboBox()
        self.staff_box.setObjectName("staff_filter")
        self.waiting_box = QComboBox()
        self.waiting_box.setObjectName("waiting_filter")
        for box in (self.status_box, self.staff_box, self.waiting_box):
            box.currentIndexChanged.connect(self.reload)
            bar.addWidget(box)
        self.new_button = QPushButton(self.tr("New application…"))
        self.new_button.setObjectName("new_application")
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.clicked.connect(self.new_application)
        refusal = admission.permission_refusal(self._actor, Permission.RECEIVE_APPLICATIONS)
        self.new_button.setEnabled(refusal is None)
        self.new_button.setToolTip(refusal or self.tr("Receive a new applicant (Ctrl+N)"))
        bar.addWidget(self.new_button)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.setToolTip(self.tr("Show what other workstations did meanwhile (F5)"))
        self.refresh_button.clicked.connect(ops.announce_everything)  # F5 is the main window's
        bar.addWidget(self.refresh_button)
        self.print_button = QPushButton()
        self.print_button.setObjectName("print_queue")
        self.print_button.clicked.connect(self.open_print_queue)
        bar.addWidget(self.print_button)
        layout.addLayout(bar)

        self.stages = QListWidget()
        self.stages.setObjectName("stages")
        self.stages.setMaximumWidth(260)
        self.stages.setMinimumWidth(200)
        self.stages.setStyleSheet("QListWidget::item { padding: 5px 6px; }")
        self.stages.currentRowChanged.connect(lambda _row: self.reload())

        self.table = QTableView()
        self.table.setObjectName("queue")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((100, 270, 150, 90, 50, 80)):
            self.table.setColumnWidth(column, width)
        table_export.install(self.table)  # copy, “export what I see” (issue 16)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.empty_state = EmptyState(self.table)

        self.panel = ApplicationPanel(self._db, self._actor, self)
        self.panel.setObjectName("panel")
        self.panel.acted.connect(self._keep_showing)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.table)
        right.addWidget(self.panel)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        right.setSizes([280, 440])
        splitter = QSplitter()
        splitter.addWidget(self.stages)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 1000])
        layout.addWidget(splitter, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        layout.addWidget(self.count_label)
        QShortcut(
            QKeySequence.StandardKey.Find, self, activated=lambda: (self.search.setFocus(), self.search.selectAll())
        )
        QShortcut(QKeySequence("Escape"), self.search, activated=self.search.clear)

    def reload_choices(self) -> None:
        """The filter boxes (the staff in charge are data); what is chosen stays chosen."""
        staff = [s for s in ops.query(self._db, accounts.staff_records) if s.role != Role.MENTOR]
        with KeptChoices((self.status_box, self.staff_box, self.waiting_box)):
            self.status_box.addItem(self.tr("Open applications"), ApplicationStatus.OPEN.value)
            self.status_box.addItem(self.tr("Registered"), ApplicationStatus.REGISTERED.value)
            self.status_box.addItem(self.tr("Declined"), ApplicationStatus.DECLINED.value)
            self.status_box.addItem(self.tr("Abandoned"), ApplicationStatus.ABANDONED.value)
            self.status_box.addItem(self.tr("All applications"), None)
            self.staff_box.addItem(self.tr("Anyone in charge"), None)
            for person in staff:
                self.staff_box.addItem(person.full_name, person.id)
            for days in WAITING_CHOICES:
                self.waiting_box.addItem(
                    self.tr("Any waiting time") if days == 0 else self.tr("Waiting %n day(s) or more", "", days), days
                )

    def _changed(self, topics: frozenset[str]) -> None:
        if ops.STAFF in topics:
            self.reload_choices()
        self.reload()

    def current_filter(self) -> QueueFilter:
        status = self.status_box.currentData()
        stage = None
        item = self.stages.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            stage = ApplicationStage(item.data(Qt.ItemDataRole.UserRole))
        return QueueFilter(
            text=self.search.text(),
            status=ApplicationStatus(status) if status else None,
            waiting_for=stage if status == ApplicationStatus.OPEN.value else None,
            handler_id=self.staff_box.currentData(),
            min_waiting_days=self.waiting_box.currentData() or None,
        )

    def reload(self) -> None:
        """Counts per stage, the rows, and the selected application again (kept if still shown)."""
        selected = self.panel.application_id
        flt = self.current_filter()
        counts, rows, queued = ops.query(
            self._db,
            lambda session: (
                admission.queue_counts(session, flt),
                admission.queue(session, flt),
                admission.queued_print_count(session),
            ),
        )
        self._fill_stages(counts, flt)
        self.model.set_rows(rows, self._db.clock.now().tzinfo)
        self.count_label.setText(self.tr("%n application(s)", "", len(rows)))
        self.print_button.setText(self.tr("Print queue (%1)…").replace("%1", str(queued)))
        filtered = (
            bool(flt.text.strip())
            or flt.waiting_for is not None
            or flt.handler_id is not None
            or bool(flt.min_waiting_days)
        )
        self.empty_state.set_text(
            self.tr("No application matches these filters.")
            if filtered
            else self.tr("No application here. Receive a new applicant with “New application…”.")
        )
        row = self.model.row_of(selected) if selected is not None else None
        if row is None and rows:
            row = 0
        if row is not None:
            self.table.selectRow(row)
            self.panel.load(self.model.rows[row].id)
        else:
            self.panel.load(None)

    def _fill_stages(self, counts: dict[ApplicationStage, int], flt: QueueFilter) -> None:
        current = self.stages.currentItem().data(Qt.ItemDataRole.UserRole) if self.stages.currentItem() else None
        self.stages.blockSignals(True)
        self.stages.clear()
        total = QListWidgetItem(self.tr("All open (%1)").replace("%1", str(sum(counts.values()))))
        total.setData(Qt.ItemDataRole.UserRole, None)
        self.stages.addItem(total)
        for stage, count in counts.items():
            item = QListWidgetItem(f"{waiting_for(stage)} ({count})")
            item.setData(Qt.ItemDataRole.UserRole, stage.value)
            if count == 0:
                item.setForeground(QColor("#9aa0a6"))
            self.stages.addItem(item)
            if current == stage.value:
                self.stages.setCurrentItem(item)
        if self.stages.currentItem() is None:
            self.stages.setCurrentRow(0)
        self.stages.setEnabled(flt.status == ApplicationStatus.OPEN)
        self.stages.blockSignals(False)

    def select_stage(self, stage: ApplicationStage | None) -> None:
        for row in range(self.stages.count()):
            if self.stages.item(row).data(Qt.ItemDataRole.UserRole) == (stage.value if stage else None):
                self.stages.setCurrentRow(row)
                return

    def select_application(self, application_id: int) -> bool:
        row = self.model.row_of(application_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.panel.load(application_id)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            application_id = self.model.rows[current.row()].id
            if application_id != self.panel.application_id:
                self.panel.load(application_id)

    def _keep_showing(self, application_id: int) -> None:
        """After an action the queue has reloaded (the change was announced); an application that
        left the filtered list (registered, declined …) stays in the panel until another is chosen."""
        if self.model.row_of(application_id) is None:
            self.panel.load(application_id)

    def new_application(self) -> ApplicationDialog | None:
        if not self._actor.can(Permission.RECEIVE_APPLICATIONS):
            return None
        dialog = ApplicationDialog(self._db, self._actor, None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._created)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _created(self, application_id: int) -> None:
        self.search.clear()
        self.status_box.setCurrentIndex(0)
        self.select_stage(None)
        self.reload()
        self.select_application(application_id)

    def open_print_queue(self) -> PrintQueueDialog:
        dialog = PrintQueueDialog(self._db, self._actor, self)  # marking printed announces PRINT_JOBS
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog
