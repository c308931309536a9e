"""Read the numbered structure of a directive (levels in ingest/levels.py): Chương > Điều 3. >
khoản 1. > điểm a), or I. > 1. > 1.1. > (1) > a), OCR misreadings and hard wraps included.

A line only opens a numbered task when its label continues the numbering of its siblings (or
starts a new level at 1 / a / I) and the line looks like a heading; otherwise it is a line that
happened to start with a number after a wrap, and stays body text. The tree it builds is
ingest/task_tree.py; a task's title, ingest/heading_title.py; a clean line, ingest/lines.py.
"""

from __future__ import annotations

from ingest.heading_marks import bold_title
from ingest.levels import (
    GROUPING,
    LETTERS,
    Label,
    is_bare_label,
    looks_like_heading,
    match_label,
    reads_as_one,
)
from ingest.lines import clean_line, folded, is_page_number, is_speck
from ingest.ocr_labels import ocr_reading
from ingest.task_tree import Node, cite_paths, open_child, parent_for, walk

# clean_line and folded (ingest/lines.py) stay importable from here, where they long lived.
__all__ = ["Label", "Node", "clean_line", "folded", "match_label", "parse_structure", "walk"]

_SENTENCE_END = tuple('.;:!?)"”')


def accepts(parent: Node, label: Label, previous_line: str) -> bool:
    """Does this label continue the numbering under `parent`?"""
    if label.kind in ("article", *GROUPING):
        return True  # named in words: "Điều 5.", "Chương II" cannot be a wrapped number
    last = parent.last_child_value.get(label.kind)
    if last is None:
        return label.value == 1 or (label.kind in ("letter", "roman", "alpha") and label.value <= 2)
    step = label.value - last
    if label.kind == "roman":
        return 0 <= step <= 2
    if label.kind == "letter" and label.label == "d" and last == LETTERS.index("d") + 1:
        return True  # OCR reads đ) as d): the second d) in a row is đ)
    if step == 1:
        return True
    ends_sentence = not previous_line or previous_line.rstrip()[-1:] in '.;:!?)"”'
    return step == 2 and ends_sentence


def parse_structure(lines: list[str], start: int = 0, prefix: list[str] | None = None) -> Node:
    """Build the task tree of a directive's body; `lines` are raw lines, `start` their offset,
    `prefix` the path of the part they sit in (an appendix: ["Phụ lục I"])."""
    root = Node(kind="root", label="", value=0, path=list(prefix or []))
    current = root
    previous = ""
    cleaned = [clean_line(raw) for raw in lines]
    carried = -1  # the line a bare label ("Điều") took its number and text from
    for offset, line in enumerate(cleaned):
        junk = is_speck(line) and not (match_label(line) or is_bare_label(line))
        if line and (is_page_number(line) or junk):
            continue  # page numbers and stray OCR specks are not part of any task
        before = cleaned[offset - 1] if offset else ""
        label = _label_of(line, cleaned[offset + 1 : offset + 3], before) if offset != carried else None
        if label and label.kind in ("roman", "num"):
            label = _misread_one(label, current, line[:1])
        label = ocr_reading(label, current, line[:1], cleaned[offset + 1 :])  # OCR: by their place
        if label and (looks_like_heading(label) or _marked_part(label, lines, offset)):
            parent = parent_for(current, label)
            if accepts(parent, label, previous):
                current = open_child(parent, label)
                current.marked_title = bold_title(lines, offset)
                carried = _carried_line(cleaned, offset)
        if line or current.lines:
            current.lines.append(line)
            current.line_numbers.append(start + offset)
        if line:
            previous = line
    return cite_paths(root)


def _marked_part(label: Label, lines: list[str], offset: int) -> bool:
    """'**I.' / 'Lĩnh vực Đầu tư theo phương thức PPP**': a roman part whose title, in sentence
    case, its marks hold (unmarked, only a title in capitals tells a part from a misread 1.)."""
    return label.kind == "roman" and label.rest[:1].isupper() and bool(bold_title(lines, offset))


def _carried_line(cleaned: list[str], offset: int) -> int:
    """The line a level word left alone took its number and text from ('Điều' / '1. Phạm vi …'):
    it opens no task."""
    if cleaned[offset] != "Điều":  # "Điều 7." / "1. Bộ Quốc phòng …": the next line is clause 1
        return -1
    return next((k for k in range(offset + 1, min(offset + 3, len(cleaned))) if cleaned[k]), -1)


def _label_of(line: str, following: list[str], before: str = "") -> Label | None:
    """The line's label; a label alone on its line ('2.', 'Điều') takes its text from the next."""
    if not line:
        return None
    if is_bare_label(line):
        nxt = next((f for f in following if f), "")
        return match_label(f"{line} {nxt}") if title_line(line, nxt, before) else None
    return match_label(line)


def title_line(bare: str, nxt: str, before: str = "") -> bool:
    """Is `nxt` the text of the label left alone on the line before it (`before`: the line
    above)? Pages set such a label after a blank or a finished line, its title capitalised
    below it. After a line that runs on, the number ends a sentence instead: a reference
    ('… tại khoản 3' / 'Điều 1.' / '3. Thay thế …', followed by a task of its own) or a
    sentence going on in lower case. A level word alone ('Điều' / '1. Phạm vi …') takes its
    number from the next line, and 'Điều 7.' after a finished line opens its article whose
    clause 1 follows."""
    if not nxt:
        return False
    runs_on = bool(before) and not before.endswith(_SENTENCE_END)
    if runs_on and nxt[0].islower():
        return False
    if match_label(nxt) is None:
        return True
    return bare == "Điều" or (bare.startswith("Điều") and not runs_on)


def _misread_one(label: Label, current: Node, written: str) -> Label:
    """OCR reads "1." as "l.", "I." or "|.", and "II." as "11.": under a roman heading, a roman
    I whose text reads like a sentence is the first numbered task, 1.; after roman I, an
    upper-case heading numbered 11 is roman II."""
    if label.kind == "num":
        if label.value != 11:
            return label
        as_roman = Label("roman", "II", 2, label.rest)
        after_one = parent_for(current, as_roman).last_child_value.get("roman") == 1
        return as_roman if after_one and looks_like_heading(as_roman) else label
    if label.value != 1 or looks_like_heading(label):
        return label
    as_number = Label("num", "1", 1, label.rest)
    parent = parent_for(current, as_number)
    first = "num" not in parent.last_child_value
    misread = reads_as_one(parent.kind, written)
    return as_number if first and misread and looks_like_heading(as_number) else label
