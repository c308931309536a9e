"""English questions that name the kind of item asked, over the development corpus's directives
through the real engine: "who pays" finds the item a resolution heads "Nguồn kinh phí", "which
teachers are entitled" the "Đối tượng áp dụng" point, though neither shares a word with them."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    ("question", "source", "section"),
    [("Who pays for the exam allowances in Vĩnh Long?", "directives/vinhlong-nq22-2025.txt", ["Điều 3", "1"]),
     ("Which teachers are entitled to Vĩnh Long's monthly preschool support?",
      "directives/vinhlong-nq21-2025.txt", ["Điều 1", "2", "b"])],
)  # fmt: skip
def test_the_asked_kind_of_item_ranks_near_the_top(directives_service, question, source, section):
    found = [(p.source, p.section) for p in directives_service.search(question, top_k=3)]
    assert (source, section) in found, found
