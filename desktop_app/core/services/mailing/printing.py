"""Out of the printer (R-9.4): a batch's address labels and envelopes (the documents' builders,
from the frozen addresses), a packing list per envelope, and the courier manifest in Excel laid
out as the courier's bulk-order template (setting ``mailing.manifest_template``).

Recipients with a problem are left out of all four and listed; the rest are printed. Nothing is
written when nothing can be printed, and a file appears only whole (written beside its name and
renamed at the end). Every print run of the batch's personal data is in the audit log.

The caller hands in the ``DocumentContext`` (``services.documents.document_context``: the label
sheet, the envelope size, the fonts): the documents job sits above this one.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.models import (
    STATUS_LABELS,
    ContentKind,
    MailingBatch,
    MailingRecipient,
    Member,
    MemberStatus,
    Staff,
)
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services.mailing.common import contact_line, get_batch, pairs
from desktop_app.core.services.mailing.manifest import manifest_table
from desktop_app.core.services.mailing.tracking import reference
from desktop_app.core.services.mailing.views import envelope_lines
from desktop_app.core.settings import ASSOCIATION_ADDRESS, ASSOCIATION_NAME, ASSOCIATION_PHONE, get_setting
from desktop_app.documents import KINDS, BuildReport, Problem
from desktop_app.documents.inputs import AddressInput, DocumentContext
from desktop_app.errors import NothingPrinted, ValidationError
from desktop_app.messages import say
from desktop_app.records import MemberRef

Progress = Callable[[int, int], None]

# What a batch prints, with its file type and title.
OUTPUTS = {
    "labels": ("pdf", "地址标签"),
    "envelopes": ("pdf", "信封"),
    "packing-list": ("pdf", "装封清单"),
    "manifest": ("xlsx", "快递批量下单表"),
}


@dataclass
class BatchPrint:
    what: str
    path: Path
    drawn: int
    pages: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if not p.drawn]

    def summary(self) -> str:
        title = OUTPUTS[self.what][1]
        text = f"{title}：{self.drawn} 个收件会员" + (f"，共 {self.pages} 页" if self.pages else "")
        if self.skipped:
            text += f"；{len(self.skipped)} 个未列入（见问题列表）"
        warnings = len(self.problems) - len(self.skipped)
        if warnings:
            text += f"；{warnings} 项需要留意"
        return text + "。"


def _recipients(session: Session, batch_id: int, recipient_ids: Sequence[int] | None) -> list[MailingRecipient]:
    query = select(MailingRecipient).where(MailingRecipient.batch_id == batch_id).order_by(MailingRecipient.position)
    recipients = list(session.scalars(query))
    if recipient_ids is not None:
        wanted = set(recipient_ids)
        recipients = [r for r in recipients if r.id in wanted]
    return recipients


def _former(recipient: MailingRecipient) -> str | None:
    return STATUS_LABELS[recipient.member_status] if recipient.member_status != MemberStatus.ACTIVE else None


def address_of(recipient: MailingRecipient) -> AddressInput:
    return AddressInput(
        recipient.organisation,
        recipient.address,
        recipient.postcode,
        contact_line(recipient.contact_name, recipient.contact_position) or None,
        recipient.phone,
        recipient.member_number,
    )


def _write(out: Path, suffix: str, write: Callable[[str], Any]) -> Any:
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".partial-", suffix=suffix, dir=out.parent)
    os.close(handle)
    try:
        result = write(temp_name)
        os.replace(temp_name, out)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return result


def print_batch(
    session: Session,
    actor: Actor,
    batch_id: int,
    what: str,
    out: str | Path,
    context: DocumentContext,
    *,
    recipient_ids: Sequence[int] | None = None,
    include_sent: bool = True,
    progress: Progress | None = None,
) -> BatchPrint:
    """Print ``what`` (``OUTPUTS``: labels, envelopes, packing-list, manifest) for the batch's
    recipients (or ``recipient_ids`` of them) into ``out``. Recipients with a problem are left out
    and listed; withdrawn or cancelled ones are printed and marked. ``include_sent`` False leaves
    out envelopes already sent (printing the rest after a first run)."""
    require(actor, Permission.MANAGE_MAILING)
    if what not in OUTPUTS:
        raise ValidationError({"what": say("mailing.unknown_print_content", what=what, join=list(OUTPUTS))})
    suffix, title = OUTPUTS[what]
    out = Path(out)
    if out.suffix.lower() != f".{suffix}":
        raise ValidationError({"out": say("mailing.bad_output_suffix", title=title, suffix=suffix)})
    batch = get_batch(session, batch_id)
    recipients = _recipients(session, batch_id, recipient_ids)
    if not include_sent:
        recipients = [r for r in recipients if r.sent_on is None]
    if not recipients:
        raise ValidationError({"recipients": say("mailing.nothing_to_print")})
    problems: list[Problem] = []
    printable = []
    for recipient in recipients:
        if recipient.problem:
            problems.append(Problem(MemberRef(recipient.organisation, recipient.member_number), recipient.problem))
            continue
        printable.append(recipient)
        former = _former(recipient)
        if former:
            problems.append(
                Problem(
                    MemberRef(recipient.organisation, recipient.member_number), f"{former}（按要求列入）", drawn=True
                )
            )
    if not printable:
        raise NothingPrinted(problems, title)
    report: BuildReport
    if what in ("labels", "envelopes"):
        items = [address_of(r) for r in printable]
        report = _write(out, ".pdf", lambda name: KINDS[what].build(name, items, context, progress))
        drawn, pages = report.drawn, report.pages
        problems += report.problems
    elif what == "packing-list":
        from desktop_app.documents import packing_list

        slips = packing_slips(session, batch, printable)
        report = _write(out, ".pdf", lambda name: packing_list.build(name, slips, context, progress))
        drawn, pages = report.drawn, report.pages
        problems += report.problems
    else:
        from desktop_app.spreadsheets.courier import write_manifest

        table = manifest_table(session, batch, printable, envelope_lines(session, [r.id for r in printable]))
        _write(out, ".xlsx", lambda name: write_manifest(table, name))
        drawn, pages = len(table.rows), 0
        if progress is not None:
            progress(len(printable), len(printable))
    if drawn == 0:
        raise NothingPrinted(problems, title)
    # issue 10: every output of personal data is in the audit log (who, what, how many)
    audit.record(
        session,
        actor,
        "print",
        "mailing_batch",
        batch.id,
        say("mailing.history.printed", number=batch.number, title=title, upper=suffix.upper(), drawn=drawn),
        after={
            "what": what,
            "format": suffix,
            "recipients": drawn,
            "left_out": len([p for p in problems if not p.drawn]),
        },
    )
    return BatchPrint(what, out, drawn, pages, problems)


def packing_slips(session: Session, batch: MailingBatch, recipients: list[MailingRecipient]) -> list[Any]:
    from desktop_app.documents.packing_list import PackingLine, PackingListInput

    lines = envelope_lines(session, [r.id for r in recipients])
    mentors = _mentors(session, [r.member_id for r in recipients])
    slips = []
    for recipient in recipients:
        envelope = []
        for content, line in lines.get(recipient.id, []):
            name = content.title
            detail = line.detail
            if content.kind in (ContentKind.RECEIPT, ContentKind.INVOICE) and line.detail:
                name, detail = line.detail, None
            envelope.append(PackingLine(name, line.copies, detail, content.important))
        slips.append(
            PackingListInput(
                member_name=recipient.organisation,
                batch_number=batch.number,
                batch_title=batch.title,
                mailed_on=batch.mailed_on,
                reference=reference(batch.number, recipient.position),
                lines=tuple(envelope),
                member_number=recipient.member_number,
                contact=contact_line(recipient.contact_name, recipient.contact_position) or None,
                phone=recipient.phone,
                address=recipient.address,
                postcode=recipient.postcode,
                mentor_name=mentors.get(recipient.member_id),
                note=_former(recipient),
            )
        )
    return slips


def _mentors(session: Session, member_ids: list[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for start in range(0, len(member_ids), 900):
        chunk = member_ids[start : start + 900]
        out.update(
            pairs(
                session.execute(
                    select(Member.id, Staff.full_name)
                    .join(Staff, Staff.id == Member.mentor_id)
                    .where(Member.id.in_(chunk))
                )
            )
        )
    return out


def default_file_name(batch: MailingBatch, what: str) -> str:
    suffix, title = OUTPUTS[what]
    safe_title = re.sub(r'[\\/:*?"<>|]+', "", batch.title)[:40]
    return f"{batch.number}-{safe_title}-{title}.{suffix}"


def sender(session: Session) -> dict[str, str]:
    """The association as the manifest's sender (the office's settings)."""
    return {
        "company": get_setting(session, ASSOCIATION_NAME),
        "address": get_setting(session, ASSOCIATION_ADDRESS),
        "phone": get_setting(session, ASSOCIATION_PHONE),
    }
