"""Listing questions answered on the seed corpus through the real engine (BM25 only): the points
an item lists on one line (in quotes, after 'như:') and the things of the asked kind it names
one after another lead the answer, counted, in the OCR letter's restored reading; an answer
citing items from several places counts items, not things. The questions are not the
benchmark's."""

from __future__ import annotations

import pytest

from tests.asking import answered, lead

pytestmark = pytest.mark.integration


def test_points_listed_in_quotes_on_one_line_lead_counted(seed_service):
    text = answered(
        seed_service, "Hải Phòng hướng dẫn áp dụng những mô hình nào cho học viên xóa mù chữ học yếu?"
    )
    lines = text.split("\n")
    assert lines[0] == "Có 3 mục [1]:"
    assert lines[1].startswith("- con cháu hướng dẫn cho") and lines[1].endswith("ông bà")
    assert lines[2].startswith("- học viên") and lines[4] == ""  # then the quote


def test_the_things_of_the_asked_kind_an_item_names_lead_counted(seed_service):
    text = answered(seed_service, "Hải Phòng công nhận cộng đồng học tập theo các thông tư nào?")
    lines = text.split("\n")
    assert lead(text) == "Có 2 mục [1]:"
    assert lines[1].startswith("- Thông tư số 24/2023/TT-BGD") and lines[2].startswith(
        "- Thông tư số 25/2023/TT-BGD"
    )


def test_items_from_several_places_are_counted_as_items(seed_service):
    answer = seed_service.ask("Hải Phòng giao những nhiệm vụ nào về xóa mù chữ?")
    assert answer.answerable, answer.answer
    parents = {tuple(c.section[:-1]) for c in answer.citations}
    assert len(answer.citations) > 1 and len(parents) > 1
    assert lead(answer.answer) == f"Các mục trả lời ({len(answer.citations)} mục của văn bản):"
