"""Dues at entry (R-5.1 (5), R-8.5, R-15.1): admission's dues step books a real payment against the
first year (never less than is due without a consent), the payment follows the application to its
member at registration, and a membership restored by back-payment is registered only when the
years owed are paid."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_app.core.models import (
    ApplicationStage,
    BillBasis,
    DuesBill,
    DuesPayment,
    DuesReceipt,
    MemberStatus,
)
from desktop_app.core.services import admission, dues, members
from desktop_app.core.services.admission import AdmissionRefused
from desktop_app.core.settings import DUES_FIRST_YEAR
from desktop_app.errors import ValidationError
from tests.conftest import VALID_USCC
from tests.core import test_admission
from tests.core.test_admission import create, take, walk
from tests.core.test_dues import bill, bills, pay, setting, uscc
from tests.core.test_dues_consents import SCAN

D = Decimal
applicant = test_admission.applicant  # the admission tests' fixture


def test_the_dues_step_books_a_payment_that_follows_the_member(db, officer, leader, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    walk(db, officer, leader, application_id, ApplicationStage.APPROVED)
    with pytest.raises(ValidationError, match="入会会费：2026 年度应缴 2,000.00 元，不能少收（第八条第（五）项"):
        take(db, officer, application_id, ApplicationStage.DUES_PAID, amount="1")  # the issue's ¥1
    take(db, officer, application_id, ApplicationStage.DUES_PAID, amount="2500", receipt_number="SJ0001")
    with db.session() as session:
        held = session.scalars(select(DuesBill).where(DuesBill.application_id == application_id)).one()
        assert (held.member_id, held.year, held.due, held.settled, held.basis) == (
            None,
            2026,
            D("2000.00"),
            True,
            BillBasis.ADMISSION,
        )
        receipt = session.scalar(select(DuesReceipt).where(DuesReceipt.number == "SJ0001"))
        assert receipt.payment_id is not None and receipt.amount == D("2500.00") and receipt.payer_uscc == VALID_USCC
        events = admission.history(session, application_id)
        assert "余额 500.00 元留作下一年度会费" in events[0].summary
    take(db, leader, application_id, ApplicationStage.SIGNED_OFF)
    member = take(db, officer, application_id, ApplicationStage.REGISTERED)
    # registration passed the application's bill, payment and receipt to the member
    assert set(bills(db, member.id)) == {2026}
    with db.session() as session:
        assert (
            session.scalar(select(DuesPayment.member_id).where(DuesPayment.application_id == application_id))
            == member.id
        )
        assert session.scalar(select(DuesReceipt.member_id).where(DuesReceipt.number == "SJ0001")) == member.id
        assert dues.credit_of(session, dues.Owner(member_id=member.id)) == D("500.00")
    assert bill(db, officer, 2026).already == 1  # not billed again
    bill(db, officer, 2027)
    assert bills(db, member.id)[2027].paid == D("500.00")


def test_the_first_year_rule_applies_at_admission(db, admin, officer, leader, applicant) -> None:  # type: ignore[no-untyped-def]
    setting(db, admin, DUES_FIRST_YEAR, "pro_rata")
    application_id = create(db, officer, applicant)
    walk(db, officer, leader, application_id, ApplicationStage.APPROVED)
    with pytest.raises(ValidationError, match="2026 年度应缴 333.00 元"):
        take(db, officer, application_id, ApplicationStage.DUES_PAID, amount="300")
    with db.session() as session:  # what the dues step's form can show beforehand, writing nothing
        application = admission.get_application(session, application_id)
        assert dues.admission_dues(session, application, dt.date(2026, 11, 26)).owed == D("333.00")
        assert (
            dues.admission_dues(session, application, dt.date(2026, 11, 26)).text()
            == "入会会费：2026 年度应缴 333.00 元"
        )
    take(db, officer, application_id, ApplicationStage.DUES_PAID, amount="333")
    setting(db, admin, DUES_FIRST_YEAR, "free")
    second = create(db, officer, {**applicant, "name": "武汉第二建设有限公司", "uscc": uscc(15)})
    walk(db, officer, leader, second, ApplicationStage.APPROVED)
    take(db, officer, second, ApplicationStage.DUES_PAID, amount="2000", receipt_number="SJ0002")
    with db.session() as session:
        assert session.scalar(select(DuesBill.year).where(DuesBill.application_id == second)) == 2027


def test_a_consent_for_the_applicant_lowers_the_dues_step(db, officer, leader, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    walk(db, officer, leader, application_id, ApplicationStage.APPROVED)
    with db.session() as session:
        dues.record_consent(
            session,
            leader,
            application_id=application_id,
            year=2026,
            agreed="1000",
            reason="行业协会对口扶持单位",
            document_reference="武建协〔2026〕20号",
            consented_on=dt.date(2026, 11, 25),
            scan_name="同意书.pdf",
            scan=SCAN,
            scan_check=admission.attachment_problem,
        )
    take(db, officer, application_id, ApplicationStage.DUES_PAID, amount="1000")
    with db.session() as session:
        held = session.scalars(select(DuesBill).where(DuesBill.application_id == application_id)).one()
        assert (held.scheduled, held.due, held.settled) == (D("2000.00"), D("1000.00"), True)


def test_redoing_the_dues_step_counts_nothing_twice(db, officer, leader, applicant) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    walk(db, officer, leader, application_id, ApplicationStage.APPROVED)
    take(db, officer, application_id, ApplicationStage.DUES_PAID, amount="3000", receipt_number="SJ0001")
    with db.session() as session:
        admission.send_back(session, officer, application_id, to_stage="dues_paid", reason="金额录错")
    take(db, officer, application_id, ApplicationStage.DUES_PAID, amount="2000", receipt_number="SJ0002")
    with db.session() as session:
        payments = session.scalars(select(DuesPayment).where(DuesPayment.application_id == application_id)).all()
        assert sorted(p.amount for p in payments) == [D("-3000.00"), D("2000.00"), D("3000.00")]
        assert dues.credit_of(session, dues.Owner(application_id=application_id)) == 0
        held = session.scalars(select(DuesBill).where(DuesBill.application_id == application_id)).one()
        assert held.paid == D("2000.00") and held.settled


@pytest.fixture
def former(db, officer, clock):  # type: ignore[no-untyped-def]
    """A member that paid 2023, left in 2024 owing 2024, and applies again in 2026."""
    values = {
        "name": "武汉市江岸区宏达建设工程有限公司",
        "uscc": VALID_USCC,
        "category": "construction_enterprise",
        "level": "member",
        "join_date": dt.date(2015, 3, 1),
    }
    with db.session() as session:
        member_id = members.create_member(session, officer, values).id
    clock.set(dt.date(2023, 2, 1))
    bill(db, officer, 2023)
    pay(db, officer, member_id, 2000)
    clock.set(dt.date(2024, 2, 1))
    bill(db, officer, 2024)
    with db.session() as session:  # cancelled by the withdrawal procedure (issue 15), written here directly
        member = members.get_member(session, member_id)
        member.status, member.left_date, member.left_reason = MemberStatus.CANCELLED, dt.date(2024, 9, 30), "欠缴会费"
    clock.set(dt.date(2026, 11, 26))
    return member_id


def test_back_payment_bills_the_years_owed_and_restores_only_when_paid(db, officer, leader, applicant, former) -> None:  # type: ignore[no-untyped-def]
    application_id = create(db, officer, applicant)
    with db.session() as session:
        admission.decide_back_payment(session, leader, application_id, granted=True, reason="愿补缴所欠会费")
    with db.session() as session:
        application = admission.get_application(session, application_id)
        assert dues.back_payment_years(session, session.get(type(application.former_member), former)) == [
            2024,
            2025,
            2026,
        ]
        assert "须先缴清所欠会费（第十五条）：2024、2025、2026 年度" in dues.back_payment_refusal(session, application)
    walk(db, officer, leader, application_id, ApplicationStage.APPROVED)
    with db.session() as session:
        owed = dues.admission_dues(session, admission.get_application(session, application_id), dt.date(2026, 11, 26))
        assert (owed.years, owed.owed, owed.back_payment) == ((2024, 2025, 2026), D("6000.00"), True)
    with pytest.raises(ValidationError, match="补缴会费恢复会籍：2024、2025、2026 年度应缴 6,000.00 元"):
        take(db, officer, application_id, ApplicationStage.DUES_PAID, amount="2000")
    take(db, officer, application_id, ApplicationStage.DUES_PAID, amount="6000")
    assert {y: b.settled for y, b in bills(db, former).items()} == {2023: True, 2024: True, 2025: True, 2026: True}
    assert bills(db, former)[2025].basis == BillBasis.BACK_PAYMENT
    with db.session() as session:
        assert dues.back_payment_refusal(session, admission.get_application(session, application_id)) is None


def test_a_grant_after_the_dues_step_still_waits_for_the_years_owed(db, officer, leader, applicant, former) -> None:  # type: ignore[no-untyped-def]
    """R-15.1: the resident leader may grant the back-payment route late; registration then waits."""
    application_id = create(db, officer, applicant)
    walk(db, officer, leader, application_id, ApplicationStage.DUES_PAID)  # the first year's dues only
    with db.session() as session:
        admission.decide_back_payment(session, leader, application_id, granted=True, reason="愿补缴所欠会费")
    with db.session() as session:
        application = admission.get_application(session, application_id)
        assert {2024, 2025} <= set(bills(db, former))  # billed at the grant
        refusal = dues.back_payment_refusal(session, application)
        assert refusal is not None and "须先缴清所欠会费" in refusal
    take(db, leader, application_id, ApplicationStage.SIGNED_OFF)
    with pytest.raises(AdmissionRefused, match="须先缴清所欠会费"):
        take(db, officer, application_id, ApplicationStage.REGISTERED)
    pay(db, officer, former, 4000)
    take(db, officer, application_id, ApplicationStage.REGISTERED)
    with db.session() as session:
        assert members.get_member(session, former).status == MemberStatus.ACTIVE
