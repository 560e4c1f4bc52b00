"""``membership-office mailing …`` and ``document labels --sheet 3x7``: the batches headless, signed in."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image

from desktop_app.cli import main
from desktop_app.core.models import RecipientState
from desktop_app.core.services import mailing
from tests.conftest import PASSWORD
from tests.core.test_mailing import Office
from tests.documents.conftest import page_sizes, pdf_text


@pytest.fixture(autouse=True)
def _signed_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMBERSHIP_OFFICE_PASSWORD", PASSWORD)


@pytest.fixture
def office(db, admin, member_values) -> Office:  # type: ignore[no-untyped-def]
    return Office(db, admin, member_values)


def run(db_url: str, user: str, *args: str) -> int:
    return main(["mailing", *args, "--db", db_url, "--user", user])


def test_a_batch_from_the_command_line(office: Office, db_url: str, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    number = {"hongda": None}
    with office.db.session() as session:
        from desktop_app.core.models import Member

        number["hongda"] = session.get(Member, office.ids["hongda"]).member_number
        council = session.get(Member, office.ids["council"]).member_number
        gone = session.get(Member, office.ids["gone"]).member_number
    officer = "membership_officer"
    assert (
        run(
            db_url,
            officer,
            "create",
            "--title",
            "2026年第4期会刊",
            "--journal",
            "《武汉建筑业》2026年第4期",
            "--all-active",
            "--member",
            gone,
        )
        == 0
    )
    captured = capsys.readouterr()
    assert "已新建邮寄批次 YJ2026001：2026年第4期会刊，4 个收件会员" in captured.out
    assert "有问题：武汉市江汉区鑫泰建筑装饰工程有限公司" in captured.err and "没有通讯地址" in captured.err
    assert "未列入：武汉长荣钢结构工程有限公司" in captured.err  # withdrawn: not without --include-former

    assert run(db_url, officer, "show", "YJ2026001", "--view", "problems") == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "共 2 个（有问题）"

    # --sheet 3x7 as typed on any keyboard, and 3×7
    for sheet in ("3x7", "3×7"):
        out_file = tmp_path / f"labels-{sheet}.pdf"
        assert run(db_url, officer, "print", "YJ2026001", "labels", "-o", str(out_file), "--sheet", sheet) == 0
        assert "地址标签：2 个收件会员，共 1 页" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_:
        run(db_url, officer, "print", "YJ2026001", "labels", "-o", str(tmp_path / "x.pdf"), "--sheet", "4x9")
    assert exit_.value.code == 2 and "不是可选的标签纸" in capsys.readouterr().err
    manifest = tmp_path / "清单.xlsx"
    assert run(db_url, officer, "print", "YJ2026001", "manifest", "-o", str(manifest)) == 0
    assert load_workbook(manifest).active.max_row == 3
    capsys.readouterr()

    assert run(db_url, officer, "sent", "YJ2026001", "--all", "--tracking", f"{council}=SF1403000000002") == 0
    assert capsys.readouterr().out.startswith("已登记寄出 2 件")
    paste = tmp_path / "单号.txt"
    paste.write_text(f"{number['hongda']}\tSF1403000000001\n", encoding="utf-8")
    assert run(db_url, officer, "tracking", "YJ2026001", "--paste", str(paste)) == 0
    assert capsys.readouterr().out.startswith("已登记快递单号 1 个")
    assert run(db_url, officer, "returned", "YJ2026001", "--member", council, "--reason", "查无此单位") == 0
    capsys.readouterr()
    assert run(db_url, officer, "delivered", "YJ2026001", "--member", number["hongda"]) == 0
    assert run(db_url, "mentor01", "doubtful") == 0
    assert "共 0 个会员的地址存疑" in capsys.readouterr().out  # council is the other mentor's
    assert run(db_url, officer, "doubtful") == 0
    assert "武汉城安市政工程有限公司" in capsys.readouterr().out

    # The mentor's proof and the history
    photo = tmp_path / "IMG_0001.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (100, 140, 90)).save(buffer, "JPEG")
    photo.write_bytes(buffer.getvalue())
    assert run(db_url, "mentor01", "photo", "YJ2026001", "--member", number["hongda"], str(photo)) == 0
    assert run(db_url, "mentor01", "notified", "YJ2026001", "--member", number["hongda"], "--note", "电话告知") == 0
    assert run(db_url, "mentor01", "photo", "YJ2026001", "--member", council, str(photo)) == 1
    assert "不是您联系的会员" in capsys.readouterr().err
    assert run(db_url, officer, "history", number["hongda"]) == 0
    out = capsys.readouterr().out
    assert "YJ2026001" in out and "已签收" in out and "照片 1" in out and "已告知" in out
    with office.db.session() as session:
        states = {r.member_number: r.state for r in mailing.batch_recipients(session, 1)}
    assert states[number["hongda"]] == RecipientState.DELIVERED and states[council] == RecipientState.RETURNED


def test_contact_and_template_commands(office: Office, db_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    with office.db.session() as session:
        from desktop_app.core.models import Member

        hongda = session.get(Member, office.ids["hongda"]).member_number
    assert run(db_url, "mentor01", "contact", hongda, "--to", "principal", "--copies", "2") == 0
    assert "的邮件寄给：主要负责人 李志强" in capsys.readouterr().out
    assert run(db_url, "mentor01", "contact", hongda, "--to", "other", "--name", "刘洋") == 1
    assert "另行指定收件人时请填写电话" in capsys.readouterr().err
    assert run(db_url, "membership_officer", "template") == 0
    assert "快递公司：顺丰速运" in capsys.readouterr().out
    assert run(db_url, "membership_officer", "template", "--use", "ems") == 1  # an office-wide setting: administrators
    assert run(db_url, "admin", "template", "--use", "ems") == 0
    assert "中国邮政EMS批量导入模板" in capsys.readouterr().out


def test_document_labels_accept_3x7(office: Office, db_url: str, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "标签.pdf"
    args = ["document", "labels", "--db", db_url, "--user", "membership_officer", "--all-active", "-o", str(out)]
    assert main([*args, "--sheet", "2x8"]) == 0
    assert "地址标签" in capsys.readouterr().out and len(page_sizes(out)) == 1
    assert main([*args, "--sheet", "2×8"]) == 0
    assert "宏达建设工程" in pdf_text(out)
    with pytest.raises(SystemExit) as exit_:  # argparse refuses it, naming the sheets
        main([*args, "--sheet", "9x9"])
    assert exit_.value.code == 2 and "3×7" in capsys.readouterr().err
