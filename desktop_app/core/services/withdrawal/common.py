"""What the withdrawal procedures share: checking dates and texts, storing scans (opened before
they are stored, as admission's attachments), loading a case for a change."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.core.db import clock_of
from desktop_app.core.models.withdrawal import DocumentRole, WithdrawalCase, WithdrawalDocument
from desktop_app.core.security import Actor
from desktop_app.core.services.admission.attachments import (
    FILE_SIGNATURES,
    attachment_limit_bytes,
    attachment_problem,
    sniff_type,
)
from desktop_app.core.validation import FieldError, clean_multiline, clean_name
from desktop_app.errors import ConflictError, NotFound, ValidationError
from desktop_app.messages import say


class Errors(dict[str, str]):
    """Field → Chinese message, collected while checking a form; ``raise_if_any`` at the end."""

    def raise_if_any(self) -> None:
        if self:
            raise ValidationError(dict(self))


def day(
    session: Session,
    errors: Errors,
    key: str,
    label: str,
    value: Any,
    *,
    required: bool = True,
    not_after_today: bool = True,
    default_today: bool = False,
) -> dt.date | None:
    """A date typed or given; the message names the field."""
    if value in (None, ""):
        if default_today:
            return clock_of(session).today()
        if required:
            errors[key] = say("documents.date_required", label=label)
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            errors[key] = say("mailing.not_a_date", label=label, value=value)
            return None
    if not_after_today and value > clock_of(session).today():
        errors[key] = say("withdrawal.after_today", label=label, isoformat=clock_of(session).today().isoformat())
    return value


def text(
    errors: Errors,
    key: str,
    label: str,
    value: Any,
    *,
    required: bool = True,
    length: int | None = None,
    lines: bool = False,
) -> str | None:
    try:
        # one line: full width folded (NFKC) but Chinese brackets kept, as in names (第七届（2024—2029）)
        cleaned = clean_multiline(value or "") if lines else clean_name(value or "")
    except FieldError as exc:
        errors[key] = say("withdrawal.activities.field_problem", label=label, exc=exc)
        return None
    if required and not cleaned:
        errors[key] = say("mailing.required", label=label)
        return None
    if length is not None and len(cleaned) > length:
        errors[key] = say("withdrawal.too_long", label=label, length=length, count=len(cleaned))
        return None
    return cleaned or None


@dataclass(frozen=True)
class Scan:
    """A file to keep with a case: its name as chosen and its bytes."""

    file_name: str
    content: bytes


def check_scan(
    session: Session, errors: Errors, key: str, label: str, scan: Scan | None, *, required: bool
) -> str | None:
    """The MIME type of an acceptable scan (PDF, JPEG or PNG, recognised by content and opened)."""
    if scan is None or not scan.content:
        if required:
            errors[key] = say("withdrawal.scan_required", label=label)
        return None
    name = PurePath(scan.file_name.replace("\\", "/")).name.strip()
    if not name:
        errors[key] = say("withdrawal.no_file_name", label=label)
        return None
    limit = attachment_limit_bytes(session)
    if len(scan.content) > limit:
        errors[key] = say(
            "withdrawal.file_too_big",
            label=label,
            name=name,
            value=len(scan.content) / 1048576,
            value2=limit // 1048576,
        )
        return None
    mime = sniff_type(scan.content)
    if mime is None:
        errors[key] = say("withdrawal.bad_file_type", label=label, name=name)
        return None
    allowed = next(extensions for _signature, kind, extensions in FILE_SIGNATURES if kind == mime)
    if PurePath(name).suffix.lower() not in allowed:
        errors[key] = say("withdrawal.extension_mismatch", label=label, name=name)
        return None
    problem = attachment_problem(name, mime, scan.content)
    if problem is not None:
        errors[key] = say("settings.problem", label=label, problem=problem)
        return None
    return mime


def store_scan(
    session: Session,
    actor: Actor,
    role: DocumentRole,
    scan: Scan,
    mime: str,
    *,
    case_id: int | None = None,
    disqualification_id: int | None = None,
    appeal_id: int | None = None,
) -> WithdrawalDocument:
    document = WithdrawalDocument(
        case_id=case_id,
        disqualification_id=disqualification_id,
        appeal_id=appeal_id,
        role=role,
        file_name=PurePath(scan.file_name.replace("\\", "/")).name[:255],
        mime_type=mime,
        size=len(scan.content),
        content=scan.content,
        uploaded_at=clock_of(session).now(),
        uploaded_by_id=actor.id,
    )
    session.add(document)
    return document


def load_case(session: Session, case_id: int, expected_version: int | None = None) -> WithdrawalCase:
    case = session.get(WithdrawalCase, case_id)
    if case is None:
        raise NotFound(say("withdrawal.case_not_found"))
    if expected_version is not None and case.version != expected_version:
        raise ConflictError(say("withdrawal.changed_meanwhile"))
    return case


__all__ = ["Errors", "Scan", "check_scan", "day", "load_case", "store_scan", "text"]
