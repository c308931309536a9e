"""Points a sentence lists on one line: after a colon, or after the words that introduce a list
written without one ('… các hoạt động như tham quan, dã ngoại, trải nghiệm'; 'gồm', 'bao gồm',
'như sau'), separated by commas or semicolons; and points written in quotes ('… các mô hình phù
hợp … như: "con cháu hướng dẫn cho bố mẹ, ông bà", "học viên giúp đỡ học viên", …'), read as the
quotes mark them (a comma inside a quote parts nothing)."""

from __future__ import annotations

import re

MAX_INLINE_WORDS = 12  # syllables of one point listed inline; a longer part is a clause, not a point
MIN_INLINE = 3  # unquoted parts: 'A, B' is a clause's pair, three or more a list
MIN_QUOTED = 2  # two quoted names after an introducer are already a list of them
# a word that introduces a list without a colon, written with its marks ('như', not 'nhu cầu';
# 'gồm', not 'thu gom'); 'bao gồm', 'gồm có', 'như sau' end where their last word ends
_INTRODUCER = re.compile(r"(?<!\w)(?:gồm|như)(?:\s+(?:có|sau))?(?=\s)", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"]\s*([^”\"]+?)\s*(?:[”\"’]|$)")
_FIGURE = re.compile(r"(?<![^\W\d_])\d")  # a digit that starts a word: 'A6' is an OCR slip, '95%' a figure
_TRAILING = " .,;:…’'\"”"


def inline_points(sentence: str) -> list[str]:
    """The points a sentence lists after its colon (else after an introducing word): at least
    MIN_QUOTED in quotes, or at least MIN_INLINE short parts without figures; none otherwise."""
    head, colon, rest = sentence.rpartition(":")
    if colon and head.strip():
        return _points(rest)
    for intro in reversed(list(_INTRODUCER.finditer(sentence))):
        if intro.start() > 0 and (points := _points(sentence[intro.end() :])):
            return points
    return []


def _points(rest: str) -> list[str]:
    quoted = [q.strip(_TRAILING) for q in _QUOTED.findall(rest.strip())]
    quoted = [q for q in quoted if q]
    if len(quoted) >= MIN_QUOTED and all(len(q.split()) <= 2 * MAX_INLINE_WORDS for q in quoted):
        return quoted
    parts = [p.strip(_TRAILING) for p in _outside_brackets(rest.strip().rstrip(_TRAILING))]
    parts = [p for p in parts if p]  # a closing ', …' is no point
    short = all(len(p.split()) <= MAX_INLINE_WORDS and not _FIGURE.search(p) for p in parts)
    return parts if len(parts) >= MIN_INLINE and short else []


def _outside_brackets(text: str) -> list[str]:
    """The text parted at each ',' or ';' followed by a space, except inside brackets: 'Nghệ
    thuật (Âm nhạc, Mỹ thuật)' is one point."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if ch in ",;" and depth <= 0 and text[i + 1 : i + 2].isspace():
            parts.append(text[start:i])
            start = i + 1
    return [*parts, text[start:]]
