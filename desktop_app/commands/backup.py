"""``backup OUT`` and ``restore FILE``: copies of the SQLite database, and putting one back.

    membership-office backup OUT [--db URL]        OUT is a file name, or a folder for a dated file
    membership-office restore FILE [--db URL] [--yes]

``restore`` checks that FILE is a database of this program (not damaged, not from a newer
version), keeps the current database as a backup first, puts FILE in its place, and upgrades it
if it came from an older version. For PostgreSQL both commands explain the ``pg_dump`` way.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.commands import add_db_option, add_user_option, fail, guarded, open_signed_in
from desktop_app.core.backup import PG_DUMP_HINT, back_up, check_backup
from desktop_app.core.db import Database, resolve_database_url
from desktop_app.core.restore import backups_to_keep, restore_database
from desktop_app.core.security import Permission, require
from desktop_app.core.settings import BACKUP_KEEP
from desktop_app.errors import OfficeError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "backup",
        help="备份 SQLite 数据库（程序运行时也可安全备份）",
        description="用 SQLite 的在线备份功能复制数据库；程序窗口开着时也能得到一致的副本。",
    )
    parser.add_argument("out", metavar="OUT", type=Path, help="备份文件名，或存放带日期文件名的文件夹")
    add_db_option(parser)
    parser.set_defaults(run=guarded(run_backup))

    parser = subparsers.add_parser(
        "restore",
        help="从备份恢复 SQLite 数据库（先把当前数据库另存为备份）",
        description="检查备份文件确是本程序的数据库且不来自更新的版本，把当前数据库另存到备份文件夹，然后用备份替换它。",
    )
    parser.add_argument("file", metavar="FILE", type=Path, help="要恢复的备份文件")
    parser.add_argument("--yes", "-y", action="store_true", help="不再询问确认")
    add_db_option(parser)
    add_user_option(parser)
    parser.set_defaults(run=guarded(run_restore))


def _database(args: argparse.Namespace) -> Database:
    return Database(getattr(args, "db", None) or resolve_database_url())


def run_backup(args: argparse.Namespace) -> int:
    db = _database(args)  # not upgraded: a backup changes nothing
    try:
        if db.sqlite_path is None:
            return fail(PG_DUMP_HINT)
        if not db.sqlite_path.exists():
            return fail(f"数据库文件“{db.sqlite_path}”不存在。")
        path = back_up(db, args.out)
    finally:
        db.dispose()
    print(f"已备份：{path}（{path.stat().st_size / 1_048_576:.1f} MB）")
    return 0


def run_restore(args: argparse.Namespace) -> int:

    db = _database(args)
    target = db.sqlite_path
    url = db.url.render_as_string(hide_password=False)
    db.dispose()
    if target is None:
        return fail(PG_DUMP_HINT)
    check_backup(args.file)  # before asking: a wrong file is refused at once
    if not args.yes:
        if not sys.stdin.isatty():
            return fail("恢复会替换当前数据库。请加 --yes 确认。")
        answer = input(f"用“{args.file}”替换数据库“{target}”？当前数据库会先另存为备份。输入 yes 确认：")
        if answer.strip().lower() not in ("yes", "y", "是"):
            print("已取消，没有改动。")
            return 1
    keep = BACKUP_KEEP.default
    who = "数据库文件的所有者（当前数据库无法打开）"
    if target.exists():
        # issue 10: an administrator signs in to the database being replaced. When it cannot be
        # opened at all (damaged — exactly when one restores), the file's owner is the one who may.
        try:
            current, actor = open_signed_in(args)
        except OfficeError:
            raise
        except Exception:  # noqa: BLE001 — a damaged file: see above
            current = None
            print("注意：当前数据库无法打开，按数据库文件所有者的权限恢复。", file=sys.stderr)
        if current is not None:
            try:
                require(actor, Permission.RESTORE_DATABASE)
                keep = backups_to_keep(current)
            finally:
                current.dispose()
            who = actor.display
    saved = restore_database(url, args.file, who, keep=keep)
    if saved is not None:
        print(f"恢复前的数据库已另存为：{saved}")
    print(f"已从“{args.file}”恢复数据库：{target}")
    return 0
