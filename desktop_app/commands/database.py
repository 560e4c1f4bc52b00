"""``migrate``, ``create-admin``: setting up a database without the window (e.g. on a server)."""

from __future__ import annotations

import argparse
import getpass
import sys

from desktop_app.commands import add_db_option, guarded, open_for
from desktop_app.core.migrate import upgrade_database
from desktop_app.core.schema import head_revision
from desktop_app.core.services import accounts


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("migrate", help="创建或升级数据库到本程序的版本（升级前自动备份 SQLite 文件）")
    add_db_option(parser)
    parser.set_defaults(run=guarded(run_migrate))

    parser = subparsers.add_parser("create-admin", help="在没有任何账户的数据库中创建初始管理员")
    add_db_option(parser)
    parser.add_argument("--username", default="admin", help="用户名（默认 admin）")
    parser.add_argument("--full-name", required=True, help="姓名")
    parser.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码（用于脚本）")
    parser.set_defaults(run=guarded(run_create_admin))


def run_migrate(args: argparse.Namespace) -> int:
    db = open_for(args)
    upgrade_database(db, privileges=True)  # PostgreSQL: the office roles' privileges, re-applied
    print(f"数据库已是最新版本（{head_revision()}）：{db.description()}")
    db.dispose()
    return 0


def run_create_admin(args: argparse.Namespace) -> int:
    if args.password_stdin:
        password = confirm = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("密码：")
        confirm = getpass.getpass("再次输入密码：")
    db = open_for(args)
    with db.session() as session:
        actor = accounts.create_first_administrator(session, args.username, args.full_name, password, confirm)
    print(f"已创建管理员 {actor.username}（{actor.full_name}）：{db.description()}")
    db.dispose()
    return 0
