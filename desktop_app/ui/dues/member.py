"""One member's dues: a widget the register's member window embeds as its “会费” tab, and the dues
area opens for the member chosen in a list. Bills per year (scheduled, due, paid, the consent of
a reduction), payments with their receipts and vouchers (reversals marked), the consents, what
is owed, the credit carried forward and the arrears evidence of R-12.1 (1). A mentor sees its
own members only (the service refuses the others with the reason)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop_app.core.db import Database
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import dues
from desktop_app.errors import OfficeError
from desktop_app.ui import ops
from desktop_app.ui.dues.common import RowsModel, current_row, money
from desktop_app.ui.dues.dialogs import ConsentDialog, PaymentDialog, ReverseDialog, VoucherDialog, print_receipts
from desktop_app.ui.rows import GREY, RED, Column, day, table


class MemberDuesWidget(QWidget):
    """``MemberDuesWidget(db, actor, member_id)``; ``set_member(member_id)`` shows another one."""

    def __init__(self, db: Database, actor: Actor, member_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.member_id: int | None = None
        self.view_data: dues.MemberDues | None = None
        self.dialog: Any = None  # the dialog opened last (tests answer it)
        self._build()
        ops.listen(self, {ops.DUES, ops.MEMBERS}, lambda _topics: self.reload())
        self.set_member(member_id)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel()
        self.summary.setObjectName("dues_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)

        buttons = QHBoxLayout()
        self.pay_button = QPushButton(self.tr("Record a payment…"))
        self.pay_button.setObjectName("pay")
        self.reverse_button = QPushButton(self.tr("Reverse…"))
        self.reverse_button.setObjectName("reverse")
        self.print_button = QPushButton(self.tr("Print receipt"))
        self.print_button.setObjectName("print_receipt")
        self.voucher_button = QPushButton(self.tr("Official voucher…"))
        self.voucher_button.setObjectName("voucher")
        self.consent_button = QPushButton(self.tr("Consent to a reduction…"))
        self.consent_button.setObjectName("consent")
        self.scan_button = QPushButton(self.tr("Open the consent's scan"))
        self.scan_button.setObjectName("open_scan")
        for button, slot in (
            (self.pay_button, self.record_payment),
            (self.reverse_button, self.reverse),
            (self.print_button, self.print_receipt),
            (self.voucher_button, self.record_voucher),
            (self.consent_button, self.record_consent),
            (self.scan_button, self.open_scan),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        office = self._actor.can(Permission.RECORD_DUES_PAYMENTS)
        for button in (self.pay_button, self.reverse_button, self.print_button, self.voucher_button):
            button.setVisible(office)
        refusal = dues.consent_refusal(self._actor)
        self.consent_button.setEnabled(refusal is None)
        self.consent_button.setToolTip(refusal or self.tr("Record the resident leader's written consent (R-8.5)"))

        self.bills = RowsModel(
            [
                Column(self.tr("Year"), lambda b: b.year, 60),
                Column(self.tr("Level"), lambda b: b.level, 90),
                Column(self.tr("Scheduled"), lambda b: money(b.scheduled), 90, right=True),
                Column(self.tr("Due"), lambda b: money(b.due), 90, right=True),
                Column(self.tr("Paid"), lambda b: money(b.paid), 90, right=True),
                Column(self.tr("State"), self._bill_state, 120, colour=self._bill_colour),
                Column(self.tr("Reduction consented by"), lambda b: b.consent, 220),
                Column(self.tr("Note"), lambda b: b.basis_note or b.cancelled, 200),
            ],
            self,
        )
        self.bills_view = table(self.bills, "bills")
        self.payments = RowsModel(
            [
                Column(self.tr("Received"), lambda p: day(p.received_on), 90),
                Column(self.tr("Amount"), lambda p: money(p.amount), 90, right=True, colour=self._payment_colour),
                Column(self.tr("Method"), lambda p: p.method, 70),
                Column(self.tr("Years paid"), lambda p: p.years, 90),
                Column(self.tr("Receipt"), self._receipt_text, 130),
                Column(self.tr("Voucher"), self._voucher_text, 150),
                Column(self.tr("Mailed"), lambda p: day(p.mailed_on), 90),
                Column(self.tr("Payer / reference"), lambda p: " ".join(filter(None, [p.payer, p.reference])), 180),
                Column(self.tr("Recorded by"), lambda p: p.recorded_by, 70),
                Column(self.tr("Note"), lambda p: p.note, 160),
            ],
            self,
        )
        self.payments_view = table(self.payments, "payments")
        self.payments_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.consents = RowsModel(
            [
                Column(self.tr("Year"), lambda c: c.year, 60),
                Column(self.tr("Scheduled"), lambda c: money(c.scheduled), 90, right=True),
                Column(self.tr("Agreed"), lambda c: money(c.agreed), 90, right=True),
                Column(self.tr("Consented by"), lambda c: c.consented_by, 80),
                Column(self.tr("Dated"), lambda c: day(c.consented_on), 90),
                Column(self.tr("Reference"), lambda c: c.document_reference, 150),
                Column(self.tr("Reason"), lambda c: c.reason, 200),
                Column(self.tr("Scan"), lambda c: c.scan_name, 120),
            ],
            self,
        )
        self.consents_view = table(self.consents, "consents")
        self.consents_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        splitter = QSplitter(Qt.Orientation.Vertical)
        for title, view in (
            (self.tr("Bills by dues year"), self.bills_view),
            (self.tr("Payments"), self.payments_view),
            (self.tr("Written consents to reductions (R-8.5)"), self.consents_view),
        ):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 4, 0, 0)
            caption = QLabel(f"<b>{title}</b>")
            box_layout.addWidget(caption)
            box_layout.addWidget(view)
            splitter.addWidget(box)
        splitter.setSizes([220, 220, 120])
        layout.addWidget(splitter, 1)

    # --- showing ------------------------------------------------------------------------------

    def _bill_state(self, bill: dues.BillView) -> str:
        if bill.cancelled:
            return self.tr("cancelled")
        if bill.settled:
            return self.tr("paid") if bill.due > 0 else self.tr("waived")
        text = self.tr("owes %1").replace("%1", money(bill.due - bill.paid))
        return text + (self.tr(" (earlier membership)") if bill.earlier_membership else "")

    @staticmethod
    def _bill_colour(bill: dues.BillView) -> Any:
        if bill.cancelled or bill.earlier_membership:
            return GREY
        return None if bill.settled else RED

    @staticmethod
    def _payment_colour(payment: dues.PaymentView) -> Any:
        return GREY if payment.reversed or payment.reversal_of else None

    def _voucher_text(self, payment: dues.PaymentView) -> str:
        if payment.voucher_state == "issued":
            return payment.voucher_number
        if payment.voucher_state == "requested":
            return self.tr("requested")
        return ""

    def _receipt_text(self, payment: dues.PaymentView) -> str:
        if payment.reversal_of:
            return self.tr("(reversal)")
        if payment.reversed:
            return (payment.receipt_number + " " if payment.receipt_number else "") + self.tr("(void: reversed)")
        return payment.receipt_number

    def set_member(self, member_id: int | None) -> None:
        self.member_id = member_id
        self.reload()

    def reload(self) -> None:
        if self.member_id is None:
            self.view_data = None
            self.summary.setText(self.tr("No member chosen."))
            for model in (self.bills, self.payments, self.consents):
                model.set_rows([])
            self._update_buttons()
            return
        member_id, actor = self.member_id, self._actor
        try:
            data = ops.query(self._db, lambda session: dues.member_dues(session, actor, member_id))
        except OfficeError as exc:  # a mentor opening another mentor's member: say why
            self.view_data = None
            self.summary.setText(exc.message)
            for model in (self.bills, self.payments, self.consents):
                model.set_rows([])
            self._update_buttons()
            return
        self.view_data = data
        parts = [
            self.tr("Owes %1 yuan").replace("%1", money(data.owed)),
            self.tr("credit carried forward %1 yuan").replace("%1", money(data.credit)),
        ]
        text = "；".join(parts) + "。"
        if data.evidence is not None:
            colour = "#b3261e" if data.over_a_year else "#a15c00"
            text += f"<br><span style='color:{colour}'>{data.evidence.describe()}</span>"
        self.summary.setText(text)
        self.bills.set_rows(data.bills)
        self.payments.set_rows(data.payments)
        self.consents.set_rows(data.consents)
        self._update_buttons()

    def _update_buttons(self) -> None:
        payment = current_row(self.payments_view)
        usable = payment is not None and not payment.reversed and payment.reversal_of is None
        self.pay_button.setEnabled(self.member_id is not None and self.view_data is not None)
        self.reverse_button.setEnabled(usable)
        self.print_button.setEnabled(usable and payment.receipt_id is not None)
        self.voucher_button.setEnabled(usable and payment.receipt_id is not None)
        self.scan_button.setEnabled(current_row(self.consents_view) is not None)
        if dues.consent_refusal(self._actor) is None:
            self.consent_button.setEnabled(self.view_data is not None)

    # --- actions ---------------------------------------------------------------------------------

    def _open(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def record_payment(self) -> Any:
        if self.member_id is None:
            return None
        dialog = PaymentDialog(self._db, self._actor, self, member_id=self.member_id)
        dialog.succeeded.connect(self._paid)
        return self._open(dialog)

    def _paid(self, result: tuple[str, int | None]) -> None:
        from desktop_app.ui import msgbox

        summary, receipt_id = result
        if receipt_id is not None and msgbox.question(
            self, self.tr("Payment recorded"), summary + "\n\n" + self.tr("Print the receipt now?"), default_yes=True
        ):
            self.dialog = print_receipts(self, self._db, self._actor, [receipt_id])
        elif receipt_id is None:
            msgbox.information(self, self.tr("Payment recorded"), summary)

    def reverse(self) -> Any:
        payment = current_row(self.payments_view)
        if payment is None:
            return None
        return self._open(ReverseDialog(self._db, self._actor, payment, self))

    def print_receipt(self) -> Any:
        payment = current_row(self.payments_view)
        if payment is None or payment.receipt_id is None:
            return None
        self.dialog = print_receipts(self, self._db, self._actor, [payment.receipt_id])
        return self.dialog

    def record_voucher(self) -> Any:
        payment = current_row(self.payments_view)
        if payment is None or payment.receipt_id is None:
            return None
        return self._open(VoucherDialog(self._db, self._actor, payment.receipt_id, payment.receipt_number, self))

    def record_consent(self) -> Any:
        if self.member_id is None:
            return None
        return self._open(ConsentDialog(self._db, self._actor, self, member_id=self.member_id))

    def open_scan(self) -> Any:
        consent = current_row(self.consents_view)
        if consent is None:
            return None
        from desktop_app.ui.preview import preview_attachment

        consent_id, actor = consent.id, self._actor
        name, mime, content = ops.query(self._db, lambda session: dues.consent_scan(session, actor, consent_id))
        self.dialog = preview_attachment(self, name, mime, content)
        return self.dialog
