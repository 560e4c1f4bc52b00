"""Association activities and who took part (R-12.1 (2)): the activities, the members recorded for
the one selected (and who came), sign-in sheets imported from Excel, and the rows no member matched,
for a person to match or dismiss."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from desktop_app.core.models.withdrawal import ActivityKind
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import withdrawal
from desktop_app.ui import msgbox, ops
from desktop_app.ui.rows import AMBER, Column, day, table
from desktop_app.ui.widgets import EmptyState
from desktop_app.ui.withdrawal.common import (
    Field,
    FormDialog,
    RowsModel,
    activity_kind_label,
    button,
    current_row,
    enable,
    open_dialog,
    select_row,
)


class ActivitiesTab(QWidget):
    def __init__(self, db: Any, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.dialog: Any = None
        self.last_import: withdrawal.SignInImport | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_button = button(self.tr("New activity…"), "new_activity", self.new_activity)
        self.edit_button = button(self.tr("Correct…"), "edit_activity", self.edit_activity)
        self.delete_button = button(self.tr("Delete"), "delete_activity", self.delete_activity)
        self.import_button = button(self.tr("Import a sign-in sheet…"), "import_sign_in", self.import_sheet)
        for widget in (self.new_button, self.edit_button, self.delete_button, self.import_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout.addLayout(bar)

        self.activities = RowsModel(
            [
                Column(self.tr("Date"), lambda a: day(a.held_on), 90),
                Column(self.tr("Activity"), lambda a: a.title, 260),
                Column(self.tr("Kind"), lambda a: activity_kind_label(a.kind), 110),
                Column(self.tr("Organiser"), lambda a: a.organiser, 120),
                Column(self.tr("Members"), lambda a: a.attended, 60, right=True),
                Column(
                    self.tr("To match"),
                    lambda a: a.pending or "",
                    60,
                    colour=lambda a: AMBER if a.pending else None,
                    right=True,
                ),
            ],
            self,
        )
        self.activity_table = table(self.activities, "activities")
        self.activity_table.selectionModel().currentRowChanged.connect(lambda *_: self._activity_changed())
        self.activity_empty = EmptyState(self.activity_table)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.attendance_title = QLabel()
        self.attendance_title.setObjectName("attendance_title")
        right_layout.addWidget(self.attendance_title)
        self.attendance = RowsModel(
            [
                Column(self.tr("Number"), lambda r: r.member_number, 110),
                Column(self.tr("Organisation"), lambda r: r.member_name, 240),
                Column(self.tr("Who came"), lambda r: r.attendee or "", 120),
                Column(self.tr("Recorded from"), lambda r: r.source or "", 200),
            ],
            self,
        )
        self.attendance_table = table(self.attendance, "attendance")
        right_layout.addWidget(self.attendance_table, 2)
        row = QHBoxLayout()
        self.add_button = button(self.tr("Add a member…"), "add_attendance", self.add_attendance)
        self.remove_button = button(self.tr("Remove"), "remove_attendance", self.remove_attendance)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        right_layout.addLayout(row)
        self.pending_title = QLabel(self.tr("Sign-in rows no member matched"))
        right_layout.addWidget(self.pending_title)
        self.pending = RowsModel(
            [
                Column(self.tr("Row"), lambda r: r.row_number, 50, right=True),
                Column(self.tr("Organisation as written"), lambda r: r.organisation or "", 220),
                Column(self.tr("Credit code"), lambda r: r.uscc or "", 150),
                Column(self.tr("Who came"), lambda r: r.attendee or "", 90),
                Column(self.tr("Why"), lambda r: r.note or "", 240),
            ],
            self,
        )
        self.pending_table = table(self.pending, "pending_rows")
        self.pending_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        right_layout.addWidget(self.pending_table, 1)
        row = QHBoxLayout()
        self.match_button = button(self.tr("Match to a member…"), "match_row", self.match_row)
        self.dismiss_button = button(self.tr("Not a member…"), "dismiss_row", self.dismiss_row)
        row.addWidget(self.match_button)
        row.addWidget(self.dismiss_button)
        row.addStretch(1)
        right_layout.addLayout(row)

        splitter = QSplitter()
        splitter.addWidget(self.activity_table)
        splitter.addWidget(right)
        splitter.setSizes([620, 620])
        layout.addWidget(splitter, 1)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.reload()

    def _refusal(self) -> str | None:
        if self._actor.can(Permission.RECORD_ACTIVITIES):
            return None
        return self.tr("Only the membership office records activities and attendance.")

    def reload(self, select: int | None = None) -> None:
        chosen = current_row(self.activity_table)
        keep = select if select is not None else (chosen.id if chosen else None)
        rows = ops.query(self._db, lambda s: withdrawal.list_activities(s))
        self.activities.set_rows(rows)
        self.activity_empty.set_text(self.tr("No activity recorded yet. Enter one with “New activity…”."))
        self.activity_empty.update()
        if not (keep is not None and select_row(self.activity_table, lambda a: a.id == keep)) and rows:
            self.activity_table.selectRow(0)
        self._activity_changed()

    def _activity_changed(self) -> None:
        activity = current_row(self.activity_table)
        if activity is None:
            self.attendance.set_rows([])
            self.pending.set_rows([])
            self.attendance_title.setText(self.tr("Select an activity."))
        else:
            attended, pending = ops.query(
                self._db,
                lambda s: (withdrawal.attendance_of(s, activity.id), withdrawal.pending_rows(s, activity.id)),
            )
            self.attendance.set_rows(attended)
            self.pending.set_rows(pending)
            self.attendance_title.setText(
                self.tr("%1 — %2 member(s) took part")
                .replace("%1", f"{day(activity.held_on)} {activity.title}")
                .replace("%2", str(len(attended)))
            )
            self.pending_title.setText(self.tr("Sign-in rows no member matched: %1").replace("%1", str(len(pending))))
        self._update_buttons()

    def _update_buttons(self) -> None:
        refusal = self._refusal()
        activity = current_row(self.activity_table)
        need = self.tr("Select an activity")
        enable(self.new_button, refusal)
        for widget in (self.edit_button, self.import_button, self.add_button):
            enable(widget, refusal or (None if activity else need))
        enable(self.delete_button, refusal or (None if activity else need))
        enable(self.remove_button, refusal or (None if self.attendance.rows else self.tr("Nobody recorded")))
        row = current_row(self.pending_table)
        for widget in (self.match_button, self.dismiss_button):
            enable(widget, refusal or (None if row else self.tr("Select a row")))

    # --- activities ----------------------------------------------------------------------------------

    def _kinds(self) -> list[tuple[str, str]]:
        return [(k.value, activity_kind_label(k)) for k in ActivityKind]

    def new_activity(self, activity: withdrawal.ActivityRow | None = None) -> FormDialog:
        actor = self._actor
        activity_id = activity.id if activity else None
        dialog = FormDialog(
            self,
            self._db,
            self.tr("Correct the activity") if activity else self.tr("New activity"),
            [
                Field("title", self.tr("Title"), default=activity.title if activity else ""),
                Field("held_on", self.tr("Held on"), "date", activity.held_on if activity else self._db.clock.today()),
                Field("kind", self.tr("Kind"), "choice", activity.kind.value if activity else "meeting", self._kinds()),
                Field("organiser", self.tr("Organiser"), default=activity.organiser if activity else ""),
                Field("location", self.tr("Place"), default=activity.location if activity else ""),
                Field("note", self.tr("Note"), "lines", activity.note if activity else ""),
            ],
            lambda s, v: withdrawal.save_activity(s, actor, v, activity_id).id,
            changes={ops.WITHDRAWAL},
        )
        dialog.accepted.connect(lambda: self.reload(select=dialog.result_value))
        return open_dialog(self, dialog)  # type: ignore[return-value]

    def edit_activity(self) -> FormDialog | None:
        activity = current_row(self.activity_table)
        return self.new_activity(activity) if activity else None

    def delete_activity(self) -> None:
        activity = current_row(self.activity_table)
        if activity is None:
            return
        if not msgbox.question(
            self,
            self.tr("Delete the activity"),
            self.tr("Delete “%1”, entered by mistake?").replace("%1", activity.title),
        ):
            return
        actor = self._actor
        ops.Op(
            self, self._db, lambda s: withdrawal.delete_activity(s, actor, activity.id), changes={ops.WITHDRAWAL}
        ).run()

    # --- attendance ----------------------------------------------------------------------------------

    def add_attendance(self) -> FormDialog | None:
        activity = current_row(self.activity_table)
        if activity is None:
            return None
        actor = self._actor
        dialog = FormDialog(
            self,
            self._db,
            self.tr("Add a member who took part"),
            [
                Field("member", self.tr("Member"), "member"),
                Field("attendee", self.tr("Who came")),
                Field("attendee_position", self.tr("Position")),
            ],
            lambda s, v: withdrawal.record_attendance(
                s, actor, activity.id, v["member"], attendee=v["attendee"], attendee_position=v["attendee_position"]
            ),
            changes={ops.WITHDRAWAL},
            intro=f"{day(activity.held_on)} {activity.title}",
        )
        return open_dialog(self, dialog)  # type: ignore[return-value]

    def remove_attendance(self) -> None:
        row = current_row(self.attendance_table)
        if row is None:
            return
        if not msgbox.question(
            self,
            self.tr("Remove"),
            self.tr("Remove the record that %1 took part?").replace("%1", row.member_name),
        ):
            return
        actor = self._actor
        ops.Op(self, self._db, lambda s: withdrawal.remove_attendance(s, actor, row.id), changes={ops.WITHDRAWAL}).run()

    # --- sign-in sheets ------------------------------------------------------------------------------

    def choose_sheet(self) -> str:
        """The workbook to import (a method, so tests can answer it)."""
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import a sign-in sheet"), "", self.tr("Excel workbooks (*.xlsx *.xlsm)")
        )
        return name

    def import_sheet(self) -> None:
        activity = current_row(self.activity_table)
        if activity is None:
            return
        path = self.choose_sheet()
        if not path:
            return
        actor = self._actor
        ops.Op(
            self,
            self._db,
            lambda s, progress: withdrawal.import_sign_in_sheet(s, actor, activity.id, path, progress=progress),
            changes={ops.WITHDRAWAL},
            title=self.tr("Import a sign-in sheet"),
        ).in_background(self.tr("Reading the sign-in sheet…")).success(self._imported).run()

    def _imported(self, result: withdrawal.SignInImport) -> None:
        self.last_import = result
        self.summary.setText(result.summary())
        msgbox.information(self, self.tr("Import a sign-in sheet"), result.summary())

    def match_row(self) -> FormDialog | None:
        row = current_row(self.pending_table)
        if row is None:
            return None
        actor = self._actor
        dialog = FormDialog(
            self,
            self._db,
            self.tr("Match the row to a member"),
            [Field("member", self.tr("Member"), "member")],
            lambda s, v: withdrawal.match_sign_in_row(s, actor, row.id, v["member"]),
            changes={ops.WITHDRAWAL},
            intro=self.tr("Row %1 of %2: “%3” %4 %5")
            .replace("%1", str(row.row_number))
            .replace("%2", row.file_name)
            .replace("%3", row.organisation or "")
            .replace("%4", row.uscc or "")
            .replace("%5", row.attendee or ""),
        )
        picker = dialog.inputs["member"]
        picker.search.setText(row.organisation or row.uscc or "")  # type: ignore[attr-defined]
        return open_dialog(self, dialog)  # type: ignore[return-value]

    def dismiss_row(self) -> FormDialog | None:
        row = current_row(self.pending_table)
        if row is None:
            return None
        actor = self._actor
        dialog = FormDialog(
            self,
            self._db,
            self.tr("Not a member"),
            [Field("reason", self.tr("Who it is"), "lines")],
            lambda s, v: withdrawal.dismiss_sign_in_row(s, actor, row.id, v["reason"]),
            changes={ops.WITHDRAWAL},
            intro=self.tr("e.g. a guest, the supervising authority, a non-member company"),
        )
        return open_dialog(self, dialog)  # type: ignore[return-value]

    def refresh(self, _topics: frozenset[str]) -> None:
        self.reload()
