"""Staff accounts of the secretariat (R-2.1) and their roles."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.core import pinyin
from desktop_app.core.models.base import Base, str_enum


class Role(str, enum.Enum):
    MEMBERSHIP_OFFICER = "membership_officer"
    MENTOR = "mentor"
    RESIDENT_LEADER = "resident_leader"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.MEMBERSHIP_OFFICER: "会籍管理员",
    Role.MENTOR: "班主任",
    Role.RESIDENT_LEADER: "驻会领导",
    Role.ADMINISTRATOR: "系统管理员",
}


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(64))
    # Pinyin sort key of the full name, surname read as one (issue 16): kept by the event below.
    full_name_pinyin: Mapped[str] = mapped_column(String(pinyin.KEY_LENGTH), default="", server_default="")
    role: Mapped[Role] = mapped_column(str_enum(Role))
    # Deferred: never loaded with the row, so PostgreSQL's column privileges can hide it from
    # every role but the administrators' (core/roles.py).
    password_hash: Mapped[str] = mapped_column(String(255), deferred=True)
    mobile: Mapped[str | None] = mapped_column(String(20))
    landline: Mapped[str | None] = mapped_column(String(20))
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime]
    last_sign_in_at: Mapped[dt.datetime | None]
    # Failed sign-ins in a row, and until when the account waits after too many (issue 10).
    failed_sign_ins: Mapped[int] = mapped_column(default=0, server_default="0")
    locked_until: Mapped[dt.datetime | None]

    def __repr__(self) -> str:
        return f"Staff({self.username!r}, {self.role.value})"


@event.listens_for(Staff, "before_insert")
def _keep_staff_key(_mapper: Any, _connection: Any, staff: Staff) -> None:
    key = pinyin.sort_key(staff.full_name, person=True)
    if staff.full_name_pinyin != key:
        staff.full_name_pinyin = key


@event.listens_for(Staff, "before_update")
def _keep_changed_staff_key(mapper: Any, connection: Any, staff: Staff) -> None:
    # signing in updates the account: the name, and so the key, rarely changes
    if inspect(staff).attrs.full_name.history.has_changes():
        _keep_staff_key(mapper, connection, staff)
