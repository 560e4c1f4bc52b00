"""Pinyin order and pinyin look-up (issue 16): keys, polyphonic words and surnames, the register's
sort and search, keys kept by every write, and the 0009 backfill."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text, update

from desktop_app.core import pinyin
from desktop_app.core.models import Application, Member, MemberStatus, Role, Staff
from desktop_app.core.services import accounts, members
from desktop_app.core.services.members import MemberFilter
from desktop_app.core.validation import uscc_check_character
from tests.conftest import make_staff


def uscc(body: str, type_code: str = "91") -> str:
    first17 = (type_code + "420102" + body)[:17]
    return first17 + uscc_check_character(first17)


# --- the keys ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "person", "spelled"),
    [
        ("重庆", False, "chongqing"),  # not zhong qing
        ("长江", False, "changjiang"),  # not zhang jiang
        ("重庆长江建设有限公司", False, "chongqingchangjiangjiansheyouxiangongsi"),
        ("银行", False, "yinhang"),  # not yin xing
        ("单", True, "shan"),  # the surname, not dan
        ("单雄信", True, "shanxiongxin"),
        ("曾", True, "zeng"),  # the surname, not ceng
        ("曾国藩", True, "zengguofan"),
        ("解", True, "xie"),
        ("长孙无忌", True, "zhangsunwuji"),  # a two-character surname
        ("单位", False, "danwei"),  # not a person: the everyday reading
        ("曾经", False, "cengjing"),
    ],
)
def test_polyphonic_words_and_surnames(name: str, person: bool, spelled: str) -> None:
    assert pinyin.spellings(name, person=person)[1] == spelled


def test_initials_and_full_pinyin() -> None:
    assert pinyin.spellings("武汉中山建设") == ("whzsjs", "wuhanzhongshanjianshe")
    assert pinyin.spellings("ＡＢＣ（湖北）建设12号") == ("abchbjs12h", "abchubeijianshe12hao")
    assert pinyin.spellings(None) == ("", "")


def test_sort_key_orders_as_wps_does() -> None:
    names = ["武汉", "湖北", "吴", "武", "安", "爱", "西安", "先", "长江", "重庆", "Alpha", "曾"]
    ordered = sorted(names, key=pinyin.sort_key)
    # by syllable, then tone, character by character; a shorter name before a longer one
    assert ordered == ["爱", "Alpha", "安", "曾", "长江", "重庆", "湖北", "吴", "武", "武汉", "西安", "先"]  # 曾 ceng
    staff = ["刘", "吴", "周", "孙", "曾", "单"]
    assert sorted(staff, key=lambda n: pinyin.sort_key(n, person=True)) == ["刘", "单", "孙", "吴", "曾", "周"]
    assert pinyin.sort_key("武汉中山") == "wu3 han4 zhong1 shan1"
    assert len(pinyin.sort_key("武" * 200)) == pinyin.KEY_LENGTH


def test_picker_matching() -> None:
    assert pinyin.matches("zl", "张丽", person=True)
    assert pinyin.matches("zhangli", "张丽", person=True)
    assert pinyin.matches("ZHANG LI", "张丽", person=True)
    assert pinyin.matches("丽", "张丽", person=True)
    assert pinyin.matches("sxx", "单雄信", person=True)
    assert not pinyin.matches("dxx", "单雄信", person=True)
    assert not pinyin.matches("wl", "张丽", person=True)
    assert pinyin.matches("", "张丽")


# --- the register ----------------------------------------------------------------------------------


@pytest.fixture
def register(db, officer, mentor):  # type: ignore[no-untyped-def]
    rows = [
        ("武汉中山建设有限公司", "MA4K00011", "张丽"),
        ("湖北楚天建设集团有限公司", "MA4K00022", "曾小明"),
        ("重庆长江路桥工程有限公司", "MA4K00033", "单建国"),
        ("安达建设有限公司", "MA4K00044", "王芳"),
    ]
    ids = []
    with db.session() as session:
        for name, code, liaison in rows:
            member = members.create_member(
                session,
                officer,
                {
                    "name": name,
                    "uscc": uscc(code),
                    "category": "construction_enterprise",
                    "liaison_name": liaison,
                },
            )
            session.flush()
            ids.append(member.id)
    return ids


def search(db, **kwargs):  # type: ignore[no-untyped-def]
    sort = kwargs.pop("sort", "member_number")
    descending = kwargs.pop("descending", False)
    with db.session() as session:
        return members.search_member_ids(session, MemberFilter(**kwargs), sort=sort, descending=descending)


def test_register_sorts_names_by_pinyin(db, register) -> None:
    wuhan, hubei, chongqing, anda = register
    assert search(db, sort="name") == [anda, chongqing, hubei, wuhan]  # an, chong, hu, wu
    assert search(db, sort="name", descending=True) == [wuhan, hubei, chongqing, anda]
    # liaisons as people: 单 shan, 王 wang, 曾 zeng, 张 zhang
    assert search(db, sort="liaison_name") == [chongqing, anda, hubei, wuhan]


def test_register_finds_by_initials_and_full_pinyin(db, register) -> None:
    wuhan, hubei, chongqing, anda = register
    assert search(db, text="whzs") == [wuhan]
    assert search(db, text="WHZS") == [wuhan]
    assert search(db, text="wuhanzhongshan") == [wuhan]
    assert search(db, text="wu han zhong") == [wuhan]
    assert search(db, text="cqcj") == [chongqing]
    assert search(db, text="chongqingchangjiang") == [chongqing]
    assert search(db, text="zengxiaoming") == [hubei]  # the liaison, surname 曾 zeng
    assert search(db, text="sjg") == [chongqing]  # 单建国 shan jian guo
    assert search(db, text="zhangli") == [wuhan]
    with db.session() as session:
        assert members.count_members(session, MemberFilter(text="js")) == 3  # every 建设


@pytest.mark.parametrize(
    ("typed", "full"),
    [
        ("whzs", False),
        ("sjg", False),
        ("zl", False),
        ("wjx", False),
        ("zhangli", True),
        ("wuhanzh", True),  # the last syllable only begun
        ("xian", True),
        ("chongqing", True),
        ("建设", False),
        ("ma4k", False),
    ],
)
def test_initials_are_told_from_full_pinyin(typed: str, full: bool) -> None:
    assert pinyin.could_be_full_pinyin(typed) is full
    assert len(pinyin.syllables()) > 400 and {"zhong", "lv", "a", "er"} <= pinyin.syllables()


def test_initials_search_reads_the_narrow_column(db, register) -> None:
    """A search of initials alone looks in the initials column (and the member numbers' letters)."""
    wuhan, hubei, chongqing, anda = register
    with db.session() as session:
        member = session.get(Member, wuhan)
        assert (
            member.pinyin_initials
            == "whzsjsyxgs\x1fzl\x1f\x1f\x1f" + "".join(ch for ch in member.member_number if ch.isalpha()).lower()
        )
        numbers = {i: session.get(Member, i).member_number for i in register}
    prefix = "".join(ch for ch in numbers[wuhan] if ch.isalpha()).lower()
    assert prefix and sorted(search(db, text=prefix)) == sorted(register)  # every member number
    assert search(db, text="hbct") == [hubei]
    assert search(db, text="zxm") == [hubei]  # the liaison 曾小明, initials
    assert search(db, text="yxgs", sort="name") == [anda, chongqing, hubei, wuhan]  # every 有限公司
    with db.session() as session:
        assert members.count_members(session, MemberFilter(text="whzs")) == 1


def test_a_rare_search_sorts_its_few_matches(db, register) -> None:
    """The first page of a search with fewer matches than a page is sorted as asked."""
    wuhan, hubei, chongqing, anda = register
    assert search(db, text="建设", sort="name") == [anda, hubei, wuhan]
    assert search(db, text="建设", sort="name", descending=True) == [wuhan, hubei, anda]
    with db.session() as session:
        first = members.search_member_ids(session, MemberFilter(text="建设"), sort="name", limit=2)
        assert first == [anda, hubei]  # more than the limit: the walk over the sort's index
        assert members.search_member_ids(session, MemberFilter(text="无此单位"), sort="name", limit=200) == []


def test_keys_follow_every_change(db, officer, register) -> None:
    wuhan = register[0]
    with db.session() as session:
        record = members.member_record(session, wuhan)
        members.update_member(session, officer, wuhan, record.version, {"name": "长江中山建设有限公司"})
    with db.session() as session:
        member = session.get(Member, wuhan)
        assert member.name_pinyin.startswith("chang2 jiang1")
    assert search(db, text="whzs") == []
    assert search(db, text="cjzs") == [wuhan]


def test_sorting_by_mentor_status_and_category_follows_pinyin(db, officer, mentor, register) -> None:
    second = make_staff(db, Role.MENTOR, "mentor2", "白雪")  # bai before chen (陈晓燕)
    with db.session() as session:
        for member_id, mentor_id in ((register[0], second.id), (register[2], mentor.id), (register[3], mentor.id)):
            record = members.member_record(session, member_id)
            members.update_member(session, officer, member_id, record.version, {"mentor_id": mentor_id})
        session.execute(update(Member).where(Member.id == register[3]).values(status=MemberStatus.WITHDRAWN))
    assert search(db, sort="mentor") == [register[0], register[2], register[3], register[1]]  # no mentor last
    # 已退会 (yi tui hui) before 正常 (zheng chang)
    assert search(db, sort="status")[0] == register[3]


def test_staff_and_application_keys(db, admin, mentor) -> None:
    make_staff(db, Role.MENTOR, "shan", "单田芳")
    make_staff(db, Role.MENTOR, "du", "杜明")
    with db.session() as session:
        key = session.scalar(select(Staff.full_name_pinyin).where(Staff.username == "shan"))
        assert key == "shan4 tian2 fang1"
        names = [s.full_name for s in accounts.list_staff(session, role=Role.MENTOR)]
    assert names == ["陈晓燕", "杜明", "单田芳"]  # chen, du, shan: 单 as a surname, not dan


def test_application_keeps_its_key(db, officer, member_values) -> None:
    from desktop_app.core.services import admission

    with db.session() as session:
        application = admission.create_application(session, officer, {**member_values, "name": "重庆建工集团"})
        session.flush()
        assert session.get(Application, application.id).name_pinyin.startswith("chong2 qing4")


def test_admission_queue_finds_by_pinyin(db, officer, member_values) -> None:
    """The queue's search box finds an application by the pinyin of its name or liaison too."""
    from desktop_app.core.services import admission
    from desktop_app.core.services.admission.queue import QueueFilter, queue

    with db.session() as session:
        first = admission.create_application(session, officer, {**member_values, "name": "重庆建工集团"})
        session.flush()
        wanted = first.id
    with db.session() as session:

        def found(text_: str) -> list[int]:
            return [row.id for row in queue(session, QueueFilter(text=text_))]

        assert found("cqjg") == [wanted]
        assert found("chongqingjiangong") == [wanted]
        assert found("zl") == [wanted]  # the liaison 张丽
        assert found("重庆") == [wanted]
        assert found("whzs") == []


# --- the migration ------------------------------------------------------------------------------


def test_migration_backfills_keys_and_search_text(db, register) -> None:
    """0009 keys the rows an older program wrote: wipe the keys, run its backfill, compare."""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    from desktop_app.core.migrations.versions import __name__ as versions  # noqa: F401
    from desktop_app.core.roles import apply_privileges

    module = __import__("desktop_app.core.migrations.versions.0009_pinyin", fromlist=["upgrade"])
    with db.session() as session:
        expected = session.execute(
            select(
                Member.id, Member.name_pinyin, Member.liaison_name_pinyin, Member.pinyin_initials, Member.search_text
            ).order_by(Member.id)
        ).all()
    with db.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_member_name_pinyin"))
        conn.execute(text("DROP INDEX ix_member_liaison_name_pinyin"))
        conn.execute(text("DROP INDEX ix_member_pinyin_initials"))
        for table, columns in (
            ("member", (*module.MEMBER_KEYS, module.INITIALS)),
            ("staff", ("full_name_pinyin",)),
            ("application", ("name_pinyin",)),
        ):
            for column in columns:
                conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))
        conn.execute(text("UPDATE member SET search_text = lower(name)"))
        context = MigrationContext.configure(conn)
        with Operations.context(context):
            module.upgrade()
        # as core/migrate.py does after every upgrade: the office roles' grants follow the new
        # columns (PostgreSQL; the test database is shared with later tests)
        apply_privileges(conn)
    with db.session() as session:
        again = session.execute(
            select(
                Member.id, Member.name_pinyin, Member.liaison_name_pinyin, Member.pinyin_initials, Member.search_text
            ).order_by(Member.id)
        ).all()
        assert session.scalar(select(Staff.full_name_pinyin).where(Staff.username == "mentor")) == "chen2 xiao3 yan4"
    assert again == expected
    assert search(db, text="whzs", sort="name") == [register[0]]


def test_the_compact_tables_hold_pypinyins_words() -> None:
    """The phrase file read line by line (to keep memory low) gives what pypinyin itself reads."""
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    tables = pinyin._tables()
    assert len(tables.phrases) == len(PHRASES_DICT) > 40_000
    assert all(
        tables.phrases[word] == tuple(pinyin._tone3(choices[0]) for choices in readings)
        for word, readings in PHRASES_DICT.items()
    )
    assert len(tables.chars) == len(PINYIN_DICT)
    assert tables.chars["重"] == "zhong4" and tables.phrases["重庆"] == ("chong2", "qing4")


def test_written_out_orders_match_the_dictionary() -> None:
    """The syllables and the label orders kept as constants (so that reading the register loads no
    dictionary) are what the dictionary says."""
    from desktop_app.core.models import Category

    assert pinyin.SYLLABLES == pinyin._tables().syllables
    assert list(members.CATEGORY_ORDER) == sorted(Category, key=lambda c: pinyin.sort_key(c.label))
    assert list(members.STATUS_ORDER) == sorted(MemberStatus, key=lambda s: pinyin.sort_key(s.label))
