"""Every message box goes through here so tests can answer them (qutebrowser's misc/msgbox.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)


@dataclass
class Shown:
    kind: str
    title: str
    text: str
    details: str = ""  # a report's copyable text (kind "report")


# When set (by tests), called instead of showing a box; its return value answers questions.
handler: Callable[[Shown], bool] | None = None


def _show(parent: QWidget | None, kind: str, title: str, text: str, buttons, default) -> bool:  # type: ignore[no-untyped-def]
    if handler is not None:
        return handler(Shown(kind, title, text))
    icon = {
        "information": QMessageBox.Icon.Information,
        "warning": QMessageBox.Icon.Warning,
        "critical": QMessageBox.Icon.Critical,
        "question": QMessageBox.Icon.Question,
    }[kind]
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setDefaultButton(default)
    return box.exec() in (QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Yes)


def information(parent: QWidget | None, title: str, text: str) -> None:
    _show(parent, "information", title, text, QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Ok)


def warning(parent: QWidget | None, title: str, text: str) -> None:
    _show(parent, "warning", title, text, QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Ok)


def critical(parent: QWidget | None, title: str, text: str) -> None:
    _show(parent, "critical", title, text, QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Ok)


def question(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    default = QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No
    return _show(parent, "question", title, text, buttons, default)


def report(parent: QWidget | None, title: str, text: str, details: str) -> None:
    """An error report: the message, and ``details`` (a traceback) selectable, with a Copy button."""
    if handler is not None:
        handler(Shown("report", title, text, details))
        return
    ReportDialog(parent, title, text, details).exec()


class ReportDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, text: str, details: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        message = QLabel(text)
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(message, 1)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumSize(560, 200)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            QCoreApplication.translate("MessageBox", "Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(QCoreApplication.translate("MessageBox", "Copied"))
