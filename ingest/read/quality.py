"""Is a page's text real text? Shared by the PDF, plain-text and OCR readers."""

from __future__ import annotations

import re
import unicodedata

# A PDF page's text layer is trusted only if it looks like real text (see layer_quality).
MIN_PAGE_LETTERS = 20
MAX_BAD_CHAR_SHARE = 0.05  # U+FFFD, private-use, control characters
MAX_FOREIGN_SHARE = 0.03  # non-ASCII characters that are neither Vietnamese nor punctuation
MIN_LETTER_SHARE = 0.5

_VIETNAMESE_LETTERS = frozenset(
    "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ"
)
# dashes, curly quotes, ellipsis, bullet and a few symbols that Vietnamese documents use
_OK_NON_ASCII = frozenset(
    "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u00b0\u00a7\u20ac\u00ab\u00bb"
    "\u2264\u2265\u00b1\u2192\u2190\u2713\u2116"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def layer_quality(text: str) -> str:
    """Classify a page's text layer as "ok", "sparse" (too few letters) or "junk".

    Junk is what broken font encodings produce: U+FFFD, private-use or control characters,
    mostly non-letters, or legacy Vietnamese font encodings (TCVN3/VNI) that decode to
    Latin-1 look-alikes such as "Céng hoµ x· héi" - non-ASCII characters that are neither
    Vietnamese letters nor common punctuation.
    """
    chars = [c for c in text if not c.isspace()]
    n_letters = sum(c.isalpha() for c in chars)
    if n_letters < MIN_PAGE_LETTERS:
        return "sparse"
    n = len(chars)
    bad = sum(1 for c in chars if c == "\ufffd" or unicodedata.category(c) in {"Co", "Cc", "Cs", "Cn"})
    foreign = sum(
        1 for c in chars if ord(c) > 127 and c not in _VIETNAMESE_LETTERS and c not in _OK_NON_ASCII
    )
    if bad / n > MAX_BAD_CHAR_SHARE or foreign / n > MAX_FOREIGN_SHARE:
        return "junk"
    if n_letters / n < MIN_LETTER_SHARE:
        return "junk"
    return "ok"


def clean_page(text: str) -> str:
    """NFC, no control characters or form feeds inside a page, no trailing spaces."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _CONTROL.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text.strip("\n")
