"""No workbook we write holds a live formula (issue 10, item 6).

Hostile names, addresses and contacts come in through the office's own import (as text cells, the
way Excel stores what is typed after an apostrophe) and go out through the same services and
commands the office uses: the internal and public roster, the plaque order, the rejected rows.
Read back with openpyxl (formulas kept, not ``data_only``): no cell is a formula, no text starts
with a formula character unquoted, the quoted text is still recognisable, ordinary values (Chinese
names, dates, numbers, phones) are untouched — and our own workbooks import back without the quote.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from desktop_app.cli import main
from desktop_app.core.migrate import open_database
from desktop_app.core.models import Member
from desktop_app.core.services import accounts, documents, members
from desktop_app.core.validation import clean_name, clean_text, uscc_check_character
from desktop_app.spreadsheets import writer
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ['=HYPERLINK("http://x","点击")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
FORMULA_START = tuple("=+-@\t\r\n")
ORDINARY_NAME = "武汉市江岸区宏达建设工程有限公司"
ORDINARY_ADDRESS = "武汉市江岸区解放大道1399号"
HEADER = [
    "序号",
    "单位名称",
    "统一社会信用代码",
    "会员级别",
    "入会时间",
    "地址",
    "法定代表人",
    "主要负责人",
    "联系人",
    "手机",
    "座机",
]
TEXT_FIELDS = ("name", "address", "legal_representative_name", "principal_name", "liaison_name")


@pytest.fixture
def db_url(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The test database with its administrator, who runs the commands (``--user admin``)."""
    monkeypatch.setenv("MEMBERSHIP_OFFICE_PASSWORD", PASSWORD)
    db = open_database(db_url)
    with db.session() as session:
        if accounts.needs_first_administrator(session):
            accounts.create_first_administrator(session, "admin", "管理员", PASSWORD)
    db.dispose()
    return db_url


def run(*args: str) -> int:
    """The command line, signed in as the administrator."""
    return main([*args, "--user", "admin"])


def uscc(index: int, valid: bool = True) -> str:
    first17 = f"91420102MA4K{index:05d}"
    check = uscc_check_character(first17)
    return first17 + (check if valid else ("1" if check != "1" else "2"))


# --- the office's roster, with hostile text in it ------------------------------------------------


def office_roster(path: Path, *, valid_codes: bool = True, extra_header: str | None = None) -> Path:
    """One ordinary member, then one member per hostile value (in every text field)."""
    rows: list[list[Any]] = [
        [
            1,
            ORDINARY_NAME,
            uscc(1, valid_codes),
            "会员单位",
            dt.datetime(2020, 10, 27),
            ORDINARY_ADDRESS,
            "王建国",
            "李志强",
            "张丽",
            13871234567,
            "027-85771234",
        ]
    ]
    for index, value in enumerate(HOSTILE, start=2):
        rows.append(
            [
                index,
                value,
                uscc(index, valid_codes),
                "会员单位",
                dt.datetime(2021, 3, index),
                value,
                value,
                value,
                value,
                f"1387123456{index}",
                "027-85771234",
            ]
        )
    book = Workbook()
    sheet = book.active
    sheet.title = "会员名册"
    sheet.append(["武汉建筑业协会会员名册"])
    for number, values in enumerate([HEADER + ([extra_header] if extra_header else []), *rows], start=2):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(number, column)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # text, as Excel stores "'=…" typed by hand
                cell.quotePrefix = value.startswith(FORMULA_START)
    book.save(path)
    # openpyxl writes a carriage return raw and XML reads it back as a line feed; Excel keeps one
    # as a character reference. Put it back so that "\r=1" really arrives as "\r=1".
    _keep_carriage_returns(path)
    return path


