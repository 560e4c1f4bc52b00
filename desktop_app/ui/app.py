"""Starting the window: the first window at once, the database opened behind it (issue 11).

1. The language and the preferences, then the first window the office sees: the sign-in dialog,
   the first-administrator dialog on a new database, or the sign-in to the PostgreSQL server as
   one's own role. Nothing of SQLAlchemy, the models or argon2 is imported before it is painted
   (they were half of the start-up), nor the message boxes (PySide's ``Qt`` namespace): where the
   database is and what it is comes from the URL read here by hand (``Target``), whether it has
   accounts yet from whether the file exists (a wrong guess swaps the dialog later).
2. Once the dialog is painted, a worker thread (``Opener``, touching no widget) opens the
   database — creating or upgrading it, backed up first (``core/migrate.py``) —, fills the demo
   database, takes the daily backup and imports what signing in and the main window need. Its
   steps show under the form; a failure shows over the dialog, the password redacted; the Sign in
   button waits for it, and Enter pressed meanwhile signs in when it is done.
3. Signed in, the main window.
"""

from __future__ import annotations

import gc
import importlib
import os
import re
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QDialog

from desktop_app import APP_AUTHOR, APP_NAME, __version__
from desktop_app.errors import Cancelled, OfficeError
from desktop_app.paths import data_dir, resources_dir
from desktop_app.ui import i18n, preferences
from desktop_app.ui.sign_in import FirstAdministratorDialog, SignInDialog

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from desktop_app.core.db import Database
    from desktop_app.core.security import Actor

DEMO_MEMBERS = 3000
PASSWORD_ENV = "MEMBERSHIP_OFFICE_PASSWORD"
# core/db.py's ENV_DATABASE_URL, repeated: that module imports SQLAlchemy (a test keeps them equal)
DATABASE_ENV = "MEMBERSHIP_OFFICE_DB"

# What the worker imports once the database is open, so that pressing Sign in costs only the
# password check and the register's first page (a second, when the GUI thread imported them).
PRELOAD = (
    "desktop_app.ui.crash",
    "desktop_app.core.services.accounts",
    "desktop_app.ui.main_window",
    "desktop_app.ui.register.view",
)
SERVER_PRELOAD = ("psycopg", "desktop_app.core.db", "desktop_app.core.roles", *PRELOAD)

# How this process is named to `restore` (core/presence.py), set before the database is opened.
WINDOW_PROGRAM = "会籍管理程序窗口"

# How a start-up's dialog ended, besides Accepted/Rejected
SWAP = 2  # the database turned out to need the other dialog
FAILED = 3  # the database cannot be opened (the message was shown)
QUIT_WHEN_SHOWN = 4  # --quit-when-shown without a scripted sign-in: the benchmark of the first window

# Quit pressed while the worker is still busy: how long to let it finish its step. A migration
# commits whole or not at all, a backup is written under a temporary name, the demo data in one
# transaction: leaving one of them half-done loses nothing.
STOP_WAIT_S = 3.0
# Python's GIL switch interval while the worker runs (the default is 0.005 s)
WORKER_SWITCH_INTERVAL_S = 0.001


class Options:
    """What the command line asked of the window. (Plain classes in this module, not dataclasses:
    importing ``dataclasses`` after PySide costs 0.01 s before the first dialog.)"""

    def __init__(
        self,
        db: str | None = None,
        demo: bool = False,
        lang: str | None = None,
        user: str | None = None,
        quit_when_shown: bool = False,
    ):
        self.db, self.demo, self.lang, self.user, self.quit_when_shown = db, demo, lang, user, quit_when_shown


