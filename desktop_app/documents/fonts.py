"""CJK fonts for ReportLab that never print blanks or boxes.

ReportLab embeds TrueType-outline fonts only (STYLE.md): WenQuanYi Zen Hei (``.ttc`` subfont 0),
AR PL UMing/UKai, and Windows' SimSun/SimHei/KaiTi/FangSong. Noto CJK (CFF) is rejected, and the
CID font STSong-Light is never embedded, so it is never used. A character the font lacks is
drawn as nothing, silently; ``missing_characters`` finds those before drawing, and
``font_for_text`` falls back (SimSun-ExtB on Windows, HanaMin on Debian) for rare characters of
CJK Extension B that turn up in company and person names.

``FontSet`` is what the document builders use: the fonts of one print run, with the office's
font settings applied (a path per style; a path that does not exist on this workstation is
skipped), and the cut of each text into runs remembered, so a batch of a thousand certificates
measures each name once.
"""

from __future__ import annotations

import os
import re
import sys
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont


def _utf16_hex(code: int) -> str:
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, but with characters beyond U+FFFF written as UTF-16 surrogate
    pairs as the PDF reference requires. ReportLab writes ``<20000>``, an odd-length hex string,
    so readers (pypdf, search, copy and paste) lose exactly the rare characters of CJK Extension B
    that the fallback font is there to print."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@dataclass(frozen=True)
class FontFile:
    path: str
    subfont: int = 0


def _windows_fonts() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def _candidates() -> dict[str, list[FontFile]]:
    """Per style, the font files tried in order: Windows' own first, then Debian's."""
    win = _windows_fonts()
    linux = Path("/usr/share/fonts/truetype")
    zenhei = FontFile(str(linux / "wqy" / "wqy-zenhei.ttc"), 0)
    microhei = FontFile(str(linux / "wqy" / "wqy-microhei.ttc"), 0)
    uming = FontFile(str(linux / "arphic" / "uming.ttc"), 0)
    ukai = FontFile(str(linux / "arphic" / "ukai.ttc"), 0)
    windows = sys.platform == "win32"
    return {
        # 宋体: body text of letters, forms and certificates
        "song": ([FontFile(str(win / "simsun.ttc"), 0)] if windows else []) + [uming, zenhei, microhei],
        # 黑体: titles and headings
        "hei": ([FontFile(str(win / "simhei.ttf"))] if windows else []) + [zenhei, microhei, uming],
        # 楷体: names on certificates
        "kai": ([FontFile(str(win / "simkai.ttf"))] if windows else []) + [ukai, zenhei, uming],
        # 仿宋: official letters (公文)
        "fangsong": ([FontFile(str(win / "simfang.ttf"))] if windows else []) + [uming, zenhei],
        # rare characters (CJK Extension B) missing from the fonts above
        "fallback": ([FontFile(str(win / "simsunb.ttf"))] if windows else [])
        + [FontFile(str(linux / "hanazono" / "HanaMinB.ttf")), FontFile(str(linux / "hanazono" / "HanaMinA.ttf"))],
    }


class FontUnavailable(RuntimeError):
    """No usable TrueType CJK font: the message says what to install."""


