"""Admission: the application queue from the first visit to the certificate and the plaque.

R-4.1 (received and briefed, then a visit), R-4.2 (decline with a reason), R-5.1 … R-5.6 (the
stages, in order, none skipped; only a resident leader signs off; registration creates the member
and queues the certificate and the plaque order), R-15.1 (re-admission: credit check, two full
years, the back-payment route decided by a resident leader).

The window never decides what may happen: it asks ``next_action`` / ``action_refusals`` what is
next, who may do it and, if not, why.

Decisions written down here (the regulation leaves them open):

- *Leadership approval* (R-5.1 (4)) is given by a resident leader account: the program has no
  other leadership role, and neither a membership officer nor the administrator may approve in
  the leadership's name. The same resident leader may approve and later sign off.
- *Two full years* (R-15.1 "满两年") are counted as the Civil Code counts periods (第二百零一条:
  the first day is not counted; 第二百零三条: the period ends on the corresponding day, or the
  month's last day when there is none): from a base date D the two years are complete at the end
  of D + 2 years, so registration is allowed from the day after. The base date is the
  re-application's date (the regulation's wording) or, by the setting
  ``admission.readmission_counting``, the day the member left.
- A re-admission re-activates the former member's record (its USCC is unique in the register
  and its history stays in one place). A regular re-admission gets a new member number and join
  date; a membership restored by back-payment (granted case by case by a resident leader, which
  waives the two-year wait) keeps its member number and original join date. Both get a new
  certificate number (the old certificate was handed back, R-11.1).
- The credit check of a re-admission (R-15.1) is a stage between the documents and the initial
  review; a failed check stops the application until it is checked again or declined.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import PurePath
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.errors import ConflictError, NotFound, OfficeError, PermissionDenied, ValidationError
from desktop_app.core.models import (
    CONTACT_FIELDS,
    CONTACT_ROLES,
    Application,
    ApplicationDocument,
    ApplicationEvent,
    ApplicationStage,
    ApplicationStatus,
    BackPaymentDecision,
    CreditResult,
    DocumentKind,
    EventKind,
    Member,
    MemberStatus,
    PrintJob,
    PrintKind,
    PrintStatus,
    Staff,
)
from desktop_app.core.numbering import next_number
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import members
from desktop_app.core.settings import (
    APPLICATION_NUMBER_FORMAT,
    ATTACHMENT_LIMIT_MB,
    CERTIFICATE_NUMBER_FORMAT,
    DEFAULT_LEVEL,
    MEMBER_NUMBER_FORMAT,
    READMISSION_COUNTING,
    get_setting,
    level_names,
    levels,
)
from desktop_app.core.validation import (
    FieldError,
    check_control_characters,
    clean_multiline,
    clean_name,
    clean_text,
    parse_uscc,
    strip_control_characters,
)


class AdmissionRefused(OfficeError):
    """A step the regulation does not allow now (skipping, the two-year wait, a missing document …)."""


# --- the stages ----------------------------------------------------------------------------------

CONTACT_COLUMNS = tuple(f"{role}_{field}" for role in CONTACT_ROLES for field in CONTACT_FIELDS)
ORGANISATION_FIELDS = (
    "name", "uscc", "category", "level", "main_business", "qualification", "district", "address",
    "postcode", *CONTACT_COLUMNS,
)  # fmt: skip
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
    Step(ApplicationStage.RECEIVED, Permission.RECEIVE_APPLICATIONS, "接待并介绍协会情况", "等待接待",
         "第四条", ("received_by_id", "received_at", "briefing_note")),
    Step(ApplicationStage.VISITED, Permission.RECORD_VISITS, "来会考察交流", "等待来会考察",
         "第四条", ("visit_date", "visit_leader_name", "visit_leader_rank", "visit_note", "visit_by_id", "visit_at")),
    Step(ApplicationStage.FORMS_COMPLETED, Permission.RECEIVE_APPLICATIONS, "填写入会申请表、备案表",
         "等待填写申请表和备案表", "第五条第（一）项", ("forms_by_id", "forms_at")),
    Step(ApplicationStage.DOCUMENTS_SUBMITTED, Permission.RECEIVE_APPLICATIONS, "提交资料", "等待提交资料",
         "第五条第（二）项", ("documents_by_id", "documents_at")),
    Step(ApplicationStage.CREDIT_CHECKED, Permission.REVIEW_APPLICATIONS, "信用考察（重新入会）", "等待信用考察",
         "第十五条", ("credit_result", "credit_checked_on", "credit_evidence", "credit_by_id", "credit_at")),
    Step(ApplicationStage.REVIEWED, Permission.REVIEW_APPLICATIONS, "会籍管理部初审", "等待初审",
         "第五条第（三）项", ("review_opinion", "review_by_id", "review_at")),
    Step(ApplicationStage.APPROVED, Permission.APPROVE_APPLICATIONS, "领导审批", "等待领导审批",
         "第五条第（四）项", ("approval_opinion", "approval_by_id", "approval_at")),
    Step(ApplicationStage.DUES_PAID, Permission.RECORD_ADMISSION_DUES, "缴纳会费", "等待缴纳会费",
         "第五条第（五）项", ("dues_amount", "dues_receipt_number", "dues_paid_on", "dues_by_id", "dues_at")),
    Step(ApplicationStage.SIGNED_OFF, Permission.SIGN_OFF_APPLICATIONS, "驻会领导签批", "等待驻会领导签批",
         "第五条第（六）项", ("sign_off_opinion", "sign_off_by_id", "sign_off_at")),
    Step(ApplicationStage.REGISTERED, Permission.REGISTER_MEMBERS, "入会登记", "等待入会登记",
         "第五条第（六）项", ("member_id", "registered_by_id", "registered_at")),
)  # fmt: skip
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
# Types are recognised by their content's signature, never by the file name alone.
FILE_SIGNATURES = (
    (b"%PDF-", "application/pdf", (".pdf",)),
    (b"\x89PNG\r\n\x1a\n", "image/png", (".png",)),
    (b"\xff\xd8\xff", "image/jpeg", (".jpg", ".jpeg")),
)
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


# --- reading -------------------------------------------------------------------------------------


def get_application(session: Session, application_id: int) -> Application:
    application = session.get(Application, application_id)
    if application is None:
        raise NotFound("找不到该入会申请。")
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


# --- re-admission (R-15.1) -----------------------------------------------------------------------


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
        left = self.left_date.isoformat() if self.left_date else "日期不详"
        reason = self.left_reason or "原因未记录"
        return f"该单位曾是会员：{self.name}（会员编号 {self.member_number}），于 {left} {self.status_label}，原因：{reason}。"

    def describe(self) -> str:
        return (
            f"{self.left_text()}按第十五条须先进行信用考察，合格者满两年方可再次加入"
            f"（{self.counting}，最早可于 {self.earliest_registration.isoformat()} 办理登记）。"
        )


def _former_member_info(session: Session, former: Member, application_date: dt.date) -> FormerMember:
    _base, counting = readmission_base_date(session, application_date, former)
    return FormerMember(
        member_id=former.id, name=former.name, member_number=former.member_number,
        status_label=former.status.label, join_date=former.join_date, left_date=former.left_date,
        left_reason=former.left_reason,
        earliest_registration=earliest_readmission(session, application_date, former), counting=counting,
    )  # fmt: skip


def former_member_of(session: Session, application: Application) -> FormerMember | None:
    if application.former_member_id is None:
        return None
    former = session.get(Member, application.former_member_id)
    assert former is not None
    return _former_member_info(session, former, application.application_date)


@dataclass(frozen=True)
class EntryCheck:
    """What the new-application dialog shows as soon as a USCC is typed."""

    error: str | None = None  # refused: an active member or an open application has this code
    former: FormerMember | None = None  # flagged: a re-admission
    earlier: tuple[str, ...] = ()  # declined or abandoned applications of the same code


def check_uscc_at_entry(
    session: Session, raw_uscc: str, *, application_date: dt.date | None = None, application_id: int | None = None
) -> EntryCheck:
    try:
        code = parse_uscc(raw_uscc).code
    except FieldError as exc:
        return EntryCheck(error=f"统一社会信用代码：{exc}")
    application_date = application_date or clock_of(session).today()
    member = session.scalar(select(Member).where(Member.uscc == code))
    error = None
    former = None
    if member is not None and member.status == MemberStatus.ACTIVE:
        error = (
            f"统一社会信用代码：该代码已属于会员“{member.name}”（会员编号 {member.member_number}，"
            f"{member.status.label}），不能再申请入会"
        )
    elif member is not None:
        former = _former_member_info(session, member, application_date)
    open_application = session.scalar(
        select(Application).where(
            Application.uscc == code, Application.status == ApplicationStatus.OPEN,
            Application.id != (application_id or 0),
        )
    )  # fmt: skip
    if open_application is not None:
        waiting = next_step(open_application)
        error = (
            f"统一社会信用代码：该单位已有办理中的入会申请“{open_application.name}”（申请编号 "
            f"{open_application.application_number}，{waiting.waiting if waiting else ''}），不能重复申请"
        )
    earlier = tuple(
        f"{a.application_number}（{a.application_date.isoformat()}）{APPLICATION_STATUS_LABELS[a.status]}：{a.closed_reason or ''}"
        for a in session.scalars(
            select(Application)
            .where(Application.uscc == code, Application.status.in_([ApplicationStatus.DECLINED, ApplicationStatus.ABANDONED]))
            .order_by(Application.application_date.desc())
        )
    )
    return EntryCheck(error=error, former=former, earlier=earlier)


# --- validation ----------------------------------------------------------------------------------


def _validate_organisation(
    session: Session, values: dict[str, Any], *, application_id: int | None, application_date: dt.date
) -> tuple[dict[str, Any], Member | None]:
    """The organisation's fields, checked exactly as a member's (R-3.1), plus the admission checks:
    an active member's or an open application's USCC is refused, a former member's is flagged."""
    given = {key: values.get(key) for key in ORGANISATION_FIELDS if key in values}
    given.setdefault("level", get_setting(session, DEFAULT_LEVEL))
    errors: dict[str, str] = {}
    former: Member | None = None
    entry = check_uscc_at_entry(session, given.get("uscc") or "", application_date=application_date,
                                application_id=application_id)  # fmt: skip
    member_id = None
    if entry.former is not None:
        former = session.get(Member, entry.former.member_id)
        member_id = entry.former.member_id  # the register's duplicate check must not refuse it
    try:
        checked = members.validate_member(session, {**given, "status": MemberStatus.ACTIVE}, member_id=member_id)
    except ValidationError as exc:
        errors.update(exc.errors)
        checked = {}
    if entry.error is not None and "uscc" not in errors:
        errors["uscc"] = entry.error
    if errors:
        raise ValidationError(errors)
    checked.pop("status", None)
    return checked, former


