"""A clerk's daily tool (issue 16) on a 100,000-member demo database. Prints figures and ratios
against floors measured in the same run.

    .venv/bin/python tests/benchmarks/bench_clerk.py [--members 100000] [--runs 7] [--keep DIR]

- pinyin order: the register's first page sorted by organisation name (pinyin key, its own index),
  in SQL and through the window (click on the header → first page painted); floor: the same by
  member number (the unique index)                                       goal: median ≤ 20 ms
- pinyin search: ``whzs`` (initials) and ``wuhan`` (full pinyin), keystroke → first page painted;
  floor: the Chinese search ``建设`` in the same run                      goal: median ≤ 20 ms
- memory: resident memory with the register open after sorting by every column (each whole list
  in), with the page cache of issue 16 (8 MB a connection) and, for comparison, of before (64 MB);
  floor: the same process with the register open before any sort           goal: ≤ 180 MB
Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # measure this checkout, whatever is installed
PYTHON = sys.executable

from tests.benchmarks.bench_foundation import machine  # noqa: E402  (after the path above)

GOAL_MS = 20.0
GOAL_MB = 180.0


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def median_ms(call, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def verdict(value: float, goal: float) -> str:
    return "OK" if value <= goal else "MISSED"


def bench_sql(url: str, runs: int) -> None:
    from desktop_app.core.migrate import open_database
    from desktop_app.core.services import members
    from desktop_app.core.services.members import MemberFilter

    db = open_database(url)
    page = 201
    with db.session() as session:

        def first_page(sort: str, text: str = "") -> None:
            members.search_member_ids(session, MemberFilter(text=text), sort=sort, limit=page)

        first_page("name")  # warm the cache as a working day has
        floor = median_ms(lambda: first_page("member_number"), runs)
        name = median_ms(lambda: first_page("name"), runs)
        name_desc = median_ms(
            lambda: members.search_member_ids(session, MemberFilter(), sort="name", descending=True, limit=page), runs
        )
        liaison = median_ms(lambda: first_page("liaison_name"), runs)
        chinese = median_ms(lambda: first_page("member_number", "建设"), runs)
        initials = median_ms(lambda: first_page("member_number", "whzs"), runs)
        full = median_ms(lambda: first_page("member_number", "wuhan"), runs)
        initials_sorted = median_ms(lambda: first_page("name", "whzs"), runs)
        found = members.count_members(session, MemberFilter(text="whzs"))
    db.dispose()
    print(f"SQL, first page of 200 (median of {runs}):")
    print(f"  by member number (floor)              {floor:7.2f} ms")
    print(
        f"  by name, pinyin                       {name:7.2f} ms = {name / floor:.2f}× floor  {verdict(name, GOAL_MS)}"
    )
    print(f"  by name, pinyin, descending           {name_desc:7.2f} ms = {name_desc / floor:.2f}× floor")
    print(f"  by liaison, pinyin                    {liaison:7.2f} ms = {liaison / floor:.2f}× floor")
    print(f"  search 建设 (floor for searches)       {chinese:7.2f} ms")
    print(
        f"  search whzs (initials, {found} found)   {initials:7.2f} ms = {initials / chinese:.2f}× 建设  "
        f"{verdict(initials, GOAL_MS)}"
    )
    print(
        f"  search wuhan (full pinyin)            {full:7.2f} ms = {full / chinese:.2f}× 建设  {verdict(full, GOAL_MS)}"
    )
    print(f"  search whzs sorted by name            {initials_sorted:7.2f} ms = {initials_sorted / chinese:.2f}× 建设")


def bench_window(url: str, runs: int) -> None:
    """Through the register window: header click or keystroke → first page painted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.migrate import open_database
    from desktop_app.core.services import accounts
    from desktop_app.demo import DEMO_PASSWORD
    from desktop_app.ui.app import create_application
    from desktop_app.ui.register.view import RegisterView

    app = create_application(language="zh_CN")
    db = open_database(url)
    with db.session() as session:
        actor = accounts.sign_in(session, "officer", DEMO_PASSWORD)
    view = RegisterView(db, actor)
    view.resize(1190, 700)
    view.show()

    def settle() -> None:
        deadline = time.perf_counter() + 60
        while not view.model.is_complete() and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.002)
        app.processEvents()

    settle()

    def sort_by(column: int, runs: int) -> float:
        times = []
        for _ in range(runs):
            view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # elsewhere first
            settle()
            started = time.perf_counter()
            view.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
            view.table.viewport().repaint()
            times.append((time.perf_counter() - started) * 1000)
            settle()
        return statistics.median(times)

    def type_text(text: str, runs: int) -> float:
        times = []
        for _ in range(runs):
            view.search.setText("")
            settle()
            started = time.perf_counter()
            view.search.setText(text)
            view.table.viewport().repaint()
            times.append((time.perf_counter() - started) * 1000)
            settle()
        return statistics.median(times)

    number = sort_by(0, runs)
    name = sort_by(1, runs)
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    settle()
    chinese = type_text("建设", runs)
    initials = type_text("whzs", runs)
    view.close()
    db.dispose()
    QApplication.processEvents()
    print(f"window, click or keystroke → first page painted (median of {runs}):")
    print(f"  sort by member number (floor)         {number:7.2f} ms")
    print(
        f"  sort by name, pinyin                  {name:7.2f} ms = {name / number:.2f}× floor  {verdict(name, GOAL_MS)}"
    )
    print(f"  type 建设 (floor for searches)         {chinese:7.2f} ms")
    print(
        f"  type whzs                             {initials:7.2f} ms = {initials / chinese:.2f}× 建设  "
        f"{verdict(initials, GOAL_MS)}"
    )


