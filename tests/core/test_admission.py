"""Admission through the services: the whole path, every gate, re-admission boundary dates.

R-4.1, R-4.2, R-5.1 … R-5.6, R-15.1. The clock is the ``clock`` fixture (2026-11-26); tests move it.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desktop_app.core.models import (
    Application,
    ApplicationEvent,
    ApplicationStage,
    ApplicationStatus,
    AuditEntry,
    CreditResult,
    DocumentKind,
    EventKind,
    Member,
    MemberStatus,
    PrintJob,
    PrintKind,
    PrintStatus,
    Role,
)
from desktop_app.core.security import SYSTEM_ACTOR
from desktop_app.core.services import admission, dues, members
from desktop_app.core.services.admission import AdmissionRefused, QueueFilter
from desktop_app.core.services.members import MemberFilter
from desktop_app.core.settings import ATTACHMENT_LIMIT_MB, READMISSION_COUNTING, set_setting
from desktop_app.core.validation import uscc_check_character
from desktop_app.demo.admission import demo_pdf, demo_png
from desktop_app.errors import ConflictError, PermissionDenied, ValidationError
from tests.conftest import VALID_USCC, make_staff


def _jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 200, 200)).save(out, "JPEG")
    return out.getvalue()


# Attachments are opened as what they claim to be (tests/core/test_attachments.py): real files.
PDF = demo_pdf("Business licence (test scan)")
PNG = demo_png(40, 30)
JPEG = _jpeg()


def uscc(body: str, type_code: str = "91") -> str:
    first17 = (type_code + "420102" + body)[:17]
    return first17 + uscc_check_character(first17)


@pytest.fixture
def applicant() -> dict:
    return {
        "name": "武汉市江岸区宏达建设工程有限公司",
        "uscc": VALID_USCC,
        "category": "construction_enterprise",
        "main_business": "房屋建筑工程施工",
        "address": "武汉市江岸区解放大道1399号",
        "postcode": "430010",
        "legal_representative_name": "王建国",
        "principal_name": "李志强",
        "liaison_name": "张丽",
        "liaison_mobile": "13871234567",
        "briefing_note": "介绍了协会的职能和会员的权利义务",
    }


def create(db, actor, values) -> int:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return admission.create_application(session, actor, values).id


def attach_all(db, actor, application_id: int) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        for kind in admission.REQUIRED_DOCUMENTS:
            admission.attach_document(session, actor, application_id, kind, f"{kind.value}.pdf", PDF)


def take(db, actor, application_id: int, stage: ApplicationStage, **values):  # type: ignore[no-untyped-def]
    """Take one step with sensible values; ``values`` override them."""
    with db.session() as session:
        today = db.clock.today()
        if stage == ApplicationStage.VISITED:
            return admission.record_visit(
                session,
                actor,
                application_id,
                **{"visit_date": today, "leader_name": "王建国", "leader_rank": "董事长", **values},
            )
        if stage == ApplicationStage.FORMS_COMPLETED:
            return admission.confirm_forms(session, actor, application_id, **values)
        if stage == ApplicationStage.DOCUMENTS_SUBMITTED:
            return admission.confirm_documents(session, actor, application_id, **values)
        if stage == ApplicationStage.CREDIT_CHECKED:
            return admission.record_credit_check(
                session,
                actor,
                application_id,
                **{"result": CreditResult.PASSED, "checked_on": today, "evidence": "信用中国查询无失信记录", **values},
            )
        if stage == ApplicationStage.REVIEWED:
            return admission.review(session, actor, application_id, **{"opinion": "符合入会条件", **values})
        if stage == ApplicationStage.APPROVED:
            return admission.approve(session, actor, application_id, **{"opinion": "同意", **values})
        if stage == ApplicationStage.DUES_PAID:
            return admission.record_dues(
                session,
                actor,
                application_id,
                **{"amount": "2000", "receipt_number": f"SJ{application_id:04d}", **values},
            )
        if stage == ApplicationStage.SIGNED_OFF:
            return admission.sign_off(session, actor, application_id, **values)
        if stage == ApplicationStage.REGISTERED:
            return admission.register(session, actor, application_id, **values)
    raise AssertionError(stage)


def walk(db, officer, leader, application_id: int, until: ApplicationStage) -> None:  # type: ignore[no-untyped-def]
    """Take every step up to and including ``until`` with the right people."""
    with db.session() as session:
        application = admission.get_application(session, application_id)
        steps = admission.steps_for(application)
        done = admission.STAGE_ORDER[application.stage]
    for step in steps:
        if admission.STAGE_ORDER[step.stage] <= done:
            continue
        if step.stage == ApplicationStage.DOCUMENTS_SUBMITTED:
            attach_all(db, officer, application_id)
        actor = leader if step.stage in (ApplicationStage.APPROVED, ApplicationStage.SIGNED_OFF) else officer
        take(db, actor, application_id, step.stage)
        if step.stage == until:
            return


def stage_of(db, application_id: int) -> ApplicationStage:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return admission.get_application(session, application_id).stage


# --- the whole path ------------------------------------------------------------------------------


def test_whole_path_from_received_to_registered(db, officer, leader, mentor, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    with db.session() as session:
        application = admission.get_application(session, application_id)
        assert application.application_number == "SQ20260001"
        assert (application.status, application.stage) == (ApplicationStatus.OPEN, ApplicationStage.RECEIVED)
        assert application.received_by_id == officer.id and application.handler_id == officer.id
        assert application.application_date == dt.date(2026, 11, 26)
        assert admission.next_step(application).stage == ApplicationStage.VISITED

    db.clock.advance(days=3)
    take(db, officer, application_id, ApplicationStage.VISITED, leader_name="王建国", leader_rank="董事长")
    take(db, officer, application_id, ApplicationStage.FORMS_COMPLETED)
    with db.session() as session:  # a mentor helps collect the documents
        admission.attach_document(session, mentor, application_id, DocumentKind.BUSINESS_LICENCE, "营业执照.png", PNG)
        admission.attach_document(session, officer, application_id, "qualification_certificate", "资质.jpg", JPEG)
        admission.attach_document(session, officer, application_id, DocumentKind.PROFILE, "简介.pdf", PDF)
        admission.attach_document(session, officer, application_id, DocumentKind.BROCHURE, "画册封面.JPEG", JPEG)
    db.clock.advance(days=2)
    take(db, officer, application_id, ApplicationStage.DOCUMENTS_SUBMITTED)
    take(db, officer, application_id, ApplicationStage.REVIEWED, opinion="资料齐全，符合第三条")
    take(db, leader, application_id, ApplicationStage.APPROVED, opinion="同意入会")
    take(db, officer, application_id, ApplicationStage.DUES_PAID, amount="2,000.00", receipt_number="sj 2026 001")
    take(db, leader, application_id, ApplicationStage.SIGNED_OFF, opinion="同意")
    member = take(db, officer, application_id, ApplicationStage.REGISTERED)

    assert member.member_number == "WJX20260001"
    assert member.certificate_number == "WJXZ20260001"
    assert (member.status, member.mentor_id, member.join_date) == (MemberStatus.ACTIVE, None, dt.date(2026, 12, 1))
    assert member.uscc == VALID_USCC and member.liaison_mobile == "13871234567"
    with db.session() as session:
        application = admission.get_application(session, application_id)
        assert (application.status, application.stage, application.member_id) == (
            ApplicationStatus.REGISTERED,
            ApplicationStage.REGISTERED,
            member.id,
        )
        assert application.dues_amount == Decimal("2000.00") and application.dues_receipt_number == "SJ2026001"
        records = admission.step_records(session, application)
        assert [r.step.stage for r in records] == [
            s.stage for s in admission.STEPS if s.stage != ApplicationStage.CREDIT_CHECKED
        ]
        assert all(r.done and r.by and r.at for r in records)  # who and when, every step
        assert {r.step.stage: r.by for r in records}[ApplicationStage.SIGNED_OFF] == "罗振华"
        assert records[1].text.startswith("2026-11-29 王建国（董事长）")
        # the certificate and the plaque order are queued for printing
        jobs = session.scalars(select(PrintJob).where(PrintJob.member_id == member.id)).all()
        assert sorted(j.kind for j in jobs) == [PrintKind.CERTIFICATE, PrintKind.PLAQUE_ORDER]
        assert {j.status for j in jobs} == {PrintStatus.QUEUED}
        # the new member appears for mentor allocation
        assert member.id in members.search_member_ids(session, MemberFilter(mentor_id=0))
        # the register's own audit of the member, and the application's history
        created = session.scalars(
            select(AuditEntry).where(AuditEntry.entity_type == "member", AuditEntry.action == "create")
        ).one()
        assert created.after["certificate_number"] == "WJXZ20260001" and created.actor_name == "郑会籍"
        kinds = [e.kind for e in admission.history(session, application_id)]
        assert kinds.count(EventKind.STEP) == 8 and kinds[-1] == EventKind.CREATED
        assert kinds.count(EventKind.DOCUMENT_ADDED) == 4
        assert admission.queue(session) == []  # nothing left open


def test_each_step_records_who_and_when(db, officer, leader, applicant, clock) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    clock.advance(days=5, hours=2)
    take(db, officer, application_id, ApplicationStage.VISITED)
    with db.session() as session:
        application = admission.get_application(session, application_id)
        assert application.visit_by_id == officer.id
        assert application.visit_at == clock.now()
        assert application.stage_since == clock.now()
        event = admission.history(session, application_id)[0]
        assert (event.actor_name, event.stage_from, event.stage_to) == (
            "郑会籍",
            ApplicationStage.RECEIVED,
            ApplicationStage.VISITED,
        )


# --- the rules -----------------------------------------------------------------------------------


def test_no_stage_can_be_skipped(db, officer, leader, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    with pytest.raises(AdmissionRefused, match="不能跳过“来会考察交流”"):
        take(db, officer, application_id, ApplicationStage.REVIEWED)
    with pytest.raises(AdmissionRefused, match="不能跳过"):
        take(db, leader, application_id, ApplicationStage.SIGNED_OFF)
    with pytest.raises(AdmissionRefused, match="不能跳过"):
        take(db, officer, application_id, ApplicationStage.REGISTERED)
    walk(db, officer, leader, application_id, ApplicationStage.REVIEWED)
    with pytest.raises(AdmissionRefused, match="不能跳过“领导审批”"):
        take(db, officer, application_id, ApplicationStage.DUES_PAID)
    with pytest.raises(AdmissionRefused, match="已办理"):
        take(db, officer, application_id, ApplicationStage.VISITED)
    with pytest.raises(AdmissionRefused, match="只适用于重新入会"):
        take(db, officer, application_id, ApplicationStage.CREDIT_CHECKED)
    assert stage_of(db, application_id) == ApplicationStage.REVIEWED


def test_documents_checklist_gates_the_review(db, officer, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    take(db, officer, application_id, ApplicationStage.VISITED)
    take(db, officer, application_id, ApplicationStage.FORMS_COMPLETED)
    with db.session() as session:
        admission.attach_document(session, officer, application_id, DocumentKind.BUSINESS_LICENCE, "执照.pdf", PDF)
    with pytest.raises(AdmissionRefused) as info:
        take(db, officer, application_id, ApplicationStage.DOCUMENTS_SUBMITTED)
    assert "资质证书复印件" in info.value.message and "单位简介（电子版）" in info.value.message
    assert "营业执照" not in info.value.message
    attach_all(db, officer, application_id)
    take(db, officer, application_id, ApplicationStage.DOCUMENTS_SUBMITTED)
    with db.session() as session:  # a document the confirmed checklist relied on stays
        document_id = admission.checklist(session, application_id)[0].documents[0].id
        with pytest.raises(AdmissionRefused, match="退回"):
            admission.remove_document(session, officer, document_id)


def test_forms_must_both_be_filled_in(db, officer, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    take(db, officer, application_id, ApplicationStage.VISITED)
    with pytest.raises(ValidationError) as info:
        take(db, officer, application_id, ApplicationStage.FORMS_COMPLETED, filing_form=False)
    assert info.value.errors == {"filing_form": "备案表：尚未填写"}


def test_role_gates(db, officer, leader, mentor, admin, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    with pytest.raises(PermissionDenied):  # a mentor cannot receive applications or record visits
        create(db, mentor, {**applicant, "uscc": uscc("MA4K00001")})
    with pytest.raises(PermissionDenied, match="无权登记来会考察"):
        take(db, mentor, application_id, ApplicationStage.VISITED)
    walk(db, officer, leader, application_id, ApplicationStage.REVIEWED)
    with pytest.raises(PermissionDenied, match="会籍管理员不能以领导身份审批"):  # an officer is not the leadership
        take(db, officer, application_id, ApplicationStage.APPROVED)
    with pytest.raises(PermissionDenied, match="不能以领导身份审批"):
        take(db, admin, application_id, ApplicationStage.APPROVED)
    take(db, leader, application_id, ApplicationStage.APPROVED)
    take(db, officer, application_id, ApplicationStage.DUES_PAID)
    for actor in (mentor, officer, admin):  # only a resident leader signs off (R-5.1 (6))
        with pytest.raises(PermissionDenied, match="只有驻会领导可以签批"):
            take(db, actor, application_id, ApplicationStage.SIGNED_OFF)
    with db.session() as session:
        application = admission.get_application(session, application_id)
        action = admission.next_action(session, mentor, application)
        assert action.step.stage == ApplicationStage.SIGNED_OFF and not action.allowed
        assert "只有驻会领导" in action.reason
        assert admission.next_action(session, leader, application).allowed
    take(db, leader, application_id, ApplicationStage.SIGNED_OFF)
    with pytest.raises(PermissionDenied, match="无权办理入会登记"):
        take(db, leader, application_id, ApplicationStage.REGISTERED)
    with pytest.raises(PermissionDenied):
        take(db, mentor, application_id, ApplicationStage.REGISTERED)
    take(db, admin, application_id, ApplicationStage.REGISTERED)  # the administrator may register


def test_send_back_records_why_and_clears_later_steps(db, officer, leader, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    walk(db, officer, leader, application_id, ApplicationStage.APPROVED)
    with db.session() as session, pytest.raises(ValidationError) as info:
        admission.send_back(session, leader, application_id, to_stage=ApplicationStage.REVIEWED, reason=" ")
    assert info.value.errors["reason"] == "退回原因：不能为空"
    with db.session() as session, pytest.raises(ValidationError, match="请选择一个已办理的步骤"):
        admission.send_back(session, leader, application_id, to_stage=ApplicationStage.DUES_PAID, reason="x")
    with db.session() as session, pytest.raises(PermissionDenied):
        admission.send_back(
            session, make_staff(db, Role.MENTOR, "m2"), application_id, to_stage=ApplicationStage.REVIEWED, reason="x"
        )
    with db.session() as session:
        admission.send_back(
            session, leader, application_id, to_stage=ApplicationStage.REVIEWED, reason="初审意见过于简单，请补充"
        )
    with db.session() as session:
        application = admission.get_application(session, application_id)
        assert application.stage == ApplicationStage.DOCUMENTS_SUBMITTED
        assert application.review_opinion is None and application.approval_by_id is None
        assert application.visit_leader_name == "王建国"  # earlier steps stay
        event = admission.history(session, application_id)[0]
        assert event.kind == EventKind.SENT_BACK and event.reason == "初审意见过于简单，请补充"
        assert event.details["review_opinion"] == "符合入会条件" and event.stage_from == ApplicationStage.APPROVED
        assert admission.next_step(application).stage == ApplicationStage.REVIEWED
    take(db, officer, application_id, ApplicationStage.REVIEWED, opinion="补充：该单位具备建筑工程施工总承包二级资质")
    assert stage_of(db, application_id) == ApplicationStage.REVIEWED


@pytest.mark.parametrize("until", [ApplicationStage.RECEIVED, ApplicationStage.VISITED, ApplicationStage.SIGNED_OFF])
def test_decline_at_any_stage_stays_on_file_and_can_be_searched(db, officer, leader, applicant, until) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    if until != ApplicationStage.RECEIVED:
        walk(db, officer, leader, application_id, until)
    with db.session() as session, pytest.raises(ValidationError, match="谢绝原因：不能为空"):
        admission.decline(session, officer, application_id, reason="")
    with db.session() as session:
        admission.decline(session, leader, application_id, reason="入会动机单一，仅为承揽业务（第四条）")
    with pytest.raises(AdmissionRefused, match="该申请已谢绝"):
        walk(db, officer, leader, application_id, ApplicationStage.REGISTERED)
    with db.session() as session:
        application = admission.get_application(session, application_id)
        assert (application.status, application.stage, application.closed_by_id) == (
            ApplicationStatus.DECLINED,
            until,
            leader.id,
        )
        assert admission.queue(session) == []  # not in the open queue
        found = admission.queue(session, QueueFilter(text="宏达", status=None))
        assert [(r.id, r.status, r.closed_reason) for r in found] == [
            (application_id, ApplicationStatus.DECLINED, "入会动机单一，仅为承揽业务（第四条）")
        ]
        assert (
            admission.queue(session, QueueFilter(text="承揽业务", status=ApplicationStatus.DECLINED))[0].id
            == application_id
        )
        assert admission.action_refusals(session, officer, application)["advance"] == "该申请已谢绝，不能再办理。"
    # the organisation may apply again later; the earlier decline is shown at entry
    with db.session() as session:
        check = admission.check_uscc_at_entry(session, VALID_USCC)
        assert check.error is None and "已谢绝" in check.earlier[0]
    create(db, officer, applicant)


def test_abandoned_applications_stay_on_file(db, officer, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    with db.session() as session:
        admission.abandon(session, officer, application_id, reason="申请单位三个月未回复")
    with db.session() as session:
        rows = admission.queue(session, QueueFilter(status=ApplicationStatus.ABANDONED))
        assert [(r.id, r.waiting_for) for r in rows] == [(application_id, None)]
        assert admission.status_counts(session)[ApplicationStatus.ABANDONED] == 1


# --- entry checks --------------------------------------------------------------------------------


def test_active_member_uscc_is_refused_naming_it(db, officer, applicant, member_values) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        members.create_member(session, officer, member_values)
    with pytest.raises(ValidationError) as info:
        create(db, officer, {**applicant, "name": "另一家建设有限公司"})
    assert "会员“武汉市江岸区宏达建设工程有限公司”" in info.value.errors["uscc"]
    assert "WJX20260001" in info.value.errors["uscc"]


def test_open_application_uscc_is_refused_naming_it(db, officer, applicant) -> None:  # type: ignore[no-untyped-def]
    create(db, officer, applicant)
    with pytest.raises(ValidationError) as info:
        create(db, officer, {**applicant, "uscc": VALID_USCC.lower()})
    assert "SQ20260001" in info.value.errors["uscc"] and "办理中" in info.value.errors["uscc"]
    assert "等待来会考察" in info.value.errors["uscc"]


def test_organisation_checked_exactly_as_a_member(db, officer, applicant) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        create(
            db,
            officer,
            {**applicant, "name": "", "postcode": "43001", "liaison_mobile": "1234", "category": "public_institution"},
        )
    errors = info.value.errors
    assert errors["name"] == "单位名称：不能为空"
    assert errors["postcode"].startswith("邮政编码：")
    assert errors["liaison_mobile"].startswith("联络员手机：")
    assert "与所选类别“事业单位”不符" in errors["category"]
    with db.session() as session:
        assert session.scalar(select(func.count(Application.id))) == 0


def test_individual_business_and_persons_refused(db, officer, applicant) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        create(db, officer, {**applicant, "uscc": uscc("MA4K00001", "92")})
    assert "个体工商户" in info.value.errors["uscc"]
    with pytest.raises(ValidationError) as info:
        create(db, officer, {**applicant, "name": "个体户王建国装修"})
    assert "个体工商户不能入会" in info.value.errors["name"]
    with pytest.raises(ValidationError) as info:
        create(db, officer, {**applicant, "uscc": "420102198001011234"[:17] + "X"})
    assert "不接受个人" in info.value.errors["uscc"]


# --- attachments ---------------------------------------------------------------------------------


def test_attachments_checked_by_content_and_size(db, officer, applicant, admin) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    kind = DocumentKind.BUSINESS_LICENCE
    with db.session() as session:
        with pytest.raises(ValidationError, match="只接受 PDF、JPEG、PNG"):
            admission.attach_document(session, officer, application_id, kind, "执照.pdf", b"not really a pdf")
        with pytest.raises(ValidationError, match="内容是 PNG 文件，但扩展名是“.pdf”"):
            admission.attach_document(session, officer, application_id, kind, "执照.pdf", PNG)
        with pytest.raises(ValidationError, match="空文件"):
            admission.attach_document(session, officer, application_id, kind, "执照.pdf", b"")
        with pytest.raises(ValidationError, match="只接受"):
            admission.attach_document(session, officer, application_id, kind, "执照.docx", b"PK\x03\x04rest")
    with db.session() as session:
        set_setting(session, admin, ATTACHMENT_LIMIT_MB, 1)
    big = PDF + b"0" * (1024 * 1024)
    with db.session() as session, pytest.raises(ValidationError, match="超过上限 1 MB"):
        admission.attach_document(session, officer, application_id, kind, "执照.pdf", big)
    with db.session() as session:
        document = admission.attach_document(session, officer, application_id, kind, "C:\\扫描\\执照.pdf", PDF)
        assert (document.file_name, document.mime_type, document.size) == ("执照.pdf", "application/pdf", len(PDF))
    with db.session() as session:  # stored in the database: any workstation opens the same bytes
        assert admission.document_content(session, officer, document.id) == ("执照.pdf", "application/pdf", PDF)
        item = admission.checklist(session, application_id)[0]
        assert item.kind == kind and item.complete and item.documents[0].uploaded_by == "郑会籍"
        admission.remove_document(session, officer, document.id, reason="传错了")
    with db.session() as session:
        assert not admission.checklist(session, application_id)[0].complete
        assert admission.history(session, application_id)[0].kind == EventKind.DOCUMENT_REMOVED


# --- dues ----------------------------------------------------------------------------------------


def test_dues_amount_and_receipt_checked(db, officer, leader, applicant) -> None:  # type: ignore[no-untyped-def]
    first = create(db, officer, applicant)
    walk(db, officer, leader, first, ApplicationStage.DUES_PAID)
    second = create(db, officer, {**applicant, "name": "武汉第二建设有限公司", "uscc": uscc("MA4K00001")})
    walk(db, officer, leader, second, ApplicationStage.APPROVED)
    with pytest.raises(ValidationError) as info:
        take(db, officer, second, ApplicationStage.DUES_PAID, amount="0", receipt_number="")
    assert info.value.errors == {"dues_amount": "会费金额：应大于 0", "dues_receipt_number": "收据编号：不能为空"}
    with pytest.raises(ValidationError, match="不是金额"):
        take(db, officer, second, ApplicationStage.DUES_PAID, amount="两千")
    with pytest.raises(ValidationError, match="已用于入会申请“武汉市江岸区宏达建设工程有限公司”"):
        take(db, officer, second, ApplicationStage.DUES_PAID, receipt_number=f"SJ{first:04d}")
    take(db, officer, second, ApplicationStage.DUES_PAID, amount="2000.5")
    with db.session() as session:
        assert dues.annual_dues(session, "member") == Decimal("2000")


# --- two workstations ----------------------------------------------------------------------------


def test_second_workstation_acting_on_a_stale_application_is_refused(db, officer, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    other = make_staff(db, Role.MEMBERSHIP_OFFICER, "officer2", "高晓梅")
    with db.session() as session:
        loaded = admission.get_application(session, application_id).version
    take(db, other, application_id, ApplicationStage.VISITED, expected_version=loaded)
    with pytest.raises(ConflictError, match="已被 高晓梅 于 2026-11-26 09:30 办理"):
        take(db, officer, application_id, ApplicationStage.VISITED, expected_version=loaded)
    with db.session() as session:
        assert (
            session.scalar(select(func.count(ApplicationEvent.id)).where(ApplicationEvent.kind == EventKind.STEP)) == 1
        )


def test_correcting_details(db, officer, leader, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    with db.session() as session:
        application = admission.update_application(session, officer, application_id, 1, {"liaison_name": "赵敏"})
        assert application.liaison_name == "赵敏" and application.version == 2
    with db.session() as session, pytest.raises(ConflictError):
        admission.update_application(session, officer, application_id, 1, {"liaison_name": "钱多"})
    walk(db, officer, leader, application_id, ApplicationStage.DOCUMENTS_SUBMITTED)
    with db.session() as session, pytest.raises(ValidationError, match="资料已提交后不能再更改代码"):
        version = admission.get_application(session, application_id).version
        admission.update_application(session, officer, application_id, version, {"uscc": uscc("MA4K00001")})


# --- re-admission (R-15.1) -----------------------------------------------------------------------


def former_member(db, officer, member_values, *, left: dt.date, joined: dt.date = dt.date(2015, 3, 1)) -> Member:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return members.create_member(
            session,
            officer,
            {
                **member_values,
                "join_date": joined,
                "status": MemberStatus.WITHDRAWN,
                "left_date": left,
                "left_reason": "单位书面申请退会（第十一条）",
                "member_number": "WJX20150007",
                "certificate_number": "WJXZ20150007",
            },
        )


def use_rule(db, admin, rule: str) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        set_setting(session, admin, READMISSION_COUNTING, rule)


def test_former_member_is_flagged_at_entry_with_when_and_why(db, officer, applicant, member_values) -> None:  # type: ignore[no-untyped-def]
    former = former_member(db, officer, member_values, left=dt.date(2025, 11, 26))
    with db.session() as session:
        check = admission.check_uscc_at_entry(session, VALID_USCC)
    assert check.error is None
    assert check.former is not None and check.former.member_id == former.id
    assert check.former.left_date == dt.date(2025, 11, 26) and "第十一条" in check.former.left_reason
    assert check.former.earliest_registration == dt.date(2028, 11, 27)  # from the application date
    assert "于 2025-11-26 已退会" in check.former.describe() and "最早可于 2028-11-27" in check.former.describe()
    application_id = create(db, officer, applicant)
    with db.session() as session:
        application = admission.get_application(session, application_id)
        assert application.former_member_id == former.id
        assert admission.steps_for(application)[4].stage == ApplicationStage.CREDIT_CHECKED
        created = admission.history(session, application_id)[0]
        assert created.details["former_member"] == "WJX20150007" and created.details["left_date"] == "2025-11-26"


def test_credit_check_is_a_recorded_step_that_cannot_be_skipped(db, officer, leader, applicant, member_values) -> None:  # type: ignore[no-untyped-def]
    former_member(db, officer, member_values, left=dt.date(2022, 1, 5))
    application_id = create(db, officer, applicant)
    walk(db, officer, leader, application_id, ApplicationStage.DOCUMENTS_SUBMITTED)
    with pytest.raises(AdmissionRefused, match="不能跳过“信用考察（重新入会）”"):
        take(db, officer, application_id, ApplicationStage.REVIEWED)
    with pytest.raises(ValidationError) as info:
        take(db, officer, application_id, ApplicationStage.CREDIT_CHECKED, evidence="", result="maybe")
    assert set(info.value.errors) == {"credit_result", "credit_evidence"}
    take(
        db,
        officer,
        application_id,
        ApplicationStage.CREDIT_CHECKED,
        result="failed",
        evidence="被列为失信被执行人（2025）鄂0102执1234号",
    )
    with db.session() as session:
        application = admission.get_application(session, application_id)
        assert application.stage == ApplicationStage.DOCUMENTS_SUBMITTED  # a failed check does not move on
        assert (application.credit_result, application.credit_by_id) == (CreditResult.FAILED, officer.id)
        action = admission.next_action(session, officer, application)
        assert action.step.stage == ApplicationStage.CREDIT_CHECKED and "信用考察未通过" in action.note
        assert admission.history(session, application_id)[0].kind == EventKind.CREDIT_CHECK
    with pytest.raises(AdmissionRefused, match="不能跳过"):
        take(db, officer, application_id, ApplicationStage.REVIEWED)
    with db.session() as session:
        admission.attach_document(session, officer, application_id, DocumentKind.CREDIT_EVIDENCE, "信用报告.pdf", PDF)
    take(
        db,
        officer,
        application_id,
        ApplicationStage.CREDIT_CHECKED,
        evidence="失信记录已于2026年撤销，信用中国查询无记录",
    )
    with db.session() as session:
        application = admission.get_application(session, application_id)
        assert (application.stage, application.credit_result) == (ApplicationStage.CREDIT_CHECKED, CreditResult.PASSED)
        assert admission.checklist(session, application_id)[4].complete  # the evidence item


@pytest.mark.parametrize(
    ("left", "today", "allowed"),
    [
        (dt.date(2025, 11, 26), dt.date(2026, 11, 26), False),  # left one year ago
        (dt.date(2024, 11, 26), dt.date(2026, 11, 26), False),  # exactly two years: not yet full
        (dt.date(2024, 11, 26), dt.date(2026, 11, 27), True),  # two years and a day
        (dt.date(2024, 2, 29), dt.date(2026, 2, 28), False),  # no 29 February: the month's last day ends it
        (dt.date(2024, 2, 29), dt.date(2026, 3, 1), True),
    ],
)
def test_two_full_years_from_the_left_date(
    db, admin, officer, leader, applicant, member_values, clock, left, today, allowed
) -> None:  # type: ignore[no-untyped-def]
    use_rule(db, admin, "from_left_date")
    former_member(db, officer, member_values, left=left)
    clock.set(left + dt.timedelta(days=30))
    application_id = create(db, officer, applicant)
    walk(db, officer, leader, application_id, ApplicationStage.SIGNED_OFF)
    clock.set(today)
    earliest = (
        dt.date(left.year + 2, 3, 1)
        if (left.month, left.day) == (2, 29)
        else left.replace(year=left.year + 2) + dt.timedelta(days=1)
    )
    with db.session() as session:
        application = admission.get_application(session, application_id)
        assert admission.earliest_registration(session, application) == earliest
        action = admission.next_action(session, officer, application)
        assert action.allowed is allowed
    if not allowed:
        assert f"最早可于 {earliest.isoformat()} 办理入会登记" in action.reason and "自退会之日起算" in action.reason
        with pytest.raises(AdmissionRefused, match="重新入会须满两年"):
            take(db, officer, application_id, ApplicationStage.REGISTERED)
        return
    member = take(db, officer, application_id, ApplicationStage.REGISTERED)
    assert member.status == MemberStatus.ACTIVE and member.left_date is None and member.left_reason is None
    assert member.member_number == f"WJX{today.year}0001" and member.join_date == today  # a new admission
    assert member.certificate_number == f"WJXZ{today.year}0001"
    assert "原会员编号 WJX20150007" in member.notes


@pytest.mark.parametrize(
    ("today", "allowed"),
    [(dt.date(2027, 11, 26), False), (dt.date(2028, 11, 26), False), (dt.date(2028, 11, 27), True)],
)
def test_two_full_years_from_the_application_date(
    db, officer, leader, applicant, member_values, clock, today, allowed
) -> None:  # type: ignore[no-untyped-def]
    """The default rule, the regulation's words: "自申请之日起满两年" (applied on 2026-11-26)."""
    former_member(db, officer, member_values, left=dt.date(2020, 6, 30))  # left long ago: irrelevant here
    application_id = create(db, officer, applicant)
    walk(db, officer, leader, application_id, ApplicationStage.SIGNED_OFF)
    clock.set(today)
    with db.session() as session:
        application = admission.get_application(session, application_id)
        assert admission.earliest_registration(session, application) == dt.date(2028, 11, 27)
        assert admission.next_action(session, officer, application).allowed is allowed
    if allowed:
        take(db, officer, application_id, ApplicationStage.REGISTERED)
    else:
        with pytest.raises(AdmissionRefused, match="自申请之日起算）：最早可于 2028-11-27"):
            take(db, officer, application_id, ApplicationStage.REGISTERED)


