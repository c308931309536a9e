"""Refusal when the asked kind of answer is written nowhere, and when the question's school year
is not the one the document is for — on the seed documents and the development corpus's
directives, through the real engine (BM25 only)."""

from __future__ import annotations

import pytest

from assistant.answer_type import figures_of
from tests.asking import answered, lead

pytestmark = pytest.mark.integration


def test_a_percentage_asked_of_a_fee_schedule_that_writes_none_is_refused(directives_service):
    answer = directives_service.ask(
        "Ở Hà Nội, tỷ lệ học sinh được giảm tiền ăn bán trú là bao nhiêu phần trăm?"
    )
    assert not answer.answerable
    assert answer.answer.startswith("Không tìm thấy") and "con số" in answer.answer


def test_the_same_in_english_is_refused_in_english(directives_service):
    answer = directives_service.ask("What percentage of Hanoi pupils get a discount on boarding meals?")
    assert not answer.answerable
    assert answer.language == "en" and answer.answer.startswith("The documents do not say.")


def test_a_percentage_the_plan_states_is_answered_with_it(seed_service):
    answer = answered(
        seed_service, "Đến năm 2025, tỷ lệ trường đạt chuẩn quốc gia của Quảng Ninh là bao nhiêu phần trăm?"
    )
    assert "%" in lead(answer)


def test_a_procedure_code_the_table_lists_is_answered(directives_service):
    answer = directives_service.ask("Mã thủ tục giải thể trường tiểu học ở Nghệ An là gì?")
    assert answer.answerable
    assert figures_of("code", answer.answer)


def test_a_procedure_code_asked_of_a_document_that_lists_none_is_refused(directives_service):
    answer = directives_service.ask("Mã thủ tục hỗ trợ giáo viên mầm non tư thục ở Vĩnh Long là gì?")
    assert not answer.answerable


def test_a_school_year_the_letter_is_not_for_is_refused(seed_service):
    """The Hải Phòng letter is for 2024-2025 (its header) and mentions 2023-2024 in passing."""
    asked = seed_service.ask(
        "Công văn hướng dẫn nhiệm vụ GDTX năm học 2023-2024 của Hải Phòng có số hiệu là gì?"
    )
    assert not asked.answerable
    assert "2023-2024" in asked.answer
    own = seed_service.ask(
        "Công văn hướng dẫn nhiệm vụ GDTX năm học 2024-2025 của Hải Phòng có số hiệu là gì?"
    )
    assert own.answerable and "2501" in own.answer


def test_a_procedures_code_in_full_is_a_code():
    assert figures_of("code", "Mã TTHC: 1.001122.000.00.00.H48") == ["1.001122.000.00.00.h48"]
    assert figures_of("code", "1.001639 Tuyển sinh") == ["1.001639"]
    assert figures_of("code", "ngày 19/11/2025, 98,5%") == []


def test_a_plans_quarter_deadline_is_a_date():
    """Plans give deadlines by quarter, OCR'd copies with the numeral misread ('Quy 112024')."""
    assert figures_of("date", "Phòng KHTC | Quý II/2024") == ["quy ii/2024"]
    assert figures_of("date", "Cac don vi thuOc SO Quy 112024") == ["quy 112024"]
    assert figures_of("date", "quý 3 năm 2025") == ["quy 3 nam 2025"]
    assert figures_of("date", "quy mô 2024 học sinh") == []


def test_an_english_question_naming_a_vietnamese_term_no_passage_holds_is_refused(directives_service):
    answer = directives_service.ask(
        "What is the cap on lunch charges at Hanoi's international schools (trường quốc tế)?"
    )
    assert not answer.answerable
    assert answer.language == "en" and answer.answer.startswith("The documents do not say.")


def test_an_english_question_naming_a_vietnamese_term_the_table_holds_is_answered(directives_service):
    answer = directives_service.ask(
        "What is the procedure code for dissolving a primary school (giải thể trường tiểu học) in Nghệ An?"
    )
    assert answer.answerable
    assert figures_of("code", answer.answer)


def test_a_tone_mark_counts_wherever_either_convention_puts_it():
    from assistant.compounds import syllable_key

    assert syllable_key("hoá") == syllable_key("hóa") and syllable_key("Uỷ") == syllable_key("ủy")
    assert syllable_key("bơi") != syllable_key("bồi")


def test_no_charge_states_an_amount():
    from assistant.answer_type import writes

    assert writes("money", "Học sinh được miễn học phí") and writes("money", "Mức chi bằng 80% mức chi")
    assert not writes("money", "Thời gian giải quyết: 15 ngày làm việc")


def test_a_deadline_no_dated_item_speaks_of_is_refused(seed_service):
    answer = seed_service.ask(
        "What is the deadline for Hai Phong centres to register for the swimming contest?"
    )
    assert not answer.answerable
    assert answer.answer.startswith("The documents do not say.")


def test_a_deadline_the_plan_states_is_answered(seed_service):
    answer = seed_service.ask(
        "Hạn chót để các đơn vị trực thuộc Sở GDĐT Quảng Ninh xây dựng xong kế hoạch là ngày nào?"
    )
    assert answer.answerable
    assert figures_of("date", answer.answer)


def test_a_plans_target_asked_as_such_is_answered_from_the_targets_item(seed_service):
    """'Chỉ tiêu … là gì' asks for the target; the item under the targets heading states it
    without the word, so the word is the question's frame, not a concept it must hold."""
    from assistant.query import analyse
    from assistant.typed_evidence import weighted_concepts

    question = "Chỉ tiêu tỷ lệ trường đạt chuẩn quốc gia của Quảng Ninh đến năm 2030 là gì?"
    asked = {c.name for _, c in weighted_concepts(analyse(question, seed_service.profile), seed_service.idf)}
    assert "chi tieu" not in asked and "chuan" in asked
    answer = seed_service.ask(question)
    assert answer.answerable and "%" in answer.answer.split("\n")[0]


def test_a_percentage_stated_only_for_other_school_levels_is_refused(seed_service):
    """The plan's 2023 national-standard rates are given for primary, lower and upper secondary
    schools, none for kindergartens."""
    other = seed_service.ask(
        "Tỷ lệ trường mầm non đạt chuẩn quốc gia năm 2023 của Quảng Ninh là bao nhiêu phần trăm?"
    )
    assert not other.answerable
    own = seed_service.ask(
        "Năm 2023, tỷ lệ trường THCS đạt chuẩn quốc gia của Quảng Ninh là bao nhiêu phần trăm?"
    )
    assert own.answerable and "%" in own.answer.split("\n")[0]
