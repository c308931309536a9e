"""Word by word: what the restorer did to each OCR word, judged against the clean original.

Each word the restorer read is paired with the clean word it stands for (difflib over folded
forms; a replaced stretch of equal length pairs up word for word) and judged:
- `right`: shown as the clean copy writes it;
- `kept`: shown as OCR read it (marks missing or a slip left), not a restoration;
- a wrong restoration, by type: `tone` (only the tone mark differs: đất/đặt), `mark` (a vowel
  hat/horn/breve or đ differs, tone aside: đạt/đất), `letter` (the letters differ: mỗi/mức).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ingest.restore.confidence import Choice
from ingest.restore.decode import Restorer
from ingest.restore.syllables import fold

_WORD = re.compile(r"\w+")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_FINAL_Y = re.compile(r"^(?:[bcdđghklmnprstvx]|ngh|ng|nh|ph|th|tr|ch|kh|gh|qu)y$")
WRONG_KINDS = ("tone", "mark", "letter")


def without_tone(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))


def spelling(word: str) -> tuple[str, str]:
    """A word up to the two spelling conventions of Vietnamese: where the tone mark sits (hoá,
    hóa) and a final i or y after a consonant (lí, lý; kĩ, kỹ). (letters, tone mark)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tone = "".join(ch for ch in decomposed if ch in _TONES)
    letters = without_tone(word)
    if _FINAL_Y.match(letters):
        letters = letters[:-1] + "i"
    return letters, tone


@dataclass(frozen=True)
class Judged:
    observed: str
    chosen: str
    clean: str
    confidence: float

    def kind(self, min_confidence: float = 0.0) -> str:
        """The verdict on the word as shown when restorations below `min_confidence` stay as read."""
        shown = self.shown(min_confidence)
        if shown == self.clean or spelling(shown) == spelling(self.clean):
            return "right"  # the same word, in either spelling convention
        if shown == self.observed.lower():
            return "kept"
        if fold(shown) != fold(self.clean):
            return "letter"
        return "tone" if without_tone(shown) == without_tone(self.clean) else "mark"

    def shown(self, min_confidence: float) -> str:
        changed = self.chosen != self.observed.lower()
        return self.observed.lower() if changed and self.confidence < min_confidence else self.chosen

    @property
    def is_restoration(self) -> bool:
        return self.chosen != self.observed.lower()


def judged_words(restorer: Restorer, ocr: str, clean: str, memory: bool = True) -> list[Judged]:
    """The restorer's choices on the OCR text, each paired with its clean word where one aligns
    (with the document's own settled readings, as ingest restores, unless `memory` is off)."""
    _tokens, found = restorer.choices(ocr, restorer.memory(ocr) if memory else None)
    choices: list[Choice] = [found[i] for i in sorted(found)]
    gold = [unicodedata.normalize("NFC", w).lower() for w in _WORD.findall(clean)]
    ours = [fold(c.chosen) for c in choices]
    matcher = difflib.SequenceMatcher(None, [fold(w) for w in gold], ours, autojunk=False)
    out = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and a1 - a0 == b1 - b0):
            for k in range(b1 - b0):
                c = choices[b0 + k]
                out.append(Judged(c.observed, c.chosen, gold[a0 + k], c.confidence))
    return out


def tally(words: list[Judged], min_confidence: float = 0.0) -> Counter:
    """How many words end up right, kept as read, or wrongly restored by type."""
    counts = Counter(w.kind(min_confidence) for w in words)
    counts["restored"] = sum(w.is_restoration and w.confidence >= min_confidence for w in words)
    counts["words"] = len(words)
    return counts


def frequent_errors(words: list[Judged], min_confidence: float = 0.0, top: int = 15) -> list[tuple]:
    """The most frequent wrong restorations: (kind, clean, shown, count)."""
    wrong = Counter(
        (w.kind(min_confidence), w.clean, w.shown(min_confidence))
        for w in words
        if w.kind(min_confidence) in WRONG_KINDS
    )
    return [(*key, n) for key, n in wrong.most_common(top)]


WRONG_COST = 3.0  # a wrong restoration shown weighs as much as three words left as read


def shown_cost(words: list[Judged], min_confidence: float) -> float:
    """What showing restorations down to `min_confidence` costs: wrong restorations shown
    (times WRONG_COST) plus right restorations withheld (left as read)."""
    counts = tally(words, min_confidence)
    wrong = sum(counts[kind] for kind in WRONG_KINDS)
    withheld = sum(w.kind(0.0) == "right" and w.kind(min_confidence) == "kept" for w in words)
    return WRONG_COST * wrong + withheld


def choose_confidence(words: list[Judged]) -> float:
    """The shown-confidence threshold (0.50 to 0.99) with the least cost on these words."""
    grid = [round(0.5 + k / 100, 2) for k in range(50)]
    return min(grid, key=lambda t: (shown_cost(words, t), t))
