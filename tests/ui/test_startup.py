"""Start-up (issue 11): the first window before the heavy imports, the database opened behind it.

The sign-in dialog (or the first-administrator dialog, or the server sign-in) shows at once; a
worker opens, upgrades and backs up the database meanwhile; its failure shows over the dialog;
the Sign in button waits for it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import func, select

from desktop_app.core import backup
from desktop_app.core.db import Database
from desktop_app.ui import app, msgbox
from desktop_app.ui.sign_in import FirstAdministratorDialog, SignInDialog
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "argon2", "alembic", "psycopg", "desktop_app.core.models", "desktop_app.core.db")


def url_of(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of this test's own: the daily backups of other tests are not ours."""
    folder = tmp_path / "home"
    monkeypatch.setenv("MEMBERSHIP_OFFICE_HOME", str(folder))
    return folder


@pytest.fixture
def startups() -> Iterator[list[app._Startup]]:
    """Start-ups made by a test: their workers finish and their databases are closed afterwards."""
    made: list[app._Startup] = []
    yield made
    for startup in made:
        if startup.code is None and startup.dialog is not None:
            startup.dialog.reject()
        signed = startup.signed_in
        if signed is None:
            startup.opener.stop(timeout=30)
        else:
            signed[0].dispose()
        assert startup.opener.wait(30)


def local(startups: list[app._Startup], url: str, **options: object) -> app.LocalStartup:
    startup = app.LocalStartup(app.Target.parse(url), app.Options(**options))  # type: ignore[arg-type]
    startups.append(startup)
    return startup


class Gate:
    """``open_database`` held until the test lets it through."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        real = app.open_database

        def held(url: str) -> Database:
            self.entered.set()
            assert self.release.wait(30)
            return real(url)

        monkeypatch.setattr(app, "open_database", held)


# --- the first window before the heavy imports (in a fresh process) --------------------------------------

_PROBE = """
import json, sys
from desktop_app.ui import sign_in

seen = []

def probe(original):
    def show_event(self, event):
        seen.append({"dialog": type(self).__name__,
                     "heavy": sorted(m for m in HEAVY_MODULES if m in sys.modules)})
        return original(self, event)
    return show_event

for cls in (sign_in.SignInDialog, sign_in.FirstAdministratorDialog):
    cls.showEvent = probe(cls.showEvent)

from desktop_app.cli import main

