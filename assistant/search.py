"""Hybrid retrieval: BM25 and dense candidates from Qdrant, fused by reciprocal rank, weighed by
the question's years and school levels, duplicates collapsed onto the clean copy, and each
passage given an `evidence` score (how much of the question it covers) for abstention."""

from __future__ import annotations

import logging
import math
from collections.abc import Collection, Mapping
from functools import partial
from types import MappingProxyType
from typing import Protocol

from assistant.answer_ranking import add_figure_ranking, content_question, is_header_part
from assistant.constraint_fits import number_fits, province_fits, year_fits
from assistant.copies import Passage, collapse_duplicates
from assistant.copies import passage_from_payload as _passage
from assistant.dense_rankings import dense_rankings, guide_ranking
from assistant.document_facts import states_fact
from assistant.fusion import DEFAULT_WEIGHTS, FusionWeights, fuse
from assistant.levels import levels_in
from assistant.query import QueryAnalysis
from assistant.rendering_choice import chosen_terms
from assistant.row_names import names_row
from assistant.targeting import fact_ranking, with_named
from ingest.index import ChunkIndex, Filters, Hit
from ingest.text import fold_accents, word_tokens

log = logging.getLogger(__name__)
MAX_RARITY = 6.0
CANDIDATES = 50
# chosen on the dev groups of both sets by `python -m eval.tune_lifts`; see README "Benchmark"
LIFTS = MappingProxyType({"province": 0.2, "year": 0.05, "year_heading": 0.2, "number": 0.1, "type": 0.1,
                          "level": 0.05, "header": 0.0, "document": 1.0, "fact": 1.0,
                          "row_name": 0.2, "figure": 1.0})  # fmt: skip
# row_name: dev hits@5 / MRR@10 of the development corpus 0.762/0.641 at 0, 0.794/0.677 from 0.2 to
# 1.0 (seeds unchanged); the smallest value on that plateau
FILTER_KEYS = {"source": "source", "document": "source", "province": "doc.province",
               "type": "doc.type", "year": "doc_year"}  # fmt: skip


class Reranker(Protocol):
    def predict(self, pairs: list[tuple[str, str]]) -> list[float]: ...


def build_filter(filters: dict[str, str] | None) -> Filters | None:
    """The request's filters as the index's plain {payload key: value}."""
    if not filters:
        return None
    unknown = set(filters) - set(FILTER_KEYS)
    if unknown:
        raise ValueError(f"unknown filter keys: {sorted(unknown)}; known: {sorted(FILTER_KEYS)}")
    plain: Filters = {FILTER_KEYS[k]: str(v) for k, v in filters.items() if v not in (None, "")}
    return plain or None


def concept_coverage(
    analysis: QueryAnalysis, passage_text: str, idf: dict[str, float], skip_years: bool = False
) -> list[tuple[float, bool]]:
    """(rarity weight, expressed?) for each of the question's concepts in the passage."""
    tokens = word_tokens(passage_text)
    text = " " + " ".join(tokens) + " "
    out = []
    for concept in analysis.concepts:
        if concept.constraint or (skip_years and concept.name in analysis.years):
            continue
        phrases = [p for p in (" ".join(word_tokens(p)) for p in concept.phrases) if p]
        if not phrases:
            continue
        rarity = max(idf.get(p.split()[0], 3.0) for p in phrases)
        found = any(f" {p} " in text for p in phrases) or any(ocr_match(p, tokens) for p in phrases)
        out.append((concept.weight * min(rarity, MAX_RARITY), found))
    return out


def evidence(
    analysis: QueryAnalysis, passage_text: str, idf: dict[str, float], skip_years: bool = False
) -> float:
    """Share of the question's concepts (weighted by rarity) that the passage expresses."""
    coverage = concept_coverage(analysis, passage_text, idf, skip_years)
    total = sum(w for w, _ in coverage)
    return sum(w for w, found in coverage if found) / total if total else 0.0


def missing_rarity(analysis: QueryAnalysis, passage_text: str, idf: dict[str, float]) -> float:
    """The rarest question concept the passage does not express (0..1): a rare word missing is
    the mark of a question the passage only seems to answer."""
    missing = [w for w, found in concept_coverage(analysis, passage_text, idf) if not found]
    return max(missing, default=0.0) / MAX_RARITY


def near(word: str, token: str) -> bool:
    """One OCR slip apart ('truong'/'truing', 'quoc'/'qu6c'), for words long enough to tell."""
    if len(word) < 4 or word[0] != token[0] or abs(len(word) - len(token)) > 1 or word.isdigit():
        return False
    if len(word) == len(token):
        return sum(a != b for a, b in zip(word, token, strict=True)) == 1
    short, long = (word, token) if len(word) < len(token) else (token, word)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def ocr_match(phrase: str, tokens: list[str]) -> bool:
    """The phrase's words in a row, each exact or one OCR slip away."""
    words = phrase.split()
    if not words or len(words) > len(tokens):
        return False
    head = words[0][0]
    for start in range(len(tokens) - len(words) + 1):
        if tokens[start][0] != head:  # exact or one slip: both keep the first letter
            continue
        if all(w == t or near(w, t) for w, t in zip(words, tokens[start:], strict=False)):
            return True
    return False


