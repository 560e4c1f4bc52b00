"""The member register: finding, reading, entering and correcting members (R-3.1, R-6.1, R-7.1)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, NamedTuple

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop_app.core import audit, pinyin
from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    CONTACT_FIELDS,
    CONTACT_ROLES,
    AuditEntry,
    Category,
    Member,
    MemberStatus,
    MentorAssignment,
    Role,
    Staff,
    build_search_text,
)
from desktop_app.core.numbering import next_number
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.settings import (
    CERTIFICATE_NUMBER_FORMAT,
    DEFAULT_LEVEL,
    MEMBER_NUMBER_FORMAT,
    get_setting,
    level_names,
    levels,
)
from desktop_app.core.validation import (
    CONTACT_LABELS,
    FieldError,
    check_category_matches,
    check_control_characters,
    check_organisation_name,
    clean_multiline,
    clean_name,
    clean_text,
    field_error,
    normalise_email,
    normalise_landline,
    normalise_mobile,
    normalise_postcode,
    parse_uscc,
    strip_control_characters,
)
from desktop_app.documents.inputs import ContactInput
from desktop_app.errors import ConflictError, NotFound, ValidationError
from desktop_app.messages import Renderable, say
from desktop_app.records import HistoryEntry

CONTACT_COLUMNS = tuple(f"{role}_{field}" for role in CONTACT_ROLES for field in CONTACT_FIELDS)
EDITABLE_FIELDS = (
    "name",
    "uscc",
    "category",
    "level",
    "status",
    "member_number",
    "certificate_number",
    "join_date",
    "main_business",
    "qualification",
    "district",
    "address",
    "postcode",
    *CONTACT_COLUMNS,
    "mentor_id",
    "left_date",
    "left_reason",
    "notes",
)
_CHECKERS = {"mobile": normalise_mobile, "landline": normalise_landline, "email": normalise_email}


def member_values(member: Member) -> dict[str, Any]:
    """The editable values of a member, as the editor shows them."""
    return {field: getattr(member, field) for field in EDITABLE_FIELDS}


# --- validation --------------------------------------------------------------------------------


def _as_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


class RegisterLookups:
    """What ``validate_member`` checks values against, one query each. The importer passes a
    subclass that answers from values read once for the whole workbook."""

    def __init__(self, session: Session):
        self.session = session

    def member_with(self, field: str, value: str) -> Member | None:
        """The member holding ``value`` in the unique column ``field`` (uscc, member or certificate number)."""
        return self.session.scalar(select(Member).where(getattr(Member, field) == value))

    def staff(self, staff_id: int) -> Staff | None:
        return self.session.get(Staff, staff_id)

    def level_names(self) -> dict[str, str]:
        return level_names(self.session)


def validate_member(
    session: Session, values: dict[str, Any], *, member_id: int | None = None, lookups: RegisterLookups | None = None
) -> dict[str, Any]:
    """Normalise ``values`` and check every field; raise ``ValidationError`` naming each bad field.

    Only the keys present in ``values`` are returned; missing required ones are errors.
    """
    errors: dict[str, Renderable] = {}
    out: dict[str, Any] = {}
    lookups = lookups or RegisterLookups(session)

    def fail(field: str, message: Renderable) -> None:
        errors[field] = field_error(field, message)

    try:
        out["name"] = check_organisation_name(values.get("name"))
    except FieldError as exc:
        fail("name", exc.text)

    info = None
    try:
        info = parse_uscc(values.get("uscc"))
        out["uscc"] = info.code
    except FieldError as exc:
        fail("uscc", exc.text)

    category = values.get("category")
    try:
        out["category"] = Category(category.value if isinstance(category, Category) else category)
    except ValueError:
        fail("category", say("members.choose_category"))
    if info is not None and "category" in out:
        try:
            check_category_matches(out["category"], info)
        except FieldError as exc:
            fail("category", exc.text)

    level = values.get("level")
    known_levels = lookups.level_names()
    if level not in known_levels:
        fail("level", say("members.choose_level") if not level else say("members.unknown_level", level=level))
    else:
        out["level"] = level

    status = values.get("status", MemberStatus.ACTIVE)
    try:
        out["status"] = MemberStatus(status.value if isinstance(status, MemberStatus) else status)
    except ValueError:
        fail("status", say("members.choose_status"))

    for field in ("join_date", "left_date"):
        if field in values:
            try:
                out[field] = _as_date(values[field])
            except ValueError:
                fail(field, say("members.bad_date"))
    if (
        out.get("status", MemberStatus.ACTIVE) != MemberStatus.ACTIVE
        and "left_date" in values
        and not out.get("left_date")
    ):
        fail("left_date", say("members.left_date_required"))
    if out.get("join_date") and out.get("left_date") and out["left_date"] < out["join_date"]:
        fail("left_date", say("members.before_join_date"))
    if out.get("join_date") and out["join_date"] > clock_of(session).today():
        fail("join_date", say("members.after_today"))

    for field in ("main_business", "qualification", "district", "address", "notes", "left_reason"):
        if field in values:
            try:
                text = (
                    clean_multiline(values[field]) if field in ("notes", "left_reason") else clean_text(values[field])
                )
            except FieldError as exc:
                fail(field, exc.text)
                continue
            out[field] = text or None

    if "postcode" in values:
        raw = values["postcode"]
        try:
            out["postcode"] = normalise_postcode(raw) if clean_text(raw) else None
        except FieldError as exc:
            fail("postcode", exc.text)

    for role in CONTACT_ROLES:
        for field in CONTACT_FIELDS:
            column = f"{role}_{field}"
            if column not in values:
                continue
            raw = values[column]
            checker = _CHECKERS.get(field)
            try:
                if not clean_text(raw):
                    out[column] = None
                    continue
                out[column] = checker(raw) if checker else clean_name(raw)
            except FieldError as exc:
                fail(column, exc.text)

    for field in ("member_number", "certificate_number"):
        if field in values:
            try:
                check_control_characters(values[field])
            except FieldError as exc:
                fail(field, exc.text)
                continue
            number = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(values[field] or ""))).upper()
            out[field] = number or None
            if number:
                clash = lookups.member_with(field, number)
                if clash is not None and clash.id != member_id:
                    fail(field, say("members.number_taken", number=number, name=clash.name))

    if "mentor_id" in values:
        mentor_id = values["mentor_id"] or None
        if mentor_id is not None:
            mentor = lookups.staff(mentor_id)
            if mentor is None or mentor.role != Role.MENTOR or not mentor.is_active:
                fail("mentor_id", say("members.not_a_mentor"))
        out["mentor_id"] = mentor_id

    if "uscc" in out:
        clash = lookups.member_with("uscc", out["uscc"])
        if clash is not None and clash.id != member_id:
            fail(
                "uscc",
                say("members.uscc_taken", name=clash.name, member_number=clash.member_number, label=clash.status.label),
            )

    # Nothing longer than its column: PostgreSQL would refuse it with a raw error, and cutting it
    # silently would lose what the office typed.
    for field, value in out.items():
        length = getattr(Member.__table__.c[field].type, "length", None) if field in Member.__table__.c else None
        if isinstance(value, str) and length and len(value) > length and field not in errors:
            fail(field, say("members.too_long", length=length, count=len(value)))

    if errors:
        raise ValidationError(errors)
    return out


# --- writing -----------------------------------------------------------------------------------


def set_mentor(session: Session, actor: Actor, member: Member, mentor_id: int | None, note: str | None = None) -> None:
    """R-7.1: one mentor at a time; the previous assignment is closed, the history kept. The rule
    stays with the register's ``mentor_id`` it guards; allocating is ``services.mentors``."""
    today = clock_of(session).today()
    current = session.scalar(
        select(MentorAssignment).where(MentorAssignment.member_id == member.id, MentorAssignment.end_date.is_(None))
    )
    if current is not None:
        if current.mentor_id == mentor_id:
            return
        current.end_date = today
    if mentor_id is not None:
        session.add(
            MentorAssignment(
                member_id=member.id, mentor_id=mentor_id, start_date=today, assigned_by_id=actor.id, note=note
            )
        )
    member.mentor_id = mentor_id


