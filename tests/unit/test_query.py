"""Query analysis: constraints read from the question and matched against what the corpus
covers (a profile built from an ingest state), levels from the one vocabulary, listing questions."""

from __future__ import annotations

import pytest

from assistant.constraints import CorpusProfile
from assistant.levels import levels_in, question_levels, record_level_matches
from assistant.query import acronym_table, analyse

pytestmark = pytest.mark.unit

# An ingest state as the pipeline writes it: a province no built-in list holds, a document
# number, the words (df) the corpus holds.
STATE = {
    "files": {"a.txt": {"doc": {"province": "Lạc Long", "number": "12/KH-SGDĐT", "type": "Kế hoạch"}}},
    "provinces": ["Lạc Long"],
    "df": {"2024-2025": 3, "2025": 10, "12/kh-sgddt": 1, "tieu": 5},
    "acronyms": {"TTGDNN": "trung tâm giáo dục nghề nghiệp"},
}


def test_province_from_the_corpus_headers_not_from_a_list():
    profile = CorpusProfile.from_state(STATE)
    analysis = analyse("Năm học 2024-2025, Lạc Long đặt chỉ tiêu bao nhiêu?", profile)
    assert analysis.provinces == ["Lạc Long"]
    assert analysis.constraints.school_years == ["2024-2025"]
    assert analysis.years == ["2024", "2025"]
    assert profile.covers_province("Lac Long") and profile.covers_year("2025")
    assert not profile.covers_year("2031")


def test_unknown_place_after_tinh_is_still_a_place():
    profile = CorpusProfile.from_state(STATE)
    analysis = analyse("Chỉ tiêu của tỉnh Sông Mây năm 2025 là gì?", profile)
    assert analysis.provinces == ["Sông Mây"]
    assert not profile.covers_province("Sông Mây")
    assert "song" not in analysis.terms  # a place selects documents, it is not a word to match


def test_document_number_and_type():
    profile = CorpusProfile.from_state(STATE)
    analysis = analyse("kế hoạch số 12/KH-SGDĐT giao những đơn vị nào?", profile)
    assert analysis.constraints.doc_numbers == ["12"]
    assert analysis.constraints.doc_types == ["Kế hoạch"]
    assert analysis.asks_list
    assert profile.covers_number("12") and not profile.covers_number("4711")
    assert analyse("công văn 2501 nói gì", profile).constraints.doc_numbers == ["2501"]
    assert analyse("kế hoạch năm 2025", profile).constraints.doc_numbers == []  # a year, not a number


def test_acronyms_mined_from_the_corpus_live_in_the_profile():
    mined = CorpusProfile.from_state(STATE)
    assert acronym_table(mined.acronyms)["ttgdnn"] == "trung tam giao duc nghe nghiep"
    assert "ttgdnn" not in acronym_table(CorpusProfile().acronyms)  # no state shared between corpora
    assert "trung tam" in " ".join(analyse("TTGDNN làm gì", mined).terms)


@pytest.mark.parametrize(
    ("text", "levels"),
    [("ty le hoc sinh thcs va thpt", ["THCS", "THPT"]),
     ("cap th dat 93,1%", ["tiểu học"]),
     ("hoc sinh trung hoc len lop", ["trung học"]),
     ("truong trung hoc co so", ["THCS"])],
)  # fmt: skip
def test_one_level_vocabulary_for_records(text, levels):
    assert levels_in(text) == levels


def test_question_levels_and_record_matching():
    assert question_levels("what is the target for secondary schools") == ["THCS", "THPT"]
    assert question_levels("lower secondary schools") == ["THCS"]
    assert question_levels("chi tieu cho mam non") == ["mầm non"]
    assert record_level_matches("trung học", ["THPT"]) and not record_level_matches("tiểu học", ["THPT"])


