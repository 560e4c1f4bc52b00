"""Dialogs of the admission queue: a new application (with the former-member flag at entry), the
form of each step, reasons (send back, decline, abandon, back-payment), attachment previews and
the print queue. Every decision is the admission service's; these only collect and show."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
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
    BackPaymentDecision,
    Category,
    CreditResult,
    PrintKind,
    PrintStatus,
)
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import accounts, admission, documents, dues
from desktop_app.core.settings import DEFAULT_LEVEL, get_setting, levels
from desktop_app.errors import ConflictError, OfficeError, ValidationError
from desktop_app.ui import msgbox, ops
from desktop_app.ui.labels import field_labels
from desktop_app.ui.organisation_form import OrganisationForm
from desktop_app.ui.widgets import ERROR_STYLE, FieldWithError

CONTEXT = "AdmissionLabels"

# The window's words for the stages (the core's Chinese ones go into messages and history).
STEP_TITLES = {
    ApplicationStage.RECEIVED: QT_TRANSLATE_NOOP("AdmissionLabels", "Received and briefed"),
    ApplicationStage.VISITED: QT_TRANSLATE_NOOP("AdmissionLabels", "Visit to the association"),
    ApplicationStage.FORMS_COMPLETED: QT_TRANSLATE_NOOP("AdmissionLabels", "Application and filing forms"),
    ApplicationStage.DOCUMENTS_SUBMITTED: QT_TRANSLATE_NOOP("AdmissionLabels", "Documents submitted"),
    ApplicationStage.CREDIT_CHECKED: QT_TRANSLATE_NOOP("AdmissionLabels", "Credit check (re-admission)"),
    ApplicationStage.REVIEWED: QT_TRANSLATE_NOOP("AdmissionLabels", "Initial review"),
    ApplicationStage.APPROVED: QT_TRANSLATE_NOOP("AdmissionLabels", "Leadership approval"),
    ApplicationStage.DUES_PAID: QT_TRANSLATE_NOOP("AdmissionLabels", "Dues paid"),
    ApplicationStage.SIGNED_OFF: QT_TRANSLATE_NOOP("AdmissionLabels", "Sign-off by the resident leader"),
    ApplicationStage.REGISTERED: QT_TRANSLATE_NOOP("AdmissionLabels", "Registration"),
}
WAITING_FOR = {
    ApplicationStage.VISITED: QT_TRANSLATE_NOOP("AdmissionLabels", "Waiting for the visit"),
    ApplicationStage.FORMS_COMPLETED: QT_TRANSLATE_NOOP("AdmissionLabels", "Waiting for the forms"),
    ApplicationStage.DOCUMENTS_SUBMITTED: QT_TRANSLATE_NOOP("AdmissionLabels", "Waiting for the documents"),
    ApplicationStage.CREDIT_CHECKED: QT_TRANSLATE_NOOP("AdmissionLabels", "Waiting for the credit check"),
    ApplicationStage.REVIEWED: QT_TRANSLATE_NOOP("AdmissionLabels", "Waiting for the initial review"),
    ApplicationStage.APPROVED: QT_TRANSLATE_NOOP("AdmissionLabels", "Waiting for leadership approval"),
    ApplicationStage.DUES_PAID: QT_TRANSLATE_NOOP("AdmissionLabels", "Waiting for the dues"),
    ApplicationStage.SIGNED_OFF: QT_TRANSLATE_NOOP("AdmissionLabels", "Waiting for the sign-off"),
    ApplicationStage.REGISTERED: QT_TRANSLATE_NOOP("AdmissionLabels", "Waiting for registration"),
}
ACTIONS = {
    ApplicationStage.VISITED: QT_TRANSLATE_NOOP("AdmissionLabels", "Record the visit…"),
    ApplicationStage.FORMS_COMPLETED: QT_TRANSLATE_NOOP("AdmissionLabels", "Forms filled in…"),
    ApplicationStage.DOCUMENTS_SUBMITTED: QT_TRANSLATE_NOOP("AdmissionLabels", "Documents complete…"),
    ApplicationStage.CREDIT_CHECKED: QT_TRANSLATE_NOOP("AdmissionLabels", "Record the credit check…"),
    ApplicationStage.REVIEWED: QT_TRANSLATE_NOOP("AdmissionLabels", "Initial review…"),
    ApplicationStage.APPROVED: QT_TRANSLATE_NOOP("AdmissionLabels", "Approve as the leadership…"),
    ApplicationStage.DUES_PAID: QT_TRANSLATE_NOOP("AdmissionLabels", "Record the dues…"),
    ApplicationStage.SIGNED_OFF: QT_TRANSLATE_NOOP("AdmissionLabels", "Sign off…"),
    ApplicationStage.REGISTERED: QT_TRANSLATE_NOOP("AdmissionLabels", "Register the member…"),
}


def step_title(stage: ApplicationStage) -> str:
    return QCoreApplication.translate(CONTEXT, STEP_TITLES[stage])


def waiting_for(stage: ApplicationStage) -> str:
    return QCoreApplication.translate(CONTEXT, WAITING_FOR[stage])


def action_title(stage: ApplicationStage) -> str:
    return QCoreApplication.translate(CONTEXT, ACTIONS[stage])


def _date_edit(value: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if value is not None:
        edit.setDate(QDate(value.year, value.month, value.day))
    return edit


def _office_error_text(exc: OfficeError) -> str:
    return "\n".join(exc.errors.values()) if isinstance(exc, ValidationError) else exc.message


# --- new application / correct details -----------------------------------------------------------

_TEXT_FIELDS = ("name", "uscc", "main_business", "qualification", "address", "postcode")


class ApplicationDialog(OrganisationForm):
    """Receive a new applicant (R-4.1) or correct an open application's details.

    The organisation is checked exactly as a member is; as soon as the credit code is typed the
    dialog says whether it is refused (an active member, an open application) or flagged (a former
    member: when and why it left, the earliest registration date, R-15.1)."""

    saved = Signal(int)

    def __init__(self, db: Database, actor: Actor, application_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor, self._application_id = db, actor, application_id
        self._version: int | None = None
        self._labels = field_labels()
        self.setWindowTitle(
            self.tr("New application") if application_id is None else self.tr("Correct the applicant's details")
        )
        self.setMinimumSize(880, 600)
        self._check_timer = QTimer(self, singleShot=True, interval=250)
        self._check_timer.timeout.connect(self.check_uscc)
        self._build()
        self.load()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.banner = self.error_banner()
        layout.addWidget(self.banner)
        self.entry_note = QLabel()
        self.entry_note.setObjectName("entry_note")
        self.entry_note.setWordWrap(True)
        self.entry_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.entry_note.hide()
        layout.addWidget(self.entry_note)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        details = QWidget()
        grid = QGridLayout(details)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        self.category_box = self.category_combo()
        self.level_box = QComboBox()
        self.district_box = self.district_combo()
        self.application_date = _date_edit(self._db.clock.today())
        self.received_by = QComboBox()
        self.handler = QComboBox()
        self.briefing = QPlainTextEdit()
        self.briefing.setTabChangesFocus(True)
        self.briefing.setMaximumHeight(60)
        self.briefing.setPlaceholderText(
            self.tr("How the applicant was received and what it was told about the association")
        )
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(60)
        rows = [
            (
                self._labels["name"],
                self._line("name"),
                self._labels["uscc"],
                self._line("uscc", self.tr("18 characters")),
            ),
            (
                self._labels["category"],
                self._wrap("category", self.category_box),
                self.tr("Level applied for"),
                self._wrap("level", self.level_box),
            ),
            (
                self._labels["main_business"],
                self._line("main_business"),
                self._labels["qualification"],
                self._line("qualification"),
            ),
            (
                self._labels["address"],
                self._line("address"),
                self._labels["postcode"],
                self._line("postcode", "430000"),
            ),
            (
                self._labels["district"],
                self._wrap("district", self.district_box),
                self.tr("Application date"),
                self._wrap("application_date", self.application_date),
            ),
            (
                self.tr("Received by"),
                self._wrap("received_by_id", self.received_by),
                self.tr("In charge"),
                self._wrap("handler_id", self.handler),
            ),
        ]
        for row, (left_label, left, right_label, right) in enumerate(rows):
            grid.addWidget(self._label(left_label), row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(left, row, 1)
            grid.addWidget(self._label(right_label), row, 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(right, row, 3)
        last = len(rows)
        grid.addWidget(self._label(self.tr("Reception and briefing")), last, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._wrap("briefing_note", self.briefing), last, 1, 1, 3)
        grid.addWidget(self._label(self._labels["notes"]), last + 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._wrap("notes", self.notes), last + 1, 1, 1, 3)
        grid.setRowStretch(last + 2, 1)
        self.tabs.addTab(details, self.tr("Organisation"))

        self.tabs.addTab(self.contacts_page(), self.tr("Contacts"))

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Receive the application") if self._application_id is None else self.tr("Save"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.save_button.setObjectName("save")
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel")
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        uscc = self.fields["uscc"]
        assert isinstance(uscc, QLineEdit)
        uscc.textChanged.connect(lambda _text: self._check_timer.start())

    def load(self) -> None:
        with self._db.session() as session:
            level_list = levels(session)
            staff = [s for s in accounts.list_staff(session, active_only=True)]
            values: dict[str, Any] = {
                "level": get_setting(session, DEFAULT_LEVEL),
                "category": Category.CONSTRUCTION_ENTERPRISE,
                "received_by_id": self._actor.id,
                "handler_id": self._actor.id,
            }
            if self._application_id is not None:
                application = admission.get_application(session, self._application_id)
                values = admission.application_values(application)
                values["application_date"] = application.application_date
                values["received_by_id"] = application.received_by_id
                values["briefing_note"] = application.briefing_note
                self._version = application.version
        self.level_box.clear()
        for level in level_list:
            self.level_box.addItem(level["name"], level["code"])
        for box in (self.received_by, self.handler):
            box.clear()
            for person in staff:
                box.addItem(person.full_name, person.id)
        for key in _TEXT_FIELDS + tuple(f"{r}_{f}" for r in CONTACT_ROLES for f in CONTACT_FIELDS):
            widget = self.fields[key]
            assert isinstance(widget, QLineEdit)
            widget.setText("" if values.get(key) is None else str(values[key]))
        category = values.get("category")
        self.category_box.setCurrentIndex(max(0, self.category_box.findData(getattr(category, "value", category))))
        self.level_box.setCurrentIndex(max(0, self.level_box.findData(values.get("level"))))
        self.district_box.setCurrentText(values.get("district") or "")
        self.received_by.setCurrentIndex(max(0, self.received_by.findData(values.get("received_by_id"))))
        self.handler.setCurrentIndex(max(0, self.handler.findData(values.get("handler_id"))))
        if values.get("application_date"):
            day = values["application_date"]
            self.application_date.setDate(QDate(day.year, day.month, day.day))
        self.briefing.setPlainText(values.get("briefing_note") or "")
        self.notes.setPlainText(values.get("notes") or "")
        editing = self._application_id is not None
        for key in ("application_date", "received_by_id", "briefing_note"):  # the reception is history once recorded
            self.wrappers[key].setEnabled(not editing)
        self.set_errors({})
        self.check_uscc()

    def values(self) -> dict[str, Any]:
        out = self.text_values(_TEXT_FIELDS)
        out["category"] = self.category_box.currentData()
        out["level"] = self.level_box.currentData()
        out["district"] = self.district_box.currentText()
        out["handler_id"] = self.handler.currentData()
        out["notes"] = self.notes.toPlainText()
        if self._application_id is None:
            out["application_date"] = self.application_date.date().toPython()
            out["received_by_id"] = self.received_by.currentData()
            out["briefing_note"] = self.briefing.toPlainText()
        return out

    def check_uscc(self) -> None:
        """The entry check (R-15.1 flag, duplicates) as soon as a valid-looking code is typed."""
        text = self.fields["uscc"].text().strip()  # type: ignore[attr-defined]
        if len(text) < 18:
            self.entry_note.hide()
            return
        with self._db.session() as session:
            check = admission.check_uscc_at_entry(
                session,
                text,
                application_date=self.application_date.date().toPython(),
                application_id=self._application_id,
            )
        lines, style = [], ""
        if check.error:
            lines.append(check.error)
            style = "background: #fdecea; color: #b3261e;"
        if check.former is not None:
            lines.append(self.tr("Re-admission (R-15.1): ") + check.former.describe())
            style = style or "background: #fff4e5; color: #8a4b00;"
        if check.earlier:
            lines.append(self.tr("Earlier applications: ") + "；".join(check.earlier))
            style = style or "background: #eef3fb; color: #1c3d6e;"
        self.entry_note.setText("\n".join(lines))
        self.entry_note.setStyleSheet(style + " padding: 6px; border-radius: 4px;")
        self.entry_note.setVisible(bool(lines))

    def save(self) -> bool:
        values = self.values()
        try:
            with self._db.session() as session:
                if self._application_id is None:
                    application = admission.create_application(session, self._actor, values)
                else:
                    application = admission.update_application(
                        session, self._actor, self._application_id, self._version, values
                    )
                application_id = application.id
        except ValidationError as exc:
            self.set_errors(exc.errors)
            return False
        except OfficeError as exc:
            msgbox.warning(self, self.tr("Not saved"), exc.message)
            if isinstance(exc, ConflictError):
                self.load()
            return False
        self._application_id = application_id
        self.saved.emit(application_id)
        self.accept()
        return True


# --- the form of one step ------------------------------------------------------------------------


class StepDialog(QDialog):
    """The form of the application's next step; the service checks and records it (``advance``)."""

    completed = Signal(object)  # None, or (id, member number, certificate number, name) after registration

    def __init__(self, db: Database, actor: Actor, application_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor, self._application_id = db, actor, application_id
        self.fields: dict[str, QWidget] = {}
        self.wrappers: dict[str, FieldWithError] = {}
        self.result_member: Any = None
        with db.session() as session:
            application = admission.get_application(session, application_id)
            step = admission.next_step(application)
            if step is None:
                raise ValueError("no step to take")
            self.stage = step.stage
            self._version = application.version
            self._name = application.name
            self._number = application.application_number
            self._dues = dues.annual_dues(session, application.level)
            self._today = db.clock.today()
            self._missing = admission.missing_documents(session, application_id)
            self._credit_note = admission.next_action(session, actor, application).note
            former = admission.former_member_of(session, application)
            self._restoring = application.back_payment == BackPaymentDecision.GRANTED
            self._former = former
        self.setWindowTitle(action_title(self.stage).rstrip("…") + " – " + self._name)
        self.setMinimumWidth(560)
        self._build()

    def _add(self, form: QGridLayout, key: str, label: str, widget: QWidget) -> None:
        widget.setObjectName(key)
        wrapper = FieldWithError(widget)
        self.fields[key], self.wrappers[key] = widget, wrapper
        row = form.rowCount()
        caption = QLabel(label)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addWidget(caption, row, 0)
        form.addWidget(wrapper, row, 1)

    def _text(self, placeholder: str = "", text: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit(text)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(90)
        edit.setPlaceholderText(placeholder)
        return edit

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{self._name}</b>（{self._number}）<br>{step_title(self.stage)}")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fdecea; color: #b3261e; padding: 6px; border-radius: 4px;")
        self.banner.hide()
        layout.addWidget(self.banner)
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        stage = self.stage
        if stage == ApplicationStage.VISITED:
            self._add(form, "visit_date", self.tr("Date of the visit"), _date_edit(self._today))
            self._add(form, "visit_leader_name", self.tr("Leader who came"), QLineEdit())
            rank = QLineEdit()
            rank.setPlaceholderText(self.tr("e.g. chairman, general manager"))
            self._add(form, "visit_leader_rank", self.tr("Rank"), rank)
            self._add(form, "visit_note", self.tr("What was discussed"), self._text())
        elif stage == ApplicationStage.FORMS_COMPLETED:
            for key, text in (
                ("application_form", self.tr("The application form is filled in and signed")),
                ("filing_form", self.tr("The filing form is filled in")),
            ):
                box = QCheckBox(text)
                self._add(form, key, "", box)
            hint = QLabel(self.tr("Both forms can be printed pre-filled from the application's panel."))
            hint.setWordWrap(True)
            layout.addWidget(hint)
        elif stage == ApplicationStage.DOCUMENTS_SUBMITTED:
            text = self.tr(
                "Every document of the checklist is attached: business licence, qualification certificate, "
                "profile (electronic) and brochure (paper, scanned). Confirm that they are complete and legible."
            )
            note = QLabel(text)
            note.setWordWrap(True)
            layout.addWidget(note)
        elif stage == ApplicationStage.CREDIT_CHECKED:
            if self._credit_note:
                previous = QLabel(self._credit_note)
                previous.setWordWrap(True)
                previous.setStyleSheet("color: #8a4b00;")
                layout.addWidget(previous)
            result = QComboBox()
            result.addItem(self.tr("Passed"), CreditResult.PASSED.value)
            result.addItem(self.tr("Failed"), CreditResult.FAILED.value)
            self._add(form, "credit_result", self.tr("Result"), result)
            self._add(form, "credit_checked_on", self.tr("Checked on"), _date_edit(self._today))
            self._add(
                form,
                "credit_evidence",
                self.tr("Evidence"),
                self._text(
                    self.tr("Where the credit was checked and what was found; attach reports on the Documents tab")
                ),
            )
        elif stage == ApplicationStage.REVIEWED:
            self._add(form, "review_opinion", self.tr("Opinion of the initial review"), self._text())
        elif stage == ApplicationStage.APPROVED:
            self._add(form, "approval_opinion", self.tr("Leadership's opinion"), self._text())
        elif stage == ApplicationStage.DUES_PAID:
            amount = QLineEdit("" if self._dues is None else f"{self._dues:.2f}")
            self._add(form, "dues_amount", self.tr("Amount (yuan)"), amount)
            self._add(form, "dues_receipt_number", self.tr("Receipt number"), QLineEdit())
            self._add(form, "dues_paid_on", self.tr("Paid on"), _date_edit(self._today))
        elif stage == ApplicationStage.SIGNED_OFF:
            self._add(form, "sign_off_opinion", self.tr("Opinion"), self._text(self.tr("Agreed (when left empty)")))
        elif stage == ApplicationStage.REGISTERED:
            if self._restoring:
                text = self.tr(
                    "The membership is restored by back-payment, as the resident leader decided: the former "
                    "member keeps its member number and joining date and gets a new certificate number."
                )
            elif self._former is not None:
                text = self.tr(
                    "The former member is admitted again: it gets a new member number and joining date, and "
                    "a new certificate number."
                )
            else:
                text = self.tr(
                    "The member is entered in the register with a member number and a certificate number "
                    "from the office's formats."
                )
            text += " " + self.tr(
                "The certificate and the plaque order are queued for printing; the new member then "
                "appears among the members without a mentor for allocation."
            )
            note = QLabel(text)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(action_title(stage).rstrip("…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("ok")
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel")
        self.ok_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                out[key] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText()
            elif isinstance(widget, QDateEdit):
                out[key] = widget.date().toPython()
            elif isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                out[key] = widget.currentData()
        return out

    def set_errors(self, errors: dict[str, str], message: str | None = None) -> None:
        for key, wrapper in self.wrappers.items():
            wrapper.set_error(errors.get(key))
        other = [text for key, text in errors.items() if key not in self.wrappers]
        lines = ([message] if message else []) + other
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))

    def save(self) -> bool:
        try:
            with self._db.session() as session:
                result = admission.advance(
                    session, self._actor, self._application_id, self.values(), expected_version=self._version
                )
                if self.stage == ApplicationStage.REGISTERED:
                    self.result_member = (result.id, result.member_number, result.certificate_number, result.name)
        except ValidationError as exc:
            self.set_errors(exc.errors)
            return False
        except OfficeError as exc:  # refused by a rule, by the role, or someone acted first
            self.set_errors({}, exc.message)
            return False
        self.completed.emit(self.result_member)
        self.accept()
        return True


# --- a reason (send back, decline, abandon) and the back-payment decision --------------------------


class ReasonDialog(QDialog):
    """Ask for a reason (and, for a send-back, the step to redo; for back-payment, the decision),
    then hand them to ``action(reason, choice)``, which calls the service."""

    def __init__(
        self,
        title: str,
        prompt: str,
        action: Callable[[str, Any], None],
        *,
        choices: list[tuple[str, Any]] | None = None,
        choice_label: str = "",
        decision: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._action = action
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        text = QLabel(prompt)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.choice = QComboBox()
        self.choice.setObjectName("choice")
        if choices:
            row = QHBoxLayout()
            row.addWidget(QLabel(choice_label))
            for label, value in choices:
                self.choice.addItem(label, value)
            row.addWidget(self.choice, 1)
            layout.addLayout(row)
        self.grant = QRadioButton(self.tr("Grant: the membership may be restored by paying the arrears"))
        self.grant.setObjectName("grant")
        self.refuse = QRadioButton(self.tr("Refuse: the two-year rule applies"))
        self.refuse.setObjectName("refuse")
        if decision:
            layout.addWidget(self.grant)
            layout.addWidget(self.refuse)
            self.grant.setChecked(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setTabChangesFocus(True)
        layout.addWidget(self.reason)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("ok")
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel")
        self.ok_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._decision = decision
        self._has_choices = bool(choices)

    def save(self) -> bool:
        choice: Any = self.choice.currentData() if self._has_choices else None
        if self._decision:
            choice = self.grant.isChecked()
        try:
            self._action(self.reason.toPlainText(), choice)
        except OfficeError as exc:
            self.error.setText(_office_error_text(exc))
            return False
        self.accept()
        return True


# --- attachments ----------------------------------------------------------------------------------


def temp_copy(file_name: str, content: bytes) -> Path:
    """A copy in a temporary folder, for the system viewer (the original stays in the database)."""
    folder = Path(tempfile.mkdtemp(prefix="membership-attachment-"))
    path = folder / (Path(file_name).name or "attachment")
    path.write_bytes(content)
    return path


def open_with_system(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_pdf(parent: QWidget | None, path: Path, title: str, *, print_path: Path | None = None) -> QDialog:
    """The documents' preview (Print, Save as PDF), shared with the Documents area."""
    from desktop_app.ui import preview as pdf_preview

    return pdf_preview.show_pdf(path, title, parent, print_path=print_path)


class ImageView(QDialog):
    """A scanned image inside the program, scaled to the window, with the system viewer."""

    def __init__(self, file_name: str, content: bytes, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(file_name)
        self.resize(900, 700)
        self._file_name, self._content = file_name, content
        layout = QVBoxLayout(self)
        self.pixmap = QPixmap()
        self.pixmap.loadFromData(content)
        self.image = QLabel()
        self.image.setObjectName("image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.image)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox()
        system = buttons.addButton(self.tr("Open in the image viewer"), QDialogButtonBox.ButtonRole.ActionRole)
        system.clicked.connect(lambda: open_with_system(temp_copy(self._file_name, self._content)))
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._fit()

    def _fit(self) -> None:
        if self.pixmap.isNull():
            self.image.setText(self.tr("This image cannot be shown."))
            return
        size = self.size() * 0.92
        self.image.setPixmap(
            self.pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._fit()


def preview_attachment(parent: QWidget | None, file_name: str, mime_type: str, content: bytes) -> QDialog:
    if mime_type == "application/pdf":
        return show_pdf(parent, temp_copy(file_name, content), file_name)
    dialog = ImageView(file_name, content, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


# --- the print queue ------------------------------------------------------------------------------

PRINT_KINDS = {
    PrintKind.CERTIFICATE: QT_TRANSLATE_NOOP("AdmissionLabels", "Membership certificate"),
    PrintKind.PLAQUE_ORDER: QT_TRANSLATE_NOOP("AdmissionLabels", "Plaque order"),
}


def certificate_offset() -> tuple[float, float]:
    """This workstation's certificate printer offset, as the Documents area keeps it."""
    from desktop_app.ui import preferences

    try:
        return (
            float(preferences.value(preferences.CERTIFICATE_OFFSET_X, 0.0) or 0.0),
            float(preferences.value(preferences.CERTIFICATE_OFFSET_Y, 0.0) or 0.0),
        )
    except (TypeError, ValueError):
        return 0.0, 0.0


class PrintQueueDialog(QDialog):
    """Certificates and plaque orders queued by registration (R-5.1 (6)): preview and print them,
    then record that they were printed."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.generated: list[Any] = []
        self.previews: list[QDialog] = []
        self.setWindowTitle(self.tr("Print queue: certificates and plaque orders"))
        self.resize(820, 460)
        layout = QVBoxLayout(self)
        self.show_printed = QCheckBox(self.tr("Also show what was printed"))
        self.show_printed.setObjectName("show_printed")
        self.show_printed.toggled.connect(self.reload)
        layout.addWidget(self.show_printed)
        self.tree = QTreeWidget()
        self.tree.setObjectName("jobs")
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setHeaderLabels(
            [
                self.tr("Document"),
                self.tr("Member"),
                self.tr("Member number"),
                self.tr("Certificate number"),
                self.tr("Level"),
                self.tr("Queued"),
                self.tr("Printed"),
            ]
        )
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.tree, 1)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.preview_button = buttons.addButton(self.tr("Preview and print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setObjectName("preview")
        self.printed_button = buttons.addButton(self.tr("Mark as printed"), QDialogButtonBox.ButtonRole.ActionRole)
        self.printed_button.setObjectName("mark_printed")
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("close")
        self.preview_button.clicked.connect(self.preview)
        self.printed_button.clicked.connect(self.mark_printed)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        allowed = actor.can(Permission.PRINT_CERTIFICATES)
        for button in (self.preview_button, self.printed_button):
            button.setEnabled(allowed)
            if not allowed:
                button.setToolTip(admission.permission_refusal(actor, Permission.PRINT_CERTIFICATES) or "")
        self.reload()

    def reload(self) -> None:
        self.tree.clear()
        with self._db.session() as session:
            jobs = admission.print_jobs(session, status=None if self.show_printed.isChecked() else PrintStatus.QUEUED)
        zone = self._db.clock.now().tzinfo
        for job in jobs:
            printed = (
                f"{job.printed_at.astimezone(zone):%Y-%m-%d %H:%M} {job.printed_by or ''}" if job.printed_at else ""
            )
            item = QTreeWidgetItem(
                [
                    QCoreApplication.translate(CONTEXT, PRINT_KINDS[job.kind]),
                    job.member_name,
                    job.member_number,
                    job.certificate_number or "",
                    job.level,
                    f"{job.queued_at.astimezone(zone):%Y-%m-%d %H:%M}",
                    printed,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, job.id)
            if job.printed_at is None:
                item.setCheckState(0, Qt.CheckState.Checked)
            self.tree.addTopLevelItem(item)
        for column in (0, 2, 3, 4, 5):
            self.tree.resizeColumnToContents(column)
        queued = sum(1 for j in jobs if j.printed_at is None)
        self.status.setText(self.tr("%n document(s) waiting to be printed.", "", queued))

    def checked_jobs(self) -> list[int]:
        out = []
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item.checkState(0) == Qt.CheckState.Checked:
                out.append(item.data(0, Qt.ItemDataRole.UserRole))
        return out

    def preview(self) -> None:
        jobs = self.checked_jobs()
        if not jobs:
            msgbox.information(self, self.windowTitle(), self.tr("Tick the documents to print first."))
            return
        folder = Path(tempfile.mkdtemp(prefix="membership-print-"))
        offset = certificate_offset()

        def work(progress: ops.ProgressFn) -> list[Any]:
            with self._db.session() as session:
                return documents.print_queued(
                    session, self._actor, jobs, folder, certificate_offset_mm=offset, progress=progress
                )

        ops.run(
            self,
            work,
            on_success=self._show_generated,
            label=self.tr("Drawing the documents…"),
            title=self.windowTitle(),
        )

    def _show_generated(self, generated: list[Any]) -> None:
        self.generated = generated
        lines = [g.generated.summary() for g in generated]
        for g in generated:
            lines += [f"{p.who}：{p.message}" for p in g.generated.problems]
        self.status.setText(
            "\n".join(lines) + "\n" + self.tr("After printing, tick what came out right and mark it as printed.")
        )
        for g in generated:
            self.previews.append(show_pdf(self, g.preview_path, g.generated.summary(), print_path=g.print_path))

    def mark_printed(self) -> None:
        jobs = self.checked_jobs()
        if not jobs:
            return
        try:
            with self._db.session() as session:
                admission.mark_printed(session, self._actor, jobs)
        except OfficeError as exc:
            msgbox.warning(self, self.windowTitle(), exc.message)
            return
        self.reload()
