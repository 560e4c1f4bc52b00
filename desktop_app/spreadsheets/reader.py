"""Finding the member table in the workbooks offices really keep.

A roster kept by hand in Excel has a title row (often merged) above the header, header names in
several variants (单位名称 / 会员单位名称 …), sometimes a second header row under a group label
(联络员 over 姓名 | 手机), blank rows inside the table, pre-numbered empty rows, a totals row at the
bottom. ``read_roster`` finds the header, maps each column to a member field, and returns every
row below it classified as data, blank, totals or a repeated header, with its Excel row number
(text that ``spreadsheets.writer`` quoted because it looked like a formula comes back unquoted).
Files that are not workbooks, old ``.xls`` files, password-protected and damaged files raise
``WorkbookError`` with a Chinese message; nothing else escapes (fuzz-tested). So do "workbook
bombs": before openpyxl parses anything the package is measured (sizes, compression ratios, and a
streaming count of rows, columns and shared strings) against what a roster can be, within seconds
and a few MB of memory.
"""

from __future__ import annotations

import functools
import math
import posixpath
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from desktop_app.errors import OfficeError
from desktop_app.spreadsheets.writer import QUOTE, restore

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
_GROUPS = {
    "法定代表人": "legal_representative",
    "法人": "legal_representative",
    "法人代表": "legal_representative",
    "主要负责人": "principal",
    "负责人": "principal",
    "联络员": "liaison",
    "联系人": "liaison",
}
_SUB_FIELDS = {
    "姓名": "name",
    "名字": "name",
    "职务": "position",
    "手机": "mobile",
    "手机号": "mobile",
    "手机号码": "mobile",
    "电话": "phone",
    "联系电话": "phone",
    "座机": "landline",
    "办公电话": "landline",
    "微信": "wechat",
    "微信号": "wechat",
    "邮箱": "email",
    "电子邮箱": "email",
}

REQUIRED_FIELDS = ("name", "uscc")
HEADER_SEARCH_ROWS = 30
_TOTALS = re.compile(r"^(合计|总计|共计|小计|总数|以上合计)")
_HINT = re.compile(r"[（(][^）)]*[）)]$")

_ALIAS_INDEX: dict[str, str] = {}
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
    _check_directory(path)  # before zipfile reads the whole directory into memory
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except _UNREADABLE:  # a damaged directory: also an unknown zip version (NotImplementedError)
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


# --- refusing workbook bombs ------------------------------------------------------------------------
# An .xlsx is a zip of XML, and openpyxl believes it: a 1 MB file whose shared strings unpack to
# 1 GB took 2 minutes and 3.3 GB of memory to refuse, and a 353 KB file with one cell in column XFD
# on every row 2.6 GB (read-only mode pads each row to its last cell: 16,384 cells). So before
# openpyxl parses anything the package is measured against what a roster can be. Every limit is
# several times the largest roster the office can have (100,000 members, a few dozen columns; a
# real one has a few thousand rows and unpacks to a few MB), so no real roster meets one.

_MB = 1 << 20

