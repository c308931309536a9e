"""Answers quote restored OCR passages: quotes and titles read as restored, figures as printed.

A quote from a restored passage is restored on its own and checked: every number in the
restored quote must stand in the original passage text (restoration never changes a digit, and
`check_digits` raises if it ever did).
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.restore.document import check_digits
from ingest.restore.model import ModelMissing, load_restorer


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
    restored_quote = check_digits(text, restorer.restore(quote)) if quote else ""
    swaps = [(quote, restored_quote)] if quote else []
    titles = zip(payload.get("titles") or [], payload.get("display_titles") or [], strict=False)
    swaps += [(t, d) for t, d in titles if t and d and t != d]
    doc = payload.get("doc") or {}
    if doc.get("title") and doc.get("display_title"):
        swaps.append((doc["title"], doc["display_title"]))
    return Reading(restored_quote, swaps)


def apply_readings(answer: str, readings: list[Reading | None]) -> str:
    """The answer with restored passages' quotes and titles in their restored reading."""
    swaps = sorted(
        {pair for r in readings if r for pair in r.swaps if pair[0] != pair[1]},
        key=lambda pair: -len(pair[0]),
    )
    for original, restored in swaps:
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
