from __future__ import annotations

import pytest

from desktop_app.demo import generate_demo


@pytest.fixture
def demo_db(db, zh_app):  # type: ignore[no-untyped-def]
    """450 demo members: more than the register's first page of 200."""
    with db.session() as session:
        generate_demo(session, 450, seed=3)
    return db


@pytest.fixture
def demo_actor(demo_db):  # type: ignore[no-untyped-def]
    from desktop_app.core.services import accounts
    from desktop_app.demo import DEMO_PASSWORD

    with demo_db.session() as session:
        return accounts.sign_in(session, "officer", DEMO_PASSWORD)
