"""PostgreSQL enforces the office roles itself (issue 10): each account signs in as its own server
role, a group role per office role holds exactly its privileges, the audit log is append-only.

The attacks of issue 10, tried with plain SQL on a staff account's own connection (what a
workstation has now instead of the owner's credential): they fail.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktop_app.core import roles
from desktop_app.core.db import Database
from desktop_app.core.models import ApplicationStage, Role
from desktop_app.core.services import accounts, admission, members
from desktop_app.errors import AuthenticationError
from tests.conftest import PASSWORD, make_staff
from tests.core.test_admission import PDF, attach_all, create, take


@pytest.fixture
def server(db: Database) -> Database:
    if db.is_sqlite:
        pytest.skip("PostgreSQL only: on SQLite the file's owner is the trust boundary")
    return db


def workstation_url(db: Database):  # type: ignore[no-untyped-def]
    """What a workstation is given: the server's address, no user, no password."""
    return db.url.set(username=None, password=None)


@pytest.fixture
def sign_in_as(server: Database, clock):  # type: ignore[no-untyped-def]
    opened: list[Database] = []

    def connect(username: str, password: str = PASSWORD) -> Database:
        role_db = roles.connect_as(workstation_url(server), username, password, clock=clock)
        opened.append(role_db)
        with role_db.session() as session:
            accounts.signed_in_as_role(session, username)
        return role_db

    yield connect
    for role_db in opened:
        role_db.dispose()


def denied(db: Database, sql: str) -> str:
    with pytest.raises(DBAPIError) as error, db.engine.begin() as connection:
        connection.execute(text(sql))
    return str(error.value.orig)


def test_each_account_signs_in_as_its_own_server_role(server, officer, mentor, sign_in_as) -> None:  # type: ignore[no-untyped-def]
    officer_db = sign_in_as("membership_officer")
    with officer_db.engine.connect() as connection:
        user = connection.execute(text("SELECT current_user")).scalar_one()
        assert user == roles.login_role(server.url.database, "membership_officer")
        assert roles.is_role_connection(connection)
    with pytest.raises(AuthenticationError):
        sign_in_as("membership_officer", "wrong-password")
    with pytest.raises(AuthenticationError):
        sign_in_as("nobody-here")


def test_a_mentor_cannot_change_members_or_staff_with_plain_sql(
    server, officer, mentor, sign_in_as, member_values
) -> None:
    with server.session() as session:
        member = members.create_member(session, officer, member_values)
    mentor_db = sign_in_as("mentor")
    # the register reads
    with mentor_db.engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM member")).scalar_one() == member_values["name"]
    # the attacks of issue 10
    assert "permission denied" in denied(mentor_db, "UPDATE staff SET role = 'administrator' WHERE username = 'mentor'")
    assert "permission denied" in denied(mentor_db, f"UPDATE member SET name = 'x' WHERE id = {member.id}")
    assert "permission denied" in denied(mentor_db, "SELECT password_hash FROM staff")
    assert "permission denied" in denied(
        mentor_db, "INSERT INTO setting (key, value, updated_at) VALUES ('x', '1', now())"
    )
    # and the program still signs in as it: the mentor is still a mentor
    with mentor_db.session() as session:
        assert accounts.signed_in_as_role(session, "mentor").role == Role.MENTOR


def test_nobody_but_the_owner_changes_the_audit_log(server, admin, officer, sign_in_as) -> None:  # type: ignore[no-untyped-def]
    for username in ("admin", "membership_officer"):
        role_db = sign_in_as(username)
        assert "permission denied" in denied(role_db, "UPDATE audit_log SET summary = 'rewritten'")
        assert "permission denied" in denied(role_db, "DELETE FROM audit_log")
        assert "permission denied" in denied(role_db, "TRUNCATE audit_log")
        with role_db.engine.begin() as connection:  # appending is what every service does
            connection.execute(
                text(
                    "INSERT INTO audit_log (at, actor_name, action, entity_type, summary) "
                    "VALUES (now(), 'x', 'note', 'test', 'appended')"
                )
            )
    # even an administrator role given UPDATE by mistake is stopped by the trigger
    with server.engine.begin() as connection:
        group = roles.group_role(server.url.database, Role.ADMINISTRATOR)
        connection.execute(text(f'GRANT UPDATE, DELETE ON audit_log TO "{group}"'))
    admin_db = sign_in_as("admin")
    assert "只能追加" in denied(admin_db, "UPDATE audit_log SET summary = 'rewritten'")
    assert "只能追加" in denied(admin_db, "DELETE FROM audit_log")


