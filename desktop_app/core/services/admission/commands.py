"""Admission's commands: receive, visit, forms, documents, credit check, review, approval, dues, sign-off,
registration, send back, decline, abandon, back-payment — each records who and when."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    Application,
    ApplicationStage,
    ApplicationStatus,
    BackPaymentDecision,
    CreditResult,
    EventKind,
    Member,
    MemberStatus,
    PrintJob,
    PrintKind,
    PrintStatus,
)
from desktop_app.core.numbering import next_number
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import dues, members
from desktop_app.core.services.admission.checks import (
    _check_date,
    _check_handler,
    _check_line,
    _check_text,
    _closed_refusal,
    _load_for_change,
    _require,
    _validate_organisation,
    step_refusal,
)
from desktop_app.core.services.admission.steps import (
    DOCUMENT_LABELS,
    EDITABLE_FIELDS,
    ORGANISATION_FIELDS,
    REQUIRED_DOCUMENTS,
    STAGE_ORDER,
    STEP,
    AdmissionRefused,
    _event,
    _flush,
    _former_member_info,
    _who,
    application_values,
    get_application,
    next_step,
    send_back_targets,
    stage_title,
    steps_for,
)
from desktop_app.core.settings import (
    APPLICATION_NUMBER_FORMAT,
    CERTIFICATE_NUMBER_FORMAT,
    MEMBER_NUMBER_FORMAT,
)
from desktop_app.core.validation import (
    clean_name,
    clean_text,
)
from desktop_app.errors import PermissionDenied, ValidationError
from desktop_app.messages import say

# What a leadership step (approval, sign-off) records when its opinion is left empty (issue 16).
AGREED = "同意入会"


def _record_step(
    session: Session,
    actor: Actor,
    application: Application,
    stage: ApplicationStage,
    values: dict[str, Any],
    summary: str,
) -> Application:
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
    _event(
        session,
        actor,
        application,
        EventKind.STEP,
        summary,
        stage_from=previous,
        stage_to=stage,
        details=audit.jsonable(values),
    )
    audit.record(
        session,
        actor,
        "admission_step",
        "application",
        application.id,
        say(
            "admission.history.step",
            application_number=application.application_number,
            title=step.title,
            summary=summary,
        ),
        after=audit.jsonable(values),
    )
    return application


def create_application(session: Session, actor: Actor, values: dict[str, Any]) -> Application:
    """Step 1 (R-4.1): the membership office receives the applicant and briefs it on the association.

    ``values``: the organisation's fields (as a member's), ``application_date`` (today when
    absent), ``received_by_id`` (the signed-in person when absent), ``briefing_note``,
    ``handler_id`` (the staff member in charge; the receiver when absent), ``notes``.
    """
    _require(actor, Permission.RECEIVE_APPLICATIONS)
    errors: dict[str, str] = {}
    today = clock_of(session).today()
    application_date = _check_date(
        session, errors, "application_date", "申请日期", values.get("application_date") or today
    )
    received_by_id = _check_handler(
        session, errors, "received_by_id", "接待人", values.get("received_by_id") or actor.id
    )
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
        session,
        "application",
        APPLICATION_NUMBER_FORMAT,
        lambda n: session.scalar(select(Application.id).where(Application.application_number == n)) is not None,
    )
    application = Application(
        **organisation,
        application_number=number,
        status=ApplicationStatus.OPEN,
        stage=ApplicationStage.RECEIVED,
        stage_since=now,
        handler_id=handler_id,
        notes=notes,
        application_date=application_date,
        received_by_id=received_by_id,
        received_at=now,
        briefing_note=briefing,
        former_member_id=former.id if former is not None else None,
        created_at=now,
        updated_at=now,
    )
    session.add(application)
    session.flush()
    details = {"application_date": application_date, "received_by_id": received_by_id, "briefing_note": briefing}
    summary = "受理入会申请：接待并介绍协会情况"
    if former is not None:
        info = _former_member_info(session, former, application.application_date)
        summary += "（重新入会）"
        details.update(
            former_member=former.member_number,
            left_date=former.left_date,
            left_reason=former.left_reason,
            earliest_registration=info.earliest_registration,
        )
    _event(
        session,
        actor,
        application,
        EventKind.CREATED,
        summary,
        stage_to=ApplicationStage.RECEIVED,
        details=audit.jsonable(details),
    )
    audit.record(
        session,
        actor,
        "create",
        "application",
        application.id,
        say("admission.history.received", number=number, name=application.name),
        after={k: v for k, v in audit.jsonable(application_values(application)).items() if v not in (None, "")},
    )
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
            errors["uscc"] = say("admission.uscc_locked")
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
    audit.record(
        session,
        actor,
        "update",
        "application",
        application.id,
        say("admission.history.changed", application_number=application.application_number),
        old,
        new,
    )
    return application


def record_visit(
    session: Session,
    actor: Actor,
    application_id: int,
    *,
    visit_date: Any,
    leader_name: Any,
    leader_rank: Any,
    note: Any = None,
    expected_version: int | None = None,
) -> Application:
    """Step 2 (R-4.1): the applicant's leader of suitable rank visited the association."""
    application = _load_for_change(session, application_id, expected_version)
    errors: dict[str, str] = {}
    day = _check_date(
        session,
        errors,
        "visit_date",
        "考察日期",
        visit_date,
        not_before=application.application_date,
        not_before_label="申请日期",
    )
    name = _check_line(errors, "visit_leader_name", "来访领导", leader_name, clean_name)
    rank = _check_line(
        errors,
        "visit_leader_rank",
        "职务",
        leader_rank,
        clean_text,
        empty="不能为空（第四条：须委派一定层级的领导来会考察）",
    )
    text = _check_text(errors, "visit_note", "考察情况", note, required=False)
    _raise_refusal_first(session, actor, application, ApplicationStage.VISITED, errors)
    values = {
        "visit_date": day,
        "visit_leader_name": name[:64],
        "visit_leader_rank": rank[:64],
        "visit_note": text,
        **_who(actor, session, "visit"),
    }
    return _record_step(
        session, actor, application, ApplicationStage.VISITED, values, f"{day} {name}（{rank}）来会考察交流"
    )


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
    session: Session,
    actor: Actor,
    application_id: int,
    *,
    application_form: bool = True,
    filing_form: bool = True,
    expected_version: int | None = None,
) -> Application:
    """Step 3 (R-5.1 (1)): the application form and the filing form are filled in."""
    application = _load_for_change(session, application_id, expected_version)
    errors: dict[str, str] = {}
    if not application_form:
        errors["application_form"] = say("admission.application_form_missing")
    if not filing_form:
        errors["filing_form"] = say("admission.filing_form_missing")
    _raise_refusal_first(session, actor, application, ApplicationStage.FORMS_COMPLETED, errors)
    return _record_step(
        session,
        actor,
        application,
        ApplicationStage.FORMS_COMPLETED,
        _who(actor, session, "forms"),
        "入会申请表、备案表已填写",
    )


