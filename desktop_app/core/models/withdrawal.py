"""Withdrawal and cancellation (R-11.1 … R-15.1): activities and attendance, membership spells,
withdrawal and cancellation cases, appeals, positions (issue 15)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.core.models.base import Base, str_enum
from desktop_app.core.models.member import Member, MemberStatus
from desktop_app.core.models.staff import Staff

# --- activities and attendance (R-12.1 (2)) -------------------------------------------------------


class ActivityKind(str, enum.Enum):
    MEETING = "meeting"  # 会员大会、理事会、工作会议
    TRAINING = "training"
    INSPECTION = "inspection"  # 考察、观摩
    EXCHANGE = "exchange"  # 交流、论坛、座谈
    EVENT = "event"  # 评选、竞赛、公益活动
    OTHER = "other"

    @property
    def label(self) -> str:
        return ACTIVITY_KIND_LABELS[self]


ACTIVITY_KIND_LABELS = {
    ActivityKind.MEETING: "会议",
    ActivityKind.TRAINING: "培训",
    ActivityKind.INSPECTION: "考察观摩",
    ActivityKind.EXCHANGE: "交流座谈",
    ActivityKind.EVENT: "评选竞赛及公益活动",
    ActivityKind.OTHER: "其他活动",
}


class Activity(Base):
    """An association activity members take part in (R-12.1 (2): not taking part for over a year)."""

    __tablename__ = "activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[ActivityKind] = mapped_column(str_enum(ActivityKind))
    organiser: Mapped[str] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class Attendance(Base):
    """A member took part in an activity, and who came for it. One row per member and activity."""

    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    attendee: Mapped[str | None] = mapped_column(String(120))  # the people who came, e.g. 张丽、王强
    attendee_position: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str | None] = mapped_column(String(300))  # 手工录入 / 签到表 file 第 n 行
    recorded_at: Mapped[dt.datetime]
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

    activity: Mapped[Activity] = relationship()

    __table_args__ = (UniqueConstraint("activity_id", "member_id", name="uq_attendance_activity_member"),)


class SignInStatus(str, enum.Enum):
    PENDING = "pending"  # no member matched: waiting for a person to match it
    MATCHED = "matched"  # matched by a person: its attendance is recorded
    DISMISSED = "dismissed"  # not a member (a guest, a speaker …), with the reason


class SignInRow(Base):
    """A sign-in sheet row the import could not match to a member, kept until a person matches or
    dismisses it: every row of a sheet is accounted for."""

    __tablename__ = "sign_in_row"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"), index=True)
    row_key: Mapped[str] = mapped_column(String(64))  # what makes a re-import of the row a duplicate
    file_name: Mapped[str] = mapped_column(String(255))
    row_number: Mapped[int] = mapped_column(Integer)
    organisation: Mapped[str | None] = mapped_column(String(200))
    uscc: Mapped[str | None] = mapped_column(String(32))
    attendee: Mapped[str | None] = mapped_column(String(120))
    attendee_position: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[SignInStatus] = mapped_column(str_enum(SignInStatus), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[dt.datetime]
    imported_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    resolved_at: Mapped[dt.datetime | None]
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

    activity: Mapped[Activity] = relationship()

    __table_args__ = (UniqueConstraint("activity_id", "row_key", name="uq_sign_in_row_activity_key"),)


# --- membership spells ----------------------------------------------------------------------------


class SpellStart(str, enum.Enum):
    REGISTERED = "registered"  # admission
    READMITTED = "readmitted"  # re-admission after two years
    BACK_PAYMENT = "back_payment"  # restored by back-payment, the resident leader's decision
    HISTORIC = "historic"  # known from the register before spells were kept

    @property
    def label(self) -> str:
        return SPELL_START_LABELS[self]


SPELL_START_LABELS = {
    SpellStart.REGISTERED: "登记入会",
    SpellStart.READMITTED: "重新入会",
    SpellStart.BACK_PAYMENT: "补缴会费恢复会籍",
    SpellStart.HISTORIC: "入会（原有记录）",
}


class SpellEnd(str, enum.Enum):
    WITHDRAWN = "withdrawn"  # the member's letter
    CANCELLED = "cancelled"  # the association, confirmed by the council

    @property
    def label(self) -> str:
        return SPELL_END_LABELS[self]

    @property
    def status(self) -> MemberStatus:
        return MemberStatus.WITHDRAWN if self == SpellEnd.WITHDRAWN else MemberStatus.CANCELLED


SPELL_END_LABELS = {SpellEnd.WITHDRAWN: "主动退会", SpellEnd.CANCELLED: "取消会员资格"}


class MembershipSpell(Base):
    """One period of membership: joined, left, how, why, decided by whom. A re-admission opens a
    new spell; the earlier ones are kept (R-15.1 reads them). A member without any row has one
    spell known only from the register's columns (``from_register``)."""

    __tablename__ = "membership_spell"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    joined_on: Mapped[dt.date | None] = mapped_column(Date)
    joined_how: Mapped[SpellStart] = mapped_column(str_enum(SpellStart))
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    left_how: Mapped[SpellEnd | None] = mapped_column(str_enum(SpellEnd))
    left_reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(200))  # 会员来函 / 理事会 2026年第3号决议
    member_number: Mapped[str | None] = mapped_column(String(32))
    certificate_number: Mapped[str | None] = mapped_column(String(32))
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id", ondelete="SET NULL"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("withdrawal_case.id", ondelete="SET NULL"))
    reopened_on: Mapped[dt.date | None] = mapped_column(Date)  # an appeal restored the membership
    reopened_note: Mapped[str | None] = mapped_column(Text)
    recorded_at: Mapped[dt.datetime]
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

    @classmethod
    def from_register(cls, member: Member, recorded_at: dt.datetime | None = None) -> MembershipSpell:
        """The one spell a member's register columns describe (members entered, imported or
        generated before spells were kept, or without going through admission)."""
        left = member.status != MemberStatus.ACTIVE
        return cls(
            member_id=member.id,
            joined_on=member.join_date,
            joined_how=SpellStart.HISTORIC,
            left_on=member.left_date if left else None,
            left_how=(SpellEnd.WITHDRAWN if member.status == MemberStatus.WITHDRAWN else SpellEnd.CANCELLED)
            if left
            else None,
            left_reason=member.left_reason if left else None,
            member_number=member.member_number,
            certificate_number=member.certificate_number,
            recorded_at=recorded_at or member.created_at,
        )

    @property
    def is_open(self) -> bool:
        return self.left_on is None and self.left_how is None


