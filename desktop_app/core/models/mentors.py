"""The mentors' work (R-7.1 … R-8.4, R-9.1, R-9.3, R-10.1, R-10.5): who mentors which member and
when, each member's kind of business for the allocation, the mentor's WeChat group, the contact
log, what was circulated to members, member news submitted for publicity, the contact handover
forms and the outstanding-liaison nominations.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.core.models.base import Base, str_enum
from desktop_app.core.models.member import Member
from desktop_app.core.models.staff import Staff


class MentorAssignment(Base):
    """Who was a member's mentor, and when (R-7.1: one mentor at a time, history kept).

    At most one open assignment (no ``end_date``) per member: the service closes the current one
    first, and a partial unique index refuses a second one even from plain SQL or a race between
    two workstations."""

    __tablename__ = "mentor_assignment"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    assigned_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str | None] = mapped_column(String(300))  # why this mentor (a reassignment's reason)
    ended_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    end_reason: Mapped[str | None] = mapped_column(String(300))

    mentor: Mapped[Staff] = relationship(foreign_keys=[mentor_id])

    __table_args__ = (
        Index(
            "ux_mentor_assignment_current",
            "member_id",
            unique=True,
            sqlite_where=text("end_date IS NULL"),
            postgresql_where=text("end_date IS NULL"),
        ),
    )


class MemberBusinessKind(Base):
    """The kind of business the office files a member under for the allocation (R-9.1), one of
    the setting ``mentors.business_kinds``. Without a row the kind is read from the member's
    free-text main business by the setting's keywords."""

    __tablename__ = "member_business_kind"

    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    set_at: Mapped[dt.datetime]


# --- the mentor's WeChat group (R-8.1) -------------------------------------------------------------


class WeChatPerson(str, enum.Enum):
    PRINCIPAL = "principal"
    LIAISON = "liaison"


class WeChatStatus(str, enum.Enum):
    INVITED = "invited"
    JOINED = "joined"
    LEFT = "left"