def _keep_carriage_returns(path: Path) -> None:
    with zipfile.ZipFile(path) as source:
        parts = {info: source.read(info.filename) for info in source.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts.items():
            if info.filename == "xl/sharedStrings.xml":
                data = data.replace(b"\r", b"&#13;")
            target.writestr(info, data)


# --- reading back what we wrote -----------------------------------------------------------------


def cells_of(path: Path) -> list[Any]:
    """Every cell's value, after checking that none is a formula or unquoted formula text."""
    book = load_workbook(path)  # formulas kept as formulas, not data_only
    values = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{path.name} {cell.coordinate}: formula {cell.value!r}"
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (cell.coordinate, cell.value)
                    assert not cell.value.startswith(FORMULA_START) or set(cell.value) == {"-"}, (
                        f"{path.name} {cell.coordinate}: unquoted {cell.value!r}"
                    )
                values.append(cell.value)
    return values


def column_values(path: Path, title: str, header_row: int) -> list[Any]:
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[header_row]]
    column = header.index(title) + 1
    return [sheet.cell(r, column).value for r in range(header_row + 1, sheet.max_row + 1)]


def register(url: str) -> dict[str, dict[str, Any]]:
    db = open_database(url)
    try:
        with db.session() as session:
            found = session.scalars(select(Member)).all()
            return {
                m.uscc: {f: getattr(m, f) for f in (*TEXT_FIELDS, "liaison_mobile", "liaison_landline", "join_date")}
                for m in found
            }
    finally:
        db.dispose()


def quoted(value: str) -> str:
    return "'" + value


# --- the roster, internal and public, and back in ---------------------------------------