def confirm_documents(
    session: Session, actor: Actor, application_id: int, *, expected_version: int | None = None
) -> Application:
    """Step 4 (R-5.1 (2)): every document of the checklist is attached."""
    application = _load_for_change(session, application_id, expected_version)
    _raise_refusal_first(session, actor, application, ApplicationStage.DOCUMENTS_SUBMITTED, {})
    names = "、".join(DOCUMENT_LABELS[k] for k in REQUIRED_DOCUMENTS)
    return _record_step(
        session,
        actor,
        application,
        ApplicationStage.DOCUMENTS_SUBMITTED,
        _who(actor, session, "documents"),
        f"资料齐全：{names}",
    )


def record_credit_check(
    session: Session,
    actor: Actor,
    application_id: int,
    *,
    result: CreditResult | str,
    checked_on: Any,
    evidence: Any,
    expected_version: int | None = None,
) -> Application:
    """R-15.1: a re-admission's credit is checked. Passed moves on to the review; failed is recorded
    and the application waits (declined, or checked again later)."""
    application = _load_for_change(session, application_id, expected_version)
    errors: dict[str, str] = {}
    try:
        outcome = CreditResult(result.value if isinstance(result, CreditResult) else result)
    except ValueError:
        errors["credit_result"] = say("admission.choose_credit_result")
        outcome = None
    day = _check_date(
        session,
        errors,
        "credit_checked_on",
        "考察日期",
        checked_on,
        not_before=application.application_date,
        not_before_label="申请日期",
    )
    text = _check_text(errors, "credit_evidence", "考察依据", evidence, required=True)
    _raise_refusal_first(session, actor, application, ApplicationStage.CREDIT_CHECKED, errors)
    values = {
        "credit_result": outcome,
        "credit_checked_on": day,
        "credit_evidence": text,
        **_who(actor, session, "credit"),
    }
    if outcome == CreditResult.PASSED:
        return _record_step(
            session, actor, application, ApplicationStage.CREDIT_CHECKED, values, f"信用考察合格（{day}）：{text}"
        )
    for key, value in values.items():
        setattr(application, key, value)
    application.updated_at = clock_of(session).now()
    _flush(session)
    _event(
        session,
        actor,
        application,
        EventKind.CREDIT_CHECK,
        f"信用考察不合格（{day}）",
        reason=text,
        details=audit.jsonable(values),
    )
    audit.record(
        session,
        actor,
        "credit_check",
        "application",
        application.id,
        say("admission.history.credit_failed", application_number=application.application_number),
        after=audit.jsonable(values),
    )
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
    return _opinion_step(
        session,
        actor,
        application,
        ApplicationStage.APPROVED,
        "approval",
        "审批意见",
        opinion,
        summary="领导审批",
        agreed_when_empty=True,
    )


