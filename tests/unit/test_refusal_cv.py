"""Grouped cross-validation of the refusal model: folds are the dev documents of the real
question sets, and each fold is decided by a model fitted without it."""

from __future__ import annotations

import pytest

from assistant.refusal import FEATURES, RefusalModel
from eval.groups import anchor, by_group, document_group
from eval.refusal_cv import Config, Row, cross_validate, evaluate, fold_of, lost_answers, refuses, scores
from eval.sets import load_set

pytestmark = pytest.mark.unit


def dev_folds(set_name: str) -> dict[str, str]:
    dev = by_group(load_set(set_name), set_name)["dev"]
    documents = sorted({d for q in dev if (d := anchor(q)) is not None})
    return {q["id"]: fold_of(q, set_name, documents) for q in dev}


@pytest.mark.parametrize("set_name", ["seeds", "devcorpus"])
def test_every_dev_question_falls_in_a_fold_of_one_dev_document(set_name):
    folds = dev_folds(set_name)
    documents = {f.split(":", 1)[1] for f in folds.values()}
    assert len(documents) >= 2
    assert all(document_group(d, set_name) == "dev" for d in documents)
    assert all(f.startswith(f"{set_name}:") for f in folds.values())


def test_seed_questions_naming_no_document_are_spread_over_the_dev_documents():
    dev = by_group(load_set("seeds"), "seeds")["dev"]
    folds = dev_folds("seeds")
    unanchored = {folds[q["id"]] for q in dev if anchor(q) is None}
    assert len(unanchored) == len(set(folds.values()))  # every dev document takes some


def dev_rows(inverted_fold: str) -> list[Row]:
    """Rows of the real development-corpus dev questions whose evidence says whether they
    answer, except in one fold, where it says the opposite."""
    dev = by_group(load_set("devcorpus"), "devcorpus")["dev"]
    folds = dev_folds("devcorpus")
    rows = []
    for q in dev:
        answerable = q.get("kind") != "unanswerable"
        high = answerable != (folds[q["id"]] == inverted_fold)
        feats = dict.fromkeys(FEATURES, 0.0) | {"best_evidence": 0.9 if high else 0.1}
        rows.append(Row("devcorpus", "dev", folds[q["id"]], answerable, "", feats, q["id"]))
    return rows


def smallest_fold_with_answers() -> str:
    rows = dev_rows(inverted_fold="")
    folds = {r.fold for r in rows if r.answerable}
    return min(sorted(folds), key=lambda f: sum(r.fold == f for r in rows))


def test_each_fold_is_decided_by_a_model_fitted_without_it():
    inverted = smallest_fold_with_answers()
    rows = dev_rows(inverted)
    refused = cross_validate(rows, Config(l2=1.0, candidates=("best_evidence",)))
    for row, said_no in zip(rows, refused, strict=True):
        # the other folds teach 'high evidence answers': the inverted fold is decided wrongly
        assert said_no == (row.answerable == (row.fold == inverted)), row.question_id
    assert scores(rows, refused)["wrong_refusals"] > 0


def test_rule_refused_questions_stay_refused_out_of_fold():
    rows = dev_rows(inverted_fold="")
    # a rule refuses every other unanswerable question (its wrong refusals would count against
    # the limit on the model's own)
    ruled = [Row(r.set_name, r.group, r.fold, r.answerable,
                 "figure" if not r.answerable and i % 2 == 0 else r.reason, r.features, r.question_id)
             for i, r in enumerate(rows)]  # fmt: skip
    assert any(r.reason == "figure" for r in ruled) and any(not r.answerable and r.scored for r in ruled)
    for with_ruled in (False, True):
        config = Config(candidates=("best_evidence",), with_ruled=with_ruled)
        refused = cross_validate(ruled, config)
        assert all(said_no for r, said_no in zip(ruled, refused, strict=True) if r.reason == "figure")
        assert all(said_no != r.answerable for r, said_no in zip(ruled, refused, strict=True) if r.scored)


def test_a_refit_that_refuses_what_the_previous_model_answered_is_named():
    rows = dev_rows(inverted_fold="")
    result = evaluate(rows, Config(candidates=("best_evidence",)))
    # the previous model answered everything: the refit loses exactly the answers it refuses
    everything = RefusalModel((), 30.0, 0.5, ())
    lost = lost_answers(rows, result, everything)
    assert lost == [r.question_id for r in rows if r.answerable and refuses(result["model"], r)]
    assert not lost_answers(rows, result, result["model"])  # against itself: nothing lost


def test_a_cut_chosen_to_keep_the_answers_refuses_none_of_them():
    from assistant.refusal_fit import fit

    # the real dev questions; a few answerable ones carry evidence as weak as an unanswerable one
    rows = dev_rows(inverted_fold="")
    weak = {r.question_id for r in [r for r in rows if r.answerable][::12]}
    feats = [r.features | ({"best_evidence": 0.1} if r.question_id in weak else {}) for r in rows]
    answerable = [r.answerable for r in rows]
    # a cap loose enough to refuse the weak ones with the unanswerable ones
    free = fit(feats, answerable, candidates=("best_evidence",), cap=0.1)
    keep = [r.question_id in weak for r in rows]
    kept = fit(feats, answerable, candidates=("best_evidence",), keep=keep, cap=0.1)
    assert any(free.probability(f) < free.cut for f, k in zip(feats, keep, strict=True) if k)
    assert all(kept.probability(f) >= kept.cut for f, k in zip(feats, keep, strict=True) if k)
    assert kept.weights == free.weights and kept.cut <= free.cut
