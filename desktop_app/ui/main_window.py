"""The main window: navigation to the office's areas, and who is signed in to which database."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.core.db import Database
from desktop_app.core.security import PRINT_PERMISSIONS, Actor, Permission
from desktop_app.ui import i18n, msgbox, ops, preferences
from desktop_app.ui.labels import role_label


@dataclass(frozen=True)
class Area:
    """One area of the office in the navigation. An area appears only once its issue has landed
    (no dead buttons) and only for the roles that may use it."""

    key: str
    title: Callable[[], str]
    visible: Callable[[Actor], bool]
    factory: Callable[[Database, Actor, QWidget], QWidget]


def _register(db: Database, actor: Actor, parent: QWidget) -> QWidget:
    from desktop_app.ui.register.view import RegisterView

    return RegisterView(db, actor, parent)


def _documents(db: Database, actor: Actor, parent: QWidget) -> QWidget:
    from desktop_app.ui.documents.view import DocumentsView

    return DocumentsView(db, actor, parent)


def _can_print(actor: Actor) -> bool:
    # security, not services.documents: deciding the navigation must not import the builders.
    return any(actor.can(p) for p in PRINT_PERMISSIONS)


def _staff(db: Database, actor: Actor, parent: QWidget) -> QWidget:
    from desktop_app.ui.staff_view import StaffView

    return StaffView(db, actor, parent)


def _admission(db: Database, actor: Actor, parent: QWidget) -> QWidget:
    from desktop_app.ui.admission.view import AdmissionView

    return AdmissionView(db, actor, parent)


def _mentors(db: Database, actor: Actor, parent: QWidget) -> QWidget:  # mentors (issue 12)
    from desktop_app.ui.mentors.view import MentorsView

    return MentorsView(db, actor, parent)


def _withdrawal(db: Database, actor: Actor, parent: QWidget) -> QWidget:  # withdrawal (issue 15)
    from desktop_app.ui.withdrawal.view import WithdrawalView

    return WithdrawalView(db, actor, parent)


def _withdrawal_title() -> str:  # withdrawal (issue 15): the name is translated with the area's views
    from desktop_app.ui.withdrawal import area_title

    return area_title()


def _mailing(db: Database, actor: Actor, parent: QWidget) -> QWidget:  # mailing (issue 14)
    from desktop_app.ui.mailing.view import MailingView

    return MailingView(db, actor, parent)


def _mailing_title() -> str:  # mailing (issue 14): translated with the area's own views
    from desktop_app.ui.mailing import area_title

    return area_title()


def _dues(db: Database, actor: Actor, parent: QWidget) -> QWidget:  # dues (issue 13)
    from desktop_app.ui.dues.view import DuesView

    return DuesView(db, actor, parent)


def _dues_title() -> str:  # dues (issue 13): translated with the area's own views
    from desktop_app.ui.dues import area_title

    return area_title()


def _workbench(db: Database, actor: Actor, parent: QWidget) -> QWidget:  # workbench (issue 17)
    from desktop_app.ui.workbench.view import WorkbenchView

    return WorkbenchView(db, actor, parent)


def _reports(db: Database, actor: Actor, parent: QWidget) -> QWidget:  # reports (issue 17)
    from desktop_app.ui.reports.view import ReportsView

    return ReportsView(db, actor, parent)


def _reports_title() -> str:  # reports (issue 17): translated with the area's own views
    from desktop_app.ui.reports.view import area_title

    return area_title()


def _may_see_reports(actor: Actor) -> bool:  # reports (issue 17)
    return actor.can(Permission.VIEW_MENTOR_REPORT) or actor.can(Permission.VIEW_STATISTICS)


def resume_last_area() -> bool:
    """Whether this workstation starts on the area left open last time rather than the workbench."""
    return str(preferences.value(preferences.RESUME_LAST_AREA, False)).lower() in ("true", "1")


AREAS: list[Area] = [
    Area(  # workbench (issue 17): the first area after sign-in, for everyone — their own day's work
        "workbench",
        lambda: QCoreApplication.translate("MainWindow", "Workbench"),
        lambda a: True,
        _workbench,
    ),
    Area(
        "register",
        lambda: QCoreApplication.translate("MainWindow", "Member register"),
        lambda a: a.can(Permission.VIEW_MEMBERS),
        _register,
    ),
    Area(
        "admission",
        lambda: QCoreApplication.translate("MainWindow", "Admission"),
        lambda a: a.can(Permission.VIEW_APPLICATIONS),
        _admission,
    ),
    Area(  # mentors (issue 12): the office, the mentors (their own members), the resident leader (reads)
        "mentors",
        lambda: QCoreApplication.translate("MainWindow", "Mentors' work"),
        lambda a: a.can(Permission.VIEW_MENTOR_WORK),
        _mentors,
    ),
    Area(  # dues (issue 13): the office bills and books; the resident leader consents; mentors their own members
        "dues",
        _dues_title,
        lambda a: a.can(Permission.VIEW_DUES),
        _dues,
    ),
    Area(  # withdrawal (issue 15): the office runs it; mentors (their tasks) and the resident leader read
        "withdrawal",
        _withdrawal_title,
        lambda a: a.can(Permission.VIEW_WITHDRAWAL),
        _withdrawal,
    ),
    Area(  # mailing (issue 14): the office composes and tracks; mentors set contacts and add proof; all read
        "mailing",
        _mailing_title,
        lambda a: a.can(Permission.VIEW_MAILING),
        _mailing,
    ),
    Area("reports", _reports_title, _may_see_reports, _reports),  # reports (issue 17), statistics
    Area("documents", lambda: QCoreApplication.translate("MainWindow", "Documents"), _can_print, _documents),
    Area(
        "staff",
        lambda: QCoreApplication.translate("MainWindow", "Staff accounts"),
        lambda a: a.can(Permission.MANAGE_STAFF),
        _staff,
    ),
]


class _Areas(Mapping[str, QWidget]):
    """The window's areas by key, each built the first time it is shown or asked for: start-up
    builds only the first, and pays nothing for the modules of the others."""

    def __init__(self, window: MainWindow, specs: list[Area]):
        self._window = window
        self.specs = specs
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._built:
            index, spec = next((i, a) for i, a in enumerate(self.specs) if a.key == key)  # StopIteration: no such area
            window = self._window
            widget = spec.factory(window.db, window.actor, window.stack)
            placeholder = window.stack.widget(index)
            current = window.stack.currentIndex()
            window.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            window.stack.insertWidget(index, widget)
            window.stack.setCurrentIndex(current)
            self._built[key] = widget
        return self._built[key]

    def __iter__(self) -> Iterator[str]:
        return iter([spec.key for spec in self.specs])

    def __len__(self) -> int:
        return len(self.specs)

    def __contains__(self, key: object) -> bool:
        return any(spec.key == key for spec in self.specs)


class MainWindow(QMainWindow):
    def __init__(self, db: Database, actor: Actor, *, demo: bool = False):
        super().__init__()
        self.db = db
        self.actor = actor
        self.demo = demo
        # Set by File → Sign out / Restore before the window closes: what the start-up loop does
        # next (ui/app.py; ui/account_actions.py). None: the program ends.
        self.exit_request: tuple[str, Any] | None = None
        title = self.tr("Membership Office – Wuhan Construction Industry Association")
        self.setWindowTitle(title + (self.tr(" [demo database]") if demo else ""))
        self.resize(1360, 820)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setMaximumWidth(200)
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setStyleSheet("QListWidget::item { padding: 8px 10px; }")
        self.stack = QStackedWidget()
        self.areas = _Areas(self, [area for area in AREAS if area.visible(actor)])
        for area in self.areas.specs:
            self.stack.addWidget(QWidget())  # placeholder until the area is first shown
            item = QListWidgetItem(area.title())
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self._show_row)
        # The workbench first (issue 17: today's work); or, when the person chose 查看 → 启动时回到上次的区域,
        # the area left open last time on this workstation (issue 16), if this role may use it.
        last_area = preferences.value(preferences.LAST_AREA) if resume_last_area() else None
        keys = [area.key for area in self.areas.specs]
        self.navigation.setCurrentRow(keys.index(last_area) if last_area in keys else 0)

        splitter = QSplitter()
        splitter.setObjectName("main_splitter")
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 1190])
        preferences.remember_splitter(splitter, preferences.MAIN_WINDOW_SPLITTER)
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self.user_label = QLabel(
            self.tr("Signed in: %1 (%2)").replace("%1", actor.full_name).replace("%2", role_label(actor.role))
        )
        self.user_label.setObjectName("user")
        self.database_label = QLabel(self.tr("Database: %1").replace("%1", db.description()))
        self.database_label.setObjectName("database")
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.database_label)
        self._build_menus()
        self._restore_geometry()

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.areas.specs):
            self.areas[self.areas.specs[row].key]  # built on first use
            self.stack.setCurrentIndex(row)
            preferences.set_value(preferences.LAST_AREA, self.areas.specs[row].key)

    def show_area(self, key: str) -> QWidget:
        for row in range(self.navigation.count()):
            if self.navigation.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.navigation.setCurrentRow(row)
                return self.areas[key]
        raise KeyError(key)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        language_menu = file_menu.addMenu(self.tr("Interface language"))
        group = QActionGroup(self)
        current = i18n.saved_language()
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, c=code: self._set_language(c))
            group.addAction(action)
            language_menu.addAction(action)
        password_action = QAction(self.tr("Change my password…"), self)
        password_action.setObjectName("change_password")
        password_action.triggered.connect(self.change_my_password)
        file_menu.addAction(password_action)
        from desktop_app.ui import account_actions

        # Sign out / switch user; Back up now and Restore for the administrator (issue 16).
        self.account_actions = account_actions.install(self, file_menu)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        from desktop_app.ui.register.roster_export import install_file_actions

        install_file_actions(self, file_menu)  # Import members from Excel…, Export roster… (issue 3)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setObjectName("refresh")
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)  # F5
        refresh.setStatusTip(self.tr("Read everything again: show what other workstations did meanwhile"))
        refresh.triggered.connect(ops.announce_everything)  # every area refreshes what it shows
        view_menu.addAction(refresh)
        view_menu.addSeparator()
        # Ctrl+1 … Ctrl+9: the areas in the order of the navigation (issue 16).
        self.area_actions: list[QAction] = []
        for number, area in enumerate(self.areas.specs[:9], 1):
            go = QAction(area.title(), self)
            go.setObjectName(f"area_{area.key}")
            go.setShortcut(QKeySequence(f"Ctrl+{number}"))
            go.triggered.connect(lambda _checked=False, k=area.key: self.show_area(k))
            view_menu.addAction(go)
            self.area_actions.append(go)
        view_menu.addSeparator()
        self.resume_action = QAction(self.tr("Start where I left off (instead of the workbench)"), self)
        self.resume_action.setObjectName("resume_last_area")
        self.resume_action.setCheckable(True)
        self.resume_action.setChecked(resume_last_area())
        self.resume_action.toggled.connect(lambda on: preferences.set_value(preferences.RESUME_LAST_AREA, bool(on)))
        view_menu.addAction(self.resume_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        shortcuts = QAction(self.tr("&Keyboard shortcuts"), self)
        shortcuts.setObjectName("shortcuts")
        shortcuts.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        shortcuts.triggered.connect(self.show_shortcuts)
        help_menu.addAction(shortcuts)
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def shortcut_list(self) -> list[tuple[str, str]]:
        """(keys, what they do) for Help → Keyboard shortcuts: the same in every area."""
        rows = [(a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), a.text()) for a in self.area_actions]
        rows += [
            ("Ctrl+F", self.tr("Go to the search box of the area")),
            ("Esc", self.tr("Clear the search box; close a dialog (asks first when something was typed)")),
            ("Enter", self.tr("Open the selected row (a double-click does the same)")),
            ("F5", self.tr("Refresh: read again what other workstations did")),
            ("Ctrl+S", self.tr("Save the form being edited")),
            ("Ctrl+C", self.tr("Copy the selected rows (paste into Excel or WPS)")),
            ("Ctrl+N", self.tr("New member (member register)")),
            ("Alt+1…Alt+5", self.tr("The tabs of the withdrawal area")),
            ("Shift+F10", self.tr("The menu of the selected rows: open, print, export what I see to Excel")),
            ("Ctrl+A", self.tr("Select every row of a list")),
            ("F1", self.tr("This list")),
            ("Ctrl+Q", self.tr("Exit")),
        ]
        return rows

    def show_shortcuts(self) -> QDialog:
        dialog = QDialog(self)
        dialog.setObjectName("shortcuts_dialog")
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(dialog)
        rows = self.shortcut_list()
        table = QTableWidget(len(rows), 2, dialog)
        table.setObjectName("shortcut_table")
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, text) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(620, 520)
        dialog.show()
        return dialog

    def change_my_password(self) -> None:
        from desktop_app.ui.staff_view import PasswordDialog

        dialog = PasswordDialog(self.db, self.actor, self.actor.id or 0, self.actor.full_name, self, own=True)
        if dialog.exec():
            msgbox.information(self, self.tr("Change my password"), self.tr("Your password has been changed."))

    def _set_language(self, code: str) -> None:
        i18n.save_language(code)
        msgbox.information(
            self, self.tr("Interface language"), self.tr("The new language is used from the next start of the program.")
        )

    def _about(self) -> None:
        msgbox.information(
            self,
            self.tr("About"),
            self.tr("Membership Office %1\nWuhan Construction Industry Association\n\nDatabase: %2")
            .replace("%1", __version__)
            .replace("%2", self.db.description()),
        )

    def _restore_geometry(self) -> None:
        geometry = preferences.value(preferences.MAIN_WINDOW_GEOMETRY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        preferences.set_value(preferences.MAIN_WINDOW_GEOMETRY, self.saveGeometry())
        super().closeEvent(event)
