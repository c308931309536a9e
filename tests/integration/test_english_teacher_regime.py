"""English questions on a teacher's working regime (the periods a homeroom teacher is relieved
of, periods converted into standard periods), through the real bundled model on two real
documents of 2025 (Thông tư 05/2025 on teachers' working time; the Bộ VHTTDL letter beside it).
The questions are not the benchmark's."""

from __future__ import annotations

import pytest

from eval.sets import set_corpus
from tests.conftest import model_service_over, needs_set_corpus

pytestmark = [pytest.mark.integration, needs_set_corpus("fresh")]

FRESH = set_corpus("fresh")
DOCUMENTS = ("bgddt-tt05-2025.txt", "bvhttdl-cv6386-2025.txt")


@pytest.fixture(scope="module")
def regime_service(tmp_path_factory):
    """The two documents ingested with the bundled model (vectors cached for the module)."""
    yield from model_service_over(tmp_path_factory.mktemp("english-regime"), [FRESH / n for n in DOCUMENTS])


def top_texts(service, question: str, limit: int = 5) -> list[str]:
    from assistant.query import analyse
    from assistant.search import search

    analysis = analyse(question, service.profile)
    passages = search(service.index, analysis, embedder=service.embedder, mode="hybrid", limit=limit)
    return [" ".join(p.text.split()) for p in passages]


def test_a_form_teachers_reduced_periods_are_found(regime_service):
    texts = top_texts(
        regime_service, "By how many periods a week is the teaching load of a form teacher reduced?"
    )
    assert any("Giáo viên chủ nhiệm lớp" in t and "giảm 04 tiết/tuần" in t for t in texts)


def test_periods_converted_into_standard_periods_are_found(regime_service):
    texts = top_texts(
        regime_service, "How are periods taught in a gifted class converted into standard periods?"
    )
    assert any("quy đổi bằng 03 tiết định mức" in t for t in texts)
