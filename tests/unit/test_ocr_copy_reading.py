"""The recent documents' seeded OCR-like copies (eval.ocr_sets) read like their clean originals
where OCR changes only the look: every gold quote is found on the copy, an article heading whose
'Điều' lost its marks opens its article, a fee table whose header lost its bold is still read row
by row, a province misread in the issuer block is read from the place line, a place-date line
misread or run into the line above still dates the document, and a number's misread code is
written as the text cites it."""

from __future__ import annotations

from functools import cache

import pytest

from eval.gold import fold_confusions, resolve_quote
from eval.ocr_noise import ocr_copy
from eval.ocr_sets import copy_seed
from eval.sets import get_set, load_set
from ingest.chunks import ParsedDocument, parse_document
from ingest.header.misread import misread_province, ocr_place_date, repaired_number
from ingest.heading_marks import opens_next_article
from ingest.levels import match_label, reads_as_one, restore_bare_level_word
from ingest.text import fold_accents
from tests.conftest import needs_set_corpus

pytestmark = needs_set_corpus("recent")

RECENT = get_set("recent").corpus


@cache
def parsed(name: str, copy: bool) -> ParsedDocument:
    text = (RECENT / name).read_text(encoding="utf-8")
    return parse_document(name, ocr_copy(text, seed=copy_seed(name)) if copy else text)


def _rows(doc: ParsedDocument) -> list[list[str]]:
    return [[c.strip() for c in chunk.text.split("\n")[-1].split("|")] for chunk in doc.chunks if chunk.extra]


def test_every_recent_gold_quote_found_on_the_clean_parse_is_found_on_the_copy():
    questions = [q for q in load_set("recent") if q.get("gold")]
    assert len(questions) > 40
    found = 0
    for q in questions:
        for gold in q["gold"]:
            clean = [{"id": c.id, "text": c.text} for c in parsed(gold["source"], False).chunks]
            if not resolve_quote(gold["quote"], clean):
                continue  # a quote of a heading (the chunk's text leaves it out) is no reading test
            found += 1
            chunks = [{"id": c.id, "text": c.text} for c in parsed(gold["source"], True).chunks]
            assert resolve_quote(gold["quote"], chunks), (q["id"], gold["quote"])
    assert found > 40


def test_confusions_fold_a_misreading_to_the_same_key():
    assert fold_confusions("Thực hiện Quyết định") == fold_confusions("Thuc hiên Qiiyết đinh")
    assert fold_confusions("trường mầm non") == fold_confusions("truong rnam n0n")
    assert fold_confusions("học phí") != fold_confusions("học sinh")


def test_unmarked_article_word_opens_its_article():
    assert restore_bare_level_word("Dieu") == "Điều"
    assert restore_bare_level_word("Điêu") == "Điều"
    assert restore_bare_level_word("Điều") == "Điều"
    assert restore_bare_level_word("Diệu kỳ") == "Diệu kỳ"
    clean = {tuple(c.section[:1]) for c in parsed("hue-nq36-2025.txt", False).chunks}
    copy = {tuple(c.section[:1]) for c in parsed("hue-nq36-2025.txt", True).chunks}
    assert {s for s in clean if s} <= copy


def test_fee_table_without_bold_header_is_read_by_rows():
    clean, copy = _rows(parsed("hue-nq36-2025.txt", False)), _rows(parsed("hue-nq36-2025.txt", True))
    figures = [row[1:] for row in clean if len(row) == 5]
    assert len(figures) >= 3
    assert [row[1:] for row in copy if len(row) == 5] == figures


@pytest.mark.parametrize("name", sorted(p.name for p in RECENT.glob("*.txt")))
def test_copy_keeps_the_clean_province(name):
    clean, copy = parsed(name, False).meta, parsed(name, True).meta
    assert copy.province == clean.province


def test_misread_province_needs_a_known_place_one_or_two_slips_away():
    assert misread_province("Ba Noi", "Hà Nội")
    assert misread_province("Quang Trl", "Quảng Trị")
    assert not misread_province("Hà Nội", "Hà Nội")  # known: nothing to read right
    assert not misread_province("Thủ Đức", "Hồ Chí Minh")  # a city under its province
    assert not misread_province("Ba Noi", "Ba Noi")  # the place is no province we know


