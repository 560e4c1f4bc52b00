"""Plain value types that the layers hand each other: no Qt, no SQL, no ReportLab, no openpyxl.

The services build them; the printed documents (``documents/``), the workbooks
(``spreadsheets/``) and the window read them. Everything may import this module; it imports
nothing of the program.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RosterColumn:
    key: str
    title: str
    width: float  # Excel character widths; the PDF scales them to the page
    public: bool  # in the version published on the website and in work groups
    kind: str = "text"  # text | date | number


@dataclass
class Roster:
    title: str
    association: str
    made_on: dt.date
    public: bool
    columns: list[RosterColumn]
    rows: list[tuple]  # one tuple per member, in ``columns`` order
    level_counts: list[tuple[str, int]]  # (level name, members), in level order

    @property
    def version_label(self) -> str:
        return "公开版" if self.public else "内部版"


@dataclass
class SheetTable:
    """One table for a workbook sheet: merged lines above the header (the first is the title),
    the columns (title, width in Excel characters, centred or not), the rows, lines below.
    The plaque order and the courier manifest are such tables (``spreadsheets.tables``)."""

    sheet_name: str
    heading: list[str]
    columns: list[tuple[str, float, bool]]
    rows: list[list[object]]
    footing: list[str]


@dataclass(frozen=True)
class MemberRef:
    """A member named in a problem found before any document was drawn (“名称（编号）”)."""

    member_name: str
    member_number: str | None = None

    @classmethod
    def of(cls, member: Any) -> MemberRef:
        return cls(member.name, getattr(member, "member_number", None))


@dataclass(frozen=True)
class HistoryEntry:
    """One change in a record's history (the audit log, R-2.1), as the window and the command line
    list it: who, when, what, and the values before and after (field → value; empty when none)."""

    at: dt.datetime
    actor_id: int | None
    actor_name: str
    action: str
    summary: str
    before: Mapping[str, Any] = field(default_factory=dict)
    after: Mapping[str, Any] = field(default_factory=dict)


# --- the regulation's articles as the office names them (issue 16) ------------------------------

# Articles whose requirement ids (R-5.6, R-8.4 …) number the article's enumerated items （一）（二）…;
# in the others the second number only counts the article's sentences or is always 1.
_ITEMISED = frozenset({5, 8, 9, 10})
_DIGITS = "零一二三四五六七八九"
_ARTICLE_ID = re.compile(r"R-(\d+)\.(\d+)(?:\s*\((\d+)\))?")


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 15 → 十五, 21 → 二十一 (the regulation has 17 articles)."""
    if n < 10:
        return _DIGITS[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else "")


def article_name(article: str, language: str = "zh_CN") -> str:
    """A requirement id as staff name it: R-5.6 → 第五条第（六）项, R-7.1 → 第七条,
    R-12.1 (1) → 第十二条第（一）项; in English Article 5 (6), Article 7, Article 12 (1).
    Every id inside a longer text is named so; text without an id comes back unchanged."""
    return _ARTICLE_ID.sub(lambda match: _name(match, language), article)


def _name(match: re.Match[str], language: str) -> str:
    number, second, item = int(match.group(1)), int(match.group(2)), match.group(3)
    part = int(item) if item else (second if number in _ITEMISED else None)
    if language.startswith("en"):
        return f"Article {number}" + (f" ({part})" if part else "")
    return f"第{chinese_number(number)}条" + (f"第（{chinese_number(part)}）项" if part else "")
