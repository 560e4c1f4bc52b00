"""Qt-free printed documents, drawn with ReportLab. Fonts in ``fonts``; one module per document.

The registry ``KINDS`` names every document the office prints. Each kind's ``build`` is

    build(out, items, context, progress=None) -> BuildReport

``out`` a file name or a binary file object; ``items`` a sequence of the kind's input class
(``documents.inputs``); ``context`` a ``DocumentContext``; ``progress(done, total)`` may raise
``Cancelled`` to stop. An item that cannot be drawn (a label without an address …) is listed in
``report.problems`` and the others are still drawn; nothing is ever dropped silently. A character
that no font has stops the whole build with ``UnprintableText`` naming the character and the
member, before anything is written (never a blank or a box on paper).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from desktop_app.documents.inputs import (
    AddressInput,
    ApplicationFormInput,
    CertificateInput,
    DocumentContext,
    DuesReceiptInput,
    FilingFormInput,
    HandoverFormInput,
    PlaqueOrderInput,
    WithdrawalNoticeInput,
)

Progress = Callable[[int, int], None]
Output = str | Path | IO[bytes]


@dataclass(frozen=True)
class Problem:
    """An item that was not drawn (or drawn incompletely, when ``drawn``), and why, in Chinese."""

    item: Any
    message: str
    drawn: bool = False

    @property
    def who(self) -> str:
        """The member (or applicant) the item is about, for the list of problems."""
        return describe_item(self.item)


@dataclass
class BuildReport:
    kind: str
    items: int = 0  # items given
    drawn: int = 0  # items on paper
    pages: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if not p.drawn]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.drawn]


def describe_item(item: Any) -> str:
    """“名称（编号）” of whatever an input is about."""
    name = ""
    for attr in ("member_name", "name", "payer"):
        name = getattr(item, attr, None) or ""
        if name:
            break
    number = getattr(item, "member_number", None)
    if name and number:
        return f"{name}（{number}）"
    return name or number or "（空白表）"


@dataclass(frozen=True)
class Kind:
    key: str  # the CLI's KIND, e.g. "plaque-order"
    title: str  # Chinese name, e.g. 牌匾订制单
    input_type: type | None  # None: the kind draws no items (the calibration page)
    module: str  # desktop_app.documents.<module>, defining build()
    article: str  # where the regulation asks for it
    formats: tuple[str, ...] = ("pdf",)
    blank_allowed: bool = False  # a blank form can be printed without any member
    needs_members: bool = True

    def build(
        self, out: Output, items: Sequence[Any], context: DocumentContext, progress: Progress | None = None
    ) -> BuildReport:
        module = importlib.import_module(f"desktop_app.documents.{self.module}")
        return module.build(out, items, context, progress)


KINDS: dict[str, Kind] = {
    kind.key: kind
    for kind in (
        Kind("certificate", "会员证", CertificateInput, "certificate", "R-5.6"),
        Kind("calibration", "会员证套打校准页", None, "certificate_calibration", "R-5.6", needs_members=False),
        Kind("plaque-order", "牌匾订制单", PlaqueOrderInput, "plaque_order", "R-5.6", formats=("pdf", "xlsx")),
        Kind(
            "handover-form",
            "会员单位联系资料交接通知单",
            HandoverFormInput,
            "handover_form",
            "R-8.4",
            blank_allowed=True,
        ),
        Kind("withdrawal-notice", "退会告知书", WithdrawalNoticeInput, "withdrawal_notice", "R-12.1"),
        Kind("dues-receipt", "会费收据", DuesReceiptInput, "dues_receipt", "R-8.5"),
        Kind("application-form", "入会申请表", ApplicationFormInput, "application_form", "R-5.1", blank_allowed=True),
        Kind("filing-form", "入会备案表", FilingFormInput, "filing_form", "R-5.1", blank_allowed=True),
        Kind("labels", "地址标签", AddressInput, "labels", "R-9.4"),
        Kind("envelopes", "信封", AddressInput, "envelopes", "R-9.4"),
    )
}


def kind(key: str) -> Kind:
    try:
        return KINDS[key]
    except KeyError:
        raise KeyError(f"unknown document kind {key!r}; known: {', '.join(KINDS)}") from None


__all__ = ["BuildReport", "KINDS", "Kind", "Problem", "Progress", "describe_item", "kind"]
