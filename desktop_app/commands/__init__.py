"""Headless sub-commands of ``membership-office``. Shared helpers for them live here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from desktop_app.core.db import Database, resolve_database_url
from desktop_app.core.errors import OfficeError
from desktop_app.core.migrate import open_database


def add_db_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: `membership-office --db X demo` and `membership-office demo --db X` both work
    parser.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="数据库地址（默认同主程序）")


def open_for(args: argparse.Namespace, default_url: Callable[[], str] | None = None) -> Database:
    url = getattr(args, "db", None) or (default_url() if default_url else resolve_database_url())
    return open_database(url)


def fail(message: str, code: int = 1) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return code


def guarded(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Office errors become a Chinese message and exit code 1, not a traceback."""

    def wrapper(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except OfficeError as exc:
            return fail(exc.message)
        except KeyboardInterrupt:
            return fail("已中断，未保存任何更改。", 130)

    return wrapper


class ProgressPrinter:
    """``done/total`` on one stderr line, updated in place."""

    def __init__(self, label: str):
        self.label = label

    def __call__(self, done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{self.label}：{done}/{total}", end=end, file=sys.stderr, flush=True)
