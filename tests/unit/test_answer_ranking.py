"""Which passage of a resolution ranks first, on the development corpus's real directives through
the real engine: a question about what it provides ranks the numbered item that states the
figure above the header parts that repeat its title; a question about the document itself
still ranks the header part that states the answer first."""

from __future__ import annotations

import pytest

from assistant.answer_ranking import content_question, figure_ranking, is_header_part
from assistant.query import analyse
from assistant.search import LIFTS, boost

pytestmark = pytest.mark.unit
SUPPORT = "directives/vinhlong-nq21-2025.txt"  # support for preschool children and teachers


def first_of(passages, keep):
    return next((i for i, p in enumerate(passages) if keep(p)), len(passages))


@pytest.mark.parametrize(
    ("question", "item", "figure"),
    [
        ("Giáo viên mầm non dạy ở nhà trẻ dân lập tại nơi có nhiều lao động ở Vĩnh Long được hỗ trợ "
         "bao nhiêu tiền một tháng?", ["Điều 2", "2"], "800.000"),
        ("Vinh Long ho tro tre em mam non con cong nhan toi da may thang moi nam hoc?", ["Điều 2", "1"],
         "09 tháng"),
    ],
)  # fmt: skip
def test_a_content_question_ranks_the_body_item_above_the_header(directives_service, question, item, figure):
    top = directives_service.search(question, 10)
    answering = first_of(top, lambda p: p.source == SUPPORT and p.section == item)
    header = first_of(top, lambda p: p.source == SUPPORT and is_header_part(p.payload))
    assert answering < 5 and answering < header
    assert figure in top[answering].text


@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("Nghị quyết 21/2025/NQ-HĐND của Vĩnh Long do ai ký?", "signature"),
        ("Nghị quyết 21/2025/NQ-HĐND của Vĩnh Long được ban hành căn cứ những văn bản nào?", "basis"),
        ("Nghị quyết 21/2025/NQ-HĐND của Vĩnh Long được gửi đến những nơi nào?", "recipients"),
    ],
)
def test_a_header_question_still_ranks_the_header_first(directives_service, question, part):
    best = directives_service.search(question, 5)[0]
    assert best.source == SUPPORT
    assert (best.payload.get("extra") or {}).get("header") == part


def test_header_parts_are_discounted_only_for_content_questions(directives_service):
    profile = directives_service.profile
    opening = next(c for c in directives_service.chunks(SUPPORT) if is_header_part(c))
    amount = analyse("Mức hỗ trợ cho giáo viên mầm non là bao nhiêu tiền mỗi tháng?", profile)
    signer = analyse("Ai ký nghị quyết hỗ trợ giáo viên mầm non?", profile)
    assert content_question(amount) and not content_question(signer)
    as_item = opening | {"section": ["Điều 9"], "extra": {}}  # the same text in the numbered body
    assert boost(amount, opening) == pytest.approx(boost(amount, as_item) * (1 - LIFTS["header"]))
    assert boost(signer, opening) == pytest.approx(boost(signer, as_item))


def test_the_figure_ranking_holds_only_body_items_stating_the_asked_kind(directives_service):
    analysis = analyse("Giáo viên mầm non được hỗ trợ bao nhiêu tiền mỗi tháng?", directives_service.profile)
    hits = figure_ranking(directives_service.index, analysis, [SUPPORT])
    assert hits and all(h.payload["source"] == SUPPORT and h.payload["section"] for h in hits)
    assert all("đồng" in h.payload["text"] for h in hits)
    where = analyse("Nghị quyết hỗ trợ giáo viên mầm non do ai ký?", directives_service.profile)
    assert figure_ranking(directives_service.index, where, [SUPPORT]) == []
