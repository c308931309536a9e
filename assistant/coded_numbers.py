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


# the fitting passages searched for a cited number: every one the decision may quote
CITED_DEPTH = 5


def cites_number(text: str, number: str) -> bool:
    """The text writes the document number ('121/2025/NĐ-CP', '3771/QĐ-UBND', 'số 60'), leading
    zeros aside; a number standing as a count ('121 học sinh') is not a document's."""
    digits = unpadded(number)
    written = rf"(?<![\d.,])0*{digits}(?:/|-[a-z]{{1,5}}/)|\bso\s+0*{digits}\b"
    return bool(re.search(written, fold_accents(text)))


# a document-type abbreviation a file name may put before the number: 'CV6386.pdf', 'qd1814'
_FILE_TYPED = re.compile(r"(?:cv|qd|kh|tt|nq|nd|tb|ct|cd|hd|bc|ttr|vbhn|ttlt)0*(\d{1,6})")
_FILE_LEADING = re.compile(r"0*(\d{1,6})")


def leading_file_number(source: str) -> str:
    """The number a file name opens with, as a document saved under its own number and code is
    named ('6278_BVHTTDL-VP__….txt', '6386 - Cong van.pdf'); '' otherwise. A number inside a
    descriptive name ('…-kh-thuchien-kh281-…': a plan carrying out plan 281) may be another
    document's, so it names none."""
    name = fold_accents(source.replace("\\", "/").rsplit("/", 1)[-1]).lower()
    first = re.split(r"[^a-z0-9]+", name)[0]
    return m.group(1) if (m := _FILE_LEADING.fullmatch(first)) else ""


def file_number(source: str) -> str:
    """The document number a file name carries, digits without leading zeros: the digits that
    open it ('17809_BTC-CTK__….txt', '6386 - Cong van.pdf') or that follow a type abbreviation
    in one of its words ('CV6386.pdf', 'bvhttdl-cv6386-2025.txt'); '' when it carries none.
    Only whole words of the name are read, so a hash after the name ('__2d737276…') is not."""
    if leading := leading_file_number(source):
        return leading
    name = fold_accents(source.replace("\\", "/").rsplit("/", 1)[-1]).lower()
    words = [w for w in re.split(r"[^a-z0-9]+", name.rsplit(".", 1)[0]) if w]
    typed = [m.group(1) for w in words if (m := _FILE_TYPED.fullmatch(w))]
    return typed[0] if len(typed) == 1 else ""


def borne_numbers(headed: list[tuple[str, str]]) -> set[str]:
    """The numbers the indexed documents bear, from (source, header number digits) pairs: the
    header's, or where the header gives none (a page saved without it), the file name's."""
    return {number or file_number(source) for source, number in headed} - {""}


def unnamed_cited(numbers: list[str], indexed: set[str], texts: list[str]) -> list[str]:
    """The document numbers a question cites that no indexed document bears and that no best
    passage writes: the document asked about is neither held nor cited where the answer would
    be. (The whole corpus is not asked: a decree 121/2025 cited somewhere does not make a
    resolution 121/2025 of the asked province one the documents speak of.)"""
    borne = {unpadded(i) for i in indexed}  # '01814/QĐ-UBND' is decision 1814
    return [n for n in numbers if unpadded(n) not in borne and not any(cites_number(t, n) for t in texts)]


def unpadded(number: str) -> str:
    """A document number's digits without leading zeros ('01814' -> '1814', '0' stays)."""
    return number.lstrip("0") or "0"
