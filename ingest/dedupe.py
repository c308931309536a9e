"""Find documents that are another copy of one already in the corpus (an OCR copy of a clean
text), by content, and pick the copy users should see."""

from __future__ import annotations

import re

from ingest.text import diacritic_ratio, fold_accents, word_tokens

DUPLICATE_CONTAINMENT = 0.45


def shingles(text: str, size: int = 3) -> set[str]:
    """Folded word 3-grams: OCR damage breaks some, but a copy still shares a large share."""
    words = [w for w in word_tokens(text) if len(w) > 1]
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger: a partial copy still counts."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)


def numbers_agree(a: str | None, b: str | None) -> bool:
    """Copies carry the same document number when both headers give one: directives cut from
    one template (notices numbered one after another, a province's decisions of one kind) share
    most of their words and are still different documents. A header without a number (an OCR
    copy whose number did not read) says nothing against it."""
    key_a, key_b = _number_key(a), _number_key(b)
    return not key_a or not key_b or key_a == key_b


def _number_key(number: str | None) -> str:
    return re.sub(r"[^0-9a-z]", "", fold_accents(number or "").lower())


def cleanliness(text: str) -> float:
    """Higher for the copy to show: diacritics kept, few OCR specks."""
    letters = sum(ch.isalpha() for ch in text) or 1
    junk = sum(ch in "|$&#@¢€~{}[]\\^`" for ch in text)
    return diacritic_ratio(text) - 5 * junk / letters


def find_duplicates(texts: dict[str, str]) -> dict[str, str]:
    """Map each duplicate's source to the source of the copy preferred for display."""
    return link_duplicates(
        {s: shingles(t) for s, t in texts.items()}, {s: cleanliness(t) for s, t in texts.items()}
    )


def link_duplicates(signs: dict[str, set], score: dict[str, float]) -> dict[str, str]:
    """The same, from each document's shingles and cleanliness computed beforehand."""
    sources = sorted(signs)
    pairs = [(a, b) for i, a in enumerate(sources) for b in sources[i + 1 :]
             if containment(signs[a], signs[b]) >= DUPLICATE_CONTAINMENT]  # fmt: skip
    return join_copies(sources, pairs, score)


def join_copies(sources: list[str], pairs: list[tuple[str, str]], score: dict[str, float]) -> dict[str, str]:
    """Group the documents that are copies of each other (pairs over the threshold); in each
    group the cleanest copy is the one shown."""
    parent = {s: s for s in sources}
    for a, b in sorted(pairs):
        ra, rb = _root(parent, a), _root(parent, b)
        if ra != rb:
            keep, drop = (ra, rb) if score[ra] >= score[rb] else (rb, ra)
            parent[drop] = keep
    return {s: _root(parent, s) for s in sources if _root(parent, s) != s}


def _root(parent: dict[str, str], s: str) -> str:
    while parent[s] != s:
        s = parent[s]
    return s
