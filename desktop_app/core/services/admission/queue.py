"""The admission queue: filters, counts per stage, waiting days, and one application's steps and history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from desktop_app.core import pinyin
from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    Application,
    ApplicationEvent,
    ApplicationStage,
    ApplicationStatus,
    BackPaymentDecision,
    CreditResult,
    DocumentKind,
    EventKind,
    Member,
    PrintJob,
    PrintStatus,
    Staff,
)
from desktop_app.core.security import Actor
from desktop_app.core.services import dues, members
from desktop_app.core.services.admission.attachments import ChecklistItem, attachment_limit_bytes, checklist
from desktop_app.core.services.admission.checks import (
    NextAction,
    action_refusals,
    missing_documents,
    next_action,
)
from desktop_app.core.services.admission.steps import (
    STAGE_ORDER,
    STEPS,
    FormerMember,
    Step,
    _local,
    _next_of,
    _staff_names,
    application_values,
    earliest_registration,
    former_member_of,
    get_application,
    next_step,
    send_back_targets,
    steps_for,
    waiting_days,
)
from desktop_app.core.settings import level_names
from desktop_app.core.validation import (
    strip_control_characters,
)


@dataclass(frozen=True)
class QueueFilter:
    """What the queue shows. ``None`` means any; ``waiting_for`` is the next step's stage."""

    text: str = ""
    status: ApplicationStatus | None = ApplicationStatus.OPEN
    waiting_for: ApplicationStage | None = None
    handler_id: int | None = None  # 0 = nobody in charge
    min_waiting_days: int | None = None


def _waiting_condition(stage: ApplicationStage) -> ColumnElement[bool]:
    """SQL for "the next step is ``stage``" (the credit check only applies to re-admissions)."""
    readmission = Application.former_member_id.is_not(None)
    if stage == ApplicationStage.CREDIT_CHECKED:
        return and_(Application.stage == ApplicationStage.DOCUMENTS_SUBMITTED, readmission)
    if stage == ApplicationStage.REVIEWED:
        return or_(
            and_(Application.stage == ApplicationStage.DOCUMENTS_SUBMITTED, ~readmission),
            Application.stage == ApplicationStage.CREDIT_CHECKED,
        )
    previous = STEPS[STAGE_ORDER[stage] - 1].stage
    return Application.stage == previous


def _pinyin_matches(session: Session, text: str) -> list[int]:
    """Applications whose name or liaison the typed pinyin finds (whzs → 武汉中山…, issue 16). The
    queue holds hundreds of applications a year, not the register's 100,000: read and match here."""
    if not pinyin.normalise_query(text).isascii() or not any(ch.isalpha() for ch in text):
        return []
    rows = session.execute(select(Application.id, Application.name, Application.liaison_name))
    return [
        id_ for id_, name, liaison in rows if pinyin.matches(text, name) or pinyin.matches(text, liaison, person=True)
    ]


def _apply_queue_filter(session: Session, query, flt: QueueFilter, *, with_stage: bool = True):  # type: ignore[no-untyped-def]
    text = strip_control_characters(flt.text or "").strip()  # a NUL would match everything on SQLite
    if text:
        pattern = f"%{members.escape_like(text)}%"
        upper = f"%{members.escape_like(text.upper().replace(' ', ''))}%"
        query = query.where(
            or_(
                Application.name.like(pattern, escape="\\"),
                Application.uscc.like(upper, escape="\\"),
                Application.application_number.like(upper, escape="\\"),
                Application.liaison_name.like(pattern, escape="\\"),
                Application.closed_reason.like(pattern, escape="\\"),
                Application.id.in_(_pinyin_matches(session, text)),
            )
        )
    if flt.status is not None:
        query = query.where(Application.status == flt.status)
    if with_stage and flt.waiting_for is not None:
        query = query.where(Application.status == ApplicationStatus.OPEN, _waiting_condition(flt.waiting_for))
    if flt.handler_id == 0:
        query = query.where(Application.handler_id.is_(None))
    elif flt.handler_id is not None:
        query = query.where(Application.handler_id == flt.handler_id)
    if flt.min_waiting_days:
        clock = clock_of(session)
        first_day = clock.today() - dt.timedelta(days=flt.min_waiting_days - 1)
        cutoff = dt.datetime.combine(first_day, dt.time(0), tzinfo=clock.now().tzinfo)
        query = query.where(Application.stage_since < cutoff)
    return query


