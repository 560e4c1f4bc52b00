"""``demo --members N``: fill a database with believable demo data (the demo database by default)."""

from __future__ import annotations

import argparse
import time

from desktop_app.commands import ProgressPrinter, add_db_option, fail, guarded, open_for
from desktop_app.core.db import demo_database_url
from desktop_app.demo import DEMO_PASSWORD, NotADemoDatabase, generate_demo


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="生成演示数据（默认写入单独的演示数据库，绝不写入正式数据库）",
        description="向空数据库写入演示会员、工作人员和班主任分配。不指定 --db 时写入演示数据库。",
    )
    add_db_option(parser)
    parser.add_argument("--members", type=int, default=3000, help="会员数量（默认 3000）")
    parser.add_argument("--seed", type=int, default=20201027, help="随机种子（相同种子生成相同数据）")
    parser.set_defaults(run=guarded(run_demo))


def run_demo(args: argparse.Namespace) -> int:
    if args.members < 0:
        return fail("会员数量不能为负数。")
    started = time.perf_counter()
    db = open_for(args, default_url=demo_database_url)
    try:
        with db.session() as session:
            generate_demo(session, args.members, seed=args.seed, progress=ProgressPrinter("生成演示会员"))
    except NotADemoDatabase as exc:
        return fail(f"{db.description()}：{exc.message}")
    finally:
        db.dispose()
    elapsed = time.perf_counter() - started
    print(f"已生成 {args.members} 个演示会员，用时 {elapsed:.1f} 秒：{db.description()}")
    print(f"演示账户：admin、officer、mentor01 … mentor12、leader，密码均为 {DEMO_PASSWORD}")
    return 0
