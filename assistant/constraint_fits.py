"""Whether a passage or its document fits what the question pins down (assistant/constraints.py
reads that): the asked province, year, school year or period, and document number. Search lifts
the passages that fit; the decision sets the others aside (assistant/decision.py)."""

from __future__ import annotations

import re

from ingest.text import fold_accents

_SCHOOL_YEAR = re.compile(r"(?<!\d)(20\d\d)\s*[-–/]\s*(20\d\d)(?!\d)")


def province_fits(doc: dict, provinces: list[str]) -> bool:
    """A document answers for the asked province when it is that province's (or names none)."""
    own = doc.get("province")
    return not provinces or not own or fold_accents(own) in {fold_accents(p) for p in provinces}


def year_fits(text: str, doc: dict, years: list[str]) -> bool:
    """The passage or its document states one of the asked years (or a school year holding it)."""
    if not years:
        return True
    where = f"{text} {doc.get('title') or ''} {doc.get('date') or ''} {doc.get('school_year') or ''}"
    return any(y in where for y in years)


def school_year_fits(doc: dict, asked: list[str], text: str = "") -> bool:
    """A school year named in the question ('năm học 2023-2024') is the document's scope: a
    document whose own header or title names another school year answers for that one — unless
    the item itself states the asked school year ('b) Trình … năm học 2026-2027': a resolution
    for this year assigns next year's work), which makes it the item for that year."""
    own = doc.get("school_year")
    return not asked or not own or own in asked or states_school_year(text, asked)


def states_school_year(text: str, asked: list[str]) -> bool:
    """The text writes one of the asked school years ('2026-2027', '2026 - 2027', '2026–2027')."""
    written = {f"{a}-{b}" for a, b in _SCHOOL_YEAR.findall(fold_accents(text))}
    return bool(written & set(asked))


_SPAN = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)")
MAX_SPAN = 20  # years: 'giai đoạn 2021 - 2025', 'thời kỳ 2021-2030'; longer is not a period


def spans_in(text: str) -> set[tuple[int, int]]:
    """The school years ('2024-2025') and periods ('2021 - 2025') a text writes."""
    found = {(int(a), int(b)) for a, b in _SPAN.findall(fold_accents(text))}
    return {(a, b) for a, b in found if 0 < b - a <= MAX_SPAN}


def span_fits(texts: list[str], asked: set[tuple[int, int]]) -> bool:
    """Passages that write school years (or periods), none of them an asked one, speak of another
    school year (period): a plan's items for 2021-2025 are not the asked 2019-2025's, rules for
    2024-2025 not the asked 2023-2024's. Passages writing none say nothing either way; a school
    year is compared with school years, a period with periods."""
    if not asked:
        return True
    written = set().union(*(spans_in(t) for t in texts)) if texts else set()
    for a, b in asked:
        alike = {w for w in written if (w[1] - w[0] == 1) == (b - a == 1)}
        if not alike or (a, b) in alike:
            return True
    return False


def number_fits(doc: dict, numbers: list[str]) -> bool:
    own = fold_accents(doc.get("number") or "")
    return bool(own) and any(re.match(rf"{n}\b", own) for n in numbers)
