"""A folding under which a word OCR misread equals the word: for matching, never for showing.

The slips an OCR engine makes on Vietnamese print (and `eval.ocr_noise` imitates): letter pairs
read for one letter (`rn`/`m`, `ii`/`u`, `tr`/`u`, `cl`/`d`, `lc`/`k`), look-alike letters
(`c`/`e`, `o`/`0`/`6`, `a`/`d`/`&`, `h`/`b`, `n`/`u`), and the thin strokes (`i`, `l`, `1`,
`|`), dropped on both sides.
"""

from __future__ import annotations

import re

from ingest.text import fold_accents

_NOT_LETTER = re.compile(r"[\W_]+")  # punctuation too: a wrap moves a stray mark mid-line
_PAIRS = (("tr", "u"), ("rn", "m"), ("ii", "u"), ("cl", "d"), ("lc", "k"))
_SINGLES = str.maketrans({"6": "o", "0": "o", "c": "e", "&": "a", "d": "a", "h": "b", "n": "u",
                          "i": None, "l": None, "1": None, "|": None})  # fmt: skip


def fold_confusions(text: str) -> str:
    """'Qiiyết đinh' and 'Quyết định' fold the same; so do 'UBUD' and 'UBND'."""
    folded = fold_accents(text or "")
    for pair, letter in _PAIRS:
        folded = folded.replace(pair, letter)
    return _NOT_LETTER.sub("", folded.translate(_SINGLES))
