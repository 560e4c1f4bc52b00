"""Appeals (R-13.1) and the mentors' tasks the end of a membership leaves (R-8.1, R-14.1)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from desktop_app.core.models.withdrawal import AppealStatus, TaskStatus
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import withdrawal
from desktop_app.ui import ops
from desktop_app.ui.rows import GREY, Column, day, table
from desktop_app.ui.widgets import EmptyState
from desktop_app.ui.withdrawal.common import (
    Field,
    FormDialog,
    RowsModel,
    appeal_status_label,
    button,
    current_row,
    decision_choices,
    enable,
    html,
    open_dialog,
    preview_scan,
    task_label,
    task_status_label,
)


class AppealsTab(QWidget):
    def __init__(self, db: Any, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.dialog: Any = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.open_only = QCheckBox(self.tr("Appeals in progress only"))
        self.open_only.setObjectName("open_appeals")
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _on: self.reload())
        bar.addWidget(self.open_only)
        bar.addStretch(1)
        self.reply_button = button(self.tr("Council's reply…"), "council_reply", self.council_reply)
        self.escalate_button = button(self.tr("Submit to the general assembly…"), "escalate", self.escalate)
        self.assembly_button = button(self.tr("General assembly's decision…"), "assembly", self.assembly)
        self.scan_button = button(self.tr("Open the written appeal"), "open_appeal_scan", self.open_scan)
        for widget in (self.reply_button, self.escalate_button, self.assembly_button, self.scan_button):
            bar.addWidget(widget)
        layout.addLayout(bar)
        self.model = RowsModel(
            [
                Column(self.tr("Number"), lambda a: a.member_number, 110),
                Column(self.tr("Organisation"), lambda a: a.member_name, 260),
                Column(self.tr("Filed"), lambda a: day(a.filed_on), 90),
                Column(
                    self.tr("Status"),
                    lambda a: appeal_status_label(a.status),
                    200,
                    colour=lambda a: None if a.is_open else GREY,
                ),
                Column(self.tr("Council's reply"), lambda a: day(a.council_replied_on), 100),
                Column(self.tr("General assembly"), lambda a: day(a.assembly_decided_on or a.escalated_on), 110),
                Column(self.tr("Grounds"), lambda a: a.grounds, 300),
            ],
            self,
        )
        self.table = table(self.model, "appeals")
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show())
        self.empty = EmptyState(self.table)
        self.text = QTextBrowser()
        self.text.setObjectName("appeal_detail")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.text)
        splitter.setSizes([360, 200])
        layout.addWidget(splitter, 1)
        note = QLabel(
            self.tr(
                "Article 13: a member contesting the council's confirmation of its cancellation may appeal; the "
                "council answers, and where needed the general assembly reviews it first. An appeal that succeeds "
                "restores the membership."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        layout.addWidget(note)
        self.reload()

    def reload(self) -> None:
        actor, open_only = self._actor, self.open_only.isChecked()
        rows = ops.query(self._db, lambda s: withdrawal.appeals(s, actor, open_only=open_only))
        self.model.set_rows(rows)
        self.empty.set_text(self.tr("No appeal in progress.") if open_only else self.tr("No appeal has been filed."))
        self.empty.update()
        if rows:
            self.table.selectRow(0)
        self._show()

    def _show(self) -> None:
        appeal = current_row(self.table)
        manage = (
            None
            if self._actor.can(Permission.MANAGE_WITHDRAWAL)
            else self.tr("Only the membership office records appeals.")
        )
        if appeal is None:
            self.text.setHtml("")
            for widget in (self.reply_button, self.escalate_button, self.assembly_button, self.scan_button):
                enable(widget, self.tr("Select an appeal"))
            return
        filed = appeal.status == AppealStatus.FILED
        enable(
            self.reply_button,
            manage or (None if filed else self.tr("The council has answered, or the general assembly has it")),
        )
        enable(
            self.escalate_button,
            manage or (None if filed else self.tr("Only an appeal waiting for the council's reply")),
        )
        enable(
            self.assembly_button,
            manage or (None if appeal.status == AppealStatus.ESCALATED else self.tr("Not before the general assembly")),
        )
        enable(self.scan_button, None if appeal.documents else self.tr("No scan was kept"))
        lines = [
            (self.tr("Filed"), day(appeal.filed_on)),
            (self.tr("Grounds"), appeal.grounds),
            (self.tr("Status"), appeal_status_label(appeal.status)),
        ]
        if appeal.council_replied_on:
            lines.append(
                (
                    self.tr("Council's reply"),
                    f"{day(appeal.council_replied_on)} {appeal.council_resolution or ''} {appeal.council_reply or ''}",
                )
            )
        if appeal.escalated_on:
            lines.append(
                (
                    self.tr("Submitted to the general assembly"),
                    f"{day(appeal.escalated_on)} {appeal.escalation_reason or ''}",
                )
            )
        if appeal.assembly_decided_on:
            lines.append(
                (self.tr("General assembly"), f"{day(appeal.assembly_decided_on)} {appeal.assembly_resolution or ''}")
            )
        self.text.setHtml(
            f"<p><b>{html(appeal.member_name)}</b>（{html(appeal.member_number)}）</p><table cellspacing='4'>"
            + "".join(
                f"<tr><td style='color:#5f6368' valign='top'>{html(a)}</td><td>{html(b)}</td></tr>" for a, b in lines
            )
            + "</table>"
        )

    def _form(self, title: str, fields: list[Field], submit: Any, intro: str = "") -> FormDialog:
        dialog = FormDialog(self, self._db, title, fields, submit, changes={ops.WITHDRAWAL, ops.MEMBERS}, intro=intro)
        return open_dialog(self, dialog)  # type: ignore[return-value]

    def council_reply(self) -> FormDialog | None:
        appeal = current_row(self.table)
        if appeal is None:
            return None
        actor, appeal_id = self._actor, appeal.id
        return self._form(
            self.tr("The council's reply"),
            [
                Field("council_replied_on", self.tr("Replied on"), "date", self._db.clock.today()),
                Field("council_decision", self.tr("Decision"), "choice", choices=decision_choices()),
                Field("council_reply", self.tr("Reply"), "lines"),
                Field("council_resolution", self.tr("Resolution number")),
            ],
            lambda s, v: withdrawal.record_council_reply(
                s,
                actor,
                appeal_id,
                v["council_replied_on"],
                v["council_decision"],
                v["council_reply"],
                v["council_resolution"],
            ),
            intro=self.tr(
                "Restoring the membership reopens its spell, its positions (if their term runs on) and its mentor."
            ),
        )

    def escalate(self) -> FormDialog | None:
        appeal = current_row(self.table)
        if appeal is None:
            return None
        actor, appeal_id = self._actor, appeal.id
        return self._form(
            self.tr("Submit to the general assembly"),
            [
                Field("escalated_on", self.tr("Submitted on"), "date", self._db.clock.today()),
                Field("escalation_reason", self.tr("Why"), "lines"),
            ],
            lambda s, v: withdrawal.escalate_appeal(s, actor, appeal_id, v["escalated_on"], v["escalation_reason"]),
        )

    def assembly(self) -> FormDialog | None:
        appeal = current_row(self.table)
        if appeal is None:
            return None
        actor, appeal_id = self._actor, appeal.id
        return self._form(
            self.tr("The general assembly's decision"),
            [
                Field("assembly_decided_on", self.tr("Decided on"), "date", self._db.clock.today()),
                Field("assembly_decision", self.tr("Decision"), "choice", choices=decision_choices()),
                Field("assembly_resolution", self.tr("Resolution number")),
                Field("assembly_note", self.tr("Note"), "lines"),
            ],
            lambda s, v: withdrawal.record_assembly_decision(
                s,
                actor,
                appeal_id,
                v["assembly_decided_on"],
                v["assembly_decision"],
                v["assembly_resolution"],
                v["assembly_note"],
            ),
        )

    def open_scan(self) -> Any:
        appeal = current_row(self.table)
        if appeal is None or not appeal.documents:
            return None
        actor, document_id = self._actor, appeal.documents[0][0]
        name, mime, content = ops.query(self._db, lambda s: withdrawal.document_content(s, actor, document_id))
        self.dialog = preview_scan(self, name, mime, content)
        return self.dialog

    def refresh(self, _topics: frozenset[str]) -> None:
        self.reload()


class TasksTab(QWidget):
    """The mentors' tasks: a mentor sees its own, the office all of them."""

    def __init__(self, db: Any, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.dialog: Any = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.open_only = QCheckBox(self.tr("Open tasks only"))
        self.open_only.setObjectName("open_tasks")
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _on: self.reload())
        bar.addWidget(self.open_only)
        bar.addStretch(1)
        self.done_button = button(self.tr("Done…"), "task_done", self.done)
        bar.addWidget(self.done_button)
        layout.addLayout(bar)
        self.model = RowsModel(
            [
                Column(self.tr("Number"), lambda t: t.member_number, 110),
                Column(self.tr("Organisation"), lambda t: t.member_name, 260),
                Column(self.tr("Task"), lambda t: task_label(t.kind), 330),
                Column(self.tr("Mentor"), lambda t: t.mentor_name or "", 80),
                Column(self.tr("Since"), lambda t: day(t.created_on), 90),
                Column(
                    self.tr("Status"),
                    lambda t: f"{task_status_label(t.status)} {day(t.done_on)}",
                    140,
                    colour=lambda t: None if t.status == TaskStatus.OPEN else GREY,
                ),
            ],
            self,
        )
        self.table = table(self.model, "tasks")
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        self.empty = EmptyState(self.table)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        actor, open_only = self._actor, self.open_only.isChecked()
        rows = ops.query(self._db, lambda s: withdrawal.tasks(s, actor, open_only=open_only))
        self.model.set_rows(rows)
        self.empty.set_text(self.tr("Nothing to do."))
        self.empty.update()
        if rows:
            self.table.selectRow(0)
        self._update()

    def _update(self) -> None:
        task = current_row(self.table)
        reason = None if self._actor.can(Permission.COMPLETE_WITHDRAWAL_TASKS) else self.tr("Not your task")
        if reason is None and (task is None or task.status != TaskStatus.OPEN):
            reason = self.tr("Select an open task")
        enable(self.done_button, reason)

    def done(self) -> FormDialog | None:
        task = current_row(self.table)
        if task is None:
            return None
        actor, task_id = self._actor, task.id
        dialog = FormDialog(
            self,
            self._db,
            self.tr("Task done"),
            [
                Field("done_on", self.tr("Done on"), "date", self._db.clock.today()),
                Field("note", self.tr("Note"), "lines"),
            ],
            lambda s, v: withdrawal.complete_task(s, actor, task_id, v["done_on"], v["note"]),
            changes={ops.WITHDRAWAL},
            intro=f"{task.member_name}：{task_label(task.kind)}",
        )
        return open_dialog(self, dialog)  # type: ignore[return-value]

    def refresh(self, _topics: frozenset[str]) -> None:
        self.reload()
