"""What the corpus-wide statistics need from one document, computed once when it is parsed.

Word rarity (df), chunk lengths (BM25's average), acronyms, province, and the shingles and
cleanliness that link an OCR copy to its clean text: kept beside the document's parse, so a
change to one file recomputes the corpus state by adding up profiles, not by re-reading texts.
"""

from __future__ import annotations

import zlib
from dataclasses import asdict, dataclass, field

from ingest.acronyms import mine_acronyms
from ingest.bm25 import DEFAULT_AVGDL
from ingest.dedupe import (
    DUPLICATE_CONTAINMENT,
    cleanliness,
    containment,
    join_copies,
    numbers_agree,
    shingles,
)
from ingest.parsed import ParsedDocument
from ingest.text import bm25_terms, word_tokens


@dataclass
class DocumentProfile:
    df: dict[str, int] = field(default_factory=dict)  # folded word -> chunks of this document holding it
    n_chunks: int = 0
    bm25_length: int = 0  # BM25 terms over all chunks
    acronyms: dict[str, str] = field(default_factory=dict)
    province: str | None = None
    shingles: list[int] = field(default_factory=list)  # crc32 of each word 3-gram
    cleanliness: float = 0.0
    number: str | None = None  # the header's document number: copies must agree on it

    def as_json(self) -> dict:
        return asdict(self)


def profile_of(doc: ParsedDocument) -> DocumentProfile:
    df: dict[str, int] = {}
    length = 0
    for chunk in doc.chunks:
        text = chunk.index_text
        for token in set(word_tokens(text)):
            df[token] = df.get(token, 0) + 1
        length += len(bm25_terms(text))
    signs = sorted({zlib.crc32(s.encode()) for s in shingles(doc.text)})
    return DocumentProfile(df, len(doc.chunks), length, mine_acronyms(doc.text), doc.meta.province, signs,
                           cleanliness(doc.text), doc.meta.number)  # fmt: skip


def corpus_statistics(profiles: dict[str, DocumentProfile], with_avgdl: bool) -> dict:
    """df, chunk count, provinces and acronyms of the whole corpus (and avgdl when asked)."""
    df: dict[str, int] = {}
    acronyms: dict[str, str] = {}
    for source in sorted(profiles):
        profile = profiles[source]
        for token, n in profile.df.items():
            df[token] = df.get(token, 0) + n
        acronyms.update(profile.acronyms)
    n_chunks = sum(p.n_chunks for p in profiles.values())
    stats = {"df": df, "n_chunks": n_chunks, "acronyms": acronyms,
             "provinces": sorted({p.province for p in profiles.values() if p.province})}  # fmt: skip
    if with_avgdl:
        stats["avgdl"] = (
            sum(p.bm25_length for p in profiles.values()) / n_chunks if n_chunks else DEFAULT_AVGDL
        )
    return stats


def copy_pairs(
    profiles: dict[str, DocumentProfile], fresh: set[str], previous: list
) -> list[tuple[str, str]]:
    """Pairs of documents that share enough shingles to be copies: the pairs found before among
    unchanged documents are kept, only pairs with a new or changed document are compared."""
    sources = sorted(profiles)
    kept = {(a, b) for a, b in previous if a in profiles and b in profiles and not {a, b} & fresh
            and numbers_agree(profiles[a].number, profiles[b].number)}  # fmt: skip
    signs: dict[str, set[int]] = {}

    def signs_of(source: str) -> set[int]:
        if source not in signs:
            signs[source] = set(profiles[source].shingles)
        return signs[source]

    for a in sorted(fresh & set(sources)):
        for b in sources:
            if b == a or (b in fresh and b < a) or not numbers_agree(profiles[a].number, profiles[b].number):
                continue
            if containment(signs_of(a), signs_of(b)) >= DUPLICATE_CONTAINMENT:
                kept.add((min(a, b), max(a, b)))
    return sorted(kept)


def duplicates(profiles: dict[str, DocumentProfile], pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Each duplicate copy's source -> the source of the copy preferred for display."""
    return join_copies(sorted(profiles), pairs, {s: p.cleanliness for s, p in profiles.items()})
