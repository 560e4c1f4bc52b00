"""A roster workbook as offices really keep them, for tests and benchmarks.

A merged title row and a subtitle above the header; header names in their variants; a two-row
header (联络员 over 姓名 | 手机) on request; codes in lower case, full width and with spaces;
phones and postcodes stored as numbers; dates as real Excel dates and as text in four spellings;
level names with and without 单位; blank rows inside the table; duplicates; bad codes, an
individual business, a person's name, an unknown level; a totals row at the bottom. ``Expected``
says what should happen to each row.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from desktop_app.core.wuhan import DISTRICTS
from desktop_app.demo.names import make_uscc, mobile, person_name

LEVELS = ["会员单位", "理事单位", "常务理事单位", "副会长单位", "会员", "理事", "常务理事"]
KINDS = ["建设工程", "建筑工程", "市政工程", "路桥工程", "建筑装饰工程", "钢结构工程", "机电安装工程", "幕墙工程"]
BRANDS = "宏华中建鑫泰盛达城安信远兴恒通博金瑞丰江汉楚天长荣祥和顺东方明新联合创伟嘉隆昌腾飞永正诚德润海晨光亿宇越辉"


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def text_date(day: dt.date, style: int) -> object:
    return [
        dt.datetime(day.year, day.month, day.day),  # a real Excel date
        f"{day.year}.{day.month}.{day.day}",
        f"{day.year}/{day.month:02d}/{day.day:02d}",
        f"{day.year}-{day.month:02d}-{day.day:02d}",
        f"{day.year}年{day.month}月{day.day}日",
    ][style % 5]


@dataclass
class Expected:
    imported: list[int] = field(default_factory=list)  # Excel row numbers
    duplicates: list[int] = field(default_factory=list)
    rejected: dict[int, str] = field(default_factory=dict)  # row -> a word the reason must contain
    blank: list[int] = field(default_factory=list)
    totals: list[int] = field(default_factory=list)
    usccs: dict[int, str] = field(default_factory=dict)  # row -> the clean code
    names: dict[int, str] = field(default_factory=dict)

    @property
    def data_rows(self) -> int:
        return len(self.imported) + len(self.duplicates) + len(self.rejected)


def make_messy_roster(
    path: Path,
    members: int = 40,
    *,
    seed: int = 7,
    two_row_header: bool = False,
    blank_every: int = 13,
    bad_rows: bool = True,
) -> Expected:
    rng = random.Random(seed)
    wb = Workbook()
    ws = wb.active
    ws.title = "会员名册"
    if two_row_header:
        headers = [
            "序号",
            "会员单位名称",
            "信用代码",
            "会员类别",
            "入会时间",
            "法人代表",
            "联络员",
            None,
            None,
            "通讯地址",
            "邮编",
            "备注",
        ]
        sub = [None, None, None, None, None, None, "姓名", "手机", "座机", None, None, None]
    else:
        headers = [
            "序号",
            "单位名称",
            "统一社会信用代码",
            "会员级别",
            "入会日期",
            "法定代表人",
            "联系人",
            "手机",
            "联系电话",
            "通讯地址",
            "邮政编码",
            "备注",
        ]
        sub = None
    width = len(headers)
    ws.append(["武汉建筑业协会会员名册"] + [None] * (width - 1))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws["A1"].font = Font(size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(["制表：会籍管理部　　截至2026年11月"] + [None] * (width - 1))
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    ws.append(headers)
    if sub:
        ws.append(sub)
        for column in (1, 2, 3, 4, 5, 6, 10, 11, 12):
            ws.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
        ws.merge_cells(start_row=3, start_column=7, end_row=3, end_column=9)
    expected = Expected()
    row_number = ws.max_row
    seen_names: set[str] = set()
    serial = 0
    good: list[tuple[int, list[object]]] = []

    def add(cells: list[object]) -> int:
        nonlocal row_number
        ws.append(cells)
        row_number += 1
        return row_number

    for index in range(members):
        if blank_every and index and index % blank_every == 0:
            expected.blank.append(add([None] * width))
        district = DISTRICTS[index % len(DISTRICTS)]
        while True:
            name = f"武汉{rng.choice(BRANDS)}{rng.choice(BRANDS)}{rng.choice(BRANDS)}{rng.choice(KINDS)}有限公司"
            if name not in seen_names:
                seen_names.add(name)
                break
        code = make_uscc(rng, "91", district.division)
        shown_code = [code, code.lower(), fullwidth(code), f" {code[:9]} {code[9:]} "][index % 4]
        join = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(7000))
        phone = mobile(rng)
        serial += 1
        cells: list[object] = [
            serial,
            name if index % 7 else f" {name} ",
            shown_code,
            LEVELS[index % len(LEVELS)],
            text_date(join, index),
            person_name(rng),
            person_name(rng),
            int(phone) if index % 2 else phone,
            int(f"8{rng.randrange(1000000, 9999999)}") if index % 3 == 0 else f"027-8{rng.randrange(1000000, 9999999)}",
            f"武汉市{district.name}{district.streets[0]}{rng.randrange(1, 999)}号",
            int(district.postcode) if index % 2 else district.postcode,
            None,
        ]
        number = add(cells)
        expected.imported.append(number)
        expected.usccs[number] = code
        expected.names[number] = name
        good.append((number, cells))

    if bad_rows:

        def bad(cells_change: dict[int, object], word: str) -> None:
            nonlocal serial
            serial += 1
            base_row, base = good[len(expected.rejected) % len(good)]
            district = DISTRICTS[serial % len(DISTRICTS)]
            cells = list(base)
            cells[0] = serial
            cells[1] = f"武汉市新{serial}号建筑工程有限公司"
            cells[2] = make_uscc(rng, "91", district.division)
            for position, value in cells_change.items():
                cells[position] = value
            expected.rejected[add(cells)] = word

        code = make_uscc(rng, "91", "420102")
        bad({2: code[:17] + ("0" if code[17] != "0" else "1")}, "校验码")  # a mistyped check character
        bad({2: make_uscc(rng, "92", "420106")}, "个体工商户")
        bad({1: "王建国"}, "个人")  # a person, not an organisation
        bad({3: "名誉会长单位"}, "会员级别")
        bad({4: "2020.13.45"}, "入会日期")
        bad({7: "1387123"}, "手机")
        bad({2: None}, "统一社会信用代码")
        # duplicates of rows above: the same code (written differently), same and different content
        for offset in (0, 3):
            first_row, first = good[offset]
            cells = list(first)
            cells[2] = str(first[2]).strip().lower()
            if offset:
                cells[7] = "13900000000"
            expected.duplicates.append(add(cells))
    add([None] * width)
    totals = add(["合计", f"共 {serial} 家"] + [None] * (width - 2))
    expected.totals.append(totals)
    for column, letter_width in zip("ABCDEFGHIJKL", (6, 36, 22, 12, 14, 10, 10, 14, 14, 40, 10, 10), strict=True):
        ws.column_dimensions[column].width = letter_width
    wb.save(path)
    return expected
