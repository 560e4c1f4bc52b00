"""Checking and normalising what people type or import. Messages are Chinese and name the field.

USCC: GB 32100-2015 — 18 characters from a 31-character set: registration authority (1),
organisation type (1), administrative division (6), organisation code (9), check character (1).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from desktop_app.core.models import Category
from desktop_app.messages import Label, Renderable, Text, say
from desktop_app.messages.catalogue import LABELS

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]  # 1, 3, 9, 27, 19, 26, 16, 17, ...
_USCC_VALUE = {c: i for i, c in enumerate(USCC_CHARSET)}

AUTHORITIES = {
    "1": "机构编制",
    "2": "外交",
    "3": "司法行政",
    "4": "文化",
    "5": "民政",
    "6": "旅游",
    "7": "宗教",
    "8": "工会",
    "9": "市场监管（工商）",
    "A": "中央军委改革和编制办公室",
    "N": "农业",
    "Y": "其他",
}

ORGANISATION_TYPES = {
    "11": "机关",
    "12": "事业单位",
    "13": "中央编办直接管理机构编制的群众团体",
    "19": "其他机构编制单位",
    "51": "社会团体",
    "52": "民办非企业单位",
    "53": "基金会",
    "59": "其他民政登记单位",
    "81": "基层工会",
    "89": "其他工会组织",
    "91": "企业",
    "92": "个体工商户",
    "93": "农民专业合作社",
}

# which USCC authority+type each admitted category may carry.
CATEGORY_TYPES: dict[Category, frozenset[str]] = {
    Category.CONSTRUCTION_ENTERPRISE: frozenset({"91"}),
    Category.INDUSTRY_CHAIN_ENTERPRISE: frozenset({"91"}),
    Category.PUBLIC_INSTITUTION: frozenset({"12"}),
    Category.SOCIAL_ORGANISATION: frozenset({"13", "51", "52", "53", "59", "81", "89"}),
}

INDIVIDUAL_BUSINESS = "92"

FIELD_LABELS = {
    "name": "单位名称",
    "uscc": "统一社会信用代码",
    "category": "单位类别",
    "main_business": "主营业务",
    "qualification": "资质",
    "level": "会员级别",
    "status": "会员状态",
    "member_number": "会员编号",
    "certificate_number": "会员证编号",
    "join_date": "入会日期",
    "district": "所在区",
    "address": "通讯地址",
    "postcode": "邮政编码",
    "mentor_id": "班主任",
    "notes": "备注",
    "left_date": "退会日期",
    "left_reason": "退会原因",
}
CONTACT_LABELS = {"legal_representative": "法定代表人", "principal": "主要负责人", "liaison": "联络员"}
CONTACT_FIELD_LABELS = {
    "name": "姓名",
    "position": "职务",
    "mobile": "手机",
    "landline": "座机",
    "wechat": "微信",
    "email": "电子邮箱",
}
for _role, _role_label in CONTACT_LABELS.items():
    for _field, _field_label in CONTACT_FIELD_LABELS.items():
        FIELD_LABELS[f"{_role}_{_field}"] = f"{_role_label}{_field_label}"
    FIELD_LABELS[f"{_role}_phone"] = f"{_role_label}电话"  # a workbook's column of mobiles or landlines


class FieldError(ValueError):
    """A value that cannot be accepted; the message (a catalogue ``Text``) does not name the field.
    ``str()`` is the Chinese text; ``text`` renders in either language."""

    def __init__(self, message: Renderable):
        self.text: Renderable = message
        super().__init__(str(message))


def label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def field_label(field: str) -> Label:
    """The field's name in Chinese and English (the English from the catalogue's labels)."""
    zh = label(field)
    return Label(zh, LABELS.get(zh, field))


def field_error(field: str, message: Renderable) -> Text:
    """ "<field's label>：<message>" (": " in English), the form every field's problem takes."""
    return say("field.error", field=field_label(field), message=message)


# --- control characters -----------------------------------------------------------------------
# C0 controls, DEL and C1 controls (and lone surrogates, which no encoder accepts) are invisible:
# PostgreSQL refuses NUL with a raw error, SQLite's LIKE stops at it (a search matched every
# member), and ESC or BEL stored in a name prints as nothing. Every text a person types or a
# workbook brings is checked here before anything reaches the database. Tab, line feed and
# carriage return are ordinary whitespace and are not in this set: a one-line field folds them
# into a space (``clean_text``), a multi-line field keeps tab and line feed (``clean_multiline``).
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def control_character_problem(text: str) -> Text | None:
    """The Chinese reason why ``text`` cannot be saved (without the field's name), or ``None``."""
    match = _CONTROL_CHARACTERS.search(text)
    if match is None:
        return None
    char, position = match.group(), match.start() + 1
    if "\ud800" <= char <= "\udfff":
        return say("validation.broken_character", position=position, code=f"U+{ord(char):04X}")
    return say("validation.control_character", position=position, code=f"\\x{ord(char):02x}")


