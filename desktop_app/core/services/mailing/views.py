"""What the window and the command line show of the batches: each batch with its state and what
is still missing, its recipients with their contents, photos and notification, filtered
(problems, no photo, not notified, returned …), and a member's mailing history (R-9.4, R-8.4)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop_app.core.models import (
    CONTENT_KIND_LABELS,
    ContactChoice,
    ContentKind,
    MailingBatch,
    MailingContent,
    MailingProof,
    MailingRecipient,
    MailingRecipientContent,
    Member,
    MemberStatus,
    RecipientState,
)
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services.mailing.common import contact_line, get_batch, pairs
from desktop_app.core.services.mailing.tracking import reference

# The recipients' list filters, in the order the window offers them.
VIEWS = {
    "all": "全部",
    "problems": "有问题",
    "prepared": "待寄出",
    "sent": "已寄出未签收",
    "delivered": "已签收",
    "returned": "被退回",
    "no_photo": "缺照片",
    "not_notified": "未告知联络员",
    "former": "已退会或已取消资格",
}


@dataclass(frozen=True)
class BatchRow:
    id: int
    number: str
    title: str
    mailed_on: dt.date
    contents: str
    recipients: int
    problems: int
    prepared: int
    sent: int
    delivered: int
    returned: int
    need_proof: int  # envelopes with important contents
    missing_photo: int
    not_notified: int
    created_by: str

    @property
    def state(self) -> str:
        """准备中 → 部分寄出 → 已寄出 → 已完成 (every envelope delivered or returned)."""
        mailable = self.recipients - self.problems
        out = self.sent + self.delivered + self.returned
        if self.recipients == 0:
            return "没有收件会员"
        if out == 0:
            return "准备中"
        if self.prepared - self.problems > 0:
            return "部分寄出"
        if self.sent == 0 and out >= mailable:
            return "已完成"
        return "已寄出"

    @property
    def missing(self) -> str:
        """What is still to do, in a few words."""
        parts = []
        if self.problems:
            parts.append(f"{self.problems} 个地址有问题")
        if self.missing_photo:
            parts.append(f"{self.missing_photo} 个缺照片")
        if self.not_notified:
            parts.append(f"{self.not_notified} 个未告知")
        if self.returned:
            parts.append(f"{self.returned} 个被退回")
        return "，".join(parts)


def _contents_of(session: Session, batch_ids: list[int]) -> dict[int, list[MailingContent]]:
    out: dict[int, list[MailingContent]] = defaultdict(list)
    if batch_ids:
        for content in session.scalars(
            select(MailingContent)
            .where(MailingContent.batch_id.in_(batch_ids))
            .order_by(MailingContent.batch_id, MailingContent.position)
        ):
            out[content.batch_id].append(content)
    return out


def _important_recipients(session: Session, batch_ids: list[int]) -> Any:
    """Recipient ids (with their batch) whose envelope carries an important content."""
    return (
        select(MailingRecipient.id, MailingRecipient.batch_id)
        .join(MailingRecipientContent, MailingRecipientContent.recipient_id == MailingRecipient.id)
        .join(MailingContent, MailingContent.id == MailingRecipientContent.content_id)
        .where(MailingContent.important.is_(True), MailingRecipient.batch_id.in_(batch_ids))
        .distinct()
    )


def batch_list(session: Session, actor: Actor, *, year: int | None = None) -> list[BatchRow]:
    """Every batch, newest first, with its counts (one query for the counts, one for the proof)."""
    require(actor, Permission.VIEW_MAILING)
    query = select(MailingBatch).order_by(MailingBatch.mailed_on.desc(), MailingBatch.id.desc())
    if year is not None:
        query = query.where(
            MailingBatch.mailed_on >= dt.date(year, 1, 1), MailingBatch.mailed_on <= dt.date(year, 12, 31)
        )
    batches = list(session.scalars(query))
    ids = [b.id for b in batches]
    if not ids:
        return []
    state = MailingRecipient.state
    counts = {
        row[0]: row[1:]
        for row in session.execute(
            select(
                MailingRecipient.batch_id,
                func.count(MailingRecipient.id),
                func.count(MailingRecipient.problem),
                func.sum(case((state == RecipientState.PREPARED, 1), else_=0)),
                func.sum(case((state == RecipientState.SENT, 1), else_=0)),
                func.sum(case((state == RecipientState.DELIVERED, 1), else_=0)),
                func.sum(case((state == RecipientState.RETURNED, 1), else_=0)),
            )
            .where(MailingRecipient.batch_id.in_(ids))
            .group_by(MailingRecipient.batch_id)
        )
    }
    important = _important_recipients(session, ids).subquery()
    photos = select(MailingProof.recipient_id).distinct().subquery()
    proof_counts = {
        row[0]: row[1:]
        for row in session.execute(
            select(
                important.c.batch_id,
                func.count(important.c.id),
                func.sum(case((photos.c.recipient_id.is_(None), 1), else_=0)),
                func.sum(case((MailingRecipient.notified_at.is_(None), 1), else_=0)),
            )
            .select_from(important)
            .join(MailingRecipient, MailingRecipient.id == important.c.id)
            .outerjoin(photos, photos.c.recipient_id == important.c.id)
            .where(MailingRecipient.problem.is_(None))
            .group_by(important.c.batch_id)
        )
    }
    contents = _contents_of(session, ids)
    rows = []
    for batch in batches:
        total, problems, prepared, sent, delivered, returned = counts.get(batch.id, (0, 0, 0, 0, 0, 0))
        need, no_photo, not_told = proof_counts.get(batch.id, (0, 0, 0))
        rows.append(
            BatchRow(
                batch.id,
                batch.number,
                batch.title,
                batch.mailed_on,
                "、".join(c.title for c in contents[batch.id]),
                int(total or 0),
                int(problems or 0),
                int(prepared or 0),
                int(sent or 0),
                int(delivered or 0),
                int(returned or 0),
                int(need or 0),
                int(no_photo or 0),
                int(not_told or 0),
                batch.created_by_name,
            )
        )
    return rows


@dataclass(frozen=True)
class RecipientRow:
    id: int
    position: int
    reference: str
    member_id: int
    member_number: str
    member_status: MemberStatus
    organisation: str
    contact: str
    contact_choice: ContactChoice
    phone: str | None
    address: str | None
    postcode: str | None
    problem: str | None
    state: RecipientState
    sent_on: dt.date | None
    tracking_number: str | None
    delivered_on: dt.date | None
    returned_on: dt.date | None
    return_reason: str | None
    contents: str
    copies: int
    important: bool
    photos: int
    notified_at: dt.datetime | None
    notified_by: str | None
    mentor_id: int | None

    @property
    def missing_photo(self) -> bool:
        return self.important and not self.problem and self.photos == 0

    @property
    def not_notified(self) -> bool:
        return self.important and not self.problem and self.notified_at is None

    @property
    def former(self) -> bool:
        return self.member_status != MemberStatus.ACTIVE


def _matches(row: RecipientRow, view: str) -> bool:
    if view == "problems":
        return bool(row.problem)
    if view in ("prepared", "sent", "delivered", "returned"):
        return row.state == RecipientState(view) and not (view == "prepared" and row.problem)
    if view == "no_photo":
        return row.missing_photo
    if view == "not_notified":
        return row.not_notified
    if view == "former":
        return row.former
    return True


def contents_text(lines: list[tuple[MailingContent, MailingRecipientContent]]) -> str:
    """``会刊×2；荣誉证书；会费收据 WJXS202600012`` — what one envelope holds."""
    parts = []
    for content, line in lines:
        name = (
            content.title
            if content.kind in (ContentKind.JOURNAL, ContentKind.DOCUMENT, ContentKind.CERTIFICATE)
            else ""
        )
        name = name or CONTENT_KIND_LABELS[content.kind]
        if line.detail:
            name = (
                line.detail
                if content.kind in (ContentKind.RECEIPT, ContentKind.INVOICE)
                else f"{name}（{line.detail}）"
            )
        parts.append(f"{name}×{line.copies}" if line.copies > 1 else name)
    return "；".join(parts)


def envelope_lines(
    session: Session, recipient_ids: list[int]
) -> dict[int, list[tuple[MailingContent, MailingRecipientContent]]]:
    out: dict[int, list[tuple[MailingContent, MailingRecipientContent]]] = defaultdict(list)
    for start in range(0, len(recipient_ids), 900):
        chunk = recipient_ids[start : start + 900]
        for line, content in session.execute(
            select(MailingRecipientContent, MailingContent)
            .join(MailingContent, MailingContent.id == MailingRecipientContent.content_id)
            .where(MailingRecipientContent.recipient_id.in_(chunk))
            .order_by(MailingContent.position, MailingRecipientContent.id)
        ):
            out[line.recipient_id].append((content, line))
    return out


def recipient_rows(
    session: Session,
    actor: Actor,
    batch_id: int,
    *,
    view: str = "all",
    text: str = "",
    mine: bool = False,
) -> list[RecipientRow]:
    """The batch's recipients in label order, through ``view`` (see ``VIEWS``), a search text
    (organisation, member number, contact, phone, tracking number) and, with ``mine``, only the
    signed-in mentor's members."""
    require(actor, Permission.VIEW_MAILING)
    batch = get_batch(session, batch_id)
    if view not in VIEWS:
        raise ValueError(view)
    query = (
        select(MailingRecipient, Member.mentor_id)
        .join(Member, Member.id == MailingRecipient.member_id)
        .where(MailingRecipient.batch_id == batch_id)
        .order_by(MailingRecipient.position)
    )
    if mine:
        query = query.where(Member.mentor_id == actor.id)
    found = list(session.execute(query))
    ids = [r.id for r, _m in found]
    lines = envelope_lines(session, ids)
    photos: dict[int, int] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        photos.update(
            pairs(
                session.execute(
                    select(MailingProof.recipient_id, func.count(MailingProof.id))
                    .where(MailingProof.recipient_id.in_(chunk))
                    .group_by(MailingProof.recipient_id)
                )
            )
        )
    needle = text.strip().lower()
    rows = []
    for recipient, mentor_id in found:
        envelope = lines.get(recipient.id, [])
        row = RecipientRow(
            recipient.id,
            recipient.position,
            reference(batch.number, recipient.position),
            recipient.member_id,
            recipient.member_number,
            recipient.member_status,
            recipient.organisation,
            contact_line(recipient.contact_name, recipient.contact_position),
            recipient.contact_choice,
            recipient.phone,
            recipient.address,
            recipient.postcode,
            recipient.problem,
            recipient.state,
            recipient.sent_on,
            recipient.tracking_number,
            recipient.delivered_on,
            recipient.returned_on,
            recipient.return_reason,
            contents_text(envelope),
            sum(line.copies for _c, line in envelope),
            any(content.important for content, _l in envelope),
            photos.get(recipient.id, 0),
            recipient.notified_at,
            recipient.notified_by_name,
            mentor_id,
        )
        if not _matches(row, view):
            continue
        if needle and not any(
            needle in (value or "").lower()
            for value in (
                row.organisation,
                row.member_number,
                row.contact,
                row.phone,
                row.tracking_number,
                row.reference,
            )
        ):
            continue
        rows.append(row)
    return rows


