"""The tree of numbered tasks a directive's body is read into (ingest/structure.py builds it):
each node a task with its label path, its own lines and its children; its titles along the way."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.heading_title import heading_title
from ingest.levels import GROUPING, KIND_RANK, LETTERS, Label, match_label
from ingest.text import join_wrapped

__all__ = ["Node", "cite_paths", "open_child", "own_body", "parent_for", "titles_along", "walk"]


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


def walk(node: Node):
    """Every node of the tree in document order, the root first."""
    yield node
    for child in node.children:
        yield from walk(child)


def parent_for(current: Node, label: Label) -> Node:
    """The node a task of this label's level opens under, from the last one opened."""
    node: Node | None = current
    rank = KIND_RANK[label.kind]
    while node is not None and node.kind != "root" and KIND_RANK[node.kind] >= rank:
        node = node.parent
    return node or current


def open_child(parent: Node, label: Label) -> Node:
    """A new task under `parent` (OCR reads đ) as d): the second d) in a row is đ))."""
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


def cite_paths(root: Node) -> Node:
    """Paths as users cite them: where the document numbers articles, "Điều 5" alone says where
    (articles are numbered through the whole text), so Phần / Chương / Mục stay titles only."""
    nodes = list(walk(root))
    if any(node.kind == "article" for node in nodes):
        for node in nodes[1:]:
            parent_path = node.parent.path if node.parent else []
            node.path = parent_path if node.kind in GROUPING else [*parent_path, node.label]
    return root


def titles_along(node: Node) -> list[str]:
    """The titles of the tasks from the top of the document down to this one."""
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