class WeChatMembership(Base):
    """A member's principal or liaison in one mentor's WeChat group: invited, joined, left."""

    __tablename__ = "wechat_membership"

    id: Mapped[int] = mapped_column(primary_key=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    person: Mapped[WeChatPerson] = mapped_column(str_enum(WeChatPerson))
    person_name: Mapped[str] = mapped_column(String(64))  # who was invited (the member may name another later)
    status: Mapped[WeChatStatus] = mapped_column(str_enum(WeChatStatus))
    invited_on: Mapped[dt.date | None] = mapped_column(Date)
    joined_on: Mapped[dt.date | None] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(String(300))
    updated_at: Mapped[dt.datetime]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

    __table_args__ = (UniqueConstraint("mentor_id", "member_id", "person"),)


# --- the contact log (R-8.2) -----------------------------------------------------------------------


class ContactChannel(str, enum.Enum):
    VISIT = "visit"
    PHONE = "phone"
    WECHAT = "wechat"
    MEETING = "meeting"
    OTHER = "other"


class ContactEntry(Base):
    """One contact with a member: when, how, with whom, what was learnt, needs raised, follow-up."""

    __tablename__ = "contact_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)  # the association's side
    contact_date: Mapped[dt.date] = mapped_column(Date)
    channel: Mapped[ContactChannel] = mapped_column(str_enum(ContactChannel))
    contact_person: Mapped[str | None] = mapped_column(String(64))  # the member's side
    learnt: Mapped[str] = mapped_column(Text)
    needs: Mapped[str | None] = mapped_column(Text)
    follow_up: Mapped[str | None] = mapped_column(Text)
    follow_up_due: Mapped[dt.date | None] = mapped_column(Date)
    follow_up_done_on: Mapped[dt.date | None] = mapped_column(Date)
    follow_up_result: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[dt.datetime]

    __table_args__ = (
        # "no contact for N days": the newest date per member, from the index alone
        Index("ix_contact_entry_member_date", "member_id", "contact_date"),
        # open follow-ups of a mentor's members (overdue ones, counts): only the open ones are here
        Index(
            "ix_contact_entry_open_follow_up",
            "member_id",
            "follow_up_due",
            sqlite_where=text("follow_up_due IS NOT NULL AND follow_up_done_on IS NULL"),
            postgresql_where=text("follow_up_due IS NOT NULL AND follow_up_done_on IS NULL"),
        ),
    )


# --- circulation and publicity (R-8.3) -------------------------------------------------------------


class CirculationKind(str, enum.Enum):
    DOCUMENT = "document"
    NEWS = "news"


class CirculationChannel(str, enum.Enum):
    WECHAT_GROUP = "wechat_group"
    MAIL = "mail"
    EMAIL = "email"
    IN_PERSON = "in_person"
    OTHER = "other"


class Circulation(Base):
    """An association document or news item forwarded to many members at once."""

    __tablename__ = "circulation"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[CirculationKind] = mapped_column(str_enum(CirculationKind))
    title: Mapped[str] = mapped_column(String(200))
    reference: Mapped[str | None] = mapped_column(String(100))  # 文号
    sent_on: Mapped[dt.date] = mapped_column(Date, index=True)
    channel: Mapped[CirculationChannel] = mapped_column(str_enum(CirculationChannel))
    note: Mapped[str | None] = mapped_column(Text)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    created_at: Mapped[dt.datetime]


class CirculationRecipient(Base):
    __tablename__ = "circulation_recipient"

    circulation_id: Mapped[int] = mapped_column(ForeignKey("circulation.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), primary_key=True, index=True)


class PublicityOutcome(str, enum.Enum):
    PENDING = "pending"
    PUBLISHED = "published"
    DECLINED = "declined"


class MemberNews(Base):
    """A member's news a mentor submitted for the association's publicity, and what came of it."""

    __tablename__ = "member_news"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str | None] = mapped_column(Text)
    submitted_on: Mapped[dt.date] = mapped_column(Date)
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    outcome: Mapped[PublicityOutcome] = mapped_column(str_enum(PublicityOutcome), index=True)
    outcome_on: Mapped[dt.date | None] = mapped_column(Date)
    outcome_note: Mapped[str | None] = mapped_column(String(300))  # where it was published, or why not
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[dt.datetime]


# --- the contact handover form (R-8.4, R-9.3, R-10.1) -----------------------------------------------


class HandoverStatus(str, enum.Enum):
    PENDING = "pending"
    APPLIED = "applied"
    REJECTED = "rejected"


class HandoverForm(Base):
    """A change of a member's details, filed by its mentor and applied (or rejected) by the office.

    ``reported_on`` is when the member reported the change (R-10.1: a member that reports late
    bears the consequences), ``form_date`` when the mentor filled in the form."""

    __tablename__ = "handover_form"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    filed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    form_date: Mapped[dt.date] = mapped_column(Date)
    reported_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[HandoverStatus] = mapped_column(str_enum(HandoverStatus), index=True)
    filed_at: Mapped[dt.datetime]
    decided_at: Mapped[dt.datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decision_reason: Mapped[str | None] = mapped_column(Text)

    member: Mapped[Member] = relationship()
    filed_by: Mapped[Staff | None] = relationship(foreign_keys=[filed_by_id])
    changes: Mapped[list[HandoverChange]] = relationship(
        back_populates="form", order_by="HandoverChange.position", cascade="all, delete-orphan"
    )


class HandoverChange(Base):
    """One item of a handover form: the value the office had when the form was filed, and the new one."""

    __tablename__ = "handover_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("handover_form.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)

    form: Mapped[HandoverForm] = relationship(back_populates="changes")


# --- outstanding liaisons (R-10.5) ------------------------------------------------------------------


class NominationDecision(str, enum.Enum):
    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"


class LiaisonNomination(Base):
    """A mentor's nomination of a member's liaison as outstanding liaison for a period (a year,
    ``2026``, or a half year, ``2026H1``/``2026H2``), and the secretariat's decision."""

    __tablename__ = "liaison_nomination"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(8), index=True)
    liaison_name: Mapped[str] = mapped_column(String(64))
    liaison_position: Mapped[str | None] = mapped_column(String(64))
    liaison_mobile: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    nominated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    nominated_on: Mapped[dt.date] = mapped_column(Date)
    decision: Mapped[NominationDecision] = mapped_column(str_enum(NominationDecision))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    decision_note: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[dt.datetime]

    __table_args__ = (UniqueConstraint("member_id", "period"),)
