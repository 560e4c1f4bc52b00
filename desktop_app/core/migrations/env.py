"""Alembic environment. The program passes its own connection; the ``alembic`` CLI passes a URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from desktop_app.core.db import normalise_url, resolve_database_url
from desktop_app.core.models import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _configure(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("db") or resolve_database_url()
    engine = create_engine(normalise_url(url))
    with engine.connect() as conn:
        _configure(conn)
