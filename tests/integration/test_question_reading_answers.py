"""How a question is read and its answer quoted, on the seed documents and the development
corpus's directives, through the real engine (BM25 only): a Vietnamese question whose asked word
no passage holds is refused, whatever kind of answer it asks; 'hết hiệu lực' asks which text
ceases, not when one takes effect; a sentence longer than a quote keeps its end when the end
answers; a document named by a type's short form and its number without the leading zero is that
document."""

from __future__ import annotations

import pytest

from tests.asking import answered, lead, refused

pytestmark = pytest.mark.integration


def test_a_rule_asked_about_a_topic_no_passage_speaks_of_is_refused(seed_service):
    """No seed document speaks of mobile phones; the plan's passages hold little of the question."""
    asked = refused(
        seed_service,
        "Theo kế hoạch của Bắc Giang, học sinh có được sử dụng điện thoại di động trong giờ học không?",
    )
    assert asked.answer.startswith("Không tìm thấy")


def test_a_rule_the_plan_states_is_still_answered(seed_service):
    text = answered(
        seed_service,
        "Theo thông báo của Sở GDĐT Quảng Ninh, các trường phải làm gì để phòng chống đuối nước cho học sinh?",
    )
    assert "đuối nước" in lead(text)


@pytest.mark.parametrize(
    "question",
    ["Nghị quyết 60/2025/NQ-HĐND của Hà Nội làm hết hiệu lực nghị quyết nào?",
     "Nghi quyet 60/2025/NQ-HDND cua Ha Noi lam het hieu luc nghi quyet nao?"],
)  # fmt: skip
def test_the_text_that_ceases_is_named_not_the_date_of_effect(directives_service, question):
    text = answered(directives_service, question)
    assert "03/2024/NQ-HĐND" in lead(text)


def test_the_date_of_effect_is_still_answered(directives_service):
    text = answered(directives_service, "Nghị quyết 60/2025/NQ-HĐND của Hà Nội có hiệu lực từ ngày nào?")
    assert "08/12/2025" in lead(text) or "08 tháng 12 năm 2025" in lead(text)


def test_a_long_sentence_is_quoted_with_the_end_that_answers(directives_service):
    """The item lists three ways to file, the online one last, in one sentence of over 400
    characters: the quote keeps its head and its end, the part asked about."""
    text = answered(
        directives_service, "Ở Nghệ An, có thể nộp hồ sơ thủ tục giáo dục trực tuyến toàn trình qua đâu?"
    )
    assert "Cổng dịch vụ công Quốc gia" in text


def test_the_approving_body_at_the_end_of_a_long_sentence_is_quoted(directives_service):
    """'… được thỏa thuận bằng văn bản với cha mẹ học sinh …, có sự thống nhất của … cơ quan quản
    lý cấp trên (Ủy ban nhân dân các phường, xã hoặc Sở Giáo dục và Đào tạo theo phân cấp quản
    lý) trước khi ban hành': the asked 'trước khi ban hành' closes a sentence of over 400
    characters."""
    text = answered(
        directives_service,
        "Trước khi ban hành mức thu cụ thể, trường công lập ở Hà Nội phải thỏa thuận bằng văn bản với ai?",
    )
    assert "theo phân cấp quản lý) trước khi ban hành" in lead(text)


@pytest.mark.parametrize(
    "question",
    ["QĐ 1814 của Cà Mau giao đơn vị nào chủ trì công khai thủ tục hành chính nội bộ trên Cổng Thông tin điện tử tỉnh?",
     "Quyết định 1814 của Cà Mau giao đơn vị nào chủ trì công khai thủ tục hành chính nội bộ trên Cổng Thông tin điện tử tỉnh?"],
)  # fmt: skip
def test_a_decision_named_by_short_form_or_unpadded_number_is_answered(directives_service, question):
    """The decision is numbered '01814/QĐ-UBND'."""
    text = answered(directives_service, question)
    assert "Giao Sở Giáo dục và Đào tạo chủ trì" in lead(text)


def test_a_fee_asked_of_hn_typed_without_marks_is_answered(directives_service):
    """'HN' is Hà Nội: a place that selects the fee schedule, not a word the row must hold."""
    text = answered(
        directives_service,
        "Truong THCS cong lap o HN thu dich vu giao duc ky nang song toi da bao nhieu tien 1 tiet?",
    )
    assert "15.000" in lead(text)


@pytest.mark.parametrize(
    "question",
    ["Kế hoạch của Bắc Giang yêu cầu mỗi trường tổ chức bao nhiêu buổi tuyên truyền phòng chống ma túy cho học sinh?",
     "Ke hoach cua Bac Giang yeu cau moi truong to chuc bao nhieu buoi tuyen truyen phong chong ma tuy cho hoc sinh?"],
)  # fmt: skip
def test_a_count_of_a_thing_no_passage_names_is_refused(seed_service, question):
    """The plan speaks of propaganda against drugs but counts no sessions ('buổi'): whatever
    figures its items hold count something else."""
    from assistant.kind_evidence import counted_missing
    from assistant.query import analyse

    assert counted_missing(analyse(question, seed_service.profile), seed_service.search(question, 5))
    refused(seed_service, question)


def test_a_count_of_a_thing_the_plan_names_is_answered(seed_service):
    text = answered(
        seed_service,
        "Giai đoạn 2025-2030 Quảng Ninh phấn đấu có bao nhiêu học sinh đạt giải Olympic khu vực và quốc tế?",
    )
    assert "học sinh" in lead(text)
