"""Labels OCR misread that only their place in the tree tells apart.

- A dotted label 1.2. whose leading one OCR read as a capital I ("I.2. Nâng cao …") matches as
  a roman I followed by "2. Nâng cao …". Clean text never numbers a task "I.2." under clause 1
  (its roman parts sit above the clauses), so there, and only there, it is the dotted 1.2.
- A first clause "1." OCR read as "I." at the top of a notice ("I. Tiếp tục tuyên truyền …")
  reads as a roman I in sentence case; it is clause 1 when the next numbered line is "2." (not
  "II.", nor a "1." that the part I holds).
- A point's letter OCR read as its look-alike ("e)" for c, "b)" for h, "u)" for n, "l)" for i)
  breaks the run a) b) …; where the written letter cannot continue it and the letter it stands
  for does, it is that letter.
"""

from __future__ import annotations

import re

from ingest.levels import LETTERS, Label, is_bare_label, looks_like_heading, match_label
from ingest.task_tree import Node, parent_for

_DOTTED_REST = re.compile(r"^(\d{1,2})\.?\s+(?=\S)(.*)$")
# a letter as OCR misreads it -> the letters it may stand for
LOOKAHEAD = 400  # lines searched for the next numbered line after a top "I."
_LOOK_ALIKE = {"e": "c", "b": "h", "u": "n", "l": "i", "d": "a"}


def ocr_reading(label: Label | None, current: Node, written: str, following: list[str] = ()) -> Label | None:
    """The label as the document numbered it, where OCR's reading breaks its numbering
    (`following`: the lines after the label's)."""
    if label is None:
        return None
    if label.kind == "letter":
        return _letter_read_right(label, current)
    return _top_clause_one(_dotted_under_one(label, current, written), current, written, following)


def _top_clause_one(label: Label, current: Node, written: str, following: list[str]) -> Label:
    """'I. Tiếp tục …' at the top, in sentence case, before '2.' (not 'II.'): clause 1."""
    if label.kind != "roman" or label.value != 1 or written != "I" or looks_like_heading(label):
        return label
    as_number = Label("num", "1", 1, label.rest)
    parent = parent_for(current, as_number)
    if parent.kind != "root" or "num" in parent.last_child_value or "roman" in parent.last_child_value:
        return label
    for line in following[:LOOKAHEAD]:
        nxt = (match_label(f"{line} …") if is_bare_label(line) else match_label(line)) if line else None
        if nxt and nxt.kind in ("roman", "num"):  # '1.' next: I is a part over its clauses
            return as_number if nxt.kind == "num" and nxt.value == 2 else label
    return label


def _dotted_under_one(label: Label, current: Node, written: str) -> Label:
    """'I.2. Text' read under clause 1: the dotted label 1.2; any other label as it is."""
    if label.kind not in ("roman", "num") or label.value != 1 or written != "I":
        return label
    m = _DOTTED_REST.match(label.rest)
    if m is None:
        return label
    dotted = Label("dotted", f"1.{int(m.group(1))}", int(m.group(1)), m.group(2))
    parent = parent_for(current, dotted)
    return dotted if parent.kind == "num" and parent.value == 1 else label


def _letter_read_right(label: Label, current: Node) -> Label:
    """'e)' after 'b)': the c) OCR misread; a letter that continues the run stays as written."""
    meant = _LOOK_ALIKE.get(label.label)
    if meant is None:
        return label
    last = parent_for(current, label).last_child_value.get("letter", 0)
    expected = LETTERS.index(meant) + 1
    if label.value == last + 1 or expected != last + 1:
        return label
    return Label("letter", meant, expected, label.rest)
