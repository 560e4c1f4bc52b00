"""Signing in, and creating the administrator on the very first start (R-2.1)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.security import Actor
from desktop_app.core.services import accounts
from desktop_app.errors import OfficeError, ValidationError
from desktop_app.ui.widgets import error_label, named_line_edit


class SignInDialog(QDialog):
    """User name and password. ``authenticate`` does the checking: against the account's password
    hash (SQLite; the default), or by connecting as the account's own server role (PostgreSQL,
    ``core/roles.py``) — the dialog is the same."""

    def __init__(
        self,
        db: Database | None,
        *,
        hint: str = "",
        username: str = "",
        parent: QWidget | None = None,
        authenticate: Callable[[str, str], Actor] | None = None,
        description: str = "",
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
        layout.addWidget(title)
        database = QLabel(self.tr("Database: %1").replace("%1", description or (db.description() if db else "")))
        database.setWordWrap(True)
        database.setStyleSheet("color: #5f6368;")
        layout.addWidget(database)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet("background: #e8f0fe; padding: 6px; border-radius: 4px;")
            layout.addWidget(note)
        form = QFormLayout()
        self.username = named_line_edit("username", username)
        self.password = named_line_edit("password", password=True)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.sign_in_button = buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setObjectName("sign_in")
        self.sign_in_button.setDefault(True)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def _check_password(self, username: str, password: str) -> Actor:
        assert self._db is not None
        with self._db.session() as session:
            return accounts.sign_in(session, username, password)

    def try_sign_in(self) -> None:
        try:
            self.actor = self._authenticate(self.username.text(), self.password.text())
        except OfficeError as exc:  # a wrong password, a locked account, a database to upgrade first
            self.error.setText(exc.message)
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()


class FirstAdministratorDialog(QDialog):
    """Shown once, on a database with no accounts: the person installing becomes administrator."""

    def __init__(self, db: Database, parent: QWidget | None = None):
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
        buttons = QDialogButtonBox()
        create = buttons.addButton(self.tr("Create and sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        create.setObjectName("create")
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.full_name.setFocus()

    def create(self) -> None:
        try:
            with self._db.session() as session:
                self.actor = accounts.create_first_administrator(
                    session, self.username.text(), self.full_name.text(), self.password.text(), self.confirm.text()
                )
        except ValidationError as exc:
            self.error.setText("\n".join(exc.errors.values()))
            return
        self.accept()
