"""Dues and the database itself: migration 0006 (tables, the schedule moved out of the levels, the
admission dues booked before it), PostgreSQL privileges per office role with each account's own
server role (the office books money, the resident leader consents, a mentor only reads)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from alembic import command
from sqlalchemy import create_engine, inspect, text

from desktop_app.core.db import normalise_url
from desktop_app.core.migrate import open_database
from desktop_app.core.schema import alembic_config
from desktop_app.core.services import admission, dues
from desktop_app.core.settings import DUES_SCHEDULE, LEVELS, get_setting
from tests.core import test_server_roles
from tests.core.test_dues import add_member, bill, bills, pay
from tests.core.test_dues_consents import SCAN
from tests.core.test_server_roles import denied

D = Decimal
server, sign_in_as = test_server_roles.server, test_server_roles.sign_in_as  # the server-role tests' fixtures
DUES_TABLES = {"dues_bill", "dues_payment", "dues_allocation", "dues_consent", "bank_statement", "bank_statement_line"}


def _migrate(url: str, target: str, direction: str = "upgrade") -> None:
    engine = create_engine(normalise_url(url))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, direction)(config, target)
    engine.dispose()


def test_0006_moves_the_dues_and_books_what_admission_took(new_db_url: str) -> None:
    _migrate(new_db_url, "0005")
    engine = create_engine(normalise_url(new_db_url))
    levels = [
        {"code": "council", "name": "理事单位", "annual_dues": 6000},
        {"code": "member", "name": "会员单位", "annual_dues": 2400},
    ]
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO setting (key, value, updated_at) VALUES ('membership.levels', :v, '2026-01-01 00:00:00+00')"
            ),
            {"v": json.dumps(levels, ensure_ascii=False)},
        )
        connection.execute(
            text(
                "INSERT INTO member (id, member_number, name, uscc, category, level, status, join_date, search_text,"
                " created_at, updated_at, version) VALUES (1, 'WJX20260001', '武汉宏达建设有限公司', '914201001777158766',"
                " 'construction_enterprise', 'member', 'active', '2026-11-01', '', '2026-11-01 00:00:00+00',"
                " '2026-11-01 00:00:00+00', 1)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO application (id, application_number, status, stage, stage_since, name, uscc, category,"
                " level, application_date, member_id, dues_amount, dues_receipt_number, dues_paid_on, created_at,"
                " updated_at, version) VALUES (1, 'SQ20260001', 'registered', 'registered', '2026-11-01 00:00:00+00',"
                " '武汉宏达建设有限公司', '914201001777158766', 'construction_enterprise', 'member', '2026-10-01', 1,"
                " 1, 'SJ0001', '2026-10-20', '2026-10-01 00:00:00+00', '2026-11-01 00:00:00+00', 1)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO dues_receipt (number, payer, application_id, years, amount, issued_on, issued_at,"
                " issued_by_name) VALUES ('SJ0001', '武汉宏达建设有限公司', 1, '2026', 1, '2026-10-20',"
                " '2026-10-20 00:00:00+00', '入会缴费')"
            )
        )
    engine.dispose()
    _migrate(new_db_url, "0006")
    engine = create_engine(normalise_url(new_db_url))
    with engine.connect() as connection:
        assert DUES_TABLES <= set(inspect(connection).get_table_names())
    engine.dispose()
    db = open_database(new_db_url)
    try:
        with db.session() as session:
            assert get_setting(session, LEVELS) == [
                {"code": "council", "name": "理事单位"},
                {"code": "member", "name": "会员单位"},
            ]
            assert get_setting(session, DUES_SCHEDULE)[0]["amounts"] == {"council": 6000, "member": 2400}
            assert dues.annual_dues(session, "member", 2026) == D("2400.00")
        # the ¥1 admission took (the example) is booked: 2026 is owed, minus that yuan
        found = bills(db, 1)[2026]
        assert (found.due, found.paid, found.settled) == (D("2400.00"), D("1.00"), False)
        with db.session() as session:
            receipt = dues.find_receipt(session, "SJ0001")
            assert receipt.payment_id is not None and receipt.member_id == 1
    finally:
        db.dispose()
    _migrate(new_db_url, "0005", "downgrade")
    engine = create_engine(normalise_url(new_db_url))
    with engine.connect() as connection:
        assert not DUES_TABLES & set(inspect(connection).get_table_names())
        stored = connection.execute(text("SELECT value FROM setting WHERE key = 'membership.levels'")).scalar()
        stored = stored if isinstance(stored, list) else json.loads(stored)
        assert stored[1] == {"code": "member", "name": "会员单位", "annual_dues": 2400}
    engine.dispose()
    _migrate(new_db_url, "head")


def test_each_role_holds_only_its_dues_privileges(server, officer, leader, mentor, sign_in_as) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(server, officer, 1, mentor_id=mentor.id)
    bill(server, officer, 2026)
    # the office books money with its own server role
    officer_db = sign_in_as("membership_officer")
    result = pay(officer_db, officer, member_id, 1000)
    assert result.receipt is not None
    # the resident leader records the consent and lowers the bill, with its own role
    leader_db = sign_in_as("resident_leader")
    with leader_db.session() as session:
        dues.record_consent(
            session,
            leader,
            member_id=member_id,
            year=2026,
            agreed="1000",
            reason="经营困难",
            document_reference="武建协〔2026〕12号",
            consented_on=dt.date(2026, 11, 20),
            scan_name="同意书.pdf",
            scan=SCAN,
            scan_check=admission.attachment_problem,
        )
    assert bills(server, member_id)[2026].settled
    # a mentor reads its members' dues and writes nothing, even with plain SQL
    mentor_db = sign_in_as("mentor")
    with mentor_db.session() as session:
        assert dues.member_dues(session, mentor, member_id).payments[0].amount == D("1000.00")
    assert "permission denied" in denied(mentor_db, "UPDATE dues_bill SET due = 0")
    assert "permission denied" in denied(
        mentor_db,
        f"INSERT INTO dues_allocation (payment_id, bill_id, amount, at) VALUES ({result.payment.id}, 1, 5, now())",
    )
    assert "permission denied" in denied(mentor_db, "SELECT * FROM bank_statement_line")
    # nobody deletes money, and the leader cannot rewrite what was paid
    assert "permission denied" in denied(officer_db, "DELETE FROM dues_payment")
    assert "permission denied" in denied(leader_db, "UPDATE dues_bill SET paid = 0")
    assert "permission denied" in denied(
        leader_db,
        "INSERT INTO dues_payment (received_on, amount, allocated, method, payer, recorded_at, recorded_by_name) VALUES ('2026-11-26', 1, 0, 'cash', 'x', now(), 'x')",
    )
