"""Contact handover forms (R-8.4, R-9.3, R-10.1): the office's queue of pending forms — each with
its items old → new, the date the member reported the change and the form's date, and what no
longer matches the register — applied or rejected with a reason; every form printable. A mentor
sees the forms it filed and those of its members, and why a form came back."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.models import HandoverStatus
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import mentors
from desktop_app.core.services.mentors import FormRow
from desktop_app.ui import msgbox, ops
from desktop_app.ui.mentors.common import ReasonDialog, RowsModel, current_row, form_status_label
from desktop_app.ui.rows import AMBER, RED, Column, day, table
from desktop_app.ui.widgets import EmptyState


def print_form(parent: QWidget, db: Database, actor: Actor, form_id: int) -> Any:
    """Draw a filed form (as filed: old → new, both dates) and show it with Print and Save."""
    from desktop_app.ui.preview import show_pdf

    folder = Path(tempfile.mkdtemp(prefix="membership-forms-"))
    path = folder / f"联系资料交接通知单-{form_id}.pdf"
    shown: list[Any] = []

    def draw(session: Any) -> Any:
        from desktop_app.core.services import documents

        item = mentors.form_print_input(session, actor, form_id)
        return documents.KINDS["handover-form"].build(str(path), [item], documents.document_context(session))

    def show(report: Any) -> None:
        if report.problems:
            msgbox.warning(parent, title, "\n".join(f"{p.who}：{p.message}" for p in report.problems))
        shown.append(show_pdf(path, f"{title} {form_id}", parent))

    title = QCoreApplication.translate("FormsView", "Contact handover form")
    ops.Op(parent, db, draw, title=title).success(show).run()
    return shown[0] if shown else None


class FormDetail(QWidget):
    """One form: who filed it, both dates, each item old → new beside the register's value now."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("form_heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.heading)
        self.stale = QLabel()
        self.stale.setObjectName("stale")
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet("color: #b3261e;")
        self.stale.hide()
        layout.addWidget(self.stale)
        self.model = RowsModel(
            [
                Column(self.tr("Item"), lambda r: r[0].label, 110),
                Column(self.tr("On file when filed"), lambda r: r[0].old or "—", 180),
                Column(self.tr("New value"), lambda r: r[0].new or "—", 180),
                Column(
                    self.tr("In the register now"),
                    lambda r: (r[1].now or "—") if r[1] is not None else self.tr("(as on the form)"),
                    160,
                    colour=lambda r: RED if r[1] is not None else None,
                ),
            ],
            self,
        )
        self.items = table(self.model, "form_items")
        layout.addWidget(self.items, 1)
        self.note = QLabel()
        self.note.setObjectName("form_note")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

    def show_form(self, form: FormRow | None) -> None:
        if form is None:
            self.heading.setText(self.tr("Choose a form."))
            self.model.set_rows([])
            self.stale.hide()
            self.note.setText("")
            return
        self.heading.setText(
            self.tr("Form %1 — %2 (%3). Filed by %4 on %5; the member reported the change on %6. %7")
            .replace("%1", str(form.id))
            .replace("%2", form.member_name)
            .replace("%3", form.member_number)
            .replace("%4", form.filed_by or "")
            .replace("%5", day(form.form_date))
            .replace("%6", day(form.reported_on))
            .replace("%7", form_status_label(form.status))
        )
        differences = {d.field: d for d in form.differences}
        self.model.set_rows([(change, differences.get(change.field)) for change in form.changes])
        self.stale.setVisible(bool(differences))
        self.stale.setText(
            self.tr(
                "The register was changed after this form was filed: the values in red no longer match. "
                "The form cannot be applied; reject it so the mentor files it again."
            )
        )
        notes = []
        if form.note:
            notes.append(self.tr("Note: %1").replace("%1", form.note))
        if form.status != HandoverStatus.PENDING:
            notes.append(
                self.tr("%1 by %2").replace("%1", form_status_label(form.status)).replace("%2", form.decided_by or "")
                + (self.tr(": %1").replace("%1", form.decision_reason) if form.decision_reason else "")
            )
        self.note.setText("\n".join(notes))


