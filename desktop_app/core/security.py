"""Passwords, roles and permissions. Every service checks permissions itself (R-2.1)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from desktop_app.core.models import Role, Staff
from desktop_app.errors import PermissionDenied

# OWASP Password Storage Cheat Sheet's minimum for Argon2id (19 MiB, 2 passes, 1 lane): a
# sign-in costs ~0.1 s on an office PC instead of ~0.3–0.6 s with argon2-cffi's defaults on two
# cores. Hashes keep their own parameters, so older hashes still verify.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)

MIN_PASSWORD_LENGTH = 8

# Sign-in attempts (issue 10): after this many failures in a row an account waits, 1 minute after
# the 5th, doubling after each further failure, at most a day; an administrator can unlock it.
LOCKOUT_AFTER = 5
LOCKOUT_FIRST_WAIT_MINUTES = 1
LOCKOUT_LONGEST_WAIT_MINUTES = 24 * 60

# The passwords people choose first (SecLists' top lists, and the Chinese favourites: 123456,
# 5201314, 88888888, woaini…, pinyin names, keyboard walks). Refused when an account's password is set.
COMMON_PASSWORDS = frozenset(
    """
    123456 1234567 12345678 123456789 1234567890 0123456789 12345 123123 123123123 111111 1111111
    11111111 000000 00000000 666666 66666666 888888 88888888 8888888 999999 99999999 654321 987654321
    112233 123321 121212 147258369 159357 1314520 5201314 52013140 520520 woaini woaini520 woaini1314
    iloveyou password password1 password123 passw0rd p@ssw0rd p@ssword admin admin123 admin888
    administrator root123 qwerty qwerty123 qwertyuiop asdfgh asdfghjkl zxcvbnm 1qaz2wsx 1q2w3e4r
    1q2w3e4r5t qazwsx qazwsxedc a123456 a12345678 aa123456 abc123 abc12345 abc123456 abcd1234
    123456a 123456aa 123qwe 123abc q1w2e3r4 aaaaaa aaaaaaaa abcdefg abcdefgh letmein welcome
    welcome1 sunshine football monkey dragon master shadow superman baseball trustno1 changeme
    default guest test test123 test1234 demo demo123 user user123 office office123 huawei
    wuhan wuhan123 wuhan2026 hubei123 china123 zhongguo beijing shanghai jianshe jianshe123
    xiehui xiehui123 huiyuan huiyuan123 secret secret1 secret12
    """.split()
)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


_dummy_hash: str | None = None


def waste_a_verification(password: str) -> None:
    """As long as verifying a real hash: an unknown user name must not answer faster than a known
    one (issue 10 measured 0.2 ms against 17 ms, which tells an attacker which names exist)."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("no account has this password")
    verify_password(_dummy_hash, password)


def password_problem(password: str, username: str = "") -> str | None:
    """Why ``password`` may not be an account's password, in Chinese; None when it may."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"至少 {MIN_PASSWORD_LENGTH} 位"
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS or (len(set(password)) == 1):
        return "太常见，容易被猜中，请换一个"
    if username and lowered in (username.lower(), username.lower()[::-1]):
        return "不能与用户名相同"
    if lowered.isdigit() and (lowered in "01234567890" or lowered in "9876543210"):
        return "不能是连续的数字"
    return None


def lockout_minutes(failures: int) -> int:
    """How long an account waits after ``failures`` failed sign-ins in a row (0: no wait)."""
    if failures < LOCKOUT_AFTER:
        return 0
    return min(LOCKOUT_FIRST_WAIT_MINUTES * 2 ** (failures - LOCKOUT_AFTER), LOCKOUT_LONGEST_WAIT_MINUTES)


def scram_sha_256(password: str, *, iterations: int = 4096, salt: bytes | None = None) -> str:
    """PostgreSQL's SCRAM-SHA-256 verifier for ``password`` (RFC 5802/7677, as ``pg_authid`` keeps
    it): the program sends this to ``ALTER ROLE … PASSWORD``, never the password itself, so the
    password appears in no server log."""
    import base64
    import hashlib
    import hmac
    import os

    salt = salt if salt is not None else os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = lambda data: base64.b64encode(data).decode("ascii")  # noqa: E731
    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


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
    # Backups and restoring one (issue 10): the command line signs in for restore.
    RESTORE_DATABASE = "从备份恢复数据库"


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
    Role.MEMBERSHIP_OFFICER: frozenset({Permission.VIEW_MEMBERS, Permission.EDIT_MEMBERS, Permission.ASSIGN_MENTORS})
    | frozenset(
        {
            Permission.VIEW_APPLICATIONS,
            Permission.RECEIVE_APPLICATIONS,
            Permission.RECORD_VISITS,
            Permission.ATTACH_APPLICATION_DOCUMENTS,
            Permission.REVIEW_APPLICATIONS,
            Permission.RECORD_ADMISSION_DUES,
            Permission.REGISTER_MEMBERS,
            Permission.RETURN_APPLICATIONS,
            Permission.PRINT_CERTIFICATES,
        }
    )
    | frozenset({Permission.PRINT_DOCUMENTS, Permission.PRINT_FORMS}),
    # mentors hand changes to the office on a handover form; they do not edit directly.
    # they assist with admission, so they see the queue and may attach documents.
    Role.MENTOR: frozenset({Permission.VIEW_MEMBERS})
    | frozenset({Permission.VIEW_APPLICATIONS, Permission.ATTACH_APPLICATION_DOCUMENTS})
    # the mentor fills in handover forms and helps applicants with their forms.
    | frozenset({Permission.PRINT_FORMS}),
    Role.RESIDENT_LEADER: frozenset({Permission.VIEW_MEMBERS})
    | frozenset({Permission.VIEW_APPLICATIONS, Permission.RETURN_APPLICATIONS})
    | RESIDENT_LEADER_ONLY,
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
