"""What was parsed, kept by content hash, so an unchanged file is neither read nor parsed again.

One JSON file per document, `<data>/parsed/<sha256 of the file>.<source key>.json`, holding the parsed
document (every dataclass field, so fields added to `Chunk` later survive the round trip) and
the fingerprint of the parsing code that made it: when that code changes, the entry is stale
and the file is parsed again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import asdict, fields
from functools import lru_cache
from pathlib import Path

from ingest.doc_profile import DocumentProfile
from ingest.header import DocumentMeta
from ingest.parsed import Chunk, ParsedDocument
from ingest.restore.hook import restoration_fingerprint

log = logging.getLogger(__name__)

INGEST_DIR = Path(__file__).resolve().parent
# Modules that index rather than parse: changing them does not change a parse.
NOT_PARSING = frozenset(
    {
        "pipeline.py",
        "index.py",
        "index_writes.py",
        "embedding",
        "vector_cache.py",
        "parsed_cache.py",
        "corpus_state.py",
    }
)


@lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    """Hash of the parsing code (every ingest module but the indexing ones)."""
    digest = hashlib.sha256()
    for path in sorted(INGEST_DIR.rglob("*.py")):
        if path.relative_to(INGEST_DIR).parts[0] in NOT_PARSING:
            continue
        digest.update(path.relative_to(INGEST_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    digest.update(restoration_fingerprint().encode())  # the OCR restoration model and switch
    return digest.hexdigest()[:16]


def _restore(cls, data: dict):
    """A dataclass from its dict, ignoring keys the class no longer has."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def to_json(parsed: ParsedDocument) -> dict:
    return asdict(parsed)


def from_json(data: dict) -> ParsedDocument:
    values = dict(data)
    values["meta"] = _restore(DocumentMeta, data.get("meta") or {})
    values["chunks"] = [_restore(Chunk, c) for c in data.get("chunks") or []]
    return _restore(ParsedDocument, values)


class ParsedStore:
    """Parsed documents on disk, keyed by the sha256 of the file they came from."""

    def __init__(self, folder: Path, max_tokens: int):
        self.folder = folder
        self.max_tokens = max_tokens

    def _path(self, digest: str, source: str) -> Path:
        # The source is part of the key: chunk ids name it, and two copies of one file differ there.
        where = hashlib.sha256(source.encode()).hexdigest()[:8]
        return self.folder / f"{digest}.{where}.json"

    def load(self, digest: str, source: str) -> ParsedDocument | None:
        """The parse of this content at this source path, if made by the current parser."""
        try:
            entry = json.loads(self._path(digest, source).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if (
            entry.get("parser") != parser_fingerprint()
            or entry.get("max_tokens") != self.max_tokens
            or entry.get("parsed", {}).get("source") != source
        ):
            return None
        try:
            return from_json(entry["parsed"])
        except (KeyError, TypeError) as exc:
            log.warning("ignoring unreadable parse cache %s: %s", self._path(digest, source), exc)
            return None

    def save(self, digest: str, parsed: ParsedDocument) -> None:
        entry = {"parser": parser_fingerprint(), "max_tokens": self.max_tokens, "parsed": to_json(parsed)}
        self._write(self._path(digest, parsed.source), entry, parsed.source)

    def _write(self, path: Path, entry: dict, source: str) -> None:
        """Written to a temp file and renamed: a crash never leaves half an entry."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(entry, fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            log.warning("could not keep the parse of %s: %s", source, exc)

    def load_profile(self, digest: str, source: str) -> DocumentProfile | None:
        """The statistics profile kept with this parse, if made by the current parser."""
        try:
            entry = json.loads(self._path(digest, source).with_suffix(".profile").read_text(encoding="utf-8"))
            if entry.get("parser") != parser_fingerprint() or entry.get("max_tokens") != self.max_tokens:
                return None
            return _restore(DocumentProfile, entry["profile"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save_profile(self, digest: str, source: str, profile: DocumentProfile) -> None:
        entry = {"parser": parser_fingerprint(), "max_tokens": self.max_tokens, "profile": profile.as_json()}
        self._write(self._path(digest, source).with_suffix(".profile"), entry, source)

    def forget_except(self, digests: set[str]) -> None:
        """Drop the parses of files no longer in the corpus."""
        if not self.folder.exists():
            return
        for path in [*self.folder.glob("*.json"), *self.folder.glob("*.profile")]:
            if path.name.split(".")[0] not in digests:
                path.unlink(missing_ok=True)