def create_application(
    argv: list[str] | None = None, language: str | None = None, *, icon: bool = True
) -> QApplication:
    """The application with its names, preferences, language and (unless ``icon=False``: the start-up
    sets it once the first window is painted) its icon."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName(APP_AUTHOR)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    preferences.configure_storage()  # before the first preference (the language) is read
    if icon:
        set_window_icon(app)
    i18n.install_translators(app, language or i18n.saved_language())
    return app  # type: ignore[return-value]


def set_window_icon(app: QApplication) -> None:
    """The program's icon on every window. (QIcon brings 140 theme-icon names along: 0.004 s.)"""
    from PySide6.QtGui import QIcon

    path = resources_dir() / "icons" / "app.png"
    if path.exists():
        app.setWindowIcon(QIcon(str(path)))


# --- where the database is, read without SQLAlchemy ---------------------------------------------------

# SQLAlchemy's own URL pattern (sqlalchemy/engine/url.py ``_parse_url``), compiled when first needed
_URL_PATTERN = r"""
    (?P<name>[\w+]+)://
    (?:(?P<username>[^:/]*)(?::(?P<password>[^@]*))?@)?
    (?:(?:\[(?P<ipv6host>[^/?]+)\]|(?P<ipv4host>[^/:?]+))?(?::(?P<port>[^/?]*))?)?
    (?:/(?P<database>[^?]*))?
    (?:\?(?P<query>.*))?
"""


class Target:
    """The database the window is about to open, as ``core.db.normalise_url`` would read its URL."""

    def __init__(
        self,
        url: str,
        backend: str,
        username: str | None = None,
        host: str | None = None,
        port: str | None = None,
        database: str | None = None,
    ):
        self.url = url  # as given: with its password, for connecting only
        self.backend = backend  # "sqlite", "postgresql" …; "" when the URL cannot be read (the worker says why)
        self.username, self.host, self.port, self.database = username, host, port, database

    @classmethod
    def parse(cls, url: str) -> Target:
        if "://" not in url:  # a bare file path
            url = f"sqlite:///{Path(url).expanduser().resolve()}"
        if url.startswith("sqlite:///"):  # the office's usual case, without compiling the pattern
            return cls(url, "sqlite", database=unquote(url.removeprefix("sqlite:///").split("?", 1)[0]))
        match = re.compile(_URL_PATTERN, re.X).fullmatch(url)
        if match is None:
            return cls(url, "")
        backend = match["name"].split("+")[0]
        if backend == "postgres":
            backend = "postgresql"
        username = unquote(match["username"]) if match["username"] is not None else None
        database = unquote(match["database"]) if match["database"] is not None else None
        return cls(url, backend, username, match["ipv4host"] or match["ipv6host"], match["port"] or None, database)

    @property
    def server_roles(self) -> bool:
        """``core.roles.uses_server_roles``: PostgreSQL without a user name — everyone signs in
        to the server as their own role."""
        return self.backend == "postgresql" and not self.username

    @property
    def sqlite_path(self) -> Path | None:
        if self.backend == "sqlite" and self.database and self.database != ":memory:":
            return Path(self.database)
        return None

    def description(self) -> str:
        """``core.db.describe_url``: for the dialog, with no password in it."""
        if self.backend == "sqlite":
            return f"SQLite：{self.database}"
        if not self.backend:
            from desktop_app.core.redaction import redact_url

            return redact_url(self.url)
        port = f":{self.port}" if self.port else ""
        return f"PostgreSQL：{self.username or ''}@{self.host or 'localhost'}{port}/{self.database}"


def locate(options: Options) -> Target:
    """``--db``, then ``MEMBERSHIP_OFFICE_DB``, then the SQLite file in the data folder; ``--demo``
    without ``--db`` always its own file (``core.db.resolve_database_url`` / ``demo_database_url``)."""
    if options.db:
        url = options.db
    elif options.demo:
        url = f"sqlite:///{data_dir() / 'demo.db'}"
    else:
        url = os.environ.get(DATABASE_ENV) or f"sqlite:///{data_dir() / 'membership.db'}"
    return Target.parse(url)