def _check_text(errors: dict[str, str], field: str, label: str, value: Any, *, required: bool, limit: int | None = None) -> str | None:
    """A note, opinion or reason: several lines allowed, control characters refused."""
    try:
        text = clean_multiline(value)
    except FieldError as exc:
        errors[field] = f"{label}：{exc}"
        return None
    if required and not text:
        errors[field] = f"{label}：不能为空"
    elif limit and len(text) > limit:
        errors[field] = f"{label}：过长（最多 {limit} 字）"
    return text or None


def _check_line(
    errors: dict[str, str], field: str, label: str, value: Any, clean: Callable[[Any], str], *, empty: str = "不能为空"
) -> str:
    """One line (a name, a rank, a number), cleaned by ``clean``; required; control characters refused."""
    try:
        text = clean(value)
    except FieldError as exc:
        errors[field] = f"{label}：{exc}"
        return ""
    if not text:
        errors[field] = f"{label}：{empty}"
    return text


def _check_date(
    session: Session, errors: dict[str, str], field: str, label: str, value: Any, *,
    not_before: dt.date | None = None, not_before_label: str = "",
) -> dt.date | None:  # fmt: skip
    if value in (None, ""):
        errors[field] = f"{label}：不能为空"
        return None
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError:
        errors[field] = f"{label}：日期格式应为 2020-10-27"
        return None
    if isinstance(day, dt.datetime):
        day = day.date()
    if day > clock_of(session).today():
        errors[field] = f"{label}：不能晚于今天"
    elif not_before is not None and day < not_before:
        errors[field] = f"{label}：不能早于{not_before_label}（{not_before.isoformat()}）"
    return day


def _check_handler(session: Session, errors: dict[str, str], field: str, label: str, staff_id: Any) -> int | None:
    if staff_id in (None, "", 0):
        return None
    staff = session.get(Staff, staff_id)
    if staff is None or not staff.is_active:
        errors[field] = f"{label}：所选人员不是在职的工作人员"
        return None
    return staff.id


# --- permissions and refusals --------------------------------------------------------------------

_ROLE_REFUSALS = {
    Permission.SIGN_OFF_APPLICATIONS: "只有驻会领导可以签批入会（第五条第（六）项）。",
    Permission.APPROVE_APPLICATIONS: "领导审批须由驻会领导办理（第五条第（四）项），{role}不能以领导身份审批。",
    Permission.DECIDE_BACK_PAYMENT: "补缴会费恢复会籍须由驻会领导研究决定（第十五条）。",
}


def permission_refusal(actor: Actor, permission: Permission) -> str | None:
    if actor.can(permission):
        return None
    special = _ROLE_REFUSALS.get(permission)
    if special:
        return special.format(role=actor.role.label)
    return f"您的角色“{actor.role.label}”无权{permission.value}。"


def _require(actor: Actor, permission: Permission) -> None:
    reason = permission_refusal(actor, permission)
    if reason:
        raise PermissionDenied(reason)


def _closed_refusal(application: Application) -> str | None:
    if application.status == ApplicationStatus.OPEN:
        return None
    return f"该申请{APPLICATION_STATUS_LABELS[application.status]}，不能再办理。"


def missing_documents(session: Session, application_id: int) -> list[DocumentKind]:
    present = set(session.scalars(
        select(ApplicationDocument.kind).where(ApplicationDocument.application_id == application_id).distinct()
    ))  # fmt: skip
    return [kind for kind in REQUIRED_DOCUMENTS if kind not in present]


def _precondition_refusal(session: Session, application: Application, step: Step) -> str | None:
    """Why the step cannot be taken yet whoever asks (None when it can)."""
    if step.stage == ApplicationStage.DOCUMENTS_SUBMITTED:
        missing = missing_documents(session, application.id)
        if missing:
            return "资料不全，尚缺：" + "、".join(DOCUMENT_LABELS[k] for k in missing) + "（第五条第（二）项）。请先上传扫描件或文件。"
    if step.stage == ApplicationStage.REVIEWED and application.former_member_id is not None:
        if application.credit_result != CreditResult.PASSED:  # cannot happen through the stages
            return "重新入会须先通过信用考察（第十五条）。"
    if step.stage == ApplicationStage.REGISTERED:
        active = session.scalar(
            select(Member).where(Member.uscc == application.uscc, Member.status == MemberStatus.ACTIVE)
        )
        if active is not None:
            return f"该代码已属于正常会员“{active.name}”（会员编号 {active.member_number}），不能重复登记。"
        earliest = earliest_registration(session, application)
        if earliest is not None and clock_of(session).today() < earliest:
            former = former_member_of(session, application)
            assert former is not None
            return (
                f"重新入会须满两年（第十五条，{former.counting}）：最早可于 {earliest.isoformat()} 办理入会登记。"
                "驻会领导可研究决定是否准予补缴会费恢复会籍。"
            )
    return None


def step_refusal(session: Session, actor: Actor, application: Application, step: Step) -> str | None:
    """Why ``actor`` cannot take ``step`` on ``application`` now; None when it can."""
    closed = _closed_refusal(application)
    if closed:
        return closed
    expected = next_step(application)
    if expected is None or expected.stage != step.stage:
        if step not in steps_for(application):
            return f"“{step.title}”只适用于重新入会的申请。"
        if STAGE_ORDER[step.stage] <= STAGE_ORDER[application.stage]:
            return f"“{step.title}”已办理。"
        assert expected is not None
        return f"不能跳过“{expected.title}”：入会流程须依次办理（第五条），该申请正{expected.waiting}。"
    return permission_refusal(actor, step.permission) or _precondition_refusal(session, application, step)


@dataclass(frozen=True)
class NextAction:
    step: Step
    allowed: bool
    reason: str | None  # why not, in Chinese, when not allowed
    note: str | None = None  # something to know even when allowed (e.g. a failed credit check)


def next_action(session: Session, actor: Actor, application: Application) -> NextAction | None:
    step = next_step(application)
    if step is None:
        return None
    reason = step_refusal(session, actor, application, step)
    note = None
    if step.stage == ApplicationStage.CREDIT_CHECKED and application.credit_result == CreditResult.FAILED:
        note = (f"信用考察未通过（{application.credit_checked_on}）：{application.credit_evidence or ''}。"
                "可谢绝入会，或重新考察后再记录。")  # fmt: skip
    return NextAction(step, reason is None, reason, note)


