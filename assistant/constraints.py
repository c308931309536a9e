"""What a question pins down — province, year or school year, document number and type — read
from the question, and what the indexed documents cover, read from their own headers and text
(the ingest state), never from a fixed list of places or numbers.

Search uses the constraints softly (a small lift for passages whose document matches); the
answer uses them strictly: a province, year or document the corpus does not cover is refused,
and only passages whose document fits the asked province may answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.coded_numbers import borne_numbers, unpadded
from assistant.document_facts import asked_fact
from assistant.named_documents import DocumentKey, document_keys, named_documents
from ingest.provinces import find_provinces
from ingest.text import fold_accents

_YEAR = re.compile(r"(?<![\d/])(19[5-9]\d|20\d\d)(?![\d/])")
_SCHOOL_YEAR = re.compile(r"(?<!\d)(20\d\d)\s*[-–/]\s*(20\d\d)(?!\d)")
_TYPES = {
    "ke hoach": "Kế hoạch", "plan": "Kế hoạch", "thong bao": "Thông báo", "notice": "Thông báo",
    "cong van": "Công văn", "letter": "Công văn", "quyet dinh": "Quyết định",
    "decision": "Quyết định", "nghi quyet": "Nghị quyết", "resolution": "Nghị quyết",
    "chi thi": "Chỉ thị", "directive": "Chỉ thị", "huong dan": "Hướng dẫn",
    "guidance": "Hướng dẫn", "thong tu": "Thông tư", "circular": "Thông tư",
    "nghi dinh": "Nghị định", "decree": "Nghị định", "bao cao": "Báo cáo", "report": "Báo cáo",
}  # fmt: skip
_TYPE_WORDS = "|".join(sorted(_TYPES, key=len, reverse=True))


def is_type_word(folded: str) -> bool:
    """'nghi quyet', 'plan': a word naming a kind of document."""
    return folded in _TYPES


# the short forms a teacher types for a type ('QĐ 1814', 'NQ 21/2025', 'TT 29/2024', 'KH 182'):
# a type only before a number — alone, 'tt', 'kh', 'nd' shorten other words (thông tin, khoa
# học, nội dung)
_TYPE_SHORT_FORMS = {
    "kh": "Kế hoạch", "tb": "Thông báo", "cv": "Công văn", "qd": "Quyết định", "nq": "Nghị quyết",
    "ct": "Chỉ thị", "hd": "Hướng dẫn", "tt": "Thông tư", "nd": "Nghị định",
}  # fmt: skip
_SHORT_TYPED_NUMBER = re.compile(rf"\b({'|'.join(_TYPE_SHORT_FORMS)})\s+(?:so\s+)?(\d{{1,5}})\b(?![.,]\d)")
_TYPED_NUMBER = re.compile(rf"\b(?:{_TYPE_WORDS})s?\s+(?:so\s+|no\.?\s*|number\s+)?(\d{{1,5}})\b(?![.,]\d)")
_CODED_NUMBER = re.compile(r"\b(\d{1,5})(?:-[a-z]{1,5})?/[a-z]{1,6}(?:-[a-z]{1,8})*\b")
_YEAR_CODED_NUMBER = re.compile(r"(?<![\d/])(\d{1,5})/(?:19|20)\d\d/[a-z]{2,6}\b")  # 53/2025/qd-ubnd
# 'tỉnh Xyz', 'thành phố Xyz', 'Xyz province': a place the built-in list may not know
_NAMED_PLACE = re.compile(
    r"\b(?:[Tt]ỉnh|[Tt]inh|[Tt]hành phố|[Tt]hanh pho|TP\.?)\s+((?:[A-ZĐ][\w]+\s?){1,3})"
    r"|((?:[A-ZĐ][\w]+\s){1,3})(?:province|city)\b"
)
_NOT_PLACE_WORDS = {"uy", "ban", "hoi", "so", "bo", "nhan", "dan", "ubnd", "hdnd"}


@dataclass(frozen=True)
class CorpusProfile:
    """What the indexed documents cover: their provinces, document numbers and types (headers),
    and the years and numbers their text mentions."""

    provinces: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()  # folded document numbers from headers: "281/kh-ubnd"
    mentioned_years: frozenset[str] = frozenset()
    mentioned_numbers: frozenset[str] = frozenset()
    acronyms: tuple[tuple[str, str], ...] = ()
    documents: tuple[DocumentKey, ...] = ()  # number, type, province, year of each document

    @classmethod
    def from_state(cls, state: dict) -> CorpusProfile:
        tokens = state.get("df", {}).keys()
        docs = [info.get("doc") or {} for info in state.get("files", {}).values()]
        provinces = set(state.get("provinces", [])) | {d["province"] for d in docs if d.get("province")}
        years = {y for t in tokens for y in _YEAR.findall(t)}
        numbers = {m.group(1) for t in tokens if (m := re.match(r"(\d{1,5})(?:[-/]|$)", t))}
        files = state.get("files", {})  # a page saved without its header bears its file name's number
        numbers |= borne_numbers(
            [(src, "") for src, info in files.items() if not (info.get("doc") or {}).get("number")]
        )
        return cls(
            provinces=tuple(sorted(provinces)),
            numbers=tuple(sorted(fold_accents(d["number"]) for d in docs if d.get("number"))),
            mentioned_years=frozenset(years),
            mentioned_numbers=frozenset(numbers),
            acronyms=tuple(sorted(state.get("acronyms", {}).items())),
            documents=document_keys(state),
        )

    def covers_province(self, province: str) -> bool:
        return not self.provinces or fold_accents(province) in {fold_accents(p) for p in self.provinces}

    def covers_year(self, year: str) -> bool:
        return not self.mentioned_years or year in self.mentioned_years

    def covers_number(self, number: str) -> bool:
        return (
            not self.mentioned_numbers
            or number in self.mentioned_numbers
            or any(unpadded(n.split("/")[0].split("-")[0]) == unpadded(number) for n in self.numbers)
        )


@dataclass
class Constraints:
    provinces: list[str] = field(default_factory=list)
    years: list[str] = field(default_factory=list)
    school_years: list[str] = field(default_factory=list)  # "2023-2024"
    doc_numbers: list[str] = field(default_factory=list)  # the number's digits: "281"
    doc_types: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # sources of the documents it names
    fact: str = ""  # what it asks about the document itself: signer, date, effective, basis …


def read_constraints(question: str, profile: CorpusProfile) -> Constraints:
    folded = fold_accents(question)
    school_years = [f"{a}-{b}" for a, b in _SCHOOL_YEAR.findall(folded) if int(b) - int(a) == 1]
    numbers = [m.group(1) for m in _CODED_NUMBER.finditer(folded)]
    numbers += [m.group(1) for m in _YEAR_CODED_NUMBER.finditer(folded)]
    numbers += [n for n in _TYPED_NUMBER.findall(folded) if not _YEAR.fullmatch(n)]
    short = [(form, n) for form, n in _SHORT_TYPED_NUMBER.findall(folded) if not _YEAR.fullmatch(n)]
    numbers += [n for _, n in short]
    types = [c for word, c in _TYPES.items() if re.search(rf"\b{word}\b", folded)]
    types = list(dict.fromkeys(types + [_TYPE_SHORT_FORMS[form] for form, _ in short]))
    numbers = list(dict.fromkeys(numbers))
    provinces, years = find_places(question, profile), sorted(set(_YEAR.findall(folded)))
    documents = named_documents(profile.documents, numbers, types, provinces, years)
    return Constraints(
        provinces=provinces,
        years=years,
        school_years=school_years,
        doc_numbers=numbers,
        doc_types=types,
        documents=documents,
        fact=asked_fact(question) if documents or not numbers else "",  # else a cited document's
    )


_CONSTRAINT_WORDS = re.compile(
    rf"(?:\b(?:nam hoc|school year|academic year|nam|year|in|by|for)\s+)?"
    rf"(?<!\d)20\d\d(?:\s*[-–/]\s*20\d\d)?(?!\d)(?:\s+(?:school|academic) year\b)?"
    rf"|\b(?:tinh|thanh pho|province|city)\b"
    rf"|\b(?:{_TYPE_WORDS})s?\s+(?:so\s+|no\.?\s*|number\s+)?\d{{1,5}}(?:[-/][\w-]+)?"
    rf"|\b(?:{'|'.join(_TYPE_SHORT_FORMS)})\s+(?:so\s+)?\d{{1,5}}(?:[-/][\w-]+)?"
    rf"|\b\d{{1,5}}(?:-[a-z]{{1,5}})?/[a-z]{{1,6}}(?:-[a-z]{{1,8}})*\b"
)


def without_constraints(folded_question: str) -> str:
    """The question with its year, school year, place words and document references blanked:
    what is left is what the passage itself must say."""
    return _CONSTRAINT_WORDS.sub(" ", folded_question)


# short names a question types for a place, in capitals as typed ('ở HN'); a document's own text
# names its province in full, so these are read in questions only
SHORT_PLACES = ((re.compile(r"\bHN\b"), "Hà Nội"),)


def find_places(question: str, profile: CorpusProfile) -> list[str]:
    """Provinces the question names: the corpus's own (from headers), the built-in list, and any
    capitalised name after 'tỉnh' / 'thành phố' (a place no list knows)."""
    folded = fold_accents(question)
    found: list[tuple[int, str]] = []
    for province in profile.provinces:
        words = fold_accents(province).replace("-", " ").split()
        if m := re.search(r"\b" + r"[\s\-.]*".join(map(re.escape, words)) + r"\b", folded):
            found.append((m.start(), province))
    found += [(m.start(), name) for pattern, name in SHORT_PLACES if (m := pattern.search(question))]
    names = {fold_accents(n) for _, n in found}
    for name in find_provinces(question):
        if fold_accents(name) not in names and (m := folded.find(fold_accents(name).split()[0])) >= 0:
            found.append((m, name))
            names.add(fold_accents(name))
    for m in _NAMED_PLACE.finditer(question):
        name = (m.group(1) or m.group(2)).strip()
        key = fold_accents(name)
        if not any(key in n or n in key for n in names) and key.split()[0] not in _NOT_PLACE_WORDS:
            found.append((m.start(), name))
            names.add(key)
    return [name for _, name in sorted(found)]
