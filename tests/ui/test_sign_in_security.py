"""Issue 10 in the window: a locked account says so, the administrator unlocks it, everyone
changes their own password, and on PostgreSQL the sign-in is the server's own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.services import accounts
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.sign_in import SignInDialog
from desktop_app.ui.staff_view import PasswordDialog, StaffView
from tests.conftest import PASSWORD

pytestmark = pytest.mark.gui


def test_a_locked_account_says_until_when(qtbot, zh_app, db, officer) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(db)
    qtbot.addWidget(dialog)
    dialog.username.setText("membership_officer")
    for _ in range(5):
        dialog.password.setText("wrong")
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert "暂时锁定至" in dialog.error.text()
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert "暂时锁定至" in dialog.error.text() and dialog.actor is None


def test_the_administrator_unlocks_in_the_staff_view(qtbot, zh_app, db, admin, officer, messages) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        try:
            with db.session() as session:
                accounts.sign_in(session, "membership_officer", "wrong")
        except Exception:  # noqa: BLE001 — expected failures
            pass
    view = StaffView(db, admin)
    qtbot.addWidget(view)
    view.show()  # a view refreshes what is shown; a hidden one when it is shown again
    row = next(
        i for i in range(view.tree.topLevelItemCount()) if view.tree.topLevelItem(i).text(0) == "membership_officer"
    )
    assert view.tree.topLevelItem(row).text(4).startswith("锁定至")
    view.tree.setCurrentItem(view.tree.topLevelItem(row))
    qtbot.mouseClick(view.unlock_button, Qt.MouseButton.LeftButton)
    row = next(
        i for i in range(view.tree.topLevelItemCount()) if view.tree.topLevelItem(i).text(0) == "membership_officer"
    )
    assert view.tree.topLevelItem(row).text(4) == "启用"
    with db.session() as session:
        assert accounts.sign_in(session, "membership_officer", PASSWORD).id == officer.id


def test_changing_my_own_password_from_the_file_menu(qtbot, zh_app, db, officer, messages) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(db, officer)
    qtbot.addWidget(window)
    action = window.findChild(type(window.menuBar().actions()[0]), "change_password")
    assert action is not None and action.text() == "修改我的密码…"
    dialog = PasswordDialog(db, officer, officer.id, officer.full_name, window, own=True)
    qtbot.addWidget(dialog)
    dialog.current.setText("wrong")
    dialog.password.setText("Zheng-2026-new")
    dialog.confirm.setText("Zheng-2026-new")
    dialog.save()
    assert "当前密码：不正确" in dialog.error.text()
    dialog.current.setText(PASSWORD)
    dialog.password.setText("12345678")
    dialog.confirm.setText("12345678")
    dialog.save()
    assert "太常见" in dialog.error.text()
    dialog.password.setText("Zheng-2026-new")
    dialog.confirm.setText("Zheng-2026-new")
    dialog.save()
    assert dialog.result() == PasswordDialog.DialogCode.Accepted
    with db.session() as session:
        assert accounts.sign_in(session, "membership_officer", "Zheng-2026-new").id == officer.id


def test_on_postgresql_the_window_signs_in_as_the_server_role(qtbot, zh_app, db, officer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    if db.is_sqlite:
        pytest.skip("PostgreSQL only")
    from sqlalchemy import text

    from desktop_app.core import roles
    from desktop_app.ui.app import Options, server_sign_in

    monkeypatch.setenv("MEMBERSHIP_OFFICE_PASSWORD", PASSWORD)
    url = db.url.set(username=None, password=None)  # what a workstation is given
    signed = server_sign_in(url, Options(user="membership_officer"))
    assert signed is not None
    role_db, actor = signed
    try:
        assert actor.id == officer.id
        with role_db.engine.connect() as connection:
            assert connection.execute(text("SELECT current_user")).scalar_one() == roles.login_role(
                db.url.database, "membership_officer"
            )
    finally:
        role_db.dispose()