def needs_first_administrator(target: Target) -> bool:
    """A guess, so that the right dialog shows first: a SQLite file that does not exist yet gets
    the first-administrator dialog. The worker asks the database; a wrong guess (a file made by
    ``migrate``, or a first start that was quit before the administrator was created) swaps the
    dialog once it knows. Reading the file here would cost importing ``sqlite3`` (0.01 s) at
    every start for what happens once in the life of an installation."""
    path = target.sqlite_path
    return path is not None and (not path.exists() or path.stat().st_size == 0)


def open_database(url: str) -> Database:
    """Open, create or upgrade the database (``core.migrate.open_database``); in the worker."""
    from desktop_app.core.migrate import open_database as open_and_upgrade

    return open_and_upgrade(url)


# --- the worker ------------------------------------------------------------------------------------------------

OPENING, DEMO, BACKUP = "open", "demo", "backup"


class Opened:
    """What the worker hands over: the database (None for the server sign-in, which connects as the
    person), whether it has no account yet, and a daily backup that failed."""

    def __init__(self) -> None:
        self.db: Database | None = None
        self.first_administrator = False
        self.backup_failure: Exception | None = None


class _OpenerSignals(QObject):
    """Created in the GUI thread; emitted from the worker, so delivered queued in the GUI thread."""

    step = Signal(str, int, int)
    finished = Signal(object)
    failed = Signal(object)


