"""One ``generate`` for the window and the command line: members → each kind's inputs (each office
job owns its kind's input source, ``SOURCES``) → the builders → one file, written only when the
whole run succeeded. A member whose data cannot make its document (no certificate number, no
address …) becomes a listed problem and the rest are still printed; a run in which nothing can be
printed writes nothing (``NothingPrinted``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import Member, MemberStatus, PrintJob, PrintKind
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services import dues, mailing, mentors, withdrawal
from desktop_app.core.services.admission import printing as admission_printing
from desktop_app.core.services.admission.steps import get_application
from desktop_app.core.services.documents.context import document_context
from desktop_app.core.services.documents.kinds import KIND_PERMISSIONS, LABEL_SHEET_SETTING, check_options, get_kind
from desktop_app.documents import KINDS, BuildReport, Problem
from desktop_app.errors import NotFound, NothingPrinted, ValidationError
from desktop_app.messages import say

Progress = Callable[[int, int], None]
# (session, actor, members, checked options, problems found, receipt numbers issued) -> inputs
Source = Callable[[Session, Actor, list[Member], dict[str, Any], list[Problem], list[str]], list[Any]]

# Each kind's inputs come from the office job it belongs to.
SOURCES: dict[str, Source] = {
    "certificate": admission_printing.certificate_items,
    "plaque-order": admission_printing.plaque_items,
    "application-form": admission_printing.application_form_items,
    "filing-form": admission_printing.filing_form_items,
    "handover-form": mentors.handover_items,
    "withdrawal-notice": withdrawal.notice_items,
    "dues-receipt": dues.receipt_items,
    "labels": mailing.address_items,
    "envelopes": mailing.address_items,
}


def select_members(
    session: Session, *, member_ids: Sequence[int] = (), member_numbers: Sequence[str] = (), all_active: bool = False
) -> list[Member]:
    """The members to print for, in the order given (all active ones by member number)."""
    chosen: dict[int, Member] = {}
    if all_active:
        query = select(Member).where(Member.status == MemberStatus.ACTIVE).order_by(Member.member_number)
        chosen.update((m.id, m) for m in session.scalars(query))
    if member_ids:
        found = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_(list(member_ids))))}
        missing = [str(i) for i in member_ids if i not in found]
        if missing:
            raise NotFound(say("mentors.members_not_found", join=list(missing)))
        for member_id in member_ids:
            chosen.setdefault(member_id, found[member_id])
    if member_numbers:
        wanted = [n.strip().upper() for n in member_numbers if n.strip()]
        found_numbers = {
            m.member_number: m for m in session.scalars(select(Member).where(Member.member_number.in_(wanted)))
        }
        missing = [n for n in wanted if n not in found_numbers]
        if missing:
            raise NotFound(say("documents.unknown_member_numbers", join=list(missing)))
        for number in wanted:
            member = found_numbers[number]
            chosen.setdefault(member.id, member)
    return list(chosen.values())


@dataclass
class Generated:
    """What ``generate`` made: the report of the drawing plus the service's own problems."""

    kind: str
    path: Path
    report: BuildReport
    problems: list[Problem] = field(default_factory=list)
    issued_numbers: list[str] = field(default_factory=list)  # receipt numbers handed out

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if not p.drawn]

    def summary(self) -> str:
        title = KINDS[self.kind].title
        text = f"{title}：已生成 {self.report.drawn} 份，共 {self.report.pages} 页"
        if self.skipped:
            text += f"；{len(self.skipped)} 项未能生成"
        warnings = len(self.problems) - len(self.skipped)
        if warnings:
            text += f"；{warnings} 项需要留意"
        return text + "。"


