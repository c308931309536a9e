"""Read the numbered structure of a directive: I. > 1. > 1.1. > (1) > a), OCR misreadings included.

A line only opens a numbered task when its label continues the numbering of its siblings (or
starts a new level at 1 / a / I) and the line looks like a heading; otherwise it is a line that
happened to start with a number after a wrap, and stays body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.text import fold_accents, join_wrapped, squash_spaces

KIND_RANK = {"roman": 0, "num": 1, "dotted": 2, "paren": 3, "iparen": 4, "letter": 5}
LETTERS = "abcdđeghiklmn"
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}

_MARKDOWN = re.compile(r"^#{1,6}\s*|\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")
_LEADING_JUNK = re.compile(r"^[\s,.'’‘`•·;:\"~]+(?=\S)")
_ROMAN = re.compile(r"^([I|l][I|l1VX]{0,4}|[VX][IVX1|l]{0,3})\s*[.]\s*(?=\S)(.*)$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+(?=\S)(.*)$")
_NUM = re.compile(r"^(\d{1,2})\s*\.\s+(?=\S)(.*)$")
_PAREN = re.compile(r"^\((\d{1,2})\)\s*(?=\S)(.*)$")
_IPAREN = re.compile(r"^\(i\s?(\d{1,2})\)\s*(?=\S)(.*)$")
_LETTER = re.compile(r"^([a-iđk¢€C])\s?\)\s+(?=\S)(.*)$")
_PAGE_NUMBER = re.compile(r"^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$")


@dataclass
class Label:
    kind: str
    label: str  # as written in the contract: "II", "2", "1.2", "(3)", "(i1)", "đ"
    value: int
    rest: str  # the line's text after the label


@dataclass
class Node:
    """One numbered task: its label path, its own lines, and its children."""

    kind: str
    label: str
    value: int
    path: list[str]
    lines: list[str] = field(default_factory=list)
    line_numbers: list[int] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    last_child_value: dict[str, int] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return join_wrapped(self.lines)

    @property
    def title(self) -> str:
        return heading_title(self.lines)


def clean_line(line: str) -> str:
    """A line as a reader sees it: no Markdown marks, no OCR specks before a label."""
    line = _MARKDOWN.sub("", line.replace("\t", " "))
    return squash_spaces(_LEADING_JUNK.sub("", line))


def roman_value(token: str) -> int | None:
    """Value of a roman numeral read by OCR: '|' and 'l' and a trailing '1' are I."""
    token = token.replace("|", "I").replace("l", "I")
    if token[0] == "I" or token[0] in "VX":
        token = token.replace("1", "I")
    total = 0
    for i, ch in enumerate(token):
        value = ROMAN_VALUES.get(ch)
        if value is None:
            return None
        nxt = ROMAN_VALUES.get(token[i + 1], 0) if i + 1 < len(token) else 0
        total += -value if value < nxt else value
    return total if 0 < total < 40 else None


def to_roman(value: int) -> str:
    out = ""
    for number, numeral in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += numeral
            value -= number
    return out


def match_label(line: str) -> Label | None:
    """The label a line starts with, if any, with OCR misreadings read right."""
    if m := _ROMAN.match(line):
        value = roman_value(m.group(1))
        if value is not None:
            return Label("roman", to_roman(value), value, m.group(2))
    if m := _DOTTED.match(line):
        return Label("dotted", f"{int(m.group(1))}.{int(m.group(2))}", int(m.group(2)), m.group(3))
    if m := _NUM.match(line):
        return Label("num", str(int(m.group(1))), int(m.group(1)), m.group(2))
    if m := _IPAREN.match(line):
        return Label("iparen", f"(i{int(m.group(1))})", int(m.group(1)), m.group(2))
    if m := _PAREN.match(line):
        return Label("paren", f"({int(m.group(1))})", int(m.group(1)), m.group(2))
    if m := _LETTER.match(line):
        letter = "c" if m.group(1) in "¢€C" else m.group(1)
        return Label("letter", letter, LETTERS.index(letter) + 1, m.group(2))
    return None


def looks_like_heading(label: Label) -> bool:
    """Shape test: the text after a label starts like a sentence, not mid-phrase."""
    rest = label.rest.lstrip("\"'“*")
    if not rest:
        return False
    first = rest[0]
    if label.kind == "roman":
        words = [w for w in re.findall(r"[^\W\d_]+", rest)[:3] if len(w) > 1]
        return bool(words) and sum(w.isupper() or w[:2].isupper() for w in words) >= len(words) / 2
    return first.isupper() or first.isdigit() or first in "“\"'(" or label.kind == "letter"


def heading_title(lines: list[str], limit: int = 160) -> str:
    """The title of a task: its label line's first sentence or heading paragraph."""
    first_paragraph: list[str] = []
    for line in lines:
        if not line.strip() or (first_paragraph and match_label(clean_line(line))):
            break
        if first_paragraph and clean_line(line).startswith(("-", "+")):
            break
        first_paragraph.append(line)
    text = join_wrapped(first_paragraph)
    label = match_label(text)
    if label:
        text = label.rest
    for stop in (": ", ". ", "; "):
        head, sep, _ = text.partition(stop)
        if sep and len(head) >= 12:
            text = head
            break
    text = text.rstrip(" .:;")
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + "…"
    return text


