"""The kind of answer a question wants (a procedure's code, a level, an amount of money, a
percentage, a count, a duration, a year, a date, a person or unit, a place, a document reference, a
list), read from how questions are asked in Vietnamese (with or without diacritics) and English;
whether a text states something of that kind is assistant/answer_type.py."""

from __future__ import annotations

import re

from assistant.english import detect_language
from ingest.text import fold_accents, has_diacritics

KINDS = (
    "code", "level", "duration", "year", "date", "person", "document", "place", "percent", "money", "count",
    "list",
)  # fmt: skip

# English 'when' asks a date where it is the question word: first, after 'by', 'until', 'and' …,
# before an auxiliary ('when does the year start') or last ('…, and when?'); elsewhere it joins
# a clause ('how much do families pay when a school teaches online') and asks nothing
_ASKED_WHEN = (
    r"^\s*when|(?:by|until|till|since|from|and|or) when"
    r"|when (?:do|does|did|is|are|was|were|will|would|should|shall|must|can|could|may|might|has|have|had)"
    r"|when\s*\??\s*$"
)
_ASKED_WHEN_RE = re.compile(rf"\b(?:{_ASKED_WHEN})\b")
# question cues, on the folded question; the first kind whose cue matches wins (KINDS order):
# the interrogatives ('khi nào', 'ai', 'văn bản nào', 'ở đâu') before the words of a topic
# ('học phí', 'mức thu'), which a question about a fee resolution's date or signer also holds;
# 'who' right after a word is a relative pronoun ('teachers who teach …'), not a question
_CUES = {
    "code": r"ma so|ma ho so|ma thu tuc|ma tthc|ma hs|co ma|(?:procedure|what|which) code|code of",
    # a standard met at a level: 'phổ cập giáo dục THCS mức độ mấy', 'đạt chuẩn quốc gia mức độ nào'
    "level": r"(?:muc|cap) do (?:may|nao|bao nhieu)|muc may|(?:what|which) level|level of|at what level",
    "percent": r"ty le|ti le|phan tram|bao nhieu %|percent|percentage|proportion|what share"
    r"|lai suat|interest rate",  # a rate is written as a percentage: '6,24%/năm'
    "duration": r"bao lau|may ngay|bao nhieu ngay|may gio|bao nhieu gio|may thang|bao nhieu thang"
    r"|may phut|bao nhieu phut|may tuan|bao nhieu tuan|how many minutes"
    r"|thoi gian giai quyet|thoi han giai quyet|thoi gian thuc hien|trong bao lau|how long"
    r"|how many (?:working )?(?:days|hours|months|weeks)|processing time|time limit",
    "money": r"bao nhieu tien|muc thu|muc tran|muc phi|muc ho tro|muc chi|muc gia|muc tien|hoc phi"
    r"|le phi|chi phi|phi|muc gia|gia bao nhieu|tien an|tien hoc|tien nuoc|thu tien|so tien|khoan thu"
    r"|kinh phi|bao nhieu dong|nghin dong|ho tro bao nhieu"
    r"|trieu dong|ty dong|ti dong|million dong|billion dong"
    r"|how much|fees?|charges?|costs?|prices?|tuition|allowance|subsid(?:y|ies)|vnd",
    "year": r"(?<!hoc )nam nao|which year|what year|in what year|by what year",
    "date": r"khi nao|ngay nao|bao gio|thang nao|nam nao|tu ngay|ngay ban hanh|ky ngay|han chot"
    r"|thoi han|nam hoc nao|tu nam nao|" + _ASKED_WHEN + "|what date|which date|by what date|deadline"
    r"|effective from|which (?:school )?year|from what (?:school )?year",
    "count": r"bao nhieu|how many|so luong|may (?:truong|lop|nguoi|hoc sinh|giao vien|thu tuc|nhiem vu)",
    "person": r"\bai\b|nguoi nao|don vi nao|co quan nao|phong nao|chu tri|(?<![a-z] )who|whom"
    r"|which (?:unit|office|agency|body|department|authority)|responsible|in charge|signed",
    "place": r"o dau|noi nao|dia diem|dia chi|tai dau|where|which place|address",
    "document": r"van ban nao|quyet dinh nao|nghi dinh nao|thong tu nao|nghi quyet nao|luat nao|cong van nao"
    r"|so hieu|so may|which (?:decision|decree|circular|resolution|law|document|letter|plan)"
    r"|what (?:decision|decree|circular|resolution|law|document)|document number",
}
# a question asking what a term covers or means ('… là gì', 'gồm những gì', 'what does X cover')
DEFINITION = re.compile(
    r"\b(?:la gi|gom (?:nhung )?(?:gi|nhung gi|nhung ai|nhung noi nao|nhung xa nao|nhung dia ban nao)"
    r"|bao gom (?:nhung )?(?:gi|ai|noi nao|xa nao)|duoc hieu (?:la|nhu the nao)|nghia la gi|the nao la"
    r"|duoc xac dinh (?:la|nhu the nao)|what (?:does|do|is meant by|counts as)\b.*\b(?:cover|mean|include"
    r"|comprise|refer to|consist of)s?|what is meant by|how is\b.*\bdefined|definition of)\b"
)
# a yes/no question ('Can schools still collect the charges …?', 'Có được thu … không?') asks
# whether, not how much: its fee words name its topic, not the kind of its answer
_WHETHER_EN = re.compile(
    r"^\s*(?:can|may|must|is|are|was|were|do|does|did|will|would|should|could|has|have|shall)\b"
)
_WHETHER_VI = re.compile(r"\b(?:co|duoc|phai)\b.*\bkhong\s*\?*\s*$")
# what 'bao nhiêu' counts when it asks an amount of money ('bao nhiêu đồng', 'bao nhiêu triệu')
_MONEY_UNITS = ("dong", "nghin", "ngan", "trieu", "ty", "ti", "vnd", "usd")
_CODE_WORD = re.compile(r"(?:^|\W)mã(?:\W|$)|\bcode\b")
_CUE_RES = {kind: re.compile(rf"(?:^|\b)(?:{cue})(?:\b|$)") for kind, cue in _CUES.items()}
# 'where does the money come from' asks a source (a budget, a fund), not a place
_SOURCE = re.compile(r"\bwhere (?:does|do|did|will|would|should) .*\bcome from\b")
# a kind asked in so many words, stricter than its cue: a share or percentage ('rate' alone may
# ask an amount: a support or payment rate), a procedure's or a file's code ('mã số' alone may be
# a school's or a tax code, written otherwise), an amount or count by 'how much / how many', a date
# as a deadline ('hạn chót', 'trước ngày nào')
_PLAINLY = {
    "percent": re.compile(r"\b(?:ty le|ti le|phan tram|percent|percentage|proportion|share)\b|%"),
    "code": re.compile(r"\b(?:thu tuc|tthc|ho so|procedures?)\b"),
    "money": re.compile(r"\b(?:bao nhieu|how much|what (?:\w+ )?(?:fee|charge|cost|price|amount)s?)\b"),
    "count": re.compile(r"\b(?:bao nhieu|how many)\b"),
    "date": re.compile(
        r"\b(?:deadline|han chot|han cuoi|thoi han|by what date|by when|truoc ngay nao|cham nhat)\b"
    ),
}


