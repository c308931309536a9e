"""Reading the corpus for ingest: which files changed, and each new or changed file read and
parsed once (kept by content hash in `parsed_cache`), with every file's statistics profile.

A file the reader or the parser trips on is recorded with its reason and not tried again until it
changes (or the parser does); it never stops the rest of the corpus.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.chunks import parse_document
from ingest.corpus_state import current_hash, file_stamp
from ingest.doc_profile import DocumentProfile, profile_of
from ingest.parsed import ParsedDocument
from ingest.parsed_cache import ParsedStore, parser_fingerprint
from ingest.read import ExtractedText, UnreadableDocument, read_document
from ingest.restore.hook import restore_ocr

__all__ = [
    "CorpusReader",
    "Progress",
    "Reader",
    "changed_files",
    "nothing_to_do",
    "parse_file",
    "parse_store",
]

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]  # (stage, done, total)
Reader = Callable[..., ExtractedText]  # read_document's signature: (path, progress=None)
STATISTICS = ("df", "n_chunks", "provinces", "acronyms", "avgdl")


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


def changed_files(sources: dict[str, Path], state: dict) -> tuple[dict[str, str], list[str]]:
    """Each file's content hash, and the files new, changed or parsed by older code."""
    known = state["files"]
    recorded = known | state.get("failed", {})
    hashes = {s: current_hash(p, recorded.get(s)) for s, p in sources.items()}
    fingerprint = parser_fingerprint()
    changed = [s for s in sources if known.get(s, {}).get("hash") != hashes[s]
               or known[s].get("parser") != fingerprint]  # fmt: skip
    return hashes, changed


def still_failing(failure: dict | None, digest: str) -> bool:
    """A file that could not be read, unchanged since, with the same parser: not tried again."""
    return bool(failure) and failure.get("hash") == digest and failure.get("parser") == parser_fingerprint()


def nothing_to_do(state: dict, sources: set[str], changed: list[str], hashes: dict[str, str]) -> bool:
    """No file added, removed or changed (but the unreadable ones, unchanged) since the last run."""
    failed = state.get("failed", {})
    return (
        set(state["files"]) <= sources
        and all(still_failing(failed.get(s), hashes[s]) for s in changed)
        and all(k in state for k in STATISTICS)
    )


@dataclass
class CorpusReader:
    """One ingest run's reading of the corpus folder: parses kept in `store`, failures noted in
    the corpus `state` and the run's `summary`."""

    corpus_dir: Path
    store: ParsedStore
    read: Reader
    report: Progress
    state: dict
    summary: Any  # the run's IngestSummary: its `failed` is filled here

    def profile_all(
        self, files: list[Path], hashes: dict[str, str], changed: set[str]
    ) -> tuple[dict[str, DocumentProfile], dict[str, ParsedDocument]]:
        """Every file's statistics profile, and the parse of every new or changed file: kept ones
        loaded, the others read and parsed (and kept). An unchanged file is not even loaded."""
        profiles: dict[str, DocumentProfile] = {}
        parsed: dict[str, ParsedDocument] = {}
        failed_before: dict = self.state.get("failed", {})
        self.state["failed"] = {}
        for i, path in enumerate(files, 1):
            source = path.relative_to(self.corpus_dir).as_posix()
            digest = hashes[source]
            self.report("read", i - 1, len(files))
            if still_failing(failed_before.get(source), digest):
                self.state["failed"][source] = failed_before[source]  # unchanged and still unreadable
                self.summary.failed[source] = failed_before[source]["reason"]
                continue
            profile = self.store.load_profile(digest, source) if source not in changed else None
            if profile is None:
                doc = self._kept_or_parsed(path, source, digest)
                if doc is None:
                    continue
                parsed[source] = doc
                profile = self._profile(digest, source, doc)
            profiles[source] = profile
            self.report("read", i, len(files))
        return profiles, parsed

    def _kept_or_parsed(self, path: Path, source: str, digest: str) -> ParsedDocument | None:
        """The kept parse of this content, else the file read and parsed (and kept); None when
        it cannot be (noted as a failure)."""
        doc = self.store.load(digest, source)
        if doc is None:
            try:
                doc = parse_file(path, self.corpus_dir, self.store.max_tokens,
                                 _pages_progress(self.report, path, source), self.read)  # fmt: skip
            except Exception as exc:  # one document the parser trips on must not stop the corpus
                self._note_failure(exc, source, digest, path)
                return None
            self.store.save(digest, doc)
        return doc

    def _profile(self, digest: str, source: str, doc: ParsedDocument) -> DocumentProfile:
        profile = self.store.load_profile(digest, source)
        if profile is None:
            profile = profile_of(doc)
            self.store.save_profile(digest, source, profile)
        return profile

    def _note_failure(self, exc: Exception, source: str, digest: str, path: Path) -> None:
        if not isinstance(exc, UnreadableDocument):
            log.exception("%s could not be parsed", source)
            exc = UnreadableDocument(f"{source}: could not be parsed ({type(exc).__name__}: {exc})")
        self.summary.failed[source] = str(exc)
        self.state["failed"][source] = {"hash": digest, "reason": str(exc), "parser": parser_fingerprint(),
                                        **file_stamp(path)}  # fmt: skip


def _pages_progress(report: Progress, path: Path, source: str):
    if path.suffix.lower() != ".pdf":
        return None

    def pages(done: int, total: int) -> None:  # scans are OCR'd page by page: show each page
        report(f"pages:{source}", done, total)

    return pages
