"""``import-members`` and ``export-roster``: the office's Excel roster in, the published roster out (R-9.2).

    membership-office import-members FILE.xlsx [--dry-run] [--rejected OUT.xlsx] [--verbose] [--db URL] [--user NAME]
    membership-office export-roster OUT.xlsx|OUT.pdf [--public] [--db URL] [--user NAME]

The same services as the window, signed in as a staff account (``--user NAME``; the password from
``MEMBERSHIP_OFFICE_PASSWORD`` or asked for): the same roles, and the audit log names the person
(issue 10). Every export is audited with who, which version and how many rows.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.commands import ProgressPrinter, add_db_option, add_user_option, fail, guarded, open_signed_in
from desktop_app.core.services import importing, roster
from desktop_app.spreadsheets.reader import read_roster


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import-members",
        help="导入办公室的 Excel 会员名册（.xlsx）：逐行新增、按信用代码更新、跳过重复、列出未导入的行及原因",
        description="导入 Excel 会员名册。整个文件在一个事务中导入：要么全部写入，要么什么都不写。"
        "最后一行输出汇总：imported N, updated N, duplicates N, rejected N。",
    )
    parser.add_argument("file", metavar="FILE.xlsx", type=Path, help="Excel 工作簿（.xlsx）")
    parser.add_argument("--dry-run", action="store_true", help="只检查并列出每行的结果，不写入数据库")
    parser.add_argument(
        "--rejected", metavar="OUT.xlsx", type=Path, help="把未导入的行（附原因）保存为工作簿，退回班主任核对"
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="也列出新增和更新的每一行")
    _add_common(parser)
    parser.set_defaults(run=guarded(run_import))

    parser = subparsers.add_parser(
        "export-roster",
        help="导出会员名册（R-9.2）：Excel（.xlsx）或 PDF（.pdf）；--public 为公开版（不含个人电话、微信、邮箱）",
        description="导出在册（状态为“正常”）会员的名册，按会员级别、入会日期排序。",
    )
    parser.add_argument("out", metavar="OUT.xlsx|OUT.pdf", type=Path, help="输出文件，按扩展名决定格式")
    parser.add_argument("--public", action="store_true", help="公开版：用于网站和工作群，不含手机、微信和电子邮箱")
    parser.add_argument(  # issue 17: the publication log
        "--published",
        metavar="website,work-group",
        help="登记本次导出的名册已发布：website（协会网站）、work-group（内部工作群），可用逗号同时写两处",
    )
    _add_common(parser)
    parser.set_defaults(run=guarded(run_export))


def _add_common(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    add_user_option(parser)


def run_import(args: argparse.Namespace) -> int:
    table = read_roster(args.file)  # before opening the database: a bad file changes nothing
    header = "、".join(str(n) for n in table.header_rows)
    print(f"读取“{args.file.name}”：工作表“{table.sheet}”，表头在第 {header} 行，数据 {len(table.rows)} 行")
    db, actor = open_signed_in(args)
    try:
        progress = ProgressPrinter("检查" if args.dry_run else "导入") if sys.stderr.isatty() else None
        with db.session() as session:
            plan = importing.import_members(session, actor, table, dry_run=args.dry_run, progress=progress)
            if args.dry_run:
                session.rollback()
    finally:
        db.dispose()
    _print_plan(plan, verbose=args.verbose)
    if args.rejected is not None and plan.rejected:
        from desktop_app.spreadsheets.rejected import write_rejected_rows

        write_rejected_rows(table, [(o.row, o.reason) for o in plan.rejected_rows()], args.rejected)
        print(f"未导入的 {plan.rejected} 行已保存到：{args.rejected}")
    if args.dry_run:
        print("试运行：没有写入任何内容。")
    print(plan.summary_zh())
    print(plan.summary_line())  # the last line, for scripts (issue 3)
    return 0


def _print_plan(plan: importing.ImportPlan, *, verbose: bool) -> None:
    for note in plan.notes:
        print(f"注意：{note}")
    skipped = []
    if plan.blank_rows:
        skipped.append(f"空行 {len(plan.blank_rows)} 行（第 {_rows(plan.blank_rows)} 行）")
    if plan.totals_rows:
        skipped.append(f"合计行（第 {_rows(plan.totals_rows)} 行）")
    if plan.repeated_headers:
        skipped.append(f"重复的表头（第 {_rows(plan.repeated_headers)} 行）")
    if skipped:
        print("不是会员、已跳过：" + "；".join(skipped))
    for outcome in plan.outcomes:
        if outcome.fate in (importing.Fate.REJECTED, importing.Fate.DUPLICATE):
            print(f"[{outcome.fate.label}] {outcome.reason}")
        elif verbose:
            detail = "无变化" if outcome.unchanged else "；".join(outcome.remarks)
            if outcome.changes:
                detail = "修改：" + "、".join(outcome.changes)
            print(
                f"[{outcome.fate.label}] 第 {outcome.row} 行 {outcome.name}（{outcome.member_number or '—'}）{detail}"
            )


def _rows(numbers: list[int], limit: int = 12) -> str:
    shown = "、".join(map(str, numbers[:limit]))
    return shown + ("…" if len(numbers) > limit else "")


def run_export(args: argparse.Namespace) -> int:
    suffix = args.out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        return fail("输出文件的扩展名应为 .xlsx 或 .pdf。")
    places = roster.parse_places(args.published) if args.published else None  # issue 17
    db, actor = open_signed_in(args)
    try:
        with db.session() as session:
            made = roster.build_roster(session, actor, public=args.public)
            if places is not None:  # issue 17: recorded with the export; a refused place writes nothing
                roster.record_publication(
                    session,
                    actor,
                    public=args.public,
                    website=places[0],
                    work_group=places[1],
                    members=len(made.rows),
                    file_name=args.out.name,
                    file_format=suffix[1:],
                )
    finally:
        db.dispose()
    progress = ProgressPrinter("导出") if sys.stderr.isatty() else None
    if suffix == ".xlsx":
        from desktop_app.spreadsheets.roster import write_roster_xlsx

        write_roster_xlsx(made, args.out, progress=progress)
        print(f"已导出会员名册（{made.version_label}，{len(made.rows)} 个会员）：{args.out}")
        return 0
    from desktop_app.documents.roster import write_roster_pdf

    report = write_roster_pdf(made, args.out, progress=progress)
    print(f"已导出会员名册（{made.version_label}，{len(made.rows)} 个会员，{report.pages} 页）：{args.out}")
    for who, problem in report.problems:
        print(f"注意：{who}：{problem}", file=sys.stderr)
    return 0
