"""Finding the member table in the workbooks offices really keep.

A roster kept by hand in Excel has a title row (often merged) above the header, header names in
several variants (单位名称 / 会员单位名称 …), sometimes a second header row under a group label
(联络员 over 姓名 | 手机), blank rows inside the table, pre-numbered empty rows, a totals row at the
bottom. ``read_roster`` finds the header, maps each column to a member field, and returns every
row below it classified as data, blank, totals or a repeated header, with its Excel row number.
Files that are not workbooks, old ``.xls`` files, password-protected and damaged files raise
``WorkbookError`` with a Chinese message; nothing else escapes (fuzz-tested).
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from desktop_app.core.errors import OfficeError

# Header names seen in offices' rosters, by the field they fill. Compared after ``header_key``
# (NFKC, no spaces, no asterisks, no bracketed hints such as "（必填）"). ``phone`` columns may hold a
# mobile or a landline (or both): the importer tells them apart by their shape.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "serial": ("序号", "序", "no", "no.", "编号序号"),
    "name": ("单位名称", "会员单位名称", "会员单位", "会员名称", "企业名称", "单位全称", "公司名称", "名称", "单位"),
    "uscc": ("统一社会信用代码", "信用代码", "社会信用代码", "统一信用代码", "统一代码", "统一社会信用代码证号"),
    "category": ("单位类别", "单位类型", "单位性质", "企业类型", "企业性质", "机构类型"),
    "level": ("会员类别", "会员级别", "会员等级", "级别", "会员层级", "会员类型", "协会职务", "在协会职务"),
    "member_number": ("会员编号", "会员号", "编号", "会员代码"),
    "certificate_number": ("会员证编号", "会员证号", "证书编号", "会员证书编号", "会员证书号"),
    "join_date": ("入会时间", "入会日期", "加入时间", "加入日期", "入会年月", "批准入会时间", "批准时间"),
    "main_business": ("主营业务", "经营范围", "主要业务", "主营"),
    "qualification": ("资质", "资质等级", "企业资质", "资质证书", "主要资质", "资质类别及等级"),
    "district": ("所在区", "区域", "所属区", "行政区", "辖区", "所在区域", "区"),
    "address": ("地址", "通讯地址", "单位地址", "联系地址", "通信地址", "办公地址", "详细地址", "邮寄地址"),
    "postcode": ("邮编", "邮政编码"),
    "legal_representative_name": ("法定代表人", "法人代表", "法人", "法定代表人姓名", "法定代表人(负责人)"),
    "legal_representative_position": ("法定代表人职务", "法人职务"),
    "legal_representative_phone": ("法定代表人电话", "法人电话", "法定代表人联系电话", "法人代表电话"),
    "legal_representative_mobile": ("法定代表人手机", "法人手机", "法人代表手机"),
    "principal_name": ("主要负责人", "负责人", "单位负责人", "主要负责人姓名"),
    "principal_position": ("主要负责人职务", "负责人职务"),
    "principal_phone": ("主要负责人电话", "负责人电话", "负责人联系电话"),
    "principal_mobile": ("主要负责人手机", "负责人手机"),
    "liaison_name": ("联络员", "联系人", "联络人", "联络员姓名", "联系人姓名", "联络员(联系人)"),
    "liaison_position": ("联络员职务", "联系人职务", "联络人职务"),
    "liaison_phone": ("联系电话", "电话", "联系方式", "联络员电话", "联系人电话", "联络员联系电话", "联系人联系电话"),
    "liaison_mobile": ("手机", "手机号", "手机号码", "联络员手机", "联系人手机", "移动电话", "联络员手机号"),
    "liaison_landline": ("座机", "办公电话", "固定电话", "联络员座机", "联系人座机", "单位电话", "座机号码"),
    "liaison_wechat": ("微信", "微信号", "联络员微信", "联系人微信"),
    "liaison_email": ("邮箱", "电子邮箱", "电子邮件", "e-mail", "email", "邮件", "联络员邮箱", "联系人邮箱"),
    "mentor": ("班主任", "协会联络员", "班主任(协会联络员)"),
    "status": ("状态", "会员状态"),
    "left_date": ("退会日期", "退会时间"),
    "notes": ("备注", "说明"),
}

# Sub-headers that only mean something under a group label in the row above (联络员 over 姓名).
_GROUPS = {"法定代表人": "legal_representative", "法人": "legal_representative", "法人代表": "legal_representative",
           "主要负责人": "principal", "负责人": "principal", "联络员": "liaison", "联系人": "liaison"}  # fmt: skip
_SUB_FIELDS = {"姓名": "name", "名字": "name", "职务": "position", "手机": "mobile", "手机号": "mobile",
               "手机号码": "mobile", "电话": "phone", "联系电话": "phone", "座机": "landline", "办公电话": "landline",
               "微信": "wechat", "微信号": "wechat", "邮箱": "email", "电子邮箱": "email"}  # fmt: skip

REQUIRED_FIELDS = ("name", "uscc")
HEADER_SEARCH_ROWS = 30
_TOTALS = re.compile(r"^(合计|总计|共计|小计|总数|以上合计)")
_HINT = re.compile(r"[（(][^）)]*[）)]$")

_ALIAS_INDEX = {}
for _field, _names in HEADER_ALIASES.items():
    for _name in _names:
        _ALIAS_INDEX.setdefault(_name.lower(), _field)


class WorkbookError(OfficeError):
    """The file cannot be read as a roster; the message says why, in Chinese."""


def header_key(value: Any) -> str:
    text = unicodedata.normalize("NFKC", "" if value is None else str(value))
    text = re.sub(r"[\s*＊:：]", "", text).lower()
    return text


def field_for_header(value: Any) -> str | None:
    key = header_key(value)
    if not key:
        return None
    if key in _ALIAS_INDEX:
        return _ALIAS_INDEX[key]
    trimmed = _HINT.sub("", key)  # "单位名称（全称）", "入会时间(年月日)"
    return _ALIAS_INDEX.get(trimmed)


@dataclass(frozen=True)
class Column:
    index: int  # 0-based position in the row
    title: str  # as written in the header (with its group label, if any)
    field: str | None  # the member field it fills; None = kept but not imported

    @property
    def letter(self) -> str:
        return get_column_letter(self.index + 1)


@dataclass(frozen=True)
class SheetRow:
    number: int  # the row number Excel shows
    cells: tuple[Any, ...]


@dataclass
class RosterSheet:
    """The member table found in a workbook."""

    path: Path
    sheet: str
    header_rows: tuple[int, ...]  # one or two Excel row numbers
    columns: list[Column]
    rows: list[SheetRow] = field(default_factory=list)  # data rows, in order
    blank_rows: list[int] = field(default_factory=list)  # empty rows inside the table
    totals_rows: list[int] = field(default_factory=list)
    repeated_headers: list[int] = field(default_factory=list)

    @property
    def fields(self) -> set[str]:
        return {c.field for c in self.columns if c.field}

    def column_for(self, field_name: str) -> Column | None:
        return next((c for c in self.columns if c.field == field_name), None)

    def value(self, row: SheetRow, column: Column) -> Any:
        return row.cells[column.index] if column.index < len(row.cells) else None


# --- recognising the file -------------------------------------------------------------------------

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _check_file(path: Path) -> None:
    """Refuse, with a reason the office understands, what openpyxl cannot or should not read."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
            if head == _OLE_MAGIC:
                # An Office "compound file": either a password-protected .xlsx (its package is
                # stored encrypted in a stream named EncryptedPackage) or an old Excel 97-2003 file.
                data = head + handle.read(1 << 20)
                if "EncryptedPackage".encode("utf-16-le") in data:
                    raise WorkbookError(
                        f"“{path.name}”设置了打开密码，无法读取。请在 Excel 中打开它，"
                        "在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中删除密码并保存后再导入。"
                    )
                raise WorkbookError(
                    f"“{path.name}”是旧版 Excel 97-2003 工作簿（.xls）。请在 Excel 中“另存为”"
                    "Excel 工作簿（.xlsx）后再导入。"
                )
    except FileNotFoundError:
        raise WorkbookError(f"找不到文件“{path}”。") from None
    except IsADirectoryError:
        raise WorkbookError(f"“{path}”是文件夹，不是 Excel 工作簿。") from None
    except PermissionError:
        raise WorkbookError(f"没有权限读取“{path}”。如果它正在 Excel 中打开，请先关闭。") from None
    if head[:4] != b"PK\x03\x04" and head[:4] != b"PK\x05\x06":
        kind = _guess_kind(path, head)
        raise WorkbookError(f"“{path.name}”不是 Excel 工作簿（.xlsx）{kind}。请选择 Excel 保存的 .xlsx 文件。")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise WorkbookError(f"“{path.name}”已损坏或不完整（可能没有下载或复制完），无法读取。") from None
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        if "word/document.xml" in names:
            raise WorkbookError(f"“{path.name}”是 Word 文档，不是 Excel 工作簿。")
        raise WorkbookError(f"“{path.name}”是压缩文件，不是 Excel 工作簿（.xlsx）。")


