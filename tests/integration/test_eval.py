"""The benchmark end to end: a small eval over a fresh copy of the corpus, and a tiny bench."""

from __future__ import annotations

import json
import math

import pytest

from tests.conftest import make_settings

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
    result = run_eval(settings, split="dev", configs=CONFIGS, questions=questions)
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
    for metric in ("answer_accuracy", "citation_precision", "abstention_precision", "abstention_recall"):
        assert _in_unit(summary["configs"]["hybrid"][metric]), metric
    assert summary["configs"]["bm25"]["hits@5"] > 0  # the seed questions are findable
    results = json.loads((folder / "results.json").read_text())
    assert len(results["questions"]) == 12
    assert set(results["questions"][0]["configs"]) == set(CONFIGS)
    assert "## By lang" in (folder / "report.md").read_text()


def test_naive_chunks_map_to_numbered_tasks(tmp_path):
    from eval.run import NaiveIndex

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
