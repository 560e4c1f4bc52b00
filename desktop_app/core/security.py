"""Passwords, roles and permissions. Every service checks permissions itself (R-2.1)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from desktop_app.core.models import Role, Staff
from desktop_app.errors import PermissionDenied
from desktop_app.messages import say

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
    # --- mentors (issue 12): a mentor works on its own members only (core/services/mentors) ---
    VIEW_ALLOCATION = "查看班主任分配情况"
    VIEW_MENTOR_WORK = "查看班主任工作记录"
    RECORD_MENTOR_WORK = "记录班主任工作（联系记录、微信群、文件传达、会员宣传）"
    FILE_HANDOVER_FORMS = "填报联系资料交接通知单"
    APPLY_HANDOVER_FORMS = "办理联系资料交接通知单（变更会员资料或退回）"
    NOMINATE_LIAISONS = "推荐优秀通联员"
    DECIDE_MENTOR_SUBMISSIONS = "决定优秀通联员推荐和会员宣传稿件的结果"
    # --- withdrawal (issue 15): … R-15.1 ---
    VIEW_WITHDRAWAL = "查看退会、取消会员资格和申诉案件"
    MANAGE_WITHDRAWAL = "办理退会、取消会员资格、申诉和会员职务"
    RECORD_ACTIVITIES = "登记协会活动和会员参加情况（含导入签到表）"
    COMPLETE_WITHDRAWAL_TASKS = "完成会员退会后班主任的事项（移出班级微信管理群）"
    # --- dues (issue 13): R-5.5, R-8.5, R-9.4, R-12.1 (1), R-15.1; a mentor sees its own members' ---
    VIEW_DUES = "查看会费"
    BILL_DUES = "开具年度会费"
    RECORD_DUES_PAYMENTS = "登记会费缴费、冲正、开收据和导入银行流水"
    RECORD_DUES_CONSENTS = "登记驻会领导对减免会费的书面同意"
    # --- mailing (issue 14): R-8.4, R-9.4; a mentor sets and proves its own members' post ---
    VIEW_MAILING = "查看邮寄批次"
    MANAGE_MAILING = "编排邮寄批次，打印标签、信封、装封清单和快递清单，登记寄出、签收和退回"
    SET_MAILING_PREFERENCES = "设置会员的邮寄收件人和地址"
    RECORD_MAILING_PROOF = "上传邮寄照片、登记已告知联络员"
    # --- reports (issue 17), R-9.5 ---
    VIEW_STATISTICS = "查看会员统计"
    VIEW_MENTOR_REPORT = "查看班主任半年工作考核报告"
    PROPOSE_MENTOR_REWARDS = "填写班主任奖惩建议"
    PUBLISH_ROSTER = "登记会员名册的发布"


# --- mailing (issue 14) ---
# The office composes, prints and tracks the batches (R-9.4); the mentor sets its own members'
# mailing contact and records the proof of posting; everyone may look.
OFFICE_MAILING = frozenset(
    {
        Permission.VIEW_MAILING,
        Permission.MANAGE_MAILING,
        Permission.SET_MAILING_PREFERENCES,
        Permission.RECORD_MAILING_PROOF,
    }
)
MENTOR_MAILING = frozenset(
    {Permission.VIEW_MAILING, Permission.SET_MAILING_PREFERENCES, Permission.RECORD_MAILING_PROOF}
)

# Any one of these opens the documents area; core/services/documents.py maps each kind to one.
PRINT_PERMISSIONS = frozenset({Permission.PRINT_CERTIFICATES, Permission.PRINT_DOCUMENTS, Permission.PRINT_FORMS})

# --- mentors (issue 12) ---
# The office sees the allocation and every mentor's work, allocates, applies the handover forms and
# records the secretariat's decisions (R-9.1, R-9.3, R-10.5); the mentor records its own members'
# contacts, WeChat status, circulation and news, files handover forms and nominates (R-8.1 …,
# ); the resident leader reads.
OFFICE_MENTOR_WORK = frozenset(
    {
        Permission.VIEW_ALLOCATION,
        Permission.VIEW_MENTOR_WORK,
        Permission.RECORD_MENTOR_WORK,
        Permission.APPLY_HANDOVER_FORMS,
        Permission.DECIDE_MENTOR_SUBMISSIONS,
    }
)
MENTOR_WORK = frozenset(
    {
        Permission.VIEW_MENTOR_WORK,
        Permission.RECORD_MENTOR_WORK,
        Permission.FILE_HANDOVER_FORMS,
        Permission.NOMINATE_LIAISONS,
    }
)
LEADER_MENTOR_WORK = frozenset({Permission.VIEW_ALLOCATION, Permission.VIEW_MENTOR_WORK})

# --- withdrawal (issue 15) ---
# The office runs the procedures (R-11.1 …) and records activities; the mentor, who assists
# with withdrawal formalities, sees the cases and ticks off its own tasks; the leader reads.
OFFICE_WITHDRAWAL = frozenset(
    {
        Permission.VIEW_WITHDRAWAL,
        Permission.MANAGE_WITHDRAWAL,
        Permission.RECORD_ACTIVITIES,
        Permission.COMPLETE_WITHDRAWAL_TASKS,
    }
)
MENTOR_WITHDRAWAL = frozenset({Permission.VIEW_WITHDRAWAL, Permission.COMPLETE_WITHDRAWAL_TASKS})
LEADER_WITHDRAWAL = frozenset({Permission.VIEW_WITHDRAWAL})

# --- dues (issue 13) ---
# The office bills, records payments, receipts and bank statements; mentors and the resident leader
# read (a mentor its own members only, core/services/dues). Consenting to reduced dues is the
# resident leader's alone: RECORD_DUES_CONSENTS is in RESIDENT_LEADER_ONLY below.
OFFICE_DUES = frozenset({Permission.VIEW_DUES, Permission.BILL_DUES, Permission.RECORD_DUES_PAYMENTS})

# --- reports (issue 17) ---
# The membership office proposes rewards and penalties every half-year and publishes the
# roster; the resident leader reads the report; a mentor sees the statistics, not the other
# mentors' figures.
OFFICE_REPORTS = frozenset(
    {
        Permission.VIEW_STATISTICS,
        Permission.VIEW_MENTOR_REPORT,
        Permission.PROPOSE_MENTOR_REWARDS,
        Permission.PUBLISH_ROSTER,
    }
)

# Reserved to the resident leader (驻会领导): even the administrator may not take these steps.
# Leadership approval (R-5.1 (4)) counts as the resident leader's: the program knows no other
# leadership role, and a membership officer must not approve in the leadership's name.
RESIDENT_LEADER_ONLY = frozenset(
    {
        Permission.APPROVE_APPLICATIONS,
        Permission.SIGN_OFF_APPLICATIONS,
        Permission.DECIDE_BACK_PAYMENT,
        Permission.RECORD_DUES_CONSENTS,  # dues (issue 13)
    }
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
    | frozenset({Permission.PRINT_DOCUMENTS, Permission.PRINT_FORMS})
    | OFFICE_MENTOR_WORK  # mentors (issue 12)
    | OFFICE_WITHDRAWAL  # withdrawal (issue 15)
    | OFFICE_DUES  # dues (issue 13)
    | OFFICE_MAILING  # mailing (issue 14)
    | OFFICE_REPORTS,  # reports (issue 17)
    # mentors hand changes to the office on a handover form; they do not edit directly.
    # they assist with admission, so they see the queue and may attach documents.
    Role.MENTOR: frozenset({Permission.VIEW_MEMBERS})
    | frozenset({Permission.VIEW_APPLICATIONS, Permission.ATTACH_APPLICATION_DOCUMENTS})
    # the mentor fills in handover forms and helps applicants with their forms.
    | frozenset({Permission.PRINT_FORMS})
    | MENTOR_WORK  # mentors (issue 12)
    | MENTOR_WITHDRAWAL  # withdrawal (issue 15)
    | frozenset({Permission.VIEW_DUES})  # dues (issue 13): its own members' only
    | MENTOR_MAILING  # mailing (issue 14): its own members' only
    | frozenset({Permission.VIEW_STATISTICS}),  # reports (issue 17): not the other mentors' figures
    Role.RESIDENT_LEADER: frozenset({Permission.VIEW_MEMBERS})
    | frozenset({Permission.VIEW_APPLICATIONS, Permission.RETURN_APPLICATIONS})
    | RESIDENT_LEADER_ONLY
    | LEADER_MENTOR_WORK  # mentors (issue 12)
    | LEADER_WITHDRAWAL  # withdrawal (issue 15)
    | frozenset({Permission.VIEW_DUES})  # dues (issue 13)
    | frozenset({Permission.VIEW_MAILING})  # mailing (issue 14)
    | frozenset({Permission.VIEW_STATISTICS, Permission.VIEW_MENTOR_REPORT}),  # reports (issue 17): reads
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
        raise PermissionDenied(say("security.permission_denied", label=actor.role.label, value=permission.value))
