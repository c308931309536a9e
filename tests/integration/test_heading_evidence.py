"""Answer-type evidence read under an item's headings, on the `fresh` set's Thông tư 05/2025
(teachers' working time), through the real engine, BM25 only: Điều 8 khoản 3 is headed
'Định mức tiết dạy trung bình trong 01 tuần' and its points state the figures alone ('b) Phó
hiệu trưởng là 04 tiết.'). The questions are not the benchmark's."""

from __future__ import annotations

import pytest

from assistant.answer_ranking import answer_kind
from assistant.decision import answers_kind
from assistant.query import analyse
from assistant.typed_evidence import best_unit, heading_titles
from eval.sets import set_corpus
from tests.conftest import needs_set_corpus, service_with

pytestmark = [pytest.mark.integration, needs_set_corpus("fresh")]

CIRCULAR = set_corpus("fresh") / "bgddt-tt05-2025.txt"


@pytest.fixture(scope="module")
def circular_service(tmp_path_factory):
    with service_with(tmp_path_factory.mktemp("circular"), [CIRCULAR]) as service:
        yield service


def _point(service, question: str, section: list[str]):
    found = [p for p in service.search(question, top_k=20) if p.section == section]
    assert found, f"{section} not among the passages found"
    return found[0]


def test_a_point_answers_beside_the_concept_its_clause_heading_holds(circular_service):
    """The asked 'trung bình … tuần' stands only in the clause's heading: the point states the
    asked count beside it, as the clause's own sentence would."""
    question = "Phó hiệu trưởng trường phổ thông dạy trung bình bao nhiêu tiết mỗi tuần?"
    point = _point(circular_service, question, ["Điều 8", "3", "b"])
    assert "Định mức tiết dạy trung bình trong 01 tuần" in heading_titles(point)
    analysis = analyse(question, circular_service.profile)
    kind = answer_kind(analysis)
    unit = best_unit(analysis, point, circular_service.idf, kind)
    assert unit is not None and "04 tiết" in unit.text
    assert unit.typed and unit.rare and answers_kind(unit, kind)


def test_a_point_whose_headings_lack_the_rarest_concept_does_not_hold_it(circular_service):
    """The headings are read, not the whole document: a homeroom teacher's reduction is asked,
    and the principal's point under 'Định mức tiết dạy trung bình trong 01 tuần' holds no
    'chủ nhiệm'."""
    point = _point(
        circular_service, "Hiệu trưởng dạy trung bình bao nhiêu tiết mỗi tuần?", ["Điều 8", "3", "a"]
    )
    question = "Giáo viên chủ nhiệm lớp được giảm bao nhiêu tiết mỗi tuần?"
    analysis = analyse(question, circular_service.profile)
    unit = best_unit(analysis, point, circular_service.idf, answer_kind(analysis))
    assert unit is not None and not unit.rare
