"""Reports benchmarks (issue 17): the workbench's counts and the half-yearly mentor report on a big
register with a year of activity. Prints figures, asserts nothing.

    .venv/bin/python tests/benchmarks/bench_reports.py [--members 100000] [--mentors 40]
                                                      [--contacts 400000] [--runs 5] [--db URL]

The register: ``demo --members N`` (with the mentors' work, dues, mailing and withdrawal), then the
mentors made up to ``--mentors`` active ones, every active member given one of them from 1 January
of last year (a tenth of them changing mentor on a day of this year: two assignments), and
``--contacts`` contact entries by the members' mentors spread over the last twelve months (5 % with
an open follow-up). Each figure is the median of ``--runs`` against a floor measured in the same
run on the same tables — the bare SQL the figure cannot beat:

- workbench (officer):   every line's count for the office (goal ≤ 100 ms)
- workbench (mentor):    a mentor's own lines
- mentor report 2026H2:  the half-yearly report for every mentor (goal ≤ 2 s)
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select, text, update  # noqa: E402

from desktop_app.core.clock import FixedClock  # noqa: E402
from desktop_app.core.db import bulk_insert, table_of  # noqa: E402
from desktop_app.core.migrate import open_database  # noqa: E402
from desktop_app.core.models import (  # noqa: E402
    ContactChannel,
    ContactEntry,
    DuesAllocation,
    DuesBill,
    DuesPayment,
    Member,
    MemberStatus,
    MentorAssignment,
    Role,
    Staff,
)
from desktop_app.core.security import Actor, hash_password  # noqa: E402
from desktop_app.core.services import reports, workbench  # noqa: E402
from desktop_app.demo import generate_demo  # noqa: E402


def timed(fn, runs: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--mentors", type=int, default=40)
    parser.add_argument("--contacts", type=int, default=400_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="an empty database URL (default: a temporary SQLite file)")
    parser.add_argument("--existing", metavar="URL", help="measure a database an earlier run built (no set-up)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    url = args.existing or args.db or f"sqlite:///{folder / 'bench.db'}"
    clock = FixedClock(dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    db = open_database(url, clock=clock)
    print(f"database: {db.description()}; {args.members:,} members, {args.mentors} mentors, {args.contacts:,} contacts")
    if args.existing:
        with db.session() as session:
            officer = Actor.of(session.scalars(select(Staff).where(Staff.username == "officer")).one())
        return measure_all(db, clock, officer, args.runs)
    return build(db, clock, args)


def build(db, clock, args) -> int:  # type: ignore[no-untyped-def]

    started = time.perf_counter()
    with db.session() as session:
        generate_demo(session, args.members, seed=17)
    print(f"demo --members {args.members:,}: {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    rng = random.Random(17)
    today = clock.today()
    now = clock.now()
    with db.session() as session:
        existing = session.scalar(
            select(func.count(Staff.id)).where(Staff.role == Role.MENTOR, Staff.is_active.is_(True))
        )
        password = hash_password("bench-only")
        extra = [
            {
                "username": f"bench{i:02d}",
                "full_name": f"班主任{i:02d}",
                "role": Role.MENTOR,
                "password_hash": password,
                "is_active": True,
                "created_at": now,
            }
            for i in range(max(0, args.mentors - (existing or 0)))
        ]
        if extra:
            session.execute(insert(Staff), extra)
        mentor_ids = list(session.scalars(select(Staff.id).where(Staff.role == Role.MENTOR, Staff.is_active.is_(True))))
        members = list(session.scalars(select(Member.id).where(Member.status == MemberStatus.ACTIVE)))
        connection = session.connection()
        connection.execute(MentorAssignment.__table__.delete())
        assignments, mentor_of = [], {}
        for member_id in members:
            first = rng.choice(mentor_ids)
            if rng.random() < 0.1:  # changed mentor on a day of this year
                change = dt.date(today.year, 1, 1) + dt.timedelta(
                    days=rng.randrange((today - dt.date(today.year, 1, 1)).days)
                )
                second = rng.choice(mentor_ids)
                assignments.append(
                    {
                        "member_id": member_id,
                        "mentor_id": first,
                        "start_date": dt.date(today.year - 1, 1, 1),
                        "end_date": change,
                    }
                )
                assignments.append(
                    {"member_id": member_id, "mentor_id": second, "start_date": change, "end_date": None}
                )
                mentor_of[member_id] = second
            else:
                assignments.append(
                    {
                        "member_id": member_id,
                        "mentor_id": first,
                        "start_date": dt.date(today.year - 1, 1, 1),
                        "end_date": None,
                    }
                )
                mentor_of[member_id] = first
        table = table_of(MentorAssignment)
        for start in range(0, len(assignments), 50_000):
            bulk_insert(connection, table, assignments[start : start + 50_000])
        connection.execute(
            update(table_of(Member)).where(table_of(Member).c.id == text(":b_id")).values(mentor_id=text(":mentor_id")),
            [{"b_id": m, "mentor_id": mentor_of[m]} for m in members],
        )
        officer = Actor.of(session.scalars(select(Staff).where(Staff.username == "officer")).one())
    print(f"{len(mentor_ids)} mentors, {len(assignments):,} assignments: {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    channels = list(ContactChannel)
    with db.session() as session:
        connection = session.connection()
        batch: list[dict] = []
        for number in range(args.contacts):
            member_id = members[int(rng.random() * len(members))]
            day = today - dt.timedelta(days=int(365 * rng.random()))
            follow = rng.random() < 0.05
            batch.append(
                {
                    "member_id": member_id,
                    "staff_id": mentor_of[member_id],
                    "contact_date": day,
                    "channel": channels[number % len(channels)],
                    "contact_person": None,
                    "learnt": "企业经营正常",
                    "needs": None,
                    "follow_up": "回访" if follow else None,
                    "follow_up_due": day + dt.timedelta(days=14) if follow else None,
                    "follow_up_done_on": None,
                    "follow_up_result": None,
                    "created_at": now,
                }
            )
            if len(batch) == 50_000:
                bulk_insert(connection, table_of(ContactEntry), batch)
                batch = []
        bulk_insert(connection, table_of(ContactEntry), batch)
        if db.is_sqlite:
            connection.exec_driver_sql("ANALYZE")
    if not db.is_sqlite:
        with db.engine.connect() as connection:
            connection.exec_driver_sql("COMMIT")
            connection.exec_driver_sql("ANALYZE")
    with db.session() as session:
        counts = {
            name: session.scalar(select(func.count()).select_from(model))
            for name, model in (("bills", DuesBill), ("payments", DuesPayment), ("allocations", DuesAllocation))
        }
    print(f"{args.contacts:,} contact entries: {time.perf_counter() - started:.1f} s; {counts}")
    print()
    return measure_all(db, clock, officer, args.runs)


def measure_all(db, clock, officer: Actor, runs: int) -> int:  # type: ignore[no-untyped-def]
    today = clock.today()

    mentor = None
    with db.session() as session:
        busiest = session.execute(
            select(Member.mentor_id, func.count())
            .where(Member.mentor_id.is_not(None))
            .group_by(Member.mentor_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()
        mentor = Actor.of(session.get(Staff, busiest[0]))

    def query(fn):  # type: ignore[no-untyped-def]
        def run():  # type: ignore[no-untyped-def]
            with db.session() as session:
                return fn(session)

        return run

    figures: list[tuple[str, float, float, str, str]] = []

    def measure(label: str, fn, floor_label: str, floor, goal: str) -> object:  # type: ignore[no-untyped-def]
        floor_ms, _ = timed(query(floor), runs)
        ms, result = timed(query(fn), runs)
        figures.append((label, ms, floor_ms, floor_label, goal))
        return result

    def count_floor(session):  # type: ignore[no-untyped-def]
        # the two counts a workbench cannot do without: members owing, follow-ups due
        owing = session.scalar(
            select(func.count(func.distinct(DuesBill.member_id))).where(
                DuesBill.settled.is_(False), DuesBill.cancelled_at.is_(None), DuesBill.period_start <= today
            )
        )
        due = session.scalar(
            select(func.count(ContactEntry.id)).where(
                ContactEntry.follow_up_due <= today, ContactEntry.follow_up_done_on.is_(None)
            )
        )
        return owing, due

    bench = measure(
        "workbench, the office's lines",
        lambda s: workbench.workbench(s, officer),
        "count owing members + due follow-ups",
        count_floor,
        "≤ 100 ms",
    )
    measure(
        "workbench, a mentor's lines",
        lambda s: workbench.workbench(s, mentor),
        "count owing members + due follow-ups",
        count_floor,
        "—",
    )
    half = reports.HalfYear(today.year, 2)

    def report_floor(session):  # type: ignore[no-untyped-def]
        # the rows the report reads, fetched bare
        return (
            session.execute(
                select(
                    MentorAssignment.member_id,
                    MentorAssignment.mentor_id,
                    MentorAssignment.start_date,
                    MentorAssignment.end_date,
                )
            ).all(),
            session.execute(
                select(ContactEntry.member_id, ContactEntry.staff_id, ContactEntry.contact_date).where(
                    ContactEntry.contact_date >= half.start
                )
            ).all(),
            session.execute(
                select(DuesBill.id, DuesBill.member_id, DuesBill.due).where(DuesBill.year == today.year)
            ).all(),
        )

    report = measure(
        f"mentor report {half.code}, every mentor",
        lambda s: reports.mentor_report(s, officer, half),
        "bare read of assignments, contacts, bills",
        report_floor,
        "≤ 2 s",
    )
    print(f"{'what':<44} {'figure':>10} {'floor':>10} {'ratio':>7}  floor / goal")
    for label, ms, floor_ms, floor_label, goal in figures:
        print(f"{label:<44} {ms:>8.1f}ms {floor_ms:>8.1f}ms {ms / floor_ms:>6.2f}×  {floor_label}; goal {goal}")
    lines = getattr(report, "lines", ())
    print(f"\n{len(lines)} mentors in the report; workbench lines: {len(getattr(bench, 'items', ()))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
