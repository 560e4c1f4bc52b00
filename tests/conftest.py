"""Test set-up: never the user's data, one migrated template database copied per test.

Database tests run on SQLite, and a second time on PostgreSQL when
``MEMBERSHIP_OFFICE_TEST_PG`` holds the URL of a server role allowed to create databases
(``.ci/run`` starts one), e.g. ``postgresql://membership:membership@127.0.0.1:5432/postgres``.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt or reads the data folder (Picard's conftest, qutebrowser's fixtures).
_HOME = Path(tempfile.mkdtemp(prefix="membership-office-tests-"))
os.environ["MEMBERSHIP_OFFICE_HOME"] = str(_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_DATA_HOME"] = str(_HOME / "share")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("MEMBERSHIP_OFFICE_DB", None)

import pytest  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from desktop_app.core import security  # noqa: E402
from desktop_app.core.clock import FixedClock  # noqa: E402
from desktop_app.core.db import Database, normalise_url  # noqa: E402
from desktop_app.core.migrate import open_database  # noqa: E402
from desktop_app.core.models import Base, Role  # noqa: E402
from desktop_app.core.security import Actor  # noqa: E402
from desktop_app.core.services import accounts  # noqa: E402

# Real argon2 parameters cost ~0.2 s a hash here; tests hash hundreds of passwords.
security._hasher = security.PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)

PG_ENV = "MEMBERSHIP_OFFICE_TEST_PG"
TODAY = dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
PASSWORD = "secret123"


def backends() -> list[str]:
    return ["sqlite", "postgresql"] if os.environ.get(PG_ENV) else ["sqlite"]


# Tests that need Qt carry the ``gui`` marker: every test under tests/ui/, and any test elsewhere that
# asks for a Qt fixture. ``pytest -m "not gui"`` runs the Qt-free suites (core, documents,
# spreadsheets, command line) without a display — and without PySide6 installed at all.
_QT_FIXTURES = {"qtbot", "qapp", "zh_app", "qtmodeltester"}
_HAVE_QT = importlib.util.find_spec("PySide6") is not None


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if not _HAVE_QT and "ui" in collection_path.relative_to(Path(__file__).parent).parts[:1]:
        return True  # the window's tests import Qt at the top
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    ui = Path(__file__).parent / "ui"
    for item in items:
        if ui in Path(str(item.fspath)).parents or _QT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)
        if not _HAVE_QT and item.get_closest_marker("gui") is not None:
            item.add_marker(pytest.mark.skip(reason="needs Qt (PySide6 is not installed)"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", backends(), scope="session")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_HOME, ignore_errors=True)


# --- databases -----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    open_database(f"sqlite:///{path}").dispose()
    return path


class _PostgresServer:
    """One scratch database per test session on the server named by MEMBERSHIP_OFFICE_TEST_PG."""

    def __init__(self, admin_url: str):
        self.admin = normalise_url(admin_url)
        self.name = f"mo_test_{uuid.uuid4().hex[:10]}"
        self._admin_engine = create_engine(self.admin, isolation_level="AUTOCOMMIT")
        with self._admin_engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        self.url = self.admin.set(database=self.name)
        open_database(self.url.render_as_string(hide_password=False)).dispose()
        self.engine = create_engine(self.url)

    def new_database(self, name: str | None = None) -> str:
        """Another empty database (for migration tests); dropped at the end."""
        name = name or f"{self.name}_{uuid.uuid4().hex[:6]}"
        with self._admin_engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        return self.admin.set(database=name).render_as_string(hide_password=False)

    def truncate(self) -> None:
        tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        with self.engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))

    def close(self) -> None:
        self.engine.dispose()
        with self._admin_engine.connect() as conn:
            rows = conn.execute(text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": f"{self.name}%"})
            for (name,) in list(rows):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            # the staff accounts' login roles and the office group roles (core/roles.py) are the
            # cluster's, not the database's: drop those this session made
            roles = conn.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p ORDER BY rolname DESC"), {"p": f"{self.name}%"}
            )
            for (role,) in list(roles):
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        self._admin_engine.dispose()


@pytest.fixture(scope="session")
def _postgres(backend: str) -> Iterator[_PostgresServer | None]:
    if backend != "postgresql":
        yield None
        return
    server = _PostgresServer(os.environ[PG_ENV])
    yield server
    server.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TODAY)


@pytest.fixture
def db_url(backend: str, _sqlite_template: Path, _postgres: _PostgresServer | None, tmp_path: Path) -> str:
    """A fresh, migrated, empty database for this test."""
    if backend == "sqlite":
        path = tmp_path / "membership.db"
        shutil.copy(_sqlite_template, path)
        return f"sqlite:///{path}"
    assert _postgres is not None
    _postgres.truncate()
    return _postgres.url.render_as_string(hide_password=False)


@pytest.fixture
def db(db_url: str, clock: FixedClock) -> Iterator[Database]:
    database = open_database(db_url, clock=clock)
    yield database
    database.dispose()


@pytest.fixture
def new_db_url(backend: str, _postgres: _PostgresServer | None, tmp_path: Path) -> str:
    """An empty database with no tables at all (for migration tests)."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.db'}"
    assert _postgres is not None
    return _postgres.new_database()


