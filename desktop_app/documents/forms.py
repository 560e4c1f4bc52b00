"""Ruled forms to fill in by hand or print pre-filled: rows of labelled cells on A4 portrait."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm

from desktop_app.documents.base import Document, safe
from desktop_app.documents.inputs import ContactInput

LABEL_SIZE = 10
VALUE_SIZE = 10.5


@dataclass
class Field:
    """One labelled cell: ``value`` is text, or a function drawing inside the cell's box."""

    label: str
    value: str | None | Callable[[float, float, float, float], None]
    width: float  # of the value cell, points
    label_width: float = 30 * mm


BLANK_DATE = "　　　　年　　月　　日"
BLANK_NUMBER = "　　　　　　"
MARGIN = 18 * mm


def form_page(doc: Document, title: str, date_line: str, number_line: str) -> FormGrid:
    """A form's title, its date on the left and its number on the right under it, and the grid
    that starts below them, between 18 mm margins. Pass the blank forms of the lines for a form
    filled in by hand (``BLANK_DATE``, ``BLANK_NUMBER``)."""
    w, h = doc.width, doc.height
    doc.text(w / 2, h - 20 * mm, title, "hei", 18, "centre")
    doc.text(MARGIN, h - 29 * mm, date_line, "song", 10)
    doc.text(w - MARGIN, h - 29 * mm, number_line, "song", 10, "right")
    return FormGrid(doc, MARGIN, w - 2 * MARGIN, h - 32 * mm)


class FormGrid:
    """Rows of fields from ``y`` downwards between ``left`` and ``left + width``."""

    def __init__(self, doc: Document, left: float, width: float, y: float):
        self.doc = doc
        self.left = left
        self.width = width
        self.y = y

    def row(self, fields: Sequence[Field], height: float = 10 * mm) -> None:
        x = self.left
        doc = self.doc
        for f in fields:
            doc.rect(x, self.y - height, f.label_width, height, 0.6)
            doc.cell(x, self.y - height, f.label_width, height, f.label, "hei", LABEL_SIZE, "centre")
            x += f.label_width
            doc.rect(x, self.y - height, f.width, height, 0.6)
            if callable(f.value):
                f.value(x, self.y - height, f.width, height)
            else:
                doc.cell(x, self.y - height, f.width, height, safe(f.value), "song", VALUE_SIZE, max_lines=3)
            x += f.width
        self.y -= height

    def span(
        self,
        label: str,
        value: str | None | Callable[[float, float, float, float], None],
        height: float = 10 * mm,
        label_width: float = 30 * mm,
    ) -> None:
        self.row([Field(label, value, self.width - label_width, label_width)], height)

    def pair(
        self,
        a: tuple[str, str | None],
        b: tuple[str, str | None],
        height: float = 10 * mm,
        label_width: float = 30 * mm,
    ) -> None:
        half = self.width / 2
        self.row(
            [Field(a[0], a[1], half - label_width, label_width), Field(b[0], b[1], half - label_width, label_width)],
            height,
        )

    def choices(self, options: Sequence[str], chosen: str | None) -> Callable[[float, float, float, float], None]:
        """A cell drawer: check boxes for ``options``, the ``chosen`` one ticked."""

        def draw(x: float, y: float, w: float, h: float) -> None:
            rows = self._choice_rows(options, w)
            leading = VALUE_SIZE * 1.6
            baseline = y + h / 2 + (rows - 1) * leading / 2 - VALUE_SIZE * 0.35
            self.doc.choices(x + 2 * mm, baseline, options, chosen, VALUE_SIZE, w - 4 * mm, leading)

        return draw

    def _choice_rows(self, options: Sequence[str], width: float) -> int:
        used, rows = 0.0, 1
        for option in options:
            w = VALUE_SIZE * (0.85 + 0.4 + 1.2) + self.doc.text_width(option, "song", VALUE_SIZE)
            if used + w > width - 4 * mm and used:
                rows, used = rows + 1, 0.0
            used += w
        return rows

    def contacts(
        self, contacts: Sequence[ContactInput], columns: Sequence[tuple[str, str, float]], height: float = 9 * mm
    ) -> None:
        """A table of people: ``columns`` are (title, ContactInput attribute, width in points)."""
        doc = self.doc
        x = self.left
        for title, _attr, w in columns:
            doc.rect(x, self.y - height, w, height, 0.6)
            doc.cell(x, self.y - height, w, height, title, "hei", LABEL_SIZE, "centre")
            x += w
        self.y -= height
        for contact in contacts:
            x = self.left
            for _title, attr, w in columns:
                doc.rect(x, self.y - height, w, height, 0.6)
                value = safe(getattr(contact, attr))
                if attr == "role":
                    doc.cell(x, self.y - height, w, height, value, "hei", LABEL_SIZE, "centre", pad=1.2 * mm)
                elif value:
                    # Numbers and addresses read best on one line, a little smaller if need be.
                    size = min(9.5, 9.5 * (w - 2.4 * mm) / max(doc.text_width(value, "song", 9.5), 1))
                    doc.cell(
                        x,
                        self.y - height,
                        w,
                        height,
                        value,
                        "song",
                        max(size, 7.0),
                        "left",
                        max_lines=1 if size >= 7.0 else 2,
                        pad=1.2 * mm,
                    )
                x += w
            self.y -= height

    def block(
        self,
        label: str,
        height: float,
        draw: Callable[[float, float, float, float], object],
        label_width: float = 30 * mm,
    ) -> None:
        """A tall cell (opinions, signatures) whose label is written top to bottom."""
        doc = self.doc
        doc.rect(self.left, self.y - height, label_width, height, 0.6)
        chars = list(label)
        leading = LABEL_SIZE * 1.5
        start = self.y - height / 2 + (len(chars) - 1) * leading / 2 - LABEL_SIZE * 0.35
        for index, char in enumerate(chars):
            doc.text(self.left + label_width / 2, start - index * leading, char, "hei", LABEL_SIZE, "centre")
        doc.rect(self.left + label_width, self.y - height, self.width - label_width, height, 0.6)
        draw(self.left + label_width, self.y - height, self.width - label_width, height)
        self.y -= height


def signature(
    doc: Document,
    x: float,
    y: float,
    w: float,
    h: float,
    lines: Sequence[str],
    text: str | None = None,
    date: str = BLANK_DATE,
) -> None:
    """A box to sign in: optional text at the top, signature lines, the date bottom right."""
    top = y + h - 6 * mm
    if text:
        for line in doc.wrap(text, "song", 10, w - 6 * mm):
            doc.text(x + 3 * mm, top, line, "song", 10)
            top -= 5.5 * mm
        top -= 2 * mm
    for line in lines:
        doc.text(x + 3 * mm, top, line, "song", 10)
        top -= 7 * mm
    doc.text(x + w - 3 * mm, y + 4 * mm, date, "song", 10, "right")
