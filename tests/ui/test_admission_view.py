"""The admission queue in the window: the whole path clicked through with the real buttons, the
role gates with their reasons, entry checks, send-back and decline, filters, attachments, print."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QPlainTextEdit

from desktop_app.core.models import ApplicationStage, ApplicationStatus, DocumentKind, MemberStatus, Role
from desktop_app.core.services import admission, members
from desktop_app.core.services.members import MemberFilter
from desktop_app.ui.admission.dialogs import ApplicationDialog, ReasonDialog, StepDialog
from desktop_app.ui.admission.print_queue import PrintQueueDialog
from desktop_app.ui.admission.view import AdmissionView, QueueModel
from desktop_app.ui.main_window import AREAS
from desktop_app.ui.preview import ImageView
from tests.conftest import VALID_USCC, make_staff
from tests.core.test_admission import create, uscc, walk

APPLICANT = {
    "name": "武汉市江岸区宏达建设工程有限公司",
    "uscc": VALID_USCC,
    "category": "construction_enterprise",
    "address": "武汉市江岸区解放大道1399号",
    "postcode": "430010",
    "liaison_name": "张丽",
    "liaison_mobile": "13871234567",
}


def open_view(qtbot, db, actor) -> AdmissionView:  # type: ignore[no-untyped-def]
    view = AdmissionView(db, actor)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    return view


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def step_dialog(qtbot, view: AdmissionView) -> StepDialog:  # type: ignore[no-untyped-def]
    click(qtbot, view.panel.advance_button)
    dialog = view.panel.dialog
    assert isinstance(dialog, StepDialog) and dialog.isVisible()
    return dialog


def fill(dialog, **values) -> None:  # type: ignore[no-untyped-def]
    for key, value in values.items():
        widget = dialog.fields[key]
        if isinstance(widget, QLineEdit):
            widget.setText(value)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(value)
        else:
            widget.setCurrentIndex(widget.findData(value))


def take(qtbot, view: AdmissionView, **values) -> None:  # type: ignore[no-untyped-def]
    dialog = step_dialog(qtbot, view)
    fill(dialog, **values)
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible(), dialog.banner.text() + str({k: w.error.text() for k, w in dialog.wrappers.items()})


def stage(db, application_id: int) -> ApplicationStage:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return admission.get_application(session, application_id).stage


@pytest.fixture
def files(tmp_path: Path) -> dict[DocumentKind, Path]:
    out = {}
    from desktop_app.demo.admission import demo_pdf, demo_png

    jpeg = QImage(40, 30, QImage.Format.Format_RGB32)
    jpeg.fill(0x336699)
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    jpeg.save(buffer, "JPEG")
    for kind, (name, content) in {
        DocumentKind.BUSINESS_LICENCE: ("营业执照.png", demo_png()),
        DocumentKind.QUALIFICATION_CERTIFICATE: ("资质证书.pdf", demo_pdf("Qualification")),
        DocumentKind.PROFILE: ("单位简介.pdf", demo_pdf("Profile")),
        DocumentKind.BROCHURE: ("画册封面.jpg", bytes(buffer.data())),
    }.items():
        path = tmp_path / name
        path.write_bytes(content)
        out[kind] = path
    return out


def select_checklist_item(view: AdmissionView, kind: DocumentKind) -> None:
    tree = view.panel.checklist
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        if item.data(0, Qt.ItemDataRole.UserRole) == ("kind", kind.value):
            tree.setCurrentItem(item)
            return
    raise AssertionError(kind)


# --- the whole path -------------------------------------------------------------------------------


def test_whole_path_through_the_window(qtbot, zh_app, db, officer, leader, messages, files, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = open_view(qtbot, db, officer)
    assert view.count_label.text() == "共 0 份申请"

    # 1. received and briefed
    click(qtbot, view.new_button)
    dialog = view.dialog
    assert isinstance(dialog, ApplicationDialog) and dialog.windowTitle() == "受理入会申请"
    for key, value in APPLICANT.items():
        if key != "category":
            dialog.fields[key].setText(value)
    dialog.briefing.setPlainText("介绍了协会职能和会员的权利义务")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert view.model.rowCount() == 1
    application_id = view.panel.application_id
    assert application_id is not None
    assert view.model.index(0, 2).data() == "等待来会考察"
    assert view.stages.item(1).text() == "等待来会考察 (1)"
    assert view.panel.advance_button.text() == "登记来会考察…"

    # 2. the visit
    take(qtbot, view, visit_leader_name="王建国", visit_leader_rank="董事长", visit_note="座谈交流")
    assert stage(db, application_id) == ApplicationStage.VISITED
    assert view.panel.steps.topLevelItem(1).text(4).startswith("2026-11-26 王建国（董事长）")

    # 3. the forms, printed pre-filled first
    click(qtbot, view.panel.application_form_button)
    preview = view.panel.dialog
    assert preview.document.pageCount() == 1 and "入会申请表" in preview.windowTitle()
    preview.close()
    dialog = step_dialog(qtbot, view)
    click(qtbot, dialog.ok_button)  # nothing ticked: refused inline
    assert dialog.isVisible() and dialog.wrappers["application_form"].error.text() == "入会申请表：尚未填写"
    fill(dialog, application_form=True, filing_form=True)
    click(qtbot, dialog.ok_button)
    assert stage(db, application_id) == ApplicationStage.FORMS_COMPLETED

    # 4. documents: the step is refused, with the reason, until the checklist is complete
    assert not view.panel.advance_button.isEnabled()
    assert "资料不全" in view.panel.reason.text() and "营业执照复印件" in view.panel.reason.text()
    view.panel.tabs.setCurrentIndex(1)
    for kind, path in files.items():
        select_checklist_item(view, kind)
        monkeypatch.setattr(view.panel, "choose_file", lambda path=path: str(path))
        click(qtbot, view.panel.add_file_button)
    assert messages == []
    assert view.panel.advance_button.isEnabled() and view.panel.advance_button.text() == "资料齐全…"
    take(qtbot, view)

    # 5. initial review; 6. the officer cannot approve in the leadership's name
    take(qtbot, view, review_opinion="资料齐全，符合第三条，建议报领导审批")
    assert not view.panel.advance_button.isEnabled()
    assert "会籍管理员不能以领导身份审批" in view.panel.reason.text()
    leader_view = open_view(qtbot, db, leader)
    assert leader_view.select_application(application_id)
    assert not leader_view.new_button.isEnabled()  # a leader does not receive applicants
    take(qtbot, leader_view, approval_opinion="同意入会")

    # 7. dues (the amount proposed from the level's dues)
    view.reload()
    dialog = step_dialog(qtbot, view)
    assert dialog.fields["dues_amount"].text() == "2000.00"
    fill(dialog, dues_receipt_number="SJ2026001")
    click(qtbot, dialog.ok_button)
    assert stage(db, application_id) == ApplicationStage.DUES_PAID

    # 8. sign-off: only a resident leader
    assert not view.panel.advance_button.isEnabled()
    assert view.panel.reason.text().startswith("只有驻会领导可以签批")
    leader_view.reload()
    take(qtbot, leader_view)

    # 9. registration
    view.reload()
    assert view.panel.advance_button.text() == "办理入会登记…"
    take(qtbot, view)
    assert messages[-1].kind == "information" and "会员编号：WJX20260001" in messages[-1].text
    assert "会员证编号：WJXZ20260001" in messages[-1].text
    with db.session() as session:
        application = admission.get_application(session, application_id)
        assert application.status == ApplicationStatus.REGISTERED
        member = members.get_member(session, application.member_id)
        assert member.status == MemberStatus.ACTIVE and member.mentor_id is None
        assert member.id in members.search_member_ids(session, MemberFilter(mentor_id=0))
    # the registered application leaves the open queue and is found under "registered"
    assert view.model.rowCount() == 0
    view.status_box.setCurrentIndex(view.status_box.findData(ApplicationStatus.REGISTERED.value))
    assert view.model.rowCount() == 1 and view.model.index(0, 2).data() == "已入会"
    assert view.panel.next_label.text() == "无待办事项：该申请已入会。"
    assert view.panel.history.topLevelItem(0).text(2).startswith("登记入会：会员编号 WJX20260001")

    # the certificate and the plaque order it produced
    assert view.print_button.text() == "打印队列（2）…"
    click(qtbot, view.print_button)
    queue = view.dialog
    assert isinstance(queue, PrintQueueDialog) and queue.tree.topLevelItemCount() == 2
    assert {queue.tree.topLevelItem(r).text(0) for r in range(2)} == {"会员证", "牌匾订制单"}
    click(qtbot, queue.preview_button)
    qtbot.waitUntil(lambda: len(queue.previews) == 1, timeout=20000)
    # one preview window (issue 16), the certificate and the plaque order chosen at its top
    preview = queue.previews[0]
    assert preview.chooser.count() == 2 and preview.chooser.isVisibleTo(preview)
    assert preview.document.pageCount() == 1
    preview.chooser.setCurrentIndex(1)
    assert preview.document.pageCount() == 1 and preview.print_path == preview.path
    assert "会员证" in queue.status.text()
    preview.close()
    asked = len(messages)
    click(qtbot, queue.printed_button)  # confirmed first, saying what will happen
    assert messages[asked].kind == "question" and "2 份" in messages[asked].text
    assert queue.tree.topLevelItemCount() == 0 and queue.status.text() == "0 份文书等待打印。"
    assert not queue.printed_button.isEnabled() and queue.printed_button.toolTip()
    queue.close()
    assert view.print_button.text() == "打印队列（0）…"


# --- entry: inline errors, duplicates, the former-member flag -------------------------------------


def test_new_application_shows_errors_inline(qtbot, zh_app, db, officer) -> None:  # type: ignore[no-untyped-def]
    view = open_view(qtbot, db, officer)
    dialog = view.new_application()
    dialog.fields["name"].setText("武汉第二建设有限公司")
    dialog.fields["uscc"].setText(uscc("MA4K00001", "92"))
    dialog.fields["postcode"].setText("43001")
    dialog.fields["liaison_mobile"].setText("1234")
    assert dialog.save() is False and dialog.isVisible()
    assert "个体工商户" in dialog.wrappers["uscc"].error.text()
    assert dialog.wrappers["postcode"].error.text().startswith("邮政编码：")
    assert dialog.wrappers["liaison_mobile"].error.text().startswith("联络员手机：")
    assert dialog.banner.text().startswith("未保存")
    assert dialog.tabs.currentIndex() == 0
    dialog.check_uscc()
    assert "个体工商户" in dialog.entry_note.text()
    dialog.close()
    with db.session() as session:
        assert admission.queue(session, admission.QueueFilter(status=None)) == []


def test_former_member_flagged_and_active_member_refused_at_entry(qtbot, zh_app, db, officer, member_values) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        members.create_member(
            session,
            officer,
            {
                **member_values,
                "status": MemberStatus.CANCELLED,
                "left_date": dt.date(2025, 6, 30),
                "left_reason": "一年以上未缴纳会费",
            },
        )
        members.create_member(
            session, officer, {**member_values, "name": "武汉正常会员建设有限公司", "uscc": uscc("MA4K00009")}
        )
    view = open_view(qtbot, db, officer)
    dialog = view.new_application()
    dialog.fields["name"].setText(member_values["name"])
    dialog.fields["uscc"].setText(VALID_USCC)
    qtbot.waitUntil(dialog.entry_note.isVisible)
    text = dialog.entry_note.text()
    assert text.startswith("重新入会（第十五条）：") and "于 2025-06-30 已取消资格" in text
    assert "一年以上未缴纳会费" in text and "最早可于 2028-11-27" in text
    dialog.fields["uscc"].setText(uscc("MA4K00009"))
    dialog.check_uscc()
    assert "已属于会员“武汉正常会员建设有限公司”" in dialog.entry_note.text()
    assert dialog.save() is False
    assert "已属于会员“武汉正常会员建设有限公司”" in dialog.wrappers["uscc"].error.text()
    dialog.fields["uscc"].setText(VALID_USCC)
    assert dialog.save() is True
    assert "重新入会（第十五条）" in view.panel.flag.text()
    assert "最早可办理入会登记日期：2028-11-27" in view.panel.flag.text()
    assert view.model.index(0, 6).data() == "重新入会"


# --- role gates, with reasons ---------------------------------------------------------------------


def test_mentor_sees_the_queue_and_why_it_cannot_act(qtbot, zh_app, db, officer, mentor, leader) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, APPLICANT)
    walk(db, officer, leader, application_id, ApplicationStage.DUES_PAID)
    view = open_view(qtbot, db, mentor)
    assert view.model.rowCount() == 1
    assert not view.new_button.isEnabled() and "无权受理入会申请" in view.new_button.toolTip()
    panel = view.panel
    assert panel.advance_button.text() == "签批…" and not panel.advance_button.isEnabled()
    assert panel.reason.text() == "只有驻会领导可以签批入会（第五条第（六）项）。"
    assert not panel.decline_button.isEnabled() and "无权退回、谢绝或撤销入会申请" in panel.decline_button.toolTip()
    assert not panel.send_back_button.isEnabled()
    assert panel.add_file_button.isEnabled()  # the mentor helps with the documents


def test_areas_visible_to_every_role(db, officer, mentor, leader, admin) -> None:  # type: ignore[no-untyped-def]
    area = next(a for a in AREAS if a.key == "admission")
    assert all(area.visible(actor) for actor in (officer, mentor, leader, admin))


# --- send back, decline, back-payment -------------------------------------------------------------


def test_send_back_and_decline_with_reasons(qtbot, zh_app, db, officer, leader, messages) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, APPLICANT)
    walk(db, officer, leader, application_id, ApplicationStage.REVIEWED)
    view = open_view(qtbot, db, leader)
    click(qtbot, view.panel.send_back_button)
    dialog = view.panel.dialog
    assert isinstance(dialog, ReasonDialog)
    assert [dialog.choice.itemText(i) for i in range(dialog.choice.count())] == [
        "会籍管理部初审",
        "提交资料",
        "填写入会申请表、备案表",
        "来会考察交流",
    ]
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.error.text() == "退回原因：不能为空"
    dialog.reason.setPlainText("初审意见未说明资质等级，请补充")
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert stage(db, application_id) == ApplicationStage.DOCUMENTS_SUBMITTED
    assert view.panel.history.topLevelItem(0).text(3) == "初审意见未说明资质等级，请补充"
    assert view.model.index(0, 2).data() == "等待初审"

    click(qtbot, view.panel.decline_button)
    dialog = view.panel.dialog
    dialog.reason.setPlainText("入会动机单一，对协会职能缺乏认同")
    click(qtbot, dialog.ok_button)
    assert view.model.rowCount() == 0  # left the open queue, stays on file
    assert view.panel.application_id == application_id and "已谢绝" in view.panel.title.text()  # still shown
    view.status_box.setCurrentIndex(view.status_box.findData(None))
    view.search.setText("动机单一")
    assert view.model.rowCount() == 1 and view.model.index(0, 2).data() == "已谢绝"
    assert "原因：入会动机单一" in view.panel.flag.text()
    assert not view.panel.advance_button.isVisible()


def test_back_payment_decision_by_the_resident_leader(qtbot, zh_app, db, officer, leader, member_values) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        members.create_member(
            session,
            officer,
            {
                **member_values,
                "status": MemberStatus.CANCELLED,
                "left_date": dt.date(2026, 3, 1),
                "left_reason": "欠缴会费",
            },
        )
    application_id = create(db, officer, APPLICANT)
    officer_view = open_view(qtbot, db, officer)
    assert not officer_view.panel.back_payment_button.isEnabled()
    assert "须由驻会领导研究决定" in officer_view.panel.back_payment_button.toolTip()
    view = open_view(qtbot, db, leader)
    click(qtbot, view.panel.back_payment_button)
    dialog = view.panel.dialog
    dialog.reason.setPlainText("因经营困难欠费，现愿补缴，动机端正")
    click(qtbot, dialog.ok_button)
    assert "补缴会费恢复会籍：驻会领导已准予" in view.panel.flag.text()
    assert "无须等待两年" in view.panel.flag.text()
    with db.session() as session:
        assert admission.earliest_registration(session, admission.get_application(session, application_id)) is None


def test_readmission_registration_refused_with_the_earliest_date(
    qtbot, zh_app, db, officer, leader, member_values
) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        members.create_member(
            session,
            officer,
            {
                **member_values,
                "status": MemberStatus.WITHDRAWN,
                "left_date": dt.date(2025, 11, 26),
                "left_reason": "书面申请退会",
            },
        )
    application_id = create(db, officer, APPLICANT)
    walk(db, officer, leader, application_id, ApplicationStage.SIGNED_OFF)
    view = open_view(qtbot, db, officer)
    assert view.panel.advance_button.text() == "办理入会登记…" and not view.panel.advance_button.isEnabled()
    assert "最早可于 2028-11-27 办理入会登记" in view.panel.reason.text()
    assert [view.panel.steps.topLevelItem(r).text(0) for r in range(5)][4] == "信用考察（重新入会）"


# --- the queue: stages with counts, filters -------------------------------------------------------


def test_stage_list_counts_and_filters(qtbot, zh_app, db, officer, leader, clock) -> None:  # type: ignore[no-untyped-def]
    other = make_staff(db, Role.MEMBERSHIP_OFFICER, "officer2", "高晓梅")
    first = create(db, officer, APPLICANT)
    clock.advance(days=10)
    second = create(db, other, {**APPLICANT, "name": "武汉第二建设有限公司", "uscc": uscc("MA4K00001")})
    walk(db, officer, leader, second, ApplicationStage.REVIEWED)
    clock.advance(days=5)
    view = open_view(qtbot, db, officer)
    texts = [view.stages.item(r).text() for r in range(view.stages.count())]
    assert texts[0] == "全部办理中（2）" and "等待来会考察 (1)" in texts and "等待领导审批 (1)" in texts
    assert [view.model.index(r, 4).data() for r in range(2)] == ["15", "5"]
    assert view.model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole).name() == "#a15c00"  # waiting two weeks

    view.select_stage(ApplicationStage.APPROVED)
    assert [row.id for row in view.model.rows] == [second]
    view.select_stage(None)
    view.staff_box.setCurrentIndex(view.staff_box.findData(officer.id))
    assert [row.id for row in view.model.rows] == [first]
    view.staff_box.setCurrentIndex(0)
    view.waiting_box.setCurrentIndex(view.waiting_box.findData(7))
    assert view.waiting_box.currentText() == "已等待 7 天以上"
    assert [row.id for row in view.model.rows] == [first]
    assert view.stages.item(0).text() == "全部办理中（1）"
    view.waiting_box.setCurrentIndex(0)
    view.search.setText("第二")
    assert [row.id for row in view.model.rows] == [second] and view.panel.application_id == second
    view.search.setText("没有这家")
    assert view.model.rowCount() == 0 and view.empty_state.label.text() == "没有符合条件的申请。"


def test_queue_model_passes_the_model_tester(qtbot, qtmodeltester, db, officer) -> None:  # type: ignore[no-untyped-def]
    create(db, officer, APPLICANT)
    model = QueueModel()
    with db.session() as session:
        model.set_rows(admission.queue(session), db.clock.now().tzinfo)
    qtmodeltester.check(model)


# --- attachments ----------------------------------------------------------------------------------


def test_attachments_open_inside_the_program_and_bad_files_are_refused(
    qtbot, zh_app, db, officer, files, monkeypatch, messages, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, APPLICANT)
    view = open_view(qtbot, db, officer)
    panel = view.panel
    fake = tmp_path / "执照.pdf"
    fake.write_bytes(b"this is a Word file renamed")
    monkeypatch.setattr(panel, "choose_file", lambda: str(fake))
    select_checklist_item(view, DocumentKind.BUSINESS_LICENCE)
    assert panel.add_file() is False
    assert messages[-1].kind == "warning" and "只接受 PDF、JPEG、PNG" in messages[-1].text
    for kind in (DocumentKind.BUSINESS_LICENCE, DocumentKind.PROFILE):
        monkeypatch.setattr(panel, "choose_file", lambda kind=kind: str(files[kind]))
        select_checklist_item(view, kind)
        assert panel.add_file() is True
    with db.session() as session:
        items = admission.checklist(session, application_id)
    assert [i.kind for i in items if i.complete] == [DocumentKind.BUSINESS_LICENCE, DocumentKind.PROFILE]

    licence = panel.checklist.topLevelItem(0).child(0)
    assert licence.text(0) == "营业执照.png" and licence.text(2) == "郑会籍"
    panel.checklist.setCurrentItem(licence)
    image = panel.open_attachment()
    assert isinstance(image, ImageView) and not image.pixmap.isNull() and image.image.pixmap().width() > 300
    image.close()
    panel.checklist.setCurrentItem(panel.checklist.topLevelItem(2).child(0))
    pdf = panel.open_attachment()
    assert pdf.document.pageCount() == 1
    pdf.close()

    panel.checklist.setCurrentItem(panel.checklist.topLevelItem(2).child(0))
    messages.answer = True
    assert panel.remove_attachment() is True
    assert panel.checklist.topLevelItem(2).childCount() == 0
    QApplication.processEvents()


def test_another_workstation_acted_first(qtbot, zh_app, db, officer) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, APPLICANT)
    view = open_view(qtbot, db, officer)
    dialog = step_dialog(qtbot, view)
    other = make_staff(db, Role.MEMBERSHIP_OFFICER, "officer2", "高晓梅")
    with db.session() as session:  # the other workstation records the visit first
        admission.record_visit(
            session, other, application_id, visit_date=dt.date(2026, 11, 26), leader_name="李志强", leader_rank="总经理"
        )
    fill(dialog, visit_leader_name="王建国", visit_leader_rank="董事长")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and "已被 高晓梅 于 2026-11-26 09:30 办理" in dialog.banner.text()
    dialog.close()
    click(qtbot, view.refresh_button)
    assert view.panel.advance_button.text() == "申请表、备案表已填写…"
    assert view.panel.steps.topLevelItem(1).text(2) == "高晓梅"


def test_print_queue_hears_printing_elsewhere_and_keeps_what_was_unticked(qtbot, zh_app, db, officer, leader) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui import ops

    application_id = create(db, officer, APPLICANT)
    walk(db, officer, leader, application_id, ApplicationStage.REGISTERED)
    view = open_view(qtbot, db, officer)
    assert view.print_button.text() == "打印队列（2）…"
    queue = view.open_print_queue()
    assert queue.tree.topLevelItemCount() == 2
    plaque = next(queue.tree.topLevelItem(r) for r in range(2) if queue.tree.topLevelItem(r).text(0) == "牌匾订制单")
    plaque.setCheckState(0, Qt.CheckState.Unchecked)  # the person unticked the plaque order
    queue.show_printed.setChecked(True)  # every job, printed or not
    certificate = next(
        queue.tree.topLevelItem(r) for r in range(2) if queue.tree.topLevelItem(r).text(0) == "会员证"
    ).data(0, Qt.ItemDataRole.UserRole)
    # another window of this workstation marks the certificate printed
    ops.Op(
        None, db, lambda session: admission.mark_printed(session, officer, [certificate]), changes={ops.PRINT_JOBS}
    ).run()
    rows = {queue.tree.topLevelItem(r).text(0): queue.tree.topLevelItem(r) for r in range(2)}
    assert rows["会员证"].text(6).startswith("2026-11-26 09:30 郑会籍")  # printed: read again
    assert rows["牌匾订制单"].checkState(0) == Qt.CheckState.Unchecked  # still unticked
    assert view.print_button.text() == "打印队列（1）…"  # the area heard it too
    queue.close()
