"""``document KIND``: print any of the office's documents to a PDF (the plaque order also to Excel).

    membership-office document KIND [--member NUMBER …] [--all-active] -o OUT.pdf [options]

Every kind has its own options with the office's defaults (``document KIND --help``). Members
whose data cannot make the document are listed and the rest are still printed. Runs as the
program itself (the audit log shows 系统 for receipt numbers it hands out).
"""

from __future__ import annotations

import argparse
import sys

from desktop_app.commands import ProgressPrinter, add_db_option, add_user_option, fail, guarded, open_signed_in
from desktop_app.core.services import documents
from desktop_app.documents import KINDS
from desktop_app.errors import NothingPrinted


def _flag(key: str) -> str:
    return "--" + key.replace("_", "-")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "document",
        help="打印文书：会员证、牌匾订制单、交接通知单、退会告知书、会费收据、申请表、备案表、标签、信封",
        description="把一种文书生成为 PDF（牌匾订制单也可生成 Excel）。“document 种类 --help”列出该种类的选项。",
    )
    add_db_option(parser)
    add_user_option(parser)
    kinds = parser.add_subparsers(dest="kind", metavar="种类", required=True)
    for kind in KINDS.values():
        sub = kinds.add_parser(
            kind.key, help=f"{kind.title}（{kind.article}）", description=f"{kind.title}（{kind.article}）"
        )
        add_db_option(sub)
        add_user_option(sub)
        if kind.needs_members:
            sub.add_argument(
                "--member",
                metavar="会员编号",
                action="extend",
                nargs="+",
                default=[],
                help="会员编号，可给多个" + ("；不给则打印空白表" if kind.blank_allowed else ""),
            )
            sub.add_argument("--all-active", action="store_true", help="全部状态为“正常”的会员")
        formats = "/".join(f".{f}" for f in kind.formats)
        sub.add_argument("-o", "--out", required=True, metavar=f"文件{formats}", help=f"输出文件（{formats}）")
        if kind.key in ("certificate", "calibration"):
            sub.add_argument("--offset-x", type=float, default=0.0, metavar="毫米", help="打印偏移，向右为正（默认 0）")
            sub.add_argument("--offset-y", type=float, default=0.0, metavar="毫米", help="打印偏移，向下为正（默认 0）")
        if kind.key == "certificate":
            sub.add_argument("--background", action="store_true", help="画出证书纸底纹（仅供预览，勿用于套打）")
        for option in documents.options_for(None, kind.key):
            _add_option(sub, option)
        sub.set_defaults(run=guarded(run_document), document_kind=kind.key)
    _register_settings(subparsers)


def _register_settings(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "document-settings",
        help="查看或修改文书设置：协会印章图片、会员证底纹、文书字体",
        description="不带选项时列出文书所用的字体文件和各项设置；带选项时修改（以系统管理员身份，记入日志）。",
    )
    add_db_option(parser)
    add_user_option(parser)
    parser.add_argument("--seal", metavar="PNG", help="协会印章图片（透明背景的 PNG）；写 none 删除")
    parser.add_argument("--certificate-background", metavar="PNG", help="会员证底纹扫描图（仅用于预览）；写 none 删除")
    parser.add_argument(
        "--font",
        metavar="类别=文件",
        action="append",
        default=[],
        help="文书字体：song、hei、kai、fangsong 或 fallback（生僻字后备字体）= .ttf/.ttc 路径；路径留空恢复默认",
    )
    parser.set_defaults(run=guarded(run_settings))


