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
    "report",  # reports (issue 17): the half-yearly mentor report, statistics
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


# argparse's own words in Chinese (issue 16: "usage:", "positional arguments", "options" and
# "show this help message and exit" mixed English into the Chinese help). argparse looks its
# texts up through the module's ``_``/``ngettext`` (gettext) each time it needs one.
ARGPARSE_CHINESE = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示程序版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少以下参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：%(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "必须给出参数 %s 之一",
    "ambiguous option: %(option)s could match %(matches)s": "选项不明确：%(option)s 可以是 %(matches)s",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "unexpected option string: %s": "意外的选项：%s",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的子命令 %(parser_name)r（可选：%(choices)s）",
}


def _argparse_in_chinese() -> None:
    def gettext(text: str) -> str:
        return ARGPARSE_CHINESE.get(text, text)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    _argparse_in_chinese()
    parser = argparse.ArgumentParser(
        prog="membership-office",
        description="武汉建筑业协会会籍管理。不带子命令时打开程序窗口。",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}", help="显示程序版本号并退出")
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
    from desktop_app.records import article_name

    # The regulation's articles as staff name them (第九条第（二）项), not requirement ids.
    for choice in subparsers._choices_actions:
        if choice.help:
            choice.help = article_name(choice.help)
    for sub in subparsers.choices.values():
        if sub.description:
            sub.description = article_name(sub.description)
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

    if args.lang:  # the services' messages (errors, refusals) in that language; Chinese by default
        from desktop_app import messages

        messages.set_language(args.lang)

    presence.PROGRAM = f"命令行 membership-office {args.command}" if args.command else "会籍管理程序窗口"
    if args.smoke and args.command is None:
        from desktop_app.ui.smoke import run_smoke

        return run_smoke(args.db)
    return int(args.run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
