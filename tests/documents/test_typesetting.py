"""Chinese line breaking, once, for every document (issue 14): measured on thousands of the names
and addresses the demo makes, laid out exactly as the label sheets lay them out, and on the
cases offices know go wrong (有限公 / 司, 1602 / 室, a date cut, a lone character on the last line)."""

from __future__ import annotations

import collections
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.demo.mailing import names_and_addresses
from desktop_app.documents import kind, typesetting
from desktop_app.documents.base import A4, Document
from desktop_app.documents.inputs import AddressInput, DocumentContext
from desktop_app.documents.labels import LABEL_SHEETS, LabelPainter, plan, sheet_key

COUNT = 3000  # names and addresses measured (the benchmark lays out 5,000)


@pytest.fixture(scope="module")
def people() -> list[AddressInput]:
    return [
        AddressInput(name, address, postcode, f"{person}（办公室主任）", "13871234567", f"WJX{i:08d}")
        for i, (name, address, postcode, person) in enumerate(names_and_addresses(COUNT))
    ]


@pytest.fixture
def doc(context: DocumentContext) -> Document:
    return Document("test", io.BytesIO(), context, A4, title="test")


def em_lines(doc: Document, text: str, chars: float, style: str = "song") -> list[str]:
    """``text`` wrapped into lines ``chars`` hanzi wide at 10 pt."""
    return doc.wrap(text, style, 10, doc.text_width("中", style, 10) * chars)


@pytest.mark.parametrize("sheet", ["3×7", "2×8"])
def test_no_name_or_address_on_a_label_breaks_badly(sheet: str, people, context: DocumentContext) -> None:  # type: ignore[no-untyped-def]
    pages = plan(people, DocumentContext(label_sheet=LABEL_SHEETS[sheet]))
    layouts = [layout for page in pages for layout in page]
    assert len(layouts) == COUNT
    short = [
        (p.name, lay.name_lines)
        for p, lay in zip(people, layouts, strict=True)
        if len(lay.name_lines) > 1 and len(lay.name_lines[-1]) <= 2
    ]
    split_company = [
        lay.name_lines
        for lay in layouts
        if any(
            re.search("公$", a) and b.startswith("司") for a, b in zip(lay.name_lines, lay.name_lines[1:], strict=False)
        )
    ]
    faults = [
        (text, lines, typesetting.faults(text, list(lines)))
        for person, lay in zip(people, layouts, strict=True)
        for text, lines in ((person.name, lay.name_lines), (person.address, lay.address_lines))
        if typesetting.faults(text, list(lines))
    ]
    assert short == [] and split_company == [] and faults == []
    assert all(lay.complete and lay.fits for lay in layouts)  # nothing cut, nothing past the label
    # The texts really were broken: on a 3×7 label a fifth of the names and most addresses wrap.
    if sheet == "3×7":
        assert sum(1 for lay in layouts if len(lay.name_lines) > 1) > COUNT // 5
        assert sum(1 for lay in layouts if len(lay.address_lines) > 1) > COUNT // 2


