"""The member register: one search box, filters, and the table of every member (R-9.2)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
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
from desktop_app.ui import msgbox, ops, preferences, table_export
from desktop_app.ui.labels import category_label, status_label
from desktop_app.ui.register.editor import MemberEditor
from desktop_app.ui.register.model import RegisterModel
from desktop_app.ui.widgets import EmptyState, KeptChoices

ROW_HEIGHT = 26
# Fit a 1366×768 screen beside the navigation with room for the vertical scroll bar (issue 16).
COLUMN_WIDTHS = (100, 270, 150, 80, 100, 70, 70, 70, 100, 80)
FILTERS_KEY = preferences.view_key("register", "filters")
# What the right-click menu prints for the selection, through the documents area.
PRINT_KINDS = ("certificate", "labels", "envelopes")


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
        self._start_on_my_members()
        self._restore_filters()
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
            box.activated.connect(self._save_filters)  # the person's choice, not a reload's
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
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        horizontal.setSectionsMovable(True)
        preferences.remember_table(self.table, "register")  # widths, order, sort as left
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)
        self.export_actions = table_export.actions(self.table, self._export_title)
        self.copy_action = table_export.copy_action(self.table, self._export_title)
        self.table.addAction(self.copy_action)
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

    def _start_on_my_members(self) -> None:
        """A mentor starts on its own members (R-7.1); "All mentors" stays one choice away."""
        if self._actor.role != Role.MENTOR or self._actor.id is None:
            return
        index = self.mentor_box.findData(self._actor.id)
        if index >= 0:
            self.mentor_box.blockSignals(True)
            self.mentor_box.setCurrentIndex(index)
            self.mentor_box.blockSignals(False)

    def _save_filters(self) -> None:
        boxes = (self.status_box, self.level_box, self.category_box, self.mentor_box)
        preferences.set_value(FILTERS_KEY, [str(box.currentData()) for box in boxes])

    def _restore_filters(self) -> None:
        """The filters chosen last time (a mentor or level that is gone is simply not chosen)."""
        saved = preferences.value(FILTERS_KEY)
        if not isinstance(saved, list):
            return
        boxes = (self.status_box, self.level_box, self.category_box, self.mentor_box)
        for box, value in zip(boxes, saved, strict=False):
            for index in range(box.count()):
                if str(box.itemData(index)) == str(value):
                    box.blockSignals(True)
                    box.setCurrentIndex(index)
                    box.blockSignals(False)
                    break

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

    # --- the selection as a working list (issue 16) -------------------------------------------------

    def selected_ids(self) -> list[int]:
        """The selected members, top to bottom as shown."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.member_id(row) for row in rows]

    def _export_title(self) -> str:
        return self.tr("Member register")

    def _show_menu(self, position: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        """Open, copy, print for the selection, add it to a mailing batch, export."""
        count = len(self.selected_ids())
        menu = QMenu(self)
        open_action = menu.addAction(self.tr("Open"), self.open_selected)
        open_action.setObjectName("open")
        open_action.setShortcut(QKeySequence("Return"))
        open_action.setEnabled(count == 1)
        menu.addAction(self.copy_action)
        self.copy_action.setEnabled(count > 0)
        printable = self._printable_kinds()
        if printable:
            menu.addSeparator()
            titles = {
                "certificate": self.tr("Print certificates for the selection…"),
                "labels": self.tr("Print address labels for the selection…"),
                "envelopes": self.tr("Print envelopes for the selection…"),
            }
            for kind in printable:
                action = menu.addAction(titles[kind], lambda k=kind: self.print_selection(k))
                action.setObjectName(f"print_{kind}")
                action.setEnabled(count > 0)
        if self._actor.can(Permission.MANAGE_MAILING):
            menu.addSeparator()
            mailing_action = menu.addAction(self.tr("Add to a mailing batch…"), self.add_to_mailing_batch)
            mailing_action.setObjectName("add_to_mailing")
            mailing_action.setEnabled(count > 0)
        menu.addSeparator()
        for action in self.export_actions:
            menu.addAction(action)
        self.export_actions[1].setEnabled(count > 0)
        return menu

    def _printable_kinds(self) -> list[str]:
        from desktop_app.core.services.documents.kinds import can_print

        return [kind for kind in PRINT_KINDS if can_print(self._actor, kind)]

    def copy_selection(self) -> int:
        return table_export.copy_rows(self.table, self._export_title)

    def print_selection(self, kind: str) -> Any:
        """Hand the selection to the documents area, set to ``kind``: it prints through its service."""
        ids = self.selected_ids()
        if not ids:
            return None
        window: Any = self.window()
        areas = getattr(window, "areas", None)
        if not isinstance(areas, Mapping) or "documents" not in areas:
            return None
        documents = window.show_area("documents")
        documents.select_kind(kind)
        documents.clear_members()
        documents.add_member_ids(ids)
        return documents

    def add_to_mailing_batch(self, batch_id: int | None = None) -> None:
        """Add the selected members to a mailing batch that is still being prepared (R-9.4)."""
        ids = self.selected_ids()
        if not ids:
            return
        from desktop_app.core.services import mailing

        if batch_id is None:
            batches = [
                b
                for b in ops.query(self._db, lambda session: mailing.batch_list(session, self._actor))
                if b.sent + b.delivered + b.returned == 0
            ]
            if not batches:
                msgbox.information(
                    self,
                    self.tr("Add to a mailing batch"),
                    self.tr("No mailing batch is being prepared. Create one in the mailing area first."),
                )
                return
            labels = [f"{b.number}　{b.title}" for b in batches]
            label, ok = QInputDialog.getItem(
                self,
                self.tr("Add to a mailing batch"),
                self.tr("Add %n selected member(s) to:", "", len(ids)),
                labels,
                0,
                False,
            )
            if not ok:
                return
            batch_id = batches[labels.index(label)].id
        chosen = batch_id
        flt = mailing.RecipientFilter(member_ids=tuple(ids))

        def done(selection: Any) -> None:
            text = self.tr("%n member(s) added to the batch.", "", len(selection.member_ids))
            skipped = len(ids) - len(selection.member_ids)
            if skipped:
                text += "\n" + self.tr("%n were already in it or cannot be mailed to.", "", skipped)
            msgbox.information(self, self.tr("Add to a mailing batch"), text)

        ops.Op(
            self,
            self._db,
            lambda session: mailing.add_recipients(session, self._actor, chosen, flt),
            changes={ops.MAILING},
            title=self.tr("Add to a mailing batch"),
        ).success(done).run()
