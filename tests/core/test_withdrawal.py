"""Withdrawal and cancellation (issue 15, R-11.1 … R-15.1): the review's three grounds one day
either side of "more than a year", confirming, the notice from recorded evidence only, outcomes,
the council, appeals, what ends with a membership, and the membership spells."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop_app.core.models import MemberStatus, MentorAssignment, WeChatMembership, WeChatStatus
from desktop_app.core.models.dues import DuesBill
from desktop_app.core.models.mailing import MailingRecipient
from desktop_app.core.models.withdrawal import (
    AppealDecision,
    AppealStatus,
    CaseStatus,
    Ground,
    MembershipSpell,
    SpellEnd,
    SpellStart,
    TaskStatus,
)
from desktop_app.core.services import dues, mailing, members, mentors, withdrawal
from desktop_app.core.services.withdrawal import Scan
from desktop_app.core.settings import NO_ACTIVITY_COUNTING, NOTICE_RESPONSE_DAYS, set_setting
from desktop_app.core.validation import uscc_check_character
from desktop_app.demo.admission import demo_pdf
from desktop_app.documents import Problem
from desktop_app.errors import PermissionDenied, ValidationError

D = dt.date


def code(body: str) -> str:
    first17 = ("91420102" + body)[:17]
    return first17 + uscc_check_character(first17)


def add_member(db, actor, values, **changes):  # type: ignore[no-untyped-def]
    with db.session() as session:
        return members.create_member(session, actor, {**values, **changes}).id


def add_activity(db, actor, title: str, held_on: dt.date, attended: tuple[int, ...] = ()) -> int:  # type: ignore[no-untyped-def]
    with db.session() as session:
        activity = withdrawal.save_activity(
            session, actor, {"title": title, "held_on": held_on, "kind": "meeting", "organiser": "秘书处"}
        )
        for member_id in attended:
            withdrawal.record_attendance(session, actor, activity.id, member_id, attendee="张丽")
        return activity.id


def grounds(db, actor, member_id: int, on: dt.date) -> dict[Ground, withdrawal.GroundFound]:  # type: ignore[no-untyped-def]
    with db.session() as session:
        found = withdrawal.review(session, actor, on)
    candidate = next((c for c in found if c.member_id == member_id), None)
    return {g.ground: g for g in candidate.grounds} if candidate else {}


@pytest.fixture
def member(db, officer, member_values) -> int:  # type: ignore[no-untyped-def]
    return add_member(db, officer, member_values)  # joined 2020-10-27


# --- (1) dues unpaid for more than a year: the dues job's one definition -------------------------------


def test_unpaid_dues_one_day_either_side_of_a_year(db, admin, officer, member) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        dues.bill_year(session, admin, 2025)  # first unpaid period starts 2025-01-01
    assert Ground.UNPAID_DUES not in grounds(db, officer, member, D(2025, 12, 31))
    found = grounds(db, officer, member, D(2026, 1, 1))[Ground.UNPAID_DUES]
    assert "2025年度会费共" in found.summary and "至今未缴纳" in found.summary
    assert found.evidence["years"] == [2025] and found.evidence["over_a_year_from"] == "2026-01-01"


# --- (2) no attendance for more than a year, counted over the time as a member ------------------------


def test_no_attendance_one_day_either_side_of_a_year(db, officer, member) -> None:  # type: ignore[no-untyped-def]
    add_activity(db, officer, "2025年度会员大会", D(2025, 3, 1), attended=(member,))
    add_activity(db, officer, "建筑安全生产培训", D(2025, 6, 1))
    assert Ground.NO_ACTIVITY not in grounds(db, officer, member, D(2026, 3, 1))  # exactly a year
    found = grounds(db, officer, member, D(2026, 3, 2))[Ground.NO_ACTIVITY]
    assert found.since == D(2025, 3, 1)
    assert "自2025年3月1日参加本会“2025年度会员大会”以来" in found.summary
    assert "其间本会举办活动 1 次" in found.summary
    assert found.evidence["last_activity"]["title"] == "2025年度会员大会"


def test_a_member_who_joined_less_than_a_year_ago_is_never_a_candidate_for_no_attendance(
    db, admin, officer, member_values
) -> None:  # type: ignore[no-untyped-def]
    newcomer = add_member(db, officer, member_values, join_date=D(2026, 1, 10))
    add_activity(db, officer, "2024年度会员大会", D(2024, 3, 1))
    for month in (2, 5, 9, 11):
        add_activity(db, officer, f"活动{month}", D(2026, month, 1))
    for counting in ("current_spell", "all_spells"):
        with db.session() as session:
            set_setting(session, admin, NO_ACTIVITY_COUNTING, counting)
        assert Ground.NO_ACTIVITY not in grounds(db, officer, newcomer, D(2026, 11, 26))
        assert Ground.NO_ACTIVITY not in grounds(db, officer, newcomer, D(2027, 1, 10))  # a year to the day
    with db.session() as session:
        set_setting(session, admin, NO_ACTIVITY_COUNTING, "current_spell")
    found = grounds(db, officer, newcomer, D(2027, 1, 11))[Ground.NO_ACTIVITY]
    assert "自2026年1月10日入会以来" in found.summary


def test_no_activity_held_or_recorded_makes_nobody_a_candidate(db, officer, member) -> None:  # type: ignore[no-untyped-def]
    assert grounds(db, officer, member, D(2026, 11, 26)) == {}
    add_activity(db, officer, "唯一的活动", D(2024, 5, 1), attended=(member,))
    # more than a year since, but nothing was held after it that the member could have attended
    assert Ground.NO_ACTIVITY not in grounds(db, officer, member, D(2026, 11, 26))


def test_time_between_spells_does_not_count(db, admin, officer, member) -> None:  # type: ignore[no-untyped-def]
    """A member re-admitted: only the days it was a member count (setting all_spells)."""
    with db.session() as session:
        set_setting(session, admin, NO_ACTIVITY_COUNTING, "all_spells")
        session.add_all(
            [
                MembershipSpell(
                    member_id=member,
                    joined_on=D(2020, 10, 27),
                    joined_how=SpellStart.HISTORIC,
                    left_on=D(2024, 6, 1),
                    left_how=SpellEnd.WITHDRAWN,
                    recorded_at=db.clock.now(),
                ),
                MembershipSpell(
                    member_id=member,
                    joined_on=D(2026, 3, 1),
                    joined_how=SpellStart.READMITTED,
                    recorded_at=db.clock.now(),
                ),
            ]
        )
    add_activity(db, officer, "2024年春季交流会", D(2024, 3, 1), attended=(member,))
    add_activity(db, officer, "2026年度培训", D(2026, 9, 1))
    # 2024-03-01 … 2024-06-01 (92 days) + 2026-03-01 … 2026-11-26 (270 days) = 362 days: not over a year
    assert Ground.NO_ACTIVITY not in grounds(db, officer, member, D(2026, 11, 26))
    found = grounds(db, officer, member, D(2026, 12, 31))[Ground.NO_ACTIVITY]
    assert found.evidence["membership_days"] == 397
    assert "其中作为会员的时间共 397 天" in found.summary


# --- (3) a disqualification recorded by staff -------------------------------------------------------------


def test_disqualification_one_day_either_side_and_lifted(db, officer, member) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        record = withdrawal.add_disqualification(
            session,
            officer,
            member,
            {
                "kind": "dishonest_judgment_debtor",
                "source": "中国执行信息公开网",
                "found_on": D(2026, 9, 1),
                "evidence": "（2026）鄂0102执1234号",
            },
            Scan("查询结果.pdf", demo_pdf("zxgk")),
        )
        record_id = record.id
    assert Ground.DISQUALIFIED not in grounds(db, officer, member, D(2026, 8, 31))
    found = grounds(db, officer, member, D(2026, 9, 1))[Ground.DISQUALIFIED]
    assert "据中国执行信息公开网" in found.summary and "被列为失信被执行人" in found.summary
    assert "（2026）鄂0102执1234号" in found.summary
    with db.session() as session:
        withdrawal.lift_disqualification(session, officer, record_id, D(2026, 10, 1), "已从失信被执行人名单中删除")
    assert Ground.DISQUALIFIED in grounds(db, officer, member, D(2026, 9, 30))
    assert Ground.DISQUALIFIED not in grounds(db, officer, member, D(2026, 10, 1))


def test_disqualification_needs_source_date_and_evidence(db, officer, member) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session, pytest.raises(ValidationError) as error:
        withdrawal.add_disqualification(session, officer, member, {"kind": "other", "found_on": D(2027, 1, 1)})
    errors = error.value.errors
    assert set(errors) >= {"description", "source", "found_on", "evidence"}
    assert "不能晚于今天" in errors["found_on"]


# --- confirming, the notice from recorded evidence only -----------------------------------------------------


def inactive_member(db, officer, member) -> None:  # type: ignore[no-untyped-def]
    add_activity(db, officer, "2025年度会员大会", D(2025, 3, 1), attended=(member,))
    add_activity(db, officer, "建筑安全生产培训", D(2025, 6, 1))


def confirm(db, officer, member, on=D(2026, 11, 26)):  # type: ignore[no-untyped-def]
    with db.session() as session:
        return withdrawal.confirm_candidates(session, officer, on, [member])[0].id


def issue(db, officer, case_id: int, *, post: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Issue the notice; with ``post`` the mailing batch records it as sent that day."""
    with db.session() as session:
        (case,) = withdrawal.issue_notices(session, officer, [case_id])
        if post:
            recipient = session.scalar(
                select(MailingRecipient.id).where(
                    MailingRecipient.batch_id == case.mailing_batch_id, MailingRecipient.member_id == case.member_id
                )
            )
            result = mailing.mark_sent(session, officer, [recipient], tracking={recipient: "9876543210123"})
            assert not result.skipped