def create_member(session: Session, actor: Actor, values: dict[str, Any]) -> Member:
    """Enter a member by hand (historic members, corrections); numbers are assigned if blank."""
    require(actor, Permission.EDIT_MEMBERS)
    values = {**values}
    values.setdefault("level", get_setting(session, DEFAULT_LEVEL))
    values.setdefault("status", MemberStatus.ACTIVE)
    checked = validate_member(session, values)
    if checked.get("mentor_id") is not None:
        require(actor, Permission.ASSIGN_MENTORS)
    if not checked.get("member_number"):
        checked["member_number"] = next_number(
            session, "member", MEMBER_NUMBER_FORMAT, _taken(session, "member_number")
        )
    now = clock_of(session).now()
    member = Member(**checked, created_at=now, updated_at=now, search_text="")
    member.search_text = build_search_text(member)
    session.add(member)
    session.flush()
    if member.mentor_id is not None:
        session.add(
            MentorAssignment(
                member_id=member.id,
                mentor_id=member.mentor_id,
                start_date=clock_of(session).today(),
                assigned_by_id=actor.id,
            )
        )
    audit.record(
        session,
        actor,
        "create",
        "member",
        member.id,
        say("members.history.created", name=member.name),
        after={k: v for k, v in member_values(member).items() if v not in (None, "")},
    )
    return member


