"""Compound words on real document lines: a question's 'học phí' is held where its syllables
stand together in order, with or without diacritics, and not where they stand apart."""

from __future__ import annotations

import pytest

from assistant.compounds import compound_spans, is_compound, question_compounds, split_in
from assistant.concept_held import holds
from assistant.query import analyse
from tests.conftest import BACGIANG, CORPUS, DEVCORPUS

pytestmark = pytest.mark.unit
HANOI_FEES = "directives/hanoi-nq60-2025.txt"  # a fee resolution: 'chi phí học tập', 'học phí'
TAX_CIRCULAR = "distractors/112_2025_TT-BTC__514184bd8913458c.txt"  # 'chứng từ chi tiêu' (spending)


def _line(path, needle: str) -> str:
    if not path.exists():
        pytest.skip(f"document not found ({path})")
    return next(line for line in path.read_text(encoding="utf-8").splitlines() if needle in line)


def _concept(question: str, name: str):
    return next(c for c in analyse(question).asked if c.name == name)


@pytest.mark.parametrize(
    "question", ["Mức học phí của trường là bao nhiêu?", "Muc hoc phi cua truong la bao nhieu?"]
)
def test_a_compound_is_one_asked_concept_with_or_without_diacritics(question):
    asked = {c.name: c for c in analyse(question).asked}
    assert "hoc phi" in asked and is_compound(asked["hoc phi"])
    assert "hoc" not in asked and "phi" not in asked  # its syllables are not asked on their own
    assert "hoc" in analyse(question).terms and "phi" in analyse(question).terms  # search unchanged


@pytest.mark.parametrize("question", ["Mức học phí là bao nhiêu?", "muc hoc phi la bao nhieu"])
def test_held_where_the_syllables_stand_together(question):
    line = _line(CORPUS / BACGIANG, "nguồn thu học phí")
    analysis = analyse(question)
    assert holds(analysis, _concept(question, "hoc phi"), line)


@pytest.mark.parametrize("question", ["Mức học phí là bao nhiêu?", "muc hoc phi la bao nhieu"])
def test_not_held_where_the_syllables_stand_apart(question):
    line = _line(DEVCORPUS / HANOI_FEES, "chi phí học tập và giá dịch vụ")  # 'phí học', reversed
    concept = _concept(question, "hoc phi")
    assert not holds(analyse(question), concept, line)
    assert split_in(concept, line)


def test_diacritics_tell_a_target_from_spending_when_both_sides_have_them():
    line = _line(DEVCORPUS / TAX_CIRCULAR, "chứng từ chi tiêu")
    accented = "Chỉ tiêu tỷ lệ học sinh tốt nghiệp là bao nhiêu?"  # chỉ tiêu: a target
    assert not holds(analyse(accented), _concept(accented, "chi tieu"), line)
    folded = "chi tieu ty le hoc sinh tot nghiep la bao nhieu?"  # typed without: cannot tell
    assert holds(analyse(folded), _concept(folded, "chi tieu"), line)


def test_overlapping_words_are_left_as_syllables():
    # folded, 'ho tro' (support) and 'tro tre' overlap: which is meant cannot be told, neither
    # is joined; spelled 'hỗ trợ trẻ', only 'hỗ trợ' is a word
    content = {"ho", "tro", "tre", "mam", "non"}
    assert question_compounds("ho tro tre mam non", content) == ["mam non"]
    assert question_compounds("hỗ trợ trẻ mầm non", content) == ["ho tro", "mam non"]


def test_a_number_or_a_function_word_parts_two_syllables():
    assert question_compounds("lop 12 hoc", {"lop", "hoc"}) == []
    assert compound_spans(["hoc", "phi"], [True, False], frozenset({"hoc phi"})) == []


def test_a_longer_word_wins_over_the_word_inside_it():
    content = {"trung", "hoc", "pho", "thong"}
    assert question_compounds("trường trung học phổ thông", content) == ["trung hoc pho thong"]
