"""A document saved without its header (no 'Số: …' line, so the index records no number) still
bears the number its file name carries when a question cites it: the fresh Bộ VHTTDL letter
(bvhttdl-cv6386-2025.txt) and two headless distractors of the development corpus, ingested
BM25-only through the real engine. A number no file carries is still refused."""

from __future__ import annotations

import pytest

from assistant.decision import cited_elsewhere, fitting_passages
from assistant.query import analyse
from eval.sets import set_corpus
from tests.conftest import DEVCORPUS, needs_set_corpus, service_over

pytestmark = [pytest.mark.integration, needs_set_corpus("fresh")]
LETTER = set_corpus("fresh") / "bvhttdl-cv6386-2025.txt"
HEADLESS = ["17809_BTC-CTK__2d737276bf416017.txt", "6225_BVHTTDL-VP__987cadc82373c854.txt"]
ASEAN = "Theo Công văn 6386, các viện nghiên cứu được khuyến khích tham gia mạng lưới nghiên cứu khu vực nào?"


@pytest.fixture(scope="module")
def headless_service(tmp_path_factory):
    yield from service_over(
        tmp_path_factory.mktemp("headless"),
        [LETTER] + [DEVCORPUS / "distractors" / name for name in HEADLESS],
    )


def cited(service, question: str) -> str:
    analysis = analyse(question, service.profile)
    best = fitting_passages(analysis, service.search(question, 20)[:5])[0]
    return cited_elsewhere(analysis, best, service.profile)


def test_the_headless_documents_record_no_number(headless_service):
    """The index records no header number; the profile names a document by the number its file
    name opens with, never by one inside a descriptive name ('bvhttdl-cv6386-2025')."""
    assert {(d.get("doc") or {}).get("number") or "" for d in headless_service.documents()} == {""}
    assert {d.number for d in headless_service.profile.documents} == {"", "17809", "6225"}


def test_a_letter_cited_by_its_file_name_number_is_answered(headless_service):
    assert cited(headless_service, ASEAN) == ""
    answer = headless_service.ask(ASEAN)
    assert answer.answerable and "ASEAN" in answer.answer
    assert "6386" not in answer.answer.split("[1]")[-1].split("(")[0]  # never shown as a header number


def test_a_headless_distractor_cited_by_its_number_is_held(headless_service):
    # its number is written only in its annex, far from the passages that answer
    question = "Công văn 6225 của Bộ VHTTDL triển khai Chỉ thị nào của Thủ tướng Chính phủ?"
    assert cited(headless_service, question) == ""
    assert headless_service.ask(question).answerable


def test_a_number_no_file_carries_is_refused(headless_service):
    question = ASEAN.replace("6386", "6387")
    assert cited(headless_service, question) == "6387"
    assert not headless_service.ask(question).answerable
