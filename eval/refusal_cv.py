"""Grouped cross-validation of the refusal model within the dev group (`eduqa calibrate --cv`).

Each fold leaves out the questions of one dev document (eval/groups.py's anchor; a seed
unanswerable question names no document, so it goes with one of its set's dev documents by the
SHA-1 of its id), fits on the rest — weights, plausible signs and cut, as `eduqa calibrate` does
— and decides the left-out questions. The pooled out-of-fold decisions estimate how the model
does on documents it was not fitted on; the L2 strength, candidate features and whether rule-
refused questions are fitted on are chosen by that estimate, never by the held-out group."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from types import MappingProxyType

from assistant.refusal import EXPECTED_SIGNS, RefusalModel
from assistant.refusal_fit import MAX_WRONG_REFUSALS, cut_under_cap, fit

SCORED = ("", "weak")  # decisions left to the model (others were refused by a rule before it)
RULED = "rule_refused"  # a rule refused the question after its features were computed
SIGNS = MappingProxyType({**EXPECTED_SIGNS, RULED: -1})


@dataclass(frozen=True)
class Row:
    set_name: str
    group: str  # dev or held-out
    fold: str  # the document whose questions one fold leaves out
    answerable: bool
    reason: str  # why a rule refused before the model ('' or 'weak': left to the model)
    features: dict[str, float]
    question_id: str = ""
    perturb: str = ""  # the kind of metamorphic negative (eval/perturb.py), '' for a set's own question

    @property
    def scored(self) -> bool:
        return bool(self.features) and self.reason in SCORED

    @property
    def ruled(self) -> bool:
        """Refused by a rule that still computed the evidence features (a near miss, a term)."""
        return bool(self.features) and not self.scored


@dataclass(frozen=True)
class Config:
    l2: float = 1.0
    candidates: tuple[str, ...] = tuple(EXPECTED_SIGNS)
    with_ruled: bool = False  # fit on rule-refused rows too, the rule's outcome as a feature
    soft_rules: bool = False  # ... and let the model overrule the rule (with `with_ruled` only)
    cap: float = MAX_WRONG_REFUSALS  # share of the answerable rows decided the cut may refuse


def fold_of(question: dict, set_name: str, documents: list[str]) -> str:
    from eval.groups import anchor

    doc = anchor(question)
    if doc is not None:
        return f"{set_name}:{doc}"
    digest = int(hashlib.sha1(str(question.get("id")).encode("utf-8")).hexdigest(), 16)
    return f"{set_name}:{documents[digest % len(documents)]}"


def rows_of(set_name: str, groups: dict[str, list]) -> list[Row]:
    """Rows from (question, uncalibrated decision) pairs per group of one set."""
    from eval.groups import anchor

    out = []
    for group, pairs in groups.items():
        documents = sorted({d for q, _ in pairs if (d := anchor(q)) is not None}) or ["none"]
        for q, d in pairs:
            answerable = q.get("kind") != "unanswerable"
            fold = fold_of(q, set_name, documents)
            out.append(Row(set_name, group, fold, answerable, d.reason, dict(d.features), str(q.get("id")),
                           q.get("perturb", "")))  # fmt: skip
    return out


def fit_rows(rows: list[Row], config: Config) -> RefusalModel:
    """The model (weights and cut) fitted on these rows as `config` says."""
    used = [r for r in rows if r.scored or (config.with_ruled and r.ruled)]
    feats = [{**r.features, RULED: float(r.ruled)} for r in used]
    answerable = [r.answerable for r in used]
    candidates = (*config.candidates, RULED) if config.with_ruled else config.candidates
    return fit(feats, answerable, l2=config.l2, candidates=candidates, signs=SIGNS, cap=config.cap)


def refuses(model: RefusalModel, row: Row, soft_rules: bool = False) -> bool:
    """Refused by a rule (unless `soft_rules` leaves a rule-refused row to the model, the rule's
    outcome one of its features), or scored below the cut."""
    if not (row.scored or (soft_rules and row.ruled)):
        return True
    return model.probability({**row.features, RULED: float(row.ruled)}) < model.cut


def cross_validate(rows: list[Row], config: Config) -> list[bool]:
    """Out-of-fold refusals, one per row, in the rows' order."""
    refused = [True] * len(rows)
    for fold in sorted({r.fold for r in rows}):
        model = fit_rows([r for r in rows if r.fold != fold], config)
        for i, row in enumerate(rows):
            if row.fold == fold:
                refused[i] = refuses(model, row, config.soft_rules and config.with_ruled)
    return refused


