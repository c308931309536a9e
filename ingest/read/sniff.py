"""Which format a file really is, from its first bytes, whatever its name says."""

from __future__ import annotations

from pathlib import Path

from ingest.read.base import TEXT_SUFFIXES, UnreadableDocument

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


def sniff(head: bytes, lenient_pdf: bool = False) -> str | None:
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


def check_content_matches_suffix(path: Path, suffix: str, head: bytes) -> None:
    """Refuse a file whose bytes are not what its extension claims, naming both."""
    kind = sniff(head, lenient_pdf=suffix == ".pdf")
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
