"""Mailing (邮寄管理, R-8.4, R-9.4): the batches with their state on the left; on the right the
chosen batch's recipients — filtered to what still needs doing (problems, no photo, not notified,
returned …) — and what the office and the mentors do with them: print labels, envelopes, packing
lists and the courier manifest, record sending, tracking numbers, delivery and returned mail,
attach photos, record that the liaison was told, set a member's mailing contact.

The view only gathers choices; ``core.services.mailing`` decides. Long work (a batch of thousands,
printing) runs off the GUI thread with progress and Cancel (``ops``)."""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import Database
from desktop_app.core.models import RecipientState, Role
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import documents, mailing
from desktop_app.errors import NothingPrinted
from desktop_app.ui import msgbox, ops, table_export
from desktop_app.ui.mailing.dialogs import (
    BatchPrintDialog,
    DoubtfulAddressesDialog,
    EnvelopeContentsDialog,
    LiaisonToldDialog,
    MailingContactDialog,
    NewMailingBatchDialog,
    ProofPhotosDialog,
    ReturnedMailDialog,
    TrackingNumbersDialog,
)
from desktop_app.ui.mailing.model import BatchModel, RecipientModel
from desktop_app.ui.rows import configure as table_defaults
from desktop_app.ui.widgets import EmptyState

RECIPIENT_WIDTHS = (118, 250, 200, 150, 135, 70, 80, 260, 300, 100)
BATCH_WIDTHS = (78, 78, 150, 56, 62, 160)


def _content_name(content: Any) -> str:
    """``会刊：《武汉建筑业》2026年第4期``; just ``会费收据`` when the title is the kind's name."""
    label = content.kind.label
    return label if content.title in (label, "") else f"{label}：{content.title}"


