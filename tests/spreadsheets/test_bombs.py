"""Workbook bombs are refused before openpyxl parses them, naming the limit, in bounded memory.

Each bomb is built here with zipfile from a small real workbook (nothing large is committed):
shared strings unpacking to hundreds of MB, a cell in column XFD on every row, a declared
dimension of the whole sheet, too many rows, a member packed a thousand to one, a directory of
thousands of members, XML tricks (a DTD, deep nesting, endless elements). Memory is measured with
tracemalloc around the whole ``read_roster`` call; time is not asserted (the figures are machine
dependent), but every refusal here stops at the first limit passed.
"""

from __future__ import annotations

import io
import re
import tracemalloc
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from desktop_app.spreadsheets import reader
from desktop_app.spreadsheets.reader import (
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_SHARED_STRINGS,
    WorkbookError,
    read_roster,
)
from tests.spreadsheets.messy import make_messy_roster

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PEAK_LIMIT = 100 * 2**20  # bytes traced during a refusal


def base_workbook() -> bytes:
    """A small real roster saved by openpyxl: shared strings, one sheet named 会员名册."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "会员名册"
    sheet.append(["单位名称", "统一社会信用代码"])
    sheet.append(["武汉宏达建设工程有限公司", "914201001777158766"])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


BASE = base_workbook()


def repack(
    path: Path, parts: dict[str, bytes | Iterable[bytes]], *, stored: Iterable[str] = (), extra: int = 0
) -> Path:
    """BASE with ``parts`` replaced or added (chunks are streamed in, so nothing big is held in
    memory); members in ``stored`` are not compressed; ``extra`` empty members are added."""
    with zipfile.ZipFile(io.BytesIO(BASE)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename not in parts:
                dst.writestr(item, src.read(item.filename))
        for name, content in parts.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            with dst.open(info, "w") as member:
                for chunk in [content] if isinstance(content, bytes) else content:
                    member.write(chunk)
        for number in range(extra):
            dst.writestr(f"xl/media/image{number:05d}.png", b"")
    return path


def sheet_xml(rows: Iterable[bytes], *, dimension: str = "A1:B2", head: bytes = b"") -> Iterable[bytes]:
    yield f'<?xml version="1.0" encoding="UTF-8"?>{head.decode()}<worksheet xmlns="{MAIN}">'.encode()
    yield f'<dimension ref="{dimension}"/><sheetData>'.encode()
    yield from rows
    yield b"</sheetData></worksheet>"


def header_row() -> bytes:
    return (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>单位名称</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>统一社会信用代码</t></is></c></row>'
    ).encode()


def refused(path: Path) -> tuple[str, int]:
    """The refusal's message and the peak memory traced while reading ``path``."""
    tracemalloc.start()
    try:
        with pytest.raises(WorkbookError) as caught:
            read_roster(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return caught.value.message, peak


# --- the two files seen on main, and the bombs named in the issue ---------------------------------


def test_shared_strings_unpacking_to_300_mb(tmp_path: Path) -> None:
    chunk = "<si><t>武汉建设工程有限公司</t></si>".encode() * 30_000  # 1.1 MB
    strings = [f'<?xml version="1.0"?><sst xmlns="{MAIN}" count="3" uniqueCount="3">'.encode()]
    strings += [chunk] * 280 + [b"</sst>"]
    path = repack(tmp_path / "strings.xlsx", {STRINGS: strings})
    assert path.stat().st_size < 2 * 2**20  # a small file …
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo(STRINGS).file_size > 300 * 2**20  # … that unpacks to 300 MB+
    message, peak = refused(path)
    assert "xl/sharedStrings.xml" in message and "超过 100 MB" in message and "已拒绝读取" in message
    assert peak < PEAK_LIMIT


def test_workbook_unpacking_past_the_total(tmp_path: Path) -> None:
    zeros = (b"\0" * 2**20 for _ in range(250))
    message, peak = refused(repack(tmp_path / "total.xlsx", {"xl/media/image1.png": zeros}))
    assert re.search(r"解压后超过 200 MB（本文件 25\d MB）", message), message
    assert peak < PEAK_LIMIT


def test_declared_number_of_shared_strings(tmp_path: Path) -> None:
    strings = f'<sst xmlns="{MAIN}" count="50000000" uniqueCount="50000000"><si><t>a</t></si></sst>'.encode()
    message, peak = refused(repack(tmp_path / "declared.xlsx", {STRINGS: strings}))
    assert "声明有 50,000,000 条不同的文字" in message and f"最多 {MAX_SHARED_STRINGS:,} 条" in message
    assert peak < PEAK_LIMIT


def test_shared_strings_counted_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """More strings than the limit under a declaration of 3, stored unpacked so that no ratio gives
    them away. The limit is lowered to keep the test quick under tracemalloc (the same count runs at
    any limit; 2,000,001 strings take ~15 s traced)."""
    monkeypatch.setattr(reader, "MAX_SHARED_STRINGS", 100_000)
    strings = [f'<sst xmlns="{MAIN}" count="3" uniqueCount="3">'.encode(), b"<si/>" * 100_001, b"</sst>"]
    message, peak = refused(repack(tmp_path / "counted.xlsx", {STRINGS: strings}, stored=[STRINGS]))
    assert "“xl/sharedStrings.xml”有超过 100,000 条不同的文字" in message
    assert peak < PEAK_LIMIT


def xfd_rows(count: int) -> Iterable[bytes]:
    yield header_row()
    for number in range(2, count + 2):
        yield (
            f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>甲公司{number}</t></is></c>'
            f'<c r="XFD{number}" t="inlineStr"><is><t>x</t></is></c></row>'
        ).encode()


def test_a_cell_in_column_xfd_on_every_row(tmp_path: Path) -> None:
    path = repack(tmp_path / "xfd.xlsx", {SHEET: sheet_xml(xfd_rows(5000), dimension="A1:B5001")})
    message, peak = refused(path)
    assert "第 1 个工作表“会员名册”用到第 16,384 列（XFD），会员名册最多 100 列，已拒绝读取。" in message
    assert peak < PEAK_LIMIT


def test_cells_without_references_are_counted(tmp_path: Path) -> None:
    """openpyxl places a cell without ``r`` one column after the cell before it."""
    rows = [header_row()] + [b'<row r="2">' + b"<c/>" * 16_384 + b"</row>"]
    message, _ = refused(repack(tmp_path / "wide.xlsx", {SHEET: sheet_xml(rows)}))
    assert f"用到第 {MAX_COLUMNS + 1} 列（{get_column_letter(MAX_COLUMNS + 1)}）" in message


def test_reading_never_builds_the_xfd_wide_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even were the check to miss such a sheet, no row is read wider than MAX_COLUMNS (openpyxl pads
    every row to its last cell: 5,000 rows × 16,384 cells would be 650 MB)."""
    monkeypatch.setattr(reader, "_check_package", lambda path: None)
    path = repack(tmp_path / "xfd.xlsx", {SHEET: sheet_xml(xfd_rows(5000), dimension="A1:B5001")})
    tracemalloc.start()
    try:
        table = read_roster(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(table.rows) == 5000
    assert max(len(row.cells) for row in table.rows) <= MAX_COLUMNS
    assert table.rows[0].cells == ("甲公司2",)  # the cell in XFD is not read; empty cells trimmed
    assert peak < PEAK_LIMIT


def test_declared_dimension_of_the_whole_sheet(tmp_path: Path) -> None:
    path = repack(tmp_path / "dimension.xlsx", {SHEET: sheet_xml([header_row()], dimension="A1:XFD1048576")})
    message, peak = refused(path)
    assert "声明的范围是 A1:XFD1048576（16,384 列、1,048,576 行）" in message
    assert f"最多 {MAX_COLUMNS} 列、{MAX_ROWS:,} 行" in message
    assert peak < PEAK_LIMIT


def test_too_many_rows(tmp_path: Path) -> None:
    rows = [header_row(), b"<row/>" * (MAX_ROWS + 1)]  # numbered 2, 3, … by openpyxl
    path = repack(tmp_path / "rows.xlsx", {SHEET: sheet_xml(rows)}, stored=[SHEET])
    message, peak = refused(path)
    assert f"用到第 {MAX_ROWS + 1:,} 行，会员名册最多 {MAX_ROWS:,} 行" in message
    assert peak < PEAK_LIMIT


def test_too_many_rows_under_one_number(tmp_path: Path) -> None:
    rows = [header_row(), b'<row r="1"/>' * (MAX_ROWS + 1)]
    path = repack(tmp_path / "rows.xlsx", {SHEET: sheet_xml(rows)}, stored=[SHEET])
    message, _ = refused(path)
    assert f"超过 {MAX_ROWS:,} 行" in message


def test_a_row_far_down_the_sheet(tmp_path: Path) -> None:
    """openpyxl would yield the million empty rows above it."""
    rows = [header_row(), b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>']
    message, _ = refused(repack(tmp_path / "far.xlsx", {SHEET: sheet_xml(rows)}))
    assert "用到第 1,048,576 行" in message


def test_absurd_compression_ratio(tmp_path: Path) -> None:
    zeros = (b"\0" * 2**20 for _ in range(50))  # 50 MB: under the total, a thousand to one
    message, peak = refused(repack(tmp_path / "ratio.xlsx", {"xl/media/image1.png": zeros}))
    assert "“xl/media/image1.png”解压后是压缩时的" in message and "不超过 100 倍" in message
    assert peak < PEAK_LIMIT


def test_thousands_of_members(tmp_path: Path) -> None:
    """zipfile reads the whole directory into memory: refused from its end record first."""
    message, peak = refused(repack(tmp_path / "members.xlsx", {}, extra=20_000))
    assert "文件目录有" in message and "不超过 1 MB" in message
    assert peak < PEAK_LIMIT


@pytest.mark.parametrize(
    ("part", "content", "words"),
    [
        (
            SHEET,
            b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            + f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>'.encode(),
            "DTD",
        ),
        (SHEET, b"<a>" * 200 + b"</a>" * 200, "嵌套超过 100 层"),
        (SHEET, sheet_xml([b'<row r="1"><c r="A1">' + b"<v/>" * 100_001 + b"</c></row>"]), "超过 100,000 个 XML 元素"),
        (SHEET, [b"<worksheet>", *(f"<x{n}/>".encode() for n in range(20_000)), b"</worksheet>"], "种 XML 名称"),
    ],
    ids=["dtd", "nesting", "one-row", "names"],
)
def test_xml_tricks(tmp_path: Path, part: str, content: bytes | list[bytes], words: str) -> None:
    path = repack(tmp_path / "trick.xlsx", {part: content}, stored=[part])
    message, peak = refused(path)
    assert words in message and "已拒绝读取" in message
    assert peak < PEAK_LIMIT


def test_endless_elements_outside_cells(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl builds every element of styles.xml (and of a sheet outside its rows) as an object.
    The limit is lowered to keep the test quick under tracemalloc."""
    monkeypatch.setattr(reader, "MAX_PART_ELEMENTS", 50_000)
    styles = [f'<styleSheet xmlns="{MAIN}"><cellXfs>'.encode(), b"<xf/>" * 50_000, b"</cellXfs></styleSheet>"]
    message, peak = refused(repack(tmp_path / "styles.xlsx", {"xl/styles.xml": styles}, stored=["xl/styles.xml"]))
    assert "“xl/styles.xml”含有超过 50,000 个 XML 元素" in message
    assert peak < PEAK_LIMIT


# --- rosters are still read -------------------------------------------------------------------------


def test_an_ordinary_roster_of_thousands_of_rows_reads(tmp_path: Path) -> None:
    expected = make_messy_roster(tmp_path / "r.xlsx", 3000)
    tracemalloc.start()
    try:
        reader._check_package(tmp_path / "r.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10 * 2**20  # the check streams: a chunk and a few counters
    table = read_roster(tmp_path / "r.xlsx")
    assert len(table.rows) == expected.data_rows
    assert table.blank_rows == expected.blank and table.totals_rows == expected.totals


def test_a_roster_as_wide_as_allowed_reads(tmp_path: Path) -> None:
    workbook = Workbook()
    header = ["单位名称", "统一社会信用代码"] + [f"备注{n}" for n in range(3, MAX_COLUMNS + 1)]
    workbook.active.append(header)
    workbook.active.append(["甲公司", "914201001777158766"] + ["x"] * (MAX_COLUMNS - 2))
    workbook.save(tmp_path / "wide.xlsx")
    table = read_roster(tmp_path / "wide.xlsx")
    assert len(table.rows[0].cells) == MAX_COLUMNS
    workbook.active.cell(row=2, column=MAX_COLUMNS + 1, value="y")
    workbook.save(tmp_path / "wider.xlsx")
    message, _ = refused(tmp_path / "wider.xlsx")
    assert f"{MAX_COLUMNS + 1} 列" in message  # its declared dimension, A1:CW2, says so first


@pytest.mark.parametrize(("last", "refused_"), [(MAX_ROWS, False), (MAX_ROWS + 1, True)])
def test_the_row_limit_is_the_last_row_number(last: int, refused_: bool) -> None:
    sheet = b"".join(sheet_xml([f'<row r="{last}"/>'.encode()]))
    if refused_:
        with pytest.raises(reader._Exceeded, match=f"第 {last:,} 行"):
            reader._scan_part(io.BytesIO(sheet))
    else:
        reader._scan_part(io.BytesIO(sheet))
