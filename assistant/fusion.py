"""Fusing the BM25 and dense rankings: weighted reciprocal rank fusion behind a gate.

Rank fusion is robust to BM25 and cosine scores living on different scales. How much the dense
ranking may vote, per kind of question and per passage, and the measured defaults, are in
assistant/fusion_weights.py; here the rankings are fused under those weights.
"""

from __future__ import annotations

from functools import lru_cache

from assistant.fusion_weights import DEFAULT_WEIGHTS, FusionWeights
from assistant.query import QueryAnalysis
from ingest.index import Hit
from ingest.text import diacritic_ratio

CLEAN_TEXT_RATIO = 0.25  # share of marked letters in ordinary Vietnamese text (measured: 0.3–0.4)


def wants_dense(mode: str, sparse: list[Hit], analysis: QueryAnalysis, weights: FusionWeights) -> bool:
    """Whether a search needs the dense ranking: dense mode, a dense vote for this kind of
    question, or hybrid where BM25 found nothing at all (the dense ranking then stands alone)."""
    return mode == "dense" or (mode == "hybrid" and (not sparse or bool(weights.dense_weight(analysis))))


def wants_rescore(mode: str, sparse: list[Hit], analysis: QueryAnalysis, weights: FusionWeights) -> bool:
    """Whether a hybrid search re-scores BM25's candidates with the model."""
    return mode == "hybrid" and bool(sparse) and bool(weights.rescore_weight(analysis))


@lru_cache(maxsize=8192)
def text_cleanliness(text: str) -> float:
    """1.0 for text with its diacritics, falling towards 0 for OCR text that lost them."""
    return min(1.0, diacritic_ratio(text) / CLEAN_TEXT_RATIO)


def fuse(
    sparse: list[Hit],
    dense: list[Hit],
    analysis: QueryAnalysis,
    weights: FusionWeights = DEFAULT_WEIGHTS,
    rescored: list[Hit] | None = None,
) -> dict[str, tuple[float, dict]]:
    """Point id -> (fused score, payload) over the rankings (any may be empty; dense alone is
    ranked as it is, ungated); `rescored` (BM25's candidates by cosine) votes with the kind's
    rescore weight."""
    vote = weights.rescore_weight(analysis) if sparse else 0.0
    window = weights.rescore_shift(analysis) if sparse else 0.0
    shifts = rank_shifts(rescored or [], window) if window else {}
    fused: dict[str, tuple[float, dict]] = {}
    for rank, hit in enumerate(sparse):
        score, _ = fused.get(hit.id, (0.0, hit.payload))
        moved = max(weights.rrf_k + rank - shifts.pop(hit.id, 0.0) + 1, 1.0)
        fused[hit.id] = (score + 1.0 / moved, hit.payload)
    found = set(fused)
    base = weights.dense_weight(analysis) if sparse else 1.0
    for rank, hit in enumerate(dense):
        weight = base * _passage_gate(hit, weights, found) if sparse else base
        score, _ = fused.get(hit.id, (0.0, hit.payload))
        fused[hit.id] = (score + weight / (weights.rrf_k + rank + 1), hit.payload)
    for rank, hit in enumerate((rescored or []) if vote and not window else []):
        score, payload = fused.get(hit.id, (0.0, hit.payload))
        fused[hit.id] = (score + vote / (weights.rrf_k + rank + 1), payload)
    if weights.keep_first and sparse and (dense or rescored):
        for place, hit in enumerate(sparse[: weights.keep_top]):
            keep_first(fused, hit.id, weights.keep_first + place)
    return fused


def keep_first(fused: dict[str, tuple[float, dict]], first: str, places: int) -> None:
    """Raise BM25's first passage to just above the `places`-th best other one where the model's
    votes pushed it lower: what BM25 ranks first is what it ranks most confidently."""
    others = sorted((score for pid, (score, _) in fused.items() if pid != first), reverse=True)
    score, payload = fused[first]
    if len(others) >= places and score <= others[places - 1]:
        fused[first] = (others[places - 1] * (1 + 1e-9), payload)


def rank_shifts(rescored: list[Hit], window: float) -> dict[str, float]:
    """How many ranks each of BM25's passages moves under the re-score's bounded window: up to
    `window` places up for the model's first, as many down for its last, in proportion between.
    No passage can then pass one more than twice the window above it in BM25's order, so what
    BM25 ranks first stays near the top and a paraphrase it placed low can still rise."""
    last = max(len(rescored) - 1, 1)
    return {hit.id: window * (1.0 - 2.0 * rank / last) for rank, hit in enumerate(rescored)}


def _passage_gate(hit: Hit, weights: FusionWeights, found: set[str]) -> float:
    gate = text_cleanliness(hit.payload.get("text", "")) if weights.ocr_gate else 1.0
    return gate if hit.id in found else gate * weights.dense_only