def accepts(parent: Node, label: Label, previous_line: str) -> bool:
    """Does this label continue the numbering under `parent`?"""
    last = parent.last_child_value.get(label.kind)
    if last is None:
        return label.value == 1 or (label.kind in ("letter", "roman") and label.value <= 2)
    step = label.value - last
    if label.kind == "roman":
        return 0 <= step <= 2
    if label.kind == "letter" and label.label == "d" and last == LETTERS.index("d") + 1:
        return True  # OCR reads đ) as d): the second d) in a row is đ)
    if step == 1:
        return True
    ends_sentence = not previous_line or previous_line.rstrip()[-1:] in '.;:!?)"”'
    return step == 2 and ends_sentence


def parse_structure(lines: list[str], start: int = 0) -> Node:
    """Build the task tree of a directive's body; `lines` are raw lines, `start` their offset."""
    root = Node(kind="root", label="", value=0, path=[])
    current = root
    previous = ""
    for offset, raw in enumerate(lines):
        line = clean_line(raw)
        if line and (_PAGE_NUMBER.match(line) or (is_junk_line(line) and not match_label(line))):
            continue  # page numbers and stray OCR specks are not part of any task
        label = match_label(line) if line else None
        if label and looks_like_heading(label):
            parent = _parent_for(current, label)
            if accepts(parent, label, previous):
                current = _open_child(parent, label)
        if line or current.lines:
            current.lines.append(line)
            current.line_numbers.append(start + offset)
        if line:
            previous = line
    return root


def _parent_for(current: Node, label: Label) -> Node:
    node: Node | None = current
    rank = KIND_RANK[label.kind]
    while node is not None and node.kind != "root" and KIND_RANK[node.kind] >= rank:
        node = node.parent
    return node or current


def _open_child(parent: Node, label: Label) -> Node:
    text_label = label.label
    second_d = parent.last_child_value.get("letter") == LETTERS.index("d") + 1
    if label.kind == "letter" and text_label == "d" and second_d:
        text_label, label.value = "đ", LETTERS.index("đ") + 1
    child = Node(
        kind=label.kind,
        label=text_label,
        value=label.value,
        path=[*parent.path, text_label],
        parent=parent,
    )
    parent.children.append(child)
    parent.last_child_value[label.kind] = label.value
    return child


def walk(node: Node):
    """Every node of the tree in document order, the root first."""
    yield node
    for child in node.children:
        yield from walk(child)


def titles_along(node: Node) -> list[str]:
    titles: list[str] = []
    current: Node | None = node
    while current is not None and current.kind != "root":
        titles.append(current.title)
        current = current.parent
    return titles[::-1]


def own_body(node: Node) -> str:
    """The task's text without its title paragraph, to tell a bare heading from a task."""
    text = node.text
    first, _, rest = text.partition("\n")
    if node.children and len(first) <= 200:
        return rest.strip()
    return text


def is_junk_line(line: str) -> bool:
    """Stamps, specks and page furniture: too few letters to be text."""
    letters = sum(ch.isalpha() for ch in line)
    return letters < 2 or letters < len(line) * 0.4


def folded(line: str) -> str:
    return fold_accents(clean_line(line))
