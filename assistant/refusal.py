"""Calibrated refusal: the probability that the passages answer, from evidence features, by a
logistic regression fitted on the dev group of documents (`eduqa calibrate` writes
refusal.json beside this module; numpy only)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.query import UNTRANSLATED_WEIGHT, QueryAnalysis
from assistant.search import Passage, evidence, missing_rarity
from assistant.sentences import has_quantity, split_sentences

MODEL_PATH = Path(__file__).with_name("refusal.json")
FEATURES = ("best_evidence", "top_evidence", "second_evidence", "fit_share", "figure_sentence",
            "untranslated", "score_gap", "asks_quantity", "missing_rare")  # fmt: skip
MAX_WRONG_REFUSALS = 0.10
QUANTITY_COVERAGE = 0.5  # share of the question a sentence with the figure must cover


def answers_the_quantity(analysis: QueryAnalysis, passage: Passage, idf: dict[str, float]) -> bool:
    """For 'how many / what rate' questions: a sentence holds a figure and the question's topic."""
    return any(
        has_quantity(s) and evidence(analysis, s, idf, skip_years=True) >= QUANTITY_COVERAGE
        for s in split_sentences(passage.text)
    )


def features(
    analysis: QueryAnalysis, fitting: list[Passage], ranked: list[Passage], idf: dict[str, float]
) -> dict[str, float]:
    """Evidence features of the passages that fit the question's constraints (`fitting`) among
    the ranked ones."""
    ev = [*sorted((p.evidence for p in fitting[:5]), reverse=True), 0.0, 0.0]
    top = ranked[0].evidence if ranked else 0.0
    untranslated = [c for c in analysis.concepts if c.weight == UNTRANSLATED_WEIGHT]
    figure = not analysis.asks_quantity or any(answers_the_quantity(analysis, p, idf) for p in fitting[:5])
    scores = [*(p.score for p in ranked[:2]), 0.0, 0.0]
    best = max(fitting[:3], key=lambda p: p.evidence)
    return {
        "missing_rare": missing_rarity(analysis, best.index_text, idf),
        "best_evidence": ev[0],
        "top_evidence": top,
        "second_evidence": ev[1],
        "fit_share": len(fitting[:5]) / max(1, len(ranked[:5])),
        "figure_sentence": float(figure),
        "untranslated": len(untranslated) / max(1, len(analysis.concepts)),
        "score_gap": (scores[0] - scores[1]) / scores[0] if scores[0] > 0 else 0.0,
        "asks_quantity": float(analysis.asks_quantity),
    }


@dataclass(frozen=True)
class RefusalModel:
    weights: tuple[float, ...]
    bias: float
    cut: float = 0.5  # answer when the probability reaches this (chosen on the dev group)

    def probability(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(w * feats[name] for w, name in zip(self.weights, FEATURES, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict:
        return {"features": list(FEATURES), "weights": list(self.weights), "bias": self.bias, "cut": self.cut}


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> RefusalModel | None:
    """The fitted model, or None when none was fitted (or its features changed since)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data.get("features", ())) != FEATURES:
        return None
    return RefusalModel(tuple(data["weights"]), float(data["bias"]), float(data.get("cut", 0.5)))


def fit(
    rows: list[dict[str, float]], answerable: list[bool], l2: float = 1.0, steps: int = 4000
) -> RefusalModel:
    """Logistic regression by gradient descent (features standardised inside, weights returned
    on the raw scale), then the cut that maximises balanced accuracy on the same rows while
    refusing at most MAX_WRONG_REFUSALS of the answerable ones."""
    x = np.array([[r[f] for f in FEATURES] for r in rows], dtype=float)
    y = np.array(answerable, dtype=float)
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = (x - mean) / std
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        w -= 0.1 * (z.T @ (p - y) / len(y) + l2 * w / len(y))
        b -= 0.1 * float(np.mean(p - y))
    weights = w / std
    bias = b - float(np.sum(w * mean / std))
    model = RefusalModel(tuple(float(v) for v in weights), float(bias))
    probs = np.array([model.probability(r) for r in rows])
    best_cut, best = 0.5, -1.0
    for cut in np.linspace(0.2, 0.8, 25):
        answered = probs >= cut
        tpr = np.mean(answered[y == 1]) if (y == 1).any() else 0.0
        tnr = np.mean(~answered[y == 0]) if (y == 0).any() else 0.0
        if 1 - tpr <= MAX_WRONG_REFUSALS and (tpr + tnr) / 2 > best:
            best_cut, best = float(cut), (tpr + tnr) / 2
    return RefusalModel(model.weights, model.bias, round(best_cut, 3))
