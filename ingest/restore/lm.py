"""A syllable trigram language model with stupid backoff, stored as sorted integer arrays.

Syllables are lower-case with their diacritics; `<s>` marks a sentence or line break, `<n>` a
number, `<c>` a code or acronym, `,` a comma. Keys pack syllable ids: bigram a*V+b, trigram
(a*V+b)*V+c, so the tables are numpy arrays and lookups are dict hits on ints.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

BACKOFF = math.log10(0.4)
BOUNDARY = "<s>"


class NgramModel:
    def __init__(self, vocab: list[str], unigrams: np.ndarray, bigrams: dict, trigrams: dict):
        self.vocab = vocab
        self.ids = {w: i for i, w in enumerate(vocab)}
        self.size = len(vocab)
        self.unigrams = unigrams
        self._unigram_counts = unigrams.tolist()
        self.total = float(unigrams.sum())
        self.bigrams = bigrams
        self.trigrams = trigrams
        self._floor = math.log10(0.5 / self.total)
        self._unigram_log = np.log10(np.maximum(unigrams, 0.5) / self.total).tolist()

    def count(self, word: str) -> int:
        i = self.ids.get(word)
        return int(self.unigrams[i]) if i is not None else 0

    def unigram_logp(self, word: int) -> float:
        if word < 0:
            return self._floor
        return self._unigram_log[word]

    def logp(self, w1: int, w2: int, w3: int) -> float:
        """log10 score of w3 after w1 w2 (ids; -1 for a word the model never saw)."""
        if w3 < 0:
            return self._floor + 2 * BACKOFF
        if w2 >= 0:
            pair = w1 * self.size + w2 if w1 >= 0 else -1
            tri = self.trigrams.get(pair * self.size + w3) if pair >= 0 else None
            if tri:
                return math.log10(tri / self.bigrams[pair])
            bi = self.bigrams.get(w2 * self.size + w3)
            if bi:
                return BACKOFF + math.log10(bi / self._unigram_counts[w2])
            return 2 * BACKOFF + self.unigram_logp(w3)
        return BACKOFF + self.unigram_logp(w3)

    def save(self, path: Path) -> None:
        bi_keys = np.fromiter(self.bigrams.keys(), dtype=np.int64, count=len(self.bigrams))
        tri_keys = np.fromiter(self.trigrams.keys(), dtype=np.int64, count=len(self.trigrams))
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            vocab=np.array("\n".join(self.vocab)),
            unigrams=self.unigrams.astype(np.int32),
            bi_keys=np.sort(bi_keys),
            bi_counts=np.array([self.bigrams[k] for k in np.sort(bi_keys).tolist()], np.int32),
            tri_keys=np.sort(tri_keys),
            tri_counts=np.array([self.trigrams[k] for k in np.sort(tri_keys).tolist()], np.int32),
        )
        path.write_bytes(buffer.getvalue())

    @classmethod
    def load(cls, path: Path) -> NgramModel:
        with np.load(path) as data:
            vocab = str(data["vocab"]).split("\n")
            bigrams = dict(zip(data["bi_keys"].tolist(), data["bi_counts"].tolist(), strict=True))
            trigrams = dict(zip(data["tri_keys"].tolist(), data["tri_counts"].tolist(), strict=True))
            return cls(vocab, data["unigrams"].astype(np.int64), bigrams, trigrams)

    @classmethod
    def train(cls, sentences: Iterable[list[str]], min_count: int = 2) -> NgramModel:
        """Count syllables, pairs and triples; rare words and triples are dropped."""
        sentences = list(sentences)
        words = Counter(w for s in sentences for w in s)
        vocab = [BOUNDARY, *sorted(w for w, c in words.items() if c >= min_count and w != BOUNDARY)]
        ids = {w: i for i, w in enumerate(vocab)}
        size = len(vocab)
        unigrams = np.zeros(size, np.int64)
        bigrams: Counter = Counter()
        trigrams: Counter = Counter()
        for sentence in sentences:
            seq = [0] + [ids.get(w, -1) for w in sentence] + [0]
            for i, w in enumerate(seq):
                if w < 0:
                    continue
                unigrams[w] += 1
                if i >= 1 and seq[i - 1] >= 0:
                    bigrams[seq[i - 1] * size + w] += 1
                    if i >= 2 and seq[i - 2] >= 0:
                        trigrams[(seq[i - 2] * size + seq[i - 1]) * size + w] += 1
        kept = {k: c for k, c in trigrams.items() if c >= min_count}
        return cls(vocab, unigrams, dict(bigrams), kept)
