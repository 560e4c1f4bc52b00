"""Address labels on A4 label sheets (R-9.4): rows, columns, margins and gaps from the settings.

Each label: the postcode, the address (up to two lines), the organisation (up to three lines), the
person it goes to and, when there is room, the phone. Lines break the Chinese way
(``typesetting``: between the words of a name or an address, never inside 公司, a number or
1602室, no line of one or two characters, 避头尾). **One size per sheet** (issue 14): the labels of
a sheet are laid out together at the largest scale at which every one of them fits with good
breaks, so a sheet never mixes 8 pt and 10.5 pt names; a long name shrinks its own sheet, not the
whole run. What still does not fit at the smallest scale is cut with “…” and listed.
``DocumentContext.label_skip`` leaves the first labels of a used sheet empty.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm

from desktop_app.documents import BuildReport, Output, Progress
from desktop_app.documents.base import A4, Document, safe
from desktop_app.documents.inputs import AddressInput, DocumentContext, LabelSheet
from desktop_app.documents.mail import check_address, recipient_line
from desktop_app.errors import ValidationError

# Common sheets (Avery-compatible sizes sold in China). The setting may hold any other geometry.
LABEL_SHEETS = {
    "3×7": LabelSheet(3, 7, 63.5, 38.1, 15.15, 7.2, 2.5, 0.0, 4.0, "3×7"),
    "2×8": LabelSheet(2, 8, 99.1, 33.9, 12.9, 4.65, 2.5, 0.0, 4.0, "2×8"),
    "3×8": LabelSheet(3, 8, 70.0, 37.0, 0.5, 0.0, 0.0, 0.0, 4.0, "3×8"),
    "2×7": LabelSheet(2, 7, 99.1, 38.1, 15.15, 4.65, 2.5, 0.0, 4.0, "2×7"),
}


def sheet_key(text: str) -> str:
    """``3x7``, ``3X7``, ``3*7``, ``3×7`` and ``3 x 7`` all name the sheet ``3×7`` (the command line
    is typed on keyboards without ×). Anything else is returned as it was, for the caller to refuse."""
    compact = "".join(str(text).split()).lower()
    for sign in ("x", "*", "＊", "ｘ", "х"):  # Latin, asterisk, full-width, Cyrillic look-alike
        compact = compact.replace(sign, "×")
    return compact if compact in LABEL_SHEETS else str(text).strip()


def check_sheet(sheet: LabelSheet) -> list[str]:
    """Why the geometry cannot be printed on A4 (empty when it can)."""
    problems = []
    if sheet.columns < 1 or sheet.rows < 1:
        problems.append("行数和列数至少为 1")
    width = sheet.left_margin_mm + sheet.columns * sheet.label_width_mm + (sheet.columns - 1) * sheet.column_gap_mm
    height = sheet.top_margin_mm + sheet.rows * sheet.label_height_mm + (sheet.rows - 1) * sheet.row_gap_mm
    if width > 210.01:
        problems.append(f"标签总宽 {width:.1f} 毫米，超出 A4 纸宽 210 毫米")
    if height > 297.01:
        problems.append(f"标签总高 {height:.1f} 毫米，超出 A4 纸高 297 毫米")
    if sheet.label_width_mm <= 2 * sheet.padding_mm or sheet.label_height_mm <= 2 * sheet.padding_mm:
        problems.append("标签太小")
    return problems


@dataclass(frozen=True)
class LabelLayout:
    """One label's lines as (text, style, size, leading), laid out at ``scale``."""

    scale: float
    lines: tuple[tuple[str, str, float, float], ...]
    name_lines: tuple[str, ...]
    address_lines: tuple[str, ...]
    fits: bool  # within the label's height and each block's lines
    clean: bool  # no break inside a word, number or 公司, no one- or two-character line
    complete: bool  # nothing cut
    phone: bool

    @property
    def height(self) -> float:
        return sum(leading for _t, _s, _z, leading in self.lines)


