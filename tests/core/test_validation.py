"""USCC (GB 32100-2015), R-3.1 category rules, phones and postcodes."""

from __future__ import annotations

import pytest

from desktop_app.core.models import Category
from desktop_app.core.validation import (
    FieldError,
    category_for_uscc,
    check_category_matches,
    check_organisation_name,
    normalise_email,
    normalise_landline,
    normalise_mobile,
    normalise_postcode,
    parse_uscc,
    uscc_check_character,
)

VALID = "914201001777158766"


@pytest.mark.parametrize("code", ["914403001922038216", "9144030071526726XG", "91110108551385082Q"])
def test_check_character_of_codes_on_real_business_licences(code: str) -> None:
    assert uscc_check_character(code[:17]) == code[17]
    assert parse_uscc(code).code == code


@pytest.mark.parametrize(
    "raw",
    [
        "914201001777158766",
        "914201001777158766 ",
        " 9142 0100 1777 1587 66",
        "９１４２０１００１７７７１５８７６６",  # full-width digits
        "91420100177715876６",
        "\u3000914201001777158766",  # ideographic space
    ],
)
def test_uscc_is_normalised(raw: str) -> None:
    assert parse_uscc(raw).code == VALID


def test_lower_case_letters_are_upper_cased() -> None:
    first17 = "91420100MA4KXB3L7"
    code = first17 + uscc_check_character(first17)
    assert parse_uscc(code.lower()).code == code


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "不能为空"),
        ("91420100177715876", "应为 18 位"),
        ("9142010017771587666", "应为 18 位"),
        ("91420100I77715876X", "第 9 位“I”不是有效字符"),
        ("914201001777158767", "第 18 位应为“6”"),
        ("B14201001777158766", "登记管理部门代码"),
        ("9142A100177715876X", "行政区划代码"),
    ],
)
def test_bad_uscc_says_why(raw: str, fragment: str) -> None:
    with pytest.raises(FieldError) as info:
        parse_uscc(raw)
    assert fragment in str(info.value)


def test_individual_business_is_refused_r_3_1() -> None:
    first17 = "92420102MA4K6J3X7"
    with pytest.raises(FieldError, match="个体工商户"):
        parse_uscc(first17 + uscc_check_character(first17))


def test_resident_identity_number_is_refused_as_a_person() -> None:
    # 11010519491231002X is the GB 11643 standard's own example number.
    with pytest.raises(FieldError, match="身份证"):
        parse_uscc("11010519491231002X")


@pytest.mark.parametrize(
    ("type_code", "category", "ok"),
    [
        ("91", Category.CONSTRUCTION_ENTERPRISE, True),
        ("91", Category.INDUSTRY_CHAIN_ENTERPRISE, True),
        ("91", Category.PUBLIC_INSTITUTION, False),
        ("12", Category.PUBLIC_INSTITUTION, True),
        ("12", Category.CONSTRUCTION_ENTERPRISE, False),
        ("51", Category.SOCIAL_ORGANISATION, True),
        ("52", Category.SOCIAL_ORGANISATION, True),
        ("51", Category.CONSTRUCTION_ENTERPRISE, False),
        ("11", Category.PUBLIC_INSTITUTION, False),  # a government organ is none of R-3.1's kinds
    ],
)
def test_category_must_agree_with_code(type_code: str, category: Category, ok: bool) -> None:
    first17 = type_code + "420100" + "177715876"
    info = parse_uscc(first17 + uscc_check_character(first17))
    if ok:
        check_category_matches(category, info)
    else:
        with pytest.raises(FieldError, match="代码显示该单位为"):
            check_category_matches(category, info)


def test_category_guessed_from_code() -> None:
    first17 = "12420100177715876"
    assert category_for_uscc(parse_uscc(first17 + uscc_check_character(first17))) == Category.PUBLIC_INSTITUTION


@pytest.mark.parametrize("name", ["王建国", "李娜", "张三（个体）", "武汉市某某个体装修店"])
def test_person_names_and_individual_businesses_refused(name: str) -> None:
    with pytest.raises(FieldError):
        check_organisation_name(name)


@pytest.mark.parametrize("name", ["中建三局", "武汉大学", "王氏建设有限公司", "武汉建工（集团）有限公司", "李家墩站"])
def test_organisation_names_accepted(name: str) -> None:
    assert check_organisation_name(name) == name


def test_name_brackets_become_chinese() -> None:
    assert check_organisation_name(" 武汉建工(集团)有限公司 ") == "武汉建工（集团）有限公司"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("13871234567", "13871234567"), ("+86 138-7123-4567", "13871234567"), ("１３８７１２３４５６７", "13871234567")],
)
def test_mobile(raw: str, expected: str) -> None:
    assert normalise_mobile(raw) == expected


@pytest.mark.parametrize("raw", ["1387123456", "12871234567", "138712345678", "abc"])
def test_bad_mobile(raw: str) -> None:
    with pytest.raises(FieldError, match="手机号码"):
        normalise_mobile(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("027-85771234", "027-85771234"),
        ("02785771234", "027-85771234"),
        ("(027) 8577 1234", "027-85771234"),
        ("85771234", "027-85771234"),
        ("027-85771234-802", "027-85771234-802"),
        ("010-12345678", "010-12345678"),
        ("0710-1234567", "0710-1234567"),
    ],
)
def test_landline(raw: str, expected: str) -> None:
    assert normalise_landline(raw) == expected


@pytest.mark.parametrize("raw", ["027-857712", "027-857712345", "1234", "电话"])
def test_bad_landline(raw: str) -> None:
    with pytest.raises(FieldError, match="座机"):
        normalise_landline(raw)


@pytest.mark.parametrize(("raw", "expected"), [("430010", "430010"), (430010, "430010"), ("４３００７１", "430071")])
def test_postcode(raw: object, expected: str) -> None:
    assert normalise_postcode(raw) == expected


@pytest.mark.parametrize("raw", ["43001", "4300100", "abcdef", "030010"])
def test_bad_postcode(raw: str) -> None:
    with pytest.raises(FieldError, match="邮政编码"):
        normalise_postcode(raw)


def test_email() -> None:
    assert normalise_email(" Zhang@QQ.com ") == "zhang@qq.com"
    with pytest.raises(FieldError, match="电子邮箱"):
        normalise_email("zhang@qq")
