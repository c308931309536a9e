"""Choose the fusion gate on dev questions: every question's outcome at every grid point, then
the weights of each kind of question chosen on their own.

A question's fused ranking depends only on its own kind's weights (the dense ranking's, the
re-score's and the re-score's window: by reciprocal rank, or a shift of at most rescore × window
of BM25's ranks), the passage gates, `dense_only`, the RRF k and, for English, whether its
Vietnamese rendering is a second query; so one ranking per question per grid point gives every
combination of per-kind weights by look-up. A kind's pair must keep it at or above BM25's top 5
in every language of every question set, and add at least MIN_GAIN questions to it, or stay 0.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from assistant.fusion_weights import QUESTION_KINDS, RRF_K, FusionWeights

DENSE_GRID = (0.0, 0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0)
RESCORE_GRID = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5)  # BM25's candidates by cosine
WINDOW_GRID = (0.0, 4.0, 8.0)  # 0: the re-score votes by reciprocal rank; else a bounded shift
# (dense, rescore, window) per kind; a window only where there is a re-score
PAIRS = tuple((w, rw, win) for w, rw, win in itertools.product(DENSE_GRID, RESCORE_GRID, WINDOW_GRID)
              if rw or not win)  # fmt: skip
VIETNAMESE_QUERY = (False, True)
RRF_K_GRID = (RRF_K, 20)
# the OCR gate and a half vote for dense-only candidates were measured on both groups and never
# chosen (README "Dense vectors and fusion"); `--full` puts them back in the grid
OCR_GATES = (False,)
DENSE_ONLY_GRID = (1.0,)
FULL_GRID = {"ocr_gate": (True, False), "dense_only": (1.0, 0.5)}
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


def _kind_table(questions, ranker, base: FusionWeights, t: float) -> dict[str, dict[tuple, list]]:
    """Per kind, per (dense, rescore, window): [(question, outcome)] for the kind's questions."""
    table: dict[str, dict[tuple, list]] = {k: {} for k in QUESTION_KINDS}
    for w, rw, win in PAIRS:
        every = partial(dict.fromkeys, QUESTION_KINDS)
        weights = replace(base, dense=every(w), rescore=every(rw), window=every(win), translated_below=t)
        for q in questions:
            table[weights.kind(q.analysis)].setdefault((w, rw, win), []).append((q, ranker(q.key, weights)))
    return table


def _merit(rows: list, bm25: dict[str, Outcome]) -> tuple[bool, int, float]:
    """(never below BM25 in any cell, top-5 gain over BM25, MRR@10 gain)."""
    cells: dict[tuple, int] = {}
    for q, o in rows:
        cells[q.cell] = cells.get(q.cell, 0) + o.hit5 - bm25[q.key].hit5
    gain = sum(cells.values())
    mrr = sum(o.rr10 - bm25[q.key].rr10 for q, o in rows)
    return all(v >= 0 for v in cells.values()), gain, mrr


def _best_weight(by_pair: dict[tuple, list], bm25: dict[str, Outcome]) -> tuple[tuple, int, float]:
    """The kind's (dense, rescore, window): safe, most gained (at least MIN_GAIN), then MRR, then
    the smallest weights (a window, bounding the re-score, before none)."""
    best: tuple[tuple, int, float] = ((0.0, 0.0, 0.0), 0, 0.0)
    for pair in sorted(PAIRS[1:], key=lambda p: (p[0] + p[1], -p[2])):
        safe, gain, mrr = _merit(by_pair.get(pair, []), bm25)
        if safe and gain >= MIN_GAIN and (gain, mrr) > best[1:]:
            best = (pair, gain, mrr)
    return best


def departures(weights: FusionWeights) -> int:
    """How many of the gate's knobs leave the plain setting (RRF k 60, no OCR gate, dense-only
    candidates at full vote, English questions one kind, one query vector)."""
    knobs = (weights.rrf_k != RRF_K, weights.ocr_gate, weights.dense_only != 1, weights.translated_below > 0,
             weights.vietnamese_query)  # fmt: skip
    return sum(knobs)


def choose(questions: list[Question], ranker: Ranker, full: bool = False) -> tuple[FusionWeights, dict]:
    """The gate with the most dev questions in the top 5 over every grid point, each knob that
    leaves the plain setting having to add MIN_GAIN questions of its own; then MRR@10, then the
    smaller weights. Each grid point is compared with BM25 at its own k and at k 60."""
    reference = {q.key: ranker(q.key, FusionWeights()) for q in questions}
    best: tuple[tuple, FusionWeights, int] | None = None
    gates, onlies = (FULL_GRID["ocr_gate"], FULL_GRID["dense_only"]) if full else (OCR_GATES, DENSE_ONLY_GRID)
    for k, gate, only, vq in itertools.product(RRF_K_GRID, gates, onlies, VIETNAMESE_QUERY):
        base = FusionWeights(ocr_gate=gate, rrf_k=k, dense_only=only, vietnamese_query=vq)
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
            dense, rescore, window = ({kd: c[0][i] for kd, c in chosen.items()} for i in (0, 1, 2))
            weights = replace(base, dense=dense, rescore=rescore, window=window, translated_below=t)
            cost = departures(weights) * (MIN_GAIN - 1)
            spent = sum(weights.dense.values()) + sum(weights.rescore.values())
            key = (gain - cost, -departures(weights), round(mrr, 6), -spent, -t)
            if best is None or key > best[0]:
                best = (key, weights, gain)
    assert best is not None
    return best[1], {"dev_gain_top5": best[2], "dev_gain_mrr10": best[0][2]}