# --- disqualification (R-12.1 (3)) ------------------------------------------------------------------


class DisqualificationKind(str, enum.Enum):
    DISHONEST_JUDGMENT_DEBTOR = "dishonest_judgment_debtor"
    DEPRIVED_OF_POLITICAL_RIGHTS = "deprived_of_political_rights"
    LOST_CIVIL_CAPACITY = "lost_civil_capacity"
    OTHER = "other"

    @property
    def label(self) -> str:
        return DISQUALIFICATION_LABELS[self]


DISQUALIFICATION_LABELS = {
    DisqualificationKind.DISHONEST_JUDGMENT_DEBTOR: "被列为失信被执行人",
    DisqualificationKind.DEPRIVED_OF_POLITICAL_RIGHTS: "被剥夺政治权利",
    DisqualificationKind.LOST_CIVIL_CAPACITY: "丧失完全民事行为能力",
    DisqualificationKind.OTHER: "其他不再符合会员条件的情形",
}


class Disqualification(Base):
    """A fact that ends a member's qualification (R-12.1 (3)), recorded by staff with its source,
    date and evidence; lifted when it no longer holds (removed from the list of debtors …)."""

    __tablename__ = "disqualification"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    kind: Mapped[DisqualificationKind] = mapped_column(str_enum(DisqualificationKind))
    description: Mapped[str | None] = mapped_column(String(200))  # the words for "other"
    source: Mapped[str] = mapped_column(String(200))  # 中国执行信息公开网 / 人民法院判决书
    found_on: Mapped[dt.date] = mapped_column(Date)  # the date of the listing or decision
    evidence: Mapped[str] = mapped_column(Text)  # case number, document reference, what was seen
    recorded_at: Mapped[dt.datetime]
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    lifted_on: Mapped[dt.date | None] = mapped_column(Date)
    lifted_note: Mapped[str | None] = mapped_column(Text)
    lifted_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


# --- cases --------------------------------------------------------------------------------------------


class CaseKind(str, enum.Enum):
    VOLUNTARY = "voluntary"
    CANCELLATION = "cancellation"

    @property
    def label(self) -> str:
        return "主动退会" if self == CaseKind.VOLUNTARY else "取消会员资格"