def next_journal_issue(session: Session) -> int:
    """This year's next journal issue, as a suggestion: one more than the batches carrying the
    journal that go out this year."""
    from desktop_app.core.db import clock_of

    year = clock_of(session).today().year
    count = session.scalar(
        select(func.count(func.distinct(MailingBatch.id)))
        .join(MailingContent, MailingContent.batch_id == MailingBatch.id)
        .where(
            MailingContent.kind == ContentKind.JOURNAL,
            MailingBatch.mailed_on >= dt.date(year, 1, 1),
            MailingBatch.mailed_on <= dt.date(year, 12, 31),
        )
    )
    return (count or 0) + 1


def batch_recipients(session: Session, batch_id: int) -> list[MailingRecipient]:
    """The batch's recipients as records, in label order (for the other jobs and the demo)."""
    return list(
        session.scalars(
            select(MailingRecipient).where(MailingRecipient.batch_id == batch_id).order_by(MailingRecipient.position)
        )
    )


def batch_contents(session: Session, batch_id: int) -> list[MailingContent]:
    return list(
        session.scalars(
            select(MailingContent).where(MailingContent.batch_id == batch_id).order_by(MailingContent.position)
        )
    )


# --- a member's mailing history (the register's member view embeds it as a tab) ------------------


@dataclass(frozen=True)
class HistoryRow:
    batch_id: int
    batch_number: str
    title: str
    mailed_on: dt.date
    contents: str
    addressed_to: str  # 张丽（办公室主任） 13871234567
    address: str
    state: RecipientState
    sent_on: dt.date | None
    tracking_number: str | None
    outcome: str  # 已签收 2026-11-20 / 被退回 2026-11-22（查无此人）/ 待寄出：没有通讯地址
    photos: int
    notified_at: dt.datetime | None


