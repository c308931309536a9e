"""Two refusals the metamorphic negatives asked for, on the development corpus's directives
through the real engine (BM25 only): a document number that no indexed document bears and no
best passage writes (assistant/coded_numbers.py), and a school level that none of the best
passages speaks of while they speak level by level (assistant/scope_evidence.py)."""

from __future__ import annotations

import pytest

from assistant.coded_numbers import cites_number, unnamed_cited
from assistant.decision import cited_elsewhere, fitting_passages
from assistant.query import analyse
from assistant.scope_evidence import level_unstated, stated_levels
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.integration
HANOI_FEES = "Mức trần tiền ăn bữa trưa của học sinh theo Nghị quyết {n}/2025 của Hà Nội là bao nhiêu?"
VINHLONG_SUPPORT = "Theo nghị quyết hỗ trợ của Vĩnh Long, {who} được hỗ trợ bao nhiêu tiền mỗi tháng?"


def fitting(service, question: str):
    analysis = analyse(question, service.profile)
    return analysis, fitting_passages(analysis, service.search(question, 20)[:5])[0]


def test_a_document_number_is_read_as_written_in_a_real_resolution():
    text = (DEVCORPUS / "directives" / "hanoi-nq60-2025.txt").read_text(encoding="utf-8")
    assert cites_number(text, "60") and cites_number(text, "163")  # its own number, a cited decree
    assert not cites_number(text, "121")
    assert cites_number("theo Quyết định số 01814", "1814")  # leading zeros aside
    assert not cites_number("có 121 học sinh", "121")  # a count is not a document's number
    assert unnamed_cited(["121", "60"], {"60"}, [text]) == ["121"]


def test_a_resolution_number_the_corpus_lacks_is_refused_and_its_own_is_answered(directives_service):
    analysis, best = fitting(directives_service, HANOI_FEES.format(n=121))
    assert cited_elsewhere(analysis, best, directives_service.profile) == "121"
    refused = directives_service.ask(HANOI_FEES.format(n=121))
    assert not refused.answerable and refused.answer.startswith("Không tìm thấy")
    analysis, best = fitting(directives_service, HANOI_FEES.format(n=60))
    assert cited_elsewhere(analysis, best, directives_service.profile) == ""
    answered = directives_service.ask(HANOI_FEES.format(n=60))
    assert answered.answerable and "35.000" in answered.answer


def test_an_english_question_on_an_absent_number_is_refused_in_english(directives_service):
    asked = directives_service.ask("What is the lunch cap under Hanoi resolution 121/2025?")
    assert not asked.answerable and asked.answer.startswith("The documents do not say")


def test_a_level_the_support_resolution_does_not_speak_of_is_refused(directives_service):
    analysis, best = fitting(
        directives_service, VINHLONG_SUPPORT.format(who="học viên giáo dục thường xuyên")
    )
    assert best and any(stated_levels(p) for p in best)
    assert level_unstated(analysis, best)
    asked = directives_service.ask(VINHLONG_SUPPORT.format(who="học viên giáo dục thường xuyên"))
    assert not asked.answerable
    analysis, best = fitting(directives_service, VINHLONG_SUPPORT.format(who="trẻ mầm non là con công nhân"))
    assert not level_unstated(analysis, best)


def test_a_passage_for_general_education_speaks_of_each_of_its_levels(directives_service):
    from ingest.text import fold_accents

    _, best = fitting(directives_service, "Học phí trường phổ thông công lập ở Vĩnh Long là bao nhiêu?")
    general = [p for p in best if "pho thong" in fold_accents(p.text)]
    assert general
    for passage in general:
        assert {"tiểu học", "THCS", "THPT"} <= stated_levels(passage)