def _guess_kind(path: Path, head: bytes) -> str:
    if not head:
        return "，文件是空的"
    if head.startswith(b"%PDF"):
        return "，而是 PDF 文件"
    if path.suffix.lower() in (".csv", ".txt"):
        return "，而是文本文件"
    return ""


# --- finding the table ----------------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else unicodedata.normalize("NFKC", str(value)).strip()


def _map_header(row: tuple[Any, ...], above: tuple[Any, ...] | None) -> tuple[list[Column], bool]:
    """Columns of a header row, and whether any came from a group label in the row above.

    In a two-row header the upper row holds group labels merged across their sub-headers
    (联络员 over 姓名 | 职务 | 手机) and the labels of the other columns merged downwards (so the
    lower cell is empty).
    """
    groups: list[tuple[str, str]] = []  # (key, text) of the label covering each column
    current = ("", "")
    for value in above or ():
        if header_key(value):
            current = (header_key(value), _text(value))
        groups.append(current)
    columns = []
    grouped = False
    for index in range(max(len(row), len(above or ()))):
        value = row[index] if index < len(row) else None
        upper = above[index] if above is not None and index < len(above) else None
        key = header_key(value)
        group_key, group_text = groups[index] if index < len(groups) else ("", "")
        if key and group_key in _GROUPS and key in _SUB_FIELDS:
            name: str | None = f"{_GROUPS[group_key]}_{_SUB_FIELDS[key]}"
            title = group_text + _text(value)
            grouped = True
        elif key:
            name, title = field_for_header(value), _text(value)
        elif header_key(upper):
            name, title = field_for_header(upper), _text(upper)
        else:
            continue
        columns.append(Column(index, title, name))
    # one column per field: a second phone column is another phone, anything else stays unused
    seen: set[str] = set()
    unique = []
    for column in columns:
        if column.field in seen and not column.field.endswith(("_phone", "_mobile", "_landline")):
            column = Column(column.index, column.title, None)
        if column.field:
            seen.add(column.field)
        unique.append(column)
    return unique, grouped


