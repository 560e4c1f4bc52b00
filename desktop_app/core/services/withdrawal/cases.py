"""The procedures that end a membership and what ends with it.

- Voluntary withdrawal (R-11.1): the member's letter (date received, scan), the certificate and the
  plaque returned or not, the effective date, who recorded it.
- Cancellation (R-12.1): staff confirm the review's candidates in one step (the grounds and their
  evidence are kept with the case); the notice is issued (文号, response deadline, a mailing batch);
  after the deadline the member has met its obligations (the case closes with the evidence) or is
  deemed withdrawn; the council's confirmation (date, resolution number) cancels the membership.
- Appeals (R-13.1): filed date and grounds, the council's reply, escalation to the general
  assembly; an appeal that succeeds restores the membership and reopens its spell.
- What ends with it (R-14.1): the positions, the mentor assignment, future dues; the mentor gets
  a task to take the member out of the WeChat group. The spell closes; the register keeps the
  former member with its status, reason and dates (admission's re-admission check reads them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import Member, MemberStatus, MentorAssignment, Staff
from desktop_app.core.models.withdrawal import (
    OPEN_CASE_STATUSES,
    Appeal,
    AppealDecision,
    AppealStatus,
    CaseGround,
    CaseKind,
    CaseStatus,
    Disqualification,
    DisqualificationKind,
    DocumentRole,
    Ground,
    MembershipSpell,
    Position,
    PositionKind,
    SpellEnd,
    TaskKind,
    TaskStatus,
    WithdrawalCase,
    WithdrawalDocument,
    WithdrawalTask,
)
from desktop_app.core.numbering import next_number
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services.members import get_member, set_membership, set_mentor
from desktop_app.core.services.withdrawal import links
from desktop_app.core.services.withdrawal.common import Errors, Scan, check_scan, day, load_case, store_scan, text
from desktop_app.core.services.withdrawal.review import GroundFound, add_years, grounds_on, member_grounds
from desktop_app.core.services.withdrawal.spells import ensure_spells, open_spell_row
from desktop_app.core.settings import APPEAL_DAYS, NOTICE_NUMBER_FORMAT, NOTICE_RESPONSE_DAYS, get_setting
from desktop_app.errors import NotFound, PermissionDenied, ValidationError
from desktop_app.messages import Join, say


def _touch(session: Session, case: WithdrawalCase) -> None:
    case.updated_at = clock_of(session).now()


def _open_case_of(session: Session, member_id: int) -> WithdrawalCase | None:
    return session.scalar(
        select(WithdrawalCase)
        .where(WithdrawalCase.member_id == member_id, WithdrawalCase.status.in_(list(OPEN_CASE_STATUSES)))
        .order_by(WithdrawalCase.id.desc())
        .limit(1)
    )


def _active_member(session: Session, member_id: int) -> Member:
    member = get_member(session, member_id)
    if member.status != MemberStatus.ACTIVE:
        raise ValidationError(
            {"member": say("withdrawal.member_not_active", name=member.name, label=member.status.label)}
        )
    return member


# --- what ends with a membership (R-14.1) ---------------------------------------------------------------


@dataclass
class Ended:
    """What ending a membership did, line by line (shown to the person and kept in the audit log)."""

    lines: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(self.lines)


def _end_membership(
    session: Session,
    actor: Actor,
    case: WithdrawalCase,
    how: SpellEnd,
    on: dt.date,
    reason: str,
    decided_by: str,
) -> Ended:
    member = case.member
    ended = Ended()
    spell = open_spell_row(session, member)
    if spell is None:  # the register said active, the spells did not: keep both in step
        spell = MembershipSpell.from_register(member, clock_of(session).now())
        session.add(spell)
    spell.left_on, spell.left_how, spell.left_reason = on, how, reason
    spell.decided_by, spell.case_id = decided_by[:200], case.id
    spell.certificate_number = spell.certificate_number or member.certificate_number
    ended.lines.append(f"会籍：{how.label}，{on.isoformat()}（{decided_by}）")
    # The certificate is void: its number stays in the spell, the register no longer shows it.
    if member.certificate_number:
        ended.lines.append(f"会员证 {member.certificate_number} 作废（编号保留在会籍记录中）")
        member.certificate_number = None
    for position in session.scalars(
        select(Position).where(Position.member_id == member.id, Position.ended_on.is_(None))
    ):
        position.ended_on, position.ended_by_case_id = on, case.id
        position.end_reason = f"{how.label}（第十四条）"
        ended.lines.append(f"职务终止：{_position_title(position)}")
    mentor_id = member.mentor_id
    mentor_name = session.get(Staff, mentor_id).full_name if mentor_id else None  # type: ignore[union-attr]
    if mentor_id is not None:
        set_mentor(session, actor, member, None, note=f"{how.label}，班主任分配结束")
        ended.lines.append(f"班主任 {mentor_name} 的分配结束")
    else:
        # the last mentor, for the WeChat task, when the member had none assigned any more
        mentor_id = session.scalar(
            select(MentorAssignment.mentor_id)
            .where(MentorAssignment.member_id == member.id)
            .order_by(MentorAssignment.start_date.desc(), MentorAssignment.id.desc())
            .limit(1)
        )
        mentor_name = session.get(Staff, mentor_id).full_name if mentor_id else None  # type: ignore[union-attr]
    ended.lines.append(links.cancel_future_dues(session, actor, member, on, f"{how.label}（第十四条）"))
    session.add(
        WithdrawalTask(
            member_id=member.id,
            case_id=case.id,
            mentor_id=mentor_id,
            kind=TaskKind.REMOVE_FROM_WECHAT_GROUP,
            status=TaskStatus.OPEN,
            created_on=clock_of(session).today(),
        )
    )
    ended.lines.append(
        f"待办：{'班主任 ' + mentor_name if mentor_name else '会籍管理部（该会员没有班主任）'}将该单位人员移出班级微信管理群"
    )
    set_membership(session, actor, member, how.status, on, reason, f"{how.label}：{reason}")
    # another open case of the member ends with it
    for other in session.scalars(
        select(WithdrawalCase).where(
            WithdrawalCase.member_id == member.id,
            WithdrawalCase.id != case.id,
            WithdrawalCase.status.in_(list(OPEN_CASE_STATUSES)),
        )
    ):
        other.status, other.outcome_on = CaseStatus.DROPPED, on
        other.outcome_note = f"会员已{how.label}（案件 {case.id}）"
        _touch(session, other)
        ended.lines.append(f"另一未结案件 {other.id} 随之撤销")
    session.flush()
    audit.record(
        session,
        actor,
        "end_membership",
        "member",
        member.id,
        say("withdrawal.history.labelled", label=how.label, name=member.name),
        after={"case_id": case.id, "on": on, "consequences": ended.lines},
    )
    return ended


# --- voluntary withdrawal (R-11.1) --------------------------------------------------------------------


def _returns(session: Session, errors: Errors, values: dict[str, Any], letter_on: dt.date | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for thing, label in (("certificate", "会员证"), ("plaque", "牌匾")):
        returned = day(
            session,
            errors,
            f"{thing}_returned_on",
            f"{label}交回日期",
            values.get(f"{thing}_returned_on"),
            required=False,
        )
        missing = text(
            errors,
            f"{thing}_not_returned",
            f"{label}未交回的原因",
            values.get(f"{thing}_not_returned"),
            required=False,
            length=200,
        )
        if returned and missing:
            errors[f"{thing}_not_returned"] = say("withdrawal.no_reason_if_returned", label=label)
        out[f"{thing}_returned_on"], out[f"{thing}_not_returned"] = returned, missing
    return out


def record_voluntary_withdrawal(
    session: Session,
    actor: Actor,
    member_id: int,
    values: dict[str, Any],
    letter: Scan | None,
) -> tuple[WithdrawalCase, Ended | None]:
    """R-11.1: the member's written letter. ``values``: ``letter_received_on``, ``effective_on``
    (the day the membership ends; the letter's date when empty), ``reason``, and for the
    certificate and the plaque ``*_returned_on`` or ``*_not_returned`` (why not, e.g. 遗失).

    Takes effect at once when ``effective_on`` is today or earlier; a later date leaves the case
    pending until then (``make_effective``)."""
    require(actor, Permission.MANAGE_WITHDRAWAL)
    member = _active_member(session, member_id)
    errors = Errors()
    received = day(session, errors, "letter_received_on", "收到退会函件日期", values.get("letter_received_on"))
    effective = day(
        session, errors, "effective_on", "退会生效日期", values.get("effective_on") or received, not_after_today=False
    )
    reason = text(errors, "reason", "退会原因（函件所述）", values.get("reason"), lines=True)
    returns = _returns(session, errors, values, received)
    mime = check_scan(session, errors, "letter", "退会函件", letter, required=True)
    if received and effective and effective < received:
        errors["effective_on"] = say("withdrawal.effective_before_letter")
    if received and member.join_date and received < member.join_date:
        errors["letter_received_on"] = say("withdrawal.letter_before_joining")
    errors.raise_if_any()
    assert received is not None and effective is not None and letter is not None and mime is not None
    now = clock_of(session).now()
    case = WithdrawalCase(
        member_id=member.id,
        kind=CaseKind.VOLUNTARY,
        status=CaseStatus.PENDING,
        letter_received_on=received,
        effective_on=effective,
        reason=reason,
        **returns,
        created_at=now,
        created_by_id=actor.id,
        updated_at=now,
    )
    session.add(case)
    session.flush()
    store_scan(session, actor, DocumentRole.LETTER, letter, mime, case_id=case.id)
    audit.record(
        session,
        actor,
        "record_withdrawal_letter",
        "member",
        member.id,
        say("withdrawal.history.letter_received", received=received, effective=effective),
        after={"case_id": case.id, "reason": reason, **returns},
    )
    ended = None
    if effective <= clock_of(session).today():
        ended = _withdraw(session, actor, case)
    return case, ended


def _withdraw(session: Session, actor: Actor, case: WithdrawalCase) -> Ended:
    assert case.effective_on is not None
    case.status, case.outcome_on, case.outcome_by_id = CaseStatus.WITHDRAWN, case.effective_on, actor.id
    _touch(session, case)
    reason = f"会员书面申请退会（第十一条）：{case.reason}" if case.reason else "会员书面申请退会（第十一条）"
    return _end_membership(
        session,
        actor,
        case,
        SpellEnd.WITHDRAWN,
        case.effective_on,
        reason,
        f"会员来函（{case.letter_received_on}收到），{actor.full_name}登记",
    )


def make_effective(session: Session, actor: Actor, case_id: int, expected_version: int | None = None) -> Ended:
    """A pending voluntary withdrawal whose effective date has come."""
    require(actor, Permission.MANAGE_WITHDRAWAL)
    case = load_case(session, case_id, expected_version)
    if case.kind != CaseKind.VOLUNTARY or case.status != CaseStatus.PENDING:
        raise ValidationError({"case": say("withdrawal.nothing_to_make_effective", label=case.status.label)})
    assert case.effective_on is not None
    if case.effective_on > clock_of(session).today():
        raise ValidationError(
            {"effective_on": say("withdrawal.effective_date_not_reached", effective_on=case.effective_on)}
        )
    return _withdraw(session, actor, case)


def record_returns(
    session: Session, actor: Actor, case_id: int, values: dict[str, Any], expected_version: int | None = None
) -> WithdrawalCase:
    """The certificate and the plaque came back later (or it is known they will not)."""
    require(actor, Permission.MANAGE_WITHDRAWAL)
    case = load_case(session, case_id, expected_version)
    if case.kind != CaseKind.VOLUNTARY:
        raise ValidationError({"case": say("withdrawal.return_only_voluntary")})
    errors = Errors()
    current = {
        key: getattr(case, key)
        for key in ("certificate_returned_on", "certificate_not_returned", "plaque_returned_on", "plaque_not_returned")
    }
    returns = _returns(session, errors, {**current, **values}, case.letter_received_on)
    errors.raise_if_any()
    old, new = audit.changed_values(current, returns)
    for key, value in returns.items():
        setattr(case, key, value)
    _touch(session, case)
    session.flush()
    if new:
        audit.record(
            session,
            actor,
            "record_returns",
            "member",
            case.member_id,
            say("withdrawal.history.returns_recorded"),
            old,
            new,
        )
    return case


# --- disqualification (R-12.1 (3)) --------------------------------------------------------------------


def add_disqualification(
    session: Session, actor: Actor, member_id: int, values: dict[str, Any], scan: Scan | None = None
) -> Disqualification:
    """Staff record that a member no longer qualifies: ``kind``, ``source``, ``found_on``, ``evidence``
    (and ``description`` for "other"); a scan of the evidence may be kept with it."""
    require(actor, Permission.MANAGE_WITHDRAWAL)
    member = get_member(session, member_id)
    errors = Errors()
    kind_value = values.get("kind")
    try:
        kind = DisqualificationKind(kind_value.value if isinstance(kind_value, DisqualificationKind) else kind_value)
    except ValueError:
        errors["kind"] = say("withdrawal.choose_ground")
        kind = DisqualificationKind.OTHER
    description = text(
        errors,
        "description",
        "情形说明",
        values.get("description"),
        required=kind == DisqualificationKind.OTHER,
        length=200,
    )
    source = text(errors, "source", "信息来源", values.get("source"), length=200)
    found_on = day(session, errors, "found_on", "列入或认定日期", values.get("found_on"))
    evidence = text(errors, "evidence", "证据（案号、文书编号、查询结果）", values.get("evidence"), lines=True)
    mime = check_scan(session, errors, "scan", "证据扫描件", scan, required=False)
    errors.raise_if_any()
    assert source and found_on and evidence
    record = Disqualification(
        member_id=member.id,
        kind=kind,
        description=description,
        source=source,
        found_on=found_on,
        evidence=evidence,
        recorded_at=clock_of(session).now(),
        recorded_by_id=actor.id,
    )
    session.add(record)
    session.flush()
    if scan is not None and mime is not None:
        store_scan(session, actor, DocumentRole.DISQUALIFICATION, scan, mime, disqualification_id=record.id)
    audit.record(
        session,
        actor,
        "add_disqualification",
        "member",
        member.id,
        say("withdrawal.history.ground_recorded", value=description or kind.label, source=source, found_on=found_on),
        after={"kind": kind, "source": source, "found_on": found_on, "evidence": evidence},
    )
    return record


def lift_disqualification(
    session: Session, actor: Actor, disqualification_id: int, lifted_on: Any, note: Any
) -> Disqualification:
    """The fact no longer holds (removed from the list of dishonest debtors …) or was recorded in error."""
    require(actor, Permission.MANAGE_WITHDRAWAL)
    record = session.get(Disqualification, disqualification_id)
    if record is None:
        raise NotFound(say("withdrawal.record_not_found"))
    if record.lifted_on is not None:
        raise ValidationError({"lifted_on": say("withdrawal.ground_lifted", lifted_on=record.lifted_on)})
    errors = Errors()
    on = day(session, errors, "lifted_on", "解除日期", lifted_on)
    reason = text(errors, "lifted_note", "解除依据", note, lines=True)
    if on and on < record.found_on:
        errors["lifted_on"] = say("withdrawal.lifted_before_found", found_on=record.found_on)
    errors.raise_if_any()
    record.lifted_on, record.lifted_note, record.lifted_by_id = on, reason, actor.id
    session.flush()
    audit.record(
        session,
        actor,
        "lift_disqualification",
        "member",
        record.member_id,
        say("withdrawal.history.ground_lifted", reason=reason),
    )
    return record


@dataclass(frozen=True)
class DisqualificationRecord:
    id: int
    kind: str
    source: str
    found_on: dt.date
    evidence: str
    lifted_on: dt.date | None
    lifted_note: str | None
    recorded_by: str | None
    documents: tuple[tuple[int, str], ...]  # (document id, file name)


def disqualifications(session: Session, member_id: int) -> list[DisqualificationRecord]:
    names = dict(session.execute(select(Staff.id, Staff.full_name)).all())
    out = []
    for record in session.scalars(
        select(Disqualification)
        .where(Disqualification.member_id == member_id)
        .order_by(Disqualification.found_on.desc())
    ):
        documents = tuple(
            session.execute(
                select(WithdrawalDocument.id, WithdrawalDocument.file_name).where(
                    WithdrawalDocument.disqualification_id == record.id
                )
            )
        )
        out.append(
            DisqualificationRecord(
                record.id,
                record.description or record.kind.label,
                record.source,
                record.found_on,
                record.evidence,
                record.lifted_on,
                record.lifted_note,
                names.get(record.recorded_by_id) if record.recorded_by_id else None,
                documents,
            )
        )
    return out


# --- cancellation (R-12.1) ------------------------------------------------------------------------------


def _ground_rows(grounds: Sequence[GroundFound]) -> list[CaseGround]:
    return [
        CaseGround(
            ground=g.ground,
            summary=g.summary,
            since=g.since,
            evidence=audit.jsonable(g.evidence),
            disqualification_id=g.disqualification_id,
        )
        for g in grounds
    ]


def confirm_candidates(session: Session, actor: Actor, on: Any, member_ids: Sequence[int]) -> list[WithdrawalCase]:
    """Staff confirm the review's candidates of ``on`` in one step: a case per member, with the
    grounds and their evidence as the review found them. Only then can a notice be printed.

    All or nothing: a member that is no longer a candidate on ``on`` (it paid, took part, the
    disqualification was lifted) or already has an open case is named, and nothing is confirmed."""
    require(actor, Permission.MANAGE_WITHDRAWAL)
    errors = Errors()
    review_date = day(session, errors, "on", "核查日期", on)
    errors.raise_if_any()
    assert review_date is not None
    ids = list(dict.fromkeys(member_ids))
    if not ids:
        raise ValidationError({"members": say("withdrawal.choose_members")})
    members = list(session.scalars(select(Member).where(Member.id.in_(ids))))
    found = {m.id: m for m in members}
    missing = [str(i) for i in ids if i not in found]
    if missing:
        raise NotFound(say("withdrawal.members_not_found", join=list(missing)))
    problems = []
    active = [found[i] for i in ids if found[i].status == MemberStatus.ACTIVE]
    for member_id in ids:
        member = found[member_id]
        if member.status != MemberStatus.ACTIVE:
            problems.append(say("withdrawal.problem_status", name=member.name, label=member.status.label))
    grounds = grounds_on(session, active, review_date)
    for member in active:
        existing = _open_case_of(session, member.id)
        if existing is not None:
            problems.append(say("withdrawal.problem_open_case", name=member.name, label=existing.status.label))
        elif not grounds.get(member.id):
            problems.append(say("withdrawal.problem_no_ground", name=member.name, date=review_date))
    if problems:
        raise ValidationError({"members": Join([say("withdrawal.none_confirmed"), *problems], "\n", "\n")})
    now = clock_of(session).now()
    cases = []
    for member in active:
        case = WithdrawalCase(
            member_id=member.id,
            kind=CaseKind.CANCELLATION,
            status=CaseStatus.CONFIRMED,
            review_date=review_date,
            confirmed_at=now,
            confirmed_by_id=actor.id,
            created_at=now,
            created_by_id=actor.id,
            updated_at=now,
        )
        case.grounds = _ground_rows(grounds[member.id])
        session.add(case)
        cases.append(case)
    session.flush()
    for case in cases:
        audit.record(
            session,
            actor,
            "confirm_candidate",
            "member",
            case.member_id,
            f"确认为取消会员资格的候选（核查日期 {review_date}）："
            + "；".join(f"第十二条第{g.ground.item}项" for g in case.grounds),
            after={"case_id": case.id, "grounds": [g.summary for g in case.grounds]},
        )
    return cases


def drop_case(
    session: Session, actor: Actor, case_id: int, reason: Any, expected_version: int | None = None
) -> WithdrawalCase:
    """Close a confirmed case before any notice went out (confirmed by mistake …), with the reason."""
    require(actor, Permission.MANAGE_WITHDRAWAL)
    case = load_case(session, case_id, expected_version)
    if case.status != CaseStatus.CONFIRMED:
        raise ValidationError({"case": say("withdrawal.cannot_withdraw_case", label=case.status.label)})
    errors = Errors()
    note = text(errors, "reason", "撤销原因", reason, lines=True)
    errors.raise_if_any()
    case.status, case.outcome_on, case.outcome_note, case.outcome_by_id = (
        CaseStatus.DROPPED,
        clock_of(session).today(),
        note,
        actor.id,
    )
    _touch(session, case)
    session.flush()
    audit.record(
        session, actor, "drop_case", "member", case.member_id, say("withdrawal.history.case_dropped", note=note)
    )
    return case


def _notice_taken(session: Session, number: str) -> bool:
    return session.scalar(select(WithdrawalCase.id).where(WithdrawalCase.notice_number == number)) is not None


def issue_notices(
    session: Session, actor: Actor, case_ids: Sequence[int], *, notice_date: Any = None
) -> list[WithdrawalCase]:
    """Issue the notices of confirmed cases (R-12.1): a 文号 each, the response deadline (setting
    ``withdrawal.notice_response_days`` from the notice date), and one mailing batch for all of
    them (proof of posting is recorded there). The PDF is then printed from these cases only
    (``documents.generate(..., "withdrawal-notice", ...)``)."""
    require(actor, Permission.MANAGE_WITHDRAWAL)
    errors = Errors()
    date = day(session, errors, "notice_date", "告知日期", notice_date, default_today=True)
    errors.raise_if_any()
    assert date is not None
    ids = list(dict.fromkeys(case_ids))
    if not ids:
        raise ValidationError({"cases": say("withdrawal.choose_cases")})
    cases = list(session.scalars(select(WithdrawalCase).where(WithdrawalCase.id.in_(ids)).order_by(WithdrawalCase.id)))
    if len(cases) != len(ids):
        raise NotFound(say("withdrawal.cases_not_found"))
    problems = [
        say("withdrawal.problem_case_status", name=case.member.name, label=case.status.label)
        for case in cases
        if case.kind != CaseKind.CANCELLATION or case.status != CaseStatus.CONFIRMED
    ]
    problems += [
        say("withdrawal.problem_notice_before_review", name=case.member.name, date=case.review_date)
        for case in cases
        if case.review_date and date < case.review_date
    ]
    if problems:
        raise ValidationError({"cases": Join([say("withdrawal.no_notice_sent"), *problems], "\n", "\n")})
    days = int(get_setting(session, NOTICE_RESPONSE_DAYS))
    if days < 1:
        raise ValidationError({"notice_response_days": say("withdrawal.response_days_setting")})
    deadline = date + dt.timedelta(days=days)
    for case in sorted(cases, key=lambda c: c.member.member_number):
        case.notice_number = next_number(
            session, "withdrawal_notice", NOTICE_NUMBER_FORMAT, lambda n: _notice_taken(session, n)
        )
        case.notice_date, case.response_deadline, case.notice_issued_by_id = date, deadline, actor.id
        case.status = CaseStatus.NOTIFIED
        _touch(session, case)
    session.flush()
    batch_id = links.create_notice_batch(
        session,
        actor,
        title=f"退会告知书（{date.isoformat()}，{len(cases)} 份）",
        notices={case.member_id: case.notice_number or "" for case in cases},
        mailed_on=date,
    )
    for case in cases:
        case.mailing_batch_id = batch_id
        audit.record(
            session,
            actor,
            "issue_notice",
            "member",
            case.member_id,
            say("withdrawal.history.notice_sent", notice_number=case.notice_number, deadline=deadline),
            after={"case_id": case.id, "notice_number": case.notice_number, "deadline": deadline, "batch": batch_id},
        )
    session.flush()
    return cases


def _still_holding(session: Session, case: WithdrawalCase, on: dt.date) -> tuple[list[GroundFound], dict[str, Any]]:
    """The case's grounds that still hold on ``on``, and what changed for each one that does not."""
    now_found = {g.ground: g for g in member_grounds(session, case.member, on)}
    holding = [now_found[g.ground] for g in case.grounds if g.ground in now_found]
    resolved: dict[str, Any] = {}
    for g in case.grounds:
        if g.ground in now_found:
            continue
        resolved[g.ground.value] = _resolution(session, case, g, on)
    return holding, resolved


def _resolution(session: Session, case: WithdrawalCase, ground: CaseGround, on: dt.date) -> str:
    """In words, why a ground no longer holds on ``on`` (the evidence a closed case keeps)."""
    from desktop_app.core.models.withdrawal import Activity, Attendance

    since = case.confirmed_at.date() if case.confirmed_at else (case.review_date or on)
    if ground.ground == Ground.NO_ACTIVITY:
        rows = session.execute(
            select(Activity.held_on, Activity.title)
            .join(Attendance, Attendance.activity_id == Activity.id)
            .where(Attendance.member_id == case.member_id, Activity.held_on <= on)
            .order_by(Activity.held_on.desc())
            .limit(3)
        ).all()
        if rows:
            return "已参加活动：" + "；".join(f"{held_on} {title}" for held_on, title in rows)
        return "不再符合“一年以上不参加本会活动”"
    if ground.ground == Ground.DISQUALIFIED and ground.disqualification_id:
        record = session.get(Disqualification, ground.disqualification_id)
        if record is not None and record.lifted_on is not None:
            return f"已于 {record.lifted_on} 解除：{record.lifted_note}"
    if ground.ground == Ground.UNPAID_DUES:
        return f"截至 {on}，已不再一年以上欠缴会费（{since} 之后缴费）"
    return "已不再符合"


def record_obligations_met(
    session: Session, actor: Actor, case_id: int, on: Any, note: Any, expected_version: int | None = None
) -> WithdrawalCase:
    """The member met its obligations (paid, took part, the disqualification no longer holds): the
    case closes with that evidence and the member stays. Refused while a ground still holds."""
    require(actor, Permission.MANAGE_WITHDRAWAL)
    case = load_case(session, case_id, expected_version)
    if case.status not in (CaseStatus.CONFIRMED, CaseStatus.NOTIFIED, CaseStatus.DEEMED_WITHDRAWN):
        raise ValidationError({"case": say("withdrawal.cannot_record_fulfilled", label=case.status.label)})
    errors = Errors()
    date = day(session, errors, "outcome_on", "履行义务的日期", on, default_today=True)
    remark = text(errors, "outcome_note", "说明", note, lines=True)
    errors.raise_if_any()
    assert date is not None
    holding, resolved = _still_holding(session, case, date)
    if holding:
        raise ValidationError(
            {
                "grounds": say(
                    "withdrawal.grounds_still_hold",
                    date=date.isoformat(),
                    grounds="\n".join(f"· {g.title}：{g.summary}" for g in holding),
                )
            }
        )
    case.status, case.outcome_on, case.outcome_note, case.outcome_by_id = (
        CaseStatus.OBLIGATIONS_MET,
        date,
        remark,
        actor.id,
    )
    case.outcome_evidence = resolved
    _touch(session, case)
    session.flush()
    audit.record(
        session,
        actor,
        "obligations_met",
        "member",
        case.member_id,
        say("withdrawal.history.fulfilled", remark=remark),
        after={"case_id": case.id, "evidence": resolved},
    )
    return case


def record_deemed_withdrawn(
    session: Session, actor: Actor, case_id: int, on: Any, note: Any, expected_version: int | None = None
) -> WithdrawalCase:
    """After the response deadline the member still refuses to meet its obligations (R-12.1): it is
    deemed to have withdrawn, and the case waits for the council's confirmation."""
    require(actor, Permission.MANAGE_WITHDRAWAL)
    case = load_case(session, case_id, expected_version)
    if case.status != CaseStatus.NOTIFIED:
        raise ValidationError({"case": say("withdrawal.cannot_deem", label=case.status.label)})
    errors = Errors()
    date = day(session, errors, "outcome_on", "认定日期", on, default_today=True)
    remark = text(errors, "outcome_note", "拒绝履行义务的情况（如联系记录、会员答复）", note, lines=True)
    errors.raise_if_any()
    assert date is not None and case.response_deadline is not None
    if date <= case.response_deadline:
        raise ValidationError(
            {
                "outcome_on": say(
                    "withdrawal.deadline_not_passed",
                    response_deadline=case.response_deadline,
                    value=case.response_deadline + dt.timedelta(days=1),
                )
            }
        )
    posted = links.posting(session, case.mailing_batch_id, case.member_id)
    if posted is None or not posted.posted:
        raise ValidationError(
            {
                "posting": say(
                    "withdrawal.notice_not_delivered",
                    state=posted.text() if posted else say("withdrawal.no_mailing_batch"),
                )
            }
        )
    holding, resolved = _still_holding(session, case, date)
    if not holding:
        raise ValidationError({"grounds": say("withdrawal.grounds_gone", date=date)})
    case.status, case.outcome_on, case.outcome_note, case.outcome_by_id = (
        CaseStatus.DEEMED_WITHDRAWN,
        date,
        remark,
        actor.id,
    )
    case.outcome_evidence = {
        "holding": [{"ground": g.ground.value, "summary": g.summary} for g in holding],
        "resolved": resolved,
        "posting": posted.text(),
    }
    _touch(session, case)
    session.flush()
    audit.record(
        session,
        actor,
        "deemed_withdrawn",
        "member",
        case.member_id,
        say("withdrawal.history.deemed", remark=remark),
        after={"case_id": case.id, "holding": [g.summary for g in holding]},
    )
    return case


def record_council_confirmation(
    session: Session, actor: Actor, case_id: int, decided_on: Any, resolution: Any, expected_version: int | None = None
) -> Ended:
    """The council confirmed the cancellation (date, resolution number): the membership is
    cancelled and what ends with it ends (R-12.1, R-14.1)."""
    require(actor, Permission.MANAGE_WITHDRAWAL)
    case = load_case(session, case_id, expected_version)
    if case.status != CaseStatus.DEEMED_WITHDRAWN:
        raise ValidationError({"case": say("withdrawal.deem_first", label=case.status.label)})
    errors = Errors()
    date = day(session, errors, "council_date", "理事会确认日期", decided_on)
    number = text(errors, "council_resolution", "理事会决议文号", resolution, length=100)
    if date and case.outcome_on and date < case.outcome_on:
        errors["council_date"] = say("withdrawal.council_before_deemed", outcome_on=case.outcome_on)
    errors.raise_if_any()
    assert date is not None and number is not None
    case.status, case.council_date, case.council_resolution = CaseStatus.CANCELLED, date, number
    case.effective_on = date
    _touch(session, case)
    grounds = "；".join(f"第十二条第{g.ground.item}项{g.ground.label}" for g in case.grounds)
    return _end_membership(
        session,
        actor,
        case,
        SpellEnd.CANCELLED,
        date,
        f"{grounds}，经告知（{case.notice_number}）仍拒绝履行义务，视为自动退会",
        f"理事会 {number}（{date}）",
    )


# --- appeals (R-13.1) ---------------------------------------------------------------------------------


def _load_appeal(session: Session, appeal_id: int) -> Appeal:
    appeal = session.get(Appeal, appeal_id)
    if appeal is None:
        raise NotFound(say("withdrawal.appeal_not_found"))
    return appeal


def file_appeal(
    session: Session, actor: Actor, case_id: int, filed_on: Any, grounds: Any, scan: Scan | None = None
) -> Appeal:
    """The member contests the council's confirmation of its cancellation, in writing, within the
    appeal period (setting ``withdrawal.appeal_days`` from the council's decision)."""
    require(actor, Permission.MANAGE_WITHDRAWAL)
    case = load_case(session, case_id)
    if case.status != CaseStatus.CANCELLED:
        raise ValidationError({"case": say("withdrawal.appeal_only_cancellation", label=case.status.label)})
    if session.scalar(
        select(Appeal.id).where(
            Appeal.case_id == case.id, Appeal.status.in_([AppealStatus.FILED, AppealStatus.ESCALATED])
        )
    ):
        raise ValidationError({"case": say("withdrawal.appeal_pending")})
    errors = Errors()
    date = day(session, errors, "filed_on", "申诉日期", filed_on)
    reasons = text(errors, "grounds", "申诉理由", grounds, lines=True)
    mime = check_scan(session, errors, "scan", "申诉书扫描件", scan, required=False)
    assert case.council_date is not None
    last_day = case.council_date + dt.timedelta(days=int(get_setting(session, APPEAL_DAYS)))
    if date and date < case.council_date:
        errors["filed_on"] = say("withdrawal.appeal_before_council", council_date=case.council_date)
    elif date and date > last_day:
        errors["filed_on"] = say("withdrawal.appeal_too_late", last_day=last_day, council_date=case.council_date)
    errors.raise_if_any()
    assert date is not None and reasons is not None
    now = clock_of(session).now()
    appeal = Appeal(
        case_id=case.id,
        status=AppealStatus.FILED,
        filed_on=date,
        grounds=reasons,
        created_at=now,
        created_by_id=actor.id,
        updated_at=now,
    )
    session.add(appeal)
    session.flush()
    if scan is not None and mime is not None:
        store_scan(session, actor, DocumentRole.APPEAL, scan, mime, appeal_id=appeal.id)
    audit.record(
        session,
        actor,
        "file_appeal",
        "member",
        case.member_id,
        say("withdrawal.history.appeal_filed", date=date, reasons=reasons),
    )
    return appeal


def _decision(errors: Errors, key: str, value: Any) -> AppealDecision | None:
    try:
        return AppealDecision(value.value if isinstance(value, AppealDecision) else value)
    except ValueError:
        errors[key] = say("withdrawal.choose_decision")
        return None


def record_council_reply(
    session: Session, actor: Actor, appeal_id: int, replied_on: Any, decision: Any, reply: Any, resolution: Any = ""
) -> Appeal:
    """The council answers the appeal: it upholds the cancellation, or restores the membership."""
    require(actor, Permission.MANAGE_WITHDRAWAL)
    appeal = _load_appeal(session, appeal_id)
    if appeal.status != AppealStatus.FILED:
        raise ValidationError({"appeal": say("withdrawal.appeal_no_council_reply", label=appeal.status.label)})
    errors = Errors()
    date = day(session, errors, "council_replied_on", "理事会答复日期", replied_on)
    chosen = _decision(errors, "council_decision", decision)
    words = text(errors, "council_reply", "答复内容", reply, lines=True)
    number = text(errors, "council_resolution", "理事会决议文号", resolution, required=False, length=100)
    if date and date < appeal.filed_on:
        errors["council_replied_on"] = say("withdrawal.reply_before_appeal", filed_on=appeal.filed_on)
    errors.raise_if_any()
    assert date is not None and chosen is not None
    appeal.council_replied_on, appeal.council_decision = date, chosen
    appeal.council_reply, appeal.council_resolution = words, number
    return _decide(
        session, actor, appeal, chosen, date, f"理事会答复{('（' + number + '）') if number else ''}：{words}"
    )


def escalate_appeal(session: Session, actor: Actor, appeal_id: int, escalated_on: Any, reason: Any) -> Appeal:
    """The council submits the appeal to the general assembly before answering (R-13.1 "必要时")."""
    require(actor, Permission.MANAGE_WITHDRAWAL)
    appeal = _load_appeal(session, appeal_id)
    if appeal.status != AppealStatus.FILED:
        raise ValidationError({"appeal": say("withdrawal.appeal_no_assembly", label=appeal.status.label)})
    errors = Errors()
    date = day(session, errors, "escalated_on", "提交大会审议日期", escalated_on)
    why = text(errors, "escalation_reason", "提交审议的原因", reason, lines=True)
    if date and date < appeal.filed_on:
        errors["escalated_on"] = say("withdrawal.escalated_before_appeal", filed_on=appeal.filed_on)
    errors.raise_if_any()
    appeal.status, appeal.escalated_on, appeal.escalation_reason = AppealStatus.ESCALATED, date, why
    appeal.updated_at = clock_of(session).now()
    session.flush()
    audit.record(
        session,
        actor,
        "escalate_appeal",
        "member",
        appeal.case.member_id,
        say("withdrawal.history.appeal_escalated", why=why),
    )
    return appeal


def record_assembly_decision(
    session: Session, actor: Actor, appeal_id: int, decided_on: Any, decision: Any, resolution: Any, note: Any = ""
) -> Appeal:
    """The general assembly's review, after which the council answers as it decided."""
    require(actor, Permission.MANAGE_WITHDRAWAL)
    appeal = _load_appeal(session, appeal_id)
    if appeal.status != AppealStatus.ESCALATED:
        raise ValidationError({"appeal": say("withdrawal.appeal_not_at_assembly", label=appeal.status.label)})
    errors = Errors()
    date = day(session, errors, "assembly_decided_on", "大会审议日期", decided_on)
    chosen = _decision(errors, "assembly_decision", decision)
    number = text(errors, "assembly_resolution", "大会决议文号", resolution, length=100)
    remark = text(errors, "assembly_note", "说明", note, required=False, lines=True)
    if date and appeal.escalated_on and date < appeal.escalated_on:
        errors["assembly_decided_on"] = say("withdrawal.assembly_before_escalated", escalated_on=appeal.escalated_on)
    errors.raise_if_any()
    assert date is not None and chosen is not None
    appeal.assembly_decided_on, appeal.assembly_decision = date, chosen
    appeal.assembly_resolution, appeal.assembly_note = number, remark
    return _decide(
        session, actor, appeal, chosen, date, f"会员（代表）大会审议（{number}）{('：' + remark) if remark else ''}"
    )


def _decide(
    session: Session, actor: Actor, appeal: Appeal, decision: AppealDecision, on: dt.date, words: str
) -> Appeal:
    appeal.updated_at = clock_of(session).now()
    case = appeal.case
    if decision == AppealDecision.UPHELD:
        appeal.status = AppealStatus.UPHELD
        session.flush()
        audit.record(
            session,
            actor,
            "appeal_upheld",
            "member",
            case.member_id,
            say("withdrawal.history.appeal_rejected", words=words),
        )
        return appeal
    appeal.status = AppealStatus.RESTORED
    _restore(session, actor, case, on, words)
    return appeal


def _restore(session: Session, actor: Actor, case: WithdrawalCase, on: dt.date, words: str) -> None:
    """An appeal succeeded: the cancellation is withdrawn, the spell reopened (the membership was
    never validly ended), the positions it ended reopened if their term runs on, the mentor back."""
    member = case.member
    spell = session.scalar(select(MembershipSpell).where(MembershipSpell.case_id == case.id))
    if spell is None:
        spell = ensure_spells(session, member)[-1]
    spell.reopened_on, spell.reopened_note = on, f"申诉成立，恢复会籍：{words}"[:2000]
    certificate = spell.certificate_number
    spell.left_on = spell.left_how = spell.left_reason = spell.decided_by = None
    if certificate and session.scalar(select(Member.id).where(Member.certificate_number == certificate)) is None:
        member.certificate_number = certificate
    for position in session.scalars(select(Position).where(Position.ended_by_case_id == case.id)):
        if position.term_end is None or position.term_end > on:
            position.ended_on = position.end_reason = position.ended_by_case_id = None
    last_mentor = session.scalar(
        select(MentorAssignment.mentor_id)
        .where(MentorAssignment.member_id == member.id)
        .order_by(MentorAssignment.start_date.desc(), MentorAssignment.id.desc())
        .limit(1)
    )
    mentor = session.get(Staff, last_mentor) if last_mentor else None
    if mentor is not None and mentor.is_active:
        set_mentor(session, actor, member, mentor.id, note="申诉成立，恢复会籍")
    for task in session.scalars(
        select(WithdrawalTask).where(WithdrawalTask.case_id == case.id, WithdrawalTask.status == TaskStatus.OPEN)
    ):
        task.status, task.note = TaskStatus.CANCELLED, "申诉成立，恢复会籍，无需移出"
    if session.scalar(
        select(WithdrawalTask.id).where(WithdrawalTask.case_id == case.id, WithdrawalTask.status == TaskStatus.DONE)
    ):
        session.add(
            WithdrawalTask(
                member_id=member.id,
                case_id=case.id,
                mentor_id=mentor.id if mentor is not None else None,
                kind=TaskKind.INVITE_TO_WECHAT_GROUP,
                status=TaskStatus.OPEN,
                created_on=clock_of(session).today(),
            )
        )
    case.status = CaseStatus.RESTORED
    _touch(session, case)
    set_membership(session, actor, member, MemberStatus.ACTIVE, None, None, f"申诉成立，恢复会籍（{on}）：{words}")
    audit.record(
        session,
        actor,
        "appeal_restored",
        "member",
        member.id,
        say("withdrawal.history.appeal_restored", words=words),
        after={"case_id": case.id, "on": on, "note": "已取消的以后年度会费账单须在会费管理中重新开具"},
    )


# --- positions (R-14.1) --------------------------------------------------------------------------------


def _position_title(position: Position) -> str:
    name = position.title or position.kind.label
    return f"{name}（{position.term}）" if position.term else name


@dataclass(frozen=True)
class PositionRecord:
    id: int
    kind: PositionKind
    title: str
    term: str | None
    start_date: dt.date
    term_end: dt.date | None
    ended_on: dt.date | None
    end_reason: str | None

    @property
    def current(self) -> bool:
        return self.ended_on is None


def positions(session: Session, member_id: int) -> list[PositionRecord]:
    """The member's positions, current ones first."""
    rows = session.scalars(
        select(Position)
        .where(Position.member_id == member_id)
        .order_by(Position.ended_on.is_not(None), Position.start_date.desc(), Position.id.desc())
    )
    return [
        PositionRecord(p.id, p.kind, _position_title(p), p.term, p.start_date, p.term_end, p.ended_on, p.end_reason)
        for p in rows
    ]


def add_position(session: Session, actor: Actor, member_id: int, values: dict[str, Any]) -> Position:
    """A position the member holds for a term (separate from its dues level)."""
    require(actor, Permission.MANAGE_WITHDRAWAL)
    member = _active_member(session, member_id)
    errors = Errors()
    kind_value = values.get("kind")
    try:
        kind = PositionKind(kind_value.value if isinstance(kind_value, PositionKind) else kind_value)
    except ValueError:
        errors["kind"] = say("withdrawal.choose_post")
        kind = PositionKind.OTHER
    title = text(errors, "title", "职务名称", values.get("title"), required=kind == PositionKind.OTHER, length=100)
    term = text(errors, "term", "届次", values.get("term"), required=False, length=64)
    start = day(session, errors, "start_date", "任职起始日期", values.get("start_date"))
    term_end = day(
        session, errors, "term_end", "任期届满日期", values.get("term_end"), required=False, not_after_today=False
    )
    if start and term_end and term_end <= start:
        errors["term_end"] = say("withdrawal.term_end_after_start")
    if start and member.join_date and start < member.join_date:
        errors["start_date"] = say("withdrawal.post_before_joining", join_date=member.join_date)
    errors.raise_if_any()
    assert start is not None
    position = Position(
        member_id=member.id,
        kind=kind,
        title=title,
        term=term,
        start_date=start,
        term_end=term_end,
        created_at=clock_of(session).now(),
        created_by_id=actor.id,
    )
    session.add(position)
    session.flush()
    audit.record(
        session,
        actor,
        "add_position",
        "member",
        member.id,
        say("withdrawal.history.post_added", position_title=_position_title(position), start=start),
    )
    return position


def end_position(session: Session, actor: Actor, position_id: int, ended_on: Any, reason: Any) -> Position:
    require(actor, Permission.MANAGE_WITHDRAWAL)
    position = session.get(Position, position_id)
    if position is None:
        raise NotFound(say("withdrawal.post_not_found"))
    if position.ended_on is not None:
        raise ValidationError({"position": say("withdrawal.post_ended", ended_on=position.ended_on)})
    errors = Errors()
    on = day(session, errors, "ended_on", "终止日期", ended_on)
    why = text(errors, "end_reason", "终止原因（如换届、辞去）", reason, length=200)
    if on and on < position.start_date:
        errors["ended_on"] = say("withdrawal.post_end_before_start", start_date=position.start_date)
    errors.raise_if_any()
    position.ended_on, position.end_reason = on, why
    session.flush()
    audit.record(
        session,
        actor,
        "end_position",
        "member",
        position.member_id,
        say("withdrawal.history.post_ended", position_title=_position_title(position), why=why),
    )
    return position


# --- the mentors' tasks -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskRow:
    id: int
    member_id: int
    member_number: str
    member_name: str
    case_id: int | None
    mentor_name: str | None
    kind: TaskKind
    status: TaskStatus
    created_on: dt.date
    done_on: dt.date | None
    note: str | None

    @property
    def title(self) -> str:
        return self.kind.label


def tasks(session: Session, actor: Actor, *, open_only: bool = True, member_id: int | None = None) -> list[TaskRow]:
    """The tasks the end of a membership left: a mentor sees its own, the office all of them."""
    require(actor, Permission.VIEW_WITHDRAWAL)
    query = (
        select(WithdrawalTask, Member.member_number, Member.name, Staff.full_name)
        .join(Member, Member.id == WithdrawalTask.member_id)
        .outerjoin(Staff, Staff.id == WithdrawalTask.mentor_id)
        .order_by(WithdrawalTask.status, WithdrawalTask.created_on.desc(), WithdrawalTask.id.desc())
    )
    if open_only:
        query = query.where(WithdrawalTask.status == TaskStatus.OPEN)
    if member_id is not None:
        query = query.where(WithdrawalTask.member_id == member_id)
    if not actor.can(Permission.MANAGE_WITHDRAWAL):
        query = query.where(WithdrawalTask.mentor_id == actor.id)
    return [
        TaskRow(t.id, t.member_id, number, name, t.case_id, mentor, t.kind, t.status, t.created_on, t.done_on, t.note)
        for t, number, name, mentor in session.execute(query)
    ]


def complete_task(session: Session, actor: Actor, task_id: int, done_on: Any = None, note: Any = "") -> WithdrawalTask:
    """The mentor (or the office) did it: removed the member's people from the WeChat group."""
    require(actor, Permission.COMPLETE_WITHDRAWAL_TASKS)
    task = session.get(WithdrawalTask, task_id)
    if task is None:
        raise NotFound(say("withdrawal.task_not_found"))
    if not actor.can(Permission.MANAGE_WITHDRAWAL) and task.mentor_id != actor.id:
        raise PermissionDenied(say("withdrawal.task_not_yours"))
    if task.status != TaskStatus.OPEN:
        raise ValidationError({"task": say("withdrawal.task_done", value=task.done_on or "此前")})
    errors = Errors()
    date = day(session, errors, "done_on", "完成日期", done_on, default_today=True)
    remark = text(errors, "note", "说明", note, required=False, lines=True)
    errors.raise_if_any()
    task.status, task.done_on, task.done_by_id, task.note = TaskStatus.DONE, date, actor.id, remark
    if task.kind == TaskKind.REMOVE_FROM_WECHAT_GROUP and task.mentor_id is not None:
        _left_the_group(session, actor, task, date)
    session.flush()
    audit.record(
        session,
        actor,
        "complete_task",
        "member",
        task.member_id,
        say("withdrawal.history.task_done", label=task.kind.label),
    )
    return task


def _left_the_group(session: Session, actor: Actor, task: WithdrawalTask, on: dt.date | None) -> None:
    """The mentor's group record (R-8.1) says the member's people left it. ``mentors.set_wechat_status``
    cannot be used here: it works on the member's *current* mentor, and a former member has none."""
    from desktop_app.core.models import WeChatMembership, WeChatStatus

    for record in session.scalars(
        select(WeChatMembership).where(
            WeChatMembership.member_id == task.member_id,
            WeChatMembership.mentor_id == task.mentor_id,
            WeChatMembership.status != WeChatStatus.LEFT,
        )
    ):
        record.status, record.left_on = WeChatStatus.LEFT, on
        record.note = "会员退会（取消会员资格），已移出班级微信管理群"
        record.updated_at, record.updated_by_id = clock_of(session).now(), actor.id


# --- reading ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseRow:
    id: int
    version: int
    member_id: int
    member_number: str
    member_name: str
    kind: CaseKind
    status: CaseStatus
    opened_on: dt.date
    grounds: str  # （一）（二）… or 主动退会
    notice_number: str | None
    notice_date: dt.date | None
    response_deadline: dt.date | None
    days_left: int | None  # until the deadline (negative: passed), for open notified cases
    effective_on: dt.date | None
    council_resolution: str | None
    appeal: str | None  # the latest appeal's status

    @property
    def status_label(self) -> str:
        return self.status.label


def case_rows(
    session: Session,
    actor: Actor,
    *,
    open_only: bool = False,
    member_id: int | None = None,
    kind: CaseKind | None = None,
    text_filter: str = "",
) -> list[CaseRow]:
    require(actor, Permission.VIEW_WITHDRAWAL)
    query = (
        select(WithdrawalCase, Member.member_number, Member.name)
        .join(Member, Member.id == WithdrawalCase.member_id)
        .order_by(
            WithdrawalCase.response_deadline.is_(None), WithdrawalCase.response_deadline, WithdrawalCase.id.desc()
        )
    )
    if open_only:
        query = query.where(WithdrawalCase.status.in_(list(OPEN_CASE_STATUSES)))
    if member_id is not None:
        query = query.where(WithdrawalCase.member_id == member_id)
    if kind is not None:
        query = query.where(WithdrawalCase.kind == kind)
    if text_filter.strip():
        from desktop_app.core.services.members import escape_like

        like = f"%{escape_like(text_filter.strip())}%"
        query = query.where(
            Member.name.like(like, escape="\\")
            | Member.member_number.like(like, escape="\\")
            | WithdrawalCase.notice_number.like(like, escape="\\")
        )
    cases = list(session.execute(query))
    ids = [c.id for c, _n, _m in cases]
    grounds: dict[int, list[Ground]] = {}
    appeals: dict[int, AppealStatus] = {}
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        for case_id, ground in session.execute(
            select(CaseGround.case_id, CaseGround.ground).where(CaseGround.case_id.in_(chunk)).order_by(CaseGround.id)
        ):
            grounds.setdefault(case_id, []).append(ground)
        for case_id, status in session.execute(
            select(Appeal.case_id, Appeal.status).where(Appeal.case_id.in_(chunk)).order_by(Appeal.id)
        ):
            appeals[case_id] = status
    today = clock_of(session).today()
    out = []
    for case, number, name in cases:
        days_left = None
        if case.status == CaseStatus.NOTIFIED and case.response_deadline is not None:
            days_left = (case.response_deadline - today).days
        appeal = appeals.get(case.id)
        out.append(
            CaseRow(
                id=case.id,
                version=case.version,
                member_id=case.member_id,
                member_number=number,
                member_name=name,
                kind=case.kind,
                status=case.status,
                opened_on=case.created_at.astimezone(clock_of(session).now().tzinfo).date(),
                grounds="".join(g.item for g in grounds.get(case.id, [])) or case.kind.label,
                notice_number=case.notice_number,
                notice_date=case.notice_date,
                response_deadline=case.response_deadline,
                days_left=days_left,
                effective_on=case.effective_on,
                council_resolution=case.council_resolution,
                appeal=appeal.label if appeal else None,
            )
        )
    return out


@dataclass(frozen=True)
class GroundRecord:
    ground: Ground
    title: str
    summary: str
    since: dt.date | None


@dataclass(frozen=True)
class AppealRecord:
    id: int
    case_id: int
    member_id: int
    member_number: str
    member_name: str
    status: AppealStatus
    filed_on: dt.date
    grounds: str
    council_replied_on: dt.date | None
    council_decision: AppealDecision | None
    council_reply: str | None
    council_resolution: str | None
    escalated_on: dt.date | None
    escalation_reason: str | None
    assembly_decided_on: dt.date | None
    assembly_decision: AppealDecision | None
    assembly_resolution: str | None
    documents: tuple[tuple[int, str], ...]

    @property
    def is_open(self) -> bool:
        return self.status in (AppealStatus.FILED, AppealStatus.ESCALATED)


def appeals(
    session: Session, actor: Actor, *, open_only: bool = False, case_id: int | None = None
) -> list[AppealRecord]:
    require(actor, Permission.VIEW_WITHDRAWAL)
    query = (
        select(Appeal, WithdrawalCase.member_id, Member.member_number, Member.name)
        .join(WithdrawalCase, WithdrawalCase.id == Appeal.case_id)
        .join(Member, Member.id == WithdrawalCase.member_id)
        .order_by(Appeal.filed_on.desc(), Appeal.id.desc())
    )
    if open_only:
        query = query.where(Appeal.status.in_([AppealStatus.FILED, AppealStatus.ESCALATED]))
    if case_id is not None:
        query = query.where(Appeal.case_id == case_id)
    out = []
    for a, member_id, number, name in session.execute(query):
        documents = tuple(
            session.execute(
                select(WithdrawalDocument.id, WithdrawalDocument.file_name).where(WithdrawalDocument.appeal_id == a.id)
            )
        )
        out.append(
            AppealRecord(
                a.id,
                a.case_id,
                member_id,
                number,
                name,
                a.status,
                a.filed_on,
                a.grounds,
                a.council_replied_on,
                a.council_decision,
                a.council_reply,
                a.council_resolution,
                a.escalated_on,
                a.escalation_reason,
                a.assembly_decided_on,
                a.assembly_decision,
                a.assembly_resolution,
                documents,
            )
        )
    return out


@dataclass(frozen=True)
class CaseDetail:
    row: CaseRow
    grounds: tuple[GroundRecord, ...]
    still_holding: tuple[str, ...] | None  # the grounds that hold today (open cancellation cases)
    letter_received_on: dt.date | None
    reason: str | None
    certificate_returned_on: dt.date | None
    certificate_not_returned: str | None
    plaque_returned_on: dt.date | None
    plaque_not_returned: str | None
    review_date: dt.date | None
    confirmed_by: str | None
    mailing_batch_id: int | None
    posting: str | None  # the proof of posting the mailing batch holds
    outcome_on: dt.date | None
    outcome_note: str | None
    outcome_evidence: dict[str, Any] | None
    council_date: dt.date | None
    documents: tuple[tuple[int, str, str], ...]  # (id, role label, file name)
    appeals: tuple[AppealRecord, ...]
    tasks: tuple[TaskRow, ...]
    positions_ended: tuple[str, ...]
    actions: dict[str, str | None]  # action → why it cannot be taken now (None: it can)


ROLE_LABELS = {
    DocumentRole.LETTER: "退会函件",
    DocumentRole.DISQUALIFICATION: "不再符合会员条件的证据",
    DocumentRole.APPEAL: "申诉书",
    DocumentRole.RESOLUTION: "决议",
    DocumentRole.OTHER: "其他",
}


def case_actions(session: Session, actor: Actor, case: WithdrawalCase) -> dict[str, str | None]:
    """What can be done with the case now, and why not (the window's buttons say it)."""
    today = clock_of(session).today()
    refusal = (
        None
        if actor.can(Permission.MANAGE_WITHDRAWAL)
        else f"您的角色“{actor.role.label}”无权{Permission.MANAGE_WITHDRAWAL.value}"
    )

    def when(ok: bool, why: str) -> str | None:
        return refusal or (None if ok else why)

    status = case.status
    open_appeal = session.scalar(
        select(Appeal.id).where(
            Appeal.case_id == case.id, Appeal.status.in_([AppealStatus.FILED, AppealStatus.ESCALATED])
        )
    )
    deadline_passed = case.response_deadline is not None and today > case.response_deadline
    return {
        "issue_notice": when(status == CaseStatus.CONFIRMED, "只有已确认、尚未发出告知书的案件可以发出告知书"),
        "drop": when(status == CaseStatus.CONFIRMED, "只有尚未发出告知书的案件可以撤销"),
        "obligations_met": when(
            status in (CaseStatus.CONFIRMED, CaseStatus.NOTIFIED, CaseStatus.DEEMED_WITHDRAWN),
            "案件已结束",
        ),
        "deemed_withdrawn": when(
            status == CaseStatus.NOTIFIED and deadline_passed,
            f"答复期限 {case.response_deadline} 届满后才能认定" if status == CaseStatus.NOTIFIED else "须先发出告知书",
        ),
        "council": when(status == CaseStatus.DEEMED_WITHDRAWN, "须先认定为视为自动退会"),
        "make_effective": when(
            status == CaseStatus.PENDING and case.effective_on is not None and case.effective_on <= today,
            f"退会生效日期 {case.effective_on} 还未到" if status == CaseStatus.PENDING else "已生效",
        ),
        "returns": when(case.kind == CaseKind.VOLUNTARY, "只有主动退会需要交回会员证和牌匾"),
        "appeal": when(
            status == CaseStatus.CANCELLED and open_appeal is None, "只能对已取消会员资格且没有在办申诉的案件提出申诉"
        ),
        "print_notice": None if case.notice_number else "尚未发出告知书",
    }


def case_detail(session: Session, actor: Actor, case_id: int) -> CaseDetail:
    require(actor, Permission.VIEW_WITHDRAWAL)
    case = load_case(session, case_id)
    row = case_rows(session, actor, member_id=case.member_id)
    this = next(r for r in row if r.id == case.id)
    names = dict(session.execute(select(Staff.id, Staff.full_name)).all())
    still: tuple[str, ...] | None = None
    if case.kind == CaseKind.CANCELLATION and case.status.is_open and case.member.status == MemberStatus.ACTIVE:
        holding, _resolved = _still_holding(session, case, clock_of(session).today())
        still = tuple(g.title for g in holding)
    documents = tuple(
        (doc_id, ROLE_LABELS[role], file_name)
        for doc_id, role, file_name in session.execute(
            select(WithdrawalDocument.id, WithdrawalDocument.role, WithdrawalDocument.file_name)
            .where(WithdrawalDocument.case_id == case.id)
            .order_by(WithdrawalDocument.id)
        )
    )
    ended = tuple(
        _position_title(p) for p in session.scalars(select(Position).where(Position.ended_by_case_id == case.id))
    )
    return CaseDetail(
        row=this,
        grounds=tuple(
            GroundRecord(g.ground, f"第十二条第{g.ground.item}项 {g.ground.label}", g.summary, g.since)
            for g in case.grounds
        ),
        still_holding=still,
        letter_received_on=case.letter_received_on,
        reason=case.reason,
        certificate_returned_on=case.certificate_returned_on,
        certificate_not_returned=case.certificate_not_returned,
        plaque_returned_on=case.plaque_returned_on,
        plaque_not_returned=case.plaque_not_returned,
        review_date=case.review_date,
        confirmed_by=names.get(case.confirmed_by_id) if case.confirmed_by_id else None,
        mailing_batch_id=case.mailing_batch_id,
        posting=posted.text() if (posted := links.posting(session, case.mailing_batch_id, case.member_id)) else None,
        outcome_on=case.outcome_on,
        outcome_note=case.outcome_note,
        outcome_evidence=case.outcome_evidence,
        council_date=case.council_date,
        documents=documents,
        appeals=tuple(appeals(session, actor, case_id=case.id)),
        tasks=tuple(tasks(session, actor, open_only=False, member_id=case.member_id)),
        positions_ended=ended,
        actions=case_actions(session, actor, case),
    )


def document_content(session: Session, actor: Actor, document_id: int) -> tuple[str, str, bytes]:
    """(file name, MIME type, bytes) of a scan kept with a case, to open it."""
    require(actor, Permission.VIEW_WITHDRAWAL)
    document = session.get(WithdrawalDocument, document_id)
    if document is None:
        raise NotFound(say("withdrawal.file_not_found"))
    return document.file_name, document.mime_type, document.content


def counts(session: Session, actor: Actor) -> dict[str, int]:
    """For the area's tabs: open cases, appeals in progress, open tasks, sign-in rows to match."""
    from desktop_app.core.models.withdrawal import SignInRow, SignInStatus

    require(actor, Permission.VIEW_WITHDRAWAL)
    task_query = select(func.count(WithdrawalTask.id)).where(WithdrawalTask.status == TaskStatus.OPEN)
    if not actor.can(Permission.MANAGE_WITHDRAWAL):
        task_query = task_query.where(WithdrawalTask.mentor_id == actor.id)
    return {
        "cases": session.scalar(
            select(func.count(WithdrawalCase.id)).where(WithdrawalCase.status.in_(list(OPEN_CASE_STATUSES)))
        )
        or 0,
        "appeals": session.scalar(
            select(func.count(Appeal.id)).where(Appeal.status.in_([AppealStatus.FILED, AppealStatus.ESCALATED]))
        )
        or 0,
        "tasks": session.scalar(task_query) or 0,
        "pending_rows": session.scalar(select(func.count(SignInRow.id)).where(SignInRow.status == SignInStatus.PENDING))
        or 0,
    }


def deadline_of(notice_date: dt.date, days: int) -> dt.date:
    return notice_date + dt.timedelta(days=days)


__all__ = [
    "AppealRecord",
    "CaseDetail",
    "CaseRow",
    "DisqualificationRecord",
    "Ended",
    "GroundRecord",
    "PositionRecord",
    "TaskRow",
    "add_disqualification",
    "add_position",
    "add_years",
    "appeals",
    "case_actions",
    "case_detail",
    "case_rows",
    "complete_task",
    "confirm_candidates",
    "counts",
    "disqualifications",
    "document_content",
    "drop_case",
    "end_position",
    "escalate_appeal",
    "file_appeal",
    "issue_notices",
    "lift_disqualification",
    "make_effective",
    "positions",
    "record_assembly_decision",
    "record_council_confirmation",
    "record_council_reply",
    "record_deemed_withdrawn",
    "record_obligations_met",
    "record_returns",
    "record_voluntary_withdrawal",
    "tasks",
]
