"""A table read into rows: the row and table records, the two table shapes read without a
row-number column's help (Markdown pipe tables; tables of figures, ingest/figure_grids.py), and
how a row's cells become its lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.figure_grids import figure_grid
from ingest.pipe_tables import is_pipe_line, pipe_rows
from ingest.table_cells import name_cell


@dataclass
class TableRow:
    label: str  # the row number as written, under its group: "1.1.1", "I.2"
    cells: list[str]
    line_numbers: list[int]  # offsets of the row's lines in the lines given
    parents: list[str] = field(default_factory=list)  # titles of the rows it sits under
    name: str = ""  # the cell that says what the row is about (table_cells.name_cell)

    @property
    def title(self) -> str:
        text = self.name or next((c for c in self.cells[1:] if c), self.cells[0] if self.cells else "")
        return text if len(text) <= 160 else text[:160].rsplit(" ", 1)[0] + "…"


@dataclass
class Table:
    start: int  # offset of the header's first line
    end: int  # offset after the last row
    columns: list[str]
    rows: list[TableRow]
    unit: str = ""  # the unit stated once above the header for every figure ('Triệu đồng')

    @property
    def header(self) -> str:
        return " | ".join(self.columns)

    @property
    def payload(self) -> dict:
        """What each row's chunk keeps of its table: the columns' names and the unit, if stated."""
        return {"columns": self.columns} | ({"unit": self.unit} if self.unit else {})


def figure_table(lines: list[str], start: int) -> Table | None:
    """A table of figures with no row-number column (ingest/figure_grids.py), its rows numbered."""
    if (grid := figure_grid(lines, start)) is None:
        return None
    rows = [TableRow(str(k), [c.text for c in row], [n for c in row for n in c.lines], name=row[0].text)
            for k, row in enumerate(grid.rows, 1)]  # fmt: skip
    return Table(grid.start, grid.end, grid.columns, rows)


def pipe_table(lines: list[str], start: int) -> Table | None:
    if not is_pipe_line(lines[start]) or (start and is_pipe_line(lines[start - 1])):
        return None
    if lines[start].strip() == "|":
        return None  # a cell border of a table flattened one cell per line, not a pipe row
    end = start
    while end < len(lines) and is_pipe_line(lines[end]):
        end += 1
    if end - start < 2:
        return None
    columns, pipe = pipe_rows(lines, start, end)
    rows = [TableRow(r.label, r.cells, [r.line], r.parents) for r in pipe]
    for row in rows:
        row.name = name_cell(row.cells, columns)
    return Table(start, end, columns, rows)


def row_lines(cells: list[str]) -> list[str]:
    """A row's cells joined by ' | '; the items of a cell holding a list ('- Trưởng ban', '1. Hội
    đồng thi') each start a line, so a long row splits at its sub-items."""
    lines: list[str] = []
    for cell in cells:
        first, *items = cell.split("\n")
        lines.append(f"| {first}" if lines else first)
        lines.extend(items)
    return lines


def blank_tables(lines: list[str], tables: list[Table]) -> list[str]:
    """The lines with each table's lines blanked: the structure reads around them."""
    out = list(lines)
    for table in tables:
        out[table.start : table.end] = [""] * (table.end - table.start)
    return out