def test_the_whole_admission_path_works_on_the_roles_own_connections(
    server, officer, leader, mentor, sign_in_as
) -> None:
    """The grants are exactly enough: each step taken on its own person's connection."""
    from tests.core.test_admission import applicant as applicant_values

    officer_db, leader_db, mentor_db = (
        sign_in_as("membership_officer"),
        sign_in_as("resident_leader"),
        sign_in_as("mentor"),
    )
    application_id = create(officer_db, officer, applicant_values.__wrapped__())
    take(officer_db, officer, application_id, ApplicationStage.VISITED)
    take(officer_db, officer, application_id, ApplicationStage.FORMS_COMPLETED)
    with mentor_db.session() as session:  # a mentor attaches a document
        from desktop_app.core.models import DocumentKind

        admission.attach_document(session, mentor, application_id, DocumentKind.BUSINESS_LICENCE, "营业执照.pdf", PDF)
    attach_all(officer_db, officer, application_id)
    for stage, db_, actor in (
        (ApplicationStage.DOCUMENTS_SUBMITTED, officer_db, officer),
        (ApplicationStage.REVIEWED, officer_db, officer),
        (ApplicationStage.APPROVED, leader_db, leader),
        (ApplicationStage.DUES_PAID, officer_db, officer),
        (ApplicationStage.SIGNED_OFF, leader_db, leader),
    ):
        take(db_, actor, application_id, stage)
    member = take(officer_db, officer, application_id, ApplicationStage.REGISTERED)
    assert member.member_number


def test_staff_management_keeps_the_login_roles_in_step(server, admin, sign_in_as) -> None:  # type: ignore[no-untyped-def]
    admin_db = sign_in_as("admin")
    with admin_db.session() as session:  # the administrator's own connection creates the role
        staff = accounts.create_staff(
            session, admin, {"username": "zhang", "full_name": "张三", "role": "mentor"}, "Mentor-pass-1"
        )
    sign_in_as("zhang", "Mentor-pass-1")
    with admin_db.session() as session:  # renamed and made an officer
        accounts.update_staff(session, admin, staff.id, {"username": "zhangsan", "role": "membership_officer"})
    with pytest.raises(AuthenticationError):
        sign_in_as("zhang", "Mentor-pass-1")
    officer_db = sign_in_as("zhangsan", "Mentor-pass-1")
    with officer_db.engine.connect() as connection:
        groups = set(
            connection.execute(
                text(
                    "SELECT b.rolname FROM pg_auth_members m JOIN pg_roles b ON b.oid = m.roleid "
                    "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = current_user"
                )
            ).scalars()
        )
    assert groups == {roles.group_role(server.url.database, Role.MEMBERSHIP_OFFICER)}
    with admin_db.session() as session:  # a new password, then disabled
        accounts.set_password(session, admin, staff.id, "Another-pass-2")
    sign_in_as("zhangsan", "Another-pass-2")
    with admin_db.session() as session:
        accounts.update_staff(session, admin, staff.id, {"is_active": False})
    with pytest.raises(AuthenticationError):
        sign_in_as("zhangsan", "Another-pass-2")


def test_every_table_has_its_privileges_declared() -> None:
    from desktop_app.core.models import Base

    assert set(Base.metadata.tables) | {"alembic_version"} == set(roles.PRIVILEGES)


def test_staff_made_by_the_test_helper_exist_as_roles(server, mentor) -> None:  # type: ignore[no-untyped-def]
    with server.engine.connect() as connection:
        assert connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": roles.login_role(server.url.database, "mentor")}
        ).scalar()
    make_staff(server, Role.MENTOR, "mentor2")