class Opener:
    """Opens the database in a thread of its own and imports what comes after the sign-in.

    It touches no widget (STYLE.md §2): it reports its steps, its result or its failure through
    ``signals``. ``stop`` (Quit pressed) lets it end at its next step and closes what it opened."""

    def __init__(
        self,
        url: str | None,
        *,
        demo: bool = False,
        backup: bool = True,
        preload: tuple[str, ...] = PRELOAD,
        demo_members: int | None = None,
        manage_gc: bool = False,
    ):
        self.url, self.demo, self.backup, self.preload = url, demo, backup, preload
        self.manage_gc = manage_gc
        self.demo_members = DEMO_MEMBERS if demo_members is None else demo_members
        self.signals = _OpenerSignals()
        self.cancel = threading.Event()
        self.outcome: Opened | Exception | None = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._switch_interval = sys.getswitchinterval()
        self._gc_was_enabled = gc.isenabled()

    def start(self) -> None:
        if self._thread is None:
            # While it runs, the GIL changes hands every millisecond instead of every five when the
            # dialog needs it (to repaint, to take a key): the dialog answers, the worker hardly slows.
            self._switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(self._switch_interval, WORKER_SWITCH_INTERVAL_S))
            if self.manage_gc:
                # A full collection holds the GIL for 0.05–0.1 s once SQLAlchemy is in (140,000
                # objects): none while the worker imports; what it imported is then frozen
                # (gc.freeze: never garbage, never traversed again — every later full
                # collection in the window is that much shorter).
                self._gc_was_enabled = gc.isenabled()
                gc.disable()
            # a daemon: a process told to quit while a migration runs must not wait for it (the
            # migration is one transaction; the next start simply tries again)
            self._thread = threading.Thread(target=self._run, name="open-database", daemon=True)
            self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Whether the worker has ended (within ``timeout`` seconds)."""
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    def stop(self, timeout: float = STOP_WAIT_S) -> None:
        """Nobody will sign in: end at the next step, and close the database if it was opened."""
        with self._lock:
            self.cancel.set()
            outcome, self.outcome = self.outcome, None
        if isinstance(outcome, Opened) and outcome.db is not None:
            outcome.db.dispose()
        self.wait(timeout)

    def _step(self, step: str, done: int = 0, total: int = 0) -> None:
        if self.cancel.is_set():
            raise Cancelled()
        self.signals.step.emit(step, done, total)

    def _run(self) -> None:
        try:
            outcome = self._open()
        finally:
            if self.manage_gc:
                gc.freeze()
                if self._gc_was_enabled:
                    gc.enable()
            sys.setswitchinterval(self._switch_interval)  # before the dialog hears of it
        if isinstance(outcome, Opened):
            self.signals.finished.emit(outcome)
        elif outcome is not None:
            self.signals.failed.emit(outcome)

    def _open(self) -> Opened | Exception | None:
        """What to tell the dialog: the opened database, why it could not be opened, or nothing
        (stopped)."""
        opened = Opened()
        try:
            if self.url is not None:
                self._step(OPENING)
                from desktop_app.core import presence

                presence.PROGRAM = WINDOW_PROGRAM  # how `restore` names this process (issue 9)
                opened.db = open_database(self.url)
                if self.manage_gc:
                    gc.freeze()  # SQLAlchemy, the models, Alembic: here for the program's life
                if self.demo:
                    self._fill_demo(opened.db)
                elif self.backup and opened.db.sqlite_path is not None:
                    # once a day, a copy of the office's SQLite file, keeping the last N
                    self._step(BACKUP)
                    from desktop_app.ui.startup_backup import take_daily_backup

                    _path, opened.backup_failure = take_daily_backup(opened.db)
                self._step(OPENING)
                from desktop_app.core.services import accounts

                with opened.db.session() as session:
                    opened.first_administrator = accounts.needs_first_administrator(session)
            for name in self.preload:
                if self.cancel.is_set():
                    break
                try:
                    importlib.import_module(name)
                except Exception:  # noqa: BLE001 — only a head start: whoever needs it imports it and says so
                    pass
        except Exception as exc:  # noqa: BLE001 — handed to the GUI thread, shown over the dialog
            if opened.db is not None:
                opened.db.dispose()
            with self._lock:
                self.outcome = None if self.cancel.is_set() else exc
                return self.outcome
        with self._lock:
            cancelled = self.cancel.is_set()
            self.outcome = None if cancelled else opened
        if cancelled and opened.db is not None:
            opened.db.dispose()
        return self.outcome

    def _fill_demo(self, db: Database) -> None:
        """The demo database gets its members on first use, with a progress bar. ``--demo --db X``
        on a database with real data in it is refused (``demo.NotADemoDatabase``), never filled."""
        from desktop_app import demo

        with db.session() as session:
            demo.check_demo_target(session)
            if any(demo.database_contents(session).values()):
                return
        self._step(DEMO, 0, self.demo_members)

        def progress(done: int, total: int) -> None:  # between chunks of 500 rows
            self._step(DEMO, done, total)

        if self.manage_gc and self._gc_was_enabled:
            gc.enable()  # thousands of rows of garbage: collected as they come (the modules are frozen)
        try:
            with db.session() as session:
                demo.generate_demo(session, self.demo_members, progress=progress, chunk=500)
        finally:
            if self.manage_gc:
                gc.collect()  # the demo's garbage, before the rest is frozen for good
                gc.disable()


# --- the first window --------------------------------------------------------------------------------------


class _FirstPaint(QObject):
    """Tells once when a window has been painted (or, failing that, a second after it was shown)."""

    painted = Signal()

    def __init__(self, window: QDialog, fallback_ms: int = 1000):
        super().__init__(window)
        self._window = window
        self._fired = False
        window.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)  # after the children have painted too
        return False

    @Slot()
    def _fire(self) -> None:
        if not self._fired:
            self._fired = True
            self._window.removeEventFilter(self)
            self.painted.emit()


class _StallMeter(QObject):
    """For the benchmark (``--quit-when-shown``): the longest the GUI thread went without turning
    its event loop while the worker ran — how long the dialog could not answer a click or repaint."""

    INTERVAL_S = 0.01

    def __init__(self) -> None:
        super().__init__()
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(self)
        self._timer.setInterval(round(self.INTERVAL_S * 1000))
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self.longest

    @Slot()
    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now


def _rss_kb() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return 0


def _cannot_open(url: object, exc: BaseException) -> str:
    """The message for a database that cannot be opened: never the password, neither the URL's
    nor one that the driver's message quotes (issue 10)."""
    from desktop_app.core.redaction import redact_url

    if isinstance(exc, OfficeError):
        return redact_url(exc.message)
    return (
        QCoreApplication.translate("Application", "The database %1 could not be opened:\n%2")
        .replace("%1", redact_url(url))
        .replace("%2", redact_url(exc))
    )


