"""Foundation benchmarks on a 100,000-member demo database. Prints figures against the targets.

    .venv/bin/python tests/benchmarks/bench_foundation.py [--members 100000] [--runs 5] [--keep DIR]

- demo:    `membership-office demo --members 100000` as a command       target ≤ 20 s
- startup: process start → main window shown with the register's first page (signed in by
           script as soon as the database is open), against a bare PySide6 QMainWindow timed
           to its first paint in the same run                              target ≤ 2× the bare window
           (also printed: the bare window after importing SQLAlchemy's ORM, the stack's floor;
           the sign-in dialog, the first start of the day and sign-in → first page: bench_startup.py)
- search:  "建设" and a USCC prefix, from the keystroke to the table updated   target median ≤ 50 ms
- memory:  resident memory with the register open (whole id list in)  target ≤ 250 MB

Not a test: figures depend on the machine. Set MEMBERSHIP_OFFICE_BENCH_PG to a PostgreSQL URL
(an empty database) to measure the search there too.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # measure this checkout, whatever is installed
PYTHON = sys.executable
from tests.benchmarks.bench_startup import BARE_WINDOW  # noqa: E402  (after the path above)

# The same bare window with the ORM imported first: the least any program on this stack can do,
# since the register's first page needs SQLAlchemy before the window can show it.
BARE_WINDOW_WITH_ORM = "import sqlalchemy.orm\n" + BARE_WINDOW


def line_time(cmd: list[str], marker: str, env: dict[str, str]) -> tuple[float, list[str]]:
    """Seconds from starting ``cmd`` until it prints a line starting with ``marker``."""
    started = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    assert process.stdout is not None
    lines = []
    elapsed = float("nan")
    for line in process.stdout:
        lines.append(line.strip())
        if line.startswith(marker) and elapsed != elapsed:
            elapsed = time.perf_counter() - started
    process.wait(timeout=300)
    return elapsed, lines


def field(line: str, name: str) -> str:
    return next(part.split("=", 1)[1] for part in line.split() if part.startswith(name + "="))


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def bench_search(url: str, runs: int) -> dict[str, list[float]]:
    """Keystroke → table updated, in the real register view (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
        prefix = session.execute(__import__("sqlalchemy").text("SELECT uscc FROM member ORDER BY id LIMIT 1")).scalar()[
            :8
        ]
    view = RegisterView(db, actor)
    view.resize(1300, 800)
    view.show()

    def settle() -> None:
        deadline = time.perf_counter() + 30
        while not view.model.is_complete() and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.002)
        app.processEvents()

    settle()
    results: dict[str, list[float]] = {}
    for label, query in (("建设", "建设"), (f"USCC prefix {prefix}", prefix)):
        first_page, complete = [], []
        for _ in range(runs):
            view.search.setText("")
            settle()
            started = time.perf_counter()
            view.search.setText(query)  # textChanged → SQL → model reset (what a keystroke does)
            view.table.viewport().repaint()  # the visible rows fetched and painted
            first_page.append((time.perf_counter() - started) * 1000)
            settle()
            complete.append((time.perf_counter() - started) * 1000)
        results[label] = first_page
        results[label + " (whole list in)"] = complete
    view.close()
    db.dispose()
    QApplication.processEvents()
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="folder for the benchmark database (kept)")
    parser.add_argument("--search-only", action="store_true")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="membership-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / f"bench-{args.members}.db"
    url = f"sqlite:///{db_path}"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "MEMBERSHIP_OFFICE_HOME": str(folder / "home"),
        "MEMBERSHIP_OFFICE_PASSWORD": "demo123",
    }
    print(f"machine: {machine()}")
    print(f"database: {url}")

    if not args.search_only or not db_path.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
        started = time.perf_counter()
        subprocess.run(
            [PYTHON, "-m", "desktop_app", "demo", "--members", str(args.members), "--db", url],
            check=True,
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        demo_s = time.perf_counter() - started
        print(f"demo --members {args.members}: {demo_s:.1f} s (target ≤ 20 s) {'OK' if demo_s <= 20 else 'MISSED'}")

    if not args.search_only:
        bare, floor, app_shown, app_loaded, rss_shown, rss_loaded = [], [], [], [], [], []
        for _ in range(args.runs):
            bare.append(line_time([PYTHON, "-c", BARE_WINDOW], "shown", env)[0])
            floor.append(line_time([PYTHON, "-c", BARE_WINDOW_WITH_ORM], "shown", env)[0])
            shown_s, lines = line_time(
                [PYTHON, "-m", "desktop_app", "--db", url, "--user", "officer", "--quit-when-shown"], "shown", env
            )
            app_shown.append(shown_s)
            shown_line = next(line for line in lines if line.startswith("shown"))
            loaded_line = next(line for line in lines if line.startswith("loaded"))
            rss_shown.append(int(field(shown_line, "rss_kb")) / 1024)
            rss_loaded.append(int(field(loaded_line, "rss_kb")) / 1024)
            app_loaded.append(
                shown_s + float(field(loaded_line, "since_open")) - float(field(shown_line, "since_open"))
            )
        b, a = statistics.median(bare), statistics.median(app_shown)
        print(f"start-up, bare QMainWindow: median {b:.2f} s over {args.runs} runs")
        f = statistics.median(floor)
        print(f"start-up, bare QMainWindow after `import sqlalchemy.orm`: median {f:.2f} s = {f / b:.2f}× bare")
        print(
            f"start-up, main window with the register's first page: median {a:.2f} s = {a / b:.2f}× bare "
            f"(target ≤ 2×) {'OK' if a <= 2 * b else 'MISSED'}"
        )
        print(f"start-up, until the register's whole id list is in: median {statistics.median(app_loaded):.2f} s")
        rss = max(rss_loaded)
        print(
            f"memory with the register open: {statistics.median(rss_shown):.0f} MB at first page, "
            f"{rss:.0f} MB with every id loaded (target ≤ 250 MB) {'OK' if rss <= 250 else 'MISSED'}"
        )

    for label, figures in bench_search(url, args.runs).items():
        median = statistics.median(figures)
        verdict = "" if "whole list" in label else f" (target median ≤ 50 ms) {'OK' if median <= 50 else 'MISSED'}"
        print(f"search {label}: median {median:.1f} ms, max {max(figures):.1f} ms{verdict}")
    pg = os.environ.get("MEMBERSHIP_OFFICE_BENCH_PG")
    if pg:
        subprocess.run(
            [PYTHON, "-m", "desktop_app", "demo", "--members", str(args.members), "--db", pg],
            check=True,
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for label, figures in bench_search(pg, args.runs).items():
            print(f"PostgreSQL search {label}: median {statistics.median(figures):.1f} ms, max {max(figures):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
