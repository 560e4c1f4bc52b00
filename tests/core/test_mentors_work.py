"""A mentor's work (issue 12): the contact log and its reminders (R-8.2), the WeChat group (R-8.1),
circulation and publicity (R-8.3), the contact handover form filed, printed, applied, rejected or
refused as stale (R-8.4, R-9.3, R-10.1), outstanding-liaison nominations (R-10.5), and per gate:
a mentor works on its own members only, the office sees all and decides, the resident leader reads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.core.models import (
    ContactChannel,
    HandoverStatus,
    NominationDecision,
    PublicityOutcome,
    Role,
    WeChatPerson,
    WeChatStatus,
)
from desktop_app.core.services import members, mentors
from desktop_app.core.settings import NO_CONTACT_DAYS, set_setting
from desktop_app.errors import ConflictError, PermissionDenied, ValidationError
from tests.conftest import make_staff
from tests.core.test_mentors import add_member
from tests.core.test_server_roles import denied, server, sign_in_as  # noqa: F401 — fixtures used below


@pytest.fixture
def other_mentor(db, admin):  # type: ignore[no-untyped-def]
    return make_staff(db, Role.MENTOR, "mentor2", "刘建华")


@pytest.fixture
def mine(db, officer, mentor, member_values):  # type: ignore[no-untyped-def]
    """A member the ``mentor`` fixture mentors (principal 李志强, liaison 张丽 13871234567)."""
    return add_member(db, officer, member_values, mentor_id=mentor.id)


@pytest.fixture
def theirs(db, officer, other_mentor, member_values):  # type: ignore[no-untyped-def]
    return add_member(db, officer, member_values, mentor_id=other_mentor.id)


def visit(**values):  # type: ignore[no-untyped-def]
    return {"contact_date": dt.date(2026, 11, 20), "channel": "visit", "learnt": "企业承接了光谷大型项目", **values}


# --- the contact log (R-8.2) --------------------------------------------------------------------------


def test_contact_log_checks_what_is_typed(db, mentor, mine) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        with pytest.raises(ValidationError) as error:
            mentors.log_contact(
                session,
                mentor,
                mine,
                {"contact_date": "2026-12-01", "channel": "fax", "learnt": "", "follow_up": "回访"},
            )
        assert set(error.value.errors) == {"contact_date", "channel", "learnt", "follow_up_due"}
        assert "不能晚于今天" in error.value.errors["contact_date"]
        with pytest.raises(ValidationError, match="不能早于联系日期"):
            mentors.log_contact(session, mentor, mine, visit(follow_up="回访", follow_up_due="2026-11-01"))
        with pytest.raises(ValidationError, match="请写明要跟进什么"):
            mentors.log_contact(session, mentor, mine, visit(follow_up_due="2026-12-01"))
        row = mentors.log_contact(session, mentor, mine, visit(needs="希望协会组织资质升级培训"))
    assert row.contact_person == "张丽" and row.staff_name == "陈晓燕"  # the liaison by default


def test_overdue_follow_ups_and_members_without_contact(db, admin, officer, mentor, mine, theirs, clock) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        entry = mentors.log_contact(
            session, mentor, mine, visit(follow_up="落实培训名额", follow_up_due=dt.date(2026, 11, 23))
        )
        overdue = mentors.overdue_follow_ups(session, mentor)
        assert [(r.entry_id, r.days_overdue) for r in overdue] == [(entry.id, 3)]
        # a mentor's own only; the office: every mentor's
        with pytest.raises(PermissionDenied):
            mentors.overdue_follow_ups(session, mentor, mentor_id=theirs)
        assert len(mentors.overdue_follow_ups(session, officer)) == 1
        silent = mentors.no_contact_members(session, officer)
        assert [r.member_id for r in silent] == [theirs]  # never contacted; `mine` six days ago
        assert silent[0].last_contact is None and silent[0].mentor_name == "刘建华"
        reminders = {
            r.mentor_name: (r.members, r.overdue_follow_ups, r.no_contact)
            for r in mentors.mentor_reminders(session, officer)
        }
        assert reminders == {"陈晓燕": (1, 1, 0), "刘建华": (1, 0, 1)}
    clock.advance(days=100)
    with db.session() as session:
        silent = mentors.no_contact_members(session, mentor)
        assert [(r.member_id, r.last_contact, r.days) for r in silent] == [(mine, dt.date(2026, 11, 20), 106)]
        set_setting(session, admin, NO_CONTACT_DAYS, 200)
    with db.session() as session:
        assert mentors.no_contact_members(session, mentor) == []
        done = mentors.complete_follow_up(session, mentor, entry.id, result="已报名 3 人")
        assert done.follow_up_done_on == clock.today() and mentors.overdue_follow_ups(session, mentor) == []
        with pytest.raises(ValidationError, match="已于"):
            mentors.complete_follow_up(session, mentor, entry.id)


def test_a_mentor_works_on_its_own_members_only(db, officer, mentor, leader, mine, theirs) -> None:  # type: ignore[no-untyped-def]
    """Every gate of the mentors' work, tried by a mentor on another mentor's member."""
    with db.session() as session:
        entry = mentors.log_contact(session, officer, theirs, visit(follow_up="回访", follow_up_due="2026-12-01"))
    gates = [
        lambda s: mentors.log_contact(s, mentor, theirs, visit()),
        lambda s: mentors.contact_log(s, mentor, theirs),
        lambda s: mentors.complete_follow_up(s, mentor, entry.id),
        lambda s: mentors.wechat_status(s, mentor, theirs),
        lambda s: mentors.set_wechat_status(s, mentor, theirs, "liaison", "invited"),
        lambda s: mentors.not_in_group(s, mentor, mentor_id=999),
        lambda s: mentors.record_circulation(
            s, mentor, {"kind": "document", "title": "通知", "channel": "mail"}, [mine, theirs]
        ),
        lambda s: mentors.submit_news(s, mentor, theirs, {"title": "喜讯"}),
        lambda s: mentors.file_handover_form(
            s, mentor, theirs, {"联络员手机": "13907123456"}, reported_on="2026-11-20"
        ),
        lambda s: mentors.nominate(s, mentor, theirs, "2026H2", "积极"),
        lambda s: mentors.mentor_members(s, mentor, mentor_id=999),
    ]
    for number, gate in enumerate(gates):
        with db.session() as session, pytest.raises(PermissionDenied):
            gate(session)
            pytest.fail(f"gate {number} let a mentor work on another mentor's member")
    # the office records for any member; the resident leader reads, and writes nothing
    with db.session() as session:
        assert mentors.contact_log(session, leader, theirs)[0].id == entry.id
        for write in (
            lambda: mentors.log_contact(session, leader, theirs, visit()),
            lambda: mentors.set_wechat_status(session, leader, theirs, "liaison", "invited"),
            lambda: mentors.file_handover_form(
                session, leader, theirs, {"联络员手机": "13907123456"}, reported_on="2026-11-20"
            ),
            lambda: mentors.nominate(session, leader, theirs, "2026H2", "积极"),
            lambda: mentors.apply_handover_form(session, leader, 1),
            lambda: mentors.decide_nomination(session, leader, 1, True),
        ):
            with pytest.raises(PermissionDenied):
                write()
        # the office files no handover form (it corrects the register itself) and nominates nobody
        with pytest.raises(PermissionDenied):
            mentors.file_handover_form(
                session, officer, theirs, {"联络员手机": "13907123456"}, reported_on="2026-11-20"
            )
        with pytest.raises(PermissionDenied):
            mentors.nominate(session, officer, theirs, "2026H2", "积极")


# --- the WeChat group (R-8.1) -------------------------------------------------------------------------


def test_wechat_group_invited_joined_left(db, officer, mentor, mine, clock) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        outside = mentors.not_in_group(session, mentor)
        assert [(r.person, r.person_name, r.status) for r in outside] == [
            (WeChatPerson.PRINCIPAL, "李志强", "未邀请"),
            (WeChatPerson.LIAISON, "张丽", "未邀请"),
        ]
        with pytest.raises(ValidationError, match="尚未入群，不能记为退群"):
            mentors.set_wechat_status(session, mentor, mine, "liaison", "left")
        mentors.set_wechat_status(session, mentor, mine, "liaison", "invited", "2026-11-10")
        with pytest.raises(ValidationError, match="不能早于邀请日期"):
            mentors.set_wechat_status(session, mentor, mine, "liaison", "joined", "2026-11-01")
        row = mentors.set_wechat_status(session, mentor, mine, "liaison", "joined", "2026-11-12")
        assert (row.status, row.invited_on, row.joined_on, row.in_group) == (
            WeChatStatus.JOINED,
            dt.date(2026, 11, 10),
            dt.date(2026, 11, 12),
            True,
        )
        mentors.set_wechat_status(session, mentor, mine, "principal", "joined")  # joined at once
        assert mentors.not_in_group(session, mentor) == []
        mentors.set_wechat_status(session, mentor, mine, WeChatPerson.PRINCIPAL, WeChatStatus.LEFT)
        assert [(r.person, r.status, r.since) for r in mentors.not_in_group(session, mentor)] == [
            (WeChatPerson.PRINCIPAL, "已退群", clock.today())
        ]
    # the member names a new liaison (a handover form applied): the new person is not in the group
    with db.session() as session:
        form = mentors.file_handover_form(session, mentor, mine, {"联络员": "刘芳"}, reported_on="2026-11-25")
        mentors.apply_handover_form(session, officer, form.id)
    with db.session() as session:
        liaison = [r for r in mentors.wechat_status(session, mentor, mine) if r.person == WeChatPerson.LIAISON][0]
        assert liaison.person_name == "刘芳" and not liaison.in_group and "张丽" in liaison.label
        assert {r.person_name for r in mentors.not_in_group(session, mentor)} == {"李志强", "刘芳"}
        row = mentors.set_wechat_status(session, mentor, mine, "liaison", "invited")
        assert row.person_name == "刘芳" and row.status == WeChatStatus.INVITED and row.invited_name is None


# --- circulation and publicity (R-8.3) ----------------------------------------------------------------


def test_one_circulation_for_many_members_and_news_outcomes(db, officer, mentor, leader, mine, member_values) -> None:  # type: ignore[no-untyped-def]
    second = add_member(db, officer, member_values, mentor_id=mentor.id)
    with db.session() as session:
        row = mentors.record_circulation(
            session,
            mentor,
            {
                "kind": "document",
                "title": "关于开展2026年度会员信用评价的通知",
                "reference": "武建协〔2026〕12号",
                "channel": "wechat_group",
            },
            [mine, second],
        )
        assert row.recipients == 2
        assert [c.id for c in mentors.circulations(session, mentor, member_id=second)] == [row.id]
        assert len(mentors.circulation_recipients(session, leader, row.id)) == 2
        with pytest.raises(ValidationError, match="请至少选择一个会员"):
            mentors.record_circulation(session, mentor, {"kind": "news", "title": "x", "channel": "mail"}, [])
        news = mentors.submit_news(session, mentor, mine, {"title": "宏达建设荣获鲁班奖", "summary": "……"})
        assert news.outcome == PublicityOutcome.PENDING
        with pytest.raises(PermissionDenied):  # the secretariat decides
            mentors.record_news_outcome(session, mentor, news.id, "published", note="会刊第 6 期")
        with pytest.raises(ValidationError, match="刊发在哪里"):
            mentors.record_news_outcome(session, officer, news.id, "published")
        done = mentors.record_news_outcome(session, officer, news.id, "published", note="协会网站、会刊第 6 期")
        assert (done.outcome, done.outcome_note) == (PublicityOutcome.PUBLISHED, "协会网站、会刊第 6 期")
        assert mentors.news_items(session, mentor, pending_only=True) == []


# --- the contact handover form (R-8.4, R-9.3, R-10.1) ---------------------------------------------------


def test_handover_form_values_are_checked_as_the_member_editor_checks_them(db, mentor, mine) -> None:  # type: ignore[no-untyped-def]
    """The values issue 12 found printed unchecked: all refused, each naming its field."""
    with db.session() as session:
        with pytest.raises(ValidationError) as error:
            mentors.file_handover_form(
                session,
                mentor,
                mine,
                {"联络员手机": "12345", "邮政编码": "43001", "联络员": "张丽"},
                reported_on="2026-11-20",
            )
        errors = error.value.errors
        assert "手机" in errors["liaison_mobile"] and errors["postcode"].startswith("邮政编码")
        assert "新内容与原内容相同" in errors["liaison_name"]
        with pytest.raises(ValidationError) as error:
            mentors.file_handover_form(
                session, mentor, mine, {"联络员手机": "13907123456"}, reported_on="2026-11-26", form_date="2026-11-25"
            )
        assert "不能晚于填表日期" in error.value.errors["reported_on"]
        with pytest.raises(ValidationError, match="请填写日期"):
            mentors.file_handover_form(session, mentor, mine, {"联络员手机": "13907123456"}, reported_on=None)
        with pytest.raises(ValidationError, match="不是可变更的项目"):
            mentors.file_handover_form(session, mentor, mine, {"颜色": "红"}, reported_on="2026-11-20")
        with pytest.raises(ValidationError, match="请至少填写一项变更"):
            mentors.file_handover_form(session, mentor, mine, {}, reported_on="2026-11-20")
        # normalised as the editor normalises: full-width digits, a landline's dash
        form = mentors.file_handover_form(
            session,
            mentor,
            mine,
            {"liaison_mobile": "１３９０７１２３４５６", "联络员座机": "02785771235", "联络员微信": "zl_hongda"},
            reported_on="2026-11-20",
            note="新号码自12月1日起使用",
        )
    assert [(c.label, c.old, c.new) for c in form.changes] == [
        ("联络员手机", "13871234567", "13907123456"),
        ("联络员座机", "027-85771234", "027-85771235"),
        ("联络员微信", None, "zl_hongda"),
    ]
    assert form.status == HandoverStatus.PENDING and form.filed_by == "陈晓燕"
    with db.session() as session, pytest.raises(ValidationError, match="已有待办理的交接单第"):
        mentors.file_handover_form(session, mentor, mine, {"联络员手机": "13907123457"}, reported_on="2026-11-21")


def test_applying_a_form_changes_the_member_exactly_and_keeps_both_dates(db, officer, mentor, mine, clock) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        form = mentors.file_handover_form(
            session,
            mentor,
            mine,
            {"联络员": "刘芳", "联络员手机": "13907123456", "通讯地址": "武汉市洪山区珞喻路1号"},
            reported_on="2026-11-18",
            form_date="2026-11-20",
        )
        version = members.get_member(session, mine).version
    with db.session() as session:
        with pytest.raises(PermissionDenied):
            mentors.apply_handover_form(session, mentor, form.id)
        assert [f.id for f in mentors.handover_forms(session, officer, status=HandoverStatus.PENDING)] == [form.id]
        applied = mentors.apply_handover_form(session, officer, form.id)
    assert applied.status == HandoverStatus.APPLIED and applied.decided_by == "郑会籍"
    with db.session() as session:
        member = members.get_member(session, mine)
        assert (member.liaison_name, member.liaison_mobile, member.address) == (
            "刘芳",
            "13907123456",
            "武汉市洪山区珞喻路1号",
        )
        assert member.version == version + 1 and "刘芳" in member.search_text
        entry = members.member_history(session, mine)[0]
        assert (
            "交接通知单第" in entry.summary
            and "2026-11-18 报告" in entry.summary
            and "2026-11-20 填表" in entry.summary
        )
        assert entry.before["liaison_mobile"] == "13871234567" and entry.after["liaison_name"] == "刘芳"
        with pytest.raises(ConflictError, match="已变更，不能再办理"):
            mentors.apply_handover_form(session, officer, form.id)
        assert mentors.handover_forms(session, officer, member_id=mine)[0].status == HandoverStatus.APPLIED


def test_a_stale_form_is_refused_with_the_differences(db, officer, mentor, mine) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        form = mentors.file_handover_form(
            session, mentor, mine, {"联络员手机": "13907123456", "邮政编码": "430070"}, reported_on="2026-11-20"
        )
        member = members.get_member(session, mine)
        members.update_member(session, officer, mine, member.version, {"liaison_mobile": "13900000000"})
    with db.session() as session:
        pending = mentors.get_form(session, officer, form.id)
        assert [(d.label, d.on_form, d.now) for d in pending.differences] == [
            ("联络员手机", "13871234567", "13900000000")
        ]
        with pytest.raises(mentors.StaleHandoverForm) as error:
            mentors.apply_handover_form(session, officer, form.id)
        assert "表上原内容“13871234567”，现为“13900000000”" in error.value.message
    with db.session() as session:
        member = members.get_member(session, mine)
        assert (member.liaison_mobile, member.postcode) == ("13900000000", "430010")  # nothing applied
        with pytest.raises(ValidationError, match="退回原因"):
            mentors.reject_handover_form(session, officer, form.id, "")
        rejected = mentors.reject_handover_form(session, officer, form.id, "资料已变，请按现有资料重填")
    assert rejected.status == HandoverStatus.REJECTED and rejected.decision_reason == "资料已变，请按现有资料重填"
    with db.session() as session:  # the mentor sees why, and may file again
        assert mentors.handover_forms(session, mentor)[0].decision_reason == "资料已变，请按现有资料重填"
        mentors.file_handover_form(session, mentor, mine, {"邮政编码": "430070"}, reported_on="2026-11-20")


def test_a_filed_form_prints_as_filed(db, mentor, leader, mine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.documents import handover_form
    from desktop_app.documents.inputs import DocumentContext
    from tests.documents.conftest import pdf_text

    with db.session() as session:
        form = mentors.file_handover_form(
            session, mentor, mine, {"联络员手机": "13907123456"}, reported_on="2026-11-20", note="换号"
        )
        item = mentors.form_print_input(session, mentor, form.id)
        with pytest.raises(PermissionDenied):  # the resident leader reads, prints no forms
            mentors.form_print_input(session, leader, form.id)
    assert [(c.item, c.old, c.new) for c in item.changes] == [("联络员手机", "13871234567", "13907123456")]
    assert item.reported_on == dt.date(2026, 11, 20) and item.mentor_name == "陈晓燕"
    out = tmp_path / "form.pdf"
    handover_form.build(str(out), [item, mentors.blank_input()], DocumentContext())
    text = pdf_text(out)
    assert "13907123456" in text and "2026年11月20日" in text and f"交接单第{form.id}号" in text
    # the blank form lists every item of the register, empty ones included
    assert all(label in text for _key, label in mentors.HANDOVER_FIELDS)


def test_the_documents_areas_handover_form_is_checked_too(db, mentor, mine) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        member = members.get_member(session, mine)
        options = {"changes": "联络员手机=12345", "reported_on": None, "form_date": dt.date(2026, 11, 26), "note": ""}
        with pytest.raises(ValidationError, match="手机"):
            mentors.handover_items(session, mentor, [member], options, [], [])
        options.update(changes="联络员手机=13871234567")
        with pytest.raises(ValidationError, match="新内容与原内容相同"):
            mentors.handover_items(session, mentor, [member], options, [], [])
        options.update(changes="联络员手机=13907123456", reported_on=dt.date(2026, 11, 27))
        with pytest.raises(ValidationError, match="会员报告日期"):
            mentors.handover_items(session, mentor, [member], options, [], [])
        options.update(reported_on=dt.date(2026, 11, 20))
        [item] = mentors.handover_items(session, mentor, [member], options, [], [])
        assert [(c.old, c.new) for c in item.changes] == [("13871234567", "13907123456")]
        [blank] = mentors.handover_items(session, mentor, [], options, [], [])
        assert blank.form_date is None and blank.reported_on is None
        assert [c.item for c in blank.current] == [label for _key, label in mentors.HANDOVER_FIELDS]


# --- outstanding liaisons (R-10.5) ----------------------------------------------------------------------


def test_nominations_per_period_decided_and_exported(db, officer, mentor, mine, member_values, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert [mentors.parse_period(p) for p in ("2026", "2026年", "2026h1", "2026-H2", "2026年下半年")] == [
        "2026",
        "2026",
        "2026H1",
        "2026H2",
        "2026H2",
    ]
    with pytest.raises(ValidationError, match="应写成 2026"):
        mentors.parse_period("26上")
    second = add_member(db, officer, member_values, mentor_id=mentor.id, liaison_name="王静")
    with db.session() as session:
        first = mentors.nominate(session, mentor, mine, "2026年下半年", "积极报送企业宣传材料，信息沟通顺畅")
        with pytest.raises(ValidationError, match="已推荐过"):
            mentors.nominate(session, mentor, mine, "2026H2", "再次")
        with pytest.raises(ValidationError, match="尚未开始"):
            mentors.nominate(session, mentor, mine, "2027", "提前")
        with pytest.raises(ValidationError, match="推荐理由"):
            mentors.nominate(session, mentor, second, "2026H2", " ")
        other = mentors.nominate(session, mentor, second, "2026", "=cmd|' /C calc'!A0")
        with pytest.raises(PermissionDenied):
            mentors.decide_nomination(session, mentor, first.id, True)
        with pytest.raises(ValidationError, match="说明"):
            mentors.decide_nomination(session, officer, other.id, False)
        mentors.decide_nomination(session, officer, first.id, True)
        mentors.decide_nomination(session, officer, other.id, False, "名额已满")
        assert [n.id for n in mentors.nominations(session, officer, period="2026H2")] == [first.id]
        year = mentors.nominations(session, officer, period="2026")  # the year's list includes its halves
        assert {n.id for n in year} == {first.id, other.id}
        assert {n.decision for n in year} == {NominationDecision.APPROVED, NominationDecision.DECLINED}
        out = tmp_path / "优秀通联员.xlsx"
        assert mentors.export_nominations(session, officer, "2026", out) == 2
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][0] == "武汉建筑业协会2026年优秀通联员推荐名单"
    body = [r for r in rows[3:] if r[0] in (1, 2)]
    assert {r[4] for r in body} == {"张丽", "王静"}
    assert "'=cmd|' /C calc'!A0" in {r[9] for r in body}  # text stays text (spreadsheets/writer.py)


def test_mentor_members_summary(db, mentor, mine, clock) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        mentors.log_contact(
            session, mentor, mine, visit(follow_up="回访", follow_up_due="2026-11-24", channel=ContactChannel.PHONE)
        )
        mentors.file_handover_form(session, mentor, mine, {"联络员手机": "13907123456"}, reported_on="2026-11-20")
        [row] = mentors.mentor_members(session, mentor)
    assert (row.member_id, row.last_contact, row.open_follow_ups, row.overdue_follow_ups, row.pending_forms) == (
        mine,
        dt.date(2026, 11, 20),
        1,
        1,
        1,
    )


# --- PostgreSQL: each role's own server login can do exactly its part ----------------------------------


def test_server_privileges_follow_the_services(server, officer, mentor, mine, sign_in_as) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    mentor_db = sign_in_as("mentor")
    with mentor_db.session() as session:
        entry = mentors.log_contact(session, mentor, mine, visit(follow_up="回访", follow_up_due="2026-11-30"))
        mentors.complete_follow_up(session, mentor, entry.id, result="已回访")
        mentors.set_wechat_status(session, mentor, mine, "liaison", "joined")
        mentors.record_circulation(
            session, mentor, {"kind": "news", "title": "年会通知", "channel": "wechat_group"}, [mine]
        )
        news = mentors.submit_news(session, mentor, mine, {"title": "喜讯"})
        form = mentors.file_handover_form(
            session, mentor, mine, {"联络员手机": "13907123456"}, reported_on="2026-11-20"
        )
        nomination = mentors.nominate(session, mentor, mine, "2026H2", "积极")
    # with plain SQL a mentor neither applies its own form nor decides, nor rewrites a contact entry
    assert "permission denied" in denied(mentor_db, f"UPDATE handover_form SET status = 'applied' WHERE id = {form.id}")
    assert "permission denied" in denied(mentor_db, "UPDATE liaison_nomination SET decision = 'approved'")
    assert "permission denied" in denied(mentor_db, "UPDATE contact_entry SET learnt = 'x'")
    assert "permission denied" in denied(mentor_db, "UPDATE mentor_assignment SET end_date = NULL")
    officer_db = sign_in_as("membership_officer")
    with officer_db.session() as session:
        mentors.apply_handover_form(session, officer, form.id)
        mentors.decide_nomination(session, officer, nomination.id, True)
        mentors.record_news_outcome(session, officer, news.id, "published", note="会刊第 6 期")
        mentors.set_business_kind(session, officer, [mine], "装饰幕墙")
        mentors.set_business_kind(session, officer, [mine], None)
        second = make_staff(server, Role.MENTOR, "mentor3", "王丽娟")
        mentors.assign_members(session, officer, [mine], second.id, reason="调整")
    with officer_db.session() as session:
        assert members.get_member(session, mine).liaison_mobile == "13907123456"
