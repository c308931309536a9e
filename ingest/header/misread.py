"""A province name OCR misread in the issuer block, read right from the header's own place line.

A scanned header sets the issuer in capitals ("THÀNH PHỐ HÀ NỘI"), where OCR misreads letters
most often ("THANH PHỐ BA NOI"); the place line it dates the document from ("Hà Noi, ngày 27")
is in sentence case and usually survives. When the issuer's province is no province we know, the
place is one, and the two differ by no more than an OCR slip or two, the place names it.
"""

from __future__ import annotations

import re

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
