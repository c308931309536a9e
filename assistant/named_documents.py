"""Which indexed documents a question names: by number ("Quyết định 53/2025/QĐ-UBND",
"quyết định 01814", "resolution 60"), narrowed by the type, province and year it also names; or,
without a number, by type with province or year when those pick out only a few documents.

Read from each document's own header (number, type, province, date in the ingest state), never
from a list of known documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.coded_numbers import leading_file_number, unpadded
from assistant.concept import Concept
from ingest.text import fold_accents, word_tokens

MAX_NAMED = 2  # type + province/year naming more documents than this names none (see search.LIFTS)


@dataclass(frozen=True, order=True)
class DocumentKey:
    """What a question can name a document by, folded for comparison."""

    source: str
    number: str  # the number's digits without leading zeros: "53", "1814"
    type: str  # "Quyết định"
    province: str  # folded: "cao bang"
    year: str  # of its date: "2025"
    title: str = ""  # folded: "quy dinh muc ho tro doi voi tre em mam non …"

    @classmethod
    def of(cls, source: str, doc: dict) -> DocumentKey:
        """A document saved without its header is named by the number its file name opens with."""
        digits = re.match(r"\s*0*(\d+)", doc.get("number") or "")
        return cls(
            source=source,
            number=digits.group(1) if digits else leading_file_number(source),
            type=doc.get("type") or "",
            province=fold_accents(doc.get("province") or ""),
            year=(doc.get("date") or "")[:4],
            title=fold_accents(doc.get("title") or ""),
        )


def document_keys(state: dict) -> tuple[DocumentKey, ...]:
    files = state.get("files", {})
    return tuple(sorted(DocumentKey.of(source, info.get("doc") or {}) for source, info in files.items()))


def _narrowed(pool: list[DocumentKey], keep) -> list[DocumentKey]:
    """The documents that also fit; all of them when none does (a soft hint, not a filter)."""
    fitting = [d for d in pool if keep(d)]
    return fitting or pool


def named_documents(
    keys: tuple[DocumentKey, ...],
    numbers: list[str],
    types: list[str],
    provinces: list[str],
    years: list[str],
    max_named: int = MAX_NAMED,
) -> list[str]:
    """Sources of the documents the question names (empty when it names none or too many)."""
    places = {fold_accents(p) for p in provinces}
    if numbers:
        wanted = {unpadded(n) for n in numbers}
        pool = [d for d in keys if d.number and d.number in wanted]
        pool = _narrowed(pool, lambda d: not types or d.type in types)
        pool = _narrowed(pool, lambda d: not places or d.province in places)
        pool = _narrowed(pool, lambda d: not years or d.year in years)
        return [d.source for d in pool]
    if not types or not (places or years):
        return []
    pool = [
        d
        for d in keys
        if d.type in types and (not places or d.province in places) and (not years or d.year in years)
    ]
    return [d.source for d in pool] if len(pool) <= max_named else []


def title_concepts(concepts: list[Concept], named: list[DocumentKey]) -> set[str]:
    """The topic concepts whose every word is in the title of a document the question names by
    number (they select it rather than one of its items: query.NAMED_TITLE_WEIGHT). Its type, a
    year or a place are no such words: 'bãi bỏ nghị quyết nào' asks another resolution, and 'đến
    năm 2030' picks one target among the plan's."""
    title_words = set(word_tokens(" ".join(d.title for d in named)))
    return {
        c.name for c in concepts if not c.constraint
        and (words := word_tokens(c.phrases[0] if c.phrases else c.name)) and title_words.issuperset(words)
    }  # fmt: skip
