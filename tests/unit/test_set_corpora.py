"""Where the benchmark sets' own documents are looked for, and what `eduqa eval` says when they
are not there (they are public pages kept outside the repository)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from eval.sets import get_set, missing_corpus, set_corpora_root
from tests.conftest import ROOT

pytestmark = pytest.mark.unit


def test_the_folder_named_by_the_environment_is_used_even_when_absent(tmp_path, monkeypatch):
    monkeypatch.setenv("EDUQA_SET_CORPORA_DIR", str(tmp_path / "elsewhere"))
    assert set_corpora_root() == tmp_path / "elsewhere"
    assert get_set("fresh").corpus == tmp_path / "elsewhere" / "fresh"
    assert "not at" in (missing_corpus("fresh") or "") and "EDUQA_SET_CORPORA_DIR" in missing_corpus("fresh")


def test_sets_over_the_projects_own_or_the_development_corpus_need_no_set_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("EDUQA_SET_CORPORA_DIR", str(tmp_path))
    assert missing_corpus("seeds") is None
    (tmp_path / "recent").mkdir()
    assert missing_corpus("recent") is None


def test_eval_of_a_set_whose_documents_are_missing_says_where_it_looked(tmp_path):
    env = {"EDUQA_SET_CORPORA_DIR": str(tmp_path / "none"), "EDUQA_DATA_DIR": str(tmp_path / "data"),
           "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}  # fmt: skip
    run = subprocess.run(
        [sys.executable, "-m", "eduqa.cli", "eval", "--set", "schoolyear", "--no-dense", "--config", "bm25"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    message = " ".join((run.stdout + run.stderr).split())
    assert "schoolyear" in message and str(tmp_path / "none") in message
    assert not (tmp_path / "data").exists()  # nothing indexed, nothing written
