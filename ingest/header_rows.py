"""A table header standing on two rows, and a row that only numbers the columns.

A column spanning others ('Mức chi') names them with the cells of a second header row ('Cấp
Thành phố', 'Cấp xã'). A table flattened one cell per line gives the first row's cells, then the
second row's: the second row starts after the column that closes the first ('Ghi chú', written
last), and the spanning column is the one before it. Each column it spans is then named by both
('Mức chi › Cấp xã') — only when most of the table's rows have as many cells as those columns
(or one fewer: the note left empty).

A row numbering the columns ('1 | 2 | 3 | 4', '(1) | (2)', 'A | B | C') under the header is no
data: it is left out.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.structure import folded

SUB = " › "
_NOTE_COLUMN = re.compile(r"^ghi chu\b")
_NUMBERING = re.compile(r"^\(?(\d{1,2}|[A-Z])\)?\.?$")


def column_numbers(cells: list[str]) -> bool:
    """Cells that only number the columns, in order: '1, 2, 3', '(1), (2), (3)', 'A, B, C'."""
    marks = [m.group(1) if (m := _NUMBERING.match(c.strip("* "))) else None for c in cells]
    if len(marks) < 3 or None in marks:
        return False
    return marks == _counted(marks[0], len(marks))


def numbering_run(header: list[str], cells: list[str]) -> tuple[list[str], int]:
    """A flattened header without the numbers of its columns, and how many cells after it
    number the columns too: 'STT, Tên …, A, B' then '1, 2, 3, 4' numbers six columns 'A, B, 1,
    2, 3, 4'. Only when the rows' numbering starts again after them ('1', 'I', 'A')."""
    letters = 0
    while letters < len(header) - 1 and _mark(header[-1 - letters]):
        letters += 1
    marks = [_mark(c) for c in header[len(header) - letters :]]
    if marks != _counted("A", letters):
        return header, 0
    top = header[: len(header) - letters]
    numbers = len(top) - letters
    run = [_mark(c) for c in cells[:numbers]]
    restarts = len(cells) > numbers and _mark(cells[numbers]) in ("1", "I", "A")
    if numbers < 1 or len(top) < 3 or run != _counted("1", numbers) or not restarts:
        return header, 0
    return top, numbers


def _mark(cell: str) -> str | None:
    m = _NUMBERING.match(cell.strip("* ").rstrip("."))
    return m.group(1) if m else None


def _counted(first: str | None, n: int) -> list[str]:
    """'1', '2' … or 'A', 'B' …: n marks from the first."""
    if first == "1":
        return [str(k + 1) for k in range(n)]
    return [chr(ord("A") + k) for k in range(n)] if first == "A" else []


def two_level_columns(header: list[str], widths: list[int]) -> list[str] | None:
    """The columns of a header whose second row follows the closing note column, named under
    the column they stand beneath; None when the header is one row or the rows say otherwise."""
    notes = [k for k, cell in enumerate(header) if _NOTE_COLUMN.match(folded(cell).strip("* "))]
    if not notes or not 2 <= notes[0] < len(header) - 2:
        return None
    note = notes[0]
    top, subs = header[: note + 1], header[note + 1 :]
    spanning = top[note - 1]
    columns = [*top[: note - 1], *(f"{spanning}{SUB}{sub}" for sub in subs), top[note]]
    data = Counter(w for w in widths if w > 2)
    usual = data.most_common(1)[0][0] if data else 0
    return columns if usual in (len(columns), len(columns) - 1) else None  # the note left empty
