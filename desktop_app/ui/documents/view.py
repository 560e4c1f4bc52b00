"""Printed documents (文书打印): pick a kind, pick members, fill the kind's inputs, preview, print,
save (R-5.1, R-5.6, R-8.4, R-8.5, R-9.4, R-12.1).

The view only gathers choices; ``core.services.documents`` decides and generates, off the GUI
thread (``ops.Op(...).in_background``: progress bar, cancel). Members whose data cannot make the document are listed
under the buttons. The certificate's printer offset belongs to this workstation (QSettings).
"""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
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
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app import messages
from desktop_app.core.db import Database
from desktop_app.core.models import MemberStatus
from desktop_app.core.security import Actor, Permission
from desktop_app.core.services import documents, members
from desktop_app.core.services.members import MemberFilter
from desktop_app.documents import KINDS
from desktop_app.errors import Cancelled, NothingPrinted
from desktop_app.records import article_name
from desktop_app.ui import msgbox, ops, preferences, table_export
from desktop_app.ui.preview import PdfPreviewDialog, show_pdf
from desktop_app.ui.widgets import OptionalDateEdit

OFFSET_X_KEY = preferences.CERTIFICATE_OFFSET_X
OFFSET_Y_KEY = preferences.CERTIFICATE_OFFSET_Y
SEARCH_LIMIT = 100

