"""The mailing area's dialogs: a new batch, the contact a mentor sets, one envelope's contents,
tracking numbers, returned mail, the liaison told, photos, printing, and doubtful addresses.

Each gathers what the person chose and hands it to a service through ``ops.Op``; a refusal is
shown in the dialog's red line and nothing typed is lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.models import ContactChoice, ContentKind, Role
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import accounts, admission, mailing, members
from desktop_app.core.services.mailing import ContentSpec, RecipientFilter
from desktop_app.core.services.members import MemberFilter
from desktop_app.core.settings import levels
from desktop_app.errors import OfficeError
from desktop_app.ui import guards, msgbox, ops
from desktop_app.ui.widgets import error_label

SEARCH_LIMIT = 100


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setObjectName("ok")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class _ServiceDialog(guards.GuardedDialog, QDialog):
    """A dialog whose OK runs one service call; a refusal stays in the dialog (red line)."""

    changes: frozenset[str] = frozenset({ops.MAILING})

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.error = error_label(self)
        self.result_value: Any = None

    def call(self, session: Any) -> Any:  # overridden
        raise NotImplementedError

    def accept(self) -> None:
        self.error.clear()
        done: list[Any] = []

        def refused(exc: BaseException) -> None:
            if isinstance(exc, OfficeError):
                self.error.setText(ops.failure_text(exc))
            else:
                ops.show_failure(self, exc, self.windowTitle())

        ops.Op(self, self._db, self.call, changes=self.changes, title=self.windowTitle()).success(done.append).failure(
            refused
        ).run()
        if done:
            self.result_value = done[0]
            super().accept()


# --- a new batch ------------------------------------------------------------------------------------


class NewMailingBatchDialog(guards.GuardedDialog, QDialog):
    """Title, date and contents of a new batch, and its recipients: a filter or members picked by
    hand. Creating it reads every recipient's address (in the background: thousands of members)."""

    def __init__(
        self, db: Database, actor: Actor, parent: QWidget | None = None, *, register_filter: MemberFilter | None = None
    ):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self._register_filter = register_filter
        self.created: Any = None
        self.setWindowTitle(self.tr("New mailing batch"))
        self.resize(760, 720)
        today, issue = ops.query(
            db, lambda session: (mailing.clock_of(session).today(), mailing.next_journal_issue(session))
        )
        layout = QVBoxLayout(self)

        form = QFormLayout()
        self.title_edit = QLineEdit(
            self.tr("Journal %1, issue %2").replace("%1", str(today.year)).replace("%2", str(issue))
        )
        self.title_edit.setObjectName("title")
        self.title_edit.selectAll()
        form.addRow(self.tr("Title"), self.title_edit)
        self.date_edit = QDateEdit(_qdate(today))
        self.date_edit.setObjectName("mailed_on")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("Mailing date"), self.date_edit)
        layout.addLayout(form)

        contents = QGroupBox(self.tr("What it carries"))
        grid = QGridLayout(contents)
        self.journal = QCheckBox(self.tr("Journal"))
        self.journal.setObjectName("journal")
        self.journal.setChecked(True)
        self.journal_title = QLineEdit(f"《武汉建筑业》{today.year}年第{issue}期")
        self.journal_title.setObjectName("journal_title")
        grid.addWidget(self.journal, 0, 0)
        grid.addWidget(self.journal_title, 0, 1)
        grid.addWidget(QLabel(self.tr("Documents (one title a line)")), 1, 0, Qt.AlignmentFlag.AlignTop)
        self.documents = QPlainTextEdit()
        self.documents.setObjectName("documents")
        self.documents.setMaximumHeight(64)
        grid.addWidget(self.documents, 1, 1)
        self.receipts = QCheckBox(self.tr("Dues receipts waiting to be mailed (each to its member)"))
        self.receipts.setObjectName("receipts")
        self.invoices = QCheckBox(self.tr("Invoices (paper dues vouchers) waiting to be mailed"))
        self.invoices.setObjectName("invoices")
        grid.addWidget(self.receipts, 2, 0, 1, 2)
        grid.addWidget(self.invoices, 3, 0, 1, 2)
        self.certificate = QCheckBox(self.tr("Honour certificate"))
        self.certificate.setObjectName("certificate")
        self.certificate_title = QLineEdit(f"{today.year - 1}年度优秀会员单位荣誉证书")
        self.certificate_title.setObjectName("certificate_title")
        grid.addWidget(self.certificate, 4, 0)
        grid.addWidget(self.certificate_title, 4, 1)
        self.certificate_for = QLineEdit()
        self.certificate_for.setObjectName("certificate_for")
        self.certificate_for.setPlaceholderText(
            self.tr("Member numbers of the awarded members (empty: add them per envelope later)")
        )
        grid.addWidget(self.certificate_for, 5, 1)
        layout.addWidget(contents)

        recipients = QGroupBox(self.tr("Recipients"))
        column = QVBoxLayout(recipients)
        self.modes = QButtonGroup(self)
        rows = QGridLayout()
        self.mode_all = QRadioButton(self.tr("All active members"))
        self.mode_level = QRadioButton(self.tr("Members of the level"))
        self.mode_mentor = QRadioButton(self.tr("Members of the mentor"))
        self.mode_dues = QRadioButton(self.tr("Members with receipts or invoices waiting"))
        self.mode_register = QRadioButton(self.tr("The member register's current search"))
        self.mode_hand = QRadioButton(self.tr("Only the members picked below"))
        self.level_box = QComboBox()
        self.level_box.setObjectName("level")
        self.mentor_box = QComboBox()
        self.mentor_box.setObjectName("mentor")
        level_list, mentors = ops.query(
            db, lambda session: (levels(session), accounts.staff_records(session, role=Role.MENTOR))
        )
        for level in level_list:
            self.level_box.addItem(level["name"], level["code"])
        for mentor in mentors:
            self.mentor_box.addItem(mentor.full_name, mentor.id)
        self.register_text = QLabel(self._describe_register())
        self.register_text.setObjectName("register_text")
        for row, (button, name, extra) in enumerate(
            (
                (self.mode_all, "mode_all", None),
                (self.mode_level, "mode_level", self.level_box),
                (self.mode_mentor, "mode_mentor", self.mentor_box),
                (self.mode_dues, "mode_dues", None),
                (self.mode_register, "mode_register", self.register_text),
                (self.mode_hand, "mode_hand", None),
            )
        ):
            button.setObjectName(name)
            self.modes.addButton(button)
            rows.addWidget(button, row, 0)
            if extra is not None:
                rows.addWidget(extra, row, 1)
        self.mode_register.setEnabled(register_filter is not None)
        self.mode_all.setChecked(True)
        column.addLayout(rows)

        picking = QHBoxLayout()
        left = QVBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("member_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Add members by hand: name, member number, liaison or phone"))
        self.search.textChanged.connect(self.search_members)
        left.addWidget(self.search)
        self.results = QListWidget()
        self.results.setObjectName("results")
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.itemDoubleClicked.connect(lambda _item: self.add_selected())
        left.addWidget(self.results)
        picking.addLayout(left, 1)
        middle = QVBoxLayout()
        middle.addStretch(1)
        add = QPushButton(self.tr("Add →"))
        add.setObjectName("add")
        add.clicked.connect(self.add_selected)
        remove = QPushButton(self.tr("← Remove"))
        remove.setObjectName("remove")
        remove.clicked.connect(self.remove_selected)
        middle.addWidget(add)
        middle.addWidget(remove)
        middle.addStretch(1)
        picking.addLayout(middle)
        self.picked = QListWidget()
        self.picked.setObjectName("picked")
        self.picked.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        picking.addWidget(self.picked, 1)
        column.addLayout(picking)
        self.include_former = QCheckBox(self.tr("Include withdrawn and cancelled members (they are marked)"))
        self.include_former.setObjectName("include_former")
        column.addWidget(self.include_former)
        layout.addWidget(recipients, 1)

        layout.addWidget(self.error_line())
        buttons = _buttons(self, self.tr("Create the batch"))
        layout.addWidget(buttons)

    def error_line(self) -> QLabel:
        self.error = error_label(self)
        return self.error

    def _describe_register(self) -> str:
        flt = self._register_filter
        if flt is None:
            return self.tr("(open the member register first)")
        parts = [f"“{flt.text}”"] if flt.text else []
        if flt.level:
            parts.append(flt.level)
        if flt.status is not None:
            parts.append(flt.status.label)
        return "、".join(parts) or self.tr("(no search: every member)")

    def search_members(self) -> None:
        text = self.search.text().strip()
        self.results.clear()
        if not text:
            return
        ids, rows = ops.query(
            self._db,
            lambda session: (
                ids := members.search_member_ids(session, MemberFilter(text=text), limit=SEARCH_LIMIT),
                members.register_rows(session, ids),
            ),
        )
        for member_id in ids:
            row = rows[member_id]
            mark = "" if row.status.value == "active" else f"（{row.status.label}）"
            item = QListWidgetItem(f"{row.name}（{row.member_number}）{mark}")
            item.setData(Qt.ItemDataRole.UserRole, member_id)
            self.results.addItem(item)

    def picked_ids(self) -> list[int]:
        return [self.picked.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.picked.count())]

    def add_selected(self) -> None:
        present = set(self.picked_ids())
        items = self.results.selectedItems() or ([self.results.currentItem()] if self.results.currentItem() else [])
        for item in items:
            member_id = item.data(Qt.ItemDataRole.UserRole)
            if member_id not in present:
                copy = QListWidgetItem(item.text())
                copy.setData(Qt.ItemDataRole.UserRole, member_id)
                self.picked.addItem(copy)
                present.add(member_id)

    def remove_selected(self) -> None:
        for item in self.picked.selectedItems():
            self.picked.takeItem(self.picked.row(item))

    def recipient_filter(self) -> RecipientFilter:
        picked = tuple(self.picked_ids())
        former = self.include_former.isChecked()
        if self.mode_all.isChecked():
            return RecipientFilter(all_active=True, member_ids=picked, include_former=former)
        if self.mode_level.isChecked():
            return RecipientFilter(level=self.level_box.currentData(), member_ids=picked, include_former=former)
        if self.mode_mentor.isChecked():
            return RecipientFilter(mentor_id=self.mentor_box.currentData(), member_ids=picked, include_former=former)
        if self.mode_dues.isChecked():
            return RecipientFilter(dues_waiting=True, member_ids=picked, include_former=former)
        if self.mode_register.isChecked() and self._register_filter is not None:
            return RecipientFilter(search=self._register_filter, member_ids=picked, include_former=former)
        return RecipientFilter(member_ids=picked, include_former=former)

    def contents(self) -> list[ContentSpec]:
        out: list[ContentSpec] = []
        if self.journal.isChecked():
            out.append(ContentSpec(ContentKind.JOURNAL, self.journal_title.text()))
        for line in self.documents.toPlainText().splitlines():
            if line.strip():
                out.append(ContentSpec(ContentKind.DOCUMENT, line.strip()))
        if self.receipts.isChecked():
            out.append(ContentSpec(ContentKind.RECEIPT))
        if self.invoices.isChecked():
            out.append(ContentSpec(ContentKind.INVOICE))
        return out

    def accept(self) -> None:
        self.error.clear()
        db, actor = self._db, self._actor
        title, day, note = self.title_edit.text(), self.date_edit.date().toPython(), None
        contents, flt = self.contents(), self.recipient_filter()
        certificate = self.certificate.isChecked()
        certificate_title = self.certificate_title.text()
        awarded_numbers = [n for n in self.certificate_for.text().replace("，", ",").replace(" ", ",").split(",") if n]

        def work(session: Any, progress: ops.ProgressFn) -> Any:
            specs = list(contents)
            if certificate:
                from desktop_app.core.services import documents

                chosen = documents.select_members(session, member_numbers=awarded_numbers) if awarded_numbers else []
                awarded = tuple(m.id for m in chosen)
                specs.append(
                    ContentSpec(ContentKind.CERTIFICATE, certificate_title, per_recipient=True, member_ids=awarded)
                )
            return mailing.create_batch(
                session, actor, title=title, contents=specs, recipients=flt, mailed_on=day, note=note, progress=progress
            ).id

        def refused(exc: BaseException) -> None:
            if isinstance(exc, OfficeError):
                self.error.setText(ops.failure_text(exc))
            else:
                ops.show_failure(self, exc, self.windowTitle())

        def done(batch_id: int) -> None:
            self.created = batch_id
            QDialog.accept(self)

        ops.Op(self, db, work, changes={ops.MAILING}, title=self.windowTitle()).in_background(
            self.tr("Reading the recipients' addresses…")
        ).success(done).failure(refused).run()


