"""Migration 0008 (withdrawal, issue 15): every member of an existing register becomes one membership
spell taken from its columns; down and up again cleanly, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import create_engine, inspect, text

from desktop_app.core.db import normalise_url
from tests.core.test_admission_migration import _migrate

TABLES = {
    "activity",
    "attendance",
    "sign_in_row",
    "membership_spell",
    "disqualification",
    "withdrawal_case",
    "case_ground",
    "withdrawal_document",
    "appeal",
    "member_position",
    "withdrawal_task",
}


def _member(
    connection, number: str, uscc: str, status: str, joined: str | None, left: str | None, reason: str | None
) -> None:  # type: ignore[no-untyped-def]
    connection.execute(
        text(
            "INSERT INTO member (member_number, name, uscc, category, level, status, join_date, left_date, left_reason,"
            " certificate_number, search_text, created_at, updated_at, version) VALUES (:n, :name, :u,"
            " 'construction_enterprise', 'member', :s, :j, :l, :r, :c, '', '2020-10-27 00:00:00+00',"
            " '2020-10-27 00:00:00+00', 1)"
        ),
        {
            "n": number,
            "name": f"武汉{number}建设有限公司",
            "u": uscc,
            "s": status,
            "j": joined,
            "l": left,
            "r": reason,
            "c": "Z" + number,
        },
    )


def test_0008_turns_each_member_into_a_spell(new_db_url: str) -> None:
    _migrate(new_db_url, "0007")
    engine = create_engine(normalise_url(new_db_url))
    with engine.begin() as connection:
        _member(connection, "WJX20200001", "914201001777158766", "active", "2020-10-27", None, None)
        _member(
            connection, "WJX20150007", "91420102MA4K8XY2X9", "withdrawn", "2015-03-01", "2024-05-01", "书面申请退会"
        )
        _member(connection, "WJX20100003", "91420102MA4K8XY3XA", "cancelled", None, "2022-01-05", "欠缴会费")
    engine.dispose()

    _migrate(new_db_url, "0008")
    engine = create_engine(normalise_url(new_db_url))
    with engine.connect() as connection:
        assert TABLES <= set(inspect(connection).get_table_names())
        rows = connection.execute(
            text(
                "SELECT m.member_number, s.joined_on, s.joined_how, s.left_on, s.left_how, s.left_reason,"
                " s.certificate_number FROM membership_spell s JOIN member m ON m.id = s.member_id ORDER BY m.member_number"
            )
        ).all()
    engine.dispose()
    as_date = lambda v: v if v is None or isinstance(v, dt.date) else dt.date.fromisoformat(str(v)[:10])  # noqa: E731
    spells = {r[0]: (as_date(r[1]), r[2], as_date(r[3]), r[4], r[5], r[6]) for r in rows}
    assert spells == {
        "WJX20100003": (None, "historic", dt.date(2022, 1, 5), "cancelled", "欠缴会费", "ZWJX20100003"),
        "WJX20150007": (
            dt.date(2015, 3, 1),
            "historic",
            dt.date(2024, 5, 1),
            "withdrawn",
            "书面申请退会",
            "ZWJX20150007",
        ),
        "WJX20200001": (dt.date(2020, 10, 27), "historic", None, None, None, "ZWJX20200001"),
    }

    _migrate(new_db_url, "0007", "downgrade")
    engine = create_engine(normalise_url(new_db_url))
    with engine.connect() as connection:
        assert not (TABLES & set(inspect(connection).get_table_names()))
        assert connection.scalar(text("SELECT count(*) FROM member")) == 3
    engine.dispose()
    _migrate(new_db_url, "0008")
