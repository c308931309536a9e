"""An uploaded directive into the corpus: a safe name that the corpus scan will index, parsed in
a private staging folder (so refusals name the user's file and leave nothing behind), then moved
into `corpus/uploads/` and indexed under the service's write lock.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

from ingest.journal import STAGING_PREFIX, UPLOADS, repair_interrupted_write
from ingest.pipeline import file_hash, parse_file, parse_store
from ingest.read import SUPPORTED_SUFFIXES, UnreadableDocument, is_sidecar, sidecar_path

MAX_NAME_BYTES = 150  # well under the 255-byte file-name limit, sidecar suffix included
_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


class DocumentExists(FileExistsError):
    """An upload whose name is already in the corpus, sent without `replace`."""


def is_indexable_name(name: str) -> bool:
    """The corpus scan's rule for a file name (ingest.pipeline.corpus_files): a supported type,
    not a sidecar of extracted text, not the corpus README, not hidden."""
    path = Path(name)
    return (
        path.suffix.lower() in SUPPORTED_SUFFIXES
        and not is_sidecar(path)
        and name.lower() != "readme.md"
        and not name.startswith(".")
    )


def safe_upload_name(filename: str) -> str:
    """The user's file name made safe to store and sure to be indexed: no folders, no odd
    characters, at most MAX_NAME_BYTES bytes (suffix kept), and renamed (`README_1.md`) when the
    corpus scan would skip it."""
    raw = _UNSAFE.sub("_", Path(filename.replace("\\", "/")).name)
    name = raw.strip("._") or "upload"
    lost = [s for s in SUPPORTED_SUFFIXES if raw.lower().endswith(s) and not name.lower().endswith(s)]
    if lost:  # a name of dots before its type ('....txt', '.md'): the type is kept
        name = "upload" + lost[0]
    path = Path(name)
    suffix = path.suffix.lower() if path.suffix.lower() in SUPPORTED_SUFFIXES else path.suffix
    stem = name[: len(name) - len(path.suffix)] or "upload"
    suffix = suffix[:16]
    room = MAX_NAME_BYTES - len(suffix.encode())
    stem = stem.encode()[:room].decode(errors="ignore").rstrip("._") or "upload"
    name = stem + suffix
    n = 0
    while suffix.lower() in SUPPORTED_SUFFIXES and not is_indexable_name(name):
        n += 1
        name = f"{stem}_{n}{suffix}"
    return name


def check_upload(filename: str, data: bytes) -> str:
    """The stored name, or UnreadableDocument naming the user's file."""
    name = safe_upload_name(filename)
    suffix = Path(name).suffix.lower()
    shown = Path(filename.replace("\\", "/")).name or name
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise UnreadableDocument(f"unsupported file type {suffix or '(none)'}; supported: {supported}",
                                 Path(shown))  # fmt: skip
    if not data:
        raise UnreadableDocument("the file is empty", Path(shown))
    return name


def store_upload(service, filename: str, data: bytes, replace: bool = False) -> dict:
    """Parse the upload in a staging folder, then move it into the corpus and index it."""
    name = check_upload(filename, data)
    corpus = service.settings.corpus_dir
    target = corpus / UPLOADS / name
    source = target.relative_to(corpus).as_posix()
    _refuse_existing(service, target, source, replace)
    staging = corpus / UPLOADS / f"{STAGING_PREFIX}{time.time_ns()}"
    staging.mkdir(parents=True)
    try:
        staged = staging / name
        staged.write_bytes(data)
        parsed = _parse(service, staged, source, filename)
        with service.lock:
            _refuse_existing(service, target, source, replace)
            staged.replace(target)
            if sidecar_path(staged).exists():
                sidecar_path(staged).replace(sidecar_path(target))
            # parsed once, here, under its final name: ingest finds the parse kept
            parse_store(service.settings.state_path, service.settings.embedding_max_tokens).save(
                file_hash(target), parsed
            )
            summary = _index_or_undo(service, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {"id": source, "source": source, "chunks": len(parsed.chunks),
            "duplicate_of": service.state["files"].get(source, {}).get("duplicate_of"),
            "replaced": replace and source in summary.indexed, "seconds": summary.seconds}  # fmt: skip


def _index_or_undo(service, target: Path):
    """Index the stored file; on any error undo the half-written document and remove the file,
    so a failed upload leaves the corpus and index as they were."""
    try:
        return service.ingest(only=[target])
    except Exception:
        target.unlink(missing_ok=True)
        sidecar_path(target).unlink(missing_ok=True)
        repair_interrupted_write(service.index, service.settings.state_path)
        service.reload_state()
        raise


def _refuse_existing(service, target: Path, source: str, replace: bool) -> None:
    if not replace and (target.exists() or source in service.state.get("files", {})):
        raise DocumentExists(f"{source} already exists; send replace=true to replace it")


def _parse(service, staged: Path, source: str, filename: str):
    """The parsed document; refusals name the file as the user sent it."""
    shown = Path(Path(filename.replace("\\", "/")).name or staged.name)
    try:
        parsed = parse_file(staged, staged.parent, service.settings.embedding_max_tokens,
                            read=service.read_file, source=source)  # fmt: skip
    except UnreadableDocument as exc:
        reason = exc.reason.replace(str(staged), shown.name)
        for prefix in (f"{source}: ", f"{staged.name}: "):
            reason = reason.removeprefix(prefix)
        raise UnreadableDocument(reason, shown) from None
    except Exception as exc:
        raise UnreadableDocument(f"the file could not be parsed: {exc}", shown) from exc
    if not parsed.chunks:
        raise UnreadableDocument("no numbered tasks or text found in the file", shown)
    return parsed
