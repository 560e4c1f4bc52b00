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


@pytest.fixture(autouse=True)
def forget_remembered_places():  # type: ignore[no-untyped-def]
    """Every test starts at a fresh workstation: no last area, user name, widths, sort or filters
    left by an earlier test (issue 16 remembers them in QSettings)."""
    from PySide6.QtCore import QSettings

    from desktop_app.ui import preferences

    def forget() -> None:
        settings = QSettings()
        for key in (
            preferences.LAST_USERNAME,
            preferences.LAST_AREA,
            preferences.RESUME_LAST_AREA,
            preferences.MAIN_WINDOW_SPLITTER,
        ):
            settings.remove(key)
        for group in (preferences.TABLE_PREFIX, preferences.VIEW_PREFIX):
            settings.remove(group.rstrip("/"))

    forget()
    yield
    forget()