def test_confirming_is_all_or_nothing_and_only_for_candidates(db, officer, member, member_values) -> None:  # type: ignore[no-untyped-def]
    inactive_member(db, officer, member)
    other = add_member(db, officer, member_values, name="武汉楚天路桥工程有限公司", uscc=code("MA4K8XY2X"))
    add_activity(db, officer, "2026年度交流会", D(2026, 10, 1), attended=(other,))
    with db.session() as session, pytest.raises(ValidationError) as error:
        withdrawal.confirm_candidates(session, officer, D(2026, 11, 26), [member, other])
    assert "武汉楚天路桥工程有限公司：截至 2026-11-26 不符合第十二条所列任何情形" in str(error.value)
    with db.session() as session:
        assert withdrawal.case_rows(session, officer) == []  # nothing confirmed
    case_id = confirm(db, officer, member)
    with db.session() as session, pytest.raises(ValidationError, match="已有未结案件"):
        withdrawal.confirm_candidates(session, officer, D(2026, 11, 26), [member])
    with db.session() as session:
        (row,) = withdrawal.case_rows(session, officer, open_only=True)
        assert row.id == case_id and row.status == CaseStatus.CONFIRMED and row.grounds == "（二）"


def test_notice_is_built_from_the_recorded_evidence_only(db, officer, member, member_values) -> None:  # type: ignore[no-untyped-def]
    inactive_member(db, officer, member)
    stranger = add_member(db, officer, member_values, name="武汉楚天路桥工程有限公司", uscc=code("MA4K8XY2X"))
    case_id = confirm(db, officer, member)
    with db.session() as session:
        chosen = list(
            session.scalars(select(withdrawal.cases.Member).where(withdrawal.cases.Member.id.in_([member, stranger])))
        )
        problems: list[Problem] = []
        assert withdrawal.notice_items(session, officer, chosen, {}, problems, []) == []
        assert {p.who: p.message for p in problems} == {
            "武汉市江岸区宏达建设工程有限公司（WJX20260001）": "已确认，尚未发出告知书：请在“退会管理”中发出（编文号、定答复期限、加入邮寄批次）后再打印",
            "武汉楚天路桥工程有限公司（WJX20260002）": "没有经确认的取消会员资格案件：第十二条所列情形未经核查确认，不能发出告知书",
        }
        # grounds typed in by hand are refused, whatever they say
        with pytest.raises(ValidationError, match="只能来自经确认的核查记录"):
            withdrawal.notice_items(session, officer, chosen, {"unpaid_years": (2024, 2025)}, [], [])
    issue(db, officer, case_id)
    with db.session() as session:
        chosen = list(session.scalars(select(withdrawal.cases.Member).where(withdrawal.cases.Member.id == member)))
        problems = []
        (item,) = withdrawal.notice_items(session, officer, chosen, {}, problems, [])
        assert problems == []
        case = withdrawal.latest_case(session, member)
        assert item.notice_number == case.notice_number == "武建协会籍〔2026〕1号"
        assert item.notice_date == D(2026, 11, 26) and item.response_deadline == D(2026, 12, 26)
        assert [g.statement for g in item.grounds.statements] == [g.summary for g in case.grounds]
        assert [g.item for g in item.grounds.statements] == ["（二）"]  # no unpaid dues: not printed
        assert item.appeal_days == 30


