"""Document metadata from a directive's header and signature, read from clean or OCR text.

Every field is read from the text or left null: a wrong number or date on a citation is worse
than none.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from ingest.provinces import find_provinces
from ingest.structure import clean_line, folded
from ingest.text import join_wrapped

DOC_TYPES = {  # folded heading -> display name
    "thong bao": "Thông báo",
    "ke hoach": "Kế hoạch",
    "huong dan": "Hướng dẫn",
    "quyet dinh": "Quyết định",
    "chi thi": "Chỉ thị",
    "bao cao": "Báo cáo",
    "cong van": "Công văn",
}
# OCR reads KẾ HOẠCH as 'ICE HOACH', THÔNG BÁO as 'THONG BAO': allow a damaged first word.
_TYPE_LINE = re.compile(r"^(?:[a-z!|]{0,4}\s?)?(thong bao|[a-z]{0,2}e hoach|huong dan|quyet dinh)$")
# 'Số: 3677/TB-SGDDT', OCR '$6:2501/SGDPT-GDTX&DPH'; the number may be left blank ('Số: /KH-…').
_NUMBER = re.compile(
    r"^[s$][oô6ố]\s*[:.]\s*(\d{0,5})\s*(/\s*[A-ZĐ0-9&\-]+(?:/[A-ZĐ0-9&\-]+)?)", re.IGNORECASE
)
_DATE = re.compile(r"ngay\s*(\d{1,2})?\D{0,8}?thang\s*(\d{1,2})?\D{0,8}?n\w{0,3}m\s*(\d{4})", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"ngay\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_ISSUER = re.compile(r"\bs[o6]\s+(?:gi\w{0,3}\s+d\w{1,2}\s+v\w\s+\w{0,2}ao\s+t\w{0,2}o|gd\W?dt)\b")
_NAME_WORD = re.compile(r"^[A-ZĐ\u00c0-\u1ef9][\w\u00c0-\u1ef9]*$")
_TITLE_WORDS = {"giam", "doc", "pho", "chanh", "van", "phong", "kt", "tl", "noi", "nhan", "luu"}


@dataclass
class DocumentMeta:
    title: str | None = None
    type: str | None = None
    number: str | None = None
    issuer: str | None = None
    province: str | None = None
    place: str | None = None
    date: str | None = None
    signer: str | None = None
    recipients: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def parse_header(lines: list[str], body_end: int, tail_end: int | None = None) -> DocumentMeta:
    """Read the header (first lines), the place-date line and the signer (after the body)."""
    head = lines[:40]
    meta = DocumentMeta()
    number, number_suffix = _find_number(head)
    meta.number = number
    meta.type, type_index = _find_type(head)
    meta.title = _find_title(lines, type_index)
    if meta.type is None and meta.title and any("v/v" in folded(x) for x in head):
        meta.type = "Công văn"
    meta.place, meta.province, meta.date = _find_place_and_date(head, lines)
    opening = " ".join(folded(x) for x in lines[:60])
    if _ISSUER.search(opening) or "SGD" in number_suffix.upper():
        meta.issuer = "Sở Giáo dục và Đào tạo"
        if meta.province:
            meta.issuer += f" {meta.province}"
    tail = lines[body_end:tail_end]
    meta.signer = _find_signer(tail) or _find_signer(lines[max(0, body_end - 3) : body_end])
    meta.recipients = _find_recipients(lines)
    return meta


def _find_number(head: list[str]) -> tuple[str | None, str]:
    """The document's own number, and its suffix (which names the issuer) even when blank."""
    for line in head:
        if m := _NUMBER.search(clean_line(line)):
            suffix = re.sub(r"\s+", "", m.group(2))
            return (m.group(1) + suffix if m.group(1) else None), suffix
    return None, ""


def _find_type(head: list[str]) -> tuple[str | None, int]:
    for i, line in enumerate(head):
        text = folded(line).strip(" .:")
        if m := _TYPE_LINE.match(text):
            key = m.group(1)
            key = "ke hoach" if key.endswith("e hoach") else key
            return DOC_TYPES[key], i
    return None, -1


def _find_title(lines: list[str], type_index: int) -> str | None:
    """The lines under the type heading, or the 'V/v' summary of a letter."""
    for i, line in enumerate(lines[:40]):
        if folded(line).lstrip().startswith("v/v"):
            block = [clean_line(line)[3:].strip()]
            for nxt in lines[i + 1 : i + 6]:
                text = clean_line(nxt)
                if not text or folded(text).startswith(("kinh gui", "can cu", "can ctr")):
                    break
                block.append(text)
            return join_wrapped(block) or None
    if type_index < 0:
        return None
    block: list[str] = []
    for line in lines[type_index + 1 : type_index + 12]:
        text = clean_line(line)
        if not text:
            if block and (len(" ".join(block)) >= 80 or block[-1].endswith((".", ":", ";"))):
                break
            continue
        block.append(text)
    return join_wrapped(block) or None


def _find_place_and_date(head: list[str], lines: list[str]):
    place = province = date = None
    for line in head:
        text = folded(line)
        m = _DATE.search(text)
        if not m:
            continue
        before = clean_line(line)[: m.start()].rstrip(" ,")
        found = find_provinces(before[-40:]) or find_provinces(text)
        if found:
            province = found[0]
            place = province
        date = _iso(m.group(3), m.group(2), m.group(1))
        break
    if date and len(date) == 4:
        # Only the year survived in the header: an appendix "Kèm theo Kế hoạch ... ngày d/m/y"
        # states the same document's date.
        for line in lines:
            text = folded(line)
            if (
                re.search(r"\bke\w{1,2}\s+theo\b", text)
                and (m := _NUMERIC_DATE.search(text))
                and m.group(3) == date
            ):
                date = _iso(m.group(3), m.group(2), m.group(1))
                break
    if province is None:
        for line in head[:12]:
            if found := find_provinces(line):
                province = found[0]
                break
    return place, province, date


def _iso(year: str | None, month: str | None, day: str | None) -> str | None:
    if not year:
        return None
    if not month or not 1 <= int(month) <= 12:
        return year
    if not day or not 1 <= int(day) <= 31:
        return f"{year}-{int(month):02d}"
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _find_signer(tail: list[str]) -> str | None:
    """The last line that reads as a person's name (2-5 capitalised words, no title words)."""
    for line in reversed(tail[-60:]):
        text = clean_line(line).strip()
        words = text.split()
        if not 2 <= len(words) <= 5 or any(ch in text for ch in ",;:()/.-"):
            continue
        if any(folded(w) in _TITLE_WORDS for w in words) or text.isupper():
            continue
        if all(_NAME_WORD.match(w) for w in words) and sum(c.isalpha() for c in text) >= 6:
            return text
    return None


def _find_recipients(lines: list[str]) -> list[str]:
    """Bulleted lines after 'Nơi nhận' or 'Kính gửi' (a bullet may wrap onto the next line)."""
    recipients: list[str] = []
    for i, line in enumerate(lines):
        key = folded(line).lstrip()
        if not key.startswith(("noi nh", "kinh g")):
            continue
        previous_blank = True
        for nxt in lines[i + 1 : i + 25]:
            text = clean_line(nxt)
            if not text:
                previous_blank = True
                continue
            if text.startswith("-"):
                recipients.append(text.lstrip("- ").rstrip(";. "))
            elif recipients and not previous_blank:
                recipients[-1] = f"{recipients[-1]} {text}".rstrip(";. ")
            else:
                break
            previous_blank = False
        if recipients:
            break
    return recipients
