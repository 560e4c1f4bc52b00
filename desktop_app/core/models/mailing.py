"""Mailing (R-8.4, R-9.4): batches of journals, documents, receipts and certificates, their
recipients with the address each used, tracking and proof of posting (issue 14).

- ``MailingBatch``: one mailing (a journal issue with whatever goes with it), numbered.
- ``MailingContent``: what the batch carries, in order (the journal, named documents, receipts,
  invoices, honour certificates). ``per_recipient`` contents go only to the recipients they are
  given to (a member's own receipt, an awarded member's certificate).
- ``MailingRecipient``: one member in one batch, with the address, postcode and contact it was
  mailed to *frozen* at the time (a later change of the member rewrites nothing that was mailed),
  what stopped it (``problem``: no address, no contact …), and what happened: prepared, sent with
  its tracking number, delivered or returned; when the liaison was told to look out for it.
- ``MailingRecipientContent``: what goes in that envelope, how many of each, which receipt.
- ``MailingProof``: the mentor's photos of what was mailed (R-8.4), checked by opening them.
- ``MailingPreference``: the contact each mentor set for its member (R-9.4): the liaison by
  default, the principal, the legal representative, or another person and address; how many
  copies of the journal; and whether the address is in doubt because mail came back.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.core.models.base import Base, str_enum
from desktop_app.core.models.member import MemberStatus


class ContentKind(str, enum.Enum):
    JOURNAL = "journal"  # 会刊
    DOCUMENT = "document"  # a named document (通知、文件)
    RECEIPT = "receipt"  # 会费收据
    INVOICE = "invoice"  # 发票 / 社会团体会费统一票据
    CERTIFICATE = "certificate"  # 荣誉证书

    @property
    def label(self) -> str:
        return CONTENT_KIND_LABELS[self]


CONTENT_KIND_LABELS = {
    ContentKind.JOURNAL: "会刊",
    ContentKind.DOCUMENT: "文件",
    ContentKind.RECEIPT: "会费收据",
    ContentKind.INVOICE: "发票（会费票据）",
    ContentKind.CERTIFICATE: "荣誉证书",
}


class RecipientState(str, enum.Enum):
    PREPARED = "prepared"
    SENT = "sent"
    DELIVERED = "delivered"
    RETURNED = "returned"

    @property
    def label(self) -> str:
        return RECIPIENT_STATE_LABELS[self]


RECIPIENT_STATE_LABELS = {
    RecipientState.PREPARED: "待寄出",
    RecipientState.SENT: "已寄出",
    RecipientState.DELIVERED: "已签收",
    RecipientState.RETURNED: "被退回",
}


class ContactChoice(str, enum.Enum):
    """Whom a member's post goes to (R-9.4: the contact its mentor set)."""

    LIAISON = "liaison"
    PRINCIPAL = "principal"
    LEGAL_REPRESENTATIVE = "legal_representative"
    OTHER = "other"  # a person and address given for mailing only

    @property
    def label(self) -> str:
        return CONTACT_CHOICE_LABELS[self]


CONTACT_CHOICE_LABELS = {
    ContactChoice.LIAISON: "联络员",
    ContactChoice.PRINCIPAL: "主要负责人",
    ContactChoice.LEGAL_REPRESENTATIVE: "法定代表人",
    ContactChoice.OTHER: "另行指定",
}


class MailingBatch(Base):
    __tablename__ = "mailing_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    mailed_on: Mapped[dt.date] = mapped_column(Date, index=True)  # the day it goes (or went) out
    note: Mapped[str | None] = mapped_column(Text)
    # How the recipients were chosen (filter, hand-picked) and who was left out and why: shown in
    # the batch, so nobody is dropped silently.
    selection: Mapped[dict[str, Any]] = mapped_column(default=dict)
    include_former: Mapped[bool] = mapped_column(default=False)  # withdrawn and cancelled members too
    created_at: Mapped[dt.datetime]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_by_name: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[dt.datetime]