class LabelPainter:
    """Lays out and draws labels in a box. ``best`` finds the largest scale at which a label
    fits with good breaks; a sheet is drawn at the smallest of its labels' best scales."""

    BASE = {"postcode": 10.0, "address": 9.0, "name": 10.5, "recipient": 9.5, "phone": 8.0}
    MAX_LINES = {"address": 2, "name": 3}
    SCALES = (1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7)
    PHONE_GOES_AT = 0.85  # the phone number is the first thing to go on a crowded label

    def __init__(self, doc: Document, width: float, height: float):
        self.doc = doc
        self.width = width
        self.height = height
        self._memo: dict[tuple[int, float, bool], LabelLayout] = {}

    def forget(self) -> None:
        """Drop the layouts remembered for the sheet just drawn."""
        self._memo.clear()

    def layout(self, item: AddressInput, scale: float, phone: bool) -> LabelLayout:
        key = (id(item), scale, phone)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._layout(item, scale, phone)
        return found

    def _layout(self, item: AddressInput, scale: float, phone: bool) -> LabelLayout:
        doc, w = self.doc, self.width
        out: list[tuple[str, str, float, float]] = []
        clean = complete = True
        blocks: dict[str, tuple[str, ...]] = {}
        postcode = safe(item.postcode)
        if postcode:
            size = self.BASE["postcode"] * scale
            out.append((postcode, "hei", size, size * 1.35))
        fits = True
        for key, text, style in (("address", safe(item.address), "song"), ("name", safe(item.name), "hei")):
            size = self.BASE[key] * scale
            result = doc.layout(text, style, size, w)
            lines = result.lines
            clean = clean and result.clean
            if len(lines) > self.MAX_LINES[key]:
                fits = complete = False
                _size, lines, _complete = doc.fit(text, style, w, self.MAX_LINES[key], size, size)
            blocks[key] = tuple(lines)
            out.extend((line, style, size, size * 1.3) for line in lines)
        size = self.BASE["recipient"] * scale
        out.append((recipient_line(item), "song", size, size * 1.45))
        with_phone = phone and bool(safe(item.phone))
        if with_phone:
            size = self.BASE["phone"] * scale
            out.append((f"电话：{item.phone}", "song", size, size * 1.3))
        result_lines = tuple(out)
        height = sum(leading for *_x, leading in result_lines)
        fits = fits and height <= self.height
        return LabelLayout(scale, result_lines, blocks["name"], blocks["address"], fits, clean, complete, with_phone)

    def lower_bound(self, item: AddressInput, scale: float, phone: bool) -> float:
        """The least height the label can have at ``scale``: each block in as few lines as its
        width allows. Cheap (no line breaking), so hopeless scales are skipped without a search."""
        w = self.width
        height = 0.0
        if safe(item.postcode):
            height += self.BASE["postcode"] * scale * 1.35
        for key, text, style in (("address", safe(item.address), "song"), ("name", safe(item.name), "hei")):
            size = self.BASE[key] * scale
            total = sum(self.doc._widths(text, style)) * size
            lines = min(self.MAX_LINES[key], max(1, math.ceil(total / w - 1e-9)))
            height += lines * size * 1.3
        height += self.BASE["recipient"] * scale * 1.45
        if phone and safe(item.phone):
            height += self.BASE["phone"] * scale * 1.3
        return height

    def at(self, item: AddressInput, scale: float) -> LabelLayout:
        """The label at ``scale``: with its phone when that fits, else without."""
        if safe(item.phone) and self.lower_bound(item, scale, True) <= self.height:
            with_phone = self.layout(item, scale, True)
            if with_phone.fits:
                return with_phone
        elif not safe(item.phone):
            return self.layout(item, scale, True)
        return self.layout(item, scale, False)

    def best(self, item: AddressInput) -> LabelLayout:
        """The largest scale at which the label fits with good breaks (the phone may go from
        ``PHONE_GOES_AT`` down); failing that, the largest at which it fits at all; failing that,
        the smallest scale, cut."""
        fitting: LabelLayout | None = None
        has_phone = bool(safe(item.phone))
        for scale in self.SCALES:
            phones = (True, False) if has_phone and scale <= self.PHONE_GOES_AT + 1e-9 else (True,)
            for phone in phones:
                if self.lower_bound(item, scale, phone) > self.height:
                    continue
                candidate = self.layout(item, scale, phone)
                if candidate.fits and candidate.clean:
                    return candidate
                if candidate.fits and fitting is None:
                    fitting = candidate
                if candidate.fits:
                    break  # without the phone is no better
        return fitting or self.at(item, self.SCALES[-1])

    def draw(self, layout: LabelLayout, x: float, y_top: float) -> None:
        lines = list(layout.lines)
        if not layout.complete or layout.height > self.height:
            self.doc.warn("地址或名称过长，标签上已缩小并截断")
            while len(lines) > 1 and sum(lead for *_x, lead in lines) > self.height:
                lines.pop(-2)  # keep the recipient, drop overflowing name lines
        used = sum(lead for *_x, lead in lines)
        y = y_top - max(0.0, (self.height - used) / 2)  # the block centred on the label
        for index, (text, style, size, leading) in enumerate(lines):
            y -= leading if index else size
            self.doc.text(x, y, text, style, size)


