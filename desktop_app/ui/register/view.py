"""The member register: one search box, filters, and the table of every member (R-9.2)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.models import Category, MemberStatus, Role
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import accounts
from desktop_app.core.services.members import MemberFilter
from desktop_app.core.settings import levels
from desktop_app.ui import ops
from desktop_app.ui.labels import category_label, status_label
from desktop_app.ui.register.editor import MemberEditor
from desktop_app.ui.register.model import RegisterModel
from desktop_app.ui.widgets import EmptyState, KeptChoices

ROW_HEIGHT = 26
COLUMN_WIDTHS = (105, 280, 160, 95, 110, 80, 70, 70, 105, 90)


class RegisterView(QWidget):
    memberOpened = Signal(int)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self.model = RegisterModel(db, self)
        self._build()
        self.model.countChanged.connect(self._show_count)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._update_empty_state)
        self.model.modelReset.connect(self._restore_selection)
        self.model.rowsInserted.connect(self._update_empty_state)
        self._selected_member: int | None = None
        self.reload_choices()
        self.apply_filter()
        # Members change here (the editor, an import, a registration) or, after F5, elsewhere;
        # mentors' names and the levels are in the cells and the filter boxes.
        self._listener = ops.listen(self, {ops.MEMBERS, ops.MENTORS, ops.STAFF, ops.SETTINGS}, self._changed)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search name, credit code, member number, liaison, principal or phone  (Ctrl+F)")
        )
        self.search.textChanged.connect(self.apply_filter)
        bar.addWidget(self.search, 3)

        self.status_box = QComboBox()
        self.status_box.setObjectName("status_filter")
        self.level_box = QComboBox()
        self.level_box.setObjectName("level_filter")
        self.category_box = QComboBox()
        self.category_box.setObjectName("category_filter")
        self.mentor_box = QComboBox()
        self.mentor_box.setObjectName("mentor_filter")
        for box in (self.status_box, self.level_box, self.category_box, self.mentor_box):
            box.currentIndexChanged.connect(self.apply_filter)
            bar.addWidget(box)

        self.new_button = QPushButton(self.tr("New member…"))
        self.new_button.setObjectName("new_member")
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setToolTip(self.tr("Enter a member by hand (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_member)
        self.new_button.setVisible(self._actor.can(Permission.EDIT_MEMBERS))
        bar.addWidget(self.new_button)
        layout.addLayout(bar)

        self.table = QTableView()
        self.table.setObjectName("register")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # fixed height: no measuring rows
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        horizontal = self.table.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        horizontal.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._open_index)  # double-click or Enter
        layout.addWidget(self.table, 1)
        self.empty_state = EmptyState(self.table)

        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        layout.addWidget(self.count_label)

        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        QShortcut(QKeySequence("Escape"), self.search, activated=self.search.clear)

    def reload_choices(self) -> None:
        """Fill the filter boxes from the database (levels and mentors are data, not constants);
        what is chosen stays chosen while it is still there."""
        level_list, mentors = ops.query(
            self._db,
            lambda session: (levels(session), accounts.staff_records(session, role=Role.MENTOR)),
        )
        with KeptChoices((self.status_box, self.level_box, self.category_box, self.mentor_box)):
            self.status_box.addItem(self.tr("All statuses"), None)
            for status in MemberStatus:
                self.status_box.addItem(status_label(status), status.value)
            self.level_box.addItem(self.tr("All levels"), None)
            for level in level_list:
                self.level_box.addItem(level["name"], level["code"])
            self.category_box.addItem(self.tr("All categories"), None)
            for category in Category:
                self.category_box.addItem(category_label(category), category.value)
            self.mentor_box.addItem(self.tr("All mentors"), None)
            self.mentor_box.addItem(self.tr("No mentor"), 0)
            for mentor in mentors:
                self.mentor_box.addItem(mentor.full_name, mentor.id)

    def _changed(self, topics: frozenset[str]) -> None:
        if topics & {ops.STAFF, ops.MENTORS, ops.SETTINGS}:
            self.reload_choices()
        if self.current_filter() != self.model.member_filter:  # a chosen mentor or level is gone
            self.model.set_filter(self.current_filter())
        else:
            self.model.reload()

    def _remember_selection(self) -> None:
        index = self.table.currentIndex()
        self._selected_member = self.model.member_id(index.row()) if index.isValid() else None

    def _restore_selection(self) -> None:
        """After the list was read again, the member that was selected stays selected and in view."""
        row = self.model.row_of(self._selected_member) if self._selected_member is not None else None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def current_filter(self) -> MemberFilter:
        status = self.status_box.currentData()
        category = self.category_box.currentData()
        return MemberFilter(
            text=self.search.text(),
            status=MemberStatus(status) if status else None,
            level=self.level_box.currentData(),
            category=Category(category) if category else None,
            mentor_id=self.mentor_box.currentData(),
        )

    def apply_filter(self) -> None:
        flt = self.current_filter()
        if flt == self.model.member_filter:
            self.model.refresh()
        else:
            self.model.set_filter(flt)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _filtered(self) -> bool:
        flt = self.model.member_filter
        return bool(flt.text.strip()) or any(
            v is not None for v in (flt.status, flt.level, flt.category, flt.mentor_id)
        )

    def _show_count(self, count: int, complete: bool) -> None:
        if complete:
            self.count_label.setText(self.tr("%Ln member(s)", "", count))  # %L: 100,000
        else:
            self.count_label.setText(
                self.tr("Showing the first %1 members, counting the rest…").replace("%1", QLocale().toString(count))
            )

    def _update_empty_state(self) -> None:
        if self._filtered():
            self.empty_state.set_text(self.tr("No member matches this search or these filters."))
        else:
            self.empty_state.set_text(
                self.tr(
                    "The register is empty. Enter a member with “New member…”, or import the office's Excel roster."
                )
            )

    # --- opening members --------------------------------------------------------------------------

    def _open_index(self, index) -> None:  # type: ignore[no-untyped-def]
        if index.isValid():
            self.open_member(self.model.member_id(index.row()))

    def open_selected(self) -> None:
        index = self.table.currentIndex()
        self._open_index(index)

    def open_member(self, member_id: int) -> MemberEditor:
        editor = MemberEditor(self._db, self._actor, member_id, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        self.memberOpened.emit(member_id)
        return editor

    def new_member(self) -> MemberEditor | None:
        if not self._actor.can(Permission.EDIT_MEMBERS):
            return None
        editor = MemberEditor(self._db, self._actor, None, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        return editor
