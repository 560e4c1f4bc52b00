"""Plain value types that the layers hand each other: no Qt, no SQL, no ReportLab, no openpyxl.

The services build them; the printed documents (``documents/``), the workbooks
(``spreadsheets/``) and the window read them. Everything may import this module; it imports
nothing of the program.
"""

from __future__ import annotations

import datetime as dt
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
