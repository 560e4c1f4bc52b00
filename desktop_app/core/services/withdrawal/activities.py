"""Association activities and who took part (R-12.1 (2)): the activities, each member's attendance
and who came for it, and sign-in sheets imported from Excel.

A sign-in sheet is matched row by row to members by their credit code, else by their name; a row
that matches no member (or two) is kept as a *pending* row for a person to match or dismiss, so
every row of the sheet is accounted for. One import is one transaction (the caller's session), and
importing the same sheet again adds nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import Member
from desktop_app.core.models.withdrawal import (
    Activity,
    ActivityKind,
    Attendance,
    SignInRow,
    SignInStatus,
)
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services.members import escape_like, get_member
from desktop_app.core.validation import FieldError, clean_multiline, clean_name, clean_text, normalise_uscc
from desktop_app.errors import NotFound, ValidationError
from desktop_app.messages import say

Progress = Callable[[int, int], None]

ACTIVITY_FIELDS = ("title", "held_on", "kind", "organiser", "location", "note")
_LENGTHS = {"title": 200, "organiser": 200, "location": 200}
_LABELS = {
    "title": "活动名称",
    "held_on": "活动日期",
    "kind": "活动类别",
    "organiser": "主办部门",
    "location": "地点",
    "note": "备注",
}


# --- activities ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityRow:
    id: int
    title: str
    held_on: dt.date
    kind: ActivityKind
    organiser: str
    location: str | None
    note: str | None
    attended: int  # members recorded as taking part
    pending: int  # sign-in rows waiting for a person to match them


def _check_activity(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}
    for key in ("title", "organiser", "location"):
        try:
            text = clean_name(values.get(key) or "")
        except FieldError as exc:
            errors[key] = say("withdrawal.activities.problem", LABELS=_LABELS[key], exc=exc)
            continue
        if not text and key != "location":
            errors[key] = say("withdrawal.activities.required", LABELS=_LABELS[key])
        elif len(text) > _LENGTHS[key]:
            errors[key] = say(
                "withdrawal.activities.too_long_counted", LABELS=_LABELS[key], LENGTHS=_LENGTHS[key], count=len(text)
            )
        out[key] = text or None
    try:
        out["note"] = clean_multiline(values.get("note") or "") or None
    except FieldError as exc:
        errors["note"] = say("roster.notes_problem", exc=exc)
    kind = values.get("kind")
    try:
        out["kind"] = ActivityKind(kind.value if isinstance(kind, ActivityKind) else kind)
    except ValueError:
        errors["kind"] = say("withdrawal.activities.choose_kind")
    held_on = values.get("held_on")
    try:
        out["held_on"] = _date(held_on)
    except ValueError:
        errors["held_on"] = say("withdrawal.activities.bad_date")
    if out.get("held_on") is None and "held_on" not in errors:
        errors["held_on"] = say("withdrawal.activities.date_required")
    elif out.get("held_on") and out["held_on"] > clock_of(session).today():
        errors["held_on"] = say("withdrawal.activities.date_in_future")
    if errors:
        raise ValidationError(errors)
    return out


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip())


def save_activity(session: Session, actor: Actor, values: dict[str, Any], activity_id: int | None = None) -> Activity:
    """Enter an activity, or correct one (``activity_id``)."""
    require(actor, Permission.RECORD_ACTIVITIES)
    checked = _check_activity(session, values)
    if activity_id is None:
        activity = Activity(**checked, created_at=clock_of(session).now(), created_by_id=actor.id)
        session.add(activity)
        session.flush()
        audit.record(
            session,
            actor,
            "create",
            "activity",
            activity.id,
            say("withdrawal.activities.history.recorded", held_on=activity.held_on, title=activity.title),
            after=checked,
        )
        return activity
    activity = get_activity(session, activity_id)
    before = {key: getattr(activity, key) for key in ACTIVITY_FIELDS}
    for key, value in checked.items():
        setattr(activity, key, value)
    old, new = audit.changed_values(before, checked)
    if new:
        session.flush()
        audit.record(
            session,
            actor,
            "update",
            "activity",
            activity.id,
            say("withdrawal.activities.history.changed", title=activity.title),
            old,
            new,
        )
    return activity


def get_activity(session: Session, activity_id: int) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise NotFound(say("withdrawal.activities.not_found"))
    return activity


def activity_values(activity: Activity) -> dict[str, Any]:
    return {key: getattr(activity, key) for key in ACTIVITY_FIELDS}


def delete_activity(session: Session, actor: Actor, activity_id: int) -> None:
    """Delete an activity entered by mistake. Refused while attendance or sign-in rows hang on it:
    they are evidence for the yearly review (R-12.1 (2)) and are removed one by one first."""
    require(actor, Permission.RECORD_ACTIVITIES)
    activity = get_activity(session, activity_id)
    attended = session.scalar(select(func.count(Attendance.id)).where(Attendance.activity_id == activity_id)) or 0
    rows = session.scalar(select(func.count(SignInRow.id)).where(SignInRow.activity_id == activity_id)) or 0
    if attended or rows:
        raise ValidationError(
            {
                "activity": say(
                    "withdrawal.activities.has_attendance", title=activity.title, attended=attended, rows=rows
                )
            }
        )
    audit.record(
        session,
        actor,
        "delete",
        "activity",
        activity.id,
        say("withdrawal.activities.history.deleted", title=activity.title),
        before=activity_values(activity),
    )
    session.delete(activity)
    session.flush()


def list_activities(session: Session, *, text: str = "", year: int | None = None) -> list[ActivityRow]:
    """Activities, newest first, with how many members took part and how many rows wait."""
    attended = (
        select(Attendance.activity_id, func.count(Attendance.id).label("n")).group_by(Attendance.activity_id).subquery()
    )
    pending = (
        select(SignInRow.activity_id, func.count(SignInRow.id).label("n"))
        .where(SignInRow.status == SignInStatus.PENDING)
        .group_by(SignInRow.activity_id)
        .subquery()
    )
    query = (
        select(Activity, func.coalesce(attended.c.n, 0), func.coalesce(pending.c.n, 0))
        .outerjoin(attended, attended.c.activity_id == Activity.id)
        .outerjoin(pending, pending.c.activity_id == Activity.id)
        .order_by(Activity.held_on.desc(), Activity.id.desc())
    )
    words = clean_text(text) if text else ""
    if words:
        like = f"%{escape_like(words)}%"
        query = query.where(Activity.title.like(like, escape="\\") | Activity.organiser.like(like, escape="\\"))
    if year is not None:
        query = query.where(Activity.held_on >= dt.date(year, 1, 1), Activity.held_on <= dt.date(year, 12, 31))
    return [
        ActivityRow(a.id, a.title, a.held_on, a.kind, a.organiser, a.location, a.note, n, p)
        for a, n, p in session.execute(query)
    ]


# --- attendance --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceRow:
    id: int
    activity_id: int
    member_id: int
    member_number: str
    member_name: str
    attendee: str | None
    attendee_position: str | None
    source: str | None


def attendance_of(session: Session, activity_id: int) -> list[AttendanceRow]:
    rows = session.execute(
        select(Attendance, Member.member_number, Member.name)
        .join(Member, Member.id == Attendance.member_id)
        .where(Attendance.activity_id == activity_id)
        .order_by(Member.member_number)
    )
    return [
        AttendanceRow(a.id, a.activity_id, a.member_id, number, name, a.attendee, a.attendee_position, a.source)
        for a, number, name in rows
    ]


@dataclass(frozen=True)
class MemberAttendance:
    activity_id: int
    title: str
    held_on: dt.date
    kind: ActivityKind
    attendee: str | None


def member_attendance(session: Session, member_id: int) -> list[MemberAttendance]:
    """The activities the member took part in, newest first."""
    rows = session.execute(
        select(Activity, Attendance.attendee)
        .join(Attendance, Attendance.activity_id == Activity.id)
        .where(Attendance.member_id == member_id)
        .order_by(Activity.held_on.desc(), Activity.id.desc())
    )
    return [MemberAttendance(a.id, a.title, a.held_on, a.kind, attendee) for a, attendee in rows]


def _person(value: Any, label: str, length: int) -> str | None:
    try:
        text = clean_name(value or "")
    except FieldError as exc:
        raise ValidationError({"attendee": say("withdrawal.activities.field_problem", label=label, exc=exc)}) from None
    if len(text) > length:
        raise ValidationError({"attendee": say("withdrawal.activities.too_long", label=label, length=length)})
    return text or None


def record_attendance(
    session: Session,
    actor: Actor,
    activity_id: int,
    member_id: int,
    *,
    attendee: str | None = None,
    attendee_position: str | None = None,
    source: str = "手工录入",
) -> Attendance:
    """Record that ``member_id`` took part in the activity, and who came for it."""
    require(actor, Permission.RECORD_ACTIVITIES)
    activity = get_activity(session, activity_id)
    member = get_member(session, member_id)
    existing = session.scalar(
        select(Attendance).where(Attendance.activity_id == activity_id, Attendance.member_id == member_id)
    )
    if existing is not None:
        raise ValidationError(
            {"member": say("withdrawal.activities.already_attended", name=member.name, title=activity.title)}
        )
    attendance = Attendance(
        activity_id=activity_id,
        member_id=member_id,
        attendee=_person(attendee, "参会人", 120),
        attendee_position=_person(attendee_position, "职务", 64),
        source=source[:300],
        recorded_at=clock_of(session).now(),
        recorded_by_id=actor.id,
    )
    session.add(attendance)
    session.flush()
    audit.record(
        session,
        actor,
        "record_attendance",
        "member",
        member_id,
        say(
            "withdrawal.activities.history.attended",
            held_on=activity.held_on,
            title=activity.title,
            value=attendance.attendee or "参会人未记录",
        ),
        after={"activity_id": activity_id, "attendee": attendance.attendee, "source": attendance.source},
    )
    return attendance


def remove_attendance(session: Session, actor: Actor, attendance_id: int) -> None:
    require(actor, Permission.RECORD_ACTIVITIES)
    attendance = session.get(Attendance, attendance_id)
    if attendance is None:
        raise NotFound(say("withdrawal.activities.attendance_not_found"))
    activity = attendance.activity
    audit.record(
        session,
        actor,
        "remove_attendance",
        "member",
        attendance.member_id,
        say("withdrawal.activities.history.attendance_deleted", held_on=activity.held_on, title=activity.title),
        before={"activity_id": activity.id, "attendee": attendance.attendee, "source": attendance.source},
    )
    # a sign-in row matched by hand goes back to the pending rows: the sheet still lists it
    for row in session.scalars(
        select(SignInRow).where(
            SignInRow.activity_id == activity.id,
            SignInRow.member_id == attendance.member_id,
            SignInRow.status == SignInStatus.MATCHED,
        )
    ):
        row.status, row.member_id, row.resolved_at, row.resolved_by_id = SignInStatus.PENDING, None, None, None
    session.delete(attendance)
    session.flush()


# --- sign-in sheets ----------------------------------------------------------------------------------


def name_key(name: str | None) -> str:
    """An organisation's name as compared across sheets: NFKC, no spaces, Chinese brackets."""
    text = unicodedata.normalize("NFKC", name or "")
    text = re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")
    return text