class MailingContent(Base):
    __tablename__ = "mailing_content"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("mailing_batch.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[ContentKind] = mapped_column(str_enum(ContentKind))
    title: Mapped[str] = mapped_column(String(200))
    important: Mapped[bool] = mapped_column(default=False)  # photographed, liaison told
    per_recipient: Mapped[bool] = mapped_column(default=False)  # only to the recipients given it


class MailingRecipient(Base):
    __tablename__ = "mailing_recipient"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("mailing_batch.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)  # the order of the labels and the manifest
    # Frozen when the recipient was added (or its address re-read before sending).
    member_number: Mapped[str] = mapped_column(String(32))
    member_status: Mapped[MemberStatus] = mapped_column(str_enum(MemberStatus))
    organisation: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    postcode: Mapped[str | None] = mapped_column(String(10))
    contact_choice: Mapped[ContactChoice] = mapped_column(str_enum(ContactChoice))
    contact_name: Mapped[str | None] = mapped_column(String(64))
    contact_position: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(24))
    problem: Mapped[str | None] = mapped_column(String(300))  # why it cannot be mailed as it is
    frozen_at: Mapped[dt.datetime]
    # What happened.
    state: Mapped[RecipientState] = mapped_column(str_enum(RecipientState), default=RecipientState.PREPARED)
    sent_on: Mapped[dt.date | None] = mapped_column(Date)
    tracking_number: Mapped[str | None] = mapped_column(String(40), index=True)
    delivered_on: Mapped[dt.date | None] = mapped_column(Date)
    returned_on: Mapped[dt.date | None] = mapped_column(Date)
    return_reason: Mapped[str | None] = mapped_column(String(300))
    # the mentor told the liaison to look out for it.
    notified_at: Mapped[dt.datetime | None]
    notified_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    notified_by_name: Mapped[str | None] = mapped_column(String(64))
    notify_note: Mapped[str | None] = mapped_column(String(300))
    updated_at: Mapped[dt.datetime]

    __table_args__ = (
        UniqueConstraint("batch_id", "member_id", name="uq_mailing_recipient_batch_member"),
        Index("ix_mailing_recipient_batch_position", "batch_id", "position"),
    )


class MailingRecipientContent(Base):
    __tablename__ = "mailing_recipient_content"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("mailing_recipient.id", ondelete="CASCADE"), index=True)
    content_id: Mapped[int] = mapped_column(ForeignKey("mailing_content.id", ondelete="CASCADE"), index=True)
    copies: Mapped[int] = mapped_column(default=1)
    detail: Mapped[str | None] = mapped_column(String(120))  # a receipt's or certificate's number
    dues_receipt_id: Mapped[int | None] = mapped_column(ForeignKey("dues_receipt.id"), index=True)


class MailingProof(Base):
    """A photo (or scan) of what went into one envelope (R-8.4), stored in the database so every
    workstation sees it; checked by opening it before it is kept."""

    __tablename__ = "mailing_proof"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("mailing_recipient.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    uploaded_at: Mapped[dt.datetime]
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    uploaded_by_name: Mapped[str] = mapped_column(String(64))


class MailingPreference(Base):
    """A member's mailing contact as its mentor (or the office) set it (R-9.4), and the doubt
    about its address after mail came back (cleared by confirming or changing the address)."""

    __tablename__ = "mailing_preference"

    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), primary_key=True)
    contact: Mapped[ContactChoice] = mapped_column(str_enum(ContactChoice), default=ContactChoice.LIAISON)
    name: Mapped[str | None] = mapped_column(String(64))  # for ContactChoice.OTHER
    position: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(24))
    address: Mapped[str | None] = mapped_column(String(300))  # an address for post only (any contact)
    postcode: Mapped[str | None] = mapped_column(String(10))
    copies: Mapped[int] = mapped_column(default=1)  # copies of the journal
    note: Mapped[str | None] = mapped_column(String(300))
    updated_at: Mapped[dt.datetime]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    updated_by_name: Mapped[str | None] = mapped_column(String(64))
    # Returned mail: the address it came back from, when and why (for the member's mentor).
    doubtful_address: Mapped[str | None] = mapped_column(String(300))
    doubtful_since: Mapped[dt.date | None] = mapped_column(Date)
    doubtful_reason: Mapped[str | None] = mapped_column(String(300))
    doubtful_recipient_id: Mapped[int | None] = mapped_column(ForeignKey("mailing_recipient.id", ondelete="SET NULL"))
