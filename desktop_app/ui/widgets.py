"""Small widgets shared by the views: a field with its inline error, an empty-state overlay."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import messages

ERROR_STYLE = "color: #b3261e;"
INVALID_PROPERTY = "invalid"


class FieldWithError(QWidget):
    """A field with a red message under it; empty and hidden while the value is fine."""

    def __init__(self, field: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.error)
        layout.addStretch(0)  # in a grid row made taller by a neighbour's error: stay at the top

    def set_error(self, message: str | None) -> None:
        # a service's message (a catalogue Text) is shown in the interface language
        message = messages.render(message) if message else None
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.field.setProperty(INVALID_PROPERTY, bool(message))
        self.field.setStyleSheet("border: 1px solid #b3261e;" if message else "")
        self.field.setToolTip(message or "")


class OptionalDateEdit(QDateEdit):
    """A date field that may be left empty (shown as a dash): historic members lack dates."""

    NULL = QDate(1900, 1, 1)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(self.NULL)
        self.setSpecialValueText("—")
        self.setDate(self.NULL)

    def value(self) -> dt.date | None:
        date = self.date()
        return None if date == self.NULL else date.toPython()

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else self.NULL)


class EmptyState(QObject):
    """A centred message over an item view's viewport while the view has no rows."""

    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self._view = view
        self.label = QLabel(view.viewport())
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #5f6368; font-size: 15px; padding: 24px;")
        self.label.hide()
        view.viewport().installEventFilter(self)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.update()

    def update(self) -> None:
        model = self._view.model()
        empty = model is None or model.rowCount() == 0
        self.label.setGeometry(self._view.viewport().rect())
        self.label.setVisible(empty and bool(self.label.text()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.label.setGeometry(self._view.viewport().rect())
        return False


def error_label(parent: QWidget | None = None) -> QLabel:
    """The red message line a dialog shows under its form (object name ``error`` for tests)."""
    label = QLabel(parent)
    label.setObjectName("error")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


def named_line_edit(name: str, text: str = "", *, password: bool = False) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class KeptChoices:
    """Refill combo boxes from the database and keep what was chosen: ``with KeptChoices(boxes):``
    clears them with their signals blocked; afterwards each shows the item with the data it showed
    before (or the same position, when the data was None), else the first."""

    def __init__(self, boxes: tuple[QComboBox, ...]):
        self.boxes = boxes
        self._chosen = [(box.currentData(), box.currentIndex()) for box in boxes]

    def __enter__(self) -> KeptChoices:
        for box in self.boxes:
            box.blockSignals(True)
            box.clear()
        return self

    def __exit__(self, *_exc: object) -> None:
        for box, (data, index) in zip(self.boxes, self._chosen, strict=True):
            found = box.findData(data) if data is not None else (index if 0 <= index < box.count() else -1)
            box.setCurrentIndex(max(0, found))
            box.blockSignals(False)


class LazyTabs(QWidget):
    """An area made of tabs, each built the first time it is shown (mentors, reports). Subclasses
    ``add`` their tabs in their own ``__init__`` and then call ``start``."""

    def __init__(self, parent: QWidget | None, object_name: str):
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName(object_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._factories: list[tuple[str, Callable[[], QWidget]]] = []
        self._built: dict[str, QWidget] = {}

    def add(self, key: str, title: str, factory: Callable[[], QWidget]) -> None:
        self._factories.append((key, factory))
        self.tabs.addTab(QWidget(), title)  # a placeholder until the tab is first shown

    def start(self) -> None:
        self.tabs.currentChanged.connect(self._show)
        self._show(0)

    def _show(self, index: int) -> None:
        if 0 <= index < len(self._factories):
            self.tab(self._factories[index][0])

    def keys(self) -> list[str]:
        return [key for key, _factory in self._factories]

    def tab(self, key: str) -> QWidget:
        """The tab's view, built on first use."""
        if key not in self._built:
            index = self.keys().index(key)
            widget = self._factories[index][1]()
            title = self.tabs.tabText(index)
            current = self.tabs.currentIndex()
            self.tabs.blockSignals(True)
            old = self.tabs.widget(index)
            self.tabs.removeTab(index)
            old.deleteLater()
            self.tabs.insertTab(index, widget, title)
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            self._built[key] = widget
        return self._built[key]

    def show_tab(self, key: str) -> QWidget:
        widget = self.tab(key)
        self.tabs.setCurrentIndex(self.keys().index(key))
        return widget
