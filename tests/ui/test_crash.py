"""The last resort (ui/crash.py): an exception nothing caught is logged owner-only and reported."""

from __future__ import annotations

import os
import stat
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from desktop_app import __version__
from desktop_app.errors import DatabaseBusy
from desktop_app.ui import crash, msgbox

pytestmark = pytest.mark.gui


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of this test's own, so the log checked is the one this test wrote."""
    monkeypatch.setenv("MEMBERSHIP_OFFICE_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


@contextmanager
def installed() -> Iterator[None]:
    """``crash.install()`` for the test body only (pytest-qt keeps its own hook around it)."""
    hooks = sys.excepthook, threading.excepthook
    crash.install()
    try:
        yield
    finally:
        sys.excepthook, threading.excepthook = hooks


def raised(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as caught:
        return caught


def test_an_unexpected_exception_is_logged_and_reported(zh_app, messages, home: Path) -> None:
    exc = raised(ValueError("出错的值 42"))
    with installed():
        sys.excepthook(type(exc), exc, exc.__traceback__)
    [shown] = messages
    log = home / "logs" / "errors.log"
    assert shown.kind == "report" and shown.title == "程序出错"
    assert "程序出现意外错误" in shown.text
    assert "已经保存的数据是安全的" in shown.text
    assert f"错误报告已写入：\n{log}" in shown.text
    assert "Traceback (most recent call last)" in shown.details and "ValueError: 出错的值 42" in shown.details
    content = log.read_text(encoding="utf-8")
    assert content == shown.details
    assert f"MembershipOffice {__version__}" in content and "in raised" in content
    if os.name == "posix":
        assert stat.S_IMODE(log.stat().st_mode) == 0o600

    second = raised(KeyError("again"))
    with installed():
        sys.excepthook(type(second), second, second.__traceback__)
    content = log.read_text(encoding="utf-8")
    assert "ValueError: 出错的值 42" in content and "KeyError: 'again'" in content  # appended


def test_a_log_made_with_a_looser_mode_is_tightened(zh_app, messages, home: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX file modes")
    log = home / "logs" / "errors.log"
    log.parent.mkdir(parents=True)
    log.write_text("older report\n", encoding="utf-8")
    log.chmod(0o644)
    exc = raised(RuntimeError("boom"))
    with installed():
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert log.read_text(encoding="utf-8").startswith("older report\n")


def test_an_office_error_is_a_plain_warning(zh_app, messages, home: Path) -> None:
    exc = raised(DatabaseBusy())
    with installed():
        sys.excepthook(type(exc), exc, exc.__traceback__)
    [shown] = messages
    assert (shown.kind, shown.title) == ("warning", "操作未完成")
    assert shown.text == "数据库正忙（另一个工作站或程序正在写入，例如导入会员名册），请稍后再试。"
    assert "Traceback" not in shown.text
    assert not (home / "logs" / "errors.log").exists()


def test_a_failing_dialog_still_leaves_the_log(zh_app, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(shown: msgbox.Shown) -> bool:
        raise RuntimeError("the dialog itself failed")

    monkeypatch.setattr(msgbox, "handler", broken)
    exc = raised(ZeroDivisionError("division by zero"))
    with installed():
        sys.excepthook(type(exc), exc, exc.__traceback__)  # must not raise
    assert "ZeroDivisionError: division by zero" in (home / "logs" / "errors.log").read_text(encoding="utf-8")


def test_an_unwritable_log_is_said_in_the_dialog(zh_app, messages, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(report: str) -> Path:
        raise PermissionError("read-only folder")

    monkeypatch.setattr(crash, "write_report", refuse)
    exc = raised(ValueError("x"))
    with installed():
        sys.excepthook(type(exc), exc, exc.__traceback__)
    [shown] = messages
    assert "错误报告未能写入" in shown.text and "read-only folder" in shown.text
    assert "ValueError: x" in shown.details


def test_an_exception_in_a_slot_reaches_the_dialog(zh_app, qtbot, messages, home: Path) -> None:  # type: ignore[no-untyped-def]
    def slot() -> None:
        raise LookupError("raised in a slot")

    with installed():
        QTimer.singleShot(0, slot)
        qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert messages[0].kind == "report" and "LookupError: raised in a slot" in messages[0].details


def test_an_exception_in_another_thread_is_shown_in_the_gui_thread(zh_app, qtbot, messages, home: Path) -> None:  # type: ignore[no-untyped-def]
    shown_in: list[threading.Thread] = []

    def record(shown: msgbox.Shown) -> bool:
        shown_in.append(threading.current_thread())
        messages.append(shown)
        return True

    msgbox.handler = record  # the messages fixture puts its own handler back afterwards

    def work() -> None:
        raise OSError("raised in a worker")

    with installed():
        worker = threading.Thread(target=work, name="worker")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert shown_in == [threading.main_thread()]
    assert "OSError: raised in a worker" in messages[0].details and "thread worker" in messages[0].details
    assert "OSError: raised in a worker" in (home / "logs" / "errors.log").read_text(encoding="utf-8")


def test_the_report_dialog_copies_the_details(zh_app, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    dialog = msgbox.ReportDialog(None, "程序出错", "说明", "Traceback: details")
    qtbot.addWidget(dialog)
    assert dialog.copy_button.text() == "复制"
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Traceback: details"
    assert dialog.copy_button.text() == "已复制"
    assert dialog.details.isReadOnly()
