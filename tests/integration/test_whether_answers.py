"""A yes/no question on a fee resolution is answered by the item that says whether, not by a
fee row: the real reader, search and answer over the development corpus's directives."""

from __future__ import annotations

QUESTION = "Can Hanoi schools still collect the service charges when classes move online?"


def test_a_whether_question_is_answered_by_the_rule_not_a_fee(directives_service):
    answer = directives_service.ask(QUESTION)
    assert answer.answerable
    first = answer.citations[0]
    assert first.source == "directives/hanoi-nq60-2025.txt"
    assert "học trực tuyến" in first.quote and "không triển khai" in first.quote
    assert not answer.answer.startswith("Mức trần")