# Sum of the members' unpacked sizes. 100,000 members × 20 columns unpack to ~90 MB of sheet XML
# plus their shared strings; zipfile never returns more than a member's declared size (it stops
# there and checks the CRC), so declared sizes bound everything read after this check.
MAX_UNPACKED_BYTES = 200 * _MB
# xl/sharedStrings.xml, every distinct text of the workbook, which openpyxl keeps in memory whole.
# 100,000 members with long 经营范围 texts make ~60 MB.
MAX_SHARED_STRINGS_BYTES = 100 * _MB
# Distinct texts: the declared uniqueCount and the <si> elements really there (100,000 rows × 20
# text columns). The declared ``count`` (cells using a text, counted over all sheets) costs no
# memory and legitimately exceeds this, so it is not a limit.
MAX_SHARED_STRINGS = 2_000_000
# Rows of a worksheet: the last row number reached and the number of <row> elements (a row number
# jumping to 1,048,576 makes openpyxl yield a million empty rows). Twice the largest roster; also
# the reader's own default ``max_rows``.
MAX_ROWS = 200_000
# Columns of a worksheet: the rightmost cell, as openpyxl counts it (from ``r="XFD7"``, or one more
# than the cell before when ``r`` is missing). A roster has a few dozen; XFD is column 16,384.
MAX_COLUMNS = 100
# Cells of one worksheet: the reader keeps every data row, so rows × columns is its memory.
# 100,000 rows × 50 columns; a roster of 100,000 members × 20 columns has 2,000,000.
MAX_CELLS = 5_000_000
# Unpacked size ÷ packed size of one member over RATIO_FLOOR_BYTES. The XML of real workbooks packs
# 10 to 30 to one; a zip bomb ~1,000 to one (deflate's ceiling). Small members may have any ratio.
MAX_MEMBER_RATIO = 100
RATIO_FLOOR_BYTES = 1 * _MB
# XML elements of one part outside rows and shared strings (styles, sheet structure, defined
# names …): openpyxl keeps them all as objects. Excel's ceiling of 64,000 cell formats makes
# ~200,000 in styles.xml; a roster's sheet has a few hundred (merged titles, hyperlinks).
MAX_PART_ELEMENTS = 500_000
# XML elements inside one row or one shared string (cells, values, rich-text runs): openpyxl holds
# a whole row in memory before clearing it. A row of 100 cells of rich text in 50 runs (10 elements
# a run) has ~50,000.
MAX_ITEM_ELEMENTS = 100_000
# Nesting of XML elements: Excel writes under 20 levels (drawings, charts).
MAX_XML_DEPTH = 100
# Distinct element and attribute names in one part: Excel's parts use a few hundred, and expat (in
# this check and in openpyxl) keeps every one it meets.
MAX_XML_NAMES = 10_000
# The zip's central directory (~80 bytes a member): a workbook has a few dozen members, and zipfile
# reads the whole directory into memory before anything else can be checked (200,000 empty members,
# 17 MB of file, took 106 MB).
MAX_DIRECTORY_BYTES = 1 * _MB

_CHUNK_BYTES = 1 << 16
_UNREADABLE = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError)
_SMALL_PART_BYTES = 1 * _MB  # [Content_Types].xml, workbook.xml and its rels, read for names only
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_SHEET = f"{_MAIN} sheet"
_ROW, _SI, _SST, _DIMENSION = 1, 2, 3, 4
_KINDS = {"row": _ROW, "si": _SI, "sst": _SST, "dimension": _DIMENSION}  # by local name
_RELATIONSHIP = "http://schemas.openxmlformats.org/package/2006/relationships Relationship"
_OVERRIDE = "http://schemas.openxmlformats.org/package/2006/content-types Override"
_SHEET_ID = "http://schemas.openxmlformats.org/officeDocument/2006/relationships id"
_SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_DIGITS = "0123456789"
_CORNER = re.compile(r"\$?([A-Za-z]{1,3})?\$?(\d+)?")
_END_OF_DIRECTORY, _ZIP64_LOCATOR, _ZIP64_END = b"PK\x05\x06", b"PK\x06\x07", b"PK\x06\x06"


class _Exceeded(Exception):
    """A part passed a limit; ``text`` says which, after the part's name (see ``_check_package``)."""

    def __init__(self, text: str):
        super().__init__(text)
        self.text = text


def _megabytes(size: int) -> str:
    return f"{math.ceil(size / _MB):,} MB"


def _check_directory(path: Path) -> None:
    """Refuse a zip whose central directory is too big, reading its end record as zipfile does."""
    try:
        with open(path, "rb") as handle:
            end = handle.seek(0, 2)
            handle.seek(max(end - (1 << 16) - 22 - 20 - 56, 0))
            tail = handle.read()
    except OSError:
        return  # zipfile will say what is wrong
    # zipfile takes the last 22 bytes when they are an end record without a comment, else the last
    # signature within the last 64 KB; a ZIP64 locator just before it points at the real sizes.
    at = len(tail) - 22
    if not (at >= 0 and tail[at : at + 4] == _END_OF_DIRECTORY and tail[-2:] == b"\0\0"):
        at = tail.rfind(_END_OF_DIRECTORY)
        if at < 0 or len(tail) - at < 22:
            return
    size = int.from_bytes(tail[at + 12 : at + 16], "little")
    locator = at - 20
    if locator >= 56 and tail[locator : locator + 4] == _ZIP64_LOCATOR:
        record = locator - 56
        if tail[record : record + 4] == _ZIP64_END:
            size = int.from_bytes(tail[record + 40 : record + 48], "little")
    if size > MAX_DIRECTORY_BYTES:
        raise WorkbookError(
            f"工作簿“{path.name}”的文件目录有 {_megabytes(size)}（Excel 工作簿不超过 {_megabytes(MAX_DIRECTORY_BYTES)}），"
            "里面的部件多得不像会员名册，已拒绝读取。"
        )


