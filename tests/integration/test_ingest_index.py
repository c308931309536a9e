"""Ingest into a real embedded Qdrant: idempotence, changed and removed files, the dense path
with a tiny model built here, and a clear error for a second opener."""

from __future__ import annotations

import subprocess
import sys

import pytest

from assistant.service import AssistantService
from tests.conftest import BACGIANG, HAIPHONG, NOTICE, NOTICE_OCR, PLAN, ROOT, make_settings

pytestmark = pytest.mark.integration


def test_reingest_skips_unchanged_replaces_changed_deletes_removed(tmp_path):
    settings = make_settings(tmp_path)
    service = AssistantService(settings, owner="pytest")
    try:
        first = service.ingest()
        assert (first.documents, first.duplicates) == (5, 1)
        assert service.index.count() == first.chunks > 100
        again = service.ingest()
        assert again.indexed == [] and len(again.skipped) == 5
        assert service.index.count() == first.chunks

        bacgiang = settings.corpus_dir / BACGIANG
        bacgiang.write_text(bacgiang.read_text().replace("19%", "27%"), encoding="utf-8")
        changed = service.ingest()
        assert changed.indexed == [BACGIANG]
        ask = service.ask("tỷ lệ chi cho hoạt động giảng dạy tối thiểu trong tổng chi thường xuyên")
        assert "27%" in ask.answer and "19%" not in ask.answer

        (settings.corpus_dir / HAIPHONG).unlink()
        removed = service.ingest()
        assert removed.removed == [HAIPHONG]
        assert not [c for c in service.chunks() if c["source"] == HAIPHONG]
        assert service.index.count() == sum(len(v) for v in [service.chunks()])
    finally:
        service.close()


def test_duplicate_linked_to_clean_copy(seed_service):
    docs = {d["source"]: d for d in seed_service.documents()}
    assert docs[NOTICE_OCR]["duplicate_of"] == NOTICE
    assert docs[NOTICE]["duplicates"] == [NOTICE_OCR]
    assert docs[PLAN]["duplicate_of"] is None


def test_second_process_gets_a_clear_error(seed_settings, seed_service):
    code = (
        "from assistant.service import AssistantService\n"
        "from assistant.settings import Settings\n"
        f"AssistantService(Settings(_env_file=None, data_dir={str(seed_settings.data_dir)!r},"
        f" corpus_dir={str(seed_settings.corpus_dir)!r}, embedding_model=None))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)  # fmt: skip
    assert run.returncode != 0
    assert "IndexBusy" in run.stderr and "in use by 'pytest'" in run.stderr
    assert "POST /api/documents" in run.stderr


def test_cli_ingest_reports_busy_index_plainly(seed_settings, seed_service):
    env = {"EDUQA_DATA_DIR": str(seed_settings.data_dir), "EDUQA_CORPUS_DIR": str(seed_settings.corpus_dir),
           "EDUQA_EMBEDDING_MODEL": "", "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"}  # fmt: skip
    run = subprocess.run([sys.executable, "-m", "eduqa.cli", "ingest"], capture_output=True,
                         text=True, cwd=ROOT, env=env, timeout=120)  # fmt: skip
    assert run.returncode == 2
    assert "in use by" in run.stderr and "Traceback" not in run.stderr


def test_dense_path_with_a_tiny_local_model(tmp_path, tiny_model_path):
    settings = make_settings(tmp_path, embedding_model=str(tiny_model_path),
                             fusion_dense_weights={"vi": 1.0, "en": 1.0})  # fmt: skip
    service = AssistantService(settings, owner="pytest")
    try:
        assert service.embedder is not None and service.embedder.dimension == 32
        summary = service.ingest()
        assert summary.dense
        assert service.index.dense_size() == 32
        dense = service.search("chỉ tiêu năm 2025 cho trung học", 5, mode="dense")
        assert len(dense) == 5
        # no year, level or place in it: the soft constraints leave the fused order as fused
        question = "nhiệm vụ xây dựng xã hội học tập và thư viện"
        hybrid = [p.id for p in service.search(question, 50)]
        bm25 = [p.id for p in service.search(question, 50, mode="bm25")]
        dense_top = [p.id for p in service.search(question, 1, mode="dense")]
        # both lists feed the fusion: the favourite of each is in the fused list, which is neither
        assert dense_top[0] in hybrid and bm25[0] in hybrid and hybrid[:20] != bm25[:20]
        assert len(service.ask(question).retrieved) == 20
    finally:
        service.close()


def test_missing_model_means_bm25_only_said_once(tmp_path, caplog):
    settings = make_settings(tmp_path, embedding_model="no-such/model-on-disk")
    with caplog.at_level("WARNING"):
        service = AssistantService(settings, owner="pytest")
        second = AssistantService.__new__(AssistantService)  # a second load attempt in-process
        from ingest.embedding import load_embedder

        assert load_embedder("no-such/model-on-disk") is None
    try:
        assert service.embedder is None
        assert service.ingest().dense is False
        messages = [r.getMessage() for r in caplog.records if "not available offline" in r.getMessage()]
        assert len(messages) == 1 and "BM25 only" in messages[0]
    finally:
        service.close()
    del second


def test_reranker_path_with_a_tiny_local_cross_encoder(tmp_path):
    from tests.tiny_model import build_tiny_cross_encoder

    settings = make_settings(tmp_path, reranker_model=str(build_tiny_cross_encoder(tmp_path)))
    service = AssistantService(settings, owner="pytest")
    try:
        assert service.status()["reranker"] is True
        service.ingest()
        plain = service.search("chỉ tiêu năm 2025 cho trung học", 10, mode="bm25")
        reranked = service.search("chỉ tiêu năm 2025 cho trung học", 10)
        assert {p.id for p in reranked} <= {
            p.id for p in service.search("chỉ tiêu năm 2025 cho trung học", 20, mode="bm25")
        }
        assert len(reranked) == len(plain) == 10
        assert all(isinstance(p.score, float) for p in reranked)
        assert [p.score for p in reranked] == sorted((p.score for p in reranked), reverse=True)
    finally:
        service.close()


def test_missing_reranker_is_skipped_with_a_log_line(caplog):
    from assistant.search import load_reranker

    with caplog.at_level("WARNING"):
        assert load_reranker("no-such/cross-encoder") is None
    assert any(
        "Reranker" in r.getMessage() and "ranking without it" in r.getMessage() for r in caplog.records
    )
