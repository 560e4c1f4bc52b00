"""Admission (R-4.1, R-4.2, R-5.1 … R-5.6, R-15.1): applications, their history, their attached
documents, and the print queue of certificates and plaque orders that registration produces.

The order of the stages and who may take each step live in ``core.services.admission``.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, LargeBinary, Numeric, String, Text, event, inspect
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.core import pinyin
from desktop_app.core.models.base import Base, str_enum
from desktop_app.core.models.member import Category, Member, OrganisationDetails
from desktop_app.core.models.staff import Staff


class ApplicationStage(str, enum.Enum):
    """The last step an application has completed, in the order of R-4.1 and R-5.1 … R-5.6.

    ``CREDIT_CHECKED`` applies to re-admissions only (R-15.1)."""

    RECEIVED = "received"  # received and briefed by the membership office
    VISITED = "visited"  # the applicant's leader visited the association
    FORMS_COMPLETED = "forms_completed"  # application form and filing form (R-5.1 (1))
    DOCUMENTS_SUBMITTED = "documents_submitted"  # the document checklist (R-5.1 (2))
    CREDIT_CHECKED = "credit_checked"  # re-admissions: credit checked and passed
    REVIEWED = "reviewed"  # initial review by the membership office (R-5.1 (3))
    APPROVED = "approved"  # leadership approval (R-5.1 (4))
    DUES_PAID = "dues_paid"  # dues payment (R-5.1 (5))
    SIGNED_OFF = "signed_off"  # sign-off by the resident leader (R-5.1 (6))
    REGISTERED = "registered"  # registered as a member (R-5.1 (6))


class ApplicationStatus(str, enum.Enum):
    OPEN = "open"
    REGISTERED = "registered"
    DECLINED = "declined"  # with a recorded reason
    ABANDONED = "abandoned"  # the applicant withdrew or stopped answering


class DocumentKind(str, enum.Enum):
    """The checklist of R-5.1 (2), plus the evidence of a re-admission's credit check."""

    BUSINESS_LICENCE = "business_licence"
    QUALIFICATION_CERTIFICATE = "qualification_certificate"
    PROFILE = "profile"  # electronic
    BROCHURE = "brochure"  # paper: attach a scan or photograph
    CREDIT_EVIDENCE = "credit_evidence"
    OTHER = "other"


class CreditResult(str, enum.Enum):
    PASSED = "passed"
    FAILED = "failed"


class BackPaymentDecision(str, enum.Enum):
    """R-15.1: restoring a membership by paying arrears, decided case by case."""

    GRANTED = "granted"
    REFUSED = "refused"


class EventKind(str, enum.Enum):
    CREATED = "created"
    STEP = "step"
    SENT_BACK = "sent_back"
    DECLINED = "declined"
    ABANDONED = "abandoned"
    CREDIT_CHECK = "credit_check"
    BACK_PAYMENT = "back_payment"
    DOCUMENT_ADDED = "document_added"
    DOCUMENT_REMOVED = "document_removed"
    EDITED = "edited"


class PrintKind(str, enum.Enum):
    CERTIFICATE = "certificate"
    PLAQUE_ORDER = "plaque_order"


class PrintStatus(str, enum.Enum):
    QUEUED = "queued"
    PRINTED = "printed"