def test_back_payment_route_is_a_resident_leaders_decision(db, officer, leader, applicant, member_values) -> None:  # type: ignore[no-untyped-def]
    former = former_member(db, officer, member_values, left=dt.date(2026, 3, 1))
    application_id = create(db, officer, applicant)
    with db.session() as session, pytest.raises(PermissionDenied, match="须由驻会领导研究决定"):
        admission.decide_back_payment(session, officer, application_id, granted=True, reason="x")
    with db.session() as session, pytest.raises(ValidationError, match="决定理由：不能为空"):
        admission.decide_back_payment(session, leader, application_id, granted=True, reason="")
    with db.session() as session:
        admission.decide_back_payment(
            session,
            leader,
            application_id,
            granted=True,
            reason="因经营困难欠缴会费而被取消资格，现愿补缴 2025、2026 年度会费，动机端正",
        )
    walk(db, officer, leader, application_id, ApplicationStage.SIGNED_OFF)
    with db.session() as session:
        application = admission.get_application(session, application_id)
        assert admission.earliest_registration(session, application) is None
        assert admission.next_action(session, officer, application).allowed
    member = take(db, officer, application_id, ApplicationStage.REGISTERED)
    assert member.id == former.id and member.status == MemberStatus.ACTIVE
    assert (member.member_number, member.join_date) == ("WJX20150007", dt.date(2015, 3, 1))  # restored, not new
    assert member.certificate_number == "WJXZ20260001"  # the old one was handed back
    with db.session() as session:
        kinds = [e.kind for e in admission.history(session, application_id)]
        assert EventKind.BACK_PAYMENT in kinds


