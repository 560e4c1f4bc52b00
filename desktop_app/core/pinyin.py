"""Pinyin for sorting and looking up Chinese names (issue 16).

Clerks sort names the way WPS and Excel do — by pinyin, character by character (湖北 before 武汉,
吴 before 武) — and look them up by their initials (``whzs`` → 武汉中山建设) or their full pinyin.
This module turns a name into

- a **sort key**: one token per character, the syllable with its tone number (``wu3 han4``), Latin
  letters and digits as they are, lower case; tokens joined by a space, which sorts before every
  letter and digit, so a shorter name sorts before a longer one with the same beginning. Stored
  beside the name (``name_pinyin`` …) by the services, so SQL sorts with a plain index on SQLite and
  PostgreSQL alike;
- its **initials** and **full pinyin** (``whzsjs``, ``wuhanzhongshanjianshe``), which the register's
  search text carries so one ``LIKE`` finds a member by either.

Words are read with pypinyin's phrase dictionary (长江 chang jiang, 重庆 chong qing, 银行 yin hang),
matched longest first the way pypinyin's own segmenter does, but without its per-call style
conversions, so 100,000 members are keyed in seconds (the migration backfills them). A person's
name reads its surname as a surname: 单 shan, 曾 zeng, 解 xie, 仇 qiu, 区 ou …
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Longest phrase the dictionary holds that is worth looking for (a handful are longer).
_MAX_PHRASE = 8
# The first two characters of every phrase: most positions in a name start no phrase at all.
KEY_LENGTH = 255  # the stored sort key's width: the first ~35 characters decide any real order

# Surnames read differently from the character's everyday first reading (百家姓, 现代汉语词典).
# Two-character surnames first: they are looked up before the one-character ones.
SURNAMES: dict[str, tuple[str, ...]] = {
    "万俟": ("mo4", "qi2"),
    "尉迟": ("yu4", "chi2"),
    "单于": ("chan2", "yu2"),
    "长孙": ("zhang3", "sun1"),
    "澹台": ("tan2", "tai2"),
    "令狐": ("ling2", "hu2"),
    "单": ("shan4",),
    "曾": ("zeng1",),
    "解": ("xie4",),
    "仇": ("qiu2",),
    "区": ("ou1",),
    "查": ("zha1",),
    "朴": ("piao2",),
    "乐": ("yue4",),
    "盖": ("ge3",),
    "缪": ("miao4",),
    "翟": ("zhai2",),
    "秘": ("bi4",),
    "繁": ("po2",),
    "覃": ("qin2",),
    "折": ("she2",),
    "员": ("yun4",),
    "种": ("chong2",),
    "召": ("shao4",),
    "隗": ("wei3",),
    "黑": ("he4",),
    "宁": ("ning4",),
    "过": ("guo1",),
    "句": ("gou1",),
    "任": ("ren2",),
    "华": ("hua4",),
    "纪": ("ji3",),
    "冼": ("xian3",),
    "阚": ("kan4",),
    "卜": ("bu3",),
    "薄": ("bo2",),
    "沈": ("shen3",),
    "重": ("chong2",),
    "柏": ("bai3",),
    "燕": ("yan1",),
    "葛": ("ge3",),
    "尉": ("wei4",),
    "贲": ("ben1",),
    "郇": ("huan2",),
    "应": ("ying1",),
    "相": ("xiang4",),
    "蕃": ("pi2",),
    "都": ("du1",),
}

_TONE_MARKS = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}


@functools.lru_cache(maxsize=4096)
def _tone3(marked: str) -> str:
    """'zhōng' → 'zhong1', 'lǜ' → 'lv4', 'de' → 'de5' (the neutral tone sorts last)."""
    tone = "5"
    letters: list[str] = []
    for ch in unicodedata.normalize("NFD", marked):
        if ch in _TONE_MARKS:
            tone = _TONE_MARKS[ch]
        elif ch == "\u0308":  # ü
            letters[-1] = "v"
        elif ch.isascii() and ch.isalpha():
            letters.append(ch.lower())
    return "".join(letters) + tone


@dataclass(frozen=True)
class _Tables:
    chars: dict[str, str]  # a character → its everyday (first) reading, 'zhong1'
    phrases: dict[str, tuple[str, ...]]  # a word → its readings
    starts: frozenset[str]  # the first two characters of every word
    syllables: frozenset[str]  # every syllable without its tone


@functools.lru_cache(maxsize=1)
def _tables() -> _Tables:
    """pypinyin's dictionaries, read from its data files on first use and kept compact: importing
    pypinyin's own modules holds them as lists of lists, ~55 MB in every process that sorts a name;
    these tables take about a fifth of that (the register's memory, issue 16)."""
    spec = importlib.util.find_spec("pypinyin")
    assert spec is not None and spec.submodule_search_locations, "pypinyin is a dependency"
    folder = Path(next(iter(spec.submodule_search_locations)))
    chars: dict[str, str] = {}
    syllables: set[str] = set()
    with open(folder / "pinyin_dict.json", encoding="utf-8") as fp:
        for code, readings in json.load(fp).items():
            spelled = [_tone3(reading) for reading in readings.split(",")]
            chars[chr(int(code))] = sys.intern(spelled[0])
            syllables.update(reading[:-1] for reading in spelled if len(reading) > 1)
    phrases = _read_phrases(folder / "phrases_dict.json")
    return _Tables(chars, phrases, frozenset(p[:2] for p in phrases), frozenset(syllables))


def _read_phrases(path: Path) -> dict[str, tuple[str, ...]]:
    """word → the first reading of each character. The file (2.5 MB of JSON, one token a line) is
    read line by line: loaded whole, its lists of lists peak at ~30 MB that the allocator keeps."""
    phrases: dict[str, tuple[str, ...]] = {}
    depth, first = 0, False
    key = ""
    readings: list[str] = []
    with open(path, encoding="utf-8") as fp:
        for raw in fp:
            line = raw.strip()
            if depth == 0:
                if line.endswith(": ["):
                    key, readings, depth = json.loads(line[:-3]), [], 1
            elif depth == 1:
                if line == "[":
                    depth, first = 2, True
                elif line in ("]", "],"):
                    phrases[key] = tuple(readings)
                    depth = 0
            elif line in ("]", "],"):
                depth = 1
            elif first:
                readings.append(sys.intern(_tone3(json.loads(line.rstrip(",")))))
                first = False
    if not phrases:  # another layout of the file: read it whole
        with open(path, encoding="utf-8") as fp:
            phrases = {
                phrase: tuple(sys.intern(_tone3(choices[0])) for choices in readings_)
                for phrase, readings_ in json.load(fp).items()
            }
    return phrases


def _han_run(run: str) -> list[str]:
    """Readings of a run of Chinese characters: dictionary words first, longest match first."""
    tables = _tables()
    out: list[str] = []
    i, n = 0, len(run)
    while i < n:
        longest = min(_MAX_PHRASE, n - i) if run[i : i + 2] in tables.starts else 1
        for length in range(longest, 1, -1):
            phrase = tables.phrases.get(run[i : i + length])
            if phrase is not None:
                out.extend(phrase)
                i += length
                break
        else:
            out.append(tables.chars.get(run[i], run[i]))
            i += 1
    return out


def _is_han(ch: str) -> bool:
    return ch in _tables().chars


@functools.lru_cache(maxsize=65536)
def tokens(text: str, person: bool = False) -> tuple[str, ...]:
    """The name as sort tokens: a syllable with its tone per Chinese character, each run of Latin
    letters or digits as one lower-case token; punctuation and spaces separate, nothing more."""
    text = unicodedata.normalize("NFKC", text).lower()
    out: list[str] = []
    if person:
        for surname in (text[:2], text[:1]):
            if surname in SURNAMES:
                out.extend(SURNAMES[surname])
                text = text[len(surname) :]
                break
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if _is_han(ch):
            j = i + 1
            while j < n and _is_han(text[j]):
                j += 1
            out.extend(_han_run(text[i:j]))
            i = j
        elif ch.isalnum():
            j = i + 1
            while j < n and text[j].isalnum() and not _is_han(text[j]):
                j += 1
            out.append(text[i:j])
            i = j
        else:
            i += 1
    return tuple(out)


def sort_key(text: str | None, *, person: bool = False) -> str:
    """The pinyin sort key of ``text`` ('' for nothing); ``person`` reads the surname as one."""
    if not text:
        return ""
    return " ".join(tokens(text, person))[:KEY_LENGTH]


_SPELLED: dict[str, tuple[str, str]] = {}  # token → (initial, spelling without the tone)


def _spelled(token: str) -> tuple[str, str]:
    try:
        return _SPELLED[token]
    except KeyError:
        if len(token) > 1 and token[-1] in "12345" and token[:-1].isalpha():
            spelled = (token[0], token[:-1])  # a syllable
        else:
            spelled = (token, token)  # Latin letters and digits stand for themselves in both
        if len(_SPELLED) < 100_000:
            _SPELLED[token] = spelled
        return spelled


_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


@functools.lru_cache(maxsize=65536)
def spellings(text: str | None, *, person: bool = False) -> tuple[str, str]:
    """(initials, full pinyin) of the Chinese in ``text``, both without tones or spaces:
    武汉中山建设 → ('whzsjs', 'wuhanzhongshanjianshe'). Latin letters and digits are kept."""
    if not text:
        return "", ""
    pairs = [_spelled(token) for token in tokens(text, person)]
    return "".join(p[0] for p in pairs), "".join(p[1] for p in pairs)


def search_forms(values: Iterable[tuple[str | None, bool]]) -> list[str]:
    """The pinyin forms a search text carries for (name, is a person) pairs: every name's
    initials, then every name's full pinyin (so a long text loses full spellings first)."""
    initials: list[str] = []
    full: list[str] = []
    for text, person in values:
        if text and _HAN.search(text):
            first, whole = spellings(text, person=person)
            initials.append(first)
            full.append(whole)
    return initials + full


def normalise_query(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def matches(query: str, text: str | None, *, person: bool = False) -> bool:
    """Whether a picker's typed ``query`` finds ``text``: by its characters, its pinyin initials
    (``zl`` → 张丽) or its full pinyin (``zhangli``)."""
    if not text:
        return False
    q = normalise_query(query)
    if not q:
        return True
    if q in normalise_query(text):
        return True
    if not q.isascii():
        return False
    initials, full = spellings(text, person=person)
    return q in initials or q in full


# --- which typed letters could be full pinyin ----------------------------------------------------


# Every syllable of pypinyin's dictionary without its tone, written out: telling initials from full
# pinyin (below) needs no dictionary in memory. tests/core/test_pinyin.py checks it against the tables.
SYLLABLES = frozenset(
    (
        "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca "
        "cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua "
        "chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den "
        "deng di dia dian diao die din ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang "
        "fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang "
        "gui gun guo ha hai han hang hao he hei hen heng hm hng hong hou hu hua huai huan huang hui hun "
        "huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken "
        "keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian "
        "liang liao lie lin ling liu lo long lou lu luan lun luo lv lve m ma mai man mang mao me mei men "
        "meng mi mian miao mie min ming miu mo mou mu n na nai nan nang nao ne nei nen neng ng ni nia "
        "nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang pao pei "
        "pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu "
        "quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se "
        "sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui "
        "shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting "
        "tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu xi xia xian xiang xiao xie "
        "xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za "
        "zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu "
        "zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo"
    ).split()
)


def syllables() -> frozenset[str]:
    """Every pinyin syllable without its tone (zhong, lv, a …)."""
    return SYLLABLES


@functools.lru_cache(maxsize=1)
def _syllable_prefixes() -> frozenset[str]:
    return frozenset(s[:i] for s in syllables() for i in range(1, len(s) + 1))


@functools.lru_cache(maxsize=4096)
def could_be_full_pinyin(query: str) -> bool:
    """Whether letters typed could be full pinyin — whole syllables, the last one perhaps only
    begun (``zhangl``, ``wuhanzh``) — rather than only initials (``whzs``, ``sjg``). A search of
    initials alone then needs to look at the narrow initials column only (members.py)."""
    q = normalise_query(query)
    if not q or not q.isascii() or not q.isalpha():
        return False
    whole, begun = syllables(), _syllable_prefixes()
    # reachable[i]: q[:i] splits into whole syllables
    reachable = [False] * (len(q) + 1)
    reachable[0] = True
    for i in range(len(q)):
        if not reachable[i]:
            continue
        for j in range(i + 1, min(len(q), i + 6) + 1):
            piece = q[i:j]
            if j == len(q) and piece in begun:
                return True
            if piece in whole:
                reachable[j] = True
    return reachable[len(q)]
