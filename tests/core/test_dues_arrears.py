"""Arrears (R-8.5, R-9.5, R-12.1 (1)): years unpaid and amount per member, each mentor's collection
rate by count and amount, and "unpaid for more than a year" at its boundary, with an injected clock."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop_app.core.models import MemberStatus, Role
from desktop_app.core.services import dues
from desktop_app.core.settings import UNPAID_COUNTED_FROM, UNPAID_MONTHS
from tests.conftest import make_staff
from tests.core.test_dues import add_member, bill, pay, setting

D = Decimal


@pytest.fixture
def paid_2024_not_2025(db, officer, clock):  # type: ignore[no-untyped-def]
    """A member that paid 2024 and not 2025: its last paid dues period ended on 2024-12-31."""
    member_id = add_member(db, officer, 1, join_date=dt.date(2020, 10, 27))
    clock.set(dt.date(2024, 3, 1))
    bill(db, officer, 2024)
    pay(db, officer, member_id, 2000)
    clock.set(dt.date(2025, 2, 1))
    bill(db, officer, 2025)
    return member_id


@pytest.mark.parametrize(
    ("today", "over"),
    [
        (dt.date(2025, 12, 31), False),  # a year after 2024-12-31: not more than a year
        (dt.date(2026, 1, 1), True),  # the day after: more than a year
    ],
)
def test_more_than_a_year_from_the_end_of_the_last_paid_period(db, clock, paid_2024_not_2025, today, over) -> None:  # type: ignore[no-untyped-def]
    clock.set(today)
    with db.session() as session:
        evidence = dues.unpaid_evidence(session, paid_2024_not_2025)  # on today, from the clock
        assert evidence is not None
        assert evidence.years_unpaid == (2025,) and evidence.amount_owed == D("2000.00")
        assert evidence.since == dt.date(2025, 1, 1) and evidence.paid_until == dt.date(2024, 12, 31)
        assert evidence.over_a_year_from == dt.date(2026, 1, 1)
        assert evidence.over_a_year(today) is over
        found = dues.members_unpaid_over_a_year(session, today)
        assert [e.member_id for e in found] == ([paid_2024_not_2025] if over else [])
        if over:
            assert found[0] == evidence
            assert "2025 年度会费未缴，共欠 2,000.00 元；已缴至 2024-12-31" in evidence.describe()


@pytest.mark.parametrize(("today", "over"), [(dt.date(2026, 3, 31), False), (dt.date(2026, 4, 1), True)])
def test_counted_from_the_due_date_when_the_setting_says_so(db, admin, clock, paid_2024_not_2025, today, over) -> None:  # type: ignore[no-untyped-def]
    setting(db, admin, UNPAID_COUNTED_FROM, "due_date")  # 2025's dues were due by 2025-03-31 (90 days)
    clock.set(today)
    with db.session() as session:
        assert bool(dues.members_unpaid_over_a_year(session, today)) is over
        assert dues.unpaid_evidence(session, paid_2024_not_2025).over_a_year_from == dt.date(2026, 4, 1)


def test_the_length_is_a_setting(db, admin, clock, paid_2024_not_2025) -> None:  # type: ignore[no-untyped-def]
    setting(db, admin, UNPAID_MONTHS, 6)
    with db.session() as session:
        assert dues.unpaid_evidence(session, paid_2024_not_2025, dt.date(2025, 7, 1)).over_a_year(dt.date(2025, 7, 1))
        assert not dues.unpaid_evidence(session, paid_2024_not_2025, dt.date(2025, 6, 30)).over_a_year(
            dt.date(2025, 6, 30)
        )


def test_paying_ends_the_evidence_and_earlier_memberships_do_not_count(db, officer, clock, paid_2024_not_2025) -> None:  # type: ignore[no-untyped-def]
    clock.set(dt.date(2026, 1, 5))
    pay(db, officer, paid_2024_not_2025, 2000)
    with db.session() as session:
        assert dues.unpaid_evidence(session, paid_2024_not_2025) is None
        assert dues.members_unpaid_over_a_year(session, dt.date(2026, 1, 5)) == []
    # a member re-admitted in 2026 after leaving with 2024 unpaid: that debt belongs to its earlier membership
    member_id = add_member(db, officer, 2, join_date=dt.date(2019, 1, 1))
    clock.set(dt.date(2024, 3, 1))
    bill(db, officer, 2024)
    with db.session() as session:
        from desktop_app.core.models import Member

        session.get(Member, member_id).join_date = dt.date(2026, 2, 1)
    clock.set(dt.date(2026, 11, 26))
    with db.session() as session:
        assert dues.unpaid_evidence(session, member_id) is None


def test_a_member_that_never_paid_counts_from_its_first_year(db, officer, clock) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, 1, join_date=dt.date(2025, 1, 1))
    clock.set(dt.date(2025, 2, 1))
    bill(db, officer, 2025)
    with db.session() as session:
        evidence = dues.unpaid_evidence(session, member_id, dt.date(2026, 1, 1))
        assert evidence.paid_until is None and evidence.since == dt.date(2025, 1, 1)
        assert evidence.over_a_year(dt.date(2026, 1, 1))
        assert "本次入会以来未缴清任何年度" in evidence.describe()


def test_arrears_per_member_and_the_reminder_list(db, officer, mentor, clock) -> None:  # type: ignore[no-untyped-def]
    owes_two = add_member(db, officer, 1, mentor_id=mentor.id, level="council")
    owes_part = add_member(db, officer, 2)
    add_member(db, officer, 3)  # pays in full
    add_member(db, officer, 4, status=MemberStatus.WITHDRAWN)
    clock.set(dt.date(2025, 2, 1))
    bill(db, officer, 2025)
    clock.set(dt.date(2026, 11, 26))
    bill(db, officer, 2026)
    pay(db, officer, owes_part, 3000)  # 2025 and half of 2026
    pay(db, officer, 3, 4000)
    with db.session() as session:
        rows = dues.arrears(session, officer)
        assert [(r.member_id, r.years, r.amount, r.over_a_year) for r in rows] == [
            (owes_two, (2025, 2026), D("10000.00"), True),  # by member number
            (owes_part, (2026,), D("1000.00"), False),
        ]
        totals = dues.arrears_totals(session, officer)
        assert (totals.members, totals.amount, totals.over_a_year) == (2, D("11000.00"), 1)
        assert dues.arrears_totals(session, officer, over_a_year_only=True).amount == D("10000.00")
        assert [r.member_id for r in dues.arrears(session, officer, limit=1, offset=1)] == [owes_part]  # a page
        assert rows[0].mentor == "陈晓燕" and rows[0].phone == "13871234567"
        assert [r.member_id for r in dues.arrears(session, officer, over_a_year_only=True)] == [owes_two]
        assert [r.member_id for r in dues.arrears(session, mentor)] == [owes_two]  # a mentor: its own only
        assert [r.member_id for r in dues.arrears(session, officer, mentor_id=0)] == [owes_part]
        table = dues.reminder_table(rows, "武汉建筑业协会", dt.date(2026, 11, 26))
        assert table.heading[1] == "截至 2026-11-26，共 2 个会员，欠缴合计 11,000.00 元"
        assert table.rows[0][4] == "2025、2026" and table.rows[0][7] == "是"


def test_collection_rate_per_mentor_by_count_and_amount(db, officer, mentor, leader) -> None:  # type: ignore[no-untyped-def]
    other = make_staff(db, Role.MENTOR, "mentor2", "王海燕")
    a = add_member(db, officer, 1, mentor_id=mentor.id)
    b = add_member(db, officer, 2, mentor_id=mentor.id)
    add_member(db, officer, 3, mentor_id=mentor.id)
    c = add_member(db, officer, 4, mentor_id=other.id, level="council")
    add_member(db, officer, 5)  # no mentor
    bill(db, officer, 2026)
    pay(db, officer, a, 2000)
    pay(db, officer, b, 1000)  # partial: not paid in full
    pay(db, officer, c, 5000)
    with db.session() as session:
        rates = {r.mentor: r for r in dues.collection_rates(session, leader, 2026)}
        mine = rates["陈晓燕"]
        assert (mine.billed, mine.paid_in_full, mine.due, mine.paid) == (3, 1, D("6000.00"), D("3000.00"))
        assert mine.rate_by_count == pytest.approx(1 / 3) and mine.rate_by_amount == pytest.approx(0.5)
        assert rates["王海燕"].rate_by_count == 1.0 and rates["（未分配班主任）"].paid == 0
        total = rates["合计"]
        assert (total.billed, total.paid_in_full, total.due, total.paid) == (5, 2, D("13000.00"), D("8000.00"))
        assert list(rates)[0] == "王海燕"  # the best collector first
        own = dues.collection_rates(session, mentor, 2026)
        assert [r.mentor for r in own] == ["陈晓燕"]


def test_a_mentor_without_members_sees_no_arrears(db, officer) -> None:  # type: ignore[no-untyped-def]
    add_member(db, officer, 1)
    bill(db, officer, 2026)
    newcomer = make_staff(db, Role.MENTOR, "mentor3", "刘新")
    with db.session() as session:
        assert dues.arrears(session, newcomer) == [] and len(dues.arrears(session, officer)) == 1
        assert dues.collection_rates(session, newcomer, 2026) == []


@pytest.mark.parametrize(("today", "over"), [(dt.date(2026, 10, 3), False), (dt.date(2026, 10, 4), True)])
def test_a_member_that_joined_during_the_year_counts_from_its_join_date(db, officer, clock, today, over) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, 1, join_date=dt.date(2025, 10, 4))  # billed the whole of 2025 (full)
    clock.set(dt.date(2025, 10, 10))
    bill(db, officer, 2025)
    clock.set(today)
    with db.session() as session:
        evidence = dues.unpaid_evidence(session, member_id)
        assert evidence.since == dt.date(2025, 10, 4) and evidence.paid_until is None
        assert evidence.over_a_year_from == dt.date(2026, 10, 4) and evidence.over_a_year(today) is over
        assert [e.member_id for e in dues.members_unpaid_over_a_year(session, today)] == ([member_id] if over else [])
        assert dues.arrears_totals(session, officer).over_a_year == (1 if over else 0)
        assert [r.over_a_year for r in dues.arrears(session, officer, limit=10)] == [over]
        assert len(dues.arrears(session, officer, limit=10, over_a_year_only=True)) == (1 if over else 0)
