"""The text records are read from: accent-folded, OCR-repaired, offsets equal to the original's.

Half the corpus is OCR that lost its diacritics ("Ti le truing dat chuin qu6c gia dat 90,14%"),
so matching runs on folded text whose character offsets equal the original text's: a match found
there is cut out of the original as written (for quoting), and the folded words give the keys
(for filtering and charting), so an OCR copy and a clean copy give the same record.
"""

from __future__ import annotations

import re

from assistant.levels import levels_in as level_names
from ingest.text import fold_accents

# OCR puts digits for letters inside words: "qu6c" (quốc), "h9c" (học), "d8c" (đốc), "T14" (TH).
_DIGIT_AS_LETTER = str.maketrans({"6": "o", "0": "o", "9": "o", "8": "o", "4": "a", "1": "l"})
_MIXED_WORD = re.compile(r"[a-z0-9]*[a-z][a-z0-9]*")


def _fix_word(m: re.Match) -> str:
    word = m.group(0)
    if word == "t14":  # "TH" read as T-1-4; keep the length so offsets still line up
        return "th "
    return word.translate(_DIGIT_AS_LETTER) if any(ch.isdigit() for ch in word) else word


def norm(text: str) -> str:
    """Folded, lower-case text with OCR digit-letters repaired, offsets equal to `text`'s.

    Length is preserved so a match found here can be cut out of the original text as written.
    """
    folded = fold_accents(text)
    if len(folded) != len(text):  # a character whose lower case changes length: rare, keep it
        folded = "".join(fold_accents(ch)[:1] or " " for ch in text)
    return _MIXED_WORD.sub(_fix_word, folded)


def key_of(text: str) -> str:
    """A comparison key: folded, OCR-repaired, punctuation dropped, spaces squeezed."""
    return " ".join(re.sub(r"[^a-z0-9%/]+", " ", norm(text)).split())


def levels_in(text: str) -> list[str]:
    """School levels named in a phrase, in reading order ('cấp TH', 'THCS', 'trung học')."""
    return level_names(norm(text))


def level_of(phrase: str, context: str) -> list[str]:
    """The phrase's own level wins ('tốt nghiệp THPT'); else the item's 'Đối với giáo dục X:'.

    A phrase naming two levels in one breath ('PCGD TH, THCS') gives both."""
    return levels_in(phrase) or levels_in(context)[:1] or ["all"]
