"""A mentor's members and its work on them (R-8.1 … R-8.4, R-10.5): the members with their last
contact, open follow-ups and pending forms; what needs attention (overdue follow-ups, members not
contacted for N days, people not yet in the WeChat group); and for the chosen member its WeChat
status, contact log, handover forms, nominations and the history of its mentors.

A mentor sees its own members (the services enforce it); the office and the resident leader
choose a mentor."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.models import WeChatStatus
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import mentors
from desktop_app.ui import ops
from desktop_app.ui.mentors.common import (
    RowsModel,
    channel_label,
    current_row,
    decision_label,
    form_status_label,
    period_text,
    person_label,
    wechat_label,
)
from desktop_app.ui.mentors.dialogs import (
    ContactDialog,
    FollowUpDialog,
    HandoverFormDialog,
    NominationDialog,
    WeChatDialog,
)
from desktop_app.ui.mentors.forms import print_form
from desktop_app.ui.rows import AMBER, GREY, RED, Column, day, table
from desktop_app.ui.widgets import EmptyState


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def _button(text: str, name: str, slot: Any, visible: bool = True) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    button.setVisible(visible)
    return button


class MentorWorkView(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self._own = mentors.own_only(actor)
        self._record = actor.can(Permission.RECORD_MENTOR_WORK)
        self._file = actor.can(Permission.FILE_HANDOVER_FORMS)
        self._nominate = actor.can(Permission.NOMINATE_LIAISONS)
        self.member_id: int | None = None
        self.dialog: Any = None
        self._build()
        self.reload_mentors()
        self.reload()
        self._listener = ops.listen(self, {ops.MENTORS, ops.MEMBERS, ops.STAFF, ops.SETTINGS}, self._changed)

    # --- building -----------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.mentor_box = QComboBox()
        self.mentor_box.setObjectName("mentor")
        self.mentor_box.setMinimumWidth(320)
        self.mentor_box.currentIndexChanged.connect(self.reload)
        self.mentor_box.setVisible(not self._own)
        if not self._own:
            bar.addWidget(QLabel(self.tr("Mentor")))
        bar.addWidget(self.mentor_box)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search these members  (Ctrl+F)"))
        self.search.textChanged.connect(self._reload_members)
        bar.addWidget(self.search, 2)
        layout.addLayout(bar)

        # Left: the members and what needs attention.
        self.lists = QTabWidget()
        self.lists.setObjectName("lists")
        self.member_model = RowsModel(
            [
                Column(self.tr("Member number"), lambda m: m.member_number, 100),
                Column(self.tr("Organisation"), lambda m: m.name, 220),
                Column(self.tr("Liaison"), lambda m: m.liaison_name, 60),
                Column(self.tr("Mobile"), lambda m: m.liaison_mobile, 95),
                Column(self.tr("Last contact"), lambda m: day(m.last_contact) or self.tr("never"), 85),
                Column(
                    self.tr("Follow-ups"),
                    lambda m: (
                        self.tr("%1 (%2 overdue)")
                        .replace("%1", str(m.open_follow_ups))
                        .replace("%2", str(m.overdue_follow_ups))
                        if m.overdue_follow_ups
                        else (m.open_follow_ups or "")
                    ),
                    80,
                    colour=lambda m: RED if m.overdue_follow_ups else None,
                ),
                Column(self.tr("Forms"), lambda m: m.pending_forms or "", 45, right=True),
            ],
            self,
        )
        self.member_table = table(self.member_model, "members")
        self.member_empty = EmptyState(self.member_table)
        self.overdue_model = RowsModel(
            [
                Column(self.tr("Organisation"), lambda r: r.member_name, 200),
                Column(self.tr("Follow-up"), lambda r: r.follow_up, 200),
                Column(self.tr("Due"), lambda r: day(r.due), 85),
                Column(self.tr("Days overdue"), lambda r: r.days_overdue, 60, colour=lambda r: RED, right=True),
                Column(self.tr("Mentor"), lambda r: r.mentor_name, 70),
            ],
            self,
        )
        self.overdue_table = table(self.overdue_model, "overdue")
        self.silent_model = RowsModel(
            [
                Column(self.tr("Organisation"), lambda r: r.member_name, 220),
                Column(self.tr("Liaison"), lambda r: r.liaison_name, 60),
                Column(self.tr("Mobile"), lambda r: r.liaison_mobile, 95),
                Column(self.tr("Last contact"), lambda r: day(r.last_contact) or self.tr("never"), 85),
                Column(
                    self.tr("Days"),
                    lambda r: r.days if r.days is not None else "—",
                    50,
                    colour=lambda r: AMBER,
                    right=True,
                ),
            ],
            self,
        )
        self.silent_table = table(self.silent_model, "no_contact")
        self.outside_model = RowsModel(
            [
                Column(self.tr("Organisation"), lambda r: r.member_name, 220),
                Column(self.tr("Who"), lambda r: person_label(r.person), 80),
                Column(self.tr("Name"), lambda r: r.person_name, 60),
                Column(self.tr("WeChat group"), lambda r: r.status, 150, colour=lambda r: GREY),
                Column(self.tr("Since"), lambda r: day(r.since), 85),
            ],
            self,
        )
        self.outside_table = table(self.outside_model, "not_in_group")
        for view in (self.member_table, self.overdue_table, self.silent_table, self.outside_table):
            view.selectionModel().currentRowChanged.connect(lambda current, _p, v=view: self._picked(v, current.row()))
            self.lists.addTab(view, "")
        self.lists.currentChanged.connect(lambda _i: self._picked_from(self.lists.currentWidget()))

        # Right: the chosen member.
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.member_heading = QLabel()
        self.member_heading.setObjectName("member_heading")
        self.member_heading.setWordWrap(True)
        self.member_heading.setStyleSheet("font-weight: bold; font-size: 14px;")
        right_layout.addWidget(self.member_heading)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("member_tabs")
        self.tabs.addTab(self._build_wechat(), self.tr("WeChat group"))
        self.tabs.addTab(self._build_contacts(), self.tr("Contact log"))
        self.tabs.addTab(self._build_forms(), self.tr("Handover forms"))
        self.tabs.addTab(self._build_nominations(), self.tr("Outstanding liaison"))
        self.tabs.addTab(self._build_history(), self.tr("Mentors"))
        right_layout.addWidget(self.tabs, 1)

        splitter = QSplitter()
        splitter.addWidget(self.lists)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 560])
        layout.addWidget(splitter, 1)
        QShortcut(
            QKeySequence.StandardKey.Find, self, activated=lambda: (self.search.setFocus(), self.search.selectAll())
        )
        QShortcut(QKeySequence("Escape"), self.search, activated=self.search.clear)
        if self._record:
            QShortcut(QKeySequence("Ctrl+L"), self, activated=self.log_contact)

    def _build_wechat(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.wechat_model = RowsModel(
            [
                Column(self.tr("Who"), lambda r: person_label(r.person), 75),
                Column(self.tr("Name"), lambda r: r.person_name or self.tr("(not on file)"), 60),
                Column(
                    self.tr("Status"),
                    lambda r: (
                        wechat_label(r.status)
                        + (self.tr(" (invited: %1)").replace("%1", r.invited_name) if r.invited_name else "")
                    ),
                    100,
                    colour=lambda r: None if r.in_group else AMBER,
                ),
                Column(self.tr("Invited"), lambda r: day(r.invited_on), 80),
                Column(self.tr("Joined"), lambda r: day(r.joined_on), 80),
                Column(self.tr("Left"), lambda r: day(r.left_on), 80),
                Column(self.tr("Note"), lambda r: r.note, 100),
            ],
            self,
        )
        self.wechat_table = table(self.wechat_model, "wechat")
        self.wechat_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.wechat_table, 1)
        self.invited_button = _button(
            self.tr("Invited…"), "invited", lambda: self.set_wechat(WeChatStatus.INVITED), self._record
        )
        self.joined_button = _button(
            self.tr("Joined…"), "joined", lambda: self.set_wechat(WeChatStatus.JOINED), self._record
        )
        self.left_button = _button(self.tr("Left…"), "left", lambda: self.set_wechat(WeChatStatus.LEFT), self._record)
        layout.addLayout(_buttons(self.invited_button, self.joined_button, self.left_button))
        return page

    def _build_contacts(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.contact_model = RowsModel(
            [
                Column(self.tr("Date"), lambda r: day(r.contact_date), 85),
                Column(self.tr("Channel"), lambda r: channel_label(r.channel), 60),
                Column(self.tr("With"), lambda r: r.contact_person, 55),
                Column(self.tr("What was learnt"), lambda r: r.learnt, 180),
                Column(self.tr("Needs"), lambda r: r.needs, 120),
                Column(self.tr("Follow-up"), lambda r: r.follow_up, 110),
                Column(
                    self.tr("Due / done"),
                    lambda r: (
                        self.tr("done %1").replace("%1", day(r.follow_up_done_on))
                        if r.follow_up_done_on
                        else day(r.follow_up_due)
                    ),
                    90,
                    colour=lambda r: RED if r.overdue(self._db.clock.today()) else None,
                ),
                Column(self.tr("By"), lambda r: r.staff_name, 55),
            ],
            self,
        )
        self.contact_table = table(self.contact_model, "contacts")
        self.contact_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.contact_table, 1)
        self.log_button = _button(self.tr("Log a contact…  (Ctrl+L)"), "log_contact", self.log_contact, self._record)
        self.done_button = _button(self.tr("Follow-up done…"), "follow_up_done", self.follow_up_done, self._record)
        layout.addLayout(_buttons(self.log_button, self.done_button))
        return page

    def _build_forms(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.form_model = RowsModel(
            [
                Column(self.tr("No."), lambda f: f.id, 40, right=True),
                Column(
                    self.tr("Items"),
                    lambda f: "；".join(f"{c.label}：{c.old or '—'} → {c.new or '—'}" for c in f.changes),
                    260,
                ),
                Column(self.tr("Reported on"), lambda f: day(f.reported_on), 85),
                Column(self.tr("Form date"), lambda f: day(f.form_date), 85),
                Column(
                    self.tr("State"),
                    lambda f: (
                        form_status_label(f.status)
                        + (self.tr(": %1").replace("%1", f.decision_reason) if f.decision_reason else "")
                    ),
                    120,
                    colour=lambda f: AMBER if f.differences else None,
                ),
            ],
            self,
        )
        self.form_table = table(self.form_model, "forms")
        self.form_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.form_table, 1)
        self.file_button = _button(self.tr("File a handover form…"), "file_form", self.file_form, self._file)
        self.print_button = _button(
            self.tr("Print…"), "print_form", self.print_form, self._actor.can(Permission.PRINT_FORMS)
        )
        layout.addLayout(_buttons(self.file_button, self.print_button))
        return page

    def _build_nominations(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.nomination_model = RowsModel(
            [
                Column(self.tr("Period"), lambda n: period_text(n.period), 90),
                Column(self.tr("Liaison"), lambda n: n.liaison_name, 60),
                Column(self.tr("Reason"), lambda n: n.reason, 200),
                Column(self.tr("Nominated"), lambda n: day(n.nominated_on), 85),
                Column(self.tr("Decision"), lambda n: decision_label(n.decision), 110),
                Column(self.tr("Note"), lambda n: n.decision_note, 100),
            ],
            self,
        )
        self.nomination_table = table(self.nomination_model, "nominations")
        layout.addWidget(self.nomination_table, 1)
        self.nominate_button = _button(self.tr("Nominate the liaison…"), "nominate", self.nominate, self._nominate)
        layout.addLayout(_buttons(self.nominate_button))
        return page

    def _build_history(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.history_model = RowsModel(
            [
                Column(self.tr("Mentor"), lambda a: a.mentor_name, 70),
                Column(self.tr("From"), lambda a: day(a.start_date), 85),
                Column(self.tr("Until"), lambda a: day(a.end_date) or self.tr("now"), 85),
                Column(self.tr("Assigned by"), lambda a: a.assigned_by, 70),
                Column(self.tr("Why"), lambda a: a.note, 140),
                Column(self.tr("Why it ended"), lambda a: a.end_reason, 140),
            ],
            self,
        )
        self.history_table = table(self.history_model, "assignments")
        layout.addWidget(self.history_table, 1)
        return page

    # --- loading ------------------------------------------------------------------------------------

    def _changed(self, topics: frozenset[str]) -> None:
        if ops.STAFF in topics or ops.MENTORS in topics or ops.MEMBERS in topics:
            self.reload_mentors()
        self.reload()

    def reload_mentors(self) -> None:
        """The office's picker: every active mentor with how many members it serves."""
        if self._own:
            return
        actor = self._actor
        choices = ops.query(self._db, lambda session: mentors.mentor_choices(session, actor))
        chosen = self.mentor_box.currentData()
        self.mentor_box.blockSignals(True)
        self.mentor_box.clear()
        for choice in choices:
            self.mentor_box.addItem(
                self.tr("%1 (%2 members)").replace("%1", choice.full_name).replace("%2", str(choice.members)),
                choice.mentor_id,
            )
        self.mentor_box.setCurrentIndex(max(0, self.mentor_box.findData(chosen)))
        self.mentor_box.blockSignals(False)

    def mentor_id(self) -> int | None:
        return self._actor.id if self._own else self.mentor_box.currentData()

    def select_mentor(self, mentor_id: int) -> None:
        self.mentor_box.setCurrentIndex(max(0, self.mentor_box.findData(mentor_id)))

    def reload(self) -> None:
        mentor_id = self.mentor_id()
        actor = self._actor
        if mentor_id is None:
            for model in (self.overdue_model, self.silent_model, self.outside_model):
                model.set_rows([])
            self._reload_members()
            return

        def read(session: Any) -> tuple[Any, ...]:
            return (
                mentors.overdue_follow_ups(session, actor, mentor_id=mentor_id),
                mentors.no_contact_members(session, actor, mentor_id=mentor_id),
                mentors.not_in_group(session, actor, mentor_id=mentor_id),
                mentors.no_contact_days(session),
            )

        overdue, silent, outside, days = ops.query(self._db, read)
        self.overdue_model.set_rows(overdue)
        self.silent_model.set_rows(silent)
        self.outside_model.set_rows(outside)
        self.lists.setTabText(1, self.tr("Overdue follow-ups (%1)").replace("%1", str(len(overdue))))
        self.lists.setTabText(
            2, self.tr("No contact for %1 days (%2)").replace("%1", str(days)).replace("%2", str(len(silent)))
        )
        self.lists.setTabText(3, self.tr("Not in the WeChat group (%1)").replace("%1", str(len(outside))))
        self._reload_members()

    def _reload_members(self) -> None:
        mentor_id, actor, text = self.mentor_id(), self._actor, self.search.text()
        rows = (
            ops.query(self._db, lambda session: mentors.mentor_members(session, actor, mentor_id=mentor_id, text=text))
            if mentor_id is not None
            else []
        )
        self.member_model.set_rows(rows)
        self.lists.setTabText(0, self.tr("Members (%1)").replace("%1", str(len(rows))))
        self.member_empty.set_text(
            self.tr("No member matches this search.")
            if text.strip()
            else self.tr("No member is assigned to this mentor yet.")
        )
        self.member_empty.update()
        if self.member_id is not None and any(r.member_id == self.member_id for r in rows):
            self.show_member(self.member_id)
        elif rows:
            self.member_table.selectRow(0)
            self.show_member(rows[0].member_id)
        else:
            self.show_member(None)

    def _picked(self, view: QTableView, row: int) -> None:
        if view is not self.lists.currentWidget():
            return
        model = view.model()
        assert isinstance(model, RowsModel)
        item = model.row(row)
        if item is not None:
            self.show_member(item.member_id)

    def _picked_from(self, view: QWidget) -> None:
        if isinstance(view, QTableView):
            item = current_row(view)
            if item is not None:
                self.show_member(item.member_id)

    def show_member(self, member_id: int | None) -> None:
        self.member_id = member_id
        if member_id is None:
            self.member_heading.setText(self.tr("No member chosen."))
            for model in (
                self.wechat_model,
                self.contact_model,
                self.form_model,
                self.nomination_model,
                self.history_model,
            ):
                model.set_rows([])
            self._update_buttons()
            return
        actor = self._actor

        def read(session: Any) -> tuple[Any, ...]:
            from desktop_app.core.services.members import get_member

            member = get_member(session, member_id)
            heading = (member.name, member.member_number, member.liaison_name, member.liaison_mobile)
            return (
                heading,
                mentors.wechat_status(session, actor, member_id),
                mentors.contact_log(session, actor, member_id),
                mentors.handover_forms(session, actor, member_id=member_id),
                mentors.nominations(session, actor, member_id=member_id),
                mentors.assignment_history(session, actor, member_id),
            )

        heading, wechat, contacts, forms, nominations, history = ops.query(self._db, read)
        name, number, liaison, mobile = heading
        self.member_heading.setText(
            self.tr("%1 (%2) — liaison %3 %4")
            .replace("%1", name)
            .replace("%2", number)
            .replace("%3", liaison or "—")
            .replace("%4", mobile or "")
        )
        self.wechat_model.set_rows(wechat)
        if wechat:
            self.wechat_table.selectRow(next((i for i, r in enumerate(wechat) if not r.in_group), 0))
        self.contact_model.set_rows(contacts)
        self.form_model.set_rows(forms)
        self.nomination_model.set_rows(nominations)
        self.history_model.set_rows(history)
        self._member_name, self._liaison = name, liaison
        self._update_buttons()

    def _update_buttons(self) -> None:
        member = self.member_id is not None
        wechat = current_row(self.wechat_table)
        for button in (self.invited_button, self.joined_button, self.left_button):
            button.setEnabled(member and wechat is not None and bool(wechat.person_name))
        entry = current_row(self.contact_table)
        self.log_button.setEnabled(member)
        self.done_button.setEnabled(entry is not None and bool(entry.follow_up) and entry.follow_up_done_on is None)
        self.file_button.setEnabled(member)
        self.print_button.setEnabled(current_row(self.form_table) is not None)
        self.nominate_button.setEnabled(member and bool(self._liaison if member else False))

    # --- actions ------------------------------------------------------------------------------------

    def _open(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def set_wechat(self, status: WeChatStatus) -> Any:
        row = current_row(self.wechat_table)
        if self.member_id is None or row is None:
            return None
        return self._open(WeChatDialog(self, self._db, self._actor, self.member_id, row, status))

    def log_contact(self) -> Any:
        if self.member_id is None or not self._record:
            return None
        self.tabs.setCurrentIndex(1)
        return self._open(ContactDialog(self, self._db, self._actor, self.member_id, self._member_name, self._liaison))

    def follow_up_done(self) -> Any:
        entry = current_row(self.contact_table)
        if entry is None or not entry.follow_up or entry.follow_up_done_on is not None:
            return None
        return self._open(FollowUpDialog(self, self._db, self._actor, entry))

    def file_form(self) -> Any:
        if self.member_id is None or not self._file:
            return None
        return self._open(HandoverFormDialog(self, self._db, self._actor, self.member_id, self._member_name))

    def print_form(self) -> Any:
        form = current_row(self.form_table)
        if form is None:
            return None
        self.dialog = print_form(self, self._db, self._actor, form.id)
        return self.dialog

    def nominate(self) -> Any:
        if self.member_id is None or not self._nominate:
            return None
        members = [(m.member_id, m.name, m.liaison_name) for m in self.member_model.rows]
        return self._open(NominationDialog(self, self._db, self._actor, members, self.member_id))

    _member_name = ""
    _liaison: str | None = None
