"""Recent and fresh plans and decisions read on their seeded OCR-like copies (eval.ocr_noise, as
`eduqa eval --ocr-copy` writes them): an article word with one letter slip ('Dleu 2.') opens its
article, a clause '1.' read 'l.' alone on its line takes its title from the next, 'I.2.' under
clause 1 is the dotted 1.2, '1V.' is IV and '1I.' is II, a point's letter read as its look-alike ('e)' after
'b)', 'cl)') keeps its place in the run, and a motto OCR wrapped and misread ('CONG BOA XA' /
'HOI CBỦ NGHIA …') is never taken for the issuer; a table row 'l.1' is row 1.1; a notice's
first clause read 'I.' before '2.' is clause 1."""

from __future__ import annotations

from functools import cache

import pytest

from eval.ocr_noise import ocr_copy
from eval.ocr_sets import copy_seed
from eval.sets import get_set
from ingest.chunks import ParsedDocument, parse_document
from ingest.levels import is_bare_label, match_label, restore_bare_level_word
from ingest.row_numbering import capital_one_row, read_row_number
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
    assert match_label("1I. PHAM VI").label == "II" and match_label("11. PHAM VI").kind == "num"


def test_roman_two_read_with_a_one_opens_its_part():
    """The plan uploaded as an OCR copy (seed 7, as tests/integration/test_plan_upload.py makes
    it) reads 'II.' as '1I.': its part II keeps every clause."""
    name = "cantho-kh153-2025.txt"
    text = (CORPORA["fresh"] / name).read_text(encoding="utf-8")
    copy = ocr_copy(text, seed=7)
    assert "1I. PHAM" in copy.split("\n")
    clean = {tuple(c.section) for c in parsed("fresh", name, False).chunks}
    assert clean <= {tuple(c.section) for c in parse_document(name, copy).chunks}


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


def test_table_row_number_and_clause_read_with_ocr_slips():
    """A fee schedule's copy: the appendix row 'l.1' is row 1.1 (with the rows under it), and
    clause '1. &anh muc …' (D read as &) opens clause 1 of its article."""
    from eval.sets import devcorpus_root

    name = "directives/hanoi-nq60-2025.txt"
    source = devcorpus_root() / name
    if not source.exists():
        pytest.skip("development corpus not beside the repository")
    text = source.read_text(encoding="utf-8")
    copy = ocr_copy(text, seed=copy_seed(name))
    assert "l.1" in copy.split("\n") and "1. &anh muc" in copy
    assert read_row_number("l.1") == "1.1" and read_row_number("|.1.2") == "1.1.2"
    assert read_row_number("l") == "l" and read_row_number("I.1") == "I.1"  # row 1 of group I
    clean = {tuple(c.section) for c in parse_document(name, text).chunks}
    assert {("Điều 2", "1"), ("Phụ lục", "dòng 1.1"), ("Phụ lục", "dòng 1.1.1")} <= clean
    read = {tuple(c.section) for c in parse_document(name, copy).chunks}
    assert {("Điều 2", "1"), ("Điều 2", "2", "a"), ("Phụ lục", "dòng 1.1"), ("Phụ lục", "dòng 1.1.1")} <= read


def test_first_clause_of_a_notice_read_as_roman_one():
    """A notice numbered 1. to 9. at its top: its copy reads '1.' as 'I. Tiếp tuc …' (sentence
    case), and the next numbered line is '2.', so it is clause 1 and every clause is read."""
    from pathlib import Path

    name = "quangninh-tb3677-2023-12-15.txt"
    source = Path(__file__).parents[2] / "corpus" / name
    text = source.read_text(encoding="utf-8")
    copy = ocr_copy(text, seed=copy_seed(name))
    assert any(line.startswith("I. Tiếp tuc") for line in copy.split("\n"))
    clean = {tuple(c.section) for c in parse_document(name, text).chunks}
    assert {(str(n),) for n in (1, 2, 3, 9)} <= clean
    assert clean <= {tuple(c.section) for c in parse_document(name, copy).chunks}
    # a roman I in sentence case before 'II.' stays what it was read as
    from ingest.ocr_labels import ocr_reading
    from ingest.task_tree import Node

    root = Node(kind="root", label="", value=0, path=[])
    label = match_label("I. Mục đích, yêu cầu")
    assert ocr_reading(label, root, "I", ["1. Mục đích", "II. Nhiệm vụ", "2. Giải pháp"]).kind == "roman"
    assert ocr_reading(label, root, "I", ["Nội dung.", "2. Giải pháp"]).label == "1"
    assert ocr_reading(label, root, "I", ["1. Trình tự", "2. Giải pháp"]).kind == "roman"
    assert ocr_reading(label, root, "I", ["Lĩnh vực", "1.", "Trình tự", "2. Giải pháp"]).kind == "roman"


def test_table_row_number_read_with_a_capital_i_after_row_one_one():
    """A fee appendix's copy reads row 1.2 as 'I.2' right after row 1.1: it is row 1.2 there,
    while a clean 'I.1' right under group I stays what it was (no row 1 above it)."""
    name = "hanoi-nq58-2025.txt"
    assert "I.2" in copy_lines("recent", name)
    assert (
        capital_one_row("I.2") == (1, 2) and capital_one_row("II.2") is None and capital_one_row("I") is None
    )
    clean, copy = sections("recent", name, False), sections("recent", name, True)
    assert {("Phụ lục", "dòng I.1.2"), ("Phụ lục", "dòng I.1.3")} <= clean
    assert clean <= copy
