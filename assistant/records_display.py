"""The restored reading of a record's words, for OCR chunks that have one (`display_text`).

A record keeps its words as written in the OCR text ("98,5 tra len"): that is what the citation
check compares against the cited item. Beside them it carries the same stretch of the restored
text ("98,5 trở lên"), which answers and tables show. Restoration replaces words one for one, so
the stretch is found by token position; a stretch holding a number the original piece does not
hold is not used (a record never shows a figure the document does not print).
"""

from __future__ import annotations

from ingest.restore.answer import aligned_quote
from ingest.restore.codes import rejoin_codes
from ingest.restore.document import check_digits


def restored_piece(text: str, display: str, piece: str) -> str | None:
    """The restored stretch standing where `piece` stands in `text`, or None."""
    if not piece or not display or piece not in text:
        return None
    shown = rejoin_codes(aligned_quote(text, display, piece) or "")
    try:
        return check_digits(piece, shown) if shown else None
    except ValueError:  # a number the original piece does not print
        return None


def displayed(chunk: dict, **pieces: str | None) -> dict[str, str | None]:
    """{name: restored reading of the piece} for a restored chunk; {} for any other chunk."""
    if not chunk.get("restored"):
        return {}
    text, display = chunk.get("text") or "", chunk.get("display_text") or ""
    return {name: restored_piece(text, display, piece or "") for name, piece in pieces.items()}
