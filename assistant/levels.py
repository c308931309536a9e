"""The one school-level vocabulary (glossary.json `levels`), for questions, records, CLI and page.

Canonical names: mầm non, tiểu học, THCS, THPT, GDTX, and `trung học` — secondary without saying
which (a record keeps it as written; a question asking about it means THCS and THPT).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

SECONDARY = "trung học"
ALL_LEVELS = "all"  # a record that names no level
_NOT_GENERIC = {"trung hoc": r"(?! co so| pho thong)", "secondary": ""}
_GENERIC_PREFIX = {"secondary": r"(?<!lower )(?<!upper )"}


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, list[str]]:
    path = Path(__file__).with_name("glossary.json")
    return dict(json.loads(path.read_text(encoding="utf-8"))["levels"])


LEVELS: tuple[str, ...] = (*vocabulary(), ALL_LEVELS)


@lru_cache(maxsize=2)
def _patterns(short_forms: bool) -> tuple[tuple[re.Pattern[str], str], ...]:
    """One pattern per level; short forms ('th', 'mn') only where documents abbreviate."""
    out = []
    for level, forms in vocabulary().items():
        alternatives = [
            _GENERIC_PREFIX.get(f, "") + rf"\b{re.escape(f)}\b" + _NOT_GENERIC.get(f, "")
            for f in forms
            if short_forms or len(f) > 2
        ]
        out.append((re.compile("|".join(alternatives)), level))
    return tuple(out)


def levels_in(folded: str, *, short_forms: bool = True) -> list[str]:
    """Levels named in accent-folded text, in reading order."""
    found: list[tuple[int, str]] = []
    for pattern, level in _patterns(short_forms):
        found += [(m.start(), level) for m in pattern.finditer(folded)]
    out: list[str] = []
    for _, level in sorted(found):
        if level not in out:
            out.append(level)
    return out


def strip_levels(folded: str) -> str:
    """The text with every level name blanked (what is left says whether a phrase is more)."""
    for pattern, _ in _patterns(True):
        folded = pattern.sub(" ", folded)
    return folded


def question_levels(folded_question: str) -> list[str]:
    """Levels a question asks about; plain 'secondary' means both secondary levels."""
    found = levels_in(folded_question, short_forms=False)
    if SECONDARY in found:
        found = [lv for lv in found if lv != SECONDARY]
        found += [lv for lv in ("THCS", "THPT") if lv not in found]
    return found


def record_level_matches(record_level: str, asked: list[str]) -> bool:
    """A record's level answers the asked levels ('trung học' answers THCS or THPT)."""
    if not asked:
        return True
    if record_level == SECONDARY:
        return any(lv in ("THCS", "THPT", SECONDARY) for lv in asked)
    return record_level in asked
