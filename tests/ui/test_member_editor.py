"""Opening, correcting and entering members in the window; errors inline; conflicts explained."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop_app.core.models import Role
from desktop_app.core.security import Actor
from desktop_app.core.services import members, mentors
from desktop_app.ui.register.editor import MemberEditor
from tests.conftest import make_staff


@pytest.fixture
def member_id(db, officer, member_values):  # type: ignore[no-untyped-def]
    with db.session() as session:
        return members.create_member(session, officer, member_values).id


def open_editor(qtbot, db, actor, member_id=None) -> MemberEditor:  # type: ignore[no-untyped-def]
    editor = MemberEditor(db, actor, member_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def line(editor: MemberEditor, key: str) -> QLineEdit:
    widget = editor.fields[key]
    assert isinstance(widget, QLineEdit)
    return widget


def test_open_correct_and_save(qtbot, zh_app, db, officer, member_id) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db, officer, member_id)
    assert editor.windowTitle() == "会员：武汉市江岸区宏达建设工程有限公司"
    assert line(editor, "liaison_name").text() == "张丽"
    line(editor, "liaison_name").setText("赵敏")
    line(editor, "liaison_mobile").setText("139 0000 1111")
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result() == MemberEditor.DialogCode.Accepted
    with db.session() as session:
        saved = members.get_member(session, member_id)
        assert (saved.liaison_name, saved.liaison_mobile, saved.version) == ("赵敏", "13900001111", 2)


def test_history_tab_shows_who_changed_what(qtbot, zh_app, db, officer, member_id) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        members.update_member(session, officer, member_id, 1, {"liaison_name": "赵敏"})
    editor = open_editor(qtbot, db, officer, member_id)
    top = editor.history.topLevelItem(0)
    assert (top.text(1), top.text(2)) == ("郑会籍", "修改")
    assert top.child(0).text(3) == "联络员姓名：张丽 → 赵敏"
    assert editor.history.topLevelItem(1).text(2) == "录入"
    editor.close()


def test_validation_errors_are_shown_inline_and_nothing_saved(qtbot, zh_app, db, officer, member_id) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db, officer, member_id)
    line(editor, "postcode").setText("43001")
    line(editor, "uscc").setText("914201001777158767")
    line(editor, "liaison_mobile").setText("12345")
    assert editor.save() is False
    assert editor.isVisible()
    assert editor.wrappers["postcode"].error.text().startswith("邮政编码：")
    assert "第 18 位应为“6”" in editor.wrappers["uscc"].error.text()
    assert not editor.wrappers["liaison_mobile"].error.isHidden()  # on the Contacts tab
    assert editor.wrappers["liaison_mobile"].error.text().startswith("联络员手机：")
    assert editor.tabs.tabBar().tabTextColor(1).name() == "#b3261e"
    assert editor.banner.text().startswith("未保存")
    assert editor.tabs.currentIndex() == 0 and editor.focusWidget() is editor.fields["uscc"]
    with db.session() as session:
        assert members.get_member(session, member_id).version == 1
    line(editor, "postcode").setText("430010")
    line(editor, "uscc").setText("914201001777158766")
    line(editor, "liaison_mobile").setText("13871234567")
    assert editor.save() is True


def test_second_save_gets_the_conflict_message_and_can_reload(
    qtbot, zh_app, db, officer, admin, member_id, messages
) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db, officer, member_id)
    with db.session() as session:  # another workstation saves first
        members.update_member(session, admin, member_id, 1, {"liaison_name": "钱多多"})
    line(editor, "liaison_name").setText("赵敏")
    messages.answer = True  # "reload?" → yes
    assert editor.save() is False
    assert len(messages) == 1 and messages[0].kind == "question"
    assert "管理员" in messages[0].text and "您的修改未保存" in messages[0].text
    assert line(editor, "liaison_name").text() == "钱多多"  # reloaded as saved
    with db.session() as session:
        assert members.get_member(session, member_id).liaison_name == "钱多多"  # first save kept
    line(editor, "liaison_name").setText("赵敏")
    assert editor.save() is True  # after reloading, the save goes through


def test_new_member_by_hand(qtbot, zh_app, db, officer, member_values) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db, officer)
    assert editor.windowTitle() == "新建会员"
    line(editor, "name").setText(member_values["name"])
    line(editor, "uscc").setText(member_values["uscc"])
    assert editor.save() is True
    with db.session() as session:
        created = members.get_member(session, members.search_member_ids(session, members.MemberFilter())[0])
        assert created.member_number == "WJX20260001"
        assert created.join_date.isoformat() == "2026-11-26"


def test_mentor_sees_but_cannot_change(qtbot, zh_app, db, mentor, member_id) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db, mentor, member_id)
    assert not editor.save_button.isVisible()
    assert line(editor, "name").isReadOnly()
    assert editor.read_only_note.isVisible()
    assert editor.save() is False
    editor.close()


def test_permission_error_from_the_service_is_shown(qtbot, zh_app, db, officer, member_id, messages) -> None:  # type: ignore[no-untyped-def]
    """The role changed after the window opened: the service refuses, the window says so."""
    editor = open_editor(qtbot, db, officer, member_id)
    editor._actor = Actor(officer.id, officer.username, officer.full_name, Role.MENTOR)
    line(editor, "liaison_name").setText("赵敏")
    assert editor.save() is False
    assert messages[0].kind == "warning" and "无权" in messages[0].text
    editor.close()


def test_mentor_can_be_assigned_from_the_editor(qtbot, zh_app, db, officer, member_id) -> None:  # type: ignore[no-untyped-def]
    mentor = make_staff(db, Role.MENTOR, "mentor9", "孙浩")
    editor = open_editor(qtbot, db, officer, member_id)
    editor.mentor_box.setCurrentIndex(editor.mentor_box.findData(mentor.id))
    assert editor.save() is True
    with db.session() as session:
        assert members.get_member(session, member_id).mentor_id == mentor.id
        [assignment] = mentors.assignment_history(session, officer, member_id)
        assert (assignment.mentor_id, assignment.mentor_name, assignment.end_date) == (mentor.id, "孙浩", None)
    # the History tab lists the assignment, by name
    again = open_editor(qtbot, db, officer, member_id)
    row = again.assignments.topLevelItem(0)
    assert (row.text(0), row.text(2)) == ("孙浩", "至今")
    again.close()


def test_a_change_elsewhere_refreshes_the_history_but_keeps_what_was_typed(
    qtbot, zh_app, db, officer, admin, member_id
) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui import ops

    editor = open_editor(qtbot, db, officer, member_id)
    line(editor, "liaison_name").setText("赵敏")  # typed, not saved
    ops.Op(
        None,
        db,
        lambda session: members.update_member(session, admin, member_id, 1, {"postcode": "430015"}),
        changes={ops.MEMBERS},
    ).run()
    top = editor.history.topLevelItem(0)
    assert (top.text(1), top.text(2)) == ("管理员", "修改")
    assert top.child(0).text(3) == "邮政编码：430010 → 430015"
    assert line(editor, "liaison_name").text() == "赵敏"  # nothing typed is lost
    editor.close()
