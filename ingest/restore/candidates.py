"""Which valid syllables an OCR word may stand for, and what each reading costs.

The inventory is every syllable of the clean training text, grouped by its folded form
('số', 'sở', 'so' under 'so'). A word's folded skeleton is looked up within a small edit
distance (a symmetric-delete index), the edits weighed by how OCR misreads Vietnamese:
a dropped or wrong mark costs nothing here (the language model decides), a typical OCR swap
('ii' for 'ư', 'rn' for 'm', 'e' for 'c') costs less than an arbitrary letter change.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from functools import lru_cache

# Folded OCR readings -> the folded letters they stand for, with their cost (1.0 = any edit).
CONFUSIONS: dict[tuple[str, str], float] = {
    ("ii", "u"): 0.3, ("il", "u"): 0.5, ("li", "u"): 0.5, ("ti", "u"): 0.5, ("tr", "u"): 0.5,
    ("ir", "u"): 0.5, ("fi", "u"): 0.5, ("f", "u"): 0.6, ("rn", "m"): 0.3, ("m", "rn"): 0.4,
    ("d", "a"): 0.6, ("e", "c"): 0.4, ("c", "e"): 0.5, ("ci", "o"): 0.5, ("l", "i"): 0.4,
    ("i", "l"): 0.4, ("1", "l"): 0.3, ("u", "n"): 0.6, ("n", "u"): 0.6, ("y", "u"): 0.6,
    ("h", "b"): 0.6, ("b", "d"): 0.6, ("o", "a"): 0.6, ("a", "o"): 0.6, ("uo", "u"): 0.5,
    ("d", "o"): 0.6, ("tim", "uon"): 0.8, ("ting", "uong"): 0.6, ("nr", "r"): 0.5,
}  # fmt: skip


@lru_cache(maxsize=1)
def _confusions_by_first() -> dict[str, tuple[tuple[str, str, float], ...]]:
    """The confusion table keyed by the first letter of the OCR reading."""
    table: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
    for (src, dst), cost in CONFUSIONS.items():
        table[src[0]].append((src, dst, cost))
    return {first: tuple(rows) for first, rows in table.items()}


MAX_VOWEL_DROP = 0.5  # cost of an OCR that dropped a letter such as the 'o' of 'uo'


def deletes(key: str, depth: int) -> set[str]:
    found = {key}
    frontier = {key}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def rewrites(skeleton: str) -> set[str]:
    """The skeleton and its readings with one typical OCR slip undone ('iiy' -> 'uy')."""
    found = {skeleton}
    for (src, dst), _cost in CONFUSIONS.items():
        start = skeleton.find(src)
        while start >= 0:
            found.add(skeleton[:start] + dst + skeleton[start + len(src) :])
            start = skeleton.find(src, start + 1)
    return found


def max_distance(skeleton: str) -> int:
    return 1 if len(skeleton) <= 3 else 2


@lru_cache(maxsize=200_000)
def edit_cost(observed: str, key: str) -> float:
    """Weighted edit distance from the observed skeleton to a folded syllable."""
    n, m = len(observed), len(key)
    inf = float("inf")
    dist = [[inf] * (m + 1) for _ in range(n + 1)]
    dist[0][0] = 0.0
    by_first = _confusions_by_first()
    for i, j in itertools.product(range(n + 1), range(m + 1)):
        here = dist[i][j]
        if here == inf:
            continue
        if i < n and j < m:
            step = 0.0 if observed[i] == key[j] else 1.0
            dist[i + 1][j + 1] = min(dist[i + 1][j + 1], here + step)
        if i < n:
            dist[i + 1][j] = min(dist[i + 1][j], here + 1.0)
        if j < m:
            cost = MAX_VOWEL_DROP if key[j] in "aeiouy" else 1.0
            dist[i][j + 1] = min(dist[i][j + 1], here + cost)
        if i == n:
            continue
        for src, dst, cost in by_first.get(observed[i], ()):
            if observed.startswith(src, i) and key.startswith(dst, j):
                a, b = i + len(src), j + len(dst)
                dist[a][b] = min(dist[a][b], here + cost)
    return dist[n][m]


class Inventory:
    """Valid syllables by folded form, with a symmetric-delete index over the folded forms."""

    def __init__(self, syllables: dict[str, str]):
        self.syllables = frozenset(syllables)
        self.by_key: dict[str, list[str]] = defaultdict(list)
        for syllable, key in syllables.items():
            self.by_key[key].append(syllable)
        self._near: dict[str, dict[str, float]] = {}
        self.index: dict[str, set[str]] = defaultdict(set)
        for key in self.by_key:
            for variant in deletes(key, max_distance(key)):
                self.index[variant].add(key)

    def __contains__(self, key: str) -> bool:
        return key in self.by_key

    def near_keys(self, skeleton: str) -> dict[str, float]:
        """Folded syllables within reach of the skeleton, with their edit cost."""
        if skeleton not in self._near:
            self._near[skeleton] = self._find_near(skeleton)
        return self._near[skeleton]

    def _find_near(self, skeleton: str) -> dict[str, float]:
        limit = max_distance(skeleton)
        found: set[str] = set()
        for rewritten in rewrites(skeleton):
            for variant in deletes(rewritten, limit):
                found |= self.index.get(variant, set())
        costs = {key: edit_cost(skeleton, key) for key in found}
        return {key: cost for key, cost in costs.items() if cost <= limit}
