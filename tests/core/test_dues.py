"""Dues through the services (issue 13): the schedule with history, billing a year (twice), the
first-year rule, partial payments, credit carried forward, reversals, the role gates.
R-5.5, R-8.5. The clock is the ``clock`` fixture (2026-11-26); tests move it.

The helpers at the top are shared by the other ``test_dues_*`` modules.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop_app.core.models import (
    AuditEntry,
    BillBasis,
    DuesAllocation,
    DuesBill,
    DuesPayment,
    DuesReceipt,
    MemberStatus,
    PaymentMethod,
)
from desktop_app.core.security import Actor
from desktop_app.core.services import dues, members
from desktop_app.core.settings import DUES_FIRST_YEAR, DUES_YEAR_START_MONTH, LEVELS, get_setting, set_setting
from desktop_app.core.validation import uscc_check_character
from desktop_app.errors import PermissionDenied, ValidationError

D = Decimal


def uscc(n: int) -> str:
    first17 = f"91420102MA4K{n:05d}"
    return first17 + uscc_check_character(first17)


def add_member(db, actor: Actor, n: int, **values: Any) -> int:  # type: ignore[no-untyped-def]
    """A member with a valid code; ``values`` override name, level, join date, status …"""
    base = {
        "name": f"武汉第{n}建设工程有限公司",
        "uscc": uscc(n),
        "category": "construction_enterprise",
        "level": "member",
        "join_date": dt.date(2020, 10, 27),
        "address": "武汉市江岸区解放大道1399号",
        "postcode": "430010",
        "liaison_name": "张丽",
        "liaison_mobile": "13871234567",
    }
    base.update(values)
    if base.get("status") in (MemberStatus.WITHDRAWN, "withdrawn"):
        base.setdefault("left_date", dt.date(2025, 6, 30))
        base.setdefault("left_reason", "书面申请退会")
    with db.session() as session:
        return members.create_member(session, actor, base).id


def bills(db, member_id: int) -> dict[int, DuesBill]:  # type: ignore[no-untyped-def]
    with db.session() as session:
        rows = session.scalars(
            select(DuesBill).where(DuesBill.member_id == member_id, DuesBill.cancelled_at.is_(None))
        ).all()
        return {b.year: b for b in rows}


def bill(db, actor: Actor, year: int) -> dues.BillingResult:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return dues.bill_year(session, actor, year)


def pay(db, actor: Actor, member_id: int, amount: Any, **values: Any) -> dues.PaymentResult:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return dues.record_payment(session, actor, member_id, amount=amount, **values)


def setting(db, admin: Actor, spec, value) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        set_setting(session, admin, spec, value)


# --- the schedule --------------------------------------------------------------------------------


def test_annual_dues_come_from_the_schedule_for_a_year(db, admin) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        assert dues.annual_dues(session, "member") == D("2000")  # this dues year (2026) by default
        assert dues.annual_dues(session, "president", 2015) == D("50000")
        assert dues.annual_dues(session, "honorary") is None  # not in the schedule: never a silent 0
        # the levels setting keeps codes and names only: the dues moved to the schedule (issue 13)
        assert all("annual_dues" not in level for level in get_setting(session, LEVELS))


def test_a_change_from_next_year_leaves_this_year_alone(db, admin, officer) -> None:  # type: ignore[no-untyped-def]
    add_member(db, officer, 1, level="council")
    bill(db, officer, 2026)
    amounts = {"president": 60000, "vice_president": 36000, "standing_council": 12000, "council": 6000, "member": 2400}
    with db.session() as session:
        dues.set_schedule_entry(session, admin, 2027, amounts, "2026年会员大会决议")
    with db.session() as session:
        assert dues.annual_dues(session, "council", 2026) == D("5000")  # 2026 as it was billed
        assert dues.annual_dues(session, "council", 2027) == D("6000")
        assert [e.from_year for e in dues.schedule(session)] == [2000, 2027]
    # changing a year that was billed is refused, naming the first year it may take effect from
    with db.session() as session, pytest.raises(ValidationError, match="2026年度已开具会费.*自 2027 年度起执行"):
        dues.set_schedule_entry(session, admin, 2026, amounts)
    with db.session() as session, pytest.raises(ValidationError, match="会员单位：请填写年度会费"):
        dues.set_schedule_entry(session, admin, 2028, {**amounts, "member": ""})
    with db.session() as session, pytest.raises(PermissionDenied):
        dues.set_schedule_entry(session, officer, 2028, amounts)  # the administrator's setting
    with db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.summary.like("%会费标准%"))).first()
        assert entry is not None and entry.actor_name == "管理员"


def test_the_dues_year_may_start_in_another_month(db, admin) -> None:  # type: ignore[no-untyped-def]
    setting(db, admin, DUES_YEAR_START_MONTH, 4)
    with db.session() as session:
        assert dues.period(session, 2026) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))
        assert dues.dues_year_of(session, dt.date(2027, 3, 31)) == 2026
        assert dues.current_year(session) == 2026  # 2026-11-26


# --- billing -------------------------------------------------------------------------------------


def test_billing_a_year_twice_creates_nothing_new(db, officer) -> None:  # type: ignore[no-untyped-def]
    first = add_member(db, officer, 1, level="council")
    second = add_member(db, officer, 2)
    add_member(db, officer, 3, status=MemberStatus.WITHDRAWN)  # left: not billed
    result = bill(db, officer, 2026)
    assert (result.billed, result.amount, result.already) == (2, D("7000.00"), 0)
    assert "新开具 2 个会员，合计 7,000.00 元" in result.summary()
    again = bill(db, officer, 2026)
    assert (again.billed, again.already) == (0, 2)
    assert bills(db, first)[2026].due == D("5000.00") and bills(db, second)[2026].due == D("2000.00")
    assert bills(db, first)[2026].period_start == dt.date(2026, 1, 1)
    with db.session() as session:
        assert session.scalar(select(func.count(DuesBill.id))) == 2
        assert dues.members_without_bill(session, 2026) == 0
    # a member entered afterwards is billed by the next run, and only it
    third = add_member(db, officer, 4)
    assert bill(db, officer, 2026).billed == 1 and 2026 in bills(db, third)


def test_billing_checks_the_year_and_the_role(db, officer, mentor, leader) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session, pytest.raises(PermissionDenied, match="无权开具年度会费"):
        dues.bill_year(session, mentor, 2026)
    with db.session() as session, pytest.raises(PermissionDenied):
        dues.bill_year(session, leader, 2026)
    with db.session() as session, pytest.raises(ValidationError, match="最多提前开具下一会费年度（2027 年度）"):
        dues.bill_year(session, officer, 2028)
    with db.session() as session, pytest.raises(ValidationError, match="不是年度"):
        dues.bill_year(session, officer, "明年")


def test_a_level_without_dues_is_listed_not_billed_at_zero(db, admin, officer) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        set_setting(
            session, admin, LEVELS, get_setting(session, LEVELS) + [{"code": "honorary", "name": "名誉会员单位"}]
        )
    add_member(db, officer, 1, level="honorary")
    result = bill(db, officer, 2026)
    assert result.billed == 0 and result.problems == ["级别“名誉会员单位”没有 2026 年度的会费标准（1 个会员）"]


@pytest.mark.parametrize(
    ("rule", "year", "expected", "basis"),
    [
        ("full", 2026, D("2000.00"), BillBasis.FIRST_YEAR),
        ("pro_rata", 2026, D("333.00"), BillBasis.FIRST_YEAR),  # November and December: 2 of 12 months
        ("free", 2026, None, None),
    ],
)
def test_the_first_year_starts_at_registration(db, admin, officer, rule, year, expected, basis) -> None:  # type: ignore[no-untyped-def]
    setting(db, admin, DUES_FIRST_YEAR, rule)
    newcomer = add_member(db, officer, 1, join_date=dt.date(2026, 11, 2))
    older = add_member(db, officer, 2, join_date=dt.date(2026, 1, 1))  # joined on the year's first day: full
    result = bill(db, officer, year)
    found = bills(db, newcomer).get(year)
    if expected is None:
        assert found is None and result.free_first_year == 1
        assert bill(db, officer, 2027).billed == 2 and bills(db, newcomer)[2027].due == D("2000.00")
    else:
        assert (found.due, found.basis) == (expected, basis)
        assert "2026-11" in found.basis_note
    assert bills(db, older)[2026].due == D("2000.00") and bills(db, older)[2026].basis == BillBasis.YEAR
    not_yet = add_member(db, officer, 3, join_date=dt.date(2026, 11, 26))
    with db.session() as session:
        assert 2025 not in {b.year for b in session.scalars(select(DuesBill).where(DuesBill.member_id == not_yet))}
    assert bill(db, officer, 2025).not_yet_members == 3  # all three joined after 2025: not billed for it


# --- payments --------------------------------------------------------------------------------------


def test_a_partial_payment_stays_an_arrear_and_credit_carries_forward(db, officer) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, 1)
    bill(db, officer, 2026)
    first = pay(db, officer, member_id, "1,500", method="现金", reference="XJ-001")
    assert first.settled == [(2026, D("1500.00"))] and first.still_owed == D("500.00") and first.credit == 0
    assert first.receipt is not None and first.receipt.number == "WJXS202600001"
    assert not bills(db, member_id)[2026].settled  # short of the bill, never "paid"
    second = pay(db, officer, member_id, 1000, received_on="2026-11-25")
    assert second.settled == [(2026, D("500.00"))] and second.credit == D("500.00") and second.still_owed == 0
    assert "余额 500.00 元留作下一年度会费" in second.summary()
    assert bills(db, member_id)[2026].settled
    with db.session() as session:
        receipt = session.scalar(select(DuesReceipt).where(DuesReceipt.payment_id == second.payment.id))
        assert receipt.years == "2026,2027" and "预收" in receipt.note  # the credit is for next year
    # next year's bill is paid from the credit at once
    result = bill(db, officer, 2027)
    assert result.credit_settled == 1
    next_year = bills(db, member_id)[2027]
    assert (next_year.paid, next_year.settled) == (D("500.00"), False)
    with db.session() as session:
        assert dues.credit_of(session, dues.Owner(member_id=member_id)) == 0
        assert session.scalar(select(func.sum(DuesAllocation.amount))) == D("2500.00")


def test_payment_values_are_checked(db, officer, mentor) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, 1)
    with pytest.raises(ValidationError) as error:
        pay(db, officer, member_id, "0", received_on="2026-12-01", method="支票")
    assert error.value.errors == {
        "amount": "金额：应大于 0",
        "received_on": "收款日期：不能晚于今天",
        "method": "交款方式：“支票”不是可选项（银行转账、现金、其他）",
    }
    with pytest.raises(ValidationError, match="两位小数"):
        pay(db, officer, member_id, "100.005")
    with pytest.raises(PermissionDenied, match="无权登记会费缴费"):
        pay(db, mentor, member_id, "100")


def test_a_payment_before_any_bill_is_credit(db, officer) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, 1)
    result = pay(db, officer, member_id, 2000, method=PaymentMethod.BANK_TRANSFER)
    assert result.settled == [] and result.credit == D("2000.00")
    bill(db, officer, 2026)
    assert bills(db, member_id)[2026].settled


def test_oldest_year_first(db, officer, clock) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, 1)
    clock.set(dt.date(2025, 3, 1))
    bill(db, officer, 2025)
    clock.set(dt.date(2026, 11, 26))
    bill(db, officer, 2026)
    result = pay(db, officer, member_id, 3000)
    assert result.settled == [(2025, D("2000.00")), (2026, D("1000.00"))] and result.still_owed == D("1000.00")


def test_a_reversal_undoes_a_payment_without_editing_it(db, officer, mentor) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, 1)
    bill(db, officer, 2026)
    wrong = pay(db, officer, member_id, 2500)  # 500 of credit
    assert bills(db, member_id)[2026].settled
    with db.session() as session, pytest.raises(ValidationError, match="冲正原因：不能为空"):
        dues.reverse_payment(session, officer, wrong.payment.id, "")
    with db.session() as session, pytest.raises(PermissionDenied):
        dues.reverse_payment(session, mentor, wrong.payment.id, "录错")
    with db.session() as session:
        reversal = dues.reverse_payment(session, officer, wrong.payment.id, "银行退票")
        reversal_id = reversal.id
    assert not bills(db, member_id)[2026].settled and bills(db, member_id)[2026].paid == 0
    with db.session() as session:
        original = session.get(DuesPayment, wrong.payment.id)
        assert original.amount == D("2500.00")  # never edited
        assert session.get(DuesPayment, reversal_id).amount == D("-2500.00")
        assert dues.credit_of(session, dues.Owner(member_id=member_id)) == 0
        assert dues.is_reversed(session, wrong.payment.id)
        with pytest.raises(ValidationError, match="已经冲正过"):
            dues.reverse_payment(session, officer, wrong.payment.id, "再次")
        with pytest.raises(ValidationError, match="本身就是冲正"):
            dues.reverse_payment(session, officer, reversal_id, "再次")
        assert [i.receipt_number for i in dues.receipts_waiting_to_mail(session)] == []  # the receipt is void
        assert session.scalar(select(AuditEntry.summary).where(AuditEntry.action == "reverse_payment")).startswith(
            "冲正会费缴款 2,500.00 元"
        )
    right = pay(db, officer, member_id, 2000)
    assert right.settled == [(2026, D("2000.00"))]


def test_a_reversal_lets_other_credit_pay_the_year_again(db, officer) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, 1)
    bill(db, officer, 2026)
    first = pay(db, officer, member_id, 2000)
    pay(db, officer, member_id, 2000)  # paid twice: the second is credit
    with db.session() as session:
        dues.reverse_payment(session, officer, first.payment.id, "重复登记")
    assert bills(db, member_id)[2026].settled  # the other payment now pays 2026
    with db.session() as session:
        assert dues.credit_of(session, dues.Owner(member_id=member_id)) == 0


def test_future_dues_of_a_member_who_left_are_cancelled_arrears_stay(db, officer, clock) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, 1)
    bill(db, officer, 2026)
    bill(db, officer, 2027)
    with db.session() as session:
        assert dues.cancel_future_dues(session, officer, member_id, after=dt.date(2026, 11, 20), reason="退会") == [
            2027
        ]
    assert set(bills(db, member_id)) == {2026}  # 2026 is still owed
    assert bill(db, officer, 2026).already == 1
