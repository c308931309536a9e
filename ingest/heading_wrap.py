"""A heading in capitals wrapped over lines: "A. DANH MỤC THỦ TỤC HÀNH" / "CHÍNH CẤP TỈNH".

Directives set their part and section headings in capitals; a narrow page or a saved web page
breaks such a heading anywhere, even inside a word pair ("I. LĨNH" / "VỰC GIÁO DỤC …"). The next
line continues the heading when the heading line ends without closing punctuation and that line
is short and in capitals too (a count in brackets, "(02 Quy trình)", may follow in any case). A
numbered item, a bullet, or a table's row-number column ("STT", "TT": no vowel, not a Vietnamese
syllable) starts something else.
"""

from __future__ import annotations

import re

from ingest.levels import match_label
from ingest.text import fold_accents

MAX_CONTINUATION_CHARS = 100  # one more printed line of a heading, not a paragraph
_MIN_CAPITALS = 0.9  # share of capital letters: room for an OCR misreading, none for a sentence
_VOWEL = re.compile(r"[aeiouy]", re.IGNORECASE)


def in_capitals(text: str, min_letters: int = 2) -> bool:
    """Written in capital letters (what stands before a bracketed count)."""
    letters = [ch for ch in text.partition("(")[0] if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters)
    return len(letters) >= min_letters and capitals >= _MIN_CAPITALS * len(letters)


def capital_heading(label_line: str) -> bool:
    """A numbered heading written in capitals: 'II. THAM GIA ĐẠI HỘI'."""
    label = match_label(label_line)
    return bool(label and in_capitals(label.rest, min_letters=3))


def continues_heading(heading_so_far: str, line: str) -> bool:
    """Does `line` (cleaned) carry on the capital heading whose lines so far end `heading_so_far`?"""
    text = line.strip()
    if not text or len(text) > MAX_CONTINUATION_CHARS or not heading_so_far.rstrip()[-1:].isalpha():
        return False
    if match_label(text) or text[0] in "-+•*":
        return False
    first_word = text.split()[0]
    return in_capitals(text) and bool(_VOWEL.search(fold_accents(first_word)))