class Fate:
    MATCHED = "matched"  # attendance recorded now
    ALREADY = "already"  # attendance was recorded before (this sheet imported again, or by hand)
    SAME_MEMBER = "same_member"  # another person of a member already on this sheet
    PENDING = "pending"  # no member (or two) found: kept for a person to match
    STILL_PENDING = "still_pending"  # kept already by an earlier import of this sheet
    RESOLVED = "resolved"  # matched or dismissed by a person after an earlier import
    SKIPPED = "skipped"  # blank, totals, repeated header, no organisation


FATE_LABELS = {
    Fate.MATCHED: "已登记参加",
    Fate.ALREADY: "此前已登记",
    Fate.SAME_MEMBER: "同一单位的另一位参会人",
    Fate.PENDING: "待人工匹配",
    Fate.STILL_PENDING: "待人工匹配（此前已导入）",
    Fate.RESOLVED: "此前已人工处理",
    Fate.SKIPPED: "跳过",
}


@dataclass
class SignInOutcome:
    row: int
    fate: str
    organisation: str = ""
    uscc: str = ""
    attendee: str = ""
    member_id: int | None = None
    member_name: str | None = None
    message: str = ""  # why a row is pending or skipped, or how it was matched


@dataclass
class SignInImport:
    file_name: str
    activity_id: int
    activity_title: str
    sheet: str = ""
    outcomes: list[SignInOutcome] = field(default_factory=list)

    def count(self, *fates: str) -> int:
        return sum(1 for o in self.outcomes if o.fate in fates)

    @property
    def rows(self) -> int:
        return len(self.outcomes)

    def summary(self) -> str:
        """The one line the window and the command line print: every row accounted for."""
        return (
            f"签到表 {self.file_name}：共 {self.rows} 行；新登记参加 {self.count(Fate.MATCHED)} 个会员，"
            f"此前已登记 {self.count(Fate.ALREADY)}，同一单位另一参会人 {self.count(Fate.SAME_MEMBER)}，"
            f"待人工匹配 {self.count(Fate.PENDING, Fate.STILL_PENDING)}"
            f"（其中新增 {self.count(Fate.PENDING)}），此前已人工处理 {self.count(Fate.RESOLVED)}，"
            f"跳过 {self.count(Fate.SKIPPED)}（空行、合计行、重复表头）"
        )


