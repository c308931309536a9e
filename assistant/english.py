"""English questions: their phrases rendered in Vietnamese (longest match first, the seed
glossary winning over the general lexicon), the words nothing could render kept as weak concepts,
and how much of the question was rendered (`translated_share`)."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.concept import Concept
from ingest.text import STOPWORDS, fold_accents

UNTRANSLATED_WEIGHT = 0.5


@lru_cache(maxsize=1)
def glossary() -> dict:
    return json.loads((Path(__file__).with_name("glossary.json")).read_text(encoding="utf-8"))


@dataclass
class EnglishReading:
    """What an English question says in Vietnamese, and the rarity-weighted share rendered."""

    concepts: list[Concept]
    translated_share: float


@lru_cache(maxsize=1)
def _phrase_table() -> dict[str, list[str]]:
    """English phrase -> Vietnamese renderings."""
    return dict(glossary()["english"])


@lru_cache(maxsize=1)
def _word_spread() -> dict[str, int]:
    """How many phrases of the table each English word appears in: a word in many is common."""
    spread: dict[str, int] = {}
    for phrase in _phrase_table():
        for word in set(phrase.split()):
            spread[word] = spread.get(word, 0) + 1
    return spread


def rarity(word: str) -> float:
    """1.0 for a word no table phrase uses (a specific term), less for a word many phrases use."""
    return 1.0 / (1.0 + math.log1p(_word_spread().get(word, 0)))


def _is_content(word: str) -> bool:
    filler = glossary()["english_filler"]
    return word.isalpha() and len(word) > 2 and word not in STOPWORDS and word not in filler


def read_english(question: str, table: dict[str, str], use_glossary: bool = True) -> EnglishReading:
    """English phrases found in the table (longest first), each a concept of Vietnamese terms."""
    text = " " + re.sub(r"[^a-z0-9' ]", " ", question.lower()) + " "
    content = [w for w in text.split() if _is_content(w)]
    concepts: list[Concept] = []
    phrases = _phrase_table() if use_glossary else {}
    for phrase in sorted(phrases, key=len, reverse=True):
        for variant in (phrase, phrase + "s", phrase + "es"):
            if f" {variant} " in text:
                text = text.replace(f" {variant} ", " | ")
                terms = [fold_accents(t) for t in phrases[phrase]]
                concepts.append(Concept(phrase, terms + [table.get(t, t) for t in terms]))
                break
    left = [w for w in text.split() if _is_content(w)]
    for word in left:
        # an English word nothing could render: evidence the documents may lack
        concepts.append(Concept(word, [word], weight=UNTRANSLATED_WEIGHT))
    return EnglishReading(concepts, _share(content, left))


def _share(content: list[str], untranslated: list[str]) -> float:
    total = sum(rarity(w) for w in content)
    if total == 0:
        return 1.0
    return max(0.0, 1.0 - sum(rarity(w) for w in untranslated) / total)
