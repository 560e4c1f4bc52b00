"""Start-up benchmark (issue 11) on a 100,000-member demo database: what the office waits for.

    .venv/bin/python tests/benchmarks/bench_startup.py [--members 100000] [--runs 7] [--keep DIR]

Each figure is a median over the runs, and a ratio against a bare PySide6 QMainWindow: every run
of the program is paired with a run of the bare window just before or after it (in turn), and the
ratio is the median of the pairs' ratios, so that a machine that slows down or speeds up for a
while moves both sides of a pair:

- process start → the first window (the sign-in dialog) painted         target ≤ 1.3× bare
- the same on the first start of the day (the daily backup is due)      target ≤ 1.3× bare
- how long the dialog could not repaint while the worker opened the database and took the
  backup (the longest gap in its event loop)                              target ≤ ~30 ms
- sign-in pressed → the register's first page on screen
- process start → the register's first page (no time for typing: the sign-in is scripted and
  pressed as soon as the database is open)

"Painted" is the same for both: the first paint event of the window, then one turn of the event
loop (all its children painted). Python writes its byte code into a cache folder of the run's own
(as an installed program has it), so neither side compiles source at every start.

Not a test: the figures depend on the machine; the benchmark prints them, it does not judge the
machine. An outside timer can compare the two whole processes too:
``python -m desktop_app --db URL --quit-when-shown`` (no password in the environment: it quits as
soon as the sign-in dialog is painted) against ``python tests/benchmarks/bare_window.py``.
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
PYTHON = sys.executable

# The yardstick: an empty main window, timed to its first paint exactly as the program's dialog is.
BARE_WINDOW_FILE = Path(__file__).with_name("bare_window.py")
BARE_WINDOW = BARE_WINDOW_FILE.read_text(encoding="utf-8")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def timed_lines(cmd: list[str], env: dict[str, str]) -> dict[str, tuple[float, str]]:
    """Seconds from starting ``cmd`` until each line it prints (by its first word(s)), and the line."""
    started = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    assert process.stdout is not None
    seen: dict[str, tuple[float, str]] = {}
    for line in process.stdout:
        key = " ".join(line.split()[:2]) if line.startswith("dialog shown") else line.split(" ", 1)[0].strip()
        seen.setdefault(key, (time.perf_counter() - started, line.strip()))
    process.wait(timeout=600)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited with {process.returncode}")
    return seen


def field(line: str, name: str) -> float:
    return float(next(part.split("=", 1)[1] for part in line.split() if part.startswith(name + "=")))


def drop_daily_backups(home: Path) -> None:
    """Make the next start the first of the day."""
    for path in (home / "backups").glob("*-daily*.db"):
        path.unlink()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="folder for the benchmark database (kept, reused)")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="membership-bench-startup-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / f"bench-{args.members}.db"
    url = f"sqlite:///{db_path}"
    home = folder / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MEMBERSHIP_OFFICE_HOME": str(home)}
    env.pop("MEMBERSHIP_OFFICE_PASSWORD", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # byte code cached, as in an installed program …
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")  # … outside the checkout
    scripted = {**env, "MEMBERSHIP_OFFICE_PASSWORD": "demo123"}
    print(f"machine: {machine()}")
    print(f"database: {url}")
    if not db_path.exists():
        started = time.perf_counter()
        subprocess.run(
            [PYTHON, "-m", "desktop_app", "demo", "--members", str(args.members), "--db", url],
            check=True,
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        print(f"demo --members {args.members}: {time.perf_counter() - started:.1f} s")

    bare_cmd = [PYTHON, str(BARE_WINDOW_FILE)]
    dialog_cmd = [PYTHON, "-m", "desktop_app", "--db", url, "--quit-when-shown"]
    signed_cmd = [*dialog_cmd, "--user", "officer"]
    for cmd, cmd_env in ((bare_cmd, env), (dialog_cmd, env), (signed_cmd, scripted)):  # warm-up: caches
        timed_lines(cmd, cmd_env)

    # Each run of the program is paired with a run of the bare window just before or after it (in
    # turn), and each figure is the median of those pairs' ratios: a machine that slows down for a
    # while (other work, the disk writing yesterday's backup) slows both sides of a pair.
    cases = (
        ("dialog", dialog_cmd, env, False),
        ("first of the day", signed_cmd, scripted, True),
        ("later starts", signed_cmd, scripted, False),
    )
    bare: list[float] = []
    times: dict[str, dict[str, list[float]]] = {name: {} for name, *_ in cases}
    ratios: dict[str, dict[str, list[float]]] = {name: {} for name, *_ in cases}
    for run in range(args.runs):
        for name, cmd, cmd_env, due in cases:
            if due:  # the first start of the day: no backup taken today yet
                drop_daily_backups(home)
                os.sync()
            order = [(bare_cmd, env), (cmd, cmd_env)]
            results = [timed_lines(c, e) for c, e in (order if run % 2 == 0 else order[::-1])]
            yardstick, seen = results if run % 2 == 0 else results[::-1]
            b = yardstick["shown"][0]
            bare.append(b)
            if due and not any(home.glob("backups/*-daily*.db")):
                raise SystemExit("the first start of the day took no daily backup")
            figures = {"dialog": seen["dialog shown"][0]}
            if "ready" in seen:
                figures["ready"] = seen["ready"][0]
                figures["sign_in"] = field(seen["shown"][1], "since_sign_in")
                figures["page"] = seen["shown"][0]
                times[name].setdefault("stall", []).append(field(seen["ready"][1], "max_stall_ms"))
            for key, value in figures.items():
                times[name].setdefault(key, []).append(value)
                ratios[name].setdefault(key, []).append(value / b)

    def figure(name: str, key: str) -> str:
        return (
            f"{statistics.median(times[name][key]):.3f} s = {statistics.median(ratios[name][key]):.2f}× bare"
            f" (pairs: {min(ratios[name][key]):.2f}–{max(ratios[name][key]):.2f})"
        )

    def verdict(name: str, key: str, target: float) -> str:
        value = statistics.median(ratios[name][key])
        return f"(target ≤ {target}×) {'OK' if value <= target else 'MISSED'}"

    print(
        f"bare QMainWindow painted: {statistics.median(bare):.3f} s (median of {len(bare)} runs, {args.runs} per figure)"
    )
    print(f"start → sign-in dialog painted: {figure('dialog', 'dialog')} {verdict('dialog', 'dialog', 1.3)}")
    print(
        "start → sign-in dialog painted, first start of the day (daily backup due): "
        f"{figure('first of the day', 'dialog')} {verdict('first of the day', 'dialog', 1.3)}"
    )
    for name in ("first of the day", "later starts"):
        stall = times[name]["stall"]
        what = (
            "upgrade check, daily backup, modules loaded"
            if name == "first of the day"
            else "upgrade check, modules loaded"
        )
        print(
            f"{name}: database open ({what}) {statistics.median(times[name]['ready']):.3f} s after start; "
            f"the dialog's longest stall meanwhile {statistics.median(stall):.0f} ms median, {max(stall):.0f} ms "
            f"worst (target ≤ ~30 ms) {'OK' if statistics.median(stall) <= 30 else 'MISSED'}"
        )
        print(f"{name}: sign-in pressed → register's first page: {figure(name, 'sign_in')}")
        print(f"{name}: start → register's first page (sign-in scripted, no typing): {figure(name, 'page')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
