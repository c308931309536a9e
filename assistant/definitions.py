"""Questions asking what a term covers or means ('Nông thôn là gì?', 'vùng khó khăn gồm những
gì?', 'what does the rural (nông thôn) area cover?'), and the item that defines it.

Directives define their terms one item each, the term first and then what it covers:
'2. Nông thôn: Cơ sở giáo dục tại các xã đồng bằng', 'a) Học sinh khuyết tật là …',
'Vùng đặc biệt khó khăn gồm …'. Such an item among the best passages, defining a term the
question names (in its own words, or in the Vietnamese an English question is rendered in),
answers the question whatever else of the question's wording it holds."""

from __future__ import annotations

import re

from assistant.query import QueryAnalysis
from assistant.question_kind import DEFINITION
from assistant.search import Passage
from ingest.text import fold_accents, word_tokens

# an item that defines: its label, then the term (a few words, no figure), then ':' or 'là' /
# 'gồm' / 'bao gồm' / 'được hiểu là' and what it covers
_DEFINES = re.compile(
    r"^\s*(?:(?:\d+(?:\.\d+)*|[a-zđ]|[ivx]+)[.)]\s*)?"
    r"(?P<term>[^\W\d_][^\d:;.,()\n]{2,60}?)\s*(?::|\s(?:la|gom|bao gom|duoc hieu la)\s)\s*\S"
)
MIN_TERM_WORDS = 2  # a one-syllable 'term' is a word of a sentence, not a defined term
DEFINITION_DEPTH = 3  # the best fitting passages searched, as for the typed evidence


def asks_definition(analysis: QueryAnalysis) -> bool:
    """The question asks what a term covers or means."""
    return bool(DEFINITION.search(fold_accents(analysis.question).lower()))


def defined_term(text: str) -> str:
    """The term an item defines (folded words), '' when the item is not a definition."""
    first = fold_accents(text.strip().split("\n", 1)[0]).lower()
    match = _DEFINES.match(first)
    if not match:
        return ""
    term = " ".join(word_tokens(match.group("term")))
    return term if len(term.split()) >= MIN_TERM_WORDS else ""


def defines_asked(analysis: QueryAnalysis, passage: Passage) -> bool:
    """The passage defines a term the question names (its words in a row, accents folded, in the
    question or in the Vietnamese an English question is rendered in)."""
    term = defined_term(passage.text)
    if not term:
        return False
    asked = " ".join(word_tokens(fold_accents(f"{analysis.question} . {analysis.vietnamese_text}")))
    return f" {term} " in f" {asked} "


def definition_given(analysis: QueryAnalysis, fitting: list[Passage]) -> bool:
    """A definition is asked and one of the best fitting passages gives it."""
    return asks_definition(analysis) and any(defines_asked(analysis, p) for p in fitting[:DEFINITION_DEPTH])
