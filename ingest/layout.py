"""Where a directive's parts lie: the body, the closing (signature, recipients), the task table
of the seeds' plans, and the appendices after the signature (Phụ lục I, Danh mục, Quy định…)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ingest.appendix import find_appendix_start
from ingest.lines import clean_line
from ingest.text import fold_accents

TITLE_LINES = 3
_LUU_VT = re.compile(r"^-?\s*l\S{0,3}u\s*:?\s*vt\b")
_APPENDIX = re.compile(
    r"^(PHỤ LỤC|DANH MỤC|QUY ĐỊNH|QUY CHẾ|QUY TRÌNH|HƯỚNG DẪN|KẾ HOẠCH|BIỂU|BẢNG|MẪU|Phụ lục)"
    r"(?:\s+(?:SỐ\s+|số\s+)?([IVX]{1,6}|\d{1,3}[a-z]?|[A-Z])(?![\wÀ-ỹ]))?"
)


_APPENDIX_WORDS = ("PHỤ LỤC", "DANH MỤC", "QUY ĐỊNH", "QUY CHẾ", "QUY TRÌNH", "HƯỚNG DẪN", "KẾ HOẠCH",
                   "BIỂU", "BẢNG", "MẪU")  # fmt: skip


def _marks_restored(text: str) -> str:
    """An upper-case appendix heading word that lost its marks, written with them again."""
    if not text[:1].isupper() or text.upper() != text:
        return text
    head = fold_accents(text[:12])
    for word in _APPENDIX_WORDS:
        plain = fold_accents(word)
        if head.startswith(plain) and not head[len(plain) : len(plain) + 1].isalpha():
            return word + text[len(word) :]
    return text


@dataclass
class Appendix:
    label: str  # in the document's words: "Phụ lục I", "Phụ lục", "Danh mục"
    start: int  # the heading line
    end: int


@dataclass
class Layout:
    body_end: int
    closing_end: int
    task_table: int | None  # the seeds' table of tasks (TT | Nhiệm vụ | …), read by appendix.py
    appendices: list[Appendix]


def document_layout(lines: list[str]) -> Layout:
    task_table = find_appendix_start(lines)
    limit = task_table if task_table is not None else len(lines)
    end = body_end(lines[:limit])
    headings: list[int] = []
    for i in range(end, limit):  # a heading right under another one is that one's title
        if appendix_label(lines[i]) and not (headings and i - headings[-1] <= TITLE_LINES):
            headings.append(i)
    bounds = [*headings, limit]
    appendices = [
        Appendix(appendix_label(lines[start]) or "", start, stop)
        for start, stop in itertools.pairwise(bounds)
    ]
    return Layout(end, headings[0] if headings else limit, task_table, appendices)


def appendix_label(line: str) -> str | None:
    """'PHỤ LỤC II' -> 'Phụ lục II': a line that is only an appendix heading (also as OCR
    reads it without marks: 'PHU LUC II')."""
    text = clean_line(line)
    m = _APPENDIX.match(text) or _APPENDIX.match(_marks_restored(text))
    if not m or (text.upper() != text and text.rstrip(" .:") != m.group(0)):
        return None  # an upper-case heading, or "Phụ lục II" alone on its line
    word = m.group(1).capitalize()
    return f"{word} {m.group(2)}" if m.group(2) else word


def body_end(lines: list[str]) -> int:
    """Index of the first line after the body: after './.', or at 'Nơi nhận' / the 'Lưu: VT' list."""
    ends: list[int] = []
    for i, line in enumerate(lines):
        if clean_line(line).rstrip().endswith("/."):
            ends.append(i + 1)
            break
    for i, line in enumerate(lines):
        head = clean_line(line).lstrip()[:24]
        if head[:1] not in ("N", "n", "L", "l", "-"):
            continue  # cheap test first: folding every line of a long document is slow
        text = fold_accents(head)
        if text.startswith("noi nh"):
            ends.append(i)
            break
        if _LUU_VT.match(text):
            ends.append(_list_start(lines, i))
            break
    return min(ends) if ends else len(lines)


def _list_start(lines: list[str], i: int) -> int:
    start = i
    while start > 0 and (clean_line(lines[start - 1]).startswith("-") or not lines[start - 1].strip()):
        start -= 1
    return start