def _opinion_step(
    session: Session,
    actor: Actor,
    application: Application,
    stage: ApplicationStage,
    step: str,
    label: str,
    opinion: Any,
    *,
    summary: str | None = None,
    agreed_when_empty: bool = False,
) -> Application:
    """A step that records an opinion in ``{step}_opinion`` with who and when. The office's own
    review must say what it found; a leadership step (approval, like the resident leader's
    sign-off) left empty records "同意入会" — one rule at every leadership step (issue 16)."""
    errors: dict[str, str] = {}
    text = _check_text(errors, f"{step}_opinion", label, opinion, required=not agreed_when_empty)
    if agreed_when_empty and not errors:
        text = text or AGREED
    _raise_refusal_first(session, actor, application, stage, errors)
    return _record_step(
        session,
        actor,
        application,
        stage,
        {f"{step}_opinion": text, **_who(actor, session, step)},
        f"{summary or label}：{text}",
    )


def record_dues(
    session: Session,
    actor: Actor,
    application_id: int,
    *,
    amount: Any,
    receipt_number: Any,
    paid_on: Any = None,
    expected_version: int | None = None,
) -> Application:
    """Step 7 (R-5.1 (5)): the dues are paid: amount and receipt number. A real payment is booked in
    the dues ledger against the first dues year — or, on the back-payment route a resident leader
    granted (R-15.1), against every year owed — and less than is due is refused (R-8.5: only the
    resident leader's written consent on file lowers it); see ``dues.book_admission_dues``."""
    application = _load_for_change(session, application_id, expected_version)
    errors: dict[str, str] = {}
    value: Decimal | None = None
    try:
        value = dues.parse_amount(amount, "dues_amount", "会费金额")
    except ValidationError as exc:
        errors.update(exc.errors)
    receipt = re.sub(
        r"\s+", "", _check_line(errors, "dues_receipt_number", "收据编号", receipt_number, clean_text)
    ).upper()
    if "dues_receipt_number" in errors:
        pass
    elif len(receipt) > 40:
        errors["dues_receipt_number"] = say("admission.receipt_number_too_long")
    else:
        clash = session.scalar(
            select(Application).where(Application.dues_receipt_number == receipt, Application.id != application_id)
        )
        used = dues.find_receipt(session, receipt)
        if clash is not None:
            errors["dues_receipt_number"] = say(
                "admission.receipt_used_by_application",
                receipt=receipt,
                name=clash.name,
                application_number=clash.application_number,
            )
        elif used is not None and used.application_id != application_id:
            errors["dues_receipt_number"] = say(
                "admission.receipt_issued", receipt=receipt, payer=used.payer, issued_on=used.issued_on
            )
    day = _check_date(
        session,
        errors,
        "dues_paid_on",
        "缴费日期",
        paid_on or clock_of(session).today(),
        not_before=application.application_date,
        not_before_label="申请日期",
    )
    _raise_refusal_first(session, actor, application, ApplicationStage.DUES_PAID, errors)
    assert value is not None and day is not None
    booked = dues.book_admission_dues(session, actor, application, amount=value, on=day, receipt_number=receipt)
    values = {"dues_amount": value, "dues_receipt_number": receipt, "dues_paid_on": day, **_who(actor, session, "dues")}
    summary = f"缴纳会费 {value:.2f} 元，收据编号 {receipt}"
    if booked.settled:
        summary += "（" + "、".join(f"{year} 年度" for year, _amount in booked.settled) + "）"
    if booked.credit > 0:
        summary += f"，余额 {booked.credit:,.2f} 元留作下一年度会费"
    return _record_step(session, actor, application, ApplicationStage.DUES_PAID, values, summary)


