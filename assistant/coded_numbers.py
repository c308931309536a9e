"""A document number asked with its year ('Thông tư 22/2025/TT-BGDĐT', 'Nghị quyết 09/2023/NQ-HĐND')
names one document: the corpus holds it only when some indexed token begins with that number
and year ('22/2025/'), as the BM25 index keeps numbers whole ('21/2025/tt-bgddt'). The number
alone is not enough — '22' stands in many other numbers ('22/2020/tt-bgddt', '22/kh-ubnd') —
and the type letters after the year are not compared, since an OCR copy misreads them
('nq-hpnd' for 'nq-hdnd')."""

from __future__ import annotations

import re

from ingest.text import fold_accents

_YEAR_CODED = re.compile(r"(?<![\w/])(\d{1,5}/(?:19|20)\d\d)/[a-z]{2,6}\b")


def unknown_year_coded(question: str, idf: dict[str, float]) -> list[str]:
    """The numbers with a year ('22/2025') the question asks whose number and year begin no
    indexed token."""
    asked = _YEAR_CODED.findall(fold_accents(question).lower())
    if not asked or not idf:
        return []
    prefixes = {p: f"{p}/" for p in asked}
    known = {p for p, prefix in prefixes.items() if any(t.startswith(prefix) for t in idf)}
    return [p for p in asked if p not in known]
