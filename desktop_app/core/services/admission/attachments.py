"""Admission's documents (R-5.1 (2)): files stored in the database, checked by opening them, and the
checklist that gates the initial review."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    Application,
    ApplicationDocument,
    ApplicationStage,
    ApplicationStatus,
    DocumentKind,
    EventKind,
)
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services.admission.checks import _check_text, _closed_refusal, _require
from desktop_app.core.services.admission.steps import (
    DOCUMENT_LABELS,
    REQUIRED_DOCUMENTS,
    STAGE_ORDER,
    AdmissionRefused,
    _event,
    _staff_names,
    get_application,
)
from desktop_app.core.settings import (
    ATTACHMENT_LIMIT_MB,
    get_setting,
)
from desktop_app.core.validation import (
    FieldError,
    check_control_characters,
)
from desktop_app.errors import NotFound, ValidationError
from desktop_app.messages import say

# Types are recognised by their content's signature, never by the file name alone.
FILE_SIGNATURES = (
    (b"%PDF-", "application/pdf", (".pdf",)),
    (b"\x89PNG\r\n\x1a\n", "image/png", (".png",)),
    (b"\xff\xd8\xff", "image/jpeg", (".jpg", ".jpeg")),
)


def attachment_limit_bytes(session: Session) -> int:
    return int(get_setting(session, ATTACHMENT_LIMIT_MB)) * 1024 * 1024


def _base_name(file_name: str | None) -> str:
    """The file's own name, whether the path came from Windows or not."""
    return re.split(r"[\\/]", (file_name or "").strip())[-1]


def sniff_type(content: bytes) -> str | None:
    for signature, mime, _extensions in FILE_SIGNATURES:
        if content.startswith(signature):
            return mime
    return None


def _check_file(session: Session, file_name: str, content: bytes) -> str:
    """The MIME type of an acceptable file; ``ValidationError`` says why one is not."""
    name = _base_name(file_name)
    if not name:
        raise ValidationError({"file": say("mailing.proof.no_file_name")})
    try:
        check_control_characters(name)
    except FieldError as exc:
        raise ValidationError({"file": say("mailing.proof.file_name_problem", exc=exc)}) from None
    if not content:
        raise ValidationError({"file": say("mailing.proof.empty_file", name=name)})
    limit = attachment_limit_bytes(session)
    if len(content) > limit:
        raise ValidationError(
            {
                "file": say(
                    "mailing.proof.file_too_big", name=name, value=len(content) / 1048576, value2=limit // 1048576
                )
            }
        )
    mime = sniff_type(content)
    extension = PurePath(name).suffix.lower()
    if mime is None:
        raise ValidationError({"file": say("admission.attachments.bad_type", name=name)})
    allowed = next(exts for _sig, m, exts in FILE_SIGNATURES if m == mime)
    if extension not in allowed:
        real = {"application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG"}[mime]
        raise ValidationError(
            {"file": say("admission.attachments.extension_mismatch", name=name, real=real, value=extension or "无")}
        )
    problem = attachment_problem(name, mime, content)
    if problem is not None:
        raise ValidationError({"file": problem})
    return mime


# A signature is only the first bytes: "%PDF-" in front of an executable made it a "PDF". So the
# file is also opened as what it claims to be, with the libraries that will later show or print
# it: a PDF must list its pages (pypdf), an image must decode to its last pixel (Pillow). The
# check stays free of Qt and of the database, so that it can move with the attachments code.
# Pillow's own guard against decompression bombs (``Image.MAX_IMAGE_PIXELS``, ~89 million pixels,
# ~270 MB decoded): an A4 scan at 600 dpi has 35 million; a PNG declaring 100,000 × 100,000 pixels
# in a few hundred bytes is refused before anything is decoded.
PILLOW_DEFAULT_MAX_PIXELS = 89_478_485


