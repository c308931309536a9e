"""Calibrated refusal: the probability that the passages answer, from evidence features, by a
logistic regression fitted on the dev group of documents (`eduqa calibrate` writes
refusal.json beside this module; `assistant/refusal_fit.py` fits it, numpy only).

Every feature has a documented direction (`EXPECTED_SIGNS`): more evidence can only make an
answer more likely. A feature whose fitted weight points the other way is left out of the
model rather than trusted, so the stored model holds only features with plausible signs."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from assistant.compound_evidence import compound_features
from assistant.query import UNTRANSLATED_WEIGHT, QueryAnalysis
from assistant.refusal_topic import topic_features
from assistant.search import Passage, evidence, missing_rarity
from assistant.sentences import has_quantity, split_sentences
from assistant.typed_evidence import typed_features

MODEL_PATH = Path(__file__).with_name("refusal.json")
# +1: the more of it, the likelier an answer; -1: the less likely
EXPECTED_SIGNS = MappingProxyType({
    "best_evidence": 1,  # share of the question the best fitting passage covers
    "top_evidence": 1,  # the same for the first-ranked passage
    "second_evidence": 1,  # a second passage covering the question too
    "fit_share": 1,  # share of the top five that fit the asked province, year and figures
    "figure_sentence": 1,  # a 'how many / what rate' question meets a sentence with a figure
    "untranslated": -1,  # share of an English question the glossary cannot translate
    "score_gap": 1,  # how far the first passage stands above the second
    "missing_rare": -1,  # rarity of the rarest question concept the best passage lacks
    "type_and_rare": 1,  # a best passage states the asked kind of answer with the rarest concept
    "typed_unit": 1,
    "typed_rare_unit": 1,  # share of the question carried by the best unit of the asked kind
    "rare_held": 1,  # the rarest concept, with its diacritics, is in one of the best passages
    "scope_in_unit": 1,  # that unit (or its headings) states the asked years and school levels
    "held_share": 1,  # best share of the question (rarity-weighted) held with its diacritics
    "compounds_held": 1,  # share of the asked compound words a best passage holds together
    "rare_split": -1,  # the rarest asked word is a compound the best passages hold only apart
    "rare_compound_held": 1,  # the rarest asked compound word is in one of the best passages
    "missing_word": -1,  # rarity of the rarest asked word of several syllables no best passage holds
    "joint_held": 1,  # share of the question (rarity-weighted) some fitting passage holds
})  # fmt: skip
FEATURES = tuple(EXPECTED_SIGNS)
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
        "best_evidence": ev[0],
        "top_evidence": top,
        "second_evidence": ev[1],
        "fit_share": len(fitting[:5]) / max(1, len(ranked[:5])),
        "figure_sentence": float(figure),
        "untranslated": len(untranslated) / max(1, len(analysis.concepts)),
        "score_gap": (scores[0] - scores[1]) / scores[0] if scores[0] > 0 else 0.0,
        "missing_rare": missing_rarity(analysis, best.index_text, idf),
        **typed_features(analysis, fitting, idf),
        **compound_features(analysis, fitting[:3], idf),
        **topic_features(analysis, fitting, idf),
    }


@dataclass(frozen=True)
class RefusalModel:
    weights: tuple[float, ...]
    bias: float
    cut: float = 0.5  # answer when the probability reaches this (chosen on the dev group)
    names: tuple[str, ...] = FEATURES  # the features kept (plausible signs only)

    def probability(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(w * feats[name] for w, name in zip(self.weights, self.names, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def signs_plausible(self) -> bool:
        return all(w * EXPECTED_SIGNS[n] >= 0 for w, n in zip(self.weights, self.names, strict=True))

    def to_json(self) -> dict:
        return {"features": list(self.names), "weights": list(self.weights), "bias": self.bias,
                "cut": self.cut, "expected_signs": {n: EXPECTED_SIGNS[n] for n in self.names}}  # fmt: skip


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> RefusalModel | None:
    """The fitted model, or None when none was fitted (or it names features no longer computed)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    names = tuple(data.get("features", ()))
    if not names or not set(names) <= set(FEATURES) or len(data.get("weights", ())) != len(names):
        return None
    return RefusalModel(tuple(data["weights"]), float(data["bias"]), float(data.get("cut", 0.5)), names)