def _score(columns: list[Column]) -> int:
    return len({c.field for c in columns if c.field and c.field != "serial"})


def _find_header(rows: list[tuple[Any, ...]]) -> tuple[int, int | None, list[Column]] | None:
    """(header row index, group row index or None, columns) of the best header in ``rows``."""
    best: tuple[int, int | None, list[Column]] | None = None
    best_score = 1  # at least two recognised columns
    for index, row in enumerate(rows):
        columns, _ = _map_header(row, None)
        if _score(columns) > best_score:
            best, best_score = (index, None, columns), _score(columns)
        if index > 0:
            columns, grouped = _map_header(row, rows[index - 1])
            if grouped and _score(columns) > best_score:
                best, best_score = (index, index - 1, columns), _score(columns)
    return best


def _is_header_repeat(row: tuple[Any, ...], header: tuple[Any, ...]) -> bool:
    cells = [header_key(v) for v in row if header_key(v)]
    names = [header_key(v) for v in header if header_key(v)]
    return bool(cells) and cells == names


def read_roster(path: str | Path, *, max_rows: int = 200_000) -> RosterSheet:
    """Find the member table in the workbook at ``path``. Raises ``WorkbookError`` for anything unreadable."""
    path = Path(path)
    _check_file(path)
    try:
        return _read(path, max_rows)
    except WorkbookError:
        raise
    except MemoryError:
        raise WorkbookError(f"“{path.name}”太大，无法读取。") from None
    except Exception as exc:  # noqa: BLE001 — untrusted file: openpyxl raises anything (zip, XML, value errors)
        raise WorkbookError(
            f"“{path.name}”已损坏或不是有效的 Excel 工作簿，无法读取。请在 Excel 中打开并重新保存后再试。"
            f"（技术信息：{type(exc).__name__}: {str(exc)[:200]}）"
        ) from exc


