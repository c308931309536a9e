"""Which document an answer names when a document is asked for, over the development corpus's
directives through the real engine: the one the item cites, not the resolution the question
names already (whose own appendix title and header cite it too)."""

from __future__ import annotations

import pytest

from assistant.lead_choice import cites_another
from assistant.query import analyse

pytestmark = pytest.mark.integration
FEES = "directives/hanoi-nq60-2025.txt"


def test_the_replaced_resolution_leads_not_the_one_asked_about(directives_service):
    answer = directives_service.ask("Nghị quyết 60/2025/NQ-HĐND của Hà Nội bãi bỏ nghị quyết nào?")
    assert answer.answerable
    lead = answer.citations[0]
    assert lead.source == FEES and lead.section[0] == "Điều 4"
    assert "03/2024/NQ-HĐND" in answer.answer.split("\n")[0]


def test_a_reference_to_the_named_document_is_no_other_document(directives_service):
    analysis = analyse("Nghị quyết 60/2025/NQ-HĐND thay thế nghị quyết nào?", directives_service.profile)
    passage = directives_service.search("Nghị quyết 60/2025/NQ-HĐND thay thế nghị quyết nào?", 20)[0]
    assert not cites_another(
        analysis, passage, "(Kèm theo Nghị quyết số 60/2025/NQ-HĐND ngày 27 tháng 11 năm 2025)"
    )
    assert cites_another(analysis, passage, "Nghị quyết số 03/2024/NQ-HĐND ngày 29 tháng 3 năm 2024")
