"""A line of a directive as a reader sees it: Markdown marks and OCR specks gone; which lines
are page furniture (page numbers, stamps, stray marks) rather than text."""

from __future__ import annotations

import re

from ingest.levels import match_label, restore_bare_level_word
from ingest.text import fold_accents, squash_spaces, starts_list_item

__all__ = ["clean_line", "folded", "is_junk_line", "is_page_number", "is_speck", "join_lone_marks"]

_MARKDOWN = re.compile(r"^#{1,6}\s*|\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")
_LEADING_JUNK = re.compile(r"^[\s,.'’‘`•·;:\"~]+(?=\S)")
_PAGE_NUMBER = re.compile(r"^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$")
_LONE_MARK = re.compile(r"^\s*[-–+•]\s*$")


def clean_line(line: str) -> str:
    """A line as a reader sees it: no Markdown marks, no OCR specks before a label."""
    line = _MARKDOWN.sub("", line.replace("\t", " "))
    return restore_bare_level_word(squash_spaces(_LEADING_JUNK.sub("", line)))


def folded(line: str) -> str:
    return fold_accents(clean_line(line))


def is_page_number(line: str) -> bool:
    """'12', '- 3 -': a page number standing on its own line."""
    return bool(_PAGE_NUMBER.match(line))


def is_junk_line(line: str) -> bool:
    """Stamps, specks and page furniture: too few letters to be text."""
    letters = sum(ch.isalpha() for ch in line)
    return letters < 2 or letters < len(line) * 0.4


def is_speck(line: str) -> bool:
    """Stray OCR marks and rules ('-----', "' ."): too few letters or digits to be text."""
    signs = sum(ch.isalnum() for ch in line)
    return signs < 2 or signs < len(line) * 0.4


def join_lone_marks(lines: list[str]) -> list[str]:
    """A bullet mark alone on its line ('-', then the item's text on the next line) opens the
    next line's item: the mark moves onto that line and its own line is left blank, so the item
    never runs on from the bullet above. As many lines as given (line numbers hold); a mark
    before a line of no text (blank, another mark, a figure: a table's cells) or before a
    numbered label stays where it is."""
    joined = list(lines)
    for at in range(len(joined) - 1):
        mark, text = joined[at].strip(), joined[at + 1].strip()
        opens_own = is_junk_line(text) or starts_list_item(text) or match_label(text)
        if _LONE_MARK.match(mark) and not opens_own:
            joined[at], joined[at + 1] = "", f"{mark} {text}"
    return joined
