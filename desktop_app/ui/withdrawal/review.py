"""The cancellation review (R-12.1): the candidates for a chosen date, each ground with its evidence;
staff tick the ones to confirm and confirm them in one step."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.models.withdrawal import Ground
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import withdrawal
from desktop_app.ui import msgbox, ops
from desktop_app.ui.rows import AMBER, Column, table
from desktop_app.ui.widgets import EmptyState
from desktop_app.ui.withdrawal.common import (
    Field,
    FormDialog,
    RowsModel,
    button,
    current_row,
    disqualification_choices,
    enable,
    ground_label,
    html,
    open_dialog,
)


class ReviewTab(QWidget):
    def __init__(self, db: Any, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.dialog: Any = None
        self.reviewed_on: dt.date | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Review date:")))
        today = db.clock.today()
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setObjectName("review_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        bar.addWidget(self.date)
        self.run_button = button(self.tr("Run the review"), "run_review", self.run)
        self.run_button.setDefault(True)
        bar.addWidget(self.run_button)
        self.show_cases = QCheckBox(self.tr("Include members already in a case"))
        self.show_cases.setObjectName("show_cases")
        self.show_cases.toggled.connect(lambda _on: self._fill())
        bar.addWidget(self.show_cases)
        bar.addStretch(1)
        self.disqualify_button = button(
            self.tr("Record a disqualification…"), "record_disqualification", self.disqualify
        )
        bar.addWidget(self.disqualify_button)
        layout.addLayout(bar)
        explanation = QLabel(
            self.tr(
                "Article 12: members that have not paid dues for more than a year, have not taken part in "
                "association activities for more than a year (counted only while they were members), or no "
                "longer qualify. Tick the candidates to confirm; a notice can be issued only for confirmed ones."
            )
        )
        explanation.setWordWrap(True)
        explanation.setStyleSheet("color: #5f6368;")
        layout.addWidget(explanation)

        self.model = RowsModel(
            [
                Column(self.tr("Confirm"), lambda c: "", 60),
                Column(self.tr("Number"), lambda c: c.member_number, 110),
                Column(self.tr("Organisation"), lambda c: c.name, 300),
                Column(self.tr("Level"), lambda c: c.level, 110),
                Column(self.tr("Mentor"), lambda c: c.mentor_name or "", 80),
                Column(self.tr("Grounds"), lambda c: "".join(g.ground.item for g in c.grounds), 110),
                Column(
                    self.tr("Case"),
                    lambda c: c.open_case_status or "",
                    160,
                    colour=lambda c: AMBER if c.open_case_id else None,
                ),
            ],
            self,
            checkable=True,
        )
        self.table = table(self.model, "candidates")
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_evidence())
        self.model.dataChanged.connect(lambda *_: self._update_buttons())
        self.empty = EmptyState(self.table)
        self.evidence = QTextBrowser()
        self.evidence.setObjectName("evidence")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.evidence)
        splitter.setSizes([420, 180])
        layout.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        self.count = QLabel()
        self.count.setObjectName("count")
        bottom.addWidget(self.count, 1)
        self.all_button = button(self.tr("Tick all"), "tick_all", lambda: self._tick(True))
        self.none_button = button(self.tr("Untick all"), "untick_all", lambda: self._tick(False))
        self.confirm_button = button(self.tr("Confirm ticked candidates…"), "confirm", self.confirm)
        self.confirm_button.setStyleSheet("QPushButton:enabled { font-weight: bold; }")
        for widget in (self.all_button, self.none_button, self.confirm_button):
            bottom.addWidget(widget)
        layout.addLayout(bottom)
        self.candidates: list[withdrawal.Candidate] = []
        self.empty.set_text(self.tr("Choose a date and run the review."))
        manage = None if actor.can(Permission.MANAGE_WITHDRAWAL) else self._refusal()
        enable(self.disqualify_button, manage)
        self._update_buttons()

    def _refusal(self) -> str:
        return self.tr("Only the membership office confirms candidates and records disqualifications.")

    def on(self) -> dt.date:
        return self.date.date().toPython()

    def run(self) -> None:
        on, actor = self.on(), self._actor
        ops.Op(self, self._db, lambda session, progress: withdrawal.review(session, actor, on)).in_background(
            self.tr("Reviewing the members…")
        ).success(lambda found: self._reviewed(on, found)).run()

    def _reviewed(self, on: dt.date, found: list[withdrawal.Candidate]) -> None:
        self.reviewed_on = on
        self.candidates = found
        self._fill()

    def _fill(self) -> None:
        shown = [c for c in self.candidates if self.show_cases.isChecked() or c.open_case_id is None]
        self.model.set_rows(shown)
        counts = {g: sum(1 for c in shown if any(x.ground == g for x in c.grounds)) for g in Ground}
        if self.reviewed_on is None:
            self.count.setText("")
        else:
            self.count.setText(
                self.tr("%1 candidate(s) on %2 — (1) unpaid dues: %3, (2) no activity: %4, (3) disqualified: %5")
                .replace("%1", str(len(shown)))
                .replace("%2", self.reviewed_on.isoformat())
                .replace("%3", str(counts[Ground.UNPAID_DUES]))
                .replace("%4", str(counts[Ground.NO_ACTIVITY]))
                .replace("%5", str(counts[Ground.DISQUALIFIED]))
            )
        self.empty.set_text(self.tr("No member meets a ground of Article 12 on this date."))
        self.empty.update()
        if shown:
            self.table.selectRow(0)
        self._show_evidence()
        self._update_buttons()

    def _show_evidence(self) -> None:
        candidate = current_row(self.table)
        if candidate is None:
            self.evidence.setHtml("")
            return
        parts = [f"<p><b>{html(candidate.name)}</b>（{html(candidate.member_number)}）</p>"]
        if candidate.open_case_id:
            parts.append(
                f"<p style='color:#a15c00'>{html(self.tr('Already in a case: %1').replace('%1', candidate.open_case_status or ''))}</p>"
            )
        for ground in candidate.grounds:
            parts.append(f"<p><b>{html(ground_label(ground.ground))}</b><br>{html(ground.summary)}</p>")
        self.evidence.setHtml("".join(parts))

    def _tick(self, on: bool) -> None:
        self.model.set_all_checked(on, lambda c: c.open_case_id is None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ticked = [c for c in self.model.checked_rows() if c.open_case_id is None]
        reason = None if self._actor.can(Permission.MANAGE_WITHDRAWAL) else self._refusal()
        if reason is None and not ticked:
            reason = self.tr("Tick the candidates to confirm")
        enable(self.confirm_button, reason)
        self.confirm_button.setText(self.tr("Confirm %1 ticked candidate(s)…").replace("%1", str(len(ticked))))
        enable(self.all_button, None if self.model.rows else self.tr("Run the review first"))
        enable(self.none_button, None if self.model.checked else self.tr("Nothing is ticked"))

    def confirm(self) -> None:
        ticked = [c for c in self.model.checked_rows() if c.open_case_id is None]
        if not ticked or self.reviewed_on is None:
            return
        names = "\n".join(f"· {c.name}（{''.join(g.ground.item for g in c.grounds)}）" for c in ticked[:15])
        if len(ticked) > 15:
            names += "\n" + self.tr("… and %1 more").replace("%1", str(len(ticked) - 15))
        if not msgbox.question(
            self,
            self.tr("Confirm candidates"),
            self.tr(
                "Confirm %1 member(s) as candidates for cancellation on %2? Their grounds and evidence are "
                "recorded with each case, and their notices can then be issued.\n\n%3"
            )
            .replace("%1", str(len(ticked)))
            .replace("%2", self.reviewed_on.isoformat())
            .replace("%3", names),
        ):
            return
        on, actor, ids = self.reviewed_on, self._actor, [c.member_id for c in ticked]
        ops.Op(
            self,
            self._db,
            lambda session: len(withdrawal.confirm_candidates(session, actor, on, ids)),
            changes={ops.WITHDRAWAL},
            title=self.tr("Confirm candidates"),
        ).success(self._confirmed).run()

    def _confirmed(self, count: int) -> None:
        msgbox.information(
            self,
            self.tr("Confirm candidates"),
            self.tr("%1 case(s) opened. Issue their notices under “Cases”.").replace("%1", str(count)),
        )

    def disqualify(self) -> FormDialog:
        actor = self._actor
        today = self._db.clock.today()

        def submit(session: Any, values: dict[str, Any]) -> Any:
            member_id, scan = values.pop("member"), values.pop("scan")
            return withdrawal.add_disqualification(session, actor, member_id, values, scan)

        dialog = FormDialog(
            self,
            self._db,
            self.tr("Record a disqualification"),
            [
                Field("member", self.tr("Member"), "member"),
                Field("kind", self.tr("Fact"), "choice", choices=disqualification_choices()),
                Field("description", self.tr("Description (for “other”)")),
                Field("source", self.tr("Source"), hint=self.tr("e.g. 中国执行信息公开网, a court judgment")),
                Field("found_on", self.tr("Date of the listing or decision"), "date", today),
                Field(
                    "evidence",
                    self.tr("Evidence"),
                    "lines",
                    hint=self.tr("Case number, document number, what was seen"),
                ),
                Field("scan", self.tr("Scan of the evidence"), "file"),
            ],
            submit,
            changes={ops.WITHDRAWAL},
            intro=self.tr("Article 12 (3): a member that no longer qualifies. The review lists it from that date on."),
        )
        return open_dialog(self, dialog)  # type: ignore[return-value]

    def refresh(self, _topics: frozenset[str]) -> None:
        if self.reviewed_on is not None:
            self.run()