def attachment_problem(name: str, mime: str, content: bytes) -> str | None:
    """Why ``content`` (signature ``mime``) is not a usable PDF, PNG or JPEG, in Chinese, or ``None``."""
    if mime == "application/pdf":
        return _pdf_problem(name, content)
    if mime in ("image/png", "image/jpeg"):
        return _image_problem(name, "PNG" if mime == "image/png" else "JPEG", content)
    return say("admission.attachments.only_pdf_jpeg_png", name=name)


def _pdf_problem(name: str, content: bytes) -> str | None:
    import io

    from pypdf import PdfReader

    unreadable = say("admission.attachments.unreadable_pdf", name=name)
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            # Protected only against changes (an owner password, common on downloaded licences):
            # it opens with an empty password, as in any viewer. Otherwise nobody here can read it.
            # pypdf needs the ``cryptography`` package for AES; without it such a file is refused.
            try:
                opened = bool(reader.decrypt(""))
            except Exception:  # noqa: BLE001 — pypdf's DependencyError, or a damaged encryption dictionary
                opened = False
            if not opened:
                return say("admission.attachments.pdf_password", name=name)
        pages = reader.pages
        if len(pages) < 1:
            return say("admission.attachments.pdf_no_pages", name=name)
        for page in pages:  # every page's drawing instructions decode: not cut off part-way
            page.get_contents()
    except Exception:  # noqa: BLE001 — untrusted file: pypdf raises anything (stream, key, value, zlib errors)
        return unreadable
    return None


def _image_problem(name: str, kind: str, content: bytes) -> str | None:
    import io

    from PIL import Image

    def too_big(width: int | None = None, height: int | None = None) -> str:
        if width is None:
            return say("admission.attachments.image_too_large", name=name)
        return say("admission.attachments.image_too_large_size", name=name, width=width, height=height)

    limit = Image.MAX_IMAGE_PIXELS or PILLOW_DEFAULT_MAX_PIXELS
    try:
        with Image.open(io.BytesIO(content), formats=[kind]) as image:
            width, height = image.size
            if width * height > limit:  # refused before a pixel is decoded
                return too_big(width, height)
            image.load()
    except Image.DecompressionBombError:  # Pillow's own refusal above twice its limit
        return too_big()
    except Exception:  # noqa: BLE001 — untrusted file: truncated data, bad chunks, decoder errors
        return say("admission.attachments.bad_image", name=name, kind=kind)
    return None


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    kind: DocumentKind
    file_name: str
    mime_type: str
    size: int
    uploaded_by: str
    uploaded_at: dt.datetime


@dataclass(frozen=True)
class ChecklistItem:
    kind: DocumentKind
    label: str
    required: bool
    documents: tuple[DocumentInfo, ...]

    @property
    def complete(self) -> bool:
        return bool(self.documents)


def _document_locked(application: Application, kind: DocumentKind) -> str | None:
    """Documents a completed step relied on cannot be removed without sending the application back."""
    if application.status != ApplicationStatus.OPEN:
        return _closed_refusal(application)
    if (
        kind in REQUIRED_DOCUMENTS
        and STAGE_ORDER[application.stage] >= STAGE_ORDER[ApplicationStage.DOCUMENTS_SUBMITTED]
    ):
        return say("admission.attachments.documents_locked")
    if (
        kind == DocumentKind.CREDIT_EVIDENCE
        and STAGE_ORDER[application.stage] >= STAGE_ORDER[ApplicationStage.CREDIT_CHECKED]
    ):
        return say("admission.attachments.credit_locked")
    return None


