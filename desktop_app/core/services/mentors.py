"""The mentors (班主任, R-7.1 … R-8.6, R-9.1, R-9.3, R-10.5): allocating a mentor to each member, the
history of who mentored whom, and the contact handover form a mentor files when a member's
details change (R-8.4).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import Member, MentorAssignment
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services.members import get_member, member_values, set_mentor, validate_member
from desktop_app.core.validation import CONTACT_FIELD_LABELS, CONTACT_LABELS, FIELD_LABELS
from desktop_app.documents import Problem
from desktop_app.documents.inputs import HandoverChange, HandoverFormInput
from desktop_app.errors import ValidationError


def assign_mentor(
    session: Session, actor: Actor, member_id: int, mentor_id: int | None, note: str | None = None
) -> Member:
    require(actor, Permission.ASSIGN_MENTORS)
    member = get_member(session, member_id)
    checked = validate_member(session, {**member_values(member), "mentor_id": mentor_id}, member_id=member_id)
    before = member.mentor_id
    with session.no_autoflush:
        set_mentor(session, actor, member, checked["mentor_id"], note)
        member.updated_at = clock_of(session).now()
    session.flush()
    audit.record(
        session,
        actor,
        "assign_mentor",
        "member",
        member.id,
        "分配班主任",
        {"mentor_id": before},
        {"mentor_id": member.mentor_id},
    )
    return member


def mentor_assignments(session: Session, member_id: int) -> list[MentorAssignment]:
    return list(
        session.scalars(
            select(MentorAssignment)
            .where(MentorAssignment.member_id == member_id)
            .order_by(MentorAssignment.start_date.desc(), MentorAssignment.id.desc())
        )
    )


# --- the contact handover form (R-8.4, R-9.3, R-10.1) -------------------------------------------

# The member's details a handover form lists: what a mentor learns has changed.
HANDOVER_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "单位名称"),
    ("address", "通讯地址"),
    ("postcode", "邮政编码"),
    *(
        (f"{role}_{f}", f"{role_label}{'' if f == 'name' else CONTACT_FIELD_LABELS[f]}")
        for role, role_label in CONTACT_LABELS.items()
        for f in ("name", "position", "mobile", "landline", "wechat", "email")
    ),
)


def _handover_field(text: str) -> tuple[str, str]:
    """A field named by its key, its form label (联络员手机) or its register label (联络员姓名)."""
    text = text.strip()
    for key, label in HANDOVER_FIELDS:
        if text in (key, label, FIELD_LABELS.get(key)):
            return key, label
    labels = "、".join(label for _k, label in HANDOVER_FIELDS)
    raise ValidationError({"changes": f"变更事项：“{text}”不是可变更的项目（可写：{labels}）"})


def parse_changes(member: Member, text: str) -> tuple[HandoverChange, ...]:
    """``联络员手机=13907123456`` lines → changes with the member's current value as the old one."""
    changes = []
    for number, line in enumerate((text or "").splitlines(), 1):
        if not line.strip():
            continue
        item, sep, new = line.replace("＝", "=").partition("=")
        if not sep:
            raise ValidationError({"changes": f"变更事项第 {number} 行：应写成“项目=新内容”"})
        key, label = _handover_field(item)
        old = getattr(member, key)
        changes.append(HandoverChange(label, None if old is None else str(old), new.strip() or None))
    return tuple(changes)


def handover_input(
    member: Member,
    *,
    changes: Sequence[HandoverChange] = (),
    reported_on: dt.date | None = None,
    form_date: dt.date | None = None,
    note: str | None = None,
) -> HandoverFormInput:
    # What the office has on file (empty items left out: the form has blank rows to add them).
    current = tuple(
        HandoverChange(label, str(getattr(member, key)))
        for key, label in HANDOVER_FIELDS
        if getattr(member, key) not in (None, "")
    )
    return HandoverFormInput(
        member_name=member.name,
        member_number=member.member_number,
        changes=tuple(changes),
        current=current,
        reported_on=reported_on,
        mentor_name=member.mentor.full_name if member.mentor else None,
        form_date=form_date,
        note=note or None,
    )


def handover_items(
    session: Session,
    actor: Actor,
    members: list[Member],
    options: dict[str, Any],
    problems: list[Problem],
    issued: list[str],
) -> list[HandoverFormInput]:
    """The documents area's handover forms: blank, or one per member (changes for one member only)."""
    if not members:
        return [HandoverFormInput(member_name="", form_date=options["form_date"])]
    if options["changes"] and len(members) > 1:
        raise ValidationError({"changes": "变更事项：只能为一个会员填写变更事项"})
    return [
        handover_input(
            m,
            changes=parse_changes(m, options["changes"]),
            reported_on=options["reported_on"],
            form_date=options["form_date"],
            note=options["note"],
        )
        for m in members
    ]
