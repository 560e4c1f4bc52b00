"""Sign-in resists guessing (issue 10): password rules, lock-out doubling, every attempt in the
audit log, an unknown user name as slow as a wrong password, one's own password changed."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop_app.core import security
from desktop_app.core.models import AuditEntry, Staff
from desktop_app.core.services import accounts
from desktop_app.errors import AuthenticationError, PermissionDenied, ValidationError
from tests.conftest import PASSWORD


@pytest.mark.parametrize(
    "password", ["123456", "12345678", "88888888", "woaini1314", "Password", "qwerty123", "aaaaaaaaaa", "abc12345"]
)
def test_weak_passwords_are_refused_everywhere(db, admin, officer, password) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="密码："), db.session() as session:
        accounts.create_staff(session, admin, {"username": "zhang", "full_name": "张三", "role": "mentor"}, password)
    with pytest.raises(ValidationError, match="密码："), db.session() as session:
        accounts.set_password(session, admin, officer.id, password)


def test_the_user_name_is_no_password(db, admin, officer) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="不能与用户名相同"), db.session() as session:
        accounts.set_password(session, admin, officer.id, "Membership_Officer")


def test_a_good_password_is_accepted(db, admin) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        accounts.create_staff(
            session, admin, {"username": "zhang", "full_name": "张三", "role": "mentor"}, "Jianshe-2026!"
        )
    with db.session() as session:
        assert accounts.sign_in(session, "zhang", "Jianshe-2026!").username == "zhang"


def attempt(db, username: str, password: str) -> str:  # type: ignore[no-untyped-def]
    try:
        with db.session() as session:
            accounts.sign_in(session, username, password)
    except AuthenticationError as exc:
        return exc.message
    return "ok"


def test_five_failures_lock_the_account_and_the_wait_doubles(db, officer, clock) -> None:  # type: ignore[no-untyped-def]
    for _ in range(4):
        assert attempt(db, "membership_officer", "wrong") == "用户名或密码错误。"
    assert "暂时锁定至" in attempt(db, "membership_officer", "wrong")  # the 5th: one minute
    # locked: even the right password is refused (100 wrong tries then the right one no longer works)
    assert "暂时锁定至" in attempt(db, "membership_officer", PASSWORD)
    clock.advance(seconds=61)
    assert "暂时锁定至" in attempt(db, "membership_officer", "wrong")  # the 6th: two minutes
    with db.session() as session:
        staff = session.get(Staff, officer.id)
        assert staff.failed_sign_ins == 6
        assert staff.locked_until == clock.now() + dt.timedelta(minutes=2)
    clock.advance(seconds=121)
    assert attempt(db, "membership_officer", PASSWORD) == "ok"
    with db.session() as session:  # a success starts the count again
        staff = session.get(Staff, officer.id)
        assert (staff.failed_sign_ins, staff.locked_until) == (0, None)


def test_lockout_grows_to_a_day_at_most() -> None:
    assert [security.lockout_minutes(n) for n in (4, 5, 6, 7, 10)] == [0, 1, 2, 4, 32]
    assert security.lockout_minutes(40) == 24 * 60


def test_the_administrator_unlocks(db, admin, officer, mentor) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        attempt(db, "membership_officer", "wrong")
    with pytest.raises(PermissionDenied), db.session() as session:
        accounts.unlock(session, mentor, officer.id)
    with db.session() as session:
        accounts.unlock(session, admin, officer.id)
    assert attempt(db, "membership_officer", PASSWORD) == "ok"


def test_every_attempt_is_in_the_audit_log(db, officer) -> None:  # type: ignore[no-untyped-def]
    attempt(db, "membership_officer", "wrong")
    attempt(db, "nobody", "whatever")
    attempt(db, "membership_officer", PASSWORD)
    with db.session() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action.in_(("sign_in", "sign_in_failed"))).order_by(AuditEntry.id)
        ).all()
    assert [(e.action, e.summary) for e in entries] == [
        ("sign_in_failed", "登录失败：membership_officer 密码错误（连续第 1 次）"),
        ("sign_in_failed", "登录失败：用户名“nobody”不存在"),
        ("sign_in", "郑会籍 登录"),
    ]


def test_an_unknown_user_name_costs_a_password_check(db, officer, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The same work (one Argon2 verification) whether the name exists or not: no timing oracle."""
    checks: list[str] = []
    real = security.verify_password
    monkeypatch.setattr(security, "verify_password", lambda h, p: checks.append(p) or real(h, p))
    monkeypatch.setattr(accounts, "verify_password", security.verify_password)
    attempt(db, "nobody", "guess-1")
    attempt(db, "membership_officer", "guess-2")
    assert checks == ["guess-1", "guess-2"]


def test_changing_ones_own_password_needs_the_current_one(db, officer, mentor) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="当前密码"), db.session() as session:
        accounts.set_password(session, officer, officer.id, "New-pass-2026", "New-pass-2026", current="wrong")
    with db.session() as session:
        accounts.set_password(session, officer, officer.id, "New-pass-2026", "New-pass-2026", current=PASSWORD)
    assert attempt(db, "membership_officer", "New-pass-2026") == "ok"
    with pytest.raises(PermissionDenied), db.session() as session:  # but not someone else's
        accounts.set_password(session, mentor, officer.id, "Other-pass-2026")
