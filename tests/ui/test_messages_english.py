"""The services' messages in the English window (issue 16): a refusal, a field's validation error,
admission's "documents incomplete", the history's summaries — English, not half of each language;
the Chinese window and the command line keep Chinese."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLineEdit

from desktop_app import messages as catalogue_messages
from desktop_app.core.models import ApplicationStage, Role
from desktop_app.core.security import Actor
from desktop_app.core.services import members
from desktop_app.ui.admission.view import AdmissionView
from desktop_app.ui.register.editor import MemberEditor
from tests.conftest import VALID_USCC
from tests.core.test_admission import create, walk

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@pytest.fixture
def en_app(qapp) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The window speaking English (``membership-office --lang en``)."""
    from desktop_app.ui.app import create_application

    create_application(language="en")
    assert catalogue_messages.language() == catalogue_messages.ENGLISH
    yield qapp
    create_application(language="zh_CN")


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


def test_validation_errors_are_english_under_each_field(qtbot, en_app, db, officer, member_id) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db, officer, member_id)
    line(editor, "postcode").setText("43001")
    line(editor, "uscc").setText("914201001777158767")
    line(editor, "liaison_mobile").setText("12345")
    assert editor.save() is False
    assert editor.wrappers["postcode"].error.text() == (
        'Postcode: "43001" is not a valid postcode (6 digits; Wuhan\'s start with 430)'
    )
    assert editor.wrappers["uscc"].error.text() == (
        'Unified social credit code: wrong check character: position 18 should be "6", not "7"; please check for a'
        " typing error"
    )
    assert editor.wrappers["liaison_mobile"].error.text().startswith('Liaison – Mobile: "12345" is not a valid mobile')
    for key in ("postcode", "uscc", "liaison_mobile"):
        assert not CJK.search(editor.wrappers[key].error.text())
    editor.close()


def test_a_refusal_from_the_service_is_english(qtbot, en_app, db, officer, member_id, messages) -> None:  # type: ignore[no-untyped-def]
    """The role changed after the window opened: the service refuses, in English."""
    editor = open_editor(qtbot, db, officer, member_id)
    editor._actor = Actor(officer.id, officer.username, officer.full_name, Role.MENTOR)
    line(editor, "liaison_name").setText("赵敏")
    assert editor.save() is False
    assert messages[0].kind == "warning"
    assert messages[0].text == 'Your role "Mentor" may not enter and change members\' details.'
    editor.close()


def test_the_same_refusal_is_chinese_in_the_chinese_window(qtbot, zh_app, db, officer, member_id, messages) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db, officer, member_id)
    editor._actor = Actor(officer.id, officer.username, officer.full_name, Role.MENTOR)
    line(editor, "liaison_name").setText("赵敏")
    assert editor.save() is False
    assert messages[0].text == "您的角色“班主任”无权录入和修改会员资料。"
    editor.close()


def test_the_history_reads_in_english(qtbot, en_app, db, officer, member_id) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        members.update_member(session, officer, member_id, 1, {"liaison_name": "赵敏"})
    editor = open_editor(qtbot, db, officer, member_id)
    top = editor.history.topLevelItem(0)
    assert (top.text(2), top.text(3)) == ("Changed", "Member 武汉市江岸区宏达建设工程有限公司 changed")
    assert top.child(0).text(3) == "Liaison – Name: 张丽 → 赵敏"
    entered = editor.history.topLevelItem(1)
    assert (entered.text(2), entered.text(3)) == ("Entered", "Member 武汉市江岸区宏达建设工程有限公司 entered")
    editor.close()


def test_admission_says_which_documents_are_missing_in_english(qtbot, en_app, db, officer, leader) -> None:  # type: ignore[no-untyped-def]
    application_id = create(
        db,
        officer,
        {"name": "武汉市江岸区宏达建设工程有限公司", "uscc": VALID_USCC, "category": "construction_enterprise"},
    )
    walk(db, officer, leader, application_id, ApplicationStage.FORMS_COMPLETED)
    view = AdmissionView(db, officer)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    assert view.select_application(application_id)
    assert not view.panel.advance_button.isEnabled()
    reason = view.panel.reason.text()
    assert reason.startswith("Documents incomplete, still missing: copy of the business licence, ")
    assert "(Article 5, item 2). Please upload the scans or files first." in reason
    assert view.panel.advance_button.toolTip() == reason
    view.close()


def test_the_window_counts_in_english_plurals(en_app) -> None:  # type: ignore[no-untyped-def]
    """Qt's %n forms: "%Ln member(s)" is "1 member" and "3,003 members", not "member(s)"."""
    from PySide6.QtCore import QCoreApplication

    def count(n: int) -> str:
        return QCoreApplication.translate("RegisterView", "%Ln member(s)", "", n)

    assert (count(1), count(3003), count(0)) == ("1 member", "3,003 members", "0 members")
    assert QCoreApplication.translate("X", "%n address(es)", "", 2) == "2 addresses"
    assert QCoreApplication.translate("MainWindow", "Member register") == "Member register"  # left alone


def test_chinese_counts_keep_their_own_forms(zh_app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("RegisterView", "%Ln member(s)", "", 3003) == "共 3,003 个会员"


def test_the_import_wizard_gives_its_reasons_in_english(en_app, db, officer, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.register.import_wizard import outcome_detail
    from tests.core.test_importing import run, uscc, workbook

    path = workbook(
        tmp_path,
        [
            ["武汉建筑业协会会员名册"],
            ["单位名称", "信用代码", "联系人", "手机", "入会时间"],
            ["武汉宏达建设工程有限公司", uscc("MA4K00001")[:17] + "0", "张丽", "13871234567", "2020.10.27"],
            ["武汉顺达建设工程有限公司", uscc("MA4K00002"), "张丽", "13871234567", "2020.10.27"],
        ],
    )
    plan = run(db, officer, path, dry_run=True)
    rejected, accepted = plan.outcomes
    assert rejected.reason.startswith("第 3 行 B 列（信用代码）：校验码错误")  # stored and exported: Chinese
    detail = outcome_detail(rejected)
    assert detail.startswith('Row 3, column B (信用代码): wrong check character: position 18 should be "')
    assert "Unified social credit code" not in detail  # the column's heading names the field once
    remarks = outcome_detail(accepted)
    assert "The member number will be given automatically" in remarks and not CJK.search(remarks)