def action_refusals(session: Session, actor: Actor, application: Application) -> dict[str, str | None]:
    """For the window: each action on this application and why it is refused (None: allowed)."""
    closed = _closed_refusal(application)
    action = next_action(session, actor, application)
    back = permission_refusal(actor, Permission.RETURN_APPLICATIONS) or closed
    if back is None and not send_back_targets(application):
        back = "该申请尚未办理可退回的步骤。"
    decision = permission_refusal(actor, Permission.DECIDE_BACK_PAYMENT) or closed
    if decision is None and application.former_member_id is None:
        decision = "只有重新入会的申请才涉及补缴会费恢复会籍（第十五条）。"
    return {
        "advance": (action.reason if action else closed or "没有待办的步骤。"),
        "send_back": back,
        "decline": permission_refusal(actor, Permission.RETURN_APPLICATIONS) or closed,
        "abandon": permission_refusal(actor, Permission.RETURN_APPLICATIONS) or closed,
        "edit": permission_refusal(actor, Permission.RECEIVE_APPLICATIONS) or closed,
        "attach": permission_refusal(actor, Permission.ATTACH_APPLICATION_DOCUMENTS) or closed,
        "back_payment": decision,
    }


# --- writing: helpers ----------------------------------------------------------------------------


def _conflict_message(session: Session, application: Application) -> str:
    last = session.scalar(
        select(ApplicationEvent)
        .where(ApplicationEvent.application_id == application.id)
        .order_by(ApplicationEvent.at.desc(), ApplicationEvent.id.desc())
        .limit(1)
    )
    who = "已被其他人办理"
    if last is not None:
        who = f"已被 {last.actor_name} 于 {_local(session, last.at):%Y-%m-%d %H:%M} 办理（{last.summary}）"
    return f"您打开入会申请“{application.name}”之后，该申请{who}。您的操作未保存，请刷新后再办理。"


def _load_for_change(session: Session, application_id: int, expected_version: int | None) -> Application:
    application = get_application(session, application_id)
    if expected_version is not None and application.version != expected_version:
        raise ConflictError(_conflict_message(session, application))
    return application


def _flush(session: Session) -> None:
    try:
        session.flush()
    except StaleDataError as exc:
        session.rollback()
        raise ConflictError("该入会申请刚刚被其他人办理，您的操作未保存。请刷新后再办理。") from exc


def _event(
    session: Session, actor: Actor, application: Application, kind: EventKind, summary: str, *,
    stage_from: ApplicationStage | None = None, stage_to: ApplicationStage | None = None,
    reason: str | None = None, details: dict[str, Any] | None = None,
) -> ApplicationEvent:  # fmt: skip
    event = ApplicationEvent(
        application_id=application.id, at=clock_of(session).now(), actor_id=actor.id, actor_name=actor.full_name,
        kind=kind, stage_from=stage_from, stage_to=stage_to, summary=summary[:300], reason=reason,
        details=audit.jsonable(details) if details else None,
    )  # fmt: skip
    session.add(event)
    return event


def _record_step(
    session: Session, actor: Actor, application: Application, stage: ApplicationStage, values: dict[str, Any],
    summary: str,
) -> Application:  # fmt: skip
    """Record ``values`` (with who and when) and move the stage on; the caller checked the rules."""
    step = STEP[stage]
    now = clock_of(session).now()
    previous = application.stage
    for key, value in values.items():
        setattr(application, key, value)
    application.stage = stage
    application.stage_since = now
    application.updated_at = now
    _flush(session)
    _event(session, actor, application, EventKind.STEP, summary, stage_from=previous, stage_to=stage,
           details=audit.jsonable(values))  # fmt: skip
    audit.record(session, actor, "admission_step", "application", application.id,
                 f"{application.application_number} {step.title}：{summary}", after=audit.jsonable(values))  # fmt: skip
    return application


def _who(actor: Actor, session: Session, prefix: str) -> dict[str, Any]:
    return {f"{prefix}_by_id": actor.id, f"{prefix}_at": clock_of(session).now()}


# --- the steps -----------------------------------------------------------------------------------


def create_application(session: Session, actor: Actor, values: dict[str, Any]) -> Application:
    """Step 1 (R-4.1): the membership office receives the applicant and briefs it on the association.

    ``values``: the organisation's fields (as a member's), ``application_date`` (today when
    absent), ``received_by_id`` (the signed-in person when absent), ``briefing_note``,
    ``handler_id`` (the staff member in charge; the receiver when absent), ``notes``.
    """
    _require(actor, Permission.RECEIVE_APPLICATIONS)
    errors: dict[str, str] = {}
    today = clock_of(session).today()
    application_date = _check_date(session, errors, "application_date", "申请日期", values.get("application_date") or today)
    received_by_id = _check_handler(session, errors, "received_by_id", "接待人", values.get("received_by_id") or actor.id)
    handler_id = _check_handler(session, errors, "handler_id", "经办人", values.get("handler_id") or received_by_id)
    briefing = _check_text(errors, "briefing_note", "接待情况", values.get("briefing_note"), required=False)
    notes = _check_text(errors, "notes", "备注", values.get("notes"), required=False)
    try:
        organisation, former = _validate_organisation(
            session, values, application_id=None, application_date=application_date or today
        )
    except ValidationError as exc:
        errors = {**exc.errors, **errors}
    if errors:
        raise ValidationError(errors)
    now = clock_of(session).now()
    number = next_number(
        session, "application", APPLICATION_NUMBER_FORMAT,
        lambda n: session.scalar(select(Application.id).where(Application.application_number == n)) is not None,
    )  # fmt: skip
    application = Application(
        **organisation, application_number=number, status=ApplicationStatus.OPEN, stage=ApplicationStage.RECEIVED,
        stage_since=now, handler_id=handler_id, notes=notes, application_date=application_date,
        received_by_id=received_by_id, received_at=now, briefing_note=briefing,
        former_member_id=former.id if former is not None else None, created_at=now, updated_at=now,
    )  # fmt: skip
    session.add(application)
    session.flush()
    details = {"application_date": application_date, "received_by_id": received_by_id, "briefing_note": briefing}
    summary = "受理入会申请：接待并介绍协会情况"
    if former is not None:
        info = _former_member_info(session, former, application.application_date)
        summary += "（重新入会）"
        details.update(former_member=former.member_number, left_date=former.left_date,
                       left_reason=former.left_reason, earliest_registration=info.earliest_registration)  # fmt: skip
    _event(session, actor, application, EventKind.CREATED, summary, stage_to=ApplicationStage.RECEIVED,
           details=audit.jsonable(details))  # fmt: skip
    audit.record(session, actor, "create", "application", application.id,
                 f"受理入会申请 {number} {application.name}",
                 after={k: v for k, v in audit.jsonable(application_values(application)).items() if v not in (None, "")})  # fmt: skip
    return application


def update_application(
    session: Session, actor: Actor, application_id: int, expected_version: int | None, values: dict[str, Any]
) -> Application:
    """Correct the organisation's details of an open application (the USCC only before the review)."""
    _require(actor, Permission.RECEIVE_APPLICATIONS)
    application = _load_for_change(session, application_id, expected_version)
    closed = _closed_refusal(application)
    if closed:
        raise AdmissionRefused(closed)
    before = application_values(application)
    merged = {**before, **{k: v for k, v in values.items() if k in EDITABLE_FIELDS}}
    errors: dict[str, str] = {}
    handler_id = _check_handler(session, errors, "handler_id", "经办人", merged.get("handler_id"))
    notes = _check_text(errors, "notes", "备注", merged.get("notes"), required=False)
    try:
        organisation, former = _validate_organisation(
            session, merged, application_id=application.id, application_date=application.application_date
        )
    except ValidationError as exc:
        errors = {**exc.errors, **errors}
        organisation, former = {}, None
    if not errors and organisation["uscc"] != application.uscc:
        if STAGE_ORDER[application.stage] >= STAGE_ORDER[ApplicationStage.DOCUMENTS_SUBMITTED]:
            errors["uscc"] = "统一社会信用代码：资料已提交后不能再更改代码，请先退回到“提交资料”之前"
    if errors:
        raise ValidationError(errors)
    with session.no_autoflush:
        for key, value in organisation.items():
            setattr(application, key, value)
        application.handler_id = handler_id
        application.notes = notes
        application.former_member_id = former.id if former is not None else None
        old, new = audit.changed_values(before, application_values(application))
        if not new:
            return application
        application.updated_at = clock_of(session).now()
    _flush(session)
    _event(session, actor, application, EventKind.EDITED, "修改申请单位资料", details={"before": old, "after": new})
    audit.record(session, actor, "update", "application", application.id,
                 f"修改入会申请 {application.application_number}", old, new)  # fmt: skip
    return application


