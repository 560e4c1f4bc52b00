"""Shared page furniture: one print run (canvas, fonts, report), text in runs, wrapping, boxes, seal.

Every string goes through ``FontSet.runs`` before it is drawn, so a rare character is printed
with the fallback font and a character no font has is caught instead of printed as a blank. The
build loop (``Document.each``) turns a ``Skip`` into a listed problem and carries on; characters
no font has are collected for every item and then stop the build with ``UnprintableText`` naming
each member and character, before the PDF is written.

Coordinates are ReportLab's: points, origin bottom-left. ``top(y_mm)`` converts a distance from
the top edge in millimetres.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from desktop_app import __version__
from desktop_app.documents import BuildReport, Output, Problem, Progress, describe_item, typesetting
from desktop_app.documents.fonts import FontSet, MissingGlyphs
from desktop_app.documents.inputs import DocumentContext
from desktop_app.errors import OfficeError

T = TypeVar("T")

A4 = (210 * mm, 297 * mm)
A4_LANDSCAPE = (297 * mm, 210 * mm)
GREY = Color(0.45, 0.45, 0.45)
LIGHT = Color(0.82, 0.82, 0.82)
SEAL_RED = Color(0.80, 0.08, 0.08)

# Chinese line breaking lives in ``typesetting`` (issue 14): every wrap and fit below goes there.
NO_LINE_START = typesetting.NO_LINE_START
NO_LINE_END = typesetting.NO_LINE_END
WORD_CHARACTERS = typesetting.WORD_CHARACTERS


class Skip(Exception):
    """Raised while drawing an item that cannot be drawn: listed as a problem, the rest go on."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class UnprintableText(OfficeError):
    """Characters no font has: the build stops rather than print blanks or boxes."""

    def __init__(self, failures: list[tuple[str, list[str], str]]):
        self.failures = failures
        lines = []
        for who, characters, text in failures[:20]:
            shown = "、".join(f"“{c}”(U+{ord(c):04X})" for c in characters)
            lines.append(f"· {who}：{shown}，在“{text}”中")
        if len(failures) > 20:
            lines.append(f"…… 另有 {len(failures) - 20} 项")
        super().__init__(
            "以下文字含有任何已安装字体都没有的字，为免印出空白或方框，本次未生成文件：\n"
            + "\n".join(lines)
            + "\n请在“系统设置 → 文书字体”中把“后备字体”设为含这些字的 TrueType 字体"
            "（Windows 自带 SimSun-ExtB：C:\\Windows\\Fonts\\simsunb.ttf），或改正该会员资料中的字。"
        )


def top(page_height: float, y_mm: float) -> float:
    """The ReportLab y of a point ``y_mm`` millimetres below the top edge."""
    return page_height - y_mm * mm


