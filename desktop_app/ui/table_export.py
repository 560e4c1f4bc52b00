"""“Export what I see” for every table of the program (issue 16).

One helper for any ``QTableView`` and its model: the rows on screen (the current search, filters and
sort — or only the selected rows), the visible columns in the order the person arranged them,
written to Excel through the one spreadsheet writer (``spreadsheets.tables.write_table_xlsx``: every
cell through ``spreadsheets.writer``, formulas neutralised), then “Open the file / Open its folder”.

``install(view, title)`` adds the two entries to the table's right-click menu (a table with a menu of
its own, such as the register's, adds ``actions(view, title)`` to it instead). A model with many rows
fetched lazily (the register) may offer ``rows_for_export(rows, columns) -> list[list[str]]`` to read
them in bulk; any other model is read cell by cell through ``data``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHeaderView,
    QListView,
    QMessageBox,
    QTableView,
    QTreeView,
    QWidget,
)

from desktop_app.records import SheetTable
from desktop_app.spreadsheets.tables import write_table_xlsx
from desktop_app.ui import msgbox, ops, preferences

Title = str | Callable[[], str] | None  # None: the title of the area the table is in
EXPORT_ACTION = "export_view"
EXPORT_SELECTION_ACTION = "export_selection"
PIXELS_PER_CHAR = 7.0  # a header section's pixels → Excel's width in characters


def _title(title: Title, view: QWidget) -> str:
    if title is None:
        return area_title(view)
    return title() if callable(title) else title


def header_of(view: QAbstractItemView) -> QHeaderView | None:
    """The column header of a table or tree; a list has none."""
    if isinstance(view, QTableView):
        return view.horizontalHeader()
    if isinstance(view, QTreeView):
        return view.header()
    return None


def visible_columns(view: QAbstractItemView) -> list[int]:
    """The model's columns that are shown, in the order the person sees them (after dragging)."""
    header = header_of(view)
    if header is None:
        return [view.modelColumn()] if isinstance(view, QListView) else [0]
    logical = (header.logicalIndex(visual) for visual in range(header.count()))
    return [column for column in logical if not header.isSectionHidden(column)]


def area_title(view: QWidget) -> str:
    """The title of the main window's area the view is in (the sheet's title by default)."""
    window = view.window()
    navigation = getattr(window, "navigation", None)
    item = navigation.currentItem() if navigation is not None else None
    return item.text() if item is not None else window.windowTitle()


def _all_rows(view: QAbstractItemView) -> list[QModelIndex]:
    """Column-0 indexes of every row shown, top to bottom (a tree's children under their parent)."""
    model = view.model()
    out: list[QModelIndex] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            if isinstance(view, QTreeView):
                hidden = view.isRowHidden(row, parent)
            elif isinstance(view, QTableView | QListView):
                hidden = view.isRowHidden(row)
            else:
                hidden = False
            if hidden:
                continue
            index = model.index(row, 0, parent)
            out.append(index)
            if isinstance(view, QTreeView) and model.hasChildren(index):
                walk(index)

    walk(QModelIndex())
    return out


def visible_rows(view: QAbstractItemView, *, selection_only: bool = False) -> list[QModelIndex]:
    """Every row on screen (top to bottom), or the selected ones."""
    rows = _all_rows(view)
    if selection_only:
        selected = {(i.row(), i.parent()) for i in view.selectionModel().selectedRows()}
        rows = [i for i in rows if (i.row(), i.parent()) in selected]
    return rows


def sheet_table(view: QAbstractItemView, title: str, *, selection_only: bool = False) -> SheetTable:
    """What the view shows, as a ``records.SheetTable``."""
    model = view.model()
    columns = visible_columns(view)
    rows = visible_rows(view, selection_only=selection_only)
    bulk = getattr(model, "rows_for_export", None)
    if callable(bulk):
        cells: list[list[object]] = [list(row) for row in bulk([i.row() for i in rows], columns)]
    else:
        cells = []
        for index in rows:
            line: list[object] = []
            for column in columns:
                value = model.data(index.siblingAtColumn(column), Qt.ItemDataRole.DisplayRole)
                line.append("" if value is None else value if isinstance(value, int | float) else str(value))
            cells.append(line)
    header = header_of(view)
    sheet_columns = [
        (
            str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or title),
            max(6.0, min(60.0, round((header.sectionSize(column) if header else view.width()) / PIXELS_PER_CHAR, 1))),
            False,
        )
        for column in columns
    ]
    count = len(cells)  # a plain name: lupdate misses the plural of a call's result
    exported = QCoreApplication.translate("TableExport", "Exported %1; %n row(s)", None, count).replace(
        "%1", dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    )
    return SheetTable(
        sheet_name=title[:31] or "Sheet1",
        heading=[title, exported],
        columns=sheet_columns,
        rows=cells,
        footing=[],
    )