# --- the contact a mentor sets (R-9.4) ------------------------------------------------------------------


class MailingContactDialog(_ServiceDialog):
    def __init__(self, db: Database, actor: Actor, member_id: int, parent: QWidget | None = None):
        super().__init__(db, actor, parent)
        self.member_id = member_id
        member, preference, doubtful = ops.query(
            db,
            lambda session: (
                members.get_member(session, member_id),
                mailing.get_preference(session, member_id),
                mailing.address_doubtful(session, member_id),
            ),
        )
        self.setWindowTitle(self.tr("Mailing contact of %1").replace("%1", member.name))
        layout = QVBoxLayout(self)
        persons = []
        for role, label in (
            ("liaison", self.tr("Liaison")),
            ("principal", self.tr("Principal")),
            ("legal_representative", self.tr("Legal representative")),
        ):
            name = getattr(member, f"{role}_name")
            phone = getattr(member, f"{role}_mobile") or getattr(member, f"{role}_landline")
            persons.append(f"{label}：{name or '—'} {phone or ''}")
        info = QLabel(
            "\n".join(
                [
                    f"{member.name}（{member.member_number}）",
                    *persons,
                    f"{member.postcode or ''} {member.address or ''}",
                ]
            )
        )
        info.setObjectName("member_info")
        info.setWordWrap(True)
        layout.addWidget(info)
        form = QFormLayout()
        self.contact = QComboBox()
        self.contact.setObjectName("contact")
        for choice, label in (
            (ContactChoice.LIAISON, self.tr("Liaison")),
            (ContactChoice.PRINCIPAL, self.tr("Principal")),
            (ContactChoice.LEGAL_REPRESENTATIVE, self.tr("Legal representative")),
            (ContactChoice.OTHER, self.tr("Someone else (below)")),
        ):
            self.contact.addItem(label, choice.value)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.position = QLineEdit()
        self.position.setObjectName("position")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.address = QLineEdit()
        self.address.setObjectName("address")
        self.address.setPlaceholderText(self.tr("Empty: the address in the member register"))
        self.postcode = QLineEdit()
        self.postcode.setObjectName("postcode")
        self.postcode.setMaxLength(6)
        self.copies = QSpinBox()
        self.copies.setObjectName("copies")
        self.copies.setRange(1, mailing.preferences.MAX_COPIES)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        form.addRow(self.tr("Post goes to"), self.contact)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Position"), self.position)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Address for post"), self.address)
        form.addRow(self.tr("Postcode"), self.postcode)
        form.addRow(self.tr("Copies of the journal"), self.copies)
        form.addRow(self.tr("Note"), self.note)
        layout.addLayout(form)
        if preference is not None:
            self.contact.setCurrentIndex(max(0, self.contact.findData(preference.contact.value)))
            for edit, value in (
                (self.name, preference.name),
                (self.position, preference.position),
                (self.phone, preference.phone),
                (self.address, preference.address),
                (self.postcode, preference.postcode),
                (self.note, preference.note),
            ):
                edit.setText(value or "")
            self.copies.setValue(preference.copies)
        self.confirm = QCheckBox(self.tr("Mail to this address came back; I checked it and it is right"))
        self.confirm.setObjectName("confirm_address")
        self.confirm.setVisible(bool(doubtful))
        if doubtful and preference is not None:
            self.confirm.setToolTip(f"{preference.doubtful_since} {preference.doubtful_reason or ''}")
        layout.addWidget(self.confirm)
        self.contact.currentIndexChanged.connect(self._contact_changed)
        self._contact_changed()
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self.tr("Save")))

    def _contact_changed(self) -> None:
        other = self.contact.currentData() == ContactChoice.OTHER.value
        for edit in (self.name, self.position, self.phone):
            edit.setEnabled(other)

    def call(self, session: Any) -> Any:
        actor, member_id = self._actor, self.member_id
        if self.confirm.isVisible() and self.confirm.isChecked():
            mailing.confirm_address(session, actor, member_id, self.note.text())
        return mailing.set_preference(
            session,
            actor,
            member_id,
            contact=self.contact.currentData(),
            name=self.name.text(),
            position=self.position.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            postcode=self.postcode.text(),
            copies=self.copies.value(),
            note=self.note.text(),
        )


