"""Where a header's issuer stands: the national motto, the capital lines above or left of it,
or, with no such block, the issuer code in the document's number ('…/SGDĐT-…')."""

from __future__ import annotations

import re

from ingest.header.heading import NUMBER
from ingest.header.issuer import Issuer, read_body, starts_body
from ingest.header.lines import HeaderLine, is_upper
from ingest.restore.confusions import fold_confusions
from ingest.text import fold_accents

# the national motto, as OCR may read it ("COUG hòa xd hoi", "NGHID Việt Nam", "Tu clo - Hạnh"); its
# second line starts a line or follows 'CHỦ' ('doanh nghiệp Việt Nam' is no motto)
MOTTO = re.compile(
    r"c\w{0,3}\s*h\w{0,2}a\s*x\w\s*h\w{0,2}[il1|]|d\w{0,2}c\s*l\w{0,2}p\s*-\s*t\w\s*d\w"
    r"|(?:^\W*|c\w{0,3}\s+)ngh\w{0,3}\s*vi\w{0,2}t\s*nam|t\w\s*\w{1,3}\s*-\s*h\w{0,2}nh\s*ph"
)
MOTTO_FIRST_LINE_END = re.compile(r"\bx\w\s*h\w{0,2}[il1|]\s*$")  # "...XÃ HỘI" above "CHỦ NGHĨA VIỆT NAM"
# the motto wrapped after its first word: 'CỘNG' alone above 'HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
MOTTO_FIRST_WORD = re.compile(r"^\W*c\w{0,2}ng\W*$")
MOTTO_REST = re.compile(r"^\W*h\w{0,2}a\s*x\w\s*h\w{0,2}[il1|]")
# the motto's words as OCR may misread them ('CONG BOA XA' / 'HOI CBỦ NGHIA VlỆT NAM')
MOTTO_WORDS = frozenset(fold_confusions(w) for w in "cộng hòa xã hội chủ nghĩa việt nam".split())
MOTTO_OPENING = fold_confusions("cộng")
ISSUER_CODES = {"SGD": "so giao duc va dao tao", "SGDDT": "so giao duc va dao tao",
                "PGD": "phong giao duc va dao tao", "BGDDT": "bo giao duc va dao tao",
                "TTG": "thu tuong chinh phu", "CP": "chinh phu", "QH": "quoc hoi",
                "UBTVQH": "uy ban thuong vu quoc hoi"}  # fmt: skip


def motto_row(rows: list[HeaderLine]) -> int:
    """The row the national motto starts on, or -1."""
    found = next((n for n, r in enumerate(rows) if MOTTO.search(r.key)), -1)
    above = next((n for n in range(found - 1, max(found - 3, -1), -1) if not rows[n].is_blank), -1)
    if found > 0 and above >= 0 and MOTTO_FIRST_LINE_END.search(rows[above].key):
        return above  # the motto's first line, misread past recognition
    wrapped = above >= 0 and MOTTO_FIRST_WORD.match(rows[above].key) and MOTTO_REST.match(rows[found].key)
    if found > 0 and wrapped:
        return above  # 'CỘNG' wrapped onto a line of its own
    return _wrapped_motto_top(rows, found)


def _wrapped_motto_top(rows: list[HeaderLine], found: int) -> int:
    """The motto's first line when OCR wrapped and misread it past the pattern ('CỘNG HOA XD' /
    'HOI CHỦ NGHĨA VlỆT NAM' above 'Doc lap …'): the lines just above the one found that hold
    motto words only, the top one opening with 'Cộng'; else the line found."""
    top = found
    for n in range(found - 1, max(found - 3, -1), -1):
        if not _motto_words(rows[n].key):
            break
        top = n
    opens = top < found and fold_confusions(rows[top].key.split()[0]) == MOTTO_OPENING
    return top if opens else found


def _motto_words(key: str) -> bool:
    """Does this text hold words of the motto only ('hoi', 'cong boa xa')?"""
    words = key.split()
    return bool(words) and all(fold_confusions(w) in MOTTO_WORDS for w in words)


def issuer_rows(rows: list[HeaderLine], motto: int) -> list[str]:
    """The issuer block: capital lines just above the motto (or the motto line's left part)."""
    if motto < 0:  # no motto: the capital lines at the very top, if they name a body
        start = next((n for n, r in enumerate(rows) if not r.is_blank), 0)
        stop = start
        while stop < min(len(rows), start + 4) and is_upper(rows[stop].text) and not rows[stop].is_separator:
            stop += 1
        block = [r.text for r in rows[start:stop]]
        return block if block and starts_body(fold_accents(block[0])) else []
    block: list[str] = []
    for row in reversed(rows[max(0, motto - 5) : motto]):
        if row.is_blank or (row.is_separator and not block):
            continue
        if NUMBER.match(row.text) and not block:  # a number cell beside the issuer's, in a table row
            continue
        if row.is_separator or not is_upper(row.text) or len(row.text) > 90:
            break
        block.insert(0, row.text)
    for row in rows[motto : motto + 2]:  # OCR puts the block and the motto on one line
        left = MOTTO.split(row.key)[0]
        motto_only = MOTTO_REST.match(left) or _motto_words(left)  # the motto's own wrapped words
        if MOTTO.search(row.key) and len(left.strip()) > 2 and not motto_only:
            block.append(row.text[: len(left)].strip())
    return block


def issuer_from_number(suffix: str) -> Issuer:
    """The body an issuer code of the number's suffix names ('SGDĐT', 'BGDĐT'), else no issuer."""
    codes = re.sub(r"[^A-Za-zĐđ&\-/]", "", suffix).upper().replace("Đ", "D").replace("&", "")
    for part in re.split(r"[-/]", codes):
        for code, body in ISSUER_CODES.items():
            if part == code or (code == "SGD" and part.startswith("SGD")):
                return read_body(body.upper(), "")
    return Issuer()