def _taken(session: Session, field: str):  # type: ignore[no-untyped-def]
    column = getattr(Member, field)
    return lambda number: session.scalar(select(Member.id).where(column == number)) is not None


def assign_certificate_number(session: Session, member: Member) -> str:
    """The next certificate number (used at registration and for historic members without one)."""
    number = next_number(session, "certificate", CERTIFICATE_NUMBER_FORMAT, _taken(session, "certificate_number"))
    member.certificate_number = number
    return number


# --- withdrawal (issue 15) -----------------------------------------------------------------------
# A membership ends only by the member's letter or by a cancellation the council confirmed
# and starts again only by re-admission or an appeal. Those procedures
# (services.withdrawal, admission's registration) change the status, the leaving date and the
# reason through ``set_membership``; a correction in the register's editor never does.
MEMBERSHIP_FIELDS = ("status", "left_date", "left_reason")


def membership_change_refusals(member: Member, checked: dict[str, Any]) -> dict[str, str]:
    """The membership fields ``checked`` would change, each with the reason it may not."""
    return {
        field: field_error(field, say("members.membership_by_procedure_only"))
        for field in MEMBERSHIP_FIELDS
        if field in checked and (checked[field] or None) != (getattr(member, field) or None)
    }


def set_membership(
    session: Session,
    actor: Actor,
    member: Member,
    status: MemberStatus,
    left_date: dt.date | None,
    left_reason: str | None,
    summary: str,
) -> None:
    """Change the membership status (R-11.1 … R-15.1) for the procedures above, which check their
    own permission; audited like any change of the member."""
    before = {field: getattr(member, field) for field in MEMBERSHIP_FIELDS}
    member.status, member.left_date, member.left_reason = status, left_date, left_reason
    member.updated_at = clock_of(session).now()
    session.flush()
    old, new = audit.changed_values(before, {field: getattr(member, field) for field in MEMBERSHIP_FIELDS})
    audit.record(session, actor, "membership", "member", member.id, summary, old, new)


# --- end withdrawal (issue 15) -------------------------------------------------------------------


def update_member(
    session: Session, actor: Actor, member_id: int, expected_version: int, values: dict[str, Any]
) -> Member:
    """Save corrections made to a member loaded at ``expected_version``.

    If someone else saved the member in between, nothing is written and ``ConflictError`` says
    who and when; their save is kept.
    """
    require(actor, Permission.EDIT_MEMBERS)
    member = get_member(session, member_id)
    if member.version != expected_version:
        raise ConflictError(conflict_message(session, member))
    before = member_values(member)
    checked = validate_member(session, {**before, **values}, member_id=member_id)
    refused = membership_change_refusals(member, checked)  # withdrawal (issue 15)
    if refused:
        raise ValidationError(refused)
    mentor_id = checked.pop("mentor_id", member.mentor_id)
    if mentor_id != member.mentor_id:
        require(actor, Permission.ASSIGN_MENTORS)
    with session.no_autoflush:  # one UPDATE, so the version goes up by exactly one
        for key, value in checked.items():
            setattr(member, key, value)
        set_mentor(session, actor, member, mentor_id)
        old, new = audit.changed_values(before, member_values(member))
        if not new:
            return member
        member.search_text = build_search_text(member)
        member.updated_at = clock_of(session).now()
    try:
        session.flush()  # UPDATE ... WHERE version = expected: a race lost here is a conflict too
    except StaleDataError as exc:
        session.rollback()
        raise ConflictError(say("members.changed_meanwhile")) from exc
    audit.record(
        session, actor, "update", "member", member.id, say("members.history.changed", name=member.name), old, new
    )
    return member


