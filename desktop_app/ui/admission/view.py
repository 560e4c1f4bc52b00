"""The admission queue (R-4.1, R-4.2, R-5.1 … R-5.6, R-15.1): applications by stage with counts,
what each waits for and for how long, and a panel with the next action (enabled only for the
roles that may take it, with the reason shown when not), the checklist with attachments, the
stages recorded and the history. The admission service decides; this window asks it."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.models import (
    CONTACT_FIELDS,
    CONTACT_ROLES,
    ApplicationStage,
    ApplicationStatus,
    DocumentKind,
)
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import accounts, admission, documents
from desktop_app.core.services.admission import QueueFilter, QueueRow
from desktop_app.core.settings import level_names
from desktop_app.errors import OfficeError
from desktop_app.ui import msgbox
from desktop_app.ui.admission.dialogs import (
    ApplicationDialog,
    PrintQueueDialog,
    ReasonDialog,
    StepDialog,
    action_title,
    preview_attachment,
    show_pdf,
    step_title,
    waiting_for,
)
from desktop_app.ui.labels import category_label, contact_role_labels, field_labels
from desktop_app.ui.widgets import EmptyState

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


class ApplicationPanel(QWidget):
    """One application: its next action (or why not), the other actions, and four tabs."""

    changed = Signal(int)  # the application was changed: the queue reloads

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.application_id: int | None = None
        self.dialog: Any = None  # the dialog opened last (tests answer it)
        self._labels = field_labels()
        self._build()
        self.load(None)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        self.flag = QLabel()
        self.flag.setObjectName("flag")
        self.flag.setWordWrap(True)
        self.flag.setStyleSheet("background: #fff4e5; color: #8a4b00; padding: 6px; border-radius: 4px;")
        layout.addWidget(self.flag)

        action_row = QHBoxLayout()
        self.advance_button = QPushButton()
        self.advance_button.setObjectName("advance")
        self.advance_button.setMinimumHeight(32)
        self.advance_button.setStyleSheet("QPushButton:enabled { font-weight: bold; }")
        self.advance_button.clicked.connect(self.take_next_step)
        action_row.addWidget(self.advance_button)
        self.next_label = QLabel()
        self.next_label.setObjectName("next")
        self.next_label.setWordWrap(True)
        action_row.addWidget(self.next_label, 1)
        layout.addLayout(action_row)
        self.reason = QLabel()
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.reason)

        buttons = QHBoxLayout()
        self.send_back_button = QPushButton(self.tr("Send back…"))
        self.send_back_button.setObjectName("send_back")
        self.decline_button = QPushButton(self.tr("Decline…"))
        self.decline_button.setObjectName("decline")
        self.abandon_button = QPushButton(self.tr("Abandoned…"))
        self.abandon_button.setObjectName("abandon")
        self.back_payment_button = QPushButton(self.tr("Back-payment decision…"))
        self.back_payment_button.setObjectName("back_payment")
        self.edit_button = QPushButton(self.tr("Correct details…"))
        self.edit_button.setObjectName("edit")
        self.application_form_button = QPushButton(self.tr("Application form"))
        self.application_form_button.setObjectName("print_application_form")
        self.filing_form_button = QPushButton(self.tr("Filing form"))
        self.filing_form_button.setObjectName("print_filing_form")
        for button, slot in (
            (self.send_back_button, self.send_back),
            (self.decline_button, self.decline),
            (self.abandon_button, self.abandon),
            (self.back_payment_button, self.decide_back_payment),
            (self.edit_button, self.edit),
            (self.application_form_button, lambda: self.print_form("application-form")),
            (self.filing_form_button, lambda: self.print_form("filing-form")),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        layout.addWidget(self.tabs, 1)
        self.steps = QTreeWidget()
        self.steps.setObjectName("steps")
        self.steps.setRootIsDecorated(False)
        self.steps.setHeaderLabels(
            [self.tr("Stage"), self.tr("Done"), self.tr("By"), self.tr("When"), self.tr("Recorded")]
        )
        self.steps.header().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.steps, self.tr("Stages"))

        documents = QWidget()
        documents_layout = QVBoxLayout(documents)
        self.checklist = QTreeWidget()
        self.checklist.setObjectName("checklist")
        self.checklist.setHeaderLabels([self.tr("Document"), self.tr("Size"), self.tr("Added by"), self.tr("Added")])
        self.checklist.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.checklist.itemActivated.connect(lambda *_: self.open_attachment())
        self.checklist.currentItemChanged.connect(lambda *_: self._update_document_buttons())
        documents_layout.addWidget(self.checklist, 1)
        row = QHBoxLayout()
        self.add_file_button = QPushButton(self.tr("Add a file…"))
        self.add_file_button.setObjectName("add_file")
        self.open_file_button = QPushButton(self.tr("Open / preview"))
        self.open_file_button.setObjectName("open_file")
        self.remove_file_button = QPushButton(self.tr("Remove"))
        self.remove_file_button.setObjectName("remove_file")
        self.add_file_button.clicked.connect(self.add_file)
        self.open_file_button.clicked.connect(self.open_attachment)
        self.remove_file_button.clicked.connect(self.remove_attachment)
        for button in (self.add_file_button, self.open_file_button, self.remove_file_button):
            row.addWidget(button)
        self.limit_label = QLabel()
        self.limit_label.setStyleSheet("color: #5f6368;")
        row.addWidget(self.limit_label, 1)
        documents_layout.addLayout(row)
        self.tabs.addTab(documents, self.tr("Documents"))

        self.details = QLabel()
        self.details.setObjectName("details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.details)
        self.tabs.addTab(scroll, self.tr("Organisation"))

        self.history = QTreeWidget()
        self.history.setObjectName("history")
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Reason")])
        self.history.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.history, self.tr("History"))

    # --- showing ----------------------------------------------------------------------------------

    def _local(self, moment: dt.datetime | None) -> str:
        return f"{moment.astimezone(self._db.clock.now().tzinfo):%Y-%m-%d %H:%M}" if moment else ""

    def load(self, application_id: int | None) -> None:
        self.application_id = application_id
        widgets = (
            self.advance_button,
            self.send_back_button,
            self.decline_button,
            self.abandon_button,
            self.back_payment_button,
            self.edit_button,
            self.application_form_button,
            self.filing_form_button,
            self.tabs,
        )
        if application_id is None:
            self.title.setText(self.tr("Select an application in the queue."))
            for widget in widgets:
                widget.setVisible(False)
            for label in (self.flag, self.next_label, self.reason):
                label.hide()
            return
        for widget in widgets:
            widget.setVisible(True)
        with self._db.session() as session:
            application = admission.get_application(session, application_id)
            action = admission.next_action(session, self._actor, application)
            refusals = admission.action_refusals(session, self._actor, application)
            former = admission.former_member_of(session, application)
            earliest = admission.earliest_registration(session, application)
            records = admission.step_records(session, application)
            items = admission.checklist(session, application_id)
            events = admission.history(session, application_id)
            limit = admission.attachment_limit_bytes(session)
            level = level_names(session).get(application.level, application.level)
            days = admission.waiting_days(session, application.stage_since)
            values = admission.application_values(application)
            status, since = application.status, application.stage_since
            number, name = application.application_number, application.name
            back_payment = application.back_payment
            back_payment_reason = application.back_payment_reason
            closed_reason = application.closed_reason
            handler = application.handler.full_name if application.handler else ""
        status_text = {
            ApplicationStatus.OPEN: self.tr("open"),
            ApplicationStatus.REGISTERED: self.tr("registered"),
            ApplicationStatus.DECLINED: self.tr("declined"),
            ApplicationStatus.ABANDONED: self.tr("abandoned"),
        }[status]
        self.title.setText(
            f"<span style='font-size:15px'><b>{name}</b></span><br>{number} · {status_text} · "
            + self.tr("in charge: %1").replace("%1", handler or "—")
        )

        flags = []
        if former is not None:
            flags.append(self.tr("Re-admission (R-15.1): ") + former.left_text())
            if back_payment is not None:
                decision = self.tr("granted") if back_payment.value == "granted" else self.tr("refused")
                flags.append(
                    self.tr("Back-payment route %1 by the resident leader: %2")
                    .replace("%1", decision)
                    .replace("%2", back_payment_reason or "")
                )
            if earliest is not None:
                flags.append(
                    self.tr("Earliest registration date: %1 (two full years, %2)")
                    .replace("%1", earliest.isoformat())
                    .replace("%2", former.counting)
                )
            else:
                flags.append(self.tr("No waiting period: the membership is restored by back-payment."))
        if closed_reason and status != ApplicationStatus.OPEN:
            flags.append(self.tr("Reason: %1").replace("%1", closed_reason))
        self.flag.setText("\n".join(flags))
        self.flag.setVisible(bool(flags))

        if action is not None:
            self.advance_button.setText(action_title(action.step.stage))
            self.advance_button.setEnabled(action.allowed)
            local_since = since.astimezone(self._db.clock.now().tzinfo)
            self.next_label.setText(
                self.tr("%1 since %2 (%n day(s))", "", days)
                .replace("%1", waiting_for(action.step.stage))
                .replace("%2", f"{local_since:%Y-%m-%d}")
            )
            self.reason.setText((action.reason or "") + ("\n" + action.note if action.note else ""))
            self.reason.setVisible(bool(action.reason or action.note))
            self.advance_button.setToolTip(action.reason or "")
        else:
            self.advance_button.setVisible(False)
            self.next_label.setText(self.tr("Nothing more to do: the application is %1.").replace("%1", status_text))
            self.reason.hide()
        self.next_label.show()
        for key, button in (
            ("send_back", self.send_back_button),
            ("decline", self.decline_button),
            ("abandon", self.abandon_button),
            ("back_payment", self.back_payment_button),
            ("edit", self.edit_button),
        ):
            reason = refusals[key]
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")
        self.back_payment_button.setVisible(former is not None)
        can_print = self._actor.can(Permission.PRINT_FORMS)
        for button in (self.application_form_button, self.filing_form_button):
            button.setEnabled(can_print)
            button.setToolTip(
                "" if can_print else admission.permission_refusal(self._actor, Permission.PRINT_FORMS) or ""
            )
        self._attach_refusal = refusals["attach"]

        self.steps.clear()
        for record in records:
            item = QTreeWidgetItem(
                [
                    step_title(record.step.stage),
                    "✓" if record.done else "",
                    record.by or "",
                    f"{record.at:%Y-%m-%d %H:%M}" if record.at else "",
                    record.text,
                ]
            )
            if action is not None and record.step.stage == action.step.stage:
                item.setText(1, "→")
                for column in range(5):
                    item.setForeground(column, QColor("#1a73e8"))
            self.steps.addTopLevelItem(item)
        for column in range(4):
            self.steps.resizeColumnToContents(column)

        current_kind = self._selected_kind()
        self.checklist.clear()
        for entry in items:
            mark = "✓ " if entry.complete else ("✗ " if entry.required else "")
            top = QTreeWidgetItem([mark + entry.label + ("" if entry.required else self.tr(" (optional)"))])
            top.setData(0, Qt.ItemDataRole.UserRole, ("kind", entry.kind.value))
            if entry.required and not entry.complete:
                top.setForeground(0, QColor("#b3261e"))
            for document in entry.documents:
                child = QTreeWidgetItem(
                    [document.file_name, _size(document.size), document.uploaded_by, self._local(document.uploaded_at)]
                )
                child.setData(0, Qt.ItemDataRole.UserRole, ("document", document.id))
                top.addChild(child)
            self.checklist.addTopLevelItem(top)
            if current_kind == entry.kind:
                self.checklist.setCurrentItem(top)
        self.checklist.expandAll()
        for column in (1, 2, 3):
            self.checklist.resizeColumnToContents(column)
        self.limit_label.setText(self.tr("PDF, JPEG or PNG, at most %1 MB each").replace("%1", str(limit // 1048576)))
        self._update_document_buttons()

        self.details.setText(self._details_html(values, level))
        self.history.clear()
        for event in events:
            self.history.addTopLevelItem(
                QTreeWidgetItem([self._local(event.at), event.actor_name, event.summary, event.reason or ""])
            )
        for column in (0, 1):
            self.history.resizeColumnToContents(column)

    def _details_html(self, values: dict[str, Any], level: str) -> str:
        rows = [
            (self._labels["uscc"], values["uscc"]),
            (self._labels["category"], category_label(values["category"])),
            (self.tr("Level applied for"), level),
            (self._labels["main_business"], values.get("main_business")),
            (self._labels["qualification"], values.get("qualification")),
            (self._labels["district"], values.get("district")),
            (self._labels["address"], values.get("address")),
            (self._labels["postcode"], values.get("postcode")),
        ]
        roles = contact_role_labels()
        for role in CONTACT_ROLES:
            parts = [str(values.get(f"{role}_{field}")) for field in CONTACT_FIELDS if values.get(f"{role}_{field}")]
            rows.append((roles[role], "　".join(parts)))
        rows.append((self._labels["notes"], values.get("notes")))
        cells = "".join(
            f"<tr><td style='color:#5f6368; padding-right:12px'>{label}</td><td>{_html(value) if value else '—'}</td></tr>"
            for label, value in rows
        )
        return f"<table cellspacing='3'>{cells}</table>"

    def _selected(self) -> tuple[str, Any] | None:
        item = self.checklist.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _selected_kind(self) -> DocumentKind | None:
        item = self.checklist.currentItem()
        if item is None:
            return None
        top = item.parent() or item
        data = top.data(0, Qt.ItemDataRole.UserRole)
        return DocumentKind(data[1]) if data else None

    def _update_document_buttons(self) -> None:
        selected = self._selected()
        is_document = bool(selected and selected[0] == "document")
        attach_refusal = getattr(self, "_attach_refusal", None)
        self.add_file_button.setEnabled(self.application_id is not None and attach_refusal is None)
        self.add_file_button.setToolTip(attach_refusal or self.tr("Adds a file to the selected item of the checklist"))
        self.open_file_button.setEnabled(is_document)
        self.remove_file_button.setEnabled(is_document and attach_refusal is None)

    # --- acting -----------------------------------------------------------------------------------

    def _refresh(self) -> None:
        if self.application_id is not None:
            self.load(self.application_id)
            self.changed.emit(self.application_id)

    def _open(self, dialog: Any) -> Any:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._refresh)
        dialog.open()
        return dialog

    def take_next_step(self) -> StepDialog | None:
        if self.application_id is None:
            return None
        try:
            dialog = StepDialog(self._db, self._actor, self.application_id, self)
        except ValueError:
            self.load(self.application_id)
            return None
        dialog.completed.connect(self._registered)
        return self._open(dialog)

    def _registered(self, result: Any) -> None:
        if result is None:
            return
        _member_id, member_number, certificate_number, name = result
        msgbox.information(
            self,
            self.tr("Registered"),
            self.tr(
                "%1 is registered as a member.\nMember number: %2\nCertificate number: %3\n\n"
                "The membership certificate and the plaque order are in the print queue. "
                "The new member has no mentor yet: assign one in the member register (filter “No mentor”)."
            )
            .replace("%1", name)
            .replace("%2", member_number)
            .replace("%3", certificate_number or ""),
        )

    def _reason_dialog(self, title: str, prompt: str, call, **kwargs) -> ReasonDialog | None:  # type: ignore[no-untyped-def]
        application_id = self.application_id
        if application_id is None:
            return None
        with self._db.session() as session:
            version = admission.get_application(session, application_id).version

        def action(reason: str, choice: Any) -> None:
            with self._db.session() as session:
                call(session, application_id, version, reason, choice)

        return self._open(ReasonDialog(title, prompt, action, parent=self, **kwargs))

    def send_back(self) -> ReasonDialog | None:
        if self.application_id is None:
            return None
        with self._db.session() as session:
            targets = admission.send_back_targets(admission.get_application(session, self.application_id))
        choices = [(step_title(step.stage), step.stage.value) for step in reversed(targets)]
        return self._reason_dialog(
            self.tr("Send back"),
            self.tr(
                "The application goes back to redo the chosen stage; that stage and every later one are "
                "done again. Say why: it is kept in the history."
            ),
            lambda s, i, v, reason, choice: admission.send_back(
                s, self._actor, i, to_stage=choice, reason=reason, expected_version=v
            ),
            choices=choices,
            choice_label=self.tr("Redo from"),
        )

    def decline(self) -> ReasonDialog | None:
        return self._reason_dialog(
            self.tr("Decline the application"),
            self.tr(
                "R-4.2: applicants with a single motive, no recognition of the association's role, unwilling to "
                "bear member obligations or with weak social responsibility are declined. The application stays "
                "on file with the reason."
            ),
            lambda s, i, v, reason, _c: admission.decline(s, self._actor, i, reason=reason, expected_version=v),
        )

    def abandon(self) -> ReasonDialog | None:
        return self._reason_dialog(
            self.tr("Application abandoned"),
            self.tr("The applicant withdrew or no longer answers. The application stays on file with the reason."),
            lambda s, i, v, reason, _c: admission.abandon(s, self._actor, i, reason=reason, expected_version=v),
        )

    def decide_back_payment(self) -> ReasonDialog | None:
        return self._reason_dialog(
            self.tr("Back-payment decision"),
            self.tr(
                "R-15.1: restoring a membership by paying the arrears is decided case by case from the reason "
                "the member left and its motive. If granted, the two-year wait does not apply and the member "
                "keeps its member number. Record the reason of the decision."
            ),
            lambda s, i, v, reason, granted: admission.decide_back_payment(
                s, self._actor, i, granted=granted, reason=reason, expected_version=v
            ),
            decision=True,
        )

    def edit(self) -> ApplicationDialog | None:
        if self.application_id is None:
            return None
        return self._open(ApplicationDialog(self._db, self._actor, self.application_id, self))

    def choose_file(self) -> str:
        """The file to attach (a method so tests can answer it)."""
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Add a scan or file"), "", self.tr("Scans and documents (*.pdf *.jpg *.jpeg *.png)")
        )
        return name

    def add_file(self) -> bool:
        if self.application_id is None:
            return False
        kind = self._selected_kind()
        if kind is None:  # the first required document still missing
            with self._db.session() as session:
                missing = admission.missing_documents(session, self.application_id)
            kind = missing[0] if missing else DocumentKind.OTHER
        path = self.choose_file()
        if not path:
            return False
        try:
            content = Path(path).read_bytes()
            with self._db.session() as session:
                admission.attach_document(session, self._actor, self.application_id, kind, Path(path).name, content)
        except OSError as exc:
            msgbox.warning(self, self.tr("Not added"), str(exc))
            return False
        except OfficeError as exc:
            msgbox.warning(self, self.tr("Not added"), _error_text(exc))
            return False
        self._refresh()
        return True

    def open_attachment(self) -> Any:
        selected = self._selected()
        if not selected or selected[0] != "document":
            return None
        try:
            with self._db.session() as session:
                file_name, mime_type, content = admission.document_content(session, self._actor, selected[1])
        except OfficeError as exc:
            msgbox.warning(self, self.tr("Cannot open"), exc.message)
            return None
        self.dialog = preview_attachment(self, file_name, mime_type, content)
        return self.dialog

    def remove_attachment(self) -> bool:
        selected = self._selected()
        if not selected or selected[0] != "document":
            return False
        item = self.checklist.currentItem()
        if not msgbox.question(
            self, self.tr("Remove the file"), self.tr("Remove “%1” from the application?").replace("%1", item.text(0))
        ):
            return False
        try:
            with self._db.session() as session:
                admission.remove_document(session, self._actor, selected[1])
        except OfficeError as exc:
            msgbox.warning(self, self.tr("Not removed"), exc.message)
            return False
        self._refresh()
        return True

    def print_form(self, kind: str) -> Any:
        if self.application_id is None:
            return None
        folder = Path(tempfile.mkdtemp(prefix="membership-forms-"))
        title = self.tr("Application form") if kind == "application-form" else self.tr("Filing form")
        path = folder / f"{title}.pdf"
        try:
            with self._db.session() as session:
                report = documents.print_form(session, self._actor, self.application_id, kind, str(path))
        except OfficeError as exc:
            msgbox.warning(self, self.tr("Cannot print"), _error_text(exc))
            return None
        if report.problems:
            msgbox.warning(self, title, "\n".join(f"{p.who}：{p.message}" for p in report.problems))
        self.dialog = show_pdf(self, path, title)
        return self.dialog


def _size(size: int) -> str:
    return f"{size / 1048576:.1f} MB" if size >= 1048576 else f"{max(1, round(size / 1024))} KB"


def _html(value: Any) -> str:
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")


def _error_text(exc: OfficeError) -> str:
    from desktop_app.errors import ValidationError

    return "\n".join(exc.errors.values()) if isinstance(exc, ValidationError) else exc.message


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
        self.refresh_button.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_button.clicked.connect(self.reload)
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
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.empty_state = EmptyState(self.table)

        self.panel = ApplicationPanel(self._db, self._actor, self)
        self.panel.setObjectName("panel")
        self.panel.changed.connect(self._application_changed)

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
        with self._db.session() as session:
            staff = [s for s in accounts.list_staff(session) if s.role.value != "mentor"]
        boxes = (self.status_box, self.staff_box, self.waiting_box)
        for box in boxes:
            box.blockSignals(True)
            box.clear()
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
        for box in boxes:
            box.blockSignals(False)

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
        with self._db.session() as session:
            counts = admission.queue_counts(session, flt)
            rows = admission.queue(session, flt)
            queued = admission.queued_print_count(session)
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

    def _application_changed(self, application_id: int) -> None:
        self.reload()
        if self.model.row_of(application_id) is None:  # it left the filtered list: still show it
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
        dialog = PrintQueueDialog(self._db, self._actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.reload())
        self.dialog = dialog
        dialog.open()
        return dialog
