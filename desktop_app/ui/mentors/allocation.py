"""Mentor allocation (R-7.1, R-9.1): active members grouped by category and business kind, those
without a mentor first, each with a suggested mentor; every mentor with its load by category and
its state. Assign one or many (a button, or drag the members onto a mentor), reassign with a
reason, hand a leaving mentor's members over. The office allocates; the resident leader reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.models import Category
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import mentors
from desktop_app.core.services.mentors import AllocationFilter, AllocationRow, MentorLoad, Suggestion
from desktop_app.ui import msgbox, ops, table_export
from desktop_app.ui.labels import category_label
from desktop_app.ui.mentors import common
from desktop_app.ui.mentors.common import FormDialog, ReasonDialog, RowsModel, member_ids_of, text_edit
from desktop_app.ui.rows import GREY, RED, Column, selected_rows, table
from desktop_app.ui.widgets import EmptyState

LIMIT = 500  # members listed at once; the counts are of all that match


@dataclass(frozen=True)
class Line:
    """A member of the list with the mentor suggested for it."""

    member: AllocationRow
    suggestion: Suggestion | None


def _main_groups(load: MentorLoad) -> str:
    """The business groups a mentor serves most, as the office reads them (建筑业企业·房屋建筑施工 20)."""
    top = sorted(load.by_group.items(), key=lambda item: -item[1])[:3]
    return "，".join(f"{category_label(category)}·{kind} {count}" for (category, kind), count in top)


class MentorTable(QTableView):
    """The mentors; members dragged from the list and dropped on an active mentor go to it."""

    dropped = Signal(int, list)  # mentor id, member ids

    def __init__(self, model: RowsModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        table_export.install(self)  # copy, “export what I see” (issue 16)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)

    def _mentor_at(self, position: QPoint) -> MentorLoad | None:
        index = self.indexAt(position)
        model = self.model()
        assert isinstance(model, RowsModel)
        load = model.row(index.row()) if index.isValid() else None
        return load if load is not None and load.is_active else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if member_ids_of(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if member_ids_of(event.mimeData()) and self._mentor_at(event.position().toPoint()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        mentor = self._mentor_at(event.position().toPoint())
        ids = member_ids_of(event.mimeData())
        if mentor is None or not ids:
            event.ignore()
            return
        event.acceptProposedAction()
        self.dropped.emit(mentor.mentor_id, ids)


class AllocationView(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self._can_assign = actor.can(Permission.ASSIGN_MENTORS)
        self._group: tuple[Category | None, str | None] = (None, None)
        self._mentor_filter: int | None = None
        self.loads: list[MentorLoad] = []
        self.dialog: Any = None
        self._build()
        self.reload()
        self._listener = ops.listen(self, {ops.MENTORS, ops.MEMBERS, ops.STAFF, ops.SETTINGS}, lambda _t: self.reload())

    # --- building ---------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, credit code, member number or main business  (Ctrl+F)"))
        self.search.textChanged.connect(self.reload)
        bar.addWidget(self.search, 3)
        self.unassigned_only = QCheckBox(self.tr("Only members without a mentor"))
        self.unassigned_only.setObjectName("unassigned_only")
        self.unassigned_only.toggled.connect(self.reload)
        bar.addWidget(self.unassigned_only)
        self.mentor_filter_label = QLabel()
        self.mentor_filter_label.setObjectName("mentor_filter")
        self.mentor_filter_label.hide()
        bar.addWidget(self.mentor_filter_label)
        self.clear_mentor_button = QPushButton(self.tr("Show all mentors' members"))
        self.clear_mentor_button.setObjectName("clear_mentor_filter")
        self.clear_mentor_button.clicked.connect(lambda: self.show_mentor_members(None))
        self.clear_mentor_button.hide()
        bar.addWidget(self.clear_mentor_button)
        layout.addLayout(bar)

        self.groups = QTreeWidget()
        self.groups.setObjectName("groups")
        self.groups.setHeaderLabels([self.tr("Category and business"), self.tr("Members"), self.tr("No mentor")])
        self.groups.setColumnWidth(0, 150)
        self.groups.setColumnWidth(1, 48)
        table_export.install(self.groups)  # columns inside the pane, copy, export (issue 16)
        self.groups.setMinimumWidth(240)
        self.groups.currentItemChanged.connect(self._group_chosen)

        self.member_model = RowsModel(
            [
                Column(self.tr("Member number"), lambda line: line.member.member_number, 95),
                Column(self.tr("Organisation"), lambda line: line.member.name, 215),
                Column(self.tr("Category"), lambda line: category_label(line.member.category), 90),
                Column(
                    self.tr("Business kind"),
                    lambda line: line.member.kind + (" ✎" if line.member.kind_by_hand else ""),
                    90,
                ),
                Column(self.tr("Main business"), lambda line: line.member.main_business, 110),
                Column(
                    self.tr("Mentor"),
                    lambda line: line.member.mentor_name or self.tr("(none)"),
                    62,
                    colour=lambda line: RED if line.member.mentor_id is None else None,
                ),
                Column(
                    self.tr("Suggested"),
                    lambda line: line.suggestion.mentor_name if line.suggestion else "",
                    75,
                    colour=lambda line: GREY if line.member.mentor_id is not None else None,
                ),
                Column(self.tr("Why"), lambda line: line.suggestion.reason if line.suggestion else "", 180),
            ],
            self,
            ids=(lambda line: line.member.member_id) if self._can_assign else None,
        )
        self.members = table(self.member_model, "members", multi=True)
        if self._can_assign:
            self.members.setDragEnabled(True)
            self.members.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.members.selectionModel().selectionChanged.connect(self._update_buttons)
        self.members_empty = EmptyState(self.members)

        member_buttons = QHBoxLayout()
        self.suggested_button = QPushButton(self.tr("Assign the suggested mentors"))
        self.suggested_button.setObjectName("assign_suggested")
        self.suggested_button.setToolTip(
            self.tr(
                "Each selected member to the mentor already serving its category and business with the "
                "lightest load (Ctrl+Enter)"
            )
        )
        self.suggested_button.clicked.connect(self.assign_suggested)
        self.assign_button = QPushButton(self.tr("Assign to a mentor…"))
        self.assign_button.setObjectName("assign_to")
        self.assign_button.clicked.connect(self.assign_to)
        self.kind_button = QPushButton(self.tr("File under a business kind…"))
        self.kind_button.setObjectName("set_kind")
        self.kind_button.clicked.connect(self.set_kind)
        for button in (self.suggested_button, self.assign_button, self.kind_button):
            member_buttons.addWidget(button)
            button.setVisible(self._can_assign)
        member_buttons.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        member_buttons.addWidget(self.count_label)

        self.mentor_model = RowsModel(
            [
                Column(self.tr("Mentor"), lambda m: m.full_name, 80),
                Column(
                    self.tr("State"),
                    lambda m: self.tr("Active") if m.is_active else self.tr("Inactive"),
                    55,
                    colour=lambda m: (RED if m.total else GREY) if not m.is_active else None,
                ),
                Column(self.tr("Members"), lambda m: m.total, 55, right=True),
                *(
                    Column(short, lambda m, c=category: m.by_category.get(c, 0) or "", 60, right=True)
                    for category, short in (
                        (Category.CONSTRUCTION_ENTERPRISE, self.tr("Construction")),
                        (Category.INDUSTRY_CHAIN_ENTERPRISE, self.tr("Industry chain")),
                        (Category.PUBLIC_INSTITUTION, self.tr("Institutions")),
                        (Category.SOCIAL_ORGANISATION, self.tr("Societies")),
                    )
                ),
                Column(self.tr("Serves most"), _main_groups, 300),
            ],
            self,
        )
        self.mentor_table = MentorTable(self.mentor_model)
        self.mentor_table.setObjectName("mentors")
        for number, column in enumerate(self.mentor_model.columns):
            self.mentor_table.setColumnWidth(number, column.width)
        self.mentor_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.mentor_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.mentor_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mentor_table.verticalHeader().setVisible(False)
        self.mentor_table.verticalHeader().setDefaultSectionSize(26)
        self.mentor_table.horizontalHeader().setStretchLastSection(True)
        self.mentor_table.dropped.connect(self.assign_dropped)
        self.mentor_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.mentor_table.doubleClicked.connect(lambda _i: self.show_selected_mentor())

        mentor_buttons = QHBoxLayout()
        self.to_mentor_button = QPushButton(self.tr("Assign the selected members here"))
        self.to_mentor_button.setObjectName("assign_here")
        self.to_mentor_button.clicked.connect(self.assign_to_selected_mentor)
        self.hand_over_button = QPushButton(self.tr("Hand over all members…"))
        self.hand_over_button.setObjectName("hand_over")
        self.hand_over_button.setToolTip(
            self.tr("Before a mentor leaves the secretariat: move every member it serves to other mentors")
        )
        self.hand_over_button.clicked.connect(self.hand_over)
        self.show_members_button = QPushButton(self.tr("Show its members"))
        self.show_members_button.setObjectName("show_mentor_members")
        self.show_members_button.clicked.connect(self.show_selected_mentor)
        for button in (self.to_mentor_button, self.hand_over_button):
            mentor_buttons.addWidget(button)
            button.setVisible(self._can_assign)
        mentor_buttons.addWidget(self.show_members_button)
        mentor_buttons.addStretch(1)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.members, 1)
        top_layout.addLayout(member_buttons)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(
            self.tr("Mentors and their load — drag members onto a mentor to assign them")
            if self._can_assign
            else self.tr("Mentors and their load")
        )
        heading.setStyleSheet("font-weight: bold;")
        bottom_layout.addWidget(heading)
        bottom_layout.addWidget(self.mentor_table, 1)
        bottom_layout.addLayout(mentor_buttons)
        centre = QSplitter(Qt.Orientation.Vertical)
        centre.addWidget(top)
        centre.addWidget(bottom)
        centre.setStretchFactor(0, 3)
        centre.setStretchFactor(1, 2)
        centre.setSizes([430, 300])
        splitter = QSplitter()
        splitter.addWidget(self.groups)
        splitter.addWidget(centre)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 920])
        layout.addWidget(splitter, 1)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        QShortcut(
            QKeySequence.StandardKey.Find, self, activated=lambda: (self.search.setFocus(), self.search.selectAll())
        )
        QShortcut(QKeySequence("Escape"), self.search, activated=self.search.clear)
        if self._can_assign:
            QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.assign_suggested)

    # --- loading ------------------------------------------------------------------------------------

    def current_filter(self) -> AllocationFilter:
        category, kind = self._group
        return AllocationFilter(
            text=self.search.text(),
            category=category,
            kind=kind,
            mentor_id=0 if self.unassigned_only.isChecked() else self._mentor_filter,
        )

    def reload(self) -> None:
        flt = self.current_filter()
        actor = self._actor

        data = ops.query(self._db, lambda session: mentors.allocation_view(session, actor, flt, limit=LIMIT))
        groups, loads, page, suggestions = data.groups, data.loads, data.page, data.suggestions
        self._fill_groups(groups)
        chosen = {line.member.member_id for line in selected_rows(self.members)}
        self.member_model.set_rows([Line(row, suggestions.get(row.member_id)) for row in page.rows])
        selection = self.members.selectionModel()
        for number, line in enumerate(self.member_model.rows):
            if line.member.member_id in chosen:
                selection.select(
                    self.member_model.index(number, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        mentor = self.selected_mentor()
        self.loads = loads
        self.mentor_model.set_rows(loads)
        if mentor is not None:
            row = next((i for i, m in enumerate(loads) if m.mentor_id == mentor.mentor_id), None)
            if row is not None:
                self.mentor_table.selectRow(row)
        shown = len(page.rows)
        text = (
            self.tr("%1 member(s), %2 without a mentor")
            .replace("%1", str(page.total))
            .replace("%2", str(page.unassigned))
        )
        if shown < page.total:
            text += self.tr(" — the first %1 shown; narrow the search or choose a group").replace("%1", str(shown))
        self.count_label.setText(text)
        self.members_empty.set_text(
            self.tr("Every member here has a mentor.")
            if self.unassigned_only.isChecked()
            else self.tr("No active member matches this search or group.")
        )
        self.members_empty.update()
        self._update_buttons()

    def _fill_groups(self, groups: list[mentors.GroupCount]) -> None:
        current = self._group
        self.groups.blockSignals(True)
        self.groups.clear()
        total = sum(g.members for g in groups)
        waiting = sum(g.unassigned for g in groups)
        root = QTreeWidgetItem([self.tr("All active members"), str(total), str(waiting)])
        root.setData(0, Qt.ItemDataRole.UserRole, (None, None))
        self.groups.addTopLevelItem(root)
        chosen = root
        by_category: dict[Category, list[mentors.GroupCount]] = {}
        for group in groups:
            by_category.setdefault(group.category, []).append(group)
        for category, items in by_category.items():
            parent = QTreeWidgetItem(
                [category_label(category), str(sum(g.members for g in items)), str(sum(g.unassigned for g in items))]
            )
            parent.setData(0, Qt.ItemDataRole.UserRole, (category.value, None))
            root.addChild(parent)
            if current == (category, None):
                chosen = parent
            for group in items:
                child = QTreeWidgetItem([group.kind, str(group.members), str(group.unassigned)])
                child.setData(0, Qt.ItemDataRole.UserRole, (category.value, group.kind))
                if group.unassigned:
                    child.setForeground(2, RED)
                parent.addChild(child)
                if current == (category, group.kind):
                    chosen = child
        if waiting:
            root.setForeground(2, RED)
        self.groups.expandAll()
        self.groups.setCurrentItem(chosen)
        self.groups.blockSignals(False)

    def _group_chosen(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        category, kind = item.data(0, Qt.ItemDataRole.UserRole)
        self._group = (Category(category) if category else None, kind)
        self.reload()

    def select_group(self, category: Category | None, kind: str | None = None) -> None:
        self._group = (category, kind)
        self.reload()

    def selected_mentor(self) -> MentorLoad | None:
        rows = self.mentor_table.selectionModel().selectedRows()
        return self.mentor_model.row(rows[0].row()) if rows else None

    def selected_members(self) -> list[AllocationRow]:
        return [line.member for line in selected_rows(self.members)]

    def _update_buttons(self) -> None:
        members = bool(self.members.selectionModel().selectedRows())
        mentor = self.selected_mentor()
        for button in (self.suggested_button, self.assign_button, self.kind_button):
            button.setEnabled(members)
        self.to_mentor_button.setEnabled(members and mentor is not None and mentor.is_active)
        self.hand_over_button.setEnabled(mentor is not None and mentor.total > 0)
        self.show_members_button.setEnabled(mentor is not None)

    def show_mentor_members(self, mentor: MentorLoad | None) -> None:
        self._mentor_filter = mentor.mentor_id if mentor else None
        self.mentor_filter_label.setText(
            self.tr("Members of %1").replace("%1", mentor.full_name) if mentor is not None else ""
        )
        self.mentor_filter_label.setVisible(mentor is not None)
        self.clear_mentor_button.setVisible(mentor is not None)
        if mentor is not None:
            self.unassigned_only.setChecked(False)
        self.reload()

    def show_selected_mentor(self) -> None:
        mentor = self.selected_mentor()
        if mentor is not None:
            self.show_mentor_members(mentor)

    # --- assigning ----------------------------------------------------------------------------------

    def _done(self, result: mentors.AssignResult) -> None:
        text = (
            self.tr("%1 member(s) assigned, %2 reassigned.")
            .replace("%1", str(result.assigned))
            .replace("%2", str(result.reassigned))
        )
        if result.unchanged:
            text += " " + self.tr("%1 already had that mentor.").replace("%1", str(result.unchanged))
        self.status.setText(text)

    def _with_reason(self, members: list[AllocationRow], title: str, call: Any) -> Any:
        """Run ``call(session, reason, progress)``; members that have a mentor need the reason first
        (R-7.1). Hundreds of members are allocated in a worker, with progress and Cancel."""
        moving = [m for m in members if m.mentor_id is not None]
        background = (
            self.tr("Allocating %1 members…").replace("%1", str(len(members)))
            if len(members) > common.BACKGROUND_AFTER
            else None
        )
        changes = {ops.MENTORS, ops.MEMBERS}
        if not moving:
            op = ops.Op(self, self._db, lambda session, progress=None: call(session, None, progress), changes=changes)
            op.success(self._done)
            if background is not None:
                op.in_background(background)
            op.run()
            return None
        names = "、".join(m.name for m in moving[:3]) + (self.tr(" and others") if len(moving) > 3 else "")
        prompt = (
            self.tr(
                "%1 member(s) already have a mentor (%2). Changing a member's mentor needs the reason; it is kept in the member's history."
            )
            .replace("%1", str(len(moving)))
            .replace("%2", names)
        )
        dialog = ReasonDialog(
            self,
            self._db,
            title,
            prompt,
            (lambda session, reason, progress: call(session, reason, progress))
            if background is not None
            else (lambda session, reason: call(session, reason, None)),
            changes,
            label=self.tr("Reason for the change"),
            background=background,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._done(dialog.result_value))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _need_members(self) -> list[AllocationRow] | None:
        members = self.selected_members()
        if not members:
            msgbox.information(self, self.tr("Allocation"), self.tr("Select one or more members first."))
            return None
        return members

    def assign_suggested(self) -> Any:
        members = self._need_members()
        if not members or not self._can_assign:
            return None
        ids = [m.member_id for m in members]
        actor = self._actor
        return self._with_reason(
            members,
            self.tr("Assign the suggested mentors"),
            lambda session, reason, progress: mentors.assign_suggested(
                session, actor, ids, reason=reason, progress=progress
            ),
        )

    def assign_members_to(self, mentor_id: int, members: list[AllocationRow]) -> Any:
        ids = [m.member_id for m in members]
        actor = self._actor
        return self._with_reason(
            members,
            self.tr("Change of mentor"),
            lambda session, reason, progress: mentors.assign_members(
                session, actor, ids, mentor_id, reason=reason, progress=progress
            ),
        )

    def assign_to_selected_mentor(self) -> Any:
        mentor, members = self.selected_mentor(), self._need_members()
        if mentor is None or not members:
            return None
        return self.assign_members_to(mentor.mentor_id, members)

    def assign_dropped(self, mentor_id: int, member_ids: list[int]) -> Any:
        wanted = set(member_ids)
        members = [line.member for line in self.member_model.rows if line.member.member_id in wanted]
        if not members or not self._can_assign:
            return None
        return self.assign_members_to(mentor_id, members)

    def assign_to(self) -> Any:
        members = self._need_members()
        if not members:
            return None
        dialog = AssignDialog(self, self._db, self._actor, members, self.loads)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._done(dialog.result_value))
        self.dialog = dialog
        dialog.open()
        return dialog

    def hand_over(self) -> Any:
        mentor = self.selected_mentor()
        if mentor is None or not mentor.total:
            return None
        dialog = HandOverDialog(self, self._db, self._actor, mentor, self.loads)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._done(dialog.result_value))
        self.dialog = dialog
        dialog.open()
        return dialog

    def set_kind(self) -> Any:
        members = self._need_members()
        if not members:
            return None
        names = ops.query(self._db, mentors.kind_names)
        dialog = KindDialog(self, self._db, self._actor, members, names)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.status.setText(self.tr("%1 member(s) filed anew.").replace("%1", str(dialog.result_value)))
        )
        self.dialog = dialog
        dialog.open()
        return dialog


def _mentor_choice(box: QComboBox, loads: list[MentorLoad], exclude: int | None = None) -> None:
    for load in loads:
        if load.is_active and load.mentor_id != exclude:
            text = QCoreApplication.translate("AllocationView", "%1 (%2 members)")
            box.addItem(text.replace("%1", load.full_name).replace("%2", str(load.total)), load.mentor_id)


class AssignDialog(FormDialog):
    """One mentor for the selected members; the reason when any of them changes mentor."""

    def __init__(
        self, parent: QWidget, db: Database, actor: Actor, members: list[AllocationRow], loads: list[MentorLoad]
    ):
        super().__init__(parent, self.tr("Assign to a mentor"))
        self._db, self._actor, self._ids = db, actor, [m.member_id for m in members]
        moving = sum(1 for m in members if m.mentor_id is not None)
        intro = QLabel(
            self.tr("%1 member(s) selected.").replace("%1", str(len(members)))
            + (
                " "
                + self.tr("%1 of them already have a mentor: give the reason for the change.").replace(
                    "%1", str(moving)
                )
                if moving
                else ""
            )
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.mentor = QComboBox()
        self.mentor.setObjectName("mentor")
        _mentor_choice(self.mentor, loads)
        self.form.addRow(self.tr("Mentor"), self.mentor)
        self.reason = text_edit("reason")
        self.form.addRow(self.tr("Reason for the change") if moving else self.tr("Note"), self.reason)

    def accept_form(self) -> None:
        mentor_id, reason, ids, actor = self.mentor.currentData(), self.reason.toPlainText(), self._ids, self._actor
        if mentor_id is None:
            self.error.setText(self.tr("There is no active mentor. An administrator creates mentor accounts first."))
            return
        self.run(
            self._db,
            lambda session: mentors.assign_members(session, actor, ids, mentor_id, reason=reason or None),
            {ops.MENTORS, ops.MEMBERS},
        )


class HandOverDialog(FormDialog):
    """Every member of one mentor to another, or each to its suggestion (a mentor who leaves)."""

    def __init__(self, parent: QWidget, db: Database, actor: Actor, mentor: MentorLoad, loads: list[MentorLoad]):
        super().__init__(parent, self.tr("Hand over the members of %1").replace("%1", mentor.full_name))
        self._db, self._actor, self._mentor = db, actor, mentor
        intro = QLabel(
            self.tr(
                "%1 serves %2 member(s). They all go to other mentors; the change and its reason are kept in "
                "each member's history. Afterwards the administrator can deactivate the account."
            )
            .replace("%1", mentor.full_name)
            .replace("%2", str(mentor.total))
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.by_suggestion = QRadioButton(
            self.tr("Each to the suggested mentor (same category and business, lightest load)")
        )
        self.by_suggestion.setObjectName("by_suggestion")
        self.by_suggestion.setChecked(True)
        self.to_one = QRadioButton(self.tr("All to one mentor:"))
        self.to_one.setObjectName("to_one")
        self.target = QComboBox()
        self.target.setObjectName("target")
        _mentor_choice(self.target, loads, exclude=mentor.mentor_id)
        self.target.setEnabled(False)
        self.to_one.toggled.connect(self.target.setEnabled)
        one = QHBoxLayout()
        one.addWidget(self.to_one)
        one.addWidget(self.target, 1)
        self.form.addRow(self.by_suggestion)
        self.form.addRow(one)
        self.reason = text_edit("reason")
        self.form.addRow(self.tr("Reason"), self.reason)

    def accept_form(self) -> None:
        if not msgbox.question(
            self,
            self.windowTitle(),
            self.tr("Move all %1 member(s) of %2 to other mentors now?")
            .replace("%1", str(self._mentor.total))
            .replace("%2", self._mentor.full_name),
        ):
            return
        target = self.target.currentData() if self.to_one.isChecked() else None
        if self.to_one.isChecked() and target is None:
            self.error.setText(self.tr("Choose the mentor who takes the members over."))
            return
        source, reason, actor = self._mentor.mentor_id, self.reason.toPlainText(), self._actor
        changes = {ops.MENTORS, ops.MEMBERS}
        if self._mentor.total > common.BACKGROUND_AFTER:
            self.run(
                self._db,
                lambda session, progress: mentors.hand_over_members(
                    session, actor, source, target, reason=reason, progress=progress
                ),
                changes,
                label=self.tr("Handing over %1 members…").replace("%1", str(self._mentor.total)),
            )
        else:
            self.run(
                self._db,
                lambda session: mentors.hand_over_members(session, actor, source, target, reason=reason),
                changes,
            )


class KindDialog(FormDialog):
    """File the selected members under one of the office's business kinds (or back to automatic)."""

    def __init__(self, parent: QWidget, db: Database, actor: Actor, members: list[AllocationRow], names: list[str]):
        super().__init__(parent, self.tr("File under a business kind"))
        self._db, self._actor, self._ids = db, actor, [m.member_id for m in members]
        intro = QLabel(
            self.tr(
                "%1 member(s) selected. The business kinds are the office's list (setting “mentors.business_kinds”); "
                "the free-text main business is kept as it is."
            ).replace("%1", str(len(members)))
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("Automatic (by the main business's keywords)"), None)
        for name in names:
            self.kind.addItem(name, name)
        self.form.addRow(self.tr("Business kind"), self.kind)

    def accept_form(self) -> None:
        kind, ids, actor = self.kind.currentData(), self._ids, self._actor
        self.run(self._db, lambda session: mentors.set_business_kind(session, actor, ids, kind), {ops.MENTORS})