def _check_package(path: Path) -> None:
    """Refuse, before openpyxl parses anything, a workbook bigger than any roster can be.

    Declared sizes first (nothing unpacked), then every member streamed through expat with bounded
    memory: rows, columns, cells, shared strings, declared dimensions, element counts and depth.
    """
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        sizes = {m.filename: m.file_size for m in members}
        shared = _shared_strings_parts(archive, sizes)
        for member in members:
            if member.filename in shared and member.file_size > MAX_SHARED_STRINGS_BYTES:
                raise WorkbookError(
                    f"工作簿“{path.name}”中的文字（{member.filename}）解压后超过 "
                    f"{_megabytes(MAX_SHARED_STRINGS_BYTES)}（本文件 {_megabytes(member.file_size)}），"
                    "不像是会员名册，已拒绝读取。"
                )
        total = sum(m.file_size for m in members)
        if total > MAX_UNPACKED_BYTES:
            raise WorkbookError(
                f"工作簿“{path.name}”解压后超过 {_megabytes(MAX_UNPACKED_BYTES)}（本文件 {_megabytes(total)}），"
                "不像是会员名册，已拒绝读取。"
            )
        for member in members:
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size > RATIO_FLOOR_BYTES and ratio > MAX_MEMBER_RATIO:
                raise WorkbookError(
                    f"工作簿“{path.name}”中的“{member.filename}”解压后是压缩时的 {ratio:,.0f} 倍"
                    f"（Excel 保存的文件不超过 {MAX_MEMBER_RATIO} 倍），像是“压缩炸弹”，已拒绝读取。"
                )
        sheets = _sheet_labels(archive, sizes)
        for member in members:
            try:
                stream = archive.open(member)
            except _UNREADABLE:
                continue  # encrypted or packed in a way zipfile cannot unpack: openpyxl cannot either
            try:
                _scan_part(stream)
            except _Exceeded as exceeded:
                where = f"的{sheets[member.filename]}" if member.filename in sheets else f"中的“{member.filename}”"
                raise WorkbookError(f"工作簿“{path.name}”{where}{exceeded.text}，已拒绝读取。") from None
            finally:
                stream.close()


@functools.lru_cache(maxsize=1024)
def _column_number(letters: str) -> int | None:
    """1 for "A", 16,384 for "XFD" (also "$XFD", "xfd"); None for what openpyxl would not accept."""
    letters = letters.strip("$").upper()
    if not (1 <= len(letters) <= 3 and letters.isascii() and letters.isalpha()):
        return None
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _row_number(ref: str | None, previous: int) -> int:
    """The row number openpyxl gives a <row>: its ``r``, or one more than the row before."""
    if not ref:
        return previous + 1
    try:
        return int(ref)
    except ValueError:
        try:
            number = float(ref)
        except ValueError:
            return previous  # openpyxl refuses the file at this row
        return int(number) if number.is_integer() else previous


def _dimension_extent(ref: str) -> tuple[int, int]:
    """(columns, rows) reached by a declared ``<dimension ref="A1:XFD1048576">``; 0 where unknown."""
    columns = rows = 0
    for corner in ref.split(":", 2)[:2]:
        match = _CORNER.fullmatch(corner.strip())
        if match is None:
            continue
        if match[1]:
            columns = max(columns, _column_number(match[1]) or 0)
        if match[2]:
            rows = max(rows, int(match[2]) if len(match[2]) <= 9 else 10**9)
    return columns, rows


