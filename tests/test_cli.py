"""The one command: sub-commands work headless; with none, the window opens."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.cli import main
from desktop_app.core.migrate import open_database
from desktop_app.core.models import Member, Role, Staff

ROOT = Path(__file__).resolve().parent.parent


def test_help_lists_the_sub_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in ("demo", "migrate", "create-admin"):
        assert command in out


def test_demo_fills_the_given_database(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--members", "120", "--db", db_url]) == 0
    assert "已生成 120 个演示会员" in capsys.readouterr().out
    db = open_database(db_url)
    with db.session() as session:
        assert session.scalar(select(func.count(Member.id))) == 120
    db.dispose()
    # a second run refuses: the database has members now
    assert main(["--db", db_url, "demo", "--members", "5"]) == 1
    assert "已有 120 个会员" in capsys.readouterr().err


def test_demo_refuses_an_office_database(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 9: an office database with its administrator and no members yet gets no demo data."""
    from desktop_app.core.services import accounts

    db = open_database(db_url)
    with db.session() as session:
        accounts.create_first_administrator(session, "chief", "王主任", "Office-2026!")
    assert main(["demo", "--members", "5", "--db", db_url]) == 1
    err = capsys.readouterr().err
    assert "不是演示数据库" in err and db.description() in err
    with db.session() as session:
        assert session.scalar(select(func.count(Member.id))) == 0
        assert [s.username for s in accounts.list_staff(session)] == ["chief"]
    db.dispose()


def test_demo_defaults_to_the_demo_database_not_the_real_one(capsys: pytest.CaptureFixture[str]) -> None:
    from desktop_app.core.db import default_database_url, demo_database_url

    assert main(["demo", "--members", "3"]) == 0
    out = capsys.readouterr().out
    assert demo_database_url().removeprefix("sqlite:///") in out
    assert not Path(default_database_url().removeprefix("sqlite:///")).exists()


def test_create_admin_and_migrate(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("s3cret-pass\n"))
    assert main(["create-admin", "--full-name", "王海燕", "--password-stdin", "--db", db_url]) == 0
    assert main(["migrate", "--db", db_url]) == 0
    assert "数据库已是最新版本" in capsys.readouterr().out
    db = open_database(db_url)
    with db.session() as session:
        assert session.scalars(select(Staff.role)).all() == [Role.ADMINISTRATOR]
    db.dispose()
    monkeypatch.setattr(sys, "stdin", io.StringIO("another-pass\n"))
    assert main(["create-admin", "--full-name", "李四", "--password-stdin", "--db", db_url]) == 1
    assert "不能再创建初始管理员" in capsys.readouterr().err


def test_python_dash_m_runs_the_same_entry(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "demo", "--members", "2", "--db", f"sqlite:///{tmp_path / 'm.db'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert "已生成 2 个演示会员" in result.stdout


def test_window_opens_signed_in_and_shows_the_register(db_url: str, tmp_path: Path) -> None:
    """The whole start: the sign-in dialog first, the database opened (upgraded, backed up) behind it,
    signed in by the script, main window shown with the register loaded.

    In a separate process: running the application's own event loop inside the test process left
    queued signals from worker threads undelivered for later tests.
    """
    import os

    assert main(["demo", "--members", "40", "--db", db_url]) == 0
    env = {
        **os.environ,
        "MEMBERSHIP_OFFICE_PASSWORD": "demo123",
        "QT_QPA_PLATFORM": "offscreen",
        "MEMBERSHIP_OFFICE_HOME": str(tmp_path / "home"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", db_url, "--user", "officer", "--quit-when-shown"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    steps = [
        " ".join(line.split()[:2]) if line.startswith(("dialog", "signing")) else line.split()[0] for line in lines
    ]
    assert steps == ["dialog shown", "ready", "signing in", "shown", "loaded"]
    assert lines[0].startswith("dialog shown kind=sign_in ")
    assert int(lines[1].split("frozen=")[1].split()[0]) > 0  # what the worker imported, frozen for the GC
    assert "shown rows=40" in result.stdout and "loaded rows=40" in result.stdout
    if db_url.startswith("sqlite"):  # the daily backup, taken by the worker meanwhile
        assert len(list((tmp_path / "home" / "backups").glob("*-daily.db"))) == 1


def test_window_quits_when_the_sign_in_dialog_is_shown(tmp_path: Path) -> None:
    """``--quit-when-shown`` without a scripted sign-in: the benchmark of the first window."""
    import os

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MEMBERSHIP_OFFICE_HOME": str(tmp_path / "home")}
    env.pop("MEMBERSHIP_OFFICE_PASSWORD", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", f"sqlite:///{tmp_path / 'm.db'}", "--quit-when-shown"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    assert line.startswith("dialog shown kind=first_administrator ")  # a new database: its administrator first


def test_window_on_the_demo_database(tmp_path: Path) -> None:
    """``--demo``: the demo database made on first use behind the sign-in dialog, then signed in."""
    import os

    env = {
        **os.environ,
        "MEMBERSHIP_OFFICE_PASSWORD": "demo123",
        "QT_QPA_PLATFORM": "offscreen",
        "MEMBERSHIP_OFFICE_HOME": str(tmp_path / "home"),
    }
    env.pop("MEMBERSHIP_OFFICE_DB", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--demo", "--user", "officer", "--quit-when-shown"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "dialog shown kind=sign_in" in result.stdout
    assert "loaded rows=3000" in result.stdout  # ui/app.py DEMO_MEMBERS
    assert (tmp_path / "home" / "demo.db").exists()
    assert not (tmp_path / "home" / "membership.db").exists()  # never the office's database


def test_opening_the_window_does_not_import_the_sub_commands() -> None:
    from desktop_app.cli import _names_a_sub_command

    assert not _names_a_sub_command([])
    assert not _names_a_sub_command(["--db", "demo", "--lang", "en", "--demo"])  # "demo" is --db's value
    assert _names_a_sub_command(["--db", "x.db", "demo", "--members", "3"])
    assert _names_a_sub_command(["--help"])
    assert _names_a_sub_command(["migrate"])


def test_unknown_sub_command_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2
