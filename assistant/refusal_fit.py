"""Fitting the refusal model (`eduqa calibrate`): logistic regression by gradient descent on
standardised features (weights returned on the raw scale), features whose weight contradicts
their documented direction dropped one at a time and the rest refitted, then the cut that
maximises balanced accuracy while refusing at most MAX_WRONG_REFUSALS of the answerable rows
(and, when asked, none of the answers the model it replaces gave).
Deterministic: the same rows give the same model."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from assistant.refusal import EXPECTED_SIGNS, FEATURES, RefusalModel

MAX_WRONG_REFUSALS = 0.10
CUTS = np.linspace(0.05, 0.95, 91)


def _logistic(x: np.ndarray, y: np.ndarray, l2: float, steps: int) -> tuple[np.ndarray, float]:
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = (x - mean) / std
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        w -= 0.1 * (z.T @ (p - y) / len(y) + l2 * w / len(y))
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
    """The model over those `candidates` whose fitted signs (`signs`: each one's documented
    direction) are plausible (cut not chosen yet)."""
    y = np.array(answerable, dtype=float)
    names = [n for n in candidates if len({r[n] for r in rows}) > 1]  # a constant tells nothing
    while names:
        x = np.array([[r[n] for n in names] for r in rows], dtype=float)
        weights, bias = _logistic(x, y, l2, steps)
        wrong = [(w * signs[n], n) for w, n in zip(weights, names, strict=True) if w * signs[n] < 0]
        if not wrong:
            return RefusalModel(tuple(float(v) for v in weights), float(bias), 0.5, tuple(names))
        names.remove(min(wrong)[1])  # the most implausible one goes first
    prior = float(np.log((y.mean() + 1e-6) / (1 - y.mean() + 1e-6)))
    return RefusalModel((), prior, 0.5, ())


def choose_cut(
    model: RefusalModel,
    rows: list[dict[str, float]],
    answerable: list[bool],
    refused_before: int = 0,
    keep: list[bool] | None = None,
) -> float:
    """The cut with the best balanced accuracy whose wrong refusals stay within the limit,
    counting the `refused_before` answerable questions that rules refused before the model,
    and that still answers every row `keep` marks (the answers a model it replaces gave)."""
    y = np.array(answerable, dtype=bool)
    probs = np.array([model.probability(r) for r in rows])
    floor = min((p for p, k in zip(probs, keep, strict=True) if k), default=1.0) if keep else 1.0
    best_cut, best = float(CUTS[0]), -1.0
    for cut in (c for c in CUTS if c <= floor):
        answered = probs >= cut
        tpr = float(np.mean(answered[y])) if y.any() else 0.0
        tnr = float(np.mean(~answered[~y])) if (~y).any() else 0.0
        wrong = (int(np.sum(~answered[y])) + refused_before) / max(1, int(y.sum()) + refused_before)
        if wrong <= MAX_WRONG_REFUSALS and (tpr + tnr) / 2 > best:
            best_cut, best = float(cut), (tpr + tnr) / 2
    return round(best_cut, 3)


def fit(
    rows: list[dict[str, float]],
    answerable: list[bool],
    refused_before: int = 0,
    l2: float = 1.0,
    candidates: tuple[str, ...] = FEATURES,
    signs: Mapping[str, int] = EXPECTED_SIGNS,
    keep: list[bool] | None = None,
) -> RefusalModel:
    """The model over plausible-signed features and its cut (see the module's docstring); with
    `keep`, the cut never refuses a row it marks."""
    model = fit_weights(rows, answerable, l2, candidates=candidates, signs=signs)
    cut = choose_cut(model, rows, answerable, refused_before, keep)
    return RefusalModel(model.weights, model.bias, cut, model.names)
