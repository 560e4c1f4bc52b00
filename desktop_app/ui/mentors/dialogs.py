"""The mentors' dialogs: logging a contact, a follow-up done, a WeChat status, a handover form, a
nomination, a circulation, member news and its outcome, a decision. Each is thin: the service
checks; an error is shown under the form and the dialog stays open with what was typed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.models import CirculationChannel, CirculationKind, ContactChannel, PublicityOutcome, WeChatStatus
from desktop_app.core.security import Actor
from desktop_app.core.services import members as member_service
from desktop_app.core.services import mentors
from desktop_app.errors import ValidationError
from desktop_app.ui import ops
from desktop_app.ui.mentors.common import (
    FormDialog,
    channel_label,
    circulation_channel_label,
    circulation_kind_label,
    date_edit,
    outcome_label,
    period_text,
    person_label,
    text_edit,
    wechat_label,
)
from desktop_app.ui.widgets import OptionalDateEdit


class ContactDialog(FormDialog):
    """A contact with a member (R-8.2): date, channel, who, what was learnt, needs, a follow-up."""

    def __init__(
        self, parent: QWidget, db: Database, actor: Actor, member_id: int, member_name: str, liaison: str | None
    ):
        super().__init__(parent, self.tr("Log a contact: %1").replace("%1", member_name))
        self._db, self._actor, self._member_id = db, actor, member_id
        today = db.clock.today()
        self.contact_date = date_edit(today, "contact_date")
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for channel in ContactChannel:
            self.channel.addItem(channel_label(channel), channel.value)
        self.person = QLineEdit(liaison or "")
        self.person.setObjectName("contact_person")
        self.person.setPlaceholderText(self.tr("The liaison, unless someone else"))
        self.learnt = text_edit("learnt", 80)
        self.needs = text_edit("needs", 60)
        self.follow_up = text_edit("follow_up", 50)
        self.due = OptionalDateEdit()
        self.due.setObjectName("follow_up_due")
        self._days = ops.query(db, lambda session: mentors.default_follow_up_due(session, today) - today).days
        self.follow_up.textChanged.connect(self._default_due)
        self.form.addRow(self.tr("Date"), self.contact_date)
        self.form.addRow(self.tr("Channel"), self.channel)
        self.form.addRow(self.tr("Spoke with"), self.person)
        self.form.addRow(self.tr("What was learnt"), self.learnt)
        self.form.addRow(self.tr("Difficulties or needs raised"), self.needs)
        self.form.addRow(self.tr("Follow-up"), self.follow_up)
        self.form.addRow(self.tr("Follow-up due"), self.due)

    def _default_due(self) -> None:
        if self.follow_up.toPlainText().strip() and self.due.value() is None:
            self.due.set_value(self.contact_date.date().toPython() + dt.timedelta(days=self._days))

    def values(self) -> dict[str, Any]:
        return {
            "contact_date": self.contact_date.date().toPython(),
            "channel": self.channel.currentData(),
            "contact_person": self.person.text(),
            "learnt": self.learnt.toPlainText(),
            "needs": self.needs.toPlainText(),
            "follow_up": self.follow_up.toPlainText(),
            "follow_up_due": self.due.value(),
        }

    def accept_form(self) -> None:
        values, member_id, actor = self.values(), self._member_id, self._actor
        self.run(self._db, lambda session: mentors.log_contact(session, actor, member_id, values), {ops.MENTORS})


class FollowUpDialog(FormDialog):
    def __init__(self, parent: QWidget, db: Database, actor: Actor, entry: mentors.ContactRow):
        super().__init__(parent, self.tr("Follow-up done"))
        self._db, self._actor, self._entry = db, actor, entry
        what = QLabel(entry.follow_up or "")
        what.setWordWrap(True)
        self.form.addRow(self.tr("Follow-up"), what)
        self.done_on = date_edit(db.clock.today(), "done_on")
        self.result = text_edit("result", 60)
        self.form.addRow(self.tr("Done on"), self.done_on)
        self.form.addRow(self.tr("What came of it"), self.result)

    def accept_form(self) -> None:
        entry_id, actor = self._entry.id, self._actor
        day, text = self.done_on.date().toPython(), self.result.toPlainText()
        self.run(
            self._db, lambda session: mentors.complete_follow_up(session, actor, entry_id, day, text), {ops.MENTORS}
        )


class WeChatDialog(FormDialog):
    """Record that the principal or the liaison was invited to, joined or left the group (R-8.1)."""

    def __init__(
        self,
        parent: QWidget,
        db: Database,
        actor: Actor,
        member_id: int,
        row: mentors.WeChatRow,
        status: WeChatStatus,
    ):
        super().__init__(
            parent,
            self.tr("%1 %2: %3")
            .replace("%1", person_label(row.person))
            .replace("%2", row.person_name or "")
            .replace("%3", wechat_label(status)),
        )
        self._db, self._actor, self._member_id, self._person, self._status = db, actor, member_id, row.person, status
        self.on = date_edit(db.clock.today(), "on")
        self.note = QLineEdit(row.note or "")
        self.note.setObjectName("note")
        self.form.addRow(self.tr("Date"), self.on)
        self.form.addRow(self.tr("Note"), self.note)

    def accept_form(self) -> None:
        member_id, person, status, actor = self._member_id, self._person, self._status, self._actor
        day, note = self.on.date().toPython(), self.note.text()
        self.run(
            self._db,
            lambda session: mentors.set_wechat_status(session, actor, member_id, person, status, day, note),
            {ops.MENTORS},
        )


class HandoverFormDialog(FormDialog):
    """File a contact handover form (R-8.4, R-10.1): the member's details as the office has them,
    with a "new value" cell per item; only the items given a new value are filed."""

    def __init__(self, parent: QWidget, db: Database, actor: Actor, member_id: int, member_name: str):
        super().__init__(parent, self.tr("Contact handover form: %1").replace("%1", member_name))
        self.setMinimumSize(640, 640)
        self._db, self._actor, self._member_id = db, actor, member_id
        today = db.clock.today()
        record = ops.query(
            db,
            lambda session: {
                key: getattr(member_service.get_member(session, member_id), key)
                for key, _label in mentors.HANDOVER_FIELDS
            },
        )
        intro = QLabel(
            self.tr(
                "Write the new value of each item that changed; leave the others empty. To clear an item, "
                "write “-”. The office checks the values as the member editor does and applies the form."
            )
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.items = QTableWidget(len(mentors.HANDOVER_FIELDS), 3)
        self.items.setObjectName("items")
        self.items.setHorizontalHeaderLabels([self.tr("Item"), self.tr("On file"), self.tr("New value")])
        self.items.verticalHeader().setVisible(False)
        self.items.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.items.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.items.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.items.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        for row, (key, label) in enumerate(mentors.HANDOVER_FIELDS):
            for column, text in enumerate((label, "" if record[key] is None else str(record[key]))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setData(Qt.ItemDataRole.UserRole, key)
                self.items.setItem(row, column, item)
            self.items.setItem(row, 2, QTableWidgetItem(""))
        self.layout_.insertWidget(1, self.items, 1)
        self.reported_on = date_edit(today, "reported_on")
        self.form_date = date_edit(today, "form_date")
        self.note = text_edit("note", 50)
        self.form.addRow(self.tr("Reported by the member on"), self.reported_on)
        self.form.addRow(self.tr("Date of the form"), self.form_date)
        self.form.addRow(self.tr("Note"), self.note)

    def set_new_value(self, key: str, value: str) -> None:
        for row, (field, _label) in enumerate(mentors.HANDOVER_FIELDS):
            if field == key:
                self.items.item(row, 2).setText(value)
                return
        raise KeyError(key)

    def _failed(self, exc: BaseException) -> None:
        """The message under the form, and each refused item's cell marked with its reason."""
        super()._failed(exc)
        errors = exc.errors if isinstance(exc, ValidationError) else {}
        for row, (key, _label) in enumerate(mentors.HANDOVER_FIELDS):
            item = self.items.item(row, 2)
            message = errors.get(key)
            item.setBackground(QColor("#fce8e6") if message else QColor(0, 0, 0, 0))
            item.setToolTip(message or "")

    def changes(self) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for row, (key, _label) in enumerate(mentors.HANDOVER_FIELDS):
            text = self.items.item(row, 2).text().strip()
            if text:
                out[key] = None if text in ("-", "－", "—") else text
        return out

    def accept_form(self) -> None:
        member_id, actor, changes = self._member_id, self._actor, self.changes()
        reported, day, note = (
            self.reported_on.date().toPython(),
            self.form_date.date().toPython(),
            self.note.toPlainText(),
        )
        self.run(
            self._db,
            lambda session: mentors.file_handover_form(
                session, actor, member_id, changes, reported_on=reported, form_date=day, note=note
            ),
            {ops.MENTORS},
        )


