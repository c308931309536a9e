"""A table row read under the group it sits in.

A grouped table states a row's group once, in a row of its own ('III | Miền núi (9 xã miền núi
…)'), then numbers the rows under it ('7 | Xã A Lưới 3'); a nested one names the parent row
above its sub-rows ('15 | Trường THPT …', then '15.1 | Khối 10 | 6.100.000'). A row read alone
loses what it belongs to, and that is often what is asked ('which area is commune X in').
The row is therefore read under its group (the nearest; the groups above stay in its heading
path), the way a row is named elsewhere: 'Miền núi (9 xã miền núi …) › 7 | Xã A Lưới 3'. The
group goes before the row, so the row's own cells still read as the document writes them.
"""

from __future__ import annotations

from ingest.header_rows import SUB
from ingest.text import fold_accents


def grouped_lines(lines: list[str], name: str, parents: list[str]) -> list[str]:
    """The row's lines (ingest/tables.row_lines) read under the group it sits in (the last of
    `parents`, top first); as they are when the row has no group, its first cell is empty or its
    name already says its group."""
    group = parents[-1] if parents else ""
    if not lines or not lines[0].strip() or not group:
        return lines  # no group, or a first cell left empty: nothing to read the group before
    if fold_accents(group.rstrip("…").strip()) in fold_accents(name):
        return lines
    return [f"{group}{SUB}{lines[0]}", *lines[1:]]


def row_cells(cells: list[str]) -> list[str]:
    """A row's cells as written, without the group read before its first cell."""
    return [cells[0].rsplit(SUB, 1)[-1], *cells[1:]] if cells else cells


def without_group(row: str) -> str:
    """A row's text ('Miền núi (…) › 7 | Xã A Lưới 3') as written: '7 | Xã A Lưới 3'."""
    first, bar, rest = row.partition(" | ")
    return first.rsplit(SUB, 1)[-1] + bar + rest if bar else row