def test_refused_back_payment_keeps_the_two_year_wait(db, officer, leader, applicant, member_values) -> None:  # type: ignore[no-untyped-def]
    former_member(db, officer, member_values, left=dt.date(2026, 3, 1))
    application_id = create(db, officer, applicant)
    with db.session() as session:
        admission.decide_back_payment(session, leader, application_id, granted=False, reason="退会原因为拒绝履行义务")
    walk(db, officer, leader, application_id, ApplicationStage.SIGNED_OFF)
    with pytest.raises(AdmissionRefused, match="最早可于 2028-11-27"):
        take(db, officer, application_id, ApplicationStage.REGISTERED)


def test_back_payment_only_for_readmissions(db, officer, leader, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    with db.session() as session:
        application = admission.get_application(session, application_id)
        assert "只有重新入会的申请" in admission.action_refusals(session, leader, application)["back_payment"]
        with pytest.raises(AdmissionRefused):
            admission.decide_back_payment(session, leader, application_id, granted=True, reason="x")


def test_member_entered_meanwhile_blocks_registration(db, officer, leader, applicant, member_values) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    walk(db, officer, leader, application_id, ApplicationStage.SIGNED_OFF)
    with db.session() as session:  # someone entered it by hand in the register
        members.create_member(session, officer, member_values)
    with pytest.raises(AdmissionRefused, match="不能重复登记"):
        take(db, officer, application_id, ApplicationStage.REGISTERED)


# --- the queue -----------------------------------------------------------------------------------


def test_queue_counts_filters_and_waiting_days(db, officer, leader, applicant, member_values, clock) -> None:  # type: ignore[no-untyped-def]
    other = make_staff(db, Role.MEMBERSHIP_OFFICER, "officer2", "高晓梅")
    first = create(db, officer, applicant)  # waits for the visit since 2026-11-26
    clock.advance(days=10)
    second = create(db, other, {**applicant, "name": "武汉第二建设有限公司", "uscc": uscc("MA4K00001")})
    walk(db, officer, leader, second, ApplicationStage.REVIEWED)  # waits for approval since 12-06
    clock.advance(days=5)
    third = create(
        db, officer, {**applicant, "name": "武汉第三建设有限公司", "uscc": uscc("MA4K00002"), "handler_id": other.id}
    )
    with db.session() as session:
        declined = admission.create_application(
            session, officer, {**applicant, "name": "武汉谢绝建设有限公司", "uscc": uscc("MA4K00003")}
        ).id
        admission.decline(session, officer, declined, reason="不愿承担会员义务")
    clock.advance(days=1)  # today 2026-12-12

    with db.session() as session:
        rows = admission.queue(session)
        assert [r.id for r in rows] == [first, second, third]  # longest waiting first
        assert [(r.waiting_for.stage, r.days) for r in rows] == [
            (ApplicationStage.VISITED, 16),
            (ApplicationStage.APPROVED, 6),
            (ApplicationStage.VISITED, 1),
        ]
        assert rows[0].waiting_for.waiting == "等待来会考察" and rows[2].handler_name == "高晓梅"
        counts = admission.queue_counts(session)
        assert counts[ApplicationStage.VISITED] == 2 and counts[ApplicationStage.APPROVED] == 1
        assert sum(counts.values()) == 3
        waiting_visit = admission.queue(session, QueueFilter(waiting_for=ApplicationStage.VISITED))
        assert [r.id for r in waiting_visit] == [first, third]
        assert [r.id for r in admission.queue(session, QueueFilter(handler_id=other.id))] == [second, third]
        assert [r.id for r in admission.queue(session, QueueFilter(min_waiting_days=6))] == [first, second]
        assert [r.id for r in admission.queue(session, QueueFilter(min_waiting_days=7))] == [first]
        assert admission.queue_counts(session, QueueFilter(min_waiting_days=7))[ApplicationStage.VISITED] == 1
        assert [r.id for r in admission.queue(session, QueueFilter(text="第三"))] == [third]
        assert [r.id for r in admission.queue(session, QueueFilter(text="sq20260002"))] == [second]
        assert [r.id for r in admission.queue(session, QueueFilter(status=None))][-1] == first
        assert admission.status_counts(session)[ApplicationStatus.DECLINED] == 1


def test_readmissions_wait_for_the_credit_check_in_the_queue(db, officer, leader, applicant, member_values) -> None:  # type: ignore[no-untyped-def]
    former_member(db, officer, member_values, left=dt.date(2023, 1, 1))
    readmission = create(db, officer, applicant)
    walk(db, officer, leader, readmission, ApplicationStage.DOCUMENTS_SUBMITTED)
    plain = create(db, officer, {**applicant, "name": "武汉第二建设有限公司", "uscc": uscc("MA4K00001")})
    walk(db, officer, leader, plain, ApplicationStage.DOCUMENTS_SUBMITTED)
    with db.session() as session:
        counts = admission.queue_counts(session)
        assert counts[ApplicationStage.CREDIT_CHECKED] == 1 and counts[ApplicationStage.REVIEWED] == 1
        assert [r.id for r in admission.queue(session, QueueFilter(waiting_for=ApplicationStage.CREDIT_CHECKED))] == [
            readmission
        ]
        assert [r.id for r in admission.queue(session, QueueFilter(waiting_for=ApplicationStage.REVIEWED))] == [plain]
        assert [r.readmission for r in admission.queue(session)] == [True, False]


# --- the print queue ------------------------------------------------------------------------------


def test_print_queue(db, officer, leader, mentor, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    walk(db, officer, leader, application_id, ApplicationStage.REGISTERED)
    with db.session() as session:
        jobs = admission.print_jobs(session)
        assert [(j.kind, j.member_name, j.certificate_number, j.level) for j in jobs] == [
            (PrintKind.CERTIFICATE, applicant["name"], "WJXZ20260001", "会员单位"),
            (PrintKind.PLAQUE_ORDER, applicant["name"], "WJXZ20260001", "会员单位"),
        ]
        with pytest.raises(PermissionDenied):
            admission.mark_printed(session, mentor, [jobs[0].id])
        assert admission.mark_printed(session, officer, [jobs[0].id]) == 1
    with db.session() as session:
        assert [j.kind for j in admission.print_jobs(session)] == [PrintKind.PLAQUE_ORDER]
        printed = admission.print_jobs(session, status=PrintStatus.PRINTED)[0]
        assert printed.printed_by == "郑会籍" and printed.printed_at is not None
        admission.queue_reprint(session, officer, printed.member_id, PrintKind.CERTIFICATE)
        assert len(admission.print_jobs(session)) == 2


def test_refusal_reasons_for_the_window(db, officer, leader, mentor, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    with db.session() as session:
        application = admission.get_application(session, application_id)
        as_mentor = admission.action_refusals(session, mentor, application)
        assert "无权登记来会考察" in as_mentor["advance"]
        assert as_mentor["attach"] is None  # mentors help collect documents
        assert "无权退回、谢绝或撤销入会申请" in as_mentor["decline"]
        as_officer = admission.action_refusals(session, officer, application)
        assert as_officer["advance"] is None and as_officer["decline"] is None
        assert as_officer["send_back"] == "该申请尚未办理可退回的步骤。"


def test_system_actor_cannot_sign_off(db, officer, leader, applicant) -> None:  # type: ignore[no-untyped-def]
    """The program itself (administrator role) never signs in the resident leader's name."""
    application_id = create(db, officer, applicant)
    walk(db, officer, leader, application_id, ApplicationStage.DUES_PAID)
    with pytest.raises(PermissionDenied):
        take(db, SYSTEM_ACTOR, application_id, ApplicationStage.SIGNED_OFF)


# --- demo data -----------------------------------------------------------------------------------


def test_demo_has_a_realistic_queue(db) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.demo import generate_demo

    with db.session() as session:
        generate_demo(session, 400, seed=1)
    with db.session() as session:
        assert session.scalar(select(func.count(Member.id))) == 400  # no member added by the queue
        rows = admission.queue(session, QueueFilter(status=None))
        statuses = [r.status for r in rows]
        assert statuses.count(ApplicationStatus.DECLINED) == statuses.count(ApplicationStatus.ABANDONED) == 1
        waiting = {r.waiting_for.stage for r in rows if r.waiting_for}
        assert waiting == {step.stage for step in admission.STEPS[1:]}  # something waits at every step
        readmission = next(r for r in rows if r.readmission)
        application = admission.get_application(session, readmission.id)
        assert admission.earliest_registration(session, application) > db.clock.today()
        assert all(r.days >= 0 for r in rows) and max(r.days for r in rows) >= 20
        ready = next(r for r in rows if r.waiting_for and r.waiting_for.stage == ApplicationStage.REGISTERED)
        officer = actor_of(session, "officer")
        assert admission.next_action(session, officer, admission.get_application(session, ready.id)).allowed
        # every attached scan is a real PDF or PNG
        incomplete = next(
            r for r in rows if r.waiting_for and r.waiting_for.stage == ApplicationStage.DOCUMENTS_SUBMITTED
        )
        assert len(admission.missing_documents(session, incomplete.id)) == 2


def actor_of(session, username: str):  # type: ignore[no-untyped-def]
    from desktop_app.core.models import Staff
    from desktop_app.core.security import Actor

    return Actor.of(session.scalar(select(Staff).where(Staff.username == username)))


def test_every_leadership_step_treats_an_empty_opinion_alike(db, officer, leader, applicant) -> None:  # type: ignore[no-untyped-def]
    """Issue 16: 领导审批 and 签批 follow one rule — left empty, the opinion records 同意入会;
    the office's own initial review must still say what it found."""
    application_id = create(db, officer, applicant)
    walk(db, officer, leader, application_id, ApplicationStage.DOCUMENTS_SUBMITTED)
    with pytest.raises(ValidationError) as refused:
        with db.session() as session:
            admission.review(session, officer, application_id, opinion="  ")
    assert "review_opinion" in refused.value.errors
    take(db, officer, application_id, ApplicationStage.REVIEWED, opinion="资料齐全")
    take(db, leader, application_id, ApplicationStage.APPROVED, opinion="")
    with db.session() as session:
        application = admission.get_application(session, application_id)
        assert application.approval_opinion == admission.AGREED == "同意入会"
        assert application.approval_by_id == leader.id