def _scan_part(stream: IO[bytes]) -> None:
    """Stream one member through expat, counting what openpyxl would build; ``_Exceeded`` at the
    first limit passed. Memory: one chunk, the names seen and a few counters (no tree is built).

    openpyxl takes every <row> of the main namespace, at any depth, as a row, and every child of a
    row as a cell (its column from ``r``, else one more than the cell before). Namespaces are not
    resolved here, for speed: any element named ``row`` or ``x:row`` counts as a row (``si``,
    ``sst`` and ``dimension`` likewise), which only ever counts more than openpyxl builds.
    """
    parser = expat.ParserCreate()
    parser.ordered_attributes = True  # [name, value, …]: cheaper than a dict per element
    kinds = dict(_KINDS)  # element name → _ROW, _SI, _SST, _DIMENSION or 0
    depth = 0
    item_depth = 0  # depth of the outermost open row or shared string; 0 = none open
    item_elements = loose = rows = row_number = cells = strings = 0
    open_rows: list[tuple[int, str | None, int]] = []  # (depth, r, the outer row's column) per open row
    cell_depth = 0  # depth of the cells of the innermost open row; 0 = no row open
    column = 0  # column reached in the innermost open row

    def start(name: str, attrs: list[str]) -> None:
        nonlocal depth, item_depth, item_elements, loose, cells, strings, cell_depth, column
        depth += 1
        if item_depth:
            item_elements += 1
            if item_elements > MAX_ITEM_ELEMENTS:
                raise _Exceeded(f"的一行（或一条文字）含有超过 {MAX_ITEM_ELEMENTS:,} 个 XML 元素，不像是会员名册")
            if depth == cell_depth:
                ref = attrs[1] if attrs and attrs[0] == "r" else _attribute(attrs, "r")
                column = (_column_number(ref.rstrip(_DIGITS)) if ref else None) or column + 1
                if column > MAX_COLUMNS:
                    letter = get_column_letter(column) if column <= 18278 else "超出 Excel 的范围"
                    raise _Exceeded(f"用到第 {column:,} 列（{letter}），会员名册最多 {MAX_COLUMNS} 列")
                cells += 1
                if cells > MAX_CELLS:
                    raise _Exceeded(f"有超过 {MAX_CELLS:,} 个单元格，会员名册最多 {MAX_CELLS:,} 个")
        kind = kinds.get(name)
        if kind is None:
            kind = _KINDS.get(name.rpartition(":")[2], 0)
            kinds[name] = kind  # as many as the parser's own names, which are limited below
        if kind == _ROW:
            open_rows.append((depth, _attribute(attrs, "r"), column))
            cell_depth, column = depth + 1, 0
            if not item_depth:
                item_depth, item_elements = depth, 0
        elif kind == _SI:
            strings += 1
            if strings > MAX_SHARED_STRINGS:
                raise _Exceeded(f"有超过 {MAX_SHARED_STRINGS:,} 条不同的文字，不像是会员名册")
            if not item_depth:
                item_depth, item_elements = depth, 0
        elif not item_depth:
            loose += 1
            if loose > MAX_PART_ELEMENTS:
                raise _Exceeded(f"含有超过 {MAX_PART_ELEMENTS:,} 个 XML 元素（单元格以外），不像是会员名册")
            if depth > MAX_XML_DEPTH:  # inside a row or a text, MAX_ITEM_ELEMENTS bounds the depth
                raise _Exceeded(f"的 XML 嵌套超过 {MAX_XML_DEPTH} 层，不是 Excel 保存的文件")
            if kind == _DIMENSION:
                ref = _attribute(attrs, "ref") or ""
                columns, declared_rows = _dimension_extent(ref)
                if columns > MAX_COLUMNS or declared_rows > MAX_ROWS:
                    raise _Exceeded(
                        f"声明的范围是 {ref[:40]}（{columns:,} 列、{declared_rows:,} 行），"
                        f"会员名册最多 {MAX_COLUMNS} 列、{MAX_ROWS:,} 行"
                    )
            elif kind == _SST:
                declared = (_attribute(attrs, "uniqueCount") or "").strip().lstrip("0")
                if declared.isascii() and declared.isdigit() and int(declared[:12]) > MAX_SHARED_STRINGS:
                    figure = f"{int(declared):,}" if len(declared) <= 12 else declared[:12] + "…"
                    raise _Exceeded(f"声明有 {figure} 条不同的文字，会员名册最多 {MAX_SHARED_STRINGS:,} 条")

    def end(name: str) -> None:
        nonlocal depth, item_depth, rows, row_number, cell_depth, column
        if depth + 1 == cell_depth:  # a row ends
            _, ref, column = open_rows.pop()
            cell_depth = open_rows[-1][0] + 1 if open_rows else 0
            row_number = _row_number(ref, row_number)
            rows += 1
            if row_number > MAX_ROWS:
                raise _Exceeded(f"用到第 {row_number:,} 行，会员名册最多 {MAX_ROWS:,} 行")
            if rows > MAX_ROWS:
                raise _Exceeded(f"超过 {MAX_ROWS:,} 行，会员名册最多 {MAX_ROWS:,} 行")
        if depth == item_depth:
            item_depth = 0
        depth -= 1

    def doctype(*_: Any) -> None:
        # Excel never writes a DTD; its entities are how XML "billion laughs" expand.
        raise _Exceeded("含有 DTD 声明（Excel 从不写入），可能是恶意文件")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = doctype
    # A member that is not XML (an image), damaged or cut short is scanned up to the error: openpyxl
    # reads the same bytes with the same expat, meets the same error if it reads the member at all,
    # and the file is refused then. Only these errors end a scan quietly; anything else a handler
    # raises escapes, and read_roster refuses the file as damaged.
    try:
        while True:
            try:
                chunk = stream.read(_CHUNK_BYTES)
            except _UNREADABLE:
                return
            if not chunk:
                break
            parser.Parse(chunk, False)
            # expat (and openpyxl's parser after it) keeps every distinct name it has seen
            if len(parser.intern) > MAX_XML_NAMES:
                raise _Exceeded(f"含有超过 {MAX_XML_NAMES:,} 种 XML 名称，不是 Excel 保存的文件")
        parser.Parse(b"", True)
    except expat.ExpatError:
        return