class _Startup(QObject):
    """The first window and the worker behind it, until someone is signed in, quits, or the
    database cannot be opened. ``start`` shows the dialog; ``finished`` says how it ended."""

    finished = Signal(int)  # Accepted (signed in), Rejected (quit), FAILED, QUIT_WHEN_SHOWN

    def __init__(self, options: Options, started: float, opener: Opener):
        super().__init__()
        self.options, self.started, self.opener = options, started, opener
        self.dialog: SignInDialog | FirstAdministratorDialog | None = None
        self.opened: Opened | None = None
        self.code: int | None = None
        self.signing_in_at: float | None = None
        self._step: tuple[str, int, int] = (OPENING, 0, 0)
        self._shown_once = False
        self._meter: _StallMeter | None = None
        opener.signals.step.connect(self._on_step)
        opener.signals.finished.connect(self._on_opened)
        opener.signals.failed.connect(self._on_failed)

    @property
    def failed(self) -> bool:
        """The database could not be opened (and the office was told)."""
        return self.code == FAILED

    @property
    def scripted_password(self) -> str | None:
        """``--user`` with ``MEMBERSHIP_OFFICE_PASSWORD``: scripts and benchmarks sign in by themselves."""
        password = os.environ.get(PASSWORD_ENV)
        return password if self.options.user and password else None

    def _print(self, text: str) -> None:
        if self.options.quit_when_shown:
            print(f"{text} rss_kb={_rss_kb()} since_open={time.perf_counter() - self.started:.3f}", flush=True)

    def start(self) -> None:
        self._show(self._make_dialog())

    def exec(self) -> int:
        """``start``, and wait (turning the event loop) until the start-up has ``finished``."""
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        self.start()
        if self.code is None:
            loop.exec()
        assert self.code is not None
        return self.code

    def _show(self, dialog: SignInDialog | FirstAdministratorDialog) -> None:
        self.dialog = dialog
        if self.opened is None:
            self._show_step()
        dialog.finished.connect(self._on_dialog_finished)
        _FirstPaint(dialog).painted.connect(self._on_painted)
        dialog.show()

    def _make_dialog(self) -> SignInDialog | FirstAdministratorDialog:
        raise NotImplementedError

    @Slot(int)
    def _on_dialog_finished(self, code: int) -> None:
        dialog = self.dialog
        if dialog is None or self.sender() is not dialog:
            return
        if code == SWAP:  # the database turned out to need the other dialog
            dialog.deleteLater()
            self._show(self._make_dialog())
            return
        if code != QDialog.DialogCode.Accepted:
            self.opener.stop()
        self.code = code
        self.finished.emit(code)

    @Slot()
    def _on_painted(self) -> None:
        if self._shown_once or self.dialog is None:
            return
        self._shown_once = True
        app = QApplication.instance()
        if isinstance(app, QApplication):
            set_window_icon(app)  # painted first, then the icon (the title bar follows at once)
        kind = "first_administrator" if isinstance(self.dialog, FirstAdministratorDialog) else "sign_in"
        self._print(f"dialog shown kind={kind}")
        if self.options.quit_when_shown and self.scripted_password is None:
            self.dialog.done(QUIT_WHEN_SHOWN)  # the benchmark of the first window: nothing more to see
            return
        if self.options.quit_when_shown:
            self._meter = _StallMeter()
            self._meter.start()
        self.opener.start()

    @Slot(str, int, int)
    def _on_step(self, step: str, done: int, total: int) -> None:
        self._step = (step, done, total)
        self._show_step()

    def _show_step(self) -> None:
        if self.dialog is None:
            return
        step, done, total = self._step
        if step == DEMO:
            text = QCoreApplication.translate("Application", "Creating the demo database…")
            if total:
                text += f" {done:,}/{total:,}"
        elif step == BACKUP:
            text = QCoreApplication.translate("Application", "Taking today's backup of the database…")
        else:
            text = QCoreApplication.translate("Application", "Opening the database…")
        self.dialog.show_step(text, done, total)

    def _ready(self) -> None:
        _install_crash_report()  # imported by the worker by now
        if self._meter is not None:
            longest = self._meter.stop()
            self._meter = None
            stall = max(0.0, longest - _StallMeter.INTERVAL_S)  # beyond the meter's own tick
            self._print(f"ready max_stall_ms={stall * 1000:.0f} frozen={gc.get_freeze_count()}")

    @Slot(object)
    def _on_failed(self, exc: Exception) -> None:
        self._ready()
        dialog = self.dialog
        if dialog is None or self.code is not None:
            return
        from desktop_app.ui import msgbox

        msgbox.critical(  # over the dialog the office is looking at
            dialog,
            QCoreApplication.translate("Application", "Cannot open the database"),
            _cannot_open(self.opener.url or "", exc),
        )
        dialog.done(FAILED)

    @Slot(object)
    def _on_opened(self, opened: Opened) -> None:
        raise NotImplementedError

    def _scripted_sign_in(self) -> None:
        password = self.scripted_password
        if password is None or not isinstance(self.dialog, SignInDialog) or not self.options.user:
            return
        self.signing_in_at = time.perf_counter()
        self._print("signing in")
        # a wrong password leaves the dialog open with the error, for a person to sign in
        self.dialog.sign_in_as(self.options.user, password)


