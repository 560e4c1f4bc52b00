"""Issue 16 (B): one preview window at a time, sized to the screen it opens on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from desktop_app.ui import preview


def pdf(path: Path, pages: int = 1) -> Path:
    drawing = canvas.Canvas(str(path), pagesize=A4)
    for n in range(pages):
        drawing.drawString(100, 700, f"page {n + 1}")
        drawing.showPage()
    drawing.save()
    return path


def test_one_preview_at_a_time_and_it_fits_the_screen(qtbot, zh_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = preview.show_pdf(pdf(tmp_path / "a.pdf"), "甲")
    qtbot.waitExposed(first)
    free = QGuiApplication.primaryScreen().availableGeometry()
    assert first.width() <= free.width() and first.height() <= free.height()
    second = preview.show_pdf(pdf(tmp_path / "b.pdf", 2), "乙")
    qtbot.waitExposed(second)
    assert preview.current_preview() is second
    assert second.isVisible()
    assert [w for w in zh_app.topLevelWidgets() if isinstance(w, preview.PdfPreviewDialog) and w.isVisible()] == [
        second
    ]
    second.close()
    assert preview.current_preview() is None


def test_several_documents_in_one_window(qtbot, zh_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shown = preview.show_pdfs(
        [(pdf(tmp_path / "证.pdf"), "会员证", None), (pdf(tmp_path / "牌.pdf", 3), "牌匾订制单", None)], "打印队列"
    )
    qtbot.waitExposed(shown)
    assert shown.chooser.isVisibleTo(shown) and shown.chooser.count() == 2
    assert shown.chooser.itemText(0) == "会员证" and shown.document.pageCount() == 1
    shown.chooser.setCurrentIndex(1)
    assert shown.document.pageCount() == 3 and shown.path.name == "牌.pdf"
    assert shown.pages_label.text() == "共 3 页"
    shown.close()


def test_fit_to_screen_shrinks_to_a_small_screen(qtbot, zh_app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    free = QGuiApplication.primaryScreen().availableGeometry()
    size = preview.fit_to_screen(widget, QSize(free.width() + 500, free.height() + 500))
    assert size.width() <= free.width() - 40 and size.height() <= free.height() - 60
