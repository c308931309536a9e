"""School years and periods read from real seed documents, and the rule that a question asking one
no best passage writes — while they write others of its kind — is not theirs
(assistant/constraint_fits.py span_fits)."""

from __future__ import annotations

from assistant.constraint_fits import span_fits, spans_in
from tests.conftest import BACGIANG, CORPUS, HAIPHONG, PLAN


def lines(name: str) -> list[str]:
    return (CORPUS / name).read_text(encoding="utf-8").splitlines()


def test_school_years_and_periods_are_read_as_written():
    bacgiang = "\n".join(lines(BACGIANG)[:20])
    assert (2023, 2024) in spans_in(bacgiang)  # '2023-2024' and '2023 - 2024'
    plan = "\n".join(lines(PLAN))
    assert {(2021, 2030), (2023, 2025)} <= spans_in(plan)  # periods of an OCR'd plan
    assert not spans_in("ngày 15/12/2023, số 53/2025/QĐ-UBND")  # dates and numbers are no span


def test_another_school_year_written_is_not_the_asked_one():
    haiphong = [line for line in lines(HAIPHONG) if "2024-2025" in line]
    assert haiphong
    assert span_fits(haiphong, {(2024, 2025)})
    assert not span_fits(haiphong, {(2022, 2023)})


def test_a_period_is_compared_with_periods_and_a_school_year_with_school_years():
    plan = [line for line in lines(PLAN) if "2023 - 2025" in line]
    assert plan and not span_fits(plan, {(2019, 2025)})  # the plan's period is another
    assert span_fits(plan, {(2024, 2025)})  # a school year asked: the plan's periods say nothing
    assert span_fits(["Phấn đấu đến năm 2025 có 90% trường đạt chuẩn"], {(2019, 2025)})  # no span written
    assert span_fits(plan, set())
