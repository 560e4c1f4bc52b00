"""Staff accounts, signing in, roles enforced in the services, audit of every write (R-2.1)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop_app.core.models import AuditEntry, Role, Staff
from desktop_app.core.security import verify_password
from desktop_app.core.services import accounts
from desktop_app.errors import AuthenticationError, PermissionDenied, ValidationError
from tests.conftest import PASSWORD


def test_first_start_creates_the_administrator_once(db) -> None:
    with db.session() as session:
        assert accounts.needs_first_administrator(session)
        actor = accounts.create_first_administrator(session, "admin", "王海燕", "s3cret!!", "s3cret!!")
    assert actor.role == Role.ADMINISTRATOR
    with db.session() as session:
        assert not accounts.needs_first_administrator(session)
        with pytest.raises(ValidationError):
            accounts.create_first_administrator(session, "admin2", "李四", "s3cret!!")


def test_password_is_hashed_not_stored(db, admin) -> None:
    with db.session() as session:
        staff = session.scalars(select(Staff).where(Staff.username == "admin")).one()
        assert PASSWORD not in staff.password_hash
        assert staff.password_hash.startswith("$argon2")
        assert verify_password(staff.password_hash, PASSWORD)


def test_sign_in(db, officer) -> None:
    with db.session() as session:
        actor = accounts.sign_in(session, " Membership_Officer ", PASSWORD)
    assert actor.id == officer.id
    for username, password in (("membership_officer", "wrong"), ("nobody", PASSWORD), ("", "")):
        with pytest.raises(AuthenticationError, match="用户名或密码错误"), db.session() as session:
            accounts.sign_in(session, username, password)


def test_disabled_account_cannot_sign_in(db, admin, officer) -> None:
    with db.session() as session:
        accounts.update_staff(session, admin, officer.id, {"is_active": False})
    with pytest.raises(AuthenticationError, match="已停用"), db.session() as session:
        accounts.sign_in(session, "membership_officer", PASSWORD)


def test_only_the_administrator_manages_staff(db, officer) -> None:
    with pytest.raises(PermissionDenied, match="会籍管理员"), db.session() as session:
        accounts.create_staff(session, officer, {"username": "x1", "full_name": "某人", "role": "mentor"}, PASSWORD)


def test_staff_values_are_checked(db, admin) -> None:
    with pytest.raises(ValidationError) as info, db.session() as session:
        accounts.create_staff(
            session, admin, {"username": "a b", "full_name": "", "role": "boss", "mobile": "123"}, "123"
        )
    assert set(info.value.errors) == {"username", "full_name", "role", "mobile"}
    with pytest.raises(ValidationError, match="至少"), db.session() as session:
        accounts.create_staff(session, admin, {"username": "ok", "full_name": "某人", "role": "mentor"}, "123")


def test_duplicate_username_refused_case_insensitively(db, admin, officer) -> None:
    with pytest.raises(ValidationError, match="已被 郑会籍 使用"), db.session() as session:
        accounts.create_staff(
            session, admin, {"username": "MEMBERSHIP_OFFICER", "full_name": "某人", "role": "mentor"}, PASSWORD
        )


def test_administrator_cannot_lock_themselves_out(db, admin) -> None:
    with pytest.raises(ValidationError), db.session() as session:
        accounts.update_staff(session, admin, admin.id, {"is_active": False})


def test_everyone_changes_their_own_password_only(db, admin, officer, mentor) -> None:
    with db.session() as session:
        accounts.set_password(session, mentor, mentor.id, "newpass1", "newpass1")
    with db.session() as session:
        accounts.sign_in(session, "mentor", "newpass1")
    with pytest.raises(PermissionDenied), db.session() as session:
        accounts.set_password(session, mentor, officer.id, "newpass1")
    with db.session() as session:
        accounts.set_password(session, admin, officer.id, "reset-123")
        accounts.sign_in(session, "membership_officer", "reset-123")


def test_every_write_is_audited_with_values(db, admin, officer) -> None:
    with db.session() as session:
        accounts.update_staff(session, admin, officer.id, {"mobile": "13900001111"})
    with db.session() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity_type == "staff").order_by(AuditEntry.id)
        ).all()
        kinds = [(e.action, e.entity_id) for e in entries]
        assert ("create", officer.id) in kinds
        update = entries[-1]
        assert (update.action, update.actor_id) == ("update", admin.id)
        assert update.before == {"mobile": None} and update.after == {"mobile": "13900001111"}
        assert "password_hash" not in (entries[0].after or {})


def test_list_mentors(db, admin, mentor, officer) -> None:
    with db.session() as session:
        assert [m.id for m in accounts.list_mentors(session)] == [mentor.id]
