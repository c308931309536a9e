"""Which item an answer leads with, on the seed plan (OCR text, its appendix of tasks): the item
that states the asked kind for the asked year and level, and for a who/when question the task row
whose record names the unit in charge and the deadline — even when its OCR words gave it less
lexical evidence than the items around it."""

from __future__ import annotations

import re

import pytest

from assistant.copies import passage_from_payload
from assistant.lead_choice import has_task
from assistant.query import analyse
from assistant.records import service_records
from assistant.sentences import split_sentences
from assistant.typed_evidence import Unit, in_scope
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
    # the unit as restored, or 'Phong' as OCR read it where the model is unsure (phòng / phong)
    assert re.match(r"Chủ trì: Ph[oò]ng", first) and owner in first and "thời hạn:" in first
    assert first.endswith("[1]")


def test_an_english_who_and_when_question_leads_with_the_task_row(seed_service):
    answer = seed_service.ask(
        "Who is in charge of the high-quality human resources scheme to 2025 and when is it due?"
    )
    assert (answer.citations[0].source, answer.citations[0].section) == (PLAN, ["appendix", "9"])
    assert re.match(r"Lead: Ph[oò]ng KHTC; deadline:", answer.answer)


def test_another_item_carrying_the_question_is_shown_though_its_ocr_words_score_low(seed_service):
    answer = seed_service.ask(
        "Quảng Ninh và Hải Phòng đặt ra việc tham gia mạng lưới thành phố học tập toàn cầu UNESCO thế nào?"
    )
    assert answer.answerable and {c.source for c in answer.citations} >= {HAIPHONG, PLAN}
    lead, others = answer.answer.split("\n\nThêm:\n")
    assert "UNESCO" in lead and "[1]" in lead
    assert "02 thành phố" in others and "[2]" in others  # the plan's OCR item, read restored


def _passage(service, source, section):
    """The seed chunk at `source`/`section`, as search returns it."""
    payload = next(c for c in service.chunks(source) if c["section"] == section)
    return passage_from_payload(payload["id"], 1.0, payload)


def _unit(passage):
    """The passage's first sentence as the unit led with."""
    return Unit(split_sentences(passage.text)[0], 1.0, True, True)


def test_a_unit_is_in_scope_by_its_years_headings_and_its_documents_level(seed_service):
    item_2023 = _passage(seed_service, PLAN, ["II", "1", "(1)"])  # under "Chỉ tiêu năm 2023"
    asked_2023 = analyse("Năm 2023 tỷ lệ trường đạt chuẩn quốc gia là bao nhiêu?", seed_service.profile)
    asked_2030 = analyse("Năm 2030 tỷ lệ trường đạt chuẩn quốc gia là bao nhiêu?", seed_service.profile)
    assert in_scope(asked_2023, item_2023, _unit(item_2023), titled=True)
    assert not in_scope(asked_2030, item_2023, _unit(item_2023), titled=True)
    # a continuing-education letter speaks of GDTX in every item without naming it: its title does
    gdtx = _passage(seed_service, HAIPHONG, ["II", "5", "b"])
    asked = analyse("Các trung tâm GDTX triển khai học bạ số theo hướng dẫn của ai?", seed_service.profile)
    assert asked.levels and "GDTX" not in _unit(gdtx).text
    assert in_scope(asked, gdtx, _unit(gdtx), titled=True)


def test_a_task_row_answers_who_and_when_by_its_record(seed_service):
    _, tasks = service_records(seed_service)
    row = _passage(seed_service, PLAN, ["appendix", "9"])
    item = _passage(seed_service, PLAN, ["III", "3"])
    who = analyse("Phòng nào chủ trì đề án nguồn nhân lực chất lượng cao?", seed_service.profile)
    what = analyse("Đề án nguồn nhân lực chất lượng cao có nội dung gì?", seed_service.profile)
    assert has_task(who, row, tasks) and not has_task(who, item, tasks)
    assert not has_task(what, row, tasks)  # no one asked who or when


@pytest.mark.parametrize(
    ("question", "section", "named"),
    [
        ("Trung tâm GDTX Hải Phòng triển khai học bạ số theo hướng dẫn của ai?", ["II", "5", "b"], "Sở GDĐT"),
        (
            "Để điều tra người mù chữ, trung tâm GDTX phối hợp với cơ quan nào khai thác dữ liệu dân cư?",
            ["II", "5", "đ"],
            "Công an",
        ),
    ],
)
def test_a_who_question_leads_with_the_item_naming_the_body(seed_service, question, section, named):
    """The OCR letter writes the body's name misread ('S6 GDDT'); its restored reading states it."""
    answer = seed_service.ask(question)
    assert (answer.citations[0].source, answer.citations[0].section) == (HAIPHONG, section)
    assert named in answer.answer.split("\n")[0]
