"""A question that names a table row: the row's name (the cell that says what it is about, the
chunk's section title, e.g. 'Thành lập văn phòng đại diện của cơ sở giáo dục nước ngoài tại Việt
Nam') stands whole in the question. Among catalogue rows sharing most of their words, the row
named in full is the one asked about."""

from __future__ import annotations

import re

from ingest.text import fold_accents

MIN_NAME_WORDS = 2  # a one-word name ('Toán') says too little to single a row out
_ASIDE = re.compile(r"\([^)]*\)")  # '(Theo đề nghị của tổ chức …)': an aside a question leaves out
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(fold_accents(_ASIDE.sub(" ", text)))


def names_row(question: str, payload: dict) -> bool:
    """True when the payload is a table row whose name the question holds word for word."""
    if not (payload.get("extra") or {}).get("columns"):
        return False
    name = _words(payload.get("section_title") or "")
    if len(name) < MIN_NAME_WORDS:
        return False
    asked = " " + " ".join(_words(question)) + " "
    return f" {' '.join(name)} " in asked
