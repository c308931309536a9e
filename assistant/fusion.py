"""Fusing the BM25 and dense rankings: weighted reciprocal rank fusion.

Rank fusion is robust to BM25 and cosine scores living on different scales. The weights are
measured, not assumed: `python -m eval.tune_fusion` chooses them on the dev part of the question
sets and reports them on the held-out part. A dense weight must add at least two dev questions
to the top 5 without losing any language; it is per question language, optionally scaled by how
much of a passage still carries its diacritics (OCR text that lost them is where the model is
weakest).

Measured on the seeds with the bundled 4-bit multilingual-e5-small (held-out = the `test`
split): dense alone reaches hit@5 0.54 against BM25's 0.90, weakest on OCR text and on English.
The rule above picked, on dev, no English weight and a Vietnamese weight of 0.25 with the OCR
gate (+2 dev questions); on the held-out split that lost one Vietnamese question from the top 5
(MRR@10 0.80 -> 0.83), so the dense vote is not adopted: it is off in `hybrid` until a model or
corpus earns it on held-out questions (`EDUQA_FUSION_DENSE_WEIGHTS` sets it), and the dense
ranking stays available as `mode="dense"`. A smaller RRF k (20) measured better for BM25 itself
on both splits (its top ranks weigh more against the year, level and province boosts) but moves
the answer of figure questions, so k stays 60 here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ingest.index import Hit
from ingest.text import diacritic_ratio

RRF_K = 60
CLEAN_TEXT_RATIO = 0.25  # share of marked letters in ordinary Vietnamese text (measured: 0.3–0.4)


@dataclass(frozen=True)
class FusionWeights:
    """Weight of each ranking's reciprocal rank; BM25 is the unit."""

    dense: dict[str, float] = field(default_factory=lambda: {"vi": 0.0, "en": 0.0})
    ocr_gate: bool = False  # scale a passage's dense vote by how clean its text reads
    rrf_k: int = RRF_K  # smaller: the top ranks of each list weigh more against the rest

    def dense_weight(self, language: str) -> float:
        return self.dense.get(language, self.dense.get("vi", 0.0))


DEFAULT_WEIGHTS = FusionWeights()


@lru_cache(maxsize=8192)
def text_cleanliness(text: str) -> float:
    """1.0 for text with its diacritics, falling towards 0 for OCR text that lost them."""
    return min(1.0, diacritic_ratio(text) / CLEAN_TEXT_RATIO)


def fuse(
    sparse: list[Hit],
    dense: list[Hit],
    language: str,
    weights: FusionWeights = DEFAULT_WEIGHTS,
) -> dict[str, tuple[float, dict]]:
    """Point id -> (fused score, payload) over both rankings (either may be empty)."""
    fused: dict[str, tuple[float, dict]] = {}
    for rank, hit in enumerate(sparse):
        score, _ = fused.get(hit.id, (0.0, hit.payload))
        fused[hit.id] = (score + 1.0 / (weights.rrf_k + rank + 1), hit.payload)
    dense_weight = weights.dense_weight(language) if sparse else 1.0
    for rank, hit in enumerate(dense):
        weight = dense_weight
        if weights.ocr_gate and sparse:
            weight *= text_cleanliness(hit.payload.get("text", ""))
        score, _ = fused.get(hit.id, (0.0, hit.payload))
        fused[hit.id] = (score + weight / (weights.rrf_k + rank + 1), hit.payload)
    return fused


def weights_for(dense: dict[str, float] | None) -> FusionWeights:
    """The measured defaults, or the given dense weights per question language."""
    return DEFAULT_WEIGHTS if dense is None else FusionWeights(dense=dict(dense))
