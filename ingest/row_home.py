"""Which heading a table row sits under.

A catalogue may letter its parts partly outside the table: "A. DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP
TỈNH" stands above the table as a heading, then a row "B | THỦ TỤC HÀNH CHÍNH CẤP XÃ" opens the
second part inside it. The rows of part B sit beside heading A (under A's parent), not under A.
"""

from __future__ import annotations

import re

from ingest.task_tree import Node

_PART_LABEL = re.compile(r"^([A-H])(?:\.|$)")  # "B", "B.I.5", "B.2": a row of lettered part B


def part_of(label: str) -> int | None:
    """The rank of the lettered part a row label opens or sits in (A = 1), if any."""
    m = _PART_LABEL.match(label)
    return ord(m.group(1)) - ord("A") + 1 if m else None


def row_home(node: Node, label: str) -> Node:
    """The heading the row labelled `label` sits under, the table being found under `node`:
    a lettered heading above the table (A.) holds the table's rows up to the table's own next
    part (B …); that part's rows sit under the lettered heading's parent."""
    part = part_of(label)
    current: Node | None = node
    while part is not None and current is not None and current.kind != "root":
        if current.kind == "alpha":
            return current.parent if current.value < part and current.parent else node
        current = current.parent
    return node
