"""A bank's Excel statement (银行流水, 对账单) read for the dues import (R-8.5, issue 13).

Banks export a title and the account above the table, then a header whose names vary by bank:
交易日期 / 记账日期, 贷方发生额 / 收入金额 (or one 交易金额 with a 借贷标志), 对方户名 / 付款人名称,
对方账号, 摘要 / 用途 / 附言, 交易流水号 / 凭证号, 余额. ``read_bank_statement`` finds the header,
maps the columns, and returns every row below it with its Excel row number: each transaction
with its date, signed amount (incoming positive), payer, account, text and serial number — or the
reason it could not be read — and the blank, totals and repeated-header rows, so that every row
is accounted for. Nothing is matched or booked here (that is the dues service's).

The file is opened exactly as the roster is (``spreadsheets.reader``): refused before openpyxl
parses anything when it is not a workbook, an old ``.xls``, password-protected, damaged, or a
workbook bomb; every failure a ``WorkbookError`` with a Chinese message.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from desktop_app.spreadsheets.reader import (
    MAX_COLUMNS,
    MAX_ROWS,
    WorkbookError,
    _check_file,
    _check_package,
    _trimmed,
    header_key,
)

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "date": (
        "交易日期",
        "记账日期",
        "入账日期",
        "日期",
        "交易时间",
        "记账时间",
        "入账时间",
        "交易日",
        "账务日期",
        "会计日期",
        "交易日期时间",
    ),
    "credit": (
        "贷方发生额",
        "贷方金额",
        "收入金额",
        "收入",
        "贷方",
        "存入金额",
        "转入金额",
        "收款金额",
        "来账金额",
        "贷方发生额(收入)",
        "收入(元)",
        "贷方金额(元)",
    ),
    "debit": (
        "借方发生额",
        "借方金额",
        "支出金额",
        "支出",
        "借方",
        "取出金额",
        "转出金额",
        "付款金额",
        "借方发生额(支出)",
        "支出(元)",
        "借方金额(元)",
    ),
    "amount": ("交易金额", "发生额", "金额", "交易金额(元)", "金额(元)"),
    "direction": ("借贷标志", "借贷方向", "收支方向", "借贷", "收/支", "方向", "收支标志", "交易方向"),
    "payer_name": (
        "对方户名",
        "对方账户名称",
        "对方单位",
        "对方名称",
        "付款人名称",
        "付款人",
        "付款单位",
        "对方账户名",
        "汇款人",
        "收付款人名称",
        "对方户名称",
        "付款方户名",
        "付款方名称",
        "对方单位名称",
    ),
    "payer_account": ("对方账号", "对方账户", "付款人账号", "付款账号", "对方帐号", "付款方账号", "对方账户账号"),
    "reference": ("摘要", "用途", "附言", "备注", "交易附言", "摘要/附言", "交易用途", "说明", "交易摘要", "用途/附言"),
    "serial": (
        "交易流水号",
        "流水号",
        "凭证号",
        "交易序号",
        "交易参考号",
        "银行流水号",
        "业务流水号",
        "柜员流水号",
        "交易号",
        "凭证号码",
        "交易流水",
        "流水号码",
    ),
    "balance": ("余额", "账户余额", "交易后余额", "余额(元)"),
}
REQUIRED = ("date",)
HEADER_SEARCH_ROWS = 30
_TOTALS = re.compile(r"^(合计|总计|共计|小计|本页合计|本期合计|累计|期初余额|期末余额|上页结转)")
_INDEX = {name.lower(): key for key, names in HEADER_ALIASES.items() for name in names}
_INCOMING = ("贷", "收", "入", "c", "cr", "credit", "+")
_OUTGOING = ("借", "支", "出", "付", "d", "dr", "debit", "-")


def field_for(value: Any) -> str | None:
    key = header_key(value).replace("（", "(").replace("）", ")")
    if not key:
        return None
    return _INDEX.get(key) or _INDEX.get(re.sub(r"\(.*\)$", "", key))


@dataclass(frozen=True)
class StatementRow:
    """One transaction row: ``amount`` is signed (incoming positive); ``problem`` says why the row
    could not be read (then the other values may be None)."""

    number: int  # the Excel row number
    booked_on: dt.date | None
    amount: Decimal | None
    payer_name: str
    payer_account: str
    reference: str
    serial: str
    problem: str | None = None

    @property
    def incoming(self) -> bool:
        return self.problem is None and self.amount is not None and self.amount > 0


@dataclass
class StatementSheet:
    path: Path
    sheet: str
    header_row: int
    columns: dict[str, str]  # field -> the column's title as written
    rows: list[StatementRow] = field(default_factory=list)
    blank_rows: list[int] = field(default_factory=list)
    totals_rows: list[int] = field(default_factory=list)
    repeated_headers: list[int] = field(default_factory=list)
    title: str = ""  # the lines above the header (the bank, the account)


def read_bank_statement(path: str | Path, *, max_rows: int = MAX_ROWS) -> StatementSheet:
    """The statement table in the workbook at ``path``; ``WorkbookError`` for anything unreadable."""
    path = Path(path)
    _check_file(path)
    try:
        _check_package(path)
        return _read(path, max_rows)
    except WorkbookError:
        raise
    except MemoryError:
        raise WorkbookError(f"“{path.name}”太大，无法读取。") from None
    except Exception as exc:  # noqa: BLE001 — untrusted file: openpyxl raises anything
        raise WorkbookError(
            f"“{path.name}”已损坏或不是有效的 Excel 工作簿，无法读取。请在 Excel 中打开并重新保存后再试。"
            f"（技术信息：{type(exc).__name__}: {str(exc)[:200]}）"
        ) from exc


def _map(row: tuple[Any, ...]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, value in enumerate(row):
        name = field_for(value)
        if name and name not in found:
            found[name] = index
    return found


def _usable(columns: dict[str, int]) -> bool:
    return "date" in columns and ("credit" in columns or "amount" in columns)


def _read(path: Path, max_rows: int) -> StatementSheet:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = [s for s in workbook.worksheets if hasattr(s, "iter_rows")]
        active = workbook.active
        if active in sheets:
            sheets.remove(active)
            sheets.insert(0, active)
        for sheet in sheets:
            sheet.reset_dimensions()
            rows_iter = map(_trimmed, sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True))
            top: list[tuple[Any, ...]] = []
            for row in rows_iter:
                top.append(tuple(row))
                if len(top) >= HEADER_SEARCH_ROWS:
                    break
            header_index = next((i for i, row in enumerate(top) if _usable(_map(row))), None)
            if header_index is None:
                continue
            header = top[header_index]
            columns = _map(header)
            title = " ".join(
                " ".join(str(v).strip() for v in row if v not in (None, "")) for row in top[:header_index]
            ).strip()
            table = StatementSheet(
                path=path,
                sheet=sheet.title,
                header_row=header_index + 1,
                columns={name: _text(header[index]) for name, index in columns.items()},
                title=title[:300],
            )
            _collect(
                table, columns, header, itertools.chain(top[header_index + 1 :], rows_iter), header_index + 2, max_rows
            )
            return table
        raise WorkbookError(
            f"在“{path.name}”中找不到银行流水表：前 {HEADER_SEARCH_ROWS} 行中没有同时包含“交易日期”（或“记账日期”）"
            "和“贷方发生额”（或“收入金额”“交易金额”）的表头行。请确认选的是银行导出的流水明细。"
        )
    finally:
        workbook.close()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return " ".join(unicodedata.normalize("NFKC", str(value)).split())


def _collect(
    table: StatementSheet, columns: dict[str, int], header: tuple[Any, ...], rows: Any, first: int, max_rows: int
) -> None:
    header_keys = [header_key(v) for v in header if header_key(v)]
    pending: list[int] = []
    for number, cells in enumerate(rows, first):
        if number - first >= max_rows:
            raise WorkbookError(f"工作表“{table.sheet}”超过 {max_rows} 行，不像是银行流水。")
        cells = tuple(cells)
        texts = [_text(v) for v in cells]
        if not any(texts):
            pending.append(number)
            continue
        if any(_TOTALS.match(t) for t in texts if t):
            table.totals_rows.append(number)
            continue
        if [header_key(v) for v in cells if header_key(v)] == header_keys:
            table.repeated_headers.append(number)
            continue
        table.blank_rows.extend(pending)  # blank rows followed by more transactions were inside
        pending.clear()
        table.rows.append(_row(number, cells, columns))


def _cell(cells: tuple[Any, ...], columns: dict[str, int], name: str) -> Any:
    index = columns.get(name)
    return cells[index] if index is not None and index < len(cells) else None


def _row(number: int, cells: tuple[Any, ...], columns: dict[str, int]) -> StatementRow:
    payer = _text(_cell(cells, columns, "payer_name"))
    account = re.sub(r"\s+", "", _text(_cell(cells, columns, "payer_account")))
    reference = _text(_cell(cells, columns, "reference"))
    serial = re.sub(r"\s+", "", _text(_cell(cells, columns, "serial")))
    problems = []
    day, problem = parse_date(_cell(cells, columns, "date"))
    if problem:
        problems.append(problem)
    amount, problem = _amount(cells, columns)
    if problem:
        problems.append(problem)
    return StatementRow(
        number,
        day,
        amount,
        payer[:200],
        account[:64],
        reference[:300],
        serial[:100],
        "；".join(problems) or None,
    )


def parse_date(value: Any) -> tuple[dt.date | None, str | None]:
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    text = _text(value)
    if not text:
        return None, "交易日期为空"
    match = re.match(r"^(\d{4})[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})日?", text) or re.match(
        r"^(\d{4})(\d{2})(\d{2})(?:\D|$)", text
    )
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3])), None
        except ValueError:
            pass
    return None, f"交易日期“{text[:20]}”无法识别"


def parse_money(value: Any) -> Decimal | None:
    """A bank amount: a number, or text such as “1,000.00”, “¥2,000.00”, “2000元”, “-500”.
    None for an empty cell; raises ValueError for anything else."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float, Decimal)):
        return Decimal(str(value)).quantize(Decimal("0.01"))
    text = _text(value).replace(",", "").replace("¥", "").replace("￥", "").replace("元", "").replace(" ", "")
    if text in ("", "-", "--"):
        return None
    negative = text.startswith("(") and text.endswith(")")
    text = text.strip("()")
    try:
        amount = Decimal(text).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValueError(value) from None
    return -amount if negative else amount


def _amount(cells: tuple[Any, ...], columns: dict[str, int]) -> tuple[Decimal | None, str | None]:
    try:
        if "credit" in columns:
            credit = parse_money(_cell(cells, columns, "credit"))
            debit = parse_money(_cell(cells, columns, "debit")) if "debit" in columns else None
            if credit:
                return credit, None
            if debit:
                return -abs(debit), None
            if "amount" not in columns:
                return Decimal("0.00"), None
        amount = parse_money(_cell(cells, columns, "amount"))
    except ValueError as exc:
        return None, f"金额“{_text(exc.args[0])[:20]}”无法识别"
    if amount is None:
        return None, "金额为空"
    direction = _text(_cell(cells, columns, "direction")).lower()
    if direction.startswith(_OUTGOING):
        return -abs(amount), None
    if direction.startswith(_INCOMING):
        return abs(amount), None
    return amount, None
