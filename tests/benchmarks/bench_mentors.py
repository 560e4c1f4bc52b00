"""Mentors benchmarks (issue 12): the allocation view and the contact reminders on a big register.
Prints figures, asserts nothing.

    .venv/bin/python tests/benchmarks/bench_mentors.py [--members 100000] [--mentors 40]
                                                      [--contacts 1000000] [--runs 5] [--db URL]

The register: ``demo --members N`` (timed: the demo with the mentors' work), then the mentors
made up to ``--mentors`` active ones and every active member given one of them (1 % left
waiting), and ``--contacts`` contact entries spread over two years (5 % with a follow-up still
open). Each figure is the median of ``--runs`` and is printed against a floor measured in the same
run on the same tables: the bare SQL a figure cannot beat.

- allocation counts:   members and those without a mentor per category and business kind, and
                       each mentor's load by category and group (the view's left and lower panes)
- unassigned list:     the first 500 active members, those without a mentor first, with the
                       suggested mentor for each (the view's main list), and the waiting ones only
- no contact N days:   one mentor's members not contacted for 90 days; every mentor's (the office)
- reminders:           per mentor: members, overdue follow-ups, silent members (the office's picker)
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
from desktop_app.core.models import Category, ContactChannel, ContactEntry, Member, MemberStatus, Role, Staff  # noqa: E402
from desktop_app.core.security import Actor, hash_password  # noqa: E402
from desktop_app.core.services import mentors  # noqa: E402
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
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="an empty database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-mentors-"))
    url = args.db or f"sqlite:///{folder / 'bench.db'}"
    clock = FixedClock(dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    db = open_database(url, clock=clock)
    print(f"database: {db.description()}; {args.members:,} members, {args.mentors} mentors, {args.contacts:,} contacts")

    started = time.perf_counter()
    with db.session() as session:
        generate_demo(session, args.members, seed=12)
    print(f"demo --members {args.members:,} (with the mentors' work): {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    rng = random.Random(40)
    with db.session() as session:
        existing = session.scalar(
            select(func.count(Staff.id)).where(Staff.role == Role.MENTOR, Staff.is_active.is_(True))
        )
        password = hash_password("bench-only")
        now = clock.now()
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
        weights = [rng.uniform(0.4, 1.6) for _ in mentor_ids]
        members = list(session.scalars(select(Member.id).where(Member.status == MemberStatus.ACTIVE)))
        rows = [
            {"b_id": member_id, "mentor_id": None if rng.random() < 0.01 else rng.choices(mentor_ids, weights)[0]}
            for member_id in members
        ]
        session.connection().execute(
            update(table_of(Member)).where(table_of(Member).c.id == text(":b_id")).values(mentor_id=text(":mentor_id")),
            rows,
        )
        officer = Actor.of(session.scalars(select(Staff).where(Staff.username == "officer")).one())
    print(f"{len(mentor_ids)} active mentors, members spread over them: {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    today = clock.today()
    channels = list(ContactChannel)
    with db.session() as session:
        connection = session.connection()
        batch: list[dict] = []
        for number in range(args.contacts):
            day = today - dt.timedelta(days=int(730 * rng.random() ** 1.5))
            follow = rng.random() < 0.05
            batch.append(
                {
                    "member_id": members[int(rng.random() * len(members))],
                    "staff_id": None,
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
    print(f"{args.contacts:,} contact entries: {time.perf_counter() - started:.1f} s")
    print()

    runs = args.runs
    busiest = None
    with db.session() as session:
        busiest = max(mentors.mentor_loads(session, officer), key=lambda m: m.total)
        mentor_actor = Actor(busiest.mentor_id, busiest.username, busiest.full_name, Role.MENTOR)

    def query(fn):  # type: ignore[no-untyped-def]
        def run():  # type: ignore[no-untyped-def]
            with db.session() as session:
                return fn(session)

        return run

    figures: list[tuple[str, float, float, str]] = []

    def measure(label: str, fn, floor_label: str, floor) -> object:  # type: ignore[no-untyped-def]
        floor_ms, _ = timed(query(floor), runs)
        ms, result = timed(query(fn), runs)
        figures.append((label, ms, floor_ms, floor_label))
        return result

    count_floor = lambda s: s.execute(  # noqa: E731
        select(Member.category, func.count(Member.id), func.count(Member.mentor_id))
        .where(Member.status == MemberStatus.ACTIVE)
        .group_by(Member.category)
    ).all()
    groups, loads = measure(  # type: ignore[misc]
        "allocation counts: groups by category and business, each mentor's load (one read)",
        lambda s: mentors.allocation_overview(s, officer),
        "count per category",
        count_floor,
    )
    bare_page = lambda s: s.execute(  # noqa: E731
        select(Member.id, Member.name)
        .where(Member.status == MemberStatus.ACTIVE)
        .order_by(Member.mentor_id.is_not(None), Member.category, Member.member_number)
        .limit(500)
    ).all()

    def page_with_suggestions(s):  # type: ignore[no-untyped-def]
        page = mentors.allocation_members(s, officer, limit=500)
        return page, mentors.suggest(s, officer, [r.member_id for r in page.rows], loads=loads)

    page, _suggestions = measure(  # type: ignore[misc]
        "unassigned list: first 500, waiting first, counts, suggestions",
        page_with_suggestions,
        "bare sorted page",
        bare_page,
    )
    waiting = measure(
        "unassigned list: the waiting ones only",
        lambda s: mentors.allocation_members(s, officer, mentors.AllocationFilter(mentor_id=0), limit=500),
        "bare sorted page",
        bare_page,
    )
    measure(
        "unassigned list: one business kind (建筑业企业·装饰幕墙)",
        lambda s: mentors.allocation_members(
            s, officer, mentors.AllocationFilter(category=Category.CONSTRUCTION_ENTERPRISE, kind="装饰幕墙"), limit=500
        ),
        "bare sorted page",
        bare_page,
    )

    measure(
        "allocation view, as the window reads it (groups, loads, first 500, suggestions)",
        lambda s: mentors.allocation_view(s, officer),
        "count per category",
        count_floor,
    )
    measure(
        "allocation view, one group chosen (建筑业企业·装饰幕墙)",
        lambda s: mentors.allocation_view(
            s, officer, mentors.AllocationFilter(category=Category.CONSTRUCTION_ENTERPRISE, kind="装饰幕墙")
        ),
        "count per category",
        count_floor,
    )
    measure(
        "allocation view, searching 建设",
        lambda s: mentors.allocation_view(s, officer, mentors.AllocationFilter(text="建设")),
        "count per category",
        count_floor,
    )
    last_contacts = lambda s: s.execute(  # noqa: E731
        select(ContactEntry.member_id, func.max(ContactEntry.contact_date)).group_by(ContactEntry.member_id)
    ).all()
    silent_one = measure(
        f"no contact 90 days: one mentor ({busiest.total:,} members)",
        lambda s: mentors.no_contact_members(s, mentor_actor),
        "last contact of every member",
        last_contacts,
    )
    silent_all = measure(
        "no contact 90 days: every mentor's members (the office)",
        lambda s: mentors.no_contact_members(s, officer),
        "last contact of every member",
        last_contacts,
    )
    measure(
        "the mentors' picker (members per mentor)",
        lambda s: mentors.mentor_choices(s, officer),
        "count per mentor",
        lambda s: s.execute(select(Member.mentor_id, func.count(Member.id)).group_by(Member.mentor_id)).all(),
    )
    measure(
        "not yet in the WeChat group, one mentor",
        lambda s: mentors.not_in_group(s, mentor_actor),
        "count per mentor",
        lambda s: s.execute(select(Member.mentor_id, func.count(Member.id)).group_by(Member.mentor_id)).all(),
    )
    measure(
        "reminders per mentor (members, overdue, silent; the command line's office summary)",
        lambda s: mentors.mentor_reminders(s, officer),
        "last contact of every member",
        last_contacts,
    )
    measure(
        "overdue follow-ups of one mentor",
        lambda s: mentors.overdue_follow_ups(s, mentor_actor),
        "count per mentor",
        lambda s: s.execute(select(Member.mentor_id, func.count(Member.id)).group_by(Member.mentor_id)).all(),
    )
    measure(
        "a mentor's members with last contact (the work view)",
        lambda s: mentors.mentor_members(s, mentor_actor),
        "last contact of every member",
        last_contacts,
    )

    width = max(len(f[0]) for f in figures)
    print(f"{'what':<{width}}  {'median':>9}  {'floor':>9}  ratio  floor is")
    for label, ms, floor_ms, floor_label in figures:
        print(f"{label:<{width}}  {ms:7.1f} ms  {floor_ms:7.1f} ms  {ms / floor_ms:5.2f}×  {floor_label}")
    print()
    print(
        f"groups: {len(groups)}; page: {len(page.rows)} of {page.total:,} ({page.unassigned:,} waiting); "  # type: ignore[attr-defined]
        f"waiting list {len(waiting.rows)}; silent: {len(silent_one):,} of one mentor, {len(silent_all):,} in all"  # type: ignore[arg-type, attr-defined]
    )
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