def out_of_fold(rows: list[Row], config: Config) -> list[float | None]:
    """Each row's probability of answering by the model fitted without its fold (None for a
    row no model decides: refused by a rule)."""
    soft = config.soft_rules and config.with_ruled
    probs: list[float | None] = [None] * len(rows)
    for fold in sorted({r.fold for r in rows}):
        model = fit_rows([r for r in rows if r.fold != fold], config)
        for i, row in enumerate(rows):
            if row.fold == fold and (row.scored or (soft and row.ruled)):
                probs[i] = model.probability({**row.features, RULED: float(row.ruled)})
    return probs


def grouped_fit(rows: list[Row], config: Config) -> RefusalModel:
    """The model fitted on all `rows`, its cut chosen on out-of-fold probabilities (each
    document's rows decided by a model fitted without them) under the cap on wrong refusals:
    the cut a new document would need, not the one that fits the documents it was fitted on."""
    model = fit_rows(rows, config)
    probs = out_of_fold(rows, config)
    decided = [(p, r.answerable) for p, r in zip(probs, rows, strict=True) if p is not None]
    cut = cut_under_cap([p for p, _ in decided], [a for _, a in decided], config.cap)
    return RefusalModel(model.weights, model.bias, cut, model.names)


def scores(rows: list[Row], refused: list[bool]) -> dict[str, float]:
    """Refusal precision, recall, wrong refusals and balanced accuracy."""
    truth = [not r.answerable for r in rows]
    hits = sum(r and t for r, t in zip(refused, truth, strict=True))
    wrong = sum(r and not t for r, t in zip(refused, truth, strict=True))
    recall = hits / max(1, sum(truth))
    wrong_share = wrong / max(1, len(rows) - sum(truth))
    return {
        "precision": round(hits / max(1, sum(refused)), 3),
        "recall": round(recall, 3),
        "wrong_refusals": round(wrong_share, 3),
        "balanced": round((recall + 1 - wrong_share) / 2, 3),
        "n": len(rows),
    }


L2_GRID = (0.1, 1.0, 3.0, 10.0, 30.0, 100.0)
MAX_WRONG = 0.10  # the share of answerable questions a chosen model may refuse (CV estimate)


def configs() -> list[Config]:
    """The L2 strengths, each fitted on the rows left to the model, on those and the rule-refused
    rows (the rule's outcome a feature), and on both with the model free to overrule the rule."""
    return [Config(l2, with_ruled=w, soft_rules=s) for l2 in L2_GRID
            for w, s in ((False, False), (True, False), (True, True))]  # fmt: skip


def per_set(rows: list[Row], refused: list[bool]) -> dict[str, dict[str, float]]:
    """Scores per set and over both."""
    out = {}
    for name in [*sorted({r.set_name for r in rows}), "all"]:
        idx = [i for i, r in enumerate(rows) if name in ("all", r.set_name)]
        out[name] = scores([rows[i] for i in idx], [refused[i] for i in idx])
    return out


def evaluate(rows: list[Row], config: Config) -> dict:
    """Grouped-CV, dev and held-out scores (on the sets' own questions; the negatives written
    from the dev ones are fitted on too) of one configuration, fitted per fold and then on the
    whole dev group, its cut chosen out of fold (`grouped_fit`)."""
    dev = [r for r in rows if r.group == "dev"]
    model = grouped_fit(dev, config)
    soft = config.soft_rules and config.with_ruled
    own = [i for i, r in enumerate(dev) if not r.perturb]
    cv = cross_validate(dev, config)
    held = [r for r in rows if r.group != "dev" and not r.perturb]
    return {
        "config": config,
        "model": model,
        "cv": per_set([dev[i] for i in own], [cv[i] for i in own]),
        "dev": per_set([dev[i] for i in own], [refuses(model, dev[i], soft) for i in own]),
        "held-out": per_set(held, [refuses(model, r, soft) for r in held]),
    }


def lost_answers(rows: list[Row], result: dict, previous: RefusalModel) -> list[str]:
    """Dev questions the `previous` model answered and `result`'s model (fitted on the whole
    dev group) refuses: a refit is taken only when it loses none."""
    soft = result["config"].soft_rules and result["config"].with_ruled
    return [r.question_id for r in rows if r.group == "dev" and r.answerable
            and refuses(result["model"], r, soft) and not refuses(previous, r)]  # fmt: skip


def choose(results: list[dict]) -> dict:
    """The configuration with the best grouped-CV balanced accuracy over both sets whose CV
    wrong refusals stay within MAX_WRONG (earlier in the grid wins a tie)."""
    within = [r for r in results if r["cv"]["all"]["wrong_refusals"] <= MAX_WRONG] or results
    return max(within, key=lambda r: r["cv"]["all"]["balanced"])
