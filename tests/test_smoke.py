"""``membership-office --smoke`` from the source tree: what the built bundle runs after every build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_smoke_run_passes_and_touches_nothing_of_the_user(tmp_path: Path) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        MEMBERSHIP_OFFICE_HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    env.pop("MEMBERSHIP_OFFICE_DB", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--smoke"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("smoke: ok")
    for expected in ("translations membership_office_zh_CN", "register 60 rows", "roster: PDF", "QtPdf loads"):
        assert any(expected in line for line in lines), expected
    # its database lived in a temporary folder; the data folder and settings stay empty
    assert not any((tmp_path / "home").rglob("*.db"))
    assert not any((tmp_path / "config").rglob("*"))


def test_smoke_failure_exits_non_zero(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEMBERSHIP_OFFICE_HOME=str(tmp_path / "home"))
    bad = tmp_path / "not-a-database.db"
    bad.write_text("this is not SQLite")
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--smoke", "--db", f"sqlite:///{bad}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "smoke: FAILED"
