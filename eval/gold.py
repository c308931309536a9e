"""Gold passages given by a quote, resolved to chunk ids when the benchmark runs.

A question's gold entry `{"source", "quote"}` names a short exact piece of the document. The
chunks that hold it are found at eval time by folded, whitespace-insensitive containment (accents,
case, spaces and Markdown/table marks ignored), so gold survives any change to how documents are
cut into chunks. On an OCR document a quote is looked for in the original text, then in the
restored reading (`display_text`), then with OCR's letter confusions folded on both sides
(`ingest.restore.confusions`: `rn`/`m`, `ii`/`u`, `|`/`l`, `0`/`o` …). A quote that no single chunk holds
whole is looked for among the headings chunks carry (a clause's lead-in whose points are the
chunks: its points are the gold), then falls back to the chunk holding the longest head or tail
of it (it straddles a boundary).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.restore.confusions import fold_confusions
from ingest.text import fold_accents

_MARKUP = re.compile(r"<[^>]+>|[\s*|_#`\\]+")
_NOT_ALNUM = re.compile(r"[\W_]+")
MIN_PART = 24  # folded characters a straddling quote must share with a chunk


def fold_for_match(text: str) -> str:
    """'**Bữa trưa**\\n| 35.000' -> 'buatrua35.000': comparable across layouts."""
    return _MARKUP.sub("", fold_accents(text or ""))


def quote_in(quote: str, text: str) -> bool:
    return fold_for_match(quote) in fold_for_match(text)


def resolve_quote(quote: str, chunks: Iterable[dict]) -> list[str]:
    """Ids of the chunks (dicts with "id", "text" and, restored, "display_text") that contain
    the quote: as written, in the restored reading, or across OCR confusions; else straddling."""
    chunks = list(chunks)
    wanted = fold_for_match(quote)
    if not wanted:
        return []
    folded = [(c["id"], fold_for_match(c.get("text", ""))) for c in chunks]
    readings = [folded, [(c["id"], fold_for_match(c.get("display_text") or "")) for c in chunks]]
    for reading in readings:
        exact = [cid for cid, text in reading if wanted in text]
        if exact:
            return exact
    confused = [(c["id"], fold_confusions(c.get("text", ""))) for c in chunks]
    wanted_confused = fold_confusions(quote)
    exact = [cid for cid, text in confused if wanted_confused and wanted_confused in text]
    if exact:
        return exact
    return (
        _under_heading(quote, chunks) or _straddling(wanted, folded) or _straddling(wanted_confused, confused)
    )


def _under_heading(quote: str, chunks: list[dict]) -> list[str]:
    """Chunks under a heading the quote is, label and title ('5. Nghị quyết này bãi bỏ …:' is the
    lead-in of points a), b), c)); punctuation ignored."""
    wanted = _NOT_ALNUM.sub("", fold_accents(quote))
    found = []
    for chunk in chunks:
        for label, title in zip(chunk.get("section") or [], chunk.get("titles") or [], strict=False):
            if wanted and _NOT_ALNUM.sub("", fold_accents(f"{label}{title}")) == wanted:
                found.append(chunk["id"])
                break
    return found


def _straddling(wanted: str, folded: list[tuple[str, str]]) -> list[str]:
    """Chunks holding the longest head or tail of the quote (at least MIN_PART characters, or
    half of a shorter quote)."""
    best, ids = 0, []
    for cid, text in folded:
        size = max(_shared_edge(wanted, text), _shared_edge(wanted[::-1], text[::-1]))
        if size > best:
            best, ids = size, [cid]
        elif size == best and size:
            ids.append(cid)
    return ids if best >= min(MIN_PART, len(wanted) // 2) else []


def _shared_edge(wanted: str, text: str) -> int:
    """Length of the longest prefix of `wanted` found at the end of `text`."""
    for size in range(len(wanted), 0, -1):
        if text.endswith(wanted[:size]):
            return size
    return 0


def resolve_gold(gold: list[dict], chunks_of) -> list[str]:
    """Chunk ids of all gold entries; `chunks_of(source)` lists a document's chunks. An entry with
    a quote the index cannot place resolves to a key no passage has, so it counts as missed."""
    ids: list[str] = []
    for entry in gold:
        found = resolve_quote(entry["quote"], chunks_of(entry["source"]))
        ids.extend(found or [f"unresolved:{entry['source']}"])
    return list(dict.fromkeys(ids))