def record_visit(
    session: Session, actor: Actor, application_id: int, *, visit_date: Any, leader_name: Any, leader_rank: Any,
    note: Any = None, expected_version: int | None = None,
) -> Application:  # fmt: skip
    """Step 2 (R-4.1): the applicant's leader of suitable rank visited the association."""
    application = _load_for_change(session, application_id, expected_version)
    errors: dict[str, str] = {}
    day = _check_date(session, errors, "visit_date", "考察日期", visit_date,
                      not_before=application.application_date, not_before_label="申请日期")  # fmt: skip
    name = _check_line(errors, "visit_leader_name", "来访领导", leader_name, clean_name)
    rank = _check_line(errors, "visit_leader_rank", "职务", leader_rank, clean_text,
                       empty="不能为空（第四条：须委派一定层级的领导来会考察）")  # fmt: skip
    text = _check_text(errors, "visit_note", "考察情况", note, required=False)
    _raise_refusal_first(session, actor, application, ApplicationStage.VISITED, errors)
    values = {"visit_date": day, "visit_leader_name": name[:64], "visit_leader_rank": rank[:64], "visit_note": text,
              **_who(actor, session, "visit")}  # fmt: skip
    return _record_step(session, actor, application, ApplicationStage.VISITED, values,
                        f"{day} {name}（{rank}）来会考察交流")  # fmt: skip


def _raise_refusal_first(
    session: Session, actor: Actor, application: Application, stage: ApplicationStage, errors: dict[str, str]
) -> None:
    """A refused step says why before any field complaint (no point correcting a form one may not send)."""
    step = STEP[stage]
    reason = step_refusal(session, actor, application, step)
    if reason:
        raise PermissionDenied(reason) if not actor.can(step.permission) else AdmissionRefused(reason)
    if errors:
        raise ValidationError(errors)


def confirm_forms(
    session: Session, actor: Actor, application_id: int, *, application_form: bool = True, filing_form: bool = True,
    expected_version: int | None = None,
) -> Application:  # fmt: skip
    """Step 3 (R-5.1 (1)): the application form and the filing form are filled in."""
    application = _load_for_change(session, application_id, expected_version)
    errors = {}
    if not application_form:
        errors["application_form"] = "入会申请表：尚未填写"
    if not filing_form:
        errors["filing_form"] = "备案表：尚未填写"
    _raise_refusal_first(session, actor, application, ApplicationStage.FORMS_COMPLETED, errors)
    return _record_step(session, actor, application, ApplicationStage.FORMS_COMPLETED, _who(actor, session, "forms"),
                        "入会申请表、备案表已填写")  # fmt: skip


def confirm_documents(session: Session, actor: Actor, application_id: int, *, expected_version: int | None = None) -> Application:
    """Step 4 (R-5.1 (2)): every document of the checklist is attached."""
    application = _load_for_change(session, application_id, expected_version)
    _raise_refusal_first(session, actor, application, ApplicationStage.DOCUMENTS_SUBMITTED, {})
    names = "、".join(DOCUMENT_LABELS[k] for k in REQUIRED_DOCUMENTS)
    return _record_step(session, actor, application, ApplicationStage.DOCUMENTS_SUBMITTED,
                        _who(actor, session, "documents"), f"资料齐全：{names}")  # fmt: skip


def record_credit_check(
    session: Session, actor: Actor, application_id: int, *, result: CreditResult | str, checked_on: Any,
    evidence: Any, expected_version: int | None = None,
) -> Application:  # fmt: skip
    """R-15.1: a re-admission's credit is checked. Passed moves on to the review; failed is recorded
    and the application waits (declined, or checked again later)."""
    application = _load_for_change(session, application_id, expected_version)
    errors: dict[str, str] = {}
    try:
        outcome = CreditResult(result.value if isinstance(result, CreditResult) else result)
    except ValueError:
        errors["credit_result"] = "考察结论：请选择“合格”或“不合格”"
        outcome = None
    day = _check_date(session, errors, "credit_checked_on", "考察日期", checked_on,
                      not_before=application.application_date, not_before_label="申请日期")  # fmt: skip
    text = _check_text(errors, "credit_evidence", "考察依据", evidence, required=True)
    _raise_refusal_first(session, actor, application, ApplicationStage.CREDIT_CHECKED, errors)
    values = {"credit_result": outcome, "credit_checked_on": day, "credit_evidence": text, **_who(actor, session, "credit")}
    if outcome == CreditResult.PASSED:
        return _record_step(session, actor, application, ApplicationStage.CREDIT_CHECKED, values,
                            f"信用考察合格（{day}）：{text}")  # fmt: skip
    for key, value in values.items():
        setattr(application, key, value)
    application.updated_at = clock_of(session).now()
    _flush(session)
    _event(session, actor, application, EventKind.CREDIT_CHECK, f"信用考察不合格（{day}）", reason=text,
           details=audit.jsonable(values))  # fmt: skip
    audit.record(session, actor, "credit_check", "application", application.id,
                 f"{application.application_number} 信用考察不合格", after=audit.jsonable(values))  # fmt: skip
    return application


def review(
    session: Session, actor: Actor, application_id: int, *, opinion: Any, expected_version: int | None = None
) -> Application:
    """Step 5 (R-5.1 (3)): the membership office's initial review, with its opinion."""
    application = _load_for_change(session, application_id, expected_version)
    return _opinion_step(session, actor, application, ApplicationStage.REVIEWED, "review", "初审意见", opinion)


def approve(
    session: Session, actor: Actor, application_id: int, *, opinion: Any, expected_version: int | None = None
) -> Application:
    """Step 6 (R-5.1 (4)): leadership approval (a resident leader; see the module's notes)."""
    application = _load_for_change(session, application_id, expected_version)
    return _opinion_step(session, actor, application, ApplicationStage.APPROVED, "approval", "审批意见", opinion,
                         summary="领导审批")  # fmt: skip


def _opinion_step(
    session: Session, actor: Actor, application: Application, stage: ApplicationStage, step: str, label: str,
    opinion: Any, *, summary: str | None = None,
) -> Application:  # fmt: skip
    """A step that records a required opinion in ``{step}_opinion`` with who and when."""
    errors: dict[str, str] = {}
    text = _check_text(errors, f"{step}_opinion", label, opinion, required=True)
    _raise_refusal_first(session, actor, application, stage, errors)
    return _record_step(session, actor, application, stage,
                        {f"{step}_opinion": text, **_who(actor, session, step)}, f"{summary or label}：{text}")  # fmt: skip


def annual_dues(session: Session, level: str) -> Decimal | None:
    for item in levels(session):
        if item["code"] == level:
            return Decimal(str(item.get("annual_dues", 0)))
    return None


def record_dues(
    session: Session, actor: Actor, application_id: int, *, amount: Any, receipt_number: Any,
    paid_on: Any = None, expected_version: int | None = None,
) -> Application:  # fmt: skip
    """Step 7 (R-5.1 (5)): the dues are paid: amount and receipt number."""
    application = _load_for_change(session, application_id, expected_version)
    errors: dict[str, str] = {}
    value: Decimal | None = None
    try:
        value = Decimal(str(amount).replace(",", "").replace("，", "").strip())
        if not value.is_finite() or value <= 0:
            errors["dues_amount"] = "会费金额：应大于 0"
        elif value != value.quantize(Decimal("0.01")) or value >= Decimal("1e10"):
            errors["dues_amount"] = "会费金额：最多两位小数"
    except (InvalidOperation, ValueError):
        errors["dues_amount"] = f"会费金额：“{amount}”不是有效的金额"
    receipt = re.sub(r"\s+", "", _check_line(errors, "dues_receipt_number", "收据编号", receipt_number, clean_text)).upper()
    if "dues_receipt_number" in errors:
        pass
    elif len(receipt) > 40:
        errors["dues_receipt_number"] = "收据编号：过长（最多 40 字）"
    else:
        clash = session.scalar(select(Application).where(Application.dues_receipt_number == receipt,
                                                         Application.id != application_id))  # fmt: skip
        if clash is not None:
            errors["dues_receipt_number"] = f"收据编号：“{receipt}”已用于入会申请“{clash.name}”（{clash.application_number}）"
    day = _check_date(session, errors, "dues_paid_on", "缴费日期", paid_on or clock_of(session).today(),
                      not_before=application.application_date, not_before_label="申请日期")  # fmt: skip
    _raise_refusal_first(session, actor, application, ApplicationStage.DUES_PAID, errors)
    assert value is not None
    values = {"dues_amount": value.quantize(Decimal("0.01")), "dues_receipt_number": receipt, "dues_paid_on": day,
              **_who(actor, session, "dues")}  # fmt: skip
    return _record_step(session, actor, application, ApplicationStage.DUES_PAID, values,
                        f"缴纳会费 {value:.2f} 元，收据编号 {receipt}")  # fmt: skip


