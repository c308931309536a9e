"""Fusing the BM25 and dense rankings: weighted reciprocal rank fusion.

Rank fusion is robust to BM25 and cosine scores living on different scales. The weights are
measured, not assumed (`python -m eval.tune_fusion`): chosen on the dev split of the question set
and reported on the held-out split. What the measurements showed:
- the dense model is weak on OCR text that lost its diacritics, so a passage's dense vote is
  scaled by how much of its text still carries Vietnamese marks (`diacritic_ratio`);
- the dense model matters most for English questions, whose words BM25 can only reach through
  the glossary, so its weight depends on the question's language.
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

    dense: dict[str, float] = field(default_factory=lambda: {"vi": 0.5, "en": 1.0})
    ocr_gate: bool = True  # scale a passage's dense vote by how clean its text reads
    rrf_k: int = RRF_K  # smaller: the top ranks of each list weigh more against the rest

    def dense_weight(self, language: str) -> float:
        return self.dense.get(language, self.dense.get("vi", 1.0))


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
