"""Acronyms the documents define themselves: 'giáo dục thường xuyên (GDTX)' -> GDTX."""

from __future__ import annotations

import re

from ingest.text import fold_accents

_DEFINITION = re.compile(r"([^\W\d_][^()\n]{2,90}?)\s*\(([A-ZĐ][A-ZĐ&\-]{1,9})\)")
_SKIP = {"va", "&", "-"}


def mine_acronyms(text: str) -> dict[str, str]:
    """Pairs whose long form's syllable initials spell the acronym (skipping 'và')."""
    found: dict[str, str] = {}
    for m in _DEFINITION.finditer(text):
        words, short = m.group(1).split(), m.group(2)
        letters = fold_accents(short).replace("&", "").replace("-", "")
        picked: list[str] = []
        i = len(letters) - 1
        for word in reversed(words):
            if i < 0:
                break
            key = fold_accents(word).strip(",.;:")
            if key in _SKIP and picked:
                picked.append(word)
                continue
            if not key or key[0] != letters[i]:
                break
            picked.append(word)
            i -= 1
        if i < 0:
            long_form = " ".join(reversed(picked)).strip(",.;: ")
            found.setdefault(short, long_form.lower() if not long_form.isupper() else long_form)
    return found
