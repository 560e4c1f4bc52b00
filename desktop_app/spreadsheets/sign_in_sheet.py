"""Sign-in sheets of association activities (签到表, R-12.1 (2)): which organisations came, and who.

A sign-in sheet kept by hand has a title (often merged: “2026年度会员大会签到表”), sometimes the
date and place under it, then a header — 序号 | 单位名称 | 统一社会信用代码 | 姓名 | 职务 | 联系电话 |
签名 — in its usual variants, blank and pre-numbered empty rows, a repeated header on a second
printed page, and a line at the bottom (合计 / 共 N 家). ``read_sign_in_sheet`` finds the header,
maps the columns and returns every row below it, classified, with its Excel row number: nothing
is dropped silently (the import accounts for each row).

The file is opened exactly as the roster is (``spreadsheets.reader``): refused with a Chinese
message when it is not a workbook, an old ``.xls``, password-protected, damaged, or a "bomb"
(sizes, ratios, rows, columns and shared strings measured before openpyxl parses anything).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from desktop_app.spreadsheets.reader import (
    HEADER_SEARCH_ROWS,
    MAX_COLUMNS,
    WorkbookError,
    _check_file,  # the roster's bounded opening: the same refusals for every workbook read
    _check_package,
    _trimmed,
    header_key,
)

# Header names seen on offices' sign-in sheets, by the field they fill (compared after ``header_key``).
HEADERS: dict[str, tuple[str, ...]] = {
    "serial": ("序号", "序", "编号", "no", "no."),
    "organisation": (
        "单位名称",
        "单位",
        "会员单位",
        "会员单位名称",
        "参会单位",
        "参会单位名称",
        "工作单位",
        "所在单位",
        "企业名称",
        "公司名称",
        "单位全称",
        "签到单位",
    ),
    "uscc": ("统一社会信用代码", "信用代码", "社会信用代码", "统一信用代码", "统一代码"),
    "attendee": (
        "姓名",
        "参会人",
        "参会人员",
        "参会人姓名",
        "参会代表",
        "代表姓名",
        "参加人",
        "参加人员",
        "出席人",
        "出席人员",
        "签到人",
        "与会人员",
        "名字",
    ),
    "position": ("职务", "职位", "职务/职称", "职称"),
    "phone": ("联系电话", "电话", "手机", "手机号", "手机号码", "联系方式"),
    "signature": ("签名", "签字", "本人签名", "签到", "签到签名"),
    "note": ("备注", "说明"),
}
REQUIRED = ("organisation",)
_HINT = re.compile(r"[（(][^）)]*[）)]$")
_TOTALS = re.compile(r"^(合计|总计|共计|小计|以上合计|共\s*\d+\s*(家|个|人|单位))")

_INDEX: dict[str, str] = {}
for _field, _names in HEADERS.items():
    for _name in _names:
        _INDEX.setdefault(_name.lower(), _field)


def field_for(value: Any) -> str | None:
    key = header_key(value)
    if not key:
        return None
    return _INDEX.get(key) or _INDEX.get(_HINT.sub("", key))


def text_of(value: Any) -> str:
    """A cell as text: NFKC, trimmed, inner runs of white space made one space; numbers without “.0”."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    return re.sub(r"\s+", " ", text)


@dataclass(frozen=True)
class SignInEntry:
    """One data row of the sheet: the organisation as written, its code if given, who signed in."""

    row: int  # the row number Excel shows
    organisation: str
    uscc: str = ""
    attendee: str = ""
    position: str = ""
    phone: str = ""
    note: str = ""


@dataclass
class SignInSheet:
    path: Path
    sheet: str
    header_row: int
    columns: dict[str, str]  # field → the header as written
    entries: list[SignInEntry] = field(default_factory=list)
    blank_rows: list[int] = field(default_factory=list)  # empty, or only a serial number / signature
    other_rows: list[tuple[int, str]] = field(default_factory=list)  # (row, why it is not an entry)

    @property
    def rows_read(self) -> int:
        return len(self.entries) + len(self.blank_rows) + len(self.other_rows)