@dataclass(frozen=True)
class QueueRow:
    id: int
    application_number: str
    name: str
    uscc: str
    status: ApplicationStatus
    stage: ApplicationStage
    waiting_for: Step | None  # None once registered, declined or abandoned
    since: dt.datetime
    days: int
    handler_name: str | None
    readmission: bool
    credit_failed: bool
    closed_reason: str | None


def queue(session: Session, flt: QueueFilter = QueueFilter(), *, limit: int = 2000) -> list[QueueRow]:
    """The applications, longest waiting first (closed ones: latest first). Only the queue's
    columns are read (an application row is wide), so a few thousand take milliseconds."""
    query = select(
        Application.id,
        Application.application_number,
        Application.name,
        Application.uscc,
        Application.status,
        Application.stage,
        Application.stage_since,
        Staff.full_name,
        Application.former_member_id.is_not(None),
        Application.credit_result,
        Application.closed_reason,
    ).outerjoin(Staff, Staff.id == Application.handler_id)
    query = _apply_queue_filter(session, query, flt)
    if flt.status == ApplicationStatus.OPEN:
        query = query.order_by(Application.stage_since, Application.id)
    else:
        query = query.order_by(Application.stage_since.desc(), Application.id.desc())
    clock = clock_of(session)
    zone, today = clock.now().tzinfo, clock.today()
    rows = []
    for id_, number, name, uscc, status, stage, since, handler, readmission, credit, closed_reason in session.execute(
        query.limit(limit)
    ):
        days = max(0, (today - since.astimezone(zone).date()).days)
        rows.append(
            QueueRow(
                id_,
                number,
                name,
                uscc,
                status,
                stage,
                _next_of(status, stage, readmission),
                since,
                days,
                handler,
                readmission,
                credit == CreditResult.FAILED,
                closed_reason,
            )
        )
    return rows


def queue_counts(session: Session, flt: QueueFilter = QueueFilter()) -> dict[ApplicationStage, int]:
    """Open applications per next step (the other filters applied), for the stage list."""
    query = _apply_queue_filter(
        session,
        select(Application.stage, Application.former_member_id.is_not(None), func.count(Application.id)),
        QueueFilter(flt.text, ApplicationStatus.OPEN, None, flt.handler_id, flt.min_waiting_days),
        with_stage=False,
    ).group_by(Application.stage, Application.former_member_id.is_not(None))
    counts = {step.stage: 0 for step in STEPS[1:]}
    for stage, readmission, count in session.execute(query):
        steps = STEPS if readmission else tuple(s for s in STEPS if s.stage != ApplicationStage.CREDIT_CHECKED)
        position = next(i for i, s in enumerate(steps) if s.stage == stage)
        if position + 1 < len(steps):
            counts[steps[position + 1].stage] += count
    return counts


def queued_print_count(session: Session) -> int:
    return session.scalar(select(func.count(PrintJob.id)).where(PrintJob.status == PrintStatus.QUEUED)) or 0


def status_counts(session: Session) -> dict[ApplicationStatus, int]:
    rows = session.execute(select(Application.status, func.count(Application.id)).group_by(Application.status))
    counts = {status: 0 for status in ApplicationStatus}
    counts.update({status: count for status, count in rows})
    return counts


@dataclass(frozen=True)
class StepRecord:
    step: Step
    done: bool
    by: str | None
    at: dt.datetime | None
    text: str  # what was recorded, in Chinese


