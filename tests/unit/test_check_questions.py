"""The question-set checker on the real seed question set, and on copies of it broken the ways a
hand edit breaks a set."""

from __future__ import annotations

import json
from pathlib import Path

from eval.check_questions import DEFAULT_FILE, check_file, main

REAL = [json.loads(line) for line in DEFAULT_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_set(tmp_path: Path, questions: list[dict], extra: str = "") -> Path:
    path = tmp_path / "questions.jsonl"
    lines = [json.dumps(q, ensure_ascii=False) for q in questions]
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


def test_the_seed_question_set_passes(capsys):
    assert main(["check_questions"]) == 0
    out = capsys.readouterr().out
    assert f"questions: {len(REAL)}" in out and out.rstrip().endswith("OK")


def test_the_seed_set_with_its_supplement_passes(capsys):
    from eval.sets import SEED_SUPPLEMENT, load_set

    assert main(["check_questions", "--set", "seeds"]) == 0
    out = capsys.readouterr().out
    extra = [line for line in SEED_SUPPLEMENT.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert f"questions: {len(REAL) + len(extra)}" in out and out.rstrip().endswith("OK")
    assert len(load_set("seeds")) == len(REAL) + len(extra)


def test_the_devcorpus_set_passes(capsys):
    assert main(["check_questions", "--set", "devcorpus"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("OK")


def test_hand_edit_slips_are_each_reported(tmp_path):
    broken = [dict(q) for q in REAL]
    answerable = [q for q in broken if q["kind"] != "unanswerable" and q["kind"] != "cross_document"]
    first, second, third = answerable[:3]
    second["id"] = first["id"]  # a duplicate id
    third["must_contain"] = ["a phrase no document holds"]
    vietnamese = next(q for q in broken if q["lang"] == "vi")
    vietnamese["question"] = "mot cau khong dau"
    errors, _ = check_file(write_set(tmp_path, broken, "{not json\n"))
    assert f"{first['id']}: duplicate id" in errors
    assert any(
        e.startswith(f"{third['id']}: must_contain 'a phrase no document holds' not found") for e in errors
    )
    assert f"{vietnamese['id']}: lang vi but the question has no diacritics" in errors
    assert any(e.startswith(f"line {len(broken) + 1}: invalid JSON") for e in errors)


def test_an_unanswerable_question_with_gold_and_a_short_set_are_reported(tmp_path):
    some = [dict(q) for q in REAL[:20]]
    unanswerable = next(q for q in REAL if q["kind"] == "unanswerable")
    some.append({**unanswerable, "gold": REAL[0]["gold"]})
    errors, _ = check_file(write_set(tmp_path, some))
    assert f"{unanswerable['id']}: unanswerable question must have empty gold" in errors
    assert "only 21 questions, need at least 130" in errors
