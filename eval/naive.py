"""The naive baseline: fixed-size chunks (llama-index SentenceSplitter, 256 tokens, 32 overlap)
searched by the same BM25 path, each chunk mapped to the numbered task it overlaps most so its
section key compares with the seed set's gold."""

from __future__ import annotations

import bisect
import tempfile
from collections import Counter
from pathlib import Path

NAIVE_CHUNK_SIZE = 256
NAIVE_OVERLAP = 32


class NaiveIndex:
    """Fixed-size chunks of the corpus in their own embedded Qdrant collection, in a temp dir."""

    def __init__(
        self,
        corpus_dir: Path,
        max_tokens: int = 480,
        chunk_size: int = NAIVE_CHUNK_SIZE,
        overlap: int = NAIVE_OVERLAP,
    ):
        from qdrant_client import QdrantClient

        from ingest.index.server import ClientIndex

        self._tmp = tempfile.TemporaryDirectory(prefix="eduqa-naive-")
        self.client = QdrantClient(path=str(Path(self._tmp.name) / "qdrant"))
        self.index = ClientIndex(self.client, "naive_chunks")
        self.index.create(None)
        parsed = parse_corpus(corpus_dir, max_tokens)
        points = sparse_points(fixed_size_pieces(parsed, chunk_size, overlap))
        for start in range(0, len(points), 256):
            self.index.upsert(points[start : start + 256])
        self.n_chunks = len(points)
        self.n_tasks = sum(len(d.chunks) for d in parsed.values())

    def search(self, question: str, limit: int = 20):
        from assistant.query import analyse
        from assistant.search import search

        return search(self.index, analyse(question), limit=limit, mode="bm25")

    def close(self) -> None:
        self.client.close()
        self._tmp.cleanup()


def parse_corpus(corpus_dir: Path, max_tokens: int) -> dict:
    """Each readable corpus file parsed as ingest parses it, by source."""
    from ingest.pipeline import corpus_files, parse_file
    from ingest.read import UnreadableDocument

    parsed = {}
    for path in corpus_files(corpus_dir):
        try:
            parsed[path.relative_to(corpus_dir).as_posix()] = parse_file(path, corpus_dir, max_tokens)
        except UnreadableDocument:
            continue
    return parsed


def fixed_size_pieces(parsed: dict, chunk_size: int, overlap: int) -> list[tuple[str, list[str], str, dict]]:
    """(source, section of the task it overlaps most, text, document metadata) of every fixed-size
    piece; an OCR copy's piece is shown as the clean copy's, as search shows it."""
    from llama_index.core import Document
    from llama_index.core.node_parser import SentenceSplitter

    from ingest.dedupe import find_duplicates

    duplicates = find_duplicates({s: d.text for s, d in parsed.items()})
    sections = {s: {tuple(c.section) for c in d.chunks} for s, d in parsed.items()}
    splitter = SentenceSplitter(chunk_size=chunk_size, chunk_overlap=overlap)
    pieces = []
    for source, doc in parsed.items():
        owners = line_owners(doc.text, doc.chunks)
        for node in splitter.get_nodes_from_documents([Document(text=doc.text)]):
            content = node.get_content()
            where = (node.start_char_idx, node.end_char_idx)
            section = map_to_task(doc.text, doc.chunks, content, *where, owners)
            clean = duplicates.get(source)
            shown = clean if clean and tuple(section) in sections.get(clean, set()) else source
            pieces.append((shown, section, content, doc.chunks[0].doc if doc.chunks else {}))
    return pieces


def sparse_points(pieces: list[tuple[str, list[str], str, dict]]) -> list[tuple]:
    """Index points of the pieces: the same BM25 vector and the payload fields search reads."""
    from qdrant_client import models

    from ingest.bm25 import average_length, doc_vector
    from ingest.index import SPARSE

    avgdl = average_length([p[2] for p in pieces])
    points = []
    for n, (source, section, text, doc_meta) in enumerate(pieces):
        indices, values = doc_vector(text, avgdl)
        payload = {
            "id": f"naive:{n}",
            "source": source,
            "section": section,
            "section_title": "",
            "heading_path": "",
            "text": text,
            "index_text": text,
            "doc": doc_meta,
            "part": n,
        }
        points.append((f"naive:{n}", {SPARSE: models.SparseVector(indices=indices, values=values)}, payload))
    return points


def map_to_task(
    text: str, chunks: list, piece: str, start: int | None, end: int | None, owners=None
) -> list[str]:
    """Section of the numbered-task chunk a fixed-size piece overlaps most: by text position
    (each line owned by the most specific task that holds it), else by shared words. `owners`:
    `line_owners(text, chunks)`, computed once per document by the caller (or here)."""
    owners = owners if owners is not None else line_owners(text, chunks)
    if start is not None and end is not None and owners:
        line_starts, owner_of = owners
        counts: Counter = Counter()
        first = max(bisect.bisect_right(line_starts, start) - 1, 0)
        for i in range(first, len(line_starts)):
            ls = line_starts[i]
            if ls >= end:
                break
            le = line_starts[i + 1] if i + 1 < len(line_starts) else len(text)
            overlap = min(le, end) - max(ls, start)
            if overlap > 0 and owner_of[i] is not None:
                counts[owner_of[i]] += overlap
        if counts:
            return list(counts.most_common(1)[0][0])
    return _by_words(chunks, piece)


def line_owners(text: str, chunks: list):
    """(line start offsets, the section owning each line) or None when no chunk is placed."""
    line_starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            line_starts.append(i + 1)
    owner_of: list = [None] * len(line_starts)
    span_len: list = [None] * len(line_starts)
    cursor = 0
    for c in chunks:
        raw = (c.raw_text or "").strip("\n")
        if not raw:
            continue
        pos = text.find(raw, cursor)
        if pos < 0:
            pos = text.find(raw)
        if pos < 0:
            continue
        cursor = pos
        a = bisect.bisect_right(line_starts, pos) - 1
        b = bisect.bisect_right(line_starts, pos + len(raw) - 1) - 1
        for i in range(a, b + 1):
            if span_len[i] is None or len(raw) < span_len[i]:
                owner_of[i], span_len[i] = tuple(c.section), len(raw)
    return (line_starts, owner_of) if any(o is not None for o in owner_of) else None


def _by_words(chunks: list, piece: str) -> list[str]:
    from ingest.text import word_tokens

    words = Counter(word_tokens(piece))
    best, best_score = [], -1
    for c in chunks:
        score = sum((words & Counter(word_tokens(c.text))).values())
        if score > best_score:
            best, best_score = list(c.section), score
    return best