def test_notice_deadline_follows_the_setting(db, admin, officer, member) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        set_setting(session, admin, NOTICE_RESPONSE_DAYS, 15)
    inactive_member(db, officer, member)
    case_id = confirm(db, officer, member)
    issue(db, officer, case_id)
    with db.session() as session:
        assert withdrawal.latest_case(session, member).response_deadline == D(2026, 12, 11)


# --- outcomes -----------------------------------------------------------------------------------------------


def test_a_member_who_pays_after_the_notice_stays(db, admin, officer, member, clock) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        dues.bill_year(session, admin, 2025)
    case_id = confirm(db, officer, member)
    issue(db, officer, case_id)
    clock.advance(days=10)  # 2026-12-06: the member pays
    with db.session() as session:
        owed = dues.unpaid_evidence(session, member, clock.today()).amount_owed
        dues.record_payment(session, officer, member, amount=owed, reference="转账 20261206")
    clock.advance(days=25)  # past the deadline
    with db.session() as session, pytest.raises(ValidationError, match="会员已履行义务"):
        withdrawal.record_deemed_withdrawn(session, officer, case_id, None, "电话联系未果")
    with db.session() as session:
        withdrawal.record_obligations_met(session, officer, case_id, None, "已补缴2025年度会费")
    with db.session() as session:
        case = withdrawal.latest_case(session, member)
        assert case.status == CaseStatus.OBLIGATIONS_MET and case.outcome_on == D(2026, 12, 31)
        assert "unpaid_dues" in case.outcome_evidence
        assert members.get_member(session, member).status == MemberStatus.ACTIVE


