"""Admission's gates: the organisation checked at entry (R-3.1, R-15.1 former members), who may take which
step, and why not — the window asks ``next_action`` / ``action_refusals`` instead of deciding itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    Application,
    ApplicationDocument,
    ApplicationEvent,
    ApplicationStage,
    ApplicationStatus,
    BackPaymentDecision,
    CreditResult,
    DocumentKind,
    Member,
    MemberStatus,
    Staff,
)
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import dues, members
from desktop_app.core.services.admission.steps import (
    APPLICATION_STATUS_LABELS,
    DOCUMENT_LABELS,
    ORGANISATION_FIELDS,
    REQUIRED_DOCUMENTS,
    STAGE_ORDER,
    FormerMember,
    Step,
    _former_member_info,
    _local,
    earliest_registration,
    former_member_of,
    get_application,
    next_step,
    send_back_targets,
    steps_for,
)
from desktop_app.core.settings import (
    DEFAULT_LEVEL,
    get_setting,
)
from desktop_app.core.validation import (
    FieldError,
    clean_multiline,
    parse_uscc,
)
from desktop_app.errors import ConflictError, PermissionDenied, ValidationError
from desktop_app.messages import Label, say, templates


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
            Application.uscc == code,
            Application.status == ApplicationStatus.OPEN,
            Application.id != (application_id or 0),
        )
    )
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
            .where(
                Application.uscc == code,
                Application.status.in_([ApplicationStatus.DECLINED, ApplicationStatus.ABANDONED]),
            )
            .order_by(Application.application_date.desc())
        )
    )
    return EntryCheck(error=error, former=former, earlier=earlier)


def _validate_organisation(
    session: Session, values: dict[str, Any], *, application_id: int | None, application_date: dt.date
) -> tuple[dict[str, Any], Member | None]:
    """The organisation's fields, checked exactly as a member's (R-3.1), plus the admission checks:
    an active member's or an open application's USCC is refused, a former member's is flagged."""
    given = {key: values.get(key) for key in ORGANISATION_FIELDS if key in values}
    given.setdefault("level", get_setting(session, DEFAULT_LEVEL))
    errors: dict[str, str] = {}
    former: Member | None = None
    entry = check_uscc_at_entry(
        session, given.get("uscc") or "", application_date=application_date, application_id=application_id
    )
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


def _check_text(
    errors: dict[str, str], field: str, label: str, value: Any, *, required: bool, limit: int | None = None
) -> str | None:
    """A note, opinion or reason: several lines allowed, control characters refused."""
    try:
        text = clean_multiline(value)
    except FieldError as exc:
        errors[field] = say("withdrawal.activities.field_problem", label=label, exc=exc)
        return None
    if required and not text:
        errors[field] = say("dues.payments.required", label=label)
    elif limit and len(text) > limit:
        errors[field] = say("dues.payments.too_long", label=label, limit=limit)
    return text or None


def _check_line(
    errors: dict[str, str], field: str, label: str, value: Any, clean: Callable[[Any], str], *, empty: str = "不能为空"
) -> str:
    """One line (a name, a rank, a number), cleaned by ``clean``; required; control characters refused."""
    try:
        text = clean(value)
    except FieldError as exc:
        errors[field] = say("withdrawal.activities.field_problem", label=label, exc=exc)
        return ""
    if not text:
        errors[field] = say("admission.field_empty", label=label, empty=empty)
    return text


def _check_date(
    session: Session,
    errors: dict[str, str],
    field: str,
    label: str,
    value: Any,
    *,
    not_before: dt.date | None = None,
    not_before_label: str = "",
) -> dt.date | None:
    if value in (None, ""):
        errors[field] = say("dues.payments.required", label=label)
        return None
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError:
        errors[field] = say("admission.bad_date", label=label)
        return None
    if isinstance(day, dt.datetime):
        day = day.date()
    if day > clock_of(session).today():
        errors[field] = say("dues.receipts.after_today", label=label)
    elif not_before is not None and day < not_before:
        errors[field] = say(
            "admission.before_date", label=label, not_before_label=not_before_label, isoformat=not_before.isoformat()
        )
    return day


def _check_handler(session: Session, errors: dict[str, str], field: str, label: str, staff_id: Any) -> int | None:
    if staff_id in (None, "", 0):
        return None
    staff = session.get(Staff, staff_id)
    if staff is None or not staff.is_active:
        errors[field] = say("admission.not_staff", label=label)
        return None
    return staff.id


_ROLE_REFUSALS = {
    Permission.SIGN_OFF_APPLICATIONS: "admission.sign_off_leader_only",
    Permission.APPROVE_APPLICATIONS: "admission.approve_leader_only",
    Permission.DECIDE_BACK_PAYMENT: "admission.back_payment_leader_only",
}


