"""What the other office jobs do for the withdrawal procedures, in one place: the dues job cancels
a leaver's future bills (its arrears stay on record, R-14.1), the mailing job sends the notices as
a batch with proof of posting (R-12.1), the mentors job keeps the WeChat groups (R-8.1)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.models import Member
from desktop_app.core.models.mailing import ContentKind, MailingBatch, MailingRecipient, RecipientState
from desktop_app.core.security import Actor
from desktop_app.core.services import dues, mailing


def cancel_future_dues(session: Session, actor: Actor, member: Member, after: dt.date, reason: str) -> str:
    """Cancel the member's bills for dues years starting after ``after`` (R-14.1: its obligations
    end); what it owes up to then stays on record. Returns what was done, for the case's summary."""
    years = dues.cancel_future_dues(session, actor, member.id, after=after, reason=reason)
    if not years:
        return "会费：没有以后年度的会费账单需要取消（此前的欠费仍保留）"
    return f"会费：取消 {'、'.join(str(y) for y in years)} 年度会费账单（此前的欠费仍保留）"


def create_notice_batch(
    session: Session, actor: Actor, *, title: str, notices: dict[int, str], mailed_on: dt.date
) -> int:
    """One mailing batch for the notices (R-9.4, R-12.1): each member gets its own notice (the 文号 as
    the item's detail), an important item whose posting is proven in the batch. Returns its id."""
    content = mailing.ContentSpec(
        ContentKind.DOCUMENT,
        "退会告知书",
        important=True,
        per_recipient=True,
        member_ids=tuple(notices),
        details=dict(notices),
    )
    batch = mailing.create_batch(
        session, actor, title=title, contents=[content], member_ids=list(notices), mailed_on=mailed_on
    )
    return batch.id


@dataclass(frozen=True)
class Posting:
    """What the mailing batch knows of one member's notice."""

    batch_number: str
    state: str  # 待寄出 / 已寄出 / 已签收 / 被退回
    sent_on: dt.date | None
    tracking_number: str | None
    delivered_on: dt.date | None
    returned_on: dt.date | None
    return_reason: str | None

    @property
    def posted(self) -> bool:
        return self.sent_on is not None and self.returned_on is None

    def text(self) -> str:
        parts = [f"邮寄批次 {self.batch_number}：{self.state}"]
        if self.sent_on:
            parts.append(f"{self.sent_on} 寄出")
        if self.tracking_number:
            parts.append(f"单号 {self.tracking_number}")
        if self.delivered_on:
            parts.append(f"{self.delivered_on} 签收")
        if self.returned_on:
            parts.append(f"{self.returned_on} 被退回（{self.return_reason or '原因未记录'}）")
        return "，".join(parts)


STATE_LABELS = {
    RecipientState.PREPARED: "待寄出",
    RecipientState.SENT: "已寄出",
    RecipientState.DELIVERED: "已签收",
    RecipientState.RETURNED: "被退回",
}


def posting(session: Session, batch_id: int | None, member_id: int) -> Posting | None:
    """The proof of posting the mailing batch holds for the member's notice (None: no batch)."""
    if batch_id is None:
        return None
    row = session.execute(
        select(MailingRecipient, MailingBatch.number)
        .join(MailingBatch, MailingBatch.id == MailingRecipient.batch_id)
        .where(MailingRecipient.batch_id == batch_id, MailingRecipient.member_id == member_id)
    ).first()
    if row is None:
        return None
    recipient, number = row
    return Posting(
        number,
        STATE_LABELS.get(recipient.state, str(recipient.state)),
        recipient.sent_on,
        recipient.tracking_number,
        recipient.delivered_on,
        recipient.returned_on,
        recipient.return_reason,
    )


__all__ = ["Posting", "cancel_future_dues", "create_notice_batch", "posting"]
