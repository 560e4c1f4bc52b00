"""Fonts that never fail: embedded TrueType only, the fallback for rare characters, overrides."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen.canvas import Canvas

from desktop_app.documents import fonts
from tests.documents.conftest import NO_FONT, RARE, RARE2, assert_fonts_embedded, pdf_text


def test_styles_resolve_to_embeddable_truetype_fonts() -> None:
    for style in fonts.STYLES:
        name = fonts.font_name(style)
        assert name.startswith("office-")
        assert not fonts.missing_characters("武汉建筑业协会会员证", name)
    assert fonts.fallback_names(), "a fallback font for CJK Extension B must be installed (fonts-hanazono)"


def test_one_font_file_is_registered_once_for_every_style_using_it() -> None:
    names = {fonts.font_name(style) for style in fonts.STYLES}
    # on Linux every style falls back to WenQuanYi: one name, one embedded font
    assert len(names) <= len(fonts.STYLES)
    assert fonts.FontSet().name("song") == fonts.font_name("song")


def test_split_runs_uses_the_fallback_only_where_needed() -> None:
    runs = fonts.split_runs(f"武汉{RARE}建筑{RARE2}公司")
    assert [text for _font, text in runs] == ["武汉", RARE, "建筑", RARE2, "公司"]
    primary = fonts.font_name("song")
    assert runs[0][0] == primary and runs[1][0] != primary
    assert fonts.FontSet().runs(f"武汉{RARE}") == tuple(runs[:2])


def test_characters_no_font_has_are_named() -> None:
    with pytest.raises(fonts.MissingGlyphs) as error:
        fonts.split_runs(f"武汉{NO_FONT}")
    assert error.value.characters == [NO_FONT]
    assert "U+2EBF0" in str(error.value)
    assert fonts.FontSet().missing(f"武{NO_FONT}") == [NO_FONT]
    assert fonts.FontSet().missing("武汉") == []


def test_override_that_does_not_exist_here_falls_back_to_the_defaults() -> None:
    font_set = fonts.FontSet({"song": "/no/such/font.ttf", "fallback": "/no/such/fallback.ttf"})
    assert font_set.name("song") == fonts.font_name("song")
    assert font_set.runs(RARE)[0][0] in fonts.fallback_names()


def test_override_is_used_first() -> None:
    hana = "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"
    font_set = fonts.FontSet({"kai": hana})
    assert "HanaMinA" in font_set.name("kai")
    assert font_set.name("song") == fonts.font_name("song")


def test_rare_characters_survive_extraction(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ReportLab wrote ToUnicode entries beyond U+FFFF as odd-length hex; ours are surrogate pairs."""
    out = tmp_path / "rare.pdf"
    canvas = Canvas(str(out), initialFontName=fonts.font_name("song"))
    x = 72
    for name, text in fonts.split_runs(f"会员{RARE}{RARE2}单位"):
        canvas.setFont(name, 14)
        canvas.drawString(x, 700, text)
        x += 100
    canvas.save()
    text = pdf_text(out)
    assert RARE in text and RARE2 in text and "\x00" not in text
    assert_fonts_embedded(out)


def test_surrogate_pairs() -> None:
    assert fonts._utf16_hex(0x4E2D) == "4E2D"
    assert fonts._utf16_hex(0x20000) == "D840DC00"
    assert fonts._utf16_hex(0x2A6A5) == "D869DEA5"
    cmap = fonts._to_unicode_cmap("X", [0x20, 0x20000])
    assert "<01> <D840DC00>" in cmap and "<00> <0020>" in cmap


def test_font_for_text() -> None:
    assert fonts.font_for_text("武汉") == fonts.font_name("song")
    assert fonts.font_for_text(RARE) in fonts.fallback_names()
    with pytest.raises(fonts.MissingGlyphs):
        fonts.font_for_text(NO_FONT)


def test_no_cid_font_anywhere(context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.documents import kind
    from desktop_app.documents.inputs import AddressInput

    buffer = io.BytesIO()
    kind("labels").build(buffer, [AddressInput("武汉市宏达建设有限公司", "武汉市解放大道1号", "430010")], context)
    assert b"STSong" not in buffer.getvalue()
