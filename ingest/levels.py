"""The one table of numbering levels of Vietnamese administrative and legal documents.

From the top: Phần > Chương > Mục > Điều N. > A. > I. > 1. (khoản) > 1.1. > (1) > (i1) > a) (điểm).
A document uses some of them, in this order; each level's label is kept in the document's own
words: "Điều 3", "Chương II", "II", "2", "1.2", "(3)", "(i1)", "a" (OCR misreadings read right:
"|." and "I1." are I and II, "TV." is IV, "¢)" is c). Bullets (-, +) are not levels: they are the sub-items a
long task splits at (ingest/chunks.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ingest.restore.confusions import fold_confusions
from ingest.roman import roman_value, to_roman

LETTERS = "abcdđeghiklmn"
NAMED = {"part": "Phần", "chapter": "Chương", "heading": "Mục", "article": "Điều"}
# Levels that title a group of articles: left out of a cited path when the document has articles.
GROUPING = ("part", "chapter", "heading")
KIND_RANK = {kind: rank for rank, kind in enumerate(
    ("part", "chapter", "heading", "article", "alpha", "roman", "num", "dotted", "paren", "iparen",
     "letter")
)}  # fmt: skip

_NAMED = re.compile(r"^(PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+([IVX]{1,6}|\d{1,3})\b\s*([.:]?)\s*(.*)$")
_ARTICLE = re.compile(r"^Điều\s+(\d{1,4}[a-z]?(?:\.[0-9A-ZĐa-z]{1,4}){0,4})\s*[.:]\s*(.*)$")
_ALPHA = re.compile(r"^([A-HJ-UYZĐ])\s*\.\s+(?=\S)(.*)$")
_ROMAN = re.compile(
    r"^([I|l][I|l1VX]{0,4}|[VX][IVX1|l]{0,3}|T[VX]|1[I|lVX][I|l1VX]{0,3})\s*[.]\s*(?=\S)(.*)$"  # 1I.: II
)
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+(?=\S)(.*)$")
_OCR_DOTTED = re.compile(r"^[l|]\.(\d{1,2})\.?\s+(?=\S)(.*)$")  # "l.2." / "|.2.": OCR's 1.2.; never roman
_NUM = re.compile(r"^(\d{1,2})\s*[.)/]\s+(?=\S)(.*)$")  # 1. Text, also 1) and 1/
# "l.1", "|.1.2": a table row's 1.1, 1.1.2 (a capital I.1 is clean text's row 1 of group I)
_PAREN = re.compile(r"^\((\d{1,2})\)\s*(?=\S)(.*)$")
_IPAREN = re.compile(r"^\(i\s?(\d{1,2})\)\s*(?=\S)(.*)$")
_LETTER = re.compile(
    r"^([a-iđk¢€C]|cl|&)\s?[)/]\s+(?=\S)(.*)$|^([a-hđ])\.\s+(?=[A-ZĐÀ-Ỹ])(.*)$"  # a) a/ and "a. Text"
)
# A label left alone on its line, its title on the next: "2." or "Điều" after a hard wrap (or
# "l.", OCR's 1. or I.), and a page's heading set as a label line then a title line ("2.3." /
# "Công an tỉnh", "III." / "NHIỆM VỤ").
_BARE = re.compile(
    r"^(?:Điều(?:\s+\d{1,4}\s*[.:]?)?|\d{1,2}\s*[.)/]|\d{1,2}\.\d{1,2}\.|[IVX]{1,5}\s*\.|[l|]\s*\."
    r"|[a-hđ]\s?[)/]|\(\d{1,2}\))$"
)
_NAMED_KIND = {"phan": "part", "chuong": "chapter", "muc": "heading"}
# level words as OCR reads them without marks, and as the document writes them
_UNMARKED_LEVEL_WORDS = {"dieu": "Điều", "chuong": "Chương", "muc": "Mục", "phan": "Phần"}
_LEVEL_WORD = re.compile(r"^([^\W\d_]{3,6})\s+(?=[IVX]{1,6}\b|\d)")
_ARTICLE_CONFUSED = fold_confusions("Điều")
_WRITTEN_LEVEL_WORDS = {"Điều", "Chương", "CHƯƠNG", "Mục", "MỤC", "Phần", "PHẦN"}


@dataclass
class Label:
    kind: str
    label: str  # as written in the contract: "Điều 3", "II", "2", "1.2", "(3)", "(i1)", "đ"
    value: int
    rest: str  # the line's text after the label


def restore_bare_level_word(line: str) -> str:
    """'Dieu', 'Điêu': the level word of a hard-wrapped article heading ('Điều' / '2. Quy định
    …') alone on its line, its marks lost or misread by OCR, written as the document writes it."""
    if line in _WRITTEN_LEVEL_WORDS or not 3 <= len(line) <= 6:
        return line
    return "Điều" if _fold(line) == "dieu" or _misread_article_word(line) else line


def _misread_article_word(word: str) -> bool:
    """'Dleu', 'Dieii': the article word, capitalised, with one of OCR's letter slips."""
    return word[:1] in "DĐ" and fold_confusions(word) == _ARTICLE_CONFUSED


def reads_as_one(parent_kind: str, written: str) -> bool:
    """Is a roman I that does not read as a heading the first numbered item, "1." misread, under
    a parent of this kind? Under a roman heading, and under an article (its clauses are numbered
    1., 2.; it holds no roman parts); "l." and "|." are never a roman I in clean text, anywhere
    below the top."""
    return parent_kind in ("roman", "article") or (written in ("l", "|") and parent_kind != "root")


def is_bare_label(line: str) -> bool:
    """'2.', 'Điều', 'a)': a label whose text a hard wrap moved to the next line."""
    return bool(_BARE.match(line))


def match_label(line: str) -> Label | None:
    """The label a line starts with, if any, at the highest level it can be read as."""
    named = _named_label(_level_word_restored(line))
    return named or _ocr_dotted(line) or _alpha_or_roman(line) or _numbered_label(line)


def _ocr_dotted(line: str) -> Label | None:
    """'l.2. Text', '|.2. Text': a dotted label whose leading 1 OCR read as a thin letter."""
    if m := _OCR_DOTTED.match(line):
        return Label("dotted", f"1.{int(m.group(1))}", int(m.group(1)), m.group(2))
    return None


def _level_word_restored(line: str) -> str:
    """'Dieu 3.', 'Điêu 3.', 'CHUONG II': a level word whose marks OCR lost or misread, written
    as the document would ('Điều 3.', 'CHƯƠNG II'), when a number follows it."""
    m = _LEVEL_WORD.match(line)
    if not m or m.group(1) in _WRITTEN_LEVEL_WORDS:
        return line
    restored = _UNMARKED_LEVEL_WORDS.get(_fold(m.group(1)))
    if restored is None and _misread_article_word(m.group(1)):
        restored = "Điều"
    if restored is None:
        return line
    shown = restored.upper() if m.group(1).isupper() and restored != "Điều" else restored
    return shown + line[m.end(1) :]


def _fold(word: str) -> str:
    word = word.lower().replace("đ", "d")
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


def _named_label(line: str) -> Label | None:
    if m := _ARTICLE.match(line):
        number = m.group(1)
        return Label("article", f"Điều {number}", int(re.match(r"\d+", number).group()), m.group(2))
    if m := _NAMED.match(line):
        word = m.group(1).capitalize()
        kind = _NAMED_KIND[_fold_word(word)]
        token = m.group(2)
        value = int(token) if token.isdigit() else roman_value(token)
        standalone = m.group(1).isupper() or m.group(3) or not m.group(4)  # not "Mục 2 của …"
        if value is not None and standalone:
            return Label(kind, f"{NAMED[kind]} {token}", value, m.group(4))
    return None


def _alpha_or_roman(line: str) -> Label | None:
    if m := _ROMAN.match(line):
        value = roman_value(m.group(1))
        if value is not None:
            return Label("roman", to_roman(value), value, m.group(2))
    if m := _ALPHA.match(line):
        letter = m.group(1)
        return Label("alpha", letter, ord(letter) - ord("A") + 1 if letter != "Đ" else 5, m.group(2))
    return None


def _numbered_label(line: str) -> Label | None:
    if m := _DOTTED.match(line):
        return Label("dotted", f"{int(m.group(1))}.{int(m.group(2))}", int(m.group(2)), m.group(3))
    if m := _NUM.match(line):
        return Label("num", str(int(m.group(1))), int(m.group(1)), m.group(2))
    if m := _IPAREN.match(line):
        return Label("iparen", f"(i{int(m.group(1))})", int(m.group(1)), m.group(2))
    if m := _PAREN.match(line):
        return Label("paren", f"({int(m.group(1))})", int(m.group(1)), m.group(2))
    if m := _LETTER.match(line):
        written, rest = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        letter = "c" if written in "¢€C" else "d" if written in ("cl", "&") else written
        if letter not in LETTERS:
            return None
        return Label("letter", letter, LETTERS.index(letter) + 1, rest)
    return None


def _fold_word(word: str) -> str:
    return word.lower().replace("ầ", "a").replace("ươ", "uo").replace("ụ", "u")


def looks_like_heading(label: Label) -> bool:
    """Shape test: the text after a label starts like a sentence or a heading, not mid-phrase."""
    rest = label.rest.lstrip("\"'“*")
    if label.kind in ("article", "part", "chapter", "heading"):
        return not rest or not rest[0].islower()
    if not rest:
        return False
    if label.kind in ("roman", "alpha"):
        words = [w for w in re.findall(r"[^\W\d_]+", rest)[:3] if len(w) > 1]
        return bool(words) and sum(w.isupper() or w[:2].isupper() for w in words) >= len(words) / 2
    first = rest[0]
    return first.isupper() or first.isdigit() or first in "“\"'(&" or label.kind == "letter"  # &: OCR's D
