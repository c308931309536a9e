"""The benchmark end to end: a small eval over a fresh copy of the corpus, and a tiny bench."""

from __future__ import annotations

import json
import math
import shutil

import pytest

from tests.conftest import DEVCORPUS, make_settings
from tests.integration.live_server import live_server

pytestmark = [pytest.mark.integration, pytest.mark.slow]
CONFIGS = ["bm25", "hybrid", "naive-chunks"]


def _in_unit(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or 0.0 <= value <= 1.0


def test_eval_writes_report_and_summary(tmp_path):
    from eval.report import write_report, write_summary
    from eval.run import load_questions, run_eval

    settings = make_settings(tmp_path)
    questions = load_questions("dev", 12)
    assert len(questions) == 12
    result = run_eval(settings, split="dev", configs=CONFIGS, questions=questions, set_name="seeds")
    folder = write_report(result, tmp_path / "reports")
    for name in ("report.md", "results.json", "metrics_by_config.png", "hits5_by_lang.png"):
        assert (folder / name).stat().st_size > 0, name
    write_summary(result, tmp_path / "summary.json")
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["split"] == "dev"
    assert summary["n_questions"] == 12
    assert set(summary["configs"]) == set(CONFIGS)
    for name, metrics in summary["configs"].items():
        for metric in ("hits@1", "hits@3", "hits@5", "mrr@10", "ndcg@10"):
            assert _in_unit(metrics[metric]), (name, metric)
    for metric in (
        "answer_correct",
        "citation_precision",
        "refusal_precision",
        "refusal_recall",
        "wrong_refusals",
    ):
        assert _in_unit(summary["configs"]["hybrid"][metric]), metric
    assert -1 <= summary["configs"]["hybrid"]["crag_score"] <= 1
    assert set(summary["groups"]["bm25"]) == {"dev", "held-out"}
    assert summary["configs"]["bm25"]["hits@5"] > 0  # the seed questions are findable
    results = json.loads((folder / "results.json").read_text())
    assert len(results["questions"]) == 12
    assert set(results["questions"][0]["configs"]) == set(CONFIGS)
    report = (folder / "report.md").read_text()
    assert "## By lang" in report and "bm25 · held-out" in report


def test_naive_chunks_map_to_numbered_tasks(tmp_path):
    from eval.naive import NaiveIndex

    settings = make_settings(tmp_path)
    naive = NaiveIndex(settings.corpus_dir)
    try:
        assert naive.n_chunks > 0
        passages = naive.search("tỷ lệ trường đạt chuẩn quốc gia Quảng Ninh năm 2023")
        assert passages
        assert all(p.section is not None for p in passages)
        assert any(p.section for p in passages)  # mapped onto numbered sections
    finally:
        naive.close()


def test_tiny_bench_returns_numbers(tmp_path):
    from eval.bench import run_bench

    settings = make_settings(tmp_path)
    out = run_bench(settings, quick=True, synthetic_chunks=300, clients=[1, 4], requests=6, workdir=tmp_path)
    assert out["cpu_count"] == __import__("os").cpu_count()
    assert out["peak_rss_mb"] > 0
    assert [c["name"] for c in out["corpora"]] == ["seed", "synthetic-300"]
    for corpus in out["corpora"]:
        assert corpus["chunks"] > 0 and corpus["docs_per_s"] > 0 and corpus["chunks_per_s"] > 0
        assert corpus["query_p50_ms"] > 0 and corpus["query_p95_ms"] >= corpus["query_p50_ms"]
        assert set(corpus["http"]) == {"1", "4"}
        for level in corpus["http"].values():
            assert level["errors"] == 0 and level["p50_ms"] > 0 and level["rps"] > 0
    assert out["corpora"][1]["chunks"] >= 300


# -- the development corpus set, leave-documents-out, ALQAC ------------------------------------
needs_devcorpus = pytest.mark.skipif(not DEVCORPUS.is_dir(), reason="development corpus not on this machine")
SMALL_GROUP = (  # two dev and two held-out documents, plus two non-education ones
    "directives/vinhlong-nq21-2025.txt",
    "directives/camau-qd1814-2025.txt",
    "directives/caobang-qd53-2025.txt",
    "directives/ttg-qd2536-2025.txt",
    "distractors/2553_QĐ-TTg__998822f1fee3e8d0.txt",
    "distractors/227_CĐ-TTg__e01d3782fbed0967.txt",
)


@needs_devcorpus
def test_devcorpus_set_is_well_formed():
    from eval.check_quoted import check_set
    from eval.sets import load_set

    questions = load_set("devcorpus")
    problems, counts = check_set(questions, DEVCORPUS)
    assert problems == []
    assert counts["questions"] >= 120 and counts["documents"] >= 8
    broken = [dict(questions[0], gold=[dict(questions[0]["gold"][0], quote="a quote this document lacks")])]
    problems, _ = check_set(broken + questions[1:], DEVCORPUS)
    assert any("quote not found" in p for p in problems)


@needs_devcorpus
def test_devcorpus_eval_on_a_small_group_through_the_real_index(tmp_path):
    from eval.run import run_eval
    from eval.sets import load_set

    root = tmp_path / "devcorpus"
    for source in SMALL_GROUP:
        (root / source).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DEVCORPUS / source, root / source)
    questions = [
        q
        for q in load_set("devcorpus")
        if (q["gold"][0]["source"] if q["gold"] else q["near"]) in SMALL_GROUP
    ]
    settings = make_settings(tmp_path)
    result = run_eval(
        settings, configs=["bm25", "hybrid"], questions=questions, set_name="devcorpus", corpus=root
    )
    assert result.meta["gold_unresolved"] == []  # every quote sits in a chunk the reader made
    assert result.meta["left_out"] == {}
    groups = result.configs["bm25"]["groups"]
    assert groups["dev"]["n"] > 0 and groups["held-out"]["n"] > 0
    assert groups["dev"]["n"] + groups["held-out"]["n"] == len(questions)
    summary = result.configs["bm25"]["summary"]
    assert summary["hits@5"] > 0.3  # a small corpus: the right passage is usually near the top
    for metric in ("hits@1", "mrr@10", "ndcg@10", "answer_correct", "refusal_recall", "wrong_refusals"):
        assert _in_unit(summary[metric]), metric
    from eval.result import worst_failures

    listed = worst_failures(result, "bm25", n=len(questions))
    assert listed and {f["group"] for f in listed} == {"dev"}  # held-out failures are never shown
    records = {r["id"]: r for r in result.configs["bm25"]["records"]}
    assert all(r["gold_keys"] for r in records.values() if r["kind"] != "unanswerable")
    state = settings.data_dir / "eval-devcorpus" / "bm25" / "ingest_state.json"
    before = state.stat().st_mtime
    run_eval(settings, configs=["bm25"], questions=questions[:2], set_name="devcorpus", corpus=root)
    assert state.stat().st_mtime == before  # the set's index is reused, not rebuilt
    _same_over_http(settings, root, questions[:12], result)


