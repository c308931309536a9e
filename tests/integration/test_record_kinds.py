"""A target record leads an answer only when the question asks what a target's value gives (a
rate, an amount, a count, a duration, a year): an item holding both a task and a target, asked
'when' or 'which', is answered by its quote, not by its rate."""

from __future__ import annotations

QUESTION_WHEN = "In Quang Ninh, which exam results count as a key yardstick when schools' quality is graded?"
QUESTION_RATE = "Quảng Ninh phấn đấu tỷ lệ học sinh tiểu học học 2 buổi/ngày năm 2025 đạt bao nhiêu?"


def test_a_when_question_is_not_led_by_the_items_rate(seed_service):
    answer = seed_service.ask(QUESTION_WHEN)
    assert answer.answerable
    first = answer.citations[0]
    assert (first.source, first.section) == ("quangninh-tb3677-2023-12-15.txt", ["4"])
    assert "100%" not in answer.answer.splitlines()[0]  # the item's own 2025 rate is not the answer
    assert "thi tuyển sinh vào lớp 10" in answer.answer


def test_a_rate_asked_of_the_same_item_is_still_led_by_its_record(seed_service):
    answer = seed_service.ask(QUESTION_RATE)
    assert answer.answerable
    assert answer.answer.splitlines()[0].startswith("100%")
