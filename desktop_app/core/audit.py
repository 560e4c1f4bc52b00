"""The audit log: every write records who, when, which entity, and the values before and after."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.db import clock_of
from desktop_app.core.models import AuditEntry
from desktop_app.core.security import Actor


def jsonable(value: Any) -> Any:
    """``value`` as JSON can hold it: enums by value, dates in ISO form, decimals as text,
    dictionaries converted item by item. The audit log and the admission history store these."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    return value


def changed_values(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[dict, dict]:
    """Only the fields whose value differs, as JSON-ready dicts."""
    old, new = {}, {}
    for key in after:
        a, b = jsonable(before.get(key)), jsonable(after.get(key))
        if (a or None) != (b or None):
            old[key], new[key] = a, b
    return old, new


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: int | None,
    summary: str = "",
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> AuditEntry:
    entry = AuditEntry(
        at=clock_of(session).now(),
        actor_id=actor.id,
        actor_name=actor.full_name,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        summary=summary[:300],
        before={k: jsonable(v) for k, v in before.items()} if before is not None else None,
        after={k: jsonable(v) for k, v in after.items()} if after is not None else None,
    )
    session.add(entry)
    return entry


def history(session: Session, entity_type: str, entity_id: int) -> list[AuditEntry]:
    """Newest first."""
    return list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity_type == entity_type, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        )
    )
