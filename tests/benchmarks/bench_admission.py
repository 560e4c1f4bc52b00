"""Admission benchmarks: a busy office's years of applications. Prints figures, asserts nothing.

    .venv/bin/python tests/benchmarks/bench_admission.py [--applications 2000] [--members 3000]

- entry:   one application received through the service (validation, numbering, history)
- path:    one application taken through every step to registration (member + print jobs)
- attach:  a 5 MB PDF attached and read back (stored in the database)
- queue:   the open queue, its counts per stage, and "all applications" — what the window
           runs on every filter change                                       target ≤ 50 ms
- panel:   the detail panel's reads for one application (steps, checklist, history)
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop_app.core.clock import FixedClock  # noqa: E402
from desktop_app.core.migrate import open_database  # noqa: E402
from desktop_app.core.models import ApplicationStage, CreditResult, DocumentKind, Staff  # noqa: E402
from desktop_app.core.security import Actor  # noqa: E402
from desktop_app.core.services import admission  # noqa: E402
from desktop_app.demo import generate_demo  # noqa: E402
from desktop_app.demo.admission import demo_pdf, demo_png  # noqa: E402
from desktop_app.demo.names import Dice, make_uscc  # noqa: E402


def timed(fn, runs: int = 7) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--applications", type=int, default=2000)
    parser.add_argument("--members", type=int, default=3000)
    parser.add_argument("--db", help="an empty database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-admission-"))
    url = args.db or f"sqlite:///{folder / 'bench.db'}"
    clock = FixedClock(dt.datetime(2021, 1, 4, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    db = open_database(url, clock=clock)
    with db.session() as session:
        generate_demo(session, args.members, seed=11)
        officer = Actor.of(session.query(Staff).filter_by(username="officer").one())
        leader = Actor.of(session.query(Staff).filter_by(username="leader").one())
    rng = Dice(3)
    pdf, png = demo_pdf("Scan"), demo_png()
    ids, entry_times, path_times = [], [], []
    stages = [s.stage for s in admission.STEPS if s.stage != ApplicationStage.CREDIT_CHECKED]
    for number in range(args.applications):
        clock.advance(hours=17)
        started = time.perf_counter()
        with db.session() as session:
            application = admission.create_application(
                session,
                officer,
                {
                    "name": f"武汉第{number}号建设工程有限公司",
                    "uscc": make_uscc(rng, "91", "420102"),
                    "category": "construction_enterprise",
                    "liaison_name": "张丽",
                    "liaison_mobile": "13871234567",
                },
            )
            ids.append(application.id)
        entry_times.append(time.perf_counter() - started)
        # most applications of past years are finished; recent ones are spread over the stages
        finished = number < args.applications * 0.9
        target = ApplicationStage.REGISTERED if finished else stages[int(rng.random() * len(stages))]
        if finished and rng.random() < 0.1:
            with db.session() as session:
                admission.decline(session, officer, application.id, reason="入会动机单一")
            continue
        started = time.perf_counter()
        with db.session() as session:
            for step in admission.steps_for(admission.get_application(session, application.id))[1:]:
                if admission.STAGE_ORDER[step.stage] > admission.STAGE_ORDER[target]:
                    break
                if step.stage == ApplicationStage.DOCUMENTS_SUBMITTED:
                    for kind in admission.REQUIRED_DOCUMENTS:
                        admission.attach_document(session, officer, application.id, kind, "scan.png", png)
                actor = leader if step.stage in (ApplicationStage.APPROVED, ApplicationStage.SIGNED_OFF) else officer
                admission.advance(
                    session,
                    actor,
                    application.id,
                    {
                        "visit_date": clock.today(),
                        "visit_leader_name": "王建国",
                        "visit_leader_rank": "董事长",
                        "application_form": True,
                        "filing_form": True,
                        "review_opinion": "同意",
                        "approval_opinion": "同意",
                        "dues_amount": "2000",
                        "dues_receipt_number": f"SJ{application.id}",
                        "credit_result": CreditResult.PASSED,
                        "credit_checked_on": clock.today(),
                        "credit_evidence": "无",
                    },
                )
        if target == ApplicationStage.REGISTERED:
            path_times.append(time.perf_counter() - started)
    print(f"applications: {args.applications} on {args.members} members ({db.description()})")
    print(f"entry:  median {statistics.median(entry_times) * 1000:.1f} ms per application received")
    print(
        f"path:   median {statistics.median(path_times) * 1000:.1f} ms from received to registered (9 steps, 4 files)"
    )

    big = pdf + b"0" * (5 * 1024 * 1024)
    with db.session() as session:
        open_id = admission.queue(session)[-1].id
    started = time.perf_counter()
    with db.session() as session:
        document = admission.attach_document(session, officer, open_id, DocumentKind.OTHER, "big.pdf", big)
    attach = time.perf_counter() - started
    read = timed(lambda: _read(db, officer, document.id), runs=3)
    print(f"attach: 5 MB PDF stored in {attach * 1000:.0f} ms, read back in {read:.0f} ms")

    def queue_open() -> None:
        with db.session() as session:
            admission.queue_counts(session)
            admission.queue(session)

    def queue_all() -> None:
        with db.session() as session:
            admission.queue(session, admission.QueueFilter(status=None))

    def search() -> None:
        with db.session() as session:
            admission.queue(session, admission.QueueFilter(text="建设", status=None))

    with db.session() as session:
        open_count = len(admission.queue(session))
    print(
        f"queue:  open ({open_count}) with counts {timed(queue_open):.1f} ms; all applications {timed(queue_all):.1f} ms; "
        f"search 建设 over all {timed(search):.1f} ms   (target ≤ 50 ms for the open queue)"
    )

    def panel() -> None:
        with db.session() as session:
            application = admission.get_application(session, open_id)
            admission.next_action(session, officer, application)
            admission.action_refusals(session, officer, application)
            admission.step_records(session, application)
            admission.checklist(session, application.id)
            admission.history(session, application.id)

    print(f"panel:  {timed(panel):.1f} ms to read one application's panel")
    db.dispose()
    return 0


def _read(db, actor, document_id: int) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        admission.document_content(session, actor, document_id)


if __name__ == "__main__":
    sys.exit(main())
