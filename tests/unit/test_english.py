"""English questions: rendered in Vietnamese terms through the lexicon (stems, longest phrase
first, the seed glossary first), names and numbers passed through, and how much was rendered."""

from __future__ import annotations

from pathlib import Path

import pytest

import assistant.lexicon as lexicon_module
from assistant.lexicon import english_key, english_stem, lexicon, parse_lines
from assistant.query import analyse

pytestmark = pytest.mark.unit


def phrases(question: str) -> set[str]:
    return {p for c in analyse(question).concepts for p in c.phrases}


def test_fees_are_fees_and_tuition_is_hoc_phi():
    assert "le phi" in phrases("What is the issuance fee and charge for re-issuing the licence?")
    assert "hoc phi" in phrases("What are the tuition fees for public kindergartens?")
    assert any("mam non" in p for p in phrases("What are the tuition fees for public kindergartens?"))


def test_the_signer_is_who_signed():
    analysis = analyse("Who signed the decision on delegating powers?")
    assert analysis.language == "en"
    assert {"ky", "quyet dinh", "phan cap"} <= phrases(analysis.question)


@pytest.mark.parametrize(
    "question",
    ["When does the resolution take effect?", "When did the resolution come into force?",
     "On what date did the resolution become effective?"],
)  # fmt: skip
def test_effective_date_in_its_english_forms(question):
    found = phrases(question)
    assert "nghi quyet" in found
    assert {"co hieu luc", "hieu luc", "hieu luc thi hanh"} & found


def test_processing_time_of_a_procedure():
    found = phrases("How many working days is the processing time for this administrative procedure?")
    assert {"ngay lam viec", "thoi han giai quyet", "thu tuc hanh chinh"} <= found


def test_inflections_find_the_base_entry():
    assert english_stem("recruited") == english_stem("recruit") == english_stem("recruiting")
    assert english_stem("fees") == english_stem("fee")
    assert english_stem("policies") == english_stem("policy")
    assert english_stem("children") == "child"
    assert {"tuyen dung", "giao vien"} <= phrases("Which units recruited teachers last year?")


def test_numbers_names_and_places_pass_through():
    analysis = analyse("Which article of Decision 53/2025/QĐ-UBND did Lê Hải Hoà sign in Hanoi?")
    assert analysis.language == "en"  # a few marked names do not make a question Vietnamese
    assert "53/2025/qd-ubnd" in analysis.terms
    assert analysis.provinces == ["Hà Nội"]
    assert "le hai hoa" in {c.name for c in analysis.concepts}


def test_the_seed_glossary_wins_a_clash():
    assert lexicon().lookup("tuition") == ("học phí",)
    assert lexicon().lookup("fees") == lexicon().lookup("fee")
    assert lexicon().lookup("the") == () and lexicon().lookup("documents") == ()


def test_the_lexicon_is_large_and_lists_base_forms_only():
    assert len(lexicon().renderings) >= 1500
    lines = (Path(lexicon_module.__file__).with_name("lexicon.txt")).read_text(encoding="utf-8")
    for line in lines.splitlines():
        if "=>" in line and not line.startswith("#"):
            keys = [english_key(alt) for alt in line.split("=>")[0].split("|")]
            assert len(keys) == len(set(keys)), line  # inflections are the stemmer's job
    table = parse_lines(["a fee | fees => phí | lệ phí  # comment", "no arrow here"])
    assert table == {(english_stem("fee"),): ("phí", "lệ phí")}


def test_vietnamese_questions_are_wholly_translated():
    assert analyse("chỉ tiêu năm 2025 cho trung học là gì?").translated_share == 1.0
    assert analyse("chi tieu nam 2025 cho trung hoc la gi").translated_share == 1.0


def test_translated_share_falls_with_words_nothing_renders():
    known = analyse("what is the 2025 target for secondary schools")
    unknown = analyse("what is the 2025 target for zorbling quibbits")
    assert known.language == unknown.language == "en"
    assert known.translated_share == 1.0
    assert 0.0 <= unknown.translated_share < 0.7


def test_hyphenated_words_match_either_way():
    assert "cap lai" in phrases("What is the fee for re-issuing the certificate?")
    assert "ban tru" in phrases("Do semi boarding pupils get a meal allowance?")
    assert "ban tru" in phrases("Do semi-boarding pupils get a meal allowance?")


def test_english_number_notation_becomes_the_documents():
    analysis = analyse("Is the breakfast charge 20,000 dong per pupil, and did 98.5% of schools pay it?")
    assert analysis.numbers == ["20.000", "98,5%"]
    assert "20.000" in analysis.terms
    assert analyse("Article 2.1 of the resolution").numbers == ["2.1"]  # not a decimal figure
    assert analyse("Tỷ lệ 98,5% là gì?").numbers == ["98,5%"]


def test_stems_that_would_collide_are_kept_apart():
    assert lexicon().lookup("care") != lexicon().lookup("car")
    assert "phan cap" in phrases("Which tasks does the province delegate to the department?")
    assert "nang luong" not in phrases("What powers are delegated to the department?")


def test_the_vietnamese_rendering_keeps_diacritics_names_and_numbers():
    analysis = analyse("Which article of Decision 53/2025/QĐ-UBND did Lê Hải Hoà sign in Hanoi?")
    words = analysis.vietnamese_text.split()
    assert "quyết" in words and "định" in words  # the lexicon's rendering as written, marks kept
    assert "53/2025/QĐ-UBND" in words and "Lê Hải Hoà".split()[0] in words
    assert analysis.vietnamese_text.endswith("Hà Nội")  # the place the question names
    assert "which" not in analysis.vietnamese_text.lower()  # function words are not rendered


def test_words_nothing_renders_stay_in_the_rendering_in_english():
    analysis = analyse("Which embroidery guild sponsors the annual kite regatta?")
    assert {"embroidery", "regatta"} <= set(analysis.vietnamese_text.split())
    assert analyse("Tỷ lệ trường đạt chuẩn quốc gia là bao nhiêu?").vietnamese_text == ""


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("In a preschool, whose assignment do support staff (nhân viên) follow?", "nhan vien"),
        ("What do the rules say about học thêm outside school hours?", "hoc them"),
        ("How much is the fee at high-quality schools (trường chất lượng cao)?", "truong chat luong cao"),
    ],
)
def test_a_vietnamese_term_the_question_writes_is_one_whole_concept(question, term):
    """The asker's own name for what is asked: searched and judged as its words in a row, at full
    weight, not as untranslated single words."""
    analysis = analyse(question)
    own = [c for c in analysis.concepts if c.name == term]
    assert own and own[0].weight == 1.0 and own[0].phrases == [term]
    assert not any(c.name in term.split() for c in analysis.concepts if c.name != term)
    assert analysis.translated_share > 0.5
