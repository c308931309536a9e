"""A count question is led by the item that counts the asked thing: Nghệ An's decision 3760
(development corpus) approves '05 quy trình nội bộ' in Điều 1, while Điều 3 repeals procedures
'số 1 … số 3' of another decision; both hold numbers, only one counts procedures."""

from __future__ import annotations

from assistant.lead_traits import counts_asked

QUESTION = "Quyết định 3760 của Nghệ An phê duyệt bao nhiêu quy trình nội bộ?"


def test_the_item_counting_the_procedures_leads(directives_service):
    answer = directives_service.ask(QUESTION)
    assert answer.answerable
    first = answer.citations[0]
    assert first.source == "directives/nghean-qd3760-2025.txt"
    assert first.section == ["Điều 1"]
    assert "05 quy trình nội bộ" in first.quote


def test_what_counts_the_asked_thing():
    assert counts_asked(QUESTION, "Phê duyệt kèm theo Quyết định này 05 quy trình nội bộ")
    assert not counts_asked(QUESTION, "Bãi bỏ quy trình nội bộ số 1 Mục VI, số 3 Mục VI")
    assert counts_asked("Tỷ lệ là bao nhiêu phần trăm?", "đạt 98%")  # no counted thing named
