"""English questions: which of the lexicon's Vietnamese renderings this corpus uses for the
question, read off the passages the multilingual model ranks first.

The lexicon renders an English phrase by every Vietnamese phrase it may stand for ('pay' →
nộp, thanh toán, chi trả, trả; 'problems' → khó khăn, vướng mắc, hạn chế), and BM25 weighs them
all alike, so a sense the question does not mean competes with the one it does. The model reads
the English question as a whole: a rendering that its first passages use is the sense the
documents write for this question, and BM25 searches with it nearly as with a Vietnamese
question's own words (`USED_WEIGHT`); the renderings none of them use stay expansions as before.
A concept none of whose renderings those passages use is left as it was.
"""

from __future__ import annotations

from assistant.phrase_weight import shared_terms
from assistant.query import QueryAnalysis
from ingest.index import Hit
from ingest.text import word_tokens

# a rendering the model's first passages use: near a Vietnamese question's own word (1.0); chosen on
# dev among 0.7-1.5 (0.9 and 1.0 add the same dev questions; at 1.0 a seed dev answer is lost)
USED_WEIGHT = 0.9


def _passage_texts(ranked: list[Hit], passages: int) -> list[str]:
    """The first passages' words, space-padded for whole-phrase look-ups."""
    texts = (h.payload.get("index_text") or h.payload.get("text", "") for h in ranked[:passages])
    return [f" {' '.join(word_tokens(text))} " for text in texts]


def chosen_terms(analysis: QueryAnalysis, ranked: list[Hit], passages: int) -> dict[str, float]:
    """The question's BM25 terms with the renderings used by the model's first `passages`
    passages raised to USED_WEIGHT (the question's other terms as they were)."""
    if analysis.language != "en" or not ranked or passages <= 0:
        return analysis.terms
    texts = _passage_texts(ranked, passages)
    terms = dict(analysis.terms)
    for concept in analysis.concepts:
        for phrase in (" ".join(word_tokens(p)) for p in concept.phrases):
            if not phrase or not any(f" {phrase} " in text for text in texts):
                continue
            for term, weight in shared_terms(phrase, concept.weight * USED_WEIGHT).items():
                if term in terms:
                    terms[term] = max(terms[term], weight)
    return terms