def sign_off(
    session: Session, actor: Actor, application_id: int, *, opinion: Any = "", expected_version: int | None = None
) -> Application:
    """Step 8 (R-5.1 (6)): the resident leader signs off. Nobody else may."""
    application = _load_for_change(session, application_id, expected_version)
    errors: dict[str, str] = {}
    text = _check_text(errors, "sign_off_opinion", "签批意见", opinion, required=False)
    _raise_refusal_first(session, actor, application, ApplicationStage.SIGNED_OFF, errors)
    return _record_step(session, actor, application, ApplicationStage.SIGNED_OFF,
                          {"sign_off_opinion": text or "同意入会", **_who(actor, session, "sign_off")},
                          f"驻会领导签批：{text or '同意入会'}")  # fmt: skip


def register(
    session: Session, actor: Actor, application_id: int, *, expected_version: int | None = None
) -> Member:
    """Step 9 (R-5.1 (6)): register the member — member and certificate numbers from the settings'
    formats, the member entered through the register's own service (same checks, same audit), the
    certificate and the plaque order queued for printing. The member has no mentor yet."""
    application = _load_for_change(session, application_id, expected_version)
    _raise_refusal_first(session, actor, application, ApplicationStage.REGISTERED, {})
    today = clock_of(session).today()
    organisation = {key: getattr(application, key) for key in ORGANISATION_FIELDS}
    certificate_number = next_number(
        session, "certificate", CERTIFICATE_NUMBER_FORMAT,
        lambda n: session.scalar(select(Member.id).where(Member.certificate_number == n)) is not None,
    )  # fmt: skip
    line = f"{today.isoformat()} 经入会申请 {application.application_number} 登记入会"
    if application.former_member_id is None:
        member = members.create_member(session, actor, {
            **organisation, "status": MemberStatus.ACTIVE, "join_date": today, "certificate_number": certificate_number,
            "mentor_id": None, "notes": line,
        })  # fmt: skip
        summary = f"登记入会：会员编号 {member.member_number}，会员证编号 {certificate_number}"
    else:
        former = session.get(Member, application.former_member_id)
        assert former is not None
        restored = application.back_payment == BackPaymentDecision.GRANTED
        values: dict[str, Any] = {
            **organisation, "status": MemberStatus.ACTIVE, "left_date": None, "left_reason": None,
            "certificate_number": certificate_number, "mentor_id": None,
        }  # fmt: skip
        if restored:
            line = f"{today.isoformat()} 经驻会领导决定补缴会费恢复会籍（入会申请 {application.application_number}）"
        else:
            values["join_date"] = today
            values["member_number"] = next_number(
                session, "member", MEMBER_NUMBER_FORMAT,
                lambda n: session.scalar(select(Member.id).where(Member.member_number == n)) is not None,
            )  # fmt: skip
            line = f"{line}（重新入会，原会员编号 {former.member_number}，原退会日期 {former.left_date}）"
        values["notes"] = "\n".join(filter(None, [former.notes, line]))
        member = members.update_member(session, actor, former.id, former.version, values)
        summary = (f"{'恢复会籍' if restored else '重新入会登记'}：会员编号 {member.member_number}，"
                   f"会员证编号 {certificate_number}")  # fmt: skip
    now = clock_of(session).now()
    application = _record_step(session, actor, application, ApplicationStage.REGISTERED,
                               {"member_id": member.id, **_who(actor, session, "registered")}, summary)  # fmt: skip
    application.status = ApplicationStatus.REGISTERED
    for kind in (PrintKind.CERTIFICATE, PrintKind.PLAQUE_ORDER):
        session.add(PrintJob(kind=kind, member_id=member.id, application_id=application.id,
                             status=PrintStatus.QUEUED, queued_at=now, queued_by_id=actor.id))  # fmt: skip
    _flush(session)
    audit.record(session, actor, "queue_print", "member", member.id, "会员证、牌匾订制单已加入打印队列")
    return member


# --- send back, decline, abandon, back-payment ---------------------------------------------------


def send_back_targets(application: Application) -> list[Step]:
    """The steps an application may be sent back to redo: those done after the reception."""
    if application.status != ApplicationStatus.OPEN:
        return []
    return [
        step for step in steps_for(application)
        if ApplicationStage.RECEIVED != step.stage and STAGE_ORDER[step.stage] <= STAGE_ORDER[application.stage]
    ]  # fmt: skip


def send_back(
    session: Session, actor: Actor, application_id: int, *, to_stage: ApplicationStage | str, reason: Any,
    expected_version: int | None = None,
) -> Application:  # fmt: skip
    """Send an application back to redo ``to_stage`` (and every step after it), recording why."""
    _require(actor, Permission.RETURN_APPLICATIONS)
    application = _load_for_change(session, application_id, expected_version)
    closed = _closed_refusal(application)
    if closed:
        raise AdmissionRefused(closed)
    errors: dict[str, str] = {}
    text = _check_text(errors, "reason", "退回原因", reason, required=True)
    try:
        target = ApplicationStage(to_stage.value if isinstance(to_stage, ApplicationStage) else to_stage)
    except ValueError:
        target = None
    targets = send_back_targets(application)
    if target is None or STEP[target] not in targets:
        errors["to_stage"] = "退回到：请选择一个已办理的步骤" if targets else "退回到：该申请尚未办理可退回的步骤"
    if errors:
        raise ValidationError(errors)
    assert target is not None
    steps = steps_for(application)
    position = steps.index(STEP[target])
    cleared: dict[str, Any] = {}
    for step in steps[position:]:
        for column in step.columns:
            cleared[column] = getattr(application, column)
            setattr(application, column, None)
    previous_stage = application.stage
    now = clock_of(session).now()
    application.stage = steps[position - 1].stage
    application.stage_since = now
    application.updated_at = now
    _flush(session)
    summary = f"退回重新办理“{STEP[target].title}”"
    _event(session, actor, application, EventKind.SENT_BACK, summary, stage_from=previous_stage,
           stage_to=application.stage, reason=text, details=audit.jsonable(cleared))  # fmt: skip
    audit.record(session, actor, "send_back", "application", application.id,
                 f"{application.application_number} {summary}：{text}", before=audit.jsonable(cleared))  # fmt: skip
    return application


def _close(
    session: Session, actor: Actor, application_id: int, status: ApplicationStatus, reason: Any,
    expected_version: int | None, kind: EventKind, what: str,
) -> Application:  # fmt: skip
    _require(actor, Permission.RETURN_APPLICATIONS)
    application = _load_for_change(session, application_id, expected_version)
    closed = _closed_refusal(application)
    if closed:
        raise AdmissionRefused(closed)
    errors: dict[str, str] = {}
    text = _check_text(errors, "reason", f"{what}原因", reason, required=True)
    if errors:
        raise ValidationError(errors)
    now = clock_of(session).now()
    application.status = status
    application.closed_reason = text
    application.closed_by_id = actor.id
    application.closed_at = now
    application.stage_since = now
    application.updated_at = now
    _flush(session)
    _event(session, actor, application, kind, f"{what}（在“{stage_title(application.stage)}”之后）",
           stage_from=application.stage, reason=text)  # fmt: skip
    audit.record(session, actor, kind.value, "application", application.id,
                 f"{what}入会申请 {application.application_number}：{text}", after={"status": status, "reason": text})  # fmt: skip
    return application


def decline(
    session: Session, actor: Actor, application_id: int, *, reason: Any, expected_version: int | None = None
) -> Application:
    """R-4.2: decline at any stage, with the reason; the application stays on file."""
    return _close(session, actor, application_id, ApplicationStatus.DECLINED, reason, expected_version,
                  EventKind.DECLINED, "谢绝")  # fmt: skip


def abandon(
    session: Session, actor: Actor, application_id: int, *, reason: Any, expected_version: int | None = None
) -> Application:
    """The applicant withdrew or stopped answering; the application stays on file."""
    return _close(session, actor, application_id, ApplicationStatus.ABANDONED, reason, expected_version,
                  EventKind.ABANDONED, "撤销")  # fmt: skip


def decide_back_payment(
    session: Session, actor: Actor, application_id: int, *, granted: bool, reason: Any,
    expected_version: int | None = None,
) -> Application:  # fmt: skip
    """R-15.1: a resident leader decides, case by case and with the reason, whether a former member
    may restore its membership by paying its arrears (no two-year wait; keeps its member number)."""
    _require(actor, Permission.DECIDE_BACK_PAYMENT)
    application = _load_for_change(session, application_id, expected_version)
    closed = _closed_refusal(application)
    if closed:
        raise AdmissionRefused(closed)
    if application.former_member_id is None:
        raise AdmissionRefused("只有重新入会的申请才涉及补缴会费恢复会籍（第十五条）。")
    errors: dict[str, str] = {}
    text = _check_text(errors, "back_payment_reason", "决定理由", reason, required=True)
    if errors:
        raise ValidationError(errors)
    decision = BackPaymentDecision.GRANTED if granted else BackPaymentDecision.REFUSED
    values = {"back_payment": decision, "back_payment_reason": text, **_who(actor, session, "back_payment")}
    for key, value in values.items():
        setattr(application, key, value)
    application.updated_at = clock_of(session).now()
    _flush(session)
    summary = "准予补缴会费恢复会籍" if granted else "不同意补缴会费恢复会籍"
    _event(session, actor, application, EventKind.BACK_PAYMENT, summary, reason=text, details=audit.jsonable(values))
    audit.record(session, actor, "back_payment", "application", application.id,
                 f"{application.application_number} {summary}：{text}", after=audit.jsonable(values))  # fmt: skip
    return application


