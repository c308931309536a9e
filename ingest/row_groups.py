"""A table row read under the groups it sits in.

A grouped table states a row's group once, in a row of its own ('III | Miền núi (9 xã miền núi
…)'), then numbers the rows under it ('7 | Xã A Lưới 3'); a nested one names the parent row
above its sub-rows ('15 | Trường THPT …', then '15.1 | Khối 10 | 6.100.000'). A row read alone
loses what it belongs to, and that is often what is asked ('which area is commune X in').
The row's name cell is therefore read under the group it sits in (the nearest; the groups above
stay in its heading path), the way a row is named elsewhere: 'Miền núi (9 xã miền núi …) › Xã A
Lưới 3'.
"""

from __future__ import annotations

from ingest.header_rows import SUB
from ingest.text import fold_accents


def grouped_cells(cells: list[str], name: str, parents: list[str]) -> list[str]:
    """The row's cells with its name cell (`name`) read under the group it sits in (the last
    of `parents`, top first); the cells as they are when the row has no group, no name cell
    among them, or a name that already says its group."""
    group = parents[-1].rstrip("…").strip() if parents else ""
    if not group or not name or name not in cells or fold_accents(group) in fold_accents(name):
        return cells
    out = list(cells)
    out[cells.index(name)] = f"{parents[-1]}{SUB}{name}"
    return out
