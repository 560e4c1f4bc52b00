"""The half-yearly mentor report (R-9.5) and the statistics (issue 17), against a small hand-built
register whose every figure is worked out below by hand.

The register (dues years are calendar years; the clock stands at 2026-11-26):

- M1 — mentor A since 2025-01-01; principal and liaison named. A logged contacts on 2025-12-31,
  2026-03-01, 2026-05-01 and 2026-07-01. The principal joined A's WeChat group in 2025, the
  liaison was only invited. Dues 2026: 10,000 paid in full on 2026-03-15. A nominated its liaison
  for 2026H1; approved.
- M2 — changed mentor on 2026-04-01: A from 2025-01-01 (its own days in H1: 1 January – 31 March,
  90 days), B from 2026-04-01 (1 April – 30 June, 91 days). A logged contacts on 2026-02-10 (its
  day) and 2026-05-10 (B's day: nobody's), B on 2026-04-01 (its first day). The principal was in
  A's group from 2025-06-01 until 2026-04-01; the liaison joined B's group on 2026-04-15.
  Dues 2026: 6,000 — 3,000 on 2026-03-01 (A's time), 3,000 on 2026-05-01 (paid in full: B's).
- M3 — mentor B from 2026-06-20 (11 days of H1: too few to count as "not contacted"); principal
  only; no contact, no group. Dues 2026: 5,000 unpaid.
- M4 — mentor A since 2025-01-01, nobody named, no contact in H1. Dues 2026: 5,000 paid on
  2026-07-02 (after H1). A filed a handover form for it dated 2026-06-30 (reported 2026-06-25,
  filed 2026-06-30, applied 2026-07-03) and another dated 2026-07-01 (pending).
- M5 — no mentor ever. Dues 2026: 1,000 unpaid.
- Mentor C serves nobody.

H1 2026, by hand:
  A: served 3 (M1, M2, M4), at the end 2 (M1, M4); 3 contact entries (M1 ×2, M2 ×1), 2 members
     contacted, 3 counted, 1 without contact (M4) → 2/3; WeChat 2 of 4 (M1's principal, M2's
     principal on 31 March) → 1/2; 1 form filed, applied in 3 days, reported 5 days before;
     dues: M1 (paid in A's time) and M4 (unpaid on 30 June, A's) — 2 bills, 15,000, 1 paid,
     10,000 collected → 2/3; arrears M4 5,000; 1 nomination, approved.
     Score (40 × 2/3 + 20 × 1/2 + 40 × 2/3) / 100 = 63.3.
  B: served 2 (M2, M3), at the end 2; 1 entry, 1 contacted, 1 counted (M3 has 11 days), 0 without
     → 1; WeChat 1 of 3 (M2's liaison; M3's principal not in) → 1/3; dues: M2 (paid in full on
     1 May, B's) and M3 (unpaid, B's) — 2 bills, 11,000, 1 paid, 6,000 collected → 6/11;
     arrears M3 5,000. Score 40 + 6.67 + 21.82 = 68.5 → rank 1, A rank 2.
  Without a mentor: M5's bill, 1,000, arrears 1,000.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_app.core.models import (
    Category,
    ContactChannel,
    ContactEntry,
    DuesAllocation,
    DuesBill,
    DuesPayment,
    HandoverForm,
    HandoverStatus,
    LiaisonNomination,
    Member,
    MemberStatus,
    MentorAssignment,
    NominationDecision,
    PaymentMethod,
    Role,
    WeChatMembership,
    WeChatPerson,
    WeChatStatus,
)
from desktop_app.core.models.dues import BillBasis
from desktop_app.core.models.reports import MentorProposal, ProposalChoice
from desktop_app.core.services import reports
from desktop_app.core.settings import PENALTY_SCORE, REWARD_SCORE, set_setting
from desktop_app.errors import PermissionDenied, ValidationError
from tests.conftest import make_staff
from tests.core import test_server_roles
from tests.core.test_server_roles import denied

server, sign_in_as = test_server_roles.server, test_server_roles.sign_in_as  # the server-role tests' fixtures

D = dt.date
ZONE = dt.timezone(dt.timedelta(hours=8))


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=ZONE)


@pytest.fixture
def register(db, admin, officer):  # type: ignore[no-untyped-def]
    a = make_staff(db, Role.MENTOR, "mentor_a", "甲老师")
    b = make_staff(db, Role.MENTOR, "mentor_b", "乙老师")
    c = make_staff(db, Role.MENTOR, "mentor_c", "丙老师")
    now = at(D(2025, 1, 1))
    with db.session() as session:
        members = {}
        for number, principal, liaison, mentor in (
            (1, "王总", "李联络", a),
            (2, "赵总", "钱联络", b),
            (3, "孙总", None, b),
            (4, None, None, a),
            (5, "周总", "吴联络", None),
        ):
            member = Member(
                member_number=f"T{number:03d}",
                name=f"测试建设有限公司{number}",
                uscc=f"9142010000000000{number:02d}",
                category=Category.CONSTRUCTION_ENTERPRISE,
                level="member",
                status=MemberStatus.ACTIVE,
                join_date=D(2024, 1, 1),
                principal_name=principal,
                liaison_name=liaison,
                mentor_id=mentor.id if mentor else None,
                created_at=now,
                updated_at=now,
            )
            session.add(member)
            session.flush()
            members[number] = member.id
        m1, m2, m3, m4, m5 = (members[i] for i in range(1, 6))
        session.add_all(
            [
                MentorAssignment(member_id=m1, mentor_id=a.id, start_date=D(2025, 1, 1)),
                MentorAssignment(member_id=m2, mentor_id=a.id, start_date=D(2025, 1, 1), end_date=D(2026, 4, 1)),
                MentorAssignment(member_id=m2, mentor_id=b.id, start_date=D(2026, 4, 1)),
                MentorAssignment(member_id=m3, mentor_id=b.id, start_date=D(2026, 6, 20)),
                MentorAssignment(member_id=m4, mentor_id=a.id, start_date=D(2025, 1, 1)),
            ]
        )
        for member_id, staff, day in (
            (m1, a, D(2025, 12, 31)),
            (m1, a, D(2026, 3, 1)),
            (m1, a, D(2026, 5, 1)),
            (m1, a, D(2026, 7, 1)),
            (m2, a, D(2026, 2, 10)),
            (m2, a, D(2026, 5, 10)),
            (m2, b, D(2026, 4, 1)),
        ):
            session.add(
                ContactEntry(
                    member_id=member_id,
                    staff_id=staff.id,
                    contact_date=day,
                    channel=ContactChannel.PHONE,
                    learnt="经营正常",
                    created_at=at(day),
                )
            )
        for mentor, member_id, person, name, status, joined, left in (
            (a, m1, WeChatPerson.PRINCIPAL, "王总", WeChatStatus.JOINED, D(2025, 6, 1), None),
            (a, m1, WeChatPerson.LIAISON, "李联络", WeChatStatus.INVITED, None, None),
            (a, m2, WeChatPerson.PRINCIPAL, "赵总", WeChatStatus.LEFT, D(2025, 6, 1), D(2026, 4, 1)),
            (b, m2, WeChatPerson.LIAISON, "钱联络", WeChatStatus.JOINED, D(2026, 4, 15), None),
        ):
            session.add(
                WeChatMembership(
                    mentor_id=mentor.id,
                    member_id=member_id,
                    person=person,
                    person_name=name,
                    status=status,
                    joined_on=joined,
                    left_on=left,
                    updated_at=now,
                )
            )
        bills = {}
        for member_id, due in ((m1, "10000"), (m2, "6000"), (m3, "5000"), (m4, "5000"), (m5, "1000")):
            bill = DuesBill(
                member_id=member_id,
                year=2026,
                period_start=D(2026, 1, 1),
                period_end=D(2026, 12, 31),
                level="member",
                scheduled=Decimal(due),
                due=Decimal(due),
                paid=Decimal("0"),
                settled=False,
                basis=BillBasis.YEAR,
                created_at=at(D(2026, 1, 5)),
            )
            session.add(bill)
            session.flush()
            bills[member_id] = bill
        for member_id, day, amount in (
            (m1, D(2026, 3, 15), "10000"),
            (m2, D(2026, 3, 1), "3000"),
            (m2, D(2026, 5, 1), "3000"),
            (m4, D(2026, 7, 2), "5000"),
        ):
            payment = DuesPayment(
                member_id=member_id,
                received_on=day,
                amount=Decimal(amount),
                allocated=Decimal(amount),
                method=PaymentMethod.BANK_TRANSFER,
                payer="付款单位",
                recorded_at=at(day),
                recorded_by_name="郑会籍",
            )
            session.add(payment)
            session.flush()
            bill = bills[member_id]
            session.add(DuesAllocation(payment_id=payment.id, bill_id=bill.id, amount=Decimal(amount), at=at(day)))
            bill.paid += Decimal(amount)
            bill.settled = bill.paid >= bill.due
        session.add_all(
            [
                HandoverForm(
                    member_id=m4,
                    filed_by_id=a.id,
                    form_date=D(2026, 6, 30),
                    reported_on=D(2026, 6, 25),
                    status=HandoverStatus.APPLIED,
                    filed_at=at(D(2026, 6, 30)),
                    decided_at=at(D(2026, 7, 3)),
                ),
                HandoverForm(
                    member_id=m4,
                    filed_by_id=a.id,
                    form_date=D(2026, 7, 1),
                    reported_on=D(2026, 6, 29),
                    status=HandoverStatus.PENDING,
                    filed_at=at(D(2026, 7, 1)),
                ),
                LiaisonNomination(
                    member_id=m1,
                    period="2026H1",
                    liaison_name="李联络",
                    reason="积极响应",
                    nominated_on=D(2026, 6, 1),
                    nominated_by_id=a.id,
                    decision=NominationDecision.APPROVED,
                    created_at=at(D(2026, 6, 1)),
                ),
            ]
        )
    return {"a": a, "b": b, "c": c, "members": members}


def test_each_figure_of_the_first_half(db, officer, register) -> None:  # type: ignore[no-untyped-def]
    a, b, c = register["a"], register["b"], register["c"]
    with db.session() as session:
        report = reports.mentor_report(session, officer, "2026H1")
    assert report.as_of == D(2026, 6, 30) and not report.running
    assert [line.mentor_name for line in report.lines] == ["乙老师", "甲老师", "丙老师"]
    la, lb, lc = report.line(a.id), report.line(b.id), report.line(c.id)

    assert (la.members_served, la.members_at_end) == (3, 2)
    assert (la.contact_entries, la.members_contacted, la.members_counted_for_contact) == (3, 2, 3)
    assert la.members_without_contact == 1 and la.contact_rate == pytest.approx(2 / 3)
    assert (la.wechat_joined, la.wechat_expected) == (2, 4)
    assert (la.forms_filed, la.forms_applied, la.forms_pending, la.forms_rejected) == (1, 1, 0, 0)
    assert (la.days_to_apply, la.days_to_file) == (3.0, 5.0)
    assert (la.billed_count, la.billed_amount, la.paid_count, la.collected_amount) == (
        2,
        Decimal("15000.00"),
        1,
        Decimal("10000.00"),
    )
    assert la.collection_rate == pytest.approx(2 / 3)
    assert (la.arrears_members, la.arrears_amount) == (1, Decimal("5000.00"))
    assert (la.nominations, la.nominations_approved) == (1, 1)
    assert la.score == 63.3 and la.rank == 2

    assert (lb.members_served, lb.members_at_end) == (2, 2)
    assert (lb.contact_entries, lb.members_contacted, lb.members_counted_for_contact, lb.members_without_contact) == (
        1,
        1,
        1,
        0,
    )
    assert (lb.wechat_joined, lb.wechat_expected) == (1, 3)
    assert lb.forms_filed == 0 and lb.days_to_apply is None
    assert (lb.billed_count, lb.billed_amount, lb.paid_count, lb.collected_amount) == (
        2,
        Decimal("11000.00"),
        1,
        Decimal("6000.00"),
    )
    assert (lb.arrears_members, lb.arrears_amount) == (1, Decimal("5000.00"))
    assert lb.score == 68.5 and lb.rank == 1

    assert lc.members_served == 0 and lc.score is None and lc.rank is None

    assert report.unassigned is not None
    assert (report.unassigned.billed_count, report.unassigned.billed_amount) == (1, Decimal("1000.00"))
    assert (report.unassigned.arrears_members, report.unassigned.arrears_amount) == (1, Decimal("1000.00"))
    total = report.total
    assert (total.members_served, total.contact_entries, total.billed_count) == (5, 4, 5)
    assert (total.billed_amount, total.collected_amount, total.arrears_amount) == (
        Decimal("27000.00"),
        Decimal("16000.00"),
        Decimal("11000.00"),
    )
    # the default thresholds (85 / 60): neither earns a reward or a penalty
    assert (la.suggested, lb.suggested) == (ProposalChoice.NONE, ProposalChoice.NONE)


def test_a_member_who_changed_mentor_counts_for_each_over_its_own_days(db, officer, register) -> None:  # type: ignore[no-untyped-def]
    a, b = register["a"], register["b"]
    with db.session() as session:
        h1 = reports.mentor_report(session, officer, "2026H1")
        h2 = reports.mentor_report(session, officer, "2026H2")
    # M2: A's contact on 10 May fell on B's day and counts for nobody; B's on 1 April (its first day) counts
    assert h1.line(a.id).contact_entries == 3 and h1.line(b.id).contact_entries == 1
    # the 3,000 paid in A's time did not settle the bill: paid in full on 1 May, it is B's collection
    assert h1.line(b.id).collected_amount == Decimal("6000.00")
    # in H2 M2 is B's alone: A serves M1 and M4
    assert h2.line(a.id).members_served == 2 and h2.line(b.id).members_served == 2


def test_period_boundaries(db, officer, register) -> None:  # type: ignore[no-untyped-def]
    a = register["a"]
    with db.session() as session:
        h2_2025 = reports.mentor_report(session, officer, "2025H2")
        h1 = reports.mentor_report(session, officer, "2026H1")
        h2 = reports.mentor_report(session, officer, "2026H2")
    # 31 December 2025 belongs to 2025H2, 1 January 2026 starts H1
    assert h2_2025.line(a.id).contact_entries == 1 and h2_2025.as_of == D(2025, 12, 31)
    # 30 June is H1's last day (the form dated 30 June), 1 July H2's first (the contact, the other form)
    assert h1.line(a.id).forms_filed == 1
    assert h2.line(a.id).forms_filed == 1 and h2.line(a.id).forms_pending == 1
    assert h2.line(a.id).contact_entries == 1  # M1 on 1 July
    # the 5,000 paid on 2 July: arrears on 30 June, collected in H2 (the running half, as of today)
    assert h1.line(a.id).arrears_amount == Decimal("5000.00")
    assert h2.as_of == D(2026, 11, 26) and h2.running
    assert h2.line(a.id).collected_amount == Decimal("15000.00") and h2.line(a.id).arrears_members == 0
    assert reports.parse_half("2026年上半年") == reports.HalfYear(2026, 1)
    with pytest.raises(ValidationError, match="2026H1"):
        reports.parse_half("2026")
    with db.session() as session, pytest.raises(ValidationError, match="尚未开始"):
        reports.mentor_report(session, officer, "2027H1")


def test_thresholds_and_the_offices_proposal(db, admin, officer, leader, register) -> None:  # type: ignore[no-untyped-def]
    a, b = register["a"], register["b"]
    with db.session() as session:
        set_setting(session, admin, REWARD_SCORE, 65)
        set_setting(session, admin, PENALTY_SCORE, 64)
    with db.session() as session:
        report = reports.mentor_report(session, officer, "2026H1")
        assert report.line(b.id).suggested == ProposalChoice.REWARD
        assert report.line(a.id).suggested == ProposalChoice.PENALTY
        with pytest.raises(ValidationError, match="理由"):
            reports.save_proposal(session, officer, "2026H1", a.id, "none")
        saved = reports.save_proposal(session, officer, "2026H1", a.id, "none", "二季度交接工作及时")
        assert saved.suggested == ProposalChoice.PENALTY and saved.edited_by == officer.full_name
    with db.session() as session:
        stored = session.scalars(select(MentorProposal)).one()
        assert (stored.period, stored.mentor_id, stored.proposal, stored.score) == (
            "2026H1",
            a.id,
            ProposalChoice.NONE,
            "63.3",
        )
        line = reports.mentor_report(session, leader, "2026H1").line(a.id)
        assert line.proposal == ProposalChoice.NONE and line.suggested == ProposalChoice.PENALTY
        assert line.edited_by == officer.full_name and line.reason == "二季度交接工作及时" and line.changed
        with pytest.raises(PermissionDenied):
            reports.save_proposal(session, leader, "2026H1", b.id, "reward")
        with pytest.raises(PermissionDenied):
            reports.mentor_report(session, a, "2026H1")
        with pytest.raises(ValidationError, match="没有负责的会员"):
            reports.save_proposal(session, officer, "2026H1", register["c"].id, "reward", "理由")


def test_exports_carry_the_figures(db, officer, register, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl
    from pypdf import PdfReader

    a = register["a"]
    with db.session() as session:
        book = reports.export_mentor_report(session, officer, "2026H1", tmp_path / "考核.xlsx")
        pdf = reports.export_mentor_report(session, officer, "2026H1", tmp_path / "考核.pdf")
    sheet = openpyxl.load_workbook(book.path).active
    rows = [r for r in sheet.iter_rows(values_only=True) if r[1] == "甲老师"]
    assert len(rows) == 1 and rows[0][0] == 2 and rows[0][2] == 3 and rows[0][19] == 15000
    assert len(sheet._charts) == 2
    reader = PdfReader(pdf.path)
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # A4 landscape
    assert round(float(page.mediabox.width)) == 842
    text = "".join(p.extract_text() for p in reader.pages)
    assert "甲老师" in text and "63.3" in text and "\x00" not in text
    assert a.full_name in text


def test_statistics(db, officer, mentor, register, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        stats = reports.statistics(session, mentor)
        assert stats.active == 5
        assert sum(r.count for r in stats.by_category) == 5
        dues_2026 = next(d for d in stats.dues if d.year == 2026)
        assert (dues_2026.billed_count, dues_2026.billed_amount, dues_2026.paid_count) == (5, Decimal("27000.00"), 3)
        assert dues_2026.collected_amount == Decimal("21000.00")  # everything received by today
        book = reports.export_statistics(session, officer, tmp_path / "统计.xlsx")
        pdf = reports.export_statistics(session, officer, tmp_path / "统计.pdf")
    assert book.path.exists() and pdf.pages >= 1


def test_each_role_reads_its_reports_with_its_own_server_role(server, officer, leader, register, sign_in_as) -> None:  # type: ignore[no-untyped-def]
    """On PostgreSQL every person reads through its own login role (core/roles.py): the workbench,
    the report and the statistics need nothing more than the role's privileges."""
    from desktop_app.core.services import roster, workbench

    a = register["a"]
    office_db = sign_in_as("membership_officer")
    with office_db.session() as session:
        assert workbench.workbench(session, officer).item("roster_publication").count == 1
        assert reports.mentor_report(session, officer, "2026H1").line(a.id).score == 63.3
        reports.save_proposal(session, officer, "2026H1", a.id, "reward", "表现突出")
        roster.record_publication(
            session, officer, public=True, website=True, work_group=False, members=5, file_name=None, file_format="pdf"
        )
        assert reports.statistics(session, officer).active == 5
    leader_db = sign_in_as("resident_leader")
    with leader_db.session() as session:
        workbench.workbench(session, leader)
        line = reports.mentor_report(session, leader, "2026H1").line(a.id)
        assert line.proposal == ProposalChoice.REWARD and line.edited_by == officer.full_name
    assert "permission denied" in denied(leader_db, "UPDATE mentor_report_proposal SET proposal = 'penalty'")
    b = register["b"]
    mentor_db = sign_in_as("mentor_b")
    with mentor_db.session() as session:
        bench = workbench.workbench(session, b)
        assert bench.item("arrears").count == 1 and bench.item("arrears").amount == Decimal("5000.00")  # M3
        assert reports.statistics(session, b).active == 5
    assert "permission denied" in denied(
        mentor_db, "INSERT INTO roster_publication (published_on) VALUES ('2026-01-01')"
    )
