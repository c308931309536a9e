"""Bounded chunks: a task longer than a chunk may be is split at its sub-items (bullets, labelled
lines, paragraphs), then at sentences, then at words; every line lands in exactly one part."""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.text import join_wrapped, starts_list_item

MAX_CHARS = 2000  # about what a 512-token model reads
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+(?=\S)")


def approx_tokens(text: str) -> int:
    """Sub-word tokens a multilingual model sees: about 1.5 per Vietnamese syllable."""
    return int(len(_WORD.findall(text)) * 1.5) + 1


def bounded_parts(lines: list[str], max_chars: int, max_tokens: int) -> list[list[str]]:
    """The task's lines in parts that each fit: whole sub-items where they fit, else sentences,
    else words."""

    def fits(part: list[str]) -> bool:
        text = join_wrapped(part)
        return len(text) <= max_chars and approx_tokens(text) <= max_tokens

    parts: list[list[str]] = []
    for item in _packed(sub_items(lines), fits):
        too_long = len(join_wrapped(item)) > max_chars  # the token bound alone keeps an item whole
        parts.extend(_packed(_sentences(item, max_chars), fits) if too_long else [item])
    return [part for part in parts if join_wrapped(part).strip()]


def sub_items(lines: list[str]) -> list[list[str]]:
    """Lines grouped into sub-items: a bullet, a labelled line or a blank line starts one."""
    items: list[list[str]] = []
    for line in lines:
        after_blank = items and not items[-1][-1].strip() and not line[:1].islower()
        starts_item = starts_list_item(line) or after_blank  # lower case: a page broke a sentence
        if not items or (starts_item and line.strip()):
            items.append([line])
        else:
            items[-1].append(line)
    return items


def _packed(items: list[list[str]], fits: Callable[[list[str]], bool]) -> list[list[str]]:
    """Consecutive items joined while the part still fits."""
    parts: list[list[str]] = []
    for item in items:
        if parts and fits(parts[-1] + item):
            parts[-1] = parts[-1] + item
        else:
            parts.append(list(item))
    return parts


def _sentences(item: list[str], max_chars: int) -> list[list[str]]:
    """One over-long sub-item as sentences (each a one-line item); a sentence longer than a part
    is cut between words."""
    out: list[list[str]] = []
    for sentence in _SENTENCE_END.split(join_wrapped(item)):
        while len(sentence) > max_chars:
            cut = sentence.rfind(" ", 0, max_chars)
            cut = cut if cut > 0 else max_chars
            out.append([sentence[:cut]])
            sentence = sentence[cut:].lstrip()
        out.append([sentence])
    return out
