"""The structure reader on documents of the `fresh` set's dev group and the development corpus:
a table ends at the next article's bold heading and at the notes under it; a heading that states
a figure before its parts is a chunk; an abbreviation's dot ends no quoted sentence."""

from __future__ import annotations

import pytest

from assistant.sentences import split_sentences
from eval.sets import devcorpus_root, set_corpus
from ingest.chunks import parse_document
from tests.conftest import needs_set_corpus

pytestmark = pytest.mark.integration
FRESH = set_corpus("fresh")


def chunks_of(path):
    return parse_document(path.name, path.read_text(encoding="utf-8")).chunks


def by_section(chunks, section: str):
    return [c for c in chunks if "/".join(c.section) == section]


@needs_set_corpus("fresh")
def test_a_table_ends_at_the_next_articles_bold_heading():
    """Gia Lai 48/2025: the item table of Điều 2 ends at '**Điều 3.' (written in mixed case), so
    the article's effective date is its own item, not a cell of the table's last row."""
    chunks = chunks_of(FRESH / "gialai-qd48-2025.txt")
    [effective] = by_section(chunks, "Điều 3/1")
    assert "hiệu lực thi hành từ ngày 06 tháng 12 năm 2025" in effective.text
    rows = [c for c in chunks if c.section[:2] == ["Điều 2", "2"] and len(c.section) == 3]
    assert len(rows) >= 11 and not any("Điều 3" in c.text or "hiệu lực" in c.text for c in rows)


@needs_set_corpus("fresh")
def test_the_notes_under_a_table_are_no_cells_of_its_last_row():
    """The Bộ VHTTDL letter: the footnotes '[1] Nghị quyết số …' after the annex's table of
    training institutions stand apart from its row 11."""
    chunks = chunks_of(FRESH / "bvhttdl-cv6386-2025.txt")
    [last_row] = [c for c in chunks if c.section[-1:] == ["dòng 11"] and "Viện" in c.text]
    assert "Nghị quyết" not in last_row.text and len(last_row.text) < 200
    assert any(c.text.startswith("[1] Nghị quyết số 141/2024/QH15") for c in chunks)


def test_tables_of_the_development_corpus_end_at_their_articles():
    """A resolution of the development corpus whose table sat in Điều 1: its later clauses
    ('8. Bãi bỏ cụm từ …') are items of their own, no longer cells of the table's last row."""
    root = devcorpus_root()
    path = root / "distractors" / "34_2025_NQ-HĐND__592501a25aaf5012.txt"
    if not path.is_file():
        pytest.skip("development corpus not present")
    chunks = chunks_of(path)
    rows = [c for c in chunks if any(part.startswith("dòng") for part in c.section)]
    assert rows and not any("Bãi bỏ cụm từ" in c.text for c in rows)
    assert any(c.section[-1:] == ["8"] and "Bãi bỏ cụm từ" in c.text for c in chunks)


@needs_set_corpus("fresh")
def test_a_heading_stating_a_figure_before_its_points_is_a_chunk():
    """Thông tư 05/2025: '1. Thời gian làm việc … là 42 tuần, trong đó:' heads points a)–c); the
    42 weeks is stated only there, so the lead-in is an item of its own. A bare heading ('1. Mục
    đích') stays a title."""
    chunks = chunks_of(FRESH / "bgddt-tt05-2025.txt")
    [lead_in] = by_section(chunks, "Điều 5/1")
    assert "là 42 tuần, trong đó:" in lead_in.text
    assert by_section(chunks, "Điều 5/1/a")
    plan = chunks_of(FRESH / "cantho-kh153-2025.txt")
    assert not by_section(plan, "I/1") and by_section(plan, "I/1/a")


@needs_set_corpus("fresh")
def test_an_abbreviations_dot_ends_no_sentence():
    """The letter's closing item names 'TP. Hà Nội' before its deadline: one sentence, the
    deadline kept in the quote."""
    [item] = by_section(chunks_of(FRESH / "bvhttdl-cv6386-2025.txt"), "III/2")
    sentences = [s for s in split_sentences(item.text) if "Cửa Nam" in s]
    assert len(sentences) == 1 and "trước ngày 31/8/2026" in sentences[0]
    assert split_sentences("Hoàn thành. Báo cáo gửi về TP. Hồ Chí Minh.") == [
        "Hoàn thành.",
        "Báo cáo gửi về TP. Hồ Chí Minh.",
    ]
