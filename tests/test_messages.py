"""The message catalogue (issue 16): every message named once with a Chinese and an English text,
the same parameters in both, each language's own punctuation, plurals, and every key the code
uses present with the parameters its texts need."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from desktop_app import messages
from desktop_app.core import validation
from desktop_app.core.models import CATEGORY_LABELS, ROLE_LABELS, STATUS_LABELS
from desktop_app.core.security import Permission
from desktop_app.errors import NothingPrinted, PermissionDenied, ValidationError
from desktop_app.messages import ENGLISH, Join, Label, catalogue, say

PACKAGE = Path(__file__).resolve().parents[1] / "desktop_app"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
FULL_WIDTH_PUNCTUATION = "：，（）；。“”、"


def test_every_message_has_both_languages_with_the_same_parameters() -> None:
    assert len(catalogue.MESSAGES) > 300  # the core's messages, grouped by job
    for key, (zh, en) in catalogue.MESSAGES.items():
        assert re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", key), key
        assert zh.strip() and en.strip(), key
        assert messages.fields(zh) == messages.fields(en), key
        assert CJK.search(zh), f"{key}: the Chinese text has no Chinese"


def test_english_texts_have_no_chinese_and_ascii_punctuation() -> None:
    for key, (_zh, en) in catalogue.MESSAGES.items():
        if key == "importing.unreadable_date":  # shows how a date may be written: 2020年10月27日
            en = en.replace("2020年10月27日", "")
        if key == "importing.unknown_status":  # the words the workbook's status column holds
            en = en.replace("正常", "").replace("已退会", "").replace("已取消资格", "")
        assert not CJK.search(en), f"{key}: {en}"
        assert not any(mark in en for mark in FULL_WIDTH_PUNCTUATION), f"{key}: {en}"


def test_chinese_texts_use_full_width_punctuation() -> None:
    """No ASCII colon, comma, semicolon or bracket right after a Chinese character."""
    for key, (zh, _en) in catalogue.MESSAGES.items():
        zh = zh.replace("[表头, 内容]", "")  # the courier sheet's format, written as JSON is
        assert not re.search(r"[\u4e00-\u9fff][:,;()]", zh), f"{key}: {zh}"


def test_every_key_the_code_uses_exists_with_its_parameters() -> None:
    """Each ``say("key", …)`` in the package names a key of the catalogue and passes exactly the
    parameters its texts use (a key mistyped or a parameter missing fails here, not in the office)."""
    used = 0
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "say"):
                continue
            if not (node.args and isinstance(node.args[0], ast.Constant)):
                continue
            key = node.args[0].value
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            assert key in catalogue.MESSAGES, f"{where}: unknown key {key!r}"
            if any(k.arg is None for k in node.keywords):
                continue  # **params
            assert {k.arg for k in node.keywords} == messages.fields(catalogue.MESSAGES[key][0]), where
            used += 1
    assert used > 400


def test_a_message_is_its_chinese_text_and_renders_in_english() -> None:
    text = say("validation.uscc_check_character", expected="7", code="8")
    assert text == "校验码错误：第 18 位应为“7”，实为“8”，请核对是否录错"
    assert isinstance(text, str) and str(text) == text
    assert (
        text.render(ENGLISH)
        == 'wrong check character: position 18 should be "7", not "8"; please check for a typing error'
    )


def test_plurals_and_thousands_in_english() -> None:
    one = say("accounts.mentor_still_serving", full_name="张三", serving=1)
    many = say("accounts.mentor_still_serving", full_name="张三", serving=3003)
    assert "of 1 member and" in one.render(ENGLISH)
    assert "of 3,003 members and" in many.render(ENGLISH)
    assert "仍是 3003 个会员的班主任" in many
    assert "“member(s)”" not in many.render(ENGLISH) and "(s)" not in many.render(ENGLISH)


def test_lists_and_labels_take_each_languages_form() -> None:
    text = say("admission.documents_missing", documents=["营业执照复印件", "资质证书复印件"])
    assert text == "资料不全，尚缺：营业执照复印件、资质证书复印件（第五条第（二）项）。请先上传扫描件或文件。"
    assert text.render(ENGLISH) == (
        "Documents incomplete, still missing: copy of the business licence, copy of the qualification certificates"
        " (Article 5, item 2). Please upload the scans or files first."
    )
    field = validation.field_error("uscc", say("validation.required"))
    assert field == "统一社会信用代码：不能为空"
    assert field.render(ENGLISH) == "Unified social credit code: must not be empty"
    assert Label("班主任", "Mentor").render(ENGLISH) == "Mentor"


def test_errors_stay_chinese_as_text_and_render_english() -> None:
    denied = PermissionDenied(
        say("security.permission_denied", label="班主任", value=Permission.RECEIVE_APPLICATIONS.value)
    )
    assert str(denied) == "您的角色“班主任”无权受理入会申请。" == denied.message
    assert denied.render(ENGLISH) == 'Your role "Mentor" may not accept admission applications.'
    messages.set_language(ENGLISH)  # as the window does with --lang en
    assert denied.message == 'Your role "Mentor" may not accept admission applications.'
    assert str(denied) == "您的角色“班主任”无权受理入会申请。"  # the command line and logs: Chinese
    messages.set_language(messages.CHINESE)

    error = ValidationError(
        {
            "name": validation.field_error("name", say("validation.required")),
            "postcode": validation.field_error("postcode", say("validation.bad_postcode", clean_text="12")),
        }
    )
    assert str(error) == "单位名称：不能为空；邮政编码：“12”不是有效的邮政编码（6 位数字，武汉为 430 开头）"
    assert error.errors["name"] == "单位名称：不能为空"
    assert error.render(ENGLISH) == (
        'Organisation name: must not be empty; Postcode: "12" is not a valid postcode (6 digits; Wuhan\'s start with 430)'
    )


def test_nothing_printed_lists_the_reasons_in_either_language() -> None:
    class Problem:
        def __init__(self, who: str, message: str):
            self.who, self.message = who, message

    error = NothingPrinted([Problem(f"会员{i}", say("validation.required")) for i in range(12)], title="会员证")
    assert str(error).startswith("没有可以生成的会员证，未写入任何文件。原因：\n· 会员0：不能为空")
    assert str(error).endswith("…… 另有 2 项")
    english = error.render(ENGLISH)
    assert english.startswith("There is nothing to make for ")
    assert "· 会员0: must not be empty" in english and english.endswith("… and 2 more items")


def test_the_labels_the_core_passes_have_english() -> None:
    """Names passed as parameters (fields, roles, statuses, categories, permissions) are English in
    the English window."""
    names = [
        *validation.FIELD_LABELS.values(),
        *ROLE_LABELS.values(),
        *STATUS_LABELS.values(),
        *CATEGORY_LABELS.values(),
        *(p.value for p in Permission),
    ]
    missing = [name for name in names if name not in catalogue.LABELS]
    assert not missing
    for zh, en in catalogue.LABELS.items():
        assert CJK.search(zh) and not CJK.search(en), zh


@pytest.mark.parametrize("key", messages.history_keys())
def test_history_summaries_read_back_into_english(key: str) -> None:
    """A summary is stored as Chinese text; the English history tab recognises it and renders it."""
    zh, en = catalogue.MESSAGES[key]
    fields = sorted(messages.fields(zh))
    # a stored summary whose parameters touch cannot be split back into them
    if re.search(r"\}\{", zh):
        pytest.skip("adjacent parameters")
    params = {name: f"{7 + i}" for i, name in enumerate(fields)}
    stored = str(say(key, **params))
    shown = messages.render_summary(stored, ENGLISH)
    assert shown == say(key, **params).render(ENGLISH)
    assert not CJK.search(shown), shown


def test_a_summary_no_message_matches_is_shown_as_stored() -> None:
    assert messages.render_summary("旧版本写下的摘要", ENGLISH) == "旧版本写下的摘要"
    assert messages.render_summary("修改会员 武汉中山建设有限公司", ENGLISH) == "Member 武汉中山建设有限公司 changed"
    assert messages.render_summary("修改会员 武汉中山建设有限公司") == "修改会员 武汉中山建设有限公司"


def test_join_renders_each_part() -> None:
    joined = Join([say("validation.required"), "其他"])
    assert joined == "不能为空；其他"
    assert joined.render(ENGLISH) == "must not be empty; 其他"


def test_the_command_line_is_chinese_unless_asked_for_english(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    from desktop_app.cli import main

    monkeypatch.setattr(sys, "stdin", io.StringIO("s3cret-pass\n"))
    assert main(["create-admin", "--full-name", "王海燕", "--password-stdin", "--db", db_url]) == 0
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO("another-pass\n"))
    assert main(["create-admin", "--full-name", "李四", "--password-stdin", "--db", db_url]) == 1
    # (the last line: on PostgreSQL a password in the URL is warned about first)
    assert capsys.readouterr().err.strip().splitlines()[-1] == "错误：已有工作人员账户，不能再创建初始管理员"
    monkeypatch.setattr(sys, "stdin", io.StringIO("another-pass\n"))
    assert main(["--lang", "en", "create-admin", "--full-name", "李四", "--password-stdin", "--db", db_url]) == 1
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "Error: Staff accounts already exist; the first administrator cannot be created again"
    )
    assert main(["--lang", "en", "dues", "--db", db_url, "arrears"]) == 1
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("Error: Please sign in with --user NAME") and not CJK.search(err)
