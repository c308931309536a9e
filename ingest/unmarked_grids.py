"""Tables of figures flattened one cell per line whose header cells carry no bold marks: what an
OCR engine or a plain-text export makes of the grids `ingest.figure_grids` reads by their marks
('Địa bàn' / 'Mầm non' / 'Tiểu học' / … / 'Đô thị' / '190' / '190' / …).

Without marks the header is told by shape alone: a run of short cells of words (no figure, no
numbered heading, no sentence), the last of which names the first row; then at least
MIN_ROWS rows of a name cell and one figure under every other column, MIN_FIGURE_COLUMNS of
them at least (a name and one number is as often a list as a table). Anything less stays text.
"""

from __future__ import annotations

import itertools

from ingest.figure_grids import FigureGrid, GridCell, _cells, _rows, is_figure
from ingest.levels import match_label
from ingest.lines import clean_line

MAX_COLUMNS = 12
MAX_CELL_CHARS = 60  # a header cell or a row's name: a few words, never a sentence
MIN_ROWS = 2  # one row of figures under unmarked words is too easily a list of numbers
MIN_FIGURE_COLUMNS = 2
_SENTENCE_ENDS = (".", ";", ":", "!", "?")


def unmarked_grid(lines: list[str], start: int) -> FigureGrid | None:
    """The unmarked table of figures whose header starts at lines[start], if one does."""
    if not _may_open(lines, start):
        return None
    cells = _cells(lines, start)
    run = list(itertools.takewhile(_word_cell, itertools.islice(cells, MAX_COLUMNS + 2)))
    width = len(run) - 1
    if not MIN_FIGURE_COLUMNS + 1 <= width <= MAX_COLUMNS:
        return None
    rest = itertools.chain([run[-1]], _cells(lines, run[-1].lines[-1] + 1))
    rows = _rows(rest, width)
    if len(rows) < MIN_ROWS:
        return None
    return FigureGrid(start, rows[-1][-1].lines[-1] + 1, [cell.text for cell in run[:-1]], rows)


def _may_open(lines: list[str], start: int) -> bool:
    line = lines[start].strip()
    return bool(line) and "*" not in line and _word_cell(GridCell(clean_line(line), [start], False))


def _word_cell(cell: GridCell) -> bool:
    """A cell of a few words: a column's or a row's name."""
    text = cell.text
    if not text or is_figure(text) or len(text) > MAX_CELL_CHARS or text.endswith(_SENTENCE_ENDS):
        return False
    return text[0].isupper() and match_label(text) is None and any(ch.isalpha() for ch in text)
