"""Signing in, and creating the administrator on the very first start (R-2.1).

Either dialog is the first window the program shows, and it shows before the database is open
(issue 11): ``ui/app.py`` opens, upgrades and backs up the database in a worker meanwhile. So this
module imports no SQLAlchemy, no models and no argon2 at module level (a test checks it, in a
fresh process); the services are imported when the button is pressed. Until the database is
ready the dialog's button is disabled and says why, and Enter pressed meanwhile is remembered: the
dialog acts on it as soon as the database is open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import OfficeError, ValidationError
from desktop_app.ui import ops, preferences

if TYPE_CHECKING:
    from desktop_app.core.db import Database
    from desktop_app.core.security import Actor

# ui/widgets.py's red error line and named field, repeated here: that module imports PySide's
# ``Qt`` namespace, whose first use costs 0.04 s: two thirds of what this dialog may add to the
# start-up of a bare window (issue 11).
ERROR_STYLE = "color: #b3261e;"


def error_label() -> QLabel:
    """The red message line under the form (object name ``error`` for tests)."""
    label = QLabel()
    label.setObjectName("error")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


def _button(text: str, name: str, *, default: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setDefault(default)  # Enter in a field presses it
    return button


def _button_row(accept: QPushButton, reject: QPushButton) -> QHBoxLayout:
    """The action first, then Quit, at the right (Windows' order). Plain buttons rather than a
    QDialogButtonBox: its enums cost 0.003 s before the first window."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(accept)
    row.addWidget(reject)
    return row


def named_line_edit(name: str, text: str = "", *, password: bool = False) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class DatabaseStatus(QWidget):
    """Under the form while the database is being opened: what is being done, with a progress bar
    (moving while the length is unknown, filling while the demo database is created)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("database_status")
        self.label = QLabel(self)
        self.label.setObjectName("status")
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #5f6368;")
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setRange(0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)

    def show_step(self, text: str, done: int = 0, total: int = 0) -> None:
        self.label.setText(text)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)
        self.bar.show()
        self.show()

    def show_note(self, text: str) -> None:
        """A line without a progress bar (what happens when the database is ready)."""
        self.label.setText(text)
        self.bar.hide()
        self.show()


class _Gate:
    """The dialog's action button waits for the database (issue 11): disabled and saying
    "Opening the database…" until ``open``; Enter pressed meanwhile is remembered and acted on then."""

    def __init__(
        self,
        dialog: QDialog,
        button: QPushButton,
        ready_text: str,
        action: Callable[[], None],
        last_field: QLineEdit,
        status: DatabaseStatus,
    ):
        self.dialog, self.button, self.ready_text = dialog, button, ready_text
        self.action, self.last_field, self.status = action, last_field, status
        self.ready = True
        self.queued = False

    def wait(self, text: str) -> None:
        self.ready = False
        self.button.setEnabled(False)
        self.button.setText(text)
        self.status.show_step(text)

    def open(self) -> None:
        was_waiting = not self.ready
        self.ready = True
        self.button.setEnabled(True)
        self.button.setText(self.ready_text)
        self.status.hide()
        if was_waiting and self.queued:
            self.queued = False
            self.action()

    def enter_pressed(self, queued_note: str) -> None:
        """Enter in a field while waiting (once ready, the default button takes Enter itself)."""
        if self.ready:
            return
        if not self.last_field.text():
            self.last_field.setFocus()
            return
        self.queued = True
        self.status.show_step(queued_note)


class SignInDialog(QDialog):
    """User name and password. ``authenticate`` does the checking: against the account's password
    hash (SQLite; the default), or by connecting as the account's own server role (PostgreSQL,
    ``core/roles.py``) — the dialog is the same.

    ``waiting=True``: shown before the database is open; ``set_database`` (or ``set_ready`` when
    ``authenticate`` needs no database) lets the person sign in."""

    def __init__(
        self,
        db: Database | None,
        *,
        hint: str = "",
        username: str = "",
        parent: QWidget | None = None,
        authenticate: Callable[[str, str], Actor] | None = None,
        description: str = "",
        waiting: bool = False,
    ):
        super().__init__(parent)
        self._db = db
        self._authenticate = authenticate or self._check_password
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in – Membership Office"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Wuhan Construction Industry Association – Membership Office"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        title.setWordWrap(True)  # the dialog is sized before the style sheet's font: wrap, never cut
        layout.addWidget(title)
        self.database_label = QLabel(
            self.tr("Database: %1").replace("%1", description or (db.description() if db else ""))
        )
        self.database_label.setObjectName("database")
        self.database_label.setWordWrap(True)
        self.database_label.setStyleSheet("color: #5f6368;")
        layout.addWidget(self.database_label)
        self.hint = QLabel(hint)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("background: #e8f0fe; padding: 6px; border-radius: 4px;")
        self.hint.setVisible(bool(hint))
        layout.addWidget(self.hint)
        form = QFormLayout()
        # The user name typed last time on this workstation (issue 16), unless one was given.
        username = username or str(preferences.value(preferences.LAST_USERNAME) or "")
        self.username = named_line_edit("username", username)
        self.password = named_line_edit("password", password=True)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        self.status = DatabaseStatus(self)
        self.status.hide()
        layout.addWidget(self.status)
        self.sign_in_button = _button(self.tr("Sign in"), "sign_in", default=True)
        self.quit_button = _button(self.tr("Quit"), "quit")
        self.sign_in_button.clicked.connect(self.try_sign_in)
        self.quit_button.clicked.connect(self.reject)
        layout.addLayout(_button_row(self.sign_in_button, self.quit_button))
        self._gate = _Gate(self, self.sign_in_button, self.tr("Sign in"), self.try_sign_in, self.password, self.status)
        self.username.returnPressed.connect(self._enter_pressed)
        self.password.returnPressed.connect(self._enter_pressed)
        if waiting:
            self.wait()
        (self.password if username else self.username).setFocus()

    # --- waiting for the database ---------------------------------------------------------------

    def wait(self, text: str = "") -> None:
        """Not ready yet: the Sign in button is disabled and says what is being done."""
        self._gate.wait(text or self.tr("Opening the database…"))

    def show_step(self, text: str, done: int = 0, total: int = 0) -> None:
        self.status.show_step(text, done, total)

    def set_database(self, db: Database) -> None:
        self._db = db
        self.database_label.setText(self.tr("Database: %1").replace("%1", db.description()))
        self.set_ready()

    def set_ready(self) -> None:
        """The database (or, for server sign-in, what connecting needs) is ready: sign in."""
        self._gate.open()

    @property
    def is_ready(self) -> bool:
        return self._gate.ready

    @property
    def sign_in_queued(self) -> bool:
        return self._gate.queued

    def _enter_pressed(self) -> None:
        self._gate.enter_pressed(self.tr("You will be signed in as soon as the database is open."))

    # --- signing in --------------------------------------------------------------------------------

    def _check_password(self, username: str, password: str) -> Actor:
        from desktop_app.core.services import accounts

        assert self._db is not None
        with self._db.session() as session:
            return accounts.sign_in(session, username, password)

    def try_sign_in(self) -> None:
        if not self._gate.ready:  # the button is disabled; a call from elsewhere waits too
            self._gate.queued = True
            return
        self.sign_in_as(self.username.text(), self.password.text())

    def sign_in_as(self, username: str, password: str) -> bool:
        """Check ``username`` and ``password`` (the typed ones, or a script's); accept on success."""
        try:
            self.actor = self._authenticate(username, password)
        except OfficeError as exc:  # a wrong password, a locked account, a database to upgrade first
            self.error.setText(exc.message)
            self.password.selectAll()
            self.password.setFocus()
            return False
        preferences.set_value(preferences.LAST_USERNAME, username.strip())
        self.accept()
        return True


class FirstAdministratorDialog(QDialog):
    """Shown once, on a database with no accounts: the person installing becomes administrator."""

    def __init__(self, db: Database | None, parent: QWidget | None = None, *, waiting: bool = False):
        super().__init__(parent)
        self._db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Create the administrator"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This database has no staff accounts yet. Create the administrator account now; "
                "the administrator then creates the accounts of the office staff, mentors and leaders."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = named_line_edit("username", "admin")
        self.full_name = named_line_edit("full_name")
        self.password = named_line_edit("password", password=True)
        self.confirm = named_line_edit("confirm", password=True)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Confirm password"), self.confirm)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        self.status = DatabaseStatus(self)
        self.status.hide()
        layout.addWidget(self.status)
        self.create_button = _button(self.tr("Create and sign in"), "create", default=True)
        self.quit_button = _button(self.tr("Quit"), "quit")
        self.create_button.clicked.connect(self.create)
        self.quit_button.clicked.connect(self.reject)
        layout.addLayout(_button_row(self.create_button, self.quit_button))
        self._gate = _Gate(
            self, self.create_button, self.tr("Create and sign in"), self.create, self.confirm, self.status
        )
        self.confirm.returnPressed.connect(self._enter_pressed)
        if waiting:
            self.wait()
        self.full_name.setFocus()

    def wait(self, text: str = "") -> None:
        self._gate.wait(text or self.tr("Opening the database…"))

    def show_step(self, text: str, done: int = 0, total: int = 0) -> None:
        self.status.show_step(text, done, total)

    def set_database(self, db: Database) -> None:
        self._db = db
        self._gate.open()

    @property
    def is_ready(self) -> bool:
        return self._gate.ready

    def _enter_pressed(self) -> None:
        self._gate.enter_pressed(self.tr("The account will be created as soon as the database is open."))

    def create(self) -> None:
        if not self._gate.ready:
            self._gate.queued = True
            return
        from desktop_app.core.services import accounts

        assert self._db is not None
        try:
            with self._db.session() as session:
                self.actor = accounts.create_first_administrator(
                    session, self.username.text(), self.full_name.text(), self.password.text(), self.confirm.text()
                )
        except ValidationError as exc:
            self.error.setText(ops.failure_text(exc))
            return
        self.accept()
