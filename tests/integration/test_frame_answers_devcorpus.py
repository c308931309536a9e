"""English questions naming the kind of item asked ("who pays", "where does the money come
from", "who is eligible") answered from the development corpus's directives through the real
engine (BM25 only): the answer leads with the item the resolution heads that way ("Nguồn kinh
phí", "Đối tượng áp dụng"), though the question shares no word with it; and a decision taking
effect on signing is answered with its date. The questions are not the benchmark's."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


def _lead(answer):
    assert answer.answerable and answer.citations
    first = answer.citations[0]
    assert answer.answer.split("\n")[0].endswith("[1]")  # the answer opens with that item's quote
    return first


def test_who_pays_leads_with_the_funding_source_clause(directives_service):
    lead = _lead(directives_service.ask("Who pays for the exam allowances in Vĩnh Long?"))
    assert lead.source.endswith("vinhlong-nq22-2025.txt") and lead.section == ["Điều 3", "1"]
    assert lead.text.startswith("1. Nguồn kinh phí")


def test_where_the_money_comes_from_leads_with_the_funding_source_clause(directives_service):
    answer = directives_service.ask("Where does the money for Vĩnh Long's preschool support come from?")
    lead = _lead(answer)
    assert lead.source.endswith("vinhlong-nq21-2025.txt") and lead.section == ["Điều 2", "4"]
    assert "“Nguồn kinh phí: Sử dụng ngân sách địa phương" in answer.answer.split("\n")[0]


def test_who_is_eligible_leads_with_an_item_under_the_persons_covered(directives_service):
    answer = directives_service.ask("Who is eligible for Vĩnh Long's monthly preschool support?")
    lead = _lead(answer)
    assert lead.source.endswith("vinhlong-nq21-2025.txt") and lead.section[:2] == ["Điều 1", "2"]
    assert "Đối tượng áp dụng" in answer.answer.split("\n")[1]  # where it stands, by its heading


def test_a_decision_effective_on_signing_is_answered_with_its_date(directives_service):
    answer = directives_service.ask("Quyết định 53/2025 của Cao Bằng có hiệu lực từ khi nào?")
    lead = answer.citations[0]
    assert answer.answerable and lead.source.endswith("caobang-qd53-2025.txt")
    assert "“Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.” [1]" in answer.answer
    assert (
        answer.answer.split("\n")[0] == "Ngày ký: 28/11/2025 [1]"
    )  # the header's 'ngày 28 tháng 11 năm 2025'