class Document:
    """One print run of one kind into one PDF."""

    def __init__(
        self,
        kind: str,
        out: Output,
        context: DocumentContext,
        pagesize: tuple[float, float],
        *,
        title: str,
        subject: str = "",
    ):
        self.kind = kind
        self.context = context
        self.fonts = FontSet(context.fonts)
        self.width, self.height = pagesize
        # The initial font is ours, so no unembedded Helvetica is listed in the PDF's resources.
        self.canvas = Canvas(
            out if not hasattr(out, "__fspath__") else str(out),
            pagesize=pagesize,
            initialFontName=self.fonts.name("song"),
        )
        self.canvas.setTitle(title)
        self.canvas.setAuthor(context.association.name)
        self.canvas.setSubject(subject or title)
        self.canvas.setCreator(f"会籍管理 membership-office {__version__}")
        self.report = BuildReport(kind)
        self._unprintable: list[tuple[str, list[str], str]] = []
        self._dirty = False
        self._char_widths: dict[str, dict[str, float]] = {}
        self._layouts: dict[tuple[str, str, float], typesetting.Layout] = {}
        self._fill: Color | None = None  # the canvas's current fill colour, when known
        self._images: dict[int, ImageReader] = {}
        self.item: Any = None  # the item being drawn, for warnings

    # --- the loop ---------------------------------------------------------------------------

    def each(self, items: Sequence[T], progress: Progress | None, draw: Callable[[T], None]) -> None:
        """Draw every item; ``Skip`` lists a problem, missing glyphs are collected (see ``finish``)."""
        total = len(items)
        self.report.items += total
        if progress is not None:
            progress(0, total)
        for index, item in enumerate(items):
            self.item = item
            try:
                draw(item)
            except Skip as exc:
                self.report.problems.append(Problem(item, exc.message))
            except MissingGlyphs as exc:
                self._unprintable.append((describe_item(item), exc.characters, exc.text))
            else:
                self.report.drawn += 1
            if progress is not None:
                progress(index + 1, total)
        self.item = None

    def warn(self, message: str, item: Any = None) -> None:
        """The item is drawn, but something on it is incomplete (shrunk, cut, left blank)."""
        self.report.problems.append(Problem(item if item is not None else self.item, message, drawn=True))

    def mark(self) -> None:
        """Something was drawn on the current page."""
        self._dirty = True

    def end_page(self) -> None:
        if self._dirty:
            self.canvas.showPage()  # resets the graphics state: the fill is black again
            self.report.pages += 1
            self._dirty = False
            self._fill = None

    def finish(self) -> BuildReport:
        if self._unprintable:
            raise UnprintableText(self._unprintable)
        self.end_page()
        if self.report.pages == 0:  # a PDF needs a page; say on it that nothing was printable
            self.text(self.width / 2, self.height / 2, "（没有可打印的内容，请查看问题列表）", "hei", 14, "centre")
            self.end_page()
        self.canvas.save()
        return self.report

    # --- text -------------------------------------------------------------------------------

    def text(
        self,
        x: float,
        y: float,
        text: str,
        style: str = "song",
        size: float = 12,
        align: str = "left",
        color: Color = black,
    ) -> None:
        """Draw one line at baseline ``y``; ``align`` left/centre/right about ``x``.

        One text object per line, its font switched per run (rare characters in the fallback
        font); the fill colour is set only when it changes (a thousand certificates are 7,000
        lines, and ReportLab's per-call overhead is what a batch spends its time on)."""
        if not text:
            return
        runs = self.fonts.runs(text, style)
        if align != "left":
            width = sum(pdfmetrics.stringWidth(run, name, size) for name, run in runs)
            x -= width / 2 if align == "centre" else width
        canvas = self.canvas
        if color is not self._fill:
            canvas.setFillColor(color)
            self._fill = color
        line = canvas.beginText(x, y)
        for name, run in runs:
            line.setFont(name, size)
            line.textOut(run)
        canvas.drawText(line)
        self._dirty = True

    def invalidate_fill(self) -> None:
        """The fill colour was changed behind ``text``'s back (a shaded cell, a restored state)."""
        self._fill = None

    def text_width(self, text: str, style: str = "song", size: float = 12) -> float:
        return self.fonts.width(text, style, size)

    def _widths(self, text: str, style: str) -> list[float]:
        """The width of each character of ``text`` at 1 pt, measured once per character and style."""
        table = self._char_widths.get(style)
        if table is None:
            table = self._char_widths[style] = {}
        out = []
        for char in text:
            width = table.get(char)
            if width is None:
                width = table[char] = self.fonts.width(char, style, 1.0)
            out.append(width)
        return out

    def measure(self, style: str) -> typesetting.Measure:
        """Each character's width at 1 pt in ``style`` (what ``typesetting`` works with)."""
        return lambda text: self._widths(text, style)

    def wrap(self, text: str, style: str, size: float, width: float) -> list[str]:
        """Lines of ``text`` no wider than ``width``, broken the Chinese way (``typesetting``: words of
        names and addresses whole, never inside 公司, a number or a date, 避头尾, no line of one or two
        characters when a better break exists), ``\\n`` kept as a break."""
        self.fonts.runs(text.replace("\n", " "), style)  # raises MissingGlyphs naming the whole text
        return typesetting.paragraphs_layout(text, self.measure(style), width / size).lines

    def layout(self, text: str, style: str, size: float, width: float) -> typesetting.Layout:
        """``wrap`` with the layout's quality (forced breaks, short lines, the worst break).
        Remembered for the run: labels try the same name at a few sizes, with and without a phone."""
        key = (text, style, round(width / size, 6))
        found = self._layouts.get(key)
        if found is None:
            self.fonts.runs(text.replace("\n", " "), style)
            found = self._layouts[key] = typesetting.paragraphs_layout(text, self.measure(style), width / size)
        return found

    def fit(
        self,
        text: str,
        style: str,
        width: float,
        max_lines: int,
        size: float,
        min_size: float,
        *,
        shrink_floor: float | None = None,
    ) -> tuple[float, list[str], bool]:
        """The size and lines of ``text`` in ``max_lines`` lines of ``width``, from ``size`` down to
        ``min_size`` (``typesetting.fit``: shrunk to one line first when that stays above
        ``shrink_floor``, else wrapped at the largest size with good breaks). Returns (size, lines,
        complete); when even the smallest size does not fit, the last line ends with “…” and
        complete is False."""
        self.fonts.runs(text.replace("\n", " "), style)
        return typesetting.fit(text, self.measure(style), width, max_lines, size, min_size, shrink_floor=shrink_floor)

    def lines(
        self,
        x: float,
        y: float,
        lines: Sequence[str],
        style: str,
        size: float,
        leading: float,
        align: str = "left",
        color: Color = black,
    ) -> float:
        """Draw ``lines`` from baseline ``y`` downwards; returns the baseline after the last."""
        for line in lines:
            self.text(x, y, line, style, size, align, color)
            y -= leading
        return y

    def paragraph(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        style: str = "song",
        size: float = 12,
        leading: float | None = None,
        indent: int = 2,
    ) -> float:
        """A paragraph from baseline ``y``, its first line indented by ``indent`` characters
        (两字缩进). Returns the baseline for what follows."""
        leading = leading or size * 1.75
        em = self.text_width("\u3000", style, size)
        text = text.strip()
        first = self.wrap(text, style, size, width - indent * em)
        lines = [("\u3000" * indent) + first[0]]
        if len(first) > 1:
            lines += self.wrap(text[len(first[0]) :].lstrip(), style, size, width)
        for line in lines:
            self.text(x, y, line, style, size)
            y -= leading
        return y

    def cell(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        text: str | None,
        style: str = "song",
        size: float = 10.5,
        align: str = "left",
        max_lines: int | None = None,
        min_size: float = 6.5,
        pad: float = 2 * mm,
        valign: str = "middle",
    ) -> bool:
        """``text`` inside the box with bottom-left (x, y), shrunk and wrapped to fit.
        Returns False (and warns) when it had to be cut."""
        if not text:
            return True
        leading_ratio = 1.3
        inner_w = max(w - 2 * pad, 1)
        fit_lines = max_lines or max(1, int((h - pad) // (size * leading_ratio)) or 1)
        current, lines, complete = self.fit(text, style, inner_w, fit_lines, size, min_size)
        while len(lines) * current * leading_ratio > h - 1 and current - 0.5 >= min_size:
            current -= 0.5
            current, lines, complete = self.fit(text, style, inner_w, fit_lines, current, min_size)
        leading = current * leading_ratio
        block = leading * (len(lines) - 1) + current
        if valign == "top":
            baseline = y + h - pad - current * 0.88
        else:
            baseline = y + (h + block) / 2 - current * 0.88
        tx = {"left": x + pad, "centre": x + w / 2, "right": x + w - pad}[align]
        self.lines(tx, baseline, lines, style, current, leading, align)
        if not complete:
            self.warn(f"“{text[:30]}”过长，已截断")
        return complete

    # --- lines and boxes ----------------------------------------------------------------------

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        width: float = 0.8,
        dash: Sequence[float] | None = None,
        color: Color = black,
    ) -> None:
        canvas = self.canvas
        canvas.setStrokeColor(color)
        canvas.setLineWidth(width)
        canvas.setDash(*(dash or ()))  # type: ignore[arg-type]
        canvas.rect(x, y, w, h, stroke=1, fill=0)
        canvas.setDash()
        self._dirty = True

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        width: float = 0.8,
        dash: Sequence[float] | None = None,
        color: Color = black,
    ) -> None:
        canvas = self.canvas
        canvas.setStrokeColor(color)
        canvas.setLineWidth(width)
        canvas.setDash(*(dash or ()))  # type: ignore[arg-type]
        canvas.line(x1, y1, x2, y2)
        canvas.setDash()
        self._dirty = True

    def checkbox(self, x: float, y: float, size: float, checked: bool) -> None:
        """A square with bottom-left (x, y); a tick drawn as lines (fonts lack ☑)."""
        self.rect(x, y, size, size, 0.7)
        if checked:
            canvas = self.canvas
            canvas.setLineWidth(1.2)
            path = canvas.beginPath()
            path.moveTo(x + size * 0.18, y + size * 0.52)
            path.lineTo(x + size * 0.42, y + size * 0.22)
            path.lineTo(x + size * 0.85, y + size * 0.85)
            canvas.drawPath(path, stroke=1, fill=0)

    def choices(
        self,
        x: float,
        y: float,
        options: Sequence[str],
        chosen: str | None,
        size: float = 10.5,
        max_width: float | None = None,
        leading: float | None = None,
    ) -> float:
        """□ option □ option … on baseline ``y``, wrapping at ``max_width``; returns the last baseline."""
        box = size * 0.85
        gap = size * 0.4
        start = x
        leading = leading or size * 1.6
        for option in options:
            w = box + gap + self.text_width(option, "song", size) + size * 1.2
            if max_width is not None and x + w > start + max_width and x > start:
                x = start
                y -= leading
            self.checkbox(x, y - size * 0.1, box, option == chosen)
            self.text(x + box + gap, y, option, "song", size)
            x += w
        return y

    def image(self, png: bytes, x: float, y: float, w: float, h: float) -> None:
        """An image (PNG/JPEG bytes) fitted into the box, keeping its proportions, transparency kept."""
        reader = self._images.get(id(png))
        if reader is None:
            reader = self._images[id(png)] = ImageReader(io.BytesIO(png))
        self.canvas.drawImage(reader, x, y, w, h, mask="auto", preserveAspectRatio=True, anchor="c")
        self._dirty = True

    def seal(self, cx: float, cy: float, diameter: float = 42 * mm) -> bool:
        """The association's seal centred on (cx, cy), when the office has set its image."""
        if not self.context.seal_png:
            return False
        self.image(self.context.seal_png, cx - diameter / 2, cy - diameter / 2, diameter, diameter)
        return True


