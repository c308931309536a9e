"""A gold quote that is an item's lead-in ('5. Nghị quyết này bãi bỏ các văn bản sau:') resolves
to the points under it, whose chunks hold the item's text: read from the development corpus's
Vĩnh Long resolution on exam spending, whose clause 5 of Điều 4 repeals three texts."""

from __future__ import annotations

import pytest

from eval.gold import resolve_quote
from ingest.chunks import parse_document
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.unit
RESOLUTION = DEVCORPUS / "directives" / "vinhlong-nq22-2025.txt"


def _chunks() -> list[dict]:
    if not RESOLUTION.exists():
        pytest.skip(f"development corpus not found ({RESOLUTION})")
    text = RESOLUTION.read_text(encoding="utf-8")
    return [c.as_payload() for c in parse_document(RESOLUTION.name, text).chunks]


def test_a_quoted_lead_in_resolves_to_the_points_under_it():
    chunks = _chunks()
    section = {c["id"]: c["section"] for c in chunks}
    assert not any("Nghị quyết này bãi bỏ các văn bản sau" in c["text"] for c in chunks)  # a title only
    found = resolve_quote("5. Nghị quyết này bãi bỏ các văn bản sau:", chunks)
    assert [section[i] for i in found] == [["Điều 4", "5", p] for p in "abc"]


def test_a_quote_of_an_items_own_text_resolves_to_that_item_alone():
    chunks = _chunks()
    section = {c["id"]: c["section"] for c in chunks}
    found = resolve_quote("Nghị quyết có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026", chunks)
    assert [section[i] for i in found] == [["Điều 4", "4"]]
    assert resolve_quote("Nghị quyết này bãi bỏ các văn bản trước", chunks) == []  # no such heading
