"""What a document itself says about its words: a cache of the readings it settles.

An OCR document repeats its vocabulary ('nâng cao', 'trường', a person's name); where one
occurrence is settled (OCR kept its marks, or the model is all but certain), the same folded word
elsewhere in the document more likely reads the same. A first pass restores the whole document;
the syllables it settles, counted by folded form, add a bonus to those readings on the second.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ingest.restore.syllables import fold

SETTLED = 0.99  # a first-pass choice at least this likely counts as settled
MEMORY_WEIGHT = 0.5  # log10 bonus for a reading the document settles wherever it is settled;
# chosen with the shown threshold on the held-out choice documents (0, 0.25, 0.5, 0.75 tried)


@dataclass
class DocumentMemory:
    """Settled readings of one document by folded form: {'nang': Counter({'nâng': 5})}."""

    readings: dict[str, Counter] = field(default_factory=dict)
    weight: float = MEMORY_WEIGHT

    def settle(self, syllable: str) -> None:
        self.readings.setdefault(fold(syllable), Counter())[syllable] += 1

    def bonus(self, syllable: str) -> float:
        """log10 bonus: the weight times the share of the folded form's settled readings."""
        seen = self.readings.get(fold(syllable))
        if not seen:
            return 0.0
        return self.weight * seen[syllable] / sum(seen.values())

    def adjust(self, options: list[tuple[str, int, float]]) -> list[tuple[str, int, float]]:
        return [(s, wid, emission + self.bonus(s)) for s, wid, emission in options]