def sign_off(
    session: Session, actor: Actor, application_id: int, *, opinion: Any = "", expected_version: int | None = None
) -> Application:
    """Step 8 (R-5.1 (6)): the resident leader signs off. Nobody else may."""
    application = _load_for_change(session, application_id, expected_version)
    errors: dict[str, str] = {}
    text = _check_text(errors, "sign_off_opinion", "签批意见", opinion, required=False)
    _raise_refusal_first(session, actor, application, ApplicationStage.SIGNED_OFF, errors)
    return _record_step(
        session,
        actor,
        application,
        ApplicationStage.SIGNED_OFF,
        {"sign_off_opinion": text or AGREED, **_who(actor, session, "sign_off")},
        f"驻会领导签批：{text or AGREED}",
    )


def register(session: Session, actor: Actor, application_id: int, *, expected_version: int | None = None) -> Member:
    """Step 9 (R-5.1 (6)): register the member — member and certificate numbers from the settings'
    formats, the member entered through the register's own service (same checks, same audit), the
    certificate and the plaque order queued for printing. The member has no mentor yet."""
    from desktop_app.core.models.withdrawal import MembershipSpell, SpellStart  # issue 15: spells

    application = _load_for_change(session, application_id, expected_version)
    _raise_refusal_first(session, actor, application, ApplicationStage.REGISTERED, {})
    today = clock_of(session).today()
    organisation = {key: getattr(application, key) for key in ORGANISATION_FIELDS}
    certificate_number = next_number(
        session,
        "certificate",
        CERTIFICATE_NUMBER_FORMAT,
        lambda n: session.scalar(select(Member.id).where(Member.certificate_number == n)) is not None,
    )
    line = f"{today.isoformat()} 经入会申请 {application.application_number} 登记入会"
    if application.former_member_id is None:
        member = members.create_member(
            session,
            actor,
            {
                **organisation,
                "status": MemberStatus.ACTIVE,
                "join_date": today,
                "certificate_number": certificate_number,
                "mentor_id": None,
                "notes": line,
            },
        )
        summary = f"登记入会：会员编号 {member.member_number}，会员证编号 {certificate_number}"
        how = SpellStart.REGISTERED
    else:
        former = session.get(Member, application.former_member_id)
        assert former is not None
        restored = application.back_payment == BackPaymentDecision.GRANTED
        # issue 15: the earlier spells stay as they are (R-15.1 reads them); a former member known
        # only from the register's columns gets its spell written down before they change.
        if session.scalar(select(MembershipSpell.id).where(MembershipSpell.member_id == former.id).limit(1)) is None:
            session.add(MembershipSpell.from_register(former))
        left_on, left_status = former.left_date, former.status
        values: dict[str, Any] = {
            **organisation,
            "certificate_number": certificate_number,
            "mentor_id": None,
        }
        if restored:
            line = f"{today.isoformat()} 经驻会领导决定补缴会费恢复会籍（入会申请 {application.application_number}）"
        else:
            values["join_date"] = today
            values["member_number"] = next_number(
                session,
                "member",
                MEMBER_NUMBER_FORMAT,
                lambda n: session.scalar(select(Member.id).where(Member.member_number == n)) is not None,
            )
            line = f"{line}（重新入会，原会员编号 {former.member_number}，原退会日期 {former.left_date}）"
        values["notes"] = "\n".join(filter(None, [former.notes, line]))
        members.set_membership(  # issue 15: the membership status changes by this procedure only
            session,
            actor,
            former,
            MemberStatus.ACTIVE,
            None,
            None,
            f"{'恢复会籍' if restored else '重新入会'}（入会申请 {application.application_number}；"
            f"原{left_status.label}，{left_on or '日期不详'}）",
        )
        member = members.update_member(session, actor, former.id, former.version, values)
        summary = (
            f"{'恢复会籍' if restored else '重新入会登记'}：会员编号 {member.member_number}，"
            f"会员证编号 {certificate_number}"
        )
        how = SpellStart.BACK_PAYMENT if restored else SpellStart.READMITTED
    session.add(
        MembershipSpell(
            member_id=member.id,
            joined_on=today,
            joined_how=how,
            member_number=member.member_number,
            certificate_number=certificate_number,
            application_id=application.id,
            recorded_at=clock_of(session).now(),
            recorded_by_id=actor.id,
        )
    )
    now = clock_of(session).now()
    application = _record_step(
        session,
        actor,
        application,
        ApplicationStage.REGISTERED,
        {"member_id": member.id, **_who(actor, session, "registered")},
        summary,
    )
    application.status = ApplicationStatus.REGISTERED
    for kind in (PrintKind.CERTIFICATE, PrintKind.PLAQUE_ORDER):
        session.add(
            PrintJob(
                kind=kind,
                member_id=member.id,
                application_id=application.id,
                status=PrintStatus.QUEUED,
                queued_at=now,
                queued_by_id=actor.id,
            )
        )
    _flush(session)
    audit.record(session, actor, "queue_print", "member", member.id, say("admission.history.queued"))
    return member


