"""One question's BM25 and dense candidate lists, fetched once from a set's index, and the
ranking search() would give them under a fusion gate (eval/tune_fusion.py grids the gates)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from assistant.answer_ranking import add_figure_ranking
from assistant.copies import Passage, collapse_duplicates
from assistant.copies import passage_from_payload as _passage
from assistant.dense_rankings import merge_rankings, query_texts, rescore
from assistant.fusion import fuse, wants_dense, wants_rescore
from assistant.fusion_weights import DEFAULT_WEIGHTS, FusionWeights
from assistant.query import QueryAnalysis, analyse
from assistant.rendering_choice import chosen_terms
from assistant.search import CANDIDATES, LIFTS, add_fact_ranking, boost
from assistant.targeting import with_named
from eval.fusion_grid import Outcome
from eval.gold import resolve_gold
from eval.metrics import qrels_entry, ranked_keys
from ingest.index import ChunkIndex, Hit

EVERY_QUERY = FusionWeights(vietnamese_query=True)  # fetch every query text's rankings once


@dataclass
class Candidates:
    """One question's analysis, gold and BM25 and dense candidate lists, fetched once."""

    question: dict
    analysis: QueryAnalysis
    sparse: list[Hit]
    dense: list[list[Hit]]  # per query text (the question; for English, its rendering too)
    rescored: list[list[Hit]]  # BM25's candidates by cosine, per query text
    gold: dict[str, int]  # qrels entry: gold keys (source#section) or chunk ids
    by_id: bool  # gold given as chunk ids (quotes resolved) rather than sections
    index: ChunkIndex  # the set's index (for duplicate collapsing)
    key: str = ""  # set name + question id
    # English, hybrid with `choose_renderings`: BM25's candidates and their re-scores when BM25
    # weighs the renderings the model's first passages use (as search() does), else None
    guided: tuple[list[Hit], list[list[Hit]]] | None = None


class SearchCache:
    """The index with its BM25 searches remembered: the grid ranks each question hundreds of
    times, and the asked figure's and fact's rankings search the same document each time."""

    def __init__(self, index: ChunkIndex):
        self._index = index
        self._hits: dict[tuple, list[Hit]] = {}

    def sparse_search(self, terms: dict[str, float], limit: int, filters=None) -> list[Hit]:
        key = (tuple(sorted(terms.items())), limit, json.dumps(filters, sort_keys=True, default=str))
        if key not in self._hits:
            self._hits[key] = self._index.sparse_search(terms, limit, filters)
        return list(self._hits[key])

    def __getattr__(self, name: str):
        return getattr(self._index, name)


def fetch(
    service, questions: list[dict], glossary: bool = True, set_name: str = "",
    choose: int = DEFAULT_WEIGHTS.choose_renderings,
) -> list[Candidates]:  # fmt: skip
    """Candidates for the questions that have gold: by section, or by quote resolved to chunks;
    for English, also with the renderings the model's first `choose` passages use."""
    chunks_of = lru_cache(maxsize=None)(service.chunks)
    index = SearchCache(service.index)  # duplicate collapsing's look-ups are in-process and cheap
    out = []
    for q in questions:
        if not q.get("gold"):
            continue
        by_id = any("quote" in g for g in q["gold"])
        gold = dict.fromkeys(resolve_gold(q["gold"], chunks_of), 1) if by_id else qrels_entry(q["gold"])
        analysis = analyse(q["question"], service.profile, use_glossary=glossary)
        sparse = service.index.sparse_search(analysis.terms, CANDIDATES)
        sparse = with_named(index, analysis.terms, sparse, analysis.constraints.documents, CANDIDATES)
        vectors = [service.embedder.embed_query(t) for t in query_texts(analysis, EVERY_QUERY)]
        dense = [service.index.dense_search(v, CANDIDATES) for v in vectors]
        rescored = [rescore(service.index, v, sparse) for v in vectors]
        key = f"{set_name}:{q['id']}"
        guided = _guided(service, index, analysis, dense[0], vectors, choose)
        out.append(Candidates(q, analysis, sparse, dense, rescored, gold, by_id, index, key, guided))
    return out


def _guided(service, index, analysis: QueryAnalysis, ranked: list[Hit], vectors: list, passages: int):
    """BM25's candidates (and re-scores) with the renderings chosen by the model's ranking."""
    terms = chosen_terms(analysis, ranked, passages)
    if terms is analysis.terms:
        return None
    sparse = service.index.sparse_search(terms, CANDIDATES)
    sparse = with_named(index, terms, sparse, analysis.constraints.documents, CANDIDATES)
    return sparse, [rescore(service.index, v, sparse) for v in vectors]


def ranking(c: Candidates, mode: str, weights: FusionWeights) -> list[Passage]:
    """search()'s order (fusion, the asked fact's and figure's chunks, boosts, duplicates collapsed) without
    the evidence scores."""
    sparse, rescores = c.sparse if mode in ("bm25", "hybrid") else [], c.rescored
    if mode == "hybrid" and weights.choose_renderings and c.guided:
        sparse, rescores = c.guided
    used = len(query_texts(c.analysis, weights))  # as search(): dense_rankings()
    dense = merge_rankings(c.dense[:used]) if wants_dense(mode, sparse, c.analysis, weights) else []
    rescored = merge_rankings(rescores[:used]) if wants_rescore(mode, sparse, c.analysis, weights) else []
    fused = fuse(sparse, dense, c.analysis, weights, rescored)
    sources = add_fact_ranking(c.index, c.analysis, fused, weights.rrf_k, None)
    add_figure_ranking(c.index, c.analysis, fused, weights.rrf_k, LIFTS["figure"], partial(boost, c.analysis))
    passages = [_passage(pid, s * boost(c.analysis, p, None, sources), p) for pid, (s, p) in fused.items()]
    return sorted(collapse_duplicates(c.index, passages), key=lambda p: p.score, reverse=True)[:20]


def run_keys(c: Candidates, passages: list[Passage]) -> list[str]:
    return [p.id for p in passages] if c.by_id else ranked_keys(passages)


def outcome(c: Candidates, weights: FusionWeights) -> Outcome:
    """Gold in the top 5, and the reciprocal rank of the first gold in the top 10."""
    keys = ranked_keys(run_keys(c, ranking(c, "hybrid", weights)))[:10]
    rank = next((i for i, key in enumerate(keys) if key in c.gold), None)
    return Outcome(int(rank is not None and rank < 5), 0.0 if rank is None else 1.0 / (rank + 1))


def open_set(name: str, corpus: Path | None):
    """A service over the set's own index, ingested if needed."""
    from assistant.service import AssistantService
    from assistant.settings import Settings
    from eval.sets import settings_for

    settings, root = settings_for(name, Settings(), corpus)
    service = AssistantService(settings, owner="eduqa tune-fusion")
    if service.embedder is None:
        service.close()
        raise SystemExit("no dense model loaded: nothing to fuse")
    if root is not None:
        from eval.setcorpus import prepare_index

        prepare_index(service, root)
    elif service.is_stale():
        service.ingest()
    return service
