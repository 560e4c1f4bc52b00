"""The operations layer: how the window changes data (Anki's ``CollectionOp``, STYLE.md §2, §3).

A view never opens a session itself. It says what to do with a service call and what changes:

    Op(self, db, lambda session: members.update_member(session, actor, ...), changes={MEMBERS})
        .success(lambda member: self.saved(member)).run()

``Op`` opens one session for the user's action, runs the call, commits, and then

- on success announces the change on the one application-wide ``changes()`` hub, to which every
  view listens (``changes().changed.connect(self._on_changed)``: a set of topics such as
  ``{"members"}``), so other areas refresh without being wired by hand;
- turns an ``OfficeError`` into a message box with its Chinese text (or calls ``.failure``);
- hands anything unexpected to the crash report (``ui/crash.py``).

``.in_background(label)`` runs the call in a worker thread with a progress bar and a Cancel button:
the call then receives ``(session, progress)``; cancelling raises ``Cancelled`` from ``progress``,
so the service stops where it is and its transaction is rolled back. The work function must not
touch widgets ("be careful not to call any UI routines in op"). Without a label the work runs
quietly (a read the person does not wait for). ``.failure(callback)`` replaces the message for a
view that shows an error its own way (under a field, in a problems list) and hands the rest to
``show_failure``.

Reads go through ``query(db, lambda session: ...)``: one session, nothing announced.

A view listens with ``listen(self, {MEMBERS, ...}, self.refresh_what_concerns_me)``; a hidden view
(an area not shown) refreshes when it is shown again. F5 in the main window announces
``EVERYTHING`` (``announce_everything``): what other workstations did.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app import messages
from desktop_app.errors import Cancelled, OfficeError, ValidationError
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
        else:
            show_failure(parent, exc, title)


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


def write_file(
    parent: QWidget | None,
    fn: Callable[[ProgressFn], Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    label: str | None = None,
    title: str = "",
) -> threading.Event:
    """Work that needs no database — writing a file from what the window already holds (issue 16's
    "export what I see") — in a worker, behind a progress dialog when ``label`` is given; a failure
    is shown as every other. Database work goes through ``Op``."""
    return run(parent, fn, on_success=on_success, label=label, title=title)


def wait_all(timeout_ms: int = 30000) -> bool:
    """For tests and shutdown: wait for the worker threads (signals still need the event loop)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def busy() -> bool:
    return bool(_running)


# --- topics a change names, and the one hub that announces them --------------------------------------

MEMBERS = "members"
APPLICATIONS = "applications"
STAFF = "staff"
SETTINGS = "settings"
PRINT_JOBS = "print_jobs"
DOCUMENTS = "documents"
MENTORS = "mentors"
DUES = "dues"
MAILING = "mailing"
WITHDRAWAL = "withdrawal"
REPORTS = "reports"  # issue 17: mentor proposals, roster publications
EVERYTHING = frozenset(
    {MEMBERS, APPLICATIONS, STAFF, SETTINGS, PRINT_JOBS, DOCUMENTS, MENTORS, DUES, MAILING, WITHDRAWAL, REPORTS}
)


class Changes(QObject):
    """``changed(frozenset[str])``: data of these topics changed (here or, after F5, elsewhere)."""

    changed = Signal(object)

    def announce(self, topics: Iterable[str]) -> None:
        topics = frozenset(topics)
        if topics:
            self.changed.emit(topics)


_hub: Changes | None = None


def changes() -> Changes:
    global _hub
    if _hub is None:
        _hub = Changes()
    return _hub


def announce_everything() -> None:
    """F5: other workstations may have changed anything; every view reads its data again."""
    changes().announce(EVERYTHING)