# --- one envelope's contents ------------------------------------------------------------------------------


class EnvelopeContentsDialog(_ServiceDialog):
    def __init__(self, db: Database, actor: Actor, recipient_id: int, parent: QWidget | None = None):
        super().__init__(db, actor, parent)
        self.recipient_id = recipient_id

        def read(session: Any) -> Any:
            recipient = mailing.common.get_recipient(session, recipient_id)
            lines = mailing.views.envelope_lines(session, [recipient_id]).get(recipient_id, [])
            return recipient.organisation, mailing.batch_contents(session, recipient.batch_id), lines

        organisation, contents, lines = ops.query(db, read)
        self.setWindowTitle(self.tr("Envelope of %1").replace("%1", organisation))
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Content")), 0, 0)
        grid.addWidget(QLabel(self.tr("Copies")), 0, 1)
        grid.addWidget(QLabel(self.tr("Number or note")), 0, 2)
        have = {content.id: line for content, line in lines if line.dues_receipt_id is None}
        self.rows: dict[int, tuple[QSpinBox, QLineEdit]] = {}
        for row, content in enumerate(contents, 1):
            label = content.kind.label
            grid.addWidget(QLabel(label if content.title in (label, "") else f"{label}：{content.title}"), row, 0)
            spin = QSpinBox()
            spin.setObjectName(f"copies_{content.id}")
            spin.setRange(0, 50)
            detail = QLineEdit()
            detail.setObjectName(f"detail_{content.id}")
            if content.kind in mailing.DUES_KINDS:
                waiting = [line.detail for c, line in lines if c.id == content.id and line.dues_receipt_id]
                spin.setValue(len(waiting))
                spin.setEnabled(False)
                detail.setText("、".join(w or "" for w in waiting))
                detail.setEnabled(False)
                detail.setToolTip(self.tr("Receipts and invoices come from the dues records"))
            else:
                line = have.get(content.id)
                spin.setValue(line.copies if line else 0)
                detail.setText(line.detail or "" if line else "")
                self.rows[content.id] = (spin, detail)
            grid.addWidget(spin, row, 1)
            grid.addWidget(detail, row, 2)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self.tr("Save")))

    def call(self, session: Any) -> Any:
        copies = {content_id: spin.value() for content_id, (spin, _d) in self.rows.items()}
        details = {content_id: detail.text() for content_id, (_s, detail) in self.rows.items() if detail.text().strip()}
        return mailing.set_recipient_contents(session, self._actor, self.recipient_id, copies, details=details)


