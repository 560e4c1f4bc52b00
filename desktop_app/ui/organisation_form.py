"""What the member editor and the application dialog share: an organisation's fields (R-3.1,
R-6.1), each with its inline error, the contacts page, the red banner and red tab titles.

Both forms are checked by the same ``validate_member``; keeping their fields in one place keeps
the two windows alike and their error handling the same.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QComboBox, QDialog, QGridLayout, QLabel, QLineEdit, QTabWidget, QWidget

from desktop_app import messages
from desktop_app.core.models import CONTACT_FIELDS, CONTACT_ROLES, Category
from desktop_app.core.wuhan import DISTRICTS
from desktop_app.ui.labels import category_label, contact_field_labels, contact_role_labels
from desktop_app.ui.widgets import FieldWithError

ERROR_RED = "#b3261e"
BANNER_STYLE = f"background: #fdecea; color: {ERROR_RED}; padding: 6px; border-radius: 4px;"
CONTACT_PLACEHOLDERS = {"mobile": "13800000000", "landline": "027-85771234"}


class OrganisationForm(QDialog):
    """A dialog with ``fields`` (key → widget) and ``wrappers`` (key → its ``FieldWithError``).

    The subclass builds ``self.tabs`` with the organisation on tab 0 and ``contacts_page()`` on
    tab 1, and a ``self.banner`` from ``error_banner()``."""

    tabs: QTabWidget
    banner: QLabel

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        self.wrappers: dict[str, FieldWithError] = {}
        self._label_height = QLineEdit().sizeHint().height()  # a label level with the field beside it

    def _wrap(self, key: str, widget: QWidget) -> FieldWithError:
        widget.setObjectName(key)
        wrapper = FieldWithError(widget)
        self.fields[key] = widget
        self.wrappers[key] = wrapper
        return wrapper

    def _line(self, key: str, placeholder: str = "") -> FieldWithError:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        return self._wrap(key, edit)

    def _label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setMinimumHeight(self._label_height)
        return label

    @staticmethod
    def category_combo() -> QComboBox:
        """The categories of R-3.1, their value as data."""
        box = QComboBox()
        for category in Category:
            box.addItem(category_label(category), category.value)
        return box

    @staticmethod
    def district_combo() -> QComboBox:
        """Wuhan's districts, or any other typed in; empty first."""
        box = QComboBox()
        box.setEditable(True)
        box.addItem("")
        box.addItems([d.name for d in DISTRICTS])
        return box

    def error_banner(self) -> QLabel:
        banner = QLabel()
        banner.setObjectName("banner")
        banner.setWordWrap(True)
        banner.setStyleSheet(BANNER_STYLE)
        banner.hide()
        return banner

    def contacts_page(self) -> QWidget:
        """Legal representative, principal and liaison side by side, one row per item."""
        page = QWidget()
        grid = QGridLayout(page)
        roles, fields = contact_role_labels(), contact_field_labels()
        for column, role in enumerate(CONTACT_ROLES, start=1):
            grid.addWidget(QLabel(f"<b>{roles[role]}</b>"), 0, column)
            grid.setColumnStretch(column, 1)
        for row, field in enumerate(CONTACT_FIELDS, start=1):
            grid.addWidget(self._label(fields[field]), row, 0, Qt.AlignmentFlag.AlignTop)
            for column, role in enumerate(CONTACT_ROLES, start=1):
                grid.addWidget(self._line(f"{role}_{field}", CONTACT_PLACEHOLDERS.get(field, "")), row, column)
        grid.setRowStretch(len(CONTACT_FIELDS) + 1, 1)
        return page

    def text_values(self, keys: tuple[str, ...]) -> dict[str, Any]:
        """The line edits named by ``keys`` and every contact field, as typed."""
        out: dict[str, Any] = {key: self.fields[key].text() for key in keys}  # type: ignore[attr-defined]
        for role in CONTACT_ROLES:
            for field in CONTACT_FIELDS:
                out[f"{role}_{field}"] = self.fields[f"{role}_{field}"].text()  # type: ignore[attr-defined]
        return out

    def set_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field, the rest in the banner, red titles on the tabs that
        hold an error, and the first wrong field focused."""
        for key, wrapper in self.wrappers.items():
            wrapper.set_error(errors.get(key))
        other = [messages.render(message) for key, message in errors.items() if key not in self.wrappers]
        if errors:
            self.banner.setText(
                QCoreApplication.translate("OrganisationForm", "Not saved: please correct the fields marked in red.")
                + ("\n" + "\n".join(other) if other else "")
            )
        self.banner.setVisible(bool(errors))
        contact_error = any(key.startswith(CONTACT_ROLES) for key in errors)
        detail_error = any(not key.startswith(CONTACT_ROLES) for key in errors if key in self.wrappers)
        bar = self.tabs.tabBar()
        for index, has_error in ((0, detail_error), (1, contact_error)):
            bar.setTabTextColor(
                index, QColor(ERROR_RED) if has_error else self.palette().color(QPalette.ColorRole.WindowText)
            )
        first = next((key for key in self.wrappers if key in errors), None)
        if first is not None:
            self.tabs.setCurrentIndex(1 if first.startswith(CONTACT_ROLES) else 0)
            self.fields[first].setFocus()
