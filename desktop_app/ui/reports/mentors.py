"""The half-yearly mentor report (R-9.5): the figures per mentor for the chosen half year, the
ranking, the proposal column (suggested from the settings' thresholds, changed by the office with a
reason before export — who changed it is shown), a chart, Excel and PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.models.reports import ProposalChoice
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import reports
from desktop_app.core.services.reports import MentorLine, MentorReport
from desktop_app.ui import msgbox, ops
from desktop_app.ui.reports.charts import chart_view, show_bars
from desktop_app.ui.rows import Column, table
from desktop_app.ui.withdrawal.common import RowsModel, button, current_row

GREY = QColor("#9aa0a6")
RED = QColor("#c5221f")
GREEN = QColor("#188038")


def rate(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def money(value: Any) -> str:
    return f"{value:,.2f}"


class MentorReportTab(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.report: MentorReport | None = None
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Half year:")))
        self.half_box = QComboBox()
        self.half_box.setObjectName("half")
        today = db.clock.today()
        default = reports.default_half(today)
        for half in reports.recent_halves(today, 6):
            self.half_box.addItem(self.half_text(half), half.code)
        self.half_box.setCurrentIndex(max(0, self.half_box.findData(default.code)))
        self.half_box.currentIndexChanged.connect(lambda _i: self.reload())
        bar.addWidget(self.half_box)
        bar.addStretch(1)
        self.propose_button = button(self.tr("Change the proposal…"), "propose", self.propose)
        self.propose_button.setVisible(actor.can(Permission.PROPOSE_MENTOR_REWARDS))
        bar.addWidget(self.propose_button)
        bar.addWidget(button(self.tr("Export to &Excel…"), "export_excel", lambda: self.export(".xlsx")))
        bar.addWidget(button(self.tr("Export to &PDF…"), "export_pdf", lambda: self.export(".pdf")))
        layout.addLayout(bar)
        self.status = QLabel()
        self.status.setObjectName("report_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.model = RowsModel(
            [
                Column(self.tr("Rank"), lambda r: "" if r.rank is None else r.rank, 45, right=True),
                Column(self.tr("Mentor"), lambda r: r.mentor_name + ("" if r.active else self.tr(" (disabled)")), 110),
                Column(self.tr("Members served"), lambda r: r.members_served, 80, right=True),
                Column(self.tr("Contact entries"), lambda r: r.contact_entries, 80, right=True),
                Column(self.tr("Members contacted"), lambda r: r.members_contacted, 90, right=True),
                Column(self.tr("No contact"), lambda r: r.members_without_contact, 90, right=True),
                Column(
                    self.tr("WeChat group"),
                    lambda r: f"{r.wechat_joined}/{r.wechat_expected} {rate(r.wechat_rate)}",
                    130,
                    right=True,
                ),
                Column(
                    self.tr("Handover forms applied/filed"),
                    lambda r: f"{r.forms_applied}/{r.forms_filed}",
                    130,
                    right=True,
                ),
                Column(
                    self.tr("Days to apply"),
                    lambda r: "—" if r.days_to_apply is None else f"{r.days_to_apply:.1f}",
                    100,
                    right=True,
                ),
                Column(
                    self.tr("Dues billed"), lambda r: f"{r.billed_count} / {money(r.billed_amount)}", 150, right=True
                ),
                Column(
                    self.tr("Collected"), lambda r: f"{r.paid_count} / {money(r.collected_amount)}", 150, right=True
                ),
                Column(self.tr("Collection rate"), lambda r: rate(r.collection_rate), 75, right=True),
                Column(
                    self.tr("Arrears"), lambda r: f"{r.arrears_members} / {money(r.arrears_amount)}", 150, right=True
                ),
                Column(
                    self.tr("Outstanding liaisons"),
                    lambda r: f"{r.nominations_approved}/{r.nominations}",
                    160,
                    right=True,
                ),
                Column(self.tr("Score"), lambda r: "—" if r.score is None else f"{r.score:.1f}", 55, right=True),
                Column(
                    self.tr("Suggested"), lambda r: self.choice_text(r.suggested) if r.score is not None else "", 100
                ),
                Column(
                    self.tr("Proposal"),
                    lambda r: self.choice_text(r.proposal) if r.score is not None else "",
                    90,
                    colour=self.proposal_colour,
                ),
                Column(self.tr("Changed by"), self.changed_text, 300),
            ],
            self,
        )
        self.table = table(self.model, "mentor_report")
        self.table.doubleClicked.connect(lambda _index: self.propose())
        self.chart = chart_view("mentor_chart")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setSizes([380, 300])
        layout.addWidget(splitter, 1)
        self.rules = QLabel()
        self.rules.setObjectName("rules")
        self.rules.setWordWrap(True)
        self.rules.setStyleSheet("color: #5f6368;")
        layout.addWidget(self.rules)
        self._listener = ops.listen(
            self, {ops.REPORTS, ops.MENTORS, ops.DUES, ops.MEMBERS, ops.SETTINGS, ops.STAFF}, lambda _t: self.reload()
        )
        self.reload()

    # --- words -----------------------------------------------------------------------------------------

    def half_text(self, half: reports.HalfYear) -> str:
        text = self.tr("%1 first half") if half.half == 1 else self.tr("%1 second half")
        return text.replace("%1", str(half.year))

    def choice_text(self, choice: ProposalChoice) -> str:
        return {
            ProposalChoice.REWARD: self.tr("Reward"),
            ProposalChoice.NONE: self.tr("None"),
            ProposalChoice.PENALTY: self.tr("Penalty"),
        }[choice]

    def proposal_colour(self, line: MentorLine) -> QColor | None:
        if line.score is None:
            return GREY
        return {ProposalChoice.REWARD: GREEN, ProposalChoice.PENALTY: RED}.get(line.proposal)

    def changed_text(self, line: MentorLine) -> str:
        if not line.edited_by or line.edited_at is None:
            return ""
        when = line.edited_at.astimezone(self._db.clock.now().tzinfo).strftime("%Y-%m-%d %H:%M")
        text = f"{line.edited_by} {when}"
        return text + (f": {line.reason}" if line.reason else "")

    # --- reading --------------------------------------------------------------------------------------

    def half(self) -> str:
        return str(self.half_box.currentData())

    def reload(self) -> None:
        actor, half = self._actor, self.half()
        try:
            report = ops.query(self._db, lambda session: reports.mentor_report(session, actor, half))
        except Exception as exc:  # an office error (a wrong setting) is said, not a crash
            from desktop_app.errors import OfficeError

            if not isinstance(exc, OfficeError):
                raise
            self.report = None
            self.model.set_rows([])
            self.status.setText(ops.failure_text(exc))
            return
        selected = current_row(self.table)
        self.report = report
        rows: list[MentorLine] = [*report.lines, *([report.unassigned] if report.unassigned else []), report.total]
        self.model.set_rows(rows)
        if selected is not None:
            for number, line in enumerate(rows):
                if line.mentor_id is not None and line.mentor_id == selected.mentor_id:
                    self.table.selectRow(number)
        running = self.tr(" (the half year is still running)") if report.running else ""
        self.status.setText(
            self.tr("%1, from %2 to %3, counted up to %4%5. %6 mentors ranked.")
            .replace("%1", self.half_text(report.half))
            .replace("%2", report.half.start.isoformat())
            .replace("%3", report.half.end.isoformat())
            .replace("%4", report.as_of.isoformat())
            .replace("%5", running)
            .replace("%6", str(sum(1 for line in report.lines if line.rank is not None)))
        )
        self.rules.setText("\n".join(report.definitions()))
        ranked = [line for line in report.lines if line.score is not None]
        show_bars(
            self.chart,
            self.tr("Contacted, WeChat group coverage and dues collected, per mentor"),
            [line.mentor_name for line in ranked],
            [
                (self.tr("Members contacted"), [line.contact_rate or 0.0 for line in ranked]),
                (self.tr("WeChat group"), [line.wechat_rate or 0.0 for line in ranked]),
                (self.tr("Collection rate"), [line.collection_rate or 0.0 for line in ranked]),
            ],
            percent=True,
        )

    # --- the office's proposal --------------------------------------------------------------------------

    def propose(self) -> ProposalDialog | None:
        if not self._actor.can(Permission.PROPOSE_MENTOR_REWARDS):
            return None
        line = current_row(self.table)
        if line is None or line.mentor_id is None or line.score is None:
            msgbox.information(
                self,
                self.tr("Change the proposal"),
                self.tr("Choose a mentor with a score in the list first."),
            )
            return None
        dialog = ProposalDialog(self._db, self._actor, self.half(), line, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- Excel and PDF ------------------------------------------------------------------------------------

    def export(self, suffix: str, path: str | None = None) -> None:
        report = self.report
        if report is None:
            return
        if not path:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            name = f"班主任工作考核报告（{report.half.label}）{suffix}"
            pattern = self.tr("Excel workbooks (*.xlsx)") if suffix == ".xlsx" else self.tr("PDF files (*.pdf)")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the mentor report"), str(Path(folder) / name), pattern
            )
            if not path:
                return
        target = Path(path) if Path(path).suffix.lower() == suffix else Path(path + suffix)
        actor, half = self._actor, report.half

        def work(session: Any, progress: ops.ProgressFn) -> reports.Exported:
            return reports.export_mentor_report(session, actor, half, target, progress=progress)

        def done(result: reports.Exported) -> None:
            msgbox.information(
                self,
                self.tr("Export the mentor report"),
                self.tr("The report (%1 mentors) was saved to %2.")
                .replace("%1", str(result.rows))
                .replace("%2", str(result.path)),
            )

        ops.Op(self, self._db, work, title=self.tr("Export the mentor report")).in_background(
            self.tr("Writing the report…")
        ).success(done).run()


class ProposalDialog(QDialog):
    """The office's proposal for one mentor and half year: reward / none / penalty, with a reason
    when it differs from the suggestion (R-9.5)."""

    def __init__(self, db: Database, actor: Actor, half: str, line: MentorLine, parent: MentorReportTab):
        super().__init__(parent)
        self._db, self._actor, self._half, self._line = db, actor, half, line
        self.setWindowTitle(self.tr("Reward/penalty proposal – %1").replace("%1", line.mentor_name))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Score:"), QLabel("—" if line.score is None else f"{line.score:.1f}"))
        form.addRow(self.tr("Suggested by the thresholds:"), QLabel(parent.choice_text(line.suggested)))
        self.choice = QComboBox()
        self.choice.setObjectName("proposal")
        for choice in ProposalChoice:
            self.choice.addItem(parent.choice_text(choice), choice.value)
        self.choice.setCurrentIndex(self.choice.findData(line.proposal.value))
        form.addRow(self.tr("Proposal:"), self.choice)
        self.reason = QPlainTextEdit(line.reason or "")
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Required when the proposal differs from the suggestion"))
        self.reason.setTabChangesFocus(True)
        form.addRow(self.tr("Reason:"), self.reason)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(440, 280)

    def save(self) -> None:
        actor, half, mentor_id = self._actor, self._half, self._line.mentor_id
        choice, reason = self.choice.currentData(), self.reason.toPlainText()
        assert mentor_id is not None

        def failed(exc: BaseException) -> None:
            from desktop_app.errors import OfficeError

            if isinstance(exc, OfficeError):
                self.error.setText(ops.failure_text(exc))
            else:
                ops.show_failure(self, exc, self.windowTitle())

        ops.Op(
            self,
            self._db,
            lambda session: reports.save_proposal(session, actor, half, mentor_id, choice, reason),
            changes={ops.REPORTS},
            title=self.windowTitle(),
        ).success(lambda _row: self.accept()).failure(failed).run()
