"""The province of a text read without a header: a page that quotes a Sở GDĐT's letter, a
province's calendar or plan under a title of its own ("… năm học 2025 2026 tại Hà Nội?").

When no issuer was read from a header, the province is the one the text names as its own: the
single province its title names, else the single province its opening names as an issuing body
("Sở Giáo dục và Đào tạo Hà Nội", "Ủy ban nhân dân tỉnh …"). A title or opening naming several
provinces (a table of all of them) gives none.
"""

from __future__ import annotations

import re

from ingest.header import DocumentMeta
from ingest.provinces import find_provinces
from ingest.text import fold_accents

OPENING_LINES = 12  # non-blank lines read as the opening
# an issuing body followed by its place: 'Sở Giáo dục và Đào tạo Hà Nội', 'UBND tỉnh Gia Lai'
_BODY = re.compile(
    r"\b(?:so giao duc va dao tao|so gd ?dt|uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)"
    r"\s+(?:(?:tinh|thanh pho|tp\.?)\s+)?(.{0,40})"
)


def headless_province(meta: DocumentMeta, lines: list[str]) -> str | None:
    """The text's own province when no header named an issuer; else None."""
    if meta.province or meta.issuer:
        return meta.province
    named = find_provinces(meta.title or "")
    if len(named) == 1:
        return named[0]
    opening = [line for line in lines if line.strip()][:OPENING_LINES]
    bodies = {named[0] for line in opening for m in _BODY.finditer(fold_accents(line))
              if (named := find_provinces(m.group(1)))}  # fmt: skip
    return bodies.pop() if len(bodies) == 1 else None
