"""Headless sub-commands of ``membership-office``. Shared helpers for them live here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from desktop_app import messages
from desktop_app.core.db import Database, resolve_database_url
from desktop_app.core.migrate import open_database
from desktop_app.core.redaction import redact_url
from desktop_app.errors import OfficeError


def add_db_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: `membership-office --db X demo` and `membership-office demo --db X` both work
    parser.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="数据库地址（默认同主程序）")


def open_for(args: argparse.Namespace, default_url: Callable[[], str] | None = None) -> Database:
    url = getattr(args, "db", None) or (default_url() if default_url else resolve_database_url())
    return open_database(url)


def fail(message: str, code: int = 1) -> int:
    prefix = "Error: " if messages.language() == messages.ENGLISH else "错误："  # `--lang en`
    print(f"{prefix}{redact_url(message)}", file=sys.stderr)  # a quoted database URL, without its password
    return code


def guarded(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Office errors become a Chinese message and exit code 1, not a traceback."""

    def wrapper(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except OfficeError as exc:
            return fail(exc.message)
        except KeyboardInterrupt:
            return fail(messages.say("commands.interrupted").render(), 130)

    return wrapper


class ProgressPrinter:
    """``done/total`` on one stderr line, updated in place."""

    def __init__(self, label: str):
        self.label = label

    def __call__(self, done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{self.label}：{done}/{total}", end=end, file=sys.stderr, flush=True)


PASSWORD_ENV = "MEMBERSHIP_OFFICE_PASSWORD"


def add_user_option(parser: argparse.ArgumentParser) -> None:
    """``--user NAME``: who runs the command (issue 10: the command line signs in as the window does)."""
    # SUPPRESS: `membership-office --user X import-members …` and `… import-members --user X` both work
    parser.add_argument(
        "--user",
        default=argparse.SUPPRESS,
        metavar="用户名",
        help=f"以该工作人员身份登录（密码取自环境变量 {PASSWORD_ENV}，或提示输入）",
    )


def open_signed_in(args: argparse.Namespace, default_url: Callable[[], str] | None = None):  # type: ignore[no-untyped-def]
    """The database and the signed-in ``Actor`` for a command that reads or writes personal data.

    The same accounts, passwords, lock-out and roles as the window: ``--user NAME``, the password
    from ``MEMBERSHIP_OFFICE_PASSWORD`` or asked for. On a PostgreSQL URL without a user name the
    command signs in to the server as that account's own role (``core/roles.py``)."""
    import getpass
    import os

    from desktop_app.core import roles
    from desktop_app.core.db import normalise_url
    from desktop_app.core.services import accounts

    username = (getattr(args, "user", None) or "").strip()
    if not username:
        raise OfficeError(messages.say("commands.sign_in_required", variable=PASSWORD_ENV))
    password = os.environ.get(PASSWORD_ENV)
    if not password:
        if not sys.stdin.isatty():
            raise OfficeError(messages.say("commands.no_password", username=username, variable=PASSWORD_ENV))
        password = getpass.getpass(f"{username} 的密码：")
    url = getattr(args, "db", None) or (default_url() if default_url else resolve_database_url())
    parsed = normalise_url(url)
    if roles.uses_server_roles(parsed):
        db = roles.connect_as(parsed, username, password)
        try:
            with db.session() as session:
                actor = accounts.signed_in_as_role(session, username)
        except BaseException:
            db.dispose()
            raise
        return db, actor
    db = open_database(url)
    try:
        with db.session() as session:
            actor = accounts.sign_in(session, username, password)
    except BaseException:
        db.dispose()
        raise
    return db, actor