def _header(row: tuple[Any, ...]) -> dict[int, str]:
    """Column index → field of a header row (each field once, the first column that names it)."""
    found: dict[int, str] = {}
    for index, value in enumerate(row):
        name = field_for(value)
        if name and name not in found.values():
            found[index] = name
    return found


def read_sign_in_sheet(path: str | Path, *, max_rows: int = 20_000) -> SignInSheet:
    """Find the sign-in table in the workbook at ``path``; ``WorkbookError`` for anything unreadable."""
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


def _read(path: Path, max_rows: int) -> SignInSheet:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = [s for s in workbook.worksheets if hasattr(s, "iter_rows")]
        active = workbook.active
        if active in sheets:  # the sheet the office last looked at first
            sheets.remove(active)
            sheets.insert(0, active)
        for sheet in sheets:
            sheet.reset_dimensions()
            rows = map(_trimmed, sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True))
            top = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
            best: tuple[int, dict[int, str]] | None = None
            for index, row in enumerate(top):
                mapping = _header(row)
                if "organisation" in mapping.values() and len(mapping) >= 2:
                    if best is None or len(mapping) > len(best[1]):
                        best = (index, mapping)
            if best is None:
                continue
            index, mapping = best
            header = top[index]
            table = SignInSheet(
                path=path,
                sheet=sheet.title,
                header_row=index + 1,
                columns={name: text_of(header[i]) for i, name in mapping.items()},
            )
            _collect(table, mapping, header, itertools.chain(top[index + 1 :], rows), index + 2, max_rows)
            return table
        raise WorkbookError(
            f"在“{path.name}”中找不到签到表：前 {HEADER_SEARCH_ROWS} 行中没有含“单位名称”（或“参会单位”“工作单位”）"
            "和“姓名”“统一社会信用代码”等列名的表头行。"
        )
    finally:
        workbook.close()


def _collect(
    table: SignInSheet, mapping: dict[int, str], header: tuple[Any, ...], rows: Any, first: int, max_rows: int
) -> None:
    header_keys = [header_key(v) for v in header if header_key(v)]
    content = [i for i, name in mapping.items() if name in ("organisation", "uscc", "attendee")]
    number = first - 1
    for row in rows:
        number += 1
        if number - first >= max_rows:
            raise WorkbookError(f"工作表“{table.sheet}”超过 {max_rows:,} 行，不像是签到表。")
        cells = tuple(row)
        texts = [text_of(v) for v in cells]
        if not any(texts):
            table.blank_rows.append(number)
            continue
        if any(_TOTALS.match(t) for t in texts if t):
            table.other_rows.append((number, "合计行"))
            continue
        if [header_key(v) for v in cells if header_key(v)] == header_keys:
            table.other_rows.append((number, "重复的表头"))
            continue
        if not any(texts[i] for i in content if i < len(texts)):
            # a pre-numbered empty row, or a signature with no name next to it
            table.blank_rows.append(number)
            continue
        values = {name: (texts[i] if i < len(texts) else "") for i, name in mapping.items()}
        note = values.get("note", "")
        if not values.get("organisation") and not values.get("uscc"):
            previous = table.entries[-1] if table.entries else None
            if previous is None or previous.row != number - 1 or not values.get("attendee"):
                table.other_rows.append((number, "没有单位名称或信用代码"))
                continue
            # a second person of the same organisation under a merged 单位名称 cell
            values["organisation"], values["uscc"] = previous.organisation, previous.uscc
            note = "；".join(filter(None, [note, "单位名称取自上一行（合并单元格）"]))
        table.entries.append(
            SignInEntry(
                row=number,
                organisation=values.get("organisation", ""),
                uscc=values.get("uscc", ""),
                attendee=values.get("attendee", ""),
                position=values.get("position", ""),
                phone=values.get("phone", ""),
                note=note,
            )
        )


__all__ = ["HEADERS", "SignInEntry", "SignInSheet", "read_sign_in_sheet", "text_of"]
