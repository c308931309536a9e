"""The count above a listing answer citing several items: the asked things counted only when the
items are the points of one list (Hải Phòng's literacy tasks II.3.a, II.3.b of the seed letter);
items from two places are said to be items, not things."""

from __future__ import annotations

import pytest

from assistant.copies import Passage
from assistant.listing_head import listing_head, points_of_one_list
from assistant.query import analyse
from ingest.chunks import parse_document
from tests.conftest import CORPUS, HAIPHONG

pytestmark = pytest.mark.unit


def _passages(*sections: list[str]) -> list[Passage]:
    path = CORPUS / HAIPHONG
    chunks = parse_document(path.name, path.read_text(encoding="utf-8")).chunks
    first = [next(c for c in chunks if c.section == s) for s in sections]
    return [Passage(c.id, HAIPHONG, c.section, c.section_title or "", c.text, {}, 1.0) for c in first]


def test_the_points_of_one_list_are_counted_as_the_asked_things():
    points = _passages(["II", "3", "a"], ["II", "3", "b"])
    assert points_of_one_list(points)
    assert (
        listing_head(analyse("Hải Phòng giao những nhiệm vụ nào về xóa mù chữ?"), points) == "Có 2 nhiệm vụ:"
    )
    assert listing_head(analyse("Which tasks does Hai Phong set for literacy classes?"), points) == "2 tasks:"
    assert listing_head(analyse("Liệt kê các việc Hải Phòng giao về xóa mù chữ"), points) == "Có 2 mục:"


def test_items_from_several_places_are_counted_as_items():
    items = _passages(["II", "3", "b"], ["II", "7", "c"])
    assert not points_of_one_list(items)
    question = analyse("Hải Phòng giao những nhiệm vụ nào về xóa mù chữ?")
    assert listing_head(question, items) == "Các mục trả lời (2 mục của văn bản):"
    english = analyse("Which tasks does Hai Phong set for literacy classes?")
    assert listing_head(english, items) == "Items that answer (2 items of the documents):"
