"""``mentors``: the mentors' work from the command line (issue 12), signed in as in the window.

    membership-office mentors allocation [--category C] [--kind K]        groups and each mentor's load
    membership-office mentors unassigned [--apply --reason R]             members without a mentor, with
                                                                          the suggested mentor (--apply: assign)
    membership-office mentors reminders [--mentor USER] [--days N]        overdue follow-ups, no contact for N days
    membership-office mentors forms [--status pending|applied|rejected|all]
    membership-office mentors print-form N -o 交接单.pdf                   a filed handover form as filed
    membership-office mentors nominations --period 2026H2 [-o 名单.xlsx]    outstanding liaisons of a period

A mentor sees its own members only; allocating is the office's (R-7.1, R-9.1).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from desktop_app.commands import add_db_option, add_user_option, fail, guarded, open_signed_in
from desktop_app.core.models import CATEGORY_LABELS, Category, HandoverStatus
from desktop_app.core.security import Actor
from desktop_app.core.services import mentors
from desktop_app.errors import OfficeError, ValidationError

CATEGORIES = {c.value: c for c in Category}
STATUSES = {"pending": HandoverStatus.PENDING, "applied": HandoverStatus.APPLIED, "rejected": HandoverStatus.REJECTED}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "mentors",
        help="班主任工作：分配情况、未分配会员及建议、联系提醒、交接通知单、优秀通联员（第七条至第十条）",
        description="班主任工作。以 --user 登录；班主任只看自己负责的会员，分配班主任由会籍管理部办理。",
    )
    add_db_option(parser)
    add_user_option(parser)
    actions = parser.add_subparsers(dest="action", metavar="操作", required=True)

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_text, description=help_text)
        add_db_option(sub)
        add_user_option(sub)
        return sub

    sub = action(
        "allocation", "按单位类别和主营业务分组的会员数、未分配数，以及每位班主任负责的会员数（第九条第（一）项）"
    )
    sub.add_argument("--category", choices=list(CATEGORIES), help="只看该类别")
    sub.set_defaults(run=guarded(run_allocation))

    sub = action("unassigned", "未分配班主任的会员及建议的班主任；加 --apply 按建议分配（第七条）")
    sub.add_argument("--apply", action="store_true", help="按建议分配（会籍管理员）")
    sub.add_argument("--reason", default=None, help="备注")
    sub.add_argument("--limit", type=int, default=None, metavar="N", help="最多处理 N 个会员")
    sub.set_defaults(run=guarded(run_unassigned))

    sub = action("reminders", "逾期未办的跟进事项和超过 N 天未联系的会员（第八条第（二）项）")
    sub.add_argument("--mentor", metavar="用户名", help="该班主任的会员（会籍管理部、驻会领导；班主任只看自己的）")
    sub.add_argument(
        "--days", type=int, default=None, metavar="N", help="未联系天数（默认按系统设置 mentors.no_contact_days）"
    )
    sub.set_defaults(run=guarded(run_reminders))

    sub = action("forms", "会员单位联系资料交接通知单（第八条第（四）项、第九条第（三）项）")
    sub.add_argument("--status", choices=[*STATUSES, "all"], default="pending", help="默认 pending：待办理")
    sub.set_defaults(run=guarded(run_forms))

    sub = action("print-form", "把一份已填报的交接通知单生成为 PDF（按填报内容，含会员报告日期和填表日期）")
    sub.add_argument("form", type=int, metavar="编号", help="交接单编号")
    sub.add_argument("-o", "--out", required=True, metavar="文件.pdf")
    sub.set_defaults(run=guarded(run_print_form))

    sub = action("nominations", "某评选期的优秀通联员推荐及决定；加 -o 导出 Excel（第十条第（五）项）")
    sub.add_argument("--period", required=True, metavar="评选期", help="2026（全年，含上下半年）、2026H1、2026H2")
    sub.add_argument("-o", "--out", metavar="文件.xlsx", help="导出为 Excel 名单")
    sub.set_defaults(run=guarded(run_nominations))


def _mentor_id(session, actor: Actor, username: str | None) -> int | None:  # type: ignore[no-untyped-def]
    if not username:
        return None
    from sqlalchemy import func, select

    from desktop_app.core.models import Staff

    staff = session.scalar(select(Staff).where(func.lower(Staff.username) == username.strip().lower()))
    if staff is None:
        raise ValidationError({"mentor": f"--mentor：没有用户名为“{username}”的工作人员"})
    return staff.id


def run_allocation(args: argparse.Namespace) -> int:
    db, actor = open_signed_in(args)
    try:
        with db.session() as session:
            groups = mentors.allocation_groups(session, actor)
            loads = mentors.mentor_loads(session, actor)
        wanted = CATEGORIES.get(args.category) if args.category else None
        print("单位类别\t主营业务分类\t会员数\t未分配")
        for group in groups:
            if wanted is None or group.category == wanted:
                print(f"{CATEGORY_LABELS[group.category]}\t{group.kind}\t{group.members}\t{group.unassigned}")
        total = sum(g.members for g in groups if wanted is None or g.category == wanted)
        waiting = sum(g.unassigned for g in groups if wanted is None or g.category == wanted)
        print(f"合计\t\t{total}\t{waiting}")
        print()
        print("班主任\t状态\t负责会员\t" + "\t".join(CATEGORY_LABELS[c] for c in Category))
        for load in loads:
            state = "在职" if load.is_active else "已停用"
            cells = "\t".join(str(load.by_category.get(c, 0)) for c in Category)
            print(f"{load.full_name}\t{state}\t{load.total}\t{cells}")
        return 0
    finally:
        db.dispose()


def run_unassigned(args: argparse.Namespace) -> int:
    db, actor = open_signed_in(args)
    try:
        with db.session() as session:
            ids = mentors.unassigned_member_ids(session, actor)
            if args.limit is not None:
                ids = ids[: max(0, args.limit)]
            page = {
                r.member_id: r
                for r in mentors.allocation_members(
                    session, actor, mentors.AllocationFilter(mentor_id=0), limit=None
                ).rows
            }
            suggestions = mentors.suggest(session, actor, ids)
            for member_id in ids:
                row = page[member_id]
                suggestion = suggestions.get(member_id)
                advice = f"{suggestion.mentor_name}（{suggestion.reason}）" if suggestion else "（无在职班主任可建议）"
                print(f"{row.member_number}\t{row.name}\t{CATEGORY_LABELS[row.category]}·{row.kind}\t→ {advice}")
            if args.apply and ids:
                result = mentors.assign_suggested(session, actor, ids, reason=args.reason)
                print(f"已按建议分配：{result.summary()}")
        print(f"共 {len(ids)} 个会员未分配班主任" + ("" if not args.apply else "（已分配）"))
        return 0
    finally:
        db.dispose()


def run_reminders(args: argparse.Namespace) -> int:
    db, actor = open_signed_in(args)
    try:
        with db.session() as session:
            mentor_id = _mentor_id(session, actor, args.mentor)
            if mentors.own_only(actor):
                mentor_id = mentor_id or actor.id
            if mentor_id is None:  # the office: one line per mentor
                days = args.days if args.days is not None else mentors.no_contact_days(session)
                summary = mentors.mentor_reminders(session, actor, days=days)
                print(f"班主任\t负责会员\t逾期跟进\t超过 {days} 天未联系")
                for line in summary:
                    print(f"{line.mentor_name}\t{line.members}\t{line.overdue_follow_ups}\t{line.no_contact}")
                print("（用 --mentor 用户名 列出该班主任的逾期跟进和未联系的会员）")
                return 0
            overdue = mentors.overdue_follow_ups(session, actor, mentor_id=mentor_id)
            days = args.days if args.days is not None else mentors.no_contact_days(session)
            silent = mentors.no_contact_members(session, actor, mentor_id=mentor_id, days=days)
        print(f"逾期未办的跟进事项：{len(overdue)} 项")
        for row in overdue:
            print(
                f"  {row.member_number}\t{row.member_name}\t{row.follow_up}\t期限 {row.due}\t逾期 {row.days_overdue} 天"
                f"\t{row.mentor_name or ''}".rstrip()
            )
        print(f"超过 {days} 天未联系的会员：{len(silent)} 个")
        for quiet in silent:
            last = f"最近联系 {quiet.last_contact}（{quiet.days} 天前）" if quiet.last_contact else "从未联系"
            print(
                f"  {quiet.member_number}\t{quiet.member_name}\t{quiet.liaison_name or ''}\t"
                f"{quiet.liaison_mobile or ''}\t{last}"
            )
        return 0
    finally:
        db.dispose()


def run_forms(args: argparse.Namespace) -> int:
    db, actor = open_signed_in(args)
    try:
        status = None if args.status == "all" else STATUSES[args.status]
        with db.session() as session:
            forms = mentors.handover_forms(session, actor, status=status, limit=None)
        for form in forms:
            state = "原内容已不符" if form.differences else mentors.FORM_STATUS_LABELS[form.status]
            print(
                f"{form.id}\t{form.member_number}\t{form.member_name}\t{form.filed_by or ''}\t"
                f"报告 {form.reported_on}\t填表 {form.form_date}\t{state}"
            )
            for change in form.changes:
                print(f"    {change.label}：{change.old or '（空）'} → {change.new or '（空）'}")
            for difference in form.differences:
                print(f"    ！{difference.label}现为：{difference.now or '（空）'}")
            if form.decision_reason:
                print(f"    退回原因：{form.decision_reason}")
        print(f"共 {len(forms)} 份交接单")
        return 0
    finally:
        db.dispose()


def run_print_form(args: argparse.Namespace) -> int:
    from desktop_app.core.services import documents

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        return fail("输出文件：交接通知单只能保存为 PDF 文件")
    db, actor = open_signed_in(args)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".partial-", suffix=".pdf", dir=out.parent)
        os.close(handle)
        try:
            with db.session() as session:
                item = mentors.form_print_input(session, actor, args.form)
                report = documents.KINDS["handover-form"].build(temp, [item], documents.document_context(session))
                if report.drawn == 0:
                    raise OfficeError("；".join(p.message for p in report.problems) or "交接单未能生成")
                os.replace(temp, out)  # only a whole file, and only when the print is in the log
        finally:
            if os.path.exists(temp):
                os.unlink(temp)
        print(f"交接通知单第 {args.form} 号：{out}")
        return 0
    finally:
        db.dispose()


def run_nominations(args: argparse.Namespace) -> int:
    db, actor = open_signed_in(args)
    try:
        with db.session() as session:
            period = mentors.parse_period(args.period)
            rows = mentors.nominations(session, actor, period=period)
            if args.out:
                out = Path(args.out)
                if out.suffix.lower() != ".xlsx":
                    return fail("输出文件：名单只能导出为 .xlsx 文件")
                out.parent.mkdir(parents=True, exist_ok=True)
                handle, temp = tempfile.mkstemp(prefix=".partial-", suffix=".xlsx", dir=out.parent)
                os.close(handle)
                try:
                    mentors.export_nominations(session, actor, period, temp)
                    os.replace(temp, out)
                finally:
                    if os.path.exists(temp):
                        os.unlink(temp)
        for row in rows:
            print(
                f"{row.period_label}\t{row.member_number}\t{row.member_name}\t{row.liaison_name}\t"
                f"{row.nominated_by or ''}\t{row.decision_label}\t{row.decision_note or ''}".rstrip()
            )
        print(f"{mentors.period_label(period)}：推荐 {len(rows)} 人" + (f"，已导出到 {args.out}" if args.out else ""))
        return 0
    finally:
        db.dispose()
