"""Staff accounts: the first administrator, signing in, and managing staff (R-2.1)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core import audit, roles
from desktop_app.core.db import clock_of
from desktop_app.core.models import Role, Staff
from desktop_app.core.security import (
    SYSTEM_ACTOR,
    Actor,
    Permission,
    hash_password,
    lockout_minutes,
    password_problem,
    require,
    verify_password,
    waste_a_verification,
)
from desktop_app.core.validation import (
    FieldError,
    clean_name,
    control_character_problem,
    normalise_landline,
    normalise_mobile,
    strip_control_characters,
)
from desktop_app.errors import AuthenticationError, NotFound, ValidationError
from desktop_app.messages import say

STAFF_FIELDS = ("username", "full_name", "role", "mobile", "landline", "is_active")
CHINA = dt.timezone(dt.timedelta(hours=8))  # lock-out times are shown as the office's clock shows them


def needs_first_administrator(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(Staff)) == 0


def _check_staff_values(session: Session, values: dict, *, staff_id: int | None = None) -> dict:
    errors: dict[str, str] = {}
    out: dict = {}
    username = str(values.get("username") or "").strip()
    problem = control_character_problem(username)
    if problem is not None:
        errors["username"] = say("accounts.username_problem", problem=problem)
    elif not re.fullmatch(r"[A-Za-z0-9_.\-]{2,64}", username):
        errors["username"] = say("accounts.bad_username")
    else:
        clash = session.scalar(select(Staff).where(func.lower(Staff.username) == username.lower()))
        if clash is not None and clash.id != staff_id:
            errors["username"] = say("accounts.username_taken", username=username, full_name=clash.full_name)
    out["username"] = username
    try:
        full_name = clean_name(values.get("full_name"))
        if not full_name:
            errors["full_name"] = say("accounts.full_name_required")
    except FieldError as exc:
        full_name = ""
        errors["full_name"] = say("accounts.full_name_problem", exc=exc)
    out["full_name"] = full_name
    try:
        out["role"] = Role(values.get("role"))
    except ValueError:
        errors["role"] = say("accounts.choose_role")
    for field, check, label in (
        ("mobile", normalise_mobile, "手机"),
        ("landline", normalise_landline, "座机"),
    ):
        raw = values.get(field)
        try:
            out[field] = check(raw) if raw not in (None, "") else None
        except FieldError as exc:
            errors[field] = say("withdrawal.activities.field_problem", label=label, exc=exc)
    if "is_active" in values:
        out["is_active"] = bool(values["is_active"])
    if errors:
        raise ValidationError(errors)
    return out


def _check_password(password: str, confirm: str | None = None, username: str = "") -> None:
    problem = password_problem(password or "", username)
    if problem is not None:
        raise ValidationError({"password": say("accounts.password_problem", problem=problem)})
    if confirm is not None and confirm != password:
        raise ValidationError({"password_confirm": say("accounts.passwords_differ")})


def _add_staff(session: Session, actor: Actor, values: dict, password: str) -> Staff:
    staff = Staff(
        **values,
        password_hash=hash_password(password),
        created_at=clock_of(session).now(),
    )
    session.add(staff)
    session.flush()
    roles.create_login(session.connection(), staff.username, staff.role, password)
    audit.record(
        session,
        actor,
        "create",
        "staff",
        staff.id,
        say("accounts.history.created", username=staff.username, label=staff.role.label),
        after={k: getattr(staff, k) for k in STAFF_FIELDS},
    )
    return staff


def create_first_administrator(
    session: Session, username: str, full_name: str, password: str, confirm: str | None = None
) -> Actor:
    """The first start creates the administrator; refused once any account exists."""
    if not needs_first_administrator(session):
        raise ValidationError({"username": say("accounts.already_set_up")})
    values = _check_staff_values(session, {"username": username, "full_name": full_name, "role": Role.ADMINISTRATOR})
    _check_password(password, confirm, values["username"])
    return Actor.of(_add_staff(session, SYSTEM_ACTOR, values, password))


WRONG = say("accounts.wrong_credentials")


def sign_in(session: Session, username: str, password: str) -> Actor:
    """Check a user name and password against the account (SQLite, or PostgreSQL opened with the
    owner's URL; a workstation on PostgreSQL signs in as its own server role: ``roles.connect_as``).

    Every attempt is in the audit log. After ``LOCKOUT_AFTER`` failures in a row the account waits
    (doubling), also for the right password, until an administrator unlocks it or the time is up.
    A failed attempt is committed before ``AuthenticationError`` is raised, so the caller's
    rollback cannot erase it. An unknown user name costs the same time as a wrong password.
    """
    username = (username or "").strip().lower()
    password = password or ""
    # A control character (a NUL would be a raw error on PostgreSQL) cannot be in any username.
    staff = (
        None
        if control_character_problem(username)
        else session.scalar(select(Staff).where(func.lower(Staff.username) == username))
    )
    now = clock_of(session).now()
    if staff is None:
        waste_a_verification(password)
        shown = strip_control_characters(username)[:40]  # a NUL is no text for PostgreSQL
        _failed(session, None, f"登录失败：用户名“{shown}”不存在")
        raise AuthenticationError(WRONG)
    if staff.locked_until is not None and staff.locked_until > now:
        waste_a_verification(password)
        _failed(session, staff, f"登录失败：{staff.username} 的账户锁定中（至 {_local(staff.locked_until)}）")
        raise AuthenticationError(_locked_message(staff))
    if not verify_password(staff.password_hash, password):
        staff.failed_sign_ins = (staff.failed_sign_ins or 0) + 1
        wait = lockout_minutes(staff.failed_sign_ins)
        if wait:
            staff.locked_until = now + dt.timedelta(minutes=wait)
        _failed(session, staff, f"登录失败：{staff.username} 密码错误（连续第 {staff.failed_sign_ins} 次）")
        raise AuthenticationError(_locked_message(staff) if wait else WRONG)
    if not staff.is_active:
        _failed(session, staff, f"登录失败：{staff.username} 的账户已停用")
        raise AuthenticationError(say("accounts.disabled"))
    return _signed_in(session, staff)


def _signed_in(session: Session, staff: Staff) -> Actor:
    staff.last_sign_in_at = clock_of(session).now()
    staff.failed_sign_ins = 0
    staff.locked_until = None
    actor = Actor.of(staff)
    audit.record(
        session, actor, "sign_in", "staff", staff.id, say("accounts.history.signed_in", full_name=staff.full_name)
    )
    return actor


def signed_in_as_role(session: Session, username: str) -> Actor:
    """PostgreSQL: the server has authenticated this connection as ``username``'s own role
    (``roles.connect_as``); the account must exist and be active."""
    staff = session.scalar(select(Staff).where(func.lower(Staff.username) == username.strip().lower()))
    if staff is None or not staff.is_active:
        raise AuthenticationError(say("accounts.disabled") if staff is not None else WRONG)
    return _signed_in(session, staff)


def _failed(session: Session, staff: Staff | None, summary: str) -> None:
    actor = Actor.of(staff) if staff is not None else SYSTEM_ACTOR
    audit.record(session, actor, "sign_in_failed", "staff", staff.id if staff is not None else None, summary)
    session.commit()  # kept even though the caller's block ends in an exception


def _local(moment: dt.datetime) -> str:
    return moment.astimezone(CHINA).strftime("%H:%M")


def _locked_message(staff: Staff) -> str:
    assert staff.locked_until is not None
    return say("accounts.locked", failures=staff.failed_sign_ins, until=_local(staff.locked_until))


def unlock(session: Session, actor: Actor, staff_id: int) -> None:
    """The administrator lets a locked-out account sign in again at once."""
    require(actor, Permission.MANAGE_STAFF)
    staff = get_staff(session, staff_id)
    staff.failed_sign_ins = 0
    staff.locked_until = None
    audit.record(session, actor, "unlock", "staff", staff.id, say("accounts.history.unlocked", username=staff.username))


def is_locked(staff: Staff | StaffRecord, now: dt.datetime) -> bool:
    return staff.locked_until is not None and staff.locked_until > now


def create_staff(session: Session, actor: Actor, values: dict, password: str, confirm: str | None = None) -> Staff:
    require(actor, Permission.MANAGE_STAFF)
    checked = _check_staff_values(session, values)
    _check_password(password, confirm, checked["username"])
    return _add_staff(session, actor, checked, password)


def update_staff(session: Session, actor: Actor, staff_id: int, values: dict) -> Staff:
    require(actor, Permission.MANAGE_STAFF)
    staff = get_staff(session, staff_id)
    checked = _check_staff_values(
        session, {**{k: getattr(staff, k) for k in STAFF_FIELDS}, **values}, staff_id=staff_id
    )
    if staff_id == actor.id and (checked.get("is_active") is False or checked["role"] != staff.role):
        raise ValidationError({"role": say("accounts.not_own_account")})
    _check_mentor_not_needed(session, staff, checked)  # mentors (issue 12)
    before = {k: getattr(staff, k) for k in STAFF_FIELDS}
    roles.update_login(
        session.connection(),
        before["username"],
        checked["username"],
        checked["role"],
        checked.get("is_active", staff.is_active),
    )
    for key, value in checked.items():
        setattr(staff, key, value)
    old, new = audit.changed_values(before, {k: getattr(staff, k) for k in STAFF_FIELDS})
    if new:
        audit.record(
            session,
            actor,
            "update",
            "staff",
            staff.id,
            say("accounts.history.changed", username=staff.username),
            old,
            new,
        )
    return staff


# --- mentors (issue 12): a mentor who leaves cannot be deactivated while members depend on them ---


def _check_mentor_not_needed(session: Session, staff: Staff, checked: dict) -> None:
    """R-7.1: every active member has a mentor. A mentor still serving active members is neither
    deactivated nor given another role: the office first moves its members (班主任工作 → 班主任分配)."""
    from desktop_app.core.models import Member, MemberStatus

    if staff.role != Role.MENTOR or (checked.get("is_active", True) and checked["role"] == Role.MENTOR):
        return
    serving = session.scalar(
        select(func.count(Member.id)).where(Member.mentor_id == staff.id, Member.status == MemberStatus.ACTIVE)
    )
    if serving:
        field = "is_active" if not checked.get("is_active", True) else "role"
        raise ValidationError({field: say("accounts.mentor_still_serving", full_name=staff.full_name, serving=serving)})


def set_password(
    session: Session,
    actor: Actor,
    staff_id: int,
    password: str,
    confirm: str | None = None,
    *,
    current: str | None = None,
) -> None:
    """An administrator resets anyone's password; everyone may change their own, giving the
    current one (``current``) first."""
    staff = get_staff(session, staff_id)
    if staff_id != actor.id:
        require(actor, Permission.MANAGE_STAFF)
    elif current is not None and not roles.is_role_connection(session.connection()):
        if not verify_password(staff.password_hash, current):
            raise ValidationError({"current": say("accounts.wrong_current_password")})
    _check_password(password, confirm, staff.username)
    staff.password_hash = hash_password(password)
    roles.set_password(session.connection(), staff.username, password)
    audit.record(
        session, actor, "password", "staff", staff.id, say("accounts.history.password", username=staff.username)
    )


def list_staff(session: Session, *, role: Role | None = None, active_only: bool = False) -> list[Staff]:
    query = select(Staff).order_by(Staff.role, Staff.full_name_pinyin, Staff.full_name)  # pinyin (issue 16)
    if role is not None:
        query = query.where(Staff.role == role)
    if active_only:
        query = query.where(Staff.is_active.is_(True))
    return list(session.scalars(query))


def list_mentors(session: Session, *, active_only: bool = True) -> list[Staff]:
    return list_staff(session, role=Role.MENTOR, active_only=active_only)


@dataclass(frozen=True)
class StaffRecord:
    """A staff account as the window lists it (never the password hash)."""

    id: int
    username: str
    full_name: str
    role: Role
    mobile: str | None
    landline: str | None
    is_active: bool
    last_sign_in_at: dt.datetime | None
    locked_until: dt.datetime | None

    @classmethod
    def of(cls, staff: Staff) -> StaffRecord:
        return cls(
            staff.id,
            staff.username,
            staff.full_name,
            staff.role,
            staff.mobile,
            staff.landline,
            staff.is_active,
            staff.last_sign_in_at,
            staff.locked_until,
        )

    def is_locked(self, now: dt.datetime) -> bool:
        return is_locked(self, now)


def staff_records(session: Session, *, role: Role | None = None, active_only: bool = False) -> list[StaffRecord]:
    """The accounts (by role, then name) for the staff view and the pickers of people."""
    return [StaffRecord.of(staff) for staff in list_staff(session, role=role, active_only=active_only)]


def staff_record(session: Session, staff_id: int) -> StaffRecord:
    return StaffRecord.of(get_staff(session, staff_id))


def get_staff(session: Session, staff_id: int) -> Staff:
    staff = session.get(Staff, staff_id)
    if staff is None:
        raise NotFound(say("accounts.staff_not_found"))
    return staff
