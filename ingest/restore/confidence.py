"""How sure the restorer is of each word it chose: the word's share of the probability among its
candidates, with its neighbours held at their chosen readings (a local posterior).

A word's candidates are scored by what the decoder itself weighs: the emission (how the OCR
reading fits the syllable) and the trigram terms in which the word takes part, two words to its
left and two to its right. Sentence and line breaks cut the context, as they do in the decoder.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ingest.restore.lm import NgramModel
from ingest.restore.syllables import fold

# A restoration shown to a reader must be at least this likely; a word below stays as OCR read
# it. Chosen by `eduqa restore --choose` on OCR-like copies of held-out devcorpus documents (the
# report's documents and the real OCR pair excluded), counting a wrong restoration as three
# words left unrestored: a wrong word in a quote misleads, a word left as read only looks rough.
SHOWN_CONFIDENCE = 0.93


@dataclass(frozen=True)
class Choice:
    """One restored word: what OCR read, what was chosen, and the model's confidence in it."""

    observed: str
    chosen: str
    confidence: float
    runner_up: str | None
    letters_confidence: float = 0.0  # the share of the candidates spelled as `chosen` without marks


def _context_left(seq: list[int], i: int, boundary: int) -> tuple[int, int]:
    """The two ids before position i, as the decoder's state holds them after a break."""
    p1 = seq[i - 1] if i >= 1 else boundary
    if p1 == boundary:
        return -1, boundary
    return (seq[i - 2] if i >= 2 else boundary), p1


def _context_score(model: NgramModel, seq: list[int], i: int, wid: int, boundary: int) -> float:
    """The trigram terms word `wid` at position i takes part in, its neighbours fixed."""
    p2, p1 = _context_left(seq, i, boundary)
    score = model.logp(p2, p1, wid)
    n1 = seq[i + 1] if i + 1 < len(seq) else boundary
    if n1 == boundary:
        return score
    score += model.logp(p1, wid, n1)
    n2 = seq[i + 2] if i + 2 < len(seq) else boundary
    if n2 != boundary:
        score += model.logp(wid, n1, n2)
    return score


def local_posteriors(
    model: NgramModel, seq: list[int], i: int, options: list[tuple[str, int, float]]
) -> list[float]:
    """Each option's probability at position i (options: syllable, model id, emission log10)."""
    boundary = model.ids["<s>"]
    scores = [emission + _context_score(model, seq, i, wid, boundary) for _s, wid, emission in options]
    top = max(scores)
    weights = [math.pow(10.0, s - top) for s in scores]
    total = sum(weights)
    return [w / total for w in weights]


def is_unsure(choice: Choice, min_confidence: float) -> bool:
    """A restoration (the word changes) the model holds less likely than `min_confidence`."""
    return choice.confidence < min_confidence and choice.chosen != choice.observed.lower()


def shown_reading(choice: Choice, min_confidence: float) -> str | None:
    """What a reader is shown for a restored word: the choice when the model is sure of it; its
    letters without marks when only they are sure (OCR 'nol', between nơi and nội: 'noi', never a
    guessed tone) in a word in lower case (not a label 'IIl.', a heading or a name); None: the
    word stays as OCR read it."""
    if not is_unsure(choice, min_confidence):
        return choice.chosen
    letters = fold(choice.chosen)
    if choice.observed.isupper() or choice.observed[:1].isupper():  # a label, a heading, a name
        return None
    if choice.letters_confidence >= min_confidence and letters != fold(choice.observed):
        return letters
    return None