# --- tracking, returned mail, the liaison told --------------------------------------------------------------


class TrackingNumbersDialog(_ServiceDialog):
    """Tracking numbers pasted from the courier's site or workbook, or its workbook imported."""

    def __init__(self, db: Database, actor: Actor, batch_id: int, parent: QWidget | None = None):
        super().__init__(db, actor, parent)
        self.batch_id = batch_id
        self.setWindowTitle(self.tr("Tracking numbers"))
        self.resize(640, 460)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Paste one parcel a line: the tracking number and what names the recipient — the order "
                "reference of the manifest (e.g. YJ2026001-0012), the member number, the organisation, "
                "the contact or the phone. Envelopes not yet marked sent are marked sent on the date below."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.pasted = QPlainTextEdit()
        self.pasted.setObjectName("pasted")
        layout.addWidget(self.pasted, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Sent on")))
        today = ops.query(db, lambda session: mailing.clock_of(session).today())
        self.sent_on = QDateEdit(_qdate(today))
        self.sent_on.setObjectName("sent_on")
        self.sent_on.setCalendarPopup(True)
        self.sent_on.setDisplayFormat("yyyy-MM-dd")
        row.addWidget(self.sent_on)
        row.addStretch(1)
        self.import_button = QPushButton(self.tr("Import the courier's workbook…"))
        self.import_button.setObjectName("import")
        self.import_button.clicked.connect(self.import_workbook)
        row.addWidget(self.import_button)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self.tr("Record")))

    def call(self, session: Any) -> Any:
        return mailing.set_tracking_numbers(
            session, self._actor, self.batch_id, self.pasted.toPlainText(), on=self.sent_on.date().toPython()
        )

    # Overridden by tests: the system's file dialog cannot be answered offscreen.
    def ask_open_path(self) -> str:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Courier's workbook"), "", self.tr("Excel workbooks (*.xlsx)")
        )
        return name

    def import_workbook(self) -> None:
        name = self.ask_open_path()
        if not name:
            return
        self.error.clear()
        actor, batch_id, day = self._actor, self.batch_id, self.sent_on.date().toPython()
        done: list[Any] = []

        def refused(exc: BaseException) -> None:
            if isinstance(exc, OfficeError):
                self.error.setText(ops.failure_text(exc))
            else:
                ops.show_failure(self, exc, self.windowTitle())

        ops.Op(
            self,
            self._db,
            lambda session: mailing.import_tracking(session, actor, batch_id, name, on=day),
            changes=self.changes,
            title=self.windowTitle(),
        ).success(done.append).failure(refused).run()
        if done:
            self.result_value = done[0]
            QDialog.accept(self)


