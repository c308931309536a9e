"""Is an asked concept in a text? Folded, or one OCR slip away ('bu6i' holds 'buổi'), and spelled
with the question's diacritics when the question and the text both carry them ('bơi' is not
'bồi'; a tone mark counts wherever either convention puts it, 'hoá' / 'hóa'). An OCR passage is
read in its restored reading too (diacritics and misread letters restored at ingest)."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.compounds import holds_spelled, is_compound, spelling, syllable_key
from assistant.deputy_titles import holds_phrase
from assistant.query import Concept, QueryAnalysis
from assistant.search import Passage, ocr_match
from assistant.sentences import split_sentences
from ingest.text import fold_accents, has_diacritics, word_tokens

_ACCENTED = re.compile(r"\w+")
_DIGIT_VOWELS = {"0": "o", "1": "i", "4": "a", "6": "o"}
_DIGIT_IN_WORD = re.compile(r"(?<=[^\W\d_])[0146](?=[^\W\d_])")


@lru_cache(maxsize=4096)
def _accented_tokens(text: str) -> frozenset[str]:
    return frozenset(syllable_key(t) for t in _ACCENTED.findall(text))


def _accented_forms(question: str, name: str) -> list[str]:
    """The question's own spelling of a folded concept word ('boi' -> ['bơi'])."""
    return [syllable_key(t) for t in _ACCENTED.findall(question) if fold_accents(t) == name]


def holds(analysis: QueryAnalysis, concept: Concept | None, text: str, ocr: bool = False) -> bool:
    """The concept is in the text: folded (or one OCR slip away), and spelled with the same
    diacritics when question and text both carry them."""
    if concept is None:
        return True
    read = ocr_letters(text) if ocr else text
    tokens = word_tokens(read)
    folded = " " + " ".join(tokens) + " "
    phrases = [p for p in (" ".join(word_tokens(p)) for p in concept.phrases) if p]
    asked = analysis.question
    held = (holds_phrase(p, tokens, read, folded, asked) or (ocr and ocr_match(p, tokens)) for p in phrases)
    if not any(held):
        return False  # a phrase written only in a deputy's title ('phó hiệu trưởng') is not held
    forms = _accented_forms(analysis.question, concept.name) if analysis.language == "vi" else []
    if ocr or not has_diacritics(analysis.question) or not has_diacritics(text):
        return True
    if is_compound(concept) and analysis.language == "vi":
        return holds_spelled(spelling(analysis.question, concept.name), text)
    return not forms or any(f in _accented_tokens(text) for f in forms)


def ocr_letters(text: str) -> str:
    """An OCR text with the digits read inside a word put back as the vowels they stand for
    ('bu6i' -> 'buoi', 'gi4o' -> 'giao', 'D0ng' -> 'Dong')."""
    return _DIGIT_IN_WORD.sub(lambda m: _DIGIT_VOWELS[m.group()], text)


def is_ocr(passage: Passage) -> bool:
    return bool(passage.payload.get("display_text"))


def holds_read(analysis: QueryAnalysis, concept: Concept | None, text: str, restored: str) -> bool:
    """`holds` on a clean text; on an OCR text, on its restored reading with diacritics checked
    (the OCR letters alone match folded words by chance: 'phi hop' for 'phối hợp'), the OCR
    letters counting only for a question typed without diacritics."""
    if not restored:
        return holds(analysis, concept, text)
    if holds(analysis, concept, restored):
        return True
    return not has_diacritics(analysis.question) and holds(analysis, concept, text, ocr=True)


def restored_text(passage: Passage) -> str:
    return passage.payload.get("display_text") or ""


def readable(passage: Passage) -> list[str]:
    """The passage's text as indexed, and its restored reading when it is an OCR text."""
    return [passage.index_text, *([passage.payload["display_text"]] if is_ocr(passage) else [])]


def restored_readings(passage: Passage, n: int) -> list[str]:
    """For an OCR passage, each sentence's restored reading (diacritics and misread letters
    restored at ingest) when the restored text splits into as many sentences, else the whole
    restored text beside each; '' for a clean passage."""
    restored = passage.payload.get("display_text") or ""
    if not restored:
        return [""] * n
    pieces = split_sentences(restored)
    return pieces if len(pieces) == n else [restored] * n


def shown(passage: Passage) -> list[str]:
    """Everything a passage shows: its text (with a table row's column names), headings and, for
    an OCR text, its restored reading."""
    payload = passage.payload
    headings = [passage.section_title or "", payload.get("heading_path") or ""]
    return [passage.text, *headings, payload.get("display_text") or ""]


def shown_with_title(passage: Passage) -> list[str]:
    """What a passage shows (`shown`) and its document's title: everywhere a term or a scope the
    question narrows by may stand written."""
    return [*shown(passage), (passage.doc or {}).get("title") or ""]
