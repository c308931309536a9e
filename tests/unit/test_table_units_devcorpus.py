"""A table's unit stated once above its header ('Đơn vị: Triệu đồng') is kept with every row it
heads, read from documents CI has: the Prime Minister's decision allotting funds to 27 provinces
(its appendix, one cell per line) and a city council's budget resolution; a table with no unit
line has none; a bare figure answers with the table's unit, and without it states no amount."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from assistant.table_rows import row_answer
from ingest.chunks import parse_document
from ingest.table_units import unit_above, unit_of
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.unit
ALLOTMENT = DEVCORPUS / "distractors" / "2639_QĐ-TTg__24c6583aa4c3280a.txt"
BUDGET = DEVCORPUS / "distractors" / "78_2025_NQ-HĐND__d2ab0055765c27e8.txt"


@cache
def _rows(path: Path) -> tuple:
    if not path.exists():
        pytest.skip(f"development corpus not found ({path})")
    parsed = parse_document(path.name, path.read_text(encoding="utf-8"))
    return tuple(c for c in parsed.chunks if "columns" in (c.extra or {}))


def test_the_unit_line_above_a_flattened_header_is_read():
    lines = ALLOTMENT.read_text(encoding="utf-8").split("\n")
    header = lines.index("**STT**")
    assert lines[header - 1] == "*Đơn vị: Triệu đồng*"
    assert unit_above(lines, header) == "Triệu đồng"


@pytest.mark.parametrize(("path", "least"), [(ALLOTMENT, 27), (BUDGET, 10)])
def test_every_row_of_a_table_keeps_the_unit_stated_above_it(path, least):
    units = [c.extra.get("unit") for c in _rows(path)]
    assert units.count("Triệu đồng") >= least


def test_a_table_with_no_unit_line_has_none():
    paths = sorted((DEVCORPUS / "directives").glob("*.txt"))
    without = [
        p for p in paths if "Đơn vị tính" not in (t := p.read_text(encoding="utf-8")) and "ĐVT" not in t
    ]
    rows = [r for p in without for r in _rows(p)]
    assert len(rows) > 50 and not any(r.extra.get("unit") for r in rows)


def test_a_line_naming_an_organisation_is_no_unit():
    assert unit_of("Đơn vị: Sở Giáo dục và Đào tạo") == ""
    assert unit_of("*Đơn vị: Triệu đồng*") == "Triệu đồng"
    assert unit_of("**(ĐVT: đồng)**") == "đồng"


def test_a_bare_figure_answers_with_the_tables_unit():
    row = next(c for c in _rows(ALLOTMENT) if c.text.split("\n")[-1] == "2 | CAO BẰNG | 68.900")
    question = "Cao Bằng được bổ sung bao nhiêu kinh phí?"
    answer = row_answer("money", row.text, row.extra["columns"], "", question, row.extra["unit"])
    assert answer is not None and answer.value == "68.900" and answer.unit == "Triệu đồng"
    assert answer.line().startswith("CAO BẰNG: 68.900 Triệu đồng")
    bare = row_answer("money", row.text, row.extra["columns"], "", question)
    assert bare is None or "đồng" not in bare.line()  # no unit: no amount of money
