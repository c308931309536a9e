"""Tables of figures flattened one cell per line with no row-number column, read from the real
lines of a document no rule was written on (the recent set): each row keeps its name and
its figures; a table with a row-number column, a heading in bold or a list is no such table."""

from __future__ import annotations

import pytest

from eval.sets import set_corpus
from ingest.figure_grids import figure_grid
from ingest.row_groups import grouped_lines, row_cells
from ingest.tables import find_tables
from tests.conftest import needs_set_corpus

pytestmark = [pytest.mark.unit, needs_set_corpus("recent")]
HUE = set_corpus("recent") / "hue-nq36-2025.txt"


def hue_lines() -> list[str]:
    return HUE.read_text(encoding="utf-8").split("\n")


def header_at(lines: list[str], cell: str) -> int:
    return next(i for i, line in enumerate(lines) if line.strip() == cell)


def test_fee_table_reads_each_row_with_its_figures():
    lines = hue_lines()
    start = header_at(lines, "**Địa bàn**")
    grid = figure_grid(lines, start)
    assert grid is not None
    assert grid.columns == ["Địa bàn", "Mầm non", "Tiểu học", "Trung học cơ sở", "Trung học phổ thông"]
    rows = [[cell.text for cell in row] for row in grid.rows]
    assert rows == [
        ["Đô thị", "190", "190", "110", "130"],
        ["Nông thôn", "140", "140", "95", "115"],
        ["Miền núi", "105", "105", "80", "100"],
    ]
    assert lines[grid.end].strip() == ""  # the table ends after its last figure
    assert lines[grid.end + 1].startswith("2. Mức học phí")


def test_fee_table_is_one_of_the_documents_tables():
    lines = hue_lines()
    start = header_at(lines, "**Địa bàn**")
    [table] = [t for t in find_tables(lines) if t.start == start]
    assert [row.label for row in table.rows] == ["1", "2", "3"]
    assert table.rows[1].name == "Nông thôn"
    assert table.rows[1].cells == ["Nông thôn", "140", "140", "95", "115"]


def test_a_table_with_a_row_number_column_is_left_to_the_numbered_reader():
    lines = hue_lines()
    assert figure_grid(lines, header_at(lines, "**STT**")) is None


def test_a_header_is_read_from_its_first_cell_only():
    lines = hue_lines()
    assert figure_grid(lines, header_at(lines, "**Mầm non**")) is None


def test_a_bold_heading_over_lines_is_no_table():
    lines = hue_lines()
    article = next(i for i, line in enumerate(lines) if line.strip() == "**Điều")
    assert figure_grid(lines, article) is None


def test_cell_borders_do_not_part_a_row():
    lines = hue_lines()
    start = header_at(lines, "**Địa bàn**")
    bordered = [*lines[:start], *(x for line in lines[start:] for x in (line, "|"))]
    grid = figure_grid(bordered, start)
    assert grid is not None
    assert [cell.text for cell in grid.rows[2]] == ["Miền núi", "105", "105", "80", "100"]


def test_a_grouped_row_is_read_under_its_group_its_cells_as_written():
    group = "Miền núi (9 xã miền núi thuộc thành phố Huế)"
    lines = grouped_lines(["7", "| Xã A Lưới 3"], "Xã A Lưới 3", [group])
    assert lines == [f"{group} › 7", "| Xã A Lưới 3"]
    assert row_cells(" ".join(lines).split(" | ")) == ["7", "Xã A Lưới 3"]


def test_a_row_under_nested_groups_is_read_under_the_nearest():
    parents = [
        "CƠ SỞ GIÁO DỤC MẦM NON, GIÁO DỤC PHỔ THÔNG CÔNG LẬP CHẤT LƯỢNG CAO",
        "Trường Mầm non đô thị Sài Đồng",
    ]
    lines = grouped_lines(["1.3", "| Mẫu giáo", "| 4.300.000"], "Mẫu giáo", parents)
    assert lines[0] == "Trường Mầm non đô thị Sài Đồng › 1.3"


def test_a_row_without_group_or_already_naming_it_is_kept():
    assert grouped_lines(["1", "| Xã Bình Điền"], "Xã Bình Điền", []) == ["1", "| Xã Bình Điền"]
    named = ["2", "| Lĩnh vực Giáo dục thường xuyên: sáp nhập trung tâm"]
    assert grouped_lines(named, named[1][2:], ["Lĩnh vực Giáo dục thường xuyên"]) == named