def safe(value: object) -> str:
    """Text of an optional value: ``None`` prints as nothing."""
    return "" if value is None else str(value).strip()


class Table:
    """A ruled table that runs over pages: the header is repeated on every page.

    ``columns`` are (title, width in points, align). ``start_page()`` draws what comes above the
    table on a new page and returns the y where the table starts there.
    """

    def __init__(
        self,
        doc: Document,
        x: float,
        columns: Sequence[tuple[str, float, str]],
        start_page: Callable[[], float],
        bottom: float,
        size: float = 9.5,
        header_size: float = 10,
    ) -> None:
        self.doc = doc
        self.x = x
        self.columns = columns
        self.start_page = start_page
        self.bottom = bottom
        self.size = size
        self.header_size = header_size
        self.leading = size * 1.3
        self.pad = 1.6 * mm
        self.y: float | None = None

    @property
    def width(self) -> float:
        return sum(w for _t, w, _a in self.columns)

    def _header(self) -> None:
        assert self.y is not None
        h = self.header_size * 2.2
        x = self.x
        canvas = self.doc.canvas
        canvas.setFillColor(Color(0.93, 0.93, 0.93))
        canvas.rect(self.x, self.y - h, self.width, h, stroke=0, fill=1)
        self.doc.invalidate_fill()
        for title, w, _align in self.columns:
            self.doc.rect(x, self.y - h, w, h, 0.6)
            self.doc.text(x + w / 2, self.y - h / 2 - self.header_size * 0.35, title, "hei", self.header_size, "centre")
            x += w
        self.y -= h

    def _new_page(self) -> None:
        if self.y is not None:
            self.doc.end_page()
        self.y = self.start_page()
        self._header()

    def row_lines(self, values: Sequence[str]) -> list[list[str]]:
        return [
            self.doc.wrap(value, "song", self.size, w - 2 * self.pad) if value else [""]
            for value, (_t, w, _a) in zip(values, self.columns, strict=True)
        ]

    def row(self, values: Sequence[str], min_height: float = 0) -> None:
        """One row, as tall as its tallest cell (at least ``min_height``: room to write by hand);
        raises ``MissingGlyphs`` before drawing anything."""
        cells = self.row_lines(values)
        height = max(len(lines) for lines in cells) * self.leading + 2 * self.pad - (self.leading - self.size) + 1
        height = max(height, min_height)
        if self.y is None or self.y - height < self.bottom:
            self._new_page()
        assert self.y is not None
        x = self.x
        for lines, (_title, w, align) in zip(cells, self.columns, strict=True):
            self.doc.rect(x, self.y - height, w, height, 0.6)
            block = (len(lines) - 1) * self.leading + self.size
            baseline = self.y - (height - block) / 2 - self.size * 0.88
            tx = {"left": x + self.pad, "centre": x + w / 2, "right": x + w - self.pad}[align]
            self.doc.lines(tx, baseline, lines, "song", self.size, self.leading, align)
            x += w
        self.y -= height

    def close(self) -> float:
        """The y under the table (a new page with the header if nothing was drawn yet)."""
        if self.y is None:
            self._new_page()
        assert self.y is not None
        return self.y


