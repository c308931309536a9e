"""Compound words: Vietnamese writes a word as several syllables ('học phí', 'phụ cấp', 'giáo
viên'), and a passage holds the word only where its syllables stand together, in that order —
'phí' in one sentence and 'học' in another is not 'học phí'.

A question's compounds are found in a Vietnamese word list (the one the pinned `pyvi` segmenter
ships, `models/words.txt`): spelled with diacritics when the question has them, folded when it
was typed without, so both find the same words. Only runs of the question's own content
syllables are joined: a function word never becomes part of an asked concept.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from assistant.concept import Concept
from ingest.text import has_diacritics, word_tokens

MAX_SYLLABLES = 4  # longer dictionary entries are idioms, not the terms a question asks about
_SYLLABLE = re.compile(r"[^\W_]+")  # syllables and numbers: a number between two syllables parts them
_Y_TO_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook, dot below


def word_list_path() -> Path | None:
    """The word list shipped with the pinned segmenter, or None when it is not installed."""
    spec = find_spec("pyvi")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "models" / "words.txt"
    return path if path.exists() else None


def syllable_key(syllable: str) -> str:
    """A syllable as spelled, lower-case, 'y' written 'i' ('Tỷ' -> 'tỉ'), its tone mark wherever
    either spelling convention puts it ('hoá' and 'hóa', 'uỷ' and 'ủy' are one syllable)."""
    marks = unicodedata.normalize("NFD", syllable.lower())
    tone = "".join(c for c in marks if c in _TONE_MARKS)
    base = unicodedata.normalize("NFC", "".join(c for c in marks if c not in _TONE_MARKS))
    return base.translate(_Y_TO_I) + tone


def _folded(syllable: str) -> str:
    return " ".join(word_tokens(syllable))


@lru_cache(maxsize=1)
def lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """The multi-syllable words, as spelled ('học phí') and folded ('hoc phi')."""
    path = word_list_path()
    if path is None:
        return frozenset(), frozenset()
    spelled, folded = set(), set()
    for line in path.read_text(encoding="utf-8").splitlines():
        syllables = _SYLLABLE.findall(line)
        if 2 <= len(syllables) <= MAX_SYLLABLES and all(s.isalpha() for s in syllables):
            spelled.add(" ".join(syllable_key(s) for s in syllables))
            folded.add(" ".join(_folded(s) for s in syllables))
    return frozenset(spelled), frozenset(folded)


def compound_spans(keys: list[str], content: list[bool], words: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of the compounds among the syllables `keys`, over content syllables only.
    A word inside a longer one gives way to it ('trung học' inside 'trung học phổ thông'); two
    words that overlap ('hoc phi' and 'phi truong' in 'hoc phi truong') are both left out:
    which one is meant cannot be told."""
    found = [
        (i, i + size)
        for i in range(len(keys))
        for size in range(2, MAX_SYLLABLES + 1)
        if i + size <= len(keys) and all(content[i : i + size]) and " ".join(keys[i : i + size]) in words
    ]
    widest = [s for s in found if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in found)]
    return [s for s in widest if not any(o != s and o[0] < s[1] and s[0] < o[1] for o in widest)]


def question_compounds(question: str, content: set[str]) -> list[str]:
    """The folded compounds of a question whose syllables are all in `content` (its content
    words), looked up with their diacritics when the question has them, folded when not."""
    syllables = _SYLLABLE.findall(question)
    folded = [_folded(s) for s in syllables]
    spelled_words, folded_words = lexicon()
    if has_diacritics(question):
        keys, words = [syllable_key(s) for s in syllables], spelled_words
    else:
        keys, words = folded, folded_words
    spans = compound_spans(keys, [f in content and f.isalpha() for f in folded], words)
    return [" ".join(folded[a:b]) for a, b in spans]


def join_compounds(concepts: list[Concept], question: str) -> list[Concept]:
    """The question's concepts with the syllables of each compound joined into one concept
    ('hoc', 'phi' -> 'hoc phi'); concepts that are not single syllables (an acronym with its
    long form, a year) stay as they are."""
    single = {c.name: c for c in concepts if c.phrases == [c.name] and c.name.isalpha()}
    joined: dict[str, Concept] = {}
    for compound in question_compounds(question, set(single)):
        parts = [single[p] for p in compound.split()]
        weight = max(p.weight for p in parts)
        joined.setdefault(compound, Concept(compound, [compound], weight, any(p.constraint for p in parts)))
    used = {p for name in joined for p in name.split()}
    return [*joined.values(), *(c for c in concepts if c.name not in used)]


def is_compound(concept: Concept | None) -> bool:
    return concept is not None and " " in concept.name and concept.phrases == [concept.name]


def rarity(concept: Concept, phrase: str, idf: dict[str, float]) -> float:
    """How rare a concept is: the idf of the word the question asks it with; a compound's
    estimated as if its syllables stood together by chance (the sum of theirs): 'phụ cấp' is
    far rarer than 'phụ' or 'cấp' alone."""
    words = phrase.split() if is_compound(concept) else phrase.split()[:1]
    return sum(idf.get(w, 3.0) for w in words)


def spelling(question: str, compound: str) -> tuple[str, ...]:
    """The question's own spelling of a folded compound ('hoc phi' -> ('học', 'phí')), or ()
    when the question does not have it."""
    syllables = _SYLLABLE.findall(question)
    size = len(compound.split())
    for i in range(len(syllables) - size + 1):
        run = syllables[i : i + size]
        if " ".join(_folded(s) for s in run) == compound:
            return tuple(syllable_key(s) for s in run)
    return ()


@lru_cache(maxsize=4096)
def _spelled_text(text: str) -> str:
    return " " + " ".join(syllable_key(s) for s in _SYLLABLE.findall(text)) + " "


def holds_spelled(spelled: tuple[str, ...], text: str) -> bool:
    """The syllables, with their diacritics, stand together in the text in that order."""
    return not spelled or f" {' '.join(spelled)} " in _spelled_text(text)


def split_in(concept: Concept | None, text: str) -> bool:
    """Every syllable of the compound is in the text, but never together: the passage has the
    syllables of the asked word, not the word ('phí' … 'học' for 'học phí')."""
    if not is_compound(concept):
        return False
    tokens = word_tokens(text)
    return set(concept.name.split()) <= set(tokens) and f" {concept.name} " not in f" {' '.join(tokens)} "