def test_language_and_listing():
    assert analyse("list every task led by the planning office").language == "en"
    assert analyse("list every task led by the planning office").asks_list
    assert analyse("nhung don vi nao phoi hop").language == "vi"
    assert not analyse("tỷ lệ trường đạt chuẩn là bao nhiêu").asks_list


@pytest.mark.parametrize(
    ("question", "kept", "dropped"),
    [
        ("Chủ đề năm học là gì?", {"chu", "de"}, {"la", "gi"}),  # 'đề', not 'để'
        ("Bảo đảm an toàn cho trẻ và cha mẹ học sinh", {"bao", "an", "me"}, {"cho", "va"}),
        ("Nhu cầu tài chính của nhà trường thế nào?", {"nhu", "tai"}, {"cua", "the", "nao"}),
        ("Đề án tổ chuyên môn có mã hồ sơ nào?", {"de", "an", "to", "ma"}, {"co", "nao"}),
    ],
)
def test_a_question_typed_with_marks_drops_only_its_function_words(question, kept, dropped):
    names = {c.name for c in analyse(question).concepts}
    assert kept <= names and not dropped & names


def test_a_question_typed_without_marks_drops_every_folded_stopword():
    names = {c.name for c in analyse("chu de nam hoc la gi? bao dam an toan cho tre").concepts}
    assert {"chu", "dam", "toan", "tre"} <= names and not {"de", "an", "bao", "cho", "la", "gi"} & names


def test_hn_typed_in_capitals_is_ha_noi_and_no_topic_word():
    analysis = analyse("Truong THCS cong lap o HN thu dich vu ky nang song toi da bao nhieu tien 1 tiet?")
    assert analysis.provinces == ["Hà Nội"]
    assert "hn" not in {c.name for c in analysis.concepts}
    lower = analyse("truong o hn thu bao nhieu?")  # lower case: not read as a place
    assert lower.provinces == []


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("KH 182 cua Dong Nai quy dinh moi truong to chuc bao nhieu buoi tuyen truyen?", "buoi"),
        ("Giáo viên tập sự được giảm bao nhiêu tiết mỗi tuần?", "tiet"),
        ("Học phí bao nhiêu một tháng?", ""),  # an amount a month: no thing counted
        ("Tỷ lệ trường đạt chuẩn là bao nhiêu phần trăm?", ""),
        ("Mức thu bao nhiêu tiền?", ""),
    ],
)
def test_the_thing_a_count_question_counts(question, noun):
    from assistant.question_kind import counted_noun

    assert counted_noun(question) == noun


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # a fee names the topic; the communes are what is counted
        ("Hue co bao nhieu xa dong bang duoc xep vao dia ban nong thon de ap dung hoc phi?", "count"),
        ("Hà Nội có bao nhiêu khoản thu dịch vụ hỗ trợ giáo dục?", "count"),
        ("Học phí THCS ở Huế bao nhiêu một tháng?", "money"),
        ("Mức hỗ trợ giáo viên mầm non là bao nhiêu đồng?", "money"),
        ("Trẻ được hỗ trợ bao nhiêu tiền mỗi tháng?", "money"),
    ],
)
def test_a_count_of_things_about_a_fee_asks_a_count(question, kind):
    from assistant.question_kind import asked_kind

    assert asked_kind(question) == kind


def test_a_bound_or_an_area_is_also_sought_as_the_directives_write_it():
    """'tối đa' asked, 'không quá 02 nhiệm vụ' written; 'khu vực' asked, 'Địa bàn' the column."""
    analysis = analyse("Mức học phí THCS công lập ở khu vực đô thị là bao nhiêu?")
    area = next(c for c in analysis.asked if c.name == "khu vuc")
    assert "dia ban" in area.phrases
    bound = next(
        c
        for c in analyse("Mỗi giáo viên được kiêm nhiệm tối đa bao nhiêu nhiệm vụ?").asked
        if c.name == "toi da"
    )
    assert {"khong qua", "khong vuot qua"} <= set(bound.phrases)
