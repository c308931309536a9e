"""Is a text OCR output that lost its marks? The share of its words that are no valid syllable.

Clean Vietnamese is almost all valid syllables (names and foreign words aside); OCR that dropped
diacritics or misread letters writes 'hoach', 'ciia', 'Thtimg', which are not. The threshold was
chosen on the seed documents and checked on the clean devcorpus (none is judged OCR).
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.restore.syllables import is_upper_word, tokenize

OCR_THRESHOLD = 0.3  # seeds: clean <= 0.01, OCR >= 0.6; clean devcorpus at most 0.17
MIN_WORDS = 20  # below this, a text says too little to judge on its own


@dataclass(frozen=True)
class Verdict:
    words: int
    invalid: int

    @property
    def invalid_share(self) -> float:
        return self.invalid / self.words if self.words else 0.0

    @property
    def is_ocr(self) -> bool:
        return self.words >= MIN_WORDS and self.invalid_share > OCR_THRESHOLD


def judge(text: str, vocabulary: set[str] | frozenset[str]) -> Verdict:
    """Count the words of `text` and those that are not syllables of the clean vocabulary."""
    words = [t.text for t in tokenize(text) if t.kind == "word" and not is_upper_word(t.text)]
    invalid = sum(1 for w in words if w.lower() not in vocabulary)
    return Verdict(len(words), invalid)
