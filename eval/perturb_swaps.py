"""Metamorphic negatives that swap a name or a date the question writes for one the indexed
corpus never writes (eval/perturb.py): its province, its year or school year, a document number
it cites. The helpers here choose the same replacement every run and write it as the question
writes its words."""

from __future__ import annotations

import hashlib
import re

from eval.perturb_facts import CITED_NUMBER, CorpusFacts, Document
from ingest.provinces import ALIASES, PROVINCES, find_provinces
from ingest.text import fold_accents, has_diacritics

_SCHOOL_YEAR = re.compile(r"(?<!\d)(20\d\d)(\s*[-–/]\s*)(20\d\d)(?!\d)")
_YEAR = re.compile(r"(?<![\d/])(19[5-9]\d|20\d\d)(?![\d/])")
YEAR_REACH = 15


def pick(options: list, key: str):
    """One of `options`, the same every run for the same question and kind."""
    return (
        options[int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % len(options)]
        if options
        else None
    )


def swap(question: str, start: int, end: int, new: str) -> str:
    return f"{question[:start]}{new}{question[end:]}"


def styled(written: str, canonical: str) -> str:
    """`canonical` written as `written` is: with diacritics or folded (title case kept)."""
    if has_diacritics(written):
        return canonical
    folded = fold_accents(canonical)
    return folded.title() if written[:1].isupper() else folded


def province_swap(question: str, facts: CorpusFacts, key: str) -> str | None:
    named = find_provinces(question)
    if not named:
        return None
    covered = {d.province for d in facts.documents if d.province}
    options = [p for p in PROVINCES if not any(fold_accents(p) in c or c in fold_accents(p) for c in covered)]
    new = pick(options, key)
    folded = fold_accents(question)
    for form in [named[0], *(a for a, c in ALIASES.items() if c == named[0])]:
        words = fold_accents(form).replace("-", " ").replace(".", " ").split()
        if m := re.search(r"\b" + r"[\s\-.]*".join(map(re.escape, words)) + r"\b", folded):
            return swap(question, m.start(), m.end(), styled(question[m.start() : m.end()], new))
    return None


def _free_years(original: int, facts: CorpusFacts, own: Document | None, width: int) -> list[int]:
    dated = set().union(*(d.years for d in facts.documents))
    nearest = sorted(
        range(original - YEAR_REACH, original + YEAR_REACH + 1), key=lambda y: (abs(y - original), y)
    )
    return [y for y in nearest if not {y, y + width - 1} & dated and (own is None or str(y) not in own.text)]


def year_swap(question: str, facts: CorpusFacts, key: str, own: Document | None) -> str | None:
    folded = fold_accents(question)
    if (m := _SCHOOL_YEAR.search(folded)) and int(m.group(3)) - int(m.group(1)) == 1:
        free = _free_years(int(m.group(1)), facts, own, 2)
        return swap(question, m.start(), m.end(), f"{free[0]}{m.group(2)}{free[0] + 1}") if free else None
    if m := _YEAR.search(folded):
        free = _free_years(int(m.group(1)), facts, own, 1)
        return swap(question, m.start(), m.end(), str(free[0])) if free else None
    return None


def number_swap(question: str, facts: CorpusFacts, key: str) -> str | None:
    folded = fold_accents(question)
    m = CITED_NUMBER.search(folded)
    if not m:
        return None
    group = 1 if m.group(1) else 2
    digits = m.group(group)
    written = {re.sub(r"\D", "", d.number).lstrip("0") for d in facts.documents}
    for step in range(1, 1000):
        new = str(int(digits) + step).zfill(len(digits))
        if (
            new not in facts.mentioned
            and new.lstrip("0") not in facts.mentioned
            and new.lstrip("0") not in written
        ):
            return swap(question, m.start(group), m.end(group), new)
    return None