MEMORY_SCRIPT = r"""
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, sys.argv[3])
from tests.benchmarks.bench_clerk import rss_mb
cache_kb = int(sys.argv[2])
from desktop_app.core import db as core_db
original = core_db.sqlite_on_connect
def on_connect(dbapi_connection, record):
    original(dbapi_connection, record)
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA cache_size=-{cache_kb}")
    cursor.close()
if cache_kb:
    core_db.sqlite_on_connect = on_connect  # as before issue 16; 0: as the code has it now
from PySide6.QtCore import Qt
from desktop_app.core.migrate import open_database
from desktop_app.core.services import accounts
from desktop_app.demo import DEMO_PASSWORD
from desktop_app.ui.app import create_application
from desktop_app.ui.register.view import RegisterView
app = create_application(language="zh_CN")
db = open_database(sys.argv[1])
with db.session() as session:
    actor = accounts.sign_in(session, "officer", DEMO_PASSWORD)
view = RegisterView(db, actor)
view.resize(1190, 700)
view.show()
def settle():
    deadline = time.perf_counter() + 120
    while not view.model.is_complete() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()
settle()
print(f"open {rss_mb():.1f}", flush=True)
for column in range(view.model.columnCount()):
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        view.table.sortByColumn(column, order)
        settle()
        view.table.viewport().repaint()
view.search.setText("whzs")
settle()
view.search.setText("")
settle()
print(f"sorted {rss_mb():.1f}", flush=True)
"""


def bench_memory(url: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    figures = {}
    for label, cache_kb in (("before (64 MB a connection)", 65536), ("now (8 MB a connection)", 0)):
        out = subprocess.run(
            [PYTHON, "-c", MEMORY_SCRIPT, url, str(cache_kb), str(ROOT)],
            check=True,
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
        ).stdout.split("\n")
        opened = float(next(line for line in out if line.startswith("open")).split()[1])
        in_order = float(next(line for line in out if line.startswith("sorted")).split()[1])
        figures[label] = (opened, in_order)
    print("memory, register open, then sorted by every column both ways (whole lists in):")
    for label, (opened, in_order) in figures.items():
        print(
            f"  {label:28} open {opened:6.1f} MB (floor), after sorting {in_order:6.1f} MB "
            f"= {in_order / opened:.2f}× floor  {verdict(in_order, GOAL_MB) if label.startswith('now') else ''}"
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="folder for the benchmark database (kept, reused)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="membership-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / f"bench-{args.members}.db"
    url = f"sqlite:///{db_path}"
    os.environ["MEMBERSHIP_OFFICE_HOME"] = str(folder / "home")
    print(f"machine: {machine()}")
    print(f"database: {url}")
    if not db_path.exists():
        started = time.perf_counter()
        subprocess.run(
            [PYTHON, "-m", "desktop_app", "demo", "--members", str(args.members), "--db", url],
            check=True,
            env={**os.environ, "MEMBERSHIP_OFFICE_PASSWORD": "demo123"},
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        print(f"demo --members {args.members}: {time.perf_counter() - started:.1f} s")
    bench_sql(url, args.runs)
    bench_window(url, args.runs)
    bench_memory(url)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