def boost(
    analysis: QueryAnalysis,
    payload: dict,
    lifts: Mapping[str, float] | None = None,
    fact_sources: Collection[str] = (),
) -> float:
    """A small lift for passages whose document fits the question's constraints (province, year,
    document number and type, school level) — small enough never to push the item that states
    the answer out of the top (a fused score is about 1/(60 + rank): 10% is a few ranks)."""
    lifts = lifts or LIFTS
    c = analysis.constraints
    doc = payload.get("doc") or {}
    text = payload.get("index_text") or payload.get("text", "")
    factor = 1.0
    if c.provinces and doc.get("province"):
        factor *= 1 + lifts["province"] if province_fits(doc, c.provinces) else 1 - lifts["province"]
    if c.years and year_fits(text, doc, c.years):
        factor *= 1 + lifts["year"]
        if any(y in payload.get("heading_path", "") for y in c.years):
            factor *= 1 + lifts["year_heading"]  # "Chỉ tiêu đến năm 2025": the year heads the item
    if c.doc_numbers and number_fits(doc, c.doc_numbers):
        factor *= 1 + lifts["number"]
    if c.doc_types and doc.get("type") in c.doc_types:
        factor *= 1 + lifts["type"]
    if analysis.levels and set(analysis.levels) & set(levels_in(fold_accents(text))):
        factor *= 1 + lifts["level"]
    if names_row(analysis.question, payload):
        factor *= 1 + lifts.get("row_name", 0.0)  # the question names this table row in full
    if c.documents and payload.get("source") in c.documents:
        factor *= 1 + lifts["document"]  # the question names this document
    if c.fact and payload.get("source") in fact_sources and states_fact(c.fact, payload):
        factor *= 1 + lifts["fact"]  # the chunk stating the asked signer, date, "Căn cứ" …
    elif is_header_part(payload) and content_question(analysis):
        factor *= 1 - lifts["header"]  # a header repeats the title's words, never states a figure
    return factor


def search(
    index: ChunkIndex,
    analysis: QueryAnalysis,
    *,
    embedder=None,
    reranker: Reranker | None = None,
    filters: dict[str, str] | None = None,
    limit: int = 20,
    idf: dict[str, float] | None = None,
    mode: str = "hybrid",
    weights: FusionWeights | None = None,
    lifts: Mapping[str, float] | None = None,
) -> list[Passage]:
    """Ranked passages for a question; `mode` is hybrid, bm25 or dense (for the benchmark);
    `lifts` other than LIFTS only to measure them (eval.tune_lifts)."""
    flt = build_filter(filters)
    weights = weights or DEFAULT_WEIGHTS
    guide = guide_ranking(index, embedder, analysis, weights, mode=mode, limit=CANDIDATES, filters=flt)
    terms = chosen_terms(analysis, guide, weights.choose_renderings)  # English: the senses used here
    sparse: list[Hit] = []
    if mode in ("hybrid", "bm25"):
        sparse = index.sparse_search(terms, CANDIDATES, flt)
        if not flt:
            sparse = with_named(index, terms, sparse, analysis.constraints.documents, CANDIDATES)
    dense = dense_rankings(index, embedder, analysis, sparse, weights, mode=mode, limit=CANDIDATES,
                           filters=flt, ranked_already=guide)  # fmt: skip
    fused = fuse(sparse, dense.ranked, analysis, weights, dense.rescored)
    sources = add_fact_ranking(index, analysis, fused, weights.rrf_k, lifts) if not flt else []
    lifted = partial(boost, analysis, lifts=lifts)
    add_figure_ranking(index, analysis, fused, weights.rrf_k, (lifts or LIFTS)["figure"], lifted)
    passages = [
        _passage(pid, score * boost(analysis, payload, lifts, sources), payload)
        for pid, (score, payload) in fused.items()
    ]
    passages = sorted(collapse_duplicates(index, passages), key=lambda p: p.score, reverse=True)
    if reranker is not None and passages:
        passages = rerank(reranker, analysis.question, passages[:limit])
    passages = passages[:limit]
    for p in passages:  # only the passages returned are judged: evidence is the costly part
        p.evidence = evidence(analysis, p.index_text, idf or {})
    return passages


def add_fact_ranking(
    index: ChunkIndex, analysis: QueryAnalysis, fused: dict, rrf_k: int, lifts: Mapping[str, float] | None
) -> list[str]:
    """Fuse in the chunks stating the asked fact, from the named documents or else the document
    of the best passage so far; returns those documents."""
    fact, sources = analysis.constraints.fact, analysis.constraints.documents
    if not fact:
        return []
    if not sources and fused:
        best = max(fused.values(), key=lambda sp: sp[0] * boost(analysis, sp[1], lifts))
        sources = [best[1].get("source", "")]
    for rank, hit in enumerate(fact_ranking(index, fact, sources)):
        score, _ = fused.get(hit.id, (0.0, hit.payload))
        fused[hit.id] = (score + 1.0 / (rrf_k + rank + 1), hit.payload)
    return list(sources)


def rerank(reranker: Reranker, question: str, passages: list[Passage]) -> list[Passage]:
    scores = reranker.predict([(question, p.index_text) for p in passages])
    for p, s in zip(passages, scores, strict=True):
        p.score = float(s)
    return sorted(passages, key=lambda p: p.score, reverse=True)


def load_reranker(name: str | None, device: str = "cpu") -> Reranker | None:
    """A CrossEncoder from disk, or None with one clear log line when it is not there."""
    if not name:
        return None
    try:
        from sentence_transformers import CrossEncoder

        return CrossEncoder(name, device=device, local_files_only=True)  # type: ignore[return-value]
    except Exception as exc:
        log.warning(
            "Reranker %r is not available offline (%s); ranking without it.",
            name,
            type(exc).__name__,
        )
        return None


def idf_table(df: dict[str, int], n_docs: int) -> dict[str, float]:
    return {t: math.log(1 + (n_docs - d + 0.5) / (d + 0.5)) for t, d in df.items()}