def test_no_deemed_withdrawal_without_proof_of_posting(db, officer, member, clock) -> None:  # type: ignore[no-untyped-def]
    inactive_member(db, officer, member)
    case_id = confirm(db, officer, member)
    issue(db, officer, case_id, post=False)
    with db.session() as session:
        detail = withdrawal.case_detail(session, officer, case_id)
        assert detail.posting is not None and "待寄出" in detail.posting
        batch = detail.mailing_batch_id
        (content,) = mailing.batch_contents(session, batch)
        assert content.title == "退会告知书"
    clock.set(D(2026, 12, 27))
    with db.session() as session, pytest.raises(ValidationError, match="告知书没有寄达的凭证"):
        withdrawal.record_deemed_withdrawn(session, officer, case_id, None, "未答复")


def test_obligations_met_is_refused_while_a_ground_holds(db, officer, member) -> None:  # type: ignore[no-untyped-def]
    inactive_member(db, officer, member)
    case_id = confirm(db, officer, member)
    with db.session() as session, pytest.raises(ValidationError, match="一年以上不参加本会活动"):
        withdrawal.record_obligations_met(session, officer, case_id, None, "会员口头表示会参加")


def cancel(db, officer, member, clock, council_on: dt.date = D(2026, 12, 28)) -> int:  # type: ignore[no-untyped-def]
    inactive_member(db, officer, member)
    case_id = confirm(db, officer, member)
    issue(db, officer, case_id)
    with db.session() as session, pytest.raises(ValidationError, match="2026-12-27 起"):
        withdrawal.record_deemed_withdrawn(session, officer, case_id, None, "拒绝缴纳")
    clock.set(D(2026, 12, 27))
    with db.session() as session:
        withdrawal.record_deemed_withdrawn(session, officer, case_id, None, "会员书面答复不再参加协会活动")
    clock.set(council_on)
    with db.session() as session:
        ended = withdrawal.record_council_confirmation(session, officer, case_id, council_on, "理事会〔2026〕9号")
    assert any("会籍：取消会员资格" in line for line in ended.lines)
    return case_id


