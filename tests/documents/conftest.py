"""Helpers for the document tests: a context like the office's, and reading PDFs back."""

from __future__ import annotations

import datetime as dt
import io
import math
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from desktop_app.documents.inputs import AssociationInfo, DocumentContext

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
# Characters of CJK Extension B (not in WenQuanYi; HanaMin has them) and one no font has.
RARE = "𠀀"
RARE2 = "𡈼"
NO_FONT = "\U0002ebf0"  # CJK Extension I: in none of the installed fonts


def make_seal() -> bytes:
    """A red ring on a transparent background, like the scan of a seal."""
    image = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 192, 192), outline=(210, 20, 20, 230), width=10)
    draw.regular_polygon((100, 100, 40), 5, fill=(210, 20, 20, 230))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def context() -> DocumentContext:
    return DocumentContext(
        association=AssociationInfo("武汉建筑业协会", "武汉市江岸区解放大道1399号", "430010", "027-82836617"),
        today=dt.date(2026, 11, 26),
        seal_png=make_seal(),
    )


def squash(text: str) -> str:
    """Without the line breaks and ASCII spaces pypdf puts between lines, runs and wide gaps."""
    return text.replace("\n", "").replace(" ", "")


def pdf_text(path: Path | str) -> str:
    """All text of the PDF, squashed (compare with strings that have no ASCII spaces)."""
    return "".join(squash(page.extract_text() or "") for page in PdfReader(str(path)).pages)


def page_texts(path: Path | str) -> list[str]:
    return [squash(page.extract_text() or "") for page in PdfReader(str(path)).pages]


def page_sizes(path: Path | str) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(str(path)).pages]


def same_size(a: tuple[float, float], b: tuple[float, float], tolerance: float = 1.0) -> bool:
    return math.isclose(a[0], b[0], abs_tol=tolerance) and math.isclose(a[1], b[1], abs_tol=tolerance)


def fonts_of(path: Path | str) -> dict[str, bool]:
    """Every font in the pages' resources → whether its program is embedded."""
    found: dict[str, bool] = {}
    for page in PdfReader(str(path)).pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
    return found


def assert_fonts_embedded(path: Path | str) -> None:
    fonts = fonts_of(path)
    assert fonts, "no fonts in the PDF"
    assert all(fonts.values()), f"fonts not embedded: {fonts}"
    assert not any("STSong" in name or "Helvetica" in name for name in fonts), fonts
