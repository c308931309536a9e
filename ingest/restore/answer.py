"""Answers quote restored OCR passages: quotes and titles read as restored, figures as printed.

A quote from a restored passage is restored on its own and checked: every number in the
restored quote must stand in the original passage text (restoration never changes a digit, and
`check_digits` raises if it ever did).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ingest.restore.codes import rejoin_codes
from ingest.restore.confidence import SHOWN_CONFIDENCE
from ingest.restore.decode import Restorer
from ingest.restore.document import check_digits
from ingest.restore.model import ModelMissing, load_restorer
from ingest.restore.syllables import tokenize

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reading:
    """What one restored passage adds to an answer: its quote as restored, and title swaps."""

    quote: str
    swaps: list[tuple[str, str]]


def passage_reading(payload: dict, text: str, quote: str) -> Reading | None:
    """The restored reading of a cited passage, or None when the passage was not restored."""
    if not payload.get("restored"):
        return None
    try:
        restorer = load_restorer()
    except ModelMissing:
        return None
    display = payload.get("display_text") or ""
    restored_quote = rejoin_codes(quote_reading(text, display, quote, restorer))
    try:
        check_digits(text, restored_quote)  # every figure of the quote stands in the original
    except ValueError as exc:
        log.error("%s; the original quote is shown", exc)
        restored_quote = quote
    swaps = [(quote, restored_quote)] if quote else []
    titles = zip(payload.get("titles") or [], payload.get("display_titles") or [], strict=False)
    swaps += [(t, d) for t, d in titles if t and d and t != d]
    doc = payload.get("doc") or {}
    if doc.get("title") and doc.get("display_title"):
        swaps.append((doc["title"], doc["display_title"]))
    return Reading(restored_quote, swaps)


def quote_reading(text: str, display: str, quote: str, restorer: Restorer) -> str:
    """The quote as shown: the stretch of the passage's shown reading that stands where the
    quote stands (restored with the passage's context, unsure words left as read), else the
    quote restored on its own under the same rule. Never a restoration the model is unsure of."""
    if not quote:
        return ""
    return aligned_quote(text, display, quote) or restorer.restore(quote, SHOWN_CONFIDENCE)


def _span_tokens(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for token in tokenize(text):
        spans.append((at, at + len(token.text)))
        at += len(token.text)
    return spans


def aligned_quote(text: str, display: str, quote: str) -> str | None:
    """The stretch of the restored text that stands where the quote stands in the original.

    Restoration replaces words one for one, so the two texts' tokens pair up by position;
    None when they do not (then the quote is restored on its own)."""
    ours, theirs = _span_tokens(text), _span_tokens(display)
    if len(ours) != len(theirs):
        return None
    pieces = []
    for piece in (p.strip() for p in quote.split("…")):
        start = text.find(piece)
        if not piece or start < 0:
            return None
        first = next(i for i, (a, b) in enumerate(ours) if b > start)
        last = next(i for i, (a, b) in enumerate(ours) if b >= start + len(piece))
        pieces.append(display[theirs[first][0] : theirs[last][1]])
    return " … ".join(pieces)


def apply_readings(answer: str, readings: list[Reading | None]) -> str:
    """The answer with restored passages' quotes and titles in their restored reading."""
    chosen: dict[str, str] = {}  # a text two passages restore differently reads as the first
    for reading in (r for r in readings if r):
        for original, restored in reading.swaps:
            if original != restored:
                chosen.setdefault(original, restored)
    for original, restored in sorted(chosen.items(), key=lambda pair: -len(pair[0])):
        answer = answer.replace(original, restored)
    return answer


def restored_fields(payload: dict, reading: Reading | None) -> dict:
    """The citation fields of the answer contract that carry the restored reading."""
    if not payload.get("restored"):
        return {"restored": False}
    return {
        "restored": True,
        "display_text": payload.get("display_text"),
        "display_section_title": payload.get("display_section_title"),
        "display_quote": reading.quote if reading else None,
    }
