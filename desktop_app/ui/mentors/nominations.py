"""Outstanding liaisons (R-10.5): the nominations of a period with the secretariat's decision, the
list of a period to Excel. A mentor nominates its members' liaisons; the office decides."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core.db import Database
from desktop_app.core.models import NominationDecision
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import mentors
from desktop_app.ui import msgbox, ops
from desktop_app.ui.mentors.common import RowsModel, current_row, decision_label, period_text
from desktop_app.ui.mentors.dialogs import DecisionDialog, NominationDialog
from desktop_app.ui.rows import AMBER, Column, day, table
from desktop_app.ui.widgets import EmptyState


class NominationsView(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self._decide = actor.can(Permission.DECIDE_MENTOR_SUBMISSIONS)
        self._nominate = actor.can(Permission.NOMINATE_LIAISONS)
        self.dialog: Any = None
        self.save_path: Path | None = None  # tests set it instead of answering the file dialog
        self._build()
        self.reload()
        self._listener = ops.listen(self, {ops.MENTORS, ops.MEMBERS}, lambda _t: self.reload())

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period")))
        self.period_box = QComboBox()
        self.period_box.setObjectName("period")
        for code in mentors.periods_around(self._db.clock.today()):
            self.period_box.addItem(period_text(code), code)
        self.period_box.addItem(self.tr("All periods"), None)
        self.period_box.currentIndexChanged.connect(self.reload)
        bar.addWidget(self.period_box)
        bar.addStretch(1)
        self.nominate_button = QPushButton(self.tr("Nominate a liaison…"))
        self.nominate_button.setObjectName("nominate")
        self.nominate_button.clicked.connect(self.nominate)
        self.nominate_button.setVisible(self._nominate)
        self.approve_button = QPushButton(self.tr("Outstanding liaison…"))
        self.approve_button.setObjectName("approve")
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.decline_button = QPushButton(self.tr("Not selected…"))
        self.decline_button.setObjectName("decline")
        self.decline_button.clicked.connect(lambda: self.decide(False))
        for button in (self.approve_button, self.decline_button):
            button.setVisible(self._decide)
        self.export_button = QPushButton(self.tr("Export the list to Excel…"))
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export)
        for button in (self.nominate_button, self.approve_button, self.decline_button, self.export_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.model = RowsModel(
            [
                Column(self.tr("Period"), lambda n: period_text(n.period), 90),
                Column(self.tr("Member"), lambda n: n.member_name, 220),
                Column(self.tr("Liaison"), lambda n: n.liaison_name, 60),
                Column(self.tr("Mobile"), lambda n: n.liaison_mobile, 95),
                Column(self.tr("Mentor"), lambda n: n.nominated_by, 60),
                Column(self.tr("Nominated"), lambda n: day(n.nominated_on), 85),
                Column(self.tr("Reason"), lambda n: n.reason, 220),
                Column(
                    self.tr("Decision"),
                    lambda n: decision_label(n.decision),
                    110,
                    colour=lambda n: AMBER if n.decision == NominationDecision.PENDING else None,
                ),
                Column(self.tr("Note"), lambda n: n.decision_note, 140),
            ],
            self,
        )
        self.table = table(self.model, "nominations")
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.empty = EmptyState(self.table)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        layout.addWidget(self.count_label)

    def period(self) -> str | None:
        return self.period_box.currentData()

    def reload(self) -> None:
        period, actor = self.period(), self._actor
        rows = ops.query(self._db, lambda session: mentors.nominations(session, actor, period=period))
        self.model.set_rows(rows)
        approved = sum(1 for r in rows if r.decision == NominationDecision.APPROVED)
        self.count_label.setText(
            self.tr("%1 nomination(s), %2 outstanding liaison(s)")
            .replace("%1", str(len(rows)))
            .replace("%2", str(approved))
        )
        self.empty.set_text(self.tr("No nomination for this period."))
        self.empty.update()
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = current_row(self.table)
        pending = row is not None and row.decision == NominationDecision.PENDING
        self.approve_button.setEnabled(pending)
        self.decline_button.setEnabled(pending)
        self.export_button.setEnabled(self.period() is not None and bool(self.model.rows))

    def _open(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def nominate(self) -> Any:
        if not self._nominate:
            return None
        actor = self._actor
        members = ops.query(self._db, lambda session: mentors.mentor_members(session, actor))
        return self._open(
            NominationDialog(self, self._db, self._actor, [(m.member_id, m.name, m.liaison_name) for m in members])
        )

    def decide(self, approve: bool) -> Any:
        row = current_row(self.table)
        if row is None or row.decision != NominationDecision.PENDING or not self._decide:
            return None
        return self._open(DecisionDialog(self, self._db, self._actor, row, approve))

    def export(self) -> Path | None:
        period = self.period()
        if period is None:
            return None
        path = self.save_path
        if path is None:
            name = self.tr("Outstanding liaisons %1.xlsx").replace("%1", period_text(period))
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export the list to Excel"), str(Path.home() / name), self.tr("Excel workbook (*.xlsx)")
            )
            if not chosen:
                return None
            path = Path(chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx")
        actor, target = self._actor, path
        result: list[Path] = []

        def done(rows: int) -> None:
            result.append(target)
            msgbox.information(
                self,
                self.tr("Export the list to Excel"),
                self.tr("%1 nomination(s) written to %2").replace("%1", str(rows)).replace("%2", str(target)),
            )

        ops.Op(
            self,
            self._db,
            lambda session: mentors.export_nominations(session, actor, period, target),
            title=self.tr("Export the list to Excel"),
        ).success(done).run()
        return result[0] if result else None
