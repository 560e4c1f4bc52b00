"""``applications``: the admission queue from the command line (read-only; the steps are taken in
the window, by the signed-in person whose role allows each of them).

    membership-office applications [--status open|registered|declined|abandoned|all]
                                   [--waiting STAGE] [--days N] [--search TEXT]
    membership-office applications --show SQ20260001
"""

from __future__ import annotations

import argparse

from sqlalchemy import select

from desktop_app.commands import add_db_option, add_user_option, fail, guarded, open_signed_in
from desktop_app.core.db import clock_of
from desktop_app.core.models import Application, ApplicationStage, ApplicationStatus
from desktop_app.core.security import Permission, require
from desktop_app.core.services import admission

STATUSES = {status.value: status for status in ApplicationStatus}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "applications",
        help="入会申请队列：各申请等待哪一步、自何时起、已等几天（第四条、第五条、第十五条）",
        description="列出入会申请（默认只列办理中的），或用 --show 显示一份申请的各步骤和历史。只读。",
    )
    add_db_option(parser)
    add_user_option(parser)
    parser.add_argument("--status", choices=[*STATUSES, "all"], default="open", help="申请状态（默认 open：办理中）")
    parser.add_argument(
        "--waiting",
        choices=[s.stage.value for s in admission.STEPS[1:]],
        metavar="步骤",
        help="只列等待该步骤的申请：" + "、".join(f"{s.stage.value}（{s.title}）" for s in admission.STEPS[1:]),
    )
    parser.add_argument("--days", type=int, metavar="N", help="只列已等待 N 天以上的")
    parser.add_argument("--search", default="", metavar="文字", help="单位名称、信用代码、申请编号、联络员或原因")
    parser.add_argument("--show", metavar="申请编号", help="显示一份申请的详情、各步骤和历史")
    parser.set_defaults(run=guarded(run_applications))


def run_applications(args: argparse.Namespace) -> int:
    db, actor = open_signed_in(args)
    try:
        require(actor, Permission.VIEW_APPLICATIONS)
        with db.session() as session:
            if args.show:
                return _show(session, args.show)
            flt = admission.QueueFilter(
                text=args.search,
                status=None if args.status == "all" else STATUSES[args.status],
                waiting_for=ApplicationStage(args.waiting) if args.waiting else None,
                min_waiting_days=args.days,
            )
            rows = admission.queue(session, flt)
            counts = admission.queue_counts(session, flt)
        for row in rows:
            what = row.waiting_for.waiting if row.waiting_for else admission.APPLICATION_STATUS_LABELS[row.status]
            note = "；".join(filter(None, ["重新入会" if row.readmission else "", row.closed_reason or ""]))
            print(
                f"{row.application_number}\t{row.name}\t{what}\t自 {row.since.astimezone(db.clock.now().tzinfo):%Y-%m-%d}"
                f"\t{row.days} 天\t{row.handler_name or ''}\t{note}".rstrip()
            )
        waiting = "，".join(f"{admission.STEP[stage].waiting} {count}" for stage, count in counts.items() if count)
        print(f"共 {len(rows)} 份申请" + (f"（办理中：{waiting}）" if waiting else ""))
        return 0
    finally:
        db.dispose()


def _show(session, number: str) -> int:  # type: ignore[no-untyped-def]
    application = session.scalar(select(Application).where(Application.application_number == number.strip().upper()))
    if application is None:
        return fail(f"找不到申请编号为“{number}”的入会申请。")
    print(f"{application.application_number}  {application.name}  {application.uscc}")
    print(f"状态：{admission.APPLICATION_STATUS_LABELS[application.status]}；申请日期 {application.application_date}")
    former = admission.former_member_of(session, application)
    if former is not None:
        print("重新入会：" + former.describe())
    action = admission.next_step(application)
    if action is not None:
        print(f"下一步：{action.title}（{action.article}）")
    for record in admission.step_records(session, application):
        mark = "✓" if record.done else " "
        when = f"{record.at:%Y-%m-%d %H:%M}" if record.at else ""
        print(f"  [{mark}] {record.step.title}\t{record.by or ''}\t{when}\t{record.text}".rstrip())
    print("资料：")
    for item in admission.checklist(session, application.id):
        files = "、".join(d.file_name for d in item.documents) or ("（缺）" if item.required else "")
        print(f"  {item.label}：{files}")
    print("历史：")
    for event in admission.history(session, application.id):
        reason = f"；原因：{event.reason}" if event.reason else ""
        print(
            f"  {event.at.astimezone(clock_of(session).now().tzinfo):%Y-%m-%d %H:%M}  {event.actor_name}  {event.summary}{reason}"
        )
    return 0
