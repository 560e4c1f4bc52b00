"""Files shown inside the program: a PDF (QtPdf) with Print (the system's printer) and Save as PDF,
a scanned image, and the temporary copies handed to the system's viewer.

Any part of the program that generates a PDF shows it here: ``show_pdf(path, title, parent)``;
several documents made by one action (certificates and plaque orders) in one window with a chooser:
``show_pdfs([(path, caption, print_path), …], title, parent)``. One preview window at a time (a new
one replaces the one open), sized to the screen it opens on (issue 16).
``print_path`` is the file sent to the printer and saved, when it differs from what is shown (the
certificate preview carries the stock's design, the print does not). An attachment (a scan kept
in the database) is shown with ``preview_attachment``: a PDF in the PDF preview, an image in
``ImageView``.

Printing renders each page with QPdfDocument at the printer's resolution (capped at 300 dpi)
onto the full paper, at actual size: pre-printed certificate stock and label sheets need the
page 1:1, never "fitted" by the printer.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui import msgbox

MAX_DPI = 300


def page_layout_for(document: QPdfDocument) -> QPageLayout:
    """The paper of the PDF's first page (A4, A4 landscape, an envelope …), margins zero."""
    size = document.pagePointSize(0) if document.pageCount() else QSizeF(595.28, 841.89)
    portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    page_size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (
        QPageLayout.Orientation.Landscape if size.width() > size.height() else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0))


def prepare_printer(printer: QPrinter, document: QPdfDocument) -> None:
    printer.setFullPage(True)
    printer.setPageLayout(page_layout_for(document))
    printer.setFromTo(1, max(document.pageCount(), 1))


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Send the pages (the printer's from–to range, else all) to ``printer``; returns pages sent."""
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    pages = range(first - 1, min(last, count)) if first > 0 and last > 0 else range(count)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("printer refused to start")
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        device_per_point = printer.resolution() / 72.0
        sent = 0
        for page in pages:
            if sent:
                printer.newPage()
            size = document.pagePointSize(page)
            image = document.render(page, (size * (dpi / 72.0)).toSize())
            # Full page: the painter's origin is the paper's corner, so the PDF lands at actual size.
            target = QRectF(QPointF(0, 0), size * device_per_point)
            painter.drawImage(target, image)
            sent += 1
    finally:
        painter.end()
    return sent


PREFERRED_SIZE = QSize(900, 1000)


def fit_to_screen(widget: QWidget, preferred: QSize = PREFERRED_SIZE) -> QSize:
    """``preferred``, shrunk to the free area of the screen the window opens on (a 1366×768 or
    1440×900 screen must show the whole window, title bar and buttons included)."""
    parent = widget.parentWidget()
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    size = QSize(preferred)
    if screen is not None:
        free = screen.availableGeometry()
        size = QSize(min(preferred.width(), free.width() - 40), min(preferred.height(), free.height() - 60))
    widget.resize(size)
    return size


class PdfPreviewDialog(QDialog):
    def __init__(
        self,
        path: str | Path,
        title: str = "",
        parent: QWidget | None = None,
        *,
        print_path: str | Path | None = None,
        suggested_name: str = "",
        more: list[tuple[Path, str, Path | None]] | None = None,
        caption: str = "",
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.print_path = Path(print_path) if print_path else self.path
        self.suggested_name = suggested_name or self.print_path.name
        self.setWindowTitle(title or self.tr("Preview"))
        fit_to_screen(self)
        self.document = QPdfDocument(self)
        self.document.load(str(self.path))
        self._print_document: QPdfDocument | None = None
        # The documents this window can show: (path, caption, print path); the first is shown.
        self.documents: list[tuple[Path, str, Path]] = [(self.path, caption or title, self.print_path)]
        for extra_path, caption, extra_print in more or []:
            self.documents.append((Path(extra_path), caption, Path(extra_print) if extra_print else Path(extra_path)))

        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        bar = QHBoxLayout()
        self.chooser = QComboBox()
        self.chooser.setObjectName("documents")
        for _path, caption, _print in self.documents:
            self.chooser.addItem(caption)
        self.chooser.setVisible(len(self.documents) > 1)
        self.chooser.currentIndexChanged.connect(self.show_document)
        bar.addWidget(self.chooser)
        self.pages_label = QLabel(self.tr("%n page(s)", "", self.document.pageCount()))
        self.pages_label.setObjectName("pages")
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        self.zoom = QComboBox()
        self.zoom.setObjectName("zoom")
        self.zoom.addItem(self.tr("Fit width"), "width")
        self.zoom.addItem(self.tr("Whole page"), "page")
        self.zoom.addItem("100%", 1.0)
        self.zoom.addItem("150%", 1.5)
        self.zoom.currentIndexChanged.connect(self._zoom_changed)
        bar.addWidget(self.zoom)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.print_button, self.save_button, close):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        self.print_note = QLabel(
            self.tr("The preview shows the certificate stock's design; only the fields are printed.")
        )
        self.print_note.setObjectName("print_note")
        self.print_note.setStyleSheet("color: #5f6368;")
        self.print_note.setVisible(self.print_path != self.path)
        layout.addWidget(self.print_note)
        layout.addWidget(self.view, 1)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    def show_document(self, index: int) -> None:
        """Show another of this window's documents (printing and saving then take that one)."""
        if not 0 <= index < len(self.documents):
            return
        self.path, _caption, self.print_path = self.documents[index]
        self.suggested_name = self.print_path.name
        self.document.close()
        self.document.load(str(self.path))
        if self._print_document is not None:
            self._print_document.close()
            self._print_document = None
        self.pages_label.setText(self.tr("%n page(s)", "", self.document.pageCount()))
        self.print_note.setVisible(self.print_path != self.path)
        if self.chooser.currentIndex() != index:
            self.chooser.setCurrentIndex(index)

    def _zoom_changed(self) -> None:
        value = self.zoom.currentData()
        if value == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif value == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(value))

    def printable(self) -> QPdfDocument:
        if self.print_path == self.path:
            return self.document
        if self._print_document is None:
            self._print_document = QPdfDocument(self)
            self._print_document.load(str(self.print_path))
        return self._print_document

    # Overridden by tests: the system's dialogs cannot be answered offscreen.
    def ask_printer(self, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def ask_save_path(self) -> str:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self.suggested_name, self.tr("PDF files (*.pdf)")
        )
        return name

    def print_(self) -> int:
        document = self.printable()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, document)
        if not self.ask_printer(printer):
            return 0
        try:
            return print_document(document, printer)
        except OSError:
            msgbox.warning(
                self, self.tr("Print"), self.tr("The printer could not be started. Check that it is on and connected.")
            )
            return 0

    def save(self) -> Path | None:
        name = self.ask_save_path()
        if not name:
            return None
        target = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
        try:
            shutil.copyfile(self.print_path, target)
        except OSError as exc:
            msgbox.warning(
                self,
                self.tr("Save as PDF"),
                self.tr("Could not save %1:\n%2").replace("%1", str(target)).replace("%2", str(exc)),
            )
            return None
        offer_open(self, target)
        return target


