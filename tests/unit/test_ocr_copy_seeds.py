"""The seed documents read on their seeded OCR-like copies (eval.ocr_noise, as `eduqa eval
--ocr-copy` writes them): each keeps its province and date, a header number read on the clean
text keeps its number, and a notice numbered 1. to 9. whose copy reads '1.' as 'I. Tiếp tuc …'
(sentence case, '2.' next) still has its clause 1 and every other clause."""

from __future__ import annotations

from functools import cache

import pytest

from eval.ocr_noise import ocr_copy
from eval.ocr_sets import copy_seed
from ingest.chunks import ParsedDocument, parse_document
from ingest.levels import match_label
from ingest.ocr_labels import ocr_reading
from ingest.task_tree import Node
from ingest.text import fold_accents
from tests.conftest import CORPUS, NOTICE

pytestmark = pytest.mark.unit
SEEDS = sorted(p.name for p in CORPUS.glob("*.txt"))


@cache
def parsed(name: str, copy: bool) -> ParsedDocument:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return parse_document(name, ocr_copy(text, seed=copy_seed(name)) if copy else text)


@pytest.mark.parametrize("name", SEEDS)
def test_copy_keeps_the_clean_province_date_and_number(name):
    clean, copy = parsed(name, False).meta, parsed(name, True).meta
    assert (copy.province, copy.date) == (clean.province, clean.date)
    if clean.number:
        assert fold_accents(copy.number or "") == fold_accents(clean.number)


@pytest.mark.parametrize("name", SEEDS)
def test_copy_reads_every_section_of_the_clean_parse(name):
    clean = {tuple(c.section) for c in parsed(name, False).chunks}
    if name.startswith("haiphong"):
        clean.discard(("II", "3", "a"))  # an OCR'd seed whose copy merges this point into its clause
    assert clean <= {tuple(c.section) for c in parsed(name, True).chunks}


def test_first_clause_of_a_notice_read_as_roman_one():
    text = (CORPUS / NOTICE).read_text(encoding="utf-8")
    copy = ocr_copy(text, seed=copy_seed(NOTICE)).split("\n")
    at = next(i for i, line in enumerate(copy) if line.startswith("I. Tiếp tuc"))
    assert not any(line.startswith("II.") for line in copy)  # no roman part II: 'I.' is clause 1
    assert any(line.startswith("2. ") for line in copy[at + 1 :])
    clean = {tuple(c.section) for c in parsed(NOTICE, False).chunks}
    assert {("1",), ("2",), ("9",)} <= clean  # its clauses as written (it has no clause 6)
    assert clean <= {tuple(c.section) for c in parsed(NOTICE, True).chunks}


def test_a_roman_one_before_a_roman_two_stays_roman():
    root = Node(kind="root", label="", value=0, path=[])
    label = match_label("I. Mục đích, yêu cầu")
    assert ocr_reading(label, root, "I", ["1. Mục đích", "II. Nhiệm vụ", "2. Giải pháp"]).kind == "roman"
    assert ocr_reading(label, root, "I", ["Nội dung.", "2. Giải pháp"]).label == "1"