def generate(
    session: Session,
    actor: Actor,
    kind: str,
    out: str | Path,
    *,
    member_ids: Sequence[int] = (),
    member_numbers: Sequence[str] = (),
    all_active: bool = False,
    options: dict[str, Any] | None = None,
    certificate_offset_mm: tuple[float, float] = (0.0, 0.0),
    certificate_background: bool = False,
    progress: Progress | None = None,
) -> Generated:
    """Make ``kind`` for the chosen members into ``out`` (.pdf, or .xlsx for the plaque order).

    The file appears only when the whole run succeeded: a cancelled run (``progress`` raising
    ``Cancelled``) or a character no font has leaves no file, and the caller's transaction is
    rolled back so no receipt number is used up.
    """
    spec = get_kind(kind)
    require(actor, KIND_PERMISSIONS[kind])
    out = Path(out)
    fmt = out.suffix.lower().lstrip(".") or "pdf"
    if fmt not in spec.formats:
        raise ValidationError(
            {"out": say("documents.bad_output_suffix", title=spec.title, upper=[f.upper() for f in spec.formats])}
        )
    checked = check_options(session, kind, options)
    members = select_members(session, member_ids=member_ids, member_numbers=member_numbers, all_active=all_active)
    if spec.needs_members and not members and not spec.blank_allowed:
        raise ValidationError({"members": say("documents.choose_members")})
    context = document_context(
        session,
        certificate_offset_mm=certificate_offset_mm,
        certificate_background=certificate_background,
        label_sheet_choice=checked.get("sheet", LABEL_SHEET_SETTING),
        label_skip=checked.get("skip", 0),
        envelope_size=checked.get("size") if kind == "envelopes" else None,
        plaque_vendor=checked.get("vendor") if kind == "plaque-order" else None,
    )
    problems: list[Problem] = []
    issued: list[str] = []
    source = SOURCES.get(kind)
    items = source(session, actor, members, checked, problems, issued) if source is not None else []
    if members and not items:
        raise NothingPrinted(problems, spec.title)  # rolls back: no receipt number is used up
    out.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed at the end: never half a file under the real name.
    handle, temp_name = tempfile.mkstemp(prefix=".partial-", suffix=out.suffix, dir=out.parent)
    os.close(handle)
    try:
        if fmt == "xlsx":
            from desktop_app.documents.plaque_order import order_table
            from desktop_app.spreadsheets.tables import write_table_xlsx

            table, report = order_table(items, context, progress)
            write_table_xlsx(table, temp_name)
        else:
            report = spec.build(temp_name, items, context, progress)
        if members and report.drawn == 0:
            raise NothingPrinted(problems + report.problems, spec.title)
        os.replace(temp_name, out)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    # issue 10: every output of personal data is in the audit log (who, what, how many)
    audit.record(
        session,
        actor,
        "print",
        "document",
        None,
        say("documents.history.generated", title=spec.title, upper=fmt.upper(), drawn=report.drawn, count=len(members)),
        after={"kind": kind, "format": fmt, "members": len(members), "drawn": report.drawn},
    )
    return Generated(kind, out, report, problems + report.problems, issued)


# --- admission's print runs ---------------------------------------------------------------------


def print_form(session: Session, actor: Actor, application_id: int, kind: str, out: Any) -> BuildReport:
    """Draw the application form or the filing form of one application into ``out`` (a PDF).
    Printing is not a write; it needs the forms permission."""
    if kind not in admission_printing.FORM_KINDS:
        raise ValueError(kind)
    require(actor, KIND_PERMISSIONS[kind])
    application = get_application(session, application_id)
    item = (
        admission_printing.application_form_input(session, application)
        if kind == "application-form"
        else admission_printing.filing_form_input(session, application)
    )
    return KINDS[kind].build(out, [item], document_context(session))


@dataclass(frozen=True)
class QueuedPrint:
    """One drawn document of the print queue: what to print, and what to show in the preview
    (the certificate's preview carries the stock's design, which is never printed)."""

    generated: Generated
    preview_path: Path

    @property
    def print_path(self) -> Path:
        return self.generated.path


def print_queued(
    session: Session,
    actor: Actor,
    job_ids: Iterable[int],
    folder: Any,
    *,
    certificate_offset_mm: tuple[float, float] = (0.0, 0.0),
    progress: Any = None,
) -> list[QueuedPrint]:
    """Draw the chosen queued jobs: one certificate PDF and one plaque order PDF for all of them,
    through the documents service (the same builders, checks and audit as the Documents area).

    The jobs stay queued until ``mark_printed``: only the person at the printer knows the paper
    came out right."""
    require(actor, Permission.PRINT_CERTIFICATES)
    jobs = list(session.scalars(select(PrintJob).where(PrintJob.id.in_(list(job_ids))).order_by(PrintJob.id)))
    folder = Path(folder)
    stamp = clock_of(session).now().strftime("%Y%m%d-%H%M%S")
    results = []
    for kind, key, title in (
        (PrintKind.CERTIFICATE, "certificate", "会员证"),
        (PrintKind.PLAQUE_ORDER, "plaque-order", "牌匾订制单"),
    ):
        member_ids = list(dict.fromkeys(job.member_id for job in jobs if job.kind == kind))
        if not member_ids:
            continue
        generated = generate(
            session,
            actor,
            key,
            folder / f"{title}-{stamp}.pdf",
            member_ids=member_ids,
            certificate_offset_mm=certificate_offset_mm,
            progress=progress,
        )
        preview = generated.path
        if kind == PrintKind.CERTIFICATE:
            preview = generate(
                session,
                actor,
                key,
                folder / f"{title}-{stamp}-预览.pdf",
                member_ids=member_ids,
                certificate_offset_mm=certificate_offset_mm,
                certificate_background=True,
            ).path
        results.append(QueuedPrint(generated, preview))
    return results
