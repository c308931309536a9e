"""Read the numbered structure of a directive (levels in ingest/levels.py): Chương > Điều 3. >
khoản 1. > điểm a), or I. > 1. > 1.1. > (1) > a), OCR misreadings and hard wraps included.

A line only opens a numbered task when its label continues the numbering of its siblings (or
starts a new level at 1 / a / I) and the line looks like a heading; otherwise it is a line that
happened to start with a number after a wrap, and stays body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.heading_marks import bold_title, marked_heading, may_stand_alone
from ingest.heading_wrap import capital_heading, continues_heading
from ingest.levels import (
    GROUPING,
    KIND_RANK,
    LETTERS,
    Label,
    is_bare_label,
    looks_like_heading,
    match_label,
    restore_bare_level_word,
)
from ingest.text import fold_accents, join_wrapped, squash_spaces

__all__ = ["Label", "Node", "clean_line", "match_label", "parse_structure", "walk"]

_MARKDOWN = re.compile(r"^#{1,6}\s*|\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")
_LEADING_JUNK = re.compile(r"^[\s,.'’‘`•·;:\"~]+(?=\S)")
_PAGE_NUMBER = re.compile(r"^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$")
_SENTENCE_END = tuple('.;:!?)"”')


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
    marked_title: str = ""  # a title its bold marks hold together over lines (heading_marks)

    @property
    def text(self) -> str:
        return join_wrapped(self.lines)

    @property
    def title(self) -> str:
        return heading_title(self.lines, marked=self.marked_title)


def clean_line(line: str) -> str:
    """A line as a reader sees it: no Markdown marks, no OCR specks before a label."""
    line = _MARKDOWN.sub("", line.replace("\t", " "))
    return restore_bare_level_word(squash_spaces(_LEADING_JUNK.sub("", line)))


def heading_title(lines: list[str], limit: int = 160, whole: bool = False, marked: str = "") -> str:
    """The title of a task: its label line's first sentence or heading paragraph (`whole`: the
    whole heading paragraph, for a heading whose only text it is; `marked`: the text its marks
    hold together over lines, when known)."""
    label = match_label(clean_line(marked)) if marked else None
    if label and label.rest.strip(" .:;"):
        return _limited(marked_heading(label.rest, whole), limit)
    if len(lines) > 1 and is_bare_label(clean_line(lines[0])):  # "Điều" / "1. Công bố …"
        k = next((k for k in (1, 2) if k < len(lines) and lines[k].strip()), 1)
        lines = [f"{lines[0]} {lines[k]}", *lines[k + 1 :]]
    first_paragraph: list[str] = []
    capitals = bool(lines) and capital_heading(clean_line(lines[0]))
    for line in lines:
        if not line.strip() or (first_paragraph and match_label(clean_line(line))):
            break
        if first_paragraph and clean_line(line).startswith(("-", "+")):
            break
        if capitals and first_paragraph and not continues_heading(first_paragraph[-1], clean_line(line)):
            break  # a capital heading ends where its capital lines end
        if (
            not capitals
            and not whole
            and len(first_paragraph) == 1
            and _short_heading(first_paragraph[0], line)
        ):
            break
        first_paragraph.append(line)
    text = join_wrapped(first_paragraph)
    label = match_label(text)
    if label:
        text = label.rest
    if not text and label and len(first_paragraph) < len(lines):
        rest = lines[len(first_paragraph) :]
        return heading_title(rest[next((i for i, ln in enumerate(rest) if ln.strip()), 0) :], limit)
    return _limited(_first_sentence(text, () if whole else (": ", ". ", "; ")), limit)


def _first_sentence(text: str, stops: tuple[str, ...]) -> str:
    for stop in stops:
        head, sep, _ = text.partition(stop)
        if sep and len(head) >= 12:
            text = head
            break
    return text.rstrip(" .:;")


def _limited(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _short_heading(label_line: str, next_line: str) -> bool:
    """'1. Phạm vi điều chỉnh' then 'Nghị quyết này quy định…': a short heading of its own,
    not a sentence wrapped onto the next line."""
    label = match_label(label_line)
    rest = label.rest if label else ""
    short = 0 < len(rest) <= 40 and rest[-1].isalpha() and "," not in rest and may_stand_alone(rest)
    return short and next_line[:1].isupper()


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
        if line and (_PAGE_NUMBER.match(line) or junk):
            continue  # page numbers and stray OCR specks are not part of any task
        before = cleaned[offset - 1] if offset else ""
        label = _label_of(line, cleaned[offset + 1 : offset + 3], before) if offset != carried else None
        if label and label.kind in ("roman", "num"):
            label = _misread_one(label, current, line[:1])
        if label and (looks_like_heading(label) or _marked_part(label, lines, offset)):
            parent = _parent_for(current, label)
            if accepts(parent, label, previous):
                current = _open_child(parent, label)
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
        after_one = _parent_for(current, as_roman).last_child_value.get("roman") == 1
        return as_roman if after_one and looks_like_heading(as_roman) else label
    if label.value != 1 or looks_like_heading(label):
        return label
    as_number = Label("num", "1", 1, label.rest)
    parent = _parent_for(current, as_number)
    first = "num" not in parent.last_child_value
    # "I." is a one only under a roman heading; "l." and "|." are never a roman I in clean text
    misread = parent.kind == "roman" or (written in ("l", "|") and parent.kind != "root")
    return as_number if first and misread and looks_like_heading(as_number) else label


def cite_paths(root: Node) -> Node:
    """Paths as users cite them: where the document numbers articles, "Điều 5" alone says where
    (articles are numbered through the whole text), so Phần / Chương / Mục stay titles only."""
    nodes = list(walk(root))
    if any(node.kind == "article" for node in nodes):
        for node in nodes[1:]:
            parent_path = node.parent.path if node.parent else []
            node.path = parent_path if node.kind in GROUPING else [*parent_path, node.label]
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
        bare_heading = current is not node and not own_body(current)
        whole = heading_title(current.lines, 300, whole=True, marked=current.marked_title)
        titles.append(whole if bare_heading else current.title)
        current = current.parent
    return titles[::-1]


def own_body(node: Node) -> str:
    """The task's text without its title paragraph, to tell a bare heading from a task."""
    text = node.text
    first, _, rest = text.partition("\n")
    if node.children and len(first) <= 200:
        label = match_label(first)
        if label and not label.rest:  # "Chương I", its title on the next line
            rest = rest.partition("\n")[2]
        return rest.strip()
    return text


def is_junk_line(line: str) -> bool:
    """Stamps, specks and page furniture: too few letters to be text."""
    letters = sum(ch.isalpha() for ch in line)
    return letters < 2 or letters < len(line) * 0.4


def is_speck(line: str) -> bool:
    """Stray OCR marks and rules ('-----', "' ."): too few letters or digits to be text."""
    signs = sum(ch.isalnum() for ch in line)
    return signs < 2 or signs < len(line) * 0.4


def folded(line: str) -> str:
    return fold_accents(clean_line(line))
