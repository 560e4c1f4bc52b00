"""Proof of posting (R-8.4: "邮寄发票、证书等重要文件时，班主任拍照留存，并告知联络员注意查收"): for
an envelope with important contents (the setting ``mailing.important_kinds``: invoices and
certificates by default), the member's mentor attaches photos of what was mailed and records when
the liaison was told to look out for it. The batch shows who still lacks either.

Photos are stored in the database (every workstation sees them) after being opened as what they
claim to be — the same check as admission's documents (``admission.attachment_problem``), handed
in by the caller as ``photo_check``: the mailing job sits beside admission and may not import it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import MailingContent, MailingProof, MailingRecipient, MailingRecipientContent
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services.mailing.common import get_recipient, pairs, require_for_member, text
from desktop_app.core.settings import MAILING_PHOTO_LIMIT_MB, get_setting
from desktop_app.core.validation import FieldError, check_control_characters
from desktop_app.errors import NotFound, ValidationError
from desktop_app.messages import say

# (file name, MIME type, content) -> why it is not a usable file, in Chinese, or None.
PhotoCheck = Callable[[str, str, bytes], str | None]

PHOTO_TYPES = (
    (b"\xff\xd8\xff", "image/jpeg", (".jpg", ".jpeg")),
    (b"\x89PNG\r\n\x1a\n", "image/png", (".png",)),
    (b"%PDF-", "application/pdf", (".pdf",)),  # a scan of the envelope's contents
)


def important_content_ids(session: Session, recipient_id: int) -> list[int]:
    return list(
        session.scalars(
            select(MailingContent.id)
            .join(MailingRecipientContent, MailingRecipientContent.content_id == MailingContent.id)
            .where(MailingRecipientContent.recipient_id == recipient_id, MailingContent.important.is_(True))
        )
    )


def needs_proof(session: Session, recipient_id: int) -> bool:
    """Whether the envelope carries something R-8.4 calls important (photo and notification)."""
    return bool(important_content_ids(session, recipient_id))


def _mime(name: str, content: bytes) -> str:
    for signature, mime, extensions in PHOTO_TYPES:
        if content.startswith(signature):
            extension = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
            if extension not in extensions:
                kind = mime.split("/")[-1].upper()
                raise ValidationError(
                    {"file": say("mailing.proof.extension_mismatch", name=name, kind=kind, value=extension or "无")}
                )
            return mime
    raise ValidationError({"file": say("mailing.proof.not_photo_or_scan", name=name)})


def add_proof_photo(
    session: Session,
    actor: Actor,
    recipient_id: int,
    file_name: str,
    content: bytes,
    photo_check: PhotoCheck,
) -> MailingProof:
    """Keep a photo of what went into ``recipient_id``'s envelope (its mentor, or the office)."""
    recipient = get_recipient(session, recipient_id)
    require_for_member(session, actor, Permission.RECORD_MAILING_PROOF, recipient.member_id)
    name = re.split(r"[\\/]", (file_name or "").strip())[-1]
    try:
        check_control_characters(name)
    except FieldError as exc:
        raise ValidationError({"file": say("mailing.proof.file_name_problem", exc=exc)}) from None
    if not name:
        raise ValidationError({"file": say("mailing.proof.no_file_name")})
    if len(name) > 255:
        raise ValidationError({"file": say("mailing.proof.file_name_too_long")})
    if not content:
        raise ValidationError({"file": say("mailing.proof.empty_file", name=name)})
    limit = int(get_setting(session, MAILING_PHOTO_LIMIT_MB)) * 1024 * 1024
    if len(content) > limit:
        raise ValidationError(
            {
                "file": say(
                    "mailing.proof.file_too_big", name=name, value=len(content) / 1048576, value2=limit // 1048576
                )
            }
        )
    mime = _mime(name, content)
    problem = photo_check(name, mime, content)
    if problem is not None:
        raise ValidationError({"file": problem})
    proof = MailingProof(
        recipient_id=recipient_id,
        file_name=name,
        mime=mime,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        uploaded_at=clock_of(session).now(),
        uploaded_by_id=actor.id,
        uploaded_by_name=actor.full_name[:64],
    )
    session.add(proof)
    session.flush()
    audit.record(
        session,
        actor,
        "mailing_proof",
        "member",
        recipient.member_id,
        say(
            "mailing.proof.history.uploaded", organisation=recipient.organisation, name=name, value=len(content) // 1024
        ),
        after={"file": name, "size": len(content), "sha256": proof.sha256, "recipient_id": recipient_id},
    )
    return proof


