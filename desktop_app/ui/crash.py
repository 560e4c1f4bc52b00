"""The last resort: an exception nothing else caught is logged and shown, never lost, never raw.

Services raise ``OfficeError`` for what the office should be told, and the windows catch it where
they can; long work goes through ``ui/ops``, which reports its own failures. Anything else that
reaches Python's ``sys.excepthook`` (a slot that raised) or ``threading.excepthook`` (a thread
outside ``ops``) lands here: the report — timestamp, version, traceback — is appended to
``<data folder>/logs/errors.log`` (owner-only: tracebacks can quote members' data), then a
dialog says that the data already saved is safe, where the report is, and offers the traceback
to copy. An ``OfficeError`` that gets this far is shown as its message, without a traceback.

Nothing here may raise: a failing dialog still leaves the log written.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app import APP_NAME, __version__
from desktop_app.core.redaction import redact_url
from desktop_app.errors import OfficeError
from desktop_app.paths import data_dir, private_dir
from desktop_app.ui import msgbox

# Past this size the log becomes errors.log.1 (the one before is dropped), so a loop that fails
# every second cannot fill the disk.
LOG_LIMIT_BYTES = 1_000_000


def log_path() -> Path:
    return data_dir() / "logs" / "errors.log"


def format_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, thread_name: str | None = None
) -> str:
    import platform  # only when something went wrong: nothing more to load at start-up

    when = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    thread = thread_name or threading.current_thread().name
    head = (
        f"=== {when}  {APP_NAME} {__version__}  Python {platform.python_version()}  "
        f"{platform.platform()}  thread {thread}"
    )
    # a database URL quoted by an exception keeps its password out of the log and the dialog
    return redact_url(head + "\n" + "".join(traceback.format_exception(exc_type, exc, tb)) + "\n")


def write_report(report: str) -> Path:
    """Append ``report`` to the log, created owner-only (0600 on POSIX); returns the log's path."""
    path = log_path()
    private_dir(path.parent)  # 0700, and tightened if an older one was not
    try:
        if path.stat().st_size > LOG_LIMIT_BYTES:
            os.replace(path, path.with_name(path.name + ".1"))
    except FileNotFoundError:
        pass
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        if os.name == "posix":
            os.fchmod(fd, 0o600)  # a log made earlier with a looser mode is tightened too
        os.write(fd, report.encode("utf-8", "backslashreplace"))
    finally:
        os.close(fd)
    return path


class _Relay(QObject):
    """Lives in the GUI thread: a report from another thread is shown there (queued signal)."""

    deliver = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.deliver.connect(self.run)

    @Slot(object)
    def run(self, job) -> None:  # type: ignore[no-untyped-def]
        job()


_relay: _Relay | None = None
_showing = False


def install() -> None:
    """Make ``handle`` the last resort for the GUI thread and for every other Python thread."""
    global _relay
    if _relay is None:
        _relay = _Relay()
    sys.excepthook = handle
    threading.excepthook = _thread_hook


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:  # what threading's own hook ignores too
        return
    handle(
        args.exc_type,
        args.exc_value or args.exc_type(),
        args.exc_traceback,
        thread_name=args.thread.name if args.thread is not None else None,
    )


def handle(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, *, thread_name: str | None = None
) -> None:
    """``sys.excepthook``: write the report, then show it in the GUI thread. Never raises."""
    try:
        if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in the terminal that started it
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, OfficeError):
            _in_gui_thread(lambda: _show_office_error(exc))
            return
        report = format_report(exc_type, exc, tb, thread_name)
        _to_stderr(report)
        try:
            path: Path | None = write_report(report)
            problem = ""
        except Exception as error:  # a full disk, a read-only data folder: the dialog still shows
            path, problem = None, f"{type(error).__name__}: {error}"
        _in_gui_thread(lambda: _show_report(report, path, problem))
    except BaseException:  # the last resort must not become the next crash
        _last_words(exc_type, exc, tb)


def _in_gui_thread(job) -> None:  # type: ignore[no-untyped-def]
    app = QCoreApplication.instance()
    if not isinstance(app, QApplication):
        return  # no window to show it in (the report is in the log and on stderr)
    if threading.current_thread() is threading.main_thread():
        job()
    elif _relay is not None:
        _relay.deliver.emit(job)


def _parent() -> QWidget | None:
    return QApplication.activeModalWidget() or QApplication.activeWindow()


def _show_office_error(exc: OfficeError) -> None:
    try:
        msgbox.warning(
            _parent(), QCoreApplication.translate("Crash", "The action was not completed"), redact_url(exc.message)
        )
    except BaseException:
        _last_words(type(exc), exc, exc.__traceback__)


def _show_report(report: str, path: Path | None, problem: str) -> None:
    global _showing
    if _showing:  # one report at a time: an error repeated in every paint must not pile up dialogs
        return
    _showing = True
    try:
        if path is not None:
            text = QCoreApplication.translate(
                "Crash",
                "Something went wrong and the action in progress was not completed.\n\n"
                "The data already saved is safe: only the unfinished action was not saved.\n\n"
                "A report was written to:\n%1\n\n"
                "Please send this file, or the details below (Copy), to whoever looks after this program.",
            ).replace("%1", str(path))
        else:
            text = (
                QCoreApplication.translate(
                    "Crash",
                    "Something went wrong and the action in progress was not completed.\n\n"
                    "The data already saved is safe: only the unfinished action was not saved.\n\n"
                    "The report could not be written to %1 (%2).\n\n"
                    "Please copy the details below (Copy) and send them to whoever looks after this program.",
                )
                .replace("%1", str(log_path()))
                .replace("%2", problem)
            )
        msgbox.report(_parent(), QCoreApplication.translate("Crash", "Unexpected error"), text, report)
    except BaseException:
        _to_stderr(redact_url("The error report could not be shown:\n" + traceback.format_exc()))
    finally:
        _showing = False


def _to_stderr(text: str) -> None:
    try:
        if sys.stderr is not None:  # None in a windowed build without a console
            sys.stderr.write(text)
            sys.stderr.flush()
    except BaseException:
        pass


def _last_words(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    try:
        _to_stderr(redact_url("".join(traceback.format_exception(exc_type, exc, tb))))
        _to_stderr(redact_url("While handling it:\n" + traceback.format_exc()))
    except BaseException:
        pass
