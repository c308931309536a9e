"""Restore a parsed OCR document for reading: each chunk's text, its titles and the doc title.

The original text stays what search folds and what figures are checked against; the restored
reading sits beside it (`display_text`, `restored: true`).
"""

from __future__ import annotations

import logging
import re
from functools import partial

from ingest.chunks import ParsedDocument
from ingest.restore.confidence import SHOWN_CONFIDENCE
from ingest.restore.decode import Restorer
from ingest.restore.judge import Verdict, judge
from ingest.restore.memory import DocumentMemory
from ingest.restore.syllables import fold

log = logging.getLogger(__name__)
_NUMBER = re.compile(r"\d+(?:[.,/-]\d+)*")


def numbers(text: str) -> list[str]:
    """The digit runs of a text, in order: what restoration must never change."""
    return _NUMBER.findall(text)


def check_digits(original: str, restored: str) -> str:
    """Raise if the restored text holds a number that the original does not hold in the same order."""
    remaining = iter(numbers(original))
    for number in numbers(restored):
        if not any(number == seen for seen in remaining):
            raise ValueError(f"restoration changed a number: {number!r} is not in the original")
    return restored


def restore_checked(
    restorer: Restorer,
    text: str,
    min_confidence: float = SHOWN_CONFIDENCE,
    memory: DocumentMemory | None = None,
) -> str:
    """The restored text, checked; should a number ever differ, the original is kept (and logged).
    By default it is the reading shown to readers: a word the model is unsure of stays as read."""
    if not text:
        return text
    try:
        return check_digits(text, restorer.restore(text, min_confidence, memory))
    except ValueError as exc:
        log.error("%s; the original text is shown", exc)
        return text


def restore_document(parsed: ParsedDocument, restorer: Restorer) -> Verdict:
    """Judge the document; if it is OCR, give every chunk and title its restored reading."""
    verdict = judge(parsed.text, restorer.inventory.syllables)
    if not verdict.is_ocr:
        return verdict
    memory = restorer.memory(parsed.text)  # the readings the whole document settles
    shown = partial(restore_checked, restorer, min_confidence=SHOWN_CONFIDENCE, memory=memory)
    doc = parsed.chunks[0].doc if parsed.chunks else {}
    if doc.get("title"):
        doc["display_title"] = shown(doc["title"])
    for chunk in parsed.chunks:
        chunk.display_text = shown(chunk.text)
        chunk.display_section_title = shown(chunk.section_title)
        chunk.display_titles = [shown(t) for t in chunk.titles]
        chunk.restored = True
    return verdict


def corrections(original: str, restored: str) -> str:
    """Restored words whose folded form differs from the original's: what OCR misspelt."""
    seen = set(fold(original).split())
    return " ".join(w for w in restored.split() if fold(w) not in seen)