def offer_open(parent: QWidget | None, path: Path) -> None:
    """After a document was saved: open the file / open its folder."""
    from desktop_app.ui import table_export

    table_export.offer_open(
        parent,
        path,
        QCoreApplication.translate("Preview", "Saved %1.").replace("%1", str(path)),
        title=QCoreApplication.translate("Preview", "Save as PDF"),
    )


_current: list[PdfPreviewDialog] = []  # the one preview window open, if any


def current_preview() -> PdfPreviewDialog | None:
    """The preview window open now (None when none is)."""
    while _current and not (shiboken6.isValid(_current[-1]) and _current[-1].isVisible()):
        _current.pop()
    return _current[-1] if _current else None


def show_pdf(path: str | Path, title: str, parent: QWidget | None = None, **kwargs: object) -> PdfPreviewDialog:
    """Open the preview (window-modal, deleted on close) and return it. A preview already open is
    closed first: one preview window at a time, never two identical ones on top of each other."""
    previous = current_preview()
    if previous is not None:
        previous.close()
    _current.clear()
    dialog = PdfPreviewDialog(path, title, parent, **kwargs)  # type: ignore[arg-type]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _current.append(dialog)
    dialog.open()
    return dialog


def show_pdfs(
    documents: list[tuple[Path, str, Path | None]], title: str, parent: QWidget | None = None
) -> PdfPreviewDialog:
    """Several documents made by one action in one preview window, chosen at its top."""
    first_path, first_caption, first_print = documents[0]
    return show_pdf(
        first_path, title or first_caption, parent, print_path=first_print, more=documents[1:], caption=first_caption
    )


# --- attachments and other files kept in the database ------------------------------------------------


def temp_copy(file_name: str, content: bytes) -> Path:
    """A copy in a temporary folder, for the system viewer (the original stays in the database)."""
    folder = Path(tempfile.mkdtemp(prefix="membership-attachment-"))
    path = folder / (Path(file_name).name or "attachment")
    path.write_bytes(content)
    return path


def open_with_system(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ImageView(QDialog):
    """A scanned image inside the program, scaled to the window, with the system viewer."""

    def __init__(self, file_name: str, content: bytes, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(file_name)
        fit_to_screen(self, QSize(900, 700))
        self._file_name, self._content = file_name, content
        layout = QVBoxLayout(self)
        self.pixmap = QPixmap()
        self.pixmap.loadFromData(content)
        self.image = QLabel()
        self.image.setObjectName("image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.image)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox()
        system = buttons.addButton(self.tr("Open in the image viewer"), QDialogButtonBox.ButtonRole.ActionRole)
        system.clicked.connect(lambda: open_with_system(temp_copy(self._file_name, self._content)))
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._fit()

    def _fit(self) -> None:
        if self.pixmap.isNull():
            self.image.setText(self.tr("This image cannot be shown."))
            return
        size = self.size() * 0.92
        self.image.setPixmap(
            self.pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self._fit()


def preview_attachment(parent: QWidget | None, file_name: str, mime_type: str, content: bytes) -> QDialog:
    """A PDF in the PDF preview, an image in ``ImageView`` (opened, deleted on close)."""
    if mime_type == "application/pdf":
        return show_pdf(temp_copy(file_name, content), file_name, parent)
    dialog = ImageView(file_name, content, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