class NominationDialog(FormDialog):
    """Nominate a member's liaison as outstanding liaison for a period (R-10.5)."""

    def __init__(
        self,
        parent: QWidget,
        db: Database,
        actor: Actor,
        members: list[tuple[int, str, str | None]],
        member_id: int | None = None,
    ):
        super().__init__(parent, self.tr("Nominate an outstanding liaison"))
        self._db, self._actor = db, actor
        self.member = QComboBox()
        self.member.setObjectName("member")
        for mid, name, liaison in members:
            self.member.addItem(f"{name}（{liaison or self.tr('no liaison')}）", mid)
        if member_id is not None:
            self.member.setCurrentIndex(max(0, self.member.findData(member_id)))
        self.period = QComboBox()
        self.period.setObjectName("period")
        for code in mentors.periods_around(db.clock.today()):
            self.period.addItem(period_text(code), code)
        self.reason = text_edit("reason", 80)
        self.form.addRow(self.tr("Member"), self.member)
        self.form.addRow(self.tr("Period"), self.period)
        self.form.addRow(self.tr("Why this liaison"), self.reason)

    def accept_form(self) -> None:
        member_id, period, reason, actor = (
            self.member.currentData(),
            self.period.currentData(),
            self.reason.toPlainText(),
            self._actor,
        )
        if member_id is None:
            self.error.setText(self.tr("Choose a member."))
            return
        self.run(self._db, lambda session: mentors.nominate(session, actor, member_id, period, reason), {ops.MENTORS})


