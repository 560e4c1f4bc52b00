"""What the mailing modules share: finding a batch or a recipient, "own members" for mentors,
checking typed text and dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.core.db import clock_of
from desktop_app.core.models import MailingBatch, MailingRecipient, Member, Role
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.validation import FieldError, clean_multiline, clean_text
from desktop_app.errors import NotFound, PermissionDenied, ValidationError
from desktop_app.messages import say


def get_batch(session: Session, batch_id: int) -> MailingBatch:
    batch = session.get(MailingBatch, batch_id)
    if batch is None:
        raise NotFound(say("mailing.batch_not_found"))
    return batch


def get_recipient(session: Session, recipient_id: int) -> MailingRecipient:
    recipient = session.get(MailingRecipient, recipient_id)
    if recipient is None:
        raise NotFound(say("mailing.recipient_not_found"))
    return recipient


def get_member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound(say("members.not_found"))
    return member


def require_for_member(session: Session, actor: Actor, permission: Permission, member_id: int) -> Member:
    """``permission``, and for a mentor only on its own members (R-7.1: one member, one mentor)."""
    require(actor, permission)
    member = get_member(session, member_id)
    if actor.role == Role.MENTOR and member.mentor_id != actor.id:
        raise PermissionDenied(say("mailing.not_your_member", name=member.name, value=permission.value))
    return member


def text(value: Any, field: str, label: str, limit: int, *, required: bool = False, prose: bool = False) -> str | None:
    """One line typed by a person: cleaned, control characters refused, not longer than ``limit``.
    ``prose`` (titles, reasons, notes) keeps the Chinese punctuation as typed (NFKC would turn
    “，” into “,” and “（一）” into “(一)”); line breaks become spaces either way."""
    try:
        cleaned = " ".join(clean_multiline(value).split()) if prose else clean_text(value)
    except FieldError as exc:
        raise ValidationError({field: say("withdrawal.activities.field_problem", label=label, exc=exc)}) from None
    if not cleaned:
        if required:
            raise ValidationError({field: say("mailing.required", label=label)})
        return None
    if len(cleaned) > limit:
        raise ValidationError({field: say("mailing.too_long", label=label, limit=limit, count=len(cleaned))})
    return cleaned


def day(session: Session, value: Any, field: str, label: str, *, future: bool = True) -> dt.date:
    """A date typed or given (``None``: today); with ``future`` False, not after today."""
    today = clock_of(session).today()
    if value in (None, ""):
        result = today
    elif isinstance(value, dt.datetime):
        result = value.date()
    elif isinstance(value, dt.date):
        result = value
    else:
        try:
            result = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValidationError({field: say("mailing.not_a_date", label=label, value=value)}) from None
    if not future and result > today:
        raise ValidationError({field: say("mailing.after_today", label=label, today=today)})
    return result


def contact_line(name: str | None, position: str | None) -> str:
    """``张丽（办公室主任）``, or just the name."""
    if not name:
        return ""
    return f"{name}（{position}）" if position else name


def pairs(result: Any) -> dict[Any, Any]:
    """``{first: second}`` of a two-column query's rows (``dict(result)`` reads a ``Result`` as a
    mapping and fails)."""
    return {row[0]: row[1] for row in result}