def check_control_characters(value: object) -> str:
    """``value`` as text; ``FieldError`` when it holds a control character (see above)."""
    text = "" if value is None else str(value)
    problem = control_character_problem(text)
    if problem is not None:
        raise FieldError(problem)
    return text


def strip_control_characters(text: str) -> str:
    """For search boxes: what is typed minus the control characters (nothing to refuse there)."""
    return _CONTROL_CHARACTERS.sub("", text or "")


def fold_text(value: object) -> str:
    """NFKC and single spaces, without the control-character check: for showing what a workbook
    holds. What is saved goes through ``clean_text``."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    return re.sub(r"\s+", " ", text).strip()


def clean_text(value: object) -> str:
    """One line of text: full-width to half-width (NFKC), ideographic spaces, tabs, line breaks
    and runs of spaces made single. ``FieldError`` when it holds a control character."""
    return fold_text(check_control_characters(value))


def clean_multiline(value: object) -> str:
    """Notes, opinions, reasons: line breaks and tabs kept (CR LF made LF), ends stripped.
    ``FieldError`` when it holds a control character."""
    text = check_control_characters(value)
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def clean_name(value: object) -> str:
    """An organisation or person name: NFKC but keeping Chinese brackets as written."""
    text = clean_text(value)
    # NFKC turns full-width brackets into ASCII ones; organisation names use the Chinese form.
    return text.replace("(", "（").replace(")", "）")


# --- USCC -----------------------------------------------------------------------------------


def uscc_check_character(first17: str) -> str:
    total = sum(map(int.__mul__, map(_USCC_VALUE.__getitem__, first17), USCC_WEIGHTS))
    return USCC_CHARSET[(31 - total % 31) % 31]


def normalise_uscc(raw: object) -> str:
    """Upper-case, half-width, with every space (including U+3000) removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(raw or ""))).upper()


