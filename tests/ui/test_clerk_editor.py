"""Issue 16 (B): the member editor as a clerk's one place for a member — dues, mailings and the
membership record on their own tabs, the fields other procedures own shown read-only with the way
there, a warning beside a doubtful address, and nothing typed lost on Esc."""

from __future__ import annotations

import os
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from desktop_app.core.models import MailingPreference
from desktop_app.core.services import members
from desktop_app.ui.register.editor import MemberEditor
from tests.core.test_importing import uscc


@pytest.fixture
def member_id(db, officer, member_values):  # type: ignore[no-untyped-def]
    with db.session() as session:
        return members.create_member(session, officer, member_values).id


def open_editor(qtbot, db, actor, member_id=None) -> MemberEditor:  # type: ignore[no-untyped-def]
    editor = MemberEditor(db, actor, member_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def tab_titles(editor: MemberEditor) -> list[str]:
    return [editor.tabs.tabText(i) for i in range(editor.tabs.count())]


def test_existing_member_has_dues_mailing_and_membership_tabs(qtbot, zh_app, db, officer, member_id) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db, officer, member_id)
    assert tab_titles(editor)[3:] == ["会费", "邮寄记录", "退会与会籍"]
    assert editor.dues_tab is not None and editor.mailing_tab is not None and editor.membership_tab is not None
    assert editor.member_since.text().startswith("入会以来")
    if os.environ.get("SHOT_DIR"):
        editor.resize(1000, 700)
        editor.grab().save(os.path.join(os.environ["SHOT_DIR"], "editor.png"))
        editor.history.parentWidget().grab().save(os.path.join(os.environ["SHOT_DIR"], "history.png"))
    editor.close()


def test_a_new_member_has_no_record_tabs(qtbot, zh_app, db, officer) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db, officer)
    assert editor.tabs.count() == 3 and editor.dues_tab is None
    assert editor.fields["status"].isEnabled()
    editor.close()


def test_status_leaving_and_mentor_are_read_only_with_the_way_there(qtbot, zh_app, db, officer, member_id) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db, officer, member_id)
    status, mentor = editor.fields["status"], editor.fields["mentor_id"]
    assert isinstance(status, QComboBox) and not status.isEnabled()
    assert isinstance(mentor, QComboBox) and not mentor.isEnabled()
    left_reason = editor.fields["left_reason"]
    assert isinstance(left_reason, QLineEdit) and left_reason.isReadOnly() or not left_reason.isEnabled()
    assert "由退会管理中的程序改变" in plain(editor.membership_note.text())
    assert "在 班主任工作 → 班主任分配 中更换" in plain(editor.mentor_note.text())
    assert editor.membership_note.isVisibleTo(editor) and editor.mentor_note.isVisibleTo(editor)
    # an editable field stays editable
    assert not editor.fields["liaison_name"].isReadOnly()
    editor.close()


def test_a_doubtful_address_is_flagged_beside_it(qtbot, zh_app, db, officer, member_id) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db, officer, member_id)
    assert not editor.address_warning.isVisibleTo(editor)
    editor.close()
    with db.session() as session:
        address = members.get_member(session, member_id).address
        session.add(
            MailingPreference(
                member_id=member_id, doubtful_address=address, doubtful_reason="查无此单位", updated_at=db.clock.now()
            )
        )
    editor = open_editor(qtbot, db, officer, member_id)
    assert editor.address_warning.isVisibleTo(editor)
    assert "退回" in editor.address_warning.text()
    editor.close()


def test_esc_with_typed_changes_asks_and_keeps_them(qtbot, zh_app, db, officer, member_id, messages) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db, officer, member_id)
    editor.fields["liaison_name"].setText("赵敏")
    messages.answer = False  # "keep editing"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.isVisible() and messages[-1].kind == "question"
    assert "未保存" in messages[-1].title
    messages.answer = True  # discard
    editor.reject()
    assert not editor.isVisible()
    with db.session() as session:
        assert members.get_member(session, member_id).liaison_name == "张丽"


def test_esc_without_changes_closes_without_asking(qtbot, zh_app, db, officer, member_id, messages) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db, officer, member_id)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible() and not messages


def test_history_columns_are_readable_when_empty(qtbot, zh_app, db, officer) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db, officer)
    assert all(editor.history.columnWidth(column) >= 70 for column in range(3))
    editor.close()


def test_read_only_text_fields_look_read_only(qtbot, zh_app, db, officer, member_id) -> None:  # type: ignore[no-untyped-def]
    """Read-only text fields are drawn like the greyed combo boxes, not like editable fields."""
    editor = open_editor(qtbot, db, officer, member_id)
    fixed, editable = editor.fields["left_reason"], editor.fields["liaison_name"]
    assert isinstance(fixed, QLineEdit) and fixed.isReadOnly() and not editable.isReadOnly()

    def inside(widget: QLineEdit) -> tuple[int, int, int]:
        colour = widget.grab().toImage().pixelColor(widget.width() - 6, widget.height() // 2)
        return colour.red(), colour.green(), colour.blue()

    assert inside(fixed) != inside(editable)
    editor.close()


def test_a_mentor_starts_the_register_on_its_own_members(qtbot, zh_app, db, officer, mentor, member_values) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.core.services import mentors as mentor_service
    from desktop_app.ui.register.view import RegisterView

    with db.session() as session:
        mine = members.create_member(session, officer, member_values).id
        other = dict(member_values, name="武汉长江建设有限公司", uscc=uscc("MA4K00002"))
        members.create_member(session, officer, other)
    with db.session() as session:
        mentor_service.assign_members(session, officer, [mine], mentor.id)
    view = RegisterView(db, mentor)
    qtbot.addWidget(view)
    view.show()
    assert view.mentor_box.currentData() == mentor.id  # "my members"
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10000)
    view.mentor_box.setCurrentIndex(view.mentor_box.findData(None))  # "all mentors" is still there
    assert view.mentor_box.currentText() == "全部班主任"
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10000)
    view.close()
    office = RegisterView(db, officer)
    qtbot.addWidget(office)
    assert office.mentor_box.currentData() is None  # the office starts on everyone
    office.close()