class FormsView(QWidget):
    """The handover forms: pending first (the office's queue), applied and rejected on request."""

    formsChanged = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self._can_apply = actor.can(Permission.APPLY_HANDOVER_FORMS)
        self.dialog: Any = None
        self._build()
        self.reload()
        self._listener = ops.listen(self, {ops.MENTORS, ops.MEMBERS}, lambda _t: self.reload())

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.status_box = QComboBox()
        self.status_box.setObjectName("status_filter")
        self.status_box.addItem(self.tr("Pending forms"), HandoverStatus.PENDING.value)
        self.status_box.addItem(self.tr("Applied"), HandoverStatus.APPLIED.value)
        self.status_box.addItem(self.tr("Rejected"), HandoverStatus.REJECTED.value)
        self.status_box.addItem(self.tr("All forms"), None)
        self.status_box.currentIndexChanged.connect(self.reload)
        bar.addWidget(self.status_box)
        bar.addStretch(1)
        self.apply_button = QPushButton(self.tr("Apply to the register"))
        self.apply_button.setObjectName("apply")
        self.apply_button.clicked.connect(self.apply)
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.reject_button.setObjectName("reject")
        self.reject_button.clicked.connect(self.reject)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_current)
        for button in (self.apply_button, self.reject_button):
            button.setVisible(self._can_apply)
            bar.addWidget(button)
        bar.addWidget(self.print_button)
        self.print_button.setVisible(self._actor.can(Permission.PRINT_FORMS))
        layout.addLayout(bar)
        self.model = RowsModel(
            [
                Column(self.tr("No."), lambda f: f.id, 45, right=True),
                Column(self.tr("Member"), lambda f: f.member_name, 230),
                Column(self.tr("Mentor"), lambda f: f.filed_by, 70),
                Column(self.tr("Reported on"), lambda f: day(f.reported_on), 90),
                Column(self.tr("Form date"), lambda f: day(f.form_date), 90),
                Column(self.tr("Items"), lambda f: "、".join(c.label for c in f.changes), 180),
                Column(
                    self.tr("State"),
                    lambda f: self.tr("No longer matches") if f.differences else form_status_label(f.status),
                    90,
                    colour=lambda f: RED if f.differences else (AMBER if f.status == HandoverStatus.PENDING else None),
                ),
            ],
            self,
        )
        self.table = table(self.model, "forms")
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_current())
        self.table.activated.connect(lambda _i: self.apply() if self._can_apply else self.print_current())
        self.empty = EmptyState(self.table)
        self.detail = FormDetail(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([300, 300])
        layout.addWidget(splitter, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        layout.addWidget(self.count_label)

    def reload(self) -> None:
        current = self.current()
        status = self.status_box.currentData()
        actor = self._actor
        rows = ops.query(
            self._db,
            lambda session: mentors.handover_forms(
                session, actor, status=HandoverStatus(status) if status else None, limit=1000
            ),
        )
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n form(s)", "", len(rows)))
        self.empty.set_text(
            self.tr("No handover form waits for the office.")
            if status == HandoverStatus.PENDING.value
            else self.tr("No form here.")
        )
        self.empty.update()
        row = next((i for i, f in enumerate(rows) if current is not None and f.id == current.id), 0 if rows else None)
        if row is not None:
            self.table.selectRow(row)
        self._show_current()

    def current(self) -> FormRow | None:
        return current_row(self.table)

    def select_form(self, form_id: int) -> bool:
        row = next((i for i, f in enumerate(self.model.rows) if f.id == form_id), None)
        if row is None:
            self.status_box.setCurrentIndex(self.status_box.findData(None))
            row = next((i for i, f in enumerate(self.model.rows) if f.id == form_id), None)
        if row is None:
            return False
        self.table.selectRow(row)
        self._show_current()
        return True

    def _show_current(self) -> None:
        form = self.current()
        self.detail.show_form(form)
        pending = form is not None and form.status == HandoverStatus.PENDING
        self.apply_button.setEnabled(pending and not (form and form.differences))
        self.apply_button.setToolTip(
            self.tr("The register changed since the form was filed: reject it instead")
            if form is not None and form.differences
            else ""
        )
        self.reject_button.setEnabled(pending)
        self.print_button.setEnabled(form is not None)

    def apply(self) -> None:
        form = self.current()
        if form is None or form.status != HandoverStatus.PENDING or not self._can_apply:
            return
        items = "\n".join(f"· {c.label}：{c.old or '—'} → {c.new or '—'}" for c in form.changes)
        if not msgbox.question(
            self,
            self.tr("Apply the handover form"),
            self.tr("Change %1 exactly as form %2 says?\n\n%3")
            .replace("%1", form.member_name)
            .replace("%2", str(form.id))
            .replace("%3", items),
            default_yes=True,
        ):
            return
        actor, form_id = self._actor, form.id
        ops.Op(
            self,
            self._db,
            lambda session: mentors.apply_handover_form(session, actor, form_id),
            changes={ops.MENTORS, ops.MEMBERS},
            title=self.tr("Apply the handover form"),
        ).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        ops.show_failure(self, exc, self.tr("Apply the handover form"))
        self.reload()  # a stale form now shows what no longer matches

    def reject(self) -> Any:
        form = self.current()
        if form is None or form.status != HandoverStatus.PENDING or not self._can_apply:
            return None
        actor, form_id = self._actor, form.id
        dialog = ReasonDialog(
            self,
            self._db,
            self.tr("Reject form %1").replace("%1", str(form.id)),
            self.tr("The form goes back to %1 with the reason; the member is not changed.").replace(
                "%1", form.filed_by or ""
            ),
            lambda session, reason: mentors.reject_handover_form(session, actor, form_id, reason),
            {ops.MENTORS},
            label=self.tr("Reason"),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def print_current(self) -> Any:
        form = self.current()
        if form is None:
            return None
        self.dialog = print_form(self, self._db, self._actor, form.id)
        return self.dialog
