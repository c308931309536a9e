"""Tables, one record per row: Markdown pipe tables (DOCX and PDF tables) and tables flattened one
cell per line (web pages saved as text), recognised by their shape.

A flattened table starts at a header whose first cell is the row-number column (TT, STT, Số TT)
followed by short header cells; a row starts at a cell that is only a row number continuing the
numbering (1 -> 1.1 -> 1.1.1 -> 1.1.2 -> 1.2 -> 2; I -> 1 -> 2 -> II -> 1), or starts it again
lower before a task's text (rows of a lost group), so figures such as "20.000" or "692" stay
cells. A cell wrapped over lines is one cell: its lines sit inside one pair
of bold/italic marks, or the next line starts in lower case.
"""

from __future__ import annotations

import re

from ingest.header_rows import first_group, numbering_run, two_level_columns, without_column_numbers
from ingest.heading_marks import opens_next_article
from ingest.levels import looks_like_heading, match_label
from ingest.row_numbering import ROW_NUMBER, STEP, RowNumbering, is_part_title, read_row_number
from ingest.structure import clean_line, folded
from ingest.table_cells import aligned_cells, header_cells, name_cell
from ingest.table_model import Table, TableRow, blank_tables, figure_table, pipe_table, row_lines
from ingest.table_prose import prose_start

__all__ = ["Table", "TableRow", "blank_tables", "cells_of", "find_tables", "is_number_column", "row_lines"]
from ingest.table_units import unit_above

MAX_HEADER_CELLS = 12
MAX_HEADER_CELL_CHARS = 120
_NUMBER_COLUMN = re.compile(r"^(?:so\s+)?(?:tt|stt|thu tu(?:\s+\w+){0,2})\.?$")
_OCRSTEP = re.compile(r"^B\w{2,3}c(?=\s+\d{1,3}\.?$)")
_FIGURE = re.compile(r"^[\d.,%]+$")  # "692", "20.000": a cell of its own, never wrapped text
_MARK = re.compile(r"\*+")
_EMPTY_BOLD = re.compile(r"\*\*\s+\*\*")  # "XUYÊN**** **": the bold closes, then an empty pair
_TABLE_ENDS = ("article", "part", "chapter", "heading", "alpha")
_FOOTNOTE = re.compile(r"^\[\d{1,3}\]\s+\S")  # "[1] Nghị quyết số …": the notes after the body


def find_tables(lines: list[str]) -> list[Table]:
    """Every table in `lines` (raw lines), in order."""
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        table = pipe_table(lines, i) or _flattened_table(lines, i) or figure_table(lines, i)
        if table and table.rows:
            table.unit = unit_above(lines, table.start)
            tables.append(table)
            i = table.end
        else:
            i += 1
    return tables


def cells_of(lines: list[str], start: int) -> list[tuple[str, list[int]]]:
    """Cells of lines one cell per line, with the offsets of their lines."""
    cells: list[tuple[str, list[int]]] = []
    open_mark = False  # inside a pair of bold/italic marks that spans lines
    bar = False  # a line of only "|" (a saved page's cell border) ends the cell before it
    for offset, raw in enumerate(lines):
        text = read_row_number(_step_written(clean_line(raw)))  # 'l.1': OCR's row 1.1
        if not text or raw.strip() == "|":
            open_mark, bar = False, raw.strip() == "|" or bar
            continue
        wrapped = text[0].islower() and not _FIGURE.match(cells[-1][0]) if cells else False
        continues = cells and not bar and (open_mark or wrapped or cells[-1][0].endswith(("(", ",")))
        bar = False
        if continues:
            cells[-1] = (f"{cells[-1][0]} {text}", [*cells[-1][1], start + offset])
        else:
            cells.append((text, [start + offset]))
        if len(_MARK.findall(_EMPTY_BOLD.sub("", raw))) % 2:
            open_mark = not open_mark
    return cells


def _step_written(text: str) -> str:
    """'Buoc 2' (a step number whose marks OCR lost) as the document writes it: 'Bước 2'."""
    m = _OCRSTEP.match(text)
    return STEP + text[m.end() :].lstrip() if m and folded(m.group(0)) == "buoc" else text


def is_number_column(line: str) -> bool:
    """'TT', 'STT', 'Số TT', 'Thứ tự công việc': the header of a row-number column."""
    return len(line) <= 40 and bool(_NUMBER_COLUMN.match(folded(line).strip()))