def send_back(
    session: Session,
    actor: Actor,
    application_id: int,
    *,
    to_stage: ApplicationStage | str,
    reason: Any,
    expected_version: int | None = None,
) -> Application:
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
        errors["to_stage"] = say("admission.choose_step_back") if targets else say("admission.no_step_back")
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
    _event(
        session,
        actor,
        application,
        EventKind.SENT_BACK,
        summary,
        stage_from=previous_stage,
        stage_to=application.stage,
        reason=text,
        details=audit.jsonable(cleared),
    )
    audit.record(
        session,
        actor,
        "send_back",
        "application",
        application.id,
        say(
            "admission.history.step_note", application_number=application.application_number, summary=summary, text=text
        ),
        before=audit.jsonable(cleared),
    )
    return application


def _close(
    session: Session,
    actor: Actor,
    application_id: int,
    status: ApplicationStatus,
    reason: Any,
    expected_version: int | None,
    kind: EventKind,
    what: str,
) -> Application:
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
    _event(
        session,
        actor,
        application,
        kind,
        f"{what}（在“{stage_title(application.stage)}”之后）",
        stage_from=application.stage,
        reason=text,
    )
    audit.record(
        session,
        actor,
        kind.value,
        "application",
        application.id,
        say("admission.history.closed", what=what, application_number=application.application_number, text=text),
        after={"status": status, "reason": text},
    )
    return application