class ReturnedMailDialog(_ServiceDialog):
    def __init__(self, db: Database, actor: Actor, recipient_id: int, organisation: str, parent: QWidget | None = None):
        super().__init__(db, actor, parent)
        self.recipient_id = recipient_id
        self.setWindowTitle(self.tr("Returned: %1").replace("%1", organisation))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        today = ops.query(db, lambda session: mailing.clock_of(session).today())
        self.returned_on = QDateEdit(_qdate(today))
        self.returned_on.setObjectName("returned_on")
        self.returned_on.setCalendarPopup(True)
        self.returned_on.setDisplayFormat("yyyy-MM-dd")
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        self.reason.setEditable(True)
        self.reason.addItems(["", "查无此单位", "地址不详", "收件人拒收", "原址已搬迁", "无人签收，逾期退回"])
        form.addRow(self.tr("Came back on"), self.returned_on)
        form.addRow(self.tr("Why"), self.reason)
        layout.addLayout(form)
        note = QLabel(
            self.tr("The member's address is marked as doubtful for its mentor until it is corrected or confirmed.")
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self.tr("Record")))

    def call(self, session: Any) -> Any:
        return mailing.mark_returned(
            session,
            self._actor,
            self.recipient_id,
            on=self.returned_on.date().toPython(),
            reason=self.reason.currentText(),
        )