code = main(sys.argv[1:])
print("PROBE " + json.dumps({"code": code, "seen": seen}), flush=True)
"""


def first_window(*args: str, env: dict[str, str] | None = None) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE.replace("HEAVY_MODULES", repr(HEAVY)), *args, "--quit-when-shown"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("PROBE "))
    assert "dialog shown kind=" in result.stdout
    return json.loads(line.removeprefix("PROBE "))


def test_the_sign_in_dialog_shows_before_sqlalchemy_the_models_and_argon2(db_url: str, db, officer) -> None:  # type: ignore[no-untyped-def]
    probe = first_window("--db", db_url)
    assert probe["code"] == 0
    assert probe["seen"] == [{"dialog": "SignInDialog", "heavy": []}]


def test_the_first_administrator_dialog_shows_before_the_heavy_imports_too(tmp_path: Path) -> None:
    probe = first_window("--db", f"sqlite:///{tmp_path / 'new.db'}")
    assert probe["seen"] == [{"dialog": "FirstAdministratorDialog", "heavy": []}]
    assert not (tmp_path / "new.db").exists()  # quit when shown: the worker was never needed


def test_the_server_sign_in_shows_before_the_driver_is_loaded() -> None:
    # no server is asked anything before someone signs in: this one need not exist
    probe = first_window("--db", "postgresql://db.example:5432/office")
    assert probe["seen"] == [{"dialog": "SignInDialog", "heavy": []}]


# --- where the database is, read without SQLAlchemy --------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:////var/office/membership.db",
        "sqlite:///relative/membership.db",
        "membership.db",
        "sqlite:////tmp/office%20copy.db?timeout=20",
        "sqlite://",
        "sqlite:///:memory:",
        "postgresql://server/membership",
        "postgres://server:5433/membership",
        "postgresql+psycopg://owner:p%40ss@server/membership",
        "postgresql://%E7%8E%8B@[::1]:5432/membership?sslmode=require",
        "postgresql://owner@server",
    ],
)
def test_the_target_is_read_as_sqlalchemy_reads_it(url: str) -> None:
    from desktop_app.core import roles
    from desktop_app.core.db import describe_url, normalise_url

    target = app.Target.parse(url)
    parsed = normalise_url(url)
    assert target.backend == parsed.get_backend_name()
    assert target.description() == describe_url(parsed)
    assert target.server_roles == roles.uses_server_roles(parsed)
    sqlite_file = parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:")
    assert target.sqlite_path == (Path(parsed.database) if sqlite_file and parsed.database else None)


def test_the_database_is_found_where_the_core_looks(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.core import db as core_db
    from desktop_app.ui import sign_in, widgets

    assert app.DATABASE_ENV == core_db.ENV_DATABASE_URL
    assert sign_in.ERROR_STYLE == widgets.ERROR_STYLE
    monkeypatch.delenv(app.DATABASE_ENV, raising=False)
    assert app.locate(app.Options()).url == core_db.resolve_database_url()
    assert app.locate(app.Options(demo=True)).url == core_db.demo_database_url()
    monkeypatch.setenv(app.DATABASE_ENV, "postgresql://server/membership")
    assert app.locate(app.Options()).url == core_db.resolve_database_url() == "postgresql://server/membership"
    assert app.locate(app.Options(demo=True)).url == core_db.demo_database_url()  # never the office's
    assert app.locate(app.Options(db="x.db", demo=True)).sqlite_path == Path("x.db").resolve()  # --db wins


# --- the Sign in button waits for the worker ------------------------------------------------------------


def test_sign_in_waits_for_the_database(qtbot, zh_app, db, officer, home, startups, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    switch_interval = sys.getswitchinterval()
    gate = Gate(monkeypatch)
    startup = local(startups, url_of(db))
    startup.start()
    dialog = startup.dialog
    assert isinstance(dialog, SignInDialog)
    assert dialog.isVisible()
    qtbot.waitUntil(gate.entered.is_set, timeout=30000)  # the worker starts once the dialog is painted
    assert not dialog.sign_in_button.isEnabled()
    assert dialog.sign_in_button.text() == "正在打开数据库…"
    assert dialog.status.isVisible() and dialog.status.label.text() == "正在打开数据库…"
    assert dialog.username.isEnabled() and dialog.password.isEnabled()  # typing goes on meanwhile
    assert sys.getswitchinterval() == app.WORKER_SWITCH_INTERVAL_S  # the dialog gets the GIL sooner
    dialog.username.setText("membership_officer")
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)  # disabled: nothing happens
    assert dialog.isVisible() and dialog.actor is None and dialog.error.text() == ""
    gate.release.set()
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled(), timeout=30000)
    assert dialog.sign_in_button.text() == "登录"
    assert not dialog.status.isVisible()
    assert sys.getswitchinterval() == switch_interval
    assert dialog.database_label.text() == "数据库：" + db.description()
    with qtbot.waitSignal(startup.finished, timeout=10000) as finished:
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert finished.args == [QDialog.DialogCode.Accepted]
    signed = startup.signed_in
    assert signed is not None and signed[1] == officer


def test_enter_pressed_while_waiting_signs_in_when_the_database_is_open(  # type: ignore[no-untyped-def]
    qtbot, zh_app, db, officer, home, startups, monkeypatch
) -> None:
    gate = Gate(monkeypatch)
    startup = local(startups, url_of(db))
    startup.start()
    dialog = startup.dialog
    assert isinstance(dialog, SignInDialog)
    qtbot.waitUntil(gate.entered.is_set, timeout=30000)
    dialog.username.setText("membership_officer")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)  # no password yet: on to the password
    assert not dialog.sign_in_queued
    dialog.password.setText(PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.sign_in_queued
    assert dialog.status.label.text() == "数据库打开后将自动登录。"
    with qtbot.waitSignal(startup.finished, timeout=30000) as finished:
        gate.release.set()
    assert finished.args == [QDialog.DialogCode.Accepted]
    assert startup.signed_in is not None and startup.signed_in[1] == officer


def test_a_wrong_password_while_waiting_is_told_once_open(
    qtbot, zh_app, db, officer, home, startups, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    gate = Gate(monkeypatch)
    startup = local(startups, url_of(db))
    startup.start()
    dialog = startup.dialog
    assert isinstance(dialog, SignInDialog)
    qtbot.waitUntil(gate.entered.is_set, timeout=30000)
    dialog.username.setText("membership_officer")
    dialog.password.setText("wrong")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    gate.release.set()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=30000)
    assert dialog.error.text() == "用户名或密码错误。"
    assert dialog.isVisible() and startup.code is None
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(startup.finished, timeout=10000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert startup.signed_in is not None


def test_quit_while_the_database_opens(qtbot, zh_app, db, officer, home, startups, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.core import presence

    gate = Gate(monkeypatch)
    startup = local(startups, url_of(db))
    startup.start()
    dialog = startup.dialog
    assert dialog is not None
    qtbot.waitUntil(gate.entered.is_set, timeout=30000)
    assert dialog.quit_button.isEnabled()
    release = threading.Timer(0.2, gate.release.set)  # the step in progress ends; nothing more is done
    release.start()
    with qtbot.waitSignal(startup.finished, timeout=10000) as finished:
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    release.join()
    assert finished.args == [QDialog.DialogCode.Rejected]
    assert startup.opener.wait(30)
    assert startup.signed_in is None
    if db.sqlite_path is not None:  # what the worker opened is closed again: `restore` sees only the test's
        assert len(presence.holders(db.sqlite_path, exclude=db.presence)) == 0


# --- errors over the dialog ---------------------------------------------------------------------------


def test_a_database_that_cannot_be_opened_is_said_over_the_dialog(qtbot, zh_app, home, startups, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    secret = "s3cr3t-pw"
    url = f"postgresql://membership:{secret}@db.example:5432/office"
    shown: list[tuple[object, bool, str, str]] = []

    def critical(parent, title: str, text: str) -> None:  # type: ignore[no-untyped-def]
        shown.append((parent, parent is not None and parent.isVisible(), title, text))

    def refused(url: str) -> Database:
        raise RuntimeError(f"connection to {url} failed (host=db.example password={secret})")

    monkeypatch.setattr(msgbox, "critical", critical)
    monkeypatch.setattr(app, "open_database", refused)
    startup = local(startups, url)
    startup.start()
    dialog = startup.dialog
    with qtbot.waitSignal(startup.finished, timeout=30000) as finished:
        pass
    assert finished.args == [app.FAILED] and startup.failed
    [(parent, visible, title, text)] = shown
    assert parent is dialog and visible  # over the sign-in dialog, while it is on screen
    assert title == "无法打开数据库"
    assert "postgresql://membership:***@db.example:5432/office" in text and "password=***" in text
    assert secret not in text
    assert dialog is not None and not dialog.isVisible()


def test_run_returns_1_when_the_database_cannot_be_opened(zh_app, messages, home, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import threading as threads

    kept = sys.excepthook, threads.excepthook

    def refused(url: str) -> Database:
        raise RuntimeError("no such server")

    monkeypatch.setattr(app, "open_database", refused)
    try:
        assert app.run(app.Options(db="postgresql://owner@db.example/office", lang="zh_CN")) == 1
    finally:
        sys.excepthook, threads.excepthook = kept
    [box] = messages
    assert box.kind == "critical" and "no such server" in box.text


def test_a_server_that_does_not_answer_is_said_in_the_dialog(qtbot, zh_app, startups) -> None:  # type: ignore[no-untyped-def]
    startup = app.ServerStartup("postgresql://127.0.0.1:1/office", app.Options())
    startups.append(startup)
    startup.start()
    dialog = startup.dialog
    assert isinstance(dialog, SignInDialog)
    assert "PostgreSQL：@127.0.0.1:1/office" in dialog.database_label.text()
    qtbot.waitUntil(lambda: dialog.is_ready, timeout=60000)  # the driver loaded: now one can try
    assert dialog.sign_in_as("membership_officer", "whatever") is False
    assert dialog.error.text().startswith("无法打开数据库 postgresql+psycopg://")
    assert dialog.isVisible() and startup.code is None  # to try again, or quit
    dialog.reject()


# --- the first administrator, and a guess that was wrong ------------------------------------------------------


def test_a_new_database_asks_for_the_administrator_first(qtbot, zh_app, tmp_path, home, startups) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'office.db'}"
    startup = local(startups, url)
    startup.start()
    dialog = startup.dialog
    assert isinstance(dialog, FirstAdministratorDialog)
    assert not dialog.create_button.isEnabled() and dialog.create_button.text() == "正在打开数据库…"
    dialog.full_name.setText("王海燕")
    dialog.password.setText("Haiyan-2026")
    dialog.confirm.setText("Haiyan-2026")
    qtbot.waitUntil(lambda: dialog.is_ready, timeout=60000)
    assert dialog.create_button.text() == "创建并登录"
    with qtbot.waitSignal(startup.finished, timeout=10000):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    signed = startup.signed_in
    assert signed is not None and signed[1].username == "admin" and signed[1].full_name == "王海燕"


def test_a_database_without_accounts_swaps_to_the_administrator_dialog(qtbot, zh_app, db, home, startups) -> None:  # type: ignore[no-untyped-def]
    """A file made by `migrate`, or a first start quit before the administrator was created."""
    startup = local(startups, url_of(db))
    startup.start()
    first = startup.dialog
    assert isinstance(first, SignInDialog)  # the guess: the file exists
    qtbot.waitUntil(lambda: isinstance(startup.dialog, FirstAdministratorDialog), timeout=60000)
    assert not shiboken6.isValid(first) or not first.isVisible()  # closed (and deleted)
    dialog = startup.dialog
    assert isinstance(dialog, FirstAdministratorDialog) and dialog.isVisible() and dialog.is_ready
    dialog.full_name.setText("王海燕")
    dialog.password.setText("Haiyan-2026")
    dialog.confirm.setText("Haiyan-2026")
    with qtbot.waitSignal(startup.finished, timeout=10000):
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert startup.signed_in is not None and startup.signed_in[1].full_name == "王海燕"


# --- the daily backup, in the worker -------------------------------------------------------------------------


def daily_backups(home: Path) -> list[str]:
    folder = home / "backups"
    return sorted(p.name for p in folder.glob("*-daily*.db")) if folder.exists() else []


def sign_in_once(qtbot, startups: list[app._Startup], url: str) -> app.LocalStartup:  # type: ignore[no-untyped-def]
    startup = local(startups, url, user="membership_officer")
    with qtbot.waitSignal(startup.finished, timeout=60000):
        startup.start()
    assert startup.signed_in is not None
    startup.signed_in[0].dispose()
    return startup


def test_the_daily_backup_is_taken_once_a_day(qtbot, zh_app, db, officer, home, startups, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    if db.sqlite_path is None:
        pytest.skip("SQLite only: PostgreSQL is backed up with pg_dump")
    monkeypatch.setenv(app.PASSWORD_ENV, PASSWORD)
    sign_in_once(qtbot, startups, url_of(db))
    [first] = daily_backups(home)
    assert first.startswith("membership-") and first.endswith("-daily.db")
    sign_in_once(qtbot, startups, url_of(db))
    assert daily_backups(home) == [first]  # the second start of the day takes none
    yesterday = first.replace(first[11:19], "20000101")  # as if it had been taken long ago
    (home / "backups" / first).rename(home / "backups" / yesterday)
    sign_in_once(qtbot, startups, url_of(db))
    assert len(daily_backups(home)) == 2  # the next day's first start takes one again


def test_a_failed_daily_backup_is_said_over_the_dialog(qtbot, zh_app, db, officer, home, startups, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    if db.sqlite_path is None:
        pytest.skip("SQLite only")
    warnings: list[tuple[object, str, str]] = []

    def full_disk(_db):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "daily_backup", full_disk)
    monkeypatch.setattr(msgbox, "warning", lambda parent, title, text: warnings.append((parent, title, text)))
    startup = local(startups, url_of(db))
    startup.start()
    dialog = startup.dialog
    assert isinstance(dialog, SignInDialog)
    qtbot.waitUntil(lambda: dialog.is_ready, timeout=60000)
    [(parent, title, text)] = warnings
    assert parent is dialog and title == "每日备份失败" and "No space left" in text
    dialog.username.setText("membership_officer")
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(startup.finished, timeout=10000):  # the program works on
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


# --- scripted sign-in and the demo database ----------------------------------------------------------------------


def test_scripted_sign_in_needs_no_one(qtbot, zh_app, db, officer, home, startups, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(app.PASSWORD_ENV, PASSWORD)
    startup = local(startups, url_of(db), user="membership_officer")
    with qtbot.waitSignal(startup.finished, timeout=60000) as finished:
        startup.start()
    assert finished.args == [QDialog.DialogCode.Accepted]
    assert startup.signed_in is not None and startup.signed_in[1] == officer
    assert startup.signing_in_at is not None


def test_scripted_sign_in_with_a_wrong_password_leaves_the_dialog(
    qtbot, zh_app, db, officer, home, startups, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(app.PASSWORD_ENV, "wrong")
    startup = local(startups, url_of(db), user="membership_officer")
    startup.start()
    dialog = startup.dialog
    assert isinstance(dialog, SignInDialog)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=60000)
    assert dialog.error.text() == "用户名或密码错误。"
    assert dialog.username.text() == "membership_officer" and dialog.password.text() == ""
    assert dialog.isVisible() and startup.code is None
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(startup.finished, timeout=10000):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert startup.signed_in is not None and startup.signed_in[1] == officer


def test_the_demo_database_is_made_with_a_progress_bar(qtbot, zh_app, tmp_path, home, startups, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.demo import DEMO_PASSWORD

    monkeypatch.setattr(app, "DEMO_MEMBERS", 30)
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    startup = local(startups, url, demo=True)
    steps: list[tuple[str, int, int, str, int, int]] = []

    def record(step: str, done: int, total: int) -> None:
        dialog = startup.dialog
        assert dialog is not None
        steps.append(
            (step, done, total, dialog.status.label.text(), dialog.status.bar.value(), dialog.status.bar.maximum())
        )

    startup.opener.signals.step.connect(record)  # after the start-up's own slot: what the dialog shows then
    startup.start()
    dialog = startup.dialog
    assert isinstance(dialog, SignInDialog)
    assert dialog.username.text() == "admin"
    assert dialog.hint.isVisible() and dialog.hint.text().startswith("演示数据库。")
    qtbot.waitUntil(lambda: dialog.is_ready, timeout=120000)
    demo_steps = [s for s in steps if s[0] == app.DEMO]
    assert demo_steps and demo_steps[-1][1:3] == (30, 30)
    assert demo_steps[-1][3] == "正在创建演示数据库… 30/30" and demo_steps[-1][4:] == (30, 30)
    assert DEMO_PASSWORD in dialog.hint.text()
    dialog.password.setText(DEMO_PASSWORD)
    with qtbot.waitSignal(startup.finished, timeout=10000):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    signed = startup.signed_in
    assert signed is not None and signed[1].username == "admin"
    from desktop_app.core.models import Member

    with signed[0].session() as session:
        assert session.scalar(select(func.count(Member.id))) == 30
    assert daily_backups(home) == []  # the demo database is not the office's: no daily copy


def test_demo_refuses_an_office_database_over_the_dialog(qtbot, zh_app, db, officer, home, startups, messages) -> None:  # type: ignore[no-untyped-def]
    startup = local(startups, url_of(db), demo=True)
    with qtbot.waitSignal(startup.finished, timeout=60000) as finished:
        startup.start()
    assert finished.args == [app.FAILED]
    [box] = messages
    assert box.kind == "critical" and "不是演示数据库" in box.text


# --- PostgreSQL: each person signs in to the server as their own role ------------------------------------------


def test_server_sign_in_waits_for_the_driver_then_connects_as_the_person(qtbot, zh_app, db, officer, startups) -> None:  # type: ignore[no-untyped-def]
    if db.is_sqlite:
        pytest.skip("PostgreSQL only")
    from sqlalchemy import text

    from desktop_app.core import roles

    url = f"postgresql://{db.url.host}:{db.url.port}/{db.url.database}"  # what a workstation is given
    assert app.Target.parse(url).server_roles
    startup = app.ServerStartup(url, app.Options())
    startups.append(startup)
    startup.start()
    dialog = startup.dialog
    assert isinstance(dialog, SignInDialog)
    assert dialog.database_label.text() == f"数据库：PostgreSQL：@{db.url.host}:{db.url.port}/{db.url.database}"
    qtbot.waitUntil(lambda: dialog.is_ready, timeout=60000)
    dialog.username.setText("membership_officer")
    dialog.password.setText("wrong")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert "用户名或密码错误" in dialog.error.text()
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(startup.finished, timeout=30000):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    signed = startup.signed_in
    assert signed is not None and signed[1].id == officer.id
    with signed[0].engine.connect() as connection:
        assert connection.execute(text("SELECT current_user")).scalar_one() == roles.login_role(
            db.url.database or "", "membership_officer"
        )


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://owner:secret@server/membership",
        "postgresql://server/membership?password=secret",
        "host=server password='a b'",
        "postgresql://server/membership?PassWord=x",
        "postgresql://server/membership",
        "sqlite:////var/office/membership.db",
        "postgresql://owner@server/membership",
    ],
)
def test_the_command_line_compiles_the_redaction_patterns_only_when_they_could_match(url: str) -> None:
    """cli.py skips importing ``core/redaction`` for a ``--db`` with no "@" and no "password" in it:
    every password that redaction finds needs one of them."""
    from desktop_app.core.redaction import has_password

    if has_password(url):
        assert "@" in url or "password" in url.lower()


def test_the_worker_keeps_full_collections_off_and_freezes_what_it_imported(  # type: ignore[no-untyped-def]
    qtbot, zh_app, db, officer, home, monkeypatch
) -> None:
    """A full garbage collection holds the GIL 0.05–0.1 s once SQLAlchemy is in: none while the
    worker runs (only when it owns the process, as ``run`` does); afterwards all that was imported
    is frozen and the collector is on again."""
    import gc

    gate = Gate(monkeypatch)
    opener = app.Opener(url_of(db), manage_gc=True)
    finished: list[object] = []
    opener.signals.finished.connect(finished.append)
    try:
        assert gc.isenabled()
        opener.start()
        qtbot.waitUntil(gate.entered.is_set, timeout=30000)
        assert not gc.isenabled()
        gate.release.set()
        qtbot.waitUntil(lambda: bool(finished), timeout=60000)
        assert opener.wait(30)
        assert gc.isenabled() and gc.get_freeze_count() > 0
        [opened] = finished
        assert isinstance(opened, app.Opened) and opened.db is not None and not opened.first_administrator
        opened.db.dispose()
    finally:
        gate.release.set()
        opener.stop(timeout=30)
        gc.unfreeze()  # the test process's objects, back to the collector
        gc.enable()
