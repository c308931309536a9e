"""Answers of the asked kind over real documents of the development corpus, through the real
engine: an amount question answers with the fee row's figure and unit, first, with its [n];
a question about a fee the resolution does not list is refused in the question's language."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


def test_an_amount_question_answers_with_the_rows_figure(directives_service):
    answer = directives_service.ask("Mức trần tiền nước uống của học sinh ở Hà Nội là bao nhiêu một tháng?")
    assert answer.answerable
    first = answer.answer.split("\n")[0]
    assert "16.000 Đồng/học sinh/tháng" in first and first.endswith("[1]")
    lead = answer.citations[0]
    assert lead.source == "directives/hanoi-nq60-2025.txt" and "16.000" in lead.quote


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Mức thu tiền học bơi ở các trường công lập Hà Nội là bao nhiêu?", "Không tìm thấy"),
        pytest.param(
            "How much do Hanoi public schools charge for swimming lessons?",
            "The documents do not say.",
            marks=pytest.mark.xfail(
                strict=True,
                reason=(
                    "known regression: 'swimming' has no rendering (no document uses 'bơi'), 'lessons' "
                    "renders as 'tiết', and the figure ranking brings up the per-'tiết dạy' fee row, so "
                    "the calibrated score passes its cut; an English near-miss on untranslated words "
                    "lost dev answers on both sets and was not taken"
                ),
            ),
        ),
    ],
)
def test_a_fee_the_resolution_does_not_list_is_refused(directives_service, question, opening):
    answer = directives_service.ask(question)
    assert not answer.answerable
    assert answer.answer.startswith(opening)
    assert answer.language == ("en" if opening.startswith("The") else "vi")