def attach_document(
    session: Session, actor: Actor, application_id: int, kind: DocumentKind | str, file_name: str, content: bytes
) -> ApplicationDocument:
    """Attach a scan or file: a PDF, JPEG or PNG by its content, which must open as such
    (``attachment_problem``); size limit from the settings."""
    _require(actor, Permission.ATTACH_APPLICATION_DOCUMENTS)
    application = get_application(session, application_id)
    closed = _closed_refusal(application)
    if closed:
        raise AdmissionRefused(closed)
    try:
        kind = DocumentKind(kind.value if isinstance(kind, DocumentKind) else kind)
    except ValueError:
        raise ValidationError({"kind": say("admission.attachments.choose_kind")}) from None
    mime = _check_file(session, file_name, content)
    now = clock_of(session).now()
    document = ApplicationDocument(
        application_id=application.id,
        kind=kind,
        file_name=_base_name(file_name)[:255],
        mime_type=mime,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        uploaded_by_id=actor.id,
        uploaded_at=now,
    )
    session.add(document)
    session.flush()
    summary = f"上传{DOCUMENT_LABELS[kind]}：{document.file_name}（{_size_text(document.size)}）"
    _event(
        session,
        actor,
        application,
        EventKind.DOCUMENT_ADDED,
        summary,
        details={"document_id": document.id, "kind": kind.value, "file_name": document.file_name},
    )
    audit.record(session, actor, "attach", "application", application.id, f"{application.application_number} {summary}")
    return document


def remove_document(session: Session, actor: Actor, document_id: int, *, reason: str = "") -> None:
    _require(actor, Permission.ATTACH_APPLICATION_DOCUMENTS)
    document = session.get(ApplicationDocument, document_id)
    if document is None:
        raise NotFound(say("admission.attachments.not_found"))
    application = get_application(session, document.application_id)
    locked = _document_locked(application, document.kind)
    if locked:
        raise AdmissionRefused(locked)
    errors: dict[str, str] = {}
    reason = _check_text(errors, "reason", "删除原因", reason, required=False) or ""
    if errors:
        raise ValidationError(errors)
    summary = f"删除{DOCUMENT_LABELS[document.kind]}：{document.file_name}"
    _event(
        session,
        actor,
        application,
        EventKind.DOCUMENT_REMOVED,
        summary,
        reason=reason or None,
        details={"kind": document.kind.value, "file_name": document.file_name, "sha256": document.sha256},
    )
    audit.record(session, actor, "detach", "application", application.id, f"{application.application_number} {summary}")
    session.delete(document)
    session.flush()


def document_content(session: Session, actor: Actor, document_id: int) -> tuple[str, str, bytes]:
    """(file name, MIME type, bytes) of an attachment, to open or preview it."""
    _require(actor, Permission.VIEW_APPLICATIONS)
    document = session.get(ApplicationDocument, document_id)
    if document is None:
        raise NotFound(say("admission.attachments.not_found"))
    return document.file_name, document.mime_type, document.content


def _size_text(size: int) -> str:
    return f"{size / 1048576:.1f} MB" if size >= 1048576 else f"{max(1, round(size / 1024))} KB"


def checklist(session: Session, application_id: int) -> list[ChecklistItem]:
    names = _staff_names(session)
    rows = session.execute(
        select(
            ApplicationDocument.id,
            ApplicationDocument.kind,
            ApplicationDocument.file_name,
            ApplicationDocument.mime_type,
            ApplicationDocument.size,
            ApplicationDocument.uploaded_by_id,
            ApplicationDocument.uploaded_at,
        )
        .where(ApplicationDocument.application_id == application_id)
        .order_by(ApplicationDocument.uploaded_at, ApplicationDocument.id)
    ).all()
    by_kind: dict[DocumentKind, list[DocumentInfo]] = {}
    for row in rows:
        by_kind.setdefault(row.kind, []).append(
            DocumentInfo(
                row.id,
                row.kind,
                row.file_name,
                row.mime_type,
                row.size,
                names.get(row.uploaded_by_id, ""),
                row.uploaded_at,
            )
        )
    application = get_application(session, application_id)
    kinds = list(REQUIRED_DOCUMENTS)
    if application.former_member_id is not None:
        kinds.append(DocumentKind.CREDIT_EVIDENCE)
    kinds.append(DocumentKind.OTHER)
    return [
        ChecklistItem(kind, DOCUMENT_LABELS[kind], kind in REQUIRED_DOCUMENTS, tuple(by_kind.get(kind, ())))
        for kind in kinds
    ]
