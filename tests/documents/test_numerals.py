"""Capital numerals (大写金额) per the PBoC rules for bills, and dates written the Chinese way."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.documents.numerals import (
    amount_in_capitals,
    chinese_date,
    format_amount,
    to_amount,
    years_text,
)
from desktop_app.errors import ValidationError


@pytest.mark.parametrize(
    ("amount", "capitals"),
    [
        (0, "零元整"),
        ("0.00", "零元整"),
        (0.5, "伍角"),
        ("0.05", "伍分"),
        ("0.55", "伍角伍分"),
        (1, "壹元整"),
        (10, "壹拾元整"),  # 拾 always has its 壹
        (11, "壹拾壹元整"),
        (110, "壹佰壹拾元整"),
        (100.05, "壹佰元零伍分"),  # 角 zero before a 分: 零
        (1001, "壹仟零壹元整"),  # zeros in the middle: one 零
        (1500, "壹仟伍佰元整"),
        (10000, "壹万元整"),
        (20000, "贰万元整"),
        (100010, "壹拾万零壹拾元整"),
        (107000, "壹拾万零柒仟元整"),
        (1680.32, "壹仟陆佰捌拾元零叁角贰分"),  # the PBoC's own example
        (16409.02, "壹万陆仟肆佰零玖元零贰分"),  # idem
        (325.04, "叁佰贰拾伍元零肆分"),  # idem
        ("1000000.10", "壹佰万元零壹角"),  # ends at 角: no 整
        (Decimal("1000000.1"), "壹佰万元零壹角"),
        (1.5, "壹元伍角"),
        (10.5, "壹拾元零伍角"),
        (100000000, "壹亿元整"),
        (100000001, "壹亿零壹元整"),
        (100010000, "壹亿零壹万元整"),
        (200000000000, "贰仟亿元整"),
        ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
        ("¥1,500.00", "壹仟伍佰元整"),
    ],
)
def test_capitals(amount: object, capitals: str) -> None:
    assert amount_in_capitals(amount) == capitals


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (-1, "不能为负数"),
        ("-0.01", "不能为负数"),
        (Decimal("1e12"), "过大"),
        (10**12, "过大"),
        ("0.001", "两位小数"),
        (100.055, "两位小数"),
        ("abc", "不是金额"),
        (float("nan"), "不是金额"),
        (float("inf"), "不是金额"),
        (None, "请填写"),
        ("", "请填写"),
        (True, "请填写"),
    ],
)
def test_refused(amount: object, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        amount_in_capitals(amount)
    assert message in str(error.value)
    assert str(error.value).startswith("金额：")


def test_figures() -> None:
    assert format_amount(1500) == "¥1,500.00"
    assert format_amount("1000000.1") == "¥1,000,000.10"
    assert format_amount(0) == "¥0.00"
    assert to_amount("1,500") == Decimal("1500.00")
    assert to_amount(100.05) == Decimal("100.05")  # by repr: not 100.0499999…


DIGITS = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
SMALL = {"拾": 10, "佰": 100, "仟": 1000}


def parse_capitals(text: str) -> Decimal:
    """Read capitals back (an independent reading, for the property test)."""
    assert text.endswith(("整", "角", "分")), text
    text = text.removesuffix("整")
    yuan_text, _sep, rest = text.rpartition("元") if "元" in text else ("", "", text)
    total = 0

    def section(s: str) -> int:
        value, digit = 0, 0
        for char in s:
            if char in DIGITS:
                digit = DIGITS[char]
            elif char in SMALL:
                assert digit, f"{char} without its digit in {s}"
                value += digit * SMALL[char]
                digit = 0
            else:
                raise AssertionError(char)
        return value + digit

    remaining = yuan_text
    for unit, factor in (("亿", 10**8), ("万", 10**4)):
        if unit in remaining:
            head, remaining = remaining.split(unit)
            total += section(head) * factor
    total += section(remaining)
    cents = 0
    rest = rest.lstrip("零")
    if "角" in rest:
        head, rest = rest.split("角")
        cents += DIGITS[head] * 10
    rest = rest.lstrip("零")
    if "分" in rest:
        cents += DIGITS[rest.removesuffix("分")]
    return Decimal(total) + Decimal(cents) / 100


@given(st.integers(min_value=0, max_value=10**14 - 1))
def test_capitals_read_back_and_follow_the_rules(cents: int) -> None:
    amount = Decimal(cents) / 100
    text = amount_in_capitals(amount)
    assert parse_capitals(text) == amount
    assert "零零" not in text
    assert not text.endswith("零")
    assert text.endswith("整") == (cents % 100 == 0)  # 整 only when the amount ends at 元
    if cents:
        assert not text.startswith(("零", "拾", "佰", "仟", "万", "亿", "元", "角", "分"))
    assert "万亿" not in text and "亿万" not in text


def test_dates() -> None:
    day = dt.date(2026, 11, 26)
    assert chinese_date(day) == "2026年11月26日"
    assert chinese_date(day, style="hanzi") == "二〇二六年十一月二十六日"
    assert chinese_date(dt.date(2030, 10, 10), style="hanzi") == "二〇三〇年十月十日"
    assert chinese_date(dt.date(2031, 1, 31), style="hanzi") == "二〇三一年一月三十一日"
    assert chinese_date(dt.date(2020, 12, 20), style="hanzi") == "二〇二〇年十二月二十日"
    assert chinese_date(None) == ""


def test_years() -> None:
    assert years_text((2026,)) == "2026年度"
    assert years_text([2026, 2024, 2025]) == "2024—2026年度"
    assert years_text([2023, 2025]) == "2023、2025年度"
    assert years_text([]) == ""
