"""Number, type, place and date, title and school year, from a header's logical lines."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ingest.dates import iso_date, worded_date
from ingest.header.lines import HeaderLine, is_upper
from ingest.provinces import is_known_province, province_name
from ingest.text import fold_accents

# The full list of document types (folded heading -> name); longest first so "thong tu lien tich"
# wins over "thong tu".
DOC_TYPES = {
    "thong tu lien tich": "Thông tư liên tịch", "nghi quyet lien tich": "Nghị quyết liên tịch",
    "van ban hop nhat": "Văn bản hợp nhất", "bo luat": "Bộ luật", "luat": "Luật",
    "phap lenh": "Pháp lệnh", "lenh": "Lệnh", "nghi dinh": "Nghị định", "nghi quyet": "Nghị quyết",
    "thong tu": "Thông tư", "quyet dinh": "Quyết định", "chi thi": "Chỉ thị", "ke hoach": "Kế hoạch",
    "cong van": "Công văn", "cong dien": "Công điện", "thong bao": "Thông báo", "huong dan": "Hướng dẫn",
    "bao cao": "Báo cáo", "to trinh": "Tờ trình", "chuong trinh": "Chương trình", "de an": "Đề án",
    "phuong an": "Phương án", "quy che": "Quy chế", "quy dinh": "Quy định", "ket luan": "Kết luận",
    "thong tri": "Thông tri", "bien ban": "Biên bản", "giay moi": "Giấy mời", "du an": "Dự án",
}  # fmt: skip
# The type code that opens a number's suffix ('53/2025/QĐ-UBND'); a letter's number has none.
TYPE_CODES = {
    "QĐ": "Quyết định", "QD": "Quyết định", "NQ": "Nghị quyết", "NĐ": "Nghị định", "ND": "Nghị định",
    "TT": "Thông tư", "TTLT": "Thông tư liên tịch", "CT": "Chỉ thị", "KH": "Kế hoạch", "TB": "Thông báo",
    "HD": "Hướng dẫn", "BC": "Báo cáo", "TTr": "Tờ trình", "CĐ": "Công điện", "CD": "Công điện",
    "VBHN": "Văn bản hợp nhất", "KL": "Kết luận", "CTr": "Chương trình", "ĐA": "Đề án",
}  # fmt: skip
# 'Số: 3677/TB-SGDDT', 'Luật số: 60/2024/QH15', OCR '$6:2501/SGDPT-GDTX&DPH', blank 'Số: /KH-SGDĐT',
# wrapped 'Số:' + next line.
NUMBER = re.compile(
    r"^(?:(?:b[ộo]\s+)?lu[ậa]t\s+|ph[áa]p\s+l[ệe]nh\s+|l[ệe]nh\s+)?(?:s[oô6ố]|\$[o6ô])\s*(?:hi[eệ]u)?\s*[:.]?\s*(\d[\d.]{0,7})?\s*([/-]\s*[\w&\-.]+(?:\s*/\s*[\w&\-.]+){0,2})",
    re.IGNORECASE,
)
# 'Cà Mau, ngày 21 tháng 11 năm 2025', 'Hà Nội ngày 01 tháng 12' (no comma), 'Hà Nội, 2018'.
PLACE_DATE = re.compile(
    r"^([^\d,:;()]{2,40}?)\s*(?:,\s*|\s(?=ng\w{0,2}y\s*\d))(?=ng\w{0,2}y|n\w{0,3}m\s*\d{4}|\d{4}\s*$)"
)
SCHOOL_YEAR = re.compile(r"n\w{0,2}m\s*h\w{0,2}c\s*:?\s*((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})")
_YEAR_ONLY = re.compile(r"^\s*(?:n\w{0,3}m\s*)?((?:19|20)\d{2})\s*$")


def find_number(rows: list[HeaderLine]) -> tuple[str | None, str]:
    """The document's number, and its suffix (which names type and issuer) even when blank."""
    for n, row in enumerate(rows):
        text = row.text
        if re.fullmatch(r"(?i)s[oố6ô]\s*(hi[eệ]u)?\s*:?", text) and n + 1 < len(rows):
            text = f"Số: {rows[n + 1].text}"  # 'Số:' wrapped away from its number
        if text.rstrip().endswith(("-", "/")) and n + 1 < len(rows) and " " not in rows[n + 1].text:
            text += rows[n + 1].text  # '3783/QĐ-' wrapped before 'UBND'
        if m := NUMBER.match(text):
            suffix = re.sub(r"\s+", "", m.group(2)).rstrip(".")
            return (m.group(1) + suffix if m.group(1) else None), suffix
    return None, ""