def _registered_name(font: FontFile) -> str:
    """One ReportLab name per font file, so a file used by several styles is embedded once."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", Path(font.path).stem).strip("-") or "font"
    digest = zlib.crc32(font.path.encode("utf-8")) & 0xFFFF
    return f"office-{stem}-{font.subfont}-{digest:04x}"


def _load(name: str, font: FontFile) -> TTFont | None:
    """Register ``font`` (under its own file's name; ``name`` is kept for callers' logs)."""
    name = _registered_name(font)
    existing = pdfmetrics._fonts.get(name)
    if isinstance(existing, TTFont):
        return existing
    if not Path(font.path).exists():
        return None
    try:
        ttf = TTFont(name, font.path, subfontIndex=font.subfont)
    except (TTFError, OSError):
        return None
    pdfmetrics.registerFont(ttf)
    return ttf


@cache
def font_name(style: str = "song", override: str | None = None) -> str:
    """Register and return the ReportLab name of the first usable font of ``style``.

    ``override`` is a path to a .ttf/.ttc (a setting), tried first.
    """
    files = ([FontFile(override)] if override else []) + _candidates()[style]
    for font in files:
        ttf = _load(style, font)
        if ttf is not None:
            return ttf.fontName
    if style == "fallback":
        return ""
    raise FontUnavailable(
        "找不到可嵌入 PDF 的中文 TrueType 字体。Windows 请确认 C:\\Windows\\Fonts 中有宋体（simsun.ttc）；"
        "Linux 请安装 fonts-wqy-zenhei（apt-get install fonts-wqy-zenhei）。"
    )


def _font(name: str) -> TTFont:
    font = pdfmetrics.getFont(name)
    assert isinstance(font, TTFont)
    return font


def missing_characters(text: str, name: str) -> list[str]:
    """Characters of ``text`` that font ``name`` has no glyph for (they would print as nothing)."""
    glyphs = _font(name).face.charToGlyph
    return sorted({c for c in text if not c.isspace() and ord(c) not in glyphs})


@cache
def fallback_names(override: str | None = None) -> tuple[str, ...]:
    """Every usable fallback font, registered (HanaMin comes as two files, A and B).

    ``override`` is a path to a .ttf/.ttc (a setting), tried first."""
    names: list[str] = []
    files = ([FontFile(override)] if override else []) + _candidates()["fallback"]
    for font in files:
        ttf = _load("fallback", font)
        if ttf is not None and ttf.fontName not in names:
            names.append(ttf.fontName)
    return tuple(names)


def split_runs(
    text: str, style: str = "song", *, override: str | None = None, fallback: str | None = None
) -> list[tuple[str, str]]:
    """``text`` cut into (font name, run) pieces: the style's font wherever it has the character,
    a fallback font where only that has it. Raises ``MissingGlyphs`` naming characters no font has.

    ``override`` and ``fallback`` are font files from the settings, tried first."""
    names = [font_name(style, override or None), *fallback_names(fallback or None)]
    return _cut(text, [(name, _font(name).face.charToGlyph) for name in names])


def _cut(text: str, table: list[tuple[str, dict[int, int]]]) -> list[tuple[str, str]]:
    """``text`` in runs of one font each, from ``table`` (font name, its glyph map), the first
    font wherever it has the character (and for spaces), else the first fallback that has it."""
    primary_name, primary = table[0]
    runs: list[tuple[str, str]] = []
    missing: list[str] = []
    for char in text:
        code = ord(char)
        if code in primary or char.isspace():
            chosen = primary_name
        else:
            found = next((n for n, glyphs in table[1:] if code in glyphs), None)
            if found is None:
                missing.append(char)
                continue
            chosen = found
        if runs and runs[-1][0] == chosen:
            runs[-1] = (chosen, runs[-1][1] + char)
        else:
            runs.append((chosen, char))
    if missing:
        raise MissingGlyphs(text, sorted(set(missing)))
    return runs


def font_for_text(text: str, style: str = "song") -> str:
    """The one font that has every character of ``text`` (the style's, else a fallback).
    Raises ``MissingGlyphs`` when no single font does; use ``split_runs`` then."""
    for name in (font_name(style), *fallback_names()):
        if not missing_characters(text, name):
            return name
    raise MissingGlyphs(text, missing_characters(text, font_name(style)))


class MissingGlyphs(ValueError):
    def __init__(self, text: str, characters: list[str]):
        self.text = text
        self.characters = characters
        shown = "、".join(f"“{c}”(U+{ord(c):04X})" for c in characters)
        super().__init__(
            f"字体中没有{shown}，无法打印“{text}”。请安装含该字的字体（如 Windows 的 SimSun-ExtB）后重试。"
        )


STYLES = ("song", "hei", "kai", "fangsong")


class FontSet:
    """The fonts of one print run: ``overrides`` maps a style (and "fallback") to a font file."""

    def __init__(self, overrides: Mapping[str, str] | None = None):
        self.overrides = {k: v for k, v in (overrides or {}).items() if v}
        self._names: dict[str, str] = {}
        self._tables: dict[str, list[tuple[str, dict[int, int]]]] = {}
        self._runs: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}

    def name(self, style: str = "song") -> str:
        """The ReportLab name of the style's primary font."""
        try:
            return self._names[style]
        except KeyError:
            name = self._names[style] = font_name(style, self.overrides.get(style))
            return name

    def _table(self, style: str) -> list[tuple[str, dict[int, int]]]:
        try:
            return self._tables[style]
        except KeyError:
            names = [self.name(style), *fallback_names(self.overrides.get("fallback"))]
            table = self._tables[style] = [(n, _font(n).face.charToGlyph) for n in names]
            return table

    def runs(self, text: str, style: str = "song") -> tuple[tuple[str, str], ...]:
        """Like ``split_runs``, remembered per text. Raises ``MissingGlyphs``."""
        key = (text, style)
        cached = self._runs.get(key)
        if cached is not None:
            return cached
        result = self._runs[key] = tuple(_cut(text, self._table(style)))
        return result

    def width(self, text: str, style: str, size: float) -> float:
        return sum(pdfmetrics.stringWidth(run, name, size) for name, run in self.runs(text, style))

    def missing(self, text: str, style: str = "song") -> list[str]:
        """Characters of ``text`` that no font of this set has (empty when it prints)."""
        try:
            self.runs(text, style)
        except MissingGlyphs as exc:
            return exc.characters
        return []
