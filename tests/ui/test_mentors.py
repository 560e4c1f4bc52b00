"""The area 班主任工作 in the window (issue 12): allocating with the suggestions, by button and by
dragging onto a mentor, a reassignment asking its reason; a mentor's members with the contact log,
the WeChat group and a handover form filed, printed, applied or refused as stale by the office;
circulation and news; nominations decided and exported; who sees which buttons."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert, select

from desktop_app.core.models import HandoverStatus, Member, MentorAssignment, NominationDecision, Role, WeChatStatus
from desktop_app.core.services import members, mentors
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.mentors.allocation import AllocationView, AssignDialog, HandOverDialog
from desktop_app.ui.mentors.circulation import CirculationView
from desktop_app.ui.mentors.common import ReasonDialog, member_ids_of
from desktop_app.ui.mentors.dialogs import (
    CirculationDialog,
    ContactDialog,
    DecisionDialog,
    HandoverFormDialog,
    NominationDialog,
    OutcomeDialog,
    WeChatDialog,
)
from desktop_app.ui.mentors.forms import FormsView
from desktop_app.ui.mentors.nominations import NominationsView
from desktop_app.ui.mentors.view import MentorsView
from desktop_app.ui.mentors.work import MentorWorkView
from desktop_app.ui.preview import PdfPreviewDialog
from tests.conftest import make_staff
from tests.core.test_mentors import add_member


@pytest.fixture
def office(db, admin, officer, mentor, member_values):  # type: ignore[no-untyped-def]
    """Two mentors; three members of 陈晓燕 (decoration), two waiting for a mentor."""
    second = make_staff(db, Role.MENTOR, "mentor2", "刘建华")
    mine = [
        add_member(db, officer, member_values, mentor_id=mentor.id, main_business="建筑装修装饰", liaison_name=name)
        for name in ("张丽", "王静", "李娜")
    ]
    waiting = [
        add_member(db, officer, member_values, main_business="幕墙工程"),
        add_member(db, officer, member_values, main_business="房屋建筑工程施工"),
    ]
    return {"second": second, "mine": mine, "waiting": waiting}


def shown(qtbot, widget):  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(1190, 760)
    widget.show()
    return widget


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def ok(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))


def select_members(view: AllocationView, ids: list[int]) -> None:
    selection = view.members.selectionModel()
    selection.clearSelection()
    for row, line in enumerate(view.member_model.rows):
        if line.member.member_id in ids:
            selection.select(
                view.member_model.index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows
            )


def mentor_of(db, member_id):  # type: ignore[no-untyped-def]
    with db.session() as session:
        return members.get_member(session, member_id).mentor_id


# --- allocation -----------------------------------------------------------------------------------------


def test_allocation_assigns_the_suggestions_and_asks_the_reason_of_a_change(
    qtbot, qtmodeltester, zh_app, db, officer, mentor, office, messages
) -> None:  # type: ignore[no-untyped-def]
    view = shown(qtbot, AllocationView(db, officer))
    qtmodeltester.check(view.member_model)
    qtmodeltester.check(view.mentor_model)
    # unassigned first, each with a suggestion; the counts of all that match
    assert {line.member.member_id for line in view.member_model.rows[:2]} == set(office["waiting"])
    curtain_wall = next(line for line in view.member_model.rows if line.member.member_id == office["waiting"][0])
    assert curtain_wall.suggestion.mentor_name == "陈晓燕"  # already serves 建筑业企业·装饰幕墙
    assert view.count_label.text() == "共 5 个会员，其中 2 个未分配班主任"
    root = view.groups.topLevelItem(0)
    assert (root.text(1), root.text(2)) == ("5", "2")
    select_members(view, office["waiting"])
    click(qtbot, view.suggested_button)
    assert mentor_of(db, office["waiting"][0]) == mentor.id
    assert mentor_of(db, office["waiting"][1]) is not None
    assert view.count_label.text() == "共 5 个会员，其中 0 个未分配班主任"  # the change was announced
    assert "已分配 2 个会员" in view.status.text()
    # a change of mentor asks the reason; without one it is refused under the form
    select_members(view, office["mine"][:1])
    view.mentor_table.selectRow(
        next(i for i, m in enumerate(view.mentor_model.rows) if m.mentor_id == office["second"].id)
    )
    click(qtbot, view.to_mentor_button)
    dialog = view.dialog
    assert isinstance(dialog, ReasonDialog) and dialog.isVisible()
    ok(qtbot, dialog)
    assert dialog.isVisible() and "须说明原因" in dialog.error.text()
    dialog.reason.setPlainText("按主营业务调整")
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert mentor_of(db, office["mine"][0]) == office["second"].id
    with db.session() as session:
        history = mentors.assignment_history(session, officer, office["mine"][0])
    assert history[1].end_reason == "按主营业务调整" and history[0].mentor_name == "刘建华"


def test_members_dropped_on_a_mentor_are_assigned(qtbot, zh_app, db, officer, mentor, office, messages) -> None:  # type: ignore[no-untyped-def]
    view = shown(qtbot, AllocationView(db, officer))
    rows = [i for i, line in enumerate(view.member_model.rows) if line.member.mentor_id is None]
    mime = view.member_model.mimeData([view.member_model.index(r, 0) for r in rows])
    assert sorted(member_ids_of(mime)) == sorted(office["waiting"])
    target = next(i for i, m in enumerate(view.mentor_model.rows) if m.mentor_id == office["second"].id)
    table = view.mentor_table
    position = table.visualRect(view.mentor_model.index(target, 0)).center()
    event = QDropEvent(
        QPointF(position), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    table.dropEvent(event)
    assert all(mentor_of(db, i) == office["second"].id for i in office["waiting"])
    # an inactive mentor (or no mentor under the pointer) takes nothing
    assert table._mentor_at(QPoint(5, table.viewport().height() - 2)) is None


def test_assign_dialog_and_handing_over_a_leaving_mentors_members(
    qtbot, zh_app, db, admin, officer, mentor, office, messages
) -> None:  # type: ignore[no-untyped-def]
    view = shown(qtbot, AllocationView(db, officer))
    select_members(view, office["waiting"][:1])
    click(qtbot, view.assign_button)
    dialog = view.dialog
    assert isinstance(dialog, AssignDialog)
    dialog.mentor.setCurrentIndex(dialog.mentor.findData(office["second"].id))
    ok(qtbot, dialog)
    assert mentor_of(db, office["waiting"][0]) == office["second"].id
    view.mentor_table.selectRow(next(i for i, m in enumerate(view.mentor_model.rows) if m.mentor_id == mentor.id))
    click(qtbot, view.hand_over_button)
    dialog = view.dialog
    assert isinstance(dialog, HandOverDialog)
    dialog.reason.setPlainText("调离秘书处")
    messages.answer = True  # "move all … now?"
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert all(mentor_of(db, i) == office["second"].id for i in office["mine"])
    load = next(m for m in view.mentor_model.rows if m.mentor_id == mentor.id)
    assert load.total == 0 and not view.hand_over_button.isEnabled()


def test_the_resident_leader_reads_the_allocation(qtbot, zh_app, db, leader, office) -> None:  # type: ignore[no-untyped-def]
    view = shown(qtbot, AllocationView(db, leader))
    assert len(view.member_model.rows) == 5
    for button in (
        view.suggested_button,
        view.assign_button,
        view.kind_button,
        view.to_mentor_button,
        view.hand_over_button,
    ):
        assert not button.isVisible()
    assert not view.member_model.flags(view.member_model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert view.show_members_button.isVisible()


# --- a mentor's members ------------------------------------------------------------------------------------


def test_a_mentor_logs_a_contact_and_the_wechat_group(
    qtbot, qtmodeltester, zh_app, db, mentor, office, messages
) -> None:  # type: ignore[no-untyped-def]
    view = shown(qtbot, MentorWorkView(db, mentor))
    assert sorted(r.member_id for r in view.member_model.rows) == sorted(office["mine"])  # its own only
    assert not view.mentor_box.isVisible()
    qtmodeltester.check(view.member_model)
    assert view.lists.tabText(3) == "未入微信群（6）"
    view.tabs.setCurrentIndex(1)  # 联系记录
    click(qtbot, view.log_button)
    dialog = view.dialog
    assert isinstance(dialog, ContactDialog) and dialog.person.text() == view._liaison
    dialog.follow_up.setPlainText("落实培训名额")
    assert dialog.due.value() == db.clock.today() + dt.timedelta(days=14)  # the setting's default
    ok(qtbot, dialog)
    assert "了解到的情况：不能为空" in dialog.error.text() and dialog.isVisible()
    dialog.learnt.setPlainText("企业计划申报一级资质")
    dialog.channel.setCurrentIndex(dialog.channel.findData("phone"))
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert [r.learnt for r in view.contact_model.rows] == ["企业计划申报一级资质"]
    qtmodeltester.check(view.contact_model)
    # the WeChat group: the liaison joined
    view.tabs.setCurrentIndex(0)  # 班级微信群
    liaison = next(i for i, r in enumerate(view.wechat_model.rows) if r.person.value == "liaison")
    view.wechat_table.selectRow(liaison)
    click(qtbot, view.joined_button)
    dialog = view.dialog
    assert isinstance(dialog, WeChatDialog)
    ok(qtbot, dialog)
    assert view.wechat_model.rows[liaison].status == WeChatStatus.JOINED
    assert view.lists.tabText(3) == "未入微信群（5）"
    # the follow-up, done
    view.tabs.setCurrentIndex(1)
    view.contact_table.selectRow(0)
    click(qtbot, view.done_button)
    view.dialog.result.setPlainText("已报名 3 人")
    ok(qtbot, view.dialog)
    assert view.contact_model.rows[0].follow_up_done_on == db.clock.today()


def test_the_office_chooses_a_mentor(qtbot, zh_app, db, officer, mentor, office) -> None:  # type: ignore[no-untyped-def]
    view = shown(qtbot, MentorWorkView(db, officer))
    assert view.mentor_box.isVisible()
    labels = [view.mentor_box.itemText(i) for i in range(view.mentor_box.count())]
    assert labels == ["陈晓燕（3 个会员）", "刘建华（0 个会员）"]  # pinyin order, chen before liu (issue 16)
    view.select_mentor(mentor.id)
    assert len(view.member_model.rows) == 3


def test_handover_form_filed_printed_and_applied(qtbot, zh_app, db, officer, mentor, office, messages) -> None:  # type: ignore[no-untyped-def]
    work = shown(qtbot, MentorWorkView(db, mentor))
    member_id = work.member_id
    work.tabs.setCurrentIndex(2)  # 交接通知单
    click(qtbot, work.file_button)
    dialog = work.dialog
    assert isinstance(dialog, HandoverFormDialog)
    dialog.set_new_value("liaison_mobile", "12345")
    dialog.set_new_value("postcode", "43001")
    ok(qtbot, dialog)
    assert "联络员手机" in dialog.error.text() and "邮政编码" in dialog.error.text() and dialog.isVisible()
    marked = [
        dialog.items.item(row, 0).text()
        for row in range(dialog.items.rowCount())
        if dialog.items.item(row, 2).toolTip()
    ]
    assert marked == ["邮政编码", "联络员手机"]
    dialog.set_new_value("liaison_mobile", "13907123456")
    dialog.set_new_value("postcode", "")
    dialog.reported_on.setDate(dialog.form_date.date().addDays(1))
    ok(qtbot, dialog)
    assert "不能晚于" in dialog.error.text()
    dialog.reported_on.setDate(dialog.form_date.date().addDays(-2))
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    form = work.form_model.rows[0]
    assert form.status == HandoverStatus.PENDING and [c.new for c in form.changes] == ["13907123456"]
    # printed as filed
    work.form_table.selectRow(0)
    click(qtbot, work.print_button)
    preview = work.dialog
    assert isinstance(preview, PdfPreviewDialog)
    preview.close()
    # the office applies it
    forms = shown(qtbot, FormsView(db, officer))
    assert [f.id for f in forms.model.rows] == [form.id]
    messages.answer = True
    click(qtbot, forms.apply_button)
    assert mentor_member_mobile(db, member_id) == "13907123456"
    assert forms.model.rows == []  # no longer pending
    forms.status_box.setCurrentIndex(forms.status_box.findData(None))
    assert forms.model.rows[0].status == HandoverStatus.APPLIED
    QApplication.processEvents()


def mentor_member_mobile(db, member_id):  # type: ignore[no-untyped-def]
    with db.session() as session:
        return members.get_member(session, member_id).liaison_mobile


def test_a_stale_form_cannot_be_applied_and_is_rejected(qtbot, zh_app, db, officer, mentor, office, messages) -> None:  # type: ignore[no-untyped-def]
    member_id = office["mine"][0]
    with db.session() as session:
        form = mentors.file_handover_form(
            session, mentor, member_id, {"联络员手机": "13907123456"}, reported_on="2026-11-20"
        )
        member = members.get_member(session, member_id)
        members.update_member(session, officer, member_id, member.version, {"liaison_mobile": "13900000000"})
    view = shown(qtbot, FormsView(db, officer))
    assert view.model.rows[0].id == form.id and view.model.rows[0].differences
    assert not view.apply_button.isEnabled() and view.detail.stale.isVisible()
    assert view.detail.model.rows[0][1].now == "13900000000"
    view.apply()  # even called directly, the service refuses it with the differences
    assert mentor_member_mobile(db, member_id) == "13900000000"
    click(qtbot, view.reject_button)
    dialog = view.dialog
    assert isinstance(dialog, ReasonDialog)
    dialog.reason.setPlainText("资料已变，请按现有资料重填")
    ok(qtbot, dialog)
    with db.session() as session:
        assert mentors.get_form(session, officer, form.id).status == HandoverStatus.REJECTED


# --- circulation, news, nominations -------------------------------------------------------------------------


def test_circulation_and_news(qtbot, zh_app, db, officer, mentor, office, messages) -> None:  # type: ignore[no-untyped-def]
    view = shown(qtbot, CirculationView(db, mentor))
    assert not view.outcome_button.isVisible()  # the secretariat records outcomes
    click(qtbot, view.circulate_button)
    dialog = view.dialog
    assert isinstance(dialog, CirculationDialog) and len(dialog.chosen()) == 3
    dialog.title_edit.setText("关于开展会员信用评价的通知")
    dialog.members.item(2).setCheckState(Qt.CheckState.Unchecked)
    ok(qtbot, dialog)
    assert view.circulation_model.rows[0].recipients == 2
    click(qtbot, view.news_button)
    dialog = view.dialog
    dialog.title_edit.setText("企业获评楚天杯")
    ok(qtbot, dialog)
    assert view.news_model.rows[0].title == "企业获评楚天杯"
    office_view = shown(qtbot, CirculationView(db, officer))
    office_view.news_table.selectRow(0)
    click(qtbot, office_view.outcome_button)
    dialog = office_view.dialog
    assert isinstance(dialog, OutcomeDialog)
    dialog.note.setText("协会网站")
    ok(qtbot, dialog)
    assert office_view.news_model.rows[0].outcome_note == "协会网站"


def test_nominations_decided_and_exported(qtbot, zh_app, db, officer, mentor, office, messages, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mine = shown(qtbot, NominationsView(db, mentor))
    assert not mine.approve_button.isVisible()
    click(qtbot, mine.nominate_button)
    dialog = mine.dialog
    assert isinstance(dialog, NominationDialog) and dialog.period.currentData() == "2026H2"
    ok(qtbot, dialog)
    assert "推荐理由：不能为空" in dialog.error.text()
    dialog.reason.setPlainText("积极报送企业宣传材料")
    ok(qtbot, dialog)
    assert not dialog.isVisible() and len(mine.model.rows) == 1
    view = shown(qtbot, NominationsView(db, officer))
    view.table.selectRow(0)
    click(qtbot, view.approve_button)
    assert isinstance(view.dialog, DecisionDialog)
    ok(qtbot, view.dialog)
    assert view.model.rows[0].decision == NominationDecision.APPROVED
    view.save_path = tmp_path / "名单.xlsx"
    assert view.export() == view.save_path
    rows = list(load_workbook(view.save_path).active.iter_rows(values_only=True))
    assert rows[0][0] == "武汉建筑业协会2026年下半年优秀通联员推荐名单"
    assert messages[-1].text.startswith("已把 1 条推荐写入")


# --- the area ------------------------------------------------------------------------------------------------


def test_the_area_by_role(qtbot, zh_app, db, admin, officer, mentor, leader, office) -> None:  # type: ignore[no-untyped-def]
    for actor, tabs in (
        (officer, ["allocation", "work", "forms", "circulation", "nominations"]),
        (mentor, ["work", "forms", "circulation", "nominations"]),
        (leader, ["allocation", "work", "forms", "circulation", "nominations"]),
    ):
        window = MainWindow(db, actor)
        qtbot.addWidget(window)
        assert "mentors" in window.areas
        area = window.show_area("mentors")
        assert isinstance(area, MentorsView) and area.keys() == tabs
        titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
        assert "班主任工作" in titles
        assert area.tabs.tabText(0) == ("我的会员" if actor is mentor else "班主任分配")
        for key in tabs:
            assert area.show_tab(key).isVisibleTo(area)
        window.close()


# --- the "done when", on the demo database ---------------------------------------------------------


def test_done_when_on_the_demo_database(qtbot, zh_app, demo_db, messages, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A newcomer as mentor01 logs a visit, files a handover form and prints it, nominates a liaison;
    as the officer allocates the waiting members with the suggestions and applies the form; the
    stale form, the one-mentor rule and a mentor's limits stop them where the regulation does."""
    from desktop_app.core.services import accounts
    from desktop_app.demo import DEMO_PASSWORD
    from desktop_app.errors import PermissionDenied

    db = demo_db
    with db.session() as session:
        mentor = accounts.sign_in(session, "mentor01", DEMO_PASSWORD)
        officer = accounts.sign_in(session, "officer", DEMO_PASSWORD)
    window = MainWindow(db, mentor)
    qtbot.addWidget(window)
    window.show()  # a hidden view refreshes only when shown again (ops.listen)
    area = window.show_area("mentors")
    work = area.tab("work")
    assert isinstance(work, MentorWorkView) and work.lists.tabText(1).startswith("逾期跟进（")
    # a visit
    work.tabs.setCurrentIndex(1)
    dialog = work.log_contact()
    dialog.channel.setCurrentIndex(dialog.channel.findData("visit"))
    dialog.learnt.setPlainText("走访企业，了解到企业正在申报一级资质")
    ok(qtbot, dialog)
    assert not dialog.isVisible(), dialog.error.text()
    assert work.contact_model.rows[0].learnt == "走访企业，了解到企业正在申报一级资质"
    # a handover form, printed
    member_id = work.member_id
    work.tabs.setCurrentIndex(2)
    dialog = work.file_form()
    dialog.set_new_value("liaison_email", "zhangli@hongda.com")
    ok(qtbot, dialog)
    form_id = work.form_model.rows[0].id
    work.form_table.selectRow(0)
    preview = work.print_form()
    assert isinstance(preview, PdfPreviewDialog)
    preview.close()
    # a nomination (a member not yet nominated this half year)
    with db.session() as session:
        nominated = {n.member_id for n in mentors.nominations(session, mentor, period="2026H2")}
    candidate = next(r for r in work.member_model.rows if r.member_id not in nominated and r.liaison_name)
    dialog = work.nominate()
    dialog.member.setCurrentIndex(dialog.member.findData(candidate.member_id))
    dialog.reason.setPlainText("积极报送企业宣传材料")
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    # a mentor's limits: another mentor's member is refused by the service itself
    with db.session() as session:
        other = session.scalar(
            select(Member.id).where(Member.mentor_id.is_not(None), Member.mentor_id != mentor.id).limit(1)
        )
        with pytest.raises(PermissionDenied):
            mentors.file_handover_form(session, mentor, other, {"联络员": "王五"}, reported_on="2026-11-20")
    window.close()

    # the office: allocate the waiting members with the suggestions, apply the form
    window = MainWindow(db, officer)
    qtbot.addWidget(window)
    window.show()
    area = window.show_area("mentors")
    allocation = area.tab("allocation")
    allocation.unassigned_only.setChecked(True)
    assert allocation.member_model.rows and all(line.suggestion for line in allocation.member_model.rows)
    allocation.members.selectAll()
    allocation.assign_suggested()
    assert allocation.member_model.rows == [] and allocation.count_label.text().endswith("其中 0 个未分配班主任")
    forms = area.show_tab("forms")
    assert forms.select_form(form_id)
    messages.answer = True
    forms.apply()
    with db.session() as session:
        assert members.get_member(session, member_id).liaison_email == "zhangli@hongda.com"
    stale = next(f for f in forms.model.rows if f.differences)  # the demo's stale form
    assert forms.select_form(stale.id) and not forms.apply_button.isEnabled()
    # the one-mentor rule in the database: a second open assignment is refused
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        connection.execute(
            insert(MentorAssignment).values(member_id=member_id, mentor_id=officer.id, start_date=dt.date(2026, 11, 26))
        )
    window.close()


def test_many_members_are_allocated_in_a_worker_with_progress(
    qtbot, zh_app, db, officer, mentor, office, messages, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Hundreds of members (here: the threshold lowered) go through the worker and its progress."""
    from desktop_app.ui import ops
    from desktop_app.ui.mentors import common

    monkeypatch.setattr(common, "BACKGROUND_AFTER", 0)
    view = shown(qtbot, AllocationView(db, officer))
    select_members(view, office["waiting"])
    view.assign_suggested()
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    assert all(mentor_of(db, i) is not None for i in office["waiting"])
    # a change of mentor in the worker too, after its reason
    view.mentor_table.selectRow(next(i for i, m in enumerate(view.mentor_model.rows) if m.mentor_id == mentor.id))
    click(qtbot, view.hand_over_button)
    dialog = view.dialog
    dialog.reason.setPlainText("调离秘书处")
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    assert all(mentor_of(db, i) == office["second"].id for i in office["mine"])
    assert "更换班主任 5 个" in view.status.text()  # its three and the two it was just given