class _Matcher:
    """Members by code and by name, read once for the whole sheet."""

    def __init__(self, session: Session):
        self.by_code: dict[str, tuple[int, str]] = {}
        self.by_name: dict[str, list[tuple[int, str]]] = {}
        for member_id, name, code in session.execute(select(Member.id, Member.name, Member.uscc)):
            self.by_code[code] = (member_id, name)
            self.by_name.setdefault(name_key(name), []).append((member_id, name))

    def match(self, organisation: str, uscc: str) -> tuple[tuple[int, str] | None, str]:
        code = normalise_uscc(uscc) if uscc else ""
        by_code = self.by_code.get(code) if code else None
        named = self.by_name.get(name_key(organisation), []) if organisation else []
        if by_code is not None:
            if named and by_code[0] not in {m for m, _n in named}:
                return None, f"信用代码属于“{by_code[1]}”，单位名称却是另一会员“{named[0][1]}”：请人工核对"
            note = "按信用代码匹配" + ("" if not organisation or named else f"（表中名称为“{organisation}”）")
            return by_code, note
        if code:
            if len(named) == 1:
                return named[0], f"按单位名称匹配（表中信用代码“{code}”与名册不符）"
            return None, f"信用代码“{code}”不属于任何会员" + ("，单位名称也未找到" if not named else "")
        if len(named) == 1:
            return named[0], "按单位名称匹配"
        if len(named) > 1:
            return None, f"有 {len(named)} 个会员同名“{organisation}”：请人工选择"
        return None, "名册中没有这个单位名称（可能是简称、旧名或非会员）"


