"""English questions: their phrases rendered in Vietnamese (longest match first, the seed
glossary winning over the general lexicon), names and document numbers passed through, the words
nothing could render kept as weak concepts, and how much of the question was rendered
(`translated_share`)."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.concept import Concept
from assistant.lexicon import english_key, english_stem, lexicon
from assistant.question_frames import frame_concept, frames_in
from ingest.text import STOPWORDS, fold_accents, has_diacritics, word_tokens

UNTRANSLATED_WEIGHT = 0.5
FILLER_WEIGHT = 0.5  # a common word with its own lexicon line ('end' => 'kết thúc'): a weak concept
NAME_WORDS = 4  # a rendering this long is a body's name, searched by its acronym too
# a document number, a date or a code ('53/2025/QĐ-UBND', '20.000'); or a word
_WORD = re.compile(r"[^\W\d_]+")
_BRACKETED = re.compile(r"\(([^)]*)\)")
OWN_TERM_RUN = 2  # words in a row with diacritics that make a term outside brackets (a name has one)
_TOKEN = re.compile(r"\d+(?:[.,/-][\w]+)*(?:/[\w]+(?:-[\w]+)*)?|[^\W\d_]+(?:['’][a-z]+)?")
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$"
)


_ENGLISH_HINTS = frozenset(
    "what which who when where how is are the of for to in by does do did should must target targets "
    "school schools rate plan deadline".split()
)
_VIETNAMESE_WORDS = frozenset("la gi nao cua cho nhung duoc nam cac ai bao nhieu khi".split())


@lru_cache(maxsize=1)
def glossary() -> dict:
    return json.loads((Path(__file__).with_name("glossary.json")).read_text(encoding="utf-8"))


@dataclass
class EnglishReading:
    """What an English question says in Vietnamese, and the rarity-weighted share rendered;
    `rendering` is the question as Vietnamese words with their diacritics (each phrase's first
    rendering, names and numbers as written, unrendered content words kept in English), for a
    model that reads Vietnamese."""

    concepts: list[Concept]
    translated_share: float
    rendering: str = ""


@lru_cache(maxsize=1)
def _spread() -> dict[str, int]:
    return lexicon().words_spread()


def rarity(word: str) -> float:
    """1.0 for a word no lexicon phrase uses (a specific term), less for a word many use."""
    return 1.0 / (1.0 + math.log1p(_spread().get(english_stem(word), 0)))


def _is_content(word: str) -> bool:
    low = word.lower()
    return len(low) > 2 and low not in STOPWORDS and english_stem(low) not in lexicon().filler


def vietnamese_name(word: str) -> str | None:
    """A capitalised word written as Vietnamese syllables, run together or not: 'Hanoi' ->
    'ha noi', 'Danang' -> 'da nang', 'Nguyen' -> 'nguyen'; None for an English word."""
    if not word[:1].isupper() or (word.isupper() and len(word) > 1) or word.lower() in STOPWORDS:
        return None
    folded = fold_accents(re.sub(r"['’]s?$", "", word))
    if _SYLLABLE.match(folded):
        return folded
    for cut in range(2, len(folded) - 1):  # a syllable after the cut starts on a consonant
        left, right = folded[:cut], folded[cut:]
        if _SYLLABLE.match(left) and _SYLLABLE.match(right) and right[0] not in "aeiouy":
            return f"{left} {right}"
    return None


def vietnamese_numbers(text: str) -> str:
    """English number notation as the documents write it: '20,000' -> '20.000' (thousands),
    '98.5%' -> '98,5%' (a decimal before a percent sign); other numbers stay as they are."""
    text = re.sub(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])", lambda m: m.group().replace(",", "."), text)
    return re.sub(r"(?<![\d.,])(\d+)\.(\d+)(?=\s*%)", r"\1,\2", text)


def detect_language(question: str) -> str:
    """English when its words are English; Vietnamese typed without diacritics is still Vietnamese.

    A word that cannot be a Vietnamese syllable ('schools', 'deadline') is English evidence.
    Acronyms and codes (UBND, QĐ) say nothing; a few marked words are names in an English
    sentence ('Who signed Cao Bằng's decision?'), most marked words make it Vietnamese.
    """
    words = [w for w in _TOKEN.findall(question) if not w[0].isdigit() and not (w.isupper() and len(w) > 1)]
    marked = [w for w in words if fold_accents(w) != w.lower()]
    words = [w.lower() for w in words if w not in marked]
    if not words or len(marked) >= 0.6 * (len(marked) + len(words)):
        return "vi"
    english = sum(w in _ENGLISH_HINTS or w in glossary()["english"] or not _SYLLABLE.match(w) for w in words)
    vietnamese = sum(w in _VIETNAMESE_WORDS for w in words)
    needed = 0.5 if marked else 0.3  # beside marked words, English words must be most of the rest
    return "en" if english > vietnamese and english / len(words) >= needed else "vi"


def written_terms(question: str) -> list[str]:
    """The Vietnamese terms an English question writes itself, as written: a bracketed phrase
    with diacritics ('support staff (nhân viên)'), or OWN_TERM_RUN and more words in a row with
    diacritics."""
    terms = [m.group(1).strip() for m in _BRACKETED.finditer(question) if has_diacritics(m.group(1))]
    run: list[str] = []
    for word in [*_WORD.findall(_BRACKETED.sub(" . ", question)), ""]:
        if word and has_diacritics(word):
            run.append(word)
            continue
        if len(run) >= OWN_TERM_RUN:
            terms.append(" ".join(run))
        run = []
    return terms


def read_english(question: str, table: dict[str, str], use_lexicon: bool = True) -> EnglishReading:
    """The Vietnamese terms the question writes itself, each one concept of its words in a row;
    then longest lexicon phrases left to right, each a concept of Vietnamese terms; acronyms,
    Vietnamese names and document numbers as they are; other words as weak concepts."""
    own = [t for t in written_terms(question) if " " in t.strip()]  # a lone word: a name, read below
    for term in own:
        question = question.replace(term, " ")
    tokens = [t for t in _TOKEN.findall(question) if t.lower() not in {"the", "a", "an"}]
    concepts = [Concept(folded, [folded]) for t in own if (folded := " ".join(word_tokens(fold_accents(t))))]
    translated: list[str] = [w for t in own for w in t.split()]
    untranslated: list[str] = []
    surface: list[str] = list(own)
    i = 0
    while i < len(tokens):
        span, concept, written = _concept_at(tokens, i, table, use_lexicon)
        words = [t for t in tokens[i : i + span] if _is_content(t) and not t[0].isdigit()]
        if concept is None:
            untranslated += words
            surface += words
            if words:
                concepts.append(Concept(tokens[i].lower(), [tokens[i].lower()], weight=UNTRANSLATED_WEIGHT))
        else:
            translated += words
            surface.append(written)
            concepts.append(concept)
        i += span
    frames = frames_in(question) if use_lexicon else []  # the kind of item asked, by the question's form
    concepts += [frame_concept(frame) for frame in frames]
    surface += [frame.renderings[0] for frame in frames]
    return EnglishReading(concepts, _share(translated, untranslated), " ".join(surface))


def _concept_at(
    tokens: list[str], i: int, table: dict[str, str], use_lexicon: bool
) -> tuple[int, Concept | None, str]:
    """The concept starting at token i, how many tokens it spans, and its Vietnamese as written."""
    token = tokens[i]
    if token[0].isdigit():
        return 1, Concept(fold_accents(token), [fold_accents(token)]), token
    if use_lexicon:
        for span in range(min(lexicon().longest, len(tokens) - i), 0, -1):
            words = tokens[i : i + span]
            if any(w[0].isdigit() for w in words):
                continue
            phrase = " ".join(words)
            if len(english_key(phrase)) == span and (renderings := lexicon().lookup(phrase)):
                folded = list(dict.fromkeys(fold_accents(r) for r in renderings))
                expanded = folded + [table[f] for f in folded if f in table] + short_forms(folded, table)
                return span, Concept(phrase.lower(), list(dict.fromkeys(expanded))), renderings[0]
        if renderings := _filler_renderings(tokens, i):
            folded = list(dict.fromkeys(fold_accents(r) for r in renderings))
            return 1, Concept(token.lower(), folded, weight=FILLER_WEIGHT), renderings[0]
    folded = fold_accents(token)
    if folded in table:  # an acronym: UBND, GDTX
        return 1, Concept(folded, [folded, table[folded]]), token
    if (i > 0 or fold_accents(token) != token.lower()) and (name := vietnamese_name(token)):
        names = [name]  # a person's or a place's name: its syllables together
        while i + len(names) < len(tokens) and (more := vietnamese_name(tokens[i + len(names)])):
            names.append(more)
        return len(names), Concept(" ".join(names), [" ".join(names)]), " ".join(tokens[i : i + len(names)])
    return 1, None, ""


def _filler_renderings(tokens: list[str], i: int) -> tuple[str, ...]:
    """The lexicon's own line for a word the lookup passes over as filler, where the word closes
    its clause ('… must the semester end in …', '… end?'): a predicate standing alone says what
    is asked of its subject, so its rendering ('kết thúc') tells which sentence answers. Before a
    word it governs ('implementing the plan', 'the old curriculum') it says little; stopwords
    stay out, and so do one-syllable renderings ('phải', 'sau', 'mới'), as common in the
    documents as the word is in questions."""
    token = tokens[i]
    closes = i + 1 == len(tokens) or tokens[i + 1].lower() in STOPWORDS
    if token.lower() in STOPWORDS or not closes:
        return ()
    renderings = lexicon().renderings.get(english_key(token), ())
    return tuple(r for r in renderings if len(r.split()) > 1)


def short_forms(renderings: list[str], table: dict[str, str]) -> list[str]:
    """The acronyms whose long form is one of the renderings: a document names a body in full
    once ('Bộ Văn hóa, Thể thao và Du lịch (VHTTDL)') and by its acronym after, as a Vietnamese
    question's long form is searched with its acronym too. Only names of four words or more:
    a two-word term's acronym ('KH', 'HS') also stands in every document number and code."""
    wanted = {r for r in renderings if len(r.split()) >= NAME_WORDS}
    return [short for short, long in table.items() if wanted and " ".join(word_tokens(long)) in wanted]


def _share(translated: list[str], untranslated: list[str]) -> float:
    total = sum(rarity(w) for w in translated + untranslated)
    return 1.0 if total == 0 else sum(rarity(w) for w in translated) / total