class DecisionDialog(FormDialog):
    """The secretariat's decision on a nomination (a decline says why)."""

    def __init__(self, parent: QWidget, db: Database, actor: Actor, nomination: mentors.NominationRow, approve: bool):
        super().__init__(parent, self.tr("Outstanding liaison") if approve else self.tr("Not selected"))
        self._db, self._actor, self._id, self._approve = db, actor, nomination.id, approve
        who = QLabel(
            f"{nomination.member_name} — {nomination.liaison_name}（{period_text(nomination.period)}）\n{nomination.reason}"
        )
        who.setWordWrap(True)
        self.layout_.insertWidget(0, who)
        self.note = text_edit("note", 60)
        self.form.addRow(self.tr("Note") if approve else self.tr("Why not"), self.note)

    def accept_form(self) -> None:
        nomination_id, approve, note, actor = self._id, self._approve, self.note.toPlainText(), self._actor
        self.run(
            self._db,
            lambda session: mentors.decide_nomination(session, actor, nomination_id, approve, note),
            {ops.MENTORS},
        )


class CirculationDialog(FormDialog):
    """One document or news item to many members at once (R-8.3)."""

    def __init__(self, parent: QWidget, db: Database, actor: Actor, members: list[tuple[int, str]], chosen: set[int]):
        super().__init__(parent, self.tr("Record a circulation"))
        self.setMinimumSize(560, 620)
        self._db, self._actor = db, actor
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in CirculationKind:
            self.kind.addItem(circulation_kind_label(kind), kind.value)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        self.reference = QLineEdit()
        self.reference.setObjectName("reference")
        self.reference.setPlaceholderText(self.tr("e.g. 武建协〔2026〕12号"))
        self.sent_on = date_edit(db.clock.today(), "sent_on")
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for channel in CirculationChannel:
            self.channel.addItem(circulation_channel_label(channel), channel.value)
        self.note = text_edit("note", 40)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Title"), self.title_edit)
        self.form.addRow(self.tr("Reference"), self.reference)
        self.form.addRow(self.tr("Sent on"), self.sent_on)
        self.form.addRow(self.tr("Channel"), self.channel)
        self.form.addRow(self.tr("Note"), self.note)
        self.members = QListWidget()
        self.members.setObjectName("recipients")
        for member_id, name in members:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, member_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if member_id in chosen or not chosen else Qt.CheckState.Unchecked)
            self.members.addItem(item)
        row = QHBoxLayout()
        everyone = QPushButton(self.tr("All"))
        everyone.clicked.connect(lambda: self._check_all(True))
        nobody = QPushButton(self.tr("None"))
        nobody.clicked.connect(lambda: self._check_all(False))
        self.count = QLabel()
        row.addWidget(QLabel(self.tr("Sent to")))
        row.addStretch(1)
        row.addWidget(self.count)
        row.addWidget(everyone)
        row.addWidget(nobody)
        self.layout_.insertLayout(1, row)
        self.layout_.insertWidget(2, self.members, 1)
        self.members.itemChanged.connect(self._count)
        self._count()

    def _check_all(self, on: bool) -> None:
        for number in range(self.members.count()):
            self.members.item(number).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def chosen(self) -> list[int]:
        return [
            self.members.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.members.count())
            if self.members.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _count(self) -> None:
        self.count.setText(
            self.tr("%1 of %2 members").replace("%1", str(len(self.chosen()))).replace("%2", str(self.members.count()))
        )

    def accept_form(self) -> None:
        values = {
            "kind": self.kind.currentData(),
            "title": self.title_edit.text(),
            "reference": self.reference.text(),
            "sent_on": self.sent_on.date().toPython(),
            "channel": self.channel.currentData(),
            "note": self.note.toPlainText(),
        }
        ids, actor = self.chosen(), self._actor
        self.run(self._db, lambda session: mentors.record_circulation(session, actor, values, ids), {ops.MENTORS})


