"""The roster as a PDF (R-9.2): A4 landscape, fonts embedded, header on every page, page numbers, date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader

from desktop_app.core.services.roster import columns
from desktop_app.documents.roster import write_roster_pdf
from desktop_app.records import Roster

RARE = "𠀾"  # CJK Extension B: not in WenQuanYi, printed with the fallback font
NO_FONT = "\U0002ebf0"  # CJK Extension I: in none of the installed fonts
LONG_NAME = "中建三局集团有限公司武汉分公司第一工程项目管理部暨湖北省建设工程质量安全监督总站联合体"


def roster(rows: int, public: bool = False, names: dict[int, str] | None = None) -> Roster:
    chosen = columns(public)
    data = []
    for n in range(1, rows + 1):
        values = {
            "serial": n,
            "member_number": f"WJX2020{n:04d}",
            "name": (names or {}).get(n, f"武汉第{n}建设工程有限公司"),
            "uscc": "914201001777158766",
            "level": "常务理事单位" if n < 5 else "会员单位",
            "legal_representative_name": "王建国",
            "liaison_name": "张丽",
            "liaison_mobile": "13871234567",
            "liaison_landline": "027-85771234",
            "address": "武汉市江岸区解放大道1399号",
            "join_date": dt.date(2020, 10, 27),
            "mentor": "陈晓燕",
        }
        data.append(tuple(values.get(c.key) for c in chosen))
    return Roster(
        "武汉建筑业协会会员名册",
        "武汉建筑业协会",
        dt.date(2026, 11, 26),
        public,
        chosen,
        data,
        [("常务理事单位", 4), ("会员单位", rows - 4)],
    )


def test_pages_header_numbers_and_date(tmp_path: Path) -> None:
    report = write_roster_pdf(roster(120, names={3: LONG_NAME, 7: f"武汉{RARE}建设有限公司"}), tmp_path / "r.pdf")
    reader = PdfReader(tmp_path / "r.pdf")
    assert report.pages == len(reader.pages) >= 3 and not report.problems
    for number, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (842, 595)  # A4 landscape
        text = page.extract_text()
        assert f"第 {number} 页  共 {len(reader.pages)} 页" in text
        assert "制表日期：2026年11月26日" in text
        assert "统一社会信用代码" in text and "单位名称" in text  # the table header, repeated
        assert "\x00" not in text  # no character printed as nothing
    first = reader.pages[0].extract_text()
    assert "武汉建筑业协会会员名册" in first and "共 120 个会员" in first
    assert RARE in first
    assert LONG_NAME.replace("\n", "") in first.replace("\n", "")  # wrapped, but all there
    assert "合计 120 个" in reader.pages[-1].extract_text()
    fonts = {
        str(f["/BaseFont"])
        for page in reader.pages
        for f in page["/Resources"]["/Font"].values()
        if "/FontFile2" in f.get_object().get("/FontDescriptor", {})
    }
    assert fonts, "the Chinese fonts are embedded"


def test_public_pdf_has_no_mobiles(tmp_path: Path) -> None:
    write_roster_pdf(roster(10, public=True), tmp_path / "p.pdf")
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "p.pdf").pages)
    assert "13871234567" not in text and "陈晓燕" not in text
    assert "027-85771234" in text and "公开版" in text


def test_character_no_font_has_is_marked_and_reported(tmp_path: Path) -> None:
    report = write_roster_pdf(roster(5, names={2: f"武汉{NO_FONT}建设有限公司"}), tmp_path / "r.pdf")
    assert [who for who, _ in report.problems] == [f"武汉{NO_FONT}建设有限公司"]
    assert "U+2EBF0" in report.problems[0][1]
    assert "武汉〓建设有限公司" in PdfReader(tmp_path / "r.pdf").pages[0].extract_text()
