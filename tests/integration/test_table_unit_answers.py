"""Answers from a table whose unit is stated once above it, from a school's rows found by its
name written without diacritics, and from the item listing what a unit must carry out — through
the real engine (BM25 only) over the recent set's fee resolutions and drug-prevention plan. The
questions are not the benchmark's."""

from __future__ import annotations

import pytest

from eval.sets import set_corpus
from tests.asking import answered, lead
from tests.conftest import DEVCORPUS, needs_set_corpus, service_with

pytestmark = [pytest.mark.integration, needs_set_corpus("recent")]

RECENT = set_corpus("recent")
DOCUMENTS = ("hanoi-nq58-2025.txt", "hue-nq36-2025.txt", "vinhlong-nq20-2025.txt", "dongnai-kh182-2025.txt")


@pytest.fixture(scope="module")
def fee_service(tmp_path_factory):
    with service_with(tmp_path_factory.mktemp("units"), (RECENT / name for name in DOCUMENTS)) as service:
        yield service


def test_a_row_of_bare_figures_answers_with_its_tables_unit_and_the_asked_level(fee_service):
    """'Nông thôn | 140 | 140 | 95 | 115' under 'Đơn vị tính: 1.000 đồng/trẻ,học sinh/tháng'."""
    answer = answered(fee_service, "Học phí mầm non công lập ở địa bàn nông thôn của Huế năm học 2025-2026?")
    assert lead(answer).startswith("Mầm non: 140 × 1.000 đồng/trẻ,học sinh/tháng")


def test_a_school_named_without_diacritics_is_answered_from_its_own_rows(fee_service):
    answer = answered(fee_service, "Hoc phi THPT truong Nguyen Tat Thanh nam hoc 2025-2026 bao nhieu?")
    assert "2.640.000" in lead(answer) and "Nguyễn Tất Thành" in lead(answer)
    assert "Đồng/học sinh/tháng" in lead(answer)  # the unit stated above the annex's table


def test_the_item_listing_a_units_projects_leads_and_is_counted(fee_service):
    answer = answered(
        fee_service, "Công an tỉnh Đồng Nai tổ chức triển khai những dự án nào do Bộ Công an chủ trì?"
    )
    lines = answer.split("\n")
    assert lines[0] == "Có 6 mục [1]:"
    assert lines[1].startswith("- Dự án 1") and lines[6].startswith("- Dự án 9")
    english = fee_service.ask(
        "Which projects led by the Ministry of Public Security must Đồng Nai's police carry out?"
    )
    assert english.answerable and english.answer.startswith("6 items [1]:")


@pytest.fixture(scope="module")
def support_service(tmp_path_factory):
    with service_with(
        tmp_path_factory.mktemp("support"),
        (DEVCORPUS / "directives" / name for name in ("vinhlong-nq21-2025.txt", "vinhlong-nq22-2025.txt")),
    ) as service:
        yield service


def test_an_english_question_for_the_funding_source_leads_with_that_item(support_service):
    answer = answered(
        support_service,
        "Where will the funds for the support under Vĩnh Long resolution 21/2025 come from?",
    )
    assert "ngân sách địa phương" in lead(answer)


def test_an_english_question_for_who_is_covered_leads_with_the_item_under_that_heading(support_service):
    answer = support_service.ask("Who is eligible for the preschool support of Vĩnh Long resolution 21/2025?")
    assert answer.answerable and answer.citations[0].section[:2] == ["Điều 1", "2"]


@pytest.fixture(scope="module")
def circular_service(tmp_path_factory):
    with service_with(tmp_path_factory.mktemp("circular"), [RECENT / "bgddt-tt21-2025.txt"]) as service:
        yield service


def test_a_question_on_what_a_text_does_not_cover_leads_with_its_exclusion(circular_service):
    answer = answered(
        circular_service, "Quy định về tiền lương dạy thêm giờ không áp dụng đối với nhà giáo nào?"
    )
    assert "không áp dụng" in lead(answer) and "Bộ Quốc phòng" in lead(answer)
