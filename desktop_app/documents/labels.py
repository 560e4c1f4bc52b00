"""Address labels on A4 label sheets (R-9.4): rows, columns, margins and gaps from the settings.

Each label: the postcode, the address (up to two lines), the organisation (up to two lines) and
the person it goes to. Text shrinks to fit a small label; what still does not fit is cut with
“…” and listed. ``DocumentContext.label_skip`` leaves the first labels of a used sheet empty.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm

from desktop_app.documents import BuildReport, Output, Progress
from desktop_app.documents.base import A4, Document, safe
from desktop_app.documents.inputs import AddressInput, DocumentContext, LabelSheet
from desktop_app.documents.mail import check_address, recipient_line

# Common sheets (Avery-compatible sizes sold in China). The setting may hold any other geometry.
LABEL_SHEETS = {
    "3×7": LabelSheet(3, 7, 63.5, 38.1, 15.15, 7.2, 2.5, 0.0, 4.0, "3×7"),
    "2×8": LabelSheet(2, 8, 99.1, 33.9, 12.9, 4.65, 2.5, 0.0, 4.0, "2×8"),
    "3×8": LabelSheet(3, 8, 70.0, 37.0, 0.5, 0.0, 0.0, 0.0, 4.0, "3×8"),
    "2×7": LabelSheet(2, 7, 99.1, 38.1, 15.15, 4.65, 2.5, 0.0, 4.0, "2×7"),
}


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


class LabelPainter:
    """Draws one label into a box; sizes shrink together until everything fits."""

    BASE = {"postcode": 10.0, "address": 9.0, "name": 10.5, "recipient": 9.5, "phone": 8.0}
    MAX_LINES = {"address": 2, "name": 3}
    MIN_SCALE = 0.7

    def __init__(self, doc: Document, width: float, height: float):
        self.doc = doc
        self.width = width
        self.height = height

    def _layout(
        self, item: AddressInput, scale: float, phone: bool
    ) -> tuple[list[tuple[str, str, float, float]], bool]:
        """Lines as (text, style, size, leading) and whether all of the text is there."""
        doc, w = self.doc, self.width
        out: list[tuple[str, str, float, float]] = []
        complete = True
        postcode = safe(item.postcode)
        if postcode:
            size = self.BASE["postcode"] * scale
            out.append((postcode, "hei", size, size * 1.35))
        for key, text, style in (("address", safe(item.address), "song"), ("name", safe(item.name), "hei")):
            size = self.BASE[key] * scale
            lines = doc.wrap(text, style, size, w)
            if len(lines) > self.MAX_LINES[key]:
                complete = False
                size, lines, _ = doc.fit(text, style, w, self.MAX_LINES[key], size, size)
            out.extend((line, style, size, size * 1.3) for line in lines)
        size = self.BASE["recipient"] * scale
        out.append((recipient_line(item), "song", size, size * 1.45))
        if phone and safe(item.phone):
            size = self.BASE["phone"] * scale
            out.append((f"电话：{item.phone}", "song", size, size * 1.3))
        return out, complete

    def draw(self, item: AddressInput, x: float, y_top: float) -> None:
        scale = 1.0
        phone = True
        while True:
            lines, complete = self._layout(item, scale, phone)
            height = sum(leading for _t, _s, _z, leading in lines)
            if height <= self.height and complete:
                break
            if phone and safe(item.phone) and scale <= 0.85:
                phone = False  # the phone number is the first thing to go on a crowded label
                continue
            if scale <= self.MIN_SCALE:
                break
            scale = max(self.MIN_SCALE, scale - 0.05)
        if not complete or height > self.height:
            self.doc.warn("地址或名称过长，标签上已缩小并截断")
            while len(lines) > 1 and sum(lead for *_x, lead in lines) > self.height:
                lines.pop(-2)  # keep the recipient, drop overflowing name lines
        used = sum(lead for *_x, lead in lines)
        y = y_top - max(0.0, (self.height - used) / 2)  # the block centred on the label
        for index, (text, style, size, leading) in enumerate(lines):
            y -= leading if index else size
            self.doc.text(x, y, text, style, size)


def build(
    out: Output, items: Sequence[AddressInput], context: DocumentContext, progress: Progress | None = None
) -> BuildReport:
    sheet = context.label_sheet
    doc = Document("labels", out, context, A4, title="地址标签")
    problems = check_sheet(sheet)
    if problems:
        from desktop_app.errors import ValidationError

        raise ValidationError({"label_sheet": "标签纸设置：" + "；".join(problems)})
    pad = sheet.padding_mm * mm
    painter = LabelPainter(doc, sheet.label_width_mm * mm - 2 * pad, sheet.label_height_mm * mm - 2 * pad)
    slot = [max(0, context.label_skip) % sheet.per_page]

    def draw(item: AddressInput) -> None:
        check_address(doc, item)
        index = slot[0]
        row, column = divmod(index, sheet.columns)
        x = (sheet.left_margin_mm + column * (sheet.label_width_mm + sheet.column_gap_mm)) * mm + pad
        y_top = doc.height - (sheet.top_margin_mm + row * (sheet.label_height_mm + sheet.row_gap_mm)) * mm - pad
        painter.draw(item, x, y_top)
        slot[0] += 1
        if slot[0] == sheet.per_page:
            doc.end_page()
            slot[0] = 0

    doc.each(items, progress, draw)
    return doc.finish()
