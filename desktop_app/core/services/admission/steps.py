"""Admission's stages in order (R-4.1, R-5.1 … R-5.6, R-15.1): the step table, what each stage waits for, the
re-admission dates, and the history every step writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    CONTACT_FIELDS,
    CONTACT_ROLES,
    Application,
    ApplicationEvent,
    ApplicationStage,
    ApplicationStatus,
    BackPaymentDecision,
    DocumentKind,
    EventKind,
    Member,
    Staff,
)
from desktop_app.core.security import Actor, Permission
from desktop_app.core.settings import (
    READMISSION_COUNTING,
    get_setting,
)
from desktop_app.errors import ConflictError, NotFound, OfficeError
from desktop_app.messages import Join, say


class AdmissionRefused(OfficeError):
    """A step the regulation does not allow now (skipping, the two-year wait, a missing document …)."""


CONTACT_COLUMNS = tuple(f"{role}_{field}" for role in CONTACT_ROLES for field in CONTACT_FIELDS)


ORGANISATION_FIELDS = (
    "name",
    "uscc",
    "category",
    "level",
    "main_business",
    "qualification",
    "district",
    "address",
    "postcode",
    *CONTACT_COLUMNS,
)


EDITABLE_FIELDS = (*ORGANISATION_FIELDS, "notes", "handler_id")


@dataclass(frozen=True)
class Step:
    """One step of the queue: the stage it reaches, who may take it, and what it records."""

    stage: ApplicationStage
    permission: Permission
    title: str  # 来会考察
    waiting: str  # what an application at the previous stage waits for
    article: str
    columns: tuple[str, ...]  # cleared when the application is sent back to redo this step


STEPS: tuple[Step, ...] = (
    Step(
        ApplicationStage.RECEIVED,
        Permission.RECEIVE_APPLICATIONS,
        "接待并介绍协会情况",
        "等待接待",
        "第四条",
        ("received_by_id", "received_at", "briefing_note"),
    ),
    Step(
        ApplicationStage.VISITED,
        Permission.RECORD_VISITS,
        "来会考察交流",
        "等待来会考察",
        "第四条",
        ("visit_date", "visit_leader_name", "visit_leader_rank", "visit_note", "visit_by_id", "visit_at"),
    ),
    Step(
        ApplicationStage.FORMS_COMPLETED,
        Permission.RECEIVE_APPLICATIONS,
        "填写入会申请表、备案表",
        "等待填写申请表和备案表",
        "第五条第（一）项",
        ("forms_by_id", "forms_at"),
    ),
    Step(
        ApplicationStage.DOCUMENTS_SUBMITTED,
        Permission.RECEIVE_APPLICATIONS,
        "提交资料",
        "等待提交资料",
        "第五条第（二）项",
        ("documents_by_id", "documents_at"),
    ),
    Step(
        ApplicationStage.CREDIT_CHECKED,
        Permission.REVIEW_APPLICATIONS,
        "信用考察（重新入会）",
        "等待信用考察",
        "第十五条",
        ("credit_result", "credit_checked_on", "credit_evidence", "credit_by_id", "credit_at"),
    ),
    Step(
        ApplicationStage.REVIEWED,
        Permission.REVIEW_APPLICATIONS,
        "会籍管理部初审",
        "等待初审",
        "第五条第（三）项",
        ("review_opinion", "review_by_id", "review_at"),
    ),
    Step(
        ApplicationStage.APPROVED,
        Permission.APPROVE_APPLICATIONS,
        "领导审批",
        "等待领导审批",
        "第五条第（四）项",
        ("approval_opinion", "approval_by_id", "approval_at"),
    ),
    Step(
        ApplicationStage.DUES_PAID,
        Permission.RECORD_ADMISSION_DUES,
        "缴纳会费",
        "等待缴纳会费",
        "第五条第（五）项",
        ("dues_amount", "dues_receipt_number", "dues_paid_on", "dues_by_id", "dues_at"),
    ),
    Step(
        ApplicationStage.SIGNED_OFF,
        Permission.SIGN_OFF_APPLICATIONS,
        "驻会领导签批",
        "等待驻会领导签批",
        "第五条第（六）项",
        ("sign_off_opinion", "sign_off_by_id", "sign_off_at"),
    ),
    Step(
        ApplicationStage.REGISTERED,
        Permission.REGISTER_MEMBERS,
        "入会登记",
        "等待入会登记",
        "第五条第（六）项",
        ("member_id", "registered_by_id", "registered_at"),
    ),
)


STEP = {step.stage: step for step in STEPS}


STAGE_ORDER = {step.stage: position for position, step in enumerate(STEPS)}


APPLICATION_STATUS_LABELS = {
    ApplicationStatus.OPEN: "办理中",
    ApplicationStatus.REGISTERED: "已入会",
    ApplicationStatus.DECLINED: "已谢绝",
    ApplicationStatus.ABANDONED: "已撤销",
}


# R-5.1 (2): the checklist that gates the documents step (and so the initial review).
REQUIRED_DOCUMENTS: tuple[DocumentKind, ...] = (
    DocumentKind.BUSINESS_LICENCE,
    DocumentKind.QUALIFICATION_CERTIFICATE,
    DocumentKind.PROFILE,
    DocumentKind.BROCHURE,
)


DOCUMENT_LABELS = {
    DocumentKind.BUSINESS_LICENCE: "营业执照复印件",
    DocumentKind.QUALIFICATION_CERTIFICATE: "资质证书复印件",
    DocumentKind.PROFILE: "单位简介（电子版）",
    DocumentKind.BROCHURE: "单位画册（纸质版，附扫描件或照片）",
    DocumentKind.CREDIT_EVIDENCE: "信用考察材料",
    DocumentKind.OTHER: "其他材料",
}


READMISSION_YEARS = 2  # R-15.1 "满两年"


COUNT_FROM_APPLICATION = "from_application_date"


COUNT_FROM_LEFT = "from_left_date"


def steps_for(application: Application) -> tuple[Step, ...]:
    """The steps this application goes through: the credit check only for a re-admission."""
    if application.former_member_id is not None:
        return STEPS
    return tuple(step for step in STEPS if step.stage != ApplicationStage.CREDIT_CHECKED)


def next_step(application: Application) -> Step | None:
    return _next_of(application.status, application.stage, application.former_member_id is not None)


def stage_title(stage: ApplicationStage) -> str:
    return STEP[stage].title


def get_application(session: Session, application_id: int) -> Application:
    application = session.get(Application, application_id)
    if application is None:
        raise NotFound(say("dues.consents.application_not_found"))
    return application


def application_values(application: Application) -> dict[str, Any]:
    return {field: getattr(application, field) for field in EDITABLE_FIELDS}


def _staff_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Staff.id, Staff.full_name)).all())


def _local(session: Session, moment: dt.datetime | None) -> dt.datetime | None:
    return None if moment is None else moment.astimezone(clock_of(session).now().tzinfo)


def waiting_days(session: Session, since: dt.datetime) -> int:
    local = _local(session, since)
    assert local is not None
    return max(0, (clock_of(session).today() - local.date()).days)


def _add_years(day: dt.date, years: int) -> dt.date:
    """The corresponding day ``years`` later; the month's last day when there is none (29 Feb)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def readmission_base_date(session: Session, application_date: dt.date, former: Member) -> tuple[dt.date, str]:
    """The date the two years are counted from, and the rule's words for messages."""
    rule = get_setting(session, READMISSION_COUNTING)
    if rule == COUNT_FROM_LEFT and former.left_date is not None:
        return former.left_date, "自退会之日起算"
    return application_date, "自申请之日起算"


