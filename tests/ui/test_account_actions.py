"""Issue 16 (B): account and data actions in the window — sign out / switch user, back up now,
restore from a backup with the command line's checks — and "已保存" in the status bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop_app.core.backup import back_up
from desktop_app.core.db import Database
from desktop_app.core.models import AuditEntry
from desktop_app.core.presence import Presence
from desktop_app.core.services import members
from desktop_app.ui import account_actions, ops
from desktop_app.ui.main_window import MainWindow


def open_window(qtbot, db, actor) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db, actor)
    qtbot.addWidget(window)
    window.show()
    return window


def action(window: MainWindow, name: str):  # type: ignore[no-untyped-def]
    return next((a for a in window.account_actions if a.objectName() == name), None)


def test_file_menu_offers_sign_out_to_everyone_and_data_actions_to_the_administrator(
    qtbot, zh_app, db, admin, officer
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, db, officer)
    assert action(window, "sign_out").text() == "退出登录 / 切换用户…"
    assert action(window, "backup_now") is None and action(window, "restore_backup") is None
    window.close()
    window = open_window(qtbot, db, admin)
    assert action(window, "backup_now").text() == "立即备份…"
    assert action(window, "restore_backup").text() == "从备份恢复…"
    local = db.sqlite_path is not None
    assert action(window, "backup_now").isEnabled() == local
    if not local:  # PostgreSQL: greyed, saying the server's own tools back it up
        assert "pg_dump" in action(window, "backup_now").toolTip()
    window.close()


def test_sign_out_closes_the_window_for_the_sign_in(qtbot, zh_app, db, officer) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, db, officer)
    assert window.exit_request is None
    action(window, "sign_out").trigger()
    assert not window.isVisible()
    assert window.exit_request == (account_actions.SIGN_OUT, None)


def test_a_save_says_saved_in_the_status_bar(qtbot, zh_app, db, officer, member_values) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, db, officer)
    ops.Op(
        window, db, lambda session: members.create_member(session, officer, member_values).id, changes={ops.MEMBERS}
    ).run()
    assert window.statusBar().currentMessage() == "已保存"
    window.statusBar().clearMessage()
    ops.Op(window, db, lambda session: None).run()  # a read: nothing said
    assert window.statusBar().currentMessage() == ""
    window.close()


@pytest.fixture
def local_db(db):  # type: ignore[no-untyped-def]
    if db.sqlite_path is None:
        pytest.skip("backup and restore in the window are for SQLite files (PostgreSQL: pg_dump)")
    return db


def test_backup_now_writes_a_copy_and_offers_to_open_it(
    qtbot, zh_app, local_db, admin, messages, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, local_db, admin)
    out = tmp_path / "手工备份.sqlite3"
    monkeypatch.setattr(account_actions, "ask_backup_path", lambda _window, _suggested: str(out))
    action(window, "backup_now").trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    assert out.exists() and out.stat().st_size > 0
    assert messages[-1].title == "立即备份" and str(out) in messages[-1].text
    window.close()


def test_restore_refuses_while_another_program_has_the_database_open(
    qtbot, zh_app, local_db, admin, messages, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    copy = back_up(local_db, tmp_path / "copy.sqlite3")
    other = Presence(local_db.sqlite_path, "membership-office import")
    try:
        window = open_window(qtbot, local_db, admin)
        monkeypatch.setattr(account_actions, "ask_restore_path", lambda _window: str(copy))
        assert account_actions.restore_backup(window) is False
        assert window.isVisible() and window.exit_request is None
        assert "正在被使用" in messages[-1].text and "membership-office import" in messages[-1].text
        window.close()
    finally:
        other.release()


def test_restore_refuses_a_file_that_is_not_a_backup(
    qtbot, zh_app, local_db, admin, messages, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    bogus = tmp_path / "not-a-backup.sqlite3"
    bogus.write_bytes(b"hello")
    window = open_window(qtbot, local_db, admin)
    monkeypatch.setattr(account_actions, "ask_restore_path", lambda _window: str(bogus))
    assert account_actions.restore_backup(window) is False
    assert window.isVisible() and messages[-1].kind == "warning" and "没有改动" in messages[-1].text
    window.close()


def test_restore_confirmed_closes_the_window_then_restores(
    qtbot, zh_app, local_db, admin, officer, member_values, messages, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    copy = back_up(local_db, tmp_path / "before-the-member.sqlite3")  # a backup without the member
    with local_db.session() as session:
        members.create_member(session, officer, member_values)
    window = open_window(qtbot, local_db, admin)
    monkeypatch.setattr(account_actions, "ask_restore_path", lambda _window: str(copy))
    messages.answer = False  # "no" at the confirmation: nothing happens
    assert account_actions.restore_backup(window) is False and window.isVisible()
    assert "将被备份" in messages[-1].text or "替换" in messages[-1].text
    messages.answer = True
    assert account_actions.restore_backup(window) is True
    assert not window.isVisible() and window.exit_request == (account_actions.RESTORE, Path(copy))
    # what the start-up loop does once the window has closed and released the database
    url = local_db.url
    ops.wait_all()  # as the start-up loop does: background reads of the closed window finish first
    QApplication.processEvents()
    local_db.dispose()
    text = account_actions.restore_now(url, Path(copy), admin)
    assert str(copy) in text and "恢复前的数据库" in text
    restored = Database(url)
    try:
        with restored.session() as session:
            assert members.count_members(session) == 0  # the backup's data
            notes = session.scalars(select(AuditEntry.summary).where(AuditEntry.action == "restore")).all()
            assert any("从备份" in note for note in notes)
    finally:
        restored.dispose()
