"""The values of one clause, each with the metric it measures, its levels, unit and comparator.

A clause like "tỷ lệ trường đạt chuẩn quốc gia đạt 90,14%, trong đó cấp TH đạt 93,1%" gives the
overall value and then per-level values that inherit the metric named before them. All matching
runs on the folded clause, whose offsets equal the written one's, so every piece is as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.levels import strip_levels
from assistant.records_text import level_of, levels_in

_NUM = r"\d{1,3}(?:[.,]\d{1,2})?"
_AT_LEAST_AFTER = re.compile(r"^\s*%?\s*(?:tr[^\s\d]{0,3}\s*l[e]n|tr[^\s\d]{0,2}l[e]n)\b")
_VALUE = re.compile(
    rf"(?P<pct>(?<![\d/.,-])(?P<pn>{_NUM})\s*%)"
    rf"|(?P<bare>(?<=ti le )(?P<bn>{_NUM})(?=\s*tr[^\s\d]{{0,3}}\s*len))"
    rf"|(?P<bare2>(?<=ty le )(?P<bn2>{_NUM})(?=\s*tr[^\s\d]{{0,3}}\s*len))"
    r"|(?P<cnt>(?<![\d/.,-])(?P<cn>\d{1,3})\s+(?P<cu>hoc sinh|thanh pho|truong(?: hoc)?|giao vien"
    r"|huyen))\b"
    r"|(?P<lvl>\bm[a-z]{1,4}\s+do\s+(?P<ln>[1-4])\b)"
)
# the counted things a bare number may stand before ("04 thành phố"), as a reader writes them
COUNT_UNITS = {
    "hoc sinh": "học sinh",
    "thanh pho": "thành phố",
    "truong": "trường",
    "truong hoc": "trường",
    "giao vien": "giáo viên",
    "huyen": "huyện",
}
_BEFORE_AT_LEAST = re.compile(r"(?:toi thieu|it nhat|tren|ten)\s*$")
_BEFORE_AT_MOST = re.compile(r"(?:toi da|duoi|khong qua)\s*$")

# Leading and trailing filler around a metric phrase: "(1)", "phấn đấu", "trong đó", "đạt".
_LEAD_FILLER = re.compile(
    r"^(?:[\s,.;:()\-•]|\(\d\)|\d\)|phan\s+\S{1,3}u|duy tri|tap trung|nang|dam bao|trong do"
    r"|bao dam|co\b|va\b|den\s+\S{2,5}\s+20\d\d|giai doan 20\d\d\s*-\s*20\d\d|\bal\)|cap\b)+"
)
_TRAIL_FILLER = re.compile(r"(?:[\s,.;:()]|\bdat ti le|\bdat ty le|\bdat\b|\bla\b|\bvao\b|\bo\b)+$")
_HAS_AFTER = re.compile(r"(?:^|\s)(?:co|bao dam|dam bao)\s*$")  # "… có 100% giáo viên …"
DOI_VOI = re.compile(r"^\s*(?:\(\d\)\s*)?d\S{0,3}\s+v\S{0,3}\s+([^:;]{3,40}):")


MAX_METRIC_WORDS_AFTER = 24  # a metric that follows its value runs to the clause end, at most


@dataclass(frozen=True)
class Clause:
    """One ';'-separated clause: as written, and folded (same offsets)."""

    text: str
    key: str


@dataclass(frozen=True)
class Found:
    """One value in a clause with the metric it measures and the levels it is for."""

    metric: str
    metric_key: str  # the phrase folded
    levels: list[str]
    value: str
    number: float
    unit: str
    comparator: str


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _strip_filler(text: str, key: str) -> tuple[str, str]:
    """Cut filler words off both ends of a phrase, in step on the written and the folded text."""
    if m := _LEAD_FILLER.match(key):
        text, key = text[m.end() :], key[m.end() :]
    if m := _TRAIL_FILLER.search(key):
        text, key = text[: m.start()], key[: m.start()]
    return text.strip(), key.strip()


def _is_level_only(key: str) -> bool:
    rest = strip_levels(key)
    return not re.sub(r"\b(?:cap|va|al\)|trong do)\b|[\s,()]", "", rest)


def _words(text: str, limit: int = MAX_METRIC_WORDS_AFTER) -> str:
    """At most `limit` words: a metric that follows its value runs to the clause end."""
    return " ".join(text.split()[:limit])


def _metric_start(before_key: str) -> int:
    """Where the metric phrase before a value starts: after the last ', ' unless what follows it
    is only a level, and after an 'Đối với X:' opening."""
    cut = 0
    for cm in re.finditer(r",\s+", before_key):
        rest = before_key[cm.end() :]
        if not _is_level_only(rest) and re.search(r"[a-z]{3}", rest):
            cut = cm.end()
    if m := DOI_VOI.match(before_key):
        cut = max(cut, m.end())
    return cut


def _value_and_comparator(clause: Clause, vm: re.Match, before_key: str) -> tuple[str, str]:
    """The value as written ('98,5% trở lên') and whether it is a floor, a ceiling or exact."""
    value = clause.text[vm.start() : vm.end()]
    if am := _AT_LEAST_AFTER.match(clause.key[vm.end() :]):
        return clause.text[vm.start() : vm.end() + am.end()], "at_least"
    if _BEFORE_AT_LEAST.search(before_key) or re.search(r"toi thieu|it nhat", before_key):
        return value, "at_least"
    if _BEFORE_AT_MOST.search(before_key):
        return value, "at_most"
    return value, "exact"


def _number_and_unit(vm: re.Match) -> tuple[float, str]:
    if vm.group("pct"):
        return _number(vm.group("pn")), "%"
    if vm.group("bare") or vm.group("bare2"):
        return _number(vm.group("bn") or vm.group("bn2")), "%"
    if vm.group("cnt"):
        return float(vm.group("cn")), COUNT_UNITS[vm.group("cu")]
    return float(vm.group("ln")), "mức độ"


def _after_value(clause: Clause, start: int) -> tuple[str, str]:
    return _words(clause.text[start:].strip(" .;,")), _words(clause.key[start:].strip(" .;,"))


def _metric_phrase(
    clause: Clause, vm: re.Match, lead_key: str, before: tuple[str, str], last: tuple[str, str] | None
) -> tuple[str, str]:
    """(phrase, folded phrase) the value measures: the words before it, or after it ('01 học
    sinh đạt giải …', '… có 100% giáo viên …'), or the metric named before in the clause."""
    phrase, phrase_key = before
    if vm.group("cnt"):  # "01 học sinh đạt giải Olympic…": the metric follows the number
        tail = vm.start("cu")
        return clause.text[tail:].strip(" .;,"), clause.key[tail:].strip(" .;,")
    if _HAS_AFTER.search(lead_key) and not _is_level_only(clause.key[vm.end() :]):
        return _after_value(clause, vm.end())
    if not phrase_key or len(phrase_key) < 4 or _is_level_only(phrase_key):
        if last and phrase_key:
            return last
        if not phrase_key:  # "100% nguồn lực … được quản lý trên môi trường số"
            return _after_value(clause, vm.end())
    return phrase, phrase_key


def clause_targets(clause: Clause, context_level: str) -> list[Found]:
    """Every value in one clause with its metric, levels, unit and comparator."""
    found: list[Found] = []
    prev_end, last = 0, None
    for vm in _VALUE.finditer(clause.key):
        before_text, before_key = clause.text[prev_end : vm.start()], clause.key[prev_end : vm.start()]
        cut = _metric_start(before_key)
        before = _strip_filler(before_text[cut:], before_key[cut:])
        value, comparator = _value_and_comparator(clause, vm, before_key)
        number, unit = _number_and_unit(vm)
        level_words = before[1]
        phrase, phrase_key = _metric_phrase(clause, vm, before_key[cut:], before, last)
        if not phrase_key:
            prev_end = vm.end()
            continue
        levels = level_of(level_words or phrase_key, context_level)
        if last and (phrase, phrase_key) == last and not levels_in(level_words):
            levels = ["all"]
        last = (phrase, phrase_key)
        found.append(Found(phrase, phrase_key, levels, value.strip(), number, unit, comparator))
        prev_end = vm.start() + len(value)
    return found
