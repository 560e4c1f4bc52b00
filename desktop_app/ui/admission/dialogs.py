"""The step dialogs of the admission area: a new application (with the former-member flag at
entry) and its corrections, the form of each step, and the reasons (send back, decline, abandon,
back-payment). Every decision is the admission service's; these collect, hand the values to it
through the operations layer, and show its errors next to the fields.

The attachments' preview is ``ui/preview.py``; the print queue ``ui/admission/print_queue.py``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import messages
from desktop_app.core.db import Database
from desktop_app.core.models import (
    CONTACT_FIELDS,
    CONTACT_ROLES,
    ApplicationStage,
    Category,
    CreditResult,
)
from desktop_app.core.security import Actor
from desktop_app.core.services import accounts, admission
from desktop_app.core.settings import DEFAULT_LEVEL, get_setting, levels
from desktop_app.errors import ConflictError, OfficeError, ValidationError
from desktop_app.ui import guards, ops
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


# --- new application / correct details -----------------------------------------------------------

_TEXT_FIELDS = ("name", "uscc", "main_business", "qualification", "address", "postcode")


class ApplicationDialog(guards.GuardedDialog, OrganisationForm):
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
        application_id, actor = self._application_id, self._actor

        def read(session: Any) -> tuple[Any, ...]:
            level_list = levels(session)
            staff = accounts.staff_records(session, active_only=True)
            if application_id is None:
                values: dict[str, Any] = {
                    "level": get_setting(session, DEFAULT_LEVEL),
                    "category": Category.CONSTRUCTION_ENTERPRISE,
                    "received_by_id": actor.id,
                    "handler_id": actor.id,
                }
                return level_list, staff, values, None
            record = admission.application_record(session, application_id)
            values = {
                **record.values,
                "application_date": record.application_date,
                "received_by_id": record.received_by_id,
                "briefing_note": record.briefing_note,
            }
            return level_list, staff, values, record.version

        level_list, staff, values, self._version = ops.query(self._db, read)
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
        application_date, application_id = self.application_date.date().toPython(), self._application_id
        check = ops.query(
            self._db,
            lambda session: admission.check_uscc_at_entry(
                session, text, application_date=application_date, application_id=application_id
            ),
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
        actor, application_id, version = self._actor, self._application_id, self._version

        def call(session: Any) -> int:
            if application_id is None:
                return admission.create_application(session, actor, values).id
            return admission.update_application(session, actor, application_id, version, values).id

        saved: list[int] = []
        ops.Op(self, self._db, call, changes={ops.APPLICATIONS}).success(saved.append).failure(self._not_saved).run()
        if not saved:
            return False
        self._application_id = saved[0]
        self.saved.emit(saved[0])
        self.accept()
        return True

    def _not_saved(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.set_errors(exc.errors)  # under each field
            return
        ops.show_failure(self, exc, self.tr("Not saved"))
        if isinstance(exc, ConflictError):
            self.load()  # as saved now by the other workstation


# --- the form of one step ------------------------------------------------------------------------


class StepDialog(guards.GuardedDialog, QDialog):
    """The form of the application's next step; the service checks and records it (``advance``)."""

    completed = Signal(object)  # None, or (id, member number, certificate number, name) after registration

    def __init__(self, db: Database, actor: Actor, application_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor, self._application_id = db, actor, application_id
        self.fields: dict[str, QWidget] = {}
        self.wrappers: dict[str, FieldWithError] = {}
        self.result_member: Any = None
        form = ops.query(db, lambda session: admission.step_form(session, actor, application_id))
        if form is None:
            raise ValueError("no step to take")
        self.form = form
        self.stage = form.step.stage
        self._version = form.version
        self._name = form.name
        self._number = form.application_number
        self._dues = form.annual_dues
        self._today = form.today
        self._credit_note = form.note
        self._restoring = form.restoring
        self._former = form.former
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
            self._add(
                form,
                "approval_opinion",
                self.tr("Leadership's opinion"),
                self._text(self.tr("Agreed (when left empty)")),
            )
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
        other = [messages.render(text) for key, text in errors.items() if key not in self.wrappers]
        lines = ([message] if message else []) + other
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))

    def save(self) -> bool:
        actor, application_id, version, stage = self._actor, self._application_id, self._version, self.stage
        values = self.values()

        def call(session: Any) -> Any:
            result = admission.advance(session, actor, application_id, values, expected_version=version)
            if stage == ApplicationStage.REGISTERED:  # the new member, told to the person
                return (result.id, result.member_number, result.certificate_number, result.name)
            return None

        topics = {ops.APPLICATIONS}
        if stage == ApplicationStage.DUES_PAID:
            topics.add(ops.DUES)  # the admission dues are the member's first payment
        if stage == ApplicationStage.REGISTERED:
            topics |= {ops.MEMBERS, ops.PRINT_JOBS}  # a new member; its certificate and plaque queued
        done: list[Any] = []
        ops.Op(self, self._db, call, changes=topics).success(done.append).failure(self._refused).run()
        if not done:
            return False
        self.result_member = done[0]
        self.completed.emit(self.result_member)
        self.accept()
        return True

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.set_errors(exc.errors)
        elif isinstance(exc, OfficeError):  # refused by a rule, by the role, or someone acted first
            self.set_errors({}, exc.message)
        else:
            ops.show_failure(self, exc)


# --- a reason (send back, decline, abandon) and the back-payment decision --------------------------


class ReasonDialog(guards.GuardedDialog, QDialog):
    """Ask for a reason (and, for a send-back, the step to redo; for back-payment, the decision),
    then run ``call(session, reason, choice)`` — the service — as one operation announcing
    ``changes``; its errors are shown under the reason."""

    def __init__(
        self,
        db: Database,
        title: str,
        prompt: str,
        call: Callable[[Any, str, Any], Any],
        *,
        changes: Iterable[str] = (ops.APPLICATIONS,),
        choices: list[tuple[str, Any]] | None = None,
        choice_label: str = "",
        decision: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self._call, self._changes = db, call, frozenset(changes)
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
        reason, call = self.reason.toPlainText(), self._call
        done: list[bool] = []
        ops.Op(self, self._db, lambda session: call(session, reason, choice), changes=self._changes).success(
            lambda _result: done.append(True)
        ).failure(self._refused).run()
        if not done:
            return False
        self.accept()
        return True

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, OfficeError):
            self.error.setText(ops.failure_text(exc))
        else:
            ops.show_failure(self, exc)
