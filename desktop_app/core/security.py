"""Passwords, roles and permissions. Every service checks permissions itself (R-2.1)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from desktop_app.core.errors import PermissionDenied
from desktop_app.core.models import Role, Staff

# OWASP Password Storage Cheat Sheet's minimum for Argon2id (19 MiB, 2 passes, 1 lane): a
# sign-in costs ~0.1 s on an office PC instead of ~0.3–0.6 s with argon2-cffi's defaults on two
# cores. Hashes keep their own parameters, so older hashes still verify.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)

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
    # Admission (R-4.1, R-5.1 … ); the step table is in core/services/admission.py.
    VIEW_APPLICATIONS = "查看入会申请"
    RECEIVE_APPLICATIONS = "受理入会申请"
    RECORD_VISITS = "登记来会考察"
    ATTACH_APPLICATION_DOCUMENTS = "上传入会资料"
    REVIEW_APPLICATIONS = "初审入会申请"
    APPROVE_APPLICATIONS = "以协会领导身份审批入会申请"
    RECORD_ADMISSION_DUES = "登记入会会费"
    SIGN_OFF_APPLICATIONS = "签批入会申请"
    REGISTER_MEMBERS = "办理入会登记"
    RETURN_APPLICATIONS = "退回、谢绝或撤销入会申请"
    DECIDE_BACK_PAYMENT = "决定补缴会费恢复会籍"
    PRINT_CERTIFICATES = "打印会员证和牌匾订制单"
    # Printed documents (issue 4): receipts, withdrawal notices, labels and envelopes; the forms.
    PRINT_DOCUMENTS = "打印会费收据、退会告知书、地址标签和信封"
    PRINT_FORMS = "打印入会申请表、备案表和联系资料交接通知单"


# Any one of these opens the documents area; core/services/documents.py maps each kind to one.
PRINT_PERMISSIONS = frozenset({Permission.PRINT_CERTIFICATES, Permission.PRINT_DOCUMENTS, Permission.PRINT_FORMS})

# Reserved to the resident leader (驻会领导): even the administrator may not take these steps.
# Leadership approval (R-5.1 (4)) counts as the resident leader's: the program knows no other
# leadership role, and a membership officer must not approve in the leadership's name.
RESIDENT_LEADER_ONLY = frozenset(
    {Permission.APPROVE_APPLICATIONS, Permission.SIGN_OFF_APPLICATIONS, Permission.DECIDE_BACK_PAYMENT}
)


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMINISTRATOR: frozenset(Permission) - RESIDENT_LEADER_ONLY,
    Role.MEMBERSHIP_OFFICER: frozenset(
        {Permission.VIEW_MEMBERS, Permission.EDIT_MEMBERS, Permission.ASSIGN_MENTORS}
    )
    | frozenset(
        {Permission.VIEW_APPLICATIONS, Permission.RECEIVE_APPLICATIONS, Permission.RECORD_VISITS,
         Permission.ATTACH_APPLICATION_DOCUMENTS, Permission.REVIEW_APPLICATIONS,
         Permission.RECORD_ADMISSION_DUES, Permission.REGISTER_MEMBERS, Permission.RETURN_APPLICATIONS,
         Permission.PRINT_CERTIFICATES}
    )
    | frozenset({Permission.PRINT_DOCUMENTS, Permission.PRINT_FORMS}),  # fmt: skip
    # mentors hand changes to the office on a handover form; they do not edit directly.
    # they assist with admission, so they see the queue and may attach documents.
    Role.MENTOR: frozenset({Permission.VIEW_MEMBERS})
    | frozenset({Permission.VIEW_APPLICATIONS, Permission.ATTACH_APPLICATION_DOCUMENTS})
    # the mentor fills in handover forms and helps applicants with their forms.
    | frozenset({Permission.PRINT_FORMS}),
    Role.RESIDENT_LEADER: frozenset({Permission.VIEW_MEMBERS})
    | frozenset({Permission.VIEW_APPLICATIONS, Permission.RETURN_APPLICATIONS}) | RESIDENT_LEADER_ONLY,
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
