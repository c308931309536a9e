"""An OCR-like copy of a clean text, for testing how a scanned document is read.

What a scanner and OCR engine do to a typed directive, seeded so the same text always gives the
same copy: bold and italic markup is gone (a scan has none); a share of words lose their
diacritics; a few letters are misread (`u`→`ii`, `m`→`rn`, `o`→`6`), upper-case headings more
often; heading labels are misread (`I.`→`|.`, `II.`→`Il.`, `1.`→`l.`); and lines are wrapped
again at about 70 characters, mid-sentence.
"""

from __future__ import annotations

import random
import re
import textwrap
import unicodedata
from dataclasses import dataclass

# A letter (after marks are stripped) and what OCR reads there.
SLIPS = {"u": ["ii", "tr"], "m": ["rn"], "c": ["e"], "o": ["6", "0"], "a": ["d"], "l": ["|"],
         "d": ["&", "cl"], "i": ["l"], "h": ["b"], "n": ["u"], "k": ["lc"]}  # fmt: skip
# Heading labels and how OCR misreads them.
LABEL_SLIPS = {"I": ["|", "l"], "II": ["Il", "11"], "III": ["Ill", "lII"], "IV": ["lV", "TV"],
               "V": ["V"], "1": ["l", "I"], "2": ["2"]}  # fmt: skip
_LABEL = re.compile(r"^(\s*)([IVX]+|\d+)([.)])")
_MARKUP = re.compile(r"\*+|_{2,}")
_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_ENDS = (".", ";", ":", "!", "?", ")", "*")
MIN_BODY_LINE = 40  # a shorter line (header block, table cell) keeps its own line


@dataclass(frozen=True)
class Noise:
    """How much of each OCR slip: shares of words, of words in headings, and of labels."""

    strip: float = 0.6  # words that lose their marks
    slip: float = 0.04  # words with one letter misread
    heading_slip: float = 0.15  # the same, in an upper-case heading line
    label_slip: float = 0.5  # heading labels misread
    width: int = 70  # wrap width (varies by a few characters per line)


def strip_marks(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _slip(word: str, rng: random.Random) -> str:
    spots = [i for i, ch in enumerate(word) if strip_marks(ch).lower() in SLIPS]
    if not spots:
        return word
    i = rng.choice(spots)
    options = SLIPS[strip_marks(word[i]).lower()]
    if word[i] == "I":  # a capital I is read as a small l, a bar or a one
        return word[:i] + rng.choice(["l", "|", "1"]) + word[i + 1 :]
    shown = rng.choice(options)
    return word[:i] + (shown.upper() if word[i].isupper() and shown.isalpha() else shown) + word[i + 1 :]


def _noisy_words(line: str, rng: random.Random, noise: Noise) -> str:
    heading = line.isupper()
    slip = noise.heading_slip if heading else noise.slip

    def one(match: re.Match) -> str:
        word = match.group(0)
        if word.isdigit():
            return word
        if rng.random() < noise.strip:
            word = strip_marks(word)
        if rng.random() < slip:
            word = _slip(word, rng)
        return word

    return _WORD.sub(one, line)


def _noisy_label(line: str, rng: random.Random, noise: Noise) -> str:
    match = _LABEL.match(line)
    if not match or match.group(2) not in LABEL_SLIPS or rng.random() >= noise.label_slip:
        return line
    shown = rng.choice(LABEL_SLIPS[match.group(2)])
    return match.group(1) + shown + match.group(3) + line[match.end() :]


def _body_line(line: str) -> bool:
    """A line of running text that stops mid-sentence: the next line continues it."""
    return len(line) >= MIN_BODY_LINE and not line.isupper() and not line.endswith(_SENTENCE_ENDS)


def _bare_number(line: str) -> bool:
    return line.strip().rstrip(".").isdigit()


def _rewrap(lines: list[str], rng: random.Random, width: int) -> list[str]:
    """Body lines joined into paragraphs (a blank line, a label, a dash item, an upper-case line
    or one after a short line or a sentence's end starts one) and wrapped again at about
    `width` characters, the way a scanned page breaks them; short lines (header block, table
    cells) stay as they are."""
    out: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            text = " ".join(paragraph)
            out.extend(textwrap.wrap(text, width=width + rng.randint(-6, 6)) or [""])
            paragraph.clear()

    for line in lines:
        if not line.strip():
            flush()
            out.append("")
        else:
            starts = _LABEL.match(line) or line.lstrip().startswith("-") or line.isupper()
            if starts or not paragraph or not _body_line(paragraph[-1]) or _bare_number(line):
                flush()
            paragraph.append(line.strip())
    flush()
    return out


def ocr_copy(text: str, seed: int = 0, noise: Noise = Noise()) -> str:
    """The OCR-like copy of `text` (seeded: the same text and seed give the same copy)."""
    rng = random.Random(seed)
    lines = [_MARKUP.sub("", line).rstrip() for line in text.splitlines()]
    lines = _rewrap(lines, rng, noise.width)
    return "\n".join(_noisy_words(_noisy_label(line, rng, noise), rng, noise) for line in lines) + "\n"
