"""The issuing body, from the block at the top left of a header ("BỘ TÀI CHÍNH / CỤC THUẾ",
"ỦY BAN NHÂN DÂN / TỈNH CÀ MAU", "UBND THÀNH PHỐ X / SỞ GIÁO DỤC VÀ ĐÀO TẠO").

A line that starts with a body's head word (Bộ, Sở, Phòng, Cục, Ủy ban nhân dân…) starts a
body; other lines continue the one above. The last body is the issuer, those above it say where
it sits (its level and its province). Names are spelled as the document spells them in its text,
or with the usual capitals where it never does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.provinces import is_known_province, province_name
from ingest.restore.confusions import fold_confusions
from ingest.text import fold_accents

_HEAD_WORDS = """uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|so|phong|bo|cuc|tong cuc|chi cuc|van phong|
    thu tuong|chinh phu|quoc hoi|uy ban thuong vu quoc hoi|ban|truong|trung tam|thue|kho bac|ngan hang|
    toa an|vien kiem sat|kiem toan|uy ban|tinh uy|thanh uy|huyen uy|dang uy|ban chap hanh|hoi|doan|vien|
    dai hoc|hoc vien|cong an|bo chi huy|benh vien|bao hiem xa hoi|uy ban mat tran"""
# Words that open a body's name (folded), longest first.
HEADS = tuple(sorted((h.strip() for h in _HEAD_WORDS.split("|")), key=len, reverse=True))
NATIONAL = ("bo ", "thu tuong", "chinh phu", "quoc hoi", "van phong chinh phu", "uy ban thuong vu quoc hoi",
            "tong cuc", "kiem toan nha nuoc", "ngan hang nha nuoc", "toa an nhan dan toi cao",
            "vien kiem sat nhan dan toi cao", "ban chap hanh trung uong")  # fmt: skip
_EDU = r"gi\w{0,2}o\s*d\w{1,2}c\s*v\w?\s*\w{0,2}ao\s*t\w{0,2}o|gd\s*&?\s*dt|gddt"
_EDU_BODY = re.compile(rf"^(so|phong|bo)\s*(?:{_EDU})\b\s*(.*)$")
_COUNCIL = re.compile(r"^(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)\s*(.*)$")
_TIER = re.compile(r"^(tinh|thanh pho|tp\.?|huyen|quan|thi xa|xa|phuong|thi tran|dac khu)\s+(.+)$")
# the two province tiers as OCR may misread them ('TỈUH', 'THANH PH0')
_OCR_O = re.compile(r"(?<=[a-z])0|0(?=[a-z])")
_OCR_TIER = {
    "tinh": re.compile(r"^t[il1][nu]h(?=\s)"),
    "thanh pho": re.compile(r"^t[hb]a[nu]h\s+ph[o0](?=\s)"),
}
_TIER_NAMES = {"tinh": "tỉnh", "thanh pho": "thành phố", "tp": "thành phố", "tp.": "thành phố",
               "huyen": "huyện", "quan": "quận", "thi xa": "thị xã", "xa": "xã", "phuong": "phường",
               "thi tran": "thị trấn", "dac khu": "đặc khu"}  # fmt: skip
_EDU_NAMES = {
    "so": "Sở Giáo dục và Đào tạo",
    "phong": "Phòng Giáo dục và Đào tạo",
    "bo": "Bộ Giáo dục và Đào tạo",
}
_FIXED = {
    "thu tuong chinh phu": "Thủ tướng Chính phủ", "thu tuong": "Thủ tướng Chính phủ",
    "chinh phu": "Chính phủ", "quoc hoi": "Quốc hội", "van phong chinh phu": "Văn phòng Chính phủ",
    "uy ban thuong vu quoc hoi": "Ủy ban Thường vụ Quốc hội",
}  # fmt: skip


@dataclass
class Issuer:
    name: str | None = None
    level: str | None = None  # national, province, district, commune
    province: str | None = None


def starts_body(key: str) -> bool:
    return any(key == h or key.startswith(h + " ") for h in HEADS)


def split_bodies(rows: list[str]) -> list[str]:
    """The bodies of an issuer block, top first: a head word starts one, other lines continue it."""
    bodies: list[str] = []
    for row in rows:
        key = fold_accents(row)
        if not bodies or (starts_body(key) and not _wrapped_head(bodies[-1], row)):
            bodies.append(row)
        else:
            bodies[-1] = f"{bodies[-1]} {row}"
    return bodies


def _wrapped_head(above: str, row: str) -> bool:
    """'ỦY' alone above 'BAN NHÂN DÂN': the head word wrapped, one body ('Ủy ban nhân dân')."""
    before = fold_accents(above)
    joined = f"{before} {fold_accents(row)}".split()
    return any(
        len(head) > len(before)
        and len(joined) >= len(head.split())
        and fold_confusions(" ".join(joined[: len(head.split())])) == fold_confusions(head)
        for head in HEADS
    )


def cased(upper: str, text: str) -> str:
    """`upper` as the text spells it elsewhere (not all in capitals), else with a capital first."""
    words = upper.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    spellings = [m.group(0) for m in re.finditer(pattern, text, re.IGNORECASE) if not m.group(0).isupper()]
    spellings.sort(key=lambda found: not found[:1].isupper())  # 'Cục Hải quan' before 'cục Hải quan'
    if spellings:
        return " ".join(spellings[0].split())
    from ingest.header.heading import sentence_case

    return sentence_case(upper, text)


def _place(rest: str, key_rest: str, text: str) -> tuple[str | None, str | None, str | None]:
    """(tier, place name, level) of 'tỉnh Cà Mau', 'thành phố Hà Nội', 'xã X'."""
    m = _TIER.match(key_rest)
    for tier_key, misread in _OCR_TIER.items():
        if not m and misread.match(key_rest):
            m = _TIER.match(misread.sub(tier_key, key_rest, count=1))
    if not m:
        return None, None, None
    words = rest.split()
    name = " ".join(words[len(m.group(1).split()) :])
    tier = _TIER_NAMES[m.group(1)]
    level = {"tỉnh": "province", "thành phố": "province", "huyện": "district", "quận": "district",
             "thị xã": "district"}.get(tier, "commune")  # fmt: skip
    place = province_name(name) or name  # a name OCR put a digit in ('CA6 BẰNG') stays as read
    if tier == "thành phố" and not is_known_province(place) and level == "province":
        level = "province?"  # a city: a province only when nothing above it says otherwise
    return tier, place, level


def _council_head(key: str) -> str:
    """A people's council or committee head OCR misread ('uy ban nban dan', 'boi dong nhan dan')
    written right, so its tier and place are read as in clean text."""
    words = key.split()
    for head in ("uy ban nhan dan", "hoi dong nhan dan"):
        size = len(head.split())
        if len(words) > size and fold_confusions(" ".join(words[:size])) == fold_confusions(head):
            return " ".join([head, *words[size:]])
    return key


def read_body(body: str, text: str) -> Issuer:
    """Name, level and province of one body."""
    words = " ".join(_OCR_O.sub("o", fold_accents(body)).split())  # 'GIÁ0': an o OCR read as 0
    key = re.sub(r"\s*&\s*", "&", " ".join(words.replace("&", " & ").split()))
    if key in _FIXED:
        return Issuer(_FIXED[key], "national")
    if m := _EDU_BODY.match(key):
        rest = body.split()[len(body.split()) - len(m.group(2).split()) :] if m.group(2) else []
        where = province_name(" ".join(rest)) if rest else None
        name = _EDU_NAMES[m.group(1)] + (f" {where}" if where else "")
        level = {"so": "province", "phong": "district", "bo": "national"}[m.group(1)]
        return Issuer(name, level, where if level == "province" else None)
    if m := _COUNCIL.match(_council_head(words)):  # before '&' joins words: OCR reads 'dân' '&an'
        head = "Ủy ban nhân dân" if m.group(1) in ("uy ban nhan dan", "ubnd") else "Hội đồng nhân dân"
        rest = " ".join(body.split()[len(body.split()) - len(m.group(2).split()) :]) if m.group(2) else ""
        tier, place, level = _place(rest, m.group(2), text)
        if tier is None:
            return Issuer(head, None)
        return Issuer(
            f"{head} {tier} {place}", level, place if level and level.startswith("province") else None
        )
    level = "national" if any(key.startswith(n) or key == n.strip() for n in NATIONAL) else None
    return Issuer(cased(body, text) if body.isupper() else body, level)


def read_issuer(rows: list[str], text: str) -> Issuer:
    """The issuer of a header block: the last body, placed by those above it."""
    bodies = [read_body(b, text) for b in split_bodies(rows)]
    if not bodies:
        return Issuer()
    issuer, above = bodies[-1], bodies[:-1]
    parent_province = next((b.province for b in above if b.province), None)
    national_parent = any(b.level == "national" for b in above)
    if issuer.level == "province?":  # a city: a province unless a province sits above it
        issuer.level = "district" if parent_province else "province"
        if parent_province:
            issuer.province = parent_province
    if issuer.level is None:
        issuer.level = "national" if national_parent else ("province" if parent_province else None)
    if issuer.level == "national":
        issuer.province = None
    elif issuer.province is None:
        issuer.province = parent_province
    issuer.name = named_with_province(issuer.name, issuer.province)
    return issuer


def named_with_province(name: str | None, province: str | None) -> str | None:
    """A Sở Giáo dục named without its province ('Sở Giáo dục và Đào tạo') gets it appended."""
    if name and name.startswith("Sở Giáo dục") and province and province not in name:
        return f"{name} {province}"
    return name
