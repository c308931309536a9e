"""The token stream restoration works on: words it may restore, and everything it must not touch.

A text is cut into tokens that, joined, give the text back exactly. Only `word` tokens are ever
replaced; numbers, dates, document codes, acronyms, spaces and punctuation pass through as they
are, so restoration can never change a digit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_MARKLESS = str.maketrans({"đ": "d", "Đ": "d"})
# What OCR puts where a letter stood: 6/0 for o/ô/ơ, & for đ, | for l/I, quotes for tone marks.
_OCR_SKELETON = str.maketrans(
    {"6": "o", "0": "o", "&": "d", "|": "l", "'": "", "‘": "", "’": "", "*": "", ".": "", "`": ""}
)
_ROMAN = re.compile(r"^[IVXLC]+$")
SYLLABLE_SHAPE = re.compile(
    r"^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$"
)
_PIECE = re.compile(r"\s+|\S+")
_EDGE_PUNCT = '"“”,;:!?()[]{}…«»<>'
_DIGIT_AS_LETTER = re.compile(r"^[^\W\d_]+[60][^\W\d_]*$|^[60][^\W\d_]+$")


@dataclass(frozen=True)
class Token:
    text: str
    kind: str  # "word" (may be restored), "number", "code", "space", "punct"

    @property
    def skeleton(self) -> str:
        """Lower case, no marks, OCR stand-ins mapped back to letters: 'ph6' -> 'pho'."""
        return fold(self.text.translate(_OCR_SKELETON))


def fold(text: str) -> str:
    """Lower case without diacritics, đ as d: 'Đồng' -> 'dong'."""
    decomposed = unicodedata.normalize("NFD", text.lower().translate(_MARKLESS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_upper_word(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _core_kind(core: str) -> str:
    if not any(ch.isalpha() for ch in core):
        return "number" if any(ch.isdigit() for ch in core) else "punct"
    if "/" in core or "-" in core.strip("-"):
        return "code"
    if any(ch.isdigit() for ch in core):
        # A lone 6 or 0 inside a short lower-case word is a misread vowel ('s6', 'd6n');
        # any other digit makes the token a number or a code.
        short = len(core) <= 6 and sum(ch.isdigit() for ch in core) == 1
        return "word" if short and _DIGIT_AS_LETTER.match(core) else "code"
    if len(core) == 1 or _ROMAN.match(core):
        return "code"  # a list letter or a Roman numeral: a), V, XII
    if is_upper_word(core) and not SYLLABLE_SHAPE.match(fold(core.translate(_OCR_SKELETON))):
        return "code"  # an acronym: UBND, THCS
    cleaned = core.rstrip("'‘’`")
    return "word" if (cleaned and re.match(r"^[^\W\d_&|*.]", cleaned)) or "&" in core else "code"


def _split_edges(piece: str) -> tuple[str, str, str]:
    start, end = 0, len(piece)
    while start < end and piece[start] in _EDGE_PUNCT + "'‘’.":
        start += 1
    while end > start and piece[end - 1] in _EDGE_PUNCT + ".-":
        end -= 1
    return piece[:start], piece[start:end], piece[end:]


def tokenize(text: str) -> list[Token]:
    """Tokens whose texts, joined, are exactly `text`."""
    tokens: list[Token] = []
    for match in _PIECE.finditer(unicodedata.normalize("NFC", text)):
        piece = match.group()
        if piece.isspace():
            tokens.append(Token(piece, "space"))
            continue
        lead, core, trail = _split_edges(piece)
        if lead:
            tokens.append(Token(lead, "punct"))
        if core:
            tokens.append(Token(core, _core_kind(core)))
        if trail:
            tokens.append(Token(trail, "punct"))
    return tokens


def lm_symbol(token: Token) -> str | None:
    """What the language model sees for a token that is not restored (None: nothing)."""
    if token.kind == "number":
        return "<p>" if token.text.endswith("%") else "<n>"
    if token.kind == "code":
        return "<c>"
    if token.kind == "space":
        return "<s>" if "\n" in token.text else None
    if token.kind == "punct":
        stripped = token.text.strip()
        if any(ch in stripped for ch in ".;:!?"):
            return "<s>"
        return "," if "," in stripped else None
    return None


def apply_case(syllable: str, observed: str, upper_context: bool) -> str:
    """Give the restored syllable the observed word's case: 'HOi' -> 'Hội', 'THONG' -> 'THÔNG'."""
    letters = [ch for ch in observed if ch.isalpha()]
    if not letters or not letters[0].isupper():
        return syllable
    if is_upper_word(observed) and upper_context:
        return syllable.upper()
    return syllable[:1].upper() + syllable[1:]