class Flow:
    """Lines running down the page and on to the next: letters and notices."""

    def __init__(
        self,
        doc: Document,
        left: float,
        right: float,
        top_y: float,
        bottom_y: float,
        on_new_page: Callable[[], None] | None = None,
    ) -> None:
        self.doc = doc
        self.left = left
        self.width = right - left
        self.top_y = top_y
        self.bottom_y = bottom_y
        self.y = top_y
        self.on_new_page = on_new_page

    def need(self, height: float) -> None:
        """Start a new page unless ``height`` still fits on this one."""
        if self.y - height < self.bottom_y:
            self.doc.end_page()
            self.y = self.top_y
            if self.on_new_page is not None:
                self.on_new_page()

    def line(self, text: str, style: str, size: float, leading: float, align: str = "left") -> None:
        self.need(size)
        x = {"left": self.left, "centre": self.left + self.width / 2, "right": self.left + self.width}[align]
        self.doc.text(x, self.y - size, text, style, size, align)
        self.y -= leading

    def paragraph(
        self,
        text: str,
        style: str = "song",
        size: float = 12,
        leading: float | None = None,
        indent: int = 2,
        hanging: int = 0,
    ) -> None:
        """A wrapped paragraph, first line indented by ``indent`` characters; with ``hanging``,
        the following lines are indented by that many instead (numbered items)."""
        leading = leading or size * 1.75
        em = self.doc.text_width("\u3000", style, size)
        text = text.strip()
        first = self.doc.wrap(text, style, size, self.width - indent * em)
        lines = [(indent, first[0])]
        if len(first) > 1:
            rest = text[len(first[0]) :].lstrip()
            lines += [(hanging, line) for line in self.doc.wrap(rest, style, size, self.width - hanging * em)]
        for pad, line in lines:
            self.need(size)
            self.doc.text(self.left + pad * em, self.y - size, line, style, size)
            self.y -= leading

    def space(self, height: float) -> None:
        self.y -= height