class LiaisonToldDialog(_ServiceDialog):
    def __init__(self, db: Database, actor: Actor, recipient_ids: list[int], parent: QWidget | None = None):
        super().__init__(db, actor, parent)
        self.recipient_ids = recipient_ids
        self.setWindowTitle(self.tr("Liaison told to look out for it"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        now = ops.query(db, lambda session: mailing.clock_of(session).now())
        self.at = QDateTimeEdit(QDateTime(_qdate(now.date()), QDateTime.currentDateTime().time()))
        self.at.setObjectName("at")
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setCalendarPopup(True)
        self.at.setDateTime(QDateTime.fromString(f"{now:%Y-%m-%d %H:%M}", "yyyy-MM-dd HH:mm"))
        self.note = QComboBox()
        self.note.setObjectName("note")
        self.note.setEditable(True)
        self.note.addItems(["已在班级微信群告知联络员留意查收", "电话告知联络员", "短信告知联络员"])
        form.addRow(self.tr("When"), self.at)
        form.addRow(self.tr("How"), self.note)
        layout.addWidget(QLabel(self.tr("%n envelope(s)", "", len(recipient_ids))))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self.tr("Record")))

    def call(self, session: Any) -> Any:
        at = self.at.dateTime().toPython()
        for recipient_id in self.recipient_ids:
            mailing.record_notification(session, self._actor, recipient_id, at=at, note=self.note.currentText())
        return len(self.recipient_ids)


