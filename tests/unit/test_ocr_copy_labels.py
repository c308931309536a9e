"""Recent and fresh plans and decisions read on their seeded OCR-like copies (eval.ocr_noise, as
`eduqa eval --ocr-copy` writes them): an article word with one letter slip ('Dleu 2.') opens its
article, a clause '1.' read 'l.' alone on its line takes its title from the next, 'I.2.' under
clause 1 is the dotted 1.2, '1V.' is IV, a point's letter read as its look-alike ('e)' after
'b)', 'cl)') keeps its place in the run, and a motto OCR wrapped and misread ('CONG BOA XA' /
'HOI CBỦ NGHIA …') is never taken for the issuer."""

from __future__ import annotations

from functools import cache

import pytest

from eval.ocr_noise import ocr_copy
from eval.ocr_sets import copy_seed
from eval.sets import get_set
from ingest.chunks import ParsedDocument, parse_document
from ingest.levels import is_bare_label, match_label, restore_bare_level_word
from tests.conftest import needs_set_corpus

pytestmark = [pytest.mark.unit, needs_set_corpus("recent", "fresh")]
CORPORA = {"recent": get_set("recent").corpus, "fresh": get_set("fresh").corpus}


@cache
def parsed(set_name: str, name: str, copy: bool) -> ParsedDocument:
    text = (CORPORA[set_name] / name).read_text(encoding="utf-8")
    return parse_document(name, ocr_copy(text, seed=copy_seed(name)) if copy else text)


def copy_lines(set_name: str, name: str) -> list[str]:
    text = (CORPORA[set_name] / name).read_text(encoding="utf-8")
    return ocr_copy(text, seed=copy_seed(name)).split("\n")


def sections(set_name: str, name: str, copy: bool) -> set[tuple[str, ...]]:
    return {tuple(chunk.section) for chunk in parsed(set_name, name, copy).chunks}


def test_article_word_with_a_letter_slip_opens_its_article():
    assert "Dleu 2." in copy_lines("fresh", "gialai-qd48-2025.txt")
    assert restore_bare_level_word("Dleu") == "Điều"
    assert match_label("Dleu 2. Quy định danh mục").label == "Điều 2"
    assert match_label("Dieii 3. Hiệu lực").label == "Điều 3"
    assert match_label("Deo 2. Text") is None or match_label("Deo 2. Text").kind != "article"
    assert restore_bare_level_word("đều") == "đều"  # a word of the text, not a heading
    clean = {s[:1] for s in sections("fresh", "gialai-qd48-2025.txt", False) if s}
    assert ("Điều 2",) in clean
    assert clean <= {s[:1] for s in sections("fresh", "gialai-qd48-2025.txt", True)}


def test_clause_one_read_as_a_thin_letter_alone_on_its_line():
    lines = copy_lines("fresh", "cantho-kh153-2025.txt")
    at = lines.index("l.")
    assert lines[at + 1].startswith("Công tac tham muu")
    assert is_bare_label("l.") and is_bare_label("|.")
    assert sections("fresh", "cantho-kh153-2025.txt", False) <= sections(
        "fresh", "cantho-kh153-2025.txt", True
    )


def test_dotted_label_read_with_a_capital_i_under_clause_one():
    lines = copy_lines("recent", "dongnai-kh182-2025.txt")
    assert any(line.startswith("I.1. ") for line in lines) and any(line.startswith("1V. ") for line in lines)
    copy = sections("recent", "dongnai-kh182-2025.txt", True)
    assert {("I", "1", "1.1"), ("I", "1", "1.2"), ("III", "1", "1.1"), ("IV", "1"), ("IV", "2")} <= copy
    assert match_label("1V. TỔ CHỨC THỰC HIỆN").label == "IV"


def test_point_letter_read_as_its_look_alike_keeps_its_place():
    lines = copy_lines("recent", "dongnai-kh182-2025.txt")
    assert any(line.startswith("e) ") for line in lines) and any(line.startswith("cl) ") for line in lines)
    assert match_label("cl) Text").label == "d"
    clean = sections("recent", "dongnai-kh182-2025.txt", False)
    copy = sections("recent", "dongnai-kh182-2025.txt", True)
    assert {("III", "2", "2.3", "c"), ("III", "2", "2.13", "đ")} <= clean & copy
    assert clean <= copy


@pytest.mark.parametrize(
    ("set_name", "name"), [("fresh", "cantho-kh153-2025.txt"), ("fresh", "gialai-qd48-2025.txt")]
)
def test_motto_wrapped_and_misread_is_no_issuer(set_name, name):
    lines = copy_lines(set_name, name)
    assert any(line.startswith("CONG ") or line.startswith("CỘNG HOA") for line in lines[:8])
    clean, copy = parsed(set_name, name, False).meta, parsed(set_name, name, True).meta
    assert clean.issuer.startswith("Ủy ban nhân dân")
    assert copy.issuer == clean.issuer
    assert copy.province == clean.province
