"""A heading that states a figure before listing its parts ("1. Thời gian làm việc trong năm học
của giáo viên là 42 tuần, trong đó:"): the figure is the answer to a question about the whole, so
the lead-in is a chunk of its own, not only a title over its points."""

from __future__ import annotations

import re

from ingest.task_tree import Node

# A count or amount with its unit stated of the whole ("là 42 tuần", "đạt 85%", "tối đa 03 tiết"),
# not a reference ("tại Điều 1", "khoản 2") nor part of a date or a document number.
_FIGURE = re.compile(
    r"\b(?:là|đạt|bằng|tối đa|tối thiểu|không quá|ít nhất)\s+\d{1,3}(?:,\d+)?(?:\s*%|\s+[^\W\d_]+)(?![\d/-])"
)
MAX_LEAD_IN = 300


def states_figure(node: Node) -> bool:
    """The node has parts and its first paragraph, a lead-in ending with ':', states a figure."""
    if not node.children:
        return False
    first = node.text.partition("\n")[0].strip()
    return len(first) <= MAX_LEAD_IN and first.endswith(":") and bool(_FIGURE.search(first))
