"""PostgreSQL enforces the office roles itself (issue 10): one login role per staff account, one
group role per office role, privileges per table and column, an append-only audit log.

Without this, anyone holding the one shared owner credential could, with ``psql``, make a mentor
an administrator or rewrite the audit log. Now:

- each staff account signs in to the server as its own login role (SCRAM authentication by the
  server); a workstation needs only the server's address (``postgresql://server/membership``),
  never a shared password;
- each office role is a group role (``<database>_g_<role>``) holding exactly the privileges its
  services need (``PRIVILEGES`` below; a test checks every table is listed);
- the owner role (the one in the URL that runs ``migrate`` and ``create-admin``) owns the tables;
  the administrators' login roles may create, rename, disable and re-password staff roles
  (``CREATEROLE``), which the program does when the administrator manages staff;
- the audit log is append-only for everyone but the owner: no UPDATE/DELETE privilege, and a
  trigger that refuses them (and TRUNCATE) for any other role.

On SQLite (one workstation) nothing here applies: whoever can read the file is the trust boundary.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text
from sqlalchemy.engine import URL

from desktop_app.core.models import Role
from desktop_app.core.security import scram_sha_256
from desktop_app.errors import AuthenticationError, OfficeError
from desktop_app.messages import say

if TYPE_CHECKING:
    from desktop_app.core.db import Database

GROUP_SUFFIX = {
    Role.ADMINISTRATOR: "administrator",
    Role.MEMBERSHIP_OFFICER: "officer",
    Role.MENTOR: "mentor",
    Role.RESIDENT_LEADER: "leader",
}

EVERYONE = tuple(GROUP_SUFFIX)
OFFICE = (Role.ADMINISTRATOR, Role.MEMBERSHIP_OFFICER)

# Every column of ``staff`` except the password hash, which only administrators read.
STAFF_PUBLIC_COLUMNS = (
    "id",
    "username",
    "full_name",
    "full_name_pinyin",  # issue 16: the pinyin sort key
    "role",
    "mobile",
    "landline",
    "is_active",
    "created_at",
    "last_sign_in_at",
    "failed_sign_ins",
    "locked_until",
)
SIGN_IN_COLUMNS = ("last_sign_in_at", "failed_sign_ins", "locked_until")

# table -> [(privilege, roles)]; a privilege may name columns: "UPDATE (a, b)".
# Everyone reads (the register, the queue, the settings); writes follow the services.
PRIVILEGES: dict[str, list[tuple[str, tuple[Role, ...]]]] = {
    "alembic_version": [("SELECT", EVERYONE)],
    "setting": [("SELECT", EVERYONE), ("INSERT, UPDATE", (Role.ADMINISTRATOR,))],
    "staff": [
        (f"SELECT ({', '.join(STAFF_PUBLIC_COLUMNS)})", EVERYONE),
        (f"UPDATE ({', '.join(SIGN_IN_COLUMNS)})", EVERYONE),  # one's own sign-in
        ("SELECT, INSERT, UPDATE", (Role.ADMINISTRATOR,)),
    ],
    "audit_log": [("SELECT, INSERT", EVERYONE)],  # never UPDATE or DELETE (and the trigger)
    "number_sequence": [("SELECT", EVERYONE), ("INSERT, UPDATE", OFFICE)],
    "member": [("SELECT", EVERYONE), ("INSERT, UPDATE", OFFICE)],
    "mentor_assignment": [("SELECT", EVERYONE), ("INSERT, UPDATE", OFFICE)],
    "application": [
        ("SELECT", EVERYONE),
        ("INSERT, UPDATE", OFFICE),
        ("UPDATE", (Role.RESIDENT_LEADER,)),  # approval, sign-off, back-payment, send back, decline
        ("UPDATE (updated_at, version)", (Role.MENTOR,)),  # an attachment touches the application
    ],
    "application_event": [("SELECT, INSERT", EVERYONE)],
    "application_document": [("SELECT", EVERYONE), ("INSERT, DELETE", (*OFFICE, Role.MENTOR))],
    "print_job": [("SELECT", EVERYONE), ("INSERT, UPDATE", OFFICE)],
    "dues_receipt": [("SELECT", EVERYONE), ("INSERT", OFFICE), ("UPDATE", OFFICE)],  # UPDATE: issue 13
    # --- mentors (issue 12) ---
    # The office files members under a business kind (and back to the keywords: DELETE).
    "member_business_kind": [("SELECT", EVERYONE), ("INSERT, UPDATE, DELETE", OFFICE)],
    # A mentor records its own members' WeChat status, contacts, circulation and news (the service
    # checks "own"); a contact entry is a log: only its follow-up is completed afterwards.
    "wechat_membership": [("SELECT", EVERYONE), ("INSERT, UPDATE", (*OFFICE, Role.MENTOR))],
    "contact_entry": [
        ("SELECT", EVERYONE),
        ("INSERT", (*OFFICE, Role.MENTOR)),
        ("UPDATE (follow_up_done_on, follow_up_result)", (*OFFICE, Role.MENTOR)),
    ],
    "circulation": [("SELECT", EVERYONE), ("INSERT", (*OFFICE, Role.MENTOR))],
    "circulation_recipient": [("SELECT", EVERYONE), ("INSERT", (*OFFICE, Role.MENTOR))],
    "member_news": [("SELECT", EVERYONE), ("INSERT", (*OFFICE, Role.MENTOR)), ("UPDATE", OFFICE)],
    # The mentor files handover forms and nominations; the office decides them.
    "handover_form": [("SELECT", EVERYONE), ("INSERT", (Role.ADMINISTRATOR, Role.MENTOR)), ("UPDATE", OFFICE)],
    "handover_change": [("SELECT", EVERYONE), ("INSERT", (Role.ADMINISTRATOR, Role.MENTOR))],
    "liaison_nomination": [("SELECT", EVERYONE), ("INSERT", (Role.ADMINISTRATOR, Role.MENTOR)), ("UPDATE", OFFICE)],
    # --- dues (issue 13) ---
    # The office bills and records payments, receipts and bank statements; a mentor reads its own
    # members' dues (the service filters; the table is readable as the register is). A resident
    # leader's consent lowers the bill it is for; granting the back-payment route may bill
    # the years owed. Money rows are never updated except for the running sums and the
    # member an application's rows pass to at registration; never deleted.
    "dues_bill": [
        ("SELECT", EVERYONE),
        ("INSERT, UPDATE", OFFICE),
        ("INSERT", (Role.RESIDENT_LEADER,)),
        ("UPDATE (due, settled, consent_id)", (Role.RESIDENT_LEADER,)),
    ],
    "dues_consent": [("SELECT", EVERYONE), ("INSERT", (Role.RESIDENT_LEADER,)), ("UPDATE (member_id)", OFFICE)],
    "dues_payment": [("SELECT", EVERYONE), ("INSERT", OFFICE), ("UPDATE (allocated, member_id)", OFFICE)],
    "dues_allocation": [("SELECT", EVERYONE), ("INSERT", OFFICE)],
    "bank_statement": [("SELECT", (*OFFICE, Role.RESIDENT_LEADER)), ("INSERT", OFFICE)],
    "bank_statement_line": [("SELECT", (*OFFICE, Role.RESIDENT_LEADER)), ("INSERT, UPDATE", OFFICE)],
    # --- mailing (issue 14) ---
    # The office composes and tracks batches; a mentor records the proof of its own members' post
    # (photos, the liaison told) and sets their mailing contact — the service checks
    # "own". Returned mail marks the member's address as doubtful (the office, on the preference).
    "mailing_batch": [("SELECT", EVERYONE), ("INSERT, UPDATE, DELETE", OFFICE)],
    "mailing_content": [("SELECT", EVERYONE), ("INSERT, UPDATE, DELETE", OFFICE)],
    "mailing_recipient": [
        ("SELECT", EVERYONE),
        ("INSERT, UPDATE, DELETE", OFFICE),
        ("UPDATE (notified_at, notified_by_id, notified_by_name, notify_note, updated_at)", (Role.MENTOR,)),
    ],
    "mailing_recipient_content": [("SELECT", EVERYONE), ("INSERT, UPDATE, DELETE", OFFICE)],
    "mailing_proof": [("SELECT", EVERYONE), ("INSERT, DELETE", (*OFFICE, Role.MENTOR))],
    "mailing_preference": [("SELECT", EVERYONE), ("INSERT, UPDATE", (*OFFICE, Role.MENTOR))],
    # --- withdrawal (issue 15) ---
    "activity": [("SELECT", EVERYONE), ("INSERT, UPDATE, DELETE", OFFICE)],
    "attendance": [("SELECT", EVERYONE), ("INSERT, UPDATE, DELETE", OFFICE)],
    "sign_in_row": [("SELECT", EVERYONE), ("INSERT, UPDATE", OFFICE)],
    "membership_spell": [("SELECT", EVERYONE), ("INSERT, UPDATE", OFFICE)],
    "disqualification": [("SELECT", EVERYONE), ("INSERT, UPDATE", OFFICE)],
    "withdrawal_case": [("SELECT", EVERYONE), ("INSERT, UPDATE", OFFICE)],
    "case_ground": [("SELECT", EVERYONE), ("INSERT", OFFICE)],
    "withdrawal_document": [("SELECT", EVERYONE), ("INSERT", OFFICE)],
    "appeal": [("SELECT", EVERYONE), ("INSERT, UPDATE", OFFICE)],
    "member_position": [("SELECT", EVERYONE), ("INSERT, UPDATE", OFFICE)],
    "withdrawal_task": [
        ("SELECT", EVERYONE),
        ("INSERT, UPDATE", OFFICE),
        ("UPDATE (status, done_on, done_by_id, note)", (Role.MENTOR,)),  # the mentor ticks off its task
    ],
    # --- reports (issue 17) ---
    # The office edits the half-yearly proposals and records each roster it publishes;
    # the resident leader reads the proposals; the publication log is no secret.
    "mentor_report_proposal": [("SELECT", (*OFFICE, Role.RESIDENT_LEADER)), ("INSERT, UPDATE", OFFICE)],
    "roster_publication": [("SELECT", EVERYONE), ("INSERT", OFFICE)],
}

_NAME = re.compile(r"^[a-z0-9_.\-]+$")


def is_postgresql(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def _database(connection: Connection) -> str:
    return connection.execute(text("SELECT current_database()")).scalar_one()


def group_role(database: str, role: Role) -> str:
    return f"{database}_g_{GROUP_SUFFIX[role]}"


def login_role(database: str, username: str) -> str:
    """The server role a staff account signs in as: ``<database>_u_<user name>``, lower case."""
    name = f"{database}_u_{username.strip().lower()}"
    if len(name.encode("utf-8")) > 63:
        raise OfficeError(say("accounts.username_too_long_for_server", username=username, database=database))
    return name


def _quote(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote_identifier(name)


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _exists(connection: Connection, role: str) -> bool:
    return bool(connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).scalar())


def _owner(connection: Connection) -> str:
    return connection.execute(
        text("SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'alembic_version'")
    ).scalar_one()


def is_role_connection(connection: Connection) -> bool:
    """Whether this connection is a staff account's own server role (not the owner's)."""
    if not is_postgresql(connection):
        return False
    return connection.execute(text("SELECT current_user")).scalar_one() != _owner(connection)


# --- the owner, after every upgrade -----------------------------------------------------------


def apply_privileges(connection: Connection) -> None:
    """Create the group roles and (re)grant exactly ``PRIVILEGES``; the audit log's trigger.
    Run by the owner after every upgrade (``core/migrate.py``) and by ``migrate``; idempotent."""
    if not is_postgresql(connection):
        return
    database = _database(connection)
    q = lambda name: _quote(connection, name)  # noqa: E731
    groups = {role: group_role(database, role) for role in GROUP_SUFFIX}
    for group in groups.values():
        if not _exists(connection, group):
            connection.execute(text(f"CREATE ROLE {q(group)} NOLOGIN"))
        connection.execute(text(f"GRANT CONNECT ON DATABASE {q(database)} TO {q(group)}"))
        connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {q(group)}"))
        connection.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {q(group)}"))
        connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {q(group)}"))
    for table, grants in PRIVILEGES.items():
        for privilege, roles in grants:
            for role in roles:
                connection.execute(text(f"GRANT {privilege} ON {q(table)} TO {q(groups[role])}"))
    owner = _owner(connection)
    connection.execute(
        text(f"""
        CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_user <> {_literal(owner)} THEN
                RAISE EXCEPTION '审计日志只能追加，不能修改或删除（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END $$
    """)
    )
    connection.execute(text("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log"))
    connection.execute(
        text(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )
    )
    connection.execute(text("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log"))
    connection.execute(
        text(
            "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
        )
    )


# --- staff management: the program keeps each account's login role in step -----------------------


def _grant_role(connection: Connection, database: str, login: str, role: Role) -> None:
    q = lambda name: _quote(connection, name)  # noqa: E731
    for other in GROUP_SUFFIX:  # exactly one office role
        if other != role:
            connection.execute(text(f"REVOKE {q(group_role(database, other))} FROM {q(login)}"))
    if role == Role.ADMINISTRATOR:
        # administrators manage staff: they create the other accounts' roles and grant their groups
        connection.execute(text(f"ALTER ROLE {q(login)} CREATEROLE"))
        for group in GROUP_SUFFIX:
            connection.execute(text(f"GRANT {q(group_role(database, group))} TO {q(login)} WITH ADMIN OPTION"))
    else:
        connection.execute(text(f"ALTER ROLE {q(login)} NOCREATEROLE"))
        connection.execute(text(f"GRANT {q(group_role(database, role))} TO {q(login)}"))


def create_login(connection: Connection, username: str, role: Role, password: str) -> None:
    if not is_postgresql(connection):
        return
    database = _database(connection)
    login = login_role(database, username)
    verifier = _literal(scram_sha_256(password))
    if _exists(connection, login):  # an account of that name existed before: take its role over
        connection.exec_driver_sql(f"ALTER ROLE {_quote(connection, login)} LOGIN PASSWORD {verifier}")
    else:
        connection.exec_driver_sql(f"CREATE ROLE {_quote(connection, login)} LOGIN PASSWORD {verifier}")
    _grant_role(connection, database, login, role)


def update_login(connection: Connection, old_username: str, username: str, role: Role, active: bool) -> None:
    if not is_postgresql(connection):
        return
    database = _database(connection)
    old, new = login_role(database, old_username), login_role(database, username)
    q = lambda name: _quote(connection, name)  # noqa: E731
    if not _exists(connection, old):
        raise OfficeError(say("accounts.no_server_role", old_username=old_username))
    if old != new:
        connection.execute(text(f"ALTER ROLE {q(old)} RENAME TO {q(new)}"))
    connection.execute(text(f"ALTER ROLE {q(new)} {'LOGIN' if active else 'NOLOGIN'}"))
    _grant_role(connection, database, new, role)


def set_password(connection: Connection, username: str, password: str) -> None:
    if not is_postgresql(connection):
        return
    login = login_role(_database(connection), username)
    # exec_driver_sql: the verifier's ":" would read as a bind parameter in text()
    connection.exec_driver_sql(f"ALTER ROLE {_quote(connection, login)} PASSWORD {_literal(scram_sha_256(password))}")


# --- signing in as one's own role -----------------------------------------------------------------


def uses_server_roles(url: URL) -> bool:
    """A PostgreSQL URL without a user name: every workstation signs in as its own server role."""
    return url.get_backend_name() == "postgresql" and not url.username


def connect_as(url: URL, username: str, password: str, **kwargs) -> Database:  # type: ignore[no-untyped-def]
    """Open the database as ``username``'s login role; the server checks the password (SCRAM).
    The schema must be current: upgrading is the owner's ``migrate``."""
    from sqlalchemy.exc import OperationalError

    from desktop_app.core.db import Database
    from desktop_app.core.schema import check_current

    name = (username or "").strip().lower()
    if not name or not _NAME.match(name) or not password:
        raise AuthenticationError(say("accounts.wrong_credentials"))
    db = Database(url.set(username=login_role(url.database or "", name), password=password), **kwargs)
    try:
        with db.engine.connect() as connection:
            check_current(connection)
    except OperationalError as exc:
        db.dispose()
        text_ = str(exc.orig) if exc.orig is not None else str(exc)
        if "authentication failed" in text_ or "does not exist" in text_ or "not permitted to log in" in text_:
            raise AuthenticationError(say("accounts.wrong_credentials_or_disabled")) from None
        raise
    except BaseException:
        db.dispose()
        raise
    return db
