"""Which item an answer leads with, on the seed plan (OCR text, its appendix of tasks): the item
that states the asked kind for the asked year and level, and for a who/when question the task row
whose record names the unit in charge and the deadline — even when its OCR words gave it less
lexical evidence than the items around it."""

from __future__ import annotations

import pytest

from tests.conftest import HAIPHONG, PLAN

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("question", "section", "level"),
    [
        ("Năm 2023 phổ cập giáo dục THCS của tỉnh phải duy trì ở mức độ mấy?", ["II", "1", "(5)"], "độ 2"),
        ("Đến năm 2025 phổ cập giáo dục THCS đạt mức độ nào?", ["II", "2", "(5)"], "độ 3"),
    ],
)
def test_a_level_question_leads_with_the_level_for_the_asked_year(seed_service, question, section, level):
    answer = seed_service.ask(question)
    assert answer.answerable
    lead = answer.citations[0]
    assert (lead.source, lead.section) == (PLAN, section)
    first_quote = answer.answer.split("\n")[0]
    assert level in first_quote and first_quote.endswith("[1]")


@pytest.mark.parametrize(
    ("question", "row", "owner"),
    [
        (
            "Nghị quyết quy định mức chi đề án xã hội học tập do phòng nào chủ trì, khi nào xong?",
            "7",
            "GDTXGDMN",
        ),
        (
            "Đề án phát triển đội ngũ cán bộ quản lý các cấp phải hoàn thành khi nào, ai chủ trì?",
            "6",
            "TCCBQLCL",
        ),
        (  # the row's deadline is no date ('after the standing committee approves'): its owner leads
            "Phòng nào chủ trì đề án phát triển giáo dục, đào tạo, nguồn nhân lực chất lượng cao đến năm 2025, "
            "khi nào hoàn thành?",
            "9",
            "KHTC",
        ),
    ],
)
def test_a_who_and_when_question_leads_with_the_task_row(seed_service, question, row, owner):
    answer = seed_service.ask(question)
    assert answer.answerable
    assert (answer.citations[0].source, answer.citations[0].section) == (PLAN, ["appendix", row])
    first = answer.answer.split("\n")[0]
    assert first.startswith("Chủ trì: Phòng") and owner in first and "thời hạn:" in first
    assert first.endswith("[1]")


def test_an_english_who_and_when_question_leads_with_the_task_row(seed_service):
    answer = seed_service.ask(
        "Who is in charge of the high-quality human resources scheme to 2025 and when is it due?"
    )
    assert (answer.citations[0].source, answer.citations[0].section) == (PLAN, ["appendix", "9"])
    assert answer.answer.startswith("Lead: Phòng KHTC; deadline:")


def test_another_item_carrying_the_question_is_shown_though_its_ocr_words_score_low(seed_service):
    answer = seed_service.ask(
        "Quảng Ninh và Hải Phòng đặt ra việc tham gia mạng lưới thành phố học tập toàn cầu UNESCO thế nào?"
    )
    assert answer.answerable and {c.source for c in answer.citations} >= {HAIPHONG, PLAN}
    lead, others = answer.answer.split("\n\nThêm:\n")
    assert "UNESCO" in lead and "[1]" in lead
    assert "02 thành phố" in others and "[2]" in others  # the plan's OCR item, read restored