def test_cancellation_and_every_consequence(db, admin, officer, mentor, member, clock) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        members.assign_certificate_number(session, members.get_member(session, member))
        members.set_mentor(session, officer, members.get_member(session, member), mentor.id)
        withdrawal.add_position(
            session,
            officer,
            member,
            {"kind": "council", "term": "第七届", "start_date": D(2024, 1, 1), "term_end": D(2028, 12, 31)},
        )
        dues.bill_year(session, admin, 2026)
        dues.record_payment(session, officer, member, amount="2000")
    with db.session() as session:  # the liaison is in the mentor's WeChat group
        mentors.set_wechat_status(session, officer, member, "liaison", "joined", D(2026, 1, 5))
    case_id = cancel(db, officer, member, clock)
    with db.session() as session:
        former = members.get_member(session, member)
        assert former.status == MemberStatus.CANCELLED and former.left_date == D(2026, 12, 28)
        assert "第十二条第（二）项" in former.left_reason and former.mentor_id is None
        assert former.certificate_number is None
        assignment = session.scalar(select(MentorAssignment).where(MentorAssignment.member_id == member))
        assert assignment.end_date == D(2026, 12, 28)
        (spell,) = withdrawal.spells(session, member)
        assert spell.left_on == D(2026, 12, 28) and spell.left_how == "取消会员资格"
        assert (
            spell.decided_by == "理事会 理事会〔2026〕9号（2026-12-28）" and spell.certificate_number == "WJXZ20260001"
        )
        (position,) = withdrawal.positions(session, member)
        assert position.ended_on == D(2026, 12, 28) and "取消会员资格" in position.end_reason
        (task,) = withdrawal.tasks(session, officer)
        assert task.mentor_name == "陈晓燕" and "微信" in task.title
        assert withdrawal.tasks(session, mentor)[0].id == task.id  # the mentor sees its task
        case = withdrawal.latest_case(session, member)
        assert case.status == CaseStatus.CANCELLED and case.council_resolution == "理事会〔2026〕9号"
        # the re-admission check reads the former member from the register's columns, kept in step
        from desktop_app.core.services.admission.steps import _former_member_info

        info = _former_member_info(session, former, D(2027, 3, 1))
        assert info.left_date == D(2026, 12, 28) and "第十二条" in info.left_reason
    with db.session() as session, pytest.raises(PermissionDenied):
        withdrawal.complete_task(session, make_other_mentor(db), task.id)
    with db.session() as session:
        withdrawal.complete_task(session, mentor, task.id, None, "已移出")
        assert withdrawal.tasks(session, mentor) == []
        (record,) = session.scalars(select(WeChatMembership).where(WeChatMembership.member_id == member)).all()
        assert record.status == WeChatStatus.LEFT and record.left_on == D(2026, 12, 28)
    del case_id


def make_other_mentor(db):  # type: ignore[no-untyped-def]
    from desktop_app.core.models import Role
    from tests.conftest import make_staff

    return make_staff(db, Role.MENTOR, "mentor2", "李明")


