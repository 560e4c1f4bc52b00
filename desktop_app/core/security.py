"""Passwords, roles and permissions. Every service checks permissions itself (R-2.1)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from desktop_app.core.errors import PermissionDenied
from desktop_app.core.models import Role, Staff

_hasher = PasswordHasher()

MIN_PASSWORD_LENGTH = 6


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


class Permission(enum.Enum):
    VIEW_MEMBERS = "查看会员"
    EDIT_MEMBERS = "录入和修改会员资料"
    ASSIGN_MENTORS = "分配班主任"
    MANAGE_STAFF = "管理工作人员账户"
    MANAGE_SETTINGS = "修改系统设置"
    GENERATE_DEMO = "生成演示数据"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMINISTRATOR: frozenset(Permission),
    Role.MEMBERSHIP_OFFICER: frozenset(
        {Permission.VIEW_MEMBERS, Permission.EDIT_MEMBERS, Permission.ASSIGN_MENTORS}
    ),
    # mentors hand changes to the office on a handover form; they do not edit directly.
    Role.MENTOR: frozenset({Permission.VIEW_MEMBERS}),
    Role.RESIDENT_LEADER: frozenset({Permission.VIEW_MEMBERS}),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in person, detached from any session. ``None`` id means the program itself."""

    id: int | None
    username: str
    full_name: str
    role: Role

    @classmethod
    def of(cls, staff: Staff) -> Actor:
        return cls(staff.id, staff.username, staff.full_name, staff.role)

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS.get(self.role, frozenset())

    @property
    def display(self) -> str:
        return f"{self.full_name}（{self.role.label}）"


SYSTEM_ACTOR = Actor(None, "system", "系统", Role.ADMINISTRATOR)


def require(actor: Actor, permission: Permission) -> None:
    if not actor.can(permission):
        raise PermissionDenied(f"您的角色“{actor.role.label}”无权{permission.value}。")
