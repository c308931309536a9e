"""Who signed, in which role ('KT. CHỦ TỊCH / PHÓ CHỦ TỊCH'), and to whom the document went."""

from __future__ import annotations

import re

from ingest.header.lines import HeaderLine, is_upper, logical_lines, table_cells
from ingest.lines import clean_line, folded

ROLE = re.compile(
    r"^(?:(?:kt|tm|tl|tuq|q|k/t|t/m|t/l)(?:\s*[.:]\s*|\s+)|"
    r"(?:pho\s+)?(?:chu tich|giam doc|thu tuong|bo truong|thu truong|cuc truong|tong cuc truong|"
    r"chanh van phong|truong phong|hieu truong|vu truong|truong ban|chu nhiem|tong giam doc|"
    r"bi thu|chanh an|vien truong|thong doc|tong kiem toan|chanh thanh tra)\b)"
)
_NAME_WORD = re.compile(r"^[A-ZĐ\u00c0-\u1ef8][\w\u00c0-\u1ef9]*$")
_NOT_NAMES = re.compile(r"\b(?:giam doc|chanh van phong|truong phong|noi nhan|chu tich|kt|tl|tm)\b")
# A rank or degree written before a name: 'Thượng tướng Vũ Hải Sản', 'PGS.TS. Nguyễn Văn A'.
_RANK = re.compile(
    r"^(?:(?:dai|thuong|trung|thieu)\s+(?:tuong|ta|uy)|(?:p?gs\.?\s*)?(?:ts|ths|tskh|bs|ks)\.?)\s+",
)
_SIGNED_MARK = re.compile(r"[(\[]\s*(?:đã\s*ký|da\s*ky|ký|ky)\s*[)\]]", re.IGNORECASE)  # '( Đã ký) Lê Văn A'
_SIGNED = re.compile(r"^[(\[]?\s*(?:da\s*ky|ky\s*thay|\(?ky\)?|daky)", re.IGNORECASE)


def is_person_name(text: str) -> bool:
    """2-5 capitalised words, no punctuation or title words: 'Nguyễn Minh Luân'."""
    words = text.split()
    if not 2 <= len(words) <= 5 or any(ch in text for ch in ",;:()/.-"):
        return False
    if _NOT_NAMES.search(folded(text)) or any(len(w) > 1 and w.isalpha() and w.isupper() for w in words):
        return False  # a title, or an abbreviation ('Mã TTHC')
    capitalised = all(_NAME_WORD.match(w) and w[0].isupper() for w in words)
    return capitalised and sum(c.isalpha() for c in text) >= 4


def person_name(text: str) -> str | None:
    """The name on a signature line, without a rank or degree written before it."""
    if m := _RANK.match(folded(text)):
        text = text[m.end() :]
    return text if is_person_name(text) else None


def _is_role(text: str) -> bool:
    return bool(ROLE.match(folded(text))) and is_upper(text) and len(text) <= 60


def _role_parts(row: HeaderLine) -> list[str]:
    """One emphasised span may hold several role lines ('TL. GIÁM ĐỐC' / 'KT. CHÁNH VĂN PHÒNG')."""
    if len(row.parts) > 1 and all(_is_role(p) for p in row.parts):
        return list(row.parts)
    return [row.text]


def _role_rows(rows: list[HeaderLine]) -> tuple[list[str], int]:
    """The signature's role lines (capitals, 'KT. CHỦ TỊCH' …) and the row after them."""
    for n, row in enumerate(rows):
        text = row.text
        if row.key.startswith("noi nh") and ":" in text:  # 'Nơi nhận: KT GIÁM ĐỐC' on one line
            text = text.split(":", 1)[1].strip()
        if not text or not _is_role(text):
            continue
        roles = _role_parts(row) if text == row.text else [text]
        end = n + 1
        while end < len(rows) and _is_role(rows[end].text) and len(roles) < 4:
            roles.extend(_role_parts(rows[end]))
            end += 1
        return roles, end
    return [], -1


def find_signature(lines: list[str], start: int, end: int | None) -> tuple[str | None, str | None]:
    """(signer, role) from the closing lines: role lines, then the name under them."""
    rows = logical_lines(lines, start, end if end is not None else start + 80)[:60]
    roles, after = _role_rows(rows)
    signer = None
    if roles:
        for row in rows[after : after + 6]:
            if _SIGNED.match(row.key):
                continue
            signer = person_name(row.text)
            break
        if signer is None:  # a name placed elsewhere in the block (columns read out of order)
            signer = last_name_line([r.text for r in rows])
    role = " / ".join(" ".join(r.split()) for r in roles) or None
    return signer, role


def last_name_line(tail: list[str]) -> str | None:
    """The last line (or table cell) that reads as a person's name, '(Đã ký)' before it aside."""
    for line in reversed(tail[-60:]):
        for cell in reversed(table_cells(clean_line(line).strip())):
            for part in reversed(_SIGNED_MARK.split(cell)):  # 'PHÓ THỦ TƯỚNG(Đã ký)Hồ Đức Phớc'
                if name := person_name(part.strip()):
                    return name
    return None


def find_recipients(lines: list[str]) -> list[str]:
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
            elif recipients and not previous_blank and not is_upper(text):
                recipients[-1] = f"{recipients[-1]} {text}".rstrip(";. ")
            else:
                break
            previous_blank = False
        if recipients:
            break
    return recipients