def _same_over_http(settings, root, questions, in_process):
    """--url: a real server over the set's index resolves the same gold and returns the same passages."""
    from assistant.api import create_app
    from assistant.service import AssistantService
    from eval.run import run_eval
    from eval.sets import settings_for

    set_settings, _ = settings_for("devcorpus", settings, root)
    service = AssistantService(set_settings, owner="pytest")
    try:
        with live_server(create_app(set_settings, service=service)) as url:
            over_http = run_eval(
                settings, url=url, configs=["hybrid"], questions=questions, set_name="devcorpus"
            )
    finally:
        service.close()
    assert over_http.meta["gold_unresolved"] == []
    local = {r["id"]: r for r in in_process.configs["hybrid"]["records"]}
    for r in over_http.configs["hybrid"]["records"]:
        assert r["gold_keys"] == local[r["id"]]["gold_keys"]
        assert r["retrieved"] == local[r["id"]]["retrieved"]


@needs_devcorpus
def test_alqac_on_a_slice(tmp_path):
    from eval.alqac import load_articles, load_questions, run_alqac

    root = DEVCORPUS / "alqac2023"
    questions = load_questions(root, limit=4)
    articles = load_articles(root)
    assert len(questions) == 4 and all(g in articles for q in questions for g in q.gold)
    settings = make_settings(tmp_path)
    out = run_alqac(settings, root, limit=4, extra_articles=60)
    assert out["n_questions"] == 4
    assert out["n_articles"] == 60 + len({g for q in questions for g in q.gold})
    assert list(out["configs"]) == ["bm25"]  # no dense model in tests
    for metric in ("hits@1", "hits@5", "hits@10", "mrr@10", "ndcg@10"):
        assert _in_unit(out["configs"]["bm25"][metric]), metric
    assert out["configs"]["bm25"]["hits@10"] > 0
    assert (
        out["configs"]["bm25"]["hits@1"]
        <= out["configs"]["bm25"]["hits@5"]
        <= out["configs"]["bm25"]["hits@10"]
    )