def _read(path: Path, max_rows: int) -> RosterSheet:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = list(workbook.worksheets)
        active = workbook.active
        if active in sheets:  # the sheet the office last looked at is tried first
            sheets.remove(active)
            sheets.insert(0, active)
        missing_report = None
        for sheet in sheets:
            if not hasattr(sheet, "iter_rows"):  # chart sheets
                continue
            sheet.reset_dimensions()  # some programs write a wrong <dimension>; read what is there
            rows_iter = sheet.iter_rows(min_row=1, values_only=True)
            top: list[tuple[Any, ...]] = []
            for row in rows_iter:
                top.append(tuple(row))
                if len(top) >= HEADER_SEARCH_ROWS:
                    break
            found = _find_header(top)
            if found is None:
                continue
            header_index, group_index, columns = found
            fields = {c.field for c in columns}
            missing = [f for f in REQUIRED_FIELDS if f not in fields]
            if missing:
                missing_report = missing_report or (sheet.title, missing)
                continue
            header_rows = (header_index + 1,) if group_index is None else (group_index + 1, header_index + 1)
            table = RosterSheet(path=path, sheet=sheet.title, header_rows=header_rows, columns=columns)
            _collect(table, top[header_index + 1 :], header_index + 2, rows_iter, top[header_index], max_rows)
            _serial_not_member_number(table)
            return table
        if missing_report is not None:
            labels = {"name": "单位名称", "uscc": "统一社会信用代码"}
            names = "、".join(f"“{labels[f]}”" for f in missing_report[1])
            raise WorkbookError(
                f"工作表“{missing_report[0]}”的表头中找不到{names}列。请确认表头写的是"
                "“单位名称”“统一社会信用代码”（或“会员单位名称”“信用代码”）。"
            )
        raise WorkbookError(
            f"在“{path.name}”中找不到会员表：前 {HEADER_SEARCH_ROWS} 行中没有包含“单位名称”"
            "“统一社会信用代码”等列名的表头行。"
        )
    finally:
        workbook.close()


def _collect(table: RosterSheet, first: list[tuple[Any, ...]], first_number: int, rest, header: tuple[Any, ...],
             max_rows: int) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    import itertools

    data_columns = [c.index for c in table.columns if c.field and c.field != "serial"]
    pending_blanks: list[int] = []
    number = first_number - 1
    for row in itertools.chain(first, rest):
        number += 1
        cells = tuple(row)
        if number - first_number >= max_rows:
            raise WorkbookError(f"工作表“{table.sheet}”超过 {max_rows} 行，不像是会员名册。")
        texts = [_text(cells[i]) if i < len(cells) else "" for i in data_columns]
        if not any(texts):
            # empty, or only a pre-printed serial number: not a member
            if any(_text(v) for v in cells) and any(_TOTALS.match(_text(v)) for v in cells):
                table.totals_rows.append(number)
            else:
                pending_blanks.append(number)
            continue
        if any(_TOTALS.match(_text(v)) for v in cells if isinstance(v, str)):
            table.totals_rows.append(number)
            continue
        if _is_header_repeat(cells, header):
            table.repeated_headers.append(number)
            continue
        table.blank_rows.extend(pending_blanks)  # blanks followed by more data were inside the table
        pending_blanks.clear()
        table.rows.append(SheetRow(number, cells))


def _serial_not_member_number(table: RosterSheet) -> None:
    """A column headed "编号" holding 1, 2, 3 … is a running count, not member numbers."""
    column = table.column_for("member_number")
    if column is None:
        return
    values = [table.value(row, column) for row in table.rows]
    values = [v for v in values if _text(v)]
    if values and all(re.fullmatch(r"\d{1,5}(\.0)?", _text(v)) for v in values):
        table.columns[table.columns.index(column)] = Column(column.index, column.title, "serial")
