"""A set's corpus as its own indexed copy: files linked into `<data>/corpus`, ingested once.

The linked folder holds every readable document of the set's corpus root (README and data
files excluded as `ingest` does). A document the reader fails on is left out and named in the
report instead of stopping the benchmark; it is tried again on every run, so it comes back as
soon as the reader handles it. Unchanged files are not re-indexed (the ingest state decides; a
file parsed by another version of the reader is read again).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

log = logging.getLogger(__name__)
FAILURES = "reader_failures.json"


def link_corpus(root: Path, dest: Path, exclude: set[str]) -> list[str]:
    """Mirror `root`'s documents into `dest` as symlinks; returns the linked relative paths."""
    from ingest.pipeline import corpus_files

    wanted = {p.relative_to(root).as_posix(): p.resolve() for p in corpus_files(root)}
    wanted = {rel: p for rel, p in wanted.items() if rel not in exclude}
    dest.mkdir(parents=True, exist_ok=True)
    for link in [p for p in dest.rglob("*") if p.is_symlink()]:
        rel = link.relative_to(dest).as_posix()
        if rel not in wanted or link.resolve() != wanted[rel]:
            link.unlink()
    for rel, target in wanted.items():
        link = dest / rel
        if not link.is_symlink():
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(target)
    return sorted(wanted)


def reader_failures(root: Path, sources: list[str], max_tokens: int) -> dict[str, str]:
    """The documents among `sources` that the reader raises an error on (source -> message)."""
    from ingest.pipeline import parse_file
    from ingest.read import UnreadableDocument

    failed = {}
    for source in sources:
        try:
            parse_file(root / source, root, max_tokens)
        except UnreadableDocument:
            continue  # ingest itself skips these and says so
        except Exception as exc:  # any reader bug leaves the document out
            failed[source] = f"{type(exc).__name__}: {exc}"
    return failed


def prepare_index(service, root: Path, console=None, progress=None, reindex=False) -> dict[str, str]:
    """Link the corpus, ingest what changed (a document parsed by another version of the reader
    included; everything with `reindex`), and return the documents left out (source -> why)."""
    settings = service.settings
    if reindex and settings.state_path.exists():
        settings.state_path.unlink()
        service.reload_state()
    record = settings.data_dir / FAILURES
    known = json.loads(record.read_text()) if record.exists() else {}
    still = reader_failures(root, sorted(known), settings.embedding_max_tokens)
    link_corpus(root, settings.corpus_dir, set(still))
    if not reindex and not service.is_stale():
        return still
    if console is not None:
        console.print(f"Indexing {root} into {settings.data_dir}: the documents new, changed or parsed by "
                      "another version of the reader (later runs reuse them) …")  # fmt: skip
    try:
        service.ingest(progress=progress)
    except Exception as exc:  # find the documents the reader fails on
        log.warning("ingest failed (%s); checking each document", exc)
        sources = link_corpus(root, settings.corpus_dir, set(still))
        still |= reader_failures(root, sources, settings.embedding_max_tokens)
        link_corpus(root, settings.corpus_dir, set(still))
        service.ingest(progress=progress)
    record.write_text(json.dumps(still, ensure_ascii=False, indent=1))
    return still