class NewsDialog(FormDialog):
    """A member's news submitted for the association's publicity (R-8.3, R-10.3)."""

    def __init__(
        self, parent: QWidget, db: Database, actor: Actor, members: list[tuple[int, str]], member_id: int | None
    ):
        super().__init__(parent, self.tr("Submit member news for publicity"))
        self._db, self._actor = db, actor
        self.member = QComboBox()
        self.member.setObjectName("member")
        for mid, name in members:
            self.member.addItem(name, mid)
        if member_id is not None:
            self.member.setCurrentIndex(max(0, self.member.findData(member_id)))
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        self.summary = text_edit("summary", 90)
        self.submitted_on = date_edit(db.clock.today(), "submitted_on")
        self.form.addRow(self.tr("Member"), self.member)
        self.form.addRow(self.tr("Title"), self.title_edit)
        self.form.addRow(self.tr("Summary"), self.summary)
        self.form.addRow(self.tr("Submitted on"), self.submitted_on)

    def accept_form(self) -> None:
        member_id, actor = self.member.currentData(), self._actor
        values = {
            "title": self.title_edit.text(),
            "summary": self.summary.toPlainText(),
            "submitted_on": self.submitted_on.date().toPython(),
        }
        if member_id is None:
            self.error.setText(self.tr("Choose a member."))
            return
        self.run(self._db, lambda session: mentors.submit_news(session, actor, member_id, values), {ops.MENTORS})


class OutcomeDialog(FormDialog):
    """What came of submitted news: published (where), or not used (why)."""

    def __init__(self, parent: QWidget, db: Database, actor: Actor, news: mentors.NewsRow):
        super().__init__(parent, self.tr("Outcome of “%1”").replace("%1", news.title))
        self._db, self._actor, self._id = db, actor, news.id
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        for outcome in (PublicityOutcome.PUBLISHED, PublicityOutcome.DECLINED):
            self.outcome.addItem(outcome_label(outcome), outcome.value)
        self.on = date_edit(db.clock.today(), "on")
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("Where it was published, or why it was not used"))
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.form.addRow(self.tr("Date"), self.on)
        self.form.addRow(self.tr("Note"), self.note)

    def accept_form(self) -> None:
        news_id, actor = self._id, self._actor
        outcome, day, note = self.outcome.currentData(), self.on.date().toPython(), self.note.text()
        self.run(
            self._db,
            lambda session: mentors.record_news_outcome(session, actor, news_id, outcome, day, note),
            {ops.MENTORS},
        )