KIND_TITLES = {
    "certificate": QT_TRANSLATE_NOOP("DocumentsView", "Membership certificate"),
    "calibration": QT_TRANSLATE_NOOP("DocumentsView", "Certificate calibration page"),
    "plaque-order": QT_TRANSLATE_NOOP("DocumentsView", "Plaque order"),
    "handover-form": QT_TRANSLATE_NOOP("DocumentsView", "Contact handover form"),
    "withdrawal-notice": QT_TRANSLATE_NOOP("DocumentsView", "Withdrawal notice"),
    "dues-receipt": QT_TRANSLATE_NOOP("DocumentsView", "Dues receipt"),
    "application-form": QT_TRANSLATE_NOOP("DocumentsView", "Application form"),
    "filing-form": QT_TRANSLATE_NOOP("DocumentsView", "Filing form"),
    "labels": QT_TRANSLATE_NOOP("DocumentsView", "Address labels"),
    "envelopes": QT_TRANSLATE_NOOP("DocumentsView", "Envelopes"),
}
OPTION_LABELS = {
    "issue_date": QT_TRANSLATE_NOOP("DocumentsView", "Issue date"),
    "validity_years": QT_TRANSLATE_NOOP("DocumentsView", "Valid for (years)"),
    "assign_numbers": QT_TRANSLATE_NOOP("DocumentsView", "Assign certificate numbers to members without one"),
    "year": QT_TRANSLATE_NOOP("DocumentsView", "Year on the plaque"),
    "size": QT_TRANSLATE_NOOP("DocumentsView", "Size"),
    "material": QT_TRANSLATE_NOOP("DocumentsView", "Material"),
    "quantity": QT_TRANSLATE_NOOP("DocumentsView", "Plaques per member"),
    "vendor": QT_TRANSLATE_NOOP("DocumentsView", "Engraving vendor"),
    "form_date": QT_TRANSLATE_NOOP("DocumentsView", "Form date"),
    "reported_on": QT_TRANSLATE_NOOP("DocumentsView", "Member reported the change on"),
    "changes": QT_TRANSLATE_NOOP("DocumentsView", "Changes (one per line: item=new value)"),
    "note": QT_TRANSLATE_NOOP("DocumentsView", "Note"),
    "notice_date": QT_TRANSLATE_NOOP("DocumentsView", "Notice date"),
    "years": QT_TRANSLATE_NOOP("DocumentsView", "Dues year(s)"),
    "date": QT_TRANSLATE_NOOP("DocumentsView", "Receipt date"),
    "received_by": QT_TRANSLATE_NOOP("DocumentsView", "Received by"),
    "receipt_number": QT_TRANSLATE_NOOP("DocumentsView", "Receipt number (reprints only)"),
    "sheet": QT_TRANSLATE_NOOP("DocumentsView", "Label sheet"),
    "skip": QT_TRANSLATE_NOOP("DocumentsView", "Labels already used on the first sheet"),
    "recipient": QT_TRANSLATE_NOOP("DocumentsView", "Addressed to"),
}
CHOICE_LABELS = {
    "liaison": QT_TRANSLATE_NOOP("DocumentsView", "Liaison"),
    "principal": QT_TRANSLATE_NOOP("DocumentsView", "Principal"),
    "legal_representative": QT_TRANSLATE_NOOP("DocumentsView", "Legal representative"),
    "setting": QT_TRANSLATE_NOOP("DocumentsView", "As in the settings"),
}
PLACEHOLDERS = {
    "received_by": QT_TRANSLATE_NOOP("DocumentsView", "Empty: you"),
    "receipt_number": QT_TRANSLATE_NOOP("DocumentsView", "Empty: the next number"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsView", text)


def _member_text(row: members.RegisterRow) -> str:
    return f"{row.name}（{row.member_number}）"


def kind_title(key: str) -> str:
    return _tr(KIND_TITLES[key]) if key in KIND_TITLES else KINDS[key].title


@dataclass
class Request:
    """What the user chose, handed to the worker thread (no widgets in it)."""

    kind: str
    member_ids: list[int] = field(default_factory=list)
    all_active: bool = False
    options: dict[str, Any] = field(default_factory=dict)
    offset: tuple[float, float] = (0.0, 0.0)
    background: bool = False


class DocumentsView(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self._temp = tempfile.TemporaryDirectory(prefix="membership-documents-")
        self._counter = itertools.count(1)
        self._option_widgets: dict[str, tuple[documents.Option, QWidget]] = {}
        self.last_result: documents.Generated | None = None
        self.cancel_event: threading.Event | None = None  # of the run in progress (tests cancel it)
        self.preview: PdfPreviewDialog | None = None
        self._build()
        self.kinds.setCurrentRow(0)
        # The member picker shows names and numbers from the register.
        self._listener = ops.listen(self, {ops.MEMBERS}, self._members_changed)

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.kinds = QListWidget()
        self.kinds.setObjectName("kinds")
        self.kinds.setMaximumWidth(230)
        self.kinds.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        for kind in documents.printable_kinds(self._actor):
            item = QListWidgetItem(kind_title(kind.key))
            item.setData(Qt.ItemDataRole.UserRole, kind.key)
            item.setToolTip(f"{kind_title(kind.key)}（{article_name(kind.article, messages.language())}）")
            self.kinds.addItem(item)
        self.kinds.currentRowChanged.connect(self._kind_changed)

        right = QWidget()
        column = QVBoxLayout(right)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        column.addWidget(self.heading)
        column.addWidget(self._members_box())
        self.options_box = QGroupBox(self.tr("Inputs"))
        self.options_form = QFormLayout(self.options_box)
        column.addWidget(self.options_box)
        column.addWidget(self._offset_box())

        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.preview_button.setObjectName("preview")
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview_document)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("save_pdf")
        self.save_button.clicked.connect(lambda: self.save_document("pdf"))
        self.excel_button = QPushButton(self.tr("Save as Excel…"))
        self.excel_button.setObjectName("save_xlsx")
        self.excel_button.clicked.connect(lambda: self.save_document("xlsx"))
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.excel_button)
        buttons.addStretch(1)
        self.seal_button = QPushButton(self.tr("Seal image…"))
        self.seal_button.setObjectName("seal")
        self.seal_button.setToolTip(
            self.tr("The association's seal printed on notices and receipts (PNG with a transparent background)")
        )
        self.seal_button.clicked.connect(self.choose_seal)
        self.seal_button.setVisible(self._actor.can(Permission.MANAGE_SETTINGS))
        buttons.addWidget(self.seal_button)
        column.addLayout(buttons)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        column.addWidget(self.summary)
        self.problems = QListWidget()
        self.problems.setObjectName("problems")
        self.problems.setMaximumHeight(150)
        self.problems.hide()
        column.addWidget(self.problems)
        column.addStretch(1)

        splitter = QSplitter()
        splitter.addWidget(self.kinds)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _members_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Members"))
        self.members_box = box
        layout = QVBoxLayout(box)
        modes = QHBoxLayout()
        self.mode_chosen = QRadioButton(self.tr("The members listed below"))
        self.mode_chosen.setObjectName("mode_chosen")
        self.mode_all = QRadioButton(self.tr("All active members"))
        self.mode_all.setObjectName("mode_all")
        self.mode_blank = QRadioButton(self.tr("A blank form"))
        self.mode_blank.setObjectName("mode_blank")
        self.modes = QButtonGroup(self)
        for button in (self.mode_chosen, self.mode_all, self.mode_blank):
            self.modes.addButton(button)
            modes.addWidget(button)
        modes.addStretch(1)
        self.mode_chosen.setChecked(True)
        self.modes.buttonToggled.connect(lambda _button, _checked: self._update_chosen_label())
        layout.addLayout(modes)

        lists = QHBoxLayout()
        left = QVBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("member_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, member number, credit code, liaison or phone"))
        self.search.textChanged.connect(self.search_members)
        left.addWidget(self.search)
        self.results = QListWidget()
        self.results.setObjectName("results")
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.itemDoubleClicked.connect(lambda _item: self.add_selected_results())
        left.addWidget(self.results)
        lists.addLayout(left, 1)

        middle = QVBoxLayout()
        middle.addStretch(1)
        self.add_button = QPushButton(self.tr("Add →"))
        self.add_button.setObjectName("add")
        self.add_button.clicked.connect(self.add_selected_results)
        self.remove_button = QPushButton(self.tr("← Remove"))
        self.remove_button.setObjectName("remove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setObjectName("clear")
        self.clear_button.clicked.connect(self.clear_members)
        self.register_button = QPushButton(self.tr("From the register"))
        self.register_button.setObjectName("from_register")
        self.register_button.setToolTip(self.tr("Add the member selected in the member register"))
        self.register_button.clicked.connect(self.add_register_selection)
        for button in (self.add_button, self.remove_button, self.clear_button, self.register_button):
            middle.addWidget(button)
        middle.addStretch(1)
        lists.addLayout(middle)

        right = QVBoxLayout()
        self.chosen_label = QLabel()
        right.addWidget(self.chosen_label)
        self.chosen = QListWidget()
        self.chosen.setObjectName("chosen")
        self.chosen.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table_export.install(self.chosen)  # copy, “export what I see” (issue 16)
        right.addWidget(self.chosen)
        lists.addLayout(right, 1)
        layout.addLayout(lists)
        self._update_chosen_label()
        for button in (self.mode_chosen, self.mode_all, self.mode_blank):
            button.toggled.connect(self._mode_changed)
        return box

    def _offset_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Certificate printer offset on this computer"))
        self.offset_box = box
        layout = QHBoxLayout(box)
        self.offset_x = QDoubleSpinBox()
        self.offset_y = QDoubleSpinBox()
        for spin, key, name in ((self.offset_x, OFFSET_X_KEY, "offset_x"), (self.offset_y, OFFSET_Y_KEY, "offset_y")):
            spin.setObjectName(name)
            spin.setRange(-30.0, 30.0)
            spin.setSingleStep(0.5)
            spin.setDecimals(1)
            spin.setSuffix(self.tr(" mm"))
            spin.setValue(float(preferences.value(key, 0.0) or 0.0))
            spin.valueChanged.connect(lambda value, key=key: preferences.set_value(key, value))
        layout.addWidget(QLabel(self.tr("X (right +)")))
        layout.addWidget(self.offset_x)
        layout.addWidget(QLabel(self.tr("Y (down +)")))
        layout.addWidget(self.offset_y)
        self.background = QCheckBox(self.tr("Show the certificate stock in the preview"))
        self.background.setObjectName("background")
        self.background.setChecked(True)
        layout.addWidget(self.background)
        layout.addStretch(1)
        return box

    # --- the kind and its inputs ------------------------------------------------------------

    def current_kind(self) -> str:
        item = self.kinds.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    def select_kind(self, key: str) -> None:
        for row in range(self.kinds.count()):
            if self.kinds.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.kinds.setCurrentRow(row)
                return
        raise KeyError(key)

    def _kind_changed(self) -> None:
        key = self.current_kind()
        if not key:
            return
        kind = KINDS[key]
        # The article as staff name it (第五条第（六）项), not the requirement id (issue 16).
        self.heading.setText(f"{kind_title(key)}（{article_name(kind.article, messages.language())}）")
        self.members_box.setVisible(kind.needs_members)
        self.mode_blank.setVisible(kind.blank_allowed)
        if not kind.blank_allowed and self.mode_blank.isChecked():
            self.mode_chosen.setChecked(True)
        self.offset_box.setVisible(key in ("certificate", "calibration"))
        self.background.setVisible(key == "certificate")
        self.excel_button.setVisible("xlsx" in kind.formats)
        self._update_buttons()
        self._build_options(key)
        self.summary.clear()
        self.problems.clear()
        self.problems.hide()

    def _build_options(self, key: str) -> None:
        while self.options_form.rowCount():
            self.options_form.removeRow(0)
        self._option_widgets.clear()
        specs = ops.query(self._db, lambda session: documents.options_for(session, key))
        for spec in specs:
            widget = self._widget_for(spec)
            widget.setObjectName(f"option_{spec.key}")
            widget.setToolTip(spec.help or spec.label)
            label = _tr(OPTION_LABELS[spec.key]) if spec.key in OPTION_LABELS else spec.label
            if spec.type == "bool":
                self.options_form.addRow(widget)
                assert isinstance(widget, QCheckBox)
                widget.setText(label)
            else:
                self.options_form.addRow(label, widget)
            self._option_widgets[spec.key] = (spec, widget)
        self.options_box.setVisible(bool(specs))

    def _widget_for(self, spec: documents.Option) -> QWidget:
        value = spec.default
        if spec.type == "date":
            edit = QDateEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(value.year, value.month, value.day))
            return edit
        if spec.type == "optional_date":
            optional = OptionalDateEdit()
            optional.set_value(value)
            return optional
        if spec.type == "int":
            spin = QSpinBox()
            spin.setRange(1990, 2100) if spec.key == "year" else spin.setRange(0, 1000)
            spin.setValue(int(value or 0))
            return spin
        if spec.type == "bool":
            check = QCheckBox()
            check.setChecked(bool(value))
            return check
        if spec.type == "choice":
            combo = QComboBox()
            for choice, label in spec.choices:
                combo.addItem(_tr(CHOICE_LABELS[choice]) if choice in CHOICE_LABELS else label, choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        if spec.type == "lines":
            text = QPlainTextEdit()
            text.setPlainText(value or "")
            text.setMaximumHeight(70)
            return text
        line = QLineEdit()
        if spec.type == "years":
            line.setText(",".join(str(y) for y in value or ()))
        elif value not in (None, ""):
            line.setText(str(value))
        if spec.key in PLACEHOLDERS:
            line.setPlaceholderText(_tr(PLACEHOLDERS[spec.key]))
        return line

    def option_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, (spec, widget) in self._option_widgets.items():
            if isinstance(widget, OptionalDateEdit):
                values[key] = widget.value()
            elif isinstance(widget, QDateEdit):
                values[key] = widget.date().toPython()
            elif isinstance(widget, QSpinBox):
                values[key] = widget.value()
            elif isinstance(widget, QCheckBox):
                values[key] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                values[key] = widget.currentData()
            elif isinstance(widget, QPlainTextEdit):
                values[key] = widget.toPlainText()
            elif isinstance(widget, QLineEdit):
                values[key] = widget.text().strip() or (None if spec.type == "amount" else "")
        return values

    def option_widget(self, key: str) -> QWidget:
        return self._option_widgets[key][1]

    # --- members ----------------------------------------------------------------------------

    def _mode_changed(self) -> None:
        chosen = self.mode_chosen.isChecked()
        for widget in (
            self.search,
            self.results,
            self.chosen,
            self.add_button,
            self.remove_button,
            self.clear_button,
            self.register_button,
        ):
            widget.setEnabled(chosen)

    def search_members(self) -> None:
        text = self.search.text().strip()
        self.results.clear()
        if not text:
            return

        def read(session: Any) -> tuple[list[int], dict[int, members.RegisterRow]]:
            ids = members.search_member_ids(session, MemberFilter(text=text), limit=SEARCH_LIMIT)
            return ids, members.register_rows(session, ids)

        ids, rows = ops.query(self._db, read)
        for member_id in ids:
            row = rows[member_id]
            item = QListWidgetItem(_member_text(row))
            item.setData(Qt.ItemDataRole.UserRole, member_id)
            self.results.addItem(item)

    def chosen_ids(self) -> list[int]:
        return [self.chosen.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.chosen.count())]

    def add_members(self, entries: list[tuple[int, str]]) -> None:
        present = set(self.chosen_ids())
        for member_id, text in entries:
            if member_id in present:
                continue
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, member_id)
            self.chosen.addItem(item)
            present.add(member_id)
        self.mode_chosen.setChecked(True)
        self._update_chosen_label()

    def add_selected_results(self) -> None:
        items = self.results.selectedItems() or ([self.results.currentItem()] if self.results.currentItem() else [])
        self.add_members([(i.data(Qt.ItemDataRole.UserRole), i.text()) for i in items])

    def add_member_ids(self, member_ids: list[int]) -> None:
        rows = ops.query(self._db, lambda session: members.register_rows(session, member_ids))
        self.add_members([(i, _member_text(rows[i])) for i in member_ids if i in rows])

    def _members_changed(self, _topics: frozenset[str]) -> None:
        """Names and numbers may have changed: the search again, and the chosen members' labels."""
        self.search_members()
        ids = self.chosen_ids()
        rows = ops.query(self._db, lambda session: members.register_rows(session, ids))
        for position, member_id in enumerate(ids):
            if member_id in rows:
                self.chosen.item(position).setText(_member_text(rows[member_id]))
        self._update_chosen_label()  # "all active members" counts again

    def remove_selected(self) -> None:
        for item in self.chosen.selectedItems():
            self.chosen.takeItem(self.chosen.row(item))
        self._update_chosen_label()

    def clear_members(self) -> None:
        self.chosen.clear()
        self._update_chosen_label()

    def register_selection(self) -> list[int]:
        """The members selected in the register area of the main window, if it is there."""
        areas = getattr(self.window(), "areas", None)
        register = areas.get("register") if isinstance(areas, Mapping) else None
        if register is None:
            return []
        rows = register.table.selectionModel().selectedRows()
        return [register.model.member_id(index.row()) for index in rows]

    def add_register_selection(self) -> None:
        ids = self.register_selection()
        if not ids:
            msgbox.information(
                self, self.tr("From the register"), self.tr("Select a member in the member register first.")
            )
            return
        self.add_member_ids(ids)

    def _update_chosen_label(self) -> None:
        """How many will print, whichever way the members are chosen (issue 16: "全部正常会员"
        said "已选 0 个会员")."""
        if self.mode_all.isChecked():
            active = ops.query(
                self._db, lambda session: members.count_members(session, MemberFilter(status=MemberStatus.ACTIVE))
            )
            text = self.tr("Will print for all %1 active member(s)").replace("%1", f"{active:,}")
        elif self.mode_blank.isChecked():
            text = self.tr("Will print one blank form")
        else:
            text = self.tr("Chosen: %n member(s)", "", self.chosen.count())
        self.chosen_label.setText(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Preview and Save act on the chosen members: greyed, saying why, while none is chosen
        (a form that may be printed blank stays available)."""
        if not hasattr(self, "preview_button") or not self.current_kind():
            return
        kind = KINDS[self.current_kind()]
        nothing = (
            kind.needs_members and not kind.blank_allowed and self.mode_chosen.isChecked() and not self.chosen.count()
        )
        reason = self.tr("Choose members first, or choose all active members.") if nothing else ""
        for button in (self.preview_button, self.save_button, self.excel_button):
            button.setEnabled(not nothing)
            button.setToolTip(reason)

    # --- generating -------------------------------------------------------------------------

    def request(self) -> Request:
        key = self.current_kind()
        kind = KINDS[key]
        all_active = kind.needs_members and self.mode_all.isChecked()
        ids = self.chosen_ids() if kind.needs_members and self.mode_chosen.isChecked() else []
        return Request(
            kind=key,
            member_ids=ids,
            all_active=all_active,
            options=self.option_values(),
            offset=(self.offset_x.value(), self.offset_y.value()),
            background=key == "certificate" and self.background.isChecked(),
        )

    def _check_request(self, request: Request) -> bool:
        kind = KINDS[request.kind]
        if kind.needs_members and not kind.blank_allowed and not request.member_ids and not request.all_active:
            msgbox.information(
                self, kind_title(request.kind), self.tr("Choose members first, or choose all active members.")
            )
            return False
        if kind.blank_allowed and self.mode_chosen.isChecked() and not request.member_ids and kind.needs_members:
            self.mode_blank.setChecked(True)  # nothing chosen: the blank form is what is printed
        return True

    def _temp_path(self, key: str, suffix: str = "pdf") -> Path:
        return Path(self._temp.name) / f"{key}-{next(self._counter)}.{suffix}"

    def _start(self, request: Request, out: Path, preview_out: Path | None, on_done) -> None:  # type: ignore[no-untyped-def]
        actor = self._actor

        def work(session: Any, progress: ops.ProgressFn) -> documents.Generated:
            result = documents.generate(
                session,
                actor,
                request.kind,
                out,
                member_ids=request.member_ids,
                all_active=request.all_active,
                options=request.options,
                certificate_offset_mm=request.offset,
                progress=progress,
            )
            if preview_out is not None:  # the same certificates over the stock's design, for the eye only
                options = (
                    {**request.options, "assign_numbers": False}
                    if "assign_numbers" in request.options
                    else request.options
                )
                documents.generate(
                    session,
                    actor,
                    request.kind,
                    preview_out,
                    member_ids=request.member_ids,
                    all_active=request.all_active,
                    options=options,
                    certificate_offset_mm=request.offset,
                    certificate_background=True,
                )
            return result

        # What a run writes besides the file: receipt numbers (dues), certificate numbers (members).
        topics = {ops.DOCUMENTS}
        if request.kind == "dues-receipt":
            topics.add(ops.DUES)
        if request.options.get("assign_numbers"):
            topics.add(ops.MEMBERS)
        self.summary.setText(self.tr("Generating…"))
        title = kind_title(request.kind)
        self.cancel_event = (
            ops.Op(self, self._db, work, changes=topics, title=title)
            .in_background(self.tr("Generating %1…").replace("%1", title))
            .success(on_done)
            .failure(self._failed)
            .run()
        )

    def _failed(self, exc: BaseException) -> None:
        """What this area adds to the usual message: the summary line, and the members that could
        not be printed in the problems list."""
        if isinstance(exc, Cancelled):
            self.summary.setText(self.tr("Cancelled. Nothing was generated."))
            return
        self.summary.setText(self.tr("Nothing was generated."))
        if isinstance(exc, NothingPrinted):  # no file: the reasons go in the problems list too
            self.problems.clear()
            for problem in exc.problems:
                item = QListWidgetItem(f"{problem.who}：{self.tr('not printed:')} {problem.message}")
                item.setForeground(Qt.GlobalColor.red)
                self.problems.addItem(item)
            self.problems.setVisible(bool(exc.problems))
        ops.show_failure(self, exc, kind_title(self.current_kind()))

    def _show_result(self, result: documents.Generated) -> None:
        self.last_result = result
        text = result.summary()
        if result.issued_numbers:
            text += (
                self.tr(" Receipt numbers used: %1 – %2.")
                .replace("%1", result.issued_numbers[0])
                .replace("%2", result.issued_numbers[-1])
            )
        self.summary.setText(text)
        self.problems.clear()
        for problem in result.problems:
            state = self.tr("printed, but") if problem.drawn else self.tr("not printed:")
            item = QListWidgetItem(f"{problem.who}：{state} {problem.message}")
            item.setForeground(Qt.GlobalColor.darkYellow if problem.drawn else Qt.GlobalColor.red)
            self.problems.addItem(item)
        self.problems.setVisible(bool(result.problems))

    def preview_document(self) -> None:
        request = self.request()
        if not self._check_request(request):
            return
        request = self.request()
        out = self._temp_path(request.kind)
        preview_out = self._temp_path(request.kind) if request.background else None

        def done(result: documents.Generated) -> None:
            self._show_result(result)
            title = kind_title(request.kind)
            self.preview = show_pdf(
                preview_out or out,
                title,
                self,
                print_path=out,
                suggested_name=f"{KINDS[request.kind].title}-{dt.date.today():%Y%m%d}.pdf",
            )

        self._start(request, out, preview_out, done)

    # Overridden by tests: the system's file dialogs cannot be answered offscreen.
    def ask_save_path(self, suffix: str, suggested: str) -> str:
        filters = self.tr("PDF files (*.pdf)") if suffix == "pdf" else self.tr("Excel workbooks (*.xlsx)")
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Save"), suggested, filters)
        return name

    def ask_open_path(self) -> str:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Seal image"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        return name

    def save_document(self, suffix: str = "pdf") -> None:
        request = self.request()
        if not self._check_request(request):
            return
        request = self.request()
        name = self.ask_save_path(suffix, f"{KINDS[request.kind].title}-{dt.date.today():%Y%m%d}.{suffix}")
        if not name:
            return
        out = Path(name if name.lower().endswith(f".{suffix}") else f"{name}.{suffix}")

        def done(result: documents.Generated) -> None:
            self._show_result(result)
            table_export.offer_open(  # open the file / open its folder (issue 16)
                self,
                Path(result.path),
                self.tr("Saved to %1.").replace("%1", str(result.path)),
                title=kind_title(request.kind),
            )

        self._start(request, out, None, done)

    def choose_seal(self) -> None:
        name = self.ask_open_path()
        if not name:
            return
        title = self.tr("Seal image")
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            msgbox.warning(self, title, str(exc))
            return
        ops.Op(
            self,
            self._db,
            lambda session: documents.set_seal_image(session, self._actor, data),
            changes={ops.SETTINGS},
            title=title,
        ).success(
            lambda _: msgbox.information(
                self, title, self.tr("The seal is printed on withdrawal notices and dues receipts from now on.")
            )
        ).run()
