"""Plain text and Markdown: decode UTF-8, UTF-16 or the Windows Vietnamese code page."""

from __future__ import annotations

import codecs
import logging
import unicodedata
from pathlib import Path

from ingest.read.base import ExtractedText, UnreadableDocument
from ingest.read.quality import layer_quality

log = logging.getLogger(__name__)


def read_plain(path: Path) -> ExtractedText:
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
            if layer_quality(text) == "junk":
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