def _check(sheet: LabelSheet) -> None:
    problems = check_sheet(sheet)
    if problems:
        raise ValidationError({"label_sheet": "标签纸设置：" + "；".join(problems)})


def _painter(doc: Document, sheet: LabelSheet) -> LabelPainter:
    pad = sheet.padding_mm * mm
    return LabelPainter(doc, sheet.label_width_mm * mm - 2 * pad, sheet.label_height_mm * mm - 2 * pad)


def sheet_scale(painter: LabelPainter, items: Sequence[AddressInput]) -> float:
    """The one scale of a sheet: the smallest of its labels' best scales."""
    return min((painter.best(item).scale for item in items), default=1.0)


def plan(items: Sequence[AddressInput], context: DocumentContext) -> list[list[LabelLayout]]:
    """The labels as ``build`` lays them out, sheet by sheet (for tests and measurements): the
    mailable items only, each sheet at its one scale."""
    sheet = context.label_sheet
    _check(sheet)
    doc = Document("labels", io.BytesIO(), context, A4, title="地址标签")
    painter = _painter(doc, sheet)
    pages: list[list[LabelLayout]] = []
    first = sheet.per_page - max(0, context.label_skip) % sheet.per_page
    mailable = [item for item in items if safe(item.name) and safe(item.address)]
    chunks = [mailable[:first]] + [
        mailable[i : i + sheet.per_page] for i in range(first, len(mailable), sheet.per_page)
    ]
    for chunk in chunks:
        if chunk:
            scale = sheet_scale(painter, chunk)
            pages.append([painter.at(item, scale) for item in chunk])
            painter.forget()
    return pages


def build(
    out: Output, items: Sequence[AddressInput], context: DocumentContext, progress: Progress | None = None
) -> BuildReport:
    sheet = context.label_sheet
    doc = Document("labels", out, context, A4, title="地址标签")
    _check(sheet)
    pad = sheet.padding_mm * mm
    painter = _painter(doc, sheet)
    slot = [max(0, context.label_skip) % sheet.per_page]
    pending: list[tuple[int, AddressInput]] = []  # (slot, item) of the sheet being filled

    def flush() -> None:
        """Draw the pending sheet, every label at the sheet's one scale."""
        if not pending:
            return
        scale = sheet_scale(painter, [item for _slot, item in pending])
        for index, item in pending:
            doc.item = item  # warnings name the label's member
            row, column = divmod(index, sheet.columns)
            x = (sheet.left_margin_mm + column * (sheet.label_width_mm + sheet.column_gap_mm)) * mm + pad
            y_top = doc.height - (sheet.top_margin_mm + row * (sheet.label_height_mm + sheet.row_gap_mm)) * mm - pad
            painter.draw(painter.at(item, scale), x, y_top)
        pending.clear()
        painter.forget()
        doc.end_page()

    def take(item: AddressInput) -> None:
        check_address(doc, item)  # a Skip here leaves no slot used
        doc.fonts.runs(safe(item.name), "hei")  # a character no font has fails this item now
        pending.append((slot[0], item))
        slot[0] += 1
        if slot[0] == sheet.per_page:
            flush()
            slot[0] = 0

    doc.each(items, progress, take)
    flush()
    return doc.finish()
