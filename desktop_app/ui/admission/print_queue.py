"""The print queue of the admission area: the membership certificates and plaque orders that
registration queued (R-5.1 (6)) — preview and print them, then record that they were printed.

The certificate is printed with this workstation's printer offset, as the Documents area keeps it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.models import PrintKind, PrintStatus
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import admission, documents
from desktop_app.ui import guards, msgbox, ops, preferences, table_export
from desktop_app.ui.preview import show_pdfs

CONTEXT = "AdmissionLabels"

PRINT_KINDS = {
    PrintKind.CERTIFICATE: QT_TRANSLATE_NOOP("AdmissionLabels", "Membership certificate"),
    PrintKind.PLAQUE_ORDER: QT_TRANSLATE_NOOP("AdmissionLabels", "Plaque order"),
}


def certificate_offset() -> tuple[float, float]:
    """This workstation's certificate printer offset, as the Documents area keeps it."""
    try:
        return (
            float(preferences.value(preferences.CERTIFICATE_OFFSET_X, 0.0) or 0.0),
            float(preferences.value(preferences.CERTIFICATE_OFFSET_Y, 0.0) or 0.0),
        )
    except (TypeError, ValueError):
        return 0.0, 0.0


class PrintQueueDialog(QDialog):
    """Certificates and plaque orders queued by registration (R-5.1 (6)): preview and print them,
    then record that they were printed."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.generated: list[Any] = []
        self.previews: list[QDialog] = []
        self.setWindowTitle(self.tr("Print queue: certificates and plaque orders"))
        self.resize(820, 460)
        layout = QVBoxLayout(self)
        self.show_printed = QCheckBox(self.tr("Also show what was printed"))
        self.show_printed.setObjectName("show_printed")
        self.show_printed.toggled.connect(self.reload)
        layout.addWidget(self.show_printed)
        self.tree = QTreeWidget()
        self.tree.setObjectName("jobs")
        table_export.install(self.tree)  # “export what I see” (issue 16)
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setHeaderLabels(
            [
                self.tr("Document"),
                self.tr("Member"),
                self.tr("Member number"),
                self.tr("Certificate number"),
                self.tr("Level"),
                self.tr("Queued"),
                self.tr("Printed"),
            ]
        )
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.tree, 1)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.preview_button = buttons.addButton(self.tr("Preview and print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setObjectName("preview")
        self.printed_button = buttons.addButton(self.tr("Mark as printed"), QDialogButtonBox.ButtonRole.ActionRole)
        self.printed_button.setObjectName("mark_printed")
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("close")
        self.preview_button.clicked.connect(self.preview)
        self.printed_button.clicked.connect(self.mark_printed)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._allowed = actor.can(Permission.PRINT_CERTIFICATES)
        self.tree.itemChanged.connect(lambda _item, _column: self._update_buttons())
        self.reload()
        # Printed here, queued by a registration on this or another workstation (F5).
        self._listener = ops.listen(self, {ops.PRINT_JOBS}, lambda _topics: self.reload())

    def reload(self) -> None:
        """The jobs again; a queued one the person had unticked stays unticked."""
        unticked = {
            item.data(0, Qt.ItemDataRole.UserRole)
            for item in (self.tree.topLevelItem(r) for r in range(self.tree.topLevelItemCount()))
            if item.checkState(0) == Qt.CheckState.Unchecked
        }
        status = None if self.show_printed.isChecked() else PrintStatus.QUEUED
        jobs = ops.query(self._db, lambda session: admission.print_jobs(session, status=status))
        self.tree.clear()
        zone = self._db.clock.now().tzinfo
        for job in jobs:
            printed = (
                f"{job.printed_at.astimezone(zone):%Y-%m-%d %H:%M} {job.printed_by or ''}" if job.printed_at else ""
            )
            item = QTreeWidgetItem(
                [
                    QCoreApplication.translate(CONTEXT, PRINT_KINDS[job.kind]),
                    job.member_name,
                    job.member_number,
                    job.certificate_number or "",
                    job.level,
                    f"{job.queued_at.astimezone(zone):%Y-%m-%d %H:%M}",
                    printed,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, job.id)
            if job.printed_at is None:
                unchecked = job.id in unticked
                item.setCheckState(0, Qt.CheckState.Unchecked if unchecked else Qt.CheckState.Checked)
            self.tree.addTopLevelItem(item)
        for column in (0, 2, 3, 4, 5):
            self.tree.resizeColumnToContents(column)
        queued = sum(1 for j in jobs if j.printed_at is None)
        self.status.setText(self.tr("%n document(s) waiting to be printed.", "", queued))
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Preview and Mark as printed act on the ticked documents: disabled, saying why, with none."""
        ticked = len(self.checked_jobs())
        if not self._allowed:
            reason = admission.permission_refusal(self._actor, Permission.PRINT_CERTIFICATES) or ""
        elif not ticked:
            reason = self.tr("Tick the documents to print first.")
        else:
            reason = ""
        for button in (self.preview_button, self.printed_button):
            button.setEnabled(not reason)
            button.setToolTip(reason)

    def checked_jobs(self) -> list[int]:
        out = []
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item.checkState(0) == Qt.CheckState.Checked:
                out.append(item.data(0, Qt.ItemDataRole.UserRole))
        return out

    def preview(self) -> None:
        jobs = self.checked_jobs()
        if not jobs:
            msgbox.information(self, self.windowTitle(), self.tr("Tick the documents to print first."))
            return
        folder = Path(tempfile.mkdtemp(prefix="membership-print-"))
        offset, actor = certificate_offset(), self._actor

        def work(session: Any, progress: ops.ProgressFn) -> list[Any]:
            return documents.print_queued(session, actor, jobs, folder, certificate_offset_mm=offset, progress=progress)

        ops.Op(self, self._db, work, changes={ops.DOCUMENTS}, title=self.windowTitle()).in_background(
            self.tr("Drawing the documents…")
        ).success(self._show_generated).run()

    def _show_generated(self, generated: list[Any]) -> None:
        self.generated = generated
        lines = [g.generated.summary() for g in generated]
        for g in generated:
            lines += [f"{p.who}：{p.message}" for p in g.generated.problems]
        self.status.setText(
            "\n".join(lines) + "\n" + self.tr("After printing, tick what came out right and mark it as printed.")
        )
        if generated:  # certificates and plaque orders in one preview window, chosen at its top
            self.previews.append(
                show_pdfs(
                    [(g.preview_path, g.generated.summary(), g.print_path) for g in generated],
                    self.tr("Print queue: certificates and plaque orders"),
                    self,
                )
            )

    def mark_printed(self) -> None:
        jobs = self.checked_jobs()
        if not jobs:
            return
        if not guards.confirm(
            self,
            self.tr("Mark as printed"),
            self.tr(
                "%n ticked document(s) will be recorded as printed, by you, now, and leave the print queue. "
                "Only do this when the paper came out right: it cannot be undone here.",
                "",
                len(jobs),
            ),
            self.tr("Mark them as printed"),
        ):
            return
        # PRINT_JOBS: this list, and the count on the admission area's button, read again.
        ops.Op(
            self,
            self._db,
            lambda session: admission.mark_printed(session, self._actor, jobs),
            changes={ops.PRINT_JOBS},
            title=self.windowTitle(),
        ).run()