def permission_refusal(actor: Actor, permission: Permission) -> str | None:
    if actor.can(permission):
        return None
    special = _ROLE_REFUSALS.get(permission)
    if special:
        return say(special, role=actor.role.label) if "{role}" in templates(special)[0] else say(special)
    return say("security.permission_denied", label=actor.role.label, value=permission.value)


def _require(actor: Actor, permission: Permission) -> None:
    reason = permission_refusal(actor, permission)
    if reason:
        raise PermissionDenied(reason)


def _closed_refusal(application: Application) -> str | None:
    if application.status == ApplicationStatus.OPEN:
        return None
    return say("admission.closed", status=APPLICATION_STATUS_LABELS[application.status])


def missing_documents(session: Session, application_id: int) -> list[DocumentKind]:
    present = set(
        session.scalars(
            select(ApplicationDocument.kind).where(ApplicationDocument.application_id == application_id).distinct()
        )
    )
    return [kind for kind in REQUIRED_DOCUMENTS if kind not in present]


def _precondition_refusal(session: Session, application: Application, step: Step) -> str | None:
    """Why the step cannot be taken yet whoever asks (None when it can)."""
    if step.stage == ApplicationStage.DOCUMENTS_SUBMITTED:
        missing = missing_documents(session, application.id)
        if missing:
            return say("admission.documents_missing", documents=[DOCUMENT_LABELS[k] for k in missing])
    if step.stage == ApplicationStage.REVIEWED and application.former_member_id is not None:
        if application.credit_result != CreditResult.PASSED:  # cannot happen through the stages
            return say("admission.rejoin_credit_first")
    if step.stage == ApplicationStage.REGISTERED:
        active = session.scalar(
            select(Member).where(Member.uscc == application.uscc, Member.status == MemberStatus.ACTIVE)
        )
        if active is not None:
            return say("admission.uscc_active_member", name=active.name, member_number=active.member_number)
        if application.back_payment == BackPaymentDecision.GRANTED:
            # a membership restored by back-payment only once the years owed are paid
            owed = dues.back_payment_refusal(session, application)
            if owed:
                return owed
        earliest = earliest_registration(session, application)
        if earliest is not None and clock_of(session).today() < earliest:
            former = former_member_of(session, application)
            assert former is not None
            return say("admission.rejoin_two_years", counting=former.counting, earliest=earliest.isoformat())
    return None


def step_refusal(session: Session, actor: Actor, application: Application, step: Step) -> str | None:
    """Why ``actor`` cannot take ``step`` on ``application`` now; None when it can."""
    closed = _closed_refusal(application)
    if closed:
        return closed
    expected = next_step(application)
    if expected is None or expected.stage != step.stage:
        if step not in steps_for(application):
            return say("admission.only_rejoining", step=step.title)
        if STAGE_ORDER[step.stage] <= STAGE_ORDER[application.stage]:
            return say("admission.step_done", step=step.title)
        assert expected is not None
        return say("admission.no_skipping", expected=expected.title, waiting=expected.waiting)
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
        note = (
            f"信用考察未通过（{application.credit_checked_on}）：{application.credit_evidence or ''}。"
            "可谢绝入会，或重新考察后再记录。"
        )
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
        "advance": (action.reason if action else closed or say("admission.nothing_pending")),
        "send_back": back,
        "decline": permission_refusal(actor, Permission.RETURN_APPLICATIONS) or closed,
        "abandon": permission_refusal(actor, Permission.RETURN_APPLICATIONS) or closed,
        # Named for the action it refuses (issue 16): "may not change applications", not "receive".
        "edit": (
            None
            if actor.can(Permission.RECEIVE_APPLICATIONS)
            else say(
                "security.permission_denied", label=actor.role.label, value=Label("修改入会申请", "change applications")
            )
        )
        or closed,
        "attach": permission_refusal(actor, Permission.ATTACH_APPLICATION_DOCUMENTS) or closed,
        "back_payment": decision,
    }


def _conflict_message(session: Session, application: Application) -> str:
    last = session.scalar(
        select(ApplicationEvent)
        .where(ApplicationEvent.application_id == application.id)
        .order_by(ApplicationEvent.at.desc(), ApplicationEvent.id.desc())
        .limit(1)
    )
    if last is not None:
        return say(
            "admission.conflict_by",
            name=application.name,
            who=last.actor_name,
            when=f"{_local(session, last.at):%Y-%m-%d %H:%M}",
            what=last.summary,
        )
    return say("admission.conflict", name=application.name)


def _load_for_change(session: Session, application_id: int, expected_version: int | None) -> Application:
    application = get_application(session, application_id)
    if expected_version is not None and application.version != expected_version:
        raise ConflictError(_conflict_message(session, application))
    return application