def advance(
    session: Session, actor: Actor, application_id: int, values: dict[str, Any], *, expected_version: int | None = None
) -> Application | Member:
    """Take the application's next step with the values of that step's form (the window's one button)."""
    application = get_application(session, application_id)
    step = next_step(application)
    if step is None:
        raise AdmissionRefused(_closed_refusal(application) or "没有待办的步骤。")
    stage = step.stage
    common = {"expected_version": expected_version}
    if stage == ApplicationStage.VISITED:
        return record_visit(session, actor, application_id, visit_date=values.get("visit_date"),
                            leader_name=values.get("visit_leader_name"), leader_rank=values.get("visit_leader_rank"),
                            note=values.get("visit_note"), **common)  # fmt: skip
    if stage == ApplicationStage.FORMS_COMPLETED:
        return confirm_forms(session, actor, application_id, application_form=bool(values.get("application_form")),
                             filing_form=bool(values.get("filing_form")), **common)  # fmt: skip
    if stage == ApplicationStage.DOCUMENTS_SUBMITTED:
        return confirm_documents(session, actor, application_id, **common)
    if stage == ApplicationStage.CREDIT_CHECKED:
        return record_credit_check(session, actor, application_id, result=values.get("credit_result"),
                                   checked_on=values.get("credit_checked_on"),
                                   evidence=values.get("credit_evidence"), **common)  # fmt: skip
    if stage == ApplicationStage.REVIEWED:
        return review(session, actor, application_id, opinion=values.get("review_opinion"), **common)
    if stage == ApplicationStage.APPROVED:
        return approve(session, actor, application_id, opinion=values.get("approval_opinion"), **common)
    if stage == ApplicationStage.DUES_PAID:
        return record_dues(session, actor, application_id, amount=values.get("dues_amount"),
                           receipt_number=values.get("dues_receipt_number"), paid_on=values.get("dues_paid_on"),
                           **common)  # fmt: skip
    if stage == ApplicationStage.SIGNED_OFF:
        return sign_off(session, actor, application_id, opinion=values.get("sign_off_opinion"), **common)
    return register(session, actor, application_id, **common)


# --- attached documents (R-5.1 (2)) ---------------------------------------------------------------


def attachment_limit_bytes(session: Session) -> int:
    return int(get_setting(session, ATTACHMENT_LIMIT_MB)) * 1024 * 1024


def _base_name(file_name: str | None) -> str:
    """The file's own name, whether the path came from Windows or not."""
    return re.split(r"[\\/]", (file_name or "").strip())[-1]


def sniff_type(content: bytes) -> str | None:
    for signature, mime, _extensions in FILE_SIGNATURES:
        if content.startswith(signature):
            return mime
    return None


def _check_file(session: Session, file_name: str, content: bytes) -> str:
    """The MIME type of an acceptable file; ``ValidationError`` says why one is not."""
    name = _base_name(file_name)
    if not name:
        raise ValidationError({"file": "文件：没有文件名"})
    try:
        check_control_characters(name)
    except FieldError as exc:
        raise ValidationError({"file": f"文件名：{exc}"}) from None
    if not content:
        raise ValidationError({"file": f"文件“{name}”：是空文件"})
    limit = attachment_limit_bytes(session)
    if len(content) > limit:
        raise ValidationError({"file": f"文件“{name}”：{len(content) / 1048576:.1f} MB，超过上限 {limit // 1048576} MB"})
    mime = sniff_type(content)
    extension = PurePath(name).suffix.lower()
    if mime is None:
        raise ValidationError({"file": f"文件“{name}”：只接受 PDF、JPEG、PNG 文件（按文件内容判断，不是这三种格式之一）"})
    allowed = next(exts for _sig, m, exts in FILE_SIGNATURES if m == mime)
    if extension not in allowed:
        real = {"application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG"}[mime]
        raise ValidationError({"file": f"文件“{name}”：内容是 {real} 文件，但扩展名是“{extension or '无'}”，请核对是否选错文件"})
    problem = attachment_problem(name, mime, content)
    if problem is not None:
        raise ValidationError({"file": problem})
    return mime


# A signature is only the first bytes: "%PDF-" in front of an executable made it a "PDF". So the
# file is also opened as what it claims to be, with the libraries that will later show or print
# it: a PDF must list its pages (pypdf), an image must decode to its last pixel (Pillow). The
# check stays free of Qt and of the database, so that it can move with the attachments code.
# Pillow's own guard against decompression bombs (``Image.MAX_IMAGE_PIXELS``, ~89 million pixels,
# ~270 MB decoded): an A4 scan at 600 dpi has 35 million; a PNG declaring 100,000 × 100,000 pixels
# in a few hundred bytes is refused before anything is decoded.
PILLOW_DEFAULT_MAX_PIXELS = 89_478_485


def attachment_problem(name: str, mime: str, content: bytes) -> str | None:
    """Why ``content`` (signature ``mime``) is not a usable PDF, PNG or JPEG, in Chinese, or ``None``."""
    if mime == "application/pdf":
        return _pdf_problem(name, content)
    if mime in ("image/png", "image/jpeg"):
        return _image_problem(name, "PNG" if mime == "image/png" else "JPEG", content)
    return f"文件“{name}”：只接受 PDF、JPEG、PNG 文件"


def _pdf_problem(name: str, content: bytes) -> str | None:
    import io

    from pypdf import PdfReader

    unreadable = f"“{name}”不是有效的 PDF 文件（无法读取页面），请重新扫描或另存为 PDF 后再上传。"
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            # Protected only against changes (an owner password, common on downloaded licences):
            # it opens with an empty password, as in any viewer. Otherwise nobody here can read it.
            # pypdf needs the ``cryptography`` package for AES; without it such a file is refused.
            try:
                opened = reader.decrypt("")
            except Exception:  # noqa: BLE001 — pypdf's DependencyError, or a damaged encryption dictionary
                opened = 0
            if not opened:
                return (f"“{name}”设置了打开密码，无法查看其内容。请上传没有密码的副本"
                        "（例如在 PDF 阅读器中输入密码后“打印”为 PDF 另存一份）。")  # fmt: skip
        pages = reader.pages
        if len(pages) < 1:
            return f"“{name}”不是有效的 PDF 文件（没有页面），请重新扫描或另存为 PDF 后再上传。"
        for page in pages:  # every page's drawing instructions decode: not cut off part-way
            page.get_contents()
    except Exception:  # noqa: BLE001 — untrusted file: pypdf raises anything (stream, key, value, zlib errors)
        return unreadable
    return None


def _image_problem(name: str, kind: str, content: bytes) -> str | None:
    import io

    from PIL import Image

    def too_big(size: str = "") -> str:
        return f"“{name}”的图像尺寸过大{size}，不像是扫描件或照片，可能已损坏；请缩小后（例如 600 dpi 以内）再上传。"

    limit = Image.MAX_IMAGE_PIXELS or PILLOW_DEFAULT_MAX_PIXELS
    try:
        with Image.open(io.BytesIO(content), formats=[kind]) as image:
            width, height = image.size
            if width * height > limit:  # refused before a pixel is decoded
                return too_big(f"（{width} × {height} 像素）")
            image.load()
    except Image.DecompressionBombError:  # Pillow's own refusal above twice its limit
        return too_big()
    except Exception:  # noqa: BLE001 — untrusted file: truncated data, bad chunks, decoder errors
        return f"“{name}”不是有效的 {kind} 图片（无法完整读取，可能已损坏或不完整），请重新扫描或另存后再上传。"
    return None


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    kind: DocumentKind
    file_name: str
    mime_type: str
    size: int
    uploaded_by: str
    uploaded_at: dt.datetime


@dataclass(frozen=True)
class ChecklistItem:
    kind: DocumentKind
    label: str
    required: bool
    documents: tuple[DocumentInfo, ...]

    @property
    def complete(self) -> bool:
        return bool(self.documents)


