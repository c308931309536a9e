"""Answers and refusals on documents no rule was written on (the `recent` set's dev documents:
Hà Nội's fee resolution for high-quality schools with its annex of schools and grades, Huế's
fee resolution, the Ministry's overtime circular, Đồng Nai's drug-prevention plan), through the
real engine, BM25 only. The questions are not the benchmark's."""

from __future__ import annotations

import pytest

from eval.sets import set_corpus
from tests.asking import answered, lead, refused
from tests.conftest import needs_set_corpus, service_with

pytestmark = [pytest.mark.integration, needs_set_corpus("recent")]

RECENT = set_corpus("recent")
DOCUMENTS = ("hanoi-nq58-2025.txt", "hue-nq36-2025.txt", "bgddt-tt21-2025.txt", "dongnai-kh182-2025.txt")


@pytest.fixture(scope="module")
def recent_service(tmp_path_factory):
    with service_with(tmp_path_factory.mktemp("recent"), (RECENT / name for name in DOCUMENTS)) as service:
        yield service


def test_a_grade_row_under_its_school_answers_the_fee_of_that_grade(recent_service):
    """'15.2 | Khối 11 | 6.100.000' under the school's row; the year stands in the column name."""
    answer = answered(
        recent_service,
        "Học phí khối 11 của Trường THPT Phan Huy Chú - Đống Đa năm học 2025-2026 là bao nhiêu?",
    )
    assert "6.100.000" in lead(answer)


def test_the_same_in_english_without_diacritics(recent_service):
    """The Huế fee table's 'Tiểu học' rows outrank the Tràng An rows for this English question,
    whose school name folds to common syllables: the rows naming the school are read first."""
    answer = recent_service.ask(
        "How much is the monthly tuition for grade 4 at Trang An primary school in 2025-2026?"
    )
    assert answer.answerable and answer.language == "en"
    assert "3.700.000" in answer.answer


def test_a_school_the_annex_does_not_list_is_refused_not_answered_with_another(recent_service):
    refused(recent_service, "Học phí Trường THPT Lê Quý Đôn năm học 2025-2026 là bao nhiêu?")
    english = refused(
        recent_service, "What is the monthly tuition at the Le Quy Don specialised high school in 2025-2026?"
    )
    assert english.answer.startswith("The documents do not say.")


def test_an_item_stating_next_school_year_answers_for_it(recent_service):
    """The resolution is for 2025-2026; its item b) assigns the 2026-2027 fee levels."""
    answer = answered(
        recent_service,
        "Cơ quan nào trình Hội đồng nhân dân Thành phố Hà Nội quy định mức học phí năm học 2026-2027?",
    )
    assert "2026-2027" in answer


def test_what_a_term_covers_is_answered_by_the_item_defining_it(recent_service):
    answer = answered(recent_service, "Theo nghị quyết học phí của Huế, miền núi là gì?")
    assert "xã miền núi" in lead(answer)


def test_an_effective_date_is_quoted_from_its_sentence_not_the_heading(recent_service):
    answer = answered(recent_service, "Thông tư 21/2025/TT-BGDĐT có hiệu lực thi hành từ khi nào?")
    assert "kể từ ngày ký" in answer


def test_a_case_the_circular_does_not_speak_of_is_refused(recent_service):
    refusal = refused(
        recent_service,
        "How is overtime paid to teachers who teach on national holidays under Circular 21/2025?",
    )
    assert refusal.answer.startswith("The documents do not say.")


def test_an_amount_in_billions_the_plan_never_states_is_refused(recent_service):
    refused(recent_service, "Kế hoạch phòng, chống ma túy của Đồng Nai bố trí bao nhiêu tỷ đồng cho Dự án 1?")


def test_an_area_asked_as_khu_vuc_is_the_fee_table_s_dia_ban(recent_service):
    """Huế's fee table names its rows by 'Địa bàn' (Đô thị, Nông thôn, Miền núi); a parent asks
    for the 'khu vực đô thị'."""
    text = answered(
        recent_service,
        "Mức học phí trường trung học cơ sở công lập ở khu vực đô thị thành phố Huế năm học 2025-2026 là bao nhiêu?",
    )
    assert "110" in lead(text)
