"""The one way a section path is shown to users: ["Điều 3", "2", "a"] -> "Điều 3.2.a".

A path is a list of labels as the document writes them (see DESIGN.md, chunk contract):
- bare numbering labels ("II", "2", "1.2", "(3)", "a") join with dots; a dotted label that
  extends the one before it replaces it, so ["IV", "1", "1.2"] reads "IV.1.2";
- a label that names its level in words ("Điều 3", "Chương II", "Phụ lục I", "dòng 6") starts a
  new part, after a comma: ["Phụ lục I", "dòng 6"] reads "Phụ lục I, dòng 6";
- the seeds' task table keeps ["appendix", "<row>"]: "Phụ lục, dòng 6";
- [] is the text before the first numbered item: "phần mở đầu".
In English the level words are translated ("Article 3.2.a", "Appendix I, row 6").
"""

from __future__ import annotations

from collections.abc import Iterable

TASK_TABLE = "appendix"  # first label of a row of the task table (lead unit, deadline, output)
ROW_WORD = "dòng"  # a table row: ["Điều 1", "2", "dòng 3"]
ENGLISH_LEVELS = {
    "Phần": "Part",
    "Chương": "Chapter",
    "Mục": "Section",
    "Điều": "Article",
    "Phụ lục": "Appendix",
    ROW_WORD: "row",
}
OPENING = {"vi": "phần mở đầu", "en": "opening text"}


def section_label(section: Iterable[str], language: str = "vi") -> str:
    """How users cite a place in a document, in the answer's language."""
    parts = list(section)
    if not parts:
        return OPENING.get(language, OPENING["vi"])
    if parts[0] == TASK_TABLE:
        parts = ["Phụ lục", *(f"{ROW_WORD} {p}" for p in parts[1:])]
    groups: list[list[str]] = []
    for label in parts:
        if is_named_level(label) or not groups:
            groups.append([_translated(label, language)])
        elif label.startswith(groups[-1][-1] + "."):
            groups[-1][-1] = label  # "1" then "1.2" reads "1.2"
        else:
            groups[-1].append(label)
    return ", ".join(_joined(group) for group in groups)


def is_named_level(label: str) -> bool:
    """'Điều 3', 'Chương II', 'Phụ lục I', 'dòng 6': a word names the level."""
    head = label.split(" ", 1)[0]
    return " " in label and head[:1].isalpha() and not head[:1].isdigit() and len(head) > 1


def _joined(group: list[str]) -> str:
    head, *rest = group
    out = head
    for label in rest:
        out += "." + label
    return out


def _translated(label: str, language: str) -> str:
    if language != "en":
        return label
    for word, english in ENGLISH_LEVELS.items():
        if label == word or label.startswith(word + " "):
            return english + label[len(word) :]
    return label