def test_future_dues_are_cancelled_and_arrears_stay(db, admin, officer, member, clock) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        dues.bill_year(session, admin, 2026)  # unpaid: an arrear that stays
        dues.bill_year(session, admin, 2027)  # starts after the cancellation: cancelled
    cancel(db, officer, member, clock)
    with db.session() as session:
        bills = {b.year: b for b in session.scalars(select(DuesBill).where(DuesBill.member_id == member))}
        assert bills[2026].cancelled_at is None and not bills[2026].settled  # the arrear stays
        assert bills[2027].cancelled_at is not None and "取消会员资格" in bills[2027].cancel_reason


def test_the_status_can_no_longer_be_set_in_the_member_editor(db, officer, member) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        version = members.get_member(session, member).version
    for values in (
        {"status": "cancelled", "left_date": D(2026, 11, 1), "left_reason": "欠费"},
        {"status": "withdrawn", "left_date": D(2026, 11, 1)},
        {"left_reason": "随便写的"},
    ):
        with db.session() as session, pytest.raises(ValidationError) as error:
            members.update_member(session, officer, member, version, values)
        assert "只能通过“退会管理”" in str(error.value)
    with db.session() as session:  # a correction that leaves the status alone still saves
        members.update_member(session, officer, member, version, {"main_business": "市政工程施工"})


# --- appeals (R-13.1) ---------------------------------------------------------------------------------------


def test_an_appeal_that_restores_the_membership(db, officer, mentor, member, clock) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        members.assign_certificate_number(session, members.get_member(session, member))
        members.set_mentor(session, officer, members.get_member(session, member), mentor.id)
        withdrawal.add_position(session, officer, member, {"kind": "council", "start_date": D(2024, 1, 1)})
    case_id = cancel(db, officer, member, clock)
    clock.set(D(2027, 2, 1))
    with db.session() as session, pytest.raises(ValidationError, match="申诉期限已于 2027-01-27 届满"):
        withdrawal.file_appeal(session, officer, case_id, D(2027, 1, 28), "不服")
    with db.session() as session:
        appeal = withdrawal.file_appeal(
            session,
            officer,
            case_id,
            D(2027, 1, 20),
            "2026年度实际参加了三次活动，签到表漏记",
            Scan("申诉书.pdf", demo_pdf("appeal")),
        )
        appeal_id = appeal.id
    with db.session() as session, pytest.raises(ValidationError, match="已有正在办理的申诉"):
        withdrawal.file_appeal(session, officer, case_id, D(2027, 1, 21), "再次申诉")
    with db.session() as session:
        withdrawal.record_council_reply(
            session,
            officer,
            appeal_id,
            D(2027, 2, 1),
            AppealDecision.RESTORED,
            "核实签到记录后撤销取消决定",
            "理事会〔2027〕3号",
        )
    with db.session() as session:
        restored = members.get_member(session, member)
        assert restored.status == MemberStatus.ACTIVE and restored.left_date is None and restored.left_reason is None
        assert restored.certificate_number == "WJXZ20260001" and restored.mentor_id == mentor.id
        (spell,) = session.scalars(select(MembershipSpell).where(MembershipSpell.member_id == member)).all()
        assert spell.left_on is None and spell.reopened_on == D(2027, 2, 1)  # the same spell, reopened
        (position,) = withdrawal.positions(session, member)
        assert position.current
        assert withdrawal.latest_case(session, member).status == CaseStatus.RESTORED
        (record,) = withdrawal.appeals(session, officer)
        assert record.status == AppealStatus.RESTORED and record.documents[0][1] == "申诉书.pdf"
        assert [t.status for t in withdrawal.tasks(session, officer, open_only=False)] == [TaskStatus.CANCELLED]


