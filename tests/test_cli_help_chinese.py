"""Issue 16 (B): the command-line help is Chinese throughout — argparse's own words included —
and names the regulation's articles as staff do."""

from __future__ import annotations

import re

import pytest

from desktop_app import cli


def help_text(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        cli.build_parser().parse_args([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("argv", [(), ("backup",), ("export-roster",), ("dues",)])
def test_help_has_no_english_scaffolding(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]) -> None:
    text = help_text(capsys, *argv)
    assert text.startswith("用法：")
    for english in ("usage:", "positional arguments", "options:", "show this help message and exit"):
        assert english not in text
    assert "显示本帮助并退出" in text
    assert not re.search(r"R-\d+\.\d+", text)


def test_errors_are_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.build_parser().parse_args(["backup"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "错误：缺少以下参数：OUT" in err and "error:" not in err


def test_article_names() -> None:
    from desktop_app.records import article_name

    assert article_name("R-5.6") == "第五条第（六）项"
    assert article_name("R-7.1") == "第七条"
    assert article_name("R-12.1 (1)") == "第十二条第（一）项"
    assert article_name("会员证（R-5.6）") == "会员证（第五条第（六）项）"
    assert article_name("R-15.1", "en") == "Article 15"
    assert article_name("R-8.5", "en") == "Article 8 (5)"
