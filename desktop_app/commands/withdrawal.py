"""``withdrawal``: withdrawal and cancellation from the command line (R-11.1 … R-15.1), signed in,
calling the same services as the area 退会管理.

    membership-office withdrawal review [--on DATE]                         the candidates and their evidence
    membership-office withdrawal confirm --on DATE --member WJX… [WJX…]     confirm candidates (all or nothing)
    membership-office withdrawal notices --member WJX… -o 告知书.pdf [--date DATE]   issue and print the notices
    membership-office withdrawal cases [--all]                              cases with their deadlines
    membership-office withdrawal outcome --member WJX… met|deemed --note TEXT [--on DATE]
    membership-office withdrawal council --member WJX… --date DATE --resolution 文号
    membership-office withdrawal letter --member WJX… --received DATE --scan 函.pdf --reason TEXT [...]
    membership-office withdrawal appeal --member WJX… --filed DATE --grounds TEXT [--scan FILE]
    membership-office withdrawal appeal-reply --member WJX… --date DATE --decision upheld|restored --reply TEXT
    membership-office withdrawal activity --title TEXT --date DATE --kind meeting --organiser TEXT
    membership-office withdrawal import-sign-in 签到表.xlsx --activity ID [--dry-run]
    membership-office withdrawal spells --member WJX…
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.commands import ProgressPrinter, add_db_option, add_user_option, fail, guarded, open_signed_in
from desktop_app.core.models import Member
from desktop_app.core.models.withdrawal import ActivityKind, AppealStatus, CaseKind, CaseStatus
from desktop_app.errors import NotFound, NothingPrinted, ValidationError


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，应写成 2026-11-26") from None


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "withdrawal",
        help="退会管理：核查、确认、退会告知书、结果、理事会确认、申诉、主动退会、活动和签到表（第十一至十五条）",
        description="退会和取消会员资格（第十一条至第十五条），以登录人员的身份办理。“withdrawal 操作 --help”列出各操作的选项。",
    )
    add_db_option(parser)
    add_user_option(parser)
    actions = parser.add_subparsers(dest="action", metavar="操作", required=True)

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_text, description=help_text)
        add_db_option(sub)
        add_user_option(sub)
        sub.set_defaults(run=guarded(run_withdrawal), withdrawal_action=name)
        return sub

    sub = action("review", "取消会员资格核查：列出某日符合第十二条情形的会员及其证据（只读）")
    sub.add_argument("--on", type=_date, metavar="YYYY-MM-DD", help="核查日期（默认今天）")
    sub.add_argument("--include-cases", action="store_true", help="也列出已在案件中的会员")

    sub = action("confirm", "确认候选会员（一次确认，全部或全不）：记录各自的情形和证据，之后才能发出告知书")
    sub.add_argument("--on", type=_date, metavar="YYYY-MM-DD", help="核查日期（默认今天）")
    sub.add_argument("--member", nargs="+", action="extend", default=[], metavar="会员编号", required=True)

    sub = action("notices", "为已确认的案件发出退会告知书（编文号、定答复期限、一个邮寄批次）并生成 PDF")
    sub.add_argument("--member", nargs="+", action="extend", default=[], metavar="会员编号")
    sub.add_argument("--all-confirmed", action="store_true", help="全部已确认、尚未发出告知书的案件")
    sub.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="告知日期（默认今天）")
    sub.add_argument("-o", "--out", required=True, metavar="文件.pdf")

    sub = action("cases", "列出案件及答复期限（默认只列未结案件）")
    sub.add_argument("--all", action="store_true", help="包括已结案件")

    sub = action("outcome", "登记答复期限后的结果：met（已履行义务，结案）或 deemed（拒绝履行，视为自动退会）")
    sub.add_argument("result", choices=("met", "deemed"))
    sub.add_argument("--member", required=True, metavar="会员编号")
    sub.add_argument("--note", required=True, metavar="说明", help="履行义务或拒绝履行义务的情况")
    sub.add_argument("--on", type=_date, metavar="YYYY-MM-DD", help="日期（默认今天）")

    sub = action("council", "登记理事会确认（取消会员资格；职务、班主任、以后年度会费随之终止）")
    sub.add_argument("--member", required=True, metavar="会员编号")
    sub.add_argument("--date", type=_date, required=True, metavar="YYYY-MM-DD")
    sub.add_argument("--resolution", required=True, metavar="决议文号")

    sub = action("letter", "登记会员单位的书面退会函件（第十一条）")
    sub.add_argument("--member", required=True, metavar="会员编号")
    sub.add_argument("--received", type=_date, required=True, metavar="YYYY-MM-DD", help="收到函件日期")
    sub.add_argument("--scan", required=True, metavar="文件", help="函件扫描件（PDF、JPEG 或 PNG）")
    sub.add_argument("--reason", required=True, metavar="文字", help="函件所述退会原因")
    sub.add_argument("--effective", type=_date, metavar="YYYY-MM-DD", help="会籍终止日期（默认收到函件之日）")
    sub.add_argument("--certificate-returned", type=_date, metavar="YYYY-MM-DD")
    sub.add_argument("--certificate-not-returned", metavar="原因")
    sub.add_argument("--plaque-returned", type=_date, metavar="YYYY-MM-DD")
    sub.add_argument("--plaque-not-returned", metavar="原因")

    sub = action("appeal", "登记会员单位对理事会确认取消会员资格的申诉（第十三条）")
    sub.add_argument("--member", required=True, metavar="会员编号")
    sub.add_argument("--filed", type=_date, required=True, metavar="YYYY-MM-DD")
    sub.add_argument("--grounds", required=True, metavar="申诉理由")
    sub.add_argument("--scan", metavar="文件", help="申诉书扫描件")

    sub = action("appeal-reply", "登记理事会对申诉的答复：upheld（维持）或 restored（恢复会籍）")
    sub.add_argument("--member", required=True, metavar="会员编号")
    sub.add_argument("--date", type=_date, required=True, metavar="YYYY-MM-DD")
    sub.add_argument("--decision", choices=("upheld", "restored"), required=True)
    sub.add_argument("--reply", required=True, metavar="答复内容")
    sub.add_argument("--resolution", default="", metavar="决议文号")

    sub = action("appeal-escalate", "理事会将申诉提交会员（代表）大会审议")
    sub.add_argument("--member", required=True, metavar="会员编号")
    sub.add_argument("--date", type=_date, required=True, metavar="YYYY-MM-DD")
    sub.add_argument("--reason", required=True, metavar="原因")

    sub = action("appeal-assembly", "登记会员（代表）大会的审议结果")
    sub.add_argument("--member", required=True, metavar="会员编号")
    sub.add_argument("--date", type=_date, required=True, metavar="YYYY-MM-DD")
    sub.add_argument("--decision", choices=("upheld", "restored"), required=True)
    sub.add_argument("--resolution", required=True, metavar="决议文号")
    sub.add_argument("--note", default="", metavar="说明")

    sub = action("activity", "登记一次协会活动（列出活动：不带选项）")
    sub.add_argument("--title", metavar="活动名称")
    sub.add_argument("--date", type=_date, metavar="YYYY-MM-DD")
    sub.add_argument("--kind", choices=[k.value for k in ActivityKind], default="meeting")
    sub.add_argument("--organiser", metavar="主办部门")
    sub.add_argument("--location", default="", metavar="地点")

    sub = action("import-sign-in", "导入签到表（Excel）：按信用代码或单位名称匹配会员，未匹配的留待人工匹配")
    sub.add_argument("file", metavar="签到表.xlsx")
    sub.add_argument(
        "--activity", type=int, required=True, metavar="活动编号", help="见“withdrawal activity”列出的编号"
    )
    sub.add_argument("--dry-run", action="store_true", help="只检查，不写入")

    sub = action("spells", "列出一个会员的各段会籍（入会、退会、方式、原因、决定者）")
    sub.add_argument("--member", required=True, metavar="会员编号")


def _member(session: Session, number: str) -> Member:
    member = session.scalar(select(Member).where(Member.member_number == number.strip().upper()))
    if member is None:
        raise NotFound(f"没有会员编号为“{number}”的会员。")
    return member


def _case(session: Session, number: str, kind: CaseKind | None = None) -> Any:
    from desktop_app.core.models.withdrawal import WithdrawalCase

    member = _member(session, number)
    query = select(WithdrawalCase).where(WithdrawalCase.member_id == member.id).order_by(WithdrawalCase.id.desc())
    if kind is not None:
        query = query.where(WithdrawalCase.kind == kind)
    case = session.scalars(query.limit(1)).first()
    if case is None:
        raise NotFound(f"会员 {member.member_number}（{member.name}）没有退会或取消会员资格案件。")
    return case


def _scan(path: str | None) -> Any:
    from desktop_app.core.services.withdrawal import Scan

    if not path:
        return None
    try:
        return Scan(Path(path).name, Path(path).read_bytes())
    except OSError as exc:
        raise ValidationError({"scan": f"扫描件：无法读取“{path}”（{exc.strerror or exc}）"}) from None


def run_withdrawal(args: argparse.Namespace) -> int:
    from desktop_app.core.services import withdrawal

    db, actor = open_signed_in(args)
    try:
        today = db.clock.today()
        name = args.withdrawal_action
        if name == "review":
            with db.session() as session:
                found = withdrawal.review(session, actor, args.on or today)
            shown = [c for c in found if args.include_cases or c.open_case_id is None]
            for candidate in shown:
                flag = f"\t（已在案件中：{candidate.open_case_status}）" if candidate.open_case_id else ""
                print(f"{candidate.member_number}\t{candidate.name}\t{candidate.level}{flag}")
                for ground in candidate.grounds:
                    print(f"    {ground.title}：{ground.summary}")
            print(f"{(args.on or today).isoformat()} 共有候选 {len(shown)} 个")
            return 0
        if name == "confirm":
            with db.session() as session:
                ids = [_member(session, n).id for n in args.member]
                cases = withdrawal.confirm_candidates(session, actor, args.on or today, ids)
                lines = [
                    f"{c.member.member_number}\t{c.member.name}\t" + "".join(g.ground.item for g in c.grounds)
                    for c in cases
                ]
            print("\n".join(lines))
            print(f"已确认 {len(lines)} 个候选会员，可发出退会告知书。")
            return 0
        if name == "notices":
            return _notices(db, actor, args, today)
        if name == "cases":
            with db.session() as session:
                rows = withdrawal.case_rows(session, actor, open_only=not args.all)
            for row in rows:
                deadline = f"答复期限 {row.response_deadline}" if row.response_deadline else ""
                if row.days_left is not None:
                    deadline += f"（{'已过 ' + str(-row.days_left) + ' 天' if row.days_left < 0 else '还剩 ' + str(row.days_left) + ' 天'}）"
                appeal = f"\t申诉：{row.appeal}" if row.appeal else ""
                print(
                    f"{row.member_number}\t{row.member_name}\t{row.kind.label}\t{row.grounds if row.kind == CaseKind.CANCELLATION else ''}"
                    f"\t{row.status.label}\t{row.notice_number or ''}\t{deadline}{appeal}".rstrip()
                )
            print(f"共 {len(rows)} 个案件")
            return 0
        if name == "outcome":
            with db.session() as session:
                case = _case(session, args.member, CaseKind.CANCELLATION)
                if args.result == "met":
                    withdrawal.record_obligations_met(session, actor, case.id, args.on, args.note)
                    print(f"已结案：{case.member.name} 已履行会员义务，保留会籍。")
                else:
                    withdrawal.record_deemed_withdrawn(session, actor, case.id, args.on, args.note)
                    print(f"{case.member.name} 视为自动退会，待理事会确认。")
            return 0
        if name == "council":
            with db.session() as session:
                case = _case(session, args.member, CaseKind.CANCELLATION)
                ended = withdrawal.record_council_confirmation(session, actor, case.id, args.date, args.resolution)
            print("已取消会员资格。随之终止：\n" + ended.text())
            return 0
        if name == "letter":
            values = {
                "letter_received_on": args.received,
                "effective_on": args.effective,
                "reason": args.reason,
                "certificate_returned_on": args.certificate_returned,
                "certificate_not_returned": args.certificate_not_returned,
                "plaque_returned_on": args.plaque_returned,
                "plaque_not_returned": args.plaque_not_returned,
            }
            scan = _scan(args.scan)
            with db.session() as session:
                member = _member(session, args.member)
                letter_case, at_once = withdrawal.record_voluntary_withdrawal(session, actor, member.id, values, scan)
                effective = letter_case.effective_on
            if at_once is None:
                print(f"已登记退会函件；自 {effective} 起退会（届时在“退会管理”中办理生效）。")
            else:
                print("已退会。随之终止：\n" + at_once.text())
            return 0
        if name.startswith("appeal"):
            return _appeal(db, actor, args)
        if name == "activity":
            if not args.title:
                with db.session() as session:
                    activities = withdrawal.list_activities(session)
                for a in activities:
                    pending = f"\t待匹配 {a.pending} 行" if a.pending else ""
                    print(
                        f"{a.id}\t{a.held_on}\t{a.title}\t{a.kind.label}\t{a.organiser}\t{a.attended} 个会员{pending}"
                    )
                print(f"共 {len(activities)} 次活动")
                return 0
            with db.session() as session:
                activity = withdrawal.save_activity(
                    session,
                    actor,
                    {
                        "title": args.title,
                        "held_on": args.date,
                        "kind": args.kind,
                        "organiser": args.organiser,
                        "location": args.location,
                    },
                )
                number = activity.id
            print(f"已登记活动，编号 {number}")
            return 0
        if name == "import-sign-in":
            return _import(db, actor, args)
        if name == "spells":
            with db.session() as session:
                member = _member(session, args.member)
                records = withdrawal.spells(session, member.id)
                print(f"{member.member_number}\t{member.name}\t{member.status.label}")
            for spell in records:
                decided = f"（{spell.decided_by}）" if spell.decided_by else ""
                print(f"  {spell.text()}{decided}")
            return 0
        return fail(f"未知的操作：{name}")
    finally:
        db.dispose()


def _notices(db: Any, actor: Any, args: argparse.Namespace, today: dt.date) -> int:
    from desktop_app.core.models.withdrawal import WithdrawalCase
    from desktop_app.core.services import documents, withdrawal

    if not args.member and not args.all_confirmed:
        return fail("请用 --member 指定会员编号，或用 --all-confirmed 选择全部已确认的案件。")
    try:
        with db.session() as session:
            if args.all_confirmed:
                cases = list(
                    session.scalars(select(WithdrawalCase).where(WithdrawalCase.status == CaseStatus.CONFIRMED))
                )
            else:
                cases = [_case(session, n, CaseKind.CANCELLATION) for n in args.member]
            if not cases:
                return fail("没有已确认、尚未发出告知书的案件。")
            issued = withdrawal.issue_notices(session, actor, [c.id for c in cases], notice_date=args.date or today)
            result = documents.generate(
                session,
                actor,
                "withdrawal-notice",
                args.out,
                member_ids=[c.member_id for c in issued],
                progress=ProgressPrinter("生成退会告知书") if len(issued) > 20 else None,
            )
            lines = [
                f"{c.member.member_number}\t{c.member.name}\t{c.notice_number}\t答复期限 {c.response_deadline}"
                for c in issued
            ]
            from desktop_app.core.models.mailing import MailingBatch

            found = session.get(MailingBatch, issued[0].mailing_batch_id) if issued[0].mailing_batch_id else None
            batch = found.number if found is not None else "—"
    except NothingPrinted as exc:
        for problem in exc.problems:
            print(f"  {problem.who}：{problem.message}", file=sys.stderr)
        return fail(f"没有生成任何一份退会告知书，未写入文件 {args.out}，也没有发出任何告知书。")
    print("\n".join(lines))
    print(f"{result.summary()}已保存到 {result.path}；邮寄批次 {batch}（寄出后请在“邮寄”中登记寄出日期和单号）。")
    for problem in result.problems:
        print(f"  {problem.who}：{problem.message}", file=sys.stderr)
    return 0


def _appeal(db: Any, actor: Any, args: argparse.Namespace) -> int:
    from desktop_app.core.models.withdrawal import Appeal
    from desktop_app.core.services import withdrawal

    with db.session() as session:
        case = _case(session, args.member, CaseKind.CANCELLATION)
        if args.withdrawal_action == "appeal":
            withdrawal.file_appeal(session, actor, case.id, args.filed, args.grounds, _scan(args.scan))
            print(f"已登记 {case.member.name} 的申诉，待理事会答复。")
            return 0
        appeal = session.scalars(
            select(Appeal).where(Appeal.case_id == case.id).order_by(Appeal.id.desc()).limit(1)
        ).first()
        if appeal is None:
            return fail(f"{case.member.name} 没有申诉。")
        if args.withdrawal_action == "appeal-reply":
            appeal = withdrawal.record_council_reply(
                session, actor, appeal.id, args.date, args.decision, args.reply, args.resolution
            )
        elif args.withdrawal_action == "appeal-escalate":
            appeal = withdrawal.escalate_appeal(session, actor, appeal.id, args.date, args.reason)
        else:
            appeal = withdrawal.record_assembly_decision(
                session, actor, appeal.id, args.date, args.decision, args.resolution, args.note
            )
        status = appeal.status
    words = {
        AppealStatus.ESCALATED: "已提交会员（代表）大会审议。",
        AppealStatus.UPHELD: "申诉不成立，维持取消会员资格的决定。",
        AppealStatus.RESTORED: "申诉成立，已恢复会籍（会籍期间重新开启）。",
    }
    print(words.get(status, status.label))
    return 0


def _import(db: Any, actor: Any, args: argparse.Namespace) -> int:
    from desktop_app.core.services import withdrawal

    with db.session() as session:
        result = withdrawal.import_sign_in_sheet(
            session,
            actor,
            args.activity,
            args.file,
            dry_run=args.dry_run,
            progress=ProgressPrinter("导入签到表"),
        )
        if args.dry_run:
            session.rollback()
    for outcome in result.outcomes:
        label = withdrawal.FATE_LABELS[outcome.fate]
        who = f"→ {outcome.member_name}" if outcome.member_name else ""
        text = " ".join(filter(None, [outcome.organisation, outcome.uscc, outcome.attendee]))
        print(f"第 {outcome.row} 行\t{label}\t{text}\t{who}\t{outcome.message}".rstrip())
    print(("（试导入，未写入）" if args.dry_run else "") + result.summary())
    return 0
