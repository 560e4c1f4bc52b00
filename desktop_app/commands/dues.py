"""``dues``: the dues ledger from the command line, signed in (R-5.5, R-8.5, R-9.4, R-12.1 (1)).

    membership-office dues bill --year 2026                           bill a year for every active member
    membership-office dues pay --member WJX20200001 --amount 2000 [--date D] [--method 银行转账] [--reference R]
    membership-office dues reverse --receipt WJXS202600001 --reason 录错
    membership-office dues import 流水.xlsx [--dry-run] [--no-receipts]  a bank statement
    membership-office dues arrears [-o 催缴名单.xlsx] [--labels 标签.pdf] [--over-a-year] [--mentor 姓名]
    membership-office dues rates [--year 2026]                        each mentor's collection rate
    membership-office dues reductions [--year 2026] [-o 减免.xlsx]     every reduction with its consent
    membership-office dues receipts -o 收据.pdf [--member …] [--missing]
    membership-office dues consent --member … --year 2026 --agreed 1000 --reference 文号 --date D --reason … --scan 同意书.pdf
    membership-office dues member WJX20200001                         one member's bills, payments, receipts

The same services as the window, with the same roles: the office bills and books, the resident
leader consents, a mentor sees its own members. Problems go to stderr; the exit status is 1 when
nothing was done.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop_app.commands import ProgressPrinter, add_db_option, add_user_option, fail, guarded, open_signed_in
from desktop_app.core.db import Database
from desktop_app.core.models import DuesReceipt, Member, Staff
from desktop_app.core.security import Actor
from desktop_app.core.services import admission, documents, dues
from desktop_app.core.settings import ASSOCIATION_NAME, get_setting
from desktop_app.errors import NotFound, NothingPrinted


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "dues",
        help="会费：开具年度会费、登记缴款、冲正、导入银行流水、欠费和催缴名单、收缴率、减免情况、收据（第八条第（五）项）",
        description="会费台账。开具和登记须会籍管理员或系统管理员；减免须驻会领导本人登记书面同意；班主任只能查看自己负责的会员。",
    )
    add_db_option(parser)
    add_user_option(parser)
    actions = parser.add_subparsers(dest="dues_action", metavar="操作", required=True)

    def add(name: str, help_text: str, run: Any) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_text, description=help_text)
        add_db_option(sub)
        add_user_option(sub)
        sub.set_defaults(run=guarded(run))
        return sub

    sub = add("bill", "为全部正常会员开具一个会费年度的会费（重复执行不会重复开具）", run_bill)
    sub.add_argument("--year", type=int, help="会费年度（默认本会费年度）")

    sub = add("pay", "登记一笔缴款：先抵最早欠缴的年度，多缴的留作下一年度", run_pay)
    sub.add_argument("--member", required=True, metavar="会员编号")
    sub.add_argument("--amount", required=True, metavar="金额")
    sub.add_argument("--date", metavar="日期", help="收款日期（默认今天）")
    sub.add_argument("--method", default="银行转账", help="交款方式：银行转账、现金、其他（默认银行转账）")
    sub.add_argument("--payer", help="交款单位（默认会员名称）")
    sub.add_argument("--reference", help="凭证号或银行流水号")
    sub.add_argument("--note", help="备注")
    sub.add_argument("--no-receipt", action="store_true", help="不开收据（稍后用 dues receipts --missing 补开）")

    sub = add("reverse", "冲正一笔缴款（原记录保留，收据作废，所抵年度恢复为欠缴）", run_reverse)
    which = sub.add_mutually_exclusive_group(required=True)
    which.add_argument("--receipt", metavar="收据编号")
    which.add_argument("--payment", type=int, metavar="缴款序号")
    sub.add_argument("--reason", required=True, metavar="原因")

    sub = add(
        "import",
        "导入银行流水（.xlsx）：按信用代码、会员编号或单位名称对应会员并入账；重复导入不会重复入账",
        run_import,
    )
    sub.add_argument("file", type=Path, metavar="流水.xlsx")
    sub.add_argument("--dry-run", action="store_true", help="只检查并列出每行的结果，不写入数据库")
    sub.add_argument("--no-receipts", action="store_true", help="入账时不开收据")

    sub = add("arrears", "欠费名单：每个会员欠缴的年度和金额；可存为催缴名单（Excel）和地址标签（PDF）", run_arrears)
    sub.add_argument("-o", "--out", type=Path, metavar="名单.xlsx", help="存为 Excel 催缴名单")
    sub.add_argument("--labels", type=Path, metavar="标签.pdf", help="为名单上的会员打印地址标签")
    sub.add_argument("--over-a-year", action="store_true", help="只列一年以上未缴的（第十二条第（一）项）")
    sub.add_argument("--mentor", metavar="姓名", help="只列该班主任负责的会员")
    sub.add_argument("--date", metavar="日期", help="截至日期（默认今天）")

    sub = add("rates", "各班主任的会费收缴率（按户数和按金额）", run_rates)
    sub.add_argument("--year", type=int, help="会费年度（默认本会费年度）")

    sub = add("reductions", "一个会费年度的全部减免及驻会领导的书面同意", run_reductions)
    sub.add_argument("--year", type=int, help="会费年度（默认本会费年度）")
    sub.add_argument("-o", "--out", type=Path, metavar="减免.xlsx", help="存为 Excel")

    sub = add("receipts", "打印会费收据（按收据编号或会员；--missing 先为没有收据的缴款开收据）", run_receipts)
    sub.add_argument("-o", "--out", type=Path, required=True, metavar="收据.pdf")
    sub.add_argument("--number", action="extend", nargs="+", default=[], metavar="收据编号")
    sub.add_argument("--member", action="extend", nargs="+", default=[], metavar="会员编号")
    sub.add_argument("--missing", action="store_true", help="为没有收据的缴款开收据并打印")

    sub = add("consent", "驻会领导登记减免会费的书面同意（第八条第（五）项；只有驻会领导可以登记）", run_consent)
    sub.add_argument("--member", required=True, metavar="会员编号")
    sub.add_argument("--year", type=int, required=True)
    sub.add_argument("--agreed", required=True, metavar="金额", help="同意缴纳的金额（0 为免缴）")
    sub.add_argument("--reason", required=True)
    sub.add_argument("--reference", required=True, metavar="文号")
    sub.add_argument("--date", required=True, metavar="日期", help="书面同意上的日期")
    sub.add_argument("--scan", type=Path, required=True, metavar="扫描件", help="书面同意的扫描件（PDF、JPEG、PNG）")

    sub = add("member", "一个会员的会费：各年度应缴、已缴，缴款、收据、减免和欠费", run_member)
    sub.add_argument("number", metavar="会员编号")


def _session_run(args: argparse.Namespace, work: Any) -> int:
    db, actor = open_signed_in(args)
    try:
        return int(work(db, actor) or 0)
    finally:
        db.dispose()


def _member_id(session: Any, number: str) -> int:
    member_id = session.scalar(select(Member.id).where(Member.member_number == number.strip().upper()))
    if member_id is None:
        raise NotFound(f"没有会员编号为“{number}”的会员。")
    return int(member_id)


def _year(session: Any, year: int | None) -> int:
    return year if year is not None else dues.current_year(session)


def run_bill(args: argparse.Namespace) -> int:
    def work(db: Database, actor: Actor) -> int:
        progress = ProgressPrinter("开具") if sys.stderr.isatty() else None
        with db.session() as session:
            result = dues.bill_year(session, actor, _year(session, args.year), progress=progress)
        print(result.summary())
        return 0

    return _session_run(args, work)


def run_pay(args: argparse.Namespace) -> int:
    def work(db: Database, actor: Actor) -> int:
        with db.session() as session:
            result = dues.record_payment(
                session,
                actor,
                _member_id(session, args.member),
                amount=args.amount,
                received_on=args.date,
                method=args.method,
                payer=args.payer,
                reference=args.reference,
                note=args.note,
                receipt=not args.no_receipt,
            )
            print(result.summary())
        return 0

    return _session_run(args, work)


def run_reverse(args: argparse.Namespace) -> int:
    def work(db: Database, actor: Actor) -> int:
        with db.session() as session:
            payment_id = args.payment
            if args.receipt:
                payment_id = session.scalar(
                    select(DuesReceipt.payment_id).where(DuesReceipt.number == args.receipt.strip().upper())
                )
                if payment_id is None:
                    return fail(f"没有收据“{args.receipt}”，或该收据没有对应的缴款记录。")
            reversal = dues.reverse_payment(session, actor, payment_id, args.reason)
            print(f"已冲正：{-reversal.amount:,.2f} 元（{reversal.payer}）；原记录保留，收据作废。")
        return 0

    return _session_run(args, work)


def run_import(args: argparse.Namespace) -> int:
    from desktop_app.spreadsheets.bank_statement import read_bank_statement

    sheet = read_bank_statement(args.file)  # before the database: a bad file changes nothing
    print(f"读取“{args.file.name}”：工作表“{sheet.sheet}”，表头在第 {sheet.header_row} 行，{len(sheet.rows)} 笔")

    def work(db: Database, actor: Actor) -> int:
        progress = ProgressPrinter("导入") if sys.stderr.isatty() else None
        with db.session() as session:
            result = dues.import_statement(session, actor, sheet, receipts=not args.no_receipts, progress=progress)
            if args.dry_run:
                session.rollback()
        for fate in result.fates:
            print(f"第 {fate.row} 行 [{dues.FATE_LABELS[fate.fate]}] {fate.text}")
        skipped = result.blank_rows + result.totals_rows + result.repeated_headers
        if skipped:
            print(f"不是流水、已跳过：第 {'、'.join(map(str, sorted(skipped)))} 行")
        if args.dry_run:
            print("试运行：没有写入任何内容。")
        print(result.summary_zh())
        print(result.summary_line())
        return 0

    return _session_run(args, work)


def _mentor_id(session: Any, name: str | None) -> int | None:
    if not name:
        return None
    staff_id = session.scalar(select(Staff.id).where(Staff.full_name == name.strip()))
    if staff_id is None:
        raise NotFound(f"没有名为“{name}”的班主任。")
    return int(staff_id)


def run_arrears(args: argparse.Namespace) -> int:
    def work(db: Database, actor: Actor) -> int:
        on = dt.date.fromisoformat(args.date) if args.date else None
        with db.session() as session:
            rows = dues.arrears(
                session, actor, on=on, mentor_id=_mentor_id(session, args.mentor), over_a_year_only=args.over_a_year
            )
            made_on = on or db.clock.today()
            association = get_setting(session, ASSOCIATION_NAME)
        for r in rows:
            flag = "（一年以上）" if r.over_a_year else ""
            years = "、".join(map(str, r.years))
            print(f"{r.member_number}\t{r.name}\t{r.mentor or '—'}\t{years} 年度\t{r.amount:,.2f} 元{flag}")
        total = sum(r.amount for r in rows)
        print(f"共 {len(rows)} 个会员欠缴，合计 {total:,.2f} 元")
        if args.out is not None:
            from desktop_app.spreadsheets.tables import write_table_xlsx

            write_table_xlsx(dues.reminder_table(rows, association, made_on), args.out)
            _audit_export(db, actor, f"导出会费催缴名单 {len(rows)} 个会员（Excel）", len(rows))
            print(f"催缴名单已保存到：{args.out}")
        if args.labels is not None and rows:
            with db.session() as session:
                try:
                    made = documents.generate(
                        session, actor, "labels", args.labels, member_ids=[r.member_id for r in rows]
                    )
                except NothingPrinted as exc:
                    return fail(exc.message)
            for problem in made.problems:
                print(f"注意：{problem.who}：{problem.message}", file=sys.stderr)
            print(f"地址标签已保存到：{args.labels}（{made.report.drawn} 张）")
        return 0

    return _session_run(args, work)


def _audit_export(db: Database, actor: Actor, summary: str, rows: int) -> None:
    from desktop_app.core import audit

    with db.session() as session:
        audit.record(session, actor, "export", "dues", None, summary, after={"rows": rows})


def run_rates(args: argparse.Namespace) -> int:
    def work(db: Database, actor: Actor) -> int:
        with db.session() as session:
            year = _year(session, args.year)
            rates = dues.collection_rates(session, actor, year)
        print(f"{year} 年度会费收缴率")
        for r in rates:
            print(
                f"{r.mentor}\t户数 {r.paid_in_full}/{r.billed}（{r.rate_by_count:.1%}）"
                f"\t金额 {r.paid:,.2f}/{r.due:,.2f} 元（{r.rate_by_amount:.1%}）"
            )
        return 0

    return _session_run(args, work)


def run_reductions(args: argparse.Namespace) -> int:
    def work(db: Database, actor: Actor) -> int:
        with db.session() as session:
            year = _year(session, args.year)
            rows = dues.reductions(session, actor, year)
            association = get_setting(session, ASSOCIATION_NAME)
        for r in rows:
            consent = f"{r.consented_by} {r.consented_on}（{r.document_reference}）" if r.consent_id else ""
            print(
                f"{r.member_number}\t{r.name}\t应缴 {r.scheduled:,.2f}\t同意缴纳 {r.due:,.2f}\t减免 {r.reduction:,.2f}"
                f"\t{consent}\t{r.problem or ''}".rstrip()
            )
        total = sum(r.reduction for r in rows)
        print(f"{year} 年度共 {len(rows)} 项减免，合计 {total:,.2f} 元")
        if args.out is not None:
            from desktop_app.spreadsheets.tables import write_table_xlsx

            write_table_xlsx(dues.reductions_table(rows, year, association, db.clock.today()), args.out)
            _audit_export(db, actor, f"导出 {year} 年度会费减免情况 {len(rows)} 项（Excel）", len(rows))
            print(f"已保存到：{args.out}")
        return 0

    return _session_run(args, work)


def run_receipts(args: argparse.Namespace) -> int:
    from desktop_app.documents import KINDS

    def work(db: Database, actor: Actor) -> int:
        with db.session() as session:
            ids: list[int] = []
            if args.missing:
                member_ids = [_member_id(session, n) for n in args.member] or None
                issued = dues.issue_missing_receipts(session, actor, member_ids)
                print(f"新开收据 {len(issued)} 张" + (f"：{'、'.join(issued)}" if issued else ""))
                ids += list(session.scalars(select(DuesReceipt.id).where(DuesReceipt.number.in_(issued))))
            for number in args.number:
                receipt = dues.find_receipt(session, number.strip().upper())
                if receipt is None:
                    raise NotFound(f"没有收据“{number}”。")
                ids.append(receipt.id)
            if args.member and not args.missing:
                for number in args.member:
                    member_id = _member_id(session, number)
                    ids += list(session.scalars(select(DuesReceipt.id).where(DuesReceipt.member_id == member_id)))
            if not ids:
                return fail("没有要打印的收据（用 --number、--member 或 --missing 指定）。")
            items, problems = dues.receipt_inputs(session, actor, list(dict.fromkeys(ids)))
            context = documents.document_context(session)
        for problem in problems:
            print(f"注意：{problem.who}：{problem.message}", file=sys.stderr)
        if not items:
            return fail("没有可以打印的收据，未写入任何文件。")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=args.out.parent, suffix=".pdf", delete=False) as handle:
            partial = Path(handle.name)
        try:
            report = KINDS["dues-receipt"].build(partial, items, context)
            partial.replace(args.out)
        finally:
            partial.unlink(missing_ok=True)
        for problem in report.problems:
            print(f"注意：{problem.who}：{problem.message}", file=sys.stderr)
        print(f"会费收据 {report.drawn} 张已保存到：{args.out}")
        return 0

    return _session_run(args, work)


def run_consent(args: argparse.Namespace) -> int:
    try:
        scan = args.scan.read_bytes()
    except OSError as exc:
        return fail(f"无法读取扫描件“{args.scan}”：{exc.strerror or exc}")

    def work(db: Database, actor: Actor) -> int:
        with db.session() as session:
            consent = dues.record_consent(
                session,
                actor,
                member_id=_member_id(session, args.member),
                year=args.year,
                agreed=args.agreed,
                reason=args.reason,
                document_reference=args.reference,
                consented_on=args.date,
                scan_name=args.scan.name,
                scan=scan,
                scan_check=admission.attachment_problem,
            )
            print(
                f"已登记书面同意：{consent.year} 年度应缴 {consent.scheduled:,.2f} 元，同意缴纳 {consent.agreed:,.2f} 元"
                f"（{consent.document_reference}）"
            )
        return 0

    return _session_run(args, work)


def run_member(args: argparse.Namespace) -> int:
    def work(db: Database, actor: Actor) -> int:
        with db.session() as session:
            view = dues.member_dues(session, actor, _member_id(session, args.number))
        print(f"{view.member_number}  {view.name}")
        for b in view.bills:
            state = "已取消" if b.cancelled else ("已缴清" if b.settled else f"欠 {b.due - b.paid:,.2f}")
            reduced = f"（减免：{b.consent}）" if b.consent else ""
            print(f"  {b.year} 年度\t应缴 {b.due:,.2f}\t已缴 {b.paid:,.2f}\t{state}{reduced}\t{b.basis_note}".rstrip())
        for p in view.payments:
            mark = "（已冲正）" if p.reversed else ("（冲正）" if p.reversal_of else "")
            print(f"  {p.received_on}\t{p.amount:,.2f} 元\t{p.method}\t{p.receipt_number or '—'}{mark}\t{p.years}")
        print(f"欠缴 {view.owed:,.2f} 元；预缴余额 {view.credit:,.2f} 元")
        if view.evidence is not None:
            print(("一年以上未缴：" if view.over_a_year else "欠缴：") + view.evidence.describe())
        return 0

    return _session_run(args, work)
