"""``report``: the half-yearly mentor report (R-9.5) and the membership statistics, signed in.

    membership-office report mentors --half 2026H2 -o 报告.xlsx|报告.pdf [--user NAME] [--db URL]
    membership-office report mentors --half 2026H2 --propose 用户名=reward|none|penalty [--reason 理由]
    membership-office report statistics -o 统计.xlsx|统计.pdf [--years 10] [--user NAME] [--db URL]

Without ``-o`` the figures are printed. The proposals (reward / none / penalty) are suggested from
the settings ``reports.*`` and the office may change one before exporting (``--propose``, with a
reason when it differs from the suggestion); who changed it is kept and printed in the report.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import select

from desktop_app.commands import ProgressPrinter, add_db_option, add_user_option, fail, guarded, open_signed_in
from desktop_app.core.models import Staff
from desktop_app.core.services import reports


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="报告：班主任半年工作考核报告（第九条第（五）项）、会员统计；导出 Excel 或 PDF",
        description="报告。以 --user 登录；班主任考核报告由会籍管理部和驻会领导查看，奖惩建议由会籍管理部填写。",
    )
    add_db_option(parser)
    add_user_option(parser)
    actions = parser.add_subparsers(dest="action", metavar="报告", required=True)

    sub = actions.add_parser(
        "mentors",
        help="班主任半年工作考核报告：联系、微信群、交接单、会费收缴、优秀通联员、得分、排名和奖惩建议",
        description="班主任半年工作考核报告（第九条第（五）项）。不加 -o 时在终端列出各项数字。",
    )
    add_db_option(sub)
    add_user_option(sub)
    sub.add_argument("--half", required=True, metavar="半年", help="考核期：2026H1（上半年）或 2026H2（下半年）")
    sub.add_argument("-o", "--out", type=Path, metavar="文件.xlsx|文件.pdf", help="导出为 Excel 或 PDF（按扩展名）")
    sub.add_argument(
        "--propose",
        metavar="用户名=建议",
        action="append",
        default=[],
        help="导出前修改某班主任的奖惩建议：reward（奖励）、none（不奖不罚）、penalty（处罚）；可重复",
    )
    sub.add_argument("--reason", default=None, metavar="理由", help="修改建议的理由（与按分数的建议不同时必填）")
    sub.set_defaults(run=guarded(run_mentors))

    sub = actions.add_parser(
        "statistics",
        help="会员统计：按级别、类别、所在区；历年入会退会；历年会费应收已收；入会申请各步骤",
        description="会员统计。不加 -o 时在终端列出。",
    )
    add_db_option(sub)
    add_user_option(sub)
    sub.add_argument("-o", "--out", type=Path, metavar="文件.xlsx|文件.pdf", help="导出为 Excel 或 PDF（按扩展名）")
    sub.add_argument("--years", type=int, default=10, metavar="N", help="历年数字的年数（默认 10）")
    sub.set_defaults(run=guarded(run_statistics))


def _check_out(out: Path | None) -> str | None:
    if out is not None and out.suffix.lower() not in (".xlsx", ".pdf"):
        return "输出文件的扩展名应为 .xlsx 或 .pdf。"
    return None


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def run_mentors(args: argparse.Namespace) -> int:
    problem = _check_out(args.out)
    if problem:
        return fail(problem)
    half = reports.parse_half(args.half)
    proposals = []
    for text in args.propose:
        username, sep, choice = str(text).partition("=")
        if not sep or not username.strip():
            return fail(f"--propose：“{text}”应写成 用户名=reward|none|penalty")
        proposals.append((username.strip(), reports.parse_proposal(choice)))
    db, actor = open_signed_in(args)
    try:
        with db.session() as session:
            for username, choice in proposals:
                mentor_id = session.scalar(select(Staff.id).where(Staff.username == username))
                if mentor_id is None:
                    return fail(f"--propose：没有用户名为“{username}”的工作人员")
                row = reports.save_proposal(session, actor, half, mentor_id, choice, args.reason)
                print(f"已记录 {row.mentor_name} 的{half.label}奖惩建议：{row.proposal.label}")
            if args.out is not None:
                progress = (
                    ProgressPrinter("导出") if sys.stderr.isatty() and args.out.suffix.lower() == ".pdf" else None
                )
                done = reports.export_mentor_report(session, actor, half, args.out, progress=progress)
                pages = f"，{done.pages} 页" if done.pages else ""
                print(f"已导出{half.label}班主任工作考核报告（{done.rows} 位班主任{pages}）：{done.path}")
                return 0
            report = reports.mentor_report(session, actor, half)
    finally:
        db.dispose()
    running = "（本期尚未结束）" if report.running else ""
    print(f"{report.association}班主任工作考核 {half.label}，统计截至 {report.as_of:%Y-%m-%d}{running}")
    print(
        "排名  班主任  服务会员  联系次数  已联系  未联系  微信群覆盖  交接单(办结/填报)  收缴率  欠费户数  得分  建议"
    )
    for line in [*report.lines, *([report.unassigned] if report.unassigned else []), report.total]:
        rank = "" if line.rank is None else str(line.rank)
        score = "—" if line.score is None else f"{line.score:.1f}"
        proposal = line.proposal.label if line.score is not None else ""
        if line.edited_by and line.proposal != line.suggested:
            proposal += f"（{line.edited_by}改，原建议{line.suggested.label}）"
        print(
            f"{rank:>4}  {line.mentor_name}  {line.members_served}  {line.contact_entries}  {line.members_contacted}  "
            f"{line.members_without_contact}  {_rate(line.wechat_rate)}  {line.forms_applied}/{line.forms_filed}  "
            f"{_rate(line.collection_rate)}  {line.arrears_members}  {score}  {proposal}"
        )
    return 0


def run_statistics(args: argparse.Namespace) -> int:
    problem = _check_out(args.out)
    if problem:
        return fail(problem)
    if not 1 <= args.years <= 50:
        return fail("--years 应为 1 到 50。")
    db, actor = open_signed_in(args)
    try:
        with db.session() as session:
            if args.out is not None:
                done = reports.export_statistics(session, actor, args.out, years=args.years)
                pages = f"，{done.pages} 页" if done.pages else ""
                print(f"已导出会员统计（正常会员 {done.rows} 个{pages}）：{done.path}")
                return 0
            stats = reports.statistics(session, actor, years=args.years)
    finally:
        db.dispose()
    print(f"{stats.association}会员统计，截至 {stats.made_on:%Y-%m-%d}，正常会员 {stats.active} 个")
    for title, rows in (("会员级别", stats.by_level), ("单位类别", stats.by_category), ("所在区", stats.by_district)):
        print(f"{title}：" + "；".join(f"{r.label} {r.count}" for r in rows))
    print("年度  入会  主动退会  取消会员资格")
    for flow in stats.flows:
        print(f"{flow.year}  {flow.joined}  {flow.withdrawn}  {flow.cancelled}")
    print("会费年度  应收户数  应收金额  已收金额  收缴率")
    for year in stats.dues:
        print(
            f"{year.year}  {year.billed_count}  {year.billed_amount:,.2f}  {year.collected_amount:,.2f}  "
            f"{_rate(year.rate)}"
        )
    print("入会办理步骤  正在等待  已办完  平均用时（天）")
    for stage in stats.stages:
        days = "—" if stage.average_days is None else f"{stage.average_days:.1f}"
        print(f"{stage.title}  {stage.waiting}  {stage.completed}  {days}")
    return 0
