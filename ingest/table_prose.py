"""Where a table flattened one cell per line stops before the paragraph written under it.

A page saved as text loses where the table ends: the paragraph after it ('Căn cứ khoản 1 …,
Hiệu trưởng các trường … chịu trách nhiệm …') reads as more cells of the last row, and a figure
before it as a row of its own. A paragraph under a table is told by its length: one sentence
several times longer than any cell of the rows above, in the last row, ending a sentence. Its
first lines read as cells of their own when a line starts with a figure ('2 của Quyết định
này'): the cells before it that stop mid-phrase belong to it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.table_cells import is_value

if TYPE_CHECKING:
    from ingest.table_model import TableRow

MIN_PROSE_CHARS = 200  # a paragraph under a table: at least this long
PROSE_OVER_CELLS = 3  # and this many times longer than the longest cell of the rows above
MIN_ROWS_ABOVE = 3  # rows above the last one to measure a cell against (a short catalogue's
# procedure rows hold long cells of their own)
_ENDS_SENTENCE = (".", ";", ":")
_ENDS_PHRASE = (".", ";", ":", "!", "?", ")")

_FIGURE_THEN_WORDS = re.compile(r"^\d[\d./]*\s+[^\W\d_]")  # '2 của Quyết định này'

_ROW_NUMBER = re.compile(r"^[1-9]\d{0,2}\.?$")  # '40' right before: the long cell is that row's

Cell = tuple[str, list[int]]


def prose_start(cells: list[Cell], rows: list[TableRow], width: int) -> int | None:
    """The index of the first cell of the paragraph under the table, if the last of `rows`
    runs on into one after a cell for each of the `width` columns."""
    if len(rows) <= MIN_ROWS_ABOVE:
        return None
    last_row_line = rows[-1].line_numbers[0]
    above = [len(text) for text, offsets in cells if offsets[0] < last_row_line]
    row = next((k for k, (_, offsets) in enumerate(cells) if offsets[0] >= last_row_line), None)
    if not above or row is None:
        return None
    for k in range(row + width, len(cells)):
        text = cells[k][0]
        long = len(text) >= MIN_PROSE_CHARS and len(text) >= PROSE_OVER_CELLS * max(above)
        if long and text.endswith(_ENDS_SENTENCE):
            head = _paragraph_head(cells, k, row + width)
            return None if _ROW_NUMBER.match(cells[head - 1][0]) else head
    return None


def _paragraph_head(cells: list[Cell], k: int, first: int) -> int:
    """The paragraph's first line, read as a cell of its own when the line after it starts with
    a figure ('Căn cứ khoản 1 và khoản 2 Điều' / '2 của Quyết định này …'): the cell before
    the long one when that stops mid-phrase (never before the row's `first` cell past its
    columns)."""
    before = cells[k - 1][0] if k > first else ""
    wrapped = bool(_FIGURE_THEN_WORDS.match(cells[k][0])) and not before.endswith(_ENDS_PHRASE)
    return k - 1 if before and wrapped and not is_value(before) else k
