"""Guards a clerk relies on (issue 16): nothing typed vanishes without a word, nothing irreversible
happens without saying what will happen, and a save says it was saved.

- ``GuardedDialog``: a mixin placed first among a dialog's bases. Cancel, Esc and the window's
  close button (QDialog routes all three through ``reject``) ask before throwing away what was
  typed; a ``close()`` the program itself makes does not ask. What "typed" means is found by itself: the state of every input widget in the dialog when
  it was first shown (or last ``mark_clean``), compared with now — so a dialog needs no code of its
  own beyond the base class.
- ``confirm``: the one question before an irreversible action, naming what will happen.
- ``saved``: "已保存" (or another short note) in the main window's status bar.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop_app.ui import msgbox

IGNORE = "guard_ignore"  # a widget with this property set to True is not part of the snapshot


def snapshot(root: QWidget) -> tuple[Any, ...]:
    """The state of every input widget under ``root`` that the user can change."""
    state: list[Any] = []
    for widget in root.findChildren(QWidget):
        if widget.property(IGNORE):
            continue
        if isinstance(widget, QLineEdit):
            if widget.isReadOnly() or isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
                continue
            state.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            if not widget.isReadOnly():
                state.append(widget.toPlainText())
        elif isinstance(widget, QTextEdit):
            if not widget.isReadOnly():
                state.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            state.append((widget.currentIndex(), widget.currentText()))
        elif isinstance(widget, QAbstractSpinBox):
            state.append(widget.text())
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            state.append(widget.isChecked())
    return tuple(state)


def ask_discard(parent: QWidget) -> bool:
    return msgbox.question(
        parent,
        QCoreApplication.translate("Guards", "Unsaved changes"),
        QCoreApplication.translate(
            "Guards", "What you typed in this window has not been saved.\n\nClose the window and discard it?"
        ),
    )


class GuardedDialog:
    """Mixin for a QDialog that takes input: asks before Cancel/Esc/close discards typed changes.

    Put it first among the bases: ``class MemberEditor(GuardedDialog, OrganisationForm)``."""

    _clean_state: tuple[Any, ...] | None = None

    def mark_clean(self) -> None:
        """What the dialog shows now is what is saved (after loading, after a save)."""
        self._clean_state = snapshot(self)  # type: ignore[arg-type]

    def has_unsaved_changes(self) -> bool:
        return self._clean_state is not None and snapshot(self) != self._clean_state  # type: ignore[arg-type]

    def showEvent(self, event: QShowEvent) -> None:
        if self._clean_state is None:
            self.mark_clean()
        super().showEvent(event)  # type: ignore[misc]

    def closeEvent(self, event: QCloseEvent) -> None:
        # The person's close button (a spontaneous event) asks, through ``reject``; a close the
        # program itself decided (``close()`` at shutdown, a test's clean-up) does not.
        self._programmatic_close = not event.spontaneous()
        try:
            super().closeEvent(event)  # type: ignore[misc]
        finally:
            self._programmatic_close = False

    def reject(self) -> None:
        if (
            not getattr(self, "_programmatic_close", False) and self.has_unsaved_changes() and not ask_discard(self)  # type: ignore[arg-type]
        ):
            return
        super().reject()  # type: ignore[misc]

    def accept(self) -> None:
        self._clean_state = None
        super().accept()  # type: ignore[misc]


def confirm(parent: QWidget | None, title: str, what_happens: str, action: str | None = None) -> bool:
    """Ask before an irreversible action; ``what_happens`` says exactly what it will do."""
    text = what_happens
    if action:
        text += "\n\n" + QCoreApplication.translate("Guards", "%1?").replace("%1", action)
    return msgbox.question(parent, title, text)


def main_window() -> QMainWindow | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            return widget
    return None


def saved(text: str | None = None, timeout_ms: int = 5000) -> None:
    """Say in the main window's status bar that a save went through ("已保存")."""
    window = main_window()
    if window is not None:
        window.statusBar().showMessage(text or QCoreApplication.translate("Guards", "Saved"), timeout_ms)


# A read-only form reads as one (issue 16): read-only text fields look like the greyed combo boxes
# and date fields beside them, text still selectable and copyable.
READ_ONLY_STYLE = (
    'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"], QTextEdit[readOnly="true"] '
    "{ background: palette(window); color: palette(dark); border: 1px solid palette(midlight); }"
)


def show_read_only(root: QWidget) -> None:
    """Give ``root``'s read-only text fields the read-only look; call after changing which fields
    are read-only (a style sheet's property selectors are evaluated when a widget is polished)."""
    if READ_ONLY_STYLE not in root.styleSheet():
        root.setStyleSheet(root.styleSheet() + READ_ONLY_STYLE)
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            widget.style().unpolish(widget)
            widget.style().polish(widget)


def is_dialog(widget: object) -> bool:
    return isinstance(widget, QDialog)
