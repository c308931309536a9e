"""A paragraph written under a table flattened one cell per line is no row of it: read from the
fresh set's Gia Lai decision, whose item table is followed by the sentence naming who buys the
items, then by the next clause."""

from __future__ import annotations

from eval.sets import set_corpus
from ingest.chunks import parse_document
from ingest.tables import find_tables
from tests.conftest import needs_set_corpus

pytestmark = needs_set_corpus("fresh")

GIALAI = set_corpus("fresh") / "gialai-qd48-2025.txt"
PARAGRAPH = "Hiệu trưởng các trường phổ thông dân tộc nội trú chịu trách nhiệm"


def _chunks():
    return parse_document(GIALAI.name, GIALAI.read_text(encoding="utf-8")).chunks


def test_the_paragraph_after_the_table_is_text_of_its_clause_not_a_row():
    holding = [c for c in _chunks() if PARAGRAPH in c.text]
    assert len(holding) == 1
    chunk = holding[0]
    assert "columns" not in (chunk.extra or {})
    assert chunk.text.splitlines()[1].startswith("Căn cứ khoản 1 và khoản 2 Điều 2 của Quyết định này")


def test_the_last_row_keeps_its_figures_and_the_next_clause_stands_alone():
    lines = GIALAI.read_text(encoding="utf-8").splitlines()
    supplies = find_tables(lines)[-1]
    assert [row.label for row in supplies.rows] == [str(n) for n in range(1, 12)]  # no fake row '02'
    assert supplies.rows[-1].cells[-2:] == ["02", "02"]
    clause = [c for c in _chunks() if c.text.startswith("3. Nguồn kinh phí")]
    assert clause and "columns" not in (clause[0].extra or {})


def test_a_table_whose_rows_hold_long_cells_keeps_them():
    """Rows of tasks hold long sentences of their own: none is cut off as a paragraph."""
    lines = (set_corpus("fresh") / "bvhttdl-cv6386-2025.txt").read_text(encoding="utf-8").splitlines()
    for table in find_tables(lines):
        assert all(row.cells for row in table.rows)
