"""Text normalisation and the BM25 tokeniser shared by ingest and search.

Folding accents is what lets a question typed without diacritics meet a clean text, and a clean
question meet an OCR text that lost its diacritics: both sides are folded the same way.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ơ": "o", "ư": "u"})

# Numbers are kept whole: 92,5 / 20/12/2023 / 281/KH-UBND / 2023-2025 / 1.1
_TOKEN = re.compile(
    r"\d+(?:[.,/-]\d+)*(?:/[a-z0-9&]+(?:-[a-z0-9&]+)*)?"  # numbers, dates, document numbers
    r"|[a-z]+(?:&[a-z]+)?"  # syllables (folded), acronyms like hn&gdtx
)

# Function words that carry no evidence; folded forms. Kept short on purpose: Vietnamese
# syllables such as "giao", "duc" are content, not stopwords.
STOPWORDS = frozenset(
    """
    va cua cac cho la co the nhung mot de voi tai trong tren theo nhu sau khi nay do thi ma duoc
    bi se da dang hay hoac ve tu den nhat rat con cung moi vao ra len gi nao bao nhieu sao khong
    chua phai a an of to in on for and or is are was were be what which who whom when where how
    does did by at as with from that this these those it its there their about please tell me i
    we you our your much many any should shall will would can could has have had may phan tram
    """.split()
)  # fmt: skip
# The Vietnamese function words of STOPWORDS as written with their marks. Folding merges them with
# content syllables ('để' / 'chủ đề', 'tại' / 'tài chính', 'như' / 'nhu cầu', 'đã' / 'đa dạng',
# 'có' / 'cơ sở', 'an toàn', 'cha mẹ'): in a question typed with marks, only these are dropped.
MARKED_FUNCTION_WORDS = frozenset(
    """
    và của các cho là có thể những nhưng một để với tại trong trên theo như sau khi này nay do đó
    thì mà được bị sẽ đã đang hay hoặc về từ đến nhất rất còn cũng mỗi mọi mới vào ra lên gì nào
    bao nhiêu sao không chưa phải phần trăm thế mấy
    """.split()
)  # fmt: skip


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=8192)  # passages recur across questions: fold each once
def fold_accents(text: str) -> str:
    """Lower-case, strip diacritics, and map đ to d: 'Tỷ lệ Đạt' -> 'ty le dat'."""
    decomposed = unicodedata.normalize("NFD", text.lower().translate(_FOLD_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.translate(_FOLD_EXTRA)


def has_diacritics(text: str) -> bool:
    return fold_accents(text) != text.lower()


def diacritic_ratio(text: str) -> float:
    """Share of letters that carry a Vietnamese mark: near 0 for OCR that lost them."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    marked = sum(1 for ch in letters if fold_accents(ch) != ch.lower())
    return marked / len(letters)


_Y_AS_I = re.compile(r"^(ph|th|kh|ch|tr|[bdhklmnrstvx])y$")


def word_tokens(text: str) -> list[str]:
    """Folded syllables and whole numbers, in order; 'tỷ'/'tỉ', 'lý'/'lí' spelled one way."""
    return list(_word_tokens(text))


@lru_cache(maxsize=8192)
def _word_tokens(text: str) -> tuple[str, ...]:
    return tuple(_Y_AS_I.sub(r"\1i", t) for t in _TOKEN.findall(fold_accents(nfc(text))))


def bm25_terms(text: str) -> list[str]:
    """Terms for the sparse vector: syllables, whole numbers, and syllable bigrams.

    Bigrams give phrase evidence ('chuan quoc', 'quoc gia') without a word segmenter, which
    would stumble on OCR text anyway.
    """
    words = word_tokens(text)
    terms = list(words)
    for left, right in itertools.pairwise(words):
        if left.isalpha() and right.isalpha():
            terms.append(f"{left}_{right}")
    return terms


def squash_spaces(text: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()


def join_wrapped(lines: Iterable[str]) -> str:
    """Join lines wrapped mid-sentence into paragraphs; keep list items on their own lines.

    A blank line ends a paragraph; a line that starts with a bullet or a label starts a new
    line; anything else continues the sentence above.
    """
    out: list[str] = []
    current = ""
    for raw in lines:
        line = squash_spaces(raw)
        if not line:
            if current:
                out.append(current)
                current = ""
            continue
        if current and not starts_list_item(line):
            current = f"{current} {line}"
        else:
            if current:
                out.append(current)
            current = line
    if current:
        out.append(current)
    return "\n".join(out)


_LIST_START = re.compile(r"^(?:[-+•*]\s|\(?[0-9]{1,2}[.)]\s|\(i?\s?\d{1,2}\)|[a-zđ]\)\s)")


def starts_list_item(line: str) -> bool:
    return bool(_LIST_START.match(line))
