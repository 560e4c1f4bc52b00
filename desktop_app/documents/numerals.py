"""Amounts in capital numerals (大写金额) and dates written the Chinese way.

Capital amounts follow the People's Bank of China's rules for filling in bills and settlement
vouchers (《正确填写票据和结算凭证的基本规定》):

- digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, then 元角分; 拾 always has its digit (壹拾元整);
- an amount that ends at 元 takes 整 after it (壹仟伍佰元整); one with 分 never does; one that ends
  at 角 may go without, and here does (伍角);
- zeros between non-zero digits are written as one 零 however many there are (壹仟零壹元整);
  where the rules allow either (元位 or 万位 zero before a non-zero 角 or 仟), the 零 is written
  (壹佰万元零壹角, 壹拾万零柒仟元整), so every run of zeros between two non-zero digits is one 零;
- a zero 角 before a non-zero 分 is written as 零 (壹佰元零伍分).

Amounts must be zero or more, have at most two decimal places, and stay below one 万亿 (10¹²).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from desktop_app.errors import ValidationError

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")
GROUP_UNITS = ("", "万", "亿")
LIMIT = Decimal(10) ** 12  # 一万亿: the first amount refused


def to_amount(value: object, field: str = "amount", label: str = "金额") -> Decimal:
    """A money amount as a ``Decimal`` of yuan with two places; refuses what cannot be written.

    Accepts ``Decimal``, ``int``, ``str`` ("1,500.00", "¥1500") and ``float`` (by its shortest
    repr, so 100.05 stays 100.05).
    """
    if isinstance(value, bool) or value is None:
        raise ValidationError({field: f"{label}：请填写金额"})
    if isinstance(value, float):
        value = repr(value)
    if isinstance(value, str):
        value = value.strip().replace(",", "").replace("，", "").lstrip("¥￥")
        if not value:
            raise ValidationError({field: f"{label}：请填写金额"})
    try:
        amount = Decimal(value)  # type: ignore[arg-type]
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError({field: f"{label}：“{value}”不是金额"}) from None
    if not amount.is_finite():
        raise ValidationError({field: f"{label}：“{value}”不是金额"})
    if amount < 0:
        raise ValidationError({field: f"{label}：不能为负数"})
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError({field: f"{label}：最多精确到分（两位小数）"})
    if amount >= LIMIT:
        raise ValidationError({field: f"{label}：过大（应小于一万亿元）"})
    return amount.quantize(Decimal("0.01"))


def amount_in_capitals(value: object) -> str:
    """``1500`` → ``壹仟伍佰元整``; ``100.05`` → ``壹佰元零伍分`` (see the module's rules)."""
    amount = to_amount(value)
    cents = int(amount * 100)
    if cents == 0:
        return "零元整"
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    # Digits from the highest place down to 分; place 0 is 元, -1 角, -2 分.
    integer_digits = [int(c) for c in str(yuan)] if yuan else []
    places = [(len(integer_digits) - 1 - i, d) for i, d in enumerate(integer_digits)]
    places += [(-1, jiao), (-2, fen)]
    out: list[str] = []
    started = False  # a non-zero digit has been written
    pending_zero = False  # zeros seen since the last non-zero digit
    group_has_digit = False
    for place, digit in places:
        if digit:
            if pending_zero:
                out.append("零")
            unit = SMALL_UNITS[place % 4] if place >= 0 else ("角" if place == -1 else "分")
            out.append(DIGITS[digit] + unit)
            started, pending_zero, group_has_digit = True, False, True
        elif started:
            pending_zero = True
        if place > 0 and place % 4 == 0:  # end of the 亿 or 万 group
            if group_has_digit:
                out.append(GROUP_UNITS[place // 4])
            group_has_digit = False
        elif place == 0:
            if yuan:
                out.append("元")
            group_has_digit = False
    if not jiao and not fen:
        out.append("整")
    return "".join(out)


def format_amount(value: object, symbol: str = "¥") -> str:
    """``1500`` → ``¥1,500.00``."""
    return f"{symbol}{to_amount(value):,.2f}"


# --- dates -----------------------------------------------------------------------------------------

_HANZI_DIGITS = "〇一二三四五六七八九"


def _hanzi_number(n: int) -> str:
    """1–31 the way dates say them: 十, 十一, 二十, 二十一, 三十一."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _HANZI_DIGITS[ones]
    return ("" if tens == 1 else _HANZI_DIGITS[tens]) + "十" + (_HANZI_DIGITS[ones] if ones else "")


def chinese_date(day: dt.date | None, *, style: str = "digits") -> str:
    """``2026年11月26日`` (style "digits", letters and forms, GB/T 9704) or
    ``二〇二六年十一月二十六日`` (style "hanzi", certificates). ``None`` → empty."""
    if day is None:
        return ""
    if style == "hanzi":
        year = "".join(_HANZI_DIGITS[int(c)] for c in str(day.year))
        return f"{year}年{_hanzi_number(day.month)}月{_hanzi_number(day.day)}日"
    return f"{day.year}年{day.month}月{day.day}日"


def years_text(years: tuple[int, ...] | list[int]) -> str:
    """(2026,) → 2026年度; (2024, 2025, 2026) → 2024—2026年度; (2023, 2025) → 2023、2025年度."""
    ordered = sorted(set(years))
    if not ordered:
        return ""
    if len(ordered) == 1:
        return f"{ordered[0]}年度"
    if ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}—{ordered[-1]}年度"
    return "、".join(str(y) for y in ordered) + "年度"