@pytest.mark.parametrize("name", sorted(p.name for p in RECENT.glob("*.txt")))
def test_copy_keeps_the_clean_number_and_date(name):
    clean, copy = parsed(name, False).meta, parsed(name, True).meta
    assert copy.date == clean.date
    assert fold_accents(copy.number or "") == fold_accents(clean.number or "")


def test_place_date_run_into_the_line_above_still_dates_the_document():
    rows = [
        "V/v",
        "đề xuất biên chế giai đoạn 2026-2031 theo vi tri viec lam Hà Noi,",
        "ngay 21 thang",
        "11 uam 2025",
    ]
    assert ocr_place_date(rows) == ("Hà Nội", "2025-11-21")
    assert ocr_place_date(["Căn cứ Luật số 43/2019/QH14;"]) == (None, None)


def test_misread_code_of_a_number_is_written_as_the_text_cites_it():
    text = (RECENT / "hue-nq36-2025.txt").read_text(encoding="utf-8")
    assert repaired_number("36/2025/NQ-HĐUD", text) == "36/2025/NQ-HĐND"
    assert repaired_number("36/2025/NQ-HĐND", text) == "36/2025/NQ-HĐND"
    assert repaired_number("36/2025/NQ-XYZ", text) == "36/2025/NQ-XYZ"  # nothing like it cited


@pytest.mark.parametrize("name", ["bgddt-tt21-2025.txt", "hue-nq36-2025.txt", "vinhlong-nq20-2025.txt"])
def test_copy_reads_every_section_of_the_clean_parse(name):
    """Clause 1 of an article whose '1.' OCR read as 'I.' is clause 1 still."""
    clean = {tuple(c.section) for c in parsed(name, False).chunks}
    assert clean <= {tuple(c.section) for c in parsed(name, True).chunks}


def test_thin_letter_for_one_in_a_dotted_label():
    assert match_label("l.2. Tổ chức thực hiện").label == "1.2"
    assert match_label("|.3. Kinh phí").label == "1.3"
    assert match_label("I.2. Tổ chức").kind == "roman"  # a roman I stays what clean text means by it
    assert reads_as_one("article", "I") and not reads_as_one("root", "I")


def test_a_table_whose_first_group_cell_the_copy_rewrapped_is_still_read():
    """A flattened table whose first group's header cell was joined from wrapped lines on the
    copy (so no single cell equals it) reads as a table without a group, never as a parse error."""
    from eval.sets import devcorpus_root

    name = "distractors/1949_QĐ-UBND__55f3a3d0d7e08b45.txt"
    source = devcorpus_root() / name
    if not source.exists():
        pytest.skip("development corpus not beside the repository")
    copy = parse_document(name, ocr_copy(source.read_text(encoding="utf-8"), seed=copy_seed(name)))
    clean = parse_document(name, source.read_text(encoding="utf-8"))
    assert len(copy.chunks) >= len(clean.chunks) // 2
    assert any(chunk.extra for chunk in copy.chunks)  # its table rows


def test_next_article_read_without_marks_ends_the_table_above_it():
    """The copy of a resolution lost the bold of 'Điều 3.' under a fee table of Điều 2; numbered
    one past the article the table sits in, the line opens the next article, not a row."""
    lines = ocr_copy((RECENT / "vinhlong-nq20-2025.txt").read_text(encoding="utf-8"),
                     seed=copy_seed("vinhlong-nq20-2025.txt")).split("\n")  # fmt: skip
    at = next(i for i, line in enumerate(lines) if line.startswith("Dieu 3."))
    start = next(i for i in range(at, 0, -1) if lines[i].startswith(("Dieu 2.", "Điều 2.")))
    assert opens_next_article(lines, start + 1, at)
    assert not opens_next_article([*lines[:at], "Điều 5. Hiệu lực"], start + 1, at)  # no article 3
    assert ("Điều 3", "5", "a") in {tuple(c.section) for c in parsed("vinhlong-nq20-2025.txt", True).chunks}
