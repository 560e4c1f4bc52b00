"""Staff accounts (R-2.1): the administrator creates accounts, sets roles, resets passwords."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.models import Role
from desktop_app.core.security import Actor
from desktop_app.core.services import accounts
from desktop_app.errors import Cancelled, OfficeError
from desktop_app.ui import guards, msgbox, ops, table_export
from desktop_app.ui.labels import role_label
from desktop_app.ui.widgets import error_label, named_line_edit


def _inline(label: QLabel, parent: QWidget, exc: BaseException) -> None:
    """An office error under the form; anything else the usual way (``ops.show_failure``)."""
    if isinstance(exc, OfficeError) and not isinstance(exc, Cancelled):
        label.setText(ops.failure_text(exc))
    else:
        ops.show_failure(parent, exc)


class StaffDialog(guards.GuardedDialog, QDialog):
    """Create an account (with its first password) or change one."""

    def __init__(self, db: Database, actor: Actor, staff_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor, self._staff_id = db, actor, staff_id
        self.setWindowTitle(self.tr("New staff account") if staff_id is None else self.tr("Change staff account"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = named_line_edit("username")
        self.full_name = named_line_edit("full_name")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(role_label(role), role.value)
        self.mobile = named_line_edit("mobile")
        self.landline = named_line_edit("landline")
        self.active = QCheckBox(self.tr("Account in use"))
        self.active.setChecked(True)
        self.password = named_line_edit("password", password=True)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Mobile"), self.mobile)
        form.addRow(self.tr("Landline"), self.landline)
        form.addRow("", self.active)
        if staff_id is None:
            form.addRow(self.tr("First password"), self.password)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if staff_id is not None:
            staff = ops.query(db, lambda session: accounts.staff_record(session, staff_id))
            self.username.setText(staff.username)
            self.full_name.setText(staff.full_name)
            self.role.setCurrentIndex(self.role.findData(staff.role.value))
            self.mobile.setText(staff.mobile or "")
            self.landline.setText(staff.landline or "")
            self.active.setChecked(staff.is_active)

    def save(self) -> None:
        values = {
            "username": self.username.text(),
            "full_name": self.full_name.text(),
            "role": self.role.currentData(),
            "mobile": self.mobile.text(),
            "landline": self.landline.text(),
            "is_active": self.active.isChecked(),
        }
        actor, staff_id, password = self._actor, self._staff_id, self.password.text()

        def call(session: Any) -> None:
            if staff_id is None:
                accounts.create_staff(session, actor, values, password)
            else:
                accounts.update_staff(session, actor, staff_id, values)

        ops.Op(self, self._db, call, changes={ops.STAFF}).success(lambda _: self.accept()).failure(
            lambda exc: _inline(self.error, self, exc)
        ).run()


class PasswordDialog(guards.GuardedDialog, QDialog):
    """The administrator sets anyone's password; with ``own``, a person changes their own (the
    current password first)."""

    def __init__(
        self, db: Database, actor: Actor, staff_id: int, name: str, parent: QWidget | None = None, *, own: bool = False
    ):
        super().__init__(parent)
        self._db, self._actor, self._staff_id, self._own = db, actor, staff_id, own
        self.setWindowTitle(
            self.tr("Change my password") if own else self.tr("Set password for %1").replace("%1", name)
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.current = named_line_edit("current", password=True)
        if own:
            form.addRow(self.tr("Current password"), self.current)
        self.password = named_line_edit("password", password=True)
        self.confirm = named_line_edit("confirm", password=True)
        form.addRow(self.tr("New password"), self.password)
        form.addRow(self.tr("Confirm password"), self.confirm)
        layout.addLayout(form)
        rule = QLabel(self.tr("At least 8 characters, not a common password such as 12345678, not the user name."))
        rule.setWordWrap(True)
        rule.setStyleSheet("color: #5f6368;")
        layout.addWidget(rule)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        actor, staff_id = self._actor, self._staff_id
        password, confirm = self.password.text(), self.confirm.text()
        current = self.current.text() if self._own else None
        ops.Op(
            self,
            self._db,
            lambda session: accounts.set_password(session, actor, staff_id, password, confirm, current=current),
            changes={ops.STAFF},
        ).success(lambda _: self.accept()).failure(lambda exc: _inline(self.error, self, exc)).run()


class StaffView(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New account…"))
        self.new_button.setObjectName("new_staff")
        self.edit_button = QPushButton(self.tr("Change…"))
        self.password_button = QPushButton(self.tr("Set password…"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setToolTip(self.tr("Let an account locked after repeated wrong passwords sign in again now"))
        for button in (self.new_button, self.edit_button, self.password_button, self.unlock_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.tree = QTreeWidget()
        self.tree.setObjectName("staff")
        table_export.install(self.tree)  # copy, “export what I see” (issue 16)
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Full name"),
                self.tr("Role"),
                self.tr("Mobile"),
                self.tr("Status"),
                self.tr("Last signed in"),
            ]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree)
        self.new_button.clicked.connect(self.new_staff)
        self.edit_button.clicked.connect(self.edit_selected)
        self.password_button.clicked.connect(self.set_password)
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.tree.itemActivated.connect(lambda *_: self.edit_selected())
        self.reload()
        self._listener = ops.listen(self, {ops.STAFF}, lambda _topics: self.reload())

    def reload(self) -> None:
        """The accounts again, the selected one kept selected."""
        selected = self.tree.currentItem().data(0, Qt.ItemDataRole.UserRole) if self.tree.currentItem() else None
        staff_list = ops.query(self._db, accounts.staff_records)
        self.tree.clear()
        now = self._db.clock.now()
        for staff in staff_list:
            signed_in = staff.last_sign_in_at.astimezone(now.tzinfo) if staff.last_sign_in_at else None
            if not staff.is_active:
                status = self.tr("disabled")
            elif staff.is_locked(now):
                until = staff.locked_until.astimezone(now.tzinfo) if staff.locked_until else now
                status = self.tr("locked until %1").replace("%1", f"{until:%H:%M}")
            else:
                status = self.tr("in use")
            item = QTreeWidgetItem(
                [
                    staff.username,
                    staff.full_name,
                    role_label(staff.role),
                    staff.mobile or "",
                    status,
                    f"{signed_in:%Y-%m-%d %H:%M}" if signed_in else "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, staff.id)
            self.tree.addTopLevelItem(item)
            if staff.id == selected:
                self.tree.setCurrentItem(item)

    def _selected(self) -> tuple[int, str] | None:
        item = self.tree.currentItem()
        if item is None:
            msgbox.information(self, self.tr("Staff accounts"), self.tr("Select an account first."))
            return None
        return item.data(0, Qt.ItemDataRole.UserRole), item.text(1)

    def new_staff(self) -> None:
        StaffDialog(self._db, self._actor, None, self).exec()  # saving announces STAFF: the list reloads

    def edit_selected(self) -> None:
        selected = self._selected()
        if selected:
            StaffDialog(self._db, self._actor, selected[0], self).exec()

    def set_password(self) -> None:
        selected = self._selected()
        if selected and PasswordDialog(self._db, self._actor, selected[0], selected[1], self).exec():
            msgbox.information(self, self.tr("Staff accounts"), self.tr("The password has been changed."))

    def unlock_selected(self) -> None:
        selected = self._selected()
        if not selected:
            return
        staff_id, name = selected
        ops.Op(
            self,
            self._db,
            lambda session: accounts.unlock(session, self._actor, staff_id),
            changes={ops.STAFF},
            title=self.tr("Staff accounts"),
        ).success(
            lambda _: msgbox.information(
                self, self.tr("Staff accounts"), self.tr("%1 can sign in again.").replace("%1", name)
            )
        ).run()
