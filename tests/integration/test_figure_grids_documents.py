"""Tables of real documents read as rows, end to end: the recent set's fee table (figures one
per line, no row-number column) gives one chunk per row with every figure, and every row of a
grouped table, in the recent set and the development corpus, names its group in its own text."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from assistant.table_rows import row_answer
from eval.figure_grids import GridCount, count_document
from eval.gold import fold_for_match
from eval.sets import set_corpus
from ingest.chunks import Chunk, parse_document
from tests.conftest import DEVCORPUS, needs_set_corpus

pytestmark = pytest.mark.integration
RECENT = set_corpus("recent")
HUE = RECENT / "hue-nq36-2025.txt"
DIRECTIVES = sorted((DEVCORPUS / "directives").glob("*.txt"))


@cache
def rows(path: Path) -> list[Chunk]:
    chunks = parse_document(path.name, path.read_text(encoding="utf-8")).chunks
    return [c for c in chunks if c.extra.get("columns")]


@needs_set_corpus("recent")
def test_fee_table_rows_are_chunks_with_every_figure():
    fee_rows = [c for c in rows(HUE) if c.text.startswith("Địa bàn | Mầm non")]
    assert [c.text.split("\n")[1] for c in fee_rows] == [
        "Đô thị | 190 | 190 | 110 | 130",
        "Nông thôn | 140 | 140 | 95 | 115",
        "Miền núi | 105 | 105 | 80 | 100",
    ]
    assert all(c.section[:2] == ["Điều 2", "1"] for c in fee_rows)  # under 'Mức học phí'
    assert all("Mức học phí" in c.titles for c in fee_rows)


@needs_set_corpus("recent")
def test_fee_row_answers_the_column_asked():
    # the figures are bare (the unit stands once above the table): asked as a number
    [urban] = [c for c in rows(HUE) if "Đô thị | 190" in c.text]
    question = "Mức học phí trung học cơ sở ở khu vực đô thị là bao nhiêu?"
    answer = row_answer("count", urban.text, urban.extra["columns"], question=question)
    assert answer is not None
    assert answer.value == "110"
    assert answer.column == "Trung học cơ sở"


@pytest.mark.parametrize("path", [*sorted(RECENT.glob("*.txt")), *DIRECTIVES], ids=lambda p: p.name)
def test_every_grouped_row_names_its_group_and_no_figure_is_lost(path: Path):
    tally = GridCount()
    count_document(path.name, path.read_text(encoding="utf-8"), tally)
    c = tally.counts
    assert c["grouped rows naming their group"] == c["grouped rows"]
    assert c["grid rows read as rows"] == c["grid rows"]
    assert c["figures lost"] == 0


@needs_set_corpus("recent")
def test_annex_row_says_which_area_a_commune_is_in():
    [row] = [c for c in rows(HUE) if c.text.endswith("Xã A Lưới 3")]
    assert row.text.split("\n")[1] == "Miền núi (9 xã miền núi thuộc thành phố Huế) › 7 | Xã A Lưới 3"
    assert fold_for_match("Miền núi") in fold_for_match(row.text)
