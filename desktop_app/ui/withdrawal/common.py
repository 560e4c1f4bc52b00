"""What the withdrawal views share: the names of the procedures' states in the interface language,
a table model over the services' plain rows, a member picker that searches the register, and one
form dialog whose fields show the service's errors under themselves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app import messages
from desktop_app.core.models.withdrawal import (
    ActivityKind,
    AppealDecision,
    AppealStatus,
    CaseKind,
    CaseStatus,
    DisqualificationKind,
    Ground,
    PositionKind,
    TaskKind,
    TaskStatus,
)
from desktop_app.core.services import members as register
from desktop_app.core.services.withdrawal import Scan
from desktop_app.errors import OfficeError, ValidationError
from desktop_app.ui import guards, ops, rows
from desktop_app.ui.rows import Column, Index
from desktop_app.ui.widgets import FieldWithError, OptionalDateEdit, error_label

# --- names in the interface language ----------------------------------------------------------------


def case_status_label(status: CaseStatus) -> str:
    return {
        CaseStatus.PENDING: QCoreApplication.translate("Withdrawal", "Takes effect later"),
        CaseStatus.WITHDRAWN: QCoreApplication.translate("Withdrawal", "Withdrawn"),
        CaseStatus.CONFIRMED: QCoreApplication.translate("Withdrawal", "Confirmed, notice not yet issued"),
        CaseStatus.NOTIFIED: QCoreApplication.translate("Withdrawal", "Notice issued, waiting for the response"),
        CaseStatus.OBLIGATIONS_MET: QCoreApplication.translate("Withdrawal", "Obligations met, closed"),
        CaseStatus.DEEMED_WITHDRAWN: QCoreApplication.translate(
            "Withdrawal", "Deemed withdrawn, waiting for the council"
        ),
        CaseStatus.CANCELLED: QCoreApplication.translate("Withdrawal", "Membership cancelled"),
        CaseStatus.RESTORED: QCoreApplication.translate("Withdrawal", "Restored on appeal"),
        CaseStatus.DROPPED: QCoreApplication.translate("Withdrawal", "Dropped"),
    }[status]


def case_kind_label(kind: CaseKind) -> str:
    return (
        QCoreApplication.translate("Withdrawal", "Voluntary withdrawal")
        if kind == CaseKind.VOLUNTARY
        else QCoreApplication.translate("Withdrawal", "Cancellation")
    )


def ground_label(ground: Ground) -> str:
    return {
        Ground.UNPAID_DUES: QCoreApplication.translate("Withdrawal", "(1) Dues unpaid for more than a year"),
        Ground.NO_ACTIVITY: QCoreApplication.translate("Withdrawal", "(2) No activity attended for more than a year"),
        Ground.DISQUALIFIED: QCoreApplication.translate("Withdrawal", "(3) No longer qualifies"),
    }[ground]


def grounds_short(text: str) -> str:
    """“（一）（二）” as the table shows it; a voluntary withdrawal has none."""
    return text if text.startswith("（") else ""


def appeal_status_label(status: AppealStatus) -> str:
    return {
        AppealStatus.FILED: QCoreApplication.translate("Withdrawal", "Waiting for the council's reply"),
        AppealStatus.ESCALATED: QCoreApplication.translate("Withdrawal", "Before the general assembly"),
        AppealStatus.UPHELD: QCoreApplication.translate("Withdrawal", "Cancellation upheld"),
        AppealStatus.RESTORED: QCoreApplication.translate("Withdrawal", "Membership restored"),
    }[status]


def decision_choices() -> list[tuple[str, str]]:
    return [
        (AppealDecision.UPHELD.value, QCoreApplication.translate("Withdrawal", "Uphold the cancellation")),
        (
            AppealDecision.RESTORED.value,
            QCoreApplication.translate("Withdrawal", "Withdraw the cancellation and restore the membership"),
        ),
    ]


def activity_kind_label(kind: ActivityKind) -> str:
    return {
        ActivityKind.MEETING: QCoreApplication.translate("Withdrawal", "Meeting"),
        ActivityKind.TRAINING: QCoreApplication.translate("Withdrawal", "Training"),
        ActivityKind.INSPECTION: QCoreApplication.translate("Withdrawal", "Visit or inspection"),
        ActivityKind.EXCHANGE: QCoreApplication.translate("Withdrawal", "Exchange or forum"),
        ActivityKind.EVENT: QCoreApplication.translate("Withdrawal", "Award, contest or charity event"),
        ActivityKind.OTHER: QCoreApplication.translate("Withdrawal", "Other activity"),
    }[kind]


def disqualification_choices() -> list[tuple[str, str]]:
    return [
        (
            DisqualificationKind.DISHONEST_JUDGMENT_DEBTOR.value,
            QCoreApplication.translate("Withdrawal", "Listed as a dishonest judgment debtor"),
        ),
        (
            DisqualificationKind.DEPRIVED_OF_POLITICAL_RIGHTS.value,
            QCoreApplication.translate("Withdrawal", "Deprived of political rights"),
        ),
        (
            DisqualificationKind.LOST_CIVIL_CAPACITY.value,
            QCoreApplication.translate("Withdrawal", "Lost full civil capacity"),
        ),
        (DisqualificationKind.OTHER.value, QCoreApplication.translate("Withdrawal", "Other (describe)")),
    ]


def position_choices() -> list[tuple[str, str]]:
    return [
        (PositionKind.PRESIDENT.value, QCoreApplication.translate("Withdrawal", "President unit")),
        (PositionKind.VICE_PRESIDENT.value, QCoreApplication.translate("Withdrawal", "Vice-president unit")),
        (PositionKind.STANDING_COUNCIL.value, QCoreApplication.translate("Withdrawal", "Standing council unit")),
        (PositionKind.COUNCIL.value, QCoreApplication.translate("Withdrawal", "Council unit")),
        (PositionKind.SUPERVISOR.value, QCoreApplication.translate("Withdrawal", "Supervisor unit")),
        (PositionKind.OTHER.value, QCoreApplication.translate("Withdrawal", "Other position (name it)")),
    ]


def task_label(kind: TaskKind) -> str:
    if kind == TaskKind.REMOVE_FROM_WECHAT_GROUP:
        return QCoreApplication.translate("Withdrawal", "Remove the member's people from the mentor's WeChat group")
    return QCoreApplication.translate("Withdrawal", "Invite the member's people back to the mentor's WeChat group")


def task_status_label(status: TaskStatus) -> str:
    return {
        TaskStatus.OPEN: QCoreApplication.translate("Withdrawal", "To do"),
        TaskStatus.DONE: QCoreApplication.translate("Withdrawal", "Done"),
        TaskStatus.CANCELLED: QCoreApplication.translate("Withdrawal", "No longer needed"),
    }[status]


def html(value: Any) -> str:
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")


def error_text(exc: OfficeError) -> str:
    return ops.failure_text(exc)


# --- a table over plain rows ------------------------------------------------------------------------


class RowsModel(rows.RowsModel):
    """A read-only table of the services' frozen rows; with ``checkable`` the first column has a
    check box per row (the review's candidates to confirm)."""

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None, *, checkable: bool = False):
        super().__init__(columns, parent)
        self.checkable = checkable
        self.checked: set[int] = set()  # row numbers

    def set_rows(self, rows: Sequence[Any], checked: set[int] | None = None) -> None:
        self.checked = set(checked or ())
        super().set_rows(rows)

    def checked_rows(self) -> list[Any]:
        return [self.rows[n] for n in sorted(self.checked) if n < len(self.rows)]

    def set_all_checked(self, checked: bool, allowed: Callable[[Any], bool] = lambda _row: True) -> None:
        self.checked = {n for n, row in enumerate(self.rows) if allowed(row)} if checked else set()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0), [Qt.ItemDataRole.CheckStateRole])

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.checkable and index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and index.isValid() and index.column() == 0:
            return Qt.CheckState.Checked if index.row() in self.checked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self.checkable and index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole):
            return False
        state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
        if state == Qt.CheckState.Checked:
            self.checked.add(index.row())
        else:
            self.checked.discard(index.row())
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


