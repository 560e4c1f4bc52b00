"""The import wizard: choose the office's Excel roster, see each row's fate, confirm, done.

The wizard is thin (STYLE.md §10): reading is ``spreadsheets.reader``, the decisions are
``core.services.importing``; the wizard shows them. Reading and planning run off the GUI thread
with a cancellable progress dialog (``ops.Op(...).in_background``); the preview is planned in a session that is
rolled back, and the import re-plans and writes in one transaction when the user confirms.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app import messages
from desktop_app.core.db import Database
from desktop_app.core.security import Actor
from desktop_app.core.services import importing
from desktop_app.core.services.importing import Fate, ImportPlan, RowOutcome
from desktop_app.core.validation import label as field_label
from desktop_app.errors import Cancelled, OfficeError
from desktop_app.spreadsheets.reader import RosterSheet, read_roster
from desktop_app.ui import history as history_texts
from desktop_app.ui import msgbox, ops, table_export
from desktop_app.ui.widgets import ERROR_STYLE

FILE_PAGE, PREVIEW_PAGE, RESULT_PAGE = range(3)
_COLOURS = {Fate.REJECTED: "#fbe3e1", Fate.DUPLICATE: "#eeeeee", Fate.UPDATED: "#e8f0fb"}
WARNING_COLOUR = "#fff4ce"  # written, but something the register needs is empty


def fate_label(outcome: RowOutcome) -> str:
    warned = bool(outcome.warnings)
    if outcome.fate == Fate.IMPORTED:
        if warned:
            return QCoreApplication.translate("ImportWizard", "New, with a warning")
        return QCoreApplication.translate("ImportWizard", "New")
    if outcome.fate == Fate.UPDATED:
        if outcome.unchanged and not warned:
            return QCoreApplication.translate("ImportWizard", "Unchanged")
        if outcome.unchanged:
            return QCoreApplication.translate("ImportWizard", "Unchanged, with a warning")
        if warned:
            return QCoreApplication.translate("ImportWizard", "Update, with a warning")
        return QCoreApplication.translate("ImportWizard", "Update")
    if outcome.fate == Fate.DUPLICATE:
        return QCoreApplication.translate("ImportWizard", "Duplicate")
    return QCoreApplication.translate("ImportWizard", "Rejected")


def _value(value: Any) -> str:
    if value in (None, ""):
        return "—"
    return str(getattr(value, "value", value))


def outcome_detail(outcome: RowOutcome) -> str:
    """Why a row is rejected or skipped, what an update changes, what was adjusted."""
    if outcome.fate in (Fate.REJECTED, Fate.DUPLICATE):
        return messages.render(outcome.reason)  # in the interface language
    parts = [messages.render(warning) for warning in outcome.warnings]  # first: what needs doing
    separator = "; " if messages.language() == messages.ENGLISH else "；"
    if outcome.changes:
        parts.append(
            separator.join(
                history_texts.change_text(field_label(k), _value(old), _value(new))
                for k, (old, new) in outcome.changes.items()
            )
        )
    parts.extend(messages.render(remark) for remark in outcome.remarks)  # in the interface language
    return separator.join(parts)


class PlanModel(QAbstractTableModel):
    """The rows of an import plan, optionally only those of one fate (a list of positions, no proxy)."""

    COLUMNS = ("row", "fate", "name", "uscc", "detail")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._outcomes: list[RowOutcome] = []
        self._shown: list[int] = []

    def set_plan(self, plan: ImportPlan | None, show: str = "all") -> None:
        self.beginResetModel()
        self._outcomes = plan.outcomes if plan is not None else []
        self._shown = [i for i, o in enumerate(self._outcomes) if self._wanted(o, show)]
        self.endResetModel()

    @staticmethod
    def _wanted(outcome: RowOutcome, show: str) -> bool:
        if show == "all":
            return True
        if show == "changed":
            return outcome.fate == Fate.UPDATED and not outcome.unchanged
        if show == "unchanged":
            return outcome.unchanged
        if show == "warned":
            return bool(outcome.warnings) and outcome.fate in (Fate.IMPORTED, Fate.UPDATED)
        return outcome.fate.value == show

    def outcome(self, row: int) -> RowOutcome:
        return self._outcomes[self._shown[row]]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Row"), self.tr("Result"), self.tr("Organisation"), self.tr("Credit code"), self.tr("Details"))[
            section
        ]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        outcome = self.outcome(index.row())
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == "row":
                return str(outcome.row)
            if column == "fate":
                return fate_label(outcome)
            if column == "name":
                return outcome.name
            if column == "uscc":
                return outcome.uscc
            return outcome_detail(outcome)
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and outcome.warnings
            and outcome.fate in (Fate.IMPORTED, Fate.UPDATED)
        ):
            return QBrush(QColor(WARNING_COLOUR))
        if role == Qt.ItemDataRole.BackgroundRole and outcome.fate in _COLOURS and not outcome.unchanged:
            return QBrush(QColor(_COLOURS[outcome.fate]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "row":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self._wizard = wizard
        self._loaded: Path | None = None
        self._reading = False  # this page's own work in flight (not the program's other workers)
        self.setTitle(self.tr("Choose the roster workbook"))
        self.setSubTitle(
            self.tr(
                "The office's Excel roster (.xlsx). Title rows, blank rows and a totals row are "
                "recognised. Nothing is written until you confirm."
            )
        )
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setObjectName("path")
        self.path.setPlaceholderText(self.tr("Path of the .xlsx file"))
        self.path.textChanged.connect(self._changed)
        row.addWidget(self.path, 1)
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.setObjectName("browse")
        self.browse.clicked.connect(self.choose_file)
        row.addWidget(self.browse)
        layout.addLayout(row)
        self.info = QLabel()
        self.info.setObjectName("file_info")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.info)
        layout.addStretch(1)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the roster workbook"), self.path.text(), self.tr("Excel workbooks (*.xlsx)")
        )
        if path:
            self.path.setText(path)

    def _changed(self) -> None:
        self.info.clear()
        self.info.setStyleSheet("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.path.text().strip()) and not self._reading

    def validatePage(self) -> bool:  # noqa: N802
        path = Path(self.path.text().strip())
        if self._loaded == path and self._wizard.table is not None:
            return True
        self.info.setText(self.tr("Reading the workbook…"))

        def loaded(table: RosterSheet) -> None:
            self._reading = False
            self._wizard.table, self._loaded = table, path
            header = "、".join(map(str, table.header_rows))
            self.info.setText(
                self.tr("Sheet “%1”, header in row %2, %3 data rows.")
                .replace("%1", table.sheet)
                .replace("%2", header)
                .replace("%3", str(len(table.rows)))
            )
            self._wizard.next()

        def failed(exc: BaseException) -> None:
            self._reading = False
            self.completeChanged.emit()
            if isinstance(exc, OfficeError):  # on the page, next to the file it is about
                self.info.setStyleSheet(ERROR_STYLE)
                self.info.setText(exc.message)
            else:
                self.info.clear()
                ops.show_failure(self, exc, self._wizard.windowTitle())

        # Reading needs no database; the operation runs it in a worker with progress and Cancel.
        self._reading = True
        ops.Op(self, self._wizard.db, lambda _session, _progress: read_roster(path)).in_background(
            self.tr("Reading the workbook…")
        ).success(loaded).failure(failed).run()
        self.completeChanged.emit()
        return False


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self._wizard = wizard
        self._writing = False  # the import in flight: Import pressed once is enough
        self.setTitle(self.tr("Check each row"))
        self.setSubTitle(
            self.tr(
                "Each row is matched by its credit code: new members are added, members already "
                "in the register are updated, repeated rows are skipped, and rows with errors are "
                "listed with the reason. Nothing has been written yet."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        bar = QHBoxLayout()
        self.show_box = QComboBox()
        self.show_box.setObjectName("show")
        for text, key in (
            (self.tr("All rows"), "all"),
            (self.tr("New members"), "imported"),
            (self.tr("Updates with changes"), "changed"),
            (self.tr("Unchanged"), "unchanged"),
            (self.tr("Duplicates"), "duplicate"),
            (self.tr("Rejected"), "rejected"),
            (self.tr("With warnings"), "warned"),
        ):
            self.show_box.addItem(text, key)
        self.show_box.currentIndexChanged.connect(self._filter)
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.show_box)
        bar.addStretch(1)
        self.save_rejected = QPushButton(self.tr("Save rejected rows…"))
        self.save_rejected.setObjectName("save_rejected")
        self.save_rejected.clicked.connect(wizard.save_rejected)
        bar.addWidget(self.save_rejected)
        layout.addLayout(bar)
        self.model = PlanModel(self)
        self.table = QTableView()
        self.table.setObjectName("preview")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((56, 110, 240, 160)):  # "新增（有提醒）" fits
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        # The chosen row's reason in full, wrapped: a long reason is never cut (issue 16).
        self.detail = QLabel()
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 2)
        layout.addWidget(self.detail)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.model.modelReset.connect(self.detail.clear)

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        outcome = self.model.outcome(current.row())
        text = outcome_detail(outcome)
        self.detail.setText(
            self.tr("Row %1 (%2): %3")
            .replace("%1", str(outcome.row))
            .replace("%2", fate_label(outcome))
            .replace("%3", text or "—")
        )

    def initializePage(self) -> None:  # noqa: N802
        self._wizard.plan = None
        self.model.set_plan(None)
        self.summary.setText(self.tr("Checking the rows…"))
        self.save_rejected.setEnabled(False)
        table = self._wizard.table
        assert table is not None
        db, actor = self._wizard.db, self._wizard.actor

        def plan(session: Any, progress: ops.ProgressFn) -> ImportPlan:
            try:  # a preview: planned in a session that is rolled back, writing nothing
                return importing.plan_import(session, actor, table, progress=progress)
            finally:
                session.rollback()

        def planned(result: ImportPlan) -> None:
            self._wizard.plan = result
            self.summary.setText(self._wizard.describe(result, done=False))
            self.model.set_plan(result, self.show_box.currentData())
            self.save_rejected.setEnabled(result.rejected > 0)
            self.completeChanged.emit()

        def failed(exc: BaseException) -> None:
            self.completeChanged.emit()
            if isinstance(exc, OfficeError):  # on the page, where the rows would be
                self.summary.setStyleSheet(ERROR_STYLE)
                self.summary.setText(exc.message)
            else:
                self.summary.clear()
                ops.show_failure(self, exc, self._wizard.windowTitle())

        ops.Op(self, db, plan, title=self._wizard.windowTitle()).in_background(self.tr("Checking the rows…")).success(
            planned
        ).failure(failed).run()

    def _filter(self) -> None:
        self.model.set_plan(self._wizard.plan, self.show_box.currentData())

    def isComplete(self) -> bool:  # noqa: N802
        return self._wizard.plan is not None and not self._writing

    def validatePage(self) -> bool:  # noqa: N802
        if self._wizard.result is not None:
            return True
        table = self._wizard.table
        assert table is not None
        db, actor = self._wizard.db, self._wizard.actor

        def write(session: Any, progress: ops.ProgressFn) -> ImportPlan:
            return importing.import_members(session, actor, table, progress=progress)  # one transaction

        def written(result: ImportPlan) -> None:
            self._writing = False
            self._wizard.result = result
            self._wizard.imported.emit()
            self._wizard.next()

        def failed(exc: BaseException) -> None:
            self._writing = False
            self.completeChanged.emit()
            if isinstance(exc, Cancelled):  # said, since the person pressed Cancel on a write
                msgbox.information(self, self._wizard.windowTitle(), self.tr("Import cancelled. Nothing was written."))
            else:
                ops.show_failure(self, exc, self._wizard.windowTitle(), note=self.tr("Nothing was written."))

        # Members are entered and corrected, mentors assigned: the register and the mentors' lists
        # refresh when the import has committed.
        self._writing = True
        ops.Op(self, db, write, changes={ops.MEMBERS, ops.MENTORS}, title=self._wizard.windowTitle()).in_background(
            self.tr("Importing…")
        ).success(written).failure(failed).run()
        self.completeChanged.emit()
        return False


class ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Import finished"))
        self.setFinalPage(True)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("result")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.save_rejected = QPushButton(self.tr("Save rejected rows to send back to the mentors…"))
        self.save_rejected.setObjectName("save_rejected_result")
        self.save_rejected.clicked.connect(wizard.save_rejected)
        layout.addWidget(self.save_rejected, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        result = self._wizard.result
        assert result is not None
        self.summary.setText(self._wizard.describe(result, done=True))
        self.save_rejected.setVisible(result.rejected > 0)


class ImportWizard(QWizard):
    """File → Import members from Excel…"""

    imported = Signal()  # members were written (the views hear it from ``ops.changes()``)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.table: RosterSheet | None = None
        self.plan: ImportPlan | None = None
        self.result: ImportPlan | None = None
        self.setWindowTitle(self.tr("Import members from Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(1000, 680)
        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        self.setPage(FILE_PAGE, self.file_page)
        self.setPage(PREVIEW_PAGE, self.preview_page)
        self.setPage(RESULT_PAGE, self.result_page)

    def describe(self, plan: ImportPlan, *, done: bool) -> str:
        if done:
            text = self.tr(
                "Imported %1 new members; updated %2 (%3 of them were already up to date); "
                "skipped %4 duplicate rows; %5 rows were not imported."
            )
        else:
            text = self.tr(
                "%1 new members, %2 to update (%3 of them already up to date), %4 duplicate rows, "
                "%5 rows that cannot be imported."
            )
        for marker, value in (
            ("%1", plan.imported),
            ("%2", plan.updated),
            ("%3", plan.unchanged),
            ("%4", plan.duplicates),
            ("%5", plan.rejected),
        ):
            text = text.replace(marker, str(value))
        lines = [text]
        if plan.warned:
            lines.append(
                self.tr(
                    "%1 of the rows written leave empty something the register needs (joining date, address, "
                    "postcode): shown in yellow, listed under “With warnings”."
                ).replace("%1", str(plan.warned))
            )
        skipped = len(plan.blank_rows) + len(plan.totals_rows) + len(plan.repeated_headers)
        if skipped:
            lines.append(
                self.tr("%1 blank, totals or repeated header rows are not members and were left out.").replace(
                    "%1", str(skipped)
                )
            )
        lines.extend(plan.notes)
        return "\n".join(lines)

    def save_rejected(self) -> Path | None:
        plan = self.result or self.plan
        if plan is None or self.table is None or not plan.rejected:
            return None
        suggested = str(self.table.path.with_name(f"{self.table.path.stem}-未导入的行.xlsx"))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save rejected rows"), suggested, self.tr("Excel workbooks (*.xlsx)")
        )
        if not path:
            return None
        return self.write_rejected(Path(path))

    def write_rejected(self, path: Path) -> Path | None:
        from desktop_app.spreadsheets.rejected import write_rejected_rows

        plan = self.result or self.plan
        assert plan is not None and self.table is not None
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            write_rejected_rows(self.table, [(o.row, o.reason) for o in plan.rejected_rows()], path)
        except OSError as exc:
            msgbox.warning(
                self,
                self.tr("Save rejected rows"),
                self.tr("Could not save %1:\n%2").replace("%1", str(path)).replace("%2", str(exc)),
            )
            return None
        table_export.offer_open(  # open the file / open its folder (issue 16)
            self,
            path,
            self.tr("%1 rejected rows with their reasons were saved to %2.")
            .replace("%1", str(plan.rejected))
            .replace("%2", str(path)),
            title=self.tr("Save rejected rows"),
        )
        return path
