"""Publishing the roster from the window (R-9.2), and the File-menu entries of issue 3.

File → Import members from Excel… opens the import wizard; File → Export roster… opens a small
dialog: the internal or the public version (no mobiles, WeChat or e-mail), saved as an Excel
workbook or previewed as a PDF (with Print and Save as PDF). The roster is built and written off
the GUI thread (``ops.Op(...).in_background``).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services.roster import build_roster, record_publication
from desktop_app.records import Roster
from desktop_app.ui import msgbox, ops, table_export


def install_file_actions(window: QMainWindow, menu: QMenu) -> list[QAction]:
    """Add Import… and Export roster… at the top of ``menu``, for the roles that may use them."""
    db: Database = window.db  # type: ignore[attr-defined]
    actor: Actor = window.actor  # type: ignore[attr-defined]
    first = menu.actions()[0] if menu.actions() else None
    actions = []
    if actor.can(Permission.EDIT_MEMBERS):
        action = QAction(QCoreApplication.translate("RosterExport", "&Import members from Excel…"), window)
        action.setObjectName("import_members")
        action.triggered.connect(lambda: open_import_wizard(window, db, actor))
        actions.append(action)
    if actor.can(Permission.VIEW_MEMBERS):
        action = QAction(QCoreApplication.translate("RosterExport", "&Export roster…"), window)
        action.setObjectName("export_roster")
        action.triggered.connect(lambda: open_export_dialog(window, db, actor))
        actions.append(action)
    if actions:
        menu.insertActions(first, actions)  # type: ignore[arg-type]
        menu.insertSeparator(first)  # type: ignore[arg-type]
    return actions


def open_import_wizard(window: QWidget, db: Database, actor: Actor):  # type: ignore[no-untyped-def]
    from desktop_app.ui.register.import_wizard import ImportWizard

    wizard = ImportWizard(db, actor, window)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()  # the register refreshes when the import announces the members it wrote
    return wizard


def open_export_dialog(window: QWidget, db: Database, actor: Actor) -> RosterExportDialog:
    dialog = RosterExportDialog(db, actor, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def default_name(public: bool, suffix: str, today: dt.date) -> str:
    version = "公开版" if public else "内部版"
    return f"会员名册（{version}）{today.isoformat()}{suffix}"


class RosterExportDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self.preview = None
        self.setWindowTitle(self.tr("Export roster"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The roster lists the active members by membership level, then by join date. "
                "Publish the public version on the website and in the work groups."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.internal = QRadioButton(self.tr("Internal version, with every contact detail"))
        self.internal.setObjectName("internal")
        self.public = QRadioButton(self.tr("Public version, without mobile phones, WeChat and e-mail"))
        self.public.setObjectName("public")
        self.public.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.internal)
        group.addButton(self.public)
        layout.addWidget(self.public)
        layout.addWidget(self.internal)
        # issue 17: where this export is published; ticked, the export is recorded in the
        # publication log (the workbench reminds when the last one is too old)
        self.website = QCheckBox(self.tr("Published on the association's website"))
        self.website.setObjectName("published_website")
        self.work_group = QCheckBox(self.tr("Published in the internal work groups"))
        self.work_group.setObjectName("published_work_group")
        may_publish = actor.can(Permission.PUBLISH_ROSTER)
        for box in (self.website, self.work_group):
            box.setVisible(may_publish)
            layout.addWidget(box)
        self.internal.toggled.connect(self._internal_chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.excel_button = QPushButton(self.tr("Save as &Excel…"))
        self.excel_button.setObjectName("excel")
        self.pdf_button = QPushButton(self.tr("&PDF preview…"))
        self.pdf_button.setObjectName("pdf")
        buttons.addButton(self.excel_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.excel_button.clicked.connect(self.save_excel)
        self.pdf_button.clicked.connect(self.show_pdf)
        layout.addWidget(buttons)
        self.resize(520, 200)

    def _busy(self, busy: bool) -> None:
        self.excel_button.setEnabled(not busy)
        self.pdf_button.setEnabled(not busy)

    def save_excel(self, path: str | None = None) -> None:
        public = self.public.isChecked()
        if not path:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            suggested = str(Path(folder) / default_name(public, ".xlsx", self._db.clock.today()))
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export roster"), suggested, self.tr("Excel workbooks (*.xlsx)")
            )
            if not path:
                return
        target = Path(path) if Path(path).suffix.lower() == ".xlsx" else Path(path + ".xlsx")
        actor = self._actor
        publish = self._publication(public)

        def work(session: Any, progress: ops.ProgressFn) -> Roster:
            from desktop_app.spreadsheets.roster import write_roster_xlsx

            roster = build_roster(session, actor, public=public)
            publish(session, roster, target.name, "xlsx")  # issue 17: before writing; a failed write undoes it
            write_roster_xlsx(roster, target, progress=progress)
            return roster

        def done(roster: Roster) -> None:
            self._busy(False)
            table_export.offer_open(  # open the file / open its folder (issue 16)
                self,
                Path(target),
                self.tr("The roster (%1, %2 members) was saved to %3.")
                .replace("%1", roster.version_label)
                .replace("%2", str(len(roster.rows)))
                .replace("%3", str(target)),
                title=self.tr("Export roster"),
            )

        self._run(work, done)

    def show_pdf(self) -> None:
        public = self.public.isChecked()
        db, actor = self._db, self._actor
        folder = Path(tempfile.mkdtemp(prefix="roster-"))
        name = default_name(public, ".pdf", db.clock.today())
        publish = self._publication(public)

        def work(session: Any, progress: ops.ProgressFn):  # type: ignore[no-untyped-def]
            from desktop_app.documents.roster import write_roster_pdf

            roster = build_roster(session, actor, public=public)
            publish(session, roster, name, "pdf")  # issue 17
            return roster, write_roster_pdf(roster, folder / name, progress=progress)

        def done(result) -> None:  # type: ignore[no-untyped-def]
            from desktop_app.ui.preview import show_pdf

            self._busy(False)
            roster, report = result
            if report.problems:
                lines = "\n".join(f"{who}：{message}" for who, message in report.problems[:20])
                msgbox.warning(
                    self,
                    self.tr("Export roster"),
                    self.tr("Some characters are in no installed font and are printed as 〓:") + "\n" + lines,
                )
            self.preview = show_pdf(
                folder / name, f"{roster.title}（{roster.version_label}）", self, suggested_name=name
            )

        self._run(work, done)

    def _internal_chosen(self, internal: bool) -> None:
        """issue 17: the internal version carries personal contact details: never on the website."""
        if internal:
            self.website.setChecked(False)
        self.website.setEnabled(not internal)

    def _publication(self, public: bool):  # type: ignore[no-untyped-def]
        """issue 17 (R-9.2): what records this export as published, if a place is ticked."""
        website, work_group, actor = self.website.isChecked(), self.work_group.isChecked(), self._actor

        def publish(session: Any, roster: Roster, file_name: str, file_format: str) -> None:
            if website or work_group:
                record_publication(
                    session,
                    actor,
                    public=public,
                    website=website,
                    work_group=work_group,
                    members=len(roster.rows),
                    file_name=file_name,
                    file_format=file_format,
                )

        return publish

    def _run(self, work, done) -> None:  # type: ignore[no-untyped-def]
        """Build and write in a worker (progress, Cancel); the buttons wait until it is over."""
        title = self.tr("Export roster")
        self._busy(True)

        def failed(exc: BaseException) -> None:
            self._busy(False)
            ops.show_failure(self, exc, title)

        published = {ops.REPORTS} if self.website.isChecked() or self.work_group.isChecked() else set()  # issue 17
        ops.Op(self, self._db, work, title=title, changes=published).in_background(
            self.tr("Writing the roster…")
        ).success(done).failure(failed).run()
