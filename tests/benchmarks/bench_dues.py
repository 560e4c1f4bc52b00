"""Dues benchmarks (issue 13): figures against a floor measured in the same run. Asserts nothing.

    .venv/bin/python tests/benchmarks/bench_dues.py [--members 100000] [--years 5] [--runs 5] [--db URL]

- billing:  ``bill_year`` for every active member (schedule, first-year rule, consents, credit
            carried forward, audit) against the floor of merely inserting the same rows with one
            ``executemany`` (``db.bulk_insert``)                              goal ≤ 5 s on SQLite
- again:    billing the same year a second time (nothing new)
- arrears:  the arrears list as the window shows it (the first page of members with their unpaid
            years and amount, ``dues.arrears(limit=200)``; its totals follow from a worker thread),
            and each mentor's collection rate of a year (``dues.collection_rates``), at members ×
            years of bills, against the floor of one plain scan counting every bill  goal ≤ 200 ms;
            also every row (the reminder list) and the withdrawal review's candidates
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select, text, update  # noqa: E402

from desktop_app.core.clock import FixedClock  # noqa: E402
from desktop_app.core.db import bulk_insert, table_of  # noqa: E402
from desktop_app.core.migrate import open_database  # noqa: E402
from desktop_app.core.models import (  # noqa: E402
    DuesAllocation,
    DuesBill,
    DuesPayment,
    Member,
    MemberStatus,
    PaymentMethod,
    Role,
    Staff,
)
from desktop_app.core.security import SYSTEM_ACTOR, Actor, hash_password  # noqa: E402
from desktop_app.core.services import dues  # noqa: E402
from desktop_app.demo.names import Dice, make_uscc  # noqa: E402

CHINA = dt.timezone(dt.timedelta(hours=8))
LEVELS = ["member"] * 80 + ["council"] * 14 + ["standing_council"] * 5 + ["vice_president"]


def timed(fn, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median and fastest of ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times)


def make_members(db, count: int, mentors: int) -> tuple[Actor, list[int]]:  # type: ignore[no-untyped-def]
    """``count`` members (95 % active) and ``mentors`` mentors, inserted in bulk."""
    rng = Dice(5)
    now = db.clock.now()
    with db.session() as session:
        session.execute(
            insert(table_of(Staff)),
            [
                {
                    "username": f"m{i:02d}",
                    "full_name": f"班主任{i:02d}",
                    "role": Role.MENTOR,
                    "password_hash": hash_password("bench-password"),
                    "is_active": True,
                    "created_at": now,
                }
                for i in range(mentors)
            ]
            + [
                {
                    "username": "officer",
                    "full_name": "郑会籍",
                    "role": Role.MEMBERSHIP_OFFICER,
                    "password_hash": hash_password("bench-password"),
                    "is_active": True,
                    "created_at": now,
                }
            ],
        )
        mentor_ids = list(session.scalars(select(Staff.id).where(Staff.role == Role.MENTOR)))
        officer = Actor.of(session.scalars(select(Staff).where(Staff.username == "officer")).one())
        codes: set[str] = set()
        rows = []
        for n in range(count):
            while True:
                code = make_uscc(rng, "91", "420102")
                if code not in codes:
                    codes.add(code)
                    break
            joined = dt.date(2001, 1, 1) + dt.timedelta(days=int(9000 * rng.random()))
            rows.append(
                {
                    "member_number": f"WJX{n:07d}",
                    "name": f"武汉第{n}建设工程有限公司",
                    "uscc": code,
                    "category": "construction_enterprise",
                    "level": rng.choice(LEVELS),
                    "status": MemberStatus.ACTIVE if rng.random() < 0.95 else MemberStatus.WITHDRAWN,
                    "join_date": joined,
                    "mentor_id": rng.choice(mentor_ids),
                    "search_text": "",
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                }
            )
        bulk_insert(session.connection(), table_of(Member), rows)
        ids = list(session.scalars(select(Member.id).where(Member.status == MemberStatus.ACTIVE)))
    return officer, ids


def pay_most(db, officer: Actor, year: int, share: float, seed: int) -> None:  # type: ignore[no-untyped-def]
    """Payments for ``share`` of a year's bills (some partial), inserted in bulk with their
    allocations and the bills' running sums, as the ledger's own rule would leave them."""
    rng = random.Random(seed)
    now = db.clock.now()
    with db.session() as session:
        bills = session.execute(
            select(DuesBill.id, DuesBill.member_id, DuesBill.due).where(DuesBill.year == year)
        ).all()
        next_id = (session.scalar(select(func.max(DuesPayment.id))) or 0) + 1
        payments, allocations, changes = [], [], []
        for bill_id, member_id, due in bills:
            roll = rng.random()
            if roll > share:
                continue
            amount = due if roll < share * 0.95 else (due / 2).quantize(Decimal("0.01"))
            payments.append(
                {
                    "id": next_id,
                    "member_id": member_id,
                    "application_id": None,
                    "received_on": dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 200)),
                    "amount": amount,
                    "allocated": amount,
                    "method": PaymentMethod.BANK_TRANSFER,
                    "payer": "",
                    "reference": None,
                    "note": None,
                    "reverses_id": None,
                    "recorded_at": now,
                    "recorded_by_id": officer.id,
                    "recorded_by_name": officer.full_name,
                }
            )
            allocations.append({"payment_id": next_id, "bill_id": bill_id, "amount": amount, "at": now})
            changes.append({"b_id": bill_id, "b_paid": amount, "b_settled": amount >= due})
            next_id += 1
        connection = session.connection()
        bulk_insert(connection, table_of(DuesPayment), payments)
        bulk_insert(connection, table_of(DuesAllocation), allocations)
        table = table_of(DuesBill)
        from sqlalchemy import bindparam

        connection.execute(
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(paid=bindparam("b_paid"), settled=bindparam("b_settled")),
            changes,
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--mentors", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="an empty database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-dues-"))
    url = args.db or f"sqlite:///{folder / 'bench.db'}"
    clock = FixedClock(dt.datetime(2026, 11, 26, 9, 30, tzinfo=CHINA))
    db = open_database(url, clock=clock)
    started = time.perf_counter()
    officer, active = make_members(db, args.members, args.mentors)
    print(
        f"{args.members:,} members ({len(active):,} active), {args.mentors} mentors: {time.perf_counter() - started:.1f} s"
    )
    first_year = 2026 - args.years + 1

    # --- billing a year -------------------------------------------------------------------------
    with db.session() as session:  # the floor: the same number of rows, merely inserted
        start, end = dues.period(session, first_year)
    rows = [
        {
            "member_id": member_id,
            "application_id": None,
            "year": first_year,
            "period_start": start,
            "period_end": end,
            "level": "member",
            "scheduled": Decimal("2000.00"),
            "due": Decimal("2000.00"),
            "paid": Decimal("0.00"),
            "settled": False,
            "basis": "year",
            "basis_note": None,
            "consent_id": None,
            "created_at": clock.now(),
            "created_by_id": officer.id,
        }
        for member_id in active
    ]
    with db.session() as session:
        began = time.perf_counter()
        bulk_insert(session.connection(), table_of(DuesBill), rows)
        floor = time.perf_counter() - began
        session.rollback()
    clock.set(dt.datetime(first_year, 3, 1, 9, 0, tzinfo=CHINA))
    with db.session() as session:
        began = time.perf_counter()
        result = dues.bill_year(session, officer, first_year)
        billing = time.perf_counter() - began
    with db.session() as session:
        began = time.perf_counter()
        again = dues.bill_year(session, officer, first_year)
        second = time.perf_counter() - began
    print(
        f"billing {first_year} for {result.billed:,} members: {billing:.2f} s against the bare insert's "
        f"{floor:.2f} s = {billing / floor:.2f}× (goal ≤ 5 s)"
    )
    print(f"billing it again: {second:.2f} s, {again.billed} new, {again.already:,} already billed")

    # --- years of bills and payments ------------------------------------------------------------
    pay_most(db, officer, first_year, 0.9, 1)
    for year in range(first_year + 1, 2027):
        clock.set(dt.datetime(year, 3, 1, 9, 0, tzinfo=CHINA))
        with db.session() as session:
            dues.bill_year(session, SYSTEM_ACTOR, year)
        pay_most(db, officer, year, 0.9 if year < 2026 else 0.7, year)
    clock.set(dt.datetime(2026, 11, 26, 9, 30, tzinfo=CHINA))
    with db.session() as session:
        bills = session.scalar(select(func.count(DuesBill.id)))
        open_bills = session.scalar(select(func.count(DuesBill.id)).where(DuesBill.settled.is_(False)))
    print(f"{bills:,} bills over {args.years} years, {open_bills:,} not settled")

    def scan() -> None:
        with db.session() as session:
            session.execute(text("SELECT count(*), sum(due) FROM dues_bill")).one()

    def page() -> None:  # what the window shows at once: the first page, by member number
        with db.session() as session:
            dues.arrears(session, officer, limit=200)

    def totals_() -> None:  # then, from a worker thread, the count and the amount owed
        with db.session() as session:
            dues.arrears_totals(session, officer)

    def owed() -> None:  # every row (the reminder list to Excel, the labels)
        with db.session() as session:
            dues.arrears(session, officer)

    def rates() -> None:
        with db.session() as session:
            dues.collection_rates(session, officer, 2026)

    def candidates() -> None:
        with db.session() as session:
            dues.members_unpaid_over_a_year(session)

    floor_ms = timed(scan, args.runs)[0] * 1000
    with db.session() as session:
        totals = dues.arrears_totals(session, officer)
    print(f"plain scan of every bill (the floor): {floor_ms:.0f} ms")
    for label, fn, goal in (
        ("arrears list as the window shows it (the first 200 rows)", page, " (goal ≤ 200 ms)"),
        (f"arrears totals ({totals.members:,} owing; counted after the first page is shown)", totals_, ""),
        ("each mentor's collection rate of 2026", rates, " (goal ≤ 200 ms)"),
        (f"arrears, every row ({totals.members:,}: the reminder list)", owed, ""),
        (f"members unpaid for more than a year ({totals.over_a_year:,}; withdrawal's review)", candidates, ""),
    ):
        median, fastest = timed(fn, args.runs)
        print(
            f"{label}: median {median * 1000:.0f} ms (fastest {fastest * 1000:.0f} ms) = "
            f"{median * 1000 / floor_ms:.2f}× the floor{goal}"
        )
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
