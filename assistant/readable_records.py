"""Whether a target record's metric reads as a name of what is measured. A metric read from a
plan's line may start at the item's label or verb ('e) Phấn đấu') or stop inside a phrase
('phường trên thành phố và'): such a record says nothing about what its figure measures, so it is
no reason to lead with its item."""

from __future__ import annotations

import re

from ingest.text import fold_accents

_LABEL = re.compile(r"^\s*(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*)[).]\s")
# a phrase never ends on a conjunction or preposition; a plan's verb opens a task, not a metric
_OPEN_END = frozenset("va cua cac tren tai voi cho tu den hoac nhung theo trong ve".split())
_VERB_START = re.compile(r"^(?:phan dau|bao dam|dam bao|thuc hien|trien khai)\b")


def readable_metric(metric: str) -> bool:
    """The metric names what is measured: no leading label or verb, no dangling last word."""
    folded = fold_accents(metric).lower().strip(" ,.;:")
    words = folded.split()
    if not words or _LABEL.match(folded) or _VERB_START.match(folded):
        return False
    return words[-1] not in _OPEN_END
