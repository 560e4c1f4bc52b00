"""Import and export benchmarks (issue 3). Prints figures against the targets.

    .venv/bin/python tests/benchmarks/bench_import_export.py [--rows 10000] [--members 100000] [--runs 3]

- import:  a 10,000-row messy roster (title rows, text dates, numbers as numbers, blank rows,
           duplicates, bad rows): read, plan (every row validated), write; then the same file
           again (every row matched, nothing to write)                                 figures
- export:  the roster of a 100,000-member database written with spreadsheets.roster, against a
           bare openpyxl write_only loop writing the same cells in the same run   target ≤ 1.3×
- PDF:     the roster PDF of 3,000 members (a large real office)                       figure

Not a test: figures depend on the machine. Set MEMBERSHIP_OFFICE_BENCH_PG to a PostgreSQL URL
(an empty database) to measure the import there too.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # measure this checkout, whatever is installed
os.environ.setdefault("MEMBERSHIP_OFFICE_HOME", tempfile.mkdtemp(prefix="bench-home-"))

from openpyxl import Workbook  # noqa: E402

from desktop_app.core.migrate import open_database  # noqa: E402
from desktop_app.core.security import SYSTEM_ACTOR  # noqa: E402
from desktop_app.core.services import importing  # noqa: E402
from desktop_app.core.services.roster import build_roster  # noqa: E402
from desktop_app.demo import generate_demo  # noqa: E402
from desktop_app.documents.roster import write_roster_pdf  # noqa: E402
from desktop_app.spreadsheets.reader import read_roster  # noqa: E402
from desktop_app.spreadsheets.roster import write_roster_xlsx  # noqa: E402
from tests.spreadsheets.messy import make_messy_roster  # noqa: E402


def timed(fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def bench_import(url: str, path: Path, label: str) -> None:
    db = open_database(url)
    read_s, table = timed(lambda: read_roster(path))
    with db.session() as session:
        plan_s, plan = timed(lambda: importing.plan_import(session, SYSTEM_ACTOR, table))
        write_s, _ = timed(lambda: importing.apply_import(session, SYSTEM_ACTOR, plan))
        commit_started = time.perf_counter()
    commit_s = time.perf_counter() - commit_started
    total = read_s + plan_s + write_s + commit_s
    print(
        f"import [{label}] {len(table.rows)} rows: read {read_s:.2f} s, plan {plan_s:.2f} s, write "
        f"{write_s + commit_s:.2f} s, total {total:.2f} s ({len(table.rows) / total:.0f} rows/s) — {plan.summary_line()}"
    )
    with db.session() as session:
        again_s, again = timed(lambda: importing.import_members(session, SYSTEM_ACTOR, table))
    print(f"import [{label}] the same file again: {again_s:.2f} s after reading — {again.summary_line()}")
    db.dispose()


def bare_write(path: Path, titles: list[str], rows: list[tuple]) -> None:
    """What openpyxl costs at least: write_only, the same header and cells, no styles or settings."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("会员名册")
    sheet.append(titles)
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def bench_export(folder: Path, members: int, runs: int) -> None:
    url = f"sqlite:///{folder / 'export.db'}"
    db = open_database(url)
    demo_s, _ = timed(lambda: _fill(db, members))
    print(f"export: demo database of {members} members made in {demo_s:.1f} s")
    for public in (False, True):
        with db.session() as session:
            query_s, roster = timed(lambda: build_roster(session, SYSTEM_ACTOR, public=public))
        titles = [c.title for c in roster.columns]
        ours, bare = [], []
        for run in range(runs):  # alternate, so both see the same machine state
            ours.append(timed(lambda: write_roster_xlsx(roster, folder / f"ours-{run}.xlsx"))[0])
            bare.append(timed(lambda: bare_write(folder / f"bare-{run}.xlsx", titles, roster.rows))[0])
        ratio = statistics.median(ours) / statistics.median(bare)
        verdict = "meets" if ratio <= 1.3 else "MISSES"
        print(
            f"export [{roster.version_label}] {len(roster.rows)} rows × {len(titles)} columns: query {query_s:.2f} s; "
            f"write median {statistics.median(ours):.2f} s vs bare openpyxl {statistics.median(bare):.2f} s "
            f"= {ratio:.2f}× ({verdict} target ≤ 1.3×); file {(folder / 'ours-0.xlsx').stat().st_size / 1_048_576:.1f} MB"
        )
    db.dispose()


def bench_pdf(folder: Path) -> None:
    db = open_database(f"sqlite:///{folder / 'pdf.db'}")
    _fill(db, 3300)
    with db.session() as session:
        roster = build_roster(session, SYSTEM_ACTOR, public=True)
    pdf_s, report = timed(lambda: write_roster_pdf(roster, folder / "roster.pdf"))
    print(
        f"PDF: {len(roster.rows)} members, {report.pages} pages in {pdf_s:.1f} s "
        f"({(folder / 'roster.pdf').stat().st_size / 1_048_576:.1f} MB)"
    )
    db.dispose()


def _fill(db, members: int) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        generate_demo(session, members)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-pdf", action="store_true")
    args = parser.parse_args()
    print(
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs"
    )
    with tempfile.TemporaryDirectory(prefix="bench-import-export-") as tmp:
        folder = Path(tmp)
        path = folder / "roster.xlsx"
        make_s, _ = timed(lambda: make_messy_roster(path, args.rows, blank_every=500))
        print(
            f"import: messy roster of {args.rows} rows written in {make_s:.1f} s ({path.stat().st_size / 1_048_576:.1f} MB)"
        )
        bench_import(f"sqlite:///{folder / 'import.db'}", path, "SQLite")
        pg = os.environ.get("MEMBERSHIP_OFFICE_BENCH_PG")
        if pg:
            bench_import(pg, path, "PostgreSQL")
        bench_export(folder, args.members, args.runs)
        if not args.skip_pdf:
            bench_pdf(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
