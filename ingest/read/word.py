"""Word .docx: paragraphs with Word's automatic list numbers, and tables as pipe rows."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.read.base import ExtractedText, UnreadableDocument
from ingest.read.quality import clean_page
from ingest.read.word_numbering import ListNumbering

if TYPE_CHECKING:
    from docx.table import Table, _Cell

# A DOCX is a zip: refuse archives that would expand into something huge before parsing.
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100  # only checked for members bigger than ZIP_RATIO_MIN_MEMBER
ZIP_RATIO_MIN_MEMBER = 1024 * 1024
MAX_ZIP_MEMBERS = 10_000


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
    _check_expansion(infos, path)
    _check_word_parts({info.filename for info in infos}, path)


def _check_expansion(infos: list[zipfile.ZipInfo], path: Path) -> None:
    """Too many parts, too many bytes in all, or one part inflating too far: a possible zip bomb."""
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


def _check_word_parts(names: set[str], path: Path) -> None:
    """A Word document holds word/document.xml; another Office or zip file is named for what it is."""
    if "word/document.xml" in names:
        return
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


def read_docx(path: Path) -> ExtractedText:
    """Paragraphs and tables in document order; each table row as a Markdown pipe line.

    Body paragraphs get their automatic list number ("1.", "a)") written in front, as Word
    shows it (see `ListNumbering`); numbering typed into the text is kept as is. Not
    rendered: headers/footers, footnotes, text boxes, images, list numbers inside tables.
    """
    _check_docx_zip(path)
    # python-docx is imported here so txt/pdf users do not pay for loading lxml
    import docx
    from docx.table import Table

    try:
        document = docx.Document(str(path))
        numbering = ListNumbering(document)
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
    text = clean_page("\n".join(lines)).replace("\f", "\n")
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    if not text.strip():
        raise UnreadableDocument(
            "no text found (a DOCX holding only pictures of pages cannot be read; "
            "export it as PDF and upload that)",
            path,
        )
    return ExtractedText(text=text, method="docx", pages=1)


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
