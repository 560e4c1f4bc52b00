"""Issue 16 (B) in the admission area: the new application highlighted, guards on the dialogs,
the right reason on a disabled action, the dues step pre-filled with what is owed."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from desktop_app.core.models import ApplicationStage
from desktop_app.core.services import admission, dues
from desktop_app.ui.admission.dialogs import StepDialog
from tests.conftest import VALID_USCC
from tests.core.test_admission import create, uscc, walk
from tests.ui.test_admission_view import APPLICANT, click, open_view


def test_a_new_application_is_the_one_highlighted(qtbot, zh_app, db, officer, messages) -> None:  # type: ignore[no-untyped-def]
    for n in range(1, 9):
        create(db, officer, {**APPLICANT, "name": f"武汉第{n}建设有限公司", "uscc": uscc(f"MA4K0000{n}")})
    view = open_view(qtbot, db, officer)
    view.select_application(view.model.rows[1].id)  # the clerk was looking at another one
    click(qtbot, view.new_button)
    dialog = view.dialog
    dialog.fields["name"].setText("武汉第九建设有限公司")
    dialog.fields["uscc"].setText(VALID_USCC)
    dialog.fields["address"].setText("武汉市江岸区解放大道1399号")
    dialog.fields["postcode"].setText("430010")
    dialog.fields["liaison_name"].setText("张丽")
    dialog.fields["liaison_mobile"].setText("13871234567")
    assert dialog.save() is True
    qtbot.wait(400)  # the search box's pause, if any, has passed
    current = view.table.currentIndex()
    assert current.isValid()
    highlighted = view.model.rows[current.row()]
    assert highlighted.application_number == "SQ20260009"
    assert view.panel.application_id == highlighted.id
    assert [index.row() for index in view.table.selectionModel().selectedRows()] == [current.row()]
    view.close()


def test_cancelling_a_typed_application_asks_first(qtbot, zh_app, db, officer, messages) -> None:  # type: ignore[no-untyped-def]
    view = open_view(qtbot, db, officer)
    click(qtbot, view.new_button)
    dialog = view.dialog
    dialog.fields["name"].setText("武汉第九建设有限公司")
    messages.answer = False
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and messages[-1].kind == "question"
    messages.answer = True
    dialog.reject()
    assert not dialog.isVisible()
    view.close()


def test_dues_step_proposes_what_is_owed(qtbot, zh_app, db, officer, leader, messages) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, APPLICANT)
    walk(db, officer, leader, application_id, ApplicationStage.APPROVED)
    with db.session() as session:
        owed = dues.admission_dues(session, admission.get_application(session, application_id), db.clock.today()).owed
    dialog = StepDialog(db, officer, application_id)
    qtbot.addWidget(dialog)
    assert dialog.stage == ApplicationStage.DUES_PAID
    assert Decimal(dialog.fields["dues_amount"].text()) == owed
    dialog.close()


def test_a_mentor_is_told_why_for_the_action_in_front_of_it(qtbot, zh_app, db, officer, mentor, leader) -> None:  # type: ignore[no-untyped-def]
    """A mentor looking at an application waiting for the office's review is told that the initial
    review is the office's, not that it may not receive applications."""
    application_id = create(db, officer, APPLICANT)
    walk(db, officer, leader, application_id, ApplicationStage.DOCUMENTS_SUBMITTED)
    view = open_view(qtbot, db, mentor)
    view.select_application(application_id)
    button = view.panel.advance_button
    assert not button.isEnabled()
    reason = view.panel.reason.text() + button.toolTip()
    assert "受理入会申请" not in reason
    assert "初审" in reason
    view.close()


def test_every_disabled_panel_action_says_why_for_that_action(qtbot, zh_app, db, officer, mentor, leader) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, APPLICANT)
    walk(db, officer, leader, application_id, ApplicationStage.DOCUMENTS_SUBMITTED)
    for actor in (mentor, leader):
        view = open_view(qtbot, db, actor)
        view.select_application(application_id)
        panel = view.panel
        buttons = (
            panel.advance_button,
            panel.send_back_button,
            panel.decline_button,
            panel.abandon_button,
            panel.edit_button,
            panel.application_form_button,
            panel.filing_form_button,
        )
        for button in buttons:
            if button.isVisible() and not button.isEnabled():
                assert button.toolTip(), button.text()
        assert "修改入会申请" in panel.edit_button.toolTip()
        assert "受理" not in panel.edit_button.toolTip()
        view.close()
