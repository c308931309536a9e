"""eval.metrics on tiny hand-computed fixtures."""

from __future__ import annotations

import math

import pytest

from eval.metrics import (
    answer_correct,
    citation_precision,
    crag_score,
    doc_key,
    percentile,
    refusal,
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


def test_refusal_counts():
    # (refused, should_refuse): 2 right refusals, 1 wrong refusal, 1 unanswerable answered
    out = refusal([(True, True), (True, False), (False, True), (False, False), (True, True)])
    assert out["refusal_precision"] == pytest.approx(2 / 3)
    assert out["refusal_recall"] == pytest.approx(2 / 3)
    assert out["wrong_refusals"] == pytest.approx(1 / 2)  # of the two answerable questions
    assert out["n_wrong_refusals"] == 1
    assert out["n_answered_unanswerable"] == 1


def test_answer_alternatives():
    assert answer_correct("Có hiệu lực từ ngày 08/12/2025.", [["08 tháng 12 năm 2025", "08/12/2025"]])
    assert not answer_correct("Có hiệu lực từ ngày 09/12/2025.", [["08 tháng 12 năm 2025", "08/12/2025"]])
    assert answer_correct("49 cấp tỉnh, 33 cấp xã", ["49", ["33", "ba mươi ba"]])


def test_crag_score_per_case():
    assert crag_score(refused=False, unanswerable=False, correct=True) == 1
    assert crag_score(refused=False, unanswerable=False, correct=False) == -1
    assert crag_score(refused=True, unanswerable=False, correct=False) == 0
    assert crag_score(refused=True, unanswerable=True, correct=None) == 1
    assert crag_score(refused=False, unanswerable=True, correct=None) == -1


def _rec(qid, kind, answer, answerable, must=("160.000",)):
    return {
        "id": qid, "kind": kind, "gold": [] if kind == "unanswerable" else [G],
        "must_contain": [] if kind == "unanswerable" else list(must), "retrieved": [GOLD],
        "citations": [], "answer": answer, "answerable": answerable, "latency_ms": 5.0,
    }  # fmt: skip


def test_crag_and_refusal_on_a_hand_computed_run():
    records = [
        _rec("a", "amount", "160.000 đồng/trẻ/tháng [1]", True),  # correct: +1
        _rec("b", "amount", "800.000 đồng [1]", True),  # wrong figure: -1
        _rec("c", "amount", "Không tìm thấy … (160.000 in a related passage)", False),  # refused: 0
        _rec("d", "unanswerable", "Không tìm thấy thông tin.", False),  # right refusal: +1
        _rec("e", "unanswerable", "Mức trần là 35.000 đồng.", True),  # answered: -1
    ]
    out = summarise(records)
    assert out["crag_score"] == pytest.approx((1 - 1 + 0 + 1 - 1) / 5)
    # a refusal that happens to quote the figure is not a correct answer
    assert out["answer_correct"] == pytest.approx(1 / 3)
    assert out["refusal_precision"] == pytest.approx(1 / 2)  # refused c (wrong) and d (right)
    assert out["refusal_recall"] == pytest.approx(1 / 2)  # d refused, e answered
    assert out["wrong_refusals"] == pytest.approx(1 / 3)
    assert [r["scores"]["crag"] for r in records] == [1, -1, 0, 1, -1]


def test_gold_keys_compare_by_chunk_id():
    record = _rec("a", "amount", "160.000", True) | {
        "gold_keys": ["c7"],
        "retrieved": ["c1", "c7"],
        "citations": ["c7"],
    }
    out = summarise([record])
    assert out["mrr@10"] == pytest.approx(0.5)
    assert out["citation_precision"] == 1.0


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
    assert out["answer_correct"] == 1.0
    assert out["citation_precision"] == 1.0
    assert out["refusal_precision"] == 1.0
    assert out["refusal_recall"] == 1.0
    assert out["crag_score"] == 1.0
    assert out["latency_p50_ms"] == pytest.approx(20.0)
    assert records[0]["scores"]["hits@1"] == 0
    assert records[1]["scores"] == {"crag": 1}


def test_hits_is_binary_with_several_gold_passages():
    both = {GOLD: 1, THIRD: 1}
    means, _ = retrieval_scores({"q": both}, {"q": run_entry([GOLD, THIRD, OTHER])})
    assert means["hits@1"] == 1.0
    assert means["hits@5"] == 1.0