class Application(OrganisationDetails, Base):
    """A request to join (入会申请), with the organisation's details as a member would have them."""

    __tablename__ = "application"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_number: Mapped[str] = mapped_column(String(32), unique=True)
    status: Mapped[ApplicationStatus] = mapped_column(str_enum(ApplicationStatus))
    stage: Mapped[ApplicationStage] = mapped_column(str_enum(ApplicationStage))
    stage_since: Mapped[dt.datetime]  # when the current wait began ("waiting since")
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)  # 经办人

    # The organisation, validated exactly as a member is; the rest in OrganisationDetails.
    name: Mapped[str] = mapped_column(String(200), index=True)
    # Pinyin sort key of the name (issue 16, core/pinyin.py), kept by the event at the end.
    name_pinyin: Mapped[str] = mapped_column(String(pinyin.KEY_LENGTH), default="", server_default="")
    uscc: Mapped[str] = mapped_column(String(18), index=True)  # not unique: declined ones may re-apply
    category: Mapped[Category] = mapped_column(str_enum(Category))
    level: Mapped[str] = mapped_column(String(32))

    notes: Mapped[str | None] = mapped_column(Text)

    # 1. received and briefed. ``application_date`` is "申请之日" of.
    application_date: Mapped[dt.date] = mapped_column(Date, index=True)
    received_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    received_at: Mapped[dt.datetime | None]
    briefing_note: Mapped[str | None] = mapped_column(Text)

    # 2. visit
    visit_date: Mapped[dt.date | None] = mapped_column(Date)
    visit_leader_name: Mapped[str | None] = mapped_column(String(64))
    visit_leader_rank: Mapped[str | None] = mapped_column(String(64))
    visit_note: Mapped[str | None] = mapped_column(Text)
    visit_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    visit_at: Mapped[dt.datetime | None]

    # 3. forms (R-5.1 (1))
    forms_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    forms_at: Mapped[dt.datetime | None]

    # 4. documents (R-5.1 (2)); the files are ApplicationDocument rows
    documents_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    documents_at: Mapped[dt.datetime | None]

    # Re-admission: the former member found by USCC at entry, and its credit check.
    former_member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    credit_result: Mapped[CreditResult | None] = mapped_column(str_enum(CreditResult))
    credit_checked_on: Mapped[dt.date | None] = mapped_column(Date)
    credit_evidence: Mapped[str | None] = mapped_column(Text)
    credit_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    credit_at: Mapped[dt.datetime | None]
    back_payment: Mapped[BackPaymentDecision | None] = mapped_column(str_enum(BackPaymentDecision))
    back_payment_reason: Mapped[str | None] = mapped_column(Text)
    back_payment_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    back_payment_at: Mapped[dt.datetime | None]

    # 5. initial review (R-5.1 (3))
    review_opinion: Mapped[str | None] = mapped_column(Text)
    review_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    review_at: Mapped[dt.datetime | None]

    # 6. leadership approval (R-5.1 (4))
    approval_opinion: Mapped[str | None] = mapped_column(Text)
    approval_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    approval_at: Mapped[dt.datetime | None]

    # 7. dues (R-5.1 (5))
    dues_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    dues_receipt_number: Mapped[str | None] = mapped_column(String(40))
    dues_paid_on: Mapped[dt.date | None] = mapped_column(Date)
    dues_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    dues_at: Mapped[dt.datetime | None]

    # 8. sign-off by a resident leader (R-5.1 (6))
    sign_off_opinion: Mapped[str | None] = mapped_column(Text)
    sign_off_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    sign_off_at: Mapped[dt.datetime | None]

    # 9. registration (R-5.1 (6))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    registered_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    registered_at: Mapped[dt.datetime | None]

    # Declined or abandoned: who, when, why.
    closed_reason: Mapped[str | None] = mapped_column(Text)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    closed_at: Mapped[dt.datetime | None]

    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    # Optimistic locking: two workstations acting on one application cannot both succeed.
    version: Mapped[int] = mapped_column(default=1)

    handler: Mapped[Staff | None] = relationship(foreign_keys=[handler_id], lazy="joined")
    former_member: Mapped[Member | None] = relationship(foreign_keys=[former_member_id])
    member: Mapped[Member | None] = relationship(foreign_keys=[member_id])

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_application_status_stage", "status", "stage"),)

    def __repr__(self) -> str:
        return f"Application({self.application_number!r}, {self.name!r}, {self.stage.value})"


@event.listens_for(Application, "before_insert")
def _keep_application_key(_mapper: Any, _connection: Any, application: Application) -> None:
    key = pinyin.sort_key(application.name)
    if application.name_pinyin != key:
        application.name_pinyin = key


@event.listens_for(Application, "before_update")
def _keep_changed_application_key(mapper: Any, connection: Any, application: Application) -> None:
    if inspect(application).attrs.name.history.has_changes():
        _keep_application_key(mapper, connection, application)


class ApplicationEvent(Base):
    """The history of an application: every step, send-back (with why), decline, attachment."""

    __tablename__ = "application_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime]
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    actor_name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[EventKind] = mapped_column(str_enum(EventKind))
    stage_from: Mapped[ApplicationStage | None] = mapped_column(str_enum(ApplicationStage))
    stage_to: Mapped[ApplicationStage | None] = mapped_column(str_enum(ApplicationStage))
    summary: Mapped[str] = mapped_column(String(300), default="")
    reason: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class ApplicationDocument(Base):
    """A file attached to an application, kept in the database so every workstation sees it."""

    __tablename__ = "application_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    kind: Mapped[DocumentKind] = mapped_column(str_enum(DocumentKind))
    file_name: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    # Deferred: listing the checklist never loads megabytes of scans.
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    uploaded_at: Mapped[dt.datetime]


class PrintJob(Base):
    """A membership certificate or plaque order waiting to be printed (queued at registration)."""

    __tablename__ = "print_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[PrintKind] = mapped_column(str_enum(PrintKind))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id", ondelete="SET NULL"))
    status: Mapped[PrintStatus] = mapped_column(str_enum(PrintStatus), index=True)
    queued_at: Mapped[dt.datetime]
    queued_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    printed_at: Mapped[dt.datetime | None]
    printed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

    member: Mapped[Member] = relationship(foreign_keys=[member_id])
