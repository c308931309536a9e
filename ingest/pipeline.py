"""Document in: read -> parse header and numbered tasks -> link duplicates -> embed -> index.

Re-running is cheap: unchanged files are skipped, a changed file's chunks are replaced and a
removed file's chunks deleted. State (file hashes, model, BM25 average length) sits beside the
index.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qdrant_client import models

from ingest.acronyms import mine_acronyms
from ingest.bm25 import average_length, doc_vector
from ingest.chunks import Chunk, ParsedDocument, parse_document
from ingest.dedupe import find_duplicates
from ingest.embedding import Embedder
from ingest.index import DENSE, SPARSE, ChunkIndex
from ingest.read import SUPPORTED_SUFFIXES, UnreadableDocument, is_sidecar, read_document
from ingest.text import word_tokens

Progress = Callable[[str, int, int], None]  # (stage, done, total)
_YEAR = re.compile(r"\b(20[0-9]{2})\b")


@dataclass
class IngestSummary:
    documents: int = 0
    chunks: int = 0
    duplicates: int = 0
    indexed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    dense: bool = False
    seconds: float = 0.0


def corpus_files(corpus_dir: Path) -> list[Path]:
    """Directive files under the corpus folder (sidecars of extracted text excluded)."""
    if not corpus_dir.exists():
        return []
    return sorted(
        p
        for p in corpus_dir.rglob("*")
        if p.is_file()
        and p.suffix.lower() in SUPPORTED_SUFFIXES
        and not is_sidecar(p)
        and p.name.lower() != "readme.md"
        and not any(part.startswith(".") for part in p.relative_to(corpus_dir).parts)
    )


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_state(path: Path) -> dict:
    if path.exists():
        return json.loads(path.read_text())
    return {"files": {}}


def save_state(path: Path, state: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, ensure_ascii=False, indent=1))
    tmp.replace(path)


def document_frequencies(texts: list[str]) -> dict[str, int]:
    """How many chunks hold each folded word: the rarity that weighs a question's words."""
    df: dict[str, int] = {}
    for text in texts:
        for token in set(word_tokens(text)):
            df[token] = df.get(token, 0) + 1
    return df


def chunk_payload(chunk: Chunk, digest: str) -> dict:
    payload = chunk.as_payload()
    payload["file_hash"] = digest
    payload["index_text"] = chunk.index_text
    payload["year"] = sorted(set(_YEAR.findall(chunk.index_text)))
    payload["doc_year"] = (chunk.doc.get("date") or "")[:4] or None
    return payload


def parse_file(path: Path, corpus_dir: Path, max_tokens: int, progress=None) -> ParsedDocument:
    source = path.relative_to(corpus_dir).as_posix()
    extracted = read_document(path, progress=progress)
    parsed = parse_document(source, extracted.text, max_tokens=max_tokens)
    if not any(c.section for c in parsed.chunks) and len(parsed.text.strip()) < 40:
        raise UnreadableDocument(f"{source}: no text found")
    return parsed


def ingest(
    corpus_dir: Path,
    index: ChunkIndex,
    state_path: Path,
    embedder: Embedder | None,
    max_tokens: int = 480,
    progress: Progress | None = None,
    only: list[Path] | None = None,
) -> IngestSummary:
    """Bring the index in line with the corpus folder (or with `only` these files in it)."""
    started = time.perf_counter()
    report = progress or (lambda stage, done, total: None)
    summary = IngestSummary(dense=embedder is not None)
    state = load_state(state_path)
    model_name = embedder.name if embedder else None
    rebuild = (
        not index.exists()
        or state.get("embedding_model") != model_name
        or index.dense_size() != (embedder.dimension if embedder else None)
    )
    if rebuild:
        index.create(embedder.dimension if embedder else None)
        state = {"files": {}, "embedding_model": model_name}

    files = corpus_files(corpus_dir)
    parsed: dict[str, ParsedDocument] = {}
    hashes: dict[str, str] = {}
    for i, path in enumerate(files, 1):
        report("read", i - 1, len(files))
        source = path.relative_to(corpus_dir).as_posix()
        try:
            hashes[source] = file_hash(path)
            pages = None
            if path.suffix.lower() == ".pdf":  # scans are OCR'd page by page: show each page

                def pages(done: int, total: int, source: str = source) -> None:
                    report(f"pages:{source}", done, total)

            parsed[source] = parse_file(path, corpus_dir, max_tokens, progress=pages)
        except UnreadableDocument as exc:
            summary.failed[source] = str(exc)
        report("read", i, len(files))
    duplicates = find_duplicates({s: d.text for s, d in parsed.items()})
    for source, doc in parsed.items():
        for chunk in doc.chunks:
            chunk.duplicate_of = duplicates.get(source)

    all_chunks = [c for d in parsed.values() for c in d.chunks]
    state["df"] = document_frequencies([c.index_text for c in all_chunks])
    state["n_chunks"] = len(all_chunks)
    state["provinces"] = sorted({d.meta.province for d in parsed.values() if d.meta.province})
    state["acronyms"] = {}
    for doc in parsed.values():
        state["acronyms"].update(mine_acronyms(doc.text))
    if rebuild or "avgdl" not in state:
        state["avgdl"] = average_length([c.index_text for d in parsed.values() for c in d.chunks])
    known: dict = state["files"]
    wanted = {p.relative_to(corpus_dir).as_posix() for p in only} if only else None
    to_index = [
        s for s in parsed if known.get(s, {}).get("hash") != hashes[s] and (wanted is None or s in wanted)
    ]
    for source in sorted(set(known) - set(parsed) - set(summary.failed)):
        index.delete_source(source)
        known.pop(source)
        summary.removed.append(source)

    total_chunks = sum(len(parsed[s].chunks) for s in to_index)
    if embedder:  # embed every new text first, in batches, with progress; the loop reads the cache
        new_texts = [c.index_text for s in to_index for c in parsed[s].chunks]
        embedder.embed_passages(new_texts, progress=lambda done, total: report("embed", done, total))
    done = 0
    for source in to_index:
        doc = parsed[source]
        index.delete_source(source)
        texts = [c.index_text for c in doc.chunks]
        dense = embedder.embed_passages(texts) if embedder and texts else [None] * len(texts)
        points = []
        for order, (chunk, vector) in enumerate(zip(doc.chunks, dense, strict=True)):
            indices, values = doc_vector(chunk.index_text, state["avgdl"])
            vectors: dict = {SPARSE: models.SparseVector(indices=indices, values=values)}
            if vector is not None:
                vectors[DENSE] = vector
            payload = chunk_payload(chunk, hashes[source]) | {"order": order}
            points.append((chunk.id, vectors, payload))
        index.upsert(points)
        known[source] = {
            "hash": hashes[source],
            "duplicate_of": duplicates.get(source),
            "chunks": len(doc.chunks),
        }
        summary.indexed.append(source)
        done += len(doc.chunks)
        report("index", done, total_chunks)

    for source in parsed:
        if source in to_index or source not in known:
            continue
        summary.skipped.append(source)
        if known[source].get("duplicate_of") != duplicates.get(source):
            index.set_payload_for_source(source, {"duplicate_of": duplicates.get(source)})
            known[source]["duplicate_of"] = duplicates.get(source)
    save_state(state_path, state)
    summary.documents = len(known)
    summary.chunks = sum(v.get("chunks", 0) for v in known.values())
    summary.duplicates = sum(1 for v in known.values() if v.get("duplicate_of"))
    summary.seconds = round(time.perf_counter() - started, 2)
    return summary