def _attribute(attrs: list[str], wanted: str) -> str | None:
    for index in range(0, len(attrs) - 1, 2):
        if attrs[index] == wanted:
            return attrs[index + 1]
    return None


def _small_part_elements(archive: zipfile.ZipFile, sizes: dict[str, int], name: str, tag: str) -> list[dict[str, str]]:
    """Attributes of the ``tag`` elements of a small part; [] if it is missing, big or not XML."""
    if sizes.get(name, _SMALL_PART_BYTES + 1) > _SMALL_PART_BYTES:
        return []
    found: list[dict[str, str]] = []
    parser = expat.ParserCreate(namespace_separator=" ")

    def start(element: str, attrs: dict[str, str]) -> None:
        if element == tag:
            found.append(attrs)

    def doctype(*_: Any) -> None:
        raise expat.ExpatError("DTD")  # refused by the scan with the part's name

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = doctype
    try:
        parser.Parse(archive.read(name), True)
    except (expat.ExpatError, KeyError, *_UNREADABLE):
        pass  # what was found before the error is enough to name things in a message
    return found


def _shared_strings_parts(archive: zipfile.ZipFile, sizes: dict[str, int]) -> set[str]:
    """The shared-strings part as [Content_Types].xml names it (openpyxl's way), and the usual name."""
    parts = {"xl/sharedStrings.xml"}
    for override in _small_part_elements(archive, sizes, "[Content_Types].xml", _OVERRIDE):
        if override.get("ContentType") == _SHARED_STRINGS_TYPE and override.get("PartName"):
            parts.add(override["PartName"].lstrip("/"))
    return parts


def _sheet_labels(archive: zipfile.ZipFile, sizes: dict[str, int]) -> dict[str, str]:
    """Part name → "第 1 个工作表“会员名册”", from workbook.xml and its relationships, for messages."""
    book = (
        "xl/workbook.xml" if "xl/workbook.xml" in sizes else next((n for n in sizes if n.endswith("workbook.xml")), "")
    )
    folder, _, file = book.rpartition("/")
    targets = {}
    for rel in _small_part_elements(archive, sizes, posixpath.join(folder, "_rels", f"{file}.rels"), _RELATIONSHIP):
        target = rel.get("Target", "")
        targets[rel.get("Id")] = (
            target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        )
    labels: dict[str, str] = {}
    for position, sheet in enumerate(_small_part_elements(archive, sizes, book, _SHEET), 1):
        sheet_target = targets.get(sheet.get(_SHEET_ID) or "")
        if sheet_target:
            labels.setdefault(sheet_target, f"第 {position} 个工作表“{sheet.get('name', '')[:40]}”")
    return labels


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
        _check_package(path)
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
            # openpyxl pads each row to its last cell: one cell in column XFD makes a 16,384-cell row.
            # _check_package refuses such sheets; max_col keeps any row from being built wider should
            # one get past it, and _trimmed takes off the padding (a missing cell reads as None).
            rows_iter = map(_trimmed, sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True))
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


def _trimmed(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A row without the empty cells openpyxl padded it with up to ``max_col``, and without the
    quote ``spreadsheets.writer`` put before text that looks like a formula ("'=…" reads "=…"), so
    that the rejected rows and the roster we wrote come back as they were."""
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return tuple(restore(v) if isinstance(v, str) and v[:1] == QUOTE else v for v in row[:end])


def _collect(
    table: RosterSheet, first: list[tuple[Any, ...]], first_number: int, rest, header: tuple[Any, ...], max_rows: int
) -> None:  # type: ignore[no-untyped-def]
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
