"""The office-wide settings a print run needs (association, fonts, seal, certificate layout, label
sheet, envelope), read once per run into the builders' ``DocumentContext``; and setting the seal,
the certificate's background scan and the fonts (administrators)."""

from __future__ import annotations

import base64
import binascii
import io
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.core.db import clock_of
from desktop_app.core.models import CATEGORY_LABELS
from desktop_app.core.security import Actor
from desktop_app.core.services.documents.kinds import LABEL_SHEET_SETTING
from desktop_app.core.settings import (
    ASSOCIATION_ADDRESS,
    ASSOCIATION_NAME,
    ASSOCIATION_PHONE,
    ASSOCIATION_POSTCODE,
    CERTIFICATE_BACKGROUND,
    CERTIFICATE_DATE_STYLE,
    CERTIFICATE_LAYOUT,
    DOCUMENT_FONTS,
    ENVELOPE_SIZE,
    LABEL_SHEET,
    PLAQUE_VENDOR,
    SEAL_IMAGE,
    get_setting,
    levels,
    set_setting,
)
from desktop_app.documents.inputs import AssociationInfo, CertificateLayout, DocumentContext, LabelSheet
from desktop_app.errors import ValidationError
from desktop_app.messages import Join, say


def _decode_image(text: str) -> bytes | None:
    if not text:
        return None
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


def _from_dict(cls: type, data: Any, label: str, key: str) -> Any:
    """A dataclass from a settings dict, each number checked."""
    if not isinstance(data, dict):
        raise ValidationError({key: say("dues.schedule.bad_format", label=label)})
    known = {f.name: f for f in fields(cls)}
    values = {}
    for name, value in data.items():
        if name not in known or name == "name":
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ValidationError({key: say("documents.not_a_size", label=label, name=name)})
        values[name] = int(value) if known[name].type in ("int", int) else float(value)
    return cls(**values)


def label_sheet(session: Session, choice: str = LABEL_SHEET_SETTING) -> LabelSheet:
    from desktop_app.documents.labels import LABEL_SHEETS, check_sheet

    if choice != LABEL_SHEET_SETTING:
        return LABEL_SHEETS[choice]
    sheet = _from_dict(LabelSheet, get_setting(session, LABEL_SHEET), "地址标签纸规格", "documents.label_sheet")
    sheet = replace(sheet, name=f"{sheet.columns}×{sheet.rows}")
    problems = check_sheet(sheet)
    if problems:
        raise ValidationError({"documents.label_sheet": say("documents.bad_label_sheet", problems=Join(problems))})
    return sheet


def document_context(
    session: Session,
    *,
    certificate_offset_mm: tuple[float, float] = (0.0, 0.0),
    certificate_background: bool = False,
    label_sheet_choice: str = LABEL_SHEET_SETTING,
    label_skip: int = 0,
    envelope_size: str | None = None,
    plaque_vendor: str | None = None,
) -> DocumentContext:
    """Everything the documents take from the office's settings, plus this print run's choices."""
    fonts = get_setting(session, DOCUMENT_FONTS)
    layout = _from_dict(
        CertificateLayout, get_setting(session, CERTIFICATE_LAYOUT), "会员证套打位置", "documents.certificate_layout"
    )
    date_style = get_setting(session, CERTIFICATE_DATE_STYLE)
    return DocumentContext(
        association=AssociationInfo(
            name=get_setting(session, ASSOCIATION_NAME),
            address=get_setting(session, ASSOCIATION_ADDRESS),
            postcode=get_setting(session, ASSOCIATION_POSTCODE),
            phone=get_setting(session, ASSOCIATION_PHONE),
        ),
        today=clock_of(session).today(),
        seal_png=_decode_image(get_setting(session, SEAL_IMAGE)),
        fonts={k: v for k, v in (fonts if isinstance(fonts, dict) else {}).items() if isinstance(v, str) and v},
        levels=tuple(level["name"] for level in levels(session)),
        categories=tuple(CATEGORY_LABELS.values()),
        certificate_layout=layout,
        certificate_offset_mm=(float(certificate_offset_mm[0]), float(certificate_offset_mm[1])),
        certificate_background=certificate_background,
        certificate_background_png=_decode_image(get_setting(session, CERTIFICATE_BACKGROUND)),
        certificate_date_style=date_style if date_style in ("hanzi", "digits") else "hanzi",
        label_sheet=label_sheet(session, label_sheet_choice),
        label_skip=label_skip,
        envelope_size=envelope_size or get_setting(session, ENVELOPE_SIZE),
        plaque_vendor=get_setting(session, PLAQUE_VENDOR) if plaque_vendor is None else plaque_vendor,
    )


def _check_image(data: bytes, label: str, key: str) -> None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            if image.format not in ("PNG", "JPEG"):
                raise ValidationError({key: say("documents.image_format", label=label)})
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise ValidationError({key: say("documents.bad_image", label=label)}) from None
    if len(data) > 5 * 1024 * 1024:
        raise ValidationError({key: say("documents.image_too_big", label=label)})


def set_seal_image(session: Session, actor: Actor, data: bytes | None) -> None:
    """Store (or with ``None`` remove) the association's seal, a PNG with a transparent background."""
    if data:
        _check_image(data, "协会印章图片", SEAL_IMAGE.key)
    set_setting(session, actor, SEAL_IMAGE, base64.b64encode(data).decode("ascii") if data else "")


def set_certificate_background(session: Session, actor: Actor, data: bytes | None) -> None:
    if data:
        _check_image(data, "会员证底纹扫描图", CERTIFICATE_BACKGROUND.key)
    set_setting(session, actor, CERTIFICATE_BACKGROUND, base64.b64encode(data).decode("ascii") if data else "")


def set_document_font(session: Session, actor: Actor, style: str, path: str) -> None:
    """Point a style at a font file, after checking ReportLab can embed it and it has Chinese."""
    from desktop_app.documents.fonts import STYLES, FontSet

    if style not in (*STYLES, "fallback"):
        raise ValidationError({"style": say("documents.unknown_font_style", style=style)})
    path = (path or "").strip()
    if path:
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        if not Path(path).is_file():
            raise ValidationError({"path": say("documents.font_not_found", path=path)})
        try:
            face = TTFont("office-check", path, subfontIndex=0).face
        except (TTFError, OSError) as exc:
            raise ValidationError({"path": say("documents.font_not_embeddable", exc=exc)}) from None
        probe = "𠀀" if style == "fallback" else "会员单位"
        if any(ord(c) not in face.charToGlyph for c in probe):
            raise ValidationError({"path": say("documents.font_lacks_hanzi", name=Path(path).name, probe=probe)})
        FontSet({style: path})  # registers it now, so the first print run does not pay for it
    fonts = get_setting(session, DOCUMENT_FONTS)
    fonts = dict(fonts) if isinstance(fonts, dict) else {}
    fonts[style] = path
    set_setting(session, actor, DOCUMENT_FONTS, fonts)