class CaseStatus(str, enum.Enum):
    # voluntary withdrawal
    PENDING = "pending"  # the letter is recorded; it takes effect on a later date
    WITHDRAWN = "withdrawn"  # the membership ended by the member's letter
    # cancellation
    CONFIRMED = "confirmed"  # staff confirmed the review's candidate: a notice may be issued
    NOTIFIED = "notified"  # the notice was issued and mailed; the response period runs
    OBLIGATIONS_MET = "obligations_met"  # the member met its obligations: the case closes, it stays
    DEEMED_WITHDRAWN = "deemed_withdrawn"  # refused after the deadline: waits for the council
    CANCELLED = "cancelled"  # the council confirmed: the membership is cancelled
    RESTORED = "restored"  # an appeal restored the membership
    DROPPED = "dropped"  # closed by staff before any notice (confirmed by mistake …), with the reason

    @property
    def label(self) -> str:
        return CASE_STATUS_LABELS[self]

    @property
    def is_open(self) -> bool:
        return self in OPEN_CASE_STATUSES


CASE_STATUS_LABELS = {
    CaseStatus.PENDING: "待生效",
    CaseStatus.WITHDRAWN: "已退会",
    CaseStatus.CONFIRMED: "已确认，待发告知书",
    CaseStatus.NOTIFIED: "已发告知书，待答复",
    CaseStatus.OBLIGATIONS_MET: "已履行义务，结案",
    CaseStatus.DEEMED_WITHDRAWN: "视为自动退会，待理事会确认",
    CaseStatus.CANCELLED: "已取消会员资格",
    CaseStatus.RESTORED: "申诉成立，已恢复会籍",
    CaseStatus.DROPPED: "已撤销",
}
OPEN_CASE_STATUSES = frozenset(
    {CaseStatus.PENDING, CaseStatus.CONFIRMED, CaseStatus.NOTIFIED, CaseStatus.DEEMED_WITHDRAWN}
)


class WithdrawalCase(Base):
    """One withdrawal (R-11.1) or cancellation (R-12.1) of one member, from the letter or the
    confirmed review to its outcome; what it ended (R-14.1) points back to it."""

    __tablename__ = "withdrawal_case"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    kind: Mapped[CaseKind] = mapped_column(str_enum(CaseKind))
    status: Mapped[CaseStatus] = mapped_column(str_enum(CaseStatus), index=True)
    effective_on: Mapped[dt.date | None] = mapped_column(Date)  # the day the membership ended (or ends)

    # the member's letter and what it returned
    letter_received_on: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)  # the member's reason, as its letter gives it
    certificate_returned_on: Mapped[dt.date | None] = mapped_column(Date)
    plaque_returned_on: Mapped[dt.date | None] = mapped_column(Date)
    certificate_not_returned: Mapped[str | None] = mapped_column(String(200))  # why not (lost …)
    plaque_not_returned: Mapped[str | None] = mapped_column(String(200))

    # the review that found it, the notice and the outcome
    review_date: Mapped[dt.date | None] = mapped_column(Date)
    confirmed_at: Mapped[dt.datetime | None]
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    notice_number: Mapped[str | None] = mapped_column(String(64), unique=True)
    notice_date: Mapped[dt.date | None] = mapped_column(Date)
    response_deadline: Mapped[dt.date | None] = mapped_column(Date)
    notice_issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    mailing_batch_id: Mapped[int | None] = mapped_column(ForeignKey("mailing_batch.id", ondelete="SET NULL"))
    outcome_on: Mapped[dt.date | None] = mapped_column(Date)
    outcome_note: Mapped[str | None] = mapped_column(Text)
    outcome_evidence: Mapped[dict[str, Any] | None]
    outcome_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    council_date: Mapped[dt.date | None] = mapped_column(Date)
    council_resolution: Mapped[str | None] = mapped_column(String(100))

    created_at: Mapped[dt.datetime]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    updated_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(default=1)

    member: Mapped[Member] = relationship()
    grounds: Mapped[list[CaseGround]] = relationship(
        back_populates="case", order_by="CaseGround.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class Ground(str, enum.Enum):
    """The three grounds of R-12.1."""

    UNPAID_DUES = "unpaid_dues"  # (一)
    NO_ACTIVITY = "no_activity"  # (二)
    DISQUALIFIED = "disqualified"  # (三)

    @property
    def label(self) -> str:
        return GROUND_LABELS[self]

    @property
    def item(self) -> str:
        return {Ground.UNPAID_DUES: "（一）", Ground.NO_ACTIVITY: "（二）", Ground.DISQUALIFIED: "（三）"}[self]


GROUND_LABELS = {
    Ground.UNPAID_DUES: "一年以上不缴纳会费",
    Ground.NO_ACTIVITY: "一年以上不参加本会活动",
    Ground.DISQUALIFIED: "不再符合会员条件",
}


class CaseGround(Base):
    """A ground of R-12.1 with its evidence, as the review found it on the case's review date and
    staff confirmed it. The notice is built from these rows only."""

    __tablename__ = "case_ground"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("withdrawal_case.id", ondelete="CASCADE"), index=True)
    ground: Mapped[Ground] = mapped_column(str_enum(Ground))
    summary: Mapped[str] = mapped_column(Text)  # the evidence in one sentence, as the notice prints it
    since: Mapped[dt.date | None] = mapped_column(Date)  # unpaid / not attended / disqualified since
    evidence: Mapped[dict[str, Any]]  # the figures: dues years and amounts, last activity, listing …
    disqualification_id: Mapped[int | None] = mapped_column(ForeignKey("disqualification.id", ondelete="SET NULL"))

    case: Mapped[WithdrawalCase] = relationship(back_populates="grounds")