def test_an_appeal_escalated_to_the_general_assembly_and_upheld(db, officer, member, clock) -> None:  # type: ignore[no-untyped-def]
    case_id = cancel(db, officer, member, clock)
    clock.set(D(2027, 1, 25))
    with db.session() as session:
        appeal_id = withdrawal.file_appeal(session, officer, case_id, D(2027, 1, 20), "不服").id
    with db.session() as session, pytest.raises(ValidationError, match="尚未提交会员（代表）大会"):
        withdrawal.record_assembly_decision(session, officer, appeal_id, D(2027, 3, 1), "upheld", "大会〔2027〕1号")
    with db.session() as session:
        withdrawal.escalate_appeal(session, officer, appeal_id, D(2027, 1, 25), "涉及会员资格标准，提请大会审议")
    clock.set(D(2027, 3, 2))
    with db.session() as session:
        withdrawal.record_assembly_decision(session, officer, appeal_id, D(2027, 3, 1), "upheld", "大会〔2027〕1号")
    with db.session() as session:
        (record,) = withdrawal.appeals(session, officer)
        assert record.status == AppealStatus.UPHELD and record.escalated_on == D(2027, 1, 25)
        assert members.get_member(session, member).status == MemberStatus.CANCELLED


# --- voluntary withdrawal (R-11.1) -----------------------------------------------------------------------


def test_voluntary_withdrawal_with_letter_and_returns(db, officer, member, clock) -> None:  # type: ignore[no-untyped-def]
    values = {
        "letter_received_on": D(2026, 11, 20),
        "effective_on": D(2026, 12, 31),
        "reason": "企业转型，不再从事建筑业",
    }
    with db.session() as session, pytest.raises(ValidationError) as error:
        withdrawal.record_voluntary_withdrawal(
            session, officer, member, values, Scan("函件.pdf", b"%PDF-1.4 not really")
        )
    assert "退会函件" in error.value.errors["letter"]
    with db.session() as session, pytest.raises(ValidationError, match="请附上扫描件"):
        withdrawal.record_voluntary_withdrawal(session, officer, member, values, None)
    with db.session() as session:
        case, ended = withdrawal.record_voluntary_withdrawal(
            session,
            officer,
            member,
            {**values, "certificate_returned_on": D(2026, 11, 20), "plaque_not_returned": "牌匾遗失"},
            Scan("退会函.pdf", demo_pdf("letter")),
        )
        case_id = case.id
        assert ended is None and case.status == CaseStatus.PENDING  # takes effect on 2026-12-31
    with db.session() as session, pytest.raises(ValidationError, match="还未到"):
        withdrawal.make_effective(session, officer, case_id)
    clock.set(D(2026, 12, 31))
    with db.session() as session:
        ended = withdrawal.make_effective(session, officer, case_id)
        assert any("会籍：主动退会，2026-12-31" in line for line in ended.lines)
    with db.session() as session:
        withdrawal.record_returns(
            session, officer, case_id, {"plaque_returned_on": D(2026, 12, 31), "plaque_not_returned": ""}
        )
        detail = withdrawal.case_detail(session, officer, case_id)
        assert detail.certificate_returned_on == D(2026, 11, 20) and detail.plaque_returned_on == D(2026, 12, 31)
        assert detail.documents[0][1:] == ("退会函件", "退会函.pdf")
        former = members.get_member(session, member)
        assert former.status == MemberStatus.WITHDRAWN and former.left_date == D(2026, 12, 31)
        assert "企业转型" in former.left_reason


def test_withdrawing_member_leaves_its_open_cancellation_case(db, officer, member) -> None:  # type: ignore[no-untyped-def]
    inactive_member(db, officer, member)
    case_id = confirm(db, officer, member)
    with db.session() as session:
        withdrawal.record_voluntary_withdrawal(
            session,
            officer,
            member,
            {"letter_received_on": D(2026, 11, 26), "reason": "自愿退出"},
            Scan("函.pdf", demo_pdf("x")),
        )
    with db.session() as session:
        case = session.get(withdrawal.cases.WithdrawalCase, case_id)
        assert case.status == CaseStatus.DROPPED and "主动退会" in case.outcome_note


# --- re-admission keeps the earlier spell ------------------------------------------------------------------