def earliest_readmission(session: Session, application_date: dt.date, former: Member) -> dt.date:
    """The first day a re-admission may be registered: the day after two full years (see module doc)."""
    base, _rule = readmission_base_date(session, application_date, former)
    return _add_years(base, READMISSION_YEARS) + dt.timedelta(days=1)


def earliest_registration(session: Session, application: Application) -> dt.date | None:
    """For a re-admission, the earliest registration date (None when not a re-admission or when a
    resident leader granted the back-payment route, which has no waiting period)."""
    if application.former_member_id is None or application.back_payment == BackPaymentDecision.GRANTED:
        return None
    former = session.get(Member, application.former_member_id)
    assert former is not None
    return earliest_readmission(session, application.application_date, former)


@dataclass(frozen=True)
class FormerMember:
    """A former member found by USCC at entry: when and why it left."""

    member_id: int
    name: str
    member_number: str
    status_label: str
    join_date: dt.date | None
    left_date: dt.date | None
    left_reason: str | None
    earliest_registration: dt.date
    counting: str  # 自申请之日起算 / 自退会之日起算

    def left_text(self) -> str:
        return say(
            "admission.former_member",
            name=self.name,
            member_number=self.member_number,
            left=self.left_date.isoformat() if self.left_date else say("admission.date_unknown"),
            status=self.status_label,
            reason=self.left_reason or say("admission.reason_unknown"),
        )

    def describe(self) -> str:
        return Join(
            [
                self.left_text(),
                say(
                    "admission.rejoin_rule",
                    counting=self.counting,
                    earliest=self.earliest_registration.isoformat(),
                ),
            ],
            "",
            " ",
        )


