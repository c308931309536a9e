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

import codecs
import json
import logging
import os
import re
import shutil
import stat
import subprocess
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph
    from lxml.etree import _Element
    from pypdf import PdfReader

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".docx", ".pdf", ".png", ".jpg", ".jpeg"})
TEXT_SUFFIXES = frozenset({".txt", ".md"})
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg"})

SIDECAR_SUFFIX = ".extracted.txt"
SIDECAR_MAGIC = "#eduqa-extracted "
SIDECAR_VERSION = 1  # bump when extraction output changes, so old sidecars are redone

# A DOCX is a zip: refuse archives that would expand into something huge before parsing.
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100  # only checked for members bigger than ZIP_RATIO_MIN_MEMBER
ZIP_RATIO_MIN_MEMBER = 1024 * 1024
MAX_ZIP_MEMBERS = 10_000

# A PDF page's text layer is trusted only if it looks like real text (see _layer_quality).
MIN_PAGE_LETTERS = 20
MAX_BAD_CHAR_SHARE = 0.05  # U+FFFD, private-use, control characters
MAX_FOREIGN_SHARE = 0.03  # non-ASCII characters that are neither Vietnamese nor punctuation
MIN_LETTER_SHARE = 0.5

OCR_LANG = "vie"
OCR_DPI = 300
# psm 3 (automatic layout) was measured against 4 and 6 on a rendered directive page: 3 and 4
# gave the same text, 6 ("one uniform block") dropped a ruled table entirely.
TESSERACT_PSM = "3"
OCR_PAGE_TIMEOUT_S = 300
# Rendering a poster-sized page at 300 dpi would make a huge bitmap; cap the long side
# (A2 at 300 dpi) and let pdftoppm scale instead.
MAX_RENDER_SIDE_PX = 7016
MAX_OCR_PIXELS = 40_000_000  # bigger photos are scaled down before OCR

TESSERACT_INSTALL = "apt-get install -y tesseract-ocr tesseract-ocr-vie"
POPPLER_INSTALL = "apt-get install -y poppler-utils"

