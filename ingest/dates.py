"""Dates as documents write them, read into one form: ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.

A date keeps only what the text states: "ngày tháng 9 năm 2023" (day left blank, as drafts
are) is `2023-09`; OCR damage to the words ("ngay", "thang8", "ndam") is tolerated.
"""

from __future__ import annotations

import re

from ingest.text import fold_accents

# 'ngày 19 tháng 11 năm 2025', OCR 'ngay 19 thang8 ndam 2024', 'ngaylithangrlinam 2023'.
WORDED = re.compile(r"ng\w{0,2}y\s*(\d{1,2})?\D{0,8}?th\w{0,2}ng\s*(\d{1,2})?\D{0,8}?n\w{0,3}m\s*(\d{4})")
NUMERIC = re.compile(r"\b(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*((?:19|20)\d{2})\b")
MONTH_YEAR = re.compile(r"\b(?:th\w{0,2}ng\s*)?(\d{1,2})\s*/\s*((?:19|20)\d{2})\b")
YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
# A deadline as a task table writes it: "20/12/2023", "Tháng 12/2023", "Quý II/2024".
_DEADLINE_DAY = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_DEADLINE_MONTH = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{4})")
_QUARTER = re.compile(r"qu\S{0,2}\s*,?\s*([ivx]{1,3}|[1-4l]{1,3})\s*/?\s*(\d{4})", re.IGNORECASE)
_QUARTER_NUMBER = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
    "l": 1,
    "11": 2,
    "ll": 2,
    "1l": 2,
    "l1": 2,
    "111": 3,
    "lll": 3,
}


def iso_date(
    year: str | int | None, month: str | int | None = None, day: str | int | None = None
) -> str | None:
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY` from what is known; an impossible month or day is dropped."""
    if not year:
        return None
    y = int(year)
    if not 1900 <= y <= 2100:
        return None
    if not month or not 1 <= int(month) <= 12:
        return f"{y:04d}"
    if not day or not 1 <= int(day) <= 31:
        return f"{y:04d}-{int(month):02d}"
    return f"{y:04d}-{int(month):02d}-{int(day):02d}"


def worded_date(text: str) -> tuple[str | None, re.Match[str] | None]:
    """The first 'ngày … tháng … năm …' date in the text (any accents), and where it stands."""
    m = WORDED.search(fold_accents(text))
    if not m:
        return None, None
    return iso_date(m.group(3), m.group(2), m.group(1)), m


def numeric_date(text: str) -> str | None:
    """The first 'd/m/yyyy' date in the text."""
    m = NUMERIC.search(text)
    return iso_date(m.group(3), m.group(2), m.group(1)) if m else None


def any_date(text: str) -> str | None:
    """A worded or numeric date, whichever the text holds first."""
    worded, m = worded_date(text)
    numeric = NUMERIC.search(text)
    if numeric and (m is None or numeric.start() < m.start()):
        return numeric_date(text)
    return worded


def more_precise(a: str | None, b: str | None) -> bool:
    """True when date `b` states more than `a` and agrees with it."""
    return bool(b) and (not a or (len(b) > len(a) and b.startswith(a)))


def parse_deadline(deadline: str | None) -> str | None:
    """ISO form of a deadline as written: a date '20/12/2023' -> '2023-12-20', a month
    'Tháng 12/2023' -> '2023-12', a quarter 'Quý II/2024' -> '2024-06' (its last month).

    OCR reads 'Quý II' as 'Quy 11' or even 'Quy 112024' (slash lost); both are handled.
    """
    if not deadline:
        return None
    key = fold_accents(deadline)
    if m := _DEADLINE_DAY.search(key):
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if 1 <= month <= 12 and 1 <= day <= 31:
            return iso_date(year, month, day)
    if m := _QUARTER.search(key):
        quarter = _QUARTER_NUMBER.get(m.group(1).lower())
        if quarter:
            return iso_date(m.group(2), quarter * 3)
    if m := _DEADLINE_MONTH.search(key):
        month = int(m.group(1))
        if 1 <= month <= 12:
            return iso_date(m.group(2), month)
    return None
