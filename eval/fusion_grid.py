"""Choose the fusion gate on dev questions: every question's outcome at every grid point, then
the weight of each kind of question chosen on its own.

A question's fused ranking depends only on its own dense weight (its kind's), the passage gates,
`dense_only` and the RRF k; so one ranking per question per grid point gives every combination
of per-kind weights by look-up. A kind's weight must keep it at or above BM25's top 5 in every
language of every question set, and add at least MIN_GAIN questions to it, or stay 0.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant.fusion import QUESTION_KINDS, RRF_K, FusionWeights

DENSE_GRID = (0.0, 0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0)
RRF_K_GRID = (RRF_K, 20)
OCR_GATES = (True, False)
DENSE_ONLY_GRID = (1.0, 0.5)
TRANSLATED_GRID = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)  # 0: English questions are one kind
MIN_GAIN = 2  # dev questions a dense weight must add to the top 5: one is within a group's noise


@dataclass(frozen=True)
class Outcome:
    """One question at one setting: gold in the top 5, reciprocal rank of the gold (top 10)."""

    hit5: int
    rr10: float


@dataclass(frozen=True)
class Question:
    """What the choice needs of a dev question: where it is counted, and its analysis."""

    key: str  # set name + question id
    cell: tuple[str, str]  # (question set, language label): the unit never allowed to lose
    analysis: object


Ranker = Callable[[str, FusionWeights], Outcome]  # question key, weights -> outcome


def _kind_table(questions, ranker, base: FusionWeights, t: float) -> dict[str, dict[float, list]]:
    """Per kind, per weight: [(question, outcome)] for the kind's questions."""
    table: dict[str, dict[float, list]] = {k: {} for k in QUESTION_KINDS}
    for w in DENSE_GRID:
        weights = replace(base, dense=dict.fromkeys(QUESTION_KINDS, w), translated_below=t)
        for q in questions:
            table[weights.kind(q.analysis)].setdefault(w, []).append((q, ranker(q.key, weights)))
    return table


def _merit(rows: list, bm25: dict[str, Outcome]) -> tuple[bool, int, float]:
    """(never below BM25 in any cell, top-5 gain over BM25, MRR@10 gain)."""
    cells: dict[tuple, int] = {}
    for q, o in rows:
        cells[q.cell] = cells.get(q.cell, 0) + o.hit5 - bm25[q.key].hit5
    gain = sum(cells.values())
    mrr = sum(o.rr10 - bm25[q.key].rr10 for q, o in rows)
    return all(v >= 0 for v in cells.values()), gain, mrr


def _best_weight(by_weight: dict[float, list], bm25: dict[str, Outcome]) -> tuple[float, int, float]:
    """The kind's weight: safe, most gained (at least MIN_GAIN), then MRR, then the smallest."""
    best = (0.0, 0, 0.0)
    for w in DENSE_GRID[1:]:
        safe, gain, mrr = _merit(by_weight.get(w, []), bm25)
        if safe and gain >= MIN_GAIN and (gain, mrr) > best[1:]:
            best = (w, gain, mrr)
    return best


def departures(weights: FusionWeights) -> int:
    """How many of the gate's knobs leave the plain setting (RRF k 60, no OCR gate, dense-only
    candidates at full vote, English questions one kind)."""
    knobs = (weights.rrf_k != RRF_K, weights.ocr_gate, weights.dense_only != 1, weights.translated_below > 0)
    return sum(knobs)


def choose(questions: list[Question], ranker: Ranker) -> tuple[FusionWeights, dict]:
    """The gate with the most dev questions in the top 5 over every grid point, each knob that
    leaves the plain setting having to add MIN_GAIN questions of its own; then MRR@10, then the
    smaller weights. Each grid point is compared with BM25 at its own k and at k 60."""
    reference = {q.key: ranker(q.key, FusionWeights()) for q in questions}
    best: tuple[tuple, FusionWeights, int] | None = None
    for k, gate, only in itertools.product(RRF_K_GRID, OCR_GATES, DENSE_ONLY_GRID):
        base = FusionWeights(ocr_gate=gate, rrf_k=k, dense_only=only)
        bm25 = {q.key: ranker(q.key, FusionWeights(rrf_k=k)) for q in questions}
        k_safe, k_gain, _ = _merit([(q, bm25[q.key]) for q in questions], reference)
        if not k_safe:
            continue  # this k alone loses a cell: not a candidate
        for t in TRANSLATED_GRID:
            table = _kind_table(questions, ranker, base, t)
            kinds = [kd for kd in QUESTION_KINDS if t > 0 or kd != "en-untranslated"]
            chosen = {kind: _best_weight(table[kind], bm25) for kind in kinds}
            gain = sum(c[1] for c in chosen.values()) + k_gain
            mrr = sum(c[2] for c in chosen.values())
            weights = replace(base, dense={kd: c[0] for kd, c in chosen.items()}, translated_below=t)
            cost = departures(weights) * (MIN_GAIN - 1)
            key = (gain - cost, -departures(weights), round(mrr, 6), -sum(weights.dense.values()), -t)
            if best is None or key > best[0]:
                best = (key, weights, gain)
    assert best is not None
    return best[1], {"dev_gain_top5": best[2], "dev_gain_mrr10": best[0][2]}