def _document_locked(application: Application, kind: DocumentKind) -> str | None:
    """Documents a completed step relied on cannot be removed without sending the application back."""
    if application.status != ApplicationStatus.OPEN:
        return _closed_refusal(application)
    if kind in REQUIRED_DOCUMENTS and STAGE_ORDER[application.stage] >= STAGE_ORDER[ApplicationStage.DOCUMENTS_SUBMITTED]:
        return "资料已确认齐全，不能再删除；如需更换，请先退回到“提交资料”。"
    if kind == DocumentKind.CREDIT_EVIDENCE and STAGE_ORDER[application.stage] >= STAGE_ORDER[ApplicationStage.CREDIT_CHECKED]:
        return "信用考察已记录，其材料不能再删除；如需更换，请先退回到“信用考察”。"
    return None


def attach_document(
    session: Session, actor: Actor, application_id: int, kind: DocumentKind | str, file_name: str, content: bytes
) -> ApplicationDocument:
    """Attach a scan or file: a PDF, JPEG or PNG by its content, which must open as such
    (``attachment_problem``); size limit from the settings."""
    _require(actor, Permission.ATTACH_APPLICATION_DOCUMENTS)
    application = get_application(session, application_id)
    closed = _closed_refusal(application)
    if closed:
        raise AdmissionRefused(closed)
    try:
        kind = DocumentKind(kind.value if isinstance(kind, DocumentKind) else kind)
    except ValueError:
        raise ValidationError({"kind": "资料类别：请选择"}) from None
    mime = _check_file(session, file_name, content)
    now = clock_of(session).now()
    document = ApplicationDocument(
        application_id=application.id, kind=kind, file_name=_base_name(file_name)[:255], mime_type=mime,
        size=len(content), sha256=hashlib.sha256(content).hexdigest(), content=content,
        uploaded_by_id=actor.id, uploaded_at=now,
    )  # fmt: skip
    session.add(document)
    session.flush()
    summary = f"上传{DOCUMENT_LABELS[kind]}：{document.file_name}（{_size_text(document.size)}）"
    _event(session, actor, application, EventKind.DOCUMENT_ADDED, summary,
           details={"document_id": document.id, "kind": kind.value, "file_name": document.file_name})  # fmt: skip
    audit.record(session, actor, "attach", "application", application.id, f"{application.application_number} {summary}")
    return document


def remove_document(session: Session, actor: Actor, document_id: int, *, reason: str = "") -> None:
    _require(actor, Permission.ATTACH_APPLICATION_DOCUMENTS)
    document = session.get(ApplicationDocument, document_id)
    if document is None:
        raise NotFound("找不到该附件，可能已被删除。")
    application = get_application(session, document.application_id)
    locked = _document_locked(application, document.kind)
    if locked:
        raise AdmissionRefused(locked)
    errors: dict[str, str] = {}
    reason = _check_text(errors, "reason", "删除原因", reason, required=False) or ""
    if errors:
        raise ValidationError(errors)
    summary = f"删除{DOCUMENT_LABELS[document.kind]}：{document.file_name}"
    _event(session, actor, application, EventKind.DOCUMENT_REMOVED, summary, reason=reason or None,
           details={"kind": document.kind.value, "file_name": document.file_name, "sha256": document.sha256})  # fmt: skip
    audit.record(session, actor, "detach", "application", application.id, f"{application.application_number} {summary}")
    session.delete(document)
    session.flush()


def document_content(session: Session, actor: Actor, document_id: int) -> tuple[str, str, bytes]:
    """(file name, MIME type, bytes) of an attachment, to open or preview it."""
    _require(actor, Permission.VIEW_APPLICATIONS)
    document = session.get(ApplicationDocument, document_id)
    if document is None:
        raise NotFound("找不到该附件，可能已被删除。")
    return document.file_name, document.mime_type, document.content


def _size_text(size: int) -> str:
    return f"{size / 1048576:.1f} MB" if size >= 1048576 else f"{max(1, round(size / 1024))} KB"


def checklist(session: Session, application_id: int) -> list[ChecklistItem]:
    names = _staff_names(session)
    rows = session.execute(
        select(ApplicationDocument.id, ApplicationDocument.kind, ApplicationDocument.file_name,
               ApplicationDocument.mime_type, ApplicationDocument.size, ApplicationDocument.uploaded_by_id,
               ApplicationDocument.uploaded_at)
        .where(ApplicationDocument.application_id == application_id)
        .order_by(ApplicationDocument.uploaded_at, ApplicationDocument.id)
    ).all()  # fmt: skip
    by_kind: dict[DocumentKind, list[DocumentInfo]] = {}
    for row in rows:
        by_kind.setdefault(row.kind, []).append(DocumentInfo(
            row.id, row.kind, row.file_name, row.mime_type, row.size, names.get(row.uploaded_by_id, ""), row.uploaded_at
        ))  # fmt: skip
    application = get_application(session, application_id)
    kinds = list(REQUIRED_DOCUMENTS)
    if application.former_member_id is not None:
        kinds.append(DocumentKind.CREDIT_EVIDENCE)
    kinds.append(DocumentKind.OTHER)
    return [ChecklistItem(kind, DOCUMENT_LABELS[kind], kind in REQUIRED_DOCUMENTS, tuple(by_kind.get(kind, ())))
            for kind in kinds]  # fmt: skip


# --- the queue -----------------------------------------------------------------------------------


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


def _apply_queue_filter(session: Session, query, flt: QueueFilter, *, with_stage: bool = True):  # type: ignore[no-untyped-def]
    text = strip_control_characters(flt.text or "").strip()  # a NUL would match everything on SQLite
    if text:
        pattern = f"%{members.escape_like(text)}%"
        upper = f"%{members.escape_like(text.upper().replace(' ', ''))}%"
        query = query.where(or_(
            Application.name.like(pattern, escape="\\"),
            Application.uscc.like(upper, escape="\\"),
            Application.application_number.like(upper, escape="\\"),
            Application.liaison_name.like(pattern, escape="\\"),
            Application.closed_reason.like(pattern, escape="\\"),
        ))  # fmt: skip
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


def _next_of(status: ApplicationStatus, stage: ApplicationStage, readmission: bool) -> Step | None:
    if status != ApplicationStatus.OPEN:
        return None
    steps = STEPS if readmission else _STEPS_WITHOUT_CREDIT
    position = next(i for i, step in enumerate(steps) if step.stage == stage)
    return steps[position + 1] if position + 1 < len(steps) else None


_STEPS_WITHOUT_CREDIT = tuple(step for step in STEPS if step.stage != ApplicationStage.CREDIT_CHECKED)


def queue(session: Session, flt: QueueFilter = QueueFilter(), *, limit: int = 2000) -> list[QueueRow]:
    """The applications, longest waiting first (closed ones: latest first). Only the queue's
    columns are read (an application row is wide), so a few thousand take milliseconds."""
    query = select(
        Application.id, Application.application_number, Application.name, Application.uscc, Application.status,
        Application.stage, Application.stage_since, Staff.full_name, Application.former_member_id.is_not(None),
        Application.credit_result, Application.closed_reason,
    ).outerjoin(Staff, Staff.id == Application.handler_id)  # fmt: skip
    query = _apply_queue_filter(session, query, flt)
    if flt.status == ApplicationStatus.OPEN:
        query = query.order_by(Application.stage_since, Application.id)
    else:
        query = query.order_by(Application.stage_since.desc(), Application.id.desc())
    clock = clock_of(session)
    zone, today = clock.now().tzinfo, clock.today()
    rows = []
    for (id_, number, name, uscc, status, stage, since, handler, readmission, credit,
         closed_reason) in session.execute(query.limit(limit)):  # fmt: skip
        days = max(0, (today - since.astimezone(zone).date()).days)
        rows.append(QueueRow(id_, number, name, uscc, status, stage, _next_of(status, stage, readmission), since, days,
                             handler, readmission, credit == CreditResult.FAILED, closed_reason))  # fmt: skip
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


# --- the detail panel ----------------------------------------------------------------------------


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
            ApplicationStage.RECEIVED: "received", ApplicationStage.VISITED: "visit",
            ApplicationStage.FORMS_COMPLETED: "forms", ApplicationStage.DOCUMENTS_SUBMITTED: "documents",
            ApplicationStage.CREDIT_CHECKED: "credit", ApplicationStage.REVIEWED: "review",
            ApplicationStage.APPROVED: "approval", ApplicationStage.DUES_PAID: "dues",
            ApplicationStage.SIGNED_OFF: "sign_off", ApplicationStage.REGISTERED: "registered",
        }[step.stage]  # fmt: skip
        by_id, at = getattr(a, f"{prefix}_by_id"), getattr(a, f"{prefix}_at")
        text = ""
        if step.stage == ApplicationStage.RECEIVED:
            text = f"申请日期 {a.application_date}" + (f"；{a.briefing_note}" if a.briefing_note else "")
        elif step.stage == ApplicationStage.VISITED and a.visit_date:
            text = f"{a.visit_date} {a.visit_leader_name}（{a.visit_leader_rank}）" + (f"；{a.visit_note}" if a.visit_note else "")
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