def _flattened_table(lines: list[str], start: int) -> Table | None:
    if not is_number_column(lines[start]):
        return None
    end = _table_end(lines, start)
    cells = cells_of(lines[start:end], start)
    first_row = next((i for i, (text, _) in enumerate(cells) if _first_row_number(text, cells, i)), None)
    if first_row is None or not 2 <= first_row <= MAX_HEADER_CELLS:
        return None
    header = header_cells(without_column_numbers([text for text, _ in cells[:first_row]]))
    if any(len(text) > MAX_HEADER_CELL_CHARS for text in header):
        return None
    header, numbers = numbering_run(header, [text for text, _ in cells[first_row:]])
    body = cells[first_row + numbers :]
    group = first_group(header) if not numbers else None
    if group is not None:  # the first group's cells open the rows: they name no column
        at = next((k for k in range(group, first_row) if cells[k][0] == header[group]), None)
        if at is not None:  # a header cell rewritten from its lines (a wrap joined) is no group
            header, body = header[:group], cells[at:]
    rows = _rows(body, header)
    prose = prose_start(body, rows, len(header))
    if prose is not None:  # the paragraph under the table is no cell of its last row
        end, body = body[prose][1][0], body[:prose]
        rows = _rows(body, header)
    two_level = two_level_columns(header, [len(row.cells) for row in rows])
    if two_level:
        header, rows = two_level, _rows(body, two_level)
    return Table(start, end, header, rows)


def _table_end(lines: list[str], start: int) -> int:
    """A table runs until the next heading of the document (Điều, Chương, A., Phụ lục…) or the
    heading of the next table ("2. Thủ tục …" right above its header)."""
    for i in range(start + 1, len(lines)):
        text = clean_line(lines[i])
        label = match_label(text)
        heading = label and label.kind in _TABLE_ENDS
        if heading and (text.upper() == text or _bold_article(lines[i], label.kind)):
            return i
        if heading and opens_next_article(lines, start, i):  # the same, read by OCR without marks
            return i
        if text[:7].upper() == "PHỤ LỤC" or _FOOTNOTE.match(text):
            return i
        if is_number_column(lines[i]):
            return _heading_above(lines, i, start)
    return len(lines)


def _bold_article(raw: str, kind: str) -> bool:
    """'**Điều 3.' opening a bold line: the next article's heading, whatever its case (a cell
    citing an article is never written 'Điều 3.' in bold at the start of its line)."""
    return kind == "article" and raw.lstrip().startswith("**")


def _heading_above(lines: list[str], header: int, start: int) -> int:
    """The first line of the headings that stand right above a table's header."""
    top = header
    for i in range(header - 1, max(start, header - 8), -1):
        text = clean_line(lines[i])
        if ROW_NUMBER.match(text):
            break
        label = match_label(text)
        if label and looks_like_heading(label):
            top = i
    return top


def _first_row_number(text: str, cells: list[tuple[str, list[int]]], k: int) -> bool:
    """'1', 'I', or the 'A' of a first part written in capitals ('A', 'THỦ TỤC CẤP TỈNH')."""
    if text.rstrip(".") == "A":
        return k + 1 < len(cells) and is_part_title(cells[k + 1][0])
    return text.rstrip(".").removeprefix(STEP) in ("1", "I")


def _rows(cells: list[tuple[str, list[int]]], columns: list[str]) -> list[TableRow]:
    rows: list[TableRow] = []
    numbering = RowNumbering()
    above: list[str] = []  # an unnumbered group title over the rows ('THỦ TỤC HÀNH CHÍNH CẤP TỈNH')
    for k, (text, offsets) in enumerate(cells):
        label = numbering.next_label(text, cells[k + 1][0] if k + 1 < len(cells) else "")
        _relabel(rows, numbering)
        if label is not None:
            _close(rows, columns)
            rows.append(TableRow(label, [text.rstrip(".")], list(offsets)))
            rows[-1].parents = [*above, *numbering.parents_of(rows[:-1], label)]
        elif rows:
            rows[-1].cells.append(text)
            rows[-1].line_numbers.extend(offsets)
        else:
            above.append(text)
    _close(rows, columns)
    return rows


def _relabel(rows: list[TableRow], numbering: RowNumbering) -> None:
    """A part letter read under a group ('VII.B') stands above the groups once I starts again."""
    if numbering.relabelled:
        old, new = numbering.relabelled
        if rows and rows[-1].label == old:
            rows[-1].label = new
            rows[-1].parents = numbering.parents_of(rows[:-1], new)  # not the group it was read under
        numbering.relabelled = None


def _close(rows: list[TableRow], columns: list[str]) -> None:
    """The last row read is complete: its cells one per column where they can be, its name."""
    if rows:
        row = rows[-1]
        row.cells = aligned_cells(row.cells, len(columns))
        row.name = name_cell(row.cells, columns)
