"""The rules that hold on documents never seen, on lines from real directives: amounts written
as a bare figure under a fee column, the currency against the 'đồng' of 'Hội đồng' and
'Đồng Nai', a school year stated by the item itself, terms defined one item each, the schools
a question names, the condition an English question asks under, an effective date's sentence."""

from __future__ import annotations

import pytest

from assistant.answer_type import writes
from assistant.conditions import condition_concepts
from assistant.constraint_fits import school_year_fits, states_school_year
from assistant.constraints import CorpusProfile
from assistant.definitions import defined_term
from assistant.fact_answers import _sentence_with
from assistant.named_units import named_schools
from assistant.query import analyse
from assistant.question_kind import asked_kind

pytestmark = pytest.mark.unit
PROFILE = CorpusProfile(provinces=("Hà Nội", "Đồng Nai", "Huế"))


def test_a_bare_figure_under_a_fee_column_is_an_amount():
    assert writes("money", "STT | Tên đơn vị | Mức học phí năm học 2025-2026\n15.1 | Khối 10 | 6.100.000")
    assert writes("money", "STT | Địa bàn | Mức học phí\n1 | Đô thị | 190")
    assert not writes("money", "STT | Địa bàn/tên xã, phường\n6 | Xã Vinh Lộc")


def test_the_council_and_the_province_named_dong_are_not_the_currency():
    assert not writes("money", "Hội đồng nhân dân tỉnh Đồng Nai khóa X, kỳ họp thứ 12 thông qua")
    assert not writes("money", "đồng thời giao 03 đơn vị phối hợp với cộng đồng")
    assert writes("money", "Đơn vị tính: 1.000 đồng/trẻ,học sinh/tháng")
    assert writes("money", "1.1.1 | Bữa sáng | Đồng/học sinh/ngày | 20.000")


def test_a_share_is_an_amount_only_when_it_is_a_share_of_an_amount():
    assert writes("money", "Bằng 70% mức học phí quy định tại khoản 1 Điều 2")
    assert writes("money", "Tiền lương 01 tiết dạy thêm được tính bằng 150% tiền lương 01 tiết dạy")
    assert not writes("money", "phấn đấu đạt mục tiêu xây dựng 20% xã, phường “không ma túy”")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Kế hoạch cấp bao nhiêu tỷ đồng cho Tiểu dự án 3?", "money"),
        ("Ke hoach cap bao nhieu ty dong cho Tieu du an 3?", "money"),
        ("What overtime rate applies to teachers who teach on public holidays?", ""),  # 'who' relative
        ("Who pays the overtime of a teacher seconded to another school?", "person"),
        ("Under the circular, who pays the overtime?", "person"),
        ("Theo nghị quyết học phí của Huế, nông thôn là gì?", ""),  # a term asked, the fee its topic
        ("Mã thủ tục giải thể trường tiểu học là gì?", "code"),
    ],
)
def test_the_kind_asked(question, kind):
    assert asked_kind(question) == kind


def test_an_item_stating_the_asked_school_year_fits_whatever_the_documents_own_year():
    item = "b) Trình Hội đồng nhân dân Thành phố quy định mức học phí … năm học 2026 - 2027."
    doc = {"school_year": "2025-2026"}
    assert states_school_year(item, ["2026-2027"])
    assert school_year_fits(doc, ["2026-2027"], item)
    assert not school_year_fits(doc, ["2026-2027"], "a) Tổ chức thực hiện Nghị quyết.")
    assert school_year_fits(doc, ["2025-2026"], "")


def test_a_term_defined_one_item_each():
    assert defined_term("2. Nông thôn: Cơ sở giáo dục tại các xã đồng bằng") == "nong thon"
    assert defined_term("3. Miền núi: Cơ sở\ngiáo dục tại các xã miền núi") == "mien nui"
    assert defined_term("a) Học sinh khuyết tật là học sinh có khiếm khuyết") == "hoc sinh khuyet tat"
    assert defined_term("1. Thông tư này quy định chế độ trả tiền lương dạy thêm giờ.") == ""
    assert defined_term("Điều 5. Hiệu lực thi hành") == ""


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Học phí khối 10 của Trường THPT Phan Huy Chú - Đống Đa năm học 2025-2026 là bao nhiêu?",
         ["phan huy chu dong da"]),
        ("Hoc phi cap THCS cua truong Nguyen Tat Thanh nam hoc 2025-2026 la bao nhieu?", ["nguyen tat thanh"]),
        ("How much is the tuition for grade 1 at Trang An primary school in Hanoi?", ["trang an"]),
        ("What is the monthly tuition at the Hanoi-Amsterdam specialised high school?", ["amsterdam"]),
        ("Học sinh trường tư thục ở Huế được hỗ trợ học phí bao nhiêu tháng?", []),
        ("Mức học phí trường công lập chất lượng cao của Hà Nội là bao nhiêu?", []),
    ],
)  # fmt: skip
def test_the_schools_a_question_names_places_aside(question, names):
    assert named_schools(analyse(question, PROFILE)) == names


def test_the_condition_an_english_question_asks_under():
    asked = analyse(
        "What overtime rate applies to teachers who teach on public holidays under Circular 21?", PROFILE
    )
    assert [c.name for c in condition_concepts(asked)] == ["public holidays"]
    assert {"ngay le", "nghi le"} <= set(condition_concepts(asked)[0].phrases)
    topic = analyse("What is the cap on the breakfast charge per student per day in Hanoi?", PROFILE)
    assert condition_concepts(topic) == []
    vietnamese = analyse("Dạy vào ngày nghỉ lễ được trả tiền lương dạy thêm giờ thế nào?", PROFILE)
    assert condition_concepts(vietnamese) == []


def test_an_effective_date_is_the_sentence_under_the_heading():
    article = (
        "Điều 5. Hiệu lực thi hành\nNghị quyết này có hiệu lực thi hành kể từ ngày 08 tháng 12 năm 2025."
    )
    assert _sentence_with(article, "hieu luc").endswith("08 tháng 12 năm 2025.")
    signed = "Điều 8. Hiệu lực và trách nhiệm thi hành\n1. Thông tư này có hiệu lực thi hành kể từ ngày ký."
    assert "kể từ ngày ký" in _sentence_with(signed, "hieu luc")
