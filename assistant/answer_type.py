"""The kind of answer a question wants (a procedure's code, a level, an amount of money, a
percentage, a count, a duration, a year, a date, a person or unit, a place, a document reference, a
list) and whether a piece of text states something of that kind.

Cues are how questions are asked in Vietnamese (with or without diacritics) and English;
the expressions are how directives write amounts ('20.000 đồng/học sinh/tháng', 'không quá 07
ngày làm việc', 'ngày 15 tháng 12 năm 2023', 'Nghị định số 142/2025/NĐ-CP')."""

from __future__ import annotations

import re

from ingest.text import fold_accents

KINDS = (
    "code", "level", "duration", "year", "date", "person", "document", "place", "percent", "money", "count",
    "list",
)  # fmt: skip

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
    r"|thoi han|nam hoc nao|tu nam nao|when|what date|which date|by what date|deadline|effective from"
    r"|which (?:school )?year|from what (?:school )?year",
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

_MONEY = re.compile(
    r"(?<![\d.,/])\d{1,3}(?:\.\d{3})+(?![\d/]|\.\d)(?:,\d+)?"  # 20.000, 1.500.000
    r"|\b\d+(?:[.,]\d+)?\s*(?:nghin|ngan|trieu|ty)\s*dong\b"
    r"|\b\d+(?:[.,]\d+)?\s*(?:dong|vnd)\b"
)
# 'mức độ 2' (and its OCR misreadings 'mirc dO 2', 'more dO 2', as the target reader takes them),
# 'cấp độ 3', 'level 2'
_LEVEL = re.compile(r"\bm[a-z]{1,4}\s+do\s+[1-4]\b|\bcap do [1-4]\b|\blevel [1-4]\b")
# a procedure's code: 1.001639, or in full 1.001639.000.00.00.H42
_CODE = re.compile(r"(?<![\d.])\d{1,2}\.\d{6}(?:\.\d{2,3})*(?:\.h\d{0,2})?(?![\d.]\d)")
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*%|\bphan tram\b")
_DATE = re.compile(
    r"ngay\s+\d{1,2}\s+thang\s+\d{1,2}(?:\s+nam\s+\d{4})?|\b\d{1,2}/\d{1,2}/\d{4}\b|\bthang\s+\d{1,2}/\d{4}\b"
    r"|\b\d{1,2}/\d{4}\b|ke tu ngay|tu ngay ky|nam hoc \d{4}\s*[-–]\s*\d{4}|truoc ngay \d"
    r"|\bquy\s+(?:[ivx]{1,4}|[1-4]|1{2,3})\s*(?:/|nam)?\s*20\d\d"  # a plan's deadline: 'Quý II/2024'
)
_DURATION = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:ngay|gio|thang|tuan|phut|nam)(?:\s+lam viec)?\b|\bngay lam viec\b"
)
_COUNT = re.compile(r"(?<![\d/.,-])\b\d{1,4}\b(?![\d/.,]\d)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DOCUMENT = re.compile(
    r"\b\d+[a-z]?/(?:\d{4}/)?[a-z]{1,6}(?:-[a-z0-9]+)*\b|\b(?:luat|nghi dinh|thong tu|quyet dinh|"
    r"nghi quyet|cong van|ke hoach|to trinh) so \w"
)
_PERSON = re.compile(
    r"\b(?:so|phong|uy ban|ubnd|chu tich|pho chu tich|giam doc|hieu truong|bo truong|thu tuong|"
    r"trung tam|hoi dong|van phong|co quan|don vi|bo giao duc|cong an)\b"
)
_NAME = re.compile(r"\b[A-ZĐ][a-zà-ỹđ]+(?:\s+[A-ZĐ][a-zà-ỹđ]+){1,3}\b")
_PLACE = re.compile(  # where something is done or filed: an office, an address, a portal
    r"\b(?:dia chi|tru so|trung tam phuc vu hanh chinh cong|bo phan (?:tiep nhan|mot cua)|cong dich vu cong"
    r"|so \d+,? duong|(?:nop|gui) (?:ho so )?(?:truc tiep )?(?:tai|den|qua)"
    r"|tai (?:tru so|trung tam|bo phan|so|phong|uy ban|truong|co so))\b"
)
_LIST = re.compile(r"(?:^|\n)\s*(?:[-+•]|[a-zđ]\)|\d+[.)])\s")
# an amount may be written as a share of another ('bằng 80% mức chi'), as a bare number in a table
# whose column names the currency ('nghìn đồng'), or as no charge at all ('không thu', 'miễn phí')
# the currency as directives write it: after a figure or its scale ('20.000 đồng', 'nghìn đồng'),
# as a unit ('Đồng/học sinh/tháng', '(đồng)', 'Đơn vị tính: đồng') — not the 'đồng' of 'Hội đồng',
# 'cộng đồng', 'đồng thời' or a place ('Đồng Nai')
_AMOUNT_WORDS = re.compile(
    r"(?:\d|\b(?:nghin|ngan|trieu|ty|ti)|\bdon vi(?: tinh)?\s*:?)\s*dong\b|\bdong\s*/|\(\s*dong\b|\bvnd\b"
)
_AMOUNT_COLUMN = re.compile(
    r"\b(?:muc (?:hoc phi|thu|chi|tran|ho tro|phi|gia|tien)|hoc phi|don gia|gia (?:tien|dich vu)"
    r"|so tien|kinh phi|thanh tien)\b"
)
_BARE_CELL = re.compile(r"\|\s*\d{1,3}(?:[.,]\d{3})*(?:,\d+)?\s*(?:\||$)", re.M)
# a share of another amount ('bằng 70% mức học phí', '150% tiền lương 01 tiết dạy', 'giảm 50% học
# phí'), not a share of communes or schools ('20% xã, phường')
_SHARE_OF_AMOUNT = re.compile(
    r"\d+(?:[.,]\d+)?\s*%\s*(?:[a-z]+\s+){0,2}?(?:muc|tien|hoc phi|luong|dinh muc|chi phi|kinh phi|gia|phi"
    r"|khoan|so tien|ngan sach|von)\b"
)
_NO_CHARGE = re.compile(r"\b(?:khong thu|khong mat phi|mien (?:hoc )?phi|free of charge)\b")