# --- photos (R-8.4) ------------------------------------------------------------------------------------


class ProofPhotosDialog(QDialog):
    """The photos of one envelope: add (checked by opening them), open, remove."""

    def __init__(self, db: Database, actor: Actor, recipient_id: int, organisation: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor, self.recipient_id = db, actor, recipient_id
        self.setWindowTitle(self.tr("Photos of what was mailed: %1").replace("%1", organisation))
        self.resize(520, 360)
        self.viewer: QDialog | None = None
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("photos")
        self.list.itemDoubleClicked.connect(lambda _item: self.open_photo())
        layout.addWidget(self.list, 1)
        self.error = error_label(self)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add photos…"))
        self.add_button.setObjectName("add_photos")
        self.add_button.clicked.connect(self.add_photos)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("open_photo")
        self.open_button.clicked.connect(self.open_photo)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("remove_photo")
        self.remove_button.clicked.connect(self.remove_photo)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        for button in (self.add_button, self.open_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        may = actor.can(Permission.RECORD_MAILING_PROOF)
        self.add_button.setEnabled(may)
        self.remove_button.setEnabled(may)
        self.reload()

    def reload(self) -> None:
        proofs = ops.query(self._db, lambda session: mailing.proofs_of(session, self.recipient_id))
        self.list.clear()
        for proof in proofs:
            item = QListWidgetItem(
                f"{proof.file_name}　{proof.size // 1024} KB　{proof.uploaded_by_name}　{proof.uploaded_at:%Y-%m-%d %H:%M}"
            )
            item.setData(Qt.ItemDataRole.UserRole, proof.id)
            self.list.addItem(item)

    # Overridden by tests.
    def ask_open_paths(self) -> list[str]:
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Photos"), "", self.tr("Photos and scans (*.jpg *.jpeg *.png *.pdf)")
        )
        return names

    def add_photos(self) -> int:
        self.error.clear()
        actor, recipient_id = self._actor, self.recipient_id
        added = 0
        for name in self.ask_open_paths():
            path = Path(name)
            try:
                content = path.read_bytes()
            except OSError as exc:
                self.error.setText(f"{path.name}：{exc.strerror or exc}")
                break
            done: list[Any] = []

            def store(session: Any, file_name: str = path.name, data: bytes = content) -> Any:
                return mailing.add_proof_photo(
                    session, actor, recipient_id, file_name, data, admission.attachment_problem
                )

            ops.Op(self, self._db, store, changes={ops.MAILING}, title=self.windowTitle()).success(done.append).failure(
                self._refused
            ).run()
            if not done:
                break
            added += 1
        self.reload()
        return added

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, OfficeError):
            self.error.setText(ops.failure_text(exc))
        else:
            ops.show_failure(self, exc, self.windowTitle())

    def _selected(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def open_photo(self) -> QDialog | None:
        from desktop_app.ui.preview import preview_attachment

        proof_id = self._selected()
        if proof_id is None:
            return None
        name, mime, content = ops.query(self._db, lambda session: mailing.proof_photo(session, proof_id))
        self.viewer = preview_attachment(self, name, mime, content)
        return self.viewer

    def remove_photo(self) -> None:
        proof_id = self._selected()
        if proof_id is None:
            return
        if not msgbox.question(self, self.windowTitle(), self.tr("Remove the selected photo?")):
            return
        actor = self._actor
        ops.Op(
            self, self._db, lambda session: mailing.remove_proof_photo(session, actor, proof_id), changes={ops.MAILING}
        ).run()
        self.reload()


# --- printing ---------------------------------------------------------------------------------------------


class BatchPrintDialog(QDialog):
    """Which labels sheet or envelope, and whether envelopes already sent are printed again."""

    def __init__(self, what: str, parent: QWidget | None = None, *, selected: int = 0):
        super().__init__(parent)
        from desktop_app.documents.envelopes import ENVELOPE_SIZES
        from desktop_app.documents.labels import LABEL_SHEETS

        self.what = what
        self.setWindowTitle(self.tr("Print"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheet")
        self.sheet.addItem(self.tr("As in the settings"), "setting")
        for key in LABEL_SHEETS:
            self.sheet.addItem(self.tr("%1 label sheet").replace("%1", key), key)
        self.skip = QSpinBox()
        self.skip.setObjectName("skip")
        self.skip.setRange(0, 100)
        self.size = QComboBox()
        self.size.setObjectName("size")
        self.size.addItem(self.tr("As in the settings"), None)
        for key, (w, h) in ENVELOPE_SIZES.items():
            self.size.addItem(f"{key}（{w:g}×{h:g} mm）", key)
        self.unsent = QCheckBox(self.tr("Only envelopes not yet sent"))
        self.unsent.setObjectName("unsent")
        self.selected_only = QCheckBox(self.tr("Only the %n recipient(s) selected in the list", "", selected))
        self.selected_only.setObjectName("selected_only")
        self.selected_only.setChecked(selected > 0)
        self.selected_only.setVisible(selected > 0)
        if what == "labels":
            form.addRow(self.tr("Label sheet"), self.sheet)
            form.addRow(self.tr("Labels already used on the first sheet"), self.skip)
        if what == "envelopes":
            form.addRow(self.tr("Envelope"), self.size)
        form.addRow(self.unsent)
        form.addRow(self.selected_only)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Print…") if what != "manifest" else self.tr("Save…")))

    def options(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet.currentData(),
            "skip": self.skip.value(),
            "size": self.size.currentData(),
            "unsent": self.unsent.isChecked(),
            "selected_only": self.selected_only.isChecked(),
        }


# --- doubtful addresses ---------------------------------------------------------------------------------------


class DoubtfulAddressesDialog(QDialog):
    """Members whose mail came back from the address they still have: the mentor checks each
    (corrects the contact or the address, or confirms it)."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.setWindowTitle(self.tr("Doubtful addresses"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("doubtful")
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.contact_button = QPushButton(self.tr("Set the contact or address…"))
        self.contact_button.setObjectName("set_contact")
        self.contact_button.clicked.connect(self.set_contact)
        self.confirm_button = QPushButton(self.tr("The address is right"))
        self.confirm_button.setObjectName("confirm")
        self.confirm_button.clicked.connect(self.confirm)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(self.contact_button)
        row.addWidget(self.confirm_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        may = actor.can(Permission.SET_MAILING_PREFERENCES)
        self.contact_button.setEnabled(may)
        self.confirm_button.setEnabled(may)
        self.reload()

    def reload(self) -> None:
        mentor = mailing.mentor_of(self._actor)
        rows = ops.query(self._db, lambda session: mailing.doubtful_addresses(session, mentor))
        self.list.clear()
        for row in rows:
            text = (
                self.tr("%1 (%2)  %3  returned on %4: %5")
                .replace("%1", row.name)
                .replace("%2", row.member_number)
                .replace("%3", row.address)
                .replace("%4", str(row.since))
                .replace("%5", row.reason or "")
            )
            if row.mentor_name:
                text += "　" + self.tr("Mentor: %1").replace("%1", row.mentor_name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.member_id)
            self.list.addItem(item)
        if not rows:
            self.list.addItem(self.tr("No doubtful addresses."))

    def _member(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def set_contact(self) -> None:
        member_id = self._member()
        if member_id is None:
            return
        dialog = MailingContactDialog(self._db, self._actor, member_id, self)
        if dialog.exec():
            self.reload()

    def confirm(self) -> None:
        member_id = self._member()
        if member_id is None:
            return
        actor = self._actor
        ops.Op(
            self, self._db, lambda session: mailing.confirm_address(session, actor, member_id), changes={ops.MAILING}
        ).run()
        self.reload()
