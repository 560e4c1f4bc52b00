"""Staff accounts: the first administrator, signing in, and managing staff (R-2.1)."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.errors import AuthenticationError, NotFound, ValidationError
from desktop_app.core.models import Role, Staff
from desktop_app.core.security import (
    MIN_PASSWORD_LENGTH,
    SYSTEM_ACTOR,
    Actor,
    Permission,
    hash_password,
    require,
    verify_password,
)
from desktop_app.core.validation import (
    FieldError,
    clean_name,
    control_character_problem,
    normalise_landline,
    normalise_mobile,
)

STAFF_FIELDS = ("username", "full_name", "role", "mobile", "landline", "is_active")


def needs_first_administrator(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(Staff)) == 0


def _check_staff_values(session: Session, values: dict, *, staff_id: int | None = None) -> dict:
    errors: dict[str, str] = {}
    out: dict = {}
    username = str(values.get("username") or "").strip()
    problem = control_character_problem(username)
    if problem is not None:
        errors["username"] = f"用户名：{problem}"
    elif not re.fullmatch(r"[A-Za-z0-9_.\-]{2,64}", username):
        errors["username"] = "用户名：须为 2–64 位字母、数字、下划线、点或连字符"
    else:
        clash = session.scalar(select(Staff).where(func.lower(Staff.username) == username.lower()))
        if clash is not None and clash.id != staff_id:
            errors["username"] = f"用户名：“{username}”已被 {clash.full_name} 使用"
    out["username"] = username
    try:
        full_name = clean_name(values.get("full_name"))
        if not full_name:
            errors["full_name"] = "姓名：不能为空"
    except FieldError as exc:
        full_name = ""
        errors["full_name"] = f"姓名：{exc}"
    out["full_name"] = full_name
    try:
        out["role"] = Role(values.get("role"))
    except ValueError:
        errors["role"] = "角色：请选择一个角色"
    for field, check, label in (
        ("mobile", normalise_mobile, "手机"),
        ("landline", normalise_landline, "座机"),
    ):
        raw = values.get(field)
        try:
            out[field] = check(raw) if raw not in (None, "") else None
        except FieldError as exc:
            errors[field] = f"{label}：{exc}"
    if "is_active" in values:
        out["is_active"] = bool(values["is_active"])
    if errors:
        raise ValidationError(errors)
    return out


def _check_password(password: str, confirm: str | None = None) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValidationError({"password": f"密码：至少 {MIN_PASSWORD_LENGTH} 位"})
    if confirm is not None and confirm != password:
        raise ValidationError({"password_confirm": "确认密码：两次输入的密码不一致"})


def _add_staff(session: Session, actor: Actor, values: dict, password: str) -> Staff:
    staff = Staff(
        **values,
        password_hash=hash_password(password),
        created_at=clock_of(session).now(),
    )
    session.add(staff)
    session.flush()
    audit.record(
        session, actor, "create", "staff", staff.id, f"新建账户 {staff.username}（{staff.role.label}）",
        after={k: getattr(staff, k) for k in STAFF_FIELDS},
    )  # fmt: skip
    return staff


def create_first_administrator(
    session: Session, username: str, full_name: str, password: str, confirm: str | None = None
) -> Actor:
    """The first start creates the administrator; refused once any account exists."""
    if not needs_first_administrator(session):
        raise ValidationError({"username": "已有工作人员账户，不能再创建初始管理员"})
    values = _check_staff_values(
        session, {"username": username, "full_name": full_name, "role": Role.ADMINISTRATOR}
    )
    _check_password(password, confirm)
    return Actor.of(_add_staff(session, SYSTEM_ACTOR, values, password))


def sign_in(session: Session, username: str, password: str) -> Actor:
    username = (username or "").strip().lower()
    # A control character (a NUL would be a raw error on PostgreSQL) cannot be in any username.
    staff = None if control_character_problem(username) else session.scalar(
        select(Staff).where(func.lower(Staff.username) == username)
    )
    if staff is None or not verify_password(staff.password_hash, password or ""):
        raise AuthenticationError("用户名或密码错误。")
    if not staff.is_active:
        raise AuthenticationError("该账户已停用，请联系系统管理员。")
    staff.last_sign_in_at = clock_of(session).now()
    actor = Actor.of(staff)
    audit.record(session, actor, "sign_in", "staff", staff.id, f"{staff.full_name} 登录")
    return actor


def create_staff(session: Session, actor: Actor, values: dict, password: str, confirm: str | None = None) -> Staff:
    require(actor, Permission.MANAGE_STAFF)
    checked = _check_staff_values(session, values)
    _check_password(password, confirm)
    return _add_staff(session, actor, checked, password)


def update_staff(session: Session, actor: Actor, staff_id: int, values: dict) -> Staff:
    require(actor, Permission.MANAGE_STAFF)
    staff = get_staff(session, staff_id)
    checked = _check_staff_values(session, {**{k: getattr(staff, k) for k in STAFF_FIELDS}, **values}, staff_id=staff_id)
    if staff_id == actor.id and (checked.get("is_active") is False or checked["role"] != staff.role):
        raise ValidationError({"role": "不能停用自己的账户或修改自己的角色"})
    before = {k: getattr(staff, k) for k in STAFF_FIELDS}
    for key, value in checked.items():
        setattr(staff, key, value)
    old, new = audit.changed_values(before, {k: getattr(staff, k) for k in STAFF_FIELDS})
    if new:
        audit.record(session, actor, "update", "staff", staff.id, f"修改账户 {staff.username}", old, new)
    return staff


def set_password(session: Session, actor: Actor, staff_id: int, password: str, confirm: str | None = None) -> None:
    """An administrator resets anyone's password; everyone may change their own."""
    if staff_id != actor.id:
        require(actor, Permission.MANAGE_STAFF)
    _check_password(password, confirm)
    staff = get_staff(session, staff_id)
    staff.password_hash = hash_password(password)
    audit.record(session, actor, "password", "staff", staff.id, f"修改 {staff.username} 的密码")


def list_staff(session: Session, *, role: Role | None = None, active_only: bool = False) -> list[Staff]:
    query = select(Staff).order_by(Staff.role, Staff.full_name)
    if role is not None:
        query = query.where(Staff.role == role)
    if active_only:
        query = query.where(Staff.is_active.is_(True))
    return list(session.scalars(query))


def list_mentors(session: Session, *, active_only: bool = True) -> list[Staff]:
    return list_staff(session, role=Role.MENTOR, active_only=active_only)


def get_staff(session: Session, staff_id: int) -> Staff:
    staff = session.get(Staff, staff_id)
    if staff is None:
        raise NotFound("找不到该工作人员账户。")
    return staff
