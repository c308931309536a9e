"""Answers on the `schoolyear` set's dev documents (Tuyên Quang's school calendar, the preschool
team plan template, the page on Thông tư 29/2024 about extra classes), through the real engine,
BM25 only, after the gate, quote and listing fixes their failures showed. The questions are not
the benchmark's."""

from __future__ import annotations

import pytest

from assistant.item_lists import item_list
from assistant.listed_items import asked_items
from assistant.named_units import named_schools
from assistant.query import analyse
from eval.sets import set_corpus
from tests.asking import answered, lead
from tests.conftest import needs_set_corpus, service_with

pytestmark = pytest.mark.integration

SCHOOLYEAR = set_corpus("schoolyear")
CALENDAR = "tuyenquang-qd986-2024.txt"
TEAM_PLAN = "mau-kh-tocm-mamnon-2025.txt"
EXTRA_CLASSES = "bgddt-tt29-2024.txt"


@pytest.fixture(scope="module")
def schoolyear_service(tmp_path_factory):
    documents = (SCHOOLYEAR / name for name in (CALENDAR, TEAM_PLAN, EXTRA_CLASSES))
    with service_with(tmp_path_factory.mktemp("schoolyear"), documents) as service:
        yield service


def test_a_school_year_before_school_names_no_school():
    """'… in Tuyên Quang's 2024-2025 school calendar': the year is no school's name (a question
    naming a school none of the passages names is refused); a real name still counts."""
    assert named_schools(analyse("When does the 2024-2025 school year start in Tuyên Quang?")) == []
    assert named_schools(analyse("What does Trang An primary school charge for meals?")) == ["trang an"]


@needs_set_corpus("schoolyear")
def test_an_english_question_on_the_school_calendar_is_answered(schoolyear_service):
    """Điều 2 of the Tuyên Quang decision: the Giám đốc Sở GDĐT lets pupils stay home in very harsh
    weather. Asked in English with the school year before 'school', it was refused as naming an
    unknown school, then as weak (harsh weather, staying home unrendered)."""
    answer = answered(
        schoolyear_service,
        "In Tuyên Quang's 2024-2025 school calendar, who decides that pupils stay home in harsh weather?",
    )
    assert "nghỉ học" in lead(answer)
    assert "Giám đốc Sở Giáo dục và Đào tạo" in answer


@needs_set_corpus("schoolyear")
def test_a_lead_in_is_quoted_with_its_first_item(schoolyear_service):
    """The team plan template's 'Khó khăn:' stands alone on its line, its difficulties under it; the
    words of the template's own title (kế hoạch, chuyên môn, mầm non) no longer pick the title's
    echo ('>> TẢI VỀ Mẫu kế hoạch …') as the quote."""
    answer = answered(
        schoolyear_service, "Trong mẫu kế hoạch của tổ chuyên môn nhà trẻ, giáo viên gặp khó khăn gì?"
    )
    assert "công nghệ thông tin" in lead(answer)
    assert "TẢI VỀ" not in lead(answer)


@needs_set_corpus("schoolyear")
def test_points_enumerated_in_brackets_are_listed(schoolyear_service):
    """Thông tư 29/2024's page lists the pupils who may take extra classes at school as '(i) …',
    '(ii) …', '(iii) …' under a clause ending with a colon: a listing question gets all three."""
    text = (SCHOOLYEAR / EXTRA_CLASSES).read_text(encoding="utf-8")
    start = text.index("gồm 3 đối tượng")
    listed = item_list(text[text.rindex("\n", 0, start) + 1 :])
    assert listed is not None and len(listed.points) == 3
    assert listed.points[0].startswith("Học sinh có kết quả học tập")
    answer = answered(
        schoolyear_service, "Những học sinh nào được học thêm trong nhà trường theo Thông tư 29?"
    )
    assert answer.startswith("Có 3 mục")
    assert "bồi dưỡng học sinh giỏi" in answer and "ôn thi" in answer


def test_an_asked_kind_of_four_syllables_is_read():
    assert asked_items("Những phẩm chất chủ yếu nào cần hình thành cho học sinh?") == "pham chat chu yeu"
    assert asked_items("Các dự án nào do Sở chủ trì?") == "du an"
