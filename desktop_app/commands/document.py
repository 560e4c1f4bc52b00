"""``document KIND``: print any of the office's documents to a PDF (the plaque order also to Excel).

    membership-office document KIND [--member NUMBER …] [--all-active] -o OUT.pdf [options]

Every kind has its own options with the office's defaults (``document KIND --help``). Members
whose data cannot make the document are listed and the rest are still printed. Runs as the
program itself (the audit log shows 系统 for receipt numbers it hands out).
"""

from __future__ import annotations

import argparse
import sys

from desktop_app.commands import ProgressPrinter, add_db_option, fail, guarded, open_for
from desktop_app.core.security import SYSTEM_ACTOR
from desktop_app.core.services import documents
from desktop_app.documents import KINDS


def _flag(key: str) -> str:
    return "--" + key.replace("_", "-")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "document",
        help="打印文书：会员证、牌匾订制单、交接通知单、退会告知书、会费收据、申请表、备案表、标签、信封",
        description="把一种文书生成为 PDF（牌匾订制单也可生成 Excel）。“document 种类 --help”列出该种类的选项。",
    )
    add_db_option(parser)
    kinds = parser.add_subparsers(dest="kind", metavar="种类", required=True)
    for kind in KINDS.values():
        sub = kinds.add_parser(kind.key, help=f"{kind.title}（{kind.article}）", description=f"{kind.title}（{kind.article}）")
        add_db_option(sub)
        if kind.needs_members:
            sub.add_argument("--member", metavar="会员编号", action="extend", nargs="+", default=[],
                             help="会员编号，可给多个" + ("；不给则打印空白表" if kind.blank_allowed else ""))  # fmt: skip
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
        parser.add_argument(_flag(option.key), choices=[v for v, _l in option.choices], **kwargs)
    else:
        metavar = {"date": "YYYY-MM-DD", "optional_date": "YYYY-MM-DD", "int": "N", "amount": "元",
                   "years": "年度"}.get(option.type, "文字")  # fmt: skip
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
    db = open_for(args)
    try:
        with db.session() as session:
            result = documents.generate(
                session, SYSTEM_ACTOR, kind, args.out,
                member_numbers=numbers, all_active=all_active, options=options,
                certificate_offset_mm=(getattr(args, "offset_x", 0.0), getattr(args, "offset_y", 0.0)),
                certificate_background=getattr(args, "background", False),
                progress=ProgressPrinter(f"生成{spec.title}") if all_active else None,
            )  # fmt: skip
    finally:
        db.dispose()
    print(f"{result.summary()}已保存到 {result.path}")
    if result.issued_numbers:
        print(f"收据编号：{result.issued_numbers[0]} … {result.issued_numbers[-1]}（{len(result.issued_numbers)} 张）")
    for problem in result.problems:
        state = "已生成，但" if problem.drawn else "未生成："
        print(f"  {problem.who}：{state}{problem.message}", file=sys.stderr)
    if result.report.drawn == 0 and result.problems:
        return fail("没有生成任何一份文书，见上面列出的问题。")
    return 0