def _demo_hint(password: str) -> str:
    return QCoreApplication.translate(
        "Application",
        "Demo database. Accounts: admin (administrator), officer (membership officer), "
        "mentor01 (mentor), leader (resident leader); password %1 for all.",
    ).replace("%1", password)


class LocalStartup(_Startup):
    """SQLite, or PostgreSQL as the owner: the program opens (and upgrades) the database itself,
    then checks the person's password against the account's hash."""

    def __init__(self, target: Target, options: Options, started: float | None = None, *, process_wide: bool = False):
        # process_wide: the start-up owns the process (run): it may tune the garbage collector
        opener = Opener(target.url, demo=options.demo, backup=not options.demo, manage_gc=process_wide)
        super().__init__(options, time.perf_counter() if started is None else started, opener)
        self.target = target
        self.first_administrator = not options.demo and needs_first_administrator(target)

    def _make_dialog(self) -> SignInDialog | FirstAdministratorDialog:
        waiting = self.opened is None
        dialog: SignInDialog | FirstAdministratorDialog
        if self.first_administrator:
            dialog = FirstAdministratorDialog(None, waiting=waiting)
        else:
            hint = _demo_hint(self._demo_password() or "…") if self.options.demo else ""
            username = self.options.user or ("admin" if self.options.demo else "")
            dialog = SignInDialog(
                None, hint=hint, username=username, description=self.target.description(), waiting=waiting
            )
        if self.opened is not None and self.opened.db is not None:
            dialog.set_database(self.opened.db)
        return dialog

    def _demo_password(self) -> str | None:
        if self.opened is None:
            return None
        from desktop_app.demo import DEMO_PASSWORD  # imported by the worker already

        return DEMO_PASSWORD

    @Slot(object)
    def _on_opened(self, opened: Opened) -> None:
        self.opened = opened
        self._ready()
        dialog = self.dialog
        if dialog is None or opened.db is None or self.code is not None:
            return
        if opened.backup_failure is not None:
            from desktop_app.ui.startup_backup import report_failure

            report_failure(dialog, opened.backup_failure)
        if opened.first_administrator != self.first_administrator:  # the guess was wrong
            self.first_administrator = opened.first_administrator
            dialog.done(SWAP)
            return
        dialog.set_database(opened.db)
        if isinstance(dialog, SignInDialog) and self.options.demo:
            dialog.hint.setText(_demo_hint(self._demo_password() or ""))
        self._scripted_sign_in()

    @property
    def signed_in(self) -> tuple[Database, Actor] | None:
        """The database and who signed in to it, once ``finished`` with Accepted."""
        dialog = self.dialog
        if self.code != QDialog.DialogCode.Accepted or dialog is None or dialog.actor is None:
            return None
        assert self.opened is not None and self.opened.db is not None
        return self.opened.db, dialog.actor

    def sign_in(self) -> tuple[Database, Actor] | None:
        self.exec()
        return self.signed_in


