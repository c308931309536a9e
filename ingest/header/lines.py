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
        if _SEPARATOR.match(raw) and raw.strip():
            out.append(HeaderLine("-", first, False))
            continue
        text = strip_marks(raw)
        if not text and keep_blank and not raw.strip():
            out.append(HeaderLine("", first, False))
        elif text:
            out.append(HeaderLine(text, first, raw.lstrip().startswith(("*", "#", "_")), parts))
    return out


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
