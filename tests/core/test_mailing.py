"""Mailing batches (R-8.4, R-9.4, issue 14): recipients by filter or by hand, frozen addresses,
problem recipients listed and never blocking, withdrawn members only when asked, the contact each
mentor set, labels/envelopes/packing list/manifest, tracking, returned mail, proof, history."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PIL import Image
from sqlalchemy import select

from desktop_app.core.models import AuditEntry, DuesReceipt, MailingRecipient, MemberStatus, RecipientState
from desktop_app.core.services import admission, documents, dues, mailing, members
from desktop_app.core.services.mailing import ContentSpec, RecipientFilter
from desktop_app.core.services.members import MemberFilter
from desktop_app.core.validation import uscc_check_character
from desktop_app.errors import NothingPrinted, PermissionDenied, ValidationError
from tests.conftest import make_staff
from tests.core.test_members import Role
from tests.documents.conftest import pdf_text


def uscc(body: str, type_code: str = "91") -> str:
    first17 = (type_code + "420102" + body)[:17]
    return first17 + uscc_check_character(first17)


def jpeg(size: tuple[int, int] = (64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 180, 150)).save(out, "JPEG")
    return out.getvalue()


class Office:
    """A small register: five members of two mentors, one without an address, one without any
    phone for its liaison, one withdrawn."""

    def __init__(self, db, admin, member_values):  # type: ignore[no-untyped-def]
        self.db = db
        self.admin = admin
        self.officer = make_staff(db, Role.MEMBERSHIP_OFFICER)
        self.mentor = make_staff(db, Role.MENTOR, "mentor01", "陈晓燕")
        self.other_mentor = make_staff(db, Role.MENTOR, "mentor02", "刘建华")
        self.leader = make_staff(db, Role.RESIDENT_LEADER)
        base = {**member_values}
        rows = [
            ("hongda", base["name"], {"mentor_id": self.mentor.id}),
            ("noaddr", "武汉市江汉区鑫泰建筑装饰工程有限公司", {"address": None, "mentor_id": self.mentor.id}),
            (
                "nophone",
                "湖北楚天路桥工程股份有限公司",
                {"liaison_mobile": None, "liaison_landline": None, "mentor_id": self.other_mentor.id},
            ),
            ("council", "武汉城安市政工程有限公司", {"level": "council", "mentor_id": self.other_mentor.id}),
            (
                "gone",
                "武汉长荣钢结构工程有限公司",
                {"status": MemberStatus.WITHDRAWN, "left_date": dt.date(2025, 6, 30), "left_reason": "书面申请退会"},
            ),
        ]
        self.ids: dict[str, int] = {}
        with db.session() as session:
            for index, (key, name, changes) in enumerate(rows):
                values = {**base, "name": name, "uscc": uscc(f"MA4K0000{index}"), **changes}
                self.ids[key] = members.create_member(session, self.officer, values).id

    def batch(self, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("title", "2026年第4期会刊")
        kwargs.setdefault("contents", [ContentSpec("journal", "《武汉建筑业》2026年第4期")])
        with self.db.session() as session:
            return mailing.create_batch(session, self.officer, **kwargs)

    def recipients(self, batch_id: int) -> dict[str, MailingRecipient]:
        by_member = {v: k for k, v in self.ids.items()}
        with self.db.session() as session:
            return {by_member[r.member_id]: r for r in mailing.batch_recipients(session, batch_id)}


@pytest.fixture
def office(db, admin, member_values) -> Office:  # type: ignore[no-untyped-def]
    return Office(db, admin, member_values)


def context(session, sheet: str = "setting"):  # type: ignore[no-untyped-def]
    return documents.document_context(session, label_sheet_choice=sheet)


# --- composing ------------------------------------------------------------------------------------


def test_batch_for_a_mentors_members_freezes_address_and_contact(office: Office) -> None:
    batch = office.batch(recipients=RecipientFilter(mentor_id=office.mentor.id))
    assert batch.number == "YJ2026001"  # numbering.mailing_batch, year from the clock
    found = office.recipients(batch.id)
    assert set(found) == {"hongda", "noaddr"}
    hongda = found["hongda"]
    assert (hongda.address, hongda.postcode, hongda.contact_name, hongda.phone) == (
        "武汉市江岸区解放大道1399号",
        "430010",
        "张丽",
        "13871234567",
    )
    # The member moves: what was mailed keeps the address it was mailed to (R-9.4, issue 14).
    with office.db.session() as session:
        member = members.get_member(session, office.ids["hongda"])
        members.update_member(
            session,
            office.officer,
            member.id,
            member.version,
            {"address": "武汉市洪山区珞喻路889号", "liaison_name": "王芳"},
        )
    assert office.recipients(batch.id)["hongda"].address == "武汉市江岸区解放大道1399号"
    with office.db.session() as session:
        history = mailing.mailing_history(session, office.ids["hongda"])
    assert history[0].address == "430010 武汉市江岸区解放大道1399号" and history[0].addressed_to.startswith("张丽")
    # Re-reading before sending picks up the new address; a sent envelope never changes.
    with office.db.session() as session:
        mailing.mark_sent(session, office.officer, [hongda.id])
        assert mailing.refresh_recipients(session, office.officer, batch.id) == 0
    assert office.recipients(batch.id)["hongda"].address == "武汉市江岸区解放大道1399号"


def test_refresh_reads_the_corrected_address_of_a_recipient_not_yet_sent(office: Office) -> None:
    batch = office.batch(member_ids=[office.ids["noaddr"]])
    assert office.recipients(batch.id)["noaddr"].problem == "没有通讯地址"
    with office.db.session() as session:
        member = members.get_member(session, office.ids["noaddr"])
        members.update_member(
            session, office.officer, member.id, member.version, {"address": "武汉市江汉区发展大道188号"}
        )
        assert mailing.refresh_recipients(session, office.officer, batch.id) == 1
    recipient = office.recipients(batch.id)["noaddr"]
    assert recipient.problem is None and recipient.address == "武汉市江汉区发展大道188号"


def test_problem_recipients_are_listed_and_never_block_the_rest(office: Office, tmp_path: Path) -> None:
    batch = office.batch(recipients=RecipientFilter(all_active=True))
    found = office.recipients(batch.id)
    assert set(found) == {"hongda", "noaddr", "nophone", "council"}  # the withdrawn one is not in
    assert found["noaddr"].problem == "没有通讯地址"
    assert found["nophone"].problem == "收件人张丽没有联系电话（快递必须填写）"
    assert found["hongda"].problem is None and found["council"].problem is None
    with office.db.session() as session:
        problems = mailing.recipient_rows(session, office.officer, batch.id, view="problems")
        assert {r.organisation for r in problems} == {
            "武汉市江汉区鑫泰建筑装饰工程有限公司",
            "湖北楚天路桥工程股份有限公司",
        }
        result = mailing.print_batch(
            session, office.officer, batch.id, "labels", tmp_path / "标签.pdf", context(session)
        )
        assert result.drawn == 2 and len(result.skipped) == 2
        assert {p.message for p in result.skipped} == {found["noaddr"].problem, found["nophone"].problem}
        text = pdf_text(result.path)
        assert "宏达建设工程" in text and "城安市政工程" in text and "鑫泰" not in text
        sent = mailing.mark_sent(session, office.officer, [r.id for r in found.values()])
        assert sent.sent == 2 and {n for n, _w in sent.skipped} == {
            found["noaddr"].organisation,
            found["nophone"].organisation,
        }
        rows = mailing.batch_list(session, office.officer)
        assert rows[0].problems == 2 and rows[0].state == "已寄出" and "2 个地址有问题" in rows[0].missing


def test_nothing_printable_writes_nothing(office: Office, tmp_path: Path) -> None:
    batch = office.batch(member_ids=[office.ids["noaddr"]])
    folder = tmp_path / "out"
    folder.mkdir()
    with office.db.session() as session, pytest.raises(NothingPrinted) as error:
        mailing.print_batch(session, office.officer, batch.id, "labels", folder / "标签.pdf", context(session))
    assert "没有通讯地址" in str(error.value) and not list(folder.iterdir())  # no file, no partial file


def test_withdrawn_members_only_when_asked_and_marked(office: Office, tmp_path: Path) -> None:
    gone = office.ids["gone"]
    batch = office.batch(member_ids=[office.ids["hongda"], gone])
    assert set(office.recipients(batch.id)) == {"hongda"}
    excluded = batch.selection["excluded"]
    assert [e["name"] for e in excluded] == ["武汉长荣钢结构工程有限公司"] and "已退会" in excluded[0]["reason"]
    # A filter over the register leaves them out too, and counts them.
    batch = office.batch(recipients=RecipientFilter(search=MemberFilter(text="工程")))
    assert "gone" not in office.recipients(batch.id) and batch.selection["former_left_out"] == 1
    # Asked for: in, and marked wherever it shows.
    batch = office.batch(member_ids=[gone], include_former=True)
    recipient = office.recipients(batch.id)["gone"]
    assert recipient.member_status == MemberStatus.WITHDRAWN
    with office.db.session() as session:
        rows = mailing.recipient_rows(session, office.officer, batch.id, view="former")
        assert [r.organisation for r in rows] == ["武汉长荣钢结构工程有限公司"]
        result = mailing.print_batch(
            session, office.officer, batch.id, "manifest", tmp_path / "清单.xlsx", context(session)
        )
        assert [p.message for p in result.problems] == ["已退会（按要求列入）"]
    sheet = load_workbook(result.path).active
    assert "已退会" in sheet.cell(2, [c.value for c in sheet[1]].index("备注") + 1).value


def test_filters_combine_and_hand_picked_members_are_added(office: Office) -> None:
    batch = office.batch(recipients=RecipientFilter(level="council"), member_ids=[office.ids["hongda"]])
    assert set(office.recipients(batch.id)) == {"council", "hongda"}
    batch = office.batch(recipients=RecipientFilter(level="member", mentor_id=office.other_mentor.id))
    assert set(office.recipients(batch.id)) == {"nophone"}
    with pytest.raises(ValidationError, match="收件会员"):
        office.batch(recipients=RecipientFilter())
    with office.db.session() as session:
        assert "班主任：刘建华" in mailing.describe_filter(session, RecipientFilter(mentor_id=office.other_mentor.id))


def test_contents_per_recipient_and_copies_the_mentor_set(office: Office) -> None:
    with office.db.session() as session:
        mailing.set_preference(session, office.mentor, office.ids["hongda"], copies=3)
    batch = office.batch(
        member_ids=[office.ids["hongda"], office.ids["council"]],
        contents=[
            ContentSpec("journal", "《武汉建筑业》2026年第4期"),
            ContentSpec(
                "certificate",
                "2025年度优秀会员单位荣誉证书",
                per_recipient=True,
                member_ids=(office.ids["council"],),
                details={office.ids["council"]: "RY2025-018"},
            ),
        ],
    )
    with office.db.session() as session:
        rows = {r.member_number: r for r in mailing.recipient_rows(session, office.officer, batch.id)}
    hongda, council = (rows[r.member_number] for r in (office.recipients(batch.id)[k] for k in ("hongda", "council")))
    assert hongda.contents == "《武汉建筑业》2026年第4期×3" and hongda.copies == 3 and not hongda.important
    assert council.contents == "《武汉建筑业》2026年第4期；2025年度优秀会员单位荣誉证书（RY2025-018）"
    assert council.important and council.missing_photo and council.not_notified  # certificates
    with office.db.session() as session:
        mailing.set_recipient_contents(session, office.officer, hongda.id, {"journal": 1, "certificate": 1})
        rows = {r.id: r for r in mailing.recipient_rows(session, office.officer, batch.id)}
    assert rows[hongda.id].contents == "《武汉建筑业》2026年第4期；2025年度优秀会员单位荣誉证书"


def test_bad_contents_and_titles_are_named(office: Office) -> None:
    with pytest.raises(ValidationError, match="批次名称：请填写"):
        office.batch(title=" ", member_ids=[office.ids["hongda"]])
    with pytest.raises(ValidationError, match="“postcard”不是可选的种类"):
        office.batch(contents=[("postcard", "明信片")], member_ids=[office.ids["hongda"]])
    with pytest.raises(ValidationError, match="邮寄内容：请至少填写一项"):
        office.batch(contents=[], member_ids=[office.ids["hongda"]])


def test_who_may_do_what(office: Office) -> None:
    with office.db.session() as session:
        for actor in (office.mentor, office.leader):
            with pytest.raises(PermissionDenied):
                mailing.create_batch(session, actor, title="x", contents=["通知"], member_ids=[office.ids["hongda"]])
        assert mailing.batch_list(session, office.leader) == []  # the leader may look
    batch = office.batch(member_ids=[office.ids["hongda"]])
    with office.db.session() as session:
        with pytest.raises(PermissionDenied):
            mailing.mark_sent(session, office.mentor, [office.recipients(batch.id)["hongda"].id])


# --- the contact each mentor set (R-9.4) -----------------------------------------------------------


def test_mentor_sets_its_own_members_contact_only(office: Office) -> None:
    with office.db.session() as session:
        mailing.set_preference(session, office.mentor, office.ids["hongda"], contact="principal")
        with pytest.raises(PermissionDenied, match="不是您联系的会员"):
            mailing.set_preference(session, office.mentor, office.ids["council"], contact="principal")
        mailing.set_preference(
            session,
            office.officer,
            office.ids["council"],
            contact="other",
            name="刘洋",
            position="项目经理",
            phone="027 85771234",
            address="武汉市东西湖区金银湖路18号华中区域总部大厦A座2201室",
            postcode="430040",
        )
        with pytest.raises(ValidationError) as error:
            mailing.set_preference(session, office.officer, office.ids["council"], contact="other", address="某地")
    assert set(error.value.errors) == {"name", "phone", "postcode"}
    batch = office.batch(member_ids=[office.ids["hongda"], office.ids["council"]])
    found = office.recipients(batch.id)
    assert (found["hongda"].contact_name, found["hongda"].contact_choice.value) == ("李志强", "principal")
    council = found["council"]
    assert (council.contact_name, council.phone, council.postcode) == ("刘洋", "027-85771234", "430040")
    assert council.address.startswith("武汉市东西湖区金银湖路18号")
    with office.db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "mailing_preference")).first()
        assert entry is not None and entry.actor_name == "陈晓燕"


def test_principal_missing_is_refused_and_falls_back_when_it_disappears(office: Office) -> None:
    with office.db.session() as session:
        mailing.set_preference(session, office.mentor, office.ids["hongda"], contact="principal")
        member = members.get_member(session, office.ids["hongda"])
        members.update_member(session, office.officer, member.id, member.version, {"principal_name": None})
        where = mailing.mailing_address(member, mailing.get_preference(session, member.id))
        assert where.name == "张丽" and where.note == "主要负责人未填写，改寄联络员" and where.problem is None
        with pytest.raises(ValidationError, match="该会员没有填写主要负责人"):
            mailing.set_preference(session, office.mentor, office.ids["hongda"], contact="principal")


# --- out of the printer ----------------------------------------------------------------------------


def test_manifest_columns_follow_the_setting(office: Office, tmp_path: Path) -> None:
    batch = office.batch(member_ids=[office.ids["hongda"], office.ids["council"]])
    with office.db.session() as session:
        result = mailing.print_batch(
            session, office.officer, batch.id, "manifest", tmp_path / "sf.xlsx", context(session)
        )
    sheet = load_workbook(result.path).active
    header = [c.value for c in sheet[1]]  # the courier's importer reads the header in row 1
    assert header[:3] == ["用户订单号", "寄件人姓名", "寄件人电话"] and "托寄物内容" in header
    assert sheet.title == "批量下单" and sheet.max_row == 3
    row = {h: sheet.cell(2, i + 1).value for i, h in enumerate(header)}
    assert row["用户订单号"] == "YJ2026001-0001"
    assert (row["收件人姓名"], row["收件人电话"], row["收件邮编"]) == ("张丽", "13871234567", "430010")
    assert (row["收件省"], row["收件市"], row["收件区/县"]) == ("湖北省", "武汉市", "江岸区")
    assert row["付款方式"] == "寄付月结" and row["包裹数量"] == 1 and row["托寄物内容"] == "《武汉建筑业》2026年第4期"
    assert sheet.cell(2, header.index("收件人电话") + 1).data_type == "s"  # a phone stays text
    # The office switches to EMS's template: the same batch, EMS's columns.
    with office.db.session() as session:
        mailing.use_template(session, office.admin, "ems")
        result = mailing.print_batch(
            session, office.officer, batch.id, "manifest", tmp_path / "ems.xlsx", context(session)
        )
    header = [c.value for c in load_workbook(result.path).active[1]]
    assert header[:4] == ["序号", "客户单号", "收件人", "收件人单位"] and "内件名称" in header
    # Its own layout, checked.
    custom = {
        "courier": "京东物流",
        "sheet": "导入",
        "columns": [["收件人", "recipient_name"], ["手机", "recipient_phone"], ["服务", "=特快"]],
    }
    with office.db.session() as session:
        mailing.use_template(session, office.admin, custom)
        result = mailing.print_batch(
            session, office.officer, batch.id, "manifest", tmp_path / "jd.xlsx", context(session)
        )
        with pytest.raises(ValidationError, match="“weight”未知"):
            mailing.use_template(session, office.admin, {"columns": [["重量", "weight"]]})
        with pytest.raises(PermissionDenied):
            mailing.use_template(session, office.officer, "sf")
    sheet = load_workbook(result.path).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["收件人", "手机", "服务"],
        ["张丽", "13871234567", "特快"],
        ["张丽", "13871234567", "特快"],
    ]


def test_manifest_neutralises_a_name_that_looks_like_a_formula(office: Office, tmp_path: Path) -> None:
    with office.db.session() as session:
        mailing.set_preference(
            session,
            office.officer,
            office.ids["hongda"],
            contact="other",
            name='=HYPERLINK("http://x","点击")',
            phone="13871234567",
        )
    batch = office.batch(member_ids=[office.ids["hongda"]])
    with office.db.session() as session:
        result = mailing.print_batch(
            session, office.officer, batch.id, "manifest", tmp_path / "m.xlsx", context(session)
        )
    sheet = load_workbook(result.path).active
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(2, header.index("收件人姓名") + 1)
    assert cell.value.startswith("'=") and cell.data_type == "s"


def test_labels_envelopes_and_packing_list(office: Office, tmp_path: Path) -> None:
    batch = office.batch(
        member_ids=[office.ids["hongda"], office.ids["council"]],
        contents=[ContentSpec("journal", "《武汉建筑业》2026年第4期"), ContentSpec("invoice", "会费票据")],
    )
    with office.db.session() as session:
        ctx = context(session, "2×8")
        labels = mailing.print_batch(session, office.officer, batch.id, "labels", tmp_path / "l.pdf", ctx)
        envelopes = mailing.print_batch(session, office.officer, batch.id, "envelopes", tmp_path / "e.pdf", ctx)
        slips = mailing.print_batch(session, office.officer, batch.id, "packing-list", tmp_path / "p.pdf", ctx)
        with pytest.raises(ValidationError, match="应保存为 .xlsx"):
            mailing.print_batch(session, office.officer, batch.id, "manifest", tmp_path / "m.pdf", ctx)
        printed = session.scalars(select(AuditEntry).where(AuditEntry.action == "print")).all()
    assert (labels.drawn, envelopes.drawn, envelopes.pages, slips.drawn, slips.pages) == (2, 2, 2, 2, 1)
    text = pdf_text(slips.path)
    assert "装封清单" in text and "YJ2026001-0001" in text and "《武汉建筑业》2026年第4期" in text
    assert "张丽（" not in text or "13871234567" in text
    assert len(printed) == 3  # every print run of personal data is audited


# --- tracking ------------------------------------------------------------------------------------


def test_tracking_pasted_imported_delivered_and_returned(office: Office, tmp_path: Path) -> None:
    batch = office.batch(recipients=RecipientFilter(all_active=True))
    found = office.recipients(batch.id)
    hongda, council = found["hongda"], found["council"]
    pasted = f"YJ2026001-{hongda.position:04d}\tSF1403000000001\n武汉城安市政工程有限公司, sf1403000000002\n没有这个单位 SF1\n"
    with office.db.session() as session:
        result = mailing.set_tracking_numbers(session, office.officer, batch.id, pasted)
    assert result.matched == 2 and result.sent == 2 and len(result.unmatched) == 1
    found = office.recipients(batch.id)
    assert found["hongda"].tracking_number == "SF1403000000001" and found["hongda"].state == RecipientState.SENT
    assert found["council"].tracking_number == "SF1403000000002" and found["council"].sent_on == dt.date(2026, 11, 26)
    # The courier's own export corrects one number; the problem recipient is refused, not sent.
    book = Workbook()
    sheet = book.active
    sheet.append(["运单号", "用户订单号", "收件人", "收件电话"])
    sheet.append(["SF1403000000009", f"YJ2026001-{council.position:04d}", "张丽", "13871234567"])
    sheet.append([1403000000010, f"YJ2026001-{found['noaddr'].position:04d}", "张丽", ""])
    book.save(tmp_path / "运单.xlsx")
    with office.db.session() as session:
        result = mailing.import_tracking(session, office.officer, batch.id, tmp_path / "运单.xlsx")
    assert result.matched == 1 and "没有通讯地址" in result.unmatched[0]
    assert office.recipients(batch.id)["council"].tracking_number == "SF1403000000009"
    with office.db.session() as session:
        assert mailing.mark_delivered(session, office.officer, [hongda.id], on="2026-11-26") == 1
        with pytest.raises(ValidationError, match="不能晚于今天"):
            mailing.mark_returned(session, office.officer, council.id, on="2026-12-01", reason="查无此人")
        mailing.mark_returned(session, office.officer, council.id, reason="查无此单位，原址已搬迁")
        assert mailing.address_doubtful(session, office.ids["council"])
        assert not mailing.address_doubtful(session, office.ids["hongda"])
        doubts = mailing.doubtful_addresses(session, office.other_mentor.id)
        assert [d.name for d in doubts] == ["武汉城安市政工程有限公司"] and doubts[0].reason == "查无此单位，原址已搬迁"
        # The next batch lists it as a problem until the mentor checks it …
        later = mailing.create_batch(
            session, office.officer, title="下一期", contents=["通知"], member_ids=[office.ids["council"]]
        )
        assert "地址存疑" in mailing.batch_recipients(session, later.id)[0].problem
        # … and correcting the address in the register ends the doubt.
        member = members.get_member(session, office.ids["council"])
        members.update_member(
            session, office.officer, member.id, member.version, {"address": "武汉市汉阳区龙阳大道88号"}
        )
        assert not mailing.address_doubtful(session, office.ids["council"])
        rows = {r.id: r for r in mailing.recipient_rows(session, office.officer, batch.id, view="returned")}
        assert list(rows) == [council.id] and rows[council.id].return_reason == "查无此单位，原址已搬迁"
        history = mailing.mailing_history(session, office.ids["council"])
        assert history[1].outcome == "被退回 2026-11-26（查无此单位，原址已搬迁）"


def test_a_confirmed_address_is_no_longer_doubtful_and_undo(office: Office) -> None:
    batch = office.batch(member_ids=[office.ids["hongda"]])
    recipient = office.recipients(batch.id)["hongda"]
    with office.db.session() as session:
        mailing.mark_sent(session, office.officer, [recipient.id], tracking={recipient.id: "SF1403000000001"})
        mailing.mark_returned(session, office.officer, recipient.id, reason="拒收")
        with pytest.raises(PermissionDenied):
            mailing.confirm_address(session, office.other_mentor, office.ids["hongda"])
        mailing.confirm_address(session, office.mentor, office.ids["hongda"], "电话核实，地址无误")
        assert not mailing.address_doubtful(session, office.ids["hongda"])
        assert mailing.undo_state(session, office.officer, recipient.id) == RecipientState.SENT
        assert mailing.undo_state(session, office.officer, recipient.id) == RecipientState.PREPARED
        with pytest.raises(ValidationError, match="没有可以撤销"):
            mailing.undo_state(session, office.officer, recipient.id)


def test_receipts_and_invoices_waiting_go_in_their_members_envelope(office: Office) -> None:
    with office.db.session() as session:
        receipt = dues.issue_receipt(
            session,
            office.officer,
            payer="武汉城安市政工程有限公司",
            years=[2026],
            amount=Decimal("5000.00"),
            on=dt.date(2026, 11, 20),
            member_id=office.ids["council"],
        )
        dues.record_voucher(session, office.officer, receipt.id, kind="paper", number="No.00042")
        receipt_id = receipt.id
    batch = office.batch(
        recipients=RecipientFilter(dues_waiting=True),
        contents=[ContentSpec("journal", "会刊"), ContentSpec("receipt"), ContentSpec("invoice")],
    )
    found = office.recipients(batch.id)
    assert set(found) == {"council"}
    with office.db.session() as session:
        [row] = mailing.recipient_rows(session, office.officer, batch.id)
        assert "会费收据 WJXS202600001" in row.contents and "No.00042" in row.contents
        assert row.important  # the invoice (setting mailing.important_kinds)
        # A second batch does not carry the same receipt again.
        again = mailing.create_batch(
            session, office.officer, title="补寄", contents=[ContentSpec("receipt")], member_ids=[office.ids["council"]]
        )
        assert mailing.recipient_rows(session, office.officer, again.id)[0].contents == ""
        mailing.mark_sent(session, office.officer, [found["council"].id])
        stored = session.get(DuesReceipt, receipt_id)
        assert stored.mailed_on == dt.date(2026, 11, 26) and stored.voucher_mailed_on == dt.date(2026, 11, 26)
        assert "YJ2026001" in stored.mailed_note
        assert dues.receipts_waiting_to_mail(session) == []
        with pytest.raises(ValidationError, match="不能撤销寄出"):
            mailing.undo_state(session, office.officer, found["council"].id)


# --- proof (R-8.4) ---------------------------------------------------------------------------------


def test_photos_and_notification_for_important_contents(office: Office) -> None:
    batch = office.batch(
        member_ids=[office.ids["hongda"], office.ids["council"]],
        contents=[ContentSpec("journal", "会刊"), ContentSpec("certificate", "荣誉证书")],
    )
    found = office.recipients(batch.id)
    check = admission.attachment_problem
    with office.db.session() as session:
        assert mailing.needs_proof(session, found["hongda"].id)
        mailing.add_proof_photo(session, office.mentor, found["hongda"].id, "IMG_0001.jpg", jpeg(), check)
        with pytest.raises(PermissionDenied):
            mailing.add_proof_photo(session, office.mentor, found["council"].id, "IMG_0002.jpg", jpeg(), check)
        with pytest.raises(ValidationError, match="图片"):  # a truncated photo: opened, refused
            mailing.add_proof_photo(
                session, office.other_mentor, found["council"].id, "IMG_0002.jpg", jpeg()[:200], check
            )
        with pytest.raises(ValidationError, match="扩展名"):
            mailing.add_proof_photo(session, office.other_mentor, found["council"].id, "photo.png", jpeg(), check)
        with pytest.raises(ValidationError, match="只接受照片"):
            mailing.add_proof_photo(session, office.other_mentor, found["council"].id, "a.jpg", b"MZ\x90\x00", check)
        mailing.record_notification(session, office.mentor, found["hongda"].id, note="微信群里告知张丽")
        [row] = mailing.batch_list(session, office.officer)
        assert (row.need_proof, row.missing_photo, row.not_notified) == (2, 1, 1)
        assert [r.organisation for r in mailing.recipient_rows(session, office.officer, batch.id, view="no_photo")] == [
            found["council"].organisation
        ]
        assert [r.organisation for r in mailing.recipient_rows(session, office.mentor, batch.id, mine=True)] == [
            found["hongda"].organisation
        ]
        [proof] = mailing.proofs_of(session, found["hongda"].id)
        name, mime, content = mailing.proof_photo(session, proof.id)
        assert (name, mime, content[:3]) == ("IMG_0001.jpg", "image/jpeg", b"\xff\xd8\xff")
        history = mailing.mailing_history(session, office.ids["hongda"])
        assert history[0].photos == 1 and history[0].notified_at is not None


def test_create_batch_for_other_jobs_with_important_document(office: Office) -> None:
    """The withdrawal procedure mails its notices in a batch with proof of posting."""
    with office.db.session() as session:
        batch = mailing.create_batch(
            session,
            office.officer,
            title="退会告知书",
            contents=[
                ContentSpec(
                    "document",
                    "退会告知书",
                    important=True,
                    per_recipient=True,
                    member_ids=(office.ids["council"],),
                    details={office.ids["council"]: "武建协会〔2026〕12号"},
                )
            ],
            member_ids=[office.ids["council"]],
        )
        [row] = mailing.recipient_rows(session, office.officer, batch.id)
    assert row.contents == "退会告知书（武建协会〔2026〕12号）" and row.important and row.missing_photo


def test_delete_only_what_was_not_sent(office: Office) -> None:
    batch = office.batch(member_ids=[office.ids["hongda"], office.ids["council"]])
    found = office.recipients(batch.id)
    with office.db.session() as session:
        mailing.mark_sent(session, office.officer, [found["hongda"].id])
        with pytest.raises(ValidationError, match="已经寄出，不能移出"):
            mailing.remove_recipients(session, office.officer, batch.id, [found["hongda"].id])
        assert mailing.remove_recipients(session, office.officer, batch.id, [found["council"].id]) == 1
        with pytest.raises(ValidationError, match="不能删除"):
            mailing.delete_batch(session, office.officer, batch.id)
    other = office.batch(member_ids=[office.ids["council"]])
    with office.db.session() as session:
        mailing.delete_batch(session, office.officer, other.id)
        assert [b.number for b in mailing.batch_list(session, office.officer)] == [batch.number]


def test_region_split_for_couriers() -> None:
    assert mailing.split_region("武汉市东西湖区金银湖路18号") == ("湖北省", "武汉市", "东西湖区", "金银湖路18号")
    assert mailing.split_region("湖北省宜昌市西陵区东山大道1号") == ("湖北省", "宜昌市", "西陵区", "东山大道1号")
    assert mailing.split_region("北京市海淀区中关村大街1号") == ("北京市", "北京市", "海淀区", "中关村大街1号")
    assert mailing.split_region("解放大道1399号") == ("", "", "", "解放大道1399号")