class ServerStartup(_Startup):
    """PostgreSQL without a user in the URL: each person signs in to the server as their own role
    (issue 10), and the database is opened by the sign-in itself. The worker only loads the driver
    and what comes after."""

    def __init__(self, url: str | URL, options: Options, started: float | None = None, *, process_wide: bool = False):
        opener = Opener(None, preload=SERVER_PRELOAD, manage_gc=process_wide)
        super().__init__(options, time.perf_counter() if started is None else started, opener)
        self.url = url
        self.db: Database | None = None

    def _description(self) -> str:
        if isinstance(self.url, str):
            return Target.parse(self.url).description()
        from desktop_app.core.db import describe_url

        return describe_url(self.url)

    def _make_dialog(self) -> SignInDialog:
        return SignInDialog(
            None,
            username=self.options.user or "",
            authenticate=self._authenticate,
            description=self._description(),
            waiting=self.opened is None,
        )

    @Slot(object)
    def _on_opened(self, opened: Opened) -> None:
        self.opened = opened
        self._ready()
        if isinstance(self.dialog, SignInDialog) and self.code is None:
            self.dialog.set_ready()
            self._scripted_sign_in()

    def _authenticate(self, username: str, password: str) -> Actor:
        from desktop_app.core import roles
        from desktop_app.core.db import normalise_url
        from desktop_app.core.services import accounts

        url = normalise_url(self.url) if isinstance(self.url, str) else self.url
        try:
            db = roles.connect_as(url, username, password)
        except OfficeError:  # a wrong password, a database to upgrade first
            raise
        except Exception as exc:  # a server that does not answer: said in the dialog, to try again
            raise OfficeError(_cannot_open(url, exc)) from exc
        try:
            with db.session() as session:
                actor = accounts.signed_in_as_role(session, username)
        except BaseException:
            db.dispose()
            raise
        if self.db is not None:
            self.db.dispose()
        self.db = db
        return actor

    @property
    def signed_in(self) -> tuple[Database, Actor] | None:
        dialog = self.dialog
        if self.code != QDialog.DialogCode.Accepted or dialog is None or dialog.actor is None:
            return None
        assert self.db is not None
        return self.db, dialog.actor

    def sign_in(self) -> tuple[Database, Actor] | None:
        self.exec()
        signed = self.signed_in
        if signed is None and self.db is not None:
            self.db.dispose()
            self.db = None
        return signed


def server_sign_in(url: str | URL, options: Options, started: float | None = None) -> tuple[Database, Actor] | None:
    """The sign-in to a PostgreSQL server as one's own role; the database opened as that role."""
    return ServerStartup(url, options, started).sign_in()


