"""The `recent` benchmark: eight documents no rule was written on, their questions, their groups,
and `eduqa eval --set recent` run as a user runs it."""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.integration

LANGS = {"vi", "vi-nodiac", "en"}


def test_recent_questions_pass_the_set_check():
    from eval.check_quoted import check_set
    from eval.sets import get_set, load_set

    spec = get_set("recent")
    problems, counts = check_set(load_set("recent"), spec.corpus, "recent")
    assert problems == []
    assert counts["questions"] >= 60 and counts["documents"] == 8
    # the set as first written (r001–r064) keeps about a fifth unanswerable; r2xx, added later
    # to the dev group as negatives for the refusal rules, raise the whole set's share
    first = [q for q in load_set("recent") if int(q["id"][1:]) < 200]
    unanswerable = sum(q["kind"] == "unanswerable" for q in first)
    assert len(first) == 64 and 0.18 <= unanswerable / len(first) <= 0.25
    assert counts["unanswerable"] / counts["questions"] >= 0.18
    broken = [{**q, "gold": [{**q["gold"][0], "quote": q["gold"][0]["quote"] + " chưa từng có"}]}
              for q in load_set("recent") if q["gold"]][:1]  # fmt: skip
    problems, _ = check_set(broken, spec.corpus, "recent")
    assert any("quote not found" in p for p in problems)


def test_every_document_has_a_group_and_each_group_every_language_and_refusals():
    from eval.groups import GROUPS, anchor, group_table, question_group
    from eval.sets import get_set, load_set

    spec = get_set("recent")
    documents = sorted(p.name for p in spec.corpus.glob("*.txt"))
    assert len(documents) == 8
    groups = group_table("recent")
    assert sorted(groups) == documents  # every document placed by name, none by hash
    questions = load_set("recent")
    assert {anchor(q) for q in questions} == set(documents)
    seen = collections.defaultdict(set)
    for q in questions:
        group = question_group(q, "recent")
        seen[group].add(q["lang"])
        seen[group].add("unanswerable" if q["kind"] == "unanswerable" else "answerable")
    for group in GROUPS:
        assert seen[group] == LANGS | {"answerable", "unanswerable"}, group
    assert collections.Counter(groups.values()) == {"dev": 4, "held-out": 4}  # paired by kind


def test_cli_eval_on_recent_reports_both_groups(tmp_path):
    env = os.environ | {"EDUQA_DATA_DIR": str(tmp_path / "data"), "HF_HUB_OFFLINE": "1"}
    summary_path = tmp_path / "summary.json"
    run = subprocess.run(
        [sys.executable, "-m", "eduqa.cli", "eval", "--set", "recent", "--no-dense", "--config", "bm25",
         "--reports-dir", str(tmp_path / "reports"), "--json", str(summary_path)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    assert summary["set"] == "recent" and summary["n_questions"] == len(
        [line for line in (ROOT / "eval/sets/recent.jsonl").read_text().splitlines() if line.strip()]
    )
    groups = summary["groups"]["bm25"]
    assert set(groups) == {"dev", "held-out"}
    for group in groups.values():
        assert group["n"] > 25
        assert 0.0 <= group["hits@5"] <= 1.0 and 0.0 <= group["answer_correct"] <= 1.0
    assert (tmp_path / "data" / "eval-recent" / "bm25" / "ingest_state.json").is_file()
    reports = list((tmp_path / "reports").glob("*/results.json"))
    assert len(reports) == 1
    results = json.loads(reports[0].read_text(encoding="utf-8"))
    assert {q["group"] for q in results["questions"]} == {"dev", "held-out"}
