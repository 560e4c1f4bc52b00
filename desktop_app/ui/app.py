"""Starting the window: language, database (upgraded, backed up), sign-in, main window."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QProgressDialog
from sqlalchemy.engine import URL

from desktop_app import APP_AUTHOR, APP_NAME, __version__, demo
from desktop_app.core.db import Database, demo_database_url, describe_url, normalise_url, resolve_database_url
from desktop_app.core.migrate import open_database
from desktop_app.core.redaction import redact_url
from desktop_app.core.security import Actor
from desktop_app.core.services import accounts
from desktop_app.errors import AuthenticationError, OfficeError
from desktop_app.paths import resources_dir
from desktop_app.ui import crash, i18n, msgbox, ops, preferences

DEMO_MEMBERS = 3000
PASSWORD_ENV = "MEMBERSHIP_OFFICE_PASSWORD"


@dataclass
class Options:
    db: str | None = None
    demo: bool = False
    lang: str | None = None
    user: str | None = None
    quit_when_shown: bool = False


def create_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName(APP_AUTHOR)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    preferences.configure_storage()  # before the first preference (the language) is read
    icon = resources_dir() / "icons" / "app.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    i18n.install_translators(app, language or i18n.saved_language())
    return app  # type: ignore[return-value]


def _fill_demo(db: Database) -> None:
    """The demo database gets its members on first use, with a progress bar. ``--demo --db X``
    on a database with real data in it is refused (``demo.NotADemoDatabase``), never filled."""
    with db.session() as session:
        demo.check_demo_target(session)
        if any(demo.database_contents(session).values()):
            return
    dialog = QProgressDialog(
        QCoreApplication.translate("Application", "Creating the demo database…"), "", 0, DEMO_MEMBERS
    )
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)

    def progress(done: int, total: int) -> None:  # a few seconds, between chunks of 500 rows
        dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents()

    with db.session() as session:
        demo.generate_demo(session, DEMO_MEMBERS, progress=progress, chunk=500)
    dialog.close()


def sign_in(db: Database, options: Options) -> Actor | None:
    from desktop_app.ui.sign_in import FirstAdministratorDialog, SignInDialog

    with db.session() as session:
        first = accounts.needs_first_administrator(session)
    if first:
        dialog = FirstAdministratorDialog(db)
        return dialog.actor if dialog.exec() else None
    password = os.environ.get(PASSWORD_ENV)
    if options.user and password:
        try:
            with db.session() as session:
                return accounts.sign_in(session, options.user, password)
        except AuthenticationError:
            pass
    hint = ""
    if options.demo:
        hint = QCoreApplication.translate(
            "Application",
            "Demo database. Accounts: admin (administrator), officer (membership officer), "
            "mentor01 (mentor), leader (resident leader); password %1 for all.",
        ).replace("%1", demo.DEMO_PASSWORD)
    dialog = SignInDialog(db, hint=hint, username=options.user or ("admin" if options.demo else ""))
    return dialog.actor if dialog.exec() else None


def server_sign_in(url: URL, options: Options) -> tuple[Database, Actor] | None:
    """PostgreSQL without a user in the URL: each person signs in to the server as their own
    role (issue 10); the database is opened by the sign-in itself."""
    from desktop_app.core import roles
    from desktop_app.ui.sign_in import SignInDialog

    opened: list[Database] = []

    def authenticate(username: str, password: str) -> Actor:
        db = roles.connect_as(url, username, password)
        try:
            with db.session() as session:
                actor = accounts.signed_in_as_role(session, username)
        except BaseException:
            db.dispose()
            raise
        opened.append(db)
        return actor

    password = os.environ.get(PASSWORD_ENV)
    if options.user and password:
        try:
            actor = authenticate(options.user, password)
            return opened[-1], actor
        except OfficeError:
            pass
    dialog = SignInDialog(None, username=options.user or "", authenticate=authenticate, description=describe_url(url))
    if not dialog.exec() or dialog.actor is None:
        for db in opened:
            db.dispose()
        return None
    return opened[-1], dialog.actor


def run(options: Options) -> int:
    app = create_application(language=options.lang)
    crash.install()  # from here on, an exception nothing caught is logged and shown (ui/crash.py)
    url = options.db or (demo_database_url() if options.demo else resolve_database_url())
    started = time.perf_counter()
    from desktop_app.core import roles

    parsed = normalise_url(url)
    if roles.uses_server_roles(parsed):
        try:
            signed = server_sign_in(parsed, options)
        except Exception as exc:  # a server that does not answer
            msgbox.critical(
                None,
                QCoreApplication.translate("Application", "Cannot open the database"),
                QCoreApplication.translate("Application", "The database %1 could not be opened:\n%2")
                .replace("%1", redact_url(url))
                .replace("%2", redact_url(exc)),
            )
            return 1
        if signed is None:
            return 0
        return _run_window(app, *signed, options, started)
    try:
        db = open_database(url)
        if options.demo:
            _fill_demo(db)
    except OfficeError as exc:
        msgbox.critical(
            None, QCoreApplication.translate("Application", "Cannot open the database"), redact_url(exc.message)
        )
        return 1
    except Exception as exc:  # a server that does not answer, a file that is not a database
        # never the password: neither the URL's nor one that the driver's message quotes (issue 10)
        msgbox.critical(
            None,
            QCoreApplication.translate("Application", "Cannot open the database"),
            QCoreApplication.translate("Application", "The database %1 could not be opened:\n%2")
            .replace("%1", redact_url(url))
            .replace("%2", redact_url(exc)),
        )
        return 1
    if not options.demo:  # once a day, a copy of the office's SQLite file, keeping the last N
        from desktop_app.ui.startup_backup import daily_backup

        daily_backup(None, db)
    actor = sign_in(db, options)
    if actor is None:
        db.dispose()
        return 0
    if db.presence is not None:  # `restore` names who has the file open
        db.presence.signed_in(f"{actor.full_name}（{actor.username}）")
    return _run_window(app, db, actor, options, started)


def _run_window(app: QApplication, db: Database, actor: Actor, options: Options, started: float) -> int:
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(db, actor, demo=options.demo)
    window.show()
    if options.quit_when_shown:
        _report_when_loaded(window, started)
    code = app.exec()
    ops.wait_all(5000)
    QSettings().sync()
    db.dispose()
    return code


def _rss_kb() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return 0


def _report_when_loaded(window, started: float) -> None:  # type: ignore[no-untyped-def]
    """For benchmarks and the start-up test: print when the register's first page is on screen
    and when its complete id list is in, with the resident memory, then quit."""
    register = window.areas.get("register")

    def loaded() -> None:
        QApplication.processEvents()
        rows = register.model.rowCount() if register is not None else 0
        print(f"loaded rows={rows} rss_kb={_rss_kb()} since_open={time.perf_counter() - started:.3f}", flush=True)
        QApplication.quit()

    def shown() -> None:
        QApplication.processEvents()
        rows = register.model.rowCount() if register is not None else 0
        print(f"shown rows={rows} rss_kb={_rss_kb()} since_open={time.perf_counter() - started:.3f}", flush=True)
        if register is None or register.model.is_complete():
            loaded()
        else:
            register.model.loaded.connect(loaded)

    QTimer.singleShot(0, shown)
