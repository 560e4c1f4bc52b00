"""Believable Chinese names, codes and phone numbers for the demo data (not production code).

USCCs carry their GB 32100 check character and a GB 11714 organisation code; mobiles use real
carrier prefixes; Wuhan landlines are ``027-`` numbers.
"""

from __future__ import annotations

import random

from desktop_app.core.models import Category
from desktop_app.core.validation import USCC_CHARSET, uscc_check_character

PREFIXES = ["武汉", "武汉市", "湖北", "湖北省", "武汉", "武汉"]
BRAND_CHARS = (
    "宏华中建鑫泰盛达城安信远兴恒通博金瑞丰江汉楚天长荣祥和顺东方明新联合创伟嘉隆昌腾飞永正诚德润海晨光亿宇越辉"
)
ENTERPRISES = [
    ("建设工程", "房屋建筑工程施工", "建筑工程施工总承包{g}级"),
    ("建筑工程", "房屋建筑工程施工", "建筑工程施工总承包{g}级"),
    ("建工", "建筑工程、市政工程施工", "建筑工程施工总承包{g}级；市政公用工程施工总承包{g2}级"),
    ("市政工程", "市政道路、管网工程", "市政公用工程施工总承包{g}级"),
    ("路桥工程", "公路桥梁工程施工", "公路工程施工总承包{g}级"),
    ("建筑装饰工程", "建筑装修装饰", "建筑装修装饰工程专业承包{g}级"),
    ("钢结构工程", "钢结构制作安装", "钢结构工程专业承包{g}级"),
    ("建筑劳务", "建筑劳务分包", "施工劳务资质"),
    ("机电安装工程", "机电设备安装", "机电工程施工总承包{g}级"),
    ("水利水电工程", "水利水电工程施工", "水利水电工程施工总承包{g}级"),
    ("幕墙工程", "建筑幕墙设计施工", "建筑幕墙工程专业承包{g}级"),
    ("消防工程", "消防设施工程", "消防设施工程专业承包{g}级"),
    ("地基基础工程", "地基与基础工程", "地基基础工程专业承包{g}级"),
    ("防水工程", "建筑防水工程", "防水防腐保温工程专业承包{g}级"),
]
CHAIN = [
    ("建材", "建筑材料销售", None),
    ("商品混凝土", "预拌商品混凝土生产", "预拌混凝土专业承包不分等级"),
    ("工程监理", "建设工程监理", "房屋建筑工程监理{g}级"),
    ("工程造价咨询", "工程造价咨询", None),
    ("建筑设计", "建筑工程设计", "建筑行业（建筑工程）设计{g}级"),
    ("工程检测", "建设工程质量检测", "建设工程质量检测"),
    ("机械设备租赁", "建筑机械租赁", None),
    ("园林绿化工程", "园林绿化", None),
    ("建筑科技", "绿色建筑技术服务", None),
]
INSTITUTIONS = [
    "建设工程质量监督站",
    "建筑工程造价管理站",
    "建设工程安全监督站",
    "城市建设档案馆",
    "建筑节能办公室",
    "建设科技推广中心",
    "城乡建设职业技术学校",
    "建筑设计研究院",
]
SOCIETIES = ["建筑业商会", "装饰行业协会", "建设监理协会", "混凝土协会", "工程造价协会", "建筑安全协会", "勘察设计协会"]
SUFFIXES = ["有限公司", "有限公司", "有限公司", "集团有限公司", "股份有限公司", "有限责任公司"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏吕丁沈姚卢姜熊"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红文斌海波辉鹏飞玲婷雪琳俊峰浩宇晨欣怡"
POSITIONS_LEGAL = ["董事长", "总经理", "董事长兼总经理", "执行董事", "院长", "会长", "站长"]
POSITIONS_PRINCIPAL = ["总经理", "副总经理", "常务副总经理", "党委书记", "副院长", "秘书长"]
POSITIONS_LIAISON = ["办公室主任", "综合部经理", "行政专员", "办公室副主任", "企管部经理", "经营部经理"]
MENTOR_NAMES = [
    "陈晓燕",
    "刘建华",
    "王丽娟",
    "张志强",
    "李文静",
    "杨帆",
    "赵敏",
    "黄俊",
    "周莉",
    "吴涛",
    "徐静",
    "孙浩",
]
LEVEL_WEIGHTS = {"president": 0, "vice_president": 2, "standing_council": 5, "council": 13, "member": 80}
ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


class Dice(random.Random):
    """``random.Random`` with cheap picks: ``choice``/``randint`` cost ~1 µs each in pure Python,
    and a demo member needs forty of them; ``random()`` is a C call."""

    def pick(self, seq):  # type: ignore[no-untyped-def]
        return seq[int(self.random() * len(seq))]

    def below(self, n: int) -> int:
        return int(self.random() * n)

    choice = pick  # type: ignore[assignment]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, a: int, b: int | None = None) -> int:  # type: ignore[override]
        return int(self.random() * a) if b is None else a + int(self.random() * (b - a))


def organisation_code(rng: random.Random) -> str:
    """A nine-character organisation code with its GB 11714 check character."""
    if rng.random() < 0.6:  # codes issued since 2015 mostly begin "MA"
        body = "MA" + "".join([rng.choice(USCC_CHARSET) for _ in range(6)])
    else:
        body = f"{rng.randrange(100_000_000):08d}"
    values = [int(c) if c.isdigit() else ord(c) - 55 for c in body]
    check = 11 - sum(v * w for v, w in zip(values, ORG_CODE_WEIGHTS, strict=True)) % 11
    return body + ("X" if check == 10 else "0" if check == 11 else str(check))


def make_uscc(rng: random.Random, type_code: str, division: str) -> str:
    first17 = type_code + division + organisation_code(rng)
    return first17 + uscc_check_character(first17)


def person_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN)
    return rng.choice(SURNAMES) + (given + rng.choice(GIVEN) if rng.random() < 0.67 else given)