def decline(
    session: Session, actor: Actor, application_id: int, *, reason: Any, expected_version: int | None = None
) -> Application:
    """R-4.2: decline at any stage, with the reason; the application stays on file."""
    return _close(
        session, actor, application_id, ApplicationStatus.DECLINED, reason, expected_version, EventKind.DECLINED, "谢绝"
    )


def abandon(
    session: Session, actor: Actor, application_id: int, *, reason: Any, expected_version: int | None = None
) -> Application:
    """The applicant withdrew or stopped answering; the application stays on file."""
    return _close(
        session,
        actor,
        application_id,
        ApplicationStatus.ABANDONED,
        reason,
        expected_version,
        EventKind.ABANDONED,
        "撤销",
    )


def decide_back_payment(
    session: Session,
    actor: Actor,
    application_id: int,
    *,
    granted: bool,
    reason: Any,
    expected_version: int | None = None,
) -> Application:
    """R-15.1: a resident leader decides, case by case and with the reason, whether a former member
    may restore its membership by paying its arrears (no two-year wait; keeps its member number)."""
    _require(actor, Permission.DECIDE_BACK_PAYMENT)
    application = _load_for_change(session, application_id, expected_version)
    closed = _closed_refusal(application)
    if closed:
        raise AdmissionRefused(closed)
    if application.former_member_id is None:
        raise AdmissionRefused(say("admission.back_payment_only_rejoining"))
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
    if granted:  # the years owed are billed now; registration waits until they are paid
        dues.bill_back_payment(session, actor, application)
    summary = "准予补缴会费恢复会籍" if granted else "不同意补缴会费恢复会籍"
    _event(session, actor, application, EventKind.BACK_PAYMENT, summary, reason=text, details=audit.jsonable(values))
    audit.record(
        session,
        actor,
        "back_payment",
        "application",
        application.id,
        say(
            "admission.history.step_note", application_number=application.application_number, summary=summary, text=text
        ),
        after=audit.jsonable(values),
    )
    return application


def advance(
    session: Session, actor: Actor, application_id: int, values: dict[str, Any], *, expected_version: int | None = None
) -> Application | Member:
    """Take the application's next step with the values of that step's form (the window's one button)."""
    application = get_application(session, application_id)
    step = next_step(application)
    if step is None:
        raise AdmissionRefused(_closed_refusal(application) or say("admission.nothing_pending"))
    stage = step.stage
    common = {"expected_version": expected_version}
    if stage == ApplicationStage.VISITED:
        return record_visit(
            session,
            actor,
            application_id,
            visit_date=values.get("visit_date"),
            leader_name=values.get("visit_leader_name"),
            leader_rank=values.get("visit_leader_rank"),
            note=values.get("visit_note"),
            **common,
        )
    if stage == ApplicationStage.FORMS_COMPLETED:
        return confirm_forms(
            session,
            actor,
            application_id,
            application_form=bool(values.get("application_form")),
            filing_form=bool(values.get("filing_form")),
            **common,
        )
    if stage == ApplicationStage.DOCUMENTS_SUBMITTED:
        return confirm_documents(session, actor, application_id, **common)
    if stage == ApplicationStage.CREDIT_CHECKED:
        return record_credit_check(
            session,
            actor,
            application_id,
            result=values.get("credit_result") or "",
            checked_on=values.get("credit_checked_on"),
            evidence=values.get("credit_evidence"),
            **common,
        )
    if stage == ApplicationStage.REVIEWED:
        return review(session, actor, application_id, opinion=values.get("review_opinion"), **common)
    if stage == ApplicationStage.APPROVED:
        return approve(session, actor, application_id, opinion=values.get("approval_opinion"), **common)
    if stage == ApplicationStage.DUES_PAID:
        return record_dues(
            session,
            actor,
            application_id,
            amount=values.get("dues_amount"),
            receipt_number=values.get("dues_receipt_number"),
            paid_on=values.get("dues_paid_on"),
            **common,
        )
    if stage == ApplicationStage.SIGNED_OFF:
        return sign_off(session, actor, application_id, opinion=values.get("sign_off_opinion"), **common)
    return register(session, actor, application_id, **common)
