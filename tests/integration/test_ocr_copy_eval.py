"""`eduqa eval --ocr-copy` as a user runs it: the recent set's dev questions (a slice) asked of
the clean documents and of seeded OCR-like copies of all eight, BM25 only; the report holds the
copy's rows beside the clean ones and every answerable question's gold is found on both."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eval.ocr_noise import strip_marks
from eval.sets import get_set
from tests.conftest import ROOT, needs_set_corpus

pytestmark = [pytest.mark.integration, needs_set_corpus("recent")]
SLICE = 10  # the first dev questions: enough to touch several documents, fast on two cores
COPY_ROW = "bm25 OCR copy"


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    tmp = tmp_path_factory.mktemp("ocr-eval")
    env = os.environ | {
        "EDUQA_DATA_DIR": str(tmp / "data"),
        "EDUQA_EMBEDDING_MODEL": "",
        "HF_HUB_OFFLINE": "1",
    }
    args = ["eval", "--set", "recent", "--ocr-copy", "--group", "dev", "--config", "bm25", "--no-dense",
            "--limit", str(SLICE), "--json", str(tmp / "summary.json"), "--reports-dir", str(tmp / "reports")]  # fmt: skip
    done = subprocess.run([sys.executable, "-m", "eduqa.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=600)  # fmt: skip
    return done, tmp


def test_report_has_copy_rows_beside_clean(run):
    done, tmp = run
    assert done.returncode == 0, done.stderr[-2000:]
    summary = json.loads((tmp / "summary.json").read_text())
    assert set(summary["configs"]) == {"bm25", COPY_ROW}
    for name in ("bm25", COPY_ROW):
        assert summary["groups"][name]["dev"]["n"] == SLICE
        assert summary["groups"][name]["held-out"]["n"] == 0
    assert COPY_ROW in done.stdout  # the console table prints the copy's row too


def test_gold_resolved_on_every_answerable_question(run):
    _, tmp = run
    summary = json.loads((tmp / "summary.json").read_text())
    assert summary["meta"]["gold_unresolved"] == []
    assert summary["meta"]["ocr_copy"]["gold_unresolved"] == []
    results = json.loads(next((tmp / "reports").glob("*/results.json")).read_text())
    answerable = [q for q in results["questions"] if q["kind"] != "unanswerable"]
    assert answerable
    for q in answerable:
        for name in ("bm25", COPY_ROW):
            keys = q["configs"][name]["gold_keys"]
            assert keys and not any(k.startswith("unresolved:") for k in keys), (q["id"], name)


def test_copies_cover_the_whole_corpus_and_read_like_ocr(run):
    _, tmp = run
    source = tmp / "data" / "ocr-copy" / "recent" / "source"
    originals = sorted(p for p in get_set("recent").corpus.glob("*.txt"))
    assert sorted(p.name for p in source.glob("*.txt")) == [p.name for p in originals]
    for original in originals:
        clean, copy = (
            original.read_text(encoding="utf-8"),
            (source / original.name).read_text(encoding="utf-8"),
        )
        assert copy != clean and "**" not in copy
        assert strip_marks(copy) != copy  # marks kept on some words, lost on others
        assert len(set(copy.split()) - set(clean.split())) > 20  # words stripped or misread
