"""No database password in what the window shows or the crash log keeps (issue 10)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest

from desktop_app.core.db import DatabaseBeingRestored
from desktop_app.ui import app, crash

pytestmark = pytest.mark.gui

SECRET = "s3cr3t-pw"
URL = f"postgresql://membership:{SECRET}@db.example:5432/office"


@pytest.fixture
def hooks_kept() -> Iterator[None]:
    """``run`` installs the crash hooks; put the test session's back afterwards."""
    kept = sys.excepthook, threading.excepthook
    yield
    sys.excepthook, threading.excepthook = kept


def test_cannot_open_dialog_hides_the_password(zh_app, messages, hooks_kept, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(url: str) -> None:  # a driver whose message quotes the URL and its parameters
        raise RuntimeError(f"connection to {url} failed (host=db.example password={SECRET})")

    monkeypatch.setattr(app, "open_database", refused)
    assert app.run(app.Options(db=URL, lang="zh_CN")) == 1
    [shown] = messages
    assert shown.kind == "critical"
    assert "postgresql://membership:***@db.example:5432/office" in shown.text
    assert "password=***" in shown.text
    assert SECRET not in shown.title + shown.text


def test_cannot_open_dialog_of_an_office_error_hides_the_password(zh_app, messages, hooks_kept, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    error = DatabaseBeingRestored()
    error.text = f"{error.text}（{URL}）"  # an office error whose message happens to name the URL

    def refused(url: str) -> None:
        raise error

    monkeypatch.setattr(app, "open_database", refused)
    assert app.run(app.Options(db=URL, lang="zh_CN")) == 1
    [shown] = messages
    assert SECRET not in shown.text and "membership:***@db.example" in shown.text


def test_crash_report_hides_the_password() -> None:
    try:
        raise ConnectionError(f"lost {URL}")
    except ConnectionError as exc:
        report = crash.format_report(type(exc), exc, exc.__traceback__)
    assert "ConnectionError: lost postgresql://membership:***@db.example:5432/office" in report
    assert SECRET not in report
