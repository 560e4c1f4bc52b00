"""``mailing``: the office's mailing batches from the command line (R-8.4, R-9.4), signed in.

membership-office mailing list [--year 2026]
membership-office mailing create --title 标题 --journal 《武汉建筑业》2026年第4期 [--document 标题 …]
                                 [--receipts] [--invoices] [--certificate 标题 --certificate-for 会员编号 …]
                                 (--all-active | --level L | --mentor 用户名 | --dues-waiting | --search 文字
                                  | --member 会员编号 …) [--include-former] [--date YYYY-MM-DD]
membership-office mailing show 批次号 [--view problems|no_photo|not_notified|returned|…]
membership-office mailing print 批次号 labels|envelopes|packing-list|manifest -o 文件 [--sheet 3x7] [--skip N] [--size C5]
membership-office mailing sent 批次号 [--member 会员编号 … | --all] [--date D] [--tracking 会员编号=单号 …]
membership-office mailing tracking 批次号 (--import 运单.xlsx | --paste 文件|-)
membership-office mailing delivered 批次号 --member 会员编号 … [--date D]
membership-office mailing returned 批次号 --member 会员编号 --reason 原因 [--date D]
membership-office mailing photo 批次号 --member 会员编号 照片.jpg …
membership-office mailing notified 批次号 --member 会员编号 … [--note 说明]
membership-office mailing contact 会员编号 [--to liaison|principal|legal_representative|other] [--name … --phone …
                                  --address … --postcode … --copies N --note …] [--confirm-address]
membership-office mailing history 会员编号
membership-office mailing doubtful [--mentor 用户名]
membership-office mailing template [--use sf|ems]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.commands import ProgressPrinter, add_db_option, add_user_option, fail, guarded, open_signed_in
from desktop_app.core.models import MailingBatch, MailingRecipient, Member, Staff
from desktop_app.core.services import mailing
from desktop_app.core.services.mailing import ContentSpec, RecipientFilter
from desktop_app.core.services.members import MemberFilter
from desktop_app.errors import NotFound, NothingPrinted


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "mailing",
        help="邮寄批次：会刊、文件、会费收据、发票、荣誉证书的收件会员、标签信封、快递清单、寄送和签收（第八条、第九条）",
        description="编排和打印邮寄批次，登记寄出、快递单号、签收和退回，班主任上传邮寄照片、登记已告知联络员。",
    )
    add_db_option(parser)
    add_user_option(parser)
    commands = parser.add_subparsers(dest="mailing_command", metavar="操作", required=True)

    def sub(name: str, help_text: str, run: Any) -> argparse.ArgumentParser:
        command = commands.add_parser(name, help=help_text, description=help_text)
        add_db_option(command)
        add_user_option(command)
        command.set_defaults(run=guarded(run))
        return command

    listing = sub("list", "列出邮寄批次及其状态、尚缺的照片和告知", run_list)
    listing.add_argument("--year", type=int, metavar="年份", help="只列该年的批次")

    create = sub("create", "新建邮寄批次（收件会员的地址和收件人在此时固定下来）", run_create)
    create.add_argument("--title", required=True, metavar="标题", help="批次名称，如“2026年第4期会刊”")
    create.add_argument("--date", metavar="YYYY-MM-DD", help="邮寄日期（默认今天）")
    create.add_argument("--journal", metavar="期号", help="会刊，如“《武汉建筑业》2026年第4期”")
    create.add_argument("--document", action="append", default=[], metavar="标题", help="随寄文件（可多次）")
    create.add_argument("--receipts", action="store_true", help="随寄待寄的会费收据（各寄给其会员）")
    create.add_argument("--invoices", action="store_true", help="随寄待寄的会费票据（发票）")
    create.add_argument("--certificate", metavar="标题", help="荣誉证书，如“2025年度优秀会员单位荣誉证书”")
    create.add_argument(
        "--certificate-for", action="extend", nargs="+", default=[], metavar="会员编号", help="获荣誉证书的会员"
    )
    create.add_argument("--all-active", action="store_true", help="全部正常会员")
    create.add_argument("--level", metavar="级别代码", help="某会员级别，如 council")
    create.add_argument("--mentor", metavar="用户名", help="某班主任联系的会员")
    create.add_argument("--dues-waiting", action="store_true", help="有待寄会费收据或票据的会员")
    create.add_argument("--search", metavar="文字", help="会员名册的搜索（名称、编号、信用代码、联络员、电话）")
    create.add_argument("--member", action="extend", nargs="+", default=[], metavar="会员编号", help="手工选择的会员")
    create.add_argument("--include-former", action="store_true", help="也寄给已退会和已取消资格的会员（将标明）")
    create.add_argument("--note", metavar="备注")

    show = sub("show", "显示一个批次的收件会员：地址、收件人、内容、快递单号、状态、照片和告知", run_show)
    show.add_argument("batch", metavar="批次号")
    show.add_argument(
        "--view",
        choices=list(mailing.VIEWS),
        default="all",
        help="只列：" + "、".join(f"{k}（{v}）" for k, v in mailing.VIEWS.items()),
    )
    show.add_argument("--search", default="", metavar="文字")

    printing = sub("print", "打印批次的地址标签、信封、装封清单或快递批量下单表（Excel）", run_print)
    printing.add_argument("batch", metavar="批次号")
    printing.add_argument("what", choices=list(mailing.OUTPUTS), help="labels、envelopes、packing-list、manifest")
    printing.add_argument("-o", "--out", required=True, metavar="文件", help="输出文件（.pdf，快递清单为 .xlsx）")
    printing.add_argument(
        "--sheet", type=_sheet, metavar="3x7", help="标签纸：3x7、2x8、3x8、2x7（3×7 亦可；默认按系统设置）"
    )
    printing.add_argument("--skip", type=int, default=0, metavar="N", help="第一张标签纸已用的标签数")
    printing.add_argument("--size", choices=("DL", "C5"), help="信封规格（默认按系统设置）")
    printing.add_argument("--unsent", action="store_true", help="只打印还没寄出的")

    sent = sub("sent", "登记寄出（有问题的收件会员不会登记，列出原因）", run_sent)
    sent.add_argument("batch", metavar="批次号")
    sent.add_argument("--member", action="extend", nargs="+", default=[], metavar="会员编号")
    sent.add_argument("--all", action="store_true", help="批次中全部待寄出的收件会员")
    sent.add_argument("--date", metavar="YYYY-MM-DD", help="寄出日期（默认今天）")
    sent.add_argument("--tracking", action="append", default=[], metavar="会员编号=单号", help="快递单号（可多次）")

    tracking = sub(
        "tracking", "登记快递单号：导入快递公司的运单表，或粘贴“单号 + 用户订单号/会员编号/单位”", run_tracking
    )
    tracking.add_argument("batch", metavar="批次号")
    source = tracking.add_mutually_exclusive_group(required=True)
    source.add_argument("--import", dest="import_path", metavar="运单.xlsx", help="快递公司导出的运单表")
    source.add_argument("--paste", metavar="文件", help="每行一个单号及其收件会员的文本文件；“-”为标准输入")
    tracking.add_argument("--date", metavar="YYYY-MM-DD", help="未登记寄出的，按此日期登记寄出（默认今天）")

    delivered = sub("delivered", "登记签收", run_delivered)
    delivered.add_argument("batch", metavar="批次号")
    delivered.add_argument("--member", action="extend", nargs="+", required=True, metavar="会员编号")
    delivered.add_argument("--date", metavar="YYYY-MM-DD")

    returned = sub("returned", "登记退回（会员地址记为存疑，提醒班主任核实）", run_returned)
    returned.add_argument("batch", metavar="批次号")
    returned.add_argument("--member", required=True, metavar="会员编号")
    returned.add_argument("--reason", required=True, metavar="原因")
    returned.add_argument("--date", metavar="YYYY-MM-DD")

    photo = sub("photo", "上传邮寄照片（第八条第（四）项：发票、证书等重要文件拍照留存）", run_photo)
    photo.add_argument("batch", metavar="批次号")
    photo.add_argument("--member", required=True, metavar="会员编号")
    photo.add_argument("files", nargs="+", metavar="照片", help="JPEG、PNG 照片或 PDF 扫描件")

    notified = sub("notified", "登记已告知联络员注意查收", run_notified)
    notified.add_argument("batch", metavar="批次号")
    notified.add_argument("--member", action="extend", nargs="+", required=True, metavar="会员编号")
    notified.add_argument("--note", metavar="说明", help="如“微信群告知”")
    notified.add_argument("--at", metavar="YYYY-MM-DD HH:MM", help="告知时间（默认现在）")

    contact = sub("contact", "查看或设置会员的邮寄收件人和地址（班主任设置自己联系的会员）", run_contact)
    contact.add_argument("member", metavar="会员编号")
    contact.add_argument("--to", choices=[c.value for c in mailing_choices()], help="收件人")
    contact.add_argument("--name", metavar="姓名", help="另行指定的收件人姓名")
    contact.add_argument("--position", metavar="职务")
    contact.add_argument("--phone", metavar="电话")
    contact.add_argument("--address", metavar="地址", help="只用于邮寄的地址（留空用会员资料中的地址）")
    contact.add_argument("--postcode", metavar="邮编")
    contact.add_argument("--copies", type=int, metavar="N", help="会刊份数")
    contact.add_argument("--note", metavar="备注")
    contact.add_argument("--confirm-address", action="store_true", help="核实被退回邮件的地址无误，取消“地址存疑”")

    history = sub("history", "一个会员的邮寄记录：寄了什么、何时、寄给谁、结果如何", run_history)
    history.add_argument("member", metavar="会员编号")

    doubtful = sub("doubtful", "地址存疑（邮件被退回、尚未核实）的会员", run_doubtful)
    doubtful.add_argument("--mentor", metavar="用户名", help="只列该班主任联系的会员（班主任默认只列自己的）")

    template = sub("template", "查看或更换快递批量下单表的格式（sf 顺丰、ems 中国邮政EMS）", run_template)
    template.add_argument("--use", choices=list(mailing.TEMPLATES), help="改用内置的格式（系统管理员）")


def mailing_choices() -> list[Any]:
    from desktop_app.core.models import ContactChoice

    return list(ContactChoice)


def _sheet(value: str) -> str:
    from desktop_app.documents.labels import LABEL_SHEETS, sheet_key

    key = sheet_key(value)
    if key not in LABEL_SHEETS:
        raise argparse.ArgumentTypeError(f"“{value}”不是可选的标签纸（可选 {'、'.join(LABEL_SHEETS)}，也可写 3x7）")
    return key


# --- helpers --------------------------------------------------------------------------------------


def _batch(session: Session, number: str) -> MailingBatch:
    batch = session.scalar(select(MailingBatch).where(MailingBatch.number == number.strip().upper()))
    if batch is None:
        raise NotFound(f"找不到批次号为“{number}”的邮寄批次（mailing list 列出全部批次）。")
    return batch


def _member_id(session: Session, number: str) -> int:
    member_id = session.scalar(select(Member.id).where(Member.member_number == number.strip().upper()))
    if member_id is None:
        raise NotFound(f"没有会员编号“{number}”。")
    return member_id


def _recipient_ids(session: Session, batch: MailingBatch, numbers: list[str]) -> list[int]:
    found = {
        r.member_number: r.id
        for r in session.scalars(select(MailingRecipient).where(MailingRecipient.batch_id == batch.id))
    }
    wanted = [n.strip().upper() for n in numbers if n.strip()]
    missing = [n for n in wanted if n not in found]
    if missing:
        raise NotFound(f"批次 {batch.number} 中没有这些会员：{'、'.join(missing)}")
    return [found[n] for n in wanted]


def _staff_id(session: Session, username: str) -> int:
    staff_id = session.scalar(select(Staff.id).where(Staff.username == username.strip().lower()))
    if staff_id is None:
        raise NotFound(f"没有用户名为“{username}”的工作人员。")
    return staff_id


def _run(args: argparse.Namespace, work: Any) -> int:
    db, actor = open_signed_in(args)
    try:
        with db.session() as session:
            return int(work(session, actor) or 0)
    finally:
        db.dispose()


# --- the commands ---------------------------------------------------------------------------------


def run_list(args: argparse.Namespace) -> int:
    def work(session: Session, actor: Any) -> int:
        rows = mailing.batch_list(session, actor, year=args.year)
        for row in rows:
            out = row.sent + row.delivered + row.returned
            print(
                f"{row.number}\t{row.mailed_on}\t{row.title}\t{row.state}\t收件 {row.recipients}，已寄 {out}，"
                f"签收 {row.delivered}\t{row.missing}".rstrip()
            )
        print(f"共 {len(rows)} 个邮寄批次")
        return 0

    return _run(args, work)


def run_create(args: argparse.Namespace) -> int:
    def work(session: Session, actor: Any) -> int:
        contents: list[ContentSpec] = []
        if args.journal:
            contents.append(ContentSpec("journal", args.journal))
        contents += [ContentSpec("document", title) for title in args.document]
        if args.receipts:
            contents.append(ContentSpec("receipt"))
        if args.invoices:
            contents.append(ContentSpec("invoice"))
        if args.certificate:
            awarded = tuple(_member_id(session, n) for n in args.certificate_for)
            contents.append(
                ContentSpec("certificate", args.certificate, per_recipient=bool(awarded), member_ids=awarded)
            )
        flt = RecipientFilter(
            all_active=args.all_active,
            level=args.level,
            mentor_id=_staff_id(session, args.mentor) if args.mentor else None,
            dues_waiting=args.dues_waiting,
            search=MemberFilter(text=args.search) if args.search else None,
            member_ids=tuple(_member_id(session, n) for n in args.member),
            include_former=args.include_former,
        )
        batch = mailing.create_batch(
            session,
            actor,
            title=args.title,
            contents=contents,
            recipients=flt,
            mailed_on=args.date,
            note=args.note,
            progress=ProgressPrinter("读取收件地址") if flt.filtering else None,
        )
        rows = mailing.recipient_rows(session, actor, batch.id)
        problems = [r for r in rows if r.problem]
        print(
            f"已新建邮寄批次 {batch.number}：{batch.title}，{len(rows)} 个收件会员（{batch.selection['description']}）"
        )
        for row in problems:
            print(f"  有问题：{row.organisation}（{row.member_number}）：{row.problem}", file=sys.stderr)
        for item in batch.selection.get("excluded", []):
            print(f"  未列入：{item['name']}（{item['member_number']}）：{item['reason']}", file=sys.stderr)
        if batch.selection.get("former_left_out"):
            print(f"  另有 {batch.selection['former_left_out']} 个已退会或已取消资格的会员未列入", file=sys.stderr)
        return 0

    return _run(args, work)


def run_show(args: argparse.Namespace) -> int:
    def work(session: Session, actor: Any) -> int:
        batch = _batch(session, args.batch)
        print(f"{batch.number}  {batch.title}  邮寄日期 {batch.mailed_on}")
        print("内容：" + "、".join(f"{c.kind.label}：{c.title}" for c in mailing.batch_contents(session, batch.id)))
        rows = mailing.recipient_rows(session, actor, batch.id, view=args.view, text=args.search)
        for row in rows:
            marks = []
            if row.former:
                marks.append(row.member_status.label)
            if row.important:
                marks.append(f"照片 {row.photos}" if row.photos else "缺照片")
                marks.append("已告知" if row.notified_at else "未告知")
            state = row.problem or row.state.label
            print(
                f"{row.reference}\t{row.member_number}\t{row.organisation}\t{row.contact} {row.phone or ''}\t"
                f"{row.postcode or ''} {row.address or ''}\t{row.contents}\t{state}\t{row.tracking_number or ''}\t"
                f"{'；'.join(marks)}".rstrip()
            )
        print(f"共 {len(rows)} 个（{mailing.VIEWS[args.view]}）")
        return 0

    return _run(args, work)


def run_print(args: argparse.Namespace) -> int:
    from desktop_app.core.services import documents

    def work(session: Session, actor: Any) -> int:
        batch = _batch(session, args.batch)
        context = documents.document_context(
            session,
            label_sheet_choice=args.sheet or documents.LABEL_SHEET_SETTING,
            label_skip=args.skip,
            envelope_size=args.size,
        )
        try:
            result = mailing.print_batch(
                session,
                actor,
                batch.id,
                args.what,
                args.out,
                context,
                include_sent=not args.unsent,
                progress=ProgressPrinter(f"生成{mailing.OUTPUTS[args.what][1]}"),
            )
        except NothingPrinted as exc:
            for problem in exc.problems:
                print(f"  {problem.who}：未列入：{problem.message}", file=sys.stderr)
            return fail(f"没有可以打印的收件会员，未写入文件 {args.out}。")
        print(f"{result.summary()}已保存到 {result.path}")
        for problem in result.problems:
            state = "已列入，但" if problem.drawn else "未列入："
            print(f"  {problem.who}：{state}{problem.message}", file=sys.stderr)
        return 0

    return _run(args, work)


def run_sent(args: argparse.Namespace) -> int:
    def work(session: Session, actor: Any) -> int:
        batch = _batch(session, args.batch)
        if args.all:
            ids = [r.id for r in mailing.recipient_rows(session, actor, batch.id, view="prepared")]
        else:
            ids = _recipient_ids(session, batch, args.member)
        tracking: dict[int, str] = {}
        for item in args.tracking:
            number, sep, waybill = item.partition("=")
            if not sep:
                return fail(f"--tracking 应写成“会员编号=单号”：{item}")
            [recipient_id] = _recipient_ids(session, batch, [number])
            tracking[recipient_id] = waybill
            if recipient_id not in ids:
                ids.append(recipient_id)
        if not ids:
            return fail("请用 --member 指定会员编号，或用 --all 登记全部待寄出的。")
        result = mailing.mark_sent(session, actor, ids, on=args.date, tracking=tracking)
        print(result.summary())
        return 0

    return _run(args, work)


def run_tracking(args: argparse.Namespace) -> int:
    def work(session: Session, actor: Any) -> int:
        batch = _batch(session, args.batch)
        if args.import_path:
            result = mailing.import_tracking(session, actor, batch.id, args.import_path, on=args.date)
        else:
            pasted = sys.stdin.read() if args.paste == "-" else Path(args.paste).read_text(encoding="utf-8-sig")
            result = mailing.set_tracking_numbers(session, actor, batch.id, pasted, on=args.date)
        print(result.summary())
        for line in result.unmatched:
            print(f"  {line}", file=sys.stderr)
        return 0

    return _run(args, work)


def run_delivered(args: argparse.Namespace) -> int:
    def work(session: Session, actor: Any) -> int:
        batch = _batch(session, args.batch)
        done = mailing.mark_delivered(session, actor, _recipient_ids(session, batch, args.member), on=args.date)
        print(f"已登记签收 {done} 件。")
        return 0

    return _run(args, work)


def run_returned(args: argparse.Namespace) -> int:
    def work(session: Session, actor: Any) -> int:
        batch = _batch(session, args.batch)
        [recipient_id] = _recipient_ids(session, batch, [args.member])
        mailing.mark_returned(session, actor, recipient_id, on=args.date, reason=args.reason)
        print(f"已登记退回：{args.member}。该会员的地址记为存疑，请班主任核实。")
        return 0

    return _run(args, work)


def run_photo(args: argparse.Namespace) -> int:
    from desktop_app.core.services import admission

    def work(session: Session, actor: Any) -> int:
        batch = _batch(session, args.batch)
        [recipient_id] = _recipient_ids(session, batch, [args.member])
        for name in args.files:
            path = Path(name)
            try:
                content = path.read_bytes()
            except OSError as exc:
                return fail(f"无法读取“{name}”：{exc.strerror or exc}")
            mailing.add_proof_photo(session, actor, recipient_id, path.name, content, admission.attachment_problem)
        print(f"已上传 {len(args.files)} 张邮寄照片：{args.member}")
        return 0

    return _run(args, work)


def run_notified(args: argparse.Namespace) -> int:
    def work(session: Session, actor: Any) -> int:
        batch = _batch(session, args.batch)
        ids = _recipient_ids(session, batch, args.member)
        for recipient_id in ids:
            mailing.record_notification(session, actor, recipient_id, at=args.at, note=args.note)
        print(f"已登记告知联络员：{len(ids)} 个收件会员。")
        return 0

    return _run(args, work)


def run_contact(args: argparse.Namespace) -> int:
    def work(session: Session, actor: Any) -> int:
        member_id = _member_id(session, args.member)
        if args.confirm_address:
            mailing.confirm_address(session, actor, member_id, args.note)
            print("已核实地址无误，取消“地址存疑”。")
        changing = any(
            value is not None
            for value in (args.to, args.name, args.position, args.phone, args.address, args.postcode, args.copies)
        )
        if changing:
            current = mailing.get_preference(session, member_id)
            mailing.set_preference(
                session,
                actor,
                member_id,
                contact=args.to or (current.contact if current else "liaison"),
                name=args.name,
                position=args.position,
                phone=args.phone,
                address=args.address,
                postcode=args.postcode,
                copies=args.copies or (current.copies if current else 1),
                note=args.note,
            )
        member = session.get(Member, member_id)
        assert member is not None
        where = mailing.mailing_address(member, mailing.get_preference(session, member_id))
        print(
            f"{member.name}（{member.member_number}）的邮件寄给：{where.choice.label} {where.contact} {where.phone or ''}".rstrip()
        )
        print(f"  {where.postcode or ''} {where.address or '（没有地址）'}")
        if where.note:
            print(f"  {where.note}")
        if where.problem:
            print(f"  问题：{where.problem}", file=sys.stderr)
        return 0

    return _run(args, work)


def run_history(args: argparse.Namespace) -> int:
    def work(session: Session, actor: Any) -> int:
        from desktop_app.core.security import Permission, require

        require(actor, Permission.VIEW_MAILING)
        member_id = _member_id(session, args.member)
        rows = mailing.mailing_history(session, member_id)
        for row in rows:
            proof = f"照片 {row.photos}" if row.photos else ""
            told = f"{row.notified_at:%Y-%m-%d} 已告知" if row.notified_at else ""
            print(
                f"{row.mailed_on}\t{row.batch_number}\t{row.title}\t{row.contents}\t寄给 {row.addressed_to}\t"
                f"{row.address}\t{row.outcome}\t{row.tracking_number or ''}\t{proof} {told}".rstrip()
            )
        print(f"共 {len(rows)} 次邮寄")
        return 0

    return _run(args, work)


def run_doubtful(args: argparse.Namespace) -> int:
    def work(session: Session, actor: Any) -> int:
        from desktop_app.core.security import Permission, require

        require(actor, Permission.VIEW_MAILING)
        # a mentor sees its own members' by default; the office everybody's
        mentor_id = _staff_id(session, args.mentor) if args.mentor else mailing.mentor_of(actor)
        rows = mailing.doubtful_addresses(session, mentor_id)
        for row in rows:
            print(
                f"{row.member_number}\t{row.name}\t{row.address}\t{row.since} 退回：{row.reason or ''}\t班主任 {row.mentor_name or '（未分配）'}"
            )
        print(f"共 {len(rows)} 个会员的地址存疑")
        return 0

    return _run(args, work)


def run_template(args: argparse.Namespace) -> int:
    def work(session: Session, actor: Any) -> int:
        if args.use:
            mailing.use_template(session, actor, args.use)
            print(f"快递批量下单表改用：{mailing.TEMPLATE_NAMES[args.use]}")
        layout = mailing.template(session)
        print(f"快递公司：{layout['courier'] or '（未填）'}；工作表：{layout['sheet']}")
        for number, (title, source) in enumerate(layout["columns"], 1):
            what = f"固定为“{source[1:]}”" if source.startswith("=") else mailing.FIELDS[source]
            print(f"  {number:2d}. {title}：{what}")
        return 0

    return _run(args, work)
