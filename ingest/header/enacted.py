"""The date a law or a resolution of an elected body states in its closing formula ('Luật này
được Quốc hội … thông qua ngày 30 tháng 11 năm 2024'): its header carries no place-date line."""

from __future__ import annotations

import re

from ingest.dates import worded_date
from ingest.header.lines import strip_marks
from ingest.text import fold_accents

# 'Luật này được …', 'Nghị quyết này đã được …', then '… thông qua ngày' within the sentence.
_FORMULA = re.compile(
    r"\b(?:bo luat|luat|nghi quyet|phap lenh) nay (?:da )?duoc [^.;]{0,240}?thong qua\s*(?:ngay\b)?"
)
TAIL_LINES = 400  # how far from the end the formula may stand (annexes follow it)


def passed_on(lines: list[str]) -> str | None:
    """ISO date of the closing 'được … thông qua ngày d tháng m năm y', if the text has one."""
    text = " ".join(strip_marks(line) for line in lines[-TAIL_LINES:])
    key = fold_accents(text)
    for m in _FORMULA.finditer(key):
        date, found = worded_date("ngay " + key[m.end() :][:60].lstrip())
        if date and found and found.start() == 0 and len(date) == 10:
            return date
    return None
