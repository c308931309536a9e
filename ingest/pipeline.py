"""Document in: read -> parse header and numbered tasks -> link duplicates -> embed -> index.

Each file is read and parsed once: what was parsed is kept by content hash (`parsed_cache`),
so re-running reads only new or changed files, a removed file's chunks are deleted, and an
unchanged corpus is checked by size and modification time alone. Corpus-wide state (file hashes,
model, BM25 statistics, acronyms, provinces, duplicates) sits beside the index and is recomputed
from the kept parses. Which files changed and how each is read: ingest/corpus_read.py; how the
index is written: ingest/index_writes.py.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from ingest.corpus_read import (
    CorpusReader,
    Progress,
    Reader,
    changed_files,
    nothing_to_do,
    parse_file,
    parse_store,
)
from ingest.corpus_state import corpus_files, document_frequencies, file_hash, load_state, save_state
from ingest.doc_profile import DocumentProfile, copy_pairs, corpus_statistics
from ingest.doc_profile import duplicates as find_duplicates
from ingest.embedding import Embedder
from ingest.index import ChunkIndex
from ingest.index_writes import IndexBatch, relink_copy
from ingest.journal import WriteJournal
from ingest.parsed import ParsedDocument
from ingest.read import read_document

# parse_file, parse_store (ingest/corpus_read.py) and the corpus_state helpers stay importable here.
__all__ = ["IngestSummary", "corpus_files", "document_frequencies", "file_hash", "ingest", "load_state",
           "parse_file", "parse_store", "save_state"]  # fmt: skip


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
    parsed: dict[str, ParsedDocument] = field(default_factory=dict, repr=False)  # the indexed ones


def _link_copies(state: dict, profiles: dict[str, DocumentProfile], changed: set[str]) -> dict[str, str]:
    """Duplicate copies, comparing only new or changed documents with the others."""
    known = state["files"]
    fresh = set(profiles)
    if "copy_pairs" in state:  # pairs among unchanged documents were compared before
        fresh = {s for s in profiles if s in changed or s not in known}
    state["copy_pairs"] = copy_pairs(profiles, fresh, state.get("copy_pairs", []))
    return find_duplicates(profiles, state["copy_pairs"])


def _needs_rebuild(index: ChunkIndex, state: dict, embedder: Embedder | None) -> bool:
    model_name = embedder.name if embedder else None
    return (
        not index.exists()
        or state.get("embedding_model") != model_name
        or index.dense_size() != (embedder.dimension if embedder else None)
    )


def ingest(
    corpus_dir: Path,
    index: ChunkIndex,
    state_path: Path,
    embedder: Embedder | None,
    max_tokens: int = 480,
    progress: Progress | None = None,
    only: list[Path] | None = None,
    read: Reader = read_document,
) -> IngestSummary:
    """Bring the index in line with the corpus folder (or with `only` these files in it)."""
    started = time.perf_counter()
    report = progress or (lambda stage, done, total: None)
    summary = IngestSummary(dense=embedder is not None)
    journal = WriteJournal(state_path)  # a crash leaves a record; the next open repairs it
    state, rebuild = _open_state(index, state_path, embedder, journal)
    known: dict = state["files"]
    files = corpus_files(corpus_dir)
    sources = {p.relative_to(corpus_dir).as_posix(): p for p in files}
    hashes, changed = changed_files(sources, state)
    if not rebuild and nothing_to_do(state, set(sources), changed, hashes):
        return _unchanged(summary, state, sorted(sources), started)  # nothing changed: nothing to read

    store = parse_store(state_path, max_tokens)
    reader = CorpusReader(corpus_dir, store, read, report, state, summary)
    profiles, parsed = reader.profile_all(files, hashes, set(changed))
    duplicates = _link_copies(state, profiles, set(changed))
    _mark_copies(parsed, duplicates)
    state.update(corpus_statistics(profiles, with_avgdl=rebuild or "avgdl" not in state))

    wanted = {p.relative_to(corpus_dir).as_posix() for p in only} if only else None
    to_index = [s for s in parsed if s in changed and (wanted is None or s in wanted)]
    removed = sorted(set(known) - set(profiles) - set(summary.failed))
    journal.begin([*to_index, *removed], rebuild=rebuild)
    _remove_gone(index, removed, known, summary)
    batch = IndexBatch(index, embedder, parsed, hashes, duplicates, state["avgdl"])
    batch.run(to_index, sources, known, summary, report)
    _keep_unchanged(index, [s for s in profiles if s not in to_index], known, duplicates, summary)
    if wanted is None:
        store.forget_except(set(hashes.values()))
    _finish(summary, state, [], started)
    save_state(state_path, state)
    journal.done()
    return summary


def _unchanged(summary: IngestSummary, state: dict, sources: list[str], started: float) -> IngestSummary:
    """The summary of a run that found nothing to read: every file skipped, the failures kept."""
    _finish(summary, state, sources, started)
    summary.failed = {s: v["reason"] for s, v in state.get("failed", {}).items()}
    return summary


def _mark_copies(parsed: dict[str, ParsedDocument], duplicates: dict[str, str]) -> None:
    """Each chunk of a document that copies another names the document it copies."""
    for source, doc in parsed.items():
        for chunk in doc.chunks:
            chunk.duplicate_of = duplicates.get(source)


def _remove_gone(index: ChunkIndex, removed: list[str], known: dict, summary: IngestSummary) -> None:
    """Documents no longer in the corpus leave the index and the state."""
    for source in removed:
        index.delete_source(source)
        known.pop(source)
        summary.removed.append(source)


def _keep_unchanged(
    index: ChunkIndex, sources: list[str], known: dict, duplicates: dict[str, str], summary: IngestSummary
) -> None:
    """Indexed documents not written again: skipped, their copy link brought up to date."""
    for source in sources:
        if source in known:
            summary.skipped.append(source)
            relink_copy(index, known[source], source, duplicates.get(source))


def _open_state(index: ChunkIndex, state_path: Path, embedder: Embedder | None, journal: WriteJournal):
    """The corpus state and whether the index starts afresh (none yet, or another model)."""
    state = load_state(state_path)
    rebuild = _needs_rebuild(index, state, embedder)
    if rebuild:
        journal.begin(list(state.get("files", {})), rebuild=True)
        index.create(embedder.dimension if embedder else None)
        state = {"files": {}, "embedding_model": embedder.name if embedder else None}
    return state, rebuild


def _finish(summary: IngestSummary, state: dict, skipped: list[str], started: float) -> None:
    known = state["files"]
    summary.skipped.extend(skipped)
    summary.documents = len(known)
    summary.chunks = sum(v.get("chunks", 0) for v in known.values())
    summary.duplicates = sum(1 for v in known.values() if v.get("duplicate_of"))
    summary.seconds = round(time.perf_counter() - started, 2)
