"""A member's withdrawal tab, for the register's member view: every membership spell (the current
one first in the register, all of them here), its positions with their terms, its cases, the
disqualifications recorded and the activities it took part in.

The register's editor (``ui/register``) adds it as a tab: ``MemberCasesWidget(db, actor, member_id)``;
it listens to the withdrawal and member topics itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import withdrawal
from desktop_app.ui import ops
from desktop_app.ui.rows import GREY, Column, day, table
from desktop_app.ui.withdrawal.common import (
    Field,
    FormDialog,
    RowsModel,
    activity_kind_label,
    button,
    case_kind_label,
    case_status_label,
    current_row,
    disqualification_choices,
    enable,
    grounds_short,
    open_dialog,
    position_choices,
)


class MemberCasesWidget(QWidget):
    def __init__(self, db: Any, actor: Actor, member_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor, self.member_id = db, actor, member_id
        self.dialog: Any = None
        self.is_member = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.current = QLabel()
        self.current.setObjectName("current_spell")
        self.current.setWordWrap(True)
        layout.addWidget(self.current)

        self.spells = RowsModel(
            [
                Column(self.tr("Joined"), lambda s: day(s.joined_on), 90),
                Column(self.tr("How"), lambda s: s.joined_how, 120),
                Column(self.tr("Left"), lambda s: day(s.left_on), 90),
                Column(self.tr("How"), lambda s: s.left_how or "", 100),
                Column(self.tr("Why"), lambda s: s.left_reason or "", 260),
                Column(self.tr("Decided by"), lambda s: s.decided_by or "", 180),
                Column(self.tr("Member number"), lambda s: s.member_number or "", 110),
                Column(self.tr("Restored"), lambda s: day(s.reopened_on), 90),
            ],
            self,
        )
        layout.addWidget(self._box(self.tr("Membership spells"), table(self.spells, "spells")))

        self.positions = RowsModel(
            [
                Column(self.tr("Position"), lambda p: p.title, 220, colour=lambda p: None if p.current else GREY),
                Column(self.tr("From"), lambda p: day(p.start_date), 90),
                Column(self.tr("Term ends"), lambda p: day(p.term_end), 90),
                Column(self.tr("Ended"), lambda p: day(p.ended_on), 90),
                Column(self.tr("Why"), lambda p: p.end_reason or "", 200),
            ],
            self,
        )
        self.positions_table = table(self.positions, "positions")
        self.positions_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.add_position_button = button(self.tr("Add a position…"), "add_position", self.add_position)
        self.end_position_button = button(self.tr("End the position…"), "end_position", self.end_position)
        layout.addWidget(
            self._box(
                self.tr("Positions (separate from the dues level; they end with the membership)"),
                self.positions_table,
                self.add_position_button,
                self.end_position_button,
            )
        )

        self.cases = RowsModel(
            [
                Column(self.tr("Opened"), lambda r: day(r.opened_on), 90),
                Column(self.tr("Procedure"), lambda r: case_kind_label(r.kind), 100),
                Column(self.tr("Grounds"), lambda r: grounds_short(r.grounds), 90),
                Column(self.tr("Status"), lambda r: case_status_label(r.status), 220),
                Column(self.tr("Notice"), lambda r: r.notice_number or "", 160),
                Column(self.tr("Deadline"), lambda r: day(r.response_deadline), 90),
                Column(self.tr("Appeal"), lambda r: r.appeal or "", 100),
            ],
            self,
        )
        layout.addWidget(self._box(self.tr("Withdrawal and cancellation cases"), table(self.cases, "member_cases")))

        self.disqualifications = RowsModel(
            [
                Column(self.tr("Fact"), lambda d: d.kind, 160),
                Column(self.tr("Source"), lambda d: d.source, 160),
                Column(self.tr("Date"), lambda d: day(d.found_on), 90),
                Column(self.tr("Evidence"), lambda d: d.evidence, 200),
                Column(self.tr("Lifted"), lambda d: f"{day(d.lifted_on)} {d.lifted_note or ''}".strip(), 160),
            ],
            self,
        )
        self.disqualification_table = table(self.disqualifications, "disqualifications")
        self.disqualification_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.add_disqualification_button = button(self.tr("Record…"), "add_disqualification", self.add_disqualification)
        self.lift_button = button(self.tr("Lift…"), "lift_disqualification", self.lift)
        layout.addWidget(
            self._box(
                self.tr("No longer qualifies (Article 12 (3))"),
                self.disqualification_table,
                self.add_disqualification_button,
                self.lift_button,
            )
        )

        self.attendance = RowsModel(
            [
                Column(self.tr("Date"), lambda a: day(a.held_on), 90),
                Column(self.tr("Activity"), lambda a: a.title, 260),
                Column(self.tr("Kind"), lambda a: activity_kind_label(a.kind), 120),
                Column(self.tr("Who came"), lambda a: a.attendee or "", 120),
            ],
            self,
        )
        layout.addWidget(self._box(self.tr("Activities attended"), table(self.attendance, "member_attendance")))
        self._listener = ops.listen(self, {ops.WITHDRAWAL, ops.MEMBERS}, lambda _topics: self.reload())
        self.reload()

    def _box(self, title: str, view: QWidget, *buttons: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        view.setMinimumHeight(110)
        layout.addWidget(view)
        if buttons:
            row = QHBoxLayout()
            for widget in buttons:
                row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        return box

    def reload(self) -> None:
        actor, member_id = self._actor, self.member_id

        def read(session: Any) -> tuple[Any, ...]:
            return (
                withdrawal.spells(session, member_id),
                withdrawal.positions(session, member_id),
                withdrawal.case_rows(session, actor, member_id=member_id),
                withdrawal.disqualifications(session, member_id),
                withdrawal.member_attendance(session, member_id),
            )

        spells, positions, cases, disqualifications, attendance = ops.query(self._db, read)
        current = next((s for s in reversed(spells) if s.is_current), None)
        self.current.setText(
            self.tr("Member since %1 (%2)")
            .replace("%1", day(current.joined_on) or "—")
            .replace("%2", current.joined_how)
            if current
            else self.tr("Not a member now: %1").replace("%1", spells[-1].text() if spells else "")
        )
        self.spells.set_rows(spells)
        self.positions.set_rows(positions)
        self.cases.set_rows(cases)
        self.disqualifications.set_rows(disqualifications)
        self.attendance.set_rows(attendance)
        self.is_member = current is not None
        self._update_buttons()

    def _update_buttons(self) -> None:
        refusal = (
            None
            if self._actor.can(Permission.MANAGE_WITHDRAWAL)
            else self.tr("Only the membership office records positions and disqualifications.")
        )
        enable(self.add_position_button, refusal or (None if self.is_member else self.tr("Not a member now")))
        position = current_row(self.positions_table)
        enable(
            self.end_position_button,
            refusal or (None if position and position.current else self.tr("Select a current position")),
        )
        enable(self.add_disqualification_button, refusal)
        record = current_row(self.disqualification_table)
        enable(
            self.lift_button,
            refusal or (None if record and record.lifted_on is None else self.tr("Select a record in force")),
        )

    def _form(self, title: str, fields: list[Field], submit: Any, intro: str = "") -> FormDialog:
        dialog = FormDialog(self, self._db, title, fields, submit, changes={ops.WITHDRAWAL}, intro=intro)
        return open_dialog(self, dialog)  # type: ignore[return-value]

    def add_position(self) -> FormDialog:
        actor, member_id = self._actor, self.member_id
        return self._form(
            self.tr("Add a position"),
            [
                Field("kind", self.tr("Position"), "choice", choices=position_choices()),
                Field("title", self.tr("Name (for “other”, or in full)")),
                Field("term", self.tr("Term"), hint=self.tr("e.g. 第七届（2024—2029）")),
                Field("start_date", self.tr("From"), "date", self._db.clock.today()),
                Field("term_end", self.tr("Term ends"), "optional_date"),
            ],
            lambda s, v: withdrawal.add_position(s, actor, member_id, v),
        )

    def end_position(self) -> FormDialog | None:
        position = current_row(self.positions_table)
        if position is None:
            return None
        actor = self._actor
        return self._form(
            self.tr("End the position"),
            [
                Field("ended_on", self.tr("Ended on"), "date", self._db.clock.today()),
                Field("end_reason", self.tr("Why"), hint=self.tr("e.g. 换届, 辞去")),
            ],
            lambda s, v: withdrawal.end_position(s, actor, position.id, v["ended_on"], v["end_reason"]),
            intro=position.title,
        )

    def add_disqualification(self) -> FormDialog:
        actor, member_id = self._actor, self.member_id

        def submit(session: Any, values: dict[str, Any]) -> Any:
            scan = values.pop("scan")
            return withdrawal.add_disqualification(session, actor, member_id, values, scan)

        return self._form(
            self.tr("Record a disqualification"),
            [
                Field("kind", self.tr("Fact"), "choice", choices=disqualification_choices()),
                Field("description", self.tr("Description (for “other”)")),
                Field("source", self.tr("Source")),
                Field("found_on", self.tr("Date of the listing or decision"), "date", self._db.clock.today()),
                Field("evidence", self.tr("Evidence"), "lines"),
                Field("scan", self.tr("Scan of the evidence"), "file"),
            ],
            submit,
        )

    def lift(self) -> FormDialog | None:
        record = current_row(self.disqualification_table)
        if record is None:
            return None
        actor = self._actor
        return self._form(
            self.tr("Lift the record"),
            [
                Field("lifted_on", self.tr("No longer holds from"), "date", self._db.clock.today()),
                Field("lifted_note", self.tr("On what evidence"), "lines"),
            ],
            lambda s, v: withdrawal.lift_disqualification(s, actor, record.id, v["lifted_on"], v["lifted_note"]),
            intro=f"{record.kind}（{record.source}，{day(record.found_on)}）",
        )