def step_records(session: Session, application: Application) -> list[StepRecord]:
    """Each step of this application: done or not, who, when, and what was recorded."""
    names = _staff_names(session)
    a = application
    out = []
    for step in steps_for(a):
        done = STAGE_ORDER[step.stage] <= STAGE_ORDER[a.stage]
        prefix = {
            ApplicationStage.RECEIVED: "received",
            ApplicationStage.VISITED: "visit",
            ApplicationStage.FORMS_COMPLETED: "forms",
            ApplicationStage.DOCUMENTS_SUBMITTED: "documents",
            ApplicationStage.CREDIT_CHECKED: "credit",
            ApplicationStage.REVIEWED: "review",
            ApplicationStage.APPROVED: "approval",
            ApplicationStage.DUES_PAID: "dues",
            ApplicationStage.SIGNED_OFF: "sign_off",
            ApplicationStage.REGISTERED: "registered",
        }[step.stage]
        by_id, at = getattr(a, f"{prefix}_by_id"), getattr(a, f"{prefix}_at")
        text = ""
        if step.stage == ApplicationStage.RECEIVED:
            text = f"申请日期 {a.application_date}" + (f"；{a.briefing_note}" if a.briefing_note else "")
        elif step.stage == ApplicationStage.VISITED and a.visit_date:
            text = f"{a.visit_date} {a.visit_leader_name}（{a.visit_leader_rank}）" + (
                f"；{a.visit_note}" if a.visit_note else ""
            )
        elif step.stage == ApplicationStage.FORMS_COMPLETED and done:
            text = "入会申请表、备案表已填写"
        elif step.stage == ApplicationStage.DOCUMENTS_SUBMITTED and done:
            text = "资料齐全"
        elif step.stage == ApplicationStage.CREDIT_CHECKED and a.credit_result:
            word = "合格" if a.credit_result == CreditResult.PASSED else "不合格"
            text = f"{a.credit_checked_on} {word}：{a.credit_evidence}"
        elif step.stage == ApplicationStage.REVIEWED and a.review_opinion:
            text = a.review_opinion
        elif step.stage == ApplicationStage.APPROVED and a.approval_opinion:
            text = a.approval_opinion
        elif step.stage == ApplicationStage.DUES_PAID and a.dues_amount is not None:
            text = f"{a.dues_amount:.2f} 元，收据编号 {a.dues_receipt_number}，{a.dues_paid_on} 缴纳"
        elif step.stage == ApplicationStage.SIGNED_OFF and a.sign_off_opinion:
            text = a.sign_off_opinion
        elif step.stage == ApplicationStage.REGISTERED and a.member_id:
            member = session.get(Member, a.member_id)
            if member is not None:
                text = f"会员编号 {member.member_number}，会员证编号 {member.certificate_number or ''}"
        out.append(StepRecord(step, done, names.get(by_id) if by_id else None, _local(session, at), text))
    return out


@dataclass(frozen=True)
class EventRecord:
    """One entry of an application's history: a step, a send-back, a document added …"""

    at: dt.datetime
    actor_id: int | None
    actor_name: str
    kind: EventKind
    stage_from: ApplicationStage | None
    stage_to: ApplicationStage | None
    summary: str
    reason: str | None
    details: Mapping[str, Any] | None


def history(session: Session, application_id: int) -> list[EventRecord]:
    """Newest first."""
    return [
        EventRecord(
            event.at,
            event.actor_id,
            event.actor_name,
            event.kind,
            event.stage_from,
            event.stage_to,
            event.summary,
            event.reason,
            dict(event.details) if event.details is not None else None,
        )
        for event in session.scalars(
            select(ApplicationEvent)
            .where(ApplicationEvent.application_id == application_id)
            .order_by(ApplicationEvent.at.desc(), ApplicationEvent.id.desc())
        )
    ]


# --- one application, as the window reads it (plain records, never the ORM row) ---------------------


@dataclass(frozen=True)
class ApplicationRecord:
    """An application's facts for the panel and the correction dialog; ``values`` are its
    editable fields (``EDITABLE_FIELDS``), ``version`` goes back with a change."""

    id: int
    application_number: str
    name: str
    version: int
    status: ApplicationStatus
    stage: ApplicationStage
    stage_since: dt.datetime
    level: str
    level_name: str
    handler_name: str | None
    application_date: dt.date
    received_by_id: int | None
    briefing_note: str | None
    readmission: bool
    back_payment: BackPaymentDecision | None
    back_payment_reason: str | None
    closed_reason: str | None
    values: Mapping[str, Any]


