"""Every message box goes through here so tests can answer them (qutebrowser's misc/msgbox.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QMessageBox, QWidget


@dataclass
class Shown:
    kind: str
    title: str
    text: str


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