# --- people --------------------------------------------------------------------------------------


def make_staff(db: Database, role: Role, username: str | None = None, full_name: str | None = None) -> Actor:
    """An account of ``role`` (the first one becomes the administrator the first start creates)."""
    names = {
        Role.ADMINISTRATOR: "管理员",
        Role.MEMBERSHIP_OFFICER: "郑会籍",
        Role.MENTOR: "陈晓燕",
        Role.RESIDENT_LEADER: "罗振华",
    }
    username = username or role.value
    with db.session() as session:
        if accounts.needs_first_administrator(session):
            admin = accounts.create_first_administrator(session, "admin", "管理员", PASSWORD)
        else:
            admin = Actor.of(next(s for s in accounts.list_staff(session, role=Role.ADMINISTRATOR)))
        if role == Role.ADMINISTRATOR and username == "admin":
            return admin
        staff = accounts.create_staff(
            session, admin, {"username": username, "full_name": full_name or names[role], "role": role}, PASSWORD
        )
        return Actor.of(staff)


@pytest.fixture
def admin(db: Database) -> Actor:
    return make_staff(db, Role.ADMINISTRATOR)


@pytest.fixture
def officer(db: Database, admin: Actor) -> Actor:
    return make_staff(db, Role.MEMBERSHIP_OFFICER)


@pytest.fixture
def mentor(db: Database, admin: Actor) -> Actor:
    return make_staff(db, Role.MENTOR)


@pytest.fixture
def leader(db: Database, admin: Actor) -> Actor:
    return make_staff(db, Role.RESIDENT_LEADER)


# A valid construction enterprise, used across tests. Check character computed per GB 32100.
VALID_USCC = "914201001777158766"


@pytest.fixture
def member_values() -> dict:
    return {
        "name": "武汉市江岸区宏达建设工程有限公司",
        "uscc": VALID_USCC,
        "category": "construction_enterprise",
        "level": "member",
        "join_date": dt.date(2020, 10, 27),
        "address": "武汉市江岸区解放大道1399号",
        "postcode": "430010",
        "legal_representative_name": "王建国",
        "principal_name": "李志强",
        "liaison_name": "张丽",
        "liaison_mobile": "13871234567",
        "liaison_landline": "027-85771234",
    }


# --- the window ----------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _messages_in_chinese() -> Iterator[None]:
    """The services' messages render in Chinese unless a test switches the window to English
    (``create_application(language="en")`` does, process-wide): every test starts Chinese."""
    from desktop_app import messages as catalogue_messages

    catalogue_messages.set_language(catalogue_messages.CHINESE)
    yield
    catalogue_messages.set_language(catalogue_messages.CHINESE)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Message boxes recorded instead of shown; ``messages.answer`` answers questions."""
    from desktop_app.ui import msgbox

    class Recorder(list):
        answer = True

    recorder = Recorder()

    def handle(shown: msgbox.Shown) -> bool:
        recorder.append(shown)
        return recorder.answer

    monkeypatch.setattr(msgbox, "handler", handle)
    return recorder


@pytest.fixture
def zh_app(qapp):  # type: ignore[no-untyped-def]
    """The application speaking Chinese, as the office sees it."""
    from desktop_app.ui.app import create_application

    create_application(language="zh_CN")
    return qapp


@pytest.fixture(autouse=True)
def _no_leftover_windows(request: pytest.FixtureRequest) -> Iterator[None]:
    """A GUI test must close what it opens (napari fails tests that leak top-level widgets)."""
    yield
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui import ops

    ops.wait_all()
    QApplication.processEvents()
    leftovers = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in leftovers:
        widget.close()
    assert not leftovers, f"test left windows open: {leftovers}"
