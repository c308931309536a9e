"""A province name OCR misread in the issuer block, read right from the header's own place line.

A scanned header sets the issuer in capitals ("THÀNH PHỐ HÀ NỘI"), where OCR misreads letters
most often ("THANH PHỐ BA NOI"); the place line it dates the document from ("Hà Noi, ngày 27")
is in sentence case and usually survives. When the issuer's province is no province we know, the
place is one, and the two differ by no more than an OCR slip or two, the place names it.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.provinces import is_known_province
from ingest.text import fold_accents

MAX_SLIPS = 2  # letters a misreading may change in a province name ("ba noi" / "ha noi": 1)
MIN_CHARS = 4  # a shorter name is too easily one slip from another


def _key(name: str) -> str:
    return " ".join(fold_accents(name).replace("-", " ").split())


def slips(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions) between two strings."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def misread_province(province: str | None, place: str | None) -> bool:
    """Is `province` (the issuer's, unknown) the known `place` as OCR misread it?"""
    if not province or not place or is_known_province(province) or not is_known_province(place):
        return False
    a, b = _key(province), _key(place)
    return min(len(a), len(b)) >= MIN_CHARS and 0 < slips(a, b) <= MAX_SLIPS


def renamed(issuer: str | None, misread: str, province: str) -> str | None:
    """The issuer's name with the misread province written as the place line writes it."""
    if not issuer:
        return issuer
    return re.sub(re.escape(misread), province, issuer, flags=re.IGNORECASE)


# 'ngày 21 tháng 11 năm 2025' as OCR may leave it: marks lost, a letter misread ('ngdy', 'thdng',
# 'uam', 'narn'); the three numbers hold it together.
_OCR_WORDED = re.compile(
    r"(?:,\s*|^)[nu]g\w{0,2}[yv]\s*(\d{1,2})\s*t\w{1,4}g\s*(\d{1,2})\s*[nu]\w{0,2}(?:m|rn)\s*(\d{4})\b"
)
_PLACE_WORDS = 4  # a place before the date: 'Hà Nội', 'Thành phố Hồ Chí Minh'


def ocr_place_date(rows: list[str]) -> tuple[str | None, str | None]:
    """(place, ISO date) of a place-date line OCR misread or ran into the line above it
    ('… theo vị trí việc làm Hà Noi,' / 'ngay 21 thang' / '11 uam 2025'): the worded date after
    a comma or at a line's start, anywhere in the header rows, the place the known province
    the words before its comma end with."""
    from ingest.dates import iso_date
    from ingest.provinces import province_name

    joined = " ".join(rows)
    m = _OCR_WORDED.search(fold_accents(joined))
    if not m:
        return None, None
    date = iso_date(m.group(3), m.group(2), m.group(1))
    before = joined[: m.start()].split()[-_PLACE_WORDS:]
    places = [province_name(" ".join(before[k:])) for k in range(len(before))]
    return next((p for p in places if p and is_known_province(p)), None), date


# A code after a number's '/' or '-': 'QĐ', 'UBND', 'BGDĐT', 'TTg' (and OCR's 'Q&', 'UBUD').
_CODE_WORD = r"[A-ZĐ&][A-Za-zĐđ&]{1,9}"
_CODE = re.compile(rf"(?<=[/-]){_CODE_WORD}(?![\w&])")
_SEGMENTS = re.compile(r"([/-])")


def repaired_number(number: str | None, text: str) -> str | None:
    """The document's number with a code OCR misread ('103/2025/QD-UBUD') written as the
    document writes it elsewhere ('UBND'): a code seen once (in the number itself) whose
    confusion fold equals that of a code the text cites twice or more."""
    from ingest.restore.confusions import fold_confusions

    if not number:
        return number
    seen = Counter(_CODE.findall(text))
    parts = _SEGMENTS.split(number)
    for k, part in enumerate(parts):
        if not re.fullmatch(_CODE_WORD, part) or seen[part] >= 2:
            continue
        key = fold_confusions(part)
        known = [c for c, n in seen.most_common() if n >= 2 and c != part and fold_confusions(c) == key]
        parts[k] = known[0] if known else part
    return "".join(parts)
