"""``membership-office``: no sub-command opens the window; sub-commands do the same work headless.

Each sub-command lives in ``desktop_app/commands/<name>.py`` with ``register(subparsers)``, and
calls the same services as the window. Nothing here imports Qt unless the window is opened.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from desktop_app import __version__

# Modules under desktop_app.commands, each adding its sub-commands.
COMMAND_MODULES = (
    "database",
    "demo",
    "document",
    "roster",
    "backup",
    "admission",
    "mentors",
    "mailing",
    "dues",
    "withdrawal",  # withdrawal (issue 15)
)  # mentors: issue 12; mailing: issue 14; dues: issue 13


_VALUE_OPTIONS = ("--db", "--lang", "--user")

# Every local account can read another's command line (ps, /proc/<pid>/cmdline); the environment
# and a password file are the owner's alone (issue 10).
PASSWORD_ON_COMMAND_LINE = (
    "警告：命令行中的数据库密码会被本机其他用户在进程列表中看到。"
    "请改用 PGPASSFILE（.pgpass）或环境变量 MEMBERSHIP_OFFICE_DB；见 README。"
)


def _names_a_sub_command(argv: list[str]) -> bool:
    """Whether ``argv`` asks for a sub-command (or help). Opening the window skips importing the
    sub-commands' modules (spreadsheets, documents …): a third of a second at every start."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in ("-h", "--help"):
            return True
        elif token in _VALUE_OPTIONS:
            skip = True
        elif not token.startswith("-"):
            return True
    return False


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="membership-office",
        description="武汉建筑业协会会籍管理。不带子命令时打开程序窗口。",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="数据库地址（默认：用户数据目录中的 SQLite 文件；也可用环境变量 MEMBERSHIP_OFFICE_DB）",
    )
    parser.add_argument("--demo", action="store_true", help="在单独的演示数据库上打开窗口（绝不使用正式数据库）")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="界面语言（默认中文）")
    parser.add_argument("--user", help=argparse.SUPPRESS)  # with MEMBERSHIP_OFFICE_PASSWORD: scripted sign-in
    parser.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)  # benchmarks
    parser.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)  # self-test of a built bundle
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="子命令")
    for name in COMMAND_MODULES:
        importlib.import_module(f"desktop_app.commands.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(with_commands=_names_a_sub_command(argv))
    args = parser.parse_args(argv)
    db = getattr(args, "db", None) or ""  # `--db` before or after the sub-command
    # every password form redaction knows has an "@" or the word password in it: without either,
    # its patterns need not be compiled (a fiftieth of the window's start-up)
    if "@" in db or "password" in db.lower():
        from desktop_app.core.redaction import has_password

        if has_password(db):
            print(PASSWORD_ON_COMMAND_LINE, file=sys.stderr, flush=True)
    if args.command is None and not args.smoke:
        # The window: its first dialog shows before anything else is imported (issue 11); the
        # worker that opens the database names this process to `restore` (ui/app.py).
        from desktop_app.ui.app import Options, run

        return run(
            Options(db=args.db, demo=args.demo, lang=args.lang, user=args.user, quit_when_shown=args.quit_when_shown)
        )
    from desktop_app.core import presence  # how this process is named to `restore` (issue 9)

    presence.PROGRAM = f"命令行 membership-office {args.command}" if args.command else "会籍管理程序窗口"
    if args.smoke and args.command is None:
        from desktop_app.ui.smoke import run_smoke

        return run_smoke(args.db)
    return int(args.run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
