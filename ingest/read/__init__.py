"""Turn a file a user has (txt, md, docx, PDF, scanned PDF, png/jpg) into plain text.

Everything downstream (structure, chunking, search) works on text, so this module is the one
place that knows about file formats. It is deliberately strict: a file it cannot read well is
refused with an `UnreadableDocument` whose message says why, in words a user can act on
("it is password-protected", "install Tesseract with ..."), instead of silently feeding
mojibake or an empty string into the index.

Output conventions (`ExtractedText`):

* Pages are separated by a form feed ``"\\f"``; txt/md/docx are one page and contain no
  ``"\\f"`` (a stray form feed in such a file becomes a newline). Newlines are ``"\\n"``.
* docx/PDF/OCR text is NFC-normalised, so Vietnamese compares equal whatever the producer
  wrote (some tools emit decomposed diacritics). txt/md come back as written (decoded, BOM
  dropped, newlines unified), except legacy cp1258 which is composed to NFC.
* `method` is "text" (txt/md), "docx", "pdf-text" (every page had a usable text layer) or
  "ocr" (an image, or a PDF where at least one page was OCR'd; `ocr_pages` says which).

Sidecars: OCR costs seconds per page, so `read_document` stores what it extracted from a
docx/PDF/image next to it as ``<name>.extracted.txt`` and reuses it while the file's size is
the one recorded and the sidecar is newer than the file (or the file's mtime is exactly the
recorded one, which covers files with a future mtime). Renaming a file together with its
sidecar keeps the sidecar valid. A sidecar is UTF-8; its first line is a header

    #eduqa-extracted {"version": 1, "method": "ocr", "pages": 2, "ocr_pages": [2],
                      "source": "scan.pdf", "source_size": 81234, "source_mtime_ns": ...}

and everything after that first newline is the text exactly as returned (with ``"\\f"``
page breaks). It is written to a hidden temp file and renamed into place, so a crash never
leaves a half-written sidecar. `is_sidecar` lets the corpus scanner skip these files.

External tools (Debian packages): ``tesseract`` with the ``vie`` data (tesseract-ocr,
tesseract-ocr-vie) for OCR and ``pdftoppm`` (poppler-utils) to render PDF pages; both are run
as subprocesses. They are only needed for scanned pages and images.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ingest.read.base import (
    IMAGE_SUFFIXES,
    SUPPORTED_SUFFIXES,
    TEXT_SUFFIXES,
    ExtractedText,
    ProgressFn,
    UnreadableDocument,
)
from ingest.read.cache import is_sidecar, load_sidecar, sidecar_path, write_sidecar
from ingest.read.ocr import read_image
from ingest.read.pdf import read_pdf
from ingest.read.sniff import check_content_matches_suffix
from ingest.read.text import read_plain
from ingest.read.word import read_docx

__all__ = [
    "IMAGE_SUFFIXES",
    "SUPPORTED_SUFFIXES",
    "TEXT_SUFFIXES",
    "ExtractedText",
    "ProgressFn",
    "UnreadableDocument",
    "extract_text",
    "is_sidecar",
    "read_document",
    "sidecar_path",
]

log = logging.getLogger(__name__)


def extract_text(path: Path, progress: ProgressFn | None = None) -> ExtractedText:
    """Extract the text of `path` now, without looking at or writing a sidecar.

    `progress(done, total)` is called after each page (once, as (1, 1), for one-page
    formats); an exception raised by it aborts the extraction, which is how a UI cancels.
    Raises `UnreadableDocument` with the reason when the file cannot be read.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        shown = suffix or "no extension"
        raise UnreadableDocument(f"unsupported file type ({shown}); supported types are {supported}", path)
    if not path.exists():
        raise UnreadableDocument("file does not exist", path)
    if not path.is_file():
        raise UnreadableDocument("not a regular file", path)
    with path.open("rb") as fh:
        head = fh.read(8192)
    if not head:
        raise UnreadableDocument("file is empty", path)
    check_content_matches_suffix(path, suffix, head)

    if suffix in TEXT_SUFFIXES:
        result = read_plain(path)
    elif suffix == ".docx":
        result = read_docx(path)
    elif suffix == ".pdf":
        return read_pdf(path, progress)  # reports progress per page itself
    else:
        result = read_image(path)
    if progress is not None:
        progress(1, 1)
    return result


def read_document(path: Path, progress: ProgressFn | None = None) -> ExtractedText:
    """Text of `path`, reusing the sidecar of an earlier extraction when it is still valid.

    txt/md are read directly (no sidecar: reading them is as cheap as reading a sidecar).
    For docx/PDF/images a valid sidecar (see the module docstring) is returned without
    OCR; otherwise the file is extracted and the sidecar (re)written.
    Failing to write the sidecar (read-only folder) is logged, not raised: the text is
    still good. Raises `UnreadableDocument` like `extract_text`.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES or suffix not in SUPPORTED_SUFFIXES or not path.is_file():
        return extract_text(path, progress)  # no sidecar; errors are raised there
    cached = load_sidecar(path)
    if cached is not None:
        if progress is not None:
            progress(cached.pages, cached.pages)
        return cached
    before = path.stat()
    result = extract_text(path, progress)
    after = path.stat()
    if (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns):
        log.warning("%s changed while it was being read; not caching its text", path)
        return result
    write_sidecar(path, result, after)
    return result