def test_one_font_size_per_label_sheet_measured_in_the_pdf(people, context: DocumentContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    items = people[:420]  # 20 sheets of 3×7
    out = tmp_path / "labels.pdf"
    report = kind("labels").build(out, items, context)
    assert report.drawn == 420 and report.pages == 20
    base = sorted(set(LabelPainter.BASE.values()))
    scales_seen = collections.Counter()
    for page in PdfReader(str(out)).pages:
        sizes = {
            round(float(size), 3) for size in re.findall(rb"/F\d+\+?\d* ([\d.]+) Tf", page.get_contents().get_data())
        }
        scales = {
            round(size / b, 3) for size in sizes for b in base if abs(size / b - round(size / b * 20) / 20) < 1e-3
        }
        # every size on the page is one of the label's base sizes times one scale
        scale = next(
            s
            for s in sorted(scales, reverse=True)
            if all(any(abs(size - b * s) < 0.01 for b in base) for size in sizes)
        )
        assert all(any(abs(size - b * scale) < 0.01 for b in base) for size in sizes), (sizes, scale)
        scales_seen[scale] += 1
    assert sum(scales_seen.values()) == 20
    assert max(scales_seen) == 1.0 or max(scales_seen) >= 0.9  # a long name shrinks its own sheet only


def test_company_words_numbers_units_and_dates_stay_whole(doc: Document) -> None:
    # (text, the narrowest line in hanzi at which it can be laid out without cutting anything)
    for text, narrowest in (
        ("武汉市江岸区宏达建设工程有限公司", 6),
        ("湖北省武汉鑫泰建筑装饰工程股份有限公司", 6),
        ("中建三局第一建设工程有限责任公司武汉分公司", 7),
        ("武汉市洪山区珞喻路889号光谷国际广场3栋2单元1602室", 7),
        ("于2026年11月26日前书面答复，逾期视为放弃（第十二条）", 9),
        ("签发日期：二〇二六年十一月二十六日", 12),
    ):
        for chars in range(narrowest, 19):
            lines = em_lines(doc, text, chars)
            assert "".join(lines) == text  # nothing lost, nothing added
            assert typesetting.faults(text, lines) == [], (chars, lines)
            for line in lines:
                assert doc.text_width(line, "song", 10) <= doc.text_width("中", "song", 10) * chars + 0.01
    lines = em_lines(doc, "武汉市江岸区宏达建设工程有限公司", 15)
    assert lines == ["武汉市江岸区宏达建设工程", "有限公司"]  # not "…有限公 / 司"
    lines = em_lines(doc, "武汉市洪山区珞喻路889号光谷国际广场3栋2单元1602室", 14)
    assert lines == ["武汉市洪山区珞喻路889号", "光谷国际广场3栋2单元1602室"]  # not "…1602 / 室"
    # A date wider than the line must be cut: between its parts, never inside a number.
    lines = em_lines(doc, "于2026年11月26日前书面答复", 6)
    assert "".join(lines) == "于2026年11月26日前书面答复"
    assert not any(re.search(r"\d$", a) and re.match(r"\d", b) for a, b in zip(lines, lines[1:], strict=False)), lines
    assert em_lines(doc, "二〇二六年十一月二十六日", 9) == ["二〇二六年十一月", "二十六日"]


def test_closing_marks_never_start_a_line_nor_opening_ones_end_it(doc: Document) -> None:
    text = "会员单位（武汉市江岸区）：请于收到本告知书之日起三十日内，书面答复本会。逾期未复，视为放弃。"
    for chars in range(5, 20):
        lines = em_lines(doc, text, chars)
        assert "".join(lines) == text
        assert not any(line[0] in typesetting.NO_LINE_START for line in lines[1:])
        assert not any(line[-1] in typesetting.NO_LINE_END for line in lines)


def test_no_line_of_one_or_two_characters_when_a_better_break_exists(doc: Document) -> None:
    # 16 characters at 15 a line: greedy breaking left "司" alone; 14 at 13: "公司"
    for text, chars in (
        ("武汉市江岸区宏达建设工程有限公司", 15),
        ("武汉宏达建设工程有限公司", 11),
        ("湖北楚天路桥工程股份有限公司", 13),
    ):
        lines = em_lines(doc, text, chars, "hei")
        assert len(lines[-1]) > 2 and "".join(lines) == text, lines
    assert em_lines(doc, "一二", 1) == ["一", "二"]  # nothing better exists


def test_shrink_to_the_floor_before_wrapping(doc: Document) -> None:
    em = doc.text_width("中", "hei", 1)
    name = "武汉市江岸区宏达建设工程有限公司"  # 16 characters
    size, lines, complete = doc.fit(name, "hei", em * 10 * 15, 2, 10, 6)  # 15 at 10 pt: 9.5 pt fits one line
    assert lines == [name] and size == 9.0 or size == 9.5 and complete
    size, lines, complete = doc.fit(name, "hei", em * 10 * 10, 2, 10, 6)  # would need 6.25 pt: wrap instead
    assert len(lines) == 2 and size == 10 and complete and "".join(lines) == name
    size, lines, complete = doc.fit("武汉" * 40, "song", em * 10 * 10, 2, 10, 6)
    assert not complete and len(lines) == 2 and lines[-1].endswith("…") and size == 6


def test_a_word_longer_than_the_line_is_still_cut_rather_than_overflow(doc: Document) -> None:
    word = "x" * 200
    lines = em_lines(doc, word, 5)
    assert "".join(lines) == word and len(lines) > 1
    layout = doc.layout(word, "song", 10, doc.text_width("中", "song", 10) * 5)
    assert layout.forced and not layout.clean


def test_sheet_names_typed_with_an_x() -> None:
    assert [sheet_key(t) for t in ("3x7", "3X7", "3*7", " 3 × 7 ", "2x8", "3×8")] == [
        "3×7",
        "3×7",
        "3×7",
        "3×7",
        "2×8",
        "3×8",
    ]
    assert sheet_key("4x9") == "4x9"  # not a sheet: left for the caller to refuse
