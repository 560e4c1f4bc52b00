"""The dues area (会费, R-5.5, R-8.5, R-9.4, R-9.5, R-12.1 (1)): a year's dues with filters and
totals and the chosen member's dues below; arrears and the reminder list; each mentor's
collection rate; the reductions of a year with their consents; bank statements; receipts and
vouchers waiting to be mailed; the schedule. A mentor sees its own members; the resident leader
records consents; the office bills and books. The services decide; this window asks them."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import Database, clock_of
from desktop_app.core.models import LineStatus, Role
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import accounts, documents, dues
from desktop_app.core.settings import (
    ASSOCIATION_NAME,
    DUES_FIRST_YEAR,
    DUES_YEAR_START_MONTH,
    UNPAID_COUNTED_FROM,
    UNPAID_MONTHS,
    get_setting,
    levels,
)
from desktop_app.ui import msgbox, ops
from desktop_app.ui.dues.common import RowsModel, current_row, money
from desktop_app.ui.dues.dialogs import (
    BillYearDialog,
    ConsentDialog,
    IgnoreLineDialog,
    ImportResultDialog,
    MailedDialog,
    MatchLineDialog,
    PaymentDialog,
    ScheduleDialog,
    VoucherDialog,
    print_receipts,
)
from desktop_app.ui.dues.member import MemberDuesWidget
from desktop_app.ui.rows import AMBER, GREEN, RED, Column, day, selected_rows, table
from desktop_app.ui.widgets import EmptyState

TOPICS = {ops.DUES, ops.MEMBERS, ops.STAFF, ops.SETTINGS}


def _percent(value: float) -> str:
    return f"{value:.1%}"


class _Tab(QWidget):
    """A tab of the area: ``reload()`` reads what it shows; opening a dialog keeps it in ``dialog``."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.dialog: Any = None

    def _open(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _mentor_box(self, name: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        box.setVisible(self._actor.role != Role.MENTOR)  # a mentor sees its own members anyway
        return box

    def _fill_mentors(self, box: QComboBox) -> None:
        current = box.currentData()
        mentors = ops.query(self._db, lambda session: accounts.list_mentors(session, active_only=False))
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("All mentors"), None)
        box.addItem(self.tr("No mentor"), 0)
        for mentor in mentors:
            box.addItem(mentor.full_name, mentor.id)
        box.setCurrentIndex(max(0, box.findData(current)))
        box.blockSignals(False)

    def _fill_years(self, box: QComboBox) -> None:
        current = box.currentData()
        years, this_year = ops.query(self._db, lambda session: (dues.dues_years(session), dues.current_year(session)))
        box.blockSignals(True)
        box.clear()
        for year in sorted({*years, this_year}, reverse=True):
            box.addItem(self.tr("%1 dues year").replace("%1", str(year)), year)
        box.setCurrentIndex(max(0, box.findData(current if current is not None else this_year)))
        box.blockSignals(False)

    def _save_name(self, title: str, default: str, filter_text: str) -> str:
        name, _filter = QFileDialog.getSaveFileName(self, title, default, filter_text)
        return name


# --- a year's dues -------------------------------------------------------------------------------------


class YearTab(_Tab):
    STATES = ("all", "unpaid", "paid", "reduced", "credit")

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(db, actor, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.year_box = QComboBox()
        self.year_box.setObjectName("year")
        self.mentor_box = self._mentor_box("mentor")
        self.state_box = QComboBox()
        self.state_box.setObjectName("state")
        for state, label in zip(
            self.STATES,
            (self.tr("All"), self.tr("Unpaid"), self.tr("Paid"), self.tr("Reduced"), self.tr("In credit")),
            strict=True,
        ):
            self.state_box.addItem(label, state)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, credit code or member number  (Ctrl+F)"))
        for widget in (self.year_box, self.mentor_box, self.state_box):
            widget.currentIndexChanged.connect(self.reload)
            bar.addWidget(widget)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(250)
        self._typing.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._typing.start())
        bar.addWidget(self.search, 1)
        self.bill_button = QPushButton(self.tr("Bill a year…"))
        self.bill_button.setObjectName("bill")
        self.bill_button.clicked.connect(self.bill)
        self.bill_button.setVisible(actor.can(Permission.BILL_DUES))
        self.pay_button = QPushButton(self.tr("Record a payment…"))
        self.pay_button.setObjectName("pay")
        self.pay_button.clicked.connect(self.pay)
        self.pay_button.setVisible(actor.can(Permission.RECORD_DUES_PAYMENTS))
        self.consent_button = QPushButton(self.tr("Consent to a reduction…"))
        self.consent_button.setObjectName("consent")
        self.consent_button.clicked.connect(self.consent)
        refusal = dues.consent_refusal(actor)
        self.consent_button.setEnabled(refusal is None)
        self.consent_button.setToolTip(refusal or self.tr("Record the resident leader's written consent (R-8.5)"))
        for button in (self.bill_button, self.pay_button, self.consent_button):
            bar.addWidget(button)
        layout.addLayout(bar)

        self.model = RowsModel(
            [
                Column(self.tr("Member number"), lambda r: r.member_number, 105),
                Column(self.tr("Organisation"), lambda r: r.name, 280),
                Column(self.tr("Level"), lambda r: r.level, 90),
                Column(self.tr("Mentor"), lambda r: r.mentor, 70),
                Column(self.tr("Scheduled"), lambda r: money(r.scheduled), 90, right=True),
                Column(
                    self.tr("Due"),
                    lambda r: money(r.due),
                    90,
                    right=True,
                    colour=lambda r: AMBER if r.reduced else None,
                ),
                Column(self.tr("Paid"), lambda r: money(r.paid), 90, right=True),
                Column(
                    self.tr("Owes"), lambda r: money(r.owed) if r.owed > 0 else "", 90, right=True, colour=lambda r: RED
                ),
                Column(self.tr("State"), self._state, 90, colour=self._state_colour),
                Column(self.tr("Note"), lambda r: r.basis_note, 200),
            ],
            self,
        )
        self.table = table(self.model, "year_list")
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.empty_state = EmptyState(self.table)
        self.member = MemberDuesWidget(db, actor, None, self)
        self.member.setObjectName("member_dues")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.member)
        splitter.setSizes([380, 360])
        layout.addWidget(splitter, 1)
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        layout.addWidget(self.totals)
        QShortcut(
            QKeySequence.StandardKey.Find, self, activated=lambda: (self.search.setFocus(), self.search.selectAll())
        )
        QShortcut(QKeySequence("Escape"), self.search, activated=self.search.clear)

    def _state(self, row: dues.DuesRow) -> str:
        if row.settled:
            return self.tr("paid") if row.due > 0 else self.tr("waived")
        return self.tr("part paid") if row.paid > 0 else self.tr("unpaid")

    @staticmethod
    def _state_colour(row: dues.DuesRow) -> Any:
        return GREEN if row.settled else RED

    def reload_choices(self) -> None:
        self._fill_years(self.year_box)
        self._fill_mentors(self.mentor_box)

    def current_filter(self) -> dues.DuesFilter:
        return dues.DuesFilter(
            year=self.year_box.currentData() or ops.query(self._db, dues.current_year),
            mentor_id=self.mentor_box.currentData(),
            state=self.state_box.currentData(),
            text=self.search.text(),
        )

    def reload(self) -> None:
        flt, actor, db = self.current_filter(), self._actor, self._db
        selected = current_row(self.table)
        self.model.set_pages(
            lambda offset, limit: ops.query(db, lambda s: dues.dues_page(s, actor, flt, offset, limit))
        )
        totals = ops.query(db, lambda session: dues.dues_totals(session, actor, flt))
        self.totals.setText(
            self.tr(
                "%1 bills: due %2 yuan, paid %3 yuan, owed %4 yuan; paid in full %5; reduced %6 (schedule %7 yuan)."
            )
            .replace("%1", f"{totals.bills:,}")
            .replace("%2", money(totals.due))
            .replace("%3", money(totals.paid))
            .replace("%4", money(totals.owed))
            .replace("%5", f"{totals.settled:,}")
            .replace("%6", f"{totals.reduced:,}")
            .replace("%7", money(totals.scheduled))
        )
        self.empty_state.set_text(
            self.tr("Nothing billed for this year yet: “Bill a year…” bills every active member.")
            if totals.bills == 0 and flt.state == "all" and not flt.text.strip()
            else self.tr("No bill matches these filters.")
        )
        self.empty_state.update()
        row = next((i for i, r in enumerate(self.model.rows) if selected and r.bill_id == selected.bill_id), None)
        if row is None and self.model.rows:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        else:
            self.member.set_member(None)

    def _row_changed(self, current: Any, _previous: Any) -> None:
        row = self.model.row(current.row()) if current.isValid() else None
        if row is not None and row.member_id != self.member.member_id:
            self.member.set_member(row.member_id)

    def bill(self) -> Any:
        return self._open(BillYearDialog(self._db, self._actor, self))

    def pay(self) -> Any:
        row = current_row(self.table)
        return self._open(PaymentDialog(self._db, self._actor, self, member_id=row.member_id if row else None))

    def consent(self) -> Any:
        row = current_row(self.table)
        return self._open(ConsentDialog(self._db, self._actor, self, member_id=row.member_id if row else None))


