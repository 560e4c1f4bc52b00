"""Long work off the GUI thread, with a progress bar and a cancel button (Anki's operations).

The work function runs in a worker thread and must not touch widgets. It receives a
``progress(done, total)`` callback; when the user cancels, that callback raises ``Cancelled``,
so the service stops where it is and its transaction is rolled back.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.core.errors import Cancelled, OfficeError
from desktop_app.ui import msgbox

ProgressFn = Callable[[int, int], None]


class _Signals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[ProgressFn], Any], cancel: threading.Event):
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.cancel = cancel
        self.signals = _Signals()

    def _progress(self, done: int, total: int) -> None:
        if self.cancel.is_set():
            raise Cancelled()
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self.fn(self._progress)
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.succeeded.emit(result)


_running: set[_Job] = set()


def run(
    parent: QWidget | None,
    fn: Callable[[ProgressFn], Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    label: str | None = None,
    title: str = "",
) -> threading.Event:
    """Run ``fn(progress)`` in the thread pool. With ``label``, show a cancellable progress dialog.

    Returns the cancel event (setting it cancels the work).
    """
    cancel = threading.Event()
    job = _Job(fn, cancel)
    dialog: QProgressDialog | None = None
    if label is not None:
        dialog = QProgressDialog(label, QCoreApplication.translate("Operations", "Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title or label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(cancel.set)

        def show_progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))

        job.signals.progress.connect(show_progress)

    def finish() -> None:
        _running.discard(job)
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()

    def succeeded(result: Any) -> None:
        finish()
        if on_success is not None:
            on_success(result)

    def failed(exc: BaseException, trace: str) -> None:
        finish()
        if on_failure is not None:
            on_failure(exc)
        elif isinstance(exc, Cancelled):
            pass
        elif isinstance(exc, OfficeError):
            msgbox.warning(parent, title or QCoreApplication.translate("Operations", "Error"), exc.message)
        else:
            msgbox.critical(parent, title or QCoreApplication.translate("Operations", "Error"), f"{exc}\n\n{trace}")

    job.signals.succeeded.connect(succeeded)
    job.signals.failed.connect(failed)
    _running.add(job)
    QThreadPool.globalInstance().start(job)
    return cancel


def wait_all(timeout_ms: int = 30000) -> bool:
    """For tests and shutdown: wait for the worker threads (signals still need the event loop)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def busy() -> bool:
    return bool(_running)
