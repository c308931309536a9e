"""A title held only inside a deputy's title is not held: Vietnamese names a deputy by putting
'phó' before the title ('phó hiệu trưởng', 'Phó Giám đốc Sở', 'phó trưởng phòng', 'Phó Chủ
tịch'), so a text that says 'hiệu trưởng' only as 'phó hiệu trưởng' speaks of the deputy, not of
the principal the question asks about. A question that asks for the deputy ('phó hiệu trưởng')
holds 'phó' in its own phrase and is matched as written.

'phó' is the deputy only as written with its mark (a folded 'pho' is as often 'phố' of 'thành
phố' or 'phổ' of 'phổ thông', so a text without marks keeps every match), and only where it
starts a name, not as the second syllable of a verb ('ứng phó', 'đối phó', 'giao phó')."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.text import fold_accents, nfc, word_tokens

DEPUTY = "phó"
DEPUTY_FOLDED = "pho"
# verbs whose second syllable is 'phó': the 'phó' there names no one
VERB_HEADS = frozenset({"ứng", "đối", "giao"})
_WORD = re.compile(r"\w+")


def holds_phrase(phrase: str, tokens: list[str], text: str, padded: str = "", question: str = "") -> bool:
    """The folded `phrase` is among the text's folded `tokens` (`padded`: joined, a space each
    side) somewhere other than as the tail of a deputy's title, unless the question asks for the
    deputy itself."""
    words = phrase.split()
    padded = padded or " " + " ".join(tokens) + " "
    if not words or f" {phrase} " not in padded:
        return False
    if words[0] == DEPUTY_FOLDED or f" {DEPUTY_FOLDED} {phrase} " not in padded:
        return True
    if asks_deputy(question, phrase):
        return True
    deputies = deputy_marks(text)
    n = len(words)
    return any(tokens[i : i + n] == words and i - 1 not in deputies for i in range(len(tokens) - n + 1))


@lru_cache(maxsize=256)
def asks_deputy(question: str, phrase: str) -> bool:
    """The question puts 'phó' before the phrase ('Phó hiệu trưởng … ?', written with or without
    marks): it asks for the deputy."""
    return f" {DEPUTY_FOLDED} {phrase} " in " " + " ".join(word_tokens(question)) + " "


@lru_cache(maxsize=2048)
def deputy_marks(text: str) -> frozenset[int]:
    """The positions, among the text's folded tokens, of each 'phó' that names a deputy; none
    when the words folding to 'pho' cannot be told apart (a text without marks)."""
    tokens = word_tokens(text)
    positions = [i for i, t in enumerate(tokens) if t == DEPUTY_FOLDED]
    words = [w.lower() for w in _WORD.findall(nfc(text))]
    written = [(i, w) for i, w in enumerate(words) if fold_accents(w) == DEPUTY_FOLDED]
    if len(written) != len(positions):
        return frozenset()
    return frozenset(
        position
        for position, (i, word) in zip(positions, written, strict=True)
        if word == DEPUTY and (i == 0 or words[i - 1] not in VERB_HEADS)
    )
