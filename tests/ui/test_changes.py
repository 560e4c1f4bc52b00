"""Every area hears what changed (issue 11): a change made in one area, or — after F5 — on another
workstation, shows in the others without wiring them to each other by hand."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from desktop_app.core.models import Role
from desktop_app.core.services import accounts, admission, members
from desktop_app.core.services.members import MemberFilter
from desktop_app.demo import DEMO_PASSWORD
from desktop_app.ui import ops
from desktop_app.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_db, demo_actor):  # type: ignore[no-untyped-def]
    widget = MainWindow(demo_db, demo_actor)
    qtbot.addWidget(widget)
    widget.show()
    register = widget.show_area("register")  # issue 17: the window opens on the workbench
    qtbot.waitUntil(register.model.is_complete, timeout=10000)
    yield widget
    widget.close()


def refresh_action(window: MainWindow) -> QAction:
    action = window.findChild(QAction, "refresh")
    assert action is not None
    return action


def test_f5_reads_everything_again(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    action = refresh_action(window)
    assert action.shortcut() == QKeySequence(Qt.Key.Key_F5)
    assert action.text() == "刷新(&R)"
    heard: list[frozenset[str]] = []
    ops.changes().changed.connect(heard.append)
    action.trigger()
    ops.changes().changed.disconnect(heard.append)
    assert heard == [ops.EVERYTHING]


def test_f5_shows_what_another_workstation_did(qtbot, window, demo_db) -> None:  # type: ignore[no-untyped-def]
    register = window.areas["register"]
    before = register.model.rowCount()
    admission_view = window.show_area("admission")
    open_before = admission_view.model.rowCount()
    with demo_db.session() as session:  # another workstation: nothing announced here
        other = accounts.sign_in(session, "admin", DEMO_PASSWORD)
        accounts.create_staff(
            session,
            other,
            {"username": "officer9", "full_name": "周会籍", "role": Role.MEMBERSHIP_OFFICER},
            "pass-word-9",
        )
        admission.create_application(
            session,
            other,
            {
                "name": "武汉市另一工作站建设有限公司",
                "uscc": "91420102MA4K0F5X0C",
                "category": "construction_enterprise",
                "liaison_name": "张丽",
            },
        )
        member = members.member_record(session, members.search_member_ids(session, MemberFilter())[0])
        members.update_member(session, other, member.id, member.version, {"liaison_name": "钱多多"})
    assert admission_view.model.rowCount() == open_before
    refresh_action(window).trigger()
    assert admission_view.model.rowCount() == open_before + 1  # the area shown: at once
    assert admission_view.staff_box.findText("周会籍") >= 0
    # the register (hidden meanwhile) reads again when it is shown; its rows stay where they were
    window.show_area("register")
    qtbot.waitUntil(register.model.is_complete, timeout=10000)
    assert register.model.rowCount() == before
    assert register.model.index(0, 7).data() == "钱多多"


def test_a_member_saved_in_the_editor_shows_in_the_register_and_the_documents_area(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    register = window.areas["register"]
    documents = window.areas["documents"]  # built, not shown
    register.table.selectRow(5)
    member_id = register.model.member_id(5)
    number = register.model.index(5, 0).data()
    documents.search.setText(number)
    documents.add_member_ids([member_id])
    assert documents.results.count() == 1
    editor = register.open_member(member_id)
    editor.fields["name"].setText("武汉市改名后建设集团有限公司")
    assert editor.save() is True
    qtbot.waitUntil(register.model.is_complete, timeout=10000)
    # the register: the same rows, the same member selected, its new name
    assert register.model.member_id(5) == member_id
    assert register.table.currentIndex().row() == 5
    assert register.model.index(5, 1).data() == "武汉市改名后建设集团有限公司"
    # the documents area reads again when it is shown: its search and the member chosen
    assert documents.chosen.item(0).text() != f"武汉市改名后建设集团有限公司（{number}）"
    window.show_area("documents")
    assert documents.results.item(0).text() == f"武汉市改名后建设集团有限公司（{number}）"
    assert documents.chosen.item(0).text() == f"武汉市改名后建设集团有限公司（{number}）"


def test_a_new_member_keeps_the_selection_in_the_register(qtbot, window, demo_db, demo_actor, member_values) -> None:  # type: ignore[no-untyped-def]
    register = window.areas["register"]
    count = register.model.rowCount()
    register.table.selectRow(10)
    member_id = register.model.member_id(10)
    ops.Op(
        window,
        demo_db,
        lambda session: members.create_member(
            session, demo_actor, {**member_values, "name": "武汉新会员建设有限公司", "uscc": "91420102MA4K0N3W0J"}
        ),
        changes={ops.MEMBERS},
    ).run()
    qtbot.waitUntil(lambda: register.model.is_complete() and register.model.rowCount() == count + 1, timeout=10000)
    assert register.count_label.text() == f"共 {count + 1} 个会员"
    assert register.model.member_id(register.table.currentIndex().row()) == member_id


def test_a_mentor_account_appears_in_the_register_filter(qtbot, window, demo_db) -> None:  # type: ignore[no-untyped-def]
    register = window.areas["register"]
    register.mentor_box.setCurrentIndex(register.mentor_box.findData(0))  # "no mentor": kept
    with demo_db.session() as session:
        admin = accounts.sign_in(session, "admin", DEMO_PASSWORD)
    ops.Op(
        window,
        demo_db,
        lambda session: accounts.create_staff(
            session, admin, {"username": "mentor77", "full_name": "孙浩", "role": Role.MENTOR}, "pass-word-77"
        ),
        changes={ops.STAFF},
    ).run()
    assert register.mentor_box.findText("孙浩") >= 0
    assert register.mentor_box.currentData() == 0
