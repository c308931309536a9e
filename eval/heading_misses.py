"""Headings misread, as ingest's structure reads them: a task whose title is cut short, and
numbered labels alone on their line with text after them (eval/structure_misses.py counts them
over a folder)."""

from __future__ import annotations

import re
from collections import Counter

from ingest.task_tree import Node

_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_MARK = re.compile(r"\*\*|\*")
_LABEL = re.compile(r"^\W*(?:(?:Điều|Phần|PHẦN|Chương|CHƯƠNG)\s+\w+|[\dIVXA-H.]+)\W*")
_COUNT_AFTER = re.compile(r":\s*\d{1,3}\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\W*$")
# a numbered label alone on its line, marks aside: "*2.3.", "III.", "a)", "(2)", "**Điều 5.**"
_LABEL_ALONE = re.compile(
    r"^[*_#\s]*(?:Điều\s+\d{1,3}\s*[.:]?|\d{1,2}(?:\.\d{1,2}){0,3}\s*[.)]|[IVX]{1,5}\s*\.|"
    r"[a-hđ]\s?\)|\(\d{1,2}\))[*_\s]*$"
)


def _marks(text: str, mark: str) -> int:
    return sum(token == mark for token in _MARK.findall(text))


def bold_span(raw: list[str], first: int) -> str:
    """The text a bold or italic pair opened on raw[first] holds over several lines, if any."""
    line = raw[first].strip()
    mark = "**" if line.startswith("**") else "*"
    if not line.startswith(mark) or _marks(line, mark) % 2 == 0:
        return ""
    for k in range(first + 1, min(first + 4, len(raw))):
        if not raw[k].strip():
            return ""
        if _marks(raw[k], mark) % 2:
            held = " ".join([*raw[first:k], raw[k].rpartition(mark)[0]])
            quoted = mark == "*" and held.rstrip(" *")[-1:] in ".;:!?"  # an italic quotation
            return "" if quoted else held
    return ""


def cut_title(node: Node, raw: list[str]) -> bool:
    """A task whose title is one word while its text runs on, or shorter than its bold pair."""
    title = node.title
    if node.kind == "root" or not title or title.endswith("…"):
        return False
    words = len(_WORD.findall(title))
    label_line = raw[node.line_numbers[0]].strip()
    whole_bold = label_line.startswith("**") and label_line.endswith("**") and label_line.count("**") == 2
    if words == 1 and whole_bold:
        return False  # a one-word title set in bold from end to end is whole ("**1.1. Lúa**")
    held = bold_span(raw, node.line_numbers[0])
    held = _COUNT_AFTER.sub("", held.replace("*", "").strip())  # ': 05 QUY TRÌNH.' counts, names not
    held_words = len(_WORD.findall(_LABEL.sub("", held)))
    return (words == 1 and len(node.text) > len(title) + 20) or held_words > words + 1


def labels_alone(lines: list[str], opened: set[int], start: int) -> Counter:
    """Label-only lines outside tables (`lines` numbered from `start`) with text after them, how
    many open a task, and how many run on into a lower-case line (a sentence, not a title)."""
    counts: Counter = Counter()
    for k, line in enumerate(lines):
        if not _LABEL_ALONE.match(line):
            continue
        nxt = next((ln.strip("*_ |") for ln in lines[k + 1 : k + 3] if ln.strip("*_ |")), "")
        if not _LETTER.search(nxt) or _LABEL_ALONE.match(nxt):
            continue  # no text after it: a form's blank, a table's cell
        read = start + k in opened
        lower = nxt[:1].islower()
        counts.update({"label_alone": 1, "label_alone_read": read, "label_alone_lower": lower})
        counts["label_alone_lower_read"] += lower and read
    return counts
