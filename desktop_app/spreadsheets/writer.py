"""Every cell the program writes to a workbook goes through here: text stays text.

openpyxl stores any ``str`` longer than one character that starts with ``=`` as a *formula*
(and "#N/A", "#REF!" … as error values). Names and addresses come from rosters other people
keep, so an imported name such as ``=HYPERLINK("http://…","点击")`` or ``=cmd|' /C calc'!A0``
used to come out as a live formula in the workbooks we wrote. Two defences, both here:

1. Text is stored as text (cell type ``s``): a value is never turned into a formula or an error.
2. Text that Excel or WPS would *take* as a formula — when someone edits the cell and presses
   Enter, pastes it elsewhere, or saves the sheet as CSV and opens that — is neutralised as
   OWASP's "CSV Injection" page advises: text starting with ``=``, ``+``, ``-``, ``@``, tab or
   carriage return (and line feed, see ``FORMULA_TRIGGERS``) gets a single quote ``'`` in
   front. The quote is part of the stored text, not only Excel's "quotePrefix" style, so it
   survives copying, CSV export and other spreadsheet programs; the reader takes it off again
   (``restore``), so our own workbooks re-import unchanged.

What is *not* changed: numbers, dates and booleans keep their types (a date is still a date, a
count is still a number); text starting with anything else is untouched, so a landline
"027-85771234", a mobile "13871234567" or a Chinese name is written exactly as it is. The one
exception to OWASP's rule is a cell made only of hyphens ("-", "--"): offices write it for "none",
and no formula can be made of minus signs alone, so it stays as it is rather than showing "'-".
Text such as "+86 138…" or "-5" does get the quote: Excel would turn it into a number (or a sum)
the next time the cell is edited.

Writing through ``append`` costs nothing measurable: a text value becomes a cell object only in
the rare case openpyxl would not store it as text (a ``Cell`` per text cell made the
100,000-member roster ~50 % slower in write-only mode).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, Cell

# OWASP, "CSV Injection": cells starting with these are interpreted as formulas. Line feed too:
# a carriage return is stored raw in the sheet's XML, and XML parsers (Excel's, openpyxl's) read
# it back as a line feed, so a quoted "\r=1" returns as "'\n=1"; quoting line-feed text as well
# keeps ``restore`` the exact inverse of ``neutralise`` (such text is stray whitespace anyway).
FORMULA_TRIGGERS = frozenset("=+-@\t\r\n")
QUOTE = "'"
_ONLY_HYPHENS = re.compile(r"-+")


def _looks_like_formula(text: str) -> bool:
    """Whether Excel/WPS would take ``text`` (after any leading quotes) as a formula.

    Leading quotes are looked through so that ``neutralise`` and ``restore`` are exact inverses:
    a value that really starts with "'=" is written as "''=" and read back as "'=".
    """
    body = text.lstrip(QUOTE)
    return body[:1] in FORMULA_TRIGGERS and not _ONLY_HYPHENS.fullmatch(body)


def neutralise(text: str) -> str:
    """``text`` as it is safe to store: a quote in front when a spreadsheet would see a formula."""
    first = text[:1]  # most text starts with neither: decided without looking further
    if (first in FORMULA_TRIGGERS or first == QUOTE) and _looks_like_formula(text):
        return QUOTE + text
    return text


def restore(text: str) -> str:
    """The value ``neutralise`` was given: the quote we put in front is taken off (for the reader)."""
    if text[:1] == QUOTE and _looks_like_formula(text[1:]):
        return text[1:]
    return text


def _stored_as_text(text: str) -> bool:
    """Whether openpyxl, given this str, stores a text cell (its rule in ``Cell._bind_value``)."""
    return not ((len(text) > 1 and text[0] == "=") or text in ERROR_CODES)


def cell_value(value: Any) -> Any:
    """A value to hand to openpyxl: text neutralised, everything else (numbers, dates) as it is."""
    if isinstance(value, str):
        return neutralise(value)
    return value


def text_cell(sheet: Any, value: Any, **style: Any) -> Cell:
    """A cell (for ``append``, in write-only and ordinary sheets alike) holding ``value`` safely,
    text forced to the text type. ``style``: font, fill, alignment, border, number_format."""
    cell = WriteOnlyCell(sheet)
    put(cell, value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def put(cell: Cell, value: Any) -> None:
    """Set an existing cell's value safely (``sheet.cell(r, c)`` in an ordinary sheet)."""
    cell.value = cell_value(value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula ("=…") or an error value ("#N/A")


def row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    """``values`` made safe for ``sheet.append``; cells made by ``text_cell`` pass through."""
    out: list[Any] = []
    for value in values:
        if isinstance(value, str):
            value = neutralise(value)
            if not _stored_as_text(value):  # "#N/A" and the like: force the text type
                cell = WriteOnlyCell(sheet, value)
                cell.data_type = "s"
                value = cell
        out.append(value)
    return out


def append(sheet: Any, values: Iterable[Any]) -> None:
    """Append one row of values (or ``text_cell`` cells) to ``sheet``, write-only or not."""
    sheet.append(row(sheet, values))