def _report_crashes_until_installed() -> None:
    """From here on, an exception nothing caught is logged and shown (``ui/crash.py``) — but
    importing ``crash`` brings the message boxes and PySide's ``Qt`` namespace (0.1 s): these hooks
    import it only if something goes wrong before the worker has imported it and ``_Startup``
    installed it for real."""

    def excepthook(exc_type: type[BaseException], exc: BaseException, tb: Any) -> None:
        from desktop_app.ui import crash

        crash.install()
        crash.handle(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        from desktop_app.ui import crash  # install() belongs to the GUI thread: logged here, shown later

        if args.exc_type is not SystemExit:
            thread = args.thread.name if args.thread is not None else None
            crash.handle(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback, thread_name=thread)

    global _crash_report_pending
    sys.excepthook = excepthook
    threading.excepthook = thread_hook
    _crash_report_pending = True


_crash_report_pending = False


def _install_crash_report() -> None:
    """GUI thread: ``crash.install()``, if ``run`` promised it."""
    global _crash_report_pending
    if _crash_report_pending:
        from desktop_app.ui import crash

        crash.install()
        _crash_report_pending = False


def run(options: Options) -> int:
    started = time.perf_counter()
    app = create_application(language=options.lang, icon=False)
    _report_crashes_until_installed()
    target = locate(options)
    first = True
    while True:  # again after File → Sign out / switch user, or a restore (issue 16)
        startup: LocalStartup | ServerStartup
        if target.server_roles:
            startup = ServerStartup(target.url, options, started, process_wide=first)
        else:
            startup = LocalStartup(target, options, started, process_wide=first)
        signed = startup.sign_in()
        if signed is None:
            return 1 if startup.failed else 0
        db, actor = signed
        if db.presence is not None:  # `restore` names who has the file open
            db.presence.signed_in(f"{actor.full_name}（{actor.username}）")
        code, request = _window_until_closed(app, db, actor, options, started, startup.signing_in_at)
        if request is None:
            return code
        first = False
        options.quit_when_shown = False
        kind, source = request
        if kind == "restore":
            _restore_after_window(target.url, source, actor)


def _restore_after_window(url: str, source: Any, actor: Actor) -> None:
    """The window is closed and the database released: restore, and say how it went."""
    from desktop_app.ui import account_actions, msgbox, ops

    title = QCoreApplication.translate("AccountActions", "Restore from a backup")
    try:
        text = account_actions.restore_now(url, source, actor)
    except OfficeError as exc:
        ops.show_failure(None, exc, title, note=QCoreApplication.translate("AccountActions", "Nothing was changed."))
        return
    msgbox.information(None, title, text)


def _run_window(
    app: QApplication, db: Database, actor: Actor, options: Options, started: float, signing_in_at: float | None = None
) -> int:
    return _window_until_closed(app, db, actor, options, started, signing_in_at)[0]


def _window_until_closed(
    app: QApplication, db: Database, actor: Actor, options: Options, started: float, signing_in_at: float | None = None
) -> tuple[int, tuple[str, Any] | None]:
    """The main window until it closes: the exit code, and what the person asked to do next
    (sign out, restore) — None when the program ends."""
    from desktop_app.ui import ops
    from desktop_app.ui.main_window import MainWindow

    _install_crash_report()
    window = MainWindow(db, actor, demo=options.demo)
    window.show()
    if options.quit_when_shown:
        _report_when_loaded(window, started, signing_in_at)
    code = app.exec()
    ops.wait_all(5000)
    QSettings().sync()
    request = window.exit_request
    window.deleteLater()
    db.dispose()
    return code, request


def _report_when_loaded(window: Any, started: float, signing_in_at: float | None = None) -> None:
    """For benchmarks and the start-up test: print when the register's first page is on screen
    and when its complete id list is in, with the resident memory, then quit."""
    register = window.areas.get("register")

    def line(what: str) -> str:
        rows = register.model.rowCount() if register is not None else 0
        now = time.perf_counter()
        since_sign_in = f" since_sign_in={now - signing_in_at:.3f}" if signing_in_at is not None else ""
        return f"{what} rows={rows} rss_kb={_rss_kb()} since_open={now - started:.3f}{since_sign_in}"

    def loaded() -> None:
        QApplication.processEvents()
        print(line("loaded"), flush=True)
        QApplication.quit()

    def shown() -> None:
        QApplication.processEvents()
        print(line("shown"), flush=True)
        if register is None or register.model.is_complete():
            loaded()
        else:
            register.model.loaded.connect(loaded)

    QTimer.singleShot(0, shown)