def _former_member_info(session: Session, former: Member, application_date: dt.date) -> FormerMember:
    _base, counting = readmission_base_date(session, application_date, former)
    return FormerMember(
        member_id=former.id,
        name=former.name,
        member_number=former.member_number,
        status_label=former.status.label,
        join_date=former.join_date,
        left_date=former.left_date,
        left_reason=former.left_reason,
        earliest_registration=earliest_readmission(session, application_date, former),
        counting=counting,
    )


def former_member_of(session: Session, application: Application) -> FormerMember | None:
    if application.former_member_id is None:
        return None
    former = session.get(Member, application.former_member_id)
    assert former is not None
    return _former_member_info(session, former, application.application_date)


def _flush(session: Session) -> None:
    try:
        session.flush()
    except StaleDataError as exc:
        session.rollback()
        raise ConflictError(say("admission.changed_meanwhile")) from exc


def _event(
    session: Session,
    actor: Actor,
    application: Application,
    kind: EventKind,
    summary: str,
    *,
    stage_from: ApplicationStage | None = None,
    stage_to: ApplicationStage | None = None,
    reason: str | None = None,
    details: dict[str, Any] | None = None,
) -> ApplicationEvent:
    event = ApplicationEvent(
        application_id=application.id,
        at=clock_of(session).now(),
        actor_id=actor.id,
        actor_name=actor.full_name,
        kind=kind,
        stage_from=stage_from,
        stage_to=stage_to,
        summary=summary[:300],
        reason=reason,
        details=audit.jsonable(details) if details else None,
    )
    session.add(event)
    return event


def _who(actor: Actor, session: Session, prefix: str) -> dict[str, Any]:
    return {f"{prefix}_by_id": actor.id, f"{prefix}_at": clock_of(session).now()}


def send_back_targets(application: Application) -> list[Step]:
    """The steps an application may be sent back to redo: those done after the reception."""
    if application.status != ApplicationStatus.OPEN:
        return []
    return [
        step
        for step in steps_for(application)
        if ApplicationStage.RECEIVED != step.stage and STAGE_ORDER[step.stage] <= STAGE_ORDER[application.stage]
    ]


def _next_of(status: ApplicationStatus, stage: ApplicationStage, readmission: bool) -> Step | None:
    if status != ApplicationStatus.OPEN:
        return None
    steps = STEPS if readmission else _STEPS_WITHOUT_CREDIT
    position = next(i for i, step in enumerate(steps) if step.stage == stage)
    return steps[position + 1] if position + 1 < len(steps) else None


_STEPS_WITHOUT_CREDIT = tuple(step for step in STEPS if step.stage != ApplicationStage.CREDIT_CHECKED)
