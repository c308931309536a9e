"""PDF: the text layer page by page; pages without a usable layer go to OCR."""

from __future__ import annotations

import logging
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.read.base import ExtractedText, ProgressFn, UnreadableDocument
from ingest.read.ocr import ocr_pdf_pages
from ingest.read.quality import clean_page, layer_quality, letters

if TYPE_CHECKING:
    from pypdf import PdfReader

log = logging.getLogger(__name__)


def read_pdf(path: Path, progress: ProgressFn | None) -> ExtractedText:
    """Text layer per page with pypdf; pages whose layer is missing or junk are OCR'd.

    Rows of a table in a text PDF come out as text lines (cells separated by spaces), not
    as Markdown: pypdf does not reconstruct table structure.
    """
    reader = open_pdf(path)
    total = len(reader.pages)
    if total == 0:
        raise UnreadableDocument("the PDF has no pages", path)
    pages = PageCount(total, progress)
    texts, to_ocr, layer_text = text_layers(reader, path, pages)
    if to_ocr:
        sizes = {i: _page_long_side_pt(reader, i) for i in to_ocr}
        # closing(): if progress() raises (a cancel), stop the pending pages at once
        with closing(ocr_pdf_pages(path, [(i, sizes[i]) for i in to_ocr])) as ocr_results:
            for index, ocr_text in ocr_results:
                sparse = layer_text.get(index, "")
                # A page with a genuine but short text layer (a signature page) keeps it
                # if OCR finds even less.
                texts[index] = ocr_text if letters(ocr_text) >= letters(sparse) else sparse
                pages.one_done()
    if not any(t.strip() for t in texts):
        raise UnreadableDocument("no text found on any page", path)
    method = "ocr" if to_ocr else "pdf-text"
    ocr_pages = [i + 1 for i in to_ocr]
    return ExtractedText(text="\f".join(texts), method=method, pages=total, ocr_pages=ocr_pages)


class PageCount:
    """Pages read so far, reported as each one is done."""

    def __init__(self, total: int, progress: ProgressFn | None):
        self.total, self.done, self.progress = total, 0, progress

    def one_done(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)


def open_pdf(path: Path) -> PdfReader:
    """The PDF opened (an owner-password-only PDF too), or why it cannot be read."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            # Many official PDFs only carry an owner password (printing/editing limits) and
            # open in any viewer: those are readable. A user password is not.
            try:
                opened = reader.decrypt("")
            except DependencyError:
                raise UnreadableDocument(
                    "the PDF is encrypted with AES and the 'cryptography' package is not "
                    "installed (pip install cryptography)",
                    path,
                ) from None
            if not opened:
                raise UnreadableDocument(
                    "the PDF is password-protected; remove the password and upload it again",
                    path,
                )
        len(reader.pages)  # a damaged page tree fails here
    except UnreadableDocument:
        raise
    except Exception as exc:  # pypdf raises PdfReadError and friends on damaged files
        raise UnreadableDocument(f"corrupt PDF ({exc})", path) from None
    return reader


def text_layers(reader: PdfReader, path: Path, pages: PageCount) -> tuple[list[str], list[int], dict]:
    """Each page's usable text layer; the pages (0-based) to OCR; the short layers of those,
    kept in case OCR finds even less."""
    texts: list[str] = [""] * pages.total
    to_ocr: list[int] = []
    layer_text: dict[int, str] = {}
    for index in range(pages.total):
        try:
            raw = reader.pages[index].extract_text() or ""
        except Exception as exc:
            log.info("%s page %d: text layer unreadable (%s); will OCR", path, index + 1, exc)
            raw = ""
        text = clean_page(raw)
        quality = layer_quality(text)
        if quality == "ok":
            texts[index] = text
            pages.one_done()
            continue
        to_ocr.append(index)
        if quality == "sparse":
            layer_text[index] = text
    return texts, to_ocr, layer_text


def _page_long_side_pt(reader: PdfReader, index: int) -> float:
    try:
        box = reader.pages[index].mediabox
        return float(max(abs(box.width), abs(box.height)))
    except Exception:
        return 842.0  # A4
