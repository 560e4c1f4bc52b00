"""Reductions (R-8.5): only a resident leader records the written consent, first; without one a
short payment stays an arrear; the report lists every reduction of a year with its consent."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_app.core.models import AuditEntry, DuesConsent, Role
from desktop_app.core.services import admission, dues
from desktop_app.demo.admission import demo_pdf, demo_png
from desktop_app.errors import PermissionDenied, ValidationError
from tests.conftest import make_staff
from tests.core.test_dues import add_member, bill, bills, pay

D = Decimal
SCAN = demo_pdf("Consent of the resident leader")


def consent(db, actor, member_id, **values):  # type: ignore[no-untyped-def]
    given = {
        "year": 2026,
        "agreed": "1000",
        "reason": "受疫情影响经营困难，经研究同意 2026 年度会费减半",
        "document_reference": "武建协〔2026〕12号",
        "consented_on": dt.date(2026, 11, 20),
        "scan_name": "同意书.pdf",
        "scan": SCAN,
        "scan_check": admission.attachment_problem,
        **values,
    }
    with db.session() as session:
        return dues.record_consent(session, actor, member_id=member_id, **given)


@pytest.mark.parametrize("role", [Role.MENTOR, Role.MEMBERSHIP_OFFICER, Role.ADMINISTRATOR])
def test_only_the_resident_leader_records_a_consent(db, admin, officer, role) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, 1)
    someone = admin if role == Role.ADMINISTRATOR else make_staff(db, role, f"x{role.value}")
    with pytest.raises(PermissionDenied, match="驻会领导的书面同意.*第八条第（五）项"):
        consent(db, someone, member_id)
    with db.session() as session:
        assert dues.consent_refusal(someone) is not None
        assert session.scalar(select(DuesConsent.id)) is None


def test_without_a_consent_a_short_payment_stays_an_arrear(db, officer, leader) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, 1)
    bill(db, officer, 2026)
    pay(db, officer, member_id, 1000)
    the_bill = bills(db, member_id)[2026]
    assert (the_bill.due, the_bill.paid, the_bill.settled) == (D("2000.00"), D("1000.00"), False)
    # the consent, recorded after the money came, lowers what is due: now it is settled
    recorded = consent(db, leader, member_id)
    the_bill = bills(db, member_id)[2026]
    assert (the_bill.due, the_bill.settled, the_bill.consent_id) == (D("1000.00"), True, recorded.id)
    with db.session() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "dues_consent"))
        assert entry.actor_name == "罗振华" and "同意缴纳 1,000.00 元（武建协〔2026〕12号）" in entry.summary


def test_a_consent_recorded_first_lowers_the_bill_when_billed(db, officer, leader) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, 1, level="council")
    consent(db, leader, member_id, agreed="0", reason="抗洪救灾贡献突出，免缴当年会费")
    result = bill(db, officer, 2026)
    assert result.reduced == 1 and result.amount == 0
    the_bill = bills(db, member_id)[2026]
    assert (the_bill.scheduled, the_bill.due, the_bill.settled) == (D("5000.00"), D("0.00"), True)


def test_a_consent_is_checked(db, officer, leader) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, 1)
    bill(db, officer, 2026)
    with pytest.raises(ValidationError) as error:
        consent(db, leader, member_id, agreed="2000", reason="", document_reference="", consented_on="2026-12-01")
    assert error.value.errors == {
        "agreed": "同意缴纳的金额：应低于应缴会费 2,000.00 元（不减免则无需登记）",
        "reason": "减免理由：不能为空",
        "document_reference": "书面同意的文号或编号：不能为空",
        "consented_on": "同意日期：不能晚于今天",
    }
    # the scan is opened as admission's attachments are: a renamed or broken file is refused
    with pytest.raises(ValidationError, match="只接受 PDF、JPEG、PNG"):
        consent(db, leader, member_id, scan=b"MZ\x90\x00 an executable", scan_name="同意书.pdf")
    with pytest.raises(ValidationError, match="不是有效的 PDF 文件"):
        consent(db, leader, member_id, scan=b"%PDF-1.4\n truncated")
    with pytest.raises(ValidationError, match="内容与扩展名不符"):
        consent(db, leader, member_id, scan=demo_png(20, 20), scan_name="同意书.pdf")
    pay(db, officer, member_id, 1500)
    with pytest.raises(ValidationError, match="该年度已缴 1,500.00 元，不能低于已缴金额"):
        consent(db, leader, member_id, agreed="1000")
    consent(db, leader, member_id, agreed="1500", scan=demo_png(20, 20), scan_name="同意书.png")
    assert bills(db, member_id)[2026].settled


def test_the_report_lists_every_reduction_with_its_consent(db, officer, leader, mentor) -> None:  # type: ignore[no-untyped-def]
    reduced = add_member(db, officer, 1, mentor_id=mentor.id)
    add_member(db, officer, 2)
    waiting = add_member(db, officer, 3)
    consent(db, leader, reduced)
    bill(db, officer, 2026)
    consent(db, leader, waiting, year=2027, agreed="500")
    with db.session() as session:
        rows = dues.reductions(session, officer, 2026)
        assert [(r.member_number, r.scheduled, r.due, r.reduction, r.consented_by) for r in rows] == [
            (rows[0].member_number, D("2000.00"), D("1000.00"), D("1000.00"), "罗振华")
        ]
        assert rows[0].document_reference == "武建协〔2026〕12号" and rows[0].scan_name == "同意书.pdf"
        assert rows[0].problem is None
        later = dues.reductions(session, officer, 2027)
        assert [(r.due, r.problem) for r in later] == [(D("500.00"), "尚未开具该年度会费，开具时按同意的金额")]
        table = dues.reductions_table(rows, 2026, "武汉建筑业协会", dt.date(2026, 11, 26))
        assert table.footing == ["共 1 项，减免合计 1,000.00 元"] and table.rows[0][8] == "罗振华"
        # the mentor of the reduced member sees it; its scan can be opened
        assert len(dues.reductions(session, mentor, 2026)) == 1
        name, mime, content = dues.consent_scan(session, mentor, rows[0].consent_id)
        assert (name, mime, content) == ("同意书.pdf", "application/pdf", SCAN)
    other_mentor = make_staff(db, Role.MENTOR, "mentor2")
    with db.session() as session:
        assert dues.reductions(session, other_mentor, 2026) == []
        with pytest.raises(PermissionDenied, match="班主任只能查看自己负责的会员"):
            dues.consent_scan(session, other_mentor, rows[0].consent_id)
