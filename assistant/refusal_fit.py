"""Fitting the refusal model (`eduqa calibrate`): logistic regression by projected gradient
descent on standardised features (weights returned on the raw scale). Every weight is held to
its documented direction throughout the descent (a weight that would cross zero stays at zero):
a feature is never trusted the wrong way round, and the others are not refitted without it
one by one. Features left at zero are dropped from the stored model.

The cut: the one that refuses the most unanswerable rows while wrongly refusing at most
MAX_WRONG_REFUSALS of the answerable rows the model decides (and, when asked, none of the
answers the model it replaces gave). Why a cap and not the best balanced accuracy: with few
unanswerable rows, balanced accuracy values one more refused unanswerable question as much as
a dozen answerable ones refused — every such refit traded dev answers for one refusal.
Deterministic: the same rows give the same model."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from assistant.refusal import EXPECTED_SIGNS, FEATURES, RefusalModel

MAX_WRONG_REFUSALS = 0.03  # share of the answerable rows the model decides that the cut may refuse
CUTS = np.linspace(0.0, 0.95, 96)  # 0: the model refuses nothing (when no cut keeps the cap)


def _logistic(
    x: np.ndarray, y: np.ndarray, signs: np.ndarray, l2: float, steps: int
) -> tuple[np.ndarray, float]:
    """Weights held to `signs` (+1 / -1 per column) by projection after every step."""
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = (x - mean) / std
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        w -= 0.1 * (z.T @ (p - y) / len(y) + l2 * w / len(y))
        w[w * signs < 0] = 0.0  # a weight never points against its documented direction
        b -= 0.1 * float(np.mean(p - y))
    return w / std, b - float(np.sum(w * mean / std))


def fit_weights(
    rows: list[dict[str, float]],
    answerable: list[bool],
    l2: float = 1.0,
    steps: int = 4000,
    candidates: tuple[str, ...] = FEATURES,
    signs: Mapping[str, int] = EXPECTED_SIGNS,
) -> RefusalModel:
    """The model over those `candidates` that vary, each weight held to its documented
    direction (`signs`); the ones left at zero are dropped (cut not chosen yet)."""
    y = np.array(answerable, dtype=float)
    names = [n for n in candidates if len({r[n] for r in rows}) > 1]  # a constant tells nothing
    if names:
        x = np.array([[r[n] for n in names] for r in rows], dtype=float)
        weights, bias = _logistic(x, y, np.array([signs[n] for n in names], dtype=float), l2, steps)
        kept = [(float(w), n) for w, n in zip(weights, names, strict=True) if abs(w) > 1e-9]
        if kept:
            # the bias stays as fitted: a dropped feature's weight is exactly zero
            return RefusalModel(tuple(w for w, _ in kept), float(bias), 0.5, tuple(n for _, n in kept))
    prior = float(np.log((y.mean() + 1e-6) / (1 - y.mean() + 1e-6)))
    return RefusalModel((), prior, 0.5, ())


def cut_under_cap(
    probabilities: list[float],
    answerable: list[bool],
    cap: float = MAX_WRONG_REFUSALS,
    floor: float = 1.0,
) -> float:
    """The cut (at most `floor`) refusing the most unanswerable rows while refusing at most `cap`
    of the answerable ones; of equal recall, the lowest such cut (fewest wrong refusals)."""
    y = np.array(answerable, dtype=bool)
    probs = np.array(probabilities, dtype=float)
    best_cut, best = 0.0, (-1, 0)
    for cut in (c for c in CUTS if c <= floor):
        refused = probs < cut
        wrong = int(np.sum(refused[y]))
        if wrong <= cap * max(1, int(y.sum())) + 1e-9:
            score = (int(np.sum(refused[~y])), -wrong)
            if score > best:
                best_cut, best = float(cut), score
    return round(best_cut, 3)


def choose_cut(
    model: RefusalModel,
    rows: list[dict[str, float]],
    answerable: list[bool],
    keep: list[bool] | None = None,
    cap: float = MAX_WRONG_REFUSALS,
) -> float:
    """The cut under the cap on the rows' own probabilities, never refusing a row `keep`
    marks (the answers a model it replaces gave)."""
    probs = [model.probability(r) for r in rows]
    floor = min((p for p, k in zip(probs, keep, strict=True) if k), default=1.0) if keep else 1.0
    return cut_under_cap(probs, answerable, cap, floor)


def fit(
    rows: list[dict[str, float]],
    answerable: list[bool],
    l2: float = 1.0,
    candidates: tuple[str, ...] = FEATURES,
    signs: Mapping[str, int] = EXPECTED_SIGNS,
    keep: list[bool] | None = None,
    cap: float = MAX_WRONG_REFUSALS,
) -> RefusalModel:
    """The model over sign-held features and its cut (see the module's docstring); with
    `keep`, the cut never refuses a row it marks."""
    model = fit_weights(rows, answerable, l2, candidates=candidates, signs=signs)
    cut = choose_cut(model, rows, answerable, keep, cap)
    return RefusalModel(model.weights, model.bias, cut, model.names)
