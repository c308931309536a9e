"""Schools a question names ('Trường THPT Phan Huy Chú', 'truong Nguyen Tat Thanh', 'Trang An
primary school', 'the Hanoi-Amsterdam specialised high school'): a fee or a rule asked for one
school is answered only by an item that names it, in its text or in the rows and headings
above it (a fee table's row 'Khối 10 | 6.100.000' stands under its school's row). When none of
the best fitting passages names the school, their figures are other schools' figures.

A name is the capitalised words next to the word for school, level words aside; the words of
a place the question names (a province) are left out, as places are checked elsewhere."""

from __future__ import annotations

import re

from assistant.concept_held import shown
from assistant.query import QueryAnalysis
from assistant.search import Passage
from ingest.text import fold_accents, word_tokens

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# words between 'trường' and a Vietnamese school's name: its level and kind
_VI_BETWEEN = frozenset(
    "thpt thcs th mn tieu hoc trung co so pho thong mam non chuyen lien cap dan toc noi tru ban "
    "cong lap tu thuc ngoai gdtx pt ptdtnt ptdtbt thptcl chat luong cao quoc te".split()
)
# words between an English school's name and 'school': its level and kind
_EN_BETWEEN = frozenset(
    "specialised specialized primary secondary high lower upper junior senior middle public private "
    "gifted boarding ethnic international kindergarten preschool elementary vocational".split()
)
_YEAR = re.compile(r"(?:19|20)\d\d")  # a year or school year before 'school' names no school
NAME_DEPTH = 3  # the best fitting passages searched, as for the typed evidence


def named_schools(analysis: QueryAnalysis) -> list[str]:
    """The names (folded words) of the schools the question names, places left out."""
    words = _WORD.findall(analysis.question)
    names = _vietnamese_names(words) + _english_names(words)
    places = {w for p in analysis.provinces for w in word_tokens(p.replace("-", " "))}
    places |= {"".join(word_tokens(p)) for p in analysis.provinces}
    out = []
    for name in names:
        kept = [w for w in word_tokens(name.replace("-", " ")) if w not in places]
        if kept and not all(_YEAR.fullmatch(w) for w in kept):  # '2024-2025 school year': a year
            out.append(" ".join(kept))
    return list(dict.fromkeys(out))


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _vietnamese_names(words: list[str]) -> list[str]:
    """'Trường THPT Phan Huy Chú' -> 'Phan Huy Chú'."""
    out = []
    for i, word in enumerate(words):
        if fold_accents(word).lower() != "truong":
            continue
        j = i + 1
        while j < len(words) and fold_accents(words[j]).lower() in _VI_BETWEEN:
            j += 1
        name = []
        while j < len(words) and _capitalised(words[j]) and fold_accents(words[j]).lower() not in _VI_BETWEEN:
            name.append(words[j])
            j += 1
        if name:
            out.append(" ".join(name))
    return out


def _english_names(words: list[str]) -> list[str]:
    """'Trang An primary school' -> 'Trang An'."""
    out = []
    for i, word in enumerate(words):
        if word.lower() not in ("school", "schools"):
            continue
        j = i - 1
        while j >= 0 and words[j].lower() in _EN_BETWEEN:
            j -= 1
        name = []
        while j >= 0 and _capitalised(words[j]) and words[j].lower() not in _EN_BETWEEN:
            name.insert(0, words[j])
            j -= 1
        if name and j >= 0:  # a capitalised word opening the question is an interrogative, not a name
            out.append(" ".join(name))
    return out


def named_school_missing(analysis: QueryAnalysis, fitting: list[Passage]) -> bool:
    """The question names a school that none of the best fitting passages names (its text,
    headings, the rows above it), the words compared accents folded and run together."""
    names = named_schools(analysis)
    if not names:
        return False
    return named_school_missing_in(names, fitting[:NAME_DEPTH])


def names_all(names: list[str], passage: Passage) -> bool:
    """The passage names every one of the schools (folded words run together)."""
    text = "".join(word_tokens(" ".join(shown(passage))))
    return all(name.replace(" ", "") in text for name in names)


def named_first(analysis: QueryAnalysis, passages: list[Passage]) -> list[Passage]:
    """When none of the best passages names a school the question names (it would be refused
    as another school's figure), the passages that name every one of them first (each group in
    search order): a fee asked for one school is answered only by an item naming it, and one
    ranked below another school's or city's table would not be read at all. A 'name' of digits
    or of level words only ('2023-2024 school plans', 'upper secondary (THPT) schools') is none."""
    names = [n for n in named_schools(analysis) if set(n.split()) - _VI_BETWEEN - _EN_BETWEEN]
    names = [n for n in names if any(c.isalpha() for c in n)]
    if not names or not named_school_missing_in(names, passages[:NAME_DEPTH]):
        return passages
    naming = [p for p in passages if names_all(names, p)]
    return [*naming, *(p for p in passages if p not in naming)] if naming else passages


def named_school_missing_in(names: list[str], best: list[Passage]) -> bool:
    """Some named school is named by none of `best`."""
    return any(not any(names_all([name], p) for p in best) for name in names)
