"""eval.metrics on tiny hand-computed fixtures."""

from __future__ import annotations

import math

import pytest

from eval.metrics import (
    abstention,
    answer_correct,
    citation_precision,
    doc_key,
    percentile,
    retrieval_scores,
    run_entry,
    summarise,
)

pytestmark = pytest.mark.unit

G = {"source": "a.txt", "section": ["II", "1", "(1)"]}
GOLD = doc_key("a.txt", ["II", "1", "(1)"])
OTHER = doc_key("a.txt", ["II", "1", "(2)"])
THIRD = doc_key("b.txt", ["III", "7"])


def test_doc_key_joins_section():
    assert GOLD == "a.txt#II/1/(1)"
    assert doc_key("a.txt", []) == "a.txt#"


def test_gold_at_rank_two():
    means, per_q = retrieval_scores({"q1": {GOLD: 1}}, {"q1": run_entry([OTHER, GOLD, THIRD])})
    assert per_q["q1"]["mrr@10"] == pytest.approx(0.5)
    assert per_q["q1"]["hits@1"] == 0
    assert per_q["q1"]["hits@3"] == 1
    assert means["ndcg@10"] == pytest.approx(1 / math.log2(3))


def test_two_questions_averaged_in_their_own_order():
    qrels = {"q2": {GOLD: 1}, "q1": {THIRD: 1}}
    run = {"q1": run_entry([OTHER, GOLD, THIRD]), "q2": run_entry([GOLD])}
    means, per_q = retrieval_scores(qrels, run)
    assert per_q["q1"]["mrr@10"] == pytest.approx(1 / 3)
    assert per_q["q2"]["mrr@10"] == pytest.approx(1.0)
    assert means["mrr@10"] == pytest.approx((1 / 3 + 1) / 2)
    assert means["hits@1"] == pytest.approx(0.5)


def test_duplicate_keys_count_once_at_best_rank():
    keys = [OTHER, OTHER, OTHER, GOLD]  # three parts of one task, then gold
    assert list(run_entry(keys)) == [OTHER, GOLD]
    _, per_q = retrieval_scores({"q": {GOLD: 1}}, {"q": run_entry(keys)})
    assert per_q["q"]["mrr@10"] == pytest.approx(0.5)
    assert per_q["q"]["hits@3"] == 1


def test_empty_run_scores_zero():
    means, _ = retrieval_scores({"q": {GOLD: 1}}, {"q": {}})
    assert means["hits@5"] == 0


def test_answer_accuracy_folds_accents_and_case():
    assert answer_correct("Tỷ lệ đạt 90,14% (THPT)", ["90,14", "thpt"])
    assert answer_correct("So Giao duc va Dao tao", ["Sở Giáo dục"])
    assert not answer_correct("90,1%", ["90,14"])
    assert answer_correct("anything", []) is None


def test_citation_precision():
    cites = [{"source": "a.txt", "section": ["II", "1", "(1)"]}, {"source": "b.txt", "section": ["III", "7"]}]
    assert citation_precision(cites, [G]) == pytest.approx(0.5)
    assert citation_precision([], [G]) is None


def test_abstention_counts():
    # (abstained, should_abstain)
    out = abstention([(True, True), (True, False), (False, True), (False, False), (True, True)])
    assert out["abstention_precision"] == pytest.approx(2 / 3)
    assert out["abstention_recall"] == pytest.approx(2 / 3)
    assert out["false_abstentions"] == 1
    assert out["false_answers"] == 1


def test_percentile():
    assert percentile([10, 20, 30, 40], 50) == pytest.approx(25)
    assert percentile([5], 95) == 5
    assert math.isnan(percentile([], 50))


def test_summarise_excludes_unanswerable_from_retrieval():
    records = [
        {
            "id": "q1",
            "kind": "task_lookup",
            "gold": [G],
            "must_contain": ["90,14"],
            "retrieved": [OTHER, GOLD],
            "citations": [GOLD],
            "answer": "đạt 90,14%",
            "answerable": True,
            "latency_ms": 10.0,
        },
        {
            "id": "q2",
            "kind": "unanswerable",
            "gold": [],
            "must_contain": [],
            "retrieved": [THIRD],
            "citations": [],
            "answer": "không có",
            "answerable": False,
            "latency_ms": 30.0,
        },
    ]
    out = summarise(records)
    assert out["mrr@10"] == pytest.approx(0.5)
    assert out["answer_accuracy"] == 1.0
    assert out["citation_precision"] == 1.0
    assert out["abstention_precision"] == 1.0
    assert out["abstention_recall"] == 1.0
    assert out["latency_p50_ms"] == pytest.approx(20.0)
    assert records[0]["scores"]["hits@1"] == 0
    assert records[1]["scores"] == {}


def test_hits_is_binary_with_several_gold_passages():
    both = {GOLD: 1, THIRD: 1}
    means, _ = retrieval_scores({"q": both}, {"q": run_entry([GOLD, THIRD, OTHER])})
    assert means["hits@1"] == 1.0
    assert means["hits@5"] == 1.0
