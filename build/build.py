"""Build the one-folder bundle with PyInstaller, then run its smoke test.

    python build/build.py              # build/dist/membership-office/, then --smoke on the result
    python build/build.py --no-smoke   # only build
    python build/build.py --measure    # build with and without the Qt exclusions, print both sizes

Exit status is non-zero when the build or the smoke test fails (``.ci/run`` relies on it).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "build" / "dist"
WORK = ROOT / "build" / "work"
NAME = "membership-office"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(*, keep_qt: bool = False, dist: Path = DIST) -> Path:
    env = dict(os.environ)
    if keep_qt:
        env["MEMBERSHIP_OFFICE_KEEP_QT"] = "1"
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(ROOT / "app.spec"),
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(WORK / ("keep-qt" if keep_qt else "default")),
        ],
        check=True,
        cwd=ROOT,
        env=env,
    )
    bundle = dist / NAME
    print(
        f"built {bundle} in {time.perf_counter() - started:.0f} s: {folder_size(bundle) / 1_048_576:.1f} MB, "
        f"{sum(1 for p in bundle.rglob('*') if p.is_file())} files",
        flush=True,
    )
    return bundle


def executable(bundle: Path, name: str) -> Path:
    return bundle / (name + (".exe" if sys.platform == "win32" else ""))


def smoke(bundle: Path) -> None:
    """Run both programs of the bundle with --smoke, headless, away from the user's data."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("MEMBERSHIP_OFFICE_DB", None)
    env.pop("MEMBERSHIP_OFFICE_HOME", None)
    for name in (f"{NAME}-cli", NAME):
        program = executable(bundle, name)
        result = subprocess.run([str(program), "--smoke"], env=env, capture_output=True, text=True, timeout=300)
        output = result.stdout + result.stderr
        print(output.rstrip(), flush=True)
        # the window program has no console on Windows: its exit status is what counts there
        if result.returncode != 0 or (name.endswith("-cli") and "smoke: ok" not in result.stdout):
            raise SystemExit(f"smoke test of {program.name} failed (exit status {result.returncode})")
        print(f"smoke test of {program.name} passed", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-smoke", action="store_true")
    parser.add_argument("--measure", action="store_true", help="also build keeping every Qt module, and compare")
    args = parser.parse_args(argv)
    bundle = build()
    if not args.no_smoke:
        smoke(bundle)
    if args.measure:
        kept = build(keep_qt=True, dist=WORK / "measure")
        size, kept_size = folder_size(bundle), folder_size(kept)
        print(
            f"bundle with the Qt exclusions: {size / 1_048_576:.1f} MB; without them: {kept_size / 1_048_576:.1f} MB "
            f"({(kept_size - size) / 1_048_576:+.1f} MB)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
