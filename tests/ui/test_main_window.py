"""Signing in, the main window's areas per role, status bar, staff accounts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.core.models import Role
from desktop_app.core.services import accounts
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.sign_in import FirstAdministratorDialog, SignInDialog
from desktop_app.ui.staff_view import StaffDialog, StaffView
from tests.conftest import PASSWORD


def test_first_start_creates_the_administrator(qtbot, zh_app, db) -> None:  # type: ignore[no-untyped-def]
    dialog = FirstAdministratorDialog(db)
    qtbot.addWidget(dialog)
    dialog.full_name.setText("王海燕")
    dialog.password.setText("Haiyan-2026")
    dialog.confirm.setText("Haiyan-2025")
    dialog.create()
    assert dialog.error.text() == "确认密码：两次输入的密码不一致"
    dialog.confirm.setText("Haiyan-2026")
    dialog.create()
    assert dialog.result() == FirstAdministratorDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role == Role.ADMINISTRATOR


def test_sign_in_dialog(qtbot, zh_app, db, officer) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("membership_officer")
    dialog.password.setText("wrong")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "用户名或密码错误。"
    assert dialog.isVisible()
    dialog.password.setText(PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert dialog.actor == officer


def test_areas_follow_the_role(qtbot, zh_app, db, admin, mentor) -> None:  # type: ignore[no-untyped-def]
    for actor, expected in ((admin, {"register", "staff"}), (mentor, {"register"})):
        window = MainWindow(db, actor)
        qtbot.addWidget(window)
        assert expected <= set(window.areas)
        if actor is mentor:
            assert "staff" not in window.areas
        titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
        assert titles[0] == "工作台"  # issue 17: the workbench is the first area after sign-in
        assert titles[1] == "会员名册"
        assert all(title and title.strip() for title in titles)


def test_status_bar_names_user_and_database(qtbot, zh_app, db, officer) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(db, officer, demo=True)
    qtbot.addWidget(window)
    assert window.user_label.text() == "当前用户：郑会籍（会籍管理员）"
    assert window.database_label.text().startswith("数据库：")
    assert db.description() in window.database_label.text()
    assert "演示数据库" in window.windowTitle()


def test_administrator_creates_a_mentor_account(qtbot, zh_app, db, admin) -> None:  # type: ignore[no-untyped-def]
    view = StaffView(db, admin)
    qtbot.addWidget(view)
    dialog = StaffDialog(db, admin, None, view)
    qtbot.addWidget(dialog)
    dialog.username.setText("mentor07")
    dialog.full_name.setText("黄俊")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.MENTOR.value))
    dialog.mobile.setText("1390000")
    dialog.password.setText("first-pass")
    dialog.save()
    assert dialog.error.text().startswith("手机：")
    dialog.mobile.setText("13900001234")
    dialog.save()
    assert dialog.result() == StaffDialog.DialogCode.Accepted
    view.reload()
    names = [view.tree.topLevelItem(i).text(1) for i in range(view.tree.topLevelItemCount())]
    assert "黄俊" in names
    with db.session() as session:
        assert accounts.sign_in(session, "mentor07", "first-pass").role == Role.MENTOR