_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def looks_like_resident_id(code: str) -> bool:
    """A mainland resident identity card number (GB 11643): a person, not an organisation."""
    if len(code) == 15 and code.isdigit():
        return _valid_birth_date(code[6:12], century="19")
    if not re.fullmatch(r"\d{17}[\dX]", code):
        return False
    if not _valid_birth_date(code[6:14]):
        return False
    total = sum(int(c) * w for c, w in zip(code[:17], _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == code[17]


def _valid_birth_date(text: str, century: str = "") -> bool:
    try:
        born = dt.datetime.strptime(century + text, "%Y%m%d").date()
    except ValueError:
        return False
    return dt.date(1900, 1, 1) <= born <= dt.date.today()


@dataclass(frozen=True)
class UsccInfo:
    code: str
    authority: str  # 登记管理部门代码
    type_code: str  # authority + type, e.g. "91"
    division: str  # 行政区划码

    @property
    def type_label(self) -> str:
        return ORGANISATION_TYPES.get(self.type_code, f"类别代码 {self.type_code}")


def parse_uscc(raw: object) -> UsccInfo:
    """Normalise and check a USCC; raise ``FieldError`` with a precise Chinese reason."""
    check_control_characters(raw)
    code = normalise_uscc(raw)
    if not code:
        raise FieldError(say("validation.required"))
    if looks_like_resident_id(code):
        raise FieldError(say("validation.resident_id"))
    if len(code) != 18:
        raise FieldError(say("validation.uscc_length", count=len(code)))
    for position, char in enumerate(code, start=1):
        if char not in USCC_CHARSET:
            hint = say("validation.uscc_letters_hint") if char.isalpha() else ""
            raise FieldError(say("validation.uscc_bad_character", position=position, char=char, hint=hint))
    if code[0] not in AUTHORITIES:
        raise FieldError(say("validation.uscc_authority", code=code[0]))
    if not code[2:8].isdigit():
        raise FieldError(say("validation.uscc_division"))
    if code[:2] == INDIVIDUAL_BUSINESS:
        raise FieldError(say("validation.uscc_individual_business"))
    expected = uscc_check_character(code[:17])
    if code[17] != expected:
        if re.fullmatch(r"\d{17}[\dX]", code) and _valid_birth_date(code[6:14]):
            raise FieldError(say("validation.uscc_looks_like_resident_id"))
        raise FieldError(say("validation.uscc_check_character", expected=expected, code=code[17]))
    return UsccInfo(code=code, authority=code[0], type_code=code[:2], division=code[2:8])


def check_category_matches(category: Category, info: UsccInfo) -> None:
    """R-3.1: the declared category must agree with the code's authority and type."""
    allowed = CATEGORY_TYPES[category]
    if info.type_code not in allowed:
        if not any(info.type_code in types for types in CATEGORY_TYPES.values()):
            raise FieldError(
                say("validation.uscc_type_not_admitted", type_label=info.type_label, type_code=info.type_code)
            )
        raise FieldError(
            say(
                "validation.uscc_category_mismatch",
                type_label=info.type_label,
                type_code=info.type_code,
                label=category.label,
            )
        )


def category_for_uscc(info: UsccInfo) -> Category | None:
    """The most likely category for a code (enterprises default to construction enterprises)."""
    for category, types in CATEGORY_TYPES.items():
        if info.type_code in types:
            return category
    return None


# --- names ------------------------------------------------------------------------------------

_ORGANISATION_WORDS = (
    "公司",
    "集团",
    "院",
    "所",
    "局",
    "站",
    "厂",
    "社",
    "会",
    "中心",
    "学校",
    "大学",
    "学院",
    "部",
    "处",
    "队",
    "行",
    "店",
    "馆",
    "场",
    "室",
    "团",
    "办",
    "委",
    "协会",
    "联合",
)
_COMMON_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤"
)


def check_organisation_name(raw: object) -> str:
    name = clean_name(raw)
    if not name:
        raise FieldError(say("validation.required"))
    if len(name) > 200:
        raise FieldError(say("validation.too_long_200"))
    if "个体" in name:
        raise FieldError(say("validation.individual_business_name"))
    hanzi_only = all("\u4e00" <= c <= "\u9fff" for c in name)
    if hanzi_only and 2 <= len(name) <= 3 and name[0] in _COMMON_SURNAMES and not name.endswith(_ORGANISATION_WORDS):
        raise FieldError(say("validation.person_name"))
    return name


# --- phones, postcodes, e-mail --------------------------------------------------------------


def normalise_mobile(raw: object) -> str:
    text = re.sub(r"[\s\-()]", "", clean_text(raw))
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    if not re.fullmatch(r"1[3-9]\d{9}", text):
        raise FieldError(say("validation.bad_mobile", clean_text=clean_text(raw)))
    return text


def normalise_landline(raw: object) -> str:
    """Wuhan landlines as 027-xxxxxxxx; a bare 8-digit number is taken as Wuhan's."""
    original = clean_text(raw)
    text = re.sub(r"[\s()（）]", "", original).replace("—", "-")
    extension = ""
    m = re.fullmatch(r"(.*?)(?:-|转|ext\.?|EXT\.?)(\d{1,6})", text)
    if m and len(re.sub(r"\D", "", m.group(1))) >= 10:
        text, extension = m.group(1), "-" + m.group(2)
    digits = text.replace("-", "")
    if not digits.isdigit():
        raise FieldError(say("validation.bad_landline", original=original))
    if len(digits) == 8 and not digits.startswith("0"):
        digits = "027" + digits
    if digits.startswith("027"):
        if len(digits) != 11:
            raise FieldError(say("validation.bad_wuhan_landline", original=original))
        return f"027-{digits[3:]}{extension}"
    # three-digit area codes are 010 and 02x; every other area code has four digits
    area_length = 3 if digits.startswith(("010", "02")) else 4
    area, number = digits[:area_length], digits[area_length:]
    if not (digits.startswith("0") and len(number) in (7, 8)):
        raise FieldError(say("validation.bad_landline", original=original))
    return f"{area}-{number}{extension}"


def normalise_postcode(raw: object) -> str:
    text = re.sub(r"\s", "", clean_text(raw))
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        text = f"{int(raw):06d}"
    if not re.fullmatch(r"[1-8]\d{5}", text):
        raise FieldError(say("validation.bad_postcode", clean_text=clean_text(raw)))
    return text


def normalise_email(raw: object) -> str:
    text = clean_text(raw).replace(" ", "")
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", text):
        raise FieldError(say("validation.bad_email", text=text))
    return text.lower() if text.isascii() else text
