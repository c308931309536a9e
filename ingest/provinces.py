"""Vietnam's provinces and centrally-run cities, to read a document's province and to notice a
question about a place the corpus does not cover."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.text import fold_accents

PROVINCES = [
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre",
    "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ",
    "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai",
    "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang",
    "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng",
    "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
    "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị",
    "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Thừa Thiên Huế", "Huế", "Tiền Giang", "Hồ Chí Minh", "Trà Vinh", "Tuyên Quang",
    "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
]  # fmt: skip
ALIASES = {"Sài Gòn": "Hồ Chí Minh", "TP.HCM": "Hồ Chí Minh", "TPHCM": "Hồ Chí Minh",
           "Ha Noi": "Hà Nội", "Hanoi": "Hà Nội", "Danang": "Đà Nẵng", "Saigon": "Hồ Chí Minh",
           "Haiphong": "Hải Phòng", "Ho Chi Minh City": "Hồ Chí Minh"}  # fmt: skip


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    names = {p: p for p in PROVINCES} | ALIASES
    out = []
    for alias, canonical in sorted(names.items(), key=lambda kv: -len(kv[0])):
        words = fold_accents(alias).replace("-", " ").replace(".", " ").split()
        pattern = r"\b" + r"[\s\-.]*".join(map(re.escape, words)) + r"\b"
        out.append((re.compile(pattern), canonical))
    return out


def find_provinces(text: str) -> list[str]:
    """Provinces named in the text (accent-insensitive), in order of first mention."""
    key = fold_accents(text)
    found: list[tuple[int, str]] = []
    for pattern, canonical in _patterns():
        if m := pattern.search(key):
            if canonical == "Huế" and "thua thien" in key:
                continue
            found.append((m.start(), canonical))
    seen: dict[str, None] = {}
    for _, name in sorted(found):
        seen.setdefault(name, None)
    return list(seen)


def title_case(name: str) -> str:
    """'CÀ MAU' -> 'Cà Mau', 'bà rịa - vũng tàu' -> 'Bà Rịa - Vũng Tàu'."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())


@lru_cache(maxsize=1)
def _by_folded() -> dict[str, str]:
    names = {p: p for p in PROVINCES} | ALIASES
    return {_key(k): v for k, v in names.items()}


def _key(name: str) -> str:
    return " ".join(fold_accents(name).replace("-", " ").replace(".", " ").split())


def province_name(raw: str) -> str | None:
    """The province a header names, spelled as the known list spells it when it is one we know
    (which restores accents OCR lost), else as written: a province never seen is still read."""
    words = raw.strip(" ,.;:-*()").split()
    folded_words = [fold_accents(w).strip(".") for w in words]
    if folded_words[:2] == ["thanh", "pho"] and len(words) > 2:  # 'Thành phố Huế, ngày …': Huế
        words = words[2:]
    elif folded_words[:1] in (["tinh"], ["tp"]) and len(words) > 1:
        words = words[1:]
    if not words or len(words) > 5 or any(ch.isdigit() for ch in raw):
        return None
    known = _by_folded().get(_key(" ".join(words)))
    return known or title_case(" ".join(words))


def is_known_province(name: str | None) -> bool:
    return bool(name) and _key(name or "") in _by_folded()
