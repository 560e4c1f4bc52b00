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

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
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


class _Watcher(QObject):
    """Receives a job's signals in the GUI thread. A QObject with slots, not closures: PySide
    delivered queued signals to closures unreliably once an earlier receiver had been deleted."""

    def __init__(self, job: _Job, parent: QWidget | None, on_success, on_failure, title: str, label: str | None):  # type: ignore[no-untyped-def]
        super().__init__()
        self.job, self.parent_widget = job, parent
        self.on_success, self.on_failure, self.title = on_success, on_failure, title
        self.dialog: QProgressDialog | None = None
        if label is not None:
            dialog = QProgressDialog(label, QCoreApplication.translate("Operations", "Cancel"), 0, 0, parent)
            dialog.setWindowTitle(title or label)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(job.cancel.set)
            self.dialog = dialog
        job.signals.progress.connect(self.progress)
        job.signals.succeeded.connect(self.succeeded)
        job.signals.failed.connect(self.failed)

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))

    def _finish(self) -> None:
        _running.discard(self)
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    @Slot(object)
    def succeeded(self, result: Any) -> None:
        self._finish()
        if self.on_success is not None:
            self.on_success(result)

    @Slot(object, str)
    def failed(self, exc: BaseException, trace: str) -> None:
        self._finish()
        parent, title = self.parent_widget, self.title
        if self.on_failure is not None:
            self.on_failure(exc)
        elif isinstance(exc, Cancelled):
            pass
        elif isinstance(exc, OfficeError):
            msgbox.warning(parent, title or QCoreApplication.translate("Operations", "Error"), exc.message)
        else:  # unexpected: written to the error log and shown with a copyable report
            from desktop_app.ui import crash

            crash.handle(type(exc), exc, exc.__traceback__)


_running: set[_Watcher] = set()


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
    job = _Job(fn, threading.Event())
    _running.add(_Watcher(job, parent, on_success, on_failure, title, label))
    QThreadPool.globalInstance().start(job)
    return job.cancel


def wait_all(timeout_ms: int = 30000) -> bool:
    """For tests and shutdown: wait for the worker threads (signals still need the event loop)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def busy() -> bool:
    return bool(_running)