def history(session: Session, application_id: int) -> list[ApplicationEvent]:
    """Newest first."""
    return list(session.scalars(
        select(ApplicationEvent).where(ApplicationEvent.application_id == application_id)
        .order_by(ApplicationEvent.at.desc(), ApplicationEvent.id.desc())
    ))  # fmt: skip


# --- the print queue -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintJobRow:
    id: int
    kind: PrintKind
    member_id: int
    member_name: str
    member_number: str
    certificate_number: str | None
    level: str
    status: PrintStatus
    queued_at: dt.datetime
    printed_at: dt.datetime | None
    printed_by: str | None


PRINT_KIND_LABELS = {PrintKind.CERTIFICATE: "会员证", PrintKind.PLAQUE_ORDER: "牌匾订制单"}


def print_jobs(session: Session, *, status: PrintStatus | None = PrintStatus.QUEUED) -> list[PrintJobRow]:
    names = _staff_names(session)
    query = select(PrintJob, Member).join(Member, Member.id == PrintJob.member_id)
    if status is not None:
        query = query.where(PrintJob.status == status)
    query = query.order_by(PrintJob.queued_at.desc(), PrintJob.id)
    level_name = level_names(session)
    return [
        PrintJobRow(job.id, job.kind, member.id, member.name, member.member_number, member.certificate_number,
                    level_name.get(member.level, member.level), job.status, job.queued_at, job.printed_at,
                    names.get(job.printed_by_id) if job.printed_by_id else None)
        for job, member in session.execute(query)
    ]  # fmt: skip


def mark_printed(session: Session, actor: Actor, job_ids: Iterable[int]) -> int:
    """Record that these certificates / plaque orders were printed (who, when)."""
    _require(actor, Permission.PRINT_CERTIFICATES)
    now = clock_of(session).now()
    count = 0
    for job in session.scalars(select(PrintJob).where(PrintJob.id.in_(list(job_ids)))):
        if job.status == PrintStatus.PRINTED:
            continue
        job.status, job.printed_at, job.printed_by_id = PrintStatus.PRINTED, now, actor.id
        audit.record(session, actor, "printed", "member", job.member_id, f"已打印{PRINT_KIND_LABELS[job.kind]}")
        count += 1
    session.flush()
    return count


def queue_reprint(session: Session, actor: Actor, member_id: int, kind: PrintKind | str) -> PrintJob:
    """Queue a certificate or plaque order again (a spoilt print, a lost certificate)."""
    _require(actor, Permission.PRINT_CERTIFICATES)
    member = members.get_member(session, member_id)
    kind = PrintKind(kind.value if isinstance(kind, PrintKind) else kind)
    job = PrintJob(kind=kind, member_id=member.id, status=PrintStatus.QUEUED, queued_at=clock_of(session).now(),
                   queued_by_id=actor.id)  # fmt: skip
    session.add(job)
    session.flush()
    audit.record(session, actor, "queue_print", "member", member.id, f"{PRINT_KIND_LABELS[kind]}重新加入打印队列")
    return job


# --- printing: the forms of an application, the queued certificates and plaque orders ------------

# The checklist as the filing form words it (documents.inputs.SUBMITTED_DOCUMENTS).
_FILING_FORM_WORDS = {
    DocumentKind.BUSINESS_LICENCE: "营业执照复印件",
    DocumentKind.QUALIFICATION_CERTIFICATE: "资质证书复印件",
    DocumentKind.PROFILE: "单位简介（电子版）",
    DocumentKind.BROCHURE: "单位画册（纸质版）",
}
FORM_KINDS = ("application-form", "filing-form")


def _contact_input(application: Application, role: str) -> Any:
    from desktop_app.core.validation import CONTACT_LABELS
    from desktop_app.documents.inputs import ContactInput

    return ContactInput(CONTACT_LABELS[role], *(getattr(application, f"{role}_{f}") for f in CONTACT_FIELDS))


def application_form_input(session: Session, application: Application) -> Any:
    """The application form (入会申请表, R-5.1 (1)) pre-filled with what the office recorded."""
    from desktop_app.core.models import CATEGORY_LABELS
    from desktop_app.documents.inputs import ApplicationFormInput

    return ApplicationFormInput(
        name=application.name, uscc=application.uscc, category=CATEGORY_LABELS.get(application.category),
        level=level_names(session).get(application.level, application.level), address=application.address,
        postcode=application.postcode, main_business=application.main_business,
        qualification=application.qualification,
        legal_representative=_contact_input(application, "legal_representative"),
        principal=_contact_input(application, "principal"), liaison=_contact_input(application, "liaison"),
        application_date=application.application_date, application_number=application.application_number,
    )  # fmt: skip


def filing_form_input(session: Session, application: Application) -> Any:
    """The filing form (备案表, R-5.1 (1)), ticking the documents already attached."""
    from desktop_app.core.models import CATEGORY_LABELS
    from desktop_app.documents.inputs import FilingFormInput

    present = [item.kind for item in checklist(session, application.id) if item.complete]
    member = session.get(Member, application.member_id) if application.member_id else None
    return FilingFormInput(
        name=application.name, uscc=application.uscc, category=CATEGORY_LABELS.get(application.category),
        address=application.address, postcode=application.postcode, main_business=application.main_business,
        qualification=application.qualification,
        contacts=tuple(_contact_input(application, role) for role in CONTACT_ROLES),
        member_number=member.member_number if member else None,
        documents_submitted=tuple(_FILING_FORM_WORDS[k] for k in REQUIRED_DOCUMENTS if k in present),
        filing_date=clock_of(session).today(),
    )  # fmt: skip


def print_form(session: Session, actor: Actor, application_id: int, kind: str, out: Any) -> Any:
    """Draw the application form or the filing form of one application into ``out`` (a PDF).

    Returns the documents' ``BuildReport``. Printing is not a write; it needs the forms permission."""
    from desktop_app.core.services import documents as document_service
    from desktop_app.documents import KINDS

    if kind not in FORM_KINDS:
        raise ValueError(kind)
    _require(actor, document_service.KIND_PERMISSIONS[kind])
    application = get_application(session, application_id)
    item = application_form_input(session, application) if kind == "application-form" else filing_form_input(session, application)
    return KINDS[kind].build(out, [item], document_service.document_context(session))


@dataclass(frozen=True)
class QueuedPrint:
    """One drawn document of the print queue: what to print, and what to show in the preview
    (the certificate's preview carries the stock's design, which is never printed)."""

    generated: Any  # core.services.documents.Generated: path, report, problems
    preview_path: Any  # pathlib.Path

    @property
    def print_path(self) -> Any:
        return self.generated.path


def print_queued(
    session: Session, actor: Actor, job_ids: Iterable[int], folder: Any, *,
    certificate_offset_mm: tuple[float, float] = (0.0, 0.0), progress: Any = None,
) -> list[QueuedPrint]:  # fmt: skip
    """Draw the chosen queued jobs: one certificate PDF and one plaque order PDF for all of them,
    through the documents service (the same builders, checks and audit as the Documents area).

    The jobs stay queued until ``mark_printed``: only the person at the printer knows the paper
    came out right."""
    from pathlib import Path

    from desktop_app.core.services import documents as document_service

    _require(actor, Permission.PRINT_CERTIFICATES)
    jobs = list(session.scalars(select(PrintJob).where(PrintJob.id.in_(list(job_ids))).order_by(PrintJob.id)))
    folder = Path(folder)
    stamp = clock_of(session).now().strftime("%Y%m%d-%H%M%S")
    results = []
    for kind, key, title in ((PrintKind.CERTIFICATE, "certificate", "会员证"),
                             (PrintKind.PLAQUE_ORDER, "plaque-order", "牌匾订制单")):  # fmt: skip
        member_ids = list(dict.fromkeys(job.member_id for job in jobs if job.kind == kind))
        if not member_ids:
            continue
        generated = document_service.generate(
            session, actor, key, folder / f"{title}-{stamp}.pdf", member_ids=member_ids,
            certificate_offset_mm=certificate_offset_mm, progress=progress,
        )  # fmt: skip
        preview = generated.path
        if kind == PrintKind.CERTIFICATE:
            preview = document_service.generate(
                session, actor, key, folder / f"{title}-{stamp}-预览.pdf", member_ids=member_ids,
                certificate_offset_mm=certificate_offset_mm, certificate_background=True,
            ).path  # fmt: skip
        results.append(QueuedPrint(generated, preview))
    return results
