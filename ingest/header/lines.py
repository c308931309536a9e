"""A header's logical lines: Markdown marks removed, hard-wrapped emphasis joined back.

Pages saved from the web wrap a header line anywhere ("**ỦY" / "BAN NHÂN DÂN**", "*Cao" /
"Bằng, ngày 28 tháng 11 năm 2025*"); an emphasis mark left open says the line goes on. Each
logical line remembers whether it was emphasised, which tells a bold heading or an italic
place-date line from the plain title lines around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.text import fold_accents, squash_spaces

MAX_JOIN = 6  # lines an open emphasis may span
_HEADING_MARK = re.compile(r"^\s*(?:#{1,6}\s*|>\s*)")
_SEPARATOR = re.compile(r"^[\s\-_=*.]{3,}$")
# A cell border of a header laid out as a table row ('CHÍNH PHỦ | CỘNG HÒA …', 'Số: 16/2025/NĐ-CP |'):
# a '|' with a space or the line's edge on both sides ('|. NHIỆM VỤ' is an OCR reading of 'I.').
_CELL_BORDER = re.compile(r"(?:^|(?<=\s))\|(?=\s|$)|(?<=\S)\|$")
_GLUED_RULE = re.compile(r"[-_=]{4,}")  # 'CHÍNH PHỦ-------', 'Hạnh phúc------': a rule under a cell


@dataclass
class HeaderLine:
    text: str  # without Markdown marks, wraps joined
    index: int  # the first raw line it came from
    emphasised: bool
    parts: tuple[str, ...] = ()  # the raw lines joined into this one, marks removed

    @property
    def key(self) -> str:
        """Folded (lower case, no accents) for matching."""
        return fold_accents(self.text)

    @property
    def is_separator(self) -> bool:
        """A rule ('-------') or a blank line."""
        return not self.text.strip(" -_=*.")

    @property
    def is_blank(self) -> bool:
        return not self.text


def _open_marks(line: str) -> bool:
    """An emphasis opened at the start of the line and not closed by its end: it wraps on."""
    text = line.strip()
    if not text.startswith(("*", "_")) or text.endswith(("*", "_")):
        return False
    return text.count("**") % 2 == 1 or text.replace("**", "").count("*") % 2 == 1


def strip_marks(line: str) -> str:
    text = _HEADING_MARK.sub("", line.replace("\t", " "))
    text = re.sub(r"\*+|(?<!\w)_{1,3}|_{1,3}(?!\w)", "", text)
    return squash_spaces(text).strip()


def logical_lines(
    lines: list[str], start: int = 0, end: int | None = None, keep_blank: bool = False
) -> list[HeaderLine]:
    """The lines between `start` and `end`, emphasis wraps joined; blank lines dropped unless kept."""
    out: list[HeaderLine] = []
    end = len(lines) if end is None else min(end, len(lines))
    i = start
    while i < end:
        raw = lines[i]
        first = i
        while _open_marks(raw) and i + 1 < end and i - first < MAX_JOIN and lines[i + 1].strip():
            i += 1
            raw = f"{raw} {lines[i]}"
        parts = tuple(p for p in (strip_marks(x) for x in lines[first : i + 1]) if p)
        i += 1
        cells = table_cells(raw)
        for cell in cells:
            out.extend(_logical(cell, first, parts if len(cells) == 1 else (), keep_blank))
    return out


def table_cells(raw: str) -> list[str]:
    """A raw line cut at its cell borders and at the rules glued to a cell's text; a line with
    neither is itself (a blank line included)."""
    if "|" not in raw and not _GLUED_RULE.search(raw.strip(" -_=")):
        return [raw]
    cells: list[str] = []
    for cell in _CELL_BORDER.split(raw):
        pieces = _GLUED_RULE.split(cell)
        for n, piece in enumerate(pieces):
            if piece.strip():
                cells.append(piece.strip())
            if n < len(pieces) - 1:
                cells.append("-----")
    return cells


def _logical(raw: str, first: int, parts: tuple[str, ...], keep_blank: bool) -> list[HeaderLine]:
    if _SEPARATOR.match(raw) and raw.strip():
        return [HeaderLine("-", first, False)]
    text = strip_marks(raw)
    if not text and keep_blank and not raw.strip():
        return [HeaderLine("", first, False)]
    if text:
        return [HeaderLine(text, first, raw.lstrip().startswith(("*", "#", "_")), parts)]
    return []


_BODY_START = re.compile(r"^(?:can c\w{0,2}\b|xet\b|dieu 1\b|kinh g\w{0,2}\b|[iv]{1,3}\s*[.:]\s)")


def header_end(rows: list[HeaderLine], limit: int = 60) -> int:
    """Index of the first logical line of the body: 'Căn cứ', 'Kính gửi', 'Điều 1', 'I.'."""
    for n, row in enumerate(rows[:limit]):
        if _BODY_START.match(row.key):
            return n
    return min(len(rows), limit)


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