def current_row(view: QTableView) -> Any:
    """The row the cursor is on (signals of the current row come before the selection follows)."""
    model = view.model()
    assert isinstance(model, RowsModel)
    index = view.currentIndex()
    if index.isValid():
        return model.row(index.row())
    selected = view.selectionModel().selectedRows()
    return model.row(min(i.row() for i in selected)) if selected else None


def select_row(view: QTableView, predicate: Callable[[Any], bool]) -> bool:
    model = view.model()
    assert isinstance(model, RowsModel)
    for number, row in enumerate(model.rows):
        if predicate(row):
            view.selectRow(number)
            return True
    return False


# --- choosing a member -----------------------------------------------------------------------------


class MemberPicker(QWidget):
    """Search the register (name, code, number …) and pick one member; the first match is chosen
    as one types, so Enter is enough when the search is precise."""

    changed = Signal()

    def __init__(self, db: Any, parent: QWidget | None = None, *, active_only: bool = True):
        super().__init__(parent)
        self._db = db
        self._active_only = active_only
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setObjectName("member_search")
        self.search.setPlaceholderText(QCoreApplication.translate("Withdrawal", "Name, credit code or member number"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.results = QListWidget()
        self.results.setObjectName("member_results")
        self.results.setMaximumHeight(120)
        self.results.currentRowChanged.connect(lambda _row: self.changed.emit())
        layout.addWidget(self.search)
        layout.addWidget(self.results)

    def _search(self, text: str) -> None:
        from desktop_app.core.models import MemberStatus

        status = MemberStatus.ACTIVE if self._active_only else None

        def find(session: Any) -> list[Any]:
            if not text.strip():
                return []
            flt = register.MemberFilter(text=text, status=status)
            ids = register.search_member_ids(session, flt, sort="name", limit=50)
            rows = register.register_rows(session, ids)
            return [rows[i] for i in ids if i in rows]

        self.results.clear()
        for row in ops.query(self._db, find):
            item = QListWidgetItem(f"{row.name}（{row.member_number}）")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        self.changed.emit()

    def value(self) -> int | None:
        item = self.results.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


# --- one form dialog ---------------------------------------------------------------------------------


@dataclass
class Field:
    """One input of a ``FormDialog``. ``kind``: date, optional_date, text, lines, choice, file
    (a scan: PDF, JPEG or PNG), member, bool. The key is the service's, so its error lands here."""

    key: str
    label: str
    kind: str = "text"
    default: Any = None
    choices: list[tuple[str, str]] = field(default_factory=list)
    hint: str = ""


class FormDialog(guards.GuardedDialog, QDialog):
    """Fields, an error line and OK/Cancel. On OK ``submit(session, values)`` runs through the
    operations layer; its ``ValidationError`` is shown under the fields it names and the dialog
    stays open with what was typed; on success the changes are announced and it closes."""

    def __init__(
        self,
        parent: QWidget | None,
        db: Any,
        title: str,
        fields: Sequence[Field],
        submit: Callable[[Any, dict[str, Any]], Any],
        *,
        changes: set[str],
        intro: str = "",
        ok_text: str = "",
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._db, self._submit, self._changes = db, submit, changes
        self.result_value: Any = None
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setObjectName("intro")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        form = QFormLayout()
        layout.addLayout(form)
        self.inputs: dict[str, QWidget] = {}
        self.wrappers: dict[str, FieldWithError] = {}
        for spec in fields:
            widget = self._input(spec)
            widget.setObjectName(spec.key)
            self.inputs[spec.key] = widget
            wrapper = FieldWithError(widget)
            self.wrappers[spec.key] = wrapper
            form.addRow(spec.label, wrapper)
            if spec.hint:
                hint = QLabel(spec.hint)
                hint.setWordWrap(True)
                hint.setStyleSheet("color: #5f6368;")
                form.addRow("", hint)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        if ok_text:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._specs = {spec.key: spec for spec in fields}

    def _input(self, spec: Field) -> QWidget:
        if spec.kind in ("date", "optional_date"):
            edit: QDateEdit = OptionalDateEdit() if spec.kind == "optional_date" else QDateEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            value = spec.default
            if isinstance(edit, OptionalDateEdit):
                edit.set_value(value)
            elif isinstance(value, dt.date):
                edit.setDate(QDate(value.year, value.month, value.day))
            return edit
        if spec.kind == "lines":
            text = QPlainTextEdit(spec.default or "")
            text.setTabChangesFocus(True)
            text.setFixedHeight(80)
            return text
        if spec.kind == "choice":
            box = QComboBox()
            for value, label in spec.choices:
                box.addItem(label, value)
            if spec.default is not None:
                box.setCurrentIndex(max(0, box.findData(spec.default)))
            return box
        if spec.kind == "bool":
            check = QCheckBox()
            check.setChecked(bool(spec.default))
            return check
        if spec.kind == "member":
            return MemberPicker(self._db, self)
        if spec.kind == "file":
            return FileField(self)
        line = QLineEdit("" if spec.default is None else str(spec.default))
        return line

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, widget in self.inputs.items():
            if isinstance(widget, OptionalDateEdit):
                out[key] = widget.value()
            elif isinstance(widget, QDateEdit):
                out[key] = widget.date().toPython()
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                out[key] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
            elif isinstance(widget, MemberPicker):
                out[key] = widget.value()
            elif isinstance(widget, FileField):
                out[key] = widget.path()
            elif isinstance(widget, QLineEdit):
                out[key] = widget.text()
        return out

    def _scans(self, values: dict[str, Any]) -> dict[str, Any]:
        """File fields read now (a missing or unreadable file is shown under its field)."""
        for key, widget in self.inputs.items():
            if isinstance(widget, FileField):
                path = values[key]
                if not path:
                    values[key] = None
                    continue
                try:
                    values[key] = Scan(Path(path).name, Path(path).read_bytes())
                except OSError as exc:
                    raise ValidationError({key: f"{self._specs[key].label}：{exc.strerror or exc}"}) from None
        return values

    def submit(self) -> None:
        for wrapper in self.wrappers.values():
            wrapper.set_error(None)
        self.error.clear()
        try:
            values = self._scans(self.values())
        except ValidationError as exc:
            self._failed(exc)
            return
        if any(spec.kind == "member" and values[key] is None for key, spec in self._specs.items()):
            key = next(k for k, s in self._specs.items() if s.kind == "member" and values[k] is None)
            self.wrappers[key].set_error(
                QCoreApplication.translate("Withdrawal", "Search the register and choose a member")
            )
            return
        ops.Op(self, self._db, lambda session: self._submit(session, values), changes=self._changes).success(
            self._succeeded
        ).failure(self._failed).run()

    def _succeeded(self, result: Any) -> None:
        self.result_value = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            rest = []
            for key, message in exc.errors.items():
                if key in self.wrappers:
                    self.wrappers[key].set_error(message)
                else:
                    rest.append(messages.render(message))
            self.error.setText(
                "\n".join(rest)
                if rest
                else QCoreApplication.translate("Withdrawal", "Please correct the fields marked in red.")
            )
        elif isinstance(exc, OfficeError):
            self.error.setText(exc.message)
        else:
            ops.show_failure(self, exc)


class FileField(QWidget):
    """A scan to attach: its path and a Browse… button (PDF, JPEG or PNG)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setObjectName("file_path")
        self.edit.setPlaceholderText(QCoreApplication.translate("Withdrawal", "A scan: PDF, JPEG or PNG"))
        browse = QPushButton(QCoreApplication.translate("Withdrawal", "Browse…"))
        browse.setObjectName("browse")
        browse.clicked.connect(self.browse)
        layout.addWidget(self.edit, 1)
        layout.addWidget(browse)

    def browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("Withdrawal", "Choose a scan"),
            "",
            QCoreApplication.translate("Withdrawal", "Scans and documents (*.pdf *.jpg *.jpeg *.png)"),
        )
        if name:
            self.edit.setText(name)

    def path(self) -> str:
        return self.edit.text().strip()


def open_dialog(parent: Any, dialog: QDialog) -> QDialog:
    """Open ``dialog`` window-modal (tests answer it through ``parent.dialog``)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    parent.dialog = dialog
    dialog.open()
    return dialog


def preview_scan(parent: QWidget, file_name: str, mime_type: str, content: bytes) -> QDialog:
    from desktop_app.ui.preview import preview_attachment

    return preview_attachment(parent, file_name, mime_type, content)


def button(text: str, name: str, slot: Callable[[], Any], tooltip: str = "") -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.clicked.connect(lambda _checked=False: slot())
    if tooltip:
        widget.setToolTip(tooltip)
    return widget


def enable(widget: QWidget, reason: str | None, tooltip: str = "") -> None:
    """Enabled when ``reason`` is None; otherwise disabled, the reason in the tooltip."""
    widget.setEnabled(reason is None)
    widget.setToolTip(reason or tooltip)
