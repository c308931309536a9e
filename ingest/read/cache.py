"""The extracted-text cache: ``<name>.extracted.txt`` beside a docx/PDF/image (see ingest.read)."""

from __future__ import annotations

import json
import logging
import os
import stat
import tempfile
from pathlib import Path

from ingest.read.base import SUPPORTED_SUFFIXES, ExtractedText

log = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".extracted.txt"
SIDECAR_MAGIC = "#eduqa-extracted "
SIDECAR_VERSION = 1  # bump when extraction output changes, so old sidecars are redone


def sidecar_path(path: Path) -> Path:
    """Where the extracted text of `path` is cached: ``<name>.extracted.txt`` beside it."""
    path = Path(path)
    return path.with_name(path.name + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    """True for a sidecar written by `read_document`, so the corpus scanner can skip it.

    Decided by name alone (``<name>.<supported suffix>.extracted.txt``) so an orphaned
    sidecar whose source was deleted is still skipped rather than ingested as a .txt.
    """
    name = Path(path).name
    if not name.lower().endswith(SIDECAR_SUFFIX):
        return False
    source = name[: -len(SIDECAR_SUFFIX)]
    return Path(source).suffix.lower() in SUPPORTED_SUFFIXES


def load_sidecar(path: Path) -> ExtractedText | None:
    """The cached extraction of `path`, or None if missing, stale or not ours."""
    side = sidecar_path(path)
    try:
        side_stat = side.stat()
        source_stat = path.stat()
    except OSError:
        return None
    try:
        raw = side.read_bytes().decode("utf-8")
        header_line, sep, text = raw.partition("\n")
        if not sep or not header_line.startswith(SIDECAR_MAGIC):
            return None
        header = json.loads(header_line[len(SIDECAR_MAGIC) :])
        if header.get("version") != SIDECAR_VERSION:
            return None
        if header.get("source_size") != source_stat.st_size:
            return None
        # Newer than the file, or recorded for exactly this file's mtime (which also covers
        # a file whose mtime is in the future, e.g. copied from a machine with a fast clock).
        newer = side_stat.st_mtime_ns >= source_stat.st_mtime_ns
        if not newer and header.get("source_mtime_ns") != source_stat.st_mtime_ns:
            return None
        method, pages = header["method"], int(header["pages"])
        ocr_pages = [int(p) for p in header.get("ocr_pages", [])]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        log.warning("ignoring unreadable sidecar %s", side)
        return None
    if pages != text.count("\f") + 1:
        return None
    return ExtractedText(text=text, method=method, pages=pages, ocr_pages=ocr_pages)


def write_sidecar(path: Path, result: ExtractedText, source: os.stat_result) -> None:
    """Write the sidecar atomically: a hidden temp file in the same folder, then rename."""
    side = sidecar_path(path)
    header = {
        "version": SIDECAR_VERSION,
        "method": result.method,
        "pages": result.pages,
        "ocr_pages": result.ocr_pages,
        "source": path.name,
        "source_size": source.st_size,
        "source_mtime_ns": source.st_mtime_ns,
    }
    payload = SIDECAR_MAGIC + json.dumps(header, ensure_ascii=False) + "\n" + result.text
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=side.parent, prefix=f".{side.name}.", suffix=".tmp")
        # mkstemp makes the file private (0600); give it the source's read permissions
        os.chmod(tmp_name, stat.S_IMODE(source.st_mode) & 0o666)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, side)
        tmp_name = None
    except OSError as exc:
        log.warning("could not write sidecar %s: %s", side, exc)
    finally:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)
