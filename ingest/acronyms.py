"""Acronyms the documents define themselves: 'giáo dục thường xuyên (GDTX)' -> GDTX.

Documents write one acronym several ways: whole ('GDĐT'), with '&' where the long form says 'và'
('GD&ĐT'), with a hyphen or a dot between its parts ('GD-ĐT', 'GD.ĐT'), or broken over a line
('VHTT' / 'DL'). A definition written any of these ways is learned like a whole one, under its
whole form, and every acronym is also known by its '&' form (`written_forms`), the one other form
the search's tokens keep in one piece ('gd&dt')."""

from __future__ import annotations

import re

from ingest.text import fold_accents

# a long form, then in brackets an acronym: capitals, maybe parted by '&', '-', '.', ',' or a break
_DEFINITION = re.compile(r"([^\W\d_][^()\n]{2,90}?)\s*\(([A-ZĐ][A-ZĐ&\-.,\s]{0,14}[A-ZĐ])\)")
_SEPARATORS = re.compile(r"[&\-.,\s]")
_SKIP = {"va", "&", "-"}
MAX_LETTERS = 10


def mine_acronyms(text: str) -> dict[str, str]:
    """Pairs whose long form's syllable initials spell the acronym (skipping 'và'), keyed by
    every form in which documents write the acronym (`written_forms`)."""
    found: dict[str, str] = {}
    for m in _DEFINITION.finditer(text):
        words, written = m.group(1).split(), m.group(2)
        short = _SEPARATORS.sub("", written)
        if not 2 <= len(short) <= MAX_LETTERS:
            continue
        long_form = _long_form(words, fold_accents(short))
        if long_form:
            for form in written_forms(short, long_form):
                found.setdefault(form, long_form)
    return found


def _long_form(words: list[str], letters: str) -> str | None:
    """The words before the brackets whose initials spell `letters`, read backwards."""
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
            return None
        picked.append(word)
        i -= 1
    if i >= 0:
        return None
    long_form = " ".join(reversed(picked)).strip(",.;: ")
    return long_form.lower() if not long_form.isupper() else long_form


def written_forms(short: str, long_form: str) -> list[str]:
    """The acronym as documents write it: its '&' form where its long form says 'và' between two
    of its parts ('giáo dục và đào tạo' -> 'GD&ĐT'), then the whole form ('GDĐT')."""
    words = [w for w in fold_accents(long_form).replace(",", " ").split() if w not in {"&", "-"}]
    if "va" not in words[1:-1] or len(words) - 1 != len(short):
        return [short]
    cut = words.index("va", 1)
    return [f"{short[:cut]}&{short[cut:]}", short]