def conflict_message(session: Session, member: Member) -> str:
    last = session.scalar(
        select(AuditEntry)
        .where(AuditEntry.entity_type == "member", AuditEntry.entity_id == member.id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(1)
    )
    if last is not None:
        local = last.at.astimezone(clock_of(session).now().tzinfo)
        return say("members.conflict_by", name=member.name, who=last.actor_name, when=f"{local:%Y-%m-%d %H:%M}")
    return say("members.conflict", name=member.name)


# --- reading -----------------------------------------------------------------------------------


def get_member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound(say("members.not_found"))
    return member


def member_history(session: Session, member_id: int) -> list[HistoryEntry]:
    """The member's changes, newest first (R-2.1: who changed what)."""
    return [
        HistoryEntry(
            at=entry.at,
            actor_id=entry.actor_id,
            actor_name=entry.actor_name,
            action=entry.action,
            summary=entry.summary,
            before=dict(entry.before or {}),
            after=dict(entry.after or {}),
        )
        for entry in audit.history(session, "member", member_id)
    ]


@dataclass(frozen=True)
class MemberRecord:
    """A member as the editor shows it: its editable values and the version they were read at
    (the version goes back with a correction: ``update_member`` refuses a stale one)."""

    id: int
    version: int
    values: Mapping[str, Any]  # EDITABLE_FIELDS → value

    @property
    def name(self) -> str:
        return str(self.values["name"])

    @property
    def member_number(self) -> str | None:
        return self.values.get("member_number")


def member_record(session: Session, member_id: int) -> MemberRecord:
    member = get_member(session, member_id)
    return MemberRecord(member.id, member.version, MappingProxyType(member_values(member)))


@dataclass(frozen=True)
class MemberFilter:
    """What the register shows: one search text plus the filters. ``None`` means any."""

    text: str = ""
    status: MemberStatus | None = None
    level: str | None = None
    category: Category | None = None
    mentor_id: int | None = None  # 0 = members without a mentor


def normalise_search_text(text: str) -> str:
    # Control characters are dropped, not refused: a NUL made SQLite's LIKE match every member
    # and PostgreSQL raise; a box holding only control characters is an empty search.
    text = unicodedata.normalize("NFKC", strip_control_characters(text)).strip().lower()
    text = re.sub(r"\s+", "", text) if re.fullmatch(r"[\d\s\-a-z]+", text) else text
    if re.fullmatch(r"[\d\-]+", text):  # a phone number typed with dashes
        text = text.replace("-", "")
    return text


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _apply_filter(query: Select, flt: MemberFilter) -> Select:
    text = normalise_search_text(flt.text)
    if text and text.isascii() and text.isalpha() and not pinyin.could_be_full_pinyin(text):
        # Letters that can only be initials (whzs, sjg): the narrow column of the names' initials
        # (and the member numbers' letters) — an eighth of the search text to read (issue 16).
        query = query.where(Member.pinyin_initials.like(f"%{escape_like(text)}%", escape="\\"))
    elif text:
        query = query.where(Member.search_text.like(f"%{escape_like(text)}%", escape="\\"))
    if flt.status is not None:
        query = query.where(Member.status == flt.status)
    if flt.level:
        query = query.where(Member.level == flt.level)
    if flt.category is not None:
        query = query.where(Member.category == flt.category)
    if flt.mentor_id == 0:
        query = query.where(Member.mentor_id.is_(None))
    elif flt.mentor_id is not None:
        query = query.where(Member.mentor_id == flt.mentor_id)
    return query


SORT_KEYS = (
    "member_number",
    "name",
    "uscc",
    "level",
    "category",
    "status",
    "mentor",
    "liaison_name",
    "liaison_mobile",
    "join_date",
)

# The labels in pinyin order — 产业链… chan, 建筑业… jian, 社会… she, 事业… shi; 已取消… yi qu, 已退会
# yi tui, 正常 zheng — written out so that sorting the register loads no pinyin dictionary (memory,
# issue 16); tests/core/test_pinyin.py checks them against pinyin.sort_key.
CATEGORY_ORDER = (
    Category.INDUSTRY_CHAIN_ENTERPRISE,
    Category.CONSTRUCTION_ENTERPRISE,
    Category.SOCIAL_ORGANISATION,
    Category.PUBLIC_INSTITUTION,
)
STATUS_ORDER = (MemberStatus.CANCELLED, MemberStatus.WITHDRAWN, MemberStatus.ACTIVE)

# Names sort by their pinyin key (issue 16: 湖北 before 武汉, as WPS and Excel sort), each over an
# index of (key, id) so the first page is read straight off the index.
PINYIN_SORT = {"name": Member.name_pinyin, "liaison_name": Member.liaison_name_pinyin}


def _rank(order: Mapping[Any, int], column: Any):  # type: ignore[no-untyped-def]
    return case(dict(order), value=column, else_=len(order))


def _sort_expression(session: Session, key: str):  # type: ignore[no-untyped-def]
    if key == "level":  # the order of the levels setting (会员 … 会长单位), not the names'
        return _rank({level["code"]: rank for rank, level in enumerate(levels(session))}, Member.level)
    if key == "category":  # the labels' pinyin order, as the column shows them
        return _rank({c.value: rank for rank, c in enumerate(CATEGORY_ORDER)}, Member.category)
    if key == "status":
        return _rank({s.value: rank for rank, s in enumerate(STATUS_ORDER)}, Member.status)
    if key == "mentor":  # the mentors' names in pinyin order (a handful of staff), no mentor last
        mentors = session.execute(select(Staff.id, Staff.full_name_pinyin, Staff.full_name)).all()
        ranked = sorted(mentors, key=lambda m: (m[1], m[2], m[0]))
        return _rank({m[0]: rank for rank, m in enumerate(ranked)}, Member.mentor_id)
    if key in PINYIN_SORT:
        return PINYIN_SORT[key]
    return getattr(Member, key)


def search_member_ids(
    session: Session,
    flt: MemberFilter,
    *,
    sort: str = "member_number",
    descending: bool = False,
    limit: int | None = None,
) -> list[int]:
    """The ids of the matching members in display order; the register fetches rows by id."""
    if sort not in SORT_KEYS:
        raise ValueError(sort)
    expression = _sort_expression(session, sort)
    order = [expression.desc() if descending else expression.asc(), Member.id.desc() if descending else Member.id]
    if limit is not None and normalise_search_text(flt.text):
        # A search's first page (issue 16). Walking the sort's index and testing each member stops
        # early when many match (建设), but reads every row of the table when few do (whzs: 78 of
        # 100,000). So first look for more than a page of matches in the narrow search index alone,
        # unsorted; when there are no more than that, sort just those.
        probe = limit + 1
        found = list(session.scalars(_apply_filter(select(Member.id), flt).limit(probe)))
        if len(found) < probe:
            if not found:
                return []
            return list(session.scalars(select(Member.id).where(Member.id.in_(found)).order_by(*order).limit(limit)))
    query = _apply_filter(select(Member.id), flt).order_by(*order)
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def count_members(session: Session, flt: MemberFilter = MemberFilter()) -> int:
    return session.scalar(_apply_filter(select(func.count(Member.id)), flt)) or 0


class RegisterRow(NamedTuple):
    id: int
    member_number: str
    name: str
    uscc: str
    level: str
    category: Category
    status: MemberStatus
    mentor_name: str | None
    liaison_name: str | None
    liaison_mobile: str | None
    join_date: dt.date | None


def register_rows(session: Session, ids: list[int]) -> dict[int, RegisterRow]:
    """The register's columns for the given members (one query for a screenful)."""
    if not ids:
        return {}
    query = (
        select(
            Member.id,
            Member.member_number,
            Member.name,
            Member.uscc,
            Member.level,
            Member.category,
            Member.status,
            Staff.full_name,
            Member.liaison_name,
            Member.liaison_mobile,
            Member.join_date,
        )
        .outerjoin(Staff, Staff.id == Member.mentor_id)
        .where(Member.id.in_(ids))
    )
    return {row[0]: RegisterRow(*row) for row in session.execute(query)}


# --- a member's facts as documents print them -----------------------------------------------------

RECIPIENTS = (("liaison", "联络员"), ("principal", "主要负责人"), ("legal_representative", "法定代表人"))


def level_name(session: Session, member: Member) -> str:
    return level_names(session).get(member.level, member.level)


def contact_of(member: Member, role: str) -> ContactInput:
    return ContactInput(
        CONTACT_LABELS[role],
        *(getattr(member, f"{role}_{f}") for f in ("name", "position", "mobile", "landline", "wechat", "email")),
    )


def person_of(member: Member, role: str) -> tuple[str | None, str | None]:
    """(“张丽（办公室主任）”, phone) of a member's person, falling back to the next person."""
    order = [role] + [r for r, _l in RECIPIENTS if r != role]
    for candidate in order:
        name = getattr(member, f"{candidate}_name")
        if name:
            position = getattr(member, f"{candidate}_position")
            phone = getattr(member, f"{candidate}_mobile") or getattr(member, f"{candidate}_landline")
            return (f"{name}（{position}）" if position else name), phone
    return None, None
