"""How far a heading runs, told by the marks a saved web page keeps, or by its words.

A web page sets an article's or a task's title in bold with its label: "**Điều 2. Trách nhiệm
của Sở" / "Giáo dục và Đào tạo; Uỷ ban nhân dân các xã, phường**". A narrow page wraps the title
anywhere, before a capital too; the bold pair says where it ends: the title is every line up to
the one that closes it, or the one line it spans from end to end ("**1.1. Lúa**"). An italic
pair holds a title the same way ("*2.3." / "Công an tỉnh*", a plan's owners) unless what it holds
ends a sentence: a page also sets quoted clauses in italics ("*a) Đối với hàng hóa … hồ sơ hải
quan;*"), and a quotation is no title.

Without marks (OCR, plain text), a short label line followed by a capitalised line may still be
a heading of its own ("1. Phạm vi điều chỉnh" / "Nghị quyết này quy định…"), but never when it is
one word: Vietnamese headings name their subject in two syllables at least, so "Điều 4. Chánh" /
"Văn phòng Ủy ban nhân dân …" is a sentence the page wrapped after its first word.
"""

from __future__ import annotations

import re

MAX_TITLE_LINES = 4  # a title longer than this is not a title: the marks are a stray pair
MIN_HEADING_WORDS = 2
_MARK = re.compile(r"\*\*|__|\*")
_SENTENCE_END = ".;:!?"
_WORD = re.compile(r"[^\W\d_]+")
_COUNT = re.compile(r"^\d{1,3}\s+[^\W\d_]+(?:\s+[^\W\d_]+)?$")  # "05 QUY TRÌNH", "01 TTHC"


def bold_title(raw_lines: list[str], first: int) -> str:
    """The raw text a bold (or italic) pair opened on raw_lines[first] holds: the whole line when
    marked from end to end, or the lines up to its closing mark ("**1. Đề nghị Ban Tuyên giáo
    và" / "Dân vận Tỉnh ủy: **Ban hành …"); "" when the line's marks hold only a part of it, or
    there is none."""
    line = raw_lines[first].strip()
    mark = line[:2] if line.startswith(("**", "__")) else line[:1]
    if mark != "*" and len(mark) != 2:
        return ""
    held = _held(raw_lines, first, mark)
    if mark == "*" and held.rstrip(" *").endswith(tuple(_SENTENCE_END)):
        return ""  # an italic sentence: a quotation, not a title
    return held


def _marks(text: str, mark: str) -> int:
    return sum(token == mark for token in _MARK.findall(text))


def _held(raw_lines: list[str], first: int, mark: str) -> str:
    line = raw_lines[first].strip()
    count = _marks(line, mark)
    if count == 2 and line.endswith(mark) and _MARK.findall(line)[-1] == mark:
        return line  # marked from end to end: a whole title on its line ("**1.1. Lúa**")
    if count % 2 == 0:
        return ""
    for k in range(first + 1, min(first + MAX_TITLE_LINES, len(raw_lines))):
        nxt = raw_lines[k].strip()
        if not nxt:
            return ""
        if _marks(nxt, mark) % 2:
            last = nxt.rpartition(mark)[0]
            return " ".join([line, *(r.strip() for r in raw_lines[first + 1 : k]), last])
    return ""


def heading_words(text: str) -> int:
    """Words (syllables) of a heading's text."""
    return len(_WORD.findall(text))


def may_stand_alone(rest: str) -> bool:
    """Can the text after a label be a whole heading on its own line (when the line is short)?"""
    return heading_words(rest) >= MIN_HEADING_WORDS


def marked_heading(rest: str, whole: bool = False) -> str:
    """A title held by its marks, to its first full stop: it runs on over ';' (owners named in
    a row) and over ':' ('Quy trình nội bộ giải quyết TTHC: Thi tuyển công chức'), except
    before the count of what it holds ('LĨNH VỰC KHÍ TƯỢNG THỦY VĂN: 05 QUY TRÌNH'); `whole`:
    all of it, for the heading path above its tasks."""
    text = rest.strip()
    if whole:
        return text.rstrip(" .:;")
    head, sep, tail = text.partition(": ")
    if sep and _COUNT.match(tail.strip(" .")):
        return head.rstrip(" .:;")
    head, sep, _ = text.partition(". ")
    return (head if sep and len(head) >= 12 else text).rstrip(" .:;")


def opens_next_article(lines: list[str], start: int, at: int) -> bool:
    """Without marks (OCR): 'Dieu 3. Dieu khoản thi hanh' is the next article's heading, not a
    cell, when it is numbered one past the article a table starting at `start` sits in."""
    from ingest.levels import match_label
    from ingest.lines import clean_line

    if "*" in lines[at]:
        return False
    label = match_label(clean_line(lines[at]))
    if label is None or label.kind != "article":
        return False
    above = (match_label(clean_line(line)) for line in reversed(lines[:start]))
    current = next((found for found in above if found and found.kind == "article"), None)
    return current is not None and label.value == current.value + 1
