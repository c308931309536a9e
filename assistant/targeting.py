"""Candidates from the documents a question names, and the chunks that state the fact it asks.

The BM25 candidates of the whole index may hold none of a named document's passages (an English
question, a common topic shared by hundreds of distractors): the same query is run again inside
the named documents and its hits merged in (BM25 scores of one query are comparable across the
two searches). A question about the document itself ("who signed …") also gets a short ranking
of the chunks that state such facts, searched with the words directives use for them ("Người
ký", "Căn cứ", "Nơi nhận", "hiệu lực", the date line); search fuses it like any other ranking.
"""

from __future__ import annotations

from assistant.document_facts import BASIS, DATE, EFFECTIVE, RECIPIENTS, SIGNER, states_fact
from ingest.index import ChunkIndex, Hit
from ingest.text import bm25_terms

FACT_CANDIDATES = 10
_FACT_WORDS = {
    SIGNER: "người ký",
    DATE: "số ngày tháng năm",
    EFFECTIVE: "có hiệu lực thi hành",
    BASIS: "căn cứ",
    RECIPIENTS: "nơi nhận",
}


def with_named(index: ChunkIndex, terms: dict[str, float], sparse: list[Hit], sources: list[str],
               limit: int) -> list[Hit]:  # fmt: skip
    """The BM25 candidates with the named documents' own best hits merged in, by score."""
    if not sources or not terms:
        return sparse
    inside = index.sparse_search(terms, limit, {"source": list(sources)})
    merged = {h.id: h for h in sparse} | {h.id: h for h in inside}
    return sorted(merged.values(), key=lambda h: h.score, reverse=True)


def fact_ranking(index: ChunkIndex, fact: str, sources: list[str]) -> list[Hit]:
    """Chunks of these documents that use the words stating the asked fact, best first."""
    if not fact or not sources:
        return []
    terms = dict.fromkeys(bm25_terms(_FACT_WORDS[fact]), 1.0)
    hits = index.sparse_search(terms, FACT_CANDIDATES, {"source": list(sources)})
    return [h for h in hits if states_fact(fact, h.payload)]