class MailingView(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db, self._actor = db, actor
        self._temp = tempfile.TemporaryDirectory(prefix="membership-mailing-")
        self._counter = itertools.count(1)
        self.batches = BatchModel(self)
        self.recipients = RecipientModel(self)
        self.preview: Any = None
        self.last_print: mailing.BatchPrint | None = None
        self._build()
        self.reload_batches()
        self._listener = ops.listen(self, {ops.MAILING, ops.MEMBERS, ops.DUES, ops.SETTINGS}, self._changed)

    # --- building -------------------------------------------------------------------------------

    def _office(self) -> bool:
        return self._actor.can(Permission.MANAGE_MAILING)

    def _build(self) -> None:
        splitter = QSplitter()
        splitter.addWidget(self._batches_pane())
        splitter.addWidget(self._recipients_pane())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([380, 960])  # the recipients get the room on a 1366-pixel screen
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        QShortcut(QKeySequence("Escape"), self.search, activated=self.search.clear)

    def _batches_pane(self) -> QWidget:
        pane = QWidget()
        pane.setMinimumWidth(460)
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New batch…"))
        self.new_button.setObjectName("new_batch")
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setToolTip(self.tr("Compose a new mailing batch (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_batch)
        self.new_button.setVisible(self._office())
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("delete_batch")
        self.delete_button.setToolTip(self.tr("Delete a batch nothing of which was sent"))
        self.delete_button.clicked.connect(self.delete_batch)
        self.delete_button.setVisible(self._office())
        self.doubtful_button = QPushButton(self.tr("Doubtful addresses…"))
        self.doubtful_button.setObjectName("doubtful")
        self.doubtful_button.clicked.connect(self.show_doubtful)
        bar.addWidget(self.new_button)
        bar.addWidget(self.delete_button)
        bar.addStretch(1)
        bar.addWidget(self.doubtful_button)
        column.addLayout(bar)
        self.batch_table = QTableView()
        self.batch_table.setObjectName("batches")
        self.batch_table.setModel(self.batches)
        table_defaults(self.batch_table, BATCH_WIDTHS)
        table_export.install(self.batch_table)  # copy, “export what I see” (issue 16)
        self.batch_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.batch_table.selectionModel().currentRowChanged.connect(lambda *_a: self.reload_recipients())
        column.addWidget(self.batch_table, 1)
        self.batches_empty = EmptyState(self.batch_table)
        self.batches_empty.set_text(
            self.tr("No mailing batches yet. “New batch…” composes one.")
            if self._office()
            else self.tr("No mailing batches yet.")
        )
        return pane

    def _recipients_pane(self) -> QWidget:
        pane = QWidget()
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.heading.setWordWrap(True)
        column.addWidget(self.heading)
        self.details = QLabel()
        self.details.setObjectName("details")
        self.details.setWordWrap(True)
        column.addWidget(self.details)

        bar = QHBoxLayout()
        self.view_box = QComboBox()
        self.view_box.setObjectName("view")
        labels = {
            "all": self.tr("All recipients"),
            "problems": self.tr("Problems to fix"),
            "prepared": self.tr("To send"),
            "sent": self.tr("Sent, not yet delivered"),
            "delivered": self.tr("Delivered"),
            "returned": self.tr("Returned"),
            "no_photo": self.tr("No photo yet"),
            "not_notified": self.tr("Liaison not told yet"),
            "former": self.tr("Withdrawn or cancelled"),
        }
        for key in mailing.VIEWS:
            self.view_box.addItem(labels[key], key)
        self.view_box.currentIndexChanged.connect(self.reload_recipients)
        bar.addWidget(self.view_box)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search recipient, member number, contact, phone or tracking number  (Ctrl+F)")
        )
        self.search.textChanged.connect(self.reload_recipients)
        bar.addWidget(self.search, 1)
        self.mine = QCheckBox(self.tr("Only my members"))
        self.mine.setObjectName("mine")
        self.mine.setVisible(self._actor.role == Role.MENTOR)
        self.mine.setChecked(self._actor.role == Role.MENTOR)
        self.mine.toggled.connect(self.reload_recipients)
        bar.addWidget(self.mine)
        column.addLayout(bar)

        self.table = QTableView()
        self.table.setObjectName("recipients")
        self.table.setModel(self.recipients)
        table_defaults(self.table, RECIPIENT_WIDTHS)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.activated.connect(lambda _index: self.open_member())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table_export.install(self.table)  # copy, “export what I see” (issue 16)
        column.addWidget(self.table, 1)
        self.recipients_empty = EmptyState(self.table)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        column.addWidget(self.count_label)

        office = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setObjectName("print")
        menu = QMenu(self.print_button)
        self.print_actions: dict[str, QAction] = {}
        for what, text in (
            ("labels", self.tr("Address labels…")),
            ("envelopes", self.tr("Envelopes…")),
            ("packing-list", self.tr("Packing lists…")),
            ("manifest", self.tr("Courier manifest (Excel)…")),
        ):
            action = menu.addAction(text)
            action.setObjectName(f"print_{what}")
            action.triggered.connect(lambda _checked=False, w=what: self.print_batch(w))
            self.print_actions[what] = action
        self.print_button.setMenu(menu)
        self.sent_button = QPushButton(self.tr("Mark sent"))
        self.sent_button.setObjectName("mark_sent")
        self.sent_button.setToolTip(
            self.tr("The selected envelopes (or, with none selected, every one still to send) went out today")
        )
        self.sent_button.clicked.connect(self.mark_sent)
        self.tracking_button = QPushButton(self.tr("Tracking numbers…"))
        self.tracking_button.setObjectName("tracking")
        self.tracking_button.clicked.connect(self.tracking_numbers)
        self.delivered_button = QPushButton(self.tr("Mark delivered"))
        self.delivered_button.setObjectName("mark_delivered")
        self.delivered_button.clicked.connect(self.mark_delivered)
        self.returned_button = QPushButton(self.tr("Returned…"))
        self.returned_button.setObjectName("mark_returned")
        self.returned_button.clicked.connect(self.mark_returned)
        self.more_button = QPushButton(self.tr("More"))
        self.more_button.setObjectName("more")
        more = QMenu(self.more_button)
        self.contents_action = more.addAction(self.tr("Envelope contents…"), self.edit_contents)
        self.refresh_action = more.addAction(self.tr("Read the addresses again"), self.refresh_addresses)
        self.undo_action = more.addAction(self.tr("Undo the last step of the selected"), self.undo_state)
        self.remove_action = more.addAction(self.tr("Take out of the batch…"), self.remove_recipients)
        self.add_action = more.addAction(self.tr("Add the register's selected member"), self.add_register_selection)
        self.more_button.setMenu(more)
        for button in (
            self.print_button,
            self.sent_button,
            self.tracking_button,
            self.delivered_button,
            self.returned_button,
            self.more_button,
        ):
            office.addWidget(button)
            button.setVisible(self._office())
        office.addStretch(1)
        self.photos_button = QPushButton(self.tr("Photos…"))
        self.photos_button.setObjectName("photos")
        self.photos_button.setToolTip(
            self.tr("R-8.4: photograph invoices, certificates and other important documents before mailing")
        )
        self.photos_button.clicked.connect(self.show_photos)
        self.notified_button = QPushButton(self.tr("Liaison told…"))
        self.notified_button.setObjectName("notified")
        self.notified_button.clicked.connect(self.record_notified)
        self.contact_button = QPushButton(self.tr("Mailing contact…"))
        self.contact_button.setObjectName("contact")
        self.contact_button.clicked.connect(self.set_contact)
        self.member_button = QPushButton(self.tr("Open member"))
        self.member_button.setObjectName("open_member")
        self.member_button.setToolTip(self.tr("Open the member in the register to fix its address or contacts (Enter)"))
        self.member_button.clicked.connect(self.open_member)
        # the member's own actions on a second row: one row of ten buttons is wider than a 1366-pixel screen
        proof = QHBoxLayout()
        for button in (self.photos_button, self.notified_button, self.contact_button, self.member_button):
            proof.addWidget(button)
        proof.addStretch(1)
        self.photos_button.setVisible(self._actor.can(Permission.VIEW_MAILING))
        self.notified_button.setVisible(self._actor.can(Permission.RECORD_MAILING_PROOF))
        self.contact_button.setVisible(self._actor.can(Permission.SET_MAILING_PREFERENCES))
        column.addLayout(office)
        column.addLayout(proof)
        for action in (self.contents_action, self.undo_action):
            self.table.addAction(action)
        return pane

    # --- reading --------------------------------------------------------------------------------

    def _changed(self, _topics: frozenset[str]) -> None:
        self.reload_batches()

    def current_batch_id(self) -> int | None:
        index = self.batch_table.currentIndex()
        return self.batches.batch_id(index.row()) if index.isValid() else None

    def select_batch(self, batch_id: int) -> None:
        row = self.batches.row_of(batch_id)
        if row is not None:
            self.batch_table.selectionModel().setCurrentIndex(
                self.batches.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    def select_view(self, key: str) -> None:
        self.view_box.setCurrentIndex(self.view_box.findData(key))

    def reload_batches(self) -> None:
        current = self.current_batch_id()
        actor = self._actor
        rows = ops.query(self._db, lambda session: mailing.batch_list(session, actor))
        self.batches.set_rows(rows)
        self.batches_empty.update()
        if rows:
            self.select_batch(
                current if current is not None and self.batches.row_of(current) is not None else rows[0].id
            )
        else:
            self.reload_recipients()
        count = ops.query(self._db, lambda session: len(mailing.doubtful_addresses(session, mailing.mentor_of(actor))))
        self.doubtful_button.setText(self.tr("Doubtful addresses (%1)…").replace("%1", str(count)))

    def reload_recipients(self) -> None:
        batch_id = self.current_batch_id()
        selected = set(self.selected_ids())
        if batch_id is None:
            self.recipients.set_rows([])
            self.heading.setText(self.tr("No batch chosen"))
            self.details.clear()
            self.count_label.clear()
            self._update_buttons()
            return
        actor, view, text, mine = self._actor, self.view_box.currentData(), self.search.text(), self.mine.isChecked()

        def read(session: Any) -> Any:
            batch = mailing.common.get_batch(session, batch_id)
            contents = mailing.batch_contents(session, batch_id)
            rows = mailing.recipient_rows(session, actor, batch_id, view=view, text=text, mine=mine)
            return batch, contents, rows

        batch, contents, rows = ops.query(self._db, read)
        self.recipients.set_rows(rows)
        row = self.batches.rows[self.batches.row_of(batch_id) or 0]
        self.heading.setText(f"{batch.number}　{batch.title}　{batch.mailed_on:%Y-%m-%d}")
        lines = [
            self.tr("Carries: %1").replace("%1", "；".join(_content_name(c) for c in contents)),
            self.tr("Recipients: %1").replace("%1", batch.selection.get("description", "")),
        ]
        excluded = batch.selection.get("excluded", [])
        if excluded:
            names = "、".join(f"{e['name']}（{e['member_number']}）" for e in excluded[:5])
            lines.append(
                self.tr("Left out (withdrawn or cancelled): %1").replace(
                    "%1", names + ("……" if len(excluded) > 5 else "")
                )
            )
        if batch.selection.get("former_left_out"):
            lines.append(
                self.tr(
                    "%n withdrawn or cancelled member(s) matched the filter and were left out",
                    "",
                    batch.selection["former_left_out"],
                )
            )
        if row.missing:
            lines.append(self.tr("Still to do: %1").replace("%1", row.missing))
        self.details.setText("\n".join(lines))
        self.count_label.setText(self.tr("%n recipient(s) shown", "", len(rows)) + f" / {row.recipients}")
        self.recipients_empty.set_text(
            self.tr("Nothing here: this filter shows no recipient.")
            if row.recipients
            else self.tr("The batch has no recipients.")
        )
        if selected:
            selection = self.table.selectionModel()
            for index, recipient in enumerate(self.recipients.rows):
                if recipient.id in selected:
                    selection.select(
                        self.recipients.index(index, 0),
                        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                    )
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_batch = self.current_batch_id() is not None
        for widget in (
            self.print_button,
            self.sent_button,
            self.tracking_button,
            self.delivered_button,
            self.returned_button,
            self.more_button,
            self.photos_button,
            self.notified_button,
            self.contact_button,
            self.member_button,
        ):
            widget.setEnabled(has_batch)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.recipients.recipient(r).id for r in rows if r < len(self.recipients.rows)]

    def selected_rows(self) -> list[mailing.RecipientRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.recipients.recipient(r) for r in rows if r < len(self.recipients.rows)]

    def select_recipients(self, recipient_ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        for index, row in enumerate(self.recipients.rows):
            if row.id in recipient_ids:
                selection.select(
                    self.recipients.index(index, 0),
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                )

    def _one(self, title: str) -> mailing.RecipientRow | None:
        rows = self.selected_rows()
        if len(rows) != 1:
            msgbox.information(self, title, self.tr("Select one recipient in the list first."))
            return None
        return rows[0]

    # --- the batch ------------------------------------------------------------------------------

    def register_filter(self) -> Any:
        areas = getattr(self.window(), "areas", None)
        if isinstance(areas, Mapping) and "register" in areas:
            register = areas["register"]
            return register.current_filter() if hasattr(register, "current_filter") else None
        return None

    def register_selection(self) -> list[int]:
        areas = getattr(self.window(), "areas", None)
        if not isinstance(areas, Mapping) or "register" not in areas:
            return []
        register = areas["register"]
        rows = register.table.selectionModel().selectedRows()
        return [register.model.member_id(index.row()) for index in rows]

    def new_batch(self) -> NewMailingBatchDialog | None:
        if not self._office():
            return None
        dialog = NewMailingBatchDialog(self._db, self._actor, self, register_filter=self.register_filter())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._created(dialog.created))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _created(self, batch_id: int | None) -> None:
        self.reload_batches()
        if batch_id is not None:
            self.select_batch(batch_id)

    def delete_batch(self) -> None:
        batch_id = self.current_batch_id()
        if batch_id is None:
            return
        row = self.batches.rows[self.batches.row_of(batch_id) or 0]
        if not msgbox.question(
            self,
            self.tr("Delete batch"),
            self.tr("Delete the batch %1 “%2” with its %3 recipients? Nothing of it was sent.")
            .replace("%1", row.number)
            .replace("%2", row.title)
            .replace("%3", str(row.recipients)),
        ):
            return
        actor = self._actor
        ops.Op(
            self,
            self._db,
            lambda session: mailing.delete_batch(session, actor, batch_id),
            changes={ops.MAILING},
            title=self.tr("Delete batch"),
        ).run()

    def show_doubtful(self) -> None:
        dialog = DoubtfulAddressesDialog(self._db, self._actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    # --- printing -------------------------------------------------------------------------------

    # Overridden by tests: the system's file dialogs cannot be answered offscreen.
    def ask_save_path(self, suggested: str) -> str:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save"), suggested, self.tr("Excel workbooks (*.xlsx)")
        )
        return name

    def ask_print_options(self, what: str) -> dict[str, Any] | None:
        dialog = BatchPrintDialog(what, self, selected=len(self.selected_ids()))
        return dialog.options() if dialog.exec() else None

    def print_batch(self, what: str) -> None:
        batch_id = self.current_batch_id()
        if batch_id is None:
            return
        options = self.ask_print_options(what)
        if options is None:
            return
        number = self.batches.rows[self.batches.row_of(batch_id) or 0].number
        suffix, title = mailing.OUTPUTS[what]
        if what == "manifest":
            batch = ops.query(self._db, lambda session: mailing.common.get_batch(session, batch_id))
            name = self.ask_save_path(mailing.default_file_name(batch, what))
            if not name:
                return
            out = Path(name if name.lower().endswith(".xlsx") else f"{name}.xlsx")
        else:
            out = Path(self._temp.name) / f"{number}-{what}-{next(self._counter)}.{suffix}"
        actor = self._actor
        ids = self.selected_ids() if options.get("selected_only") else None

        def work(session: Any, progress: ops.ProgressFn) -> mailing.BatchPrint:
            context = documents.document_context(
                session,
                label_sheet_choice=options["sheet"],
                label_skip=options["skip"],
                envelope_size=options["size"],
            )
            return mailing.print_batch(
                session,
                actor,
                batch_id,
                what,
                out,
                context,
                recipient_ids=ids,
                include_sent=not options["unsent"],
                progress=progress,
            )

        def done(result: mailing.BatchPrint) -> None:
            self.last_print = result
            self._show_print(result, title)
            if suffix == "pdf":
                from desktop_app.ui.preview import show_pdf

                self.preview = show_pdf(
                    result.path, title, self, suggested_name=mailing.default_file_name(batch_for_name(), what)
                )
            else:
                table_export.offer_open(  # open the file / open its folder (issue 16)
                    self,
                    Path(result.path),
                    result.summary() + "\n" + self.tr("Saved to %1.").replace("%1", str(result.path)),
                    title=title,
                )

        def batch_for_name() -> Any:
            return ops.query(self._db, lambda session: mailing.common.get_batch(session, batch_id))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, NothingPrinted):
                lines = "\n".join(f"· {p.who}：{p.message}" for p in exc.problems[:15])
                msgbox.warning(self, title, exc.message.split("原因：")[0] + "\n" + lines)
                return
            ops.show_failure(self, exc, title)

        ops.Op(self, self._db, work, changes={ops.MAILING}, title=title).in_background(
            self.tr("Generating %1…").replace("%1", title)
        ).success(done).failure(failed).run()

    def _show_print(self, result: mailing.BatchPrint, title: str) -> None:
        skipped = result.skipped
        if skipped:
            self.count_label.setText(
                result.summary()
                + " "
                + "；".join(f"{p.who}：{p.message}" for p in skipped[:3])
                + ("……" if len(skipped) > 3 else "")
            )

    # --- tracking -------------------------------------------------------------------------------

    def _targets(self, view: str) -> list[int]:
        """The selected recipients, or with none selected every one of ``view`` in this batch."""
        chosen = self.selected_ids()
        if chosen:
            return chosen
        batch_id, actor = self.current_batch_id(), self._actor
        if batch_id is None:
            return []
        return [
            r.id
            for r in ops.query(self._db, lambda session: mailing.recipient_rows(session, actor, batch_id, view=view))
        ]

    def mark_sent(self) -> None:
        ids = self._targets("prepared")
        if not ids:
            msgbox.information(self, self.tr("Mark sent"), self.tr("Every envelope of this batch is already sent."))
            return
        if not self.selected_ids() and not msgbox.question(
            self,
            self.tr("Mark sent"),
            self.tr("Mark all %1 envelopes still to send as sent today?").replace("%1", str(len(ids))),
            default_yes=True,
        ):
            return
        actor = self._actor
        ops.Op(
            self,
            self._db,
            lambda session: mailing.mark_sent(session, actor, ids),
            changes={ops.MAILING, ops.DUES},
            title=self.tr("Mark sent"),
        ).success(lambda result: msgbox.information(self, self.tr("Mark sent"), result.summary())).run()

    def tracking_numbers(self) -> None:
        batch_id = self.current_batch_id()
        if batch_id is None:
            return
        dialog = TrackingNumbersDialog(self._db, self._actor, batch_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: msgbox.information(self, dialog.windowTitle(), dialog.result_value.summary()))
        dialog.open()
        self.dialog = dialog

    def mark_delivered(self) -> None:
        ids = self.selected_ids()
        if not ids:
            msgbox.information(self, self.tr("Mark delivered"), self.tr("Select the delivered envelopes first."))
            return
        actor = self._actor
        ops.Op(
            self,
            self._db,
            lambda session: mailing.mark_delivered(session, actor, ids),
            changes={ops.MAILING},
            title=self.tr("Mark delivered"),
        ).run()

    def mark_returned(self) -> None:
        row = self._one(self.tr("Returned"))
        if row is None:
            return
        dialog = ReturnedMailDialog(self._db, self._actor, row.id, row.organisation, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def undo_state(self) -> None:
        row = self._one(self.tr("Undo"))
        if row is None or row.state == RecipientState.PREPARED:
            return
        if not msgbox.question(
            self,
            self.tr("Undo"),
            self.tr("Take back “%1” recorded for %2?").replace("%1", row.state.label).replace("%2", row.organisation),
        ):
            return
        actor = self._actor
        ops.Op(
            self,
            self._db,
            lambda session: mailing.undo_state(session, actor, row.id),
            changes={ops.MAILING},
            title=self.tr("Undo"),
        ).run()

    # --- recipients -----------------------------------------------------------------------------

    def edit_contents(self) -> None:
        row = self._one(self.tr("Envelope contents"))
        if row is None:
            return
        dialog = EnvelopeContentsDialog(self._db, self._actor, row.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def refresh_addresses(self) -> None:
        batch_id = self.current_batch_id()
        if batch_id is None:
            return
        ids = self.selected_ids() or None
        actor = self._actor
        ops.Op(
            self,
            self._db,
            lambda session: mailing.refresh_recipients(session, actor, batch_id, ids),
            changes={ops.MAILING},
            title=self.tr("Read the addresses again"),
        ).success(
            lambda changed: msgbox.information(
                self,
                self.tr("Read the addresses again"),
                self.tr("%n recipient(s) changed (only envelopes not yet sent are read again).", "", changed),
            )
        ).run()

    def remove_recipients(self) -> None:
        batch_id, rows = self.current_batch_id(), self.selected_rows()
        if batch_id is None or not rows:
            return
        if not msgbox.question(
            self,
            self.tr("Take out of the batch"),
            self.tr("Take %n recipient(s) out of the batch?", "", len(rows)),
        ):
            return
        actor, ids = self._actor, [r.id for r in rows]
        ops.Op(
            self,
            self._db,
            lambda session: mailing.remove_recipients(session, actor, batch_id, ids),
            changes={ops.MAILING},
            title=self.tr("Take out of the batch"),
        ).run()

    def add_register_selection(self) -> None:
        batch_id = self.current_batch_id()
        ids = self.register_selection()
        if batch_id is None:
            return
        if not ids:
            msgbox.information(self, self.tr("Add"), self.tr("Select a member in the member register first."))
            return
        actor = self._actor
        ops.Op(
            self,
            self._db,
            lambda session: mailing.add_recipients(
                session, actor, batch_id, mailing.RecipientFilter(member_ids=tuple(ids))
            ),
            changes={ops.MAILING},
            title=self.tr("Add"),
        ).success(
            lambda selection: (
                selection.excluded
                and msgbox.information(
                    self, self.tr("Add"), "\n".join(f"{e['name']}：{e['reason']}" for e in selection.excluded)
                )
            )
        ).run()

    def show_photos(self) -> None:
        row = self._one(self.tr("Photos"))
        if row is None:
            return
        dialog = ProofPhotosDialog(self._db, self._actor, row.id, row.organisation, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.reload_recipients())
        dialog.open()
        self.dialog = dialog

    def record_notified(self) -> None:
        ids = self.selected_ids()
        if not ids:
            msgbox.information(
                self, self.tr("Liaison told"), self.tr("Select the recipients whose liaison was told first.")
            )
            return
        dialog = LiaisonToldDialog(self._db, self._actor, ids, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def set_contact(self) -> None:
        row = self._one(self.tr("Mailing contact"))
        if row is None:
            return
        dialog = MailingContactDialog(self._db, self._actor, row.member_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def open_member(self) -> Any:
        """The member in the register's editor, to fix what a problem names."""
        row = self._one(self.tr("Open member"))
        if row is None:
            return None
        areas = getattr(self.window(), "areas", None)
        if isinstance(areas, Mapping) and "register" in areas:
            return areas["register"].open_member(row.member_id)
        from desktop_app.ui.register.editor import MemberEditor

        editor = MemberEditor(self._db, self._actor, row.member_id, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        return editor
