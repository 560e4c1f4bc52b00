"""``membership-office document KIND``: every kind from the command line, with its options."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop_app.cli import main
from desktop_app.core.migrate import open_database
from desktop_app.core.models import Member, MemberStatus
from desktop_app.demo import generate_demo
from desktop_app.documents import KINDS
from tests.documents.conftest import assert_fonts_embedded, page_texts, pdf_text


@pytest.fixture(autouse=True)
def _signed_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 10: the command line signs in (``--user officer`` below, the demo password here)."""
    monkeypatch.setenv("MEMBERSHIP_OFFICE_PASSWORD", "demo123")


@pytest.fixture
def demo_url(db_url: str) -> str:
    db = open_database(db_url)
    with db.session() as session:
        generate_demo(session, 30, seed=11)
    db.dispose()
    return db_url


@pytest.fixture
def numbers(demo_url: str) -> list[str]:
    """Member numbers of active demo members with an address, in order."""
    db = open_database(demo_url)
    with db.session() as session:
        found = session.scalars(
            select(Member.member_number)
            .where(Member.status == MemberStatus.ACTIVE, Member.address.is_not(None))
            .order_by(Member.member_number)
        ).all()
    db.dispose()
    return list(found)


def test_help_lists_every_kind(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["document", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for kind in KINDS.values():
        assert kind.key in out and kind.title in out
    with pytest.raises(SystemExit):
        main(["document", "dues-receipt", "--help"])
    out = capsys.readouterr().out
    assert "--amount" not in out and "--years" in out and "--member" in out and "--all-active" in out


def test_every_kind(demo_url: str, numbers: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for kind in sorted(KINDS):
        out = tmp_path / f"{kind}.pdf"
        args = ["document", kind, "--db", demo_url, "--user", "officer", "-o", str(out)]
        if kind == "withdrawal-notice":  # issue 15: only the notices issued for confirmed cases
            args += ["--member", *issued_notices(demo_url)]
        elif KINDS[kind].needs_members:
            args += ["--member", *numbers[:2]]
        assert main(args) == 0, (kind, capsys.readouterr().err)
        assert f"已保存到 {out}" in capsys.readouterr().out
        assert out.exists()
        assert_fonts_embedded(out)


def issued_notices(url: str) -> list[str]:
    from desktop_app.core.migrate import open_database
    from desktop_app.core.services import accounts, withdrawal

    db = open_database(url)
    try:
        with db.session() as session:
            actor = accounts.sign_in(session, "officer", "demo123")
            return [r.member_number for r in withdrawal.case_rows(session, actor) if r.notice_number][:2]
    finally:
        db.dispose()


def test_receipt_with_options(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A receipt acknowledges a payment recorded in the dues area (issue 13): record one, print it."""
    import datetime as dt

    from desktop_app.core.services import accounts, dues, members

    monkeypatch.setenv("MEMBERSHIP_OFFICE_PASSWORD", "Office-2026!")
    db = open_database(db_url)
    with db.session() as session:
        admin = accounts.create_first_administrator(session, "admin", "管理员", "Office-2026!")
        member = members.create_member(session, admin, {
            "name": "武汉市江岸区宏达建设工程有限公司", "uscc": "914201001777158766",
            "category": "construction_enterprise", "level": "member", "join_date": dt.date(2020, 10, 27),
        })  # fmt: skip
        dues.bill_year(session, admin, 2026)
        dues.record_payment(session, admin, member.id, amount="1500", receipt=False, received_on="2026-11-20")
        number = member.member_number
    db.dispose()
    out = tmp_path / "r.pdf"
    args = ["--db", db_url, "--user", "admin", "document", "dues-receipt", "--member", number,
            "--years", "2026", "--date", "2026-11-20", "--received-by", "郑会籍", "-o", str(out)]  # fmt: skip
    assert main(args) == 0
    assert "收据编号：WJXS202600001" in capsys.readouterr().out
    text = pdf_text(out)
    assert "人民币壹仟伍佰元整" in text and "2026年11月20日" in text and "郑会籍" in text
    # no option sets an amount: the recorded payment does
    with pytest.raises(SystemExit) as exit_info:
        main([*args[:-2], "--amount", "999", "-o", str(tmp_path / "x.pdf")])
    assert exit_info.value.code == 2


def test_all_active_labels_and_excel_plaque_order(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "labels.pdf"
    assert (
        main(
            [
                "document",
                "labels",
                "--db",
                demo_url,
                "--user",
                "officer",
                "--all-active",
                "--sheet",
                "2×8",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert "地址标签：已生成" in capsys.readouterr().out
    assert len(page_texts(out)) >= 2
    xlsx = tmp_path / "plaque.xlsx"
    assert (
        main(
            [
                "document",
                "plaque-order",
                "--db",
                demo_url,
                "--user",
                "officer",
                "--all-active",
                "--year",
                "2027",
                "-o",
                str(xlsx),
            ]
        )
        == 0
    )
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    assert rows[4][3] == 2027


def test_handover_changes_and_blank_forms(demo_url: str, numbers: list[str], tmp_path: Path) -> None:
    out = tmp_path / "h.pdf"
    assert (
        main(
            [
                "document",
                "handover-form",
                "--db",
                demo_url,
                "--user",
                "officer",
                "--member",
                numbers[0],
                "--change",
                "联络员手机=13907123456",
                "--reported-on",
                "2026-11-20",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert "13907123456" in pdf_text(out) and "2026年11月20日" in pdf_text(out)
    blank = tmp_path / "blank.pdf"
    assert main(["document", "filing-form", "--db", demo_url, "--user", "officer", "-o", str(blank)]) == 0
    assert "入会备案表" in pdf_text(blank)


def test_errors_are_messages_not_tracebacks(
    demo_url: str, numbers: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["document", "labels", "--db", demo_url, "--user", "officer", "-o", str(out)]) == 1
    assert "--member" in capsys.readouterr().err
    assert main(["document", "labels", "--db", demo_url, "--user", "officer", "--member", "NOPE", "-o", str(out)]) == 1
    assert "没有这些会员编号：NOPE" in capsys.readouterr().err
    assert (
        main(
            [
                "document",
                "dues-receipt",
                "--db",
                demo_url,
                "--user",
                "officer",
                "--member",
                numbers[0],
                "--years",
                "20x6",
                "-o",
                str(out),
            ]
        )
        == 1
    )
    assert "不是年度" in capsys.readouterr().err
    assert not out.exists()
    # nothing could be printed: exit 1, the reason listed
    assert (
        main(
            [
                "document",
                "withdrawal-notice",
                "--db",
                demo_url,
                "--user",
                "officer",
                "--member",
                numbers[0],
                "-o",
                str(tmp_path / "n.pdf"),
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "第十二条所列情形未经核查确认" in err and "没有生成任何一份退会告知书，未写入文件" in err
    assert not (tmp_path / "n.pdf").exists()  # issue 9: printing nothing writes no file


def test_document_settings(demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.documents.conftest import make_seal

    assert main(["document-settings", "--db", demo_url, "--user", "admin"]) == 0
    out = capsys.readouterr().out
    assert "文书字体（实际使用的文件）" in out and "fallback" in out and "协会印章图片：未设置" in out
    seal = tmp_path / "seal.png"
    seal.write_bytes(make_seal())
    # issue 10: only an administrator replaces the association's seal, also from the command line
    assert main(["document-settings", "--db", demo_url, "--user", "officer", "--seal", str(seal)]) == 1
    assert "无权修改系统设置" in capsys.readouterr().err
    # one bad value changes nothing
    assert (
        main(
            [
                "document-settings",
                "--db",
                demo_url,
                "--user",
                "admin",
                "--seal",
                str(seal),
                "--font",
                "song=/no/such.ttf",
            ]
        )
        == 1
    )
    assert "找不到" in capsys.readouterr().err
    assert main(["document-settings", "--db", demo_url, "--user", "admin"]) == 0
    assert "协会印章图片：未设置" in capsys.readouterr().out
    assert main(["document-settings", "--db", demo_url, "--user", "admin", "--seal", str(seal)]) == 0
    assert "协会印章图片：已设置" in capsys.readouterr().out