def default_file_name(title: str) -> str:
    bad = '\\/:*?"<>|'
    clean = "".join("_" if ch in bad else ch for ch in title).strip() or "export"
    return f"{clean}_{dt.date.today():%Y%m%d}.xlsx"


def ask_path(parent: QWidget | None, title: str) -> str:
    """The file to write (empty: the person cancelled). Starts in the folder used last time."""
    folder = preferences.value(preferences.EXPORT_FOLDER) or str(Path.home())
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("TableExport", "Export to Excel"),
        str(Path(str(folder)) / default_file_name(title)),
        QCoreApplication.translate("TableExport", "Excel workbook (*.xlsx)"),
    )
    if path and not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    return path


def export_view(
    view: QAbstractItemView,
    title: Title,
    *,
    selection_only: bool = False,
    path: str | Path | None = None,
    on_done: Callable[[Path], None] | None = None,
) -> None:
    """Write what ``view`` shows (or its selection) to an Excel workbook, in a worker thread, then
    offer to open it. ``path`` skips the file dialog (scripts and tests)."""
    parent = view.window()
    name = _title(title, view)
    complete = getattr(view.model(), "is_complete", None)
    if callable(complete) and not complete():
        msgbox.information(
            parent,
            QCoreApplication.translate("TableExport", "Export to Excel"),
            QCoreApplication.translate("TableExport", "The list is still being read. Export again in a moment."),
        )
        return
    rows = visible_rows(view, selection_only=selection_only)
    if not rows:
        msgbox.information(
            parent,
            QCoreApplication.translate("TableExport", "Export to Excel"),
            QCoreApplication.translate("TableExport", "Select the rows to export first.")
            if selection_only
            else QCoreApplication.translate("TableExport", "There are no rows to export."),
        )
        return
    target = str(path) if path is not None else ask_path(parent, name)
    if not target:
        return
    table = sheet_table(view, name, selection_only=selection_only)
    out = Path(target)

    def work(_progress: ops.ProgressFn) -> Path:
        write_table_xlsx(table, out)
        return out

    count = len(table.rows)

    def done(written: Path) -> None:
        preferences.set_value(preferences.EXPORT_FOLDER, str(written.parent))
        if on_done is not None:
            on_done(written)
        offer_open(
            parent,
            written,
            QCoreApplication.translate("TableExport", "%n row(s) written to %1.", None, count).replace(
                "%1", str(written)
            ),
        )

    label = QCoreApplication.translate("TableExport", "Writing the workbook…") if len(rows) > 2000 else None
    ops.write_file(
        parent, work, on_success=done, label=label, title=QCoreApplication.translate("TableExport", "Export to Excel")
    )


