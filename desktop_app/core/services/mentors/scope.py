"""Who may see and do what in the mentors' work, and the small checks every part shares.

A mentor works on its own members only (R-7.1: one mentor per member; R-8.1 … R-8.4): the
services check it on every call, whoever calls them. The office sees everything; the resident
leader reads. ``own_only`` is the one place that says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.db import clock_of
from desktop_app.core.models import Member, Role, Staff
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services.members import get_member
from desktop_app.core.validation import FieldError, clean_multiline, clean_name, clean_text
from desktop_app.errors import NotFound, PermissionDenied, ValidationError
from desktop_app.messages import Renderable, say


def own_only(actor: Actor) -> bool:
    """A mentor sees and works on the members it mentors now, nobody else's."""
    return actor.role == Role.MENTOR


def not_yours(member_name: str) -> PermissionDenied:
    return PermissionDenied(say("mentors.not_your_member", member_name=member_name))


def check_own(actor: Actor, member: Member) -> None:
    if own_only(actor) and member.mentor_id != actor.id:
        raise not_yours(member.name)


def member_for(session: Session, actor: Actor, member_id: int, permission: Permission) -> Member:
    """The member, when ``actor`` may do ``permission`` for it."""
    require(actor, permission)
    member = get_member(session, member_id)
    check_own(actor, member)
    return member


def members_for(session: Session, actor: Actor, member_ids: Iterable[int], permission: Permission) -> list[Member]:
    """Several members at once (one query), in the order given; every one must be the actor's."""
    require(actor, permission)
    wanted = list(dict.fromkeys(member_ids))
    found = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_(wanted)))} if wanted else {}
    missing = [str(i) for i in wanted if i not in found]
    if missing:
        raise NotFound(say("mentors.members_not_found", join=list(missing)))
    members = [found[i] for i in wanted]
    for member in members:
        check_own(actor, member)
    return members


def mentor_scope(actor: Actor, mentor_id: int | None) -> int | None:
    """Whose members a list shows: a mentor's own, always; the office's choice (None: everyone's)."""
    if own_only(actor):
        if mentor_id not in (None, actor.id):
            raise PermissionDenied(say("mentors.own_members_only"))
        return actor.id
    return mentor_id


def staff_name(session: Session, staff_id: int | None) -> str | None:
    if staff_id is None:
        return None
    return session.scalar(select(Staff.full_name).where(Staff.id == staff_id))


def staff_names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {
        staff_id: name
        for staff_id, name in session.execute(select(Staff.id, Staff.full_name).where(Staff.id.in_(wanted)))
    }


# --- values typed in the mentors' dialogs ---------------------------------------------------------


class Checker:
    """Collects each field's problem, so one ``ValidationError`` names every bad field."""

    def __init__(self, session: Session):
        self.session = session
        self.today = clock_of(session).today()
        self.errors: dict[str, Renderable] = {}

    def fail(self, key: str, label: str, message: Renderable) -> None:
        self.errors.setdefault(key, say("field.error", field=label, message=message))

    def text(self, values: dict[str, Any], key: str, label: str, limit: int, *, required: bool = False) -> str | None:
        try:
            text = clean_text(values.get(key))
        except FieldError as exc:
            self.fail(key, label, exc.text)
            return None
        return self._length(key, label, text, limit, required)

    def name(self, values: dict[str, Any], key: str, label: str, limit: int, *, required: bool = False) -> str | None:
        try:
            text = clean_name(values.get(key))
        except FieldError as exc:
            self.fail(key, label, exc.text)
            return None
        return self._length(key, label, text, limit, required)

    def notes(self, values: dict[str, Any], key: str, label: str, limit: int, *, required: bool = False) -> str | None:
        try:
            text = clean_multiline(values.get(key))
        except FieldError as exc:
            self.fail(key, label, exc.text)
            return None
        return self._length(key, label, text, limit, required)

    def _length(self, key: str, label: str, text: str, limit: int, required: bool) -> str | None:
        if not text:
            if required:
                self.fail(key, label, say("validation.required"))
            return None
        if len(text) > limit:
            self.fail(key, label, say("mentors.too_long", limit=limit, count=len(text)))
            return None
        return text

    def date(
        self,
        values: dict[str, Any],
        key: str,
        label: str,
        *,
        required: bool = True,
        not_after_today: bool = True,
        default: dt.date | None = None,
    ) -> dt.date | None:
        value = values.get(key)
        if value in (None, ""):
            value = default
        if value in (None, ""):
            if required:
                self.fail(key, label, say("mentors.date_required"))
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if not isinstance(value, dt.date):
            try:
                value = dt.date.fromisoformat(str(value).strip())
            except ValueError:
                self.fail(key, label, say("mentors.not_a_date", value=value))
                return None
        if not_after_today and value > self.today:
            self.fail(key, label, say("mentors.after_today", today=self.today))
            return None
        if value < dt.date(1990, 1, 1):
            self.fail(key, label, say("mentors.date_too_early"))
            return None
        return value

    def choice(self, values: dict[str, Any], key: str, label: str, enum_cls: Any, labels: dict[Any, str]) -> Any:
        value = values.get(key)
        try:
            return enum_cls(value.value if isinstance(value, enum_cls) else value)
        except ValueError:
            self.fail(key, label, say("mentors.choose_one", join=list(labels.values())))
            return None

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def ids_text(ids: Sequence[int]) -> str:
    return "、".join(str(i) for i in ids)
