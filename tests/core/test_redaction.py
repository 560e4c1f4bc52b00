"""Database passwords: never in what is shown, printed or logged; a password file instead of the URL (issue 10)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError

from desktop_app.core.db import Database, describe_url
from desktop_app.core.redaction import has_password, redact_url
from tests.conftest import PG_ENV


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        (
            "postgresql://membership:s3cr3t@127.0.0.1:5432/postgres",
            "postgresql://membership:***@127.0.0.1:5432/postgres",
        ),
        ("postgresql+psycopg://u:s3cr3t@db.example/office", "postgresql+psycopg://u:***@db.example/office"),
        # an unencoded "@" in the password (SQLAlchemy would take the rest for the host name)
        ("postgres://u:s3c@r3t@host/db", "postgres://u:***@host/db"),
        ("postgresql://u:s3c r3t@host/db", "postgresql://u:***@host/db"),  # SQLAlchemy accepts spaces too
        ("无法打开 'postgresql://u:s3cr3t@h/db'：连接被拒绝", "无法打开 'postgresql://u:***@h/db'：连接被拒绝"),
        ("postgresql://u@h/db?sslmode=require&password=s3cr3t", "postgresql://u@h/db?sslmode=require&password=***"),
        ("host=h user=u password=s3cr3t dbname=office", "host=h user=u password=*** dbname=office"),
        ("host=h password = 's3c r3t\\'' port=5432", "host=h password = *** port=5432"),
        ("PGPASSWORD=s3cr3t membership-office migrate", "PGPASSWORD=*** membership-office migrate"),
        ("{'user': 'u', 'password': 's3cr3t'}", "{'user': 'u', 'password': '***'}"),
        (
            "[SQL: ALTER ROLE \"mo_u\" PASSWORD 'SCRAM-SHA-256$4096:s3c''r3t']",
            "[SQL: ALTER ROLE \"mo_u\" PASSWORD '***']",
        ),
        ("line one\npostgresql://u:s3cr3t@h/db\nuser@example", "line one\npostgresql://u:***@h/db\nuser@example"),
    ],
)
def test_passwords_are_replaced(shown: str, expected: str) -> None:
    assert redact_url(shown) == expected
    assert "s3c" not in redact_url(shown)
    assert redact_url(expected) == expected  # applying it twice changes nothing
    assert has_password(shown)


@pytest.mark.parametrize(
    "shown",
    [
        "postgresql://membership@127.0.0.1:5432/postgres",  # the password comes from PGPASSFILE
        "postgresql://127.0.0.1:5432/postgres",
        "sqlite:////home/郑会籍/membership.db",
        "sqlite:///C:\\Users\\a@b\\membership.db",
        "/home/a:b@c/membership.db",
        "membership-office create-admin --password-stdin",
        "数据库已是最新版本：PostgreSQL：membership@127.0.0.1:5432/office",
    ],
)
def test_text_without_a_password_is_left_alone(shown: str) -> None:
    assert redact_url(shown) == shown
    assert not has_password(shown)


def test_sqlalchemy_url_objects_and_exceptions() -> None:
    url = make_url("postgresql+psycopg://u:s3cr3t@h:5433/db?password=s3cr3t")
    assert redact_url(url) == "postgresql+psycopg://u:***@h:5433/db?password=***"
    assert redact_url(RuntimeError(f"cannot connect to {url.render_as_string(hide_password=False)}")) == (
        "cannot connect to postgresql+psycopg://u:***@h:5433/db?password=***"
    )


def test_the_status_bar_description_has_no_password() -> None:
    assert describe_url("postgresql://u:s3cr3t@h:5433/db") == "PostgreSQL：u@h:5433/db"


@pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"{PG_ENV} not set")
def test_a_url_without_password_opens_with_a_password_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """libpq reads PGPASSFILE (default ~/.pgpass, %APPDATA%\\postgresql\\pgpass.conf on Windows)
    when the URL has no password: the server password stays off the command line."""
    server = make_url(os.environ[PG_ENV])
    assert server.password, f"{PG_ENV} should hold a URL with a password"
    without = URL.create(
        server.drivername, server.username, None, server.host, server.port, server.database
    ).render_as_string(hide_password=False)
    assert not has_password(without)
    monkeypatch.delenv("PGPASSWORD", raising=False)

    # no password anywhere: the server refuses (so it is the file that lets us in below)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "missing"))
    refused = Database(without)
    try:
        with pytest.raises(OperationalError), refused.engine.connect():
            pass
    finally:
        refused.dispose()

    passfile = tmp_path / "pgpass"
    passfile.write_text(
        f"{server.host}:{server.port or 5432}:*:{server.username}:{server.password}\n", encoding="utf-8"
    )
    passfile.chmod(0o600)  # libpq ignores a password file that others can read
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    db = Database(without)
    try:
        with db.session() as session:
            assert session.execute(text("SELECT current_user")).scalar() == server.username
    finally:
        db.dispose()
