"""Migration 0002 (admission tables) up and down, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, inspect, text

from desktop_app.core.db import normalise_url
from desktop_app.core.migrate import open_database
from desktop_app.core.schema import alembic_config, head_revision

ADMISSION_TABLES = {"application", "application_event", "application_document", "print_job"}


def _migrate(url: str, target: str, direction: str = "upgrade") -> None:
    engine = create_engine(normalise_url(url))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, direction)(config, target)
    engine.dispose()


def _state(url: str) -> tuple[set[str], str, int]:
    engine = create_engine(normalise_url(url))
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        revision = connection.scalar(text("SELECT version_num FROM alembic_version"))
        members = connection.scalar(text("SELECT count(*) FROM member"))
    engine.dispose()
    return tables, revision, members


def test_0002_upgrades_a_register_and_downgrades_cleanly(new_db_url: str) -> None:
    _migrate(new_db_url, "0001")
    engine = create_engine(normalise_url(new_db_url))
    with engine.begin() as connection:  # a register at 0001 with one member
        connection.execute(
            text(
                "INSERT INTO member (member_number, name, uscc, category, level, status, search_text, created_at,"
                " updated_at, version) VALUES ('WJX20200001', '武汉宏达建设有限公司', '914201001777158766',"
                " 'construction_enterprise', 'member', 'active', '', '2020-10-27 00:00:00+00', '2020-10-27 00:00:00+00', 1)"
            )
        )
    engine.dispose()
    tables, revision, members = _state(new_db_url)
    assert not (ADMISSION_TABLES & tables) and revision == "0001"

    _migrate(new_db_url, "0002")
    tables, revision, members = _state(new_db_url)
    assert ADMISSION_TABLES <= tables and revision == "0002" and members == 1

    # the program's own start-up reaches the head from here, and the tables take binary files
    db = open_database(new_db_url)
    with db.engine.begin() as connection:
        assert connection.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
    db.dispose()

    _migrate(new_db_url, "0001", "downgrade")
    tables, revision, members = _state(new_db_url)
    assert not (ADMISSION_TABLES & tables) and revision == "0001" and members == 1
    _migrate(new_db_url, "head")
    tables, _revision, members = _state(new_db_url)
    assert ADMISSION_TABLES <= tables and members == 1


def test_attachments_round_trip_as_bytes(db, officer) -> None:  # type: ignore[no-untyped-def]
    """LargeBinary is BLOB on SQLite and BYTEA on PostgreSQL: every byte comes back."""
    from desktop_app.core.models import DocumentKind
    from desktop_app.core.services import admission

    # ~1 MB with every byte value: a real one-page PDF (attachments must open) whose page
    # carries a binary stream of bytes 0…255, repeated.
    content = _pdf_with_binary_stream(bytes(range(256)) * 4000)
    with db.session() as session:
        application = admission.create_application(
            session,
            officer,
            {
                "name": "武汉市江岸区宏达建设工程有限公司",
                "uscc": "914201001777158766",
                "category": "construction_enterprise",
            },
        )
        document = admission.attach_document(
            session, officer, application.id, DocumentKind.PROFILE, "简介.pdf", content
        )
    with db.session() as session:
        assert admission.document_content(session, officer, document.id)[2] == content


def _pdf_with_binary_stream(data: bytes) -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /PieceInfo << /Test 5 0 R >> >>",
        b"<< /Length 8 >>\nstream\n0 0 m S\n\nendstream",
        b"<< /Length " + str(len(data)).encode() + b" >>\nstream\n" + data + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
