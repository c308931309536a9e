"""A table header standing on two rows, and a row that only numbers the columns.

A column spanning others ('Mức chi') names them with the cells of a second header row ('Cấp
Thành phố', 'Cấp xã'). A table flattened one cell per line gives the first row's cells, then the
second row's: the second row starts after the column that closes the first ('Ghi chú', written
last), and the spanning column is the one before it. Each column it spans is then named by both
('Mức chi › Cấp xã') — only when most of the table's rows have as many cells as those columns
(or one fewer: the note left empty).

A row numbering the columns ('1 | 2 | 3 | 4', '(1) | (2)', 'A | B | C') under the header is no
data: it is left out. A group of rows standing between the header and the first numbered row
('A' / 'Thủ tục hành chính cấp tỉnh', then '1') is no part of the header: it opens the rows.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.heading_wrap import in_capitals
from ingest.lines import folded
from ingest.table_cells import header_cells

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


_GROUP_NUMBER = re.compile(r"^(?:[A-H]|[IVX]{1,5})\.?$")  # 'A', 'II': a group row's number
_GROUP_TITLED = re.compile(r"^(?:[A-H]|[IVX]{1,5})\.\s+(?=[^\W\d_])")  # 'A. Thủ tục …'
_ITEM_COUNT = re.compile(r"\(\s*\d{1,3}\s+[^\W\d_]+\s*\)$|:\s*\d{1,3}\s+[^\W\d_]+$")  # '(02 TTHC)'


def first_group(header: list[str]) -> int | None:
    """Where a flattened header runs into the table's first group of rows, if it does: the
    first row numbered '1' stands under a group ('A' / 'Thủ tục hành chính cấp Thành phố', 'I.
    Kinh tế số', 'LĨNH VỰC PHÍ, LỆ PHÍ (02 TTHC)') whose cells come between the header and it.
    A column is never named by a lone group number, a numbered title, a count of the rows it
    holds, or a title in capitals under a header that is not in capitals."""
    capital_header = in_capitals(next((c for c in header[1:] if c.strip("* ")), ""), min_letters=3)
    for k in range(2, len(header)):
        cell = header[k].strip("* ")
        following = header[k + 1].strip("* ") if k + 1 < len(header) else ""
        if _GROUP_NUMBER.match(cell) and _is_title(following):
            return k
        if _GROUP_TITLED.match(cell) or _ITEM_COUNT.search(cell):
            return k
        if not capital_header and in_capitals(cell, min_letters=6):
            return k
    return None


def _is_title(cell: str) -> bool:
    """A group's title: words starting with a capital, not a figure or another number."""
    words = cell.split()
    return len(words) >= 2 and cell[:1].isupper() and sum(ch.isalpha() for ch in cell) >= 5


_BRACKETED_NUMBER = re.compile(r"^\((\d{1,2})\)$")


def without_column_numbers(cells: list[str]) -> list[str]:
    """A flattened header without the row numbering its columns in brackets: 'TT, Cấp đào tạo,
    Số lượng, Chuyên ngành đào tạo, Ghi chú' then '(1)' … '(5)', one mark per column."""
    marks = 0
    while marks < len(cells) and _BRACKETED_NUMBER.match(cells[-1 - marks].strip("*_ ")):
        marks += 1
    numbers = [_BRACKETED_NUMBER.match(c.strip("*_ ")).group(1) for c in cells[len(cells) - marks :]]
    top = cells[: len(cells) - marks]
    if marks < 3 or numbers != _counted("1", marks) or len(header_cells(top)) != marks:
        return cells
    return top
