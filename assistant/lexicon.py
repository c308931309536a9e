"""The English -> Vietnamese lexicon of administrative and education directives.

How it was made: `python -m eval.lexicon_terms` lists the Vietnamese words and 2-4-word phrases
that the most documents use (document frequency over the development corpus — its directives,
268 administrative documents on every subject, the long documents, the ALQAC law articles — and
the seed documents; never the benchmark questions). An English rendering was written by hand for
each frequent content phrase, grouped by theme in `lexicon.txt`, one line a concept:
`english | other english => tiếng việt | cách nói khác`. Every English alternative maps to all
of its line's Vietnamese renderings; a phrase on several lines gets them all. The seed glossary
(`glossary.json`) is merged in and wins a clash.

English inflection is handled here rather than by listing forms: both the lexicon and the
question are compared stem to stem (`english_stem`: plurals, -ed, -ing, possessive 's and a few
irregular forms), so 'fees', 'signed', 'taking effect', 'children' find 'fee', 'sign',
'take effect', 'child'.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.text import STOPWORDS

_IRREGULAR = {
    "children": "child", "people": "person", "men": "man", "women": "woman", "paid": "pay",
    "took": "take", "taken": "take", "made": "make", "given": "give", "gave": "give",
    "held": "hold", "led": "lead", "sent": "send", "spent": "spend", "built": "build",
    "bought": "buy", "sold": "sell", "chosen": "choose", "chose": "choose", "written": "write",
    "wrote": "write", "began": "begin", "begun": "begin", "kept": "keep", "met": "meet",
    "set": "set", "put": "put", "cost": "cost", "hit": "hit", "lower": "lower", "fed": "feed",
    "taught": "teach", "learnt": "learn", "dealt": "deal", "meant": "mean", "went": "go",
    "data": "data", "criteria": "criterion", "curricula": "curriculum", "bases": "basis",
    "analyses": "analysis", "indices": "index", "news": "news", "series": "series",
    "second": "2nd",  # the ordinal, not the root of "seconded" (biệt phái)
    "car": "automobile", "cars": "automobile",  # not the stem of "care"
}  # fmt: skip
_KEEP_S = ("ss", "us", "is", "ous", "ics")
_ARTICLES = frozenset({"the", "a", "an"})


@lru_cache(maxsize=16384)
def english_stem(word: str) -> str:
    """One form for a word's inflections: 'fees' 'fee' -> 'fe', 'signed' 'signing' -> 'sign'."""
    word = word.lower().replace("’", "'")
    word = re.sub(r"'s?$", "", word)
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 4 and re.search(r"(ss|x|z|ch|sh)es$", word):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(_KEEP_S):
        word = word[:-1]
    elif len(word) > 4 and word.endswith("ied"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith("ed") and re.search(r"[aeiouy]", word[:-2]):
        word = _undouble(word[:-2])
    elif len(word) > 5 and word.endswith("ing") and re.search(r"[aeiouy]", word[:-3]):
        word = _undouble(word[:-3])
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


def _undouble(stem: str) -> str:
    """'admitt' -> 'admit', 'plann' -> 'plan'; 'staff', 'enroll', 'pass' keep their pair."""
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        return stem[:-1]
    return stem


def _words(phrase: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:['’][a-z0-9]+)*", phrase.lower())  # a hyphen parts words


def english_key(phrase: str) -> tuple[str, ...]:
    """The stems of a phrase's words, articles left out: the key the lexicon is looked up by."""
    return tuple(english_stem(w) for w in _words(phrase) if w not in _ARTICLES)


def _singulars(word: str) -> tuple[str, ...]:
    """The word as written, then without a plural ending: 'classes' -> 'classe', 'class'."""
    forms = [word]
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
        if word.endswith("es"):
            forms.append(word[:-2])
    return tuple(forms)


@dataclass(frozen=True)
class Lexicon:
    """The seed glossary by exact phrase (its singular or plural), then the general lexicon by
    stems; and the words that never make a concept alone."""

    glossary: dict[tuple[str, ...], tuple[str, ...]]
    renderings: dict[tuple[str, ...], tuple[str, ...]]
    filler: frozenset[str]
    longest: int

    def lookup(self, phrase: str) -> tuple[str, ...]:
        """The Vietnamese renderings of an English phrase, or () when it is none of ours."""
        words = tuple(w for w in _words(phrase) if w not in _ARTICLES)
        if not words:
            return ()
        for last in _singulars(words[-1]):
            if found := self.glossary.get((*words[:-1], last)):
                return found
        key = tuple(english_stem(w) for w in words)
        if len(key) == 1 and (key[0] in self.filler or words[0] in STOPWORDS):
            return ()  # a function word or a word every question has: never a concept alone
        return self.renderings.get(key, ())

    def words_spread(self) -> dict[str, int]:
        """How many phrases each stem appears in: a stem in many phrases is a common word."""
        spread: dict[str, int] = {}
        for key in [*self.renderings, *self.glossary]:
            for stem in {english_stem(w) for w in key}:
                spread[stem] = spread.get(stem, 0) + 1
        return spread


def parse_lines(lines: list[str]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """`english | english => việt | việt` lines (comments after #) -> key -> renderings."""
    table: dict[tuple[str, ...], list[str]] = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if "=>" not in line:
            continue
        english, vietnamese = line.split("=>", 1)
        renderings = [v.strip() for v in vietnamese.split("|") if v.strip()]
        for alternative in english.split("|"):
            if key := english_key(alternative):
                known = table.setdefault(key, [])
                known += [r for r in renderings if r not in known]
    return {key: tuple(values) for key, values in table.items()}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The general lexicon and the seed glossary, the glossary winning a clash."""
    here = Path(__file__).parent
    table = parse_lines((here / "lexicon.txt").read_text(encoding="utf-8").splitlines())
    glossary = json.loads((here / "glossary.json").read_text(encoding="utf-8"))
    exact = {tuple(_words(english)): tuple(vi) for english, vi in glossary["english"].items()}
    filler = frozenset(english_stem(w) for w in glossary["english_filler"])
    return Lexicon(exact, table, filler, max(len(k) for k in [*table, *exact]))