def proofs_of(session: Session, recipient_id: int) -> list[MailingProof]:
    return list(
        session.scalars(
            select(MailingProof).where(MailingProof.recipient_id == recipient_id).order_by(MailingProof.uploaded_at)
        )
    )


def proof_photo(session: Session, proof_id: int) -> tuple[str, str, bytes]:
    """(file name, MIME type, content) of one photo, to show or save."""
    proof = session.get(MailingProof, proof_id)
    if proof is None:
        raise NotFound(say("mailing.proof.not_found"))
    return proof.file_name, proof.mime, proof.content


def remove_proof_photo(session: Session, actor: Actor, proof_id: int) -> None:
    proof = session.get(MailingProof, proof_id)
    if proof is None:
        raise NotFound(say("mailing.proof.not_found"))
    recipient = get_recipient(session, proof.recipient_id)
    require_for_member(session, actor, Permission.RECORD_MAILING_PROOF, recipient.member_id)
    session.delete(proof)
    audit.record(
        session,
        actor,
        "mailing_proof_removed",
        "member",
        recipient.member_id,
        say("mailing.proof.history.deleted", organisation=recipient.organisation, file_name=proof.file_name),
        before={"file": proof.file_name, "sha256": proof.sha256},
    )


def record_notification(
    session: Session, actor: Actor, recipient_id: int, *, at: Any = None, note: Any = None
) -> MailingRecipient:
    """The mentor told the liaison (or whoever the post is addressed to) to look out for the
    envelope, at ``at`` (now by default): by phone, in the WeChat group … (``note``)."""
    recipient = get_recipient(session, recipient_id)
    require_for_member(session, actor, Permission.RECORD_MAILING_PROOF, recipient.member_id)
    now = clock_of(session).now()
    if at in (None, ""):
        when = now
    elif isinstance(at, dt.datetime):
        when = at if at.tzinfo else at.replace(tzinfo=now.tzinfo)
    elif isinstance(at, dt.date):
        when = dt.datetime.combine(at, dt.time(12, 0), tzinfo=now.tzinfo)
    else:
        try:
            parsed = dt.datetime.fromisoformat(str(at).strip())
        except ValueError:
            raise ValidationError({"at": say("mailing.proof.not_a_time", at=at)}) from None
        when = parsed if parsed.tzinfo else parsed.replace(tzinfo=now.tzinfo)
    if when > now + dt.timedelta(minutes=5):
        raise ValidationError({"at": say("mailing.proof.time_in_future")})
    said = text(note, "note", "告知方式和说明", 300, prose=True)
    before = {"notified_at": recipient.notified_at, "notify_note": recipient.notify_note}
    recipient.notified_at = when
    recipient.notified_by_id = actor.id
    recipient.notified_by_name = actor.full_name[:64]
    recipient.notify_note = said
    recipient.updated_at = now
    audit.record(
        session,
        actor,
        "mailing_notified",
        "member",
        recipient.member_id,
        f"已告知联络员留意查收：{recipient.organisation}" + (f"（{said}）" if said else ""),
        before,
        {"notified_at": when, "notify_note": said},
    )
    return recipient


def proof_counts(session: Session, recipient_ids: list[int]) -> dict[int, int]:
    """Photos per recipient (for the batch's list)."""
    out: dict[int, int] = {}
    for start in range(0, len(recipient_ids), 900):
        chunk = recipient_ids[start : start + 900]
        out.update(
            pairs(
                session.execute(
                    select(MailingProof.recipient_id, func.count(MailingProof.id))
                    .where(MailingProof.recipient_id.in_(chunk))
                    .group_by(MailingProof.recipient_id)
                )
            )
        )
    return out
