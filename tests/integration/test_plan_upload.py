"""A provincial plan the corpus has never seen, uploaded over HTTP to a real server on the seed
corpus, once as it is and once as an OCR-like copy (eval.ocr_noise), then asked the questions of
`eval/sets/plan_upload.jsonl`: each answer cites the upload and holds its required text, and the
question the plan does not answer is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.metrics import answer_correct
from eval.ocr_noise import ocr_copy
from eval.sets import devcorpus_root, load_set
from tests.conftest import make_settings
from tests.integration.live_server import ask_after_upload

pytestmark = pytest.mark.integration
PLAN_SOURCE = "distractors/980_KH-UBND__c5d930a5fc8373cd.txt"
QUESTIONS = load_set("plan_upload", Path(__file__).parents[2] / "eval/sets/plan_upload.jsonl")
COPIES = {"clean": "ke-hoach-upload.txt", "ocr": "ke-hoach-scan.txt"}

# (copy, question id) -> why it still fails; strict, so a fix shows up as XPASS.
KNOWN_FAILURES: dict[tuple[str, str], str] = {}
REFUSAL_OPENING = {"vi": "Không tìm thấy thông tin", "en": "The documents do not say"}


def _plan_text(copy: str) -> str:
    path = devcorpus_root() / PLAN_SOURCE
    if not path.exists():
        pytest.skip(f"development corpus not found ({path})")
    clean = path.read_text(encoding="utf-8")
    return clean if copy == "clean" else ocr_copy(clean, seed=7)


@pytest.fixture(scope="module")
def answers(request, tmp_path_factory) -> tuple[str, str, dict[str, dict]]:
    """(copy, uploaded id, answers by question id) from one server with that copy uploaded."""
    copy = request.param
    settings = make_settings(tmp_path_factory.mktemp(f"plan-{copy}"))
    doc_id, got = ask_after_upload(settings, COPIES[copy], _plan_text(copy), QUESTIONS)
    return copy, doc_id, got


def _cases():
    for copy in COPIES:
        for q in QUESTIONS:
            reason = KNOWN_FAILURES.get((copy, q["id"]))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(copy, q, marks=marks, id=f"{copy}-{q['id']}-{q['lang']}")


@pytest.mark.parametrize(("answers", "question"), list(_cases()), indirect=["answers"])
def test_plan_question(answers, question):
    _, doc_id, got = answers
    body = got[question["id"]]
    if question["kind"] == "unanswerable":
        assert not body["answerable"], body["answer"]
        assert body["answer"].startswith(REFUSAL_OPENING[question["lang"]]), body["answer"]
        return
    assert body["answerable"], body["answer"]
    assert body["citations"] and body["citations"][0]["source"] == doc_id, body["citations"][:1]
    assert answer_correct(body["answer"], question["must_contain"]), body["answer"]