MOBILE_PREFIXES = (
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 "
    "166 173 176 177 180 181 182 183 185 186 187 188 189 198 199"
).split()


def mobile(rng: random.Random) -> str:
    return f"{rng.choice(MOBILE_PREFIXES)}{rng.randrange(100_000_000):08d}"


def landline(rng: random.Random) -> str:
    return f"027-{rng.randrange(50_000_000, 90_000_000)}"


def _grade(rng: random.Random, text: str | None) -> str | None:
    if text is None:
        return None
    return text.format(g=rng.choice("特一一二二二三"), g2=rng.choice("一二三"))


def _organisation(rng: random.Random, district: str) -> tuple[str, Category, str, str | None, str]:
    """(name, category, main business, qualification, USCC type code)."""
    roll = rng.random()
    prefix = rng.choice(PREFIXES)
    if prefix.endswith("市") and rng.random() < 0.5:
        prefix += district
    brand = rng.choice(BRAND_CHARS) + rng.choice(BRAND_CHARS)
    if roll < 0.72:
        kind, business, qual = rng.choice(ENTERPRISES)
        return (
            f"{prefix}{brand}{kind}{rng.choice(SUFFIXES)}",
            Category.CONSTRUCTION_ENTERPRISE,
            business,
            _grade(rng, qual),
            "91",
        )
    if roll < 0.93:
        chain_kind, chain_business, chain_qual = rng.choice(CHAIN)
        return (
            f"{prefix}{brand}{chain_kind}{rng.choice(SUFFIXES)}",
            Category.INDUSTRY_CHAIN_ENTERPRISE,
            chain_business,
            _grade(rng, chain_qual),
            "91",
        )
    if roll < 0.97:
        name = rng.choice(INSTITUTIONS)
        return f"武汉市{district}{brand}{name}", Category.PUBLIC_INSTITUTION, "建设行业公共服务", None, "12"
    name = rng.choice(SOCIETIES)
    return f"武汉市{district}{brand}{name}", Category.SOCIAL_ORGANISATION, "行业自律与服务", None, "51"
