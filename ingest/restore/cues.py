"""What an OCR word or its neighbours show about the reading: marks printed, a mark hinted by a
stray capital or apostrophe, a percent sign spaced off its number."""

from __future__ import annotations

from ingest.restore.syllables import SYLLABLE_SHAPE, Token, fold, is_upper_word


def is_marked_syllable(word: str) -> bool:
    return fold(word) != word and bool(SYLLABLE_SHAPE.match(fold(word)))


def has_mark_hint(observed: str) -> bool:
    inner_capital = any(ch.isupper() for ch in observed[1:]) and not is_upper_word(observed)
    return inner_capital or any(ch in observed for ch in "'‘’`")


def percent_follows(tokens: list[Token], i: int) -> bool:
    """A number whose next non-space token is a lone percent sign."""
    rest = (t for t in tokens[i + 1 : i + 3] if t.kind != "space")
    return next((t.text.startswith("%") for t in rest), False)
