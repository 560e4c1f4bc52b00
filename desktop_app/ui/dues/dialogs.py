"""The dues dialogs: a payment, a reversal, the resident leader's consent, billing a year, the
official voucher, mailing, matching a bank line, the schedule; and printing receipts. Each runs
its service through the operations layer; the service decides and says why not."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.models import PAYMENT_METHOD_LABELS, PaymentMethod, VoucherKind
from desktop_app.core.security import Actor
from desktop_app.core.services import admission, documents, dues
from desktop_app.errors import OfficeError
from desktop_app.ui import msgbox, ops
from desktop_app.ui.dues.common import FormDialog, MemberPicker, date_edit, line_edit, money, text_edit
from desktop_app.ui.rows import day

DUES = {ops.DUES}


def print_receipts(parent: QWidget | None, db: Database, actor: Actor, receipt_ids: list[int]) -> Any:
    """The receipts drawn into a temporary PDF and shown in the preview (Print, Save as PDF)."""
    from desktop_app.documents import KINDS
    from desktop_app.ui.preview import show_pdf

    folder = Path(tempfile.mkdtemp(prefix="membership-receipts-"))
    title = QCoreApplication.translate("Dues", "Dues receipts")
    out = folder / f"{title}.pdf"

    def work(session: Any) -> Any:
        items, problems = dues.receipt_inputs(session, actor, receipt_ids)
        if not items:
            raise OfficeError("\n".join(p.message for p in problems) or "没有可以打印的收据。")
        KINDS["dues-receipt"].build(out, items, documents.document_context(session))
        return problems

    shown: list[Any] = []

    def done(problems: Any) -> None:
        if problems:
            msgbox.warning(parent, out.stem, "\n".join(f"{p.who}：{p.message}" for p in problems))
        shown.append(show_pdf(out, out.stem, parent))

    ops.Op(parent, db, work, changes={ops.DOCUMENTS}).success(done).run()
    return shown[0] if shown else None


class PaymentDialog(FormDialog):
    """Money received from a member: it pays the oldest open year first; more stays as credit."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None, *, member_id: int | None = None):
        super().__init__(parent, self.tr("Record a payment"))
        self._db, self._actor, self._member_id = db, actor, member_id
        today = db.clock.today()
        if member_id is None:
            self.picker: MemberPicker | None = MemberPicker(db, actor, self)
            self.picker.chosen.connect(self._member_chosen)
            self.form.addRow(self.tr("Member"), self.picker)
        else:
            self.picker = None
            view = ops.query(db, lambda session: dues.member_dues(session, actor, member_id))
            heading = QLabel(
                f"<b>{view.name}</b>（{view.member_number}）<br>"
                + self.tr("Owes %1 yuan; credit %2 yuan.")
                .replace("%1", money(view.owed))
                .replace("%2", money(view.credit))
            )
            heading.setObjectName("member")
            self.form.addRow(self.tr("Member"), heading)
        self.received_on = date_edit(today, "received_on")
        self.amount = line_edit("amount", placeholder="2,000.00")
        self.method = QComboBox()
        self.method.setObjectName("method")
        for method in PaymentMethod:
            self.method.addItem(PAYMENT_METHOD_LABELS[method], method.value)
        self.payer = line_edit("payer", placeholder=self.tr("The member's name when empty"))
        self.reference = line_edit("reference", placeholder=self.tr("Bank serial number, cheque number …"))
        self.note = text_edit("note", 50)
        self.receipt = QCheckBox(self.tr("Issue a receipt (numbered from the one sequence)"))
        self.receipt.setObjectName("receipt")
        self.receipt.setChecked(True)
        self.form.addRow(self.tr("Received on"), self.received_on)
        self.form.addRow(self.tr("Amount (yuan)"), self.amount)
        self.form.addRow(self.tr("Method"), self.method)
        self.form.addRow(self.tr("Payer"), self.payer)
        self.form.addRow(self.tr("Reference"), self.reference)
        self.form.addRow(self.tr("Note"), self.note)
        self.form.addRow("", self.receipt)
        hint = QLabel(
            self.tr(
                "The payment settles the oldest unpaid year first. Less than what is owed leaves the rest owed; "
                "a reduction needs the resident leader's written consent on file (R-8.5)."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        self.layout_.insertWidget(1, hint)
        if member_id is not None:
            self._member_chosen(member_id)

    def _member_chosen(self, member_id: int | None) -> None:
        self._member_id = member_id
        if member_id is None or self.amount.text().strip():
            return
        view = ops.query(self._db, lambda session: dues.member_dues(session, self._actor, member_id))
        if view.owed > 0:
            self.amount.setText(f"{view.owed:.2f}")

    def submit(self) -> None:
        if self._member_id is None:
            self.error.setText(self.tr("Choose the member first."))
            return
        member_id, actor = self._member_id, self._actor
        values = {
            "amount": self.amount.text(),
            "received_on": self.received_on.date().toPython(),
            "method": self.method.currentData(),
            "payer": self.payer.text(),
            "reference": self.reference.text(),
            "note": self.note.toPlainText(),
            "receipt": self.receipt.isChecked(),
        }
        self.run(self._db, lambda session: _payment(session, actor, member_id, values), DUES)


def _payment(session: Any, actor: Actor, member_id: int, values: dict[str, Any]) -> tuple[str, int | None]:
    result = dues.record_payment(session, actor, member_id, **values)
    return result.summary(), result.receipt.id if result.receipt is not None else None


class ReverseDialog(FormDialog):
    """A payment recorded wrongly is undone by a reversal; what it paid is owed again."""

    def __init__(self, db: Database, actor: Actor, payment: dues.PaymentView, parent: QWidget | None = None):
        super().__init__(parent, self.tr("Reverse a payment"))
        self._db, self._actor, self._payment = db, actor, payment
        text = self.tr(
            "Reverse %1 yuan received on %2 from %3? The payment stays on record, a reversal of the opposite amount "
            "is added, its receipt %4 becomes void, and the years it paid are owed again."
        )
        intro = QLabel(
            text.replace("%1", money(payment.amount))
            .replace("%2", day(payment.received_on))
            .replace("%3", payment.payer)
            .replace("%4", payment.receipt_number or "—")
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.reason = text_edit("reason")
        self.form.addRow(self.tr("Reason"), self.reason)

    def submit(self) -> None:
        payment_id, reason, actor = self._payment.id, self.reason.toPlainText(), self._actor
        self.run(self._db, lambda session: dues.reverse_payment(session, actor, payment_id, reason).id, DUES)


class ConsentDialog(FormDialog):
    """R-8.5: the resident leader records its written consent to reduced (or waived) dues, with the
    document's reference, its date and its scan. Nobody else may."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None, *, member_id: int | None = None):
        super().__init__(parent, self.tr("Written consent to reduced dues"))
        self._db, self._actor, self._member_id = db, actor, member_id
        self._scan: tuple[str, bytes] | None = None
        today = db.clock.today()
        intro = QLabel(
            self.tr(
                "R-8.5: the mentor may not agree to reduced dues without the resident leader's written consent. "
                "Record it here, with its scan, before any lower amount is billed or accepted."
            )
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        if member_id is None:
            self.picker: MemberPicker | None = MemberPicker(db, actor, self)
            self.picker.chosen.connect(lambda chosen: setattr(self, "_member_id", chosen))
            self.form.addRow(self.tr("Member"), self.picker)
        else:
            self.picker = None
            view = ops.query(db, lambda session: dues.member_dues(session, actor, member_id))
            self.form.addRow(self.tr("Member"), QLabel(f"<b>{view.name}</b>（{view.member_number}）"))
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(ops.query(db, dues.current_year))
        self.agreed = line_edit("agreed", placeholder=self.tr("0 waives the year's dues"))
        self.reason = text_edit("reason")
        self.reference = line_edit("document_reference", placeholder="武建协〔2026〕12号")
        self.consented_on = date_edit(today, "consented_on")
        scan_row = QHBoxLayout()
        self.scan_button = QPushButton(self.tr("Choose the scan…"))
        self.scan_button.setObjectName("choose_scan")
        self.scan_button.clicked.connect(self.choose_scan)
        self.scan_label = QLabel(self.tr("(none: PDF, JPEG or PNG)"))
        self.scan_label.setObjectName("scan_name")
        scan_row.addWidget(self.scan_button)
        scan_row.addWidget(self.scan_label, 1)
        self.form.addRow(self.tr("Dues year"), self.year)
        self.form.addRow(self.tr("Agreed amount (yuan)"), self.agreed)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Document reference"), self.reference)
        self.form.addRow(self.tr("Dated"), self.consented_on)
        self.form.addRow(self.tr("Scan"), scan_row)

    def choose_file(self) -> str:
        """The scan to attach (a method so tests can answer it)."""
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The scan of the written consent"), "", self.tr("Scans (*.pdf *.jpg *.jpeg *.png)")
        )
        return name

    def choose_scan(self) -> None:
        path = self.choose_file()
        if not path:
            return
        try:
            self._scan = (Path(path).name, Path(path).read_bytes())
        except OSError as exc:
            self.error.setText(str(exc))
            return
        self.scan_label.setText(Path(path).name)

    def set_scan(self, name: str, content: bytes) -> None:
        self._scan = (name, content)
        self.scan_label.setText(name)

    def submit(self) -> None:
        if self._member_id is None:
            self.error.setText(self.tr("Choose the member first."))
            return
        if self._scan is None:
            self.error.setText(self.tr("Attach the scan of the written consent."))
            return
        member_id, actor, (scan_name, scan) = self._member_id, self._actor, self._scan
        values = {
            "year": self.year.value(),
            "agreed": self.agreed.text(),
            "reason": self.reason.toPlainText(),
            "document_reference": self.reference.text(),
            "consented_on": self.consented_on.date().toPython(),
        }
        self.run(
            self._db,
            lambda session: (
                dues.record_consent(
                    session,
                    actor,
                    member_id=member_id,
                    scan_name=scan_name,
                    scan=scan,
                    scan_check=admission.attachment_problem,
                    **values,
                ).id
            ),
            DUES,
        )


class BillYearDialog(FormDialog):
    """Bill a dues year for every active member (twice creates nothing new)."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent, self.tr("Bill a dues year"))
        self._db, self._actor = db, actor
        self.year = QSpinBox()
        self.year.setObjectName("year")
        current = ops.query(db, dues.current_year)
        self.year.setRange(2000, current + 1)
        self.year.setValue(current)
        self.info = QLabel()
        self.info.setObjectName("info")
        self.info.setWordWrap(True)
        self.form.addRow(self.tr("Dues year"), self.year)
        self.form.addRow("", self.info)
        self.year.valueChanged.connect(self._show)
        self._show()
        self.result_text = ""

    def _show(self) -> None:
        year = self.year.value()

        def read(session: Any) -> tuple[int, dict[str, Any], dict[str, str]]:
            from desktop_app.core.settings import level_names

            return dues.members_without_bill(session, year), dues.level_amounts(session, year), level_names(session)

        waiting, amounts, names = ops.query(self._db, read)
        schedule = "；".join(f"{names.get(code, code)} {money(amount)}" for code, amount in amounts.items())
        self.info.setText(
            self.tr("%n active member(s) have no bill for this year yet.", "", waiting)
            + "\n"
            + self.tr("Schedule for %1: %2").replace("%1", str(year)).replace("%2", schedule or "—")
        )

    def submit(self) -> None:
        year, actor = self.year.value(), self._actor

        def work(session: Any, progress: ops.ProgressFn) -> str:
            return dues.bill_year(session, actor, year, progress=progress).summary()

        ops.Op(self, self._db, work, changes=DUES, title=self.windowTitle()).in_background(
            self.tr("Billing %1…").replace("%1", str(year))
        ).success(self._billed).failure(self._failed).run()

    def _billed(self, summary: str) -> None:
        self.result_text = summary
        msgbox.information(self, self.windowTitle(), summary)
        self._done(summary)


class VoucherDialog(FormDialog):
    """The official voucher (社会团体会费统一票据, paper or electronic) issued for a receipt."""

    def __init__(self, db: Database, actor: Actor, receipt_id: int, receipt_number: str, parent: QWidget | None = None):
        super().__init__(parent, self.tr("Official voucher for receipt %1").replace("%1", receipt_number))
        self._db, self._actor, self._receipt_id = db, actor, receipt_id
        self.kind = QComboBox()
        self.kind.setObjectName("voucher_kind")
        self.kind.addItem(self.tr("Paper (unified voucher for social organisations' dues)"), VoucherKind.PAPER.value)
        self.kind.addItem(self.tr("Electronic voucher"), VoucherKind.ELECTRONIC.value)
        self.number = line_edit("voucher_number")
        self.issued_on = date_edit(db.clock.today(), "voucher_issued_on")
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Voucher number"), self.number)
        self.form.addRow(self.tr("Issued on"), self.issued_on)

    def submit(self) -> None:
        receipt_id, actor = self._receipt_id, self._actor
        kind, number, issued = self.kind.currentData(), self.number.text(), self.issued_on.date().toPython()
        self.run(
            self._db,
            lambda session: (
                dues.record_voucher(session, actor, receipt_id, kind=kind, number=number, issued_on=issued).id
            ),
            DUES,
        )


class MailedDialog(FormDialog):
    """Receipts (or their paper vouchers) that went out in the post (R-9.4)."""

    def __init__(self, db: Database, actor: Actor, receipt_ids: list[int], what: str, parent: QWidget | None = None):
        title = self.tr("Vouchers mailed") if what == "voucher" else self.tr("Receipts mailed")
        super().__init__(parent, title)
        self._db, self._actor, self._ids, self._what = db, actor, receipt_ids, what
        self.form.addRow(QLabel(self.tr("%n item(s) selected.", "", len(receipt_ids))))
        self.mailed_on = date_edit(db.clock.today(), "mailed_on")
        self.note = line_edit("mailed_note", placeholder=self.tr("The mailing batch or the tracking number"))
        self.form.addRow(self.tr("Mailed on"), self.mailed_on)
        self.form.addRow(self.tr("Note"), self.note)

    def submit(self) -> None:
        ids, what, actor = self._ids, self._what, self._actor
        on, note = self.mailed_on.date().toPython(), self.note.text()
        self.run(self._db, lambda session: dues.mark_mailed(session, actor, ids, what=what, on=on, note=note), DUES)


class MatchLineDialog(FormDialog):
    """A bank line nobody could match: a person picks the member, and it is booked."""

    def __init__(self, db: Database, actor: Actor, line: dues.LineRow, parent: QWidget | None = None):
        super().__init__(parent, self.tr("Match a bank line to a member"))
        self._db, self._actor, self._line = db, actor, line
        details = QLabel(
            f"{day(line.booked_on)}　<b>{money(line.amount)}</b>　{line.payer_name or '—'}　{line.payer_account}"
            f"<br>{line.reference}　{line.serial}<br><span style='color:#5f6368'>{line.note}</span>"
        )
        details.setWordWrap(True)
        self.layout_.insertWidget(0, details)
        self.picker = MemberPicker(db, actor, self)
        self.picker.search.setText(line.payer_name)
        self.form.addRow(self.tr("Member"), self.picker)

    def submit(self) -> None:
        member_id = self.picker.member_id()
        if member_id is None:
            self.error.setText(self.tr("Choose the member first."))
            return
        line_id, actor = self._line.id, self._actor
        self.run(self._db, lambda session: dues.match_line(session, actor, line_id, member_id).summary(), DUES)


class IgnoreLineDialog(FormDialog):
    def __init__(self, db: Database, actor: Actor, line: dues.LineRow, parent: QWidget | None = None):
        super().__init__(parent, self.tr("Not dues"))
        self._db, self._actor, self._line = db, actor, line
        self.form.addRow(QLabel(f"{day(line.booked_on)}　{money(line.amount)}　{line.payer_name}"))
        self.reason = text_edit("reason")
        self.reason.setPlaceholderText(self.tr("e.g. a training fee, a donation"))
        self.form.addRow(self.tr("Reason"), self.reason)

    def submit(self) -> None:
        line_id, actor, reason = self._line.id, self._actor, self.reason.toPlainText()
        self.run(self._db, lambda session: dues.ignore_line(session, actor, line_id, reason).id, DUES)


class ScheduleDialog(FormDialog):
    """A schedule entry: each level's annual dues from a dues year on (a billed year cannot change)."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent, self.tr("Dues schedule from a year"))
        self._db, self._actor = db, actor

        def read(session: Any) -> tuple[int, list[tuple[str, str]], dict[str, Decimal]]:
            year = dues.current_year(session) + 1
            from desktop_app.core.settings import levels

            return year, [(lv["code"], lv["name"]) for lv in levels(session)], dues.level_amounts(session, year)

        year, levels, amounts = ops.query(db, read)
        self.from_year = QSpinBox()
        self.from_year.setObjectName("from_year")
        self.from_year.setRange(2000, 2100)
        self.from_year.setValue(year)
        self.form.addRow(self.tr("Effective from dues year"), self.from_year)
        self.amounts = {}
        for code, name in levels:
            edit = line_edit(f"amount_{code}", f"{amounts[code]:.2f}" if code in amounts else "")
            self.amounts[code] = edit
            self.form.addRow(name, edit)
        self.note = line_edit("note", placeholder=self.tr("e.g. the general assembly's resolution"))
        self.form.addRow(self.tr("Note"), self.note)

    def submit(self) -> None:
        actor = self._actor
        year, note = self.from_year.value(), self.note.text()
        amounts = {code: edit.text() for code, edit in self.amounts.items()}
        self.run(
            self._db,
            lambda session: len(dues.set_schedule_entry(session, actor, year, amounts, note)),
            {ops.DUES, ops.SETTINGS},
        )


class ImportResultDialog(FormDialog):
    """What became of every row of a bank statement."""

    def __init__(self, result: dues.BankImportResult, parent: QWidget | None = None):
        super().__init__(parent, self.tr("Bank statement imported"))
        self.buttons.setStandardButtons(self.buttons.StandardButton.Close)
        self.buttons.rejected.connect(self.accept)
        summary = QLabel(f"<b>{result.file_name}</b>（{result.sheet}）<br>{result.summary_zh()}")
        summary.setObjectName("summary")
        summary.setWordWrap(True)
        self.layout_.insertWidget(0, summary)
        self.rows = QTableWidget(len(result.fates), 3)
        self.rows.setObjectName("fates")
        self.rows.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Outcome"), self.tr("Details")])
        self.rows.verticalHeader().setVisible(False)
        self.rows.horizontalHeader().setStretchLastSection(True)
        self.rows.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for number, fate in enumerate(result.fates):
            for column, value in enumerate((str(fate.row), dues.FATE_LABELS[fate.fate], fate.text)):
                item = QTableWidgetItem(value)
                if fate.fate in ("unmatched", "rejected"):
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.rows.setItem(number, column, item)
        self.rows.resizeColumnToContents(0)
        self.rows.resizeColumnToContents(1)
        self.layout_.insertWidget(1, self.rows, 1)
        self.resize(820, 460)


__all__ = [
    "BillYearDialog",
    "ConsentDialog",
    "IgnoreLineDialog",
    "ImportResultDialog",
    "MailedDialog",
    "MatchLineDialog",
    "PaymentDialog",
    "ReverseDialog",
    "ScheduleDialog",
    "VoucherDialog",
    "print_receipts",
]
