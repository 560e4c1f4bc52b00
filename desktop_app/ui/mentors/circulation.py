"""Circulation and publicity (R-8.3): which association documents and news went to which members
and when (one entry for many members), and which member news was submitted for publicity, with
the outcome the secretariat records."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop_app.core.db import Database
from desktop_app.core.models import PublicityOutcome
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import mentors
from desktop_app.ui import ops
from desktop_app.ui.mentors.common import (
    RowsModel,
    circulation_channel_label,
    circulation_kind_label,
    current_row,
    outcome_label,
)
from desktop_app.ui.mentors.dialogs import CirculationDialog, NewsDialog, OutcomeDialog
from desktop_app.ui.rows import AMBER, Column, day, table
from desktop_app.ui.widgets import EmptyState


class CirculationView(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self._own = mentors.own_only(actor)
        self._record = actor.can(Permission.RECORD_MENTOR_WORK)
        self._decide = actor.can(Permission.DECIDE_MENTOR_SUBMISSIONS)
        self.dialog: Any = None
        self._build()
        self.reload()
        self._listener = ops.listen(self, {ops.MENTORS, ops.MEMBERS, ops.STAFF}, lambda _t: self.reload())

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Documents and news sent to members")))
        bar.addStretch(1)
        self.mentor_box = QComboBox()
        self.mentor_box.setObjectName("recipients_of")
        self.mentor_box.setToolTip(self.tr("Whose members a new circulation goes to"))
        self.mentor_box.setVisible(self._record and not self._own)
        bar.addWidget(self.mentor_box)
        self.circulate_button = QPushButton(self.tr("Record a circulation…"))
        self.circulate_button.setObjectName("circulate")
        self.circulate_button.clicked.connect(self.circulate)
        self.circulate_button.setVisible(self._record)
        bar.addWidget(self.circulate_button)
        top_layout.addLayout(bar)
        self.circulation_model = RowsModel(
            [
                Column(self.tr("Sent on"), lambda c: day(c.sent_on), 85),
                Column(self.tr("Kind"), lambda c: circulation_kind_label(c.kind), 90),
                Column(self.tr("Title"), lambda c: c.title, 300),
                Column(self.tr("Reference"), lambda c: c.reference, 130),
                Column(self.tr("Channel"), lambda c: circulation_channel_label(c.channel), 100),
                Column(self.tr("Members"), lambda c: c.recipients, 60, right=True),
                Column(self.tr("Recorded by"), lambda c: c.staff_name, 70),
            ],
            self,
        )
        self.circulation_table = table(self.circulation_model, "circulations")
        self.circulation_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_recipients())
        self.circulation_empty = EmptyState(self.circulation_table)
        self.recipients = QLabel()
        self.recipients.setObjectName("recipient_names")
        self.recipients.setWordWrap(True)
        top_layout.addWidget(self.circulation_table, 1)
        top_layout.addWidget(self.recipients)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Member news submitted for publicity")))
        bar.addStretch(1)
        self.news_button = QPushButton(self.tr("Submit member news…"))
        self.news_button.setObjectName("submit_news")
        self.news_button.clicked.connect(self.submit_news)
        self.news_button.setVisible(self._record)
        self.outcome_button = QPushButton(self.tr("Record the outcome…"))
        self.outcome_button.setObjectName("outcome")
        self.outcome_button.clicked.connect(self.record_outcome)
        self.outcome_button.setVisible(self._decide)
        bar.addWidget(self.news_button)
        bar.addWidget(self.outcome_button)
        bottom_layout.addLayout(bar)
        self.news_model = RowsModel(
            [
                Column(self.tr("Submitted"), lambda n: day(n.submitted_on), 85),
                Column(self.tr("Member"), lambda n: n.member_name, 220),
                Column(self.tr("Title"), lambda n: n.title, 260),
                Column(self.tr("By"), lambda n: n.submitted_by, 60),
                Column(
                    self.tr("Outcome"),
                    lambda n: outcome_label(n.outcome),
                    70,
                    colour=lambda n: AMBER if n.outcome == PublicityOutcome.PENDING else None,
                ),
                Column(self.tr("Note"), lambda n: n.outcome_note, 200),
            ],
            self,
        )
        self.news_table = table(self.news_model, "news")
        self.news_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.news_empty = EmptyState(self.news_table)
        bottom_layout.addWidget(self.news_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout.addWidget(splitter, 1)

    def reload(self) -> None:
        actor = self._actor

        def read(session: Any) -> tuple[Any, ...]:
            choices = mentors.mentor_choices(session, actor) if self._record and not self._own else []
            return mentors.circulations(session, actor), mentors.news_items(session, actor), choices

        circulations, news, choices = ops.query(self._db, read)
        self.circulation_model.set_rows(circulations)
        self.news_model.set_rows(news)
        self.circulation_empty.set_text(self.tr("Nothing circulated yet."))
        self.news_empty.set_text(self.tr("No member news submitted yet."))
        self.circulation_empty.update()
        self.news_empty.update()
        if self.mentor_box.isVisibleTo(self):
            chosen = self.mentor_box.currentData()
            self.mentor_box.blockSignals(True)
            self.mentor_box.clear()
            for choice in choices:
                self.mentor_box.addItem(
                    self.tr("Members of %1 (%2)").replace("%1", choice.full_name).replace("%2", str(choice.members)),
                    choice.mentor_id,
                )
            self.mentor_box.setCurrentIndex(max(0, self.mentor_box.findData(chosen)))
            self.mentor_box.blockSignals(False)
        self._show_recipients()
        self._update_buttons()

    def _show_recipients(self) -> None:
        entry = current_row(self.circulation_table)
        if entry is None:
            self.recipients.setText("")
            return
        actor = self._actor
        names = ops.query(self._db, lambda session: mentors.circulation_recipients(session, actor, entry.id))
        shown = "、".join(name for _number, name in names[:30])
        more = len(names) - 30
        self.recipients.setText(
            self.tr("Sent to: %1").replace("%1", shown)
            + (self.tr(" and %1 more").replace("%1", str(more)) if more > 0 else "")
        )

    def _update_buttons(self) -> None:
        news = current_row(self.news_table)
        self.outcome_button.setEnabled(news is not None and news.outcome == PublicityOutcome.PENDING)

    def _members(self) -> list[tuple[int, str]]:
        mentor_id = self._actor.id if self._own else self.mentor_box.currentData()
        if mentor_id is None:
            return []
        actor = self._actor
        rows = ops.query(self._db, lambda session: mentors.mentor_members(session, actor, mentor_id=mentor_id))
        return [(m.member_id, m.name) for m in rows]

    def _open(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def circulate(self) -> Any:
        members = self._members()
        return self._open(CirculationDialog(self, self._db, self._actor, members, set()))

    def submit_news(self) -> Any:
        return self._open(NewsDialog(self, self._db, self._actor, self._members(), None))

    def record_outcome(self) -> Any:
        news = current_row(self.news_table)
        if news is None or news.outcome != PublicityOutcome.PENDING:
            return None
        return self._open(OutcomeDialog(self, self._db, self._actor, news))