def test_a_readmission_keeps_the_earlier_spell(db, officer, leader, member_values, clock) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.core.models import ApplicationStage
    from tests.core.test_admission import create, take, walk

    member = add_member(db, officer, member_values, join_date=D(2015, 3, 1))
    with db.session() as session:
        withdrawal.record_voluntary_withdrawal(
            session,
            officer,
            member,
            {"letter_received_on": D(2024, 5, 1), "reason": "经营调整"},
            Scan("函.pdf", demo_pdf("x")),
        )
    applicant = {
        k: member_values[k]
        for k in ("name", "uscc", "category", "address", "postcode", "liaison_name", "liaison_mobile")
    }
    application_id = create(db, officer, {**applicant, "briefing_note": "介绍协会"})
    walk(db, officer, leader, application_id, ApplicationStage.SIGNED_OFF)
    clock.set(D(2028, 11, 27))
    take(db, officer, application_id, ApplicationStage.REGISTERED)
    with db.session() as session:
        first, second = withdrawal.spells(session, member)
        assert (first.joined_on, first.left_on, first.left_how) == (D(2015, 3, 1), D(2024, 5, 1), "主动退会")
        assert "经营调整" in first.left_reason
        assert (second.joined_on, second.joined_how, second.left_on) == (D(2028, 11, 27), "重新入会", None)
        assert withdrawal.current_spell(session, member) == second
        again = members.get_member(session, member)
        assert again.status == MemberStatus.ACTIVE and again.left_date is None


# --- permissions --------------------------------------------------------------------------------------------


def test_roles(db, officer, mentor, leader, member) -> None:  # type: ignore[no-untyped-def]
    inactive_member(db, officer, member)
    for actor in (mentor, leader):
        with db.session() as session:
            assert withdrawal.review(session, actor, D(2026, 11, 26))  # they may look
        with db.session() as session, pytest.raises(PermissionDenied):
            withdrawal.confirm_candidates(session, actor, D(2026, 11, 26), [member])
        with db.session() as session, pytest.raises(PermissionDenied):
            withdrawal.save_activity(
                session, actor, {"title": "x", "held_on": D(2026, 1, 1), "kind": "other", "organiser": "x"}
            )


# --- PostgreSQL: the roles' own server privileges suffice, and no more ----------------------------------


@pytest.fixture
def own_role(db, clock):  # type: ignore[no-untyped-def]
    """Open the database as a staff account's own server role, as a workstation does (issue 10)."""
    from desktop_app.core import roles
    from tests.conftest import PASSWORD

    if db.is_sqlite:
        pytest.skip("PostgreSQL only: on SQLite the file's owner is the trust boundary")
    opened = []

    def connect(username: str):  # type: ignore[no-untyped-def]
        role_db = roles.connect_as(db.url.set(username=None, password=None), username, PASSWORD, clock=clock)
        opened.append(role_db)
        return role_db

    yield connect
    for role_db in opened:
        role_db.dispose()


def test_the_whole_procedure_under_the_staff_accounts_own_server_roles(
    db, officer, mentor, member, clock, own_role
) -> None:  # type: ignore[no-untyped-def]
    """On PostgreSQL each account is its own server role (issue 10): the officer runs the whole
    cancellation with its group's privileges, the mentor ticks off its task and can do no more."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    with db.session() as session:
        members.set_mentor(session, officer, members.get_member(session, member), mentor.id)
        withdrawal.add_position(session, officer, member, {"kind": "council", "start_date": D(2024, 1, 1)})
    inactive_member(db, officer, member)
    as_officer = own_role(officer.username)
    case_id = confirm(as_officer, officer, member)
    issue(as_officer, officer, case_id)
    clock.set(D(2026, 12, 27))
    with as_officer.session() as session:
        withdrawal.record_deemed_withdrawn(session, officer, case_id, None, "拒绝履行")
    with as_officer.session() as session:
        withdrawal.record_council_confirmation(session, officer, case_id, D(2026, 12, 27), "理事会〔2026〕9号")
    as_mentor = own_role(mentor.username)
    with as_mentor.session() as session:
        (task,) = withdrawal.tasks(session, mentor)
        withdrawal.complete_task(session, mentor, task.id, None, "已移出")
    with pytest.raises(DBAPIError), as_mentor.engine.begin() as connection:
        connection.execute(text("UPDATE withdrawal_case SET status = 'restored'"))
    with db.session() as session:
        assert members.get_member(session, member).status == MemberStatus.CANCELLED