def type_of_line(key: str) -> str | None:
    """The type a heading line names ('QUYẾT ĐỊNH', OCR 'ICE HOACH'), else None."""
    key = re.sub(r"[^a-z ]", "", key).strip()
    if key in DOC_TYPES:
        return DOC_TYPES[key]
    words = key.split()
    for folded, name in DOC_TYPES.items():
        same_shape = len(folded) >= 7 and len(words) == len(folded.split())
        if same_shape and SequenceMatcher(None, key, folded).ratio() >= 0.8:
            return name
    return None


def type_from_number(suffix: str) -> str | None:
    code = suffix.strip("/").split("/")[-1].split("-")[0]
    return TYPE_CODES.get(code) or TYPE_CODES.get(code.upper())


def find_type(rows: list[HeaderLine], after: int) -> tuple[str | None, int]:
    for n in range(max(after, 0), len(rows)):
        text = rows[n].text
        if len(text) <= 40 and (name := type_of_line(rows[n].key)) and (is_upper(text) or rows[n].emphasised):
            return name, n
    return None, -1


def find_place_date(rows: list[HeaderLine]) -> tuple[str | None, str | None]:
    """(place, ISO date) of the 'X, ngày … tháng … năm …' line (or 'X, 2018')."""
    for n, row in enumerate(rows):
        text = row.text
        if number := NUMBER.match(text):  # OCR puts the number and the place-date on one line
            text = text[number.end() :].strip()
        found = _place_date(text)
        if found is None and PLACE_DATE.match(fold_accents(text)):  # the date wrapped onto next lines
            found = _place_date(" ".join([text, *(r.text for r in rows[n + 1 : n + 3])]))
        if found:
            return _wrapped_place(found, rows[n - 1].text if n else "")
    return None, None


def _wrapped_place(found: tuple[str | None, str], above: str) -> tuple[str | None, str]:
    """'Cao' above 'Bằng, ngày …', 'Thành phố Hồ Chí' above 'Minh, ngày …': the place wrapped;
    the province the end of the line above and the place name together."""
    place, date = found
    if not place or is_known_province(place):
        return found
    words = above.split()
    for take in (1, 2, 3):
        joined = " ".join([*words[-take:], place])
        if take <= len(words) and is_known_province(province_name(joined)):
            return province_name(joined), date
    return found


def _place_date(text: str) -> tuple[str | None, str] | None:
    key = fold_accents(text)
    m = PLACE_DATE.match(key)
    if not m and not key.startswith("ngay"):
        return None
    place = text[: m.end(1)].strip(" ,") if m else None
    rest = key[m.end() :] if m else key
    date, _ = worded_date(rest)
    if date is None and (y := _YEAR_ONLY.match(rest)):
        date = iso_date(y.group(1))
    return (place, date) if date else None


def sentence_case(text: str, source: str = "") -> str:
    """An all-capitals title in lower case with a capital first, names capitalised again as the
    document's text writes them ('Hà Nội', 'Sở Giáo dục và Đào tạo'); other text as written."""
    text = " ".join(text.split())
    if not is_upper(text):
        return text
    lowered = " ".join(w if _KEEPS_CASE.search(w) or is_abbreviation(w) else w.lower() for w in text.split())
    for name in capitalised_names(source):
        lowered = re.sub(rf"(?<!cơ )(?<!\w){re.escape(name.lower())}(?!\w)", name, lowered)
    return lowered[:1].upper() + lowered[1:]


_KEEPS_CASE = re.compile(r"[\d/]")  # '48/2024/QĐ-UBND' stays as written
_AFTER_LAST_VOWEL = re.compile(r"[aeiouy]([^aeiouy]*)$")
_SYLLABLE_ENDS = frozenset({"", "c", "ch", "m", "n", "ng", "nh", "p", "t"})


def is_abbreviation(word: str) -> bool:
    """'UBND', 'THCS', 'HĐND': letters no Vietnamese syllable can spell, kept in capitals."""
    letters = re.sub(r"[^a-z]", "", fold_accents(word))
    if len(letters) < 2:
        return False
    m = _AFTER_LAST_VOWEL.search(letters)
    return m is None or m.group(1) not in _SYLLABLE_ENDS


_INSTITUTIONS = ("Sở Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo",
                 "Ủy ban nhân dân", "Hội đồng nhân dân", "Thủ tướng Chính phủ", "Chính phủ", "Quốc hội",
                 "Việt Nam")  # fmt: skip


def capitalised_names(source: str) -> list[str]:
    """Names written with capitals inside a sentence: institutions, and the provinces the text
    names (as it spells them); longest first."""
    from ingest.provinces import find_provinces

    return sorted(set(_INSTITUTIONS) | set(find_provinces(source[:20000])), key=len, reverse=True)


def school_year(*texts: str | None) -> str | None:
    """'2023-2024' from the first 'năm học 2023 - 2024' (any accents) in the texts, in order."""
    for text in texts:
        m = SCHOOL_YEAR.search(fold_accents(text or ""))
        if m and int(m.group(2)) == int(m.group(1)) + 1:
            return f"{m.group(1)}-{m.group(2)}"
    return None
