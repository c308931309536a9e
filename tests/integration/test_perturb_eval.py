"""`eduqa eval --perturb` end to end on a slice of the seed set: metamorphic negatives written by
code from the slice's answerable questions, asked through the real engine (BM25 only) beside
their originals; the negatives are refused, in the question's language."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.conftest import copy_corpus

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_perturb_run_refuses_negatives_written_from_a_slice(tmp_path, monkeypatch):
    from eduqa.cli import app

    monkeypatch.setenv("EDUQA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("EDUQA_CORPUS_DIR", str(copy_corpus(tmp_path / "corpus")))
    out = tmp_path / "summary.json"
    args = ["eval", "--set", "seeds", "--group", "dev", "--limit", "12", "--no-dense", "--config", "bm25",
            "--perturb", "--json", str(out), "--reports-dir", str(tmp_path / "reports")]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Metamorphic negatives" in result.output
    rows = json.loads(out.read_text())["meta"]["perturb"]["bm25"]["dev"]
    assert rows["original"]["n"] >= 8  # the slice's answerable questions, asked as they are
    assert rows["original"]["refused"] <= 2
    assert rows["province"]["n"] >= 3  # the slice names its provinces
    assert rows["province"]["refused"] == rows["province"]["n"]  # no document of the swapped one
    negatives = [rows[k] for k in ("province", "year", "number", "level", "topic") if k in rows]
    refused = sum(c["refused"] for c in negatives)
    assert refused >= 0.75 * sum(c["n"] for c in negatives)
    assert sum(c["language_ok"] for c in negatives) == refused  # each refusal in its question's language


def test_perturbations_keep_the_question_language_and_group(seed_service):
    from eval.groups import question_group
    from eval.perturb import CorpusFacts, perturbed_set
    from eval.run import load_questions

    questions = load_questions(set_name="seeds", group="dev")[:30]
    originals, negatives = perturbed_set(questions, CorpusFacts.of_service(seed_service))
    by_id = {q["id"]: q for q in originals}
    assert negatives and {n["perturb"] for n in negatives} >= {"province", "year", "number"}
    for negative in negatives:
        original = by_id[negative["original"]]
        assert negative["question"] != original["question"]
        assert negative["lang"] == original["lang"] and negative["kind"] == "unanswerable"
        assert question_group(negative, "seeds") == question_group(original, "seeds")