def offer_open(parent: QWidget | None, path: Path, text: str, *, title: str | None = None) -> None:
    """After a file was written: Open the file / Open its folder / Close (every export and every
    saved document, issue 16; ``title`` names the action, default "Export to Excel")."""
    title = title or QCoreApplication.translate("TableExport", "Export to Excel")
    if msgbox.handler is not None:  # tests answer here as they do for every box
        msgbox.handler(msgbox.Shown("information", title, text))
        return
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.NoButton, parent)
    open_file = box.addButton(
        QCoreApplication.translate("TableExport", "Open the file"), QMessageBox.ButtonRole.AcceptRole
    )
    open_folder = box.addButton(
        QCoreApplication.translate("TableExport", "Open its folder"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(open_file)
    box.exec()
    if box.clickedButton() is open_file:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    elif box.clickedButton() is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def actions(view: QAbstractItemView, title: Title = None) -> list[QAction]:
    """“Export what I see…” and “Export the selected rows…”, for a table's own menu."""
    everything = QAction(QCoreApplication.translate("TableExport", "Export what I see to Excel…"), view)
    everything.setObjectName(EXPORT_ACTION)
    everything.triggered.connect(lambda: export_view(view, title))
    selected = QAction(QCoreApplication.translate("TableExport", "Export the selected rows to Excel…"), view)
    selected.setObjectName(EXPORT_SELECTION_ACTION)
    selected.triggered.connect(lambda: export_view(view, title, selection_only=True))
    return [everything, selected]


class _ColumnFitter(QObject):
    """Keeps a table's columns inside its width (issue 16: nothing scrolls sideways on a 1366×768
    screen): when the widths the view set do not fit the viewport, every column but the stretched
    last one shrinks in proportion (never below its header's text); with room again, they return to
    the widths the view set. Once the person drags a column, the widths are theirs and left alone."""

    MIN_LAST = 80

    def __init__(self, view: QAbstractItemView, header: QHeaderView):
        super().__init__(view)
        self.view, self.header = view, header
        self.designed: dict[int, int] = {i: header.sectionSize(i) for i in range(header.count())}
        self.fitting = False
        self.touched = False
        self.pending = False
        header.sectionResized.connect(self._resized)
        header.sectionCountChanged.connect(lambda *_args: self._schedule())
        view.viewport().installEventFilter(self)

    def _resized(self, section: int, _old: int, new: int) -> None:
        if self.fitting:
            return
        if QApplication.mouseButtons() & Qt.MouseButton.LeftButton and self.header.underMouse():
            self.touched = True  # the person drags a column's edge: their widths from now on
            return
        self.designed[section] = new  # the view set this width (or the last section stretched)
        self._schedule()

    def _schedule(self) -> None:
        if not self.pending:
            self.pending = True
            QTimer.singleShot(0, self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show) and watched is self.view.viewport():
            self.fit()
        return False

    def fit(self) -> None:
        self.pending = False
        header = self.header
        if self.touched or not shiboken_valid(header):
            return
        columns = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        if len(columns) < 2 or self.view.viewport().width() <= 0:
            return
        last = header.logicalIndex(header.count() - 1) if header.stretchLastSection() else None
        designed = {i: self.designed.get(i, header.sectionSize(i)) for i in columns}
        if last is not None:  # the stretched last column: as wide as the view set it, at least MIN_LAST
            designed[last] = max(self.MIN_LAST, min(designed[last], self.MIN_LAST * 3))
        available = self.view.viewport().width()
        wanted = sum(designed.values())
        if wanted <= available:
            widths = dict(designed)
            if last is not None:  # the stretch fills the rest
                widths[last] = min(designed[last], max(self.MIN_LAST, available - wanted + designed[last]))
        else:
            metrics = header.fontMetrics()
            model = self.view.model()
            texts = {
                i: metrics.horizontalAdvance(str(model.headerData(i, Qt.Orientation.Horizontal) or ""))
                for i in designed
            }
            # shrink in proportion, each column down to its header's text at most; if even that is too
            # wide (many columns in a narrow pane), down to a narrow floor: the headers are elided then
            for floors in ({i: min(w, texts[i] + 16) for i, w in designed.items()}, dict.fromkeys(designed, 36)):
                scale = available / wanted
                widths = {i: max(floors[i], int(width * scale)) for i, width in designed.items()}
                if sum(widths.values()) <= available:
                    break
                flexible = sum(w for i, w in designed.items() if int(w * scale) > floors[i])
                fixed = sum(floors[i] for i, w in designed.items() if int(w * scale) <= floors[i])
                if flexible > 0:
                    scale = max(0.0, (available - fixed) / flexible)
                    widths = {i: max(floors[i], int(width * scale)) for i, width in designed.items()}
                if sum(widths.values()) <= available:
                    break
        self.fitting = True
        try:
            for i, width in widths.items():
                if header.sectionSize(i) != width:
                    header.resizeSection(i, width)
        finally:
            self.fitting = False


def shiboken_valid(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def fit_columns(view: QAbstractItemView) -> None:
    """Keep ``view``'s columns inside its width (see ``_ColumnFitter``). Call after the widths are set."""
    header = header_of(view)
    if header is not None and view.findChild(_ColumnFitter) is None:
        _ColumnFitter(view, header)


def install(view: QAbstractItemView, title: Title = None, *, fit: bool = True) -> QAbstractItemView:
    """Give ``view`` Copy (Ctrl+C) and the export entries in its right-click menu, and (``fit``) keep
    its columns inside its width. Returns the view."""
    if fit:
        fit_columns(view)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    view.addAction(copy_action(view, title))
    for action in actions(view, title):
        view.addAction(action)
    return view


def copy_rows(view: QAbstractItemView, title: Title = None) -> int:
    """The selected rows (visible columns, as shown) to the clipboard as tab-separated text with a
    header line, as Excel and WPS paste it. Returns how many rows were copied."""
    if not view.selectionModel().selectedRows():
        return 0
    table = sheet_table(view, _title(title, view), selection_only=True)
    lines = ["\t".join(name for name, _width, _centred in table.columns)]
    lines += ["\t".join(str(cell) for cell in row) for row in table.rows]
    QGuiApplication.clipboard().setText("\n".join(lines))
    return len(table.rows)


def copy_action(view: QAbstractItemView, title: Title = None) -> QAction:
    action = QAction(QCoreApplication.translate("TableExport", "Copy"), view)
    action.setObjectName("copy")
    action.setShortcut(QKeySequence.StandardKey.Copy)
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(lambda: copy_rows(view, title))
    return action


def find_action(view: QWidget, name: str) -> QAction | None:
    return next((a for a in view.findChildren(QAction) if a.objectName() == name), None)