def run_settings(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reportlab.pdfbase import pdfmetrics

    from desktop_app.core.settings import SETTINGS, get_setting
    from desktop_app.documents.fonts import STYLES, FontSet, fallback_names

    def image(value: str | None) -> bytes | None:
        return None if value is None or value.lower() == "none" else Path(value).read_bytes()

    for item in args.font:
        if "=" not in item:
            return fail(f"--font 应写成“类别=文件”：{item}")
    db, actor = open_signed_in(args)
    done = []
    try:
        with db.session() as session:  # all or nothing: one bad value changes none
            if args.seal is not None:
                documents.set_seal_image(session, actor, image(args.seal))
                done.append("已更新协会印章图片。" if args.seal.lower() != "none" else "已删除协会印章图片。")
            if args.certificate_background is not None:
                documents.set_certificate_background(session, actor, image(args.certificate_background))
                done.append("已更新会员证底纹。")
            for item in args.font:
                style, _sep, path = item.partition("=")
                documents.set_document_font(session, actor, style.strip(), path)
                done.append(f"已设置{style.strip()}字体：{path or '（默认）'}")
        print("\n".join(done), end="\n" if done else "")
        with db.session() as session:
            context = documents.document_context(session)
            font_set = FontSet(context.fonts)
            print("文书字体（实际使用的文件）：")
            for style in (*STYLES, "fallback"):
                names = (
                    [font_set.name(style)]
                    if style != "fallback"
                    else list(fallback_names(context.fonts.get("fallback")))
                )
                files = [pdfmetrics.getFont(n).face.filename for n in names] or ["（无：生僻字将无法打印）"]
                print(f"  {style:9} {'；'.join(map(str, files))}")
            print(f"协会印章图片：{'已设置' if context.seal_png else '未设置（不印章，留待手工盖章）'}")
            print(f"会员证底纹：{'已设置' if context.certificate_background_png else '未设置（预览时画简易底纹）'}")
            for key in (
                "documents.certificate_validity_years",
                "documents.certificate_date_style",
                "documents.plaque_size",
                "documents.plaque_material",
                "documents.plaque_vendor",
                "documents.envelope_size",
                "documents.label_sheet",
                "withdrawal.notice_response_days",
                "numbering.receipt_number",
            ):
                print(f"{SETTINGS[key].label}：{get_setting(session, key)}")
    except OSError as exc:
        return fail(str(exc))
    finally:
        db.dispose()
    return 0


def _sheet(value: str) -> str:
    from desktop_app.documents.labels import sheet_key

    return sheet_key(value)


def _add_option(parser: argparse.ArgumentParser, option: documents.Option) -> None:
    default = option.default
    shown = "、".join(map(str, default)) if isinstance(default, tuple) else default
    if option.type in ("date", "optional_date") and default is not None:
        shown = "今天"
    help_text = option.label + (f"（默认：{shown}）" if shown not in (None, "", ()) else "")
    if option.help:
        help_text += f"。{option.help}"
    kwargs: dict = {"dest": f"opt_{option.key}", "default": argparse.SUPPRESS, "help": help_text}
    if option.type == "bool":
        parser.add_argument(_flag(option.key), action="store_true", **kwargs)
    elif option.type == "lines":
        # one --change per changed item: --change 联络员手机=13907123456
        flag = "--change" if option.key == "changes" else _flag(option.key)
        parser.add_argument(flag, action="append", metavar="项目=新内容", **kwargs)
    elif option.type == "choice":
        # --sheet 3x7 as well as 3×7 (issue 14: keyboards have no ×); argparse converts before checking
        if option.key == "sheet":
            kwargs["type"] = _sheet
        parser.add_argument(_flag(option.key), choices=[v for v, _l in option.choices], **kwargs)
    else:
        metavar = {
            "date": "YYYY-MM-DD",
            "optional_date": "YYYY-MM-DD",
            "int": "N",
            "amount": "元",
            "years": "年度",
        }.get(option.type, "文字")
        parser.add_argument(_flag(option.key), metavar=metavar, **kwargs)


def run_document(args: argparse.Namespace) -> int:
    kind = args.document_kind
    options = {key[4:]: value for key, value in vars(args).items() if key.startswith("opt_")}
    if isinstance(options.get("changes"), list):
        options["changes"] = "\n".join(options["changes"])
    numbers = getattr(args, "member", [])
    all_active = getattr(args, "all_active", False)
    spec = KINDS[kind]
    if spec.needs_members and not spec.blank_allowed and not numbers and not all_active:
        return fail("请用 --member 指定会员编号，或用 --all-active 选择全部正常会员。")
    db, actor = open_signed_in(args)
    try:
        with db.session() as session:
            result = documents.generate(
                session,
                actor,
                kind,
                args.out,
                member_numbers=numbers,
                all_active=all_active,
                options=options,
                certificate_offset_mm=(getattr(args, "offset_x", 0.0), getattr(args, "offset_y", 0.0)),
                certificate_background=getattr(args, "background", False),
                progress=ProgressPrinter(f"生成{spec.title}") if all_active else None,
            )
    except NothingPrinted as exc:  # issue 9: no file at all, the reasons listed
        for problem in exc.problems:
            print(f"  {problem.who}：未生成：{problem.message}", file=sys.stderr)
        return fail(f"没有生成任何一份{spec.title}，未写入文件 {args.out}。见上面列出的问题。")
    finally:
        db.dispose()
    print(f"{result.summary()}已保存到 {result.path}")
    if result.issued_numbers:
        print(f"收据编号：{result.issued_numbers[0]} … {result.issued_numbers[-1]}（{len(result.issued_numbers)} 张）")
    for problem in result.problems:
        state = "已生成，但" if problem.drawn else "未生成："
        print(f"  {problem.who}：{state}{problem.message}", file=sys.stderr)
    return 0
