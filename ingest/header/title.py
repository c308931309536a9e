"""A directive's title (the lines under its type heading, or a letter's 'V/v' summary) and who
enacts it (the line above the preamble: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH')."""

from __future__ import annotations

import re

from ingest.header.heading import PLACE_DATE, sentence_case
from ingest.header.issuer import cased
from ingest.header.lines import HeaderLine, is_upper
from ingest.text import fold_accents


def find_title(rows: list[HeaderLine], type_row: int, stop: int, source: str = "") -> str | None:
    """The 'V/v' summary of a letter, or the lines under the type heading up to the body."""
    for n, row in enumerate(rows[:stop]):
        if row.key.startswith("v/v") or row.key.startswith("ve viec:"):
            return _letter_summary(rows[n:stop])
    if type_row < 0:
        return None
    block: list[str] = []
    first = next((r for r in rows[type_row + 1 : stop] if not r.is_blank), None)
    for n, row in enumerate(rows[type_row + 1 : stop]):
        if row.is_blank:  # a blank line ends a title that already reads as one
            if block and (len(" ".join(block)) >= 80 or block[-1].endswith((".", ":", ";"))):
                break
            continue
        changed = first and (row.emphasised != first.emphasised or _case_changed(row.text, first.text))
        if row.is_separator or (block and changed) or _ends_title(rows, n + type_row + 1, stop, block):
            break
        block.append(row.text)
        if len(" ".join(block)) > 400:
            break
    return sentence_case(" ".join(block), source) or None


_RUNS_ON = frozenset(
    "giua cua va ve voi cho tai trong theo thuoc tren doi tu den cac nhung hoac la de".split()
)  # joining words: a line ending on one goes on


def _runs_on(block: list[str]) -> bool:
    """A title line ending on a word that joins ('… HIỆP ĐỊNH THƯƠNG MẠI GIỮA'): the next line goes
    on with it, even one that opens like an enacting authority ('CHÍNH PHỦ NƯỚC …')."""
    words = fold_accents(block[-1]).lower().split() if block else []
    return bool(words) and words[-1] in _RUNS_ON


AUTHORITY_LINE = 60  # an enacting authority's line is short, or the last above the preamble


def _ends_title(rows: list[HeaderLine], at: int, stop: int, block: list[str]) -> bool:
    """The line who enacts ('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH') ends the title above it; a title line
    that merely opens with such words ('QUỐC HỘI TẠI TỔ VÀ HỘI TRƯỜNG; …') goes on with it."""
    row = rows[at]
    if not _is_authority(row) or _runs_on(block):
        return False
    return len(row.text) <= AUTHORITY_LINE or _last_above(rows, at, stop)


def _last_above(rows: list[HeaderLine], at: int, stop: int) -> bool:
    """Whether row `at` is the last line with text before `stop` (the preamble)."""
    return all(r.is_blank or r.is_separator for r in rows[at + 1 : stop])


def _case_changed(text: str, first: str) -> bool:
    """A line in capitals under a title in lower case (or the reverse); a line without letters
    ('2025-2026', the school year a capital title wraps onto) changes nothing."""
    return any(c.isalpha() for c in text) and is_upper(text) != is_upper(first)


def _letter_summary(rows: list[HeaderLine]) -> str | None:
    """A letter's 'V/v …' summary, wrapped over the lines up to 'Kính gửi' or a blank line."""
    block = [rows[0].text[3:].strip(" :")]
    if not rows[0].emphasised:  # an emphasised summary was joined whole already
        for row in rows[1:6]:
            if row.is_blank or row.emphasised or PLACE_DATE.match(row.key) or row.key.startswith("kinh g"):
                break
            block.append(row.text)
    return sentence_case(" ".join(block)) or None


def _is_authority(row: HeaderLine) -> bool:
    """'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X', 'BỘ TRƯỞNG BỘ Y TẾ', 'THỦ TƯỚNG CHÍNH PHỦ': who enacts."""
    return is_upper(row.text) and bool(AUTHORITY.match(row.key))


AUTHORITY = re.compile(
    r"^(?:chu tich|bo truong|thu tuong|giam doc|cuc truong|tong cuc truong|uy ban nhan dan|"
    r"hoi dong nhan dan|chinh phu|quoc hoi|hieu truong|truong phong|thong doc)\b"
)


def find_authority(rows: list[HeaderLine], after: int, text: str) -> str | None:
    """Who enacts the document, as the line above 'Căn cứ' says ('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH')."""
    for at in range(max(after, 0), len(rows)):
        row = rows[at]
        if _is_authority(row) and (len(row.text) <= AUTHORITY_LINE or _last_above(rows, at, len(rows))):
            words = re.sub(r"(?i)\s*(điện|đien)?\s*:?$", "", row.text)
            return cased(words, text)
    return None
