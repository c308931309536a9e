"""Whether a piece of text states something of an asked kind (assistant/question_kind.py reads
the kind a question wants): a procedure's code, a level, an amount of money, a percentage, a count,
a duration, a year, a date, a person or unit, a place, a document reference, a list.

The expressions are how directives write them ('20.000 đồng/học sinh/tháng', 'không quá 07
ngày làm việc', 'ngày 15 tháng 12 năm 2023', 'Nghị định số 142/2025/NĐ-CP')."""

from __future__ import annotations

import re

from ingest.text import fold_accents

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
