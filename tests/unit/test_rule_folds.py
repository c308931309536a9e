"""A refusal rule judged per dev document from two runs' outcomes (eval/rule_folds.py), the
questions being the development corpus's own ids and documents and a metamorphic negative."""

from __future__ import annotations

from eval.rule_folds import folds, verdict

NQ60, NQ21 = "directives/hanoi-nq60-2025.txt", "directives/vinhlong-nq21-2025.txt"


def question(qid: str, source: str | None, kind: str = "money") -> dict:
    gold = [{"source": source, "quote": "35.000"}] if source and kind != "unanswerable" else []
    return {"id": qid, "kind": kind, "gold": gold, "group": "dev"}


def run(refused: dict[str, bool], questions: dict[str, dict]) -> dict:
    return {qid: (questions[qid], refused[qid]) for qid in refused}


QUESTIONS = {
    "d015": question("d015", NQ60),
    "d015~number": question("d015~number", None, "unanswerable"),
    "d072": question("d072", NQ21),
    "d072~level": question("d072~level", None, "unanswerable"),
}


def test_a_negative_goes_with_its_original_document_and_gains_are_counted_per_document():
    before = run({"d015": False, "d015~number": False, "d072": False, "d072~level": False}, QUESTIONS)
    after = run({"d015": False, "d015~number": True, "d072": False, "d072~level": True}, QUESTIONS)
    by_document = folds(before, after)
    assert by_document[NQ60].gained == ["d015~number"] and by_document[NQ21].gained == ["d072~level"]
    assert verdict(by_document).startswith("taken: gains on 2 dev documents")


def test_a_lost_answer_on_any_document_is_not_taken():
    before = run({"d015": False, "d015~number": False, "d072": False}, QUESTIONS)
    after = run({"d015": True, "d015~number": True, "d072": False}, QUESTIONS)
    assert verdict(folds(before, after)) == "not taken: loses 1 dev answer(s)"