def asked_kind(question: str, asks_list: bool = False) -> str:
    """The kind of answer wanted ('' when the question asks for none of the kinds above, or asks
    what a term covers: 'theo nghị quyết học phí, miền núi là gì' names a fee as its topic)."""
    folded = fold_accents(question)
    for kind in KINDS:
        if kind == "list":
            return "list" if asks_list else ""
        if kind == "money" and DEFINITION.search(folded.lower()):
            return ""
        if kind == "place" and _SOURCE.search(folded):
            continue
        if _CUE_RES[kind].search(folded):
            return kind
    return ""


def asked_plainly(kind: str, question: str) -> bool:
    """The question asks `kind` in so many words (a date: as a deadline); False for a kind
    without such words."""
    plainly = _PLAINLY.get(kind)
    return plainly is not None and bool(plainly.search(fold_accents(question)))


def figures_of(kind: str, text: str) -> list[str]:
    """The spans of `text` that state something of `kind` (folded), in order."""
    folded = fold_accents(text)
    if kind == "code":
        return _CODE.findall(folded)
    if kind == "level":
        return _LEVEL.findall(folded)
    if kind == "money":
        return _MONEY.findall(folded)
    if kind == "percent":
        return _PERCENT.findall(folded)
    if kind == "date":
        return _DATE.findall(folded)
    if kind == "year":  # 'năm nào' is answered by a year alone, as a plan's deadline column gives it
        return _DATE.findall(folded) + _YEAR.findall(_DATE.sub(" ", folded))
    if kind == "duration":
        return _DURATION.findall(_DATE.sub(" ", folded))
    if kind == "count":  # a count may be written as any number but a year, a date or a code
        cleaned = _DOCUMENT.sub(" ", _DATE.sub(" ", folded))
        return _MONEY.findall(cleaned) + [n for n in _COUNT.findall(cleaned) if not _YEAR.fullmatch(n)]
    if kind == "document":
        return _DOCUMENT.findall(folded)
    if kind == "person":
        return _NAME.findall(text) + _PERSON.findall(folded)
    if kind == "place":
        return _PLACE.findall(folded)
    if kind == "list":
        return _LIST.findall(text)
    return []


def expresses(kind: str, text: str) -> bool:
    """True when `text` states something of the asked kind (always true when none is asked)."""
    return not kind or bool(figures_of(kind, text))


def writes(kind: str, text: str) -> bool:
    """`expresses`, and an amount also written as a share of another amount, as a number beside
    the currency's name or under a fee column, or as no charge: whether a text gives an asked
    amount anywhere."""
    if expresses(kind, text):
        return True
    if kind != "money":
        return False
    folded = fold_accents(text)
    if _SHARE_OF_AMOUNT.search(folded) or _NO_CHARGE.search(folded):
        return True
    return (expresses("count", text) and bool(_AMOUNT_WORDS.search(folded))) or _row_amount(folded)


def _row_amount(folded: str) -> bool:
    """A table row read with its column names ('STT | Tên đơn vị | Mức học phí năm học 2025-2026'
    then '15.1 | Khối 10 | 6.100.000'): a bare figure under a column naming an amount is one, the
    currency stated once above the table ('Đơn vị: Đồng/học sinh/tháng')."""
    head, _, rows = folded.partition("\n")
    return "|" in head and bool(_AMOUNT_COLUMN.search(head)) and bool(_BARE_CELL.search(rows))
