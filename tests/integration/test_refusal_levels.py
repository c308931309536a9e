"""A fee asked for a school level the schedule gives the asked service no figure for is refused,
though other services' rows name that level; the same service for a level it lists is answered
— on the development corpus's directives, through the real engine (BM25 only)."""

from __future__ import annotations

import pytest

from assistant.decision import fitting_passages
from assistant.kind_evidence import SCOPED_KINDS
from assistant.query import analyse
from assistant.scope_evidence import rare_unit_off_level

pytestmark = pytest.mark.integration
UPPER_SECONDARY = (
    "Ở Hà Nội, trường trung học phổ thông được thu tối đa bao nhiêu tiền trang thiết bị phục vụ bán trú?"
)
PRESCHOOL = "Ở Hà Nội, trường mầm non được thu tối đa bao nhiêu tiền trang thiết bị phục vụ bán trú?"


def off_level(service, question: str) -> bool:
    analysis = analyse(question, service.profile)
    fitting, _ = fitting_passages(analysis, service.search(question, 20)[:5])
    return rare_unit_off_level(analysis, fitting, service.idf, SCOPED_KINDS)


def test_a_service_fee_for_a_level_the_schedule_does_not_list_is_refused(directives_service):
    assert off_level(directives_service, UPPER_SECONDARY)
    assert not directives_service.ask(UPPER_SECONDARY).answerable


def test_the_same_service_for_a_level_the_schedule_lists_is_answered(directives_service):
    assert not off_level(directives_service, PRESCHOOL)
    asked = directives_service.ask(PRESCHOOL)
    assert asked.answerable and "200.000" in asked.answer