class Listener(QObject):
    """Calls ``refresh(topics)`` when data of ``topics`` changed. While the widget is hidden (an
    area not shown, a closed dialog) the topics are kept and the refresh comes when it is shown
    again: a change costs nothing to the areas nobody looks at."""

    def __init__(self, widget: QWidget, topics: Iterable[str], refresh: Callable[[frozenset[str]], None]):
        super().__init__(widget)
        self._widget = widget
        self._topics = frozenset(topics)
        self._refresh = refresh
        self._pending: frozenset[str] = frozenset()
        widget.installEventFilter(self)
        changes().changed.connect(self.changed)  # a slot of this child: gone with the widget

    @Slot(object)
    def changed(self, topics: frozenset[str]) -> None:
        wanted = self._topics & topics
        if not wanted:
            return
        if self._widget.isVisible():
            self._refresh(frozenset(wanted))
        else:
            self._pending |= wanted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._widget and event.type() == QEvent.Type.Show and self._pending:
            pending, self._pending = self._pending, frozenset()
            self._refresh(pending)
        return False


def listen(widget: QWidget, topics: Iterable[str], refresh: Callable[[frozenset[str]], None]) -> Listener:
    """``widget`` refreshes what concerns it when data of ``topics`` changed (see ``Listener``)."""
    return Listener(widget, topics, refresh)


class Op:
    """One user action on the data: a service call in one session, then the change announced."""

    def __init__(
        self, parent: QWidget | None, db: Any, call: Callable[..., Any], *, changes: Iterable[str] = (), title: str = ""
    ):
        self._parent, self._db, self._call = parent, db, call
        self._changes = frozenset(changes)
        self._title = title
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._label: str | None = None
        self._background = False
        self._saved_note: str | None = None

    def success(self, callback: Callable[[Any], None]) -> Op:
        self._on_success = callback
        return self

    def saved(self, note: str) -> Op:
        """What the status bar says after the change went through (default "Saved")."""
        self._saved_note = note
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op:
        """Instead of the message box (a dialog that shows the error next to the field)."""
        self._on_failure = callback
        return self

    def in_background(self, label: str | None = None) -> Op:
        """Run in a worker thread; with ``label``, behind a progress dialog with Cancel (without:
        quietly, for reads the person does not wait for, such as the register's complete id list)."""
        self._background = True
        self._label = label
        return self

    def run(self) -> threading.Event | None:
        """Run now (in the GUI thread), or in a worker with progress after ``in_background``.
        Returns the cancel event of background work."""
        if self._background:
            db, call = self._db, self._call

            def work(progress: ProgressFn) -> Any:
                with db.session() as session:
                    return call(session, progress)

            return run(
                self._parent,
                work,
                on_success=self._succeeded,
                on_failure=self._failed,
                label=self._label,
                title=self._title,
            )
        try:
            with self._db.session() as session:
                result = self._call(session)
        except BaseException as exc:  # noqa: BLE001 — every failure is shown or reported
            self._failed(exc)
            return None
        self._succeeded(result)
        return None

    def _succeeded(self, result: Any) -> None:
        changes().announce(self._changes)
        if self._changes:  # a write went through: said in the main window's status bar (issue 16)
            from desktop_app.ui import guards

            guards.saved(self._saved_note)
        if self._on_success is not None:
            self._on_success(result)

    def _failed(self, exc: BaseException) -> None:
        if self._on_failure is not None:
            self._on_failure(exc)
            return
        show_failure(self._parent, exc, self._title)


def failure_text(exc: OfficeError) -> str:
    """An office error's message; a form's errors one per line."""
    if isinstance(exc, ValidationError):  # one field a line, in the interface language
        return "\n".join(messages.render(text) for text in exc.errors.values())
    return exc.message


def show_failure(parent: QWidget | None, exc: BaseException, title: str = "", *, note: str = "") -> None:
    """The one ladder from an exception to what the person sees. ``note`` follows an office
    error's message (e.g. "Nothing was written.")."""
    if isinstance(exc, Cancelled):
        return
    if isinstance(exc, OfficeError):
        text = failure_text(exc) + (f"\n\n{note}" if note else "")
        msgbox.warning(parent, title or QCoreApplication.translate("Operations", "Error"), text)
        return
    if isinstance(exc, KeyboardInterrupt):
        raise exc
    from desktop_app.ui import crash

    crash.handle(type(exc), exc, exc.__traceback__)


def query(db: Any, call: Callable[[Any], Any]) -> Any:
    """Read for a view: one session, no change announced. Errors propagate (a read failing is
    unexpected, and reaches the crash report)."""
    with db.session() as session:
        return call(session)
