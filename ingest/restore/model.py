"""The restoration model on disk: build it from clean text, load it once per process."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ingest.restore.candidates import Inventory
from ingest.restore.corpus_text import sentences, training_texts
from ingest.restore.decode import Restorer
from ingest.restore.lm import NgramModel
from ingest.restore.syllables import SYLLABLE_SHAPE, fold

MODEL_PATH = Path(__file__).parent / "data" / "syllable-lm.npz"
MIN_SYLLABLE_COUNT = 3  # a syllable seen fewer times is more likely a typo than a word
MIN_ACRONYM_COUNT = 10  # an acronym's marked spelling is trusted when clean text uses it this often
_SYLLABLE_SHAPE = re.compile(r"^[^\W\d_]{1,7}$")


class ModelMissing(RuntimeError):
    """The model file is absent: build it with `eduqa restore --build`."""


def inventory_from(model: NgramModel) -> Inventory:
    syllables = {}
    for word in model.vocab:
        if not _SYLLABLE_SHAPE.match(word) or model.count(word) < MIN_SYLLABLE_COUNT:
            continue
        key = fold(word)
        if SYLLABLE_SHAPE.match(key) and "ii" not in key:
            syllables[word] = key
    return Inventory(syllables)


def acronyms_from(model: NgramModel) -> dict[str, str]:
    """Acronyms that clean text writes with a mark, by their folded form: 'gddt' -> 'gdđt'.
    Only where the marked spelling is the one clean text uses, and the only one."""
    spellings: dict[str, list[str]] = {}
    for word in model.vocab:
        key = fold(word)
        shaped = word.isalpha() and len(word) >= 2 and not SYLLABLE_SHAPE.match(key)
        if shaped and model.count(word) >= MIN_ACRONYM_COUNT:
            spellings.setdefault(key, []).append(word)
    return {
        key: words[0]
        for key, words in spellings.items()
        if len(words) == 1 and words[0] != key and model.count(key) < model.count(words[0])
    }


def build(corpus_dir: Path, devcorpus: Path | None, out: Path = MODEL_PATH, progress=None) -> dict:
    """Train the syllable model on the clean training text and write it to `out`."""
    said = progress or (lambda message: None)
    said("reading clean text")
    sents = [s for text in training_texts(corpus_dir, devcorpus) for s in sentences(text)]
    said(f"counting {sum(len(s) for s in sents):,} syllables in {len(sents):,} sentences")
    model = NgramModel.train(sents)
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    return {
        "syllables": sum(len(s) for s in sents),
        "vocabulary": model.size,
        "bigrams": len(model.bigrams),
        "trigrams": len(model.trigrams),
        "bytes": out.stat().st_size,
    }


@lru_cache(maxsize=2)
def load_restorer(path: Path = MODEL_PATH) -> Restorer:
    if not path.exists():
        raise ModelMissing(f"no restoration model at {path}; build it with `eduqa restore --build`")
    model = NgramModel.load(path)
    return Restorer(model, inventory_from(model), acronyms_from(model))