class DocumentRole(str, enum.Enum):
    LETTER = "letter"  # the member's withdrawal letter
    DISQUALIFICATION = "disqualification"  # evidence of R-12.1 (3)
    APPEAL = "appeal"  # the member's written appeal
    RESOLUTION = "resolution"  # the council's or general assembly's resolution
    OTHER = "other"


class WithdrawalDocument(Base):
    """A scan kept with a case, a disqualification or an appeal (PDF, JPEG or PNG, opened before it
    is stored, as admission's attachments)."""

    __tablename__ = "withdrawal_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("withdrawal_case.id", ondelete="CASCADE"), index=True)
    disqualification_id: Mapped[int | None] = mapped_column(
        ForeignKey("disqualification.id", ondelete="CASCADE"), index=True
    )
    appeal_id: Mapped[int | None] = mapped_column(ForeignKey("appeal.id", ondelete="CASCADE"), index=True)
    role: Mapped[DocumentRole] = mapped_column(str_enum(DocumentRole))
    file_name: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    uploaded_at: Mapped[dt.datetime]
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


# --- appeals (R-13.1) ---------------------------------------------------------------------------------


class AppealDecision(str, enum.Enum):
    UPHELD = "upheld"  # the cancellation stands
    RESTORED = "restored"  # the cancellation is withdrawn: the membership is restored

    @property
    def label(self) -> str:
        return "维持取消会员资格的决定" if self == AppealDecision.UPHELD else "撤销取消决定，恢复会籍"


class AppealStatus(str, enum.Enum):
    FILED = "filed"  # waiting for the council's reply
    ESCALATED = "escalated"  # before the general assembly
    UPHELD = "upheld"
    RESTORED = "restored"

    @property
    def label(self) -> str:
        return {
            AppealStatus.FILED: "待理事会答复",
            AppealStatus.ESCALATED: "提交会员（代表）大会审议",
            AppealStatus.UPHELD: "维持取消决定",
            AppealStatus.RESTORED: "恢复会籍",
        }[self]


class Appeal(Base):
    """A member contesting the council's confirmation of its cancellation (R-13.1): the council
    answers, and if needed the general assembly reviews it first."""

    __tablename__ = "appeal"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("withdrawal_case.id", ondelete="CASCADE"), index=True)
    status: Mapped[AppealStatus] = mapped_column(str_enum(AppealStatus), index=True)
    filed_on: Mapped[dt.date] = mapped_column(Date)
    grounds: Mapped[str] = mapped_column(Text)
    council_replied_on: Mapped[dt.date | None] = mapped_column(Date)
    council_decision: Mapped[AppealDecision | None] = mapped_column(str_enum(AppealDecision))
    council_reply: Mapped[str | None] = mapped_column(Text)
    council_resolution: Mapped[str | None] = mapped_column(String(100))
    escalated_on: Mapped[dt.date | None] = mapped_column(Date)
    escalation_reason: Mapped[str | None] = mapped_column(Text)
    assembly_decided_on: Mapped[dt.date | None] = mapped_column(Date)
    assembly_decision: Mapped[AppealDecision | None] = mapped_column(str_enum(AppealDecision))
    assembly_resolution: Mapped[str | None] = mapped_column(String(100))
    assembly_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    updated_at: Mapped[dt.datetime]

    case: Mapped[WithdrawalCase] = relationship()


