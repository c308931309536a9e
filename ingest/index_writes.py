"""Writing parsed documents into the index: each chunk's sparse and dense vectors and payload,
a batch of changed documents with their vectors embedded first, and the copy links of unchanged
ones."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ingest.bm25 import chunk_vector, title_field
from ingest.corpus_state import file_stamp
from ingest.embedding import Embedder
from ingest.index import DENSE, SPARSE, ChunkIndex
from ingest.journal import write_batches
from ingest.parsed import Chunk, ParsedDocument
from ingest.parsed_cache import parser_fingerprint
from ingest.restore.hook import bm25_text, search_reading

_YEAR = re.compile(r"\b(20[0-9]{2})\b")


def chunk_payload(chunk: Chunk, digest: str) -> dict:
    payload = chunk.as_payload()
    payload["file_hash"] = digest
    payload["index_text"] = chunk.index_text
    payload["year"] = sorted(set(_YEAR.findall(chunk.index_text)))
    payload["doc_year"] = (chunk.doc.get("date") or "")[:4] or None
    return payload


def index_document(index, doc: ParsedDocument, digest: str, embedder, avgdl: float) -> None:
    """Write one document's chunks (sparse and dense vectors, payload), then drop what its
    older version left."""
    texts = [search_reading(c) for c in doc.chunks]
    dense = embedder.embed_passages(texts) if embedder and texts else [None] * len(texts)
    points = []
    for order, (chunk, vector) in enumerate(zip(doc.chunks, dense, strict=True)):
        indices, values = chunk_vector(bm25_text(chunk), title_field(chunk.doc), avgdl)
        vectors: dict = {SPARSE: (indices, values)}
        if vector is not None:
            vectors[DENSE] = vector
        points.append((chunk.id, vectors, chunk_payload(chunk, digest) | {"order": order}))
    for batch in write_batches(points):
        index.upsert(batch)
    index.prune_source(doc.source, [p[0] for p in points])  # then the old version's leftovers out


@dataclass
class IndexBatch:
    """The changed documents of one ingest, written into the index with their vectors."""

    index: ChunkIndex
    embedder: Embedder | None
    parsed: dict
    hashes: dict[str, str]
    duplicates: dict[str, str | None]
    avgdl: float

    def run(self, to_index: list[str], sources: dict[str, Path], known: dict, summary, report) -> None:
        """Embed every new text first, in batches, with progress (the loop then reads the
        cache); index each document and record it in the state."""
        total_chunks, done = sum(len(self.parsed[s].chunks) for s in to_index), 0
        if self.embedder:
            new_texts = [search_reading(c) for s in to_index for c in self.parsed[s].chunks]
            self.embedder.embed_passages(new_texts, progress=lambda d, t: report("embed", d, t))
        for source in to_index:
            doc = self.parsed[source]
            index_document(self.index, doc, self.hashes[source], self.embedder, self.avgdl)
            known[source] = {"hash": self.hashes[source], "duplicate_of": self.duplicates.get(source),
                             "chunks": len(doc.chunks), "parser": parser_fingerprint(),
                             "doc": {k: v for k, v in doc.meta.as_dict().items() if k != "recipients"},
                             **file_stamp(sources[source])}  # fmt: skip
            summary.indexed.append(source)
            summary.parsed[source] = doc
            done += len(doc.chunks)
            report("index", done, total_chunks)


def relink_copy(index: ChunkIndex, record: dict, source: str, duplicate_of: str | None) -> None:
    """An unchanged document whose copy link changed gets the new link on its chunks."""
    if record.get("duplicate_of") != duplicate_of:
        index.set_payload_for_source(source, {"duplicate_of": duplicate_of})
        record["duplicate_of"] = duplicate_of
