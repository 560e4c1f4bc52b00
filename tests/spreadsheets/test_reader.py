"""Finding the member table in the workbooks offices keep, and refusing what is not one."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop_app.spreadsheets.reader import WorkbookError, field_for_header, read_roster
from tests.spreadsheets.messy import make_messy_roster

DATA = Path(__file__).parent / "data"


def save(rows: list[list], path: Path) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_messy_roster_title_rows_blank_rows_and_totals(tmp_path: Path) -> None:
    expected = make_messy_roster(tmp_path / "r.xlsx", 40)
    table = read_roster(tmp_path / "r.xlsx")
    assert table.sheet == "会员名册"
    assert table.header_rows == (3,)  # merged title and subtitle above the header
    fields = {c.letter: c.field for c in table.columns}
    assert fields == {
        "A": "serial",
        "B": "name",
        "C": "uscc",
        "D": "level",
        "E": "join_date",
        "F": "legal_representative_name",
        "G": "liaison_name",
        "H": "liaison_mobile",
        "I": "liaison_phone",
        "J": "address",
        "K": "postcode",
        "L": "notes",
    }
    assert [row.number for row in table.rows] == sorted(
        expected.imported + expected.duplicates + list(expected.rejected)
    )
    assert table.blank_rows == expected.blank  # blank rows inside the table, not the one before the totals
    assert table.totals_rows == expected.totals


def test_two_row_header_takes_group_labels(tmp_path: Path) -> None:
    make_messy_roster(tmp_path / "r.xlsx", 10, two_row_header=True)
    table = read_roster(tmp_path / "r.xlsx")
    assert table.header_rows == (3, 4)
    by_field = {c.field: c.title for c in table.columns}
    assert by_field["liaison_name"] == "联络员姓名"
    assert by_field["liaison_mobile"] == "联络员手机"
    assert by_field["liaison_landline"] == "联络员座机"
    assert by_field["name"] == "会员单位名称"  # merged downwards: the label is in the upper row
    assert table.rows[0].number == 5


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("单位名称", "name"),
        ("会员单位名称", "name"),
        ("统一社会信用代码", "uscc"),
        ("信用代码", "uscc"),
        ("联络员", "liaison_name"),
        ("联系人", "liaison_name"),
        ("联系电话", "liaison_phone"),
        ("手机", "liaison_mobile"),
        ("电话", "liaison_phone"),
        ("入会时间", "join_date"),
        ("入会日期", "join_date"),
        ("会员类别", "level"),
        ("会员级别", "level"),
        (" 单位名称（全称）", "name"),
        ("*统一社会\n信用代码", "uscc"),
        ("Ｅ－ｍａｉｌ", "liaison_email"),
        ("邮编", "postcode"),
        ("班主任", "mentor"),
        ("备注", "notes"),
        ("注册资本", None),
    ],
)
def test_header_variants(header: str, field: str | None) -> None:
    assert field_for_header(header) == field


def test_running_count_under_bianhao_is_not_member_numbers(tmp_path: Path) -> None:
    path = save([["编号", "单位名称", "信用代码"], [1, "甲公司", "x"], [2, "乙公司", "y"]], tmp_path / "r.xlsx")
    assert read_roster(path).column_for("member_number") is None
    path = save([["编号", "单位名称", "信用代码"], ["WJX20200001", "甲公司", "x"]], tmp_path / "r2.xlsx")
    assert read_roster(path).column_for("member_number") is not None


def test_preprinted_serial_numbers_are_blank_rows(tmp_path: Path) -> None:
    rows = [["序号", "单位名称", "信用代码"], [1, "甲公司", "x"], [2, None, None], [3, "乙公司", "y"], [4, None, None]]
    table = read_roster(save(rows, tmp_path / "r.xlsx"))
    assert [r.number for r in table.rows] == [2, 4]
    assert table.blank_rows == [3]


def test_repeated_header_inside_the_table_is_skipped(tmp_path: Path) -> None:
    rows = [["单位名称", "信用代码"], ["甲公司", "x"], ["单位名称", "信用代码"], ["乙公司", "y"]]
    table = read_roster(save(rows, tmp_path / "r.xlsx"))
    assert [r.number for r in table.rows] == [2, 4]
    assert table.repeated_headers == [3]


def test_second_sheet_found_when_the_first_is_not_a_roster(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "说明"
    wb.active.append(["本表由会籍管理部维护"])
    sheet = wb.create_sheet("2026年会员")
    sheet.append(["单位名称", "统一社会信用代码"])
    sheet.append(["甲公司", "x"])
    wb.save(tmp_path / "r.xlsx")
    assert read_roster(tmp_path / "r.xlsx").sheet == "2026年会员"


def test_wrong_dimension_written_by_other_programs(tmp_path: Path) -> None:
    """Some exporters write <dimension ref="A1"/>; the reader must not stop at A1."""
    path = save([["单位名称", "统一社会信用代码"], ["甲公司", "x"], ["乙公司", "y"]], tmp_path / "r.xlsx")
    patched = tmp_path / "patched.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(patched, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:B3" />', b'<dimension ref="A1" />')
                assert b'<dimension ref="A1" />' in data
            dst.writestr(item, data)
    assert len(read_roster(patched).rows) == 2


def test_header_without_credit_code_column_is_named(tmp_path: Path) -> None:
    path = save([["单位名称", "联系人", "手机"], ["甲公司", "张三", 13871234567]], tmp_path / "r.xlsx")
    with pytest.raises(WorkbookError, match="统一社会信用代码"):
        read_roster(path)


def test_no_header_at_all(tmp_path: Path) -> None:
    path = save([["a", "b"], [1, 2]], tmp_path / "r.xlsx")
    with pytest.raises(WorkbookError, match="找不到会员表"):
        read_roster(path)


def _xlsx_bytes() -> bytes:
    out = io.BytesIO()
    wb = Workbook()
    wb.active.append(["单位名称", "统一社会信用代码"])
    wb.active.append(["甲公司", "914201001777158766"])
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("content", "name", "words"),
    [
        (b"", "empty.xlsx", "空的"),
        (b"%PDF-1.7\n...", "scan.xlsx", "PDF"),
        ("单位名称,信用代码\n甲公司,x\n".encode("gbk"), "roster.csv", "文本文件"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000, "old.xls", "97-2003"),
        (_xlsx_bytes()[:3000], "truncated.xlsx", "损坏"),
    ],
)
def test_files_that_are_not_rosters_are_refused_in_chinese(
    tmp_path: Path, content: bytes, name: str, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(WorkbookError, match=words):
        read_roster(path)


def test_word_document_and_plain_zip(tmp_path: Path) -> None:
    docx = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(WorkbookError, match="Word"):
        read_roster(docx)
    other = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("a.jpg", b"\xff\xd8")
    with pytest.raises(WorkbookError, match="压缩文件"):
        read_roster(other)


def test_password_protected_workbook(tmp_path: Path) -> None:
    # a real workbook encrypted by Excel's method (made with msoffcrypto-tool, password 123456)
    with pytest.raises(WorkbookError, match="密码"):
        read_roster(DATA / "password-protected.xlsx")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(WorkbookError, match="找不到文件"):
        read_roster(tmp_path / "nope.xlsx")
    with pytest.raises(WorkbookError, match="文件夹"):
        read_roster(tmp_path)
