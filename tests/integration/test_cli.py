"""The `eduqa` command as a user runs it: ingest, chunks --json (the listing contract), ask --json."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import NOTICE, NOTICE_OCR, PLAN, ROOT, copy_corpus

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cli")
    values = {"EDUQA_CORPUS_DIR": str(copy_corpus(tmp / "corpus")), "EDUQA_DATA_DIR": str(tmp / "data"),
              "EDUQA_EMBEDDING_MODEL": "", "HF_HUB_OFFLINE": "1"}  # fmt: skip
    return os.environ | values


def eduqa(env, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eduqa.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=300)  # fmt: skip


def test_ingest_then_chunk_listing_contract(env):
    run = eduqa(env, "ingest")
    assert run.returncode == 0, run.stderr
    assert "Ingested 5 documents" in run.stderr and "1 duplicates" in run.stderr
    listing = eduqa(env, "chunks", "--json")
    rows = [json.loads(line) for line in listing.stdout.splitlines()]
    assert len(rows) > 100
    for row in rows:
        assert set(row) == {"id", "source", "section", "section_title", "text", "duplicate_of", "doc",
                            "display_text", "display_section_title", "restored"}  # fmt: skip
        assert set(row["doc"]) == {"title", "type", "number", "issuer", "issuer_level", "issuer_role",
                                   "province", "place", "date", "signer", "signer_role", "school_year",
                                   "display_title"}  # fmt: skip
    target = next(r for r in rows if r["source"] == PLAN and r["section"] == ["II", "2", "(3)"])
    assert "98,5" in target["text"]
    assert {r["duplicate_of"] for r in rows if r["source"] == NOTICE_OCR} == {NOTICE}
    one = eduqa(env, "chunks", "--source", NOTICE, "--json")
    assert {json.loads(line)["source"] for line in one.stdout.splitlines()} == {NOTICE}
    missing = eduqa(env, "chunks", "--source", "nope.txt")
    assert missing.returncode == 1 and "no chunks" in missing.stderr


def test_ask_json_and_readable(env):
    run = eduqa(env, "ask", "what is the 2025 target for secondary schools", "--json")
    body = json.loads(run.stdout)
    assert body["answerable"] and "98,5" in body["answer"] and body["language"] == "en"
    readable = eduqa(env, "ask", "chi tieu nam 2025 cho trung hoc", "--top-k", "3")
    assert "98,5" in readable.stdout and "II.2.(3)" in readable.stdout
    filtered = eduqa(env, "ask", "xóa mù chữ", "--json", "--filter", "province=Hải Phòng")
    assert {c["source"] for c in json.loads(filtered.stdout)["retrieved"]} == {
        "haiphong-cv2501-gdtx-2024-08-19-ocr.txt"
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [(["ask", ""], "at least 1 character"), (["ask", "  "], "question is empty"), (["ask", "x" * 1001], "at most 1000"),
     (["ask", "x", "--filter", "colour=red"], "unknown filter"), (["ask", "x", "--filter", "oops"], "key=value")],
)  # fmt: skip
def test_bad_input_gets_a_clear_error(env, args, message):
    run = eduqa(env, *args)
    assert run.returncode == 2
    assert message in run.stderr and "Traceback" not in run.stderr
