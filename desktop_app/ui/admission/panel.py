"""The admission area's panel: one application — its next action (enabled only for the roles that
may take it, with the reason shown when not), the other actions, the stages recorded, the checklist
with its attachments, the organisation and the history (R-4.1, R-4.2, R-5.1 … R-5.6, R-15.1).
The admission service decides (``admission.application_detail`` says what is allowed and why not);
this panel asks it and shows the answer."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import messages
from desktop_app.core.db import Database
from desktop_app.core.models import CONTACT_FIELDS, CONTACT_ROLES, ApplicationStatus, DocumentKind
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import admission, documents
from desktop_app.ui import msgbox, ops
from desktop_app.ui.admission.dialogs import (
    ApplicationDialog,
    ReasonDialog,
    StepDialog,
    action_title,
    step_title,
    waiting_for,
)
from desktop_app.ui.labels import category_label, contact_role_labels, field_labels
from desktop_app.ui.preview import preview_attachment, show_pdf


class ApplicationPanel(QWidget):
    """One application: its next action (or why not), the other actions, and four tabs.

    What it does goes through the operations layer, which announces the change; the admission
    area hears it and reloads the queue and this panel. ``acted`` then names the application
    acted on, so the area can keep showing it when it has left the filtered queue."""

    acted = Signal(int)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.application_id: int | None = None
        self.detail: admission.ApplicationDetail | None = None  # what is shown, as read
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
        self.detail = None
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
        actor = self._actor
        detail = ops.query(self._db, lambda session: admission.application_detail(session, actor, application_id))
        self.detail = detail
        application = detail.application
        action, refusals, former, earliest = (
            detail.next_action,
            detail.refusals,
            detail.former,
            detail.earliest_registration,
        )
        records, items, events = detail.steps, detail.checklist, detail.history
        limit, level, days = detail.attachment_limit_bytes, application.level_name, detail.waiting_days
        values = dict(application.values)
        status, since = application.status, application.stage_since
        number, name = application.application_number, application.name
        back_payment = application.back_payment
        back_payment_reason = application.back_payment_reason
        closed_reason = application.closed_reason
        handler = application.handler_name or ""
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
            why = messages.render(action.reason) if action.reason else ""  # in the interface language
            self.reason.setText(why + ("\n" + messages.render(action.note) if action.note else ""))
            self.reason.setVisible(bool(action.reason or action.note))
            self.advance_button.setToolTip(why)
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
            button.setToolTip(messages.render(reason) if reason else "")
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

    # --- acting ---------------------------------------------------------------------------------

    def _acted(self, application_id: int) -> None:
        self.acted.emit(application_id)

    def _open(self, dialog: Any) -> Any:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        application_id = self.application_id
        if application_id is not None:
            dialog.accepted.connect(lambda: self._acted(application_id))
        dialog.open()
        return dialog

    def take_next_step(self) -> StepDialog | None:
        if self.application_id is None:
            return None
        try:
            dialog = StepDialog(self._db, self._actor, self.application_id, self)
        except ValueError:  # no step left: someone closed it meanwhile
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
        """``call(session, application_id, version, reason, choice)``; the version is the one shown,
        so a change made meanwhile on another workstation is refused with who did it."""
        if self.application_id is None or self.detail is None:
            return None
        application_id, version = self.application_id, self.detail.application.version
        return self._open(
            ReasonDialog(
                self._db,
                title,
                prompt,
                lambda session, reason, choice: call(session, application_id, version, reason, choice),
                parent=self,
                **kwargs,
            )
        )

    def send_back(self) -> ReasonDialog | None:
        if self.detail is None:
            return None
        choices = [(step_title(step.stage), step.stage.value) for step in reversed(self.detail.send_back_targets)]
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
        application_id = self.application_id
        if application_id is None:
            return False
        kind = self._selected_kind()
        if kind is None:  # the first required document still missing
            missing = ops.query(self._db, lambda session: admission.missing_documents(session, application_id))
            kind = missing[0] if missing else DocumentKind.OTHER
        path = self.choose_file()
        if not path:
            return False
        title = self.tr("Not added")
        try:
            content = Path(path).read_bytes()
        except OSError as exc:
            msgbox.warning(self, title, str(exc))
            return False
        actor, file_name = self._actor, Path(path).name
        return self._run(
            lambda session: admission.attach_document(session, actor, application_id, kind, file_name, content),
            title,
        )

    def open_attachment(self) -> Any:
        selected = self._selected()
        if not selected or selected[0] != "document":
            return None
        actor, document_id = self._actor, selected[1]
        opened: list[Any] = []
        ops.Op(
            self,
            self._db,
            lambda session: admission.document_content(session, actor, document_id),
            title=self.tr("Cannot open"),
        ).success(lambda content: opened.append(preview_attachment(self, *content))).run()
        if opened:
            self.dialog = opened[0]
        return opened[0] if opened else None

    def remove_attachment(self) -> bool:
        selected = self._selected()
        if not selected or selected[0] != "document" or self.application_id is None:
            return False
        item = self.checklist.currentItem()
        if not msgbox.question(
            self, self.tr("Remove the file"), self.tr("Remove “%1” from the application?").replace("%1", item.text(0))
        ):
            return False
        actor, document_id = self._actor, selected[1]
        return self._run(lambda session: admission.remove_document(session, actor, document_id), self.tr("Not removed"))

    def _run(self, call: Any, title: str) -> bool:
        """A change to this application: announced (the area reloads), then ``acted``."""
        application_id = self.application_id
        assert application_id is not None
        done: list[bool] = []
        ops.Op(self, self._db, call, changes={ops.APPLICATIONS}, title=title).success(
            lambda _result: done.append(True)
        ).run()
        if done:
            self._acted(application_id)
        return bool(done)

    def print_form(self, kind: str) -> Any:
        application_id = self.application_id
        if application_id is None:
            return None
        folder = Path(tempfile.mkdtemp(prefix="membership-forms-"))
        title = self.tr("Application form") if kind == "application-form" else self.tr("Filing form")
        path = folder / f"{title}.pdf"
        actor = self._actor
        reports: list[Any] = []
        ops.Op(
            self,
            self._db,
            lambda session: documents.print_form(session, actor, application_id, kind, str(path)),
            changes={ops.DOCUMENTS},
            title=self.tr("Cannot print"),
        ).success(reports.append).run()
        if not reports:
            return None
        if reports[0].problems:
            msgbox.warning(self, title, "\n".join(f"{p.who}：{p.message}" for p in reports[0].problems))
        self.dialog = show_pdf(path, title, self)
        return self.dialog


def _size(size: int) -> str:
    return f"{size / 1048576:.1f} MB" if size >= 1048576 else f"{max(1, round(size / 1024))} KB"


def _html(value: Any) -> str:
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
