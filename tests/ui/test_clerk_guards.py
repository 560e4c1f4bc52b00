"""Issue 16 (B): one guard in every dialog that takes input — Esc, Cancel and the close button
ask before typed input is thrown away; nothing typed, nothing asked; a programmatic close and a
successful OK never ask."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit

from desktop_app.ui import guards


def mentors_form() -> QDialog:
    from desktop_app.ui.mentors.common import FormDialog

    dialog = FormDialog(None, "班主任")
    dialog.form.addRow("备注", QLineEdit())
    return dialog


def dues_form() -> QDialog:
    from desktop_app.ui.dues.common import FormDialog

    dialog = FormDialog(None, "会费")
    dialog.form.addRow("备注", QLineEdit())
    return dialog


def staff_form(db, actor) -> QDialog:  # type: ignore[no-untyped-def]
    from desktop_app.ui.staff_view import StaffDialog

    return StaffDialog(db, actor)


@pytest.mark.parametrize("make", ["mentors", "dues", "staff"])
def test_typed_input_is_asked_about_on_esc_and_cancel(qtbot, zh_app, db, admin, messages, make) -> None:  # type: ignore[no-untyped-def]
    dialog = {"mentors": mentors_form, "dues": dues_form}.get(make, lambda: staff_form(db, admin))()
    assert isinstance(dialog, guards.GuardedDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes without a word
    assert not dialog.isVisible() and not messages
    dialog.show()
    dialog.findChildren(QLineEdit)[0].setText("typed")
    messages.answer = False
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and [m.title for m in messages] == ["未保存的修改"]
    buttons = dialog.findChild(QDialogButtonBox)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel) if buttons is not None else None
    if cancel is not None:
        cancel.click()
        assert dialog.isVisible() and len(messages) == 2
    messages.answer = True
    dialog.reject()
    assert not dialog.isVisible()


def test_a_close_the_program_makes_does_not_ask(qtbot, zh_app, messages) -> None:  # type: ignore[no-untyped-def]
    dialog = mentors_form()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChildren(QLineEdit)[0].setText("typed")
    dialog.close()  # e.g. the program shutting down
    assert not dialog.isVisible() and not messages


def test_confirm_names_what_will_happen(qtbot, zh_app, messages) -> None:  # type: ignore[no-untyped-def]
    messages.answer = False
    assert guards.confirm(None, "标记为已打印", "勾选的 2 份文书将记为已打印。", "记为已打印") is False
    assert messages[-1].kind == "question"
    assert messages[-1].text == "勾选的 2 份文书将记为已打印。\n\n确定记为已打印吗？"
