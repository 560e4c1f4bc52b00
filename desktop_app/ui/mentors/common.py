"""What the mentors' views share: a table model over the services' plain rows, the names of the
mentors' enums in the interface language, a date-and-text dialog, and how to show a failure under
a dialog's form instead of in a message box."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QDate,
    QMimeData,
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.models import (
    CirculationChannel,
    CirculationKind,
    ContactChannel,
    HandoverStatus,
    NominationDecision,
    PublicityOutcome,
    WeChatPerson,
    WeChatStatus,
)
from desktop_app.errors import OfficeError
from desktop_app.ui import guards, ops, rows
from desktop_app.ui.rows import Column, Index
from desktop_app.ui.widgets import error_label

MEMBER_IDS_MIME = "application/x-membership-office-member-ids"
BACKGROUND_AFTER = 300  # members: more than this are allocated in a worker, with progress and Cancel


# --- the enums' names in the interface language -------------------------------------------------------


def channel_label(channel: ContactChannel) -> str:
    return {
        ContactChannel.VISIT: QCoreApplication.translate("Mentors", "Visit"),
        ContactChannel.PHONE: QCoreApplication.translate("Mentors", "Phone"),
        ContactChannel.WECHAT: QCoreApplication.translate("Mentors", "WeChat"),
        ContactChannel.MEETING: QCoreApplication.translate("Mentors", "Meeting or event"),
        ContactChannel.OTHER: QCoreApplication.translate("Mentors", "Other"),
    }[channel]


def person_label(person: WeChatPerson) -> str:
    return {
        WeChatPerson.PRINCIPAL: QCoreApplication.translate("Mentors", "Principal"),
        WeChatPerson.LIAISON: QCoreApplication.translate("Mentors", "Liaison"),
    }[person]


def wechat_label(status: WeChatStatus | None) -> str:
    if status is None:
        return QCoreApplication.translate("Mentors", "Not invited")
    return {
        WeChatStatus.INVITED: QCoreApplication.translate("Mentors", "Invited"),
        WeChatStatus.JOINED: QCoreApplication.translate("Mentors", "Joined"),
        WeChatStatus.LEFT: QCoreApplication.translate("Mentors", "Left"),
    }[status]


def form_status_label(status: HandoverStatus) -> str:
    return {
        HandoverStatus.PENDING: QCoreApplication.translate("Mentors", "Pending"),
        HandoverStatus.APPLIED: QCoreApplication.translate("Mentors", "Applied"),
        HandoverStatus.REJECTED: QCoreApplication.translate("Mentors", "Rejected"),
    }[status]


def decision_label(decision: NominationDecision) -> str:
    return {
        NominationDecision.PENDING: QCoreApplication.translate("Mentors", "Waiting for decision"),
        NominationDecision.APPROVED: QCoreApplication.translate("Mentors", "Outstanding liaison"),
        NominationDecision.DECLINED: QCoreApplication.translate("Mentors", "Not selected"),
    }[decision]


def outcome_label(outcome: PublicityOutcome) -> str:
    return {
        PublicityOutcome.PENDING: QCoreApplication.translate("Mentors", "Waiting"),
        PublicityOutcome.PUBLISHED: QCoreApplication.translate("Mentors", "Published"),
        PublicityOutcome.DECLINED: QCoreApplication.translate("Mentors", "Not used"),
    }[outcome]


def circulation_kind_label(kind: CirculationKind) -> str:
    return {
        CirculationKind.DOCUMENT: QCoreApplication.translate("Mentors", "Association document"),
        CirculationKind.NEWS: QCoreApplication.translate("Mentors", "Association news"),
    }[kind]


def circulation_channel_label(channel: CirculationChannel) -> str:
    return {
        CirculationChannel.WECHAT_GROUP: QCoreApplication.translate("Mentors", "Mentor's WeChat group"),
        CirculationChannel.MAIL: QCoreApplication.translate("Mentors", "Mail"),
        CirculationChannel.EMAIL: QCoreApplication.translate("Mentors", "E-mail"),
        CirculationChannel.IN_PERSON: QCoreApplication.translate("Mentors", "By hand"),
        CirculationChannel.OTHER: QCoreApplication.translate("Mentors", "Other"),
    }[channel]


def period_text(period: str) -> str:
    year, half = period[:4], period[4:]
    if half == "H1":
        return QCoreApplication.translate("Mentors", "%1 first half").replace("%1", year)
    if half == "H2":
        return QCoreApplication.translate("Mentors", "%1 second half").replace("%1", year)
    return QCoreApplication.translate("Mentors", "Year %1").replace("%1", year)


class RowsModel(rows.RowsModel):
    """A read-only table of the services' frozen rows (hundreds, at most a few thousand).

    ``ids`` gives a row's member ids for dragging them onto a mentor (``MEMBER_IDS_MIME``)."""

    def __init__(
        self, columns: Sequence[Column], parent: QWidget | None = None, *, ids: Callable[[Any], int] | None = None
    ):
        super().__init__(columns, parent)
        self._ids = ids

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if self._ids is not None and index.isValid() else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.UserRole and index.isValid() and 0 <= index.row() < len(self.rows):
            return index.row()
        return super().data(index, role)

    def mimeTypes(self) -> list[str]:
        return [MEMBER_IDS_MIME] if self._ids is not None else []

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        if self._ids is not None:
            rows = sorted({i.row() for i in indexes if i.isValid()})
            ids = [self._ids(self.rows[r]) for r in rows]
            data.setData(MEMBER_IDS_MIME, QByteArray(json.dumps(ids).encode("ascii")))
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


