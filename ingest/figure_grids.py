"""Tables of figures flattened one cell per line with no row-number column: a header of cells
each in bold on its own line ('**Địa bàn**', '**Mầm non**', '**Tiểu học**' …), then rows of one
name cell and a figure under every other column ('Đô thị', '190', '190', '110', '130').

With no row number to open a row, a row is told by its shape: a cell of words, then as many
figures as the header has columns after the first. The table ends where that shape stops. Read
as plain text, such figures (three digits or fewer) look like page numbers and are dropped, so
the table must be read before the text around it. A line of only '|' is a cell border.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.lines import clean_line

MAX_COLUMNS = 12
MAX_HEADER_CELL_CHARS = 120
MAX_NAME_CHARS = 200  # a row's name cell; longer is a paragraph, not a cell
MIN_FIGURES = 2  # figures in the whole table: one figure is a sentence's number, not a table
_BOLD_LINE = re.compile(r"^\*\*(?!\*)(.+?)\*\*$")
_BOLD_OPEN = re.compile(r"^\*\*(?!\*)[^*]+$")  # a bold cell wrapped over lines: '**Đô thị (21 phường'
_BOLD_CLOSE = re.compile(r"^[^*]+\*\*$")
_FIGURE = re.compile(r"^(?:\d[\d.,]*%?|[-–—])$")  # '190', '6.100.000', '12,5%', '-' (no figure)
_NUMBER_COLUMN = re.compile(r"^(?:so\s+)?(?:tt|stt)\.?$", re.IGNORECASE)
_BORDER = re.compile(r"^\|?$")
_ROW_MARK = re.compile(r"^(?:[A-H]|[IVXL]{1,5}|\d{1,3}(?:\.\d{1,3})*)\.?$")


@dataclass
class GridCell:
    text: str
    lines: list[int]  # offsets of the cell's lines in the lines given
    bold: bool


@dataclass
class FigureGrid:
    start: int  # offset of the header's first line
    end: int  # offset after the last row's last line
    columns: list[str]
    rows: list[list[GridCell]]


def figure_grid(lines: list[str], start: int) -> FigureGrid | None:
    """The table of figures whose header starts at lines[start], if one does."""
    if not _opens_bold_run(lines, start):
        from ingest.unmarked_grids import unmarked_grid  # its header without marks (OCR)

        return unmarked_grid(lines, start)
    cells = _cells(lines, start)
    header, first = _header(cells)
    width = len(header)
    if not 2 <= width <= MAX_COLUMNS or first is None or _NUMBER_COLUMN.match(header[0].text):
        return None
    rows = _rows(itertools.chain([first], cells), width)
    figures = sum(1 for row in rows for cell in row[1:] if cell.text[:1].isdigit())
    if figures < MIN_FIGURES or len(rows) < (2 if width == 2 else 1):
        return None
    end = rows[-1][-1].lines[-1] + 1
    return FigureGrid(start, end, [cell.text for cell in header], rows)


def _opens_bold_run(lines: list[str], start: int) -> bool:
    """The line opens a bold cell and the cell before it (past borders) is not bold: a header
    is read from its first cell, never from the middle."""
    line = lines[start].strip()
    if not (_BOLD_LINE.match(line) or _BOLD_OPEN.match(line)):
        return False
    before = next((lines[k].strip() for k in range(start - 1, -1, -1) if lines[k].strip() != "|"), "")
    return not before.endswith("**")


def is_figure(text: str) -> bool:
    return bool(_FIGURE.match(text))


def _header(cells: Iterator[GridCell]) -> tuple[list[GridCell], GridCell | None]:
    """The bold cells the table opens with (names, not figures, each short), and the cell after."""
    header: list[GridCell] = []
    for cell in cells:
        if not cell.bold or _is_mark(cell.text) or len(cell.text) > MAX_HEADER_CELL_CHARS:
            return (header, cell) if cell.bold is False else ([], None)
        if header and cell.text.startswith("(") and not header[-1].text.endswith(")"):
            last = header[-1]  # '(km)', '(nếu có)' names the column before
            header[-1] = GridCell(f"{last.text} {cell.text}", [*last.lines, *cell.lines], True)
            continue
        header.append(cell)
        if len(header) > MAX_COLUMNS:
            break
    return header, None


def _is_mark(text: str) -> bool:
    """A figure, or a row's number or letter ('A', 'II', '1.2'): no column's name."""
    return is_figure(text) or bool(_ROW_MARK.match(text))


def _rows(cells: Iterator[GridCell], width: int) -> list[list[GridCell]]:
    """Rows of a name cell of words and `width - 1` figures, while the cells keep that shape."""
    rows: list[list[GridCell]] = []
    while len(row := list(itertools.islice(cells, width))) == width:
        name, values = row[0], row[1:]
        if is_figure(name.text) or len(name.text) > MAX_NAME_CHARS:
            break
        if not all(is_figure(cell.text) for cell in values):
            break
        rows.append(row)
    return rows


def _cells(lines: list[str], start: int) -> Iterator[GridCell]:
    """The cells from `start` on, one per line; a bold cell wrapped over lines is one cell, and
    so is a name wrapped before a lower-case word. Borders ('|') and blank lines part cells."""
    cell: GridCell | None = None
    open_bold = False
    for offset in range(start, len(lines)):
        raw = lines[offset].strip()
        if _BORDER.match(raw):
            continue
        text = clean_line(raw)
        if not text:
            continue
        if cell is not None and (open_bold or _wraps(cell.text, text)):
            cell = GridCell(f"{cell.text} {text}", [*cell.lines, offset], cell.bold)
        else:
            if cell is not None:
                yield cell
            bold = bool(_BOLD_LINE.match(raw) or _BOLD_OPEN.match(raw))
            cell = GridCell(text, [offset], bold)
        open_bold = _BOLD_OPEN.match(raw) is not None if not open_bold else not _BOLD_CLOSE.match(raw)
    if cell is not None:
        yield cell


def _wraps(before: str, text: str) -> bool:
    """A line that continues the cell before it: lower-case after words, or after '(' or ','."""
    if is_figure(before) or is_figure(text):
        return False
    return text[0].islower() or before.endswith(("(", ","))