def _row_key(entry: Any) -> str:
    parts = [name_key(entry.organisation), normalise_uscc(entry.uscc), name_key(entry.attendee)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _trim(value: str, length: int) -> str | None:
    return value[:length] or None


def import_sign_in_sheet(
    session: Session,
    actor: Actor,
    activity_id: int,
    path: str | Path,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> SignInImport:
    """Record the attendance a sign-in sheet shows; rows matching no member are kept as pending.

    Nothing is committed here: the caller's session commits the whole sheet or, on any error or
    cancel (``progress`` raising ``Cancelled``), none of it. With ``dry_run`` nothing is written and
    the outcome says what would happen. Importing the same sheet twice adds nothing."""
    from desktop_app.spreadsheets.reader import WorkbookError
    from desktop_app.spreadsheets.sign_in_sheet import read_sign_in_sheet

    require(actor, Permission.RECORD_ACTIVITIES)
    activity = get_activity(session, activity_id)
    path = Path(path)
    try:
        sheet = read_sign_in_sheet(path)
    except WorkbookError as exc:
        raise ValidationError({"file": exc.message}) from None
    result = SignInImport(path.name, activity.id, activity.title, sheet.sheet)
    skipped = [(row, "空行") for row in sheet.blank_rows] + sheet.other_rows
    for row, why in skipped:
        result.outcomes.append(SignInOutcome(row, Fate.SKIPPED, message=why))
    matcher = _Matcher(session)
    attended = {
        member_id: attendance
        for member_id, attendance in session.execute(
            select(Attendance.member_id, Attendance).where(Attendance.activity_id == activity.id)
        )
    }
    kept = {row.row_key: row for row in session.scalars(select(SignInRow).where(SignInRow.activity_id == activity.id))}
    now = clock_of(session).now()
    source = f"签到表 {path.name}"
    new_attendance: dict[int, Attendance] = {}
    total = len(sheet.entries)
    if progress is not None:
        progress(0, total)
    for done, entry in enumerate(sheet.entries, 1):
        outcome = SignInOutcome(entry.row, Fate.PENDING, entry.organisation, entry.uscc, entry.attendee)
        result.outcomes.append(outcome)
        key = _row_key(entry)
        matched, how = matcher.match(entry.organisation, entry.uscc)
        outcome.message = how
        if matched is None:
            previous = kept.get(key)
            if previous is not None:
                outcome.fate = Fate.STILL_PENDING if previous.status == SignInStatus.PENDING else Fate.RESOLVED
                outcome.member_id = previous.member_id
            elif not dry_run:
                pending_row = SignInRow(
                    activity_id=activity.id,
                    row_key=key,
                    file_name=path.name[:255],
                    row_number=entry.row,
                    organisation=_trim(entry.organisation, 200),
                    uscc=_trim(entry.uscc, 32),
                    attendee=_trim(entry.attendee, 120),
                    attendee_position=_trim(entry.position, 64),
                    phone=_trim(entry.phone, 40),
                    status=SignInStatus.PENDING,
                    note=(f"{how}；{entry.note}" if entry.note else how),
                    imported_at=now,
                    imported_by_id=actor.id,
                )
                session.add(pending_row)
                kept[key] = pending_row
            else:
                kept[key] = SignInRow(status=SignInStatus.PENDING)  # so a repeat in this sheet counts once
        else:
            member_id, member_name = matched
            outcome.member_id, outcome.member_name = member_id, member_name
            if member_id in new_attendance:
                outcome.fate = Fate.SAME_MEMBER
                attendance = new_attendance[member_id]
                if entry.attendee and attendance.attendee and entry.attendee not in attendance.attendee:
                    attendance.attendee = f"{attendance.attendee}、{entry.attendee}"[:120]
                elif entry.attendee and not attendance.attendee:
                    attendance.attendee = entry.attendee[:120]
            elif member_id in attended:
                outcome.fate = Fate.ALREADY
            else:
                outcome.fate = Fate.MATCHED
                attendance = Attendance(
                    activity_id=activity.id,
                    member_id=member_id,
                    attendee=_trim(entry.attendee, 120),
                    attendee_position=_trim(entry.position, 64),
                    source=f"{source} 第 {entry.row} 行"[:300],
                    recorded_at=now,
                    recorded_by_id=actor.id,
                )
                new_attendance[member_id] = attendance
                if not dry_run:
                    session.add(attendance)
        if progress is not None and (done % 50 == 0 or done == total):
            progress(done, total)
    result.outcomes.sort(key=lambda o: o.row)
    if not dry_run:
        session.flush()
        audit.record(
            session,
            actor,
            "import_sign_in",
            "activity",
            activity.id,
            result.summary(),
            after={
                "file": path.name,
                "sheet": sheet.sheet,
                "matched": result.count(Fate.MATCHED),
                "pending": result.count(Fate.PENDING),
                "rows": result.rows,
            },
        )
    return result


@dataclass(frozen=True)
class PendingRow:
    id: int
    activity_id: int
    activity_title: str
    held_on: dt.date
    file_name: str
    row_number: int
    organisation: str | None
    uscc: str | None
    attendee: str | None
    note: str | None


def pending_rows(session: Session, activity_id: int | None = None) -> list[PendingRow]:
    query = (
        select(SignInRow, Activity.title, Activity.held_on)
        .join(Activity, Activity.id == SignInRow.activity_id)
        .where(SignInRow.status == SignInStatus.PENDING)
        .order_by(Activity.held_on.desc(), SignInRow.activity_id, SignInRow.row_number)
    )
    if activity_id is not None:
        query = query.where(SignInRow.activity_id == activity_id)
    return [
        PendingRow(
            r.id, r.activity_id, title, held_on, r.file_name, r.row_number, r.organisation, r.uscc, r.attendee, r.note
        )
        for r, title, held_on in session.execute(query)
    ]


def _pending(session: Session, row_id: int) -> SignInRow:
    row = session.get(SignInRow, row_id)
    if row is None:
        raise NotFound(say("withdrawal.activities.sign_in_not_found"))
    if row.status != SignInStatus.PENDING:
        raise ValidationError({"row": say("withdrawal.activities.row_done", row_number=row.row_number)})
    return row


def match_sign_in_row(session: Session, actor: Actor, row_id: int, member_id: int) -> SignInRow:
    """A person matched a pending row to a member: its attendance is recorded (once)."""
    require(actor, Permission.RECORD_ACTIVITIES)
    row = _pending(session, row_id)
    member = get_member(session, member_id)
    exists = session.scalar(
        select(Attendance.id).where(Attendance.activity_id == row.activity_id, Attendance.member_id == member_id)
    )
    if exists is None:
        record_attendance(
            session,
            actor,
            row.activity_id,
            member_id,
            attendee=row.attendee,
            attendee_position=row.attendee_position,
            source=f"签到表 {row.file_name} 第 {row.row_number} 行（人工匹配）",
        )
    row.status, row.member_id = SignInStatus.MATCHED, member.id
    row.resolved_at, row.resolved_by_id = clock_of(session).now(), actor.id
    session.flush()
    audit.record(
        session,
        actor,
        "match_sign_in",
        "activity",
        row.activity_id,
        say(
            "withdrawal.activities.history.sign_in_matched",
            file_name=row.file_name,
            row_number=row.row_number,
            value=row.organisation or "",
            name=member.name,
        ),
    )
    return row


def dismiss_sign_in_row(session: Session, actor: Actor, row_id: int, reason: str) -> SignInRow:
    """A pending row that is no member (a guest, a speaker …): kept, with the reason."""
    require(actor, Permission.RECORD_ACTIVITIES)
    row = _pending(session, row_id)
    try:
        text = clean_multiline(reason)
    except FieldError as exc:
        raise ValidationError({"reason": say("withdrawal.activities.reason_problem", exc=exc)}) from None
    if not text:
        raise ValidationError({"reason": say("withdrawal.activities.reason_required")})
    row.status, row.note = SignInStatus.DISMISSED, text
    row.resolved_at, row.resolved_by_id = clock_of(session).now(), actor.id
    session.flush()
    audit.record(
        session,
        actor,
        "dismiss_sign_in",
        "activity",
        row.activity_id,
        say(
            "withdrawal.activities.history.sign_in_not_member",
            file_name=row.file_name,
            row_number=row.row_number,
            value=row.organisation or "",
            text=text,
        ),
    )
    return row


__all__ = [
    "ActivityRow",
    "AttendanceRow",
    "FATE_LABELS",
    "Fate",
    "MemberAttendance",
    "PendingRow",
    "SignInImport",
    "SignInOutcome",
    "activity_values",
    "attendance_of",
    "delete_activity",
    "dismiss_sign_in_row",
    "get_activity",
    "import_sign_in_sheet",
    "list_activities",
    "match_sign_in_row",
    "member_attendance",
    "name_key",
    "pending_rows",
    "record_attendance",
    "remove_attendance",
    "save_activity",
]