_VIETNAMESE_LETTERS = frozenset(
    "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ"
)
# dashes, curly quotes, ellipsis, bullet and a few symbols that Vietnamese documents use
_OK_NON_ASCII = frozenset(
    "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u00b0\u00a7\u20ac\u00ab\u00bb"
    "\u2264\u2265\u00b1\u2192\u2190\u2713\u2116"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class UnreadableDocument(ValueError):
    """A file that cannot be turned into trustworthy text, with a reason a user can act on.

    The message names the file when it is known, so a batch ingest can show it as is.
    """

    def __init__(self, reason: str, path: Path | None = None) -> None:
        self.reason = reason
        self.path = path
        super().__init__(f"{path.name}: {reason}" if path is not None else reason)


@dataclass
class ExtractedText:
    """What a file said, and how we got it (OCR text deserves less trust than a text layer)."""

    text: str  # pages separated by "\f"; txt/md/docx have no "\f"
    method: str  # "text", "docx", "pdf-text", "ocr"
    pages: int  # number of pages (1 for txt/md/docx/image)
    ocr_pages: list[int] = field(default_factory=list)  # 1-based pages that were OCR'd


ProgressFn = Callable[[int, int], None]


# --------------------------------------------------------------------------- public API


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
    _check_content_matches_suffix(path, suffix, head)

    if suffix in TEXT_SUFFIXES:
        result = _read_plain(path)
    elif suffix == ".docx":
        result = _read_docx(path)
    elif suffix == ".pdf":
        return _read_pdf(path, progress)  # reports progress per page itself
    else:
        result = _read_image(path)
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
    cached = _load_sidecar(path)
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
    _write_sidecar(path, result, after)
    return result


# --------------------------------------------------------------------------- file types

_KIND_NAMES = {
    "pdf": "a PDF document",
    "zip": "a zip archive",
    "png": "a PNG image",
    "jpeg": "a JPEG image",
    "ole2": "an old Word 97-2003 (.doc) or password-protected Office file",
    "gif": "a GIF image",
    "tiff": "a TIFF image",
    "webp": "a WebP image",
    "bmp": "a BMP image",
    "rtf": "an RTF document",
}
_EXPECTED_KIND = {".pdf": "pdf", ".docx": "zip", ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg"}
_SUFFIX_NAMES = {
    ".pdf": "a PDF document",
    ".docx": "a Word .docx document",
    ".png": "a PNG image",
    ".jpg": "a JPEG image",
    ".jpeg": "a JPEG image",
    ".txt": "a text file",
    ".md": "a Markdown text file",
}


def _sniff(head: bytes, lenient_pdf: bool = False) -> str | None:
    """Name the format from its magic bytes, or None for anything else (e.g. text).

    Readers accept a PDF header anywhere in the first 1024 bytes; `lenient_pdf` allows that
    for files named .pdf (elsewhere a note that merely mentions "%PDF-" is still text).
    """
    if head.startswith(b"%PDF-") or (lenient_pdf and b"%PDF-" in head[:1024]):
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole2"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"BM") and len(head) > 26 and head[6:10] == b"\x00\x00\x00\x00":
        return "bmp"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    return None


def _check_content_matches_suffix(path: Path, suffix: str, head: bytes) -> None:
    """Refuse a file whose bytes are not what its extension claims, naming both."""
    kind = _sniff(head, lenient_pdf=suffix == ".pdf")
    claimed = _SUFFIX_NAMES[suffix]
    if suffix in TEXT_SUFFIXES:
        if kind is not None:
            raise UnreadableDocument(
                f"the extension {suffix} says {claimed} but the content is {_KIND_NAMES[kind]}",
                path,
            )
        return
    expected = _EXPECTED_KIND[suffix]
    if kind != expected:
        actual = _KIND_NAMES[kind] if kind else "not a recognised format"
        raise UnreadableDocument(f"the extension {suffix} says {claimed} but the content is {actual}", path)


# --------------------------------------------------------------------------- txt / md


def _read_plain(path: Path) -> ExtractedText:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1258.

    cp1258 is the Windows Vietnamese code page that older tools still write; latin-1 is
    not tried because it "decodes" anything and would hand mojibake to the index.
    """
    data = path.read_bytes()
    if data.startswith(codecs.BOM_UTF8):
        text = _decode(path, data[len(codecs.BOM_UTF8) :], "utf-8")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode(path, data, "utf-16")
    elif b"\x00" in data:
        raise UnreadableDocument("binary content (NUL bytes) in a text file", path)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as not_utf8:
            try:
                text = unicodedata.normalize("NFC", data.decode("cp1258"))
            except UnicodeDecodeError:
                raise UnreadableDocument(
                    f"neither UTF-8 (bad byte at offset {not_utf8.start}) nor Windows-1258; "
                    "save the file as UTF-8",
                    path,
                ) from None
            if _layer_quality(text) == "junk":
                # TCVN3/VNI text: bytes that only look Vietnamese in their special fonts
                raise UnreadableDocument(
                    "the text is in a legacy Vietnamese font encoding (TCVN3/VNI), not "
                    "Unicode; convert it to Unicode (e.g. with Unikey's converter) and save "
                    "as UTF-8",
                    path,
                ) from None
            log.info("%s is not UTF-8; decoded as cp1258", path)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    if not text.strip():
        raise UnreadableDocument("no text found", path)
    return ExtractedText(text=text, method="text", pages=1)


def _decode(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(
            f"starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()}"
            f" (bad byte at offset {exc.start})",
            path,
        ) from None


# --------------------------------------------------------------------------- docx


def _check_docx_zip(path: Path) -> None:
    """Refuse zip bombs and zips that are not Word documents before python-docx opens them.

    Sizes come from the zip's central directory; Python's zipfile never inflates a member
    past its declared size, so a lying directory cannot get around these limits.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableDocument(f"corrupt DOCX (not a valid zip archive: {exc})", path) from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise UnreadableDocument(f"refused: the DOCX has {len(infos)} parts (limit {MAX_ZIP_MEMBERS})", path)
    total = sum(info.file_size for info in infos)
    if total > MAX_ZIP_UNCOMPRESSED:
        raise UnreadableDocument(
            f"refused as a possible zip bomb: it would expand to {total // (1024 * 1024)} MB "
            f"(limit {MAX_ZIP_UNCOMPRESSED // (1024 * 1024)} MB)",
            path,
        )
    for info in infos:
        if info.file_size > ZIP_RATIO_MIN_MEMBER:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_ZIP_RATIO:
                raise UnreadableDocument(
                    f"refused as a possible zip bomb: part {info.filename!r} expands "
                    f"{ratio:.0f}x (limit {MAX_ZIP_RATIO}x)",
                    path,
                )
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        if "xl/workbook.xml" in names:
            what = "an Excel workbook (.xlsx)"
        elif "ppt/presentation.xml" in names:
            what = "a PowerPoint presentation (.pptx)"
        elif "mimetype" in names and "content.xml" in names:
            what = "an OpenDocument file (.odt/.ods)"
        else:
            what = "a zip archive without word/document.xml"
        raise UnreadableDocument(
            f"the extension .docx says a Word .docx document but the content is {what}", path
        )


def _read_docx(path: Path) -> ExtractedText:
    """Paragraphs and tables in document order; each table row as a Markdown pipe line.

    Body paragraphs get their automatic list number ("1.", "a)") written in front, as Word
    shows it (see `_ListNumbering`); numbering typed into the text is kept as is. Not
    rendered: headers/footers, footnotes, text boxes, images, list numbers inside tables.
    """
    _check_docx_zip(path)
    # python-docx is imported here so txt/pdf users do not pay for loading lxml
    import docx
    from docx.table import Table

    try:
        document = docx.Document(str(path))
        numbering = _ListNumbering(document)
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                if lines and lines[-1] != "":
                    lines.append("")
                lines.extend(_table_lines(block))
                lines.append("")
            else:
                label = numbering.label(block)
                text = block.text
                lines.append(f"{label} {text}" if label and text.strip() else text)
    except UnreadableDocument:
        raise
    except Exception as exc:  # python-docx/lxml raise many types on damaged files
        raise UnreadableDocument(f"corrupt or unsupported DOCX ({exc})", path) from None
    text = _clean("\n".join(lines)).replace("\f", "\n")
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    if not text.strip():
        raise UnreadableDocument(
            "no text found (a DOCX holding only pictures of pages cannot be read; "
            "export it as PDF and upload that)",
            path,
        )
    return ExtractedText(text=text, method="docx", pages=1)


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str
    legal: bool


class _ListNumbering:
    """Word's automatic list numbers, which python-docx leaves out of `Paragraph.text`.

    Directives typed in Word often number their tasks this way; without the numbers the task
    parser would see "Tiếp tục tuyên truyền..." instead of "1. Tiếp tục tuyên truyền...".
    Covers the common OOXML rules: numbering from the paragraph or its style chain, counters
    per abstract list shared by the list instances (w:num) that use it, w:startOverride
    restarting a level the first time its instance is used, deeper levels restarting when a
    shallower one advances, %N placeholders in w:lvlText, w:isLgl. Bullets become "-".
    """

    def __init__(self, document: DocxDocument) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        self._levels: dict[str, dict[int, _Level]] = {}
        self._abstract_of: dict[str, str] = {}
        self._overrides: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        self._counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no numbering part: nothing is auto-numbered
        for abstract in root.findall(qn("w:abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in abstract.findall(qn("w:lvl")):
                levels[self._int(lvl.get(qn("w:ilvl")), 0)] = _Level(
                    start=self._int(self._val(lvl, "w:start"), 1),
                    fmt=self._val(lvl, "w:numFmt") or "decimal",
                    text=self._val(lvl, "w:lvlText") or "",
                    legal=lvl.find(qn("w:isLgl")) is not None,
                )
            self._levels[abstract.get(qn("w:abstractNumId"), "")] = levels
        for num in root.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"), "")
            self._abstract_of[num_id] = self._val(num, "w:abstractNumId") or ""
            for override in num.findall(qn("w:lvlOverride")):
                start = self._val(override, "w:startOverride")
                if start is not None:
                    ilvl = self._int(override.get(qn("w:ilvl")), 0)
                    self._overrides.setdefault(num_id, {})[ilvl] = self._int(start, 1)

    def _val(self, element: _Element, tag: str) -> str | None:
        child = element.find(self._qn(tag))
        return None if child is None else child.get(self._qn("w:val"))

    @staticmethod
    def _int(value: str | None, default: int) -> int:
        try:
            return int(value) if value is not None else default
        except ValueError:
            return default

    def _num_pr(self, paragraph: Paragraph) -> tuple[str, int] | None:
        """(numId, level) from the paragraph's own w:numPr, else from its style chain."""
        num_id: str | None = None
        ilvl: int | None = None
        elements = [paragraph._p]
        style = paragraph.style
        while style is not None:
            elements.append(style.element)
            style = style.base_style
        for element in elements:
            num_pr = element.find(f"{self._qn('w:pPr')}/{self._qn('w:numPr')}")
            if num_pr is None:
                continue
            if num_id is None:
                num_id = self._val(num_pr, "w:numId")
            if ilvl is None and self._val(num_pr, "w:ilvl") is not None:
                ilvl = self._int(self._val(num_pr, "w:ilvl"), 0)
            if num_id is not None and ilvl is not None:
                break
        if num_id is None or num_id == "0":  # numId 0 switches numbering off
            return None
        return num_id, ilvl or 0

    def label(self, paragraph: Paragraph) -> str:
        """The number Word shows in front of `paragraph` ("" if none); advances the counters."""
        num_pr = self._num_pr(paragraph)
        if num_pr is None:
            return ""
        num_id, ilvl = num_pr
        abstract = self._abstract_of.get(num_id, "")
        levels = self._levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        counters = self._counters.setdefault(abstract, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for level_no, start in self._overrides.get(num_id, {}).items():
                counters[level_no] = start - 1
        level = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return "-"

        def placeholder(match: re.Match[str]) -> str:
            n = int(match.group(1)) - 1
            of = levels.get(n, level)
            value = counters.get(n, of.start)
            return _format_number(value, "decimal" if level.legal else of.fmt)

        return re.sub(r"%([1-9])", placeholder, level.text).strip()


def _format_number(value: int, fmt: str) -> str:
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in {"lowerLetter", "upperLetter"} and value > 0:
        # Word goes a..z, then aa..zz, aaa..
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in {"lowerRoman", "upperRoman"} and 0 < value < 4000:
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(value)  # decimal and the many formats we do not spell out


def _roman(value: int) -> str:
    digits = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]  # fmt: skip
    out = []
    for number, numeral in digits:
        count, value = divmod(value, number)
        out.append(numeral * count)
    return "".join(out)


def _table_lines(table: Table) -> list[str]:
    """One ``| cell | cell |`` line per row; a cell spanning columns is written once."""
    lines = []
    for row in table.rows:
        cells: list[str] = []
        last_tc = None
        for cell in row.cells:
            if cell._tc is last_tc:  # horizontally merged: same cell repeated per grid column
                continue
            last_tc = cell._tc
            cells.append(_cell_text(cell))
        if cells:
            lines.append("| " + " | ".join(cells) + " |")
    return lines


def _cell_text(cell: _Cell) -> str:
    """A cell's paragraphs (and nested tables) on one line, pipes escaped."""
    parts: list[str] = []
    for block in cell.iter_inner_content():
        if hasattr(block, "rows"):
            parts.extend(_cell_text(c) for r in block.rows for c in r.cells)
        else:
            parts.append(block.text)
    text = " ".join(" ".join(parts).split())
    return text.replace("|", "\\|")


# --------------------------------------------------------------------------- pdf


def _read_pdf(path: Path, progress: ProgressFn | None) -> ExtractedText:
    """Text layer per page with pypdf; pages whose layer is missing or junk are OCR'd.

    Rows of a table in a text PDF come out as text lines (cells separated by spaces), not
    as Markdown: pypdf does not reconstruct table structure.
    """
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
        total = len(reader.pages)
    except UnreadableDocument:
        raise
    except Exception as exc:  # pypdf raises PdfReadError and friends on damaged files
        raise UnreadableDocument(f"corrupt PDF ({exc})", path) from None
    if total == 0:
        raise UnreadableDocument("the PDF has no pages", path)

    texts: list[str] = [""] * total
    to_ocr: list[int] = []  # 0-based
    layer_text: dict[int, str] = {}
    done = 0
    for index in range(total):
        try:
            page = reader.pages[index]
            raw = page.extract_text() or ""
        except Exception as exc:
            log.info("%s page %d: text layer unreadable (%s); will OCR", path, index + 1, exc)
            raw = ""
        text = _clean(raw)
        quality = _layer_quality(text)
        if quality == "ok":
            texts[index] = text
            done += 1
            if progress is not None:
                progress(done, total)
        else:
            to_ocr.append(index)
            if quality == "sparse":
                layer_text[index] = text

    if to_ocr:
        sizes = {i: _page_long_side_pt(reader, i) for i in to_ocr}
        # closing(): if progress() raises (a cancel), stop the pending pages at once
        with closing(_ocr_pdf_pages(path, [(i, sizes[i]) for i in to_ocr])) as ocr_results:
            for index, ocr_text in ocr_results:
                sparse = layer_text.get(index, "")
                # A page with a genuine but short text layer (a signature page) keeps it
                # if OCR finds even less.
                texts[index] = ocr_text if _letters(ocr_text) >= _letters(sparse) else sparse
                done += 1
                if progress is not None:
                    progress(done, total)

    if not any(t.strip() for t in texts):
        raise UnreadableDocument("no text found on any page", path)
    method = "ocr" if to_ocr else "pdf-text"
    ocr_pages = [i + 1 for i in to_ocr]
    return ExtractedText(text="\f".join(texts), method=method, pages=total, ocr_pages=ocr_pages)


def _page_long_side_pt(reader: PdfReader, index: int) -> float:
    try:
        box = reader.pages[index].mediabox
        return float(max(abs(box.width), abs(box.height)))
    except Exception:
        return 842.0  # A4


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _layer_quality(text: str) -> str:
    """Classify a page's text layer as "ok", "sparse" (too few letters) or "junk".

    Junk is what broken font encodings produce: U+FFFD, private-use or control characters,
    mostly non-letters, or legacy Vietnamese font encodings (TCVN3/VNI) that decode to
    Latin-1 look-alikes such as "Céng hoµ x· héi" - non-ASCII characters that are neither
    Vietnamese letters nor common punctuation.
    """
    chars = [c for c in text if not c.isspace()]
    letters = sum(c.isalpha() for c in chars)
    if letters < MIN_PAGE_LETTERS:
        return "sparse"
    n = len(chars)
    bad = sum(1 for c in chars if c == "\ufffd" or unicodedata.category(c) in {"Co", "Cc", "Cs", "Cn"})
    foreign = sum(
        1 for c in chars if ord(c) > 127 and c not in _VIETNAMESE_LETTERS and c not in _OK_NON_ASCII
    )
    if bad / n > MAX_BAD_CHAR_SHARE or foreign / n > MAX_FOREIGN_SHARE:
        return "junk"
    if letters / n < MIN_LETTER_SHARE:
        return "junk"
    return "ok"


def _clean(text: str) -> str:
    """NFC, no control characters or form feeds inside a page, no trailing spaces."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _CONTROL.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text.strip("\n")


# --------------------------------------------------------------------------- OCR


def _tool_env() -> dict[str, str]:
    # Tesseract's OpenMP threads fight each other on small machines: measured on 2 cores,
    # one page took ~10 s with the default and ~2 s with one thread. We parallelise across
    # pages instead.
    env = dict(os.environ)
    env.setdefault("OMP_THREAD_LIMIT", "1")
    return env


def _require_tesseract(path: Path) -> str:
    """Path of tesseract, after checking it has the Vietnamese data; else say how to install."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise UnreadableDocument(
            f"this file needs OCR but Tesseract is not installed; install it with: {TESSERACT_INSTALL}",
            path,
        )
    try:
        proc = subprocess.run(
            [exe, "--list-langs"],
            capture_output=True,
            text=True,
            timeout=60,
            env=_tool_env(),
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UnreadableDocument(
            f"this file needs OCR but Tesseract does not run ({exc}); reinstall it with: {TESSERACT_INSTALL}",
            path,
        ) from None
    langs = {line.strip() for line in (proc.stdout + "\n" + proc.stderr).splitlines()}
    if OCR_LANG not in langs:
        raise UnreadableDocument(
            "this file needs OCR but Tesseract has no Vietnamese language data; install it "
            f"with: {TESSERACT_INSTALL}",
            path,
        )
    return exe


def _require_pdftoppm(path: Path) -> str:
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise UnreadableDocument(
            f"this PDF has scanned pages but pdftoppm is not installed; install it with: {POPPLER_INSTALL}",
            path,
        )
    return exe


def _ocr_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def _ocr_pdf_pages(path: Path, pages: list[tuple[int, float]]) -> Iterator[tuple[int, str]]:
    """OCR the given 0-based pages (with their long side in points), yielding as they finish.

    Pages run in parallel, one single-threaded Tesseract per CPU; the generator yields in
    completion order so progress moves as soon as any page is done.
    """
    tesseract = _require_tesseract(path)
    pdftoppm = _require_pdftoppm(path)
    with (
        tempfile.TemporaryDirectory(prefix="eduqa-ocr-") as tmp,
        ThreadPoolExecutor(max_workers=_ocr_workers()) as pool,
    ):
        futures: dict[Future[str], int] = {
            pool.submit(_ocr_pdf_page, path, index, long_pt, Path(tmp), pdftoppm, tesseract): index
            for index, long_pt in pages
        }
        try:
            pending = set(futures)
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in sorted(finished, key=futures.__getitem__):
                    yield futures[future], future.result()
        finally:
            for future in futures:
                future.cancel()


def _ocr_pdf_page(path: Path, index: int, long_pt: float, tmp: Path, pdftoppm: str, tesseract: str) -> str:
    page_no = index + 1
    prefix = tmp / f"page-{page_no}"
    dpi = OCR_DPI
    if long_pt / 72 * OCR_DPI > MAX_RENDER_SIDE_PX:
        dpi = max(72, int(MAX_RENDER_SIDE_PX * 72 / long_pt))
    # -gray without -png writes an uncompressed PGM: measured 0.1 s per A4 page instead of
    # 1.5 s for PNG (compression), and Tesseract reads it faster too.
    cmd = [pdftoppm, "-r", str(dpi), "-f", str(page_no), "-l", str(page_no), "-gray"]
    cmd += ["-singlefile", str(path), str(prefix)]
    try:
        proc = subprocess.run(
            cmd, capture_output=True, timeout=OCR_PAGE_TIMEOUT_S, env=_tool_env(), check=False
        )
    except subprocess.TimeoutExpired:
        raise UnreadableDocument(f"rendering page {page_no} for OCR timed out", path) from None
    image = prefix.with_suffix(".pgm")
    if proc.returncode != 0 or not image.exists():
        detail = _tail(proc.stderr)
        raise UnreadableDocument(f"could not render page {page_no} for OCR ({detail})", path)
    try:
        return _tesseract(tesseract, image, path, f"page {page_no}", dpi=dpi)
    finally:
        image.unlink(missing_ok=True)


def _tesseract(exe: str, image: Path, path: Path, where: str, dpi: int | None = None) -> str:
    cmd = [exe, str(image), "stdout", "-l", OCR_LANG, "--psm", TESSERACT_PSM]
    if dpi is not None:
        cmd += ["--dpi", str(dpi)]
    try:
        proc = subprocess.run(
            cmd, capture_output=True, timeout=OCR_PAGE_TIMEOUT_S, env=_tool_env(), check=False
        )
    except subprocess.TimeoutExpired:
        raise UnreadableDocument(f"OCR of {where} timed out", path) from None
    if proc.returncode != 0:
        raise UnreadableDocument(f"OCR of {where} failed ({_tail(proc.stderr)})", path)
    text = _clean(proc.stdout.decode("utf-8", errors="replace"))
    return re.sub(r"\n{3,}", "\n\n", text)


def _tail(stderr: bytes | str | None, limit: int = 300) -> str:
    if not stderr:
        return "no error output"
    if isinstance(stderr, bytes):
        stderr = stderr.decode("utf-8", errors="replace")
    stderr = " ".join(stderr.split())
    return stderr[-limit:]


def _read_image(path: Path) -> ExtractedText:
    """OCR a photo or scan, after fixing its orientation (EXIF) and flattening transparency."""
    tesseract = _require_tesseract(path)
    from PIL import Image, ImageOps

    with tempfile.TemporaryDirectory(prefix="eduqa-ocr-") as tmp:
        prepared = Path(tmp) / "image.pgm"  # uncompressed: quicker to write and to read
        try:
            with Image.open(path) as opened:
                image = ImageOps.exif_transpose(opened)
                if image.mode in {"RGBA", "LA", "PA"} or (image.mode == "P" and "transparency" in image.info):
                    rgba = image.convert("RGBA")
                    background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
                    image = Image.alpha_composite(background, rgba)
                image = image.convert("L")
                pixels = image.width * image.height
                if pixels > MAX_OCR_PIXELS:
                    scale = (MAX_OCR_PIXELS / pixels) ** 0.5
                    size = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
                    image = image.resize(size, Image.Resampling.LANCZOS)
                image.save(prepared)
        except Image.DecompressionBombError:
            raise UnreadableDocument("the image is too large to read", path) from None
        except (OSError, ValueError, SyntaxError) as exc:
            raise UnreadableDocument(f"corrupt or unsupported image ({exc})", path) from None
        text = _tesseract(tesseract, prepared, path, "the image")
    if sum(c.isalnum() for c in text) < 3:
        raise UnreadableDocument("no text found in the image", path)
    return ExtractedText(text=text, method="ocr", pages=1, ocr_pages=[1])


# --------------------------------------------------------------------------- sidecars


def _load_sidecar(path: Path) -> ExtractedText | None:
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


def _write_sidecar(path: Path, result: ExtractedText, source: os.stat_result) -> None:
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
