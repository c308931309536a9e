"""Answers on the `schoolyear` set's dev documents through the real engine, BM25 only: a page
that quotes a Sở GDĐT's guidance for the year under a title of its own has no header, and the
province its title and opening name is its province. The questions are not the benchmark's."""

from __future__ import annotations

import pytest

from eval.sets import set_corpus
from ingest.chunks import parse_document
from tests.asking import answered, refused
from tests.conftest import needs_set_corpus, service_with

pytestmark = [pytest.mark.integration, needs_set_corpus("schoolyear")]

SCHOOLYEAR = set_corpus("schoolyear")
DOCUMENTS = ("hanoi-cv3628-2025.txt", "tuyenquang-qd986-2024.txt", "bgddt-tt29-2024.txt")


@pytest.fixture(scope="module")
def schoolyear_service(tmp_path_factory):
    with service_with(tmp_path_factory.mktemp("schoolyear"), (SCHOOLYEAR / n for n in DOCUMENTS)) as service:
        yield service


def _meta(name: str):
    return parse_document(name, (SCHOOLYEAR / name).read_text(encoding="utf-8")).meta


def test_a_headerless_page_takes_the_province_its_title_names():
    assert _meta("hanoi-cv3628-2025.txt").province == "Hà Nội"
    assert _meta("hcm-cv2512-2025.txt").province == "Hồ Chí Minh"  # 'TPHCM' in the title


def test_a_page_naming_every_province_or_none_takes_none():
    assert _meta("lich-nghi-he-2025.txt").province is None  # a table of all 63 provinces
    assert _meta("ttg-ct26-2025.txt").province is None  # a national directive
    assert _meta("tuyenquang-qd986-2024.txt").province == "Tuyên Quang"  # read from its header


def test_a_question_naming_the_pages_province_is_answered(schoolyear_service):
    answer = answered(schoolyear_service, "Sở GDĐT Hà Nội nêu chủ đề năm học 2025 - 2026 là gì?")
    assert "Sở Giáo dục và Đào tạo Hà Nội" in answer  # quoted from the page, not refused


def test_a_question_naming_another_province_is_still_refused(schoolyear_service):
    refusal = refused(schoolyear_service, "Chủ đề năm học 2025 - 2026 của Sở GDĐT Đà Nẵng là gì?")
    assert "Đà Nẵng" in refusal.answer