# --- arrears -------------------------------------------------------------------------------------------


class ArrearsTab(_Tab):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(db, actor, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.mentor_box = self._mentor_box("arrears_mentor")
        self.mentor_box.currentIndexChanged.connect(self.reload)
        self.over_box = QCheckBox(self.tr("Only unpaid for more than a year (R-12.1 (1))"))
        self.over_box.setObjectName("over_a_year")
        self.over_box.toggled.connect(self.reload)
        bar.addWidget(self.mentor_box)
        bar.addWidget(self.over_box)
        bar.addStretch(1)
        self.export_button = QPushButton(self.tr("Reminder list to Excel…"))
        self.export_button.setObjectName("export_reminders")
        self.export_button.clicked.connect(self.export)
        self.labels_button = QPushButton(self.tr("Address labels…"))
        self.labels_button.setObjectName("reminder_labels")
        self.labels_button.clicked.connect(self.labels)
        self.labels_button.setVisible(actor.can(Permission.PRINT_DOCUMENTS))
        bar.addWidget(self.export_button)
        bar.addWidget(self.labels_button)
        layout.addLayout(bar)
        self.model = RowsModel(
            [
                Column(self.tr("Member number"), lambda r: r.member_number, 105),
                Column(self.tr("Organisation"), lambda r: r.name, 280),
                Column(self.tr("Mentor"), lambda r: r.mentor, 70),
                Column(self.tr("Years unpaid"), lambda r: "、".join(map(str, r.years)), 110),
                Column(self.tr("Owes"), lambda r: money(r.amount), 90, right=True),
                Column(self.tr("Unpaid since"), lambda r: day(r.since), 90),
                Column(
                    self.tr("Over a year"),
                    lambda r: self.tr("yes") if r.over_a_year else "",
                    80,
                    colour=lambda r: RED if r.over_a_year else None,
                ),
                Column(self.tr("Liaison"), lambda r: r.liaison, 70),
                Column(self.tr("Phone"), lambda r: r.phone, 110),
                Column(self.tr("Address"), lambda r: r.address, 200),
            ],
            self,
        )
        self.table = table(self.model, "arrears")
        self.empty_state = EmptyState(self.table)
        layout.addWidget(self.table, 1)
        self.totals = QLabel()
        self.totals.setObjectName("arrears_totals")
        layout.addWidget(self.totals)
        self._generation = 0

    def _args(self) -> dict[str, Any]:
        return {"mentor_id": self.mentor_box.currentData(), "over_a_year_only": self.over_box.isChecked()}

    def reload(self) -> None:
        args, actor, db = self._args(), self._actor, self._db
        self.model.set_pages(
            lambda offset, limit: ops.query(db, lambda s: dues.arrears(s, actor, limit=limit, offset=offset, **args))
        )
        self.empty_state.set_text(self.tr("Nobody owes dues for a year that has begun."))
        self.empty_state.update()
        self.totals.setText(self.tr("Counting…"))
        self._generation += 1
        generation = self._generation

        def count(session: Any, _progress: ops.ProgressFn) -> dues.ArrearsTotals:
            return dues.arrears_totals(session, actor, **args)

        ops.Op(self, db, count).in_background(None).success(lambda t: self._counted(generation, t)).run()

    def _counted(self, generation: int, totals: dues.ArrearsTotals) -> None:
        if generation != self._generation:
            return  # a newer filter is being counted
        self.totals.setText(
            self.tr("%1 member(s) owe %2 yuan; %3 of them for more than a year.")
            .replace("%1", f"{totals.members:,}")
            .replace("%2", money(totals.amount))
            .replace("%3", f"{totals.over_a_year:,}")
        )

    def export(self) -> None:
        path = self._save_name(self.tr("Reminder list"), "会费催缴名单.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        args, actor = self._args(), self._actor

        def work(session: Any, progress: ops.ProgressFn) -> int:
            from desktop_app.core import audit
            from desktop_app.spreadsheets.tables import write_table_xlsx

            rows = dues.arrears(session, actor, **args)
            progress(1, 3)
            table_ = dues.reminder_table(rows, get_setting(session, ASSOCIATION_NAME), clock_of(session).today())
            write_table_xlsx(table_, path)
            audit.record(session, actor, "export", "dues", None, f"导出会费催缴名单 {len(rows)} 个会员（Excel）")
            progress(3, 3)
            return len(rows)

        ops.Op(self, self._db, work, title=self.tr("Reminder list")).in_background(
            self.tr("Writing the reminder list…")
        ).success(
            lambda count: msgbox.information(
                self, self.tr("Reminder list"), self.tr("%n member(s) written to %1.", "", count).replace("%1", path)
            )
        ).run()

    def labels(self) -> None:
        args, actor = self._args(), self._actor
        out = Path(tempfile.mkdtemp(prefix="membership-labels-")) / "会费催缴-地址标签.pdf"

        def work(session: Any, progress: ops.ProgressFn) -> documents.Generated:
            ids = [r.member_id for r in dues.arrears(session, actor, **args)]
            return documents.generate(session, actor, "labels", out, member_ids=ids, progress=progress)

        def done(made: documents.Generated) -> None:
            from desktop_app.ui.preview import show_pdf

            if made.problems:
                msgbox.warning(self, made.summary(), "\n".join(f"{p.who}：{p.message}" for p in made.problems[:30]))
            self.dialog = show_pdf(out, self.tr("Address labels"), self)

        ops.Op(self, self._db, work, changes={ops.DOCUMENTS}, title=self.tr("Address labels")).in_background(
            self.tr("Printing address labels…")
        ).success(done).run()


# --- collection rates ----------------------------------------------------------------------------------


class RatesTab(_Tab):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(db, actor, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.year_box = QComboBox()
        self.year_box.setObjectName("rates_year")
        self.year_box.currentIndexChanged.connect(self.reload)
        bar.addWidget(self.year_box)
        note = QLabel(self.tr("By the members each mentor serves now; by count: paid in full; by amount: paid of due."))
        note.setStyleSheet("color: #5f6368;")
        bar.addWidget(note, 1)
        layout.addLayout(bar)
        self.model = RowsModel(
            [
                Column(self.tr("Mentor"), lambda r: r.mentor, 140),
                Column(self.tr("Members billed"), lambda r: f"{r.billed:,}", 100, right=True),
                Column(self.tr("Paid in full"), lambda r: f"{r.paid_in_full:,}", 100, right=True),
                Column(self.tr("Rate by count"), lambda r: _percent(r.rate_by_count), 100, right=True),
                Column(self.tr("Due"), lambda r: money(r.due), 120, right=True),
                Column(self.tr("Paid"), lambda r: money(r.paid), 120, right=True),
                Column(
                    self.tr("Rate by amount"),
                    lambda r: _percent(r.rate_by_amount),
                    100,
                    right=True,
                    colour=lambda r: RED if r.rate_by_amount < 0.6 else None,
                ),
            ],
            self,
        )
        self.table = table(self.model, "rates")
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        year, actor = self.year_box.currentData(), self._actor
        if year is None:
            return
        self.model.set_rows(ops.query(self._db, lambda session: dues.collection_rates(session, actor, year)))


# --- reductions ----------------------------------------------------------------------------------------


class ReductionsTab(_Tab):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(db, actor, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.year_box = QComboBox()
        self.year_box.setObjectName("reductions_year")
        self.year_box.currentIndexChanged.connect(self.reload)
        bar.addWidget(self.year_box)
        bar.addStretch(1)
        self.scan_button = QPushButton(self.tr("Open the consent's scan"))
        self.scan_button.setObjectName("reduction_scan")
        self.scan_button.clicked.connect(self.open_scan)
        self.export_button = QPushButton(self.tr("To Excel…"))
        self.export_button.setObjectName("export_reductions")
        self.export_button.clicked.connect(self.export)
        bar.addWidget(self.scan_button)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.model = RowsModel(
            [
                Column(self.tr("Member number"), lambda r: r.member_number, 105),
                Column(self.tr("Organisation"), lambda r: r.name, 240),
                Column(self.tr("Scheduled"), lambda r: money(r.scheduled), 90, right=True),
                Column(self.tr("Agreed"), lambda r: money(r.due), 90, right=True),
                Column(self.tr("Reduction"), lambda r: money(r.reduction), 90, right=True),
                Column(self.tr("Consented by"), lambda r: r.consented_by, 80),
                Column(self.tr("Dated"), lambda r: day(r.consented_on), 90),
                Column(self.tr("Reference"), lambda r: r.document_reference, 150),
                Column(self.tr("Reason"), lambda r: r.reason, 200),
                Column(self.tr("Note"), lambda r: r.problem or "", 200, colour=lambda r: RED if r.problem else None),
            ],
            self,
        )
        self.table = table(self.model, "reductions")
        self.empty_state = EmptyState(self.table)
        layout.addWidget(self.table, 1)
        self.totals = QLabel()
        self.totals.setObjectName("reductions_totals")
        layout.addWidget(self.totals)

    def reload(self) -> None:
        year, actor = self.year_box.currentData(), self._actor
        if year is None:
            return
        rows = ops.query(self._db, lambda session: dues.reductions(session, actor, year))
        self.model.set_rows(rows)
        total = sum((r.reduction for r in rows), 0)
        self.totals.setText(
            self.tr("%1 reduction(s), %2 yuan in all.").replace("%1", str(len(rows))).replace("%2", money(total))  # type: ignore[arg-type]
        )
        self.empty_state.set_text(self.tr("No reduction in this year."))
        self.empty_state.update()

    def open_scan(self) -> Any:
        row = current_row(self.table)
        if row is None or row.consent_id is None:
            return None
        from desktop_app.ui.preview import preview_attachment

        consent_id, actor = row.consent_id, self._actor
        name, mime, content = ops.query(self._db, lambda session: dues.consent_scan(session, actor, consent_id))
        self.dialog = preview_attachment(self, name, mime, content)
        return self.dialog

    def export(self) -> None:
        year, actor = self.year_box.currentData(), self._actor
        path = self._save_name(self.tr("Reductions"), f"{year}年度会费减免.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return

        def work(session: Any) -> int:
            from desktop_app.core import audit
            from desktop_app.spreadsheets.tables import write_table_xlsx

            rows = dues.reductions(session, actor, year)
            association = get_setting(session, ASSOCIATION_NAME)
            write_table_xlsx(dues.reductions_table(rows, year, association, clock_of(session).today()), path)
            audit.record(
                session, actor, "export", "dues", None, f"导出 {year} 年度会费减免情况 {len(rows)} 项（Excel）"
            )
            return len(rows)

        ops.Op(self, self._db, work, title=self.tr("Reductions")).success(
            lambda count: msgbox.information(
                self, self.tr("Reductions"), self.tr("%n reduction(s) written to %1.", "", count).replace("%1", path)
            )
        ).run()


# --- bank statements -----------------------------------------------------------------------------------


class BankTab(_Tab):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(db, actor, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import a bank statement…"))
        self.import_button.setObjectName("import_statement")
        self.import_button.clicked.connect(self.import_statement)
        self.all_box = QCheckBox(self.tr("Show every line (not only those waiting)"))
        self.all_box.setObjectName("all_lines")
        self.all_box.toggled.connect(self.reload)
        self.match_button = QPushButton(self.tr("Match to a member…"))
        self.match_button.setObjectName("match_line")
        self.match_button.clicked.connect(self.match)
        self.ignore_button = QPushButton(self.tr("Not dues…"))
        self.ignore_button.setObjectName("ignore_line")
        self.ignore_button.clicked.connect(self.ignore)
        for widget in (self.import_button, self.all_box):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.match_button)
        bar.addWidget(self.ignore_button)
        layout.addLayout(bar)
        hint = QLabel(
            self.tr(
                "Incoming transfers are matched by a credit code or member number in the transfer's text, else by "
                "the payer's name, and booked; the rest wait here. A statement imported again books nothing twice."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        layout.addWidget(hint)
        statuses = {"booked": self.tr("booked"), "unmatched": self.tr("waiting"), "ignored": self.tr("not dues")}
        self.model = RowsModel(
            [
                Column(self.tr("Date"), lambda r: day(r.booked_on), 90),
                Column(self.tr("Amount"), lambda r: money(r.amount), 90, right=True),
                Column(self.tr("Payer"), lambda r: r.payer_name, 200),
                Column(self.tr("Account"), lambda r: r.payer_account, 130),
                Column(self.tr("Text"), lambda r: r.reference, 180),
                Column(self.tr("Serial"), lambda r: r.serial, 120),
                Column(
                    self.tr("State"),
                    lambda r: statuses[r.status.value],
                    70,
                    colour=lambda r: RED if r.status.value == "unmatched" else None,
                ),
                Column(self.tr("Member"), lambda r: r.member_name, 180),
                Column(self.tr("Note"), lambda r: r.note, 240),
            ],
            self,
        )
        self.table = table(self.model, "bank_lines")
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.empty_state = EmptyState(self.table)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        actor, every = self._actor, self.all_box.isChecked()
        rows = ops.query(
            self._db,
            lambda session: dues.statement_lines(session, actor, status=None if every else LineStatus.UNMATCHED),
        )
        self.model.set_rows(rows)
        self.empty_state.set_text(self.tr("No bank line waits to be matched."))
        self.empty_state.update()
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = current_row(self.table)
        waiting = row is not None and row.status.value == "unmatched"
        self.match_button.setEnabled(waiting)
        self.ignore_button.setEnabled(waiting)

    def choose_file(self) -> str:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The bank's statement"), "", self.tr("Excel workbook (*.xlsx)")
        )
        return name

    def import_statement(self) -> None:
        path = self.choose_file()
        if not path:
            return
        actor = self._actor

        def work(session: Any, progress: ops.ProgressFn) -> dues.BankImportResult:
            from desktop_app.spreadsheets.bank_statement import read_bank_statement

            sheet = read_bank_statement(path)
            return dues.import_statement(session, actor, sheet, progress=progress)

        ops.Op(self, self._db, work, changes={ops.DUES}, title=self.tr("Bank statement")).in_background(
            self.tr("Importing the bank statement…")
        ).success(lambda result: self._open(ImportResultDialog(result, self))).run()

    def match(self) -> Any:
        row = current_row(self.table)
        return self._open(MatchLineDialog(self._db, self._actor, row, self)) if row is not None else None

    def ignore(self) -> Any:
        row = current_row(self.table)
        return self._open(IgnoreLineDialog(self._db, self._actor, row, self)) if row is not None else None


# --- receipts and vouchers -----------------------------------------------------------------------------


class ReceiptsTab(_Tab):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(db, actor, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.missing_button = QPushButton(self.tr("Receipts for payments without one"))
        self.missing_button.setObjectName("issue_missing")
        self.missing_button.clicked.connect(self.issue_missing)
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setObjectName("print_selected")
        self.print_button.clicked.connect(self.print_selected)
        self.request_button = QPushButton(self.tr("Vouchers requested"))
        self.request_button.setObjectName("request_vouchers")
        self.request_button.clicked.connect(self.request_vouchers)
        self.voucher_button = QPushButton(self.tr("Voucher issued…"))
        self.voucher_button.setObjectName("record_voucher")
        self.voucher_button.clicked.connect(self.record_voucher)
        self.mailed_button = QPushButton(self.tr("Mailed…"))
        self.mailed_button.setObjectName("mark_mailed")
        self.mailed_button.clicked.connect(self.mark_mailed)
        for button in (
            self.missing_button,
            self.print_button,
            self.request_button,
            self.voucher_button,
            self.mailed_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        hint = QLabel(
            self.tr(
                "Receipts and paper vouchers issued and not yet mailed (R-9.4); a mailing batch marks them mailed too."
            )
        )
        hint.setStyleSheet("color: #5f6368;")
        layout.addWidget(hint)
        self.model = RowsModel(
            [
                Column(
                    self.tr("What"), lambda i: self.tr("voucher") if i.what == "voucher" else self.tr("receipt"), 60
                ),
                Column(self.tr("Receipt"), lambda i: i.receipt_number, 130),
                Column(self.tr("Voucher number"), lambda i: i.voucher_number or "", 130),
                Column(self.tr("Payer"), lambda i: i.payer, 260),
                Column(self.tr("Years"), lambda i: i.years.replace(",", "、"), 100),
                Column(self.tr("Amount"), lambda i: money(i.amount), 90, right=True),
                Column(self.tr("Issued"), lambda i: day(i.issued_on), 90),
            ],
            self,
        )
        self.table = table(self.model, "waiting_to_mail", multi=True)
        self.empty_state = EmptyState(self.table)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        self.model.set_rows(ops.query(self._db, dues.receipts_waiting_to_mail))
        self.empty_state.set_text(self.tr("Every receipt and voucher has been mailed."))
        self.empty_state.update()

    def _chosen(self, what: str | None = None) -> list[dues.MailItem]:
        return [i for i in selected_rows(self.table) if what is None or i.what == what]

    def issue_missing(self) -> None:
        actor = self._actor
        ops.Op(self, self._db, lambda session: dues.issue_missing_receipts(session, actor), changes={ops.DUES}).success(
            lambda numbers: msgbox.information(
                self,
                self.tr("Receipts"),
                self.tr("%n receipt(s) issued.", "", len(numbers))
                + ("\n" + "、".join(numbers[:20]) if numbers else ""),
            )
        ).run()

    def print_selected(self) -> Any:
        ids = list(dict.fromkeys(i.receipt_id for i in self._chosen()))
        if not ids:
            return None
        self.dialog = print_receipts(self, self._db, self._actor, ids)
        return self.dialog

    def request_vouchers(self) -> None:
        ids = list(dict.fromkeys(i.receipt_id for i in self._chosen("receipt")))
        if not ids:
            return
        actor = self._actor
        ops.Op(self, self._db, lambda session: dues.request_vouchers(session, actor, ids), changes={ops.DUES}).run()

    def record_voucher(self) -> Any:
        chosen = self._chosen()
        if len(chosen) != 1:
            msgbox.information(self, self.tr("Voucher issued"), self.tr("Choose one receipt."))
            return None
        item = chosen[0]
        return self._open(VoucherDialog(self._db, self._actor, item.receipt_id, item.receipt_number, self))

    def mark_mailed(self) -> Any:
        chosen = self._chosen()
        if not chosen:
            return None
        what = "voucher" if all(i.what == "voucher" for i in chosen) else "receipt"
        ids = list(dict.fromkeys(i.receipt_id for i in chosen if i.what == what))
        return self._open(MailedDialog(self._db, self._actor, ids, what, self))


# --- the schedule --------------------------------------------------------------------------------------


class ScheduleTab(_Tab):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(db, actor, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("New schedule from a year…"))
        self.add_button.setObjectName("add_schedule")
        self.add_button.clicked.connect(self.add)
        self.add_button.setVisible(actor.can(Permission.MANAGE_SETTINGS))
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.rules = QLabel()
        self.rules.setObjectName("rules")
        self.rules.setWordWrap(True)
        layout.addWidget(self.rules)
        self.model = RowsModel([], self)
        self.table = table(self.model, "schedule")
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        def read(session: Any) -> tuple[Any, ...]:
            return (
                dues.schedule(session),
                [(lv["code"], lv["name"]) for lv in levels(session)],
                get_setting(session, DUES_YEAR_START_MONTH),
                get_setting(session, DUES_FIRST_YEAR),
                get_setting(session, UNPAID_COUNTED_FROM),
                get_setting(session, UNPAID_MONTHS),
            )

        entries, level_list, month, first, counted, months = ops.query(self._db, read)
        columns = [Column(self.tr("From dues year"), lambda e: e.from_year, 110)]
        for code, name in level_list:
            columns.append(Column(name, lambda e, code=code: money(e.amounts.get(code)), 110, right=True))
        columns.append(Column(self.tr("Note"), lambda e: e.note, 240))
        self.model.columns = columns
        self.model.set_rows(sorted(entries, key=lambda e: -e.from_year))
        for number, column in enumerate(columns):
            self.table.setColumnWidth(number, column.width)
        first_text = {
            "full": self.tr("the whole year"),
            "pro_rata": self.tr("the months left, counting the month of joining"),
            "free": self.tr("nothing until the next dues year"),
        }.get(first, first)
        counted_text = dues.COUNTINGS.get(counted, counted)
        self.rules.setText(
            self.tr(
                "Dues year: from month %1. First year: %2. “Unpaid for more than a year”: %3, more than %4 months. "
                "(Settings dues.year_start_month, dues.first_year, dues.unpaid_counted_from, dues.unpaid_months.)"
            )
            .replace("%1", str(month))
            .replace("%2", first_text)
            .replace("%3", counted_text)
            .replace("%4", str(months))
        )

    def add(self) -> Any:
        return self._open(ScheduleDialog(self._db, self._actor, self))


# --- the area --------------------------------------------------------------------------------------------


class DuesView(QWidget):
    """The area “会费”: a tab per job. Every tab reads again when dues (or members, staff,
    settings) change, here or — after F5 — on another workstation."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dues_tabs")
        layout.addWidget(self.tabs)
        self.year = YearTab(db, actor, self)
        self.arrears = ArrearsTab(db, actor, self)
        self.rates = RatesTab(db, actor, self)
        self.reductions = ReductionsTab(db, actor, self)
        self.tabs.addTab(self.year, self.tr("Dues by year"))
        self.tabs.addTab(self.arrears, self.tr("Arrears"))
        self.tabs.addTab(self.rates, self.tr("Collection rates"))
        self.tabs.addTab(self.reductions, self.tr("Reductions"))
        self.bank: BankTab | None = None
        self.receipts: ReceiptsTab | None = None
        if actor.can(Permission.RECORD_DUES_PAYMENTS):
            self.bank = BankTab(db, actor, self)
            self.receipts = ReceiptsTab(db, actor, self)
            self.tabs.addTab(self.bank, self.tr("Bank statements"))
            self.tabs.addTab(self.receipts, self.tr("Receipts and vouchers"))
        self.schedule = ScheduleTab(db, actor, self)
        self.tabs.addTab(self.schedule, self.tr("Schedule"))
        self.reload()
        ops.listen(self, TOPICS, lambda _topics: self.reload())

    def all_tabs(self) -> list[_Tab]:
        return [
            t
            for t in (self.year, self.arrears, self.rates, self.reductions, self.bank, self.receipts, self.schedule)
            if t
        ]

    def reload(self) -> None:
        self.year.reload_choices()
        self.arrears._fill_mentors(self.arrears.mentor_box)
        for box in (self.rates.year_box, self.reductions.year_box):
            self.year._fill_years(box)
        for tab in self.all_tabs():
            tab.reload()
