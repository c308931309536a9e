"""A page saved without its header (a ministry's news summary of its letter 17899 of the
development corpus) is named by its file name's number, and asked when it was issued it answers
with the sentence stating the date in figures, not the whole opening text."""

from __future__ import annotations

from tests.conftest import DEVCORPUS, service_with

PAGE = DEVCORPUS / "distractors" / "17899_BTC-VP__6a58c855aa6d465c.txt"


def test_the_issue_date_of_a_headless_page_is_its_dated_sentence(tmp_path):
    with service_with(tmp_path, [PAGE]) as service:
        answer = service.ask("Công văn 17899 của Bộ Tài chính được ban hành ngày nào?")
    assert answer.answerable
    first = answer.citations[0]
    assert first.source == PAGE.name
    assert "18/11/2025" in first.quote and "17899" in first.quote and "ban hành" in first.quote
    assert "28/11/2025" not in first.quote  # the training day the page also dates is not its date
    assert len(first.quote) < 300  # the sentence, not the page's whole opening
