"""How well OCR restoration reads: syllable accuracy against a clean original, raw and restored.

Two kinds of pairs: the real OCR notice of the seeds beside its clean copy (the clean copy is
held out of the model's training text), and OCR-like copies made by a seeded corruptor from
devcorpus documents the model never saw (`ingest.restore.corpus_text.is_held_out`).
"""

from __future__ import annotations

import difflib
import random
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ingest.restore.corpus_text import devcorpus_sources
from ingest.restore.decode import Restorer
from ingest.restore.syllables import fold, tokenize

_WORD = re.compile(r"\w+")
# OCR slips the corruptor makes: a letter (after marks are stripped) and what OCR reads there.
SLIPS = {"u": ["ii", "tr"], "m": ["rn"], "c": ["e"], "o": ["6", "0"], "a": ["d"], "l": ["|"],
         "d": ["&", "cl"], "i": ["l"], "h": ["b"], "n": ["u"]}  # fmt: skip


@dataclass(frozen=True)
class Accuracy:
    syllables: int
    exact: float
    folded: float


def syllable_accuracy(candidate: str, clean: str) -> Accuracy:
    """Share of the clean text's syllables that the candidate reproduces, aligned by difflib
    on folded syllables: exactly (marks and letters, case aside) and ignoring marks."""
    ours = _WORD.findall(unicodedata.normalize("NFC", candidate))
    gold = _WORD.findall(unicodedata.normalize("NFC", clean))
    matcher = difflib.SequenceMatcher(None, [fold(w) for w in gold], [fold(w) for w in ours], autojunk=False)
    exact = folded = 0
    for a, b, size in matcher.get_matching_blocks():
        folded += size
        exact += sum(gold[a + k].lower() == ours[b + k].lower() for k in range(size))
    total = max(len(gold), 1)
    return Accuracy(len(gold), round(exact / total, 4), round(folded / total, 4))


def _strip_marks(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _slip(word: str, rng: random.Random) -> str:
    spots = [i for i, ch in enumerate(word) if ch.lower() in SLIPS]
    if not spots:
        return word
    i = rng.choice(spots)
    return word[:i] + rng.choice(SLIPS[word[i].lower()]) + word[i + 1 :]


def corrupt(text: str, seed: int = 0, strip: float = 0.85, slip: float = 0.06) -> str:
    """An OCR-like copy: most words lose their marks, a few letters are misread, headings
    (upper-case lines) more often. Seeded, so the same text always gives the same copy."""
    rng = random.Random(seed)
    out = []
    for line in text.split("\n"):
        heading = line.isupper()
        for token in tokenize(line):
            word = token.text
            if token.kind == "word":
                if rng.random() < strip:
                    word = _strip_marks(word)
                if rng.random() < (slip * 3 if heading else slip):
                    word = _slip(word, rng)
            out.append(word)
        out.append("\n")
    return "".join(out[:-1])


@dataclass(frozen=True)
class PairResult:
    name: str
    raw: Accuracy
    restored: Accuracy
    seconds: float


def measure_pair(name: str, ocr: str, clean: str, restorer: Restorer) -> PairResult:
    """The document's every best guess (with its own settled readings, as ingest restores)."""
    started = time.perf_counter()
    restored = restorer.restore(ocr, 0.0, restorer.memory(ocr))
    seconds = time.perf_counter() - started
    return PairResult(name, syllable_accuracy(ocr, clean), syllable_accuracy(restored, clean), seconds)


REPORT_DOCUMENTS = 12  # the first held-out documents (directives first) are reported on
CHOICE_DOCUMENTS = 28  # the next ones are where the shown-confidence threshold is chosen


def held_out_pairs(
    devcorpus: Path, limit: int = REPORT_DOCUMENTS, seed: int = 0, skip: int = 0
) -> list[tuple[str, str, str]]:
    """(name, OCR-like copy, clean) for held-out devcorpus documents, directives first."""
    files = devcorpus_sources(devcorpus, held_out=True)
    files.sort(key=lambda p: (p.parent.name != "directives", p.name))
    pairs = []
    for path in files[skip : skip + limit]:
        clean = path.read_text(encoding="utf-8")
        name = "devcorpus:" + path.relative_to(devcorpus).as_posix()
        pairs.append((name, corrupt(clean, seed=seed), clean))
    return pairs


def choice_pairs(devcorpus: Path) -> list[tuple[str, str, str]]:
    """The held-out documents after the reported ones: where thresholds are chosen."""
    return held_out_pairs(devcorpus, limit=CHOICE_DOCUMENTS, skip=REPORT_DOCUMENTS)


def seed_pairs(corpus_dir: Path) -> list[tuple[str, str, str]]:
    """(name, real OCR text, clean text) for each OCR seed whose clean twin is in the corpus."""
    pairs = []
    for ocr in sorted(corpus_dir.glob("*-ocr.txt")):
        clean = ocr.with_name(ocr.name.replace("-ocr.txt", ".txt"))
        if clean.exists():
            pairs.append((ocr.name, ocr.read_text(encoding="utf-8"), clean.read_text(encoding="utf-8")))
    return pairs


def pooled(results: list[PairResult], which: str) -> Accuracy:
    """Accuracy over all syllables of several pairs (each weighed by its length)."""
    total = sum(r.raw.syllables for r in results) or 1
    exact = sum(getattr(r, which).exact * r.raw.syllables for r in results) / total
    folded = sum(getattr(r, which).folded * r.raw.syllables for r in results) / total
    return Accuracy(total, round(exact, 4), round(folded, 4))
