"""Document in: read -> parse header and numbered tasks -> link duplicates -> embed -> index.

Each file is read and parsed once: what was parsed is kept by content hash (`parsed_cache`),
so re-running reads only new or changed files, a removed file's chunks are deleted, and an
unchanged corpus is checked by size and modification time alone. Corpus-wide state (file hashes,
model, BM25 statistics, acronyms, provinces, duplicates) sits beside the index and is recomputed
from the kept parses.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.chunks import ParsedDocument, parse_document
from ingest.corpus_state import (
    corpus_files,
    current_hash,
    document_frequencies,
    file_hash,
    file_stamp,
    load_state,
    save_state,
)
from ingest.doc_profile import DocumentProfile, copy_pairs, corpus_statistics, profile_of
from ingest.doc_profile import duplicates as find_duplicates
from ingest.embedding import Embedder
from ingest.index import ChunkIndex
from ingest.index_writes import IndexBatch, relink_copy
from ingest.journal import WriteJournal
from ingest.parsed_cache import ParsedStore, parser_fingerprint
from ingest.read import ExtractedText, UnreadableDocument, read_document
from ingest.restore.hook import restore_ocr

__all__ = ["IngestSummary", "corpus_files", "document_frequencies", "file_hash", "ingest", "load_state",
           "parse_file", "save_state"]  # fmt: skip

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]  # (stage, done, total)
Reader = Callable[..., ExtractedText]  # read_document's signature: (path, progress=None)
STATISTICS = ("df", "n_chunks", "provinces", "acronyms", "avgdl")


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


def parse_file(
    path: Path,
    corpus_dir: Path,
    max_tokens: int,
    progress=None,
    read: Reader = read_document,
    source: str | None = None,
) -> ParsedDocument:
    """Read and parse one file; `source` names it when it does not sit at its final place yet."""
    source = source or path.relative_to(corpus_dir).as_posix()
    extracted = read(path, progress=progress)
    parsed = parse_document(source, extracted.text, max_tokens=max_tokens)
    if not any(c.section for c in parsed.chunks) and len(parsed.text.strip()) < 40:
        raise UnreadableDocument(f"{source}: no text found")
    restore_ocr(parsed)  # OCR text gets a restored reading beside it (display, dense vectors)
    return parsed


def parse_store(state_path: Path, max_tokens: int) -> ParsedStore:
    """Where the parses of the corpus beside `state_path` are kept."""
    return ParsedStore(state_path.parent / "parsed", max_tokens)


def _pages_progress(report: Progress, path: Path, source: str):
    if path.suffix.lower() != ".pdf":
        return None

    def pages(done: int, total: int) -> None:  # scans are OCR'd page by page: show each page
        report(f"pages:{source}", done, total)

    return pages


def _profile_all(files, corpus_dir, hashes, changed, state, store, read, report, summary):
    """Every file's statistics profile, and the parse of every new or changed file: kept ones
    loaded, the others read and parsed (and kept). An unchanged file is not even loaded."""
    profiles: dict[str, DocumentProfile] = {}
    parsed: dict[str, ParsedDocument] = {}
    failed_before: dict = state.get("failed", {})
    state["failed"] = {}
    for i, path in enumerate(files, 1):
        source, digest = (
            path.relative_to(corpus_dir).as_posix(),
            hashes[path.relative_to(corpus_dir).as_posix()],
        )
        report("read", i - 1, len(files))
        if _still_failing(failed_before.get(source), digest):
            state["failed"][source] = failed_before[source]  # unchanged and still unreadable
            summary.failed[source] = failed_before[source]["reason"]
            continue
        profile = store.load_profile(digest, source) if source not in changed else None
        if profile is None:
            doc = store.load(digest, source)
            if doc is None:
                try:
                    doc = parse_file(
                        path, corpus_dir, store.max_tokens, _pages_progress(report, path, source), read
                    )
                except Exception as exc:  # one document the parser trips on must not stop the corpus
                    _note_failure(exc, source, digest, path, state, summary)
                    continue
                store.save(digest, doc)
            parsed[source] = doc
            profile = store.load_profile(digest, source)
            if profile is None:
                profile = profile_of(doc)
                store.save_profile(digest, source, profile)
        profiles[source] = profile
        report("read", i, len(files))
    return profiles, parsed


def _note_failure(exc: Exception, source: str, digest: str, path: Path, state: dict, summary) -> None:
    if not isinstance(exc, UnreadableDocument):
        log.exception("%s could not be parsed", source)
        exc = UnreadableDocument(f"{source}: could not be parsed ({type(exc).__name__}: {exc})")
    summary.failed[source] = str(exc)
    state["failed"][source] = {"hash": digest, "reason": str(exc), "parser": parser_fingerprint(),
                               **file_stamp(path)}  # fmt: skip


def _link_copies(state: dict, profiles: dict[str, DocumentProfile], changed: set[str]) -> dict[str, str]:
    """Duplicate copies, comparing only new or changed documents with the others."""
    known = state["files"]
    fresh = set(profiles)
    if "copy_pairs" in state:  # pairs among unchanged documents were compared before
        fresh = {s for s in profiles if s in changed or s not in known}
    state["copy_pairs"] = copy_pairs(profiles, fresh, state.get("copy_pairs", []))
    return find_duplicates(profiles, state["copy_pairs"])


def _still_failing(failure: dict | None, digest: str) -> bool:
    """A file that could not be read, unchanged since, with the same parser: not tried again."""
    return bool(failure) and failure.get("hash") == digest and failure.get("parser") == parser_fingerprint()


def _nothing_to_do(state: dict, sources: set[str], changed: list[str], hashes: dict[str, str]) -> bool:
    """No file added, removed or changed (but the unreadable ones, unchanged) since the last run."""
    failed = state.get("failed", {})
    return (
        set(state["files"]) <= sources
        and all(_still_failing(failed.get(s), hashes[s]) for s in changed)
        and all(k in state for k in STATISTICS)
    )


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
    hashes, changed = _changed_files(sources, state)
    if not rebuild and _nothing_to_do(state, set(sources), changed, hashes):
        return _unchanged(summary, state, sorted(sources), started)  # nothing changed: nothing to read

    store = parse_store(state_path, max_tokens)
    profiles, parsed = _profile_all(
        files, corpus_dir, hashes, set(changed), state, store, read, report, summary
    )
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


def _changed_files(sources: dict[str, Path], state: dict) -> tuple[dict[str, str], list[str]]:
    """Each file's content hash, and the files new, changed or parsed by older code."""
    known = state["files"]
    recorded = known | state.get("failed", {})
    hashes = {s: current_hash(p, recorded.get(s)) for s, p in sources.items()}
    fingerprint = parser_fingerprint()
    changed = [s for s in sources if known.get(s, {}).get("hash") != hashes[s]
               or known[s].get("parser") != fingerprint]  # fmt: skip
    return hashes, changed


def _finish(summary: IngestSummary, state: dict, skipped: list[str], started: float) -> None:
    known = state["files"]
    summary.skipped.extend(skipped)
    summary.documents = len(known)
    summary.chunks = sum(v.get("chunks", 0) for v in known.values())
    summary.duplicates = sum(1 for v in known.values() if v.get("duplicate_of"))
    summary.seconds = round(time.perf_counter() - started, 2)