def asked_kind(question: str, asks_list: bool = False) -> str:
    """The kind of answer wanted ('' when the question asks for none of the kinds above, or asks
    what a term covers: 'theo nghị quyết học phí, miền núi là gì' names a fee as its topic)."""
    folded = fold_accents(question)
    for kind in KINDS:
        if kind == "list":
            return "list" if asks_list else ""
        if kind == "money" and DEFINITION.search(folded.lower()):
            return ""
        if (kind == "place" and _SOURCE.search(folded)) or (kind == "money" and asks_whether(question)):
            continue
        if kind == "code" and not _writes_code(question):
            continue
        if _CUE_RES[kind].search(folded):
            if kind == "money" and counted_noun(question) not in ("", *_MONEY_UNITS):
                return "count"  # 'bao nhiêu xã … học phí': the fee names the topic; the xã are counted
            return kind
    return ""


def asks_whether(question: str) -> bool:
    """A yes/no question: English opening with an auxiliary, Vietnamese 'có/được … không?'."""
    folded = fold_accents(question)
    if _WHETHER_VI.search(folded):
        return True
    return bool(_WHETHER_EN.search(folded)) and detect_language(question) == "en"


def _writes_code(question: str) -> bool:
    """A question typed with its marks asks a code only where it writes 'mã' or 'code': folded,
    'không có ma túy' (no drugs) reads as 'có mã' (has a code)."""
    return not has_diacritics(question) or bool(_CODE_WORD.search(question.lower()))


def asks_when(folded: str) -> bool:
    """English 'when' is the question word of this (folded, lower-case) question, not a clause's."""
    return bool(_ASKED_WHEN_RE.search(folded.strip()))


def asked_plainly(kind: str, question: str) -> bool:
    """The question asks `kind` in so many words (a date: as a deadline); False for a kind
    without such words."""
    plainly = _PLAINLY.get(kind)
    return plainly is not None and bool(plainly.search(fold_accents(question)))


# the thing a question counts: the first word after 'bao nhiêu' ('bao nhiêu buổi'); a share, an
# amount or 'how many a month' counts no thing
_COUNTED_NOUN = re.compile(
    r"\bbao nhieu ((?!phan\b|tien\b|lan\b|mot\b|moi\b|la\b|thi\b|va\b|cho\b|trong\b)[a-z]+)\b"
)


def counted_noun(question: str) -> str:
    """The first word after a Vietnamese 'bao nhiêu' when it names a thing counted ('bao nhiêu
    buổi' -> 'buoi'), folded; '' for a share, an amount, a 'how many a month' or no count."""
    asked = _COUNTED_NOUN.search(fold_accents(question).lower())
    return asked.group(1) if asked else ""
