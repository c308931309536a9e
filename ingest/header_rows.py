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
    first = "1" if marks[0].isdigit() else "A"
    expected = [str(k + 1) if first == "1" else chr(ord("A") + k) for k in range(len(marks))]
    return marks == expected


def numbering_run(cells: list[str], width: int) -> int:
    """How many cells at the start number the table's `width` columns one by one (0 if none)."""
    return width if width >= 3 and column_numbers(cells[:width]) else 0


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
