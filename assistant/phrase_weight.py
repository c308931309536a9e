"""An English phrase rendered by a long Vietnamese name weighs as one concept in BM25.

BM25 scores a question by its terms: each syllable and each syllable pair. A Vietnamese
question's own words are that many terms because the asker wrote them. An English question's
rendering is the lexicon's: 'Ministry of Culture, Sports and Tourism' becomes 'Bộ Văn hóa, Thể
thao và Du lịch', nine terms, and together they can outweigh the one rare word the question is
about ('focal point' → 'đầu mối', two terms). With `PHRASE_TERMS` set, a rendered phrase of more
terms shares that many terms' weight among all of its terms, so each concept of the question
weighs about the same whatever the length of its Vietnamese name.
"""

from __future__ import annotations

from ingest.text import STOPWORDS, bm25_terms

# 0: off. Measured on the dev English questions of the four sets (`python -m eval.fusion_phrases`):
# a budget of 2-4 terms (a two-syllable word is 3) adds BM25 top-5 hits (devcorpus +2, recent +1,
# seeds +1 -1) but no hybrid one, and loses recent hybrid ones (-3 +1 at 2 or 3): not taken
PHRASE_TERMS = 0


def phrase_terms(phrase: str) -> list[str]:
    """The phrase's BM25 terms, those led by a stopword left out (as the search leaves them)."""
    return [t for t in bm25_terms(phrase) if t.split("_")[0] not in STOPWORDS]


def term_share(terms: int, budget: float | None = None) -> float:
    """Each term's share of its phrase's weight: 1 up to `budget` terms, budget/terms beyond;
    `budget` 0 turns the sharing off (each term keeps the whole weight)."""
    budget = PHRASE_TERMS if budget is None else budget
    if budget <= 0 or terms <= budget:
        return 1.0
    return budget / terms


def shared_terms(phrase: str, weight: float, budget: float | None = None) -> dict[str, float]:
    """The phrase's terms, each with its share of `weight`."""
    terms = phrase_terms(phrase)
    share = term_share(len(set(terms)), budget)
    return dict.fromkeys(terms, weight * share)
