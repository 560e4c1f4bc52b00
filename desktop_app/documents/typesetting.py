"""Chinese line breaking, once, for every document (issue 14): labels, envelopes, certificates,
notices, forms and tables all wrap and fit text here (``base.Document.wrap``/``fit`` call it).

Why not "break anywhere between two hanzi"? Because that is what put "有限公 / 司" on 587 of 5,000
labels and left a name's last line holding one or two characters on a quarter of them. The rules:

- **Words stay whole.** An organisation name or an address breaks between its words: after 公司,
  分公司, 集团, 市, 区, 路, 大道, 号, 栋, 单元, 室 …; never inside 公司 (有限公司, 股份有限公司 …), a
  number, a Latin word, a date (2026年11月26日, 二〇二六年十一月二十六日) or a number with its unit
  (1602室, 3栋, 2单元, 88号, 12层); and, when anything better exists, not inside a known word
  (建设, 工程, 装饰 …) nor between a place word and the 区/路/号 that ends it.
- **避头尾** (GB/T 15834, the usual Chinese rules): no line starts with a closing mark (，。、；：）》”
  …) or ends with an opening one (（《“ …).
- **No line of one or two characters** when a better break exists (a 孤字 line is a penalty the
  search avoids unless nothing else fits).
- **Shrink before wrapping** (``fit``): a text that fits one line at a slightly smaller size (down
  to ``shrink_floor``, 80 % by default) is shrunk; only then is it wrapped, at the largest size at
  which it fits its lines with good breaks.

The breaks are chosen together, not greedily: every possible break carries a penalty (0 after a
place or company word, a little between words, much inside a word, prohibitively much where it
is never allowed), every line a cost for the room it leaves and for being one or two characters
short, and a dynamic programme picks the cheapest set of lines that fit the width (Knuth and
Plass's method, small enough here: a label's name is 20 characters). "Prohibitive" is not
impossible: a Latin word or number longer than the whole line is still cut, because printing it
past the label's edge would be worse.

Pure functions of the text and the characters' widths: no ReportLab here. ``widths`` are each
character's advance at 1 pt, so ``limit`` is the width divided by the font size.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

# --- what may begin or end a line (避头尾) ------------------------------------------------------

NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’…—·%‰,.;:!?)]}>％～~")
NO_LINE_END = frozenset("（《「『【〔〈“‘([{<")
WORD_CHARACTERS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@._-/+#&%:"
    "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ０１２３４５６７８９"
)

# --- penalties (in "ems of empty line": a line left one character short costs about 1) ----------

NEVER = 1000.0  # only when nothing else fits: a word or number longer than the line
SHORT_LINE = 12.0  # a line of one or two characters
INSIDE_WORD = 6.0  # 建|设, 装|饰
BINDS_LEFT = 5.0  # 江岸|区, 解放大|道: the character that ends a place name
BINDS_LEFT_WORD = 2.5  # 解放|大道: a multi-character address word after its name
UNKNOWN_PAIR = 2.0  # two characters we know nothing about (宏|达: most likely one brand name)
HALF_KNOWN = 0.8  # a known word next to an unknown character
BETWEEN_WORDS = 0.3  # 建设|工程
AFTER_SUFFIX = 0.0  # after 公司, 市, 区, 路, 号, 室 … and after punctuation or a space
LINE = 2.0  # each line of a name or address (fewer lines are better on a small label)

# A clean layout has no break worse than this (between two unknown characters is still clean).
CLEAN = UNKNOWN_PAIR

# --- the words of organisation names and addresses ------------------------------------------------

# Words whose end is a good place for a line to end; a break *before* a one-character one is bad
# (it belongs to the name in front of it: 江岸|区).
PLACE_SUFFIXES = frozenset(
    "省 市 区 县 镇 乡 村 州 路 街 道 巷 弄 里 号 栋 幢 座 层 楼 室 户 期 苑 园 坊 湾 桥 港 城 "
    "街道 大道 大街 号楼 号院 单元 大厦 广场 花园 小区 社区 园区 新区 开发区 高新区 产业园 工业园 "
    "科技园 新城 大楼 写字楼 商务楼 公寓 中心 地铁站 出口 旁 附近 对面 楼下 院内".split()
)
# Company forms: never broken inside (the "有限公 / 司"), a good break after them.
COMPANY_WORDS = frozenset(
    "股份有限公司 有限责任公司 有限公司 总公司 分公司 子公司 公司 集团 集团公司 控股 股份".split()
)
ORGANISATION_SUFFIXES = frozenset(
    "局 院 所 站 馆 处 厂 部 社 队 会 校 委 办 "
    "分院 研究院 设计院 研究所 设计所 事务所 协会 商会 学会 联合会 学校 学院 大学 医院 监督站 管理站 "
    "档案馆 办公室 管理处 项目部 指挥部 分部 总部 工作室 合作社 经营部 门市部 分会".split()
)
SUFFIXES = PLACE_SUFFIXES | COMPANY_WORDS | ORGANISATION_SUFFIXES

# Places of Hubei and Wuhan (the regulation's members), and the words of the trades that make up
# members' names, so that 武汉|宏达|建筑|装饰|工程|有限公司 is seen as six words.
PLACES = frozenset(
    "中国 湖北 湖北省 武汉 武汉市 江岸区 江汉区 硚口区 汉阳区 武昌区 青山区 洪山区 东西湖区 汉南区 "
    "蔡甸区 江夏区 黄陂区 新洲区 江岸 江汉 硚口 汉阳 武昌 青山 洪山 东西湖 汉南 蔡甸 江夏 黄陂 新洲 "
    "汉口 光谷 沌口 东湖 东湖新技术开发区 武汉经济技术开发区 经济技术开发区 长江新区 临空港 金银湖 "
    "黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施 仙桃 潜江 天门 华中 中南 "
    "解放 中山 建设 发展 沿江 和平 友谊 新华 青年 民族 雄楚 珞喻 光谷 关山 鲁磨 高新 "
    "中建 中铁 中交 中冶 中核 三局 二局 一局".split()
)
TRADES = frozenset(
    "建设 工程 建筑 建工 建安 装饰 装修 装潢 钢结构 结构 劳务 机电 设备 安装 市政 路桥 公路 桥梁 "
    "水利 水电 水利水电 幕墙 消防 地基 基础 地基基础 防水 防腐 保温 建材 材料 商品 混凝土 商品混凝土 "
    "预拌 监理 造价 咨询 设计 勘察 检测 质量 监督 机械 租赁 园林 绿化 园林绿化 科技 技术 实业 发展 "
    "投资 置业 房地产 开发 物业 管理 服务 贸易 环境 环保 能源 节能 智能 信息 电力 电气 通信 交通 "
    "铁路 轨道 城市 城建 城乡 规划 测绘 研究 职业 行业 安全 推广 档案 工业 产业 国际 商务 集成 "
    "项目 总承包 承包 施工 生态 景观 照明 暖通 给排水 净化 岩土 隧道 港航 航道 疏浚 起重 吊装 "
    "制品 构件 预制 装配 装配式 新型 节能环保 信息技术 供应链 物流 实业 企业 控股 第一 第二 第三 "
    "区域 分局 华中区域 项目管理 管理部 站前 地铁 地铁站 商会 行业协会 质量监督 安全监督 造价管理 "
    "城市建设 建设科技 建筑节能 职业技术 工程造价 工程监理 工程检测 建筑设计 建筑科技".split()
)
LEXICON = PLACES | TRADES | SUFFIXES
# The lengths of the words starting with each character, longest first (what matching tries).
_LENGTHS: dict[str, tuple[int, ...]] = {}
for _word in LEXICON:
    if len(_word) > 1:
        _LENGTHS[_word[0]] = tuple(sorted({*_LENGTHS.get(_word[0], ()), len(_word)}, reverse=True))

# Spans inside which a line never breaks: dates, numbers with their units, numbered items, and
# company words. (Latin words and numbers themselves are whole because of WORD_CHARACTERS.)
_DIGIT = r"[0-9０-９]"
_ALNUM = r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]"
_HANZI_DIGIT = "〇零一二三四五六七八九十"
UNITS = (
    "号楼 号院 号门 单元 平方米 万元 亿元 公里 千米 号 栋 幢 座 层 楼 室 户 期 区 弄 巷 组 排 门 米 元 万 亿 "
    "年 月 日 个 位 人 届 次 页 份 张 件 条 款 项 章 节 所 % ％ ㎡"
).split()
_UNIT = "(?:" + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)) + ")"
_PROTECTED = re.compile(
    "|".join(
        (
            rf"{_DIGIT}{{2,4}}\s*年度?\s*{_DIGIT}{{1,2}}\s*月\s*(?:{_DIGIT}{{1,2}}\s*日)?",  # 2026年11月26日
            rf"{_DIGIT}{{1,2}}\s*月\s*{_DIGIT}{{1,2}}\s*日",
            rf"{_DIGIT}{{4}}[-/.]{_DIGIT}{{1,2}}[-/.]{_DIGIT}{{1,2}}",  # 2026-11-26
            rf"[{_HANZI_DIGIT}]{{2,4}}年(?:[{_HANZI_DIGIT}]{{1,3}}月(?:[{_HANZI_DIGIT}]{{1,3}}日)?)?",  # 二〇二六年十一月
            rf"[{_HANZI_DIGIT}]{{1,3}}月[{_HANZI_DIGIT}]{{1,3}}日",
            rf"第[{_HANZI_DIGIT}百0-9０-９]+[届次期条款项章节号批]",  # 第十二条, 第3届
            rf"[（(][{_HANZI_DIGIT}0-9０-９]{{1,3}}[）)]",  # （一）
            rf"{_ALNUM}+(?:[-－—]{_ALNUM}+)*\s?{_UNIT}",  # 1602室, 3栋, 2单元, A座, 18-2号, 1,500元
            "|".join(sorted(COMPANY_WORDS, key=len, reverse=True)),
        )
    )
)
# Text this long, or with sentence punctuation, is prose (a notice's paragraph): lines are filled,
# words matter less than an even right edge. Names and addresses are shorter.
PROSE_LENGTH = 48
_SENTENCE = frozenset("。；！？")


def _is_hanzi(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x3FFFF
        or 0xF900 <= code <= 0xFAFF
        or char == "〇"
    )


def _segments(run: str) -> list[str]:
    """A run of hanzi cut into words by forward maximum matching over ``LEXICON``; a character not
    in any word is a word of its own."""
    out = []
    index, count = 0, len(run)
    while index < count:
        word = run[index]
        for length in _LENGTHS.get(word, ()):
            candidate = run[index : index + length]
            if len(candidate) == length and candidate in LEXICON:
                word = candidate
                break
        out.append(word)
        index += len(word)
    return out


def _between(left: str, right: str) -> float:
    """The penalty of a break between two words of a run of hanzi."""
    if right in SUFFIXES and len(right) == 1:
        return BINDS_LEFT  # 江岸|区, 珞喻|路: the suffix belongs to the name in front of it
    if left in SUFFIXES:
        return AFTER_SUFFIX
    if right in PLACE_SUFFIXES or right in ORGANISATION_SUFFIXES:
        return BINDS_LEFT_WORD  # 解放|大道, 质量|监督站
    left_known, right_known = left in LEXICON, right in LEXICON
    if left_known and right_known:
        return BETWEEN_WORDS
    if left_known or right_known:
        return HALF_KNOWN
    return UNKNOWN_PAIR


@lru_cache(maxsize=50_000)
def penalties(text: str) -> tuple[float, ...]:
    """``penalties(text)[i]``: the cost of ending a line before ``text[i]`` (``[0]`` is unused)."""
    count = len(text)
    out = [0.0] * (count + 1)
    protected = [False] * (count + 1)  # True at i: a break before text[i] is inside a span
    for match in _PROTECTED.finditer(text):
        for i in range(match.start() + 1, match.end()):
            protected[i] = True
    # hanzi runs cut into words: word_start[i] is True where a word begins
    word_of: dict[int, tuple[str, str]] = {}  # break position -> (word before, word after)
    inside: set[int] = set()
    index = 0
    while index < count:
        if not _is_hanzi(text[index]):
            index += 1
            continue
        end = index
        while end < count and _is_hanzi(text[end]):
            end += 1
        words = _segments(text[index:end])
        position = index
        for number, word in enumerate(words):
            for k in range(1, len(word)):
                inside.add(position + k)
            position += len(word)
            if number + 1 < len(words):
                word_of[position] = (word, words[number + 1])
        index = end
    for i in range(1, count):
        before, after = text[i - 1], text[i]
        if before in WORD_CHARACTERS and after in WORD_CHARACTERS and not (before.isspace() or after.isspace()):
            out[i] = NEVER * 3  # inside a number or a Latin word: the very last resort
        elif after in NO_LINE_START or before in NO_LINE_END:
            out[i] = NEVER
        elif protected[i]:
            # a span wider than the line is cut between its parts (after 年, 月), not inside a numeral
            out[i] = NEVER if before in "年月日号栋单元层" else NEVER * 2
        elif before.isspace() or after.isspace():
            out[i] = AFTER_SUFFIX
        elif i in inside:
            out[i] = INSIDE_WORD
        elif i in word_of:
            out[i] = _between(*word_of[i])
        elif _is_hanzi(before) and after in WORD_CHARACTERS:
            out[i] = BETWEEN_WORDS  # 大道|1399号
        elif before in WORD_CHARACTERS and _is_hanzi(after):
            out[i] = HALF_KNOWN  # 18号 is protected; ABC|公司 is not a good place
        elif after in NO_LINE_END:
            out[i] = BETWEEN_WORDS / 2  # a line may end before an opening bracket
        else:
            out[i] = AFTER_SUFFIX  # after punctuation
    return tuple(out)


def is_prose(text: str) -> bool:
    return len(text) > PROSE_LENGTH or any(c in _SENTENCE for c in text)


@dataclass(frozen=True)
class Layout:
    """Lines of one paragraph and how good they are."""

    lines: list[str]
    forced: bool  # a break that is never wanted had to be used (a word longer than the line)
    short: bool  # a line of one or two characters remains
    worst: float  # the worst break used

    @property
    def clean(self) -> bool:
        """No forced break, no line of one or two characters, no break inside a word."""
        return not self.forced and not self.short and self.worst <= CLEAN


_SPACE = re.compile(r"\s")
_INVISIBLE = NO_LINE_START | NO_LINE_END


def _visible(text: str) -> int:
    """Characters that count for a short line: not spaces, not punctuation."""
    return sum(1 for c in text if not c.isspace() and c not in NO_LINE_START and c not in NO_LINE_END)


def layout(text: str, widths: Sequence[float], limit: float) -> Layout:
    """The best lines of ``text`` (one paragraph, no ``\\n``) no wider than ``limit``; ``widths``
    holds each character's width in the same unit. Every line is a piece of ``text`` in order,
    only the spaces at its ends removed. A single character wider than ``limit`` is a line of its own."""
    count = len(text)
    stripped = text.strip()
    if not stripped:
        return Layout([""], False, False, 0.0)
    prefix = [0.0, *accumulate(widths)]
    if len(stripped) == count and not _SPACE.search(text):  # most names and addresses: no spaces
        first = last = list(range(count + 1))
    else:
        # first[i]: the first non-space at or after i; last[j]: one past the last non-space before j
        first = [count] * (count + 1)
        for i in range(count - 1, -1, -1):
            first[i] = i if not text[i].isspace() else first[i + 1]
        last = [0] * (count + 1)
        for j in range(1, count + 1):
            last[j] = j if not text[j - 1].isspace() else last[j - 1]
    start, end = first[0], last[count]
    if prefix[end] - prefix[start] <= limit + 1e-9:
        return Layout([stripped], False, False, 0.0)
    prose = is_prose(stripped)
    cost_of_break = penalties(text)
    scale = 0.25 if prose else 1.0  # in prose, words matter less than filled lines
    per_line = 0.0 if prose else LINE
    epsilon = limit * 1e-9 + 1e-9
    visible_prefix = [0, *accumulate(0 if c in _INVISIBLE or c.isspace() else 1 for c in text)]
    total_visible = visible_prefix[count]
    inf = float("inf")
    limit_plus = limit + epsilon
    short_matters = total_visible > 2
    best: list[float] = []
    back: list[int] = []
    for allow_never in (False, True):  # the prohibited breaks only when nothing else fits
        best = [inf] * (count + 1)
        back = [-1] * (count + 1)
        best[start] = 0.0
        starts = [start]  # where a line may start, ascending (the ends of lines already costed)
        for j in range(start + 1, end + 1):
            if j < end:
                if text[j - 1].isspace() and text[j].isspace():
                    continue
                raw = cost_of_break[j]
                if raw >= NEVER:
                    if not allow_never:
                        continue
                    penalty = raw
                else:
                    penalty = raw * scale
                is_last = False
            else:
                penalty = 0.0
                is_last = True
            line_end = last[j]
            fixed = penalty + per_line
            best_j, back_j = inf, -1
            for i in reversed(starts):
                line_start = first[i]
                if line_start >= line_end:
                    continue
                width = prefix[line_end] - prefix[line_start]
                if width > limit_plus and line_end - line_start > 1:
                    break  # wider still further back
                cost = best[i] + fixed
                if not is_last and width < limit:
                    slack = limit - width
                    cost += slack * 0.5 if prose else 4.0 * (slack / limit) ** 2
                if short_matters and visible_prefix[line_end] - visible_prefix[line_start] <= 2:
                    cost += SHORT_LINE
                if cost < best_j:
                    best_j, back_j = cost, i
            if back_j >= 0:
                best[j], back[j] = best_j, back_j
                starts.append(j)
        if best[end] < inf:
            break
    # walk back from the end
    cuts = []
    j = end
    while j > start:
        i = back[j]
        if i < 0:  # cannot happen: a single character is always a line
            break
        cuts.append((i, j))
        j = i
    cuts.reverse()
    lines = [text[first[i] : last[j]] for i, j in cuts]
    worst = max((cost_of_break[j] for _i, j in cuts[:-1]), default=0.0)
    short = total_visible > 2 and any(visible_prefix[last[j]] - visible_prefix[first[i]] <= 2 for i, j in cuts)
    return Layout(lines, worst >= NEVER, short, worst)


def wrap(text: str, widths: Sequence[float], limit: float) -> list[str]:
    return layout(text, widths, limit).lines


Measure = Callable[[str], Sequence[float]]  # text -> each character's width at 1 pt


def paragraphs_layout(text: str, measure: Measure, limit: float) -> Layout:
    """``layout`` over the paragraphs of ``text`` (``\\n`` kept as a break)."""
    lines: list[str] = []
    forced = short = False
    worst = 0.0
    for paragraph in text.split("\n"):
        result = layout(paragraph, measure(paragraph), limit)
        lines.extend(result.lines)
        forced, short, worst = forced or result.forced, short or result.short, max(worst, result.worst)
    return Layout(lines, forced, short, worst)


def fit(
    text: str,
    measure: Measure,
    width: float,
    max_lines: int,
    size: float,
    min_size: float,
    *,
    shrink_floor: float | None = None,
    step: float = 0.5,
) -> tuple[float, list[str], bool]:
    """The size and lines of ``text`` in at most ``max_lines`` lines of ``width`` points.

    1. Shrink before wrapping: if the text fits one line at a size down to ``shrink_floor``
       (default 80 % of ``size``, never under ``min_size``), that is the answer.
    2. Wrap at the largest size from ``size`` down to ``min_size`` (in ``step``) at which the lines
       are clean (``Layout.clean``) and no more than ``max_lines``; failing that, the least bad
       layout that fits the lines.
    3. Failing that, the lines at ``min_size`` cut to ``max_lines`` with “…”; ``complete`` False.
    """
    text = text.strip() if "\n" not in text else text
    if not text:
        return size, [""], True
    floor = max(min_size, size * 0.8 if shrink_floor is None else shrink_floor)
    if "\n" not in text:
        widths = measure(text)
        total = sum(widths)
        if total <= 0 or total * size <= width:
            return size, [text], True
        one_line = width / total
        if one_line >= floor:
            chosen = max(floor, int(one_line / step) * step)
            return min(size, chosen), [text], True
    current = size
    fallback: tuple[tuple[bool, bool, float, float], float, list[str]] | None = None
    last: list[str] = [text]
    while current >= min_size - 1e-9:
        result = paragraphs_layout(text, measure, width / current)
        last = result.lines
        if len(result.lines) <= max_lines:
            if result.clean:
                return current, result.lines, True
            rank = (result.forced, result.short, result.worst, -current)
            if fallback is None or rank < fallback[0]:
                fallback = (rank, current, result.lines)
        current = round(current - step, 4)
    if fallback is not None:
        return fallback[1], fallback[2], True
    size_used = max(min_size, current + step)
    kept = last[:max_lines]
    widths_of = measure
    tail = kept[-1]
    ellipsis = sum(widths_of("…")) * size_used
    while tail and sum(widths_of(tail)) * size_used + ellipsis > width:
        tail = tail[:-1]
    kept[-1] = tail + "…"
    return size_used, kept, False


# --- checking a layout (tests, benchmarks, and anyone who wants to know) --------------------------


def faults(text: str, lines: Sequence[str]) -> list[str]:
    """What is wrong with ``lines`` as a layout of ``text`` (empty when nothing): a line of one or
    two characters, a break inside 公司 or another company word, inside a number, a Latin word, a
    number with its unit or a date, or against 避头尾. Independent of the search's penalties
    except for the list of protected spans."""
    found: list[str] = []
    if len(lines) <= 1:
        return found
    # where each line starts in the text
    positions = []
    cursor = 0
    for line in lines:
        at = text.find(line, cursor) if line else cursor
        if at < 0:
            return [f"行“{line}”不是原文的一段"]
        positions.append((at, at + len(line)))
        cursor = at + len(line)
    if _visible(text) > 2:
        for line in lines:
            if _visible(line) <= 2:
                found.append(f"只有一两个字的行：“{line}”")
    for (_s, end), (start, _e) in zip(positions, positions[1:], strict=False):
        before, after = text[end - 1] if end else "", text[start] if start < len(text) else ""
        if after in NO_LINE_START:
            found.append(f"行首是“{after}”（避头）")
        if before in NO_LINE_END:
            found.append(f"行尾是“{before}”（避尾）")
        if end == start and before in WORD_CHARACTERS and after in WORD_CHARACTERS:
            found.append(f"拆开了数字或外文：“{before}|{after}”")
        for match in _PROTECTED.finditer(text):
            if match.start() < end < match.end() and end == start:
                what = "公司" if "公司" in match.group() or match.group() in COMPANY_WORDS else "数字、单位或日期"
                found.append(f"拆开了{what}：“{text[match.start() : end]}|{text[end : match.end()]}”")
    return found
