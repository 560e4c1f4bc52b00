"""``membership-office --smoke``: the built program checks itself, headless, and exits 0 or 1.

Run after every build (``build/build.py``, ``.ci/run``) on the bundle itself, so a missing data
file, Qt plugin, font, translation or migration fails the build instead of an office workstation:
it opens (creates and migrates) a database, fills it with demo members, loads the translations,
builds the main window offscreen with the register showing, writes the roster as PDF and Excel,
reads the workbook back through the importer, loads the PDF with QtPdf, and checks the
PostgreSQL driver imports. Nothing of the user's is touched: everything happens in a temporary
folder unless ``--db`` names a database.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

from desktop_app.core.redaction import redact_url  # the output goes into build logs: no passwords


def run_smoke(db_url: str | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="membership-office-smoke-") as folder:
        os.environ["MEMBERSHIP_OFFICE_HOME"] = str(Path(folder) / "home")
        try:
            for line in _checks(Path(folder), db_url):
                print(f"smoke: {redact_url(line)}", flush=True)
        except Exception:  # noqa: BLE001 — report whatever broke, as a failure
            print(redact_url(traceback.format_exc()), end="", file=sys.stderr, flush=True)
            print("smoke: FAILED", flush=True)
            return 1
    print(f"smoke: ok ({time.perf_counter() - started:.1f} s)", flush=True)
    return 0


def _checks(folder: Path, db_url: str | None):  # type: ignore[no-untyped-def]
    from desktop_app import __version__
    from desktop_app.paths import resources_dir

    yield f"version {__version__}, frozen={getattr(sys, 'frozen', False)}, resources {resources_dir()}"

    from desktop_app.core.migrate import open_database
    from desktop_app.core.schema import head_revision
    from desktop_app.core.services import accounts
    from desktop_app.demo import DEMO_PASSWORD, generate_demo
    from desktop_app.ui import ops

    url = db_url or f"sqlite:///{folder / 'smoke.db'}"
    db = open_database(url)
    try:
        # One session each, committed, errors raised (``ops.query``): no view listens yet.
        def fill(session):  # type: ignore[no-untyped-def]
            if accounts.needs_first_administrator(session):
                generate_demo(session, 60, seed=1)

        ops.query(db, fill)
        actor = ops.query(db, lambda session: accounts.sign_in(session, "officer", DEMO_PASSWORD))
        yield f"database {db.description()} at {head_revision()}, signed in as {actor.username}"

        from PySide6.QtWidgets import QApplication

        from desktop_app.ui import i18n

        # window geometry and language go to the temporary MEMBERSHIP_OFFICE_HOME, never the
        # user's settings (ui/preferences.py)
        from desktop_app.ui.app import create_application

        app = create_application(language="zh_CN")
        loaded = i18n.install_translators(app, "zh_CN")
        if not any(name.startswith("membership_office") for name in loaded):
            raise RuntimeError(f"translations not found in {i18n.translations_dir()}: {loaded}")
        yield f"translations {', '.join(loaded)}; platform {QApplication.platformName()}"

        from desktop_app.ui.main_window import MainWindow

        window = MainWindow(db, actor)
        window.show()
        register = window.areas["register"]
        deadline = time.monotonic() + 30
        while not register.model.is_complete() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        rows = register.model.rowCount()
        if rows == 0:
            raise RuntimeError("the register shows no members")
        grab = folder / "window.png"
        window.grab().save(str(grab))
        yield f"main window: {len(window.areas)} areas, register {rows} rows, screenshot {grab.stat().st_size} bytes"

        from desktop_app.core.services.roster import build_roster
        from desktop_app.documents.roster import write_roster_pdf
        from desktop_app.spreadsheets.roster import write_roster_xlsx

        roster = ops.query(db, lambda session: build_roster(session, actor, public=True))
        report = write_roster_pdf(roster, folder / "roster.pdf")
        write_roster_xlsx(roster, folder / "roster.xlsx")
        yield f"roster: PDF {report.pages} pages, Excel {(folder / 'roster.xlsx').stat().st_size} bytes"

        from desktop_app.core.services import importing
        from desktop_app.spreadsheets.reader import read_roster

        table = read_roster(folder / "roster.xlsx")

        def dry_run(session):  # type: ignore[no-untyped-def]
            try:
                return importing.plan_import(session, actor, table)
            finally:
                session.rollback()  # a dry run: nothing written

        plan = ops.query(db, dry_run)
        if plan.updated != len(roster.rows):
            raise RuntimeError(f"the exported roster did not read back: {plan.summary_line()}")
        yield f"import of the exported roster (dry run): {plan.summary_line()}"

        from PySide6.QtPdf import QPdfDocument

        document = QPdfDocument()
        document.load(str(folder / "roster.pdf"))
        if document.pageCount() != report.pages:
            raise RuntimeError(f"QtPdf read {document.pageCount()} pages of {report.pages}")
        yield f"QtPdf loads the roster: {document.pageCount()} pages"
        document.close()
        window.close()
        app.processEvents()
    finally:
        db.dispose()

    import psycopg

    yield f"PostgreSQL driver psycopg {psycopg.__version__} ({psycopg.pq.__impl__})"
