"""Documents saved without their header (no 'Số: …' line, so the index records no number): three
headless letters of the development corpus (two of a ministry, one of a statistics office),
ingested BM25-only through the real engine. A letter cited by its number is answered from it
(its number is written only in its annex, far from the passages that answer); a number no file
carries and no passage writes is refused, and the refusal names it."""

from __future__ import annotations

import pytest

from assistant.decision import cited_elsewhere, fitting_passages
from assistant.query import analyse
from tests.conftest import DEVCORPUS, service_over

pytestmark = pytest.mark.integration
HEADLESS = [
    "17809_BTC-CTK__2d737276bf416017.txt",
    "6225_BVHTTDL-VP__987cadc82373c854.txt",
    "6278_BVHTTDL-VP__7f6efa59099bb33b.txt",
]
DIRECTIVE = "Công văn {} của Bộ VHTTDL triển khai Chỉ thị nào của Thủ tướng Chính phủ?"


@pytest.fixture(scope="module")
def headless_service(tmp_path_factory):
    yield from service_over(
        tmp_path_factory.mktemp("headless"), [DEVCORPUS / "distractors" / name for name in HEADLESS]
    )


def cited(service, question: str) -> str:
    analysis = analyse(question, service.profile)
    best = fitting_passages(analysis, service.search(question, 20)[:5])[0]
    return cited_elsewhere(analysis, best, service.profile)


def test_the_headless_documents_record_no_number(headless_service):
    """The index records no header number; the profile names each by its file name's."""
    assert {(d.get("doc") or {}).get("number") or "" for d in headless_service.documents()} == {""}
    assert {d.number for d in headless_service.profile.documents} == {"17809", "6225", "6278"}


def test_a_letter_cited_by_its_file_name_number_is_held(headless_service):
    question = DIRECTIVE.format(6225)
    assert cited(headless_service, question) == ""
    answer = headless_service.ask(question)
    assert answer.answerable
    assert answer.citations and answer.citations[0].source == HEADLESS[1]


@pytest.mark.parametrize("number", ["6226", "17810"])
def test_a_number_no_file_carries_is_refused(headless_service, number):
    question = DIRECTIVE.format(number)
    assert cited(headless_service, question) == number
    answer = headless_service.ask(question)
    assert not answer.answerable
    assert f"mang số {number}" in answer.answer  # the refusal names the number it does not hold


def test_a_number_only_the_file_name_carries_is_covered(headless_service):
    """6278 is written nowhere in its letter (header and annex lost): the file name bears it, so
    the corpus covers it and the question is not refused as about a document it lacks."""
    assert "6278" not in (DEVCORPUS / "distractors" / HEADLESS[2]).read_text(encoding="utf-8")
    assert headless_service.profile.covers_number("6278")
    assert not headless_service.profile.covers_number("6279")
    answer = headless_service.ask("Theo Công văn 6278, Vụ Pháp chế phải làm gì?")
    assert "mang số 6278" not in answer.answer
    if answer.answerable:
        assert answer.citations[0].source == HEADLESS[2]
