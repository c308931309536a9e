"""Answer-type evidence: the kind of answer a question wants, what states it in a real fee
schedule, table rows answered as rows, and the refusal model's features and signs."""

from __future__ import annotations

import pytest

from assistant.answer_type import expresses, figures_of
from assistant.concept_held import holds
from assistant.query import analyse
from assistant.question_kind import asked_kind
from assistant.refusal import EXPECTED_SIGNS, FEATURES, load_model
from assistant.refusal_fit import fit
from assistant.table_rows import row_answer
from ingest.pipeline import parse_file
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.unit
FEES = "directives/hanoi-nq60-2025.txt"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Học phí mầm non ở thành phố là bao nhiêu một tháng?", "money"),
        ("How much is the boarding fee per month?", "money"),
        ("Nghị quyết về các khoản thu có hiệu lực từ ngày nào?", "date"),  # a fee topic, a date asked
        ("Thoi gian giai quyet thu tuc cap phep la bao lau?", "duration"),
        ("Tỷ lệ trẻ em đi học đúng độ tuổi đạt bao nhiêu?", "percent"),
        ("Ai ký quyết định phân cấp?", "person"),
        ("Nộp hồ sơ ở đâu?", "place"),
        ("Which decree does the decision cite?", "document"),
        ("Có bao nhiêu trường đạt chuẩn quốc gia?", "count"),
        ("Mỗi tiết học kéo dài bao nhiêu phút?", "duration"),  # minutes are a duration, not a count
        ("From which school year do the new fee caps apply?", "date"),  # a year asked, not the fee
        ("Mức thu áp dụng từ năm học nào?", "date"),
        ("Nam nao So phai hoan thanh viec tiep nhan?", "year"),  # a plan's deadline column: 2025
        ("Phổ cập giáo dục THCS đạt mức độ mấy?", "level"),
        (
            "Lãi suất cho vay học sinh, sinh viên là bao nhiêu?",
            "percent",
        ),  # a rate is written as a %  # not a count: 'mức độ 2'
        ("Which level of literacy standard is the target?", "level"),
        ("Nhiệm vụ trọng tâm của ngành giáo dục", ""),
    ],
)
def test_asked_kind(question, kind):
    assert asked_kind(question) == kind


def test_a_year_answers_which_year_but_not_when():
    row = "Tiếp nhận các số, tần số trực canh | Sở Khoa học và Công nghệ | 2025"
    assert figures_of("year", row) == ["2025"]
    assert figures_of("date", row) == []


def test_what_states_each_kind():
    assert figures_of("money", "Mức hỗ trợ 160.000 đồng/trẻ/tháng") == ["160.000"]
    assert figures_of("money", "hỗ trợ 1,5 triệu đồng mỗi năm") == ["1,5 trieu dong"]
    assert expresses("money", "1.1.2 | Bữa trưa | 35.000")
    assert not expresses("money", "1 | 2.000545 | Cho phép thành lập cơ sở giáo dục")  # a procedure code
    assert expresses("duration", "Thời gian giải quyết: Không quá 07 ngày làm việc")
    assert not expresses("duration", "ngày 15 tháng 12 năm 2023")  # a date is no duration
    assert expresses("date", "có hiệu lực kể từ ngày 08 tháng 12 năm 2025")
    assert expresses("document", "theo Nghị định số 142/2025/NĐ-CP")
    assert expresses("place", "Nộp hồ sơ trực tiếp đến Trung tâm Phục vụ Hành chính công tỉnh")
    assert not expresses("place", "thủ tục hành chính trên địa bàn tỉnh")  # a province is no office
    assert not expresses("count", "năm 2025")  # a year is no count
    assert expresses("", "anything")  # nothing asked: nothing to miss
    assert expresses("person", "phối hợp với Công an khai thác dữ liệu về cư dân")  # an agency


def test_a_level_is_stated_as_the_target_reader_reads_it():
    assert expresses("level", "Duy trì kết quả đạt chuẩn phổ cập giáo dục THCS mức độ 2.")
    assert expresses("level", "phO cap giao duc T14, THCS mirc dO 3, xoa mil chit mix dO 2.")  # the OCR copy
    assert not expresses("level", "Tỉ lệ trường đạt chuẩn quốc gia đạt 96,8%")
    assert not expresses("level", "nâng cao mức độ hài lòng của người dân")  # no level number


@pytest.fixture(scope="module")
def fee_rows():
    parsed = parse_file(DEVCORPUS / FEES, DEVCORPUS, 512)
    return {tuple(c.section): c for c in parsed.chunks}


def test_a_fee_row_answers_as_a_row(fee_rows):
    row = fee_rows[("Phụ lục", "dòng 1.1.1")]
    columns = row.extra.get("columns")
    answer = row_answer("money", row.text, columns)
    assert answer is not None
    # its note column, last, is empty: the row lines up and reads by its columns' names
    assert answer.line() == (
        "Mức trần: 20.000 Đồng/học sinh/ngày; Danh mục dịch vụ phục vụ, hỗ trợ hoạt động giáo dục, đào tạo: Bữa sáng"
    )
    lunch = fee_rows[("Phụ lục", "dòng 1.1.2")]  # its unit cell is merged with the row above
    named = row_answer("money", lunch.text, columns, parent=lunch.titles[-1])
    assert named is not None and named.line() == "Dịch vụ tiền ăn của học sinh › Bữa trưa: 35.000 (Mức trần)"
    heading = fee_rows[("Phụ lục", "dòng 1")]  # a heading row states no amount
    assert row_answer("money", heading.text, columns) is None


def test_diacritics_tell_near_words_apart(fee_rows):
    skills = fee_rows[("Phụ lục", "dòng 3.2")].text  # '... bồi dưỡng ...', no swimming
    swim = analyse("Mức thu tiền học bơi là bao nhiêu?")
    concept = next(c for c in swim.concepts if c.name == "boi")
    assert not holds(swim, concept, skills)
    folded = analyse("Muc thu tien hoc boi la bao nhieu?")  # typed without diacritics: folded match
    assert holds(folded, next(c for c in folded.concepts if c.name == "boi"), skills)


def test_refusal_model_loads_with_documented_signs():
    model = load_model()
    assert model is not None and model.names and set(model.names) <= set(FEATURES)
    assert model.signs_plausible()
    for name, weight in zip(model.names, model.weights, strict=True):
        assert weight * EXPECTED_SIGNS[name] >= 0, name
    assert 0.0 < model.cut < 1.0


def test_fitting_drops_a_feature_whose_sign_is_implausible():
    # answerable rows have high evidence but (by construction) more 'missing_rare' too:
    # missing_rare's fitted weight would be positive, against its documented direction
    rows, labels = [], []
    for i in range(40):
        answerable = i % 2 == 0
        row = dict.fromkeys(FEATURES, 0.0)
        row |= {"best_evidence": (0.9 if answerable else 0.2) + 0.01 * (i % 5),
                "missing_rare": (0.8 if answerable else 0.1) + 0.01 * (i % 3)}  # fmt: skip
        rows.append(row)
        labels.append(answerable)
    model = fit(rows, labels)
    assert "best_evidence" in model.names and "missing_rare" not in model.names
    assert model.signs_plausible()
