"""Bad input never hurts: random and malformed workbooks, wrong file types, damaged files.

The reader raises only ``WorkbookError`` (a Chinese message, never a traceback); the importer
accounts for every row it is given and raises nothing but office errors; an import that fails
or is cancelled half-way leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import func, select

from desktop_app.core.models import Member
from desktop_app.core.services import importing
from desktop_app.core.services.importing import Fate
from desktop_app.errors import Cancelled, OfficeError
from desktop_app.spreadsheets.reader import HEADER_ALIASES, WorkbookError, read_roster
from tests.spreadsheets.messy import make_messy_roster

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

HEADERS = sorted({name for names in HEADER_ALIASES.values() for name in names}) + ["注册资本", "", "备注２"]
text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40).map(
    lambda s: ILLEGAL_CHARACTERS_RE.sub("", s)
)
codes = st.sampled_from(["914201001777158766", "91420102MA4K00001Q", "924201061234567890", "123", ""]).map(
    lambda c: c.lower() if len(c) % 2 else c
)
cell = st.one_of(
    st.none(),
    text,
    codes,
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.booleans(),
    st.sampled_from(["2020.10.27", "2020年10月", "会员单位", "理事", "13871234567", "027-85771234", "合计", "430010"]),
)


def save(rows: list[list], folder: Path) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    path = folder / "fuzz.xlsx"
    wb.save(path)
    return path


def good_workbook() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        make_messy_roster(Path(folder) / "r.xlsx", 12)
        return (Path(folder) / "r.xlsx").read_bytes()


GOOD = good_workbook()


@FUZZ
@given(
    header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=12),
    title=st.booleans(),
    rows=st.lists(st.lists(cell, max_size=12), max_size=25),
)
def test_random_workbooks_never_crash_and_every_row_is_accounted_for(db, officer, header, title, rows) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = save(([["武汉建筑业协会会员名册"]] if title else []) + [header] + rows, Path(folder))
        try:
            table = read_roster(path)
        except WorkbookError as exc:
            assert exc.message  # a Chinese sentence for the office
            return
        session = db.new_session()
        try:
            before = session.scalar(select(func.count(Member.id)))
            try:
                plan = importing.import_members(session, officer, table)
            except OfficeError:
                return
            assert [o.row for o in plan.outcomes] == [r.number for r in table.rows]
            assert plan.imported + plan.updated + plan.duplicates + plan.rejected == len(table.rows)
            assert all(o.reason.startswith(f"第 {o.row} 行") for o in plan.outcomes if o.fate == Fate.REJECTED)
            session.flush()
            assert session.scalar(select(func.count(Member.id))) == before + plan.imported
        finally:
            session.rollback()
            session.close()


@FUZZ
@given(data=st.binary(max_size=3000), prefix=st.sampled_from([b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]))
def test_random_bytes_are_refused_with_a_message(data: bytes, prefix: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.xlsx"
        path.write_bytes(prefix + data)
        with pytest.raises(WorkbookError):
            read_roster(path)


@FUZZ
@given(cut=st.integers(min_value=0, max_value=len(GOOD) - 1))
def test_truncated_workbooks(cut: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.xlsx"
        path.write_bytes(GOOD[:cut])
        with pytest.raises(WorkbookError):
            read_roster(path)


@FUZZ
@given(
    flips=st.lists(
        st.tuples(st.integers(min_value=0, max_value=len(GOOD) - 1), st.integers(1, 255)), min_size=1, max_size=8
    )
)
def test_damaged_workbooks_are_read_or_refused(flips: list[tuple[int, int]]) -> None:
    data = bytearray(GOOD)
    for position, mask in flips:
        data[position] ^= mask
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.xlsx"
        path.write_bytes(bytes(data))
        try:
            table = read_roster(path)
        except WorkbookError:
            return
        assert table.rows is not None


@FUZZ
@given(
    part=st.sampled_from(
        [
            "xl/worksheets/sheet1.xml",
            "xl/workbook.xml",
            "xl/sharedStrings.xml",
            "xl/styles.xml",
            "[Content_Types].xml",
            "xl/_rels/workbook.xml.rels",
        ]
    ),
    junk=st.binary(max_size=200) | st.sampled_from([b"", b"<x>", b"<?xml version='1.0'?><worksheet/>"]),
)
def test_workbooks_with_a_broken_part(part: str, junk: bytes) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(GOOD)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, junk if item.filename == part else src.read(item.filename))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.xlsx"
        path.write_bytes(out.getvalue())
        try:
            read_roster(path)
        except WorkbookError:
            pass


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stop_at=st.integers(min_value=1, max_value=40))
def test_an_import_stopped_anywhere_leaves_nothing(db, officer, tmp_path: Path, stop_at: int) -> None:
    path = tmp_path / "r.xlsx"
    if not path.exists():
        make_messy_roster(path, 30)
    table = read_roster(path)
    calls = 0

    def progress(done: int, total: int) -> None:
        nonlocal calls
        calls += 1
        if calls >= stop_at:
            raise Cancelled()

    try:
        with db.session() as session:
            importing.import_members(session, officer, table, progress=progress)
    except Cancelled:
        pass
    with db.session() as session:
        count = session.scalar(select(func.count(Member.id)))
        if count:  # it finished before the stop: then everything is there, and we start again
            assert count == 30
            session.execute(Member.__table__.delete())


TEXT_FIELDS = [
    "member_number",
    "certificate_number",
    "main_business",
    "qualification",
    "district",
    "address",
    "legal_representative_name",
    "legal_representative_position",
    "principal_name",
    "liaison_name",
    "liaison_position",
    "liaison_wechat",
    "liaison_email",
    "notes",
]


@FUZZ
@given(
    field=st.sampled_from(TEXT_FIELDS),
    length=st.integers(min_value=1, max_value=400),
    char=st.sampled_from(["a", "甲", "9"]),
)
def test_values_longer_than_their_column_are_rejected_not_crashed(
    db, officer, field: str, length: int, char: str
) -> None:
    """PostgreSQL enforces column widths; a value too long must reject its row, not fail the import."""
    value = char * length + ("@qq.com" if field == "liaison_email" else "")
    with tempfile.TemporaryDirectory() as folder:
        path = save(
            [
                ["单位名称", "统一社会信用代码", HEADER_ALIASES[field][0]],
                ["武汉宏达建设工程有限公司", "914201001777158766", value],
            ],
            Path(folder),
        )
        table = read_roster(path)
        session = db.new_session()
        try:
            plan = importing.import_members(session, officer, table)
            session.flush()
            [outcome] = plan.outcomes
            assert outcome.fate in (Fate.IMPORTED, Fate.REJECTED)
            if outcome.fate == Fate.REJECTED:
                assert "过长" in outcome.reason or "不是有效" in outcome.reason, outcome.reason
        finally:
            session.rollback()
            session.close()
