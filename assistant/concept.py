"""A concept: one thing a question asks about, with the folded phrases that express it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from types import MappingProxyType


@dataclass
class Concept:
    """One thing the question asks about, with the folded phrases that express it."""

    name: str
    phrases: list[str]
    weight: float = 1.0
    constraint: bool = False  # a year, place or document reference: judged on the document


# what the directives write for a bound or an area a question names in other words ('tối đa'
# asked, 'không quá 02 nhiệm vụ' written; 'khu vực đô thị' asked, 'địa bàn' the column's name):
# searched and judged as other phrases of the same concept
SYNONYMS = MappingProxyType({
    "toi da": ("khong qua", "khong vuot qua"),
    "toi thieu": ("it nhat", "khong duoi"),
    "khu vuc": ("dia ban",),
})  # fmt: skip


def with_synonyms(concepts: list[Concept]) -> list[Concept]:
    """The concepts, those of SYNONYMS with the directives' own phrases added."""
    return [
        replace(c, phrases=[*c.phrases, *SYNONYMS[c.name]]) if c.name in SYNONYMS else c for c in concepts
    ]