def _record(session: Session, application: Application) -> ApplicationRecord:
    return ApplicationRecord(
        id=application.id,
        application_number=application.application_number,
        name=application.name,
        version=application.version,
        status=application.status,
        stage=application.stage,
        stage_since=application.stage_since,
        level=application.level,
        level_name=level_names(session).get(application.level, application.level),
        handler_name=application.handler.full_name if application.handler else None,
        application_date=application.application_date,
        received_by_id=application.received_by_id,
        briefing_note=application.briefing_note,
        readmission=application.former_member_id is not None,
        back_payment=application.back_payment,
        back_payment_reason=application.back_payment_reason,
        closed_reason=application.closed_reason,
        values=MappingProxyType(application_values(application)),
    )


def application_record(session: Session, application_id: int) -> ApplicationRecord:
    return _record(session, get_application(session, application_id))


@dataclass(frozen=True)
class ApplicationDetail:
    """Everything the admission panel shows of one application for ``actor``, read in one session:
    the next action (or why not), the other actions' refusals, the re-admission facts, the steps,
    the checklist and the history."""

    application: ApplicationRecord
    next_action: NextAction | None
    refusals: Mapping[str, str | None]
    former: FormerMember | None
    earliest_registration: dt.date | None
    waiting_days: int
    steps: tuple[StepRecord, ...]
    checklist: tuple[ChecklistItem, ...]
    history: tuple[EventRecord, ...]
    attachment_limit_bytes: int
    send_back_targets: tuple[Step, ...]


def application_detail(session: Session, actor: Actor, application_id: int) -> ApplicationDetail:
    application = get_application(session, application_id)
    return ApplicationDetail(
        application=_record(session, application),
        next_action=next_action(session, actor, application),
        refusals=MappingProxyType(action_refusals(session, actor, application)),
        former=former_member_of(session, application),
        earliest_registration=earliest_registration(session, application),
        waiting_days=waiting_days(session, application.stage_since),
        steps=tuple(step_records(session, application)),
        checklist=tuple(checklist(session, application_id)),
        history=tuple(history(session, application_id)),
        attachment_limit_bytes=attachment_limit_bytes(session),
        send_back_targets=tuple(send_back_targets(application)),
    )


@dataclass(frozen=True)
class StepForm:
    """What the form of an application's next step needs to show (``advance`` then records it)."""

    application_id: int
    application_number: str
    name: str
    version: int
    step: Step
    today: dt.date
    # Proposed as the amount at the dues step: what the applicant owes if it pays today
    # (``dues.admission_dues``: first-year rule, back-payment years); at other steps the level's
    # annual dues. None: the level is not in the schedule.
    annual_dues: Decimal | None
    missing_documents: tuple[DocumentKind, ...]
    note: str | None  # e.g. a failed credit check
    former: FormerMember | None
    restoring: bool  # a resident leader granted the back-payment route


def _proposed_dues(session: Session, application: Application, step: Step) -> Decimal | None:
    if step.stage == ApplicationStage.DUES_PAID:
        owed = dues.admission_dues(session, application, clock_of(session).today())
        if owed.years:
            return owed.owed
    return dues.annual_dues(session, application.level)


def step_form(session: Session, actor: Actor, application_id: int) -> StepForm | None:
    """None when the application has no step left (registered, declined, abandoned)."""
    application = get_application(session, application_id)
    step = next_step(application)
    if step is None:
        return None
    action = next_action(session, actor, application)
    return StepForm(
        application_id=application.id,
        application_number=application.application_number,
        name=application.name,
        version=application.version,
        step=step,
        today=clock_of(session).today(),
        annual_dues=_proposed_dues(session, application, step),
        missing_documents=tuple(missing_documents(session, application_id)),
        note=action.note if action is not None else None,
        former=former_member_of(session, application),
        restoring=application.back_payment == BackPaymentDecision.GRANTED,
    )
