"""The words records are grouped by: known target metrics and known lead units.

A metric phrase or a unit name read from OCR ("Ti le truing dat chuin qu6c gia") is mapped onto
the known name it is closest to, so the same target or unit read from two copies of a text groups
as one. A phrase close to no known name keeps its own key (folded, OCR digits repaired); its
label, and a lead unit's name, is its restored reading when the chunk has one (OCR text).

The lists hold only names that documents beyond any one plan use: each entry's words stand in
the national codified law (Bộ pháp điển, Luật Giáo dục articles) or other documents of the
development corpus, not only in a seed file (README, "Records": how this was measured).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from assistant.records_text import key_of

METRIC_MATCH = 0.75  # SequenceMatcher ratio for a phrase to take a known metric's key
UNIT_MATCH = 0.7  # … and for a lead to take a known unit's name
SAME_METRIC = 0.85  # … and for two unknown metrics of one document to be one (OCR slips)

# -- known metrics: OCR variants are mapped onto these by cue words, then fuzzy matching ---------

METRIC_LABELS = (
    "tỷ lệ trường đạt chuẩn quốc gia",
    "phổ cập giáo dục",
    "xóa mù chữ",
)
# folded key -> label as a reader writes it
KNOWN_METRICS: dict[str, str] = {key_of(label): label for label in METRIC_LABELS}
KEY_STANDARD_SCHOOLS = key_of(METRIC_LABELS[0])
_RATE = re.compile(r"\bt[iy] le\b")
KEY_STANDARD_LEVEL = "truong dat chuan quoc gia muc do"  # "đạt chuẩn quốc gia mức độ 2"

# Words that say which metric a phrase is about even when the OCR garbles the rest.
METRIC_HINTS: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"chu\w{0,2}n\s+\w{2,5}\s+gia"), KEY_STANDARD_SCHOOLS),
    (re.compile(r"ph(?!u )\w{0,2} c\w{0,2}p"), key_of(METRIC_LABELS[1])),
    (re.compile(r"x\w{0,2}a m\w{0,2} ch"), key_of(METRIC_LABELS[2])),
)


def closest(key: str, known: list[str] | dict[str, str], cut: float) -> str | None:
    """The known key most like `key` when it is at least `cut` alike (the first on a tie)."""
    best, score = None, 0.0
    for candidate in known:
        ratio = SequenceMatcher(None, key, candidate).ratio()
        if ratio > score:
            best, score = candidate, ratio
    return best if score >= cut else None


def known_metric(phrase: str) -> str | None:
    """The known key a phrase names: by its cue words (they survive OCR better than whole
    phrases), then by a fuzzy match; None when it names none."""
    key = key_of(phrase)
    hinted = next((known for pattern, known in METRIC_HINTS if pattern.search(key)), None)
    return hinted or closest(key, KNOWN_METRICS, METRIC_MATCH)


def own_key(phrase: str) -> str:
    """The key of a phrase that names no known metric: folded, OCR-repaired, 'tỉ lệ' and 'tỷ
    lệ' (two accepted spellings) as one."""
    return _RATE.sub("ty le", key_of(phrase))


def metric_key(phrase: str, unit: str = "%", shown: str | None = None) -> str:
    """The key a metric phrase (clean or OCR) groups under: a known metric's (named by the
    phrase or by its restored reading `shown`), else its own. A school standard counted in
    levels ('đạt chuẩn quốc gia mức độ 2') is its own metric."""
    found = known_metric(phrase) or (shown and known_metric(shown)) or own_key(phrase)
    return KEY_STANDARD_LEVEL if found == KEY_STANDARD_SCHOOLS and unit == "mức độ" else found


def metric_label(key: str, phrase: str) -> str:
    """The known metric's name as a reader writes it, else the phrase itself."""
    return KNOWN_METRICS.get(key, phrase)


# -- known lead units: OCR spellings ("Van phong So") group under these --------------------------

KNOWN_UNITS = (
    "Văn phòng Sở",
    "Văn phòng",
    "Thanh tra Sở",
)
_LEADS = re.compile(r"\s*;\s*")


def canonical_lead(lead: str | None, shown: str | None = None) -> str | None:
    """The lead unit(s), each OCR-garbled name mapped to the closest known unit name, else read
    as restored (`shown`, the restored reading of `lead`), else as written."""
    if not lead:
        return None
    by_key = {key_of(unit): unit for unit in KNOWN_UNITS}
    pieces = _LEADS.split(lead)
    readings = _LEADS.split(shown) if shown else []
    if len(readings) != len(pieces):
        readings = pieces
    names = []
    for piece, reading in zip(pieces, readings, strict=True):
        known = closest(key_of(piece), by_key, UNIT_MATCH)
        names.append(by_key[known] if known else reading.strip())
    return "; ".join(names)


def _groupable(target: dict) -> bool:
    key = target["metric_key"]
    return target.get("restored") and key not in KNOWN_METRICS and key != KEY_STANDARD_LEVEL


def group_metrics(targets: list[dict]) -> None:
    """Give OCR targets whose own keys differ only by OCR slips ('ty le tot nghiep', 'ty le tat
    nghiep') one key and label: the one read most often (a plan restates each metric for several
    years). Only restored (OCR) text has slips; keys with other numbers, other units and known
    metrics never merge."""
    counts: dict[tuple[str, str], int] = {}
    for t in filter(_groupable, targets):
        counts[t["unit"], t["metric_key"]] = counts.get((t["unit"], t["metric_key"]), 0) + 1
    ordered = sorted(counts, key=lambda k: (-counts[k], k))
    merged: dict[tuple[str, str], str] = {}
    for at, (unit, key) in enumerate(ordered):
        digits = re.findall(r"\d+", key)
        heads = [k for u, k in ordered[:at]
                 if u == unit and (u, k) not in merged and re.findall(r"\d+", k) == digits]  # fmt: skip
        if head := closest(key, heads, SAME_METRIC):
            merged[unit, key] = head
    labels = {t["metric_key"]: t["metric_label"] for t in reversed(targets)}
    for t in targets:
        if head := merged.get((t["unit"], t["metric_key"])):
            t["metric_key"], t["metric_label"] = head, labels[head]
