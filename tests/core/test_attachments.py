"""Attachments are checked by opening them (issue 10, item 7).

A signature is only the first bytes: a file is stored as a PDF only if pypdf lists its pages, as
a PNG or JPEG only if Pillow decodes it to the last pixel; decompression bombs are refused before
anything is decoded. SQLite and PostgreSQL (``MEMBERSHIP_OFFICE_TEST_PG``).
"""

from __future__ import annotations

import io
import struct
import time
import zipfile
import zlib

import pytest
from sqlalchemy import func, select

from desktop_app.core.models import ApplicationDocument, DocumentKind
from desktop_app.core.services import admission
from desktop_app.errors import ValidationError
from tests.conftest import VALID_USCC

KIND = DocumentKind.BUSINESS_LICENCE


@pytest.fixture
def application_id(db, officer) -> int:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return admission.create_application(
            session,
            officer,
            {
                "name": "武汉市江岸区宏达建设工程有限公司",
                "uscc": VALID_USCC,
                "category": "construction_enterprise",
            },
        ).id


def attach(db, officer, application_id: int, name: str, content: bytes):  # type: ignore[no-untyped-def]
    with db.session() as session:
        document = admission.attach_document(session, officer, application_id, KIND, name, content)
        return document.mime_type, document.size


def refused(db, officer, application_id: int, name: str, content: bytes) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info, db.session() as session:
        admission.attach_document(session, officer, application_id, KIND, name, content)
    return info.value.errors["file"]


def stored(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(ApplicationDocument))


# --- files made the way real ones are -------------------------------------------------------------


def reportlab_pdf(pages: int = 2) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    drawing = canvas.Canvas(out, pagesize=A4)
    for page in range(1, pages + 1):
        drawing.drawString(72, 760, f"Business licence, page {page}")
        drawing.rect(72, 400, 451, 300)
        drawing.showPage()
    drawing.save()
    return out.getvalue()


def pillow_image(kind: str, size: tuple[int, int] = (300, 200)) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (245, 245, 240))
    ImageDraw.Draw(image).rectangle((10, 10, size[0] - 10, size[1] - 10), outline=(60, 60, 60), width=4)
    out = io.BytesIO()
    image.save(out, kind)
    return out.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A few dozen bytes whose header promises ``width`` × ``height`` RGB pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 4096))
        + chunk(b"IEND", b"")
    )


# --- accepted ------------------------------------------------------------------------------------------


def test_a_real_pdf_png_and_jpeg_are_accepted(db, officer, application_id) -> None:  # type: ignore[no-untyped-def]
    pdf, png, jpeg = reportlab_pdf(), pillow_image("PNG"), pillow_image("JPEG")
    assert attach(db, officer, application_id, "营业执照.pdf", pdf) == ("application/pdf", len(pdf))
    assert attach(db, officer, application_id, "营业执照.png", png) == ("image/png", len(png))
    assert attach(db, officer, application_id, "营业执照.jpg", jpeg) == ("image/jpeg", len(jpeg))
    assert stored(db) == 3


def test_a_pdf_protected_only_against_changes_is_accepted(db, officer, application_id) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(reportlab_pdf())))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")  # opens in any viewer
    out = io.BytesIO()
    writer.write(out)
    assert attach(db, officer, application_id, "下载的执照.pdf", out.getvalue())[0] == "application/pdf"


# --- refused -------------------------------------------------------------------------------------------


def test_an_executable_with_a_pdf_header_is_refused(db, officer, application_id) -> None:  # type: ignore[no-untyped-def]
    program = b"%PDF-1.7\n" + b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(range(256)) * 64
    message = refused(db, officer, application_id, "执照.pdf", program)
    assert message == "“执照.pdf”不是有效的 PDF 文件（无法读取页面），请重新扫描或另存为 PDF 后再上传。"
    assert stored(db) == 0


def test_a_truncated_pdf_is_refused(db, officer, application_id) -> None:  # type: ignore[no-untyped-def]
    pdf = reportlab_pdf(pages=3)
    for cut in (len(pdf) // 3, len(pdf) // 2, len(pdf) - 40):
        assert "不是有效的 PDF 文件" in refused(db, officer, application_id, "执照.pdf", pdf[:cut])
    assert stored(db) == 0


def test_a_pdf_with_an_opening_password_is_refused(db, officer, application_id) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(reportlab_pdf())))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    message = refused(db, officer, application_id, "执照.pdf", out.getvalue())
    assert message.startswith("“执照.pdf”设置了打开密码") and "没有密码的副本" in message


def test_a_truncated_png_and_jpeg_are_refused(db, officer, application_id) -> None:  # type: ignore[no-untyped-def]
    png, jpeg = pillow_image("PNG", (600, 400)), pillow_image("JPEG", (600, 400))
    message = refused(db, officer, application_id, "执照.png", png[: len(png) // 2])
    assert message.startswith("“执照.png”不是有效的 PNG 图片（无法完整读取")
    assert "不是有效的 JPEG 图片" in refused(db, officer, application_id, "执照.jpg", jpeg[: len(jpeg) // 2])
    assert stored(db) == 0


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")  # Pillow warns, we refuse
def test_a_decompression_bomb_is_refused_quickly(db, officer, application_id) -> None:  # type: ignore[no-untyped-def]
    # Far beyond Pillow's limit (10^10 pixels, 30 GB decoded) and just beyond it (10^8, 300 MB).
    for width, height in ((100_000, 100_000), (10_000, 10_000)):
        bomb = png_declaring(width, height)
        assert len(bomb) < 200
        started = time.monotonic()
        message = refused(db, officer, application_id, "执照{1}.png", bomb)  # braces: named as they are
        assert time.monotonic() - started < 2
        assert message.startswith("“执照{1}.png”的图像尺寸过大"), message
    assert "（10000 × 10000 像素）" in message
    assert stored(db) == 0


def test_a_renamed_word_or_zip_file_is_refused(db, officer, application_id) -> None:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    for name in ("执照.pdf", "执照.png", "执照.docx"):
        assert "只接受 PDF、JPEG、PNG" in refused(db, officer, application_id, name, out.getvalue())
    assert stored(db) == 0


def test_the_check_is_qt_free_and_database_free() -> None:
    """The function the admission code will take along to admission/attachments.py."""
    assert admission.attachment_problem("a.pdf", "application/pdf", reportlab_pdf(1)) is None
    assert admission.attachment_problem("a.png", "image/png", pillow_image("PNG")) is None
    assert "不是有效的 PDF" in admission.attachment_problem("a.pdf", "application/pdf", b"%PDF-1.4\n")
