"""CJK fonts for ReportLab that never print blanks or boxes.

ReportLab embeds TrueType-outline fonts only (STYLE.md): WenQuanYi Zen Hei (``.ttc`` subfont 0),
AR PL UMing/UKai, and Windows' SimSun/SimHei/KaiTi/FangSong. Noto CJK (CFF) is rejected, and the
CID font STSong-Light is never embedded, so it is never used. A character the font lacks is
drawn as nothing, silently; ``missing_characters`` finds those before drawing, and
``font_for_text`` falls back (SimSun-ExtB on Windows, HanaMin on Debian) for rare characters of
CJK Extension B that turn up in company and person names.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont


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


def _load(name: str, font: FontFile) -> TTFont | None:
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
    for index, font in enumerate(files):
        name = f"office-{style}-{index}" if not override or index else f"office-{style}-custom"
        if _load(name, font) is not None:
            return name
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
def fallback_names() -> tuple[str, ...]:
    """Every usable fallback font, registered (HanaMin comes as two files, A and B)."""
    names = []
    for index, font in enumerate(_candidates()["fallback"]):
        name = f"office-fallback-{index}"
        if _load(name, font) is not None:
            names.append(name)
    return tuple(names)


def split_runs(text: str, style: str = "song") -> list[tuple[str, str]]:
    """``text`` cut into (font name, run) pieces: the style's font wherever it has the character,
    a fallback font where only that has it. Raises ``MissingGlyphs`` naming characters no font has."""
    primary = font_name(style)
    fonts = [primary, *fallback_names()]
    glyphs = [_font(name).face.charToGlyph for name in fonts]
    runs: list[tuple[str, str]] = []
    missing = []
    for char in text:
        code = ord(char)
        chosen = primary if char.isspace() else next((n for n, g in zip(fonts, glyphs) if code in g), None)
        if chosen is None:
            missing.append(char)
            continue
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
        super().__init__(f"字体中没有{shown}，无法打印“{text}”。请安装含该字的字体（如 Windows 的 SimSun-ExtB）后重试。")
