"""Markdown pipe tables (DOCX, PDF and Markdown copies): one record per row.

A header may stand on several rows: a column spanning others ('Số tiết/năm học') above the
columns it spans ('Lớp 6', 'Lớp 7' …), the sub-header's row leaving the first cell empty; each
column is then named by both ('Số tiết/năm học Lớp 8'). A row that names a group and leaves
every other cell empty ('Môn học bắt buộc') is the parent of the rows below it, up to the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.header_rows import column_numbers
from ingest.lines import clean_line

_PIPE_SEPARATOR = re.compile(r"^\|?[\s:|-]+\|?$")
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}|[IVX]{1,5})\.?$")
_TAG = re.compile(r"</?(?:strong|b|em|i|u|br|sup|sub)\s*/?>", re.IGNORECASE)
_NUMERIC = re.compile(r"^[\d.,%/\s]*$")


@dataclass
class PipeRow:
    label: str
    cells: list[str]
    line: int  # offset of the row's line
    parents: list[str]
    group: bool = False  # a group row: its name alone


def is_pipe_line(line: str) -> bool:
    return line.lstrip().startswith("|")


def pipe_rows(lines: list[str], start: int, end: int) -> tuple[list[str], list[PipeRow]]:
    """The columns' names and the rows of the pipe table on lines[start:end]."""
    body = [k for k in range(start + 1, end) if not _PIPE_SEPARATOR.match(lines[k].strip())]
    columns = pipe_cells(lines[start])
    while body and _is_sub_header(pipe_cells(lines[body[0]]), len(columns)):
        columns = _named_under(columns, pipe_cells(lines[body.pop(0)]))
    while body and column_numbers([c for c in pipe_cells(lines[body[0]]) if c]):
        body.pop(0)  # '1 | 2 | 3 | 4' under the header numbers the columns
    rows: list[PipeRow] = []
    group = ""
    for k in body:
        cells = pipe_cells(lines[k])
        number = cells[0].rstrip(".") if cells and _ROW_NUMBER.match(cells[0]) else str(len(rows) + 1)
        is_group = _is_group(cells)
        parents = [group] if group and not is_group else []
        rows.append(PipeRow(number, cells, k, parents, is_group))
        group = _name(cells) if is_group else group
    return columns, rows


def pipe_cells(line: str) -> list[str]:
    """The cells of one pipe line, without the inline HTML marks a Markdown copy keeps."""
    return [clean_line(_TAG.sub("", cell)) for cell in line.strip().strip("|").split("|")]


def _is_sub_header(cells: list[str], width: int) -> bool:
    """A header's second row: first cell empty, the others names, not figures."""
    named = [c for c in cells[1:] if c]
    return len(cells) == width and not cells[0] and bool(named) and not any(_NUMERIC.match(c) for c in named)


def _named_under(columns: list[str], sub: list[str]) -> list[str]:
    """Each column named by the spanning cell above it and its own: 'Số tiết/năm học Lớp 6'."""
    out, above = [], ""
    for top, below in zip(columns, sub, strict=True):
        above = top or above
        out.append(f"{above} {below}".strip() if below else top)
    return out


def _is_group(cells: list[str]) -> bool:
    """A row naming a group: one cell of words (after its number), every other cell empty."""
    filled = [c for c in cells if c]
    words = [c for c in filled if not _ROW_NUMBER.match(c)]
    return len(cells) > 2 and len(words) == 1 and len(filled) <= 2 and not _NUMERIC.match(words[0])


def _name(cells: list[str]) -> str:
    return next((c for c in cells if c and not _ROW_NUMBER.match(c)), "")