def test_roster_workbooks_hold_text_not_formulas_and_import_back(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office_roster(tmp_path / "roster.xlsx")
    assert run("import-members", str(tmp_path / "roster.xlsx"), "--db", db_url) == 0
    assert (
        capsys.readouterr().out.splitlines()[-1] == f"imported {len(HOSTILE) + 1}, updated 0, duplicates 0, rejected 0"
    )
    before = register(db_url)
    # the register keeps the names as given (cleaned as any name: NFKC, spaces, Chinese brackets)
    assert {values["name"] for values in before.values()} == {ORDINARY_NAME, *map(clean_name, HOSTILE)}
    assert '=HYPERLINK（"http://x","点击"）' in {values["name"] for values in before.values()}

    for version, extra in (("full.xlsx", []), ("public.xlsx", ["--public"])):
        out = tmp_path / version
        assert run("export-roster", str(out), "--db", db_url, *extra) == 0
        values = cells_of(out)
        assert '\'=HYPERLINK（"http://x","点击"）' in values and "'=cmd|' /C calc'!A0" in values
        assert {"'+1+1", "'-2+3", "'@SUM（A1）", "'=1"} <= set(values)
        codes = column_values(out, "统一社会信用代码", 2)
        for title, field in (
            ("单位名称", "name"),
            ("通讯地址", "address"),
            ("法定代表人", "legal_representative_name"),
            ("联络员", "liaison_name"),
        ):
            for code, value in zip(codes, column_values(out, title, 2), strict=True):
                expected = before[code][field]
                assert value == (quoted(expected) if code != uscc(1) else expected), (title, value)
        ordinary = codes.index(uscc(1))
        assert column_values(out, "单位名称", 2)[ordinary] == ORDINARY_NAME
        assert column_values(out, "通讯地址", 2)[ordinary] == ORDINARY_ADDRESS
        assert column_values(out, "办公电话", 2)[ordinary] == "027-85771234"
        sheet = load_workbook(out).active
        header = [c.value for c in sheet[2]]
        joined = sheet.cell(3 + ordinary, header.index("入会日期") + 1)
        assert joined.is_date and joined.value.date() == dt.date(2020, 10, 27)
        serial = sheet.cell(3, 1)
        assert serial.data_type == "n" and serial.value == 1
        if version == "full.xlsx":
            assert column_values(out, "联络员手机", 2)[ordinary] == "13871234567"

    # the office's own export imports back as it was: the quote we added is not part of the name
    assert run("import-members", str(tmp_path / "full.xlsx"), "--db", db_url) == 0
    assert (
        capsys.readouterr().out.splitlines()[-1] == f"imported 0, updated {len(HOSTILE) + 1}, duplicates 0, rejected 0"
    )
    assert register(db_url) == before


# --- the plaque order (R-5.6) ---------------------------------------------------------------------


def test_plaque_order_workbook_holds_text_not_formulas(db, officer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        members.create_member(
            session,
            officer,
            {
                "name": ORDINARY_NAME,
                "uscc": uscc(1),
                "category": "construction_enterprise",
                "level": "council",
                "address": ORDINARY_ADDRESS,
                "liaison_name": "张丽",
                "liaison_mobile": "13871234567",
            },
        )
        for index, value in enumerate(HOSTILE, start=2):
            members.create_member(
                session,
                officer,
                {
                    "name": value,
                    "uscc": uscc(index),
                    "category": "construction_enterprise",
                    "level": "member",
                    "address": value,
                    "liaison_name": value,
                    "liaison_mobile": f"1387123456{index}",
                },
            )
    with db.session() as session:
        result = documents.generate(
            session,
            officer,
            "plaque-order",
            tmp_path / "plaques.xlsx",
            all_active=True,
            options={"quantity": 2, "vendor": "武汉金字招牌"},
        )
    assert result.report.drawn == len(HOSTILE) + 1
    values = cells_of(tmp_path / "plaques.xlsx")
    assert (
        '\'=HYPERLINK（"http://x","点击"）' in values and '\'=HYPERLINK("http://x","点击")' in values
    )  # name, address
    assert "'=cmd|' /C calc'!A0" in values and {"'+1+1", "'-2+3", "'@SUM(A1)", "'=1"} <= set(values)
    rows = list(load_workbook(tmp_path / "plaques.xlsx").active.iter_rows(min_row=5, values_only=True))
    lines = [row for row in rows if isinstance(row[0], int)]
    assert len(lines) == len(HOSTILE) + 1
    ordinary = next(line for line in lines if line[1] == ORDINARY_NAME)
    assert ordinary[2] == "武汉建筑业协会\n理事单位" and ordinary[3] == 2026 and ordinary[6] == 2
    assert ordinary[7] == "张丽" and ordinary[8] == "13871234567" and ordinary[9] == ORDINARY_ADDRESS
    hostile = next(line for line in lines if line[1] == "'+1+1")
    assert hostile[7] == "'+1+1" and hostile[9] == "'+1+1" and hostile[8] == "13871234564"


# --- the rejected rows sent back to the mentors, and back in ------------------------------------


def test_rejected_rows_workbook_holds_text_not_formulas_and_imports_back(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office_roster(tmp_path / "roster.xlsx", valid_codes=False, extra_header="=SUM(A1:A9)")
    rejected = tmp_path / "退回班主任.xlsx"
    assert run("import-members", str(tmp_path / "roster.xlsx"), "--db", db_url, "--rejected", str(rejected)) == 0
    assert (
        capsys.readouterr().out.splitlines()[-1] == f"imported 0, updated 0, duplicates 0, rejected {len(HOSTILE) + 1}"
    )
    values = cells_of(rejected)
    # the cells exactly as the mentor wrote them, quoted where a spreadsheet would see a formula
    for value in HOSTILE[:5]:
        assert quoted(value) in values
    assert "'\t=1" in values and "'\n=1" in values  # a carriage return comes back from XML as a line feed
    assert "'=SUM(A1:A9)" in values  # a column title too
    sheet = load_workbook(rejected).active
    header = [c.value for c in sheet[1]]
    ordinary = [c for c in sheet[2]]
    assert ordinary[0].value == 3 and ordinary[0].data_type == "n"  # the original row number
    assert ordinary[header.index("单位名称")].value == ORDINARY_NAME
    assert ordinary[header.index("入会时间")].is_date
    assert ordinary[header.index("入会时间")].value.date() == dt.date(2020, 10, 27)
    assert ordinary[header.index("手机")].value == 13871234567 and ordinary[header.index("手机")].data_type == "n"
    assert ordinary[header.index("座机")].value == "027-85771234"
    assert ordinary[header.index("未导入原因")].value.startswith("第 3 行")

    # the mentor corrects the codes and sends the file back: imported without our quotes
    code_column = header.index("统一社会信用代码") + 1
    for number in range(2, sheet.max_row + 1):
        sheet.cell(number, code_column).value = uscc(sheet.cell(number, 1).value - 2)  # as office_roster numbered them
    sheet.parent.save(rejected)
    assert run("import-members", str(rejected), "--db", db_url) == 0
    assert (
        capsys.readouterr().out.splitlines()[-1] == f"imported {len(HOSTILE) + 1}, updated 0, duplicates 0, rejected 0"
    )
    imported = register(db_url).values()
    assert sorted(v["name"] for v in imported) == sorted([ORDINARY_NAME, *map(clean_name, HOSTILE)])
    assert sorted(v["address"] for v in imported) == sorted([ORDINARY_ADDRESS, *map(clean_text, HOSTILE)])
    assert sorted(v["liaison_name"] for v in imported) == sorted(["张丽", *map(clean_name, HOSTILE)])
    assert '=HYPERLINK("http://x","点击")' in {v["address"] for v in imported}


# --- the helper itself ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+86 13871234567", "'+86 13871234567"),
        ("-5", "'-5"),
        ("@a", "'@a"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=1", "''=1"),
        ("-", "-"),
        ("--", "--"),
        ("027-85771234", "027-85771234"),
        ("13871234567", "13871234567"),
        ("武汉市江岸区宏达建设工程有限公司", "武汉市江岸区宏达建设工程有限公司"),
        ("", ""),
        ("'", "'"),
        ("'abc", "'abc"),
        ("a=b", "a=b"),
        (" =1", " =1"),
    ],
)
def test_neutralise_and_restore(value: str, written: str) -> None:
    assert writer.neutralise(value) == written
    assert writer.restore(written) == value


@pytest.mark.parametrize("write_only", [True, False])
def test_every_cell_kind_in_both_openpyxl_modes(tmp_path: Path, write_only: bool) -> None:
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("s") if write_only else book.active
    writer.append(
        sheet, [writer.text_cell(sheet, "=1+1"), "#N/A", "=A1", 12, 3.5, dt.date(2020, 10, 27), True, None, "-"]
    )
    if not write_only:
        writer.put(sheet.cell(2, 1), "=SUM(A1)")
        writer.put(sheet.cell(2, 2), "#REF!")
        writer.put(sheet.cell(2, 3), 7)
    book.save(tmp_path / "w.xlsx")
    sheet = load_workbook(tmp_path / "w.xlsx").worksheets[-1]
    first = [(c.value, c.data_type) for c in sheet[1]]
    assert first[:7] == [
        ("'=1+1", "s"),
        ("#N/A", "s"),
        ("'=A1", "s"),
        (12, "n"),
        (3.5, "n"),
        (dt.datetime(2020, 10, 27), "d"),
        (True, "b"),
    ]
    assert first[8] == ("-", "s")
    if not write_only:
        assert [(c.value, c.data_type) for c in sheet[2]][:3] == [("'=SUM(A1)", "s"), ("#REF!", "s"), (7, "n")]


def test_every_workbook_the_program_writes_goes_through_the_helper() -> None:
    writers = []
    for path in (ROOT / "desktop_app").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name == "writer.py" or not re.search(r"\bWorkbook\(", text):
            continue
        writers.append(path.name)
        assert "from desktop_app.spreadsheets import writer" in text, path
        # no cell written past the helper: sheet.append, WriteOnlyCell or an assigned .value
        assert not re.search(r"\b(sheet|ws|worksheet|book)\.append\(|WriteOnlyCell\(|\.value\s*=[^=]", text), path
    assert sorted(writers) == ["courier.py", "rejected.py", "report_book.py", "roster.py", "tables.py"]
