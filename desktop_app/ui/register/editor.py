"""Opening a member: its details with inline validation errors, its contacts, and its history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.models import CONTACT_FIELDS, CONTACT_ROLES, Category, MemberStatus, Role
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import accounts, mailing, members, mentors, withdrawal
from desktop_app.core.settings import DEFAULT_LEVEL, get_setting, levels
from desktop_app.errors import ConflictError, ValidationError
from desktop_app.records import HistoryEntry
from desktop_app.ui import guards, msgbox, ops
from desktop_app.ui import history as history_texts
from desktop_app.ui.labels import (
    category_label,
    field_labels,
    status_label,
)
from desktop_app.ui.organisation_form import OrganisationForm
from desktop_app.ui.widgets import FieldWithError, OptionalDateEdit

_TEXT_FIELDS = (
    "name",
    "uscc",
    "member_number",
    "certificate_number",
    "main_business",
    "qualification",
    "address",
    "postcode",
    "left_reason",
)


NOTE_STYLE = "color: #5f6368;"


class MemberEditor(guards.GuardedDialog, OrganisationForm):
    """Edit one member (or enter a new one when ``member_id`` is None). For an existing member it
    also shows the member's dues, mailings and withdrawal record (issues 13–15)."""

    saved = Signal(int)

    def __init__(self, db: Database, actor: Actor, member_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self._member_id = member_id
        self._version = 0
        self._editable = actor.can(Permission.EDIT_MEMBERS)
        self._labels = field_labels()
        self._mentor_names: dict[int, str] = {}
        self._level_names: dict[str, str] = {}
        self._loaded_mentor: int | None = None
        self.setMinimumSize(900, 620)
        self._build()
        self.load()
        self._listener = ops.listen(self, {ops.MEMBERS, ops.MENTORS, ops.STAFF}, self._changed)

    # --- building -------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.banner = self.error_banner()
        layout.addWidget(self.banner)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_details(), self.tr("Details"))
        self.tabs.addTab(self.contacts_page(), self.tr("Contacts"))
        self.tabs.addTab(self._build_history(), self.tr("History"))
        self.dues_tab = self.mailing_tab = self.membership_tab = None
        if self._member_id is not None:
            self._build_job_tabs(self._member_id)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        close = self.buttons.addButton(
            self.tr("Close") if not self._editable else self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        close.setObjectName("cancel")
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        self.save_button.setVisible(self._editable)
        bottom = QHBoxLayout()
        self.read_only_note = QLabel(self.tr("Your role can view members but not change them."))
        self.read_only_note.setVisible(not self._editable)
        bottom.addWidget(self.read_only_note, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)

    def _build_job_tabs(self, member_id: int) -> None:
        """The member's dues, mailings and membership record, each from its own area's widget."""
        from desktop_app.ui.mailing.history import MailingHistoryTable
        from desktop_app.ui.withdrawal.member_tab import MemberCasesWidget

        if self._actor.can(Permission.VIEW_DUES):
            from desktop_app.ui.dues.member import MemberDuesWidget

            self.dues_tab = MemberDuesWidget(self._db, self._actor, member_id, self)
            self.tabs.addTab(self.dues_tab, self.tr("Dues"))
        if self._actor.can(Permission.VIEW_MAILING):
            self.mailing_tab = MailingHistoryTable(self._db, self)
            self.mailing_tab.show_member(member_id)
            self.tabs.addTab(self.mailing_tab, self.tr("Mailings"))
        if self._actor.can(Permission.VIEW_WITHDRAWAL):
            self.membership_tab = MemberCasesWidget(self._db, self._actor, member_id, self)
            self.tabs.addTab(self.membership_tab, self.tr("Withdrawal and membership"))

    def _note(self, text: str, name: str) -> QLabel:
        note = QLabel(text)
        note.setObjectName(name)
        note.setStyleSheet(NOTE_STYLE)
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        note.linkActivated.connect(self._go_to_area)
        return note

    def _go_to_area(self, key: str) -> None:
        window = guards.main_window()
        if window is not None and hasattr(window, "show_area"):
            try:
                window.show_area(key)
            except KeyError:
                return
            self.reject()

    def _build_details(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        self.category_box = self.category_combo()
        self.level_box = QComboBox()
        self.status_box = QComboBox()
        for status in MemberStatus:
            self.status_box.addItem(status_label(status), status.value)
        self.status_box.currentIndexChanged.connect(self._status_changed)
        self.mentor_box = QComboBox()
        self.district_box = self.district_combo()
        self.join_date = OptionalDateEdit()
        self.left_date = OptionalDateEdit()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(70)

        rows: list[tuple[str, FieldWithError, str, FieldWithError | None]] = [
            ("name", self._line("name"), "uscc", self._line("uscc", self.tr("18 characters"))),
            ("category", self._wrap("category", self.category_box), "level", self._wrap("level", self.level_box)),
            (
                "member_number",
                self._line("member_number", self.tr("Left empty: assigned on saving")),
                "certificate_number",
                self._line("certificate_number"),
            ),
            ("status", self._wrap("status", self.status_box), "join_date", self._wrap("join_date", self.join_date)),
            (
                "mentor_id",
                self._wrap("mentor_id", self.mentor_box),
                "district",
                self._wrap("district", self.district_box),
            ),
            ("main_business", self._line("main_business"), "qualification", self._line("qualification")),
            ("address", self._line("address"), "postcode", self._line("postcode", "430000")),
            ("left_reason", self._line("left_reason"), "left_date", self._wrap("left_date", self.left_date)),
        ]
        for row, (left_key, left, right_key, right) in enumerate(rows):
            grid.addWidget(self._label(self._labels[left_key]), row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(left, row, 1)
            if right is not None:
                grid.addWidget(self._label(self._labels[right_key]), row, 2, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(right, row, 3)
        # Status and leaving change only by the withdrawal procedures (issue 15), the mentor only
        # with a reason in the mentors' allocation (R-7.1): said beside the fields, with the way there.
        self.membership_note = self._note(
            self.tr('Changed only by the procedures in <a href="withdrawal">Withdrawal</a>'), "membership_note"
        )
        self.mentor_note = self._note(
            self.tr('Changed in <a href="mentors">Mentors\' work → Allocation</a> (a change needs a reason there)'),
            "mentor_note",
        )
        self.address_warning = QLabel(self.tr("⚠ Mail to this address came back: check it with the member"))
        self.address_warning.setObjectName("address_warning")
        self.address_warning.setStyleSheet("color: #b3261e;")
        self.address_warning.setWordWrap(True)
        self.address_warning.hide()
        for key, note in (
            ("status", self.membership_note),
            ("mentor_id", self.mentor_note),
            ("address", self.address_warning),
        ):
            self.wrappers[key].layout().insertWidget(1, note)
        last = len(rows)
        grid.addWidget(self._label(self._labels["notes"]), last, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._wrap("notes", self.notes), last, 1, 1, 3)
        grid.setRowStretch(last + 1, 1)
        return page

    def _build_history(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.member_since = QLabel()
        self.member_since.setObjectName("member_since")
        layout.addWidget(self.member_since)
        self.history = QTreeWidget()
        self.history.setObjectName("history")
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Change")])
        self.history.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.history, 3)
        layout.addWidget(QLabel(self.tr("Mentor assignments")))
        self.assignments = QTreeWidget()
        self.assignments.setObjectName("assignments")
        self.assignments.setRootIsDecorated(False)
        self.assignments.setHeaderLabels([self.tr("Mentor"), self.tr("From"), self.tr("Until"), self.tr("Note")])
        layout.addWidget(self.assignments, 1)
        return page

    # --- loading --------------------------------------------------------------------------------

    def load(self) -> None:
        member_id, today, actor = self._member_id, self._db.clock.today(), self._actor

        def read(session: Any) -> tuple[Any, ...]:
            level_list = levels(session)
            staff_mentors = accounts.staff_records(session, role=Role.MENTOR)
            if member_id is None:
                values: dict[str, Any] = {
                    "level": get_setting(session, DEFAULT_LEVEL),
                    "status": MemberStatus.ACTIVE,
                    "join_date": today,
                    "category": Category.CONSTRUCTION_ENTERPRISE,
                }
                return level_list, staff_mentors, values, 0, [], [], None, False
            record = members.member_record(session, member_id)
            return (
                level_list,
                staff_mentors,
                dict(record.values),
                record.version,
                members.member_history(session, member_id),
                mentors.assignment_history(session, actor, member_id),
                withdrawal.current_spell(session, member_id),
                mailing.address_doubtful(session, member_id),
            )

        level_list, staff_mentors, values, self._version, history, assignments, spell, doubtful = ops.query(
            self._db, read
        )
        self._level_names = {lv["code"]: lv["name"] for lv in level_list}
        self._mentor_names = {m.id: m.full_name for m in staff_mentors}
        self._loaded_mentor = values.get("mentor_id")
        self.level_box.clear()
        for code, name in self._level_names.items():
            self.level_box.addItem(name, code)
        self.mentor_box.clear()
        self.mentor_box.addItem(self.tr("(not assigned)"), None)
        for mentor in staff_mentors:
            if mentor.is_active:
                self.mentor_box.addItem(mentor.full_name, mentor.id)
        mentor_id = values.get("mentor_id")
        if mentor_id is not None and self.mentor_box.findData(mentor_id) < 0:
            self.mentor_box.addItem(self._mentor_names.get(mentor_id, str(mentor_id)), mentor_id)
        self._set_values(values)
        self._show_history(history, assignments)
        self._show_spell(spell)
        self.address_warning.setVisible(doubtful)
        self.set_errors({})
        name = values.get("name") or ""
        self.setWindowTitle(self.tr("Member: %1").replace("%1", name) if self._member_id else self.tr("New member"))
        existing = self._member_id is not None
        # An existing member's status, leaving and mentor change by their own procedures.
        fixed = {"status", "left_date", "left_reason", "mentor_id"} if existing else set()
        for key, widget in self.fields.items():
            editable = self._editable and key not in fixed
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setReadOnly(not editable)
            else:
                widget.setEnabled(editable)
        self.membership_note.setVisible(existing)
        self.mentor_note.setVisible(existing)
        guards.show_read_only(self)
        self.mark_clean()

    def _changed(self, _topics: frozenset[str]) -> None:
        """Someone changed members or mentors: the History tab reads again. The form is left as it
        is (nothing typed is lost); a save over another's change is refused with the reason."""
        member_id, actor = self._member_id, self._actor
        if member_id is None:
            return

        def read(session: Any) -> tuple[Any, ...]:
            return (
                {m.id: m.full_name for m in accounts.staff_records(session, role=Role.MENTOR)},
                members.member_history(session, member_id),
                mentors.assignment_history(session, actor, member_id),
            )

        self._mentor_names, history, assignments = ops.query(self._db, read)
        self._show_history(history, assignments)

    def _set_values(self, values: dict[str, Any]) -> None:
        for key in _TEXT_FIELDS + tuple(f"{r}_{f}" for r in CONTACT_ROLES for f in CONTACT_FIELDS):
            widget = self.fields[key]
            assert isinstance(widget, QLineEdit)
            widget.setText("" if values.get(key) is None else str(values[key]))
        for box, key in ((self.category_box, "category"), (self.status_box, "status")):
            value = values.get(key)
            box.setCurrentIndex(max(0, box.findData(value.value if value is not None else None)))
        self.level_box.setCurrentIndex(max(0, self.level_box.findData(values.get("level"))))
        self.mentor_box.setCurrentIndex(max(0, self.mentor_box.findData(values.get("mentor_id"))))
        self.district_box.setCurrentText(values.get("district") or "")
        self.join_date.set_value(values.get("join_date"))
        self.left_date.set_value(values.get("left_date"))
        self.notes.setPlainText(values.get("notes") or "")
        self._status_changed()

    def values(self) -> dict[str, Any]:
        """What the form says now, in the service's terms."""
        out = self.text_values(_TEXT_FIELDS)
        out["category"] = self.category_box.currentData()
        out["level"] = self.level_box.currentData()
        out["status"] = self.status_box.currentData()
        out["mentor_id"] = self.mentor_box.currentData()
        out["district"] = self.district_box.currentText()
        out["join_date"] = self.join_date.value()
        out["left_date"] = self.left_date.value()
        out["notes"] = self.notes.toPlainText()
        return out

    def _status_changed(self) -> None:
        if self._member_id is not None:
            return  # read-only here: shown as the withdrawal procedures left them
        leaving = self.status_box.currentData() != MemberStatus.ACTIVE.value
        for key in ("left_date", "left_reason"):
            self.wrappers[key].setEnabled(leaving)

    def _show_spell(self, spell: withdrawal.SpellRecord | None) -> None:
        if self._member_id is None:
            self.member_since.hide()
            return
        self.member_since.show()
        if spell is None:
            self.member_since.setText(self.tr("Not a member at present."))
        elif spell.joined_on is not None:
            self.member_since.setText(
                self.tr("Member since %1 (%2)")
                .replace("%1", spell.joined_on.isoformat())
                .replace("%2", spell.joined_how)
            )
        else:
            self.member_since.setText(self.tr("Member (joining date not recorded)"))

    def _describe(self, field: str, value: Any) -> str:
        if value in (None, ""):
            return "—"
        if field == "category":
            return category_label(Category(value))
        if field == "status":
            return status_label(MemberStatus(value))
        if field == "level":
            return self._level_names.get(value, str(value))
        if field == "mentor_id":
            return self._mentor_names.get(value, str(value))
        return str(value)

    def _show_history(self, history: list[HistoryEntry], assignments: list[mentors.AssignmentRow]) -> None:
        self.history.clear()
        actions = history_texts.action_names()
        for entry in history:
            local = entry.at.astimezone(self._db.clock.now().tzinfo)
            item = QTreeWidgetItem(
                [
                    f"{local:%Y-%m-%d %H:%M}",
                    entry.actor_name,
                    history_texts.action_name(entry.action, actions),
                    history_texts.summary_text(entry.summary),
                ]
            )
            before, after = entry.before or {}, entry.after or {}
            for field in after:
                label = self._labels.get(field, field)
                change = history_texts.change_text(
                    label, self._describe(field, before.get(field)), self._describe(field, after[field])
                )
                QTreeWidgetItem(item, ["", "", "", change])
            self.history.addTopLevelItem(item)
        if not history:
            self.history.addTopLevelItem(
                QTreeWidgetItem(["", "", "", self.tr("No change has been recorded for this member yet.")])
            )
        self.history.expandAll()
        minimum = (130, 70, 70)  # an empty history keeps readable headings (not ~25 px wide)
        for column in range(3):
            self.history.resizeColumnToContents(column)
            self.history.setColumnWidth(column, max(minimum[column], self.history.columnWidth(column)))
        self.assignments.clear()
        for assignment in assignments:
            self.assignments.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        self._mentor_names.get(assignment.mentor_id, str(assignment.mentor_id)),
                        assignment.start_date.isoformat(),
                        assignment.end_date.isoformat() if assignment.end_date else self.tr("now"),
                        assignment.note or "",
                    ]
                )
            )

    # --- saving ---------------------------------------------------------------------------------

    def save(self) -> bool:
        if not self._editable:
            return False
        values = self.values()
        actor, member_id, version = self._actor, self._member_id, self._version

        def call(session: Any) -> int:
            if member_id is None:
                return members.create_member(session, actor, values).id
            return members.update_member(session, actor, member_id, version, values).id

        topics = {ops.MEMBERS}
        if (values.get("mentor_id") or None) != self._loaded_mentor:
            topics.add(ops.MENTORS)  # an assignment was opened or closed
        saved: list[int] = []
        note = self.tr("Saved: %1").replace("%1", str(values.get("name") or ""))
        ops.Op(self, self._db, call, changes=topics).saved(note).success(saved.append).failure(self._not_saved).run()
        if not saved:
            return False
        self._member_id = saved[0]
        self.saved.emit(saved[0])
        self.accept()
        return True

    def _not_saved(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.set_errors(exc.errors)  # under each field, not in a box
        elif isinstance(exc, ConflictError):
            reload = msgbox.question(
                self,
                self.tr("Changed by someone else"),
                exc.message
                + "\n\n"
                + self.tr("Reload the member as it is saved now? Your changes in this window will be discarded."),
                default_yes=True,
            )
            if reload:
                self.load()
        else:
            ops.show_failure(self, exc, self.tr("Not saved"))