# --- positions (R-14.1) ----------------------------------------------------------------------------


class PositionKind(str, enum.Enum):
    PRESIDENT = "president"
    VICE_PRESIDENT = "vice_president"
    STANDING_COUNCIL = "standing_council"
    COUNCIL = "council"
    SUPERVISOR = "supervisor"
    OTHER = "other"

    @property
    def label(self) -> str:
        return POSITION_LABELS[self]


POSITION_LABELS = {
    PositionKind.PRESIDENT: "会长单位",
    PositionKind.VICE_PRESIDENT: "副会长单位",
    PositionKind.STANDING_COUNCIL: "常务理事单位",
    PositionKind.COUNCIL: "理事单位",
    PositionKind.SUPERVISOR: "监事单位",
    PositionKind.OTHER: "其他职务",
}


class Position(Base):
    """A position a member holds in the association (a council seat, a vice-president unit …) for
    a term: its own record, separate from the dues level. Ends with the membership (R-14.1)."""

    __tablename__ = "member_position"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    kind: Mapped[PositionKind] = mapped_column(str_enum(PositionKind))
    title: Mapped[str | None] = mapped_column(String(100))  # e.g. 第七届理事会理事单位; required for "other"
    term: Mapped[str | None] = mapped_column(String(64))  # e.g. 第七届（2024—2029）
    start_date: Mapped[dt.date] = mapped_column(Date)
    term_end: Mapped[dt.date | None] = mapped_column(Date)  # when the term is due to end
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(200))
    ended_by_case_id: Mapped[int | None] = mapped_column(ForeignKey("withdrawal_case.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

    __table_args__ = (Index("ix_member_position_open", "member_id", "ended_on"),)


# --- the mentor's tasks when a membership ends or is restored (R-8.1, R-14.1) ------------------------


class TaskKind(str, enum.Enum):
    REMOVE_FROM_WECHAT_GROUP = "remove_from_wechat_group"
    INVITE_TO_WECHAT_GROUP = "invite_to_wechat_group"  # after an appeal restored the membership

    @property
    def label(self) -> str:
        return (
            "将该单位人员移出班级微信管理群"
            if self == TaskKind.REMOVE_FROM_WECHAT_GROUP
            else "重新邀请该单位人员加入班级微信管理群"
        )


class TaskStatus(str, enum.Enum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class WithdrawalTask(Base):
    """A task for the member's mentor that the end (or restoration) of a membership creates."""

    __tablename__ = "withdrawal_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("withdrawal_case.id", ondelete="CASCADE"), index=True)
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    kind: Mapped[TaskKind] = mapped_column(str_enum(TaskKind))
    status: Mapped[TaskStatus] = mapped_column(str_enum(TaskStatus), index=True)
    created_on: Mapped[dt.date] = mapped_column(Date)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str | None] = mapped_column(Text)

    mentor: Mapped[Staff | None] = relationship(foreign_keys=[mentor_id])


__all__ = [
    "ACTIVITY_KIND_LABELS",
    "Activity",
    "ActivityKind",
    "Appeal",
    "AppealDecision",
    "AppealStatus",
    "Attendance",
    "CASE_STATUS_LABELS",
    "CaseGround",
    "CaseKind",
    "CaseStatus",
    "DISQUALIFICATION_LABELS",
    "Disqualification",
    "DisqualificationKind",
    "DocumentRole",
    "GROUND_LABELS",
    "Ground",
    "MembershipSpell",
    "OPEN_CASE_STATUSES",
    "POSITION_LABELS",
    "Position",
    "PositionKind",
    "SPELL_END_LABELS",
    "SPELL_START_LABELS",
    "SignInRow",
    "SignInStatus",
    "SpellEnd",
    "SpellStart",
    "TaskKind",
    "TaskStatus",
    "WithdrawalCase",
    "WithdrawalDocument",
    "WithdrawalTask",
]