def member_ids_of(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(MEMBER_IDS_MIME):
        return []
    try:
        return [int(i) for i in json.loads(bytes(mime.data(MEMBER_IDS_MIME).data()).decode("ascii"))]
    except (ValueError, TypeError):
        return []


def current_row(view: QTableView) -> Any:
    model = view.model()
    assert isinstance(model, RowsModel)
    index = view.currentIndex()
    selected = view.selectionModel().selectedRows()
    if not selected:
        return None
    return model.row(index.row() if index.isValid() and index in selected else selected[0].row())


# --- dialogs ----------------------------------------------------------------------------------------


class FormDialog(guards.GuardedDialog, QDialog):
    """A dialog with a form, an error line under it and OK/Cancel; ``submit`` runs the service
    through the operations layer and shows its error under the form (the dialog stays open)."""

    def __init__(self, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = error_label()
        self.layout_.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept_form)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self.result_value: Any = None

    def accept_form(self) -> None:  # overridden: run the service, then ``self.done_with(result)``
        self.accept()

    def run(self, db: Any, call: Callable[..., Any], changes: set[str], *, label: str | None = None) -> None:
        """``call(session)``; with ``label``, ``call(session, progress)`` in a worker behind a progress
        dialog with Cancel (long work: hundreds of members)."""
        op = ops.Op(self, db, call, changes=changes).success(self._succeeded).failure(self._failed)
        if label is not None:
            op.in_background(label)
        op.run()

    def _succeeded(self, result: Any) -> None:
        self.result_value = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, OfficeError):
            self.error.setText(ops.failure_text(exc))
        else:
            ops.show_failure(self, exc)


def date_edit(value: dt.date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def text_edit(name: str, height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class ReasonDialog(FormDialog):
    """Asks a reason (required) before ``call(session, reason)`` runs: a reassignment, a rejection.
    With ``background`` (a progress label) it runs as ``call(session, reason, progress)`` in a worker."""

    def __init__(
        self,
        parent: QWidget | None,
        db: Any,
        title: str,
        prompt: str,
        call: Callable[..., Any],
        changes: set[str],
        *,
        label: str | None = None,
        background: str | None = None,
    ):
        super().__init__(parent, title)
        self._db, self._call, self._changes, self._background = db, call, changes, background
        intro = QLabel(prompt)
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.reason = text_edit("reason")
        self.form.addRow(label or QCoreApplication.translate("Mentors", "Reason"), self.reason)

    def accept_form(self) -> None:
        text, call = self.reason.toPlainText(), self._call
        if self._background is not None:
            self.run(
                self._db, lambda session, progress: call(session, text, progress), self._changes, label=self._background
            )
        else:
            self.run(self._db, lambda session: call(session, text), self._changes)
