"""The catalogue: every message's key with its Chinese and English templates, grouped by job."""

from desktop_app.messages.catalogue import (
    accounts,
    admission,
    common,
    documents,
    dues,
    general,
    importing,
    mailing,
    members,
    mentors,
    reports,
    roster,
    validation,
    withdrawal,
)
from desktop_app.messages.catalogue.labels import LABELS

GROUPS = (
    common,
    general,
    validation,
    accounts,
    members,
    admission,
    mentors,
    dues,
    mailing,
    withdrawal,
    documents,
    importing,
    roster,
    reports,
)

MESSAGES: dict[str, tuple[str, str]] = {}
for _group in GROUPS:
    _clash = MESSAGES.keys() & _group.MESSAGES.keys()
    if _clash:
        raise RuntimeError(f"message keys defined twice: {sorted(_clash)}")
    MESSAGES.update(_group.MESSAGES)

__all__ = ["GROUPS", "LABELS", "MESSAGES"]
