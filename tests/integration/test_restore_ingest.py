"""Restored OCR at ingest, in the API, on the page and on the command line, over the real seeds."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.models import Citation
from ingest.chunks import Chunk
from ingest.restore.document import check_digits, numbers
from tests.conftest import BACGIANG, CORPUS, NOTICE, NOTICE_OCR, PLAN, ROOT
from ui.app import citation_html

pytestmark = pytest.mark.integration
PLAN_QUESTION = "chỉ tiêu năm 2025 cho trung học là gì?"
HEADING = re.compile(r"Ch[iỉ] tiêu đến")


@pytest.fixture(scope="module")
def client(seed_settings, seed_service):
    with TestClient(create_app(seed_settings, service=seed_service)) as c:
        yield c


def listing(service, source: str) -> list[dict]:
    fields = Chunk.__dataclass_fields__
    return [Chunk(**{k: p[k] for k in fields if k in p}).as_listing() for p in service.chunks(source)]


def test_ocr_documents_are_restored_and_clean_ones_left_alone(seed_service):
    for source in (PLAN, NOTICE_OCR):
        rows = listing(seed_service, source)
        assert rows and all(r["restored"] and r["display_text"] != r["text"] for r in rows)
        for row in rows:  # every number of the restored text stands in the original, in order
            check_digits(row["text"], row["display_text"])
    for source in (NOTICE, BACGIANG):
        rows = listing(seed_service, source)
        assert rows and not any(r["restored"] for r in rows)
        assert all(r["display_text"] == r["text"] for r in rows)
    plan = listing(seed_service, PLAN)
    assert plan[0]["doc"]["display_title"].startswith("Thực hiện Kế hoạch hành động số 281/KH-UBND")
    # the heading reads restored; 'Chi' (chỉ or chi: the model is not sure) stays as OCR read it
    assert any(HEADING.search(" > ".join(p["display_titles"])) for p in seed_service.chunks(PLAN))


def test_the_api_answers_with_restored_quotes_and_figures_from_the_original(client):
    body = client.post("/api/ask", json={"question": PLAN_QUESTION}).json()
    restored = [c for c in body["citations"] if c["restored"]]
    assert restored, "the plan exists only as OCR: its passages must come restored"
    for citation in restored:
        assert citation["display_text"] and citation["display_text"] != citation["text"]
        for number in numbers(citation["display_quote"] or ""):
            assert number in citation["text"]  # every figure quoted stands in the original
        if citation["display_quote"]:
            assert citation["display_quote"] in body["answer"]
    assert "Phấn đấu học sinh trung học" in body["answer"]  # the quote reads as restored
    assert "Phan &au hoc sinh" not in body["answer"]
    assert HEADING.search(body["answer"])  # and so does the heading path that leads it in


def test_the_page_shows_the_restored_passage_marked_with_the_original_a_click_away(seed_service):
    answer = seed_service.ask(PLAN_QUESTION)
    citation = next(c for c in answer.citations if c.restored)
    page = citation_html(citation, "vi")
    assert "văn bản OCR, đã khôi phục dấu tự động" in page
    assert "Xem văn bản OCR gốc" in page and "<details" in page
    assert "Thực hiện Kế hoạch hành động" in page  # the restored title
    clean = Citation(**(citation.model_dump() | {"restored": False}))
    assert "khôi phục dấu" not in citation_html(clean, "vi")
    hostile = citation.model_copy(update={"display_text": "<img src=x> đạt", "display_quote": "đạt"})
    assert "<img" not in citation_html(hostile, "vi") and "&lt;img src=x&gt;" in citation_html(hostile, "vi")


def run(*args: str) -> subprocess.CompletedProcess:
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "eduqa.cli", "restore", *args], cwd=ROOT,
                          capture_output=True, text=True, env=env, timeout=300)  # fmt: skip


def test_cli_prints_the_restored_text_and_leaves_clean_text(tmp_path):
    done = run(str(CORPUS / NOTICE_OCR))
    assert done.returncode == 0 and "judged OCR" in done.stderr
    assert "Hội nghị quán triệt, triển khai thực hiện Chỉ thị số 38-CT/TU ngày 05/9/2023" in done.stdout
    clean = run(str(CORPUS / NOTICE))
    assert clean.returncode == 0 and clean.stdout == (CORPUS / NOTICE).read_text()
    missing = run(str(tmp_path / "nothing.txt"))
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
    bare = run()
    assert bare.returncode != 0 and "--build" in bare.stderr and "Traceback" not in bare.stderr
