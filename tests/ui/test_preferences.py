"""Per-workstation preferences stay inside the data folder when it is moved (issue 9)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

SCRIPT = textwrap.dedent(
    """
    from desktop_app.ui.app import create_application
    from desktop_app.ui import i18n, preferences
    app = create_application(language="en")
    i18n.save_language("en")
    preferences.set_value(preferences.MAIN_WINDOW_GEOMETRY, b"geometry")
    from PySide6.QtCore import QSettings
    QSettings().sync()
    print(QSettings().fileName())
    """
)


def _run(env: dict[str, str]) -> str:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_settings_live_under_a_moved_data_folder(tmp_path: Path) -> None:
    home, config = tmp_path / "portable", tmp_path / "config"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEMBERSHIP_OFFICE_HOME=str(home), XDG_CONFIG_HOME=str(config))
    written = Path(_run(env))
    assert home in written.parents, written
    assert "ui/language" in written.read_text(encoding="utf-8") or "language=en" in written.read_text(encoding="utf-8")
    assert not config.exists() or not any(config.rglob("*.conf"))  # nothing in the user's profile


def test_settings_in_the_usual_place_otherwise(tmp_path: Path) -> None:
    config = tmp_path / "config"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config))
    env.pop("MEMBERSHIP_OFFICE_HOME")
    env["HOME"] = str(tmp_path / "user")  # platformdirs' data folder for this run, not the real one
    written = Path(_run(env))
    assert config in written.parents, written


def test_undeclared_keys_are_refused(qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui import preferences

    with pytest.raises(KeyError):
        preferences.value("some/typo")