def mailing_history(session: Session, member_id: int) -> list[HistoryRow]:
    """What was mailed to the member, when, to whom, at which address, and what happened —
    newest first. Everyone who may see the register may see this."""
    found = list(
        session.execute(
            select(MailingRecipient, MailingBatch)
            .join(MailingBatch, MailingBatch.id == MailingRecipient.batch_id)
            .where(MailingRecipient.member_id == member_id)
            .order_by(MailingBatch.mailed_on.desc(), MailingBatch.id.desc())
        )
    )
    ids = [r.id for r, _b in found]
    lines = envelope_lines(session, ids)
    photos = pairs(
        session.execute(
            select(MailingProof.recipient_id, func.count(MailingProof.id))
            .where(MailingProof.recipient_id.in_(ids or [0]))
            .group_by(MailingProof.recipient_id)
        )
    )
    rows = []
    for recipient, batch in found:
        if recipient.state == RecipientState.DELIVERED:
            outcome = f"已签收 {recipient.delivered_on or ''}".strip()
        elif recipient.state == RecipientState.RETURNED:
            outcome = f"被退回 {recipient.returned_on or ''}（{recipient.return_reason or '未说明原因'}）"
        elif recipient.state == RecipientState.SENT:
            outcome = f"已寄出 {recipient.sent_on or ''}".strip()
        else:
            outcome = "待寄出" + (f"：{recipient.problem}" if recipient.problem else "")
        person = contact_line(recipient.contact_name, recipient.contact_position)
        rows.append(
            HistoryRow(
                batch.id,
                batch.number,
                batch.title,
                batch.mailed_on,
                contents_text(lines.get(recipient.id, [])),
                " ".join(p for p in (person, recipient.phone or "") if p),
                " ".join(p for p in (recipient.postcode or "", recipient.address or "") if p),
                recipient.state,
                recipient.sent_on,
                recipient.tracking_number,
                outcome,
                photos.get(recipient.id, 0),
                recipient.notified_at,
            )
        )
    return rows
