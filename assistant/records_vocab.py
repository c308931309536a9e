"""The words records are grouped by: known target metrics and known lead units.

A metric phrase or a unit name read from OCR ("Ti le truing dat chuin qu6c gia", "Pheng KIITC")
is mapped onto the known name it is closest to, so the same target or unit read from two copies
of a text groups as one; a phrase close to no known name keeps its own key.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from assistant.records_text import key_of

METRIC_MATCH = 0.75  # SequenceMatcher ratio for a phrase to take a known metric's key
UNIT_MATCH = 0.7  # … and for a lead to take a known unit's name

# -- known metrics: OCR variants are mapped onto these by cue words, then fuzzy matching ---------

METRIC_LABELS = (
    "tỷ lệ trường đạt chuẩn quốc gia",
    "tỷ lệ học sinh tiểu học học 2 buổi/ngày",
    "tỷ lệ học sinh hoàn thành chương trình lớp học",
    "học sinh lớp 5 hoàn thành chương trình tiểu học",
    "tỷ lệ học sinh trung học lên lớp thẳng",
    "tỷ lệ tốt nghiệp THPT",
    "học sinh đạt chuẩn năng lực ngoại ngữ",
    "học sinh đạt giải Olympic khu vực và quốc tế",
    "tỷ lệ trường và cơ sở giáo dục áp dụng hệ thống quản trị dựa trên dữ liệu và công nghệ số",
    "nguồn lực, chương trình và đối tượng giáo dục được quản lý trên môi trường số",
    "phổ cập giáo dục",
    "xóa mù chữ",
    "thành phố tham gia mạng lưới thành phố học tập toàn cầu UNESCO",
    "giáo viên đạt chuẩn trình độ đào tạo",
    "cơ sở giáo dục cập nhật dữ liệu",
    "tỷ lệ chi cho hoạt động giảng dạy và học tập trong tổng chi thường xuyên",
)
# folded key -> label as a reader writes it
KNOWN_METRICS: dict[str, str] = {key_of(label): label for label in METRIC_LABELS}
KEY_DIGITAL = key_of(METRIC_LABELS[9])
KEY_STANDARD_SCHOOLS = key_of(METRIC_LABELS[0])
KEY_STANDARD_LEVEL = "truong dat chuan quoc gia muc do"  # "đạt chuẩn quốc gia mức độ 2"

# Words that say which metric a phrase is about even when the OCR garbles the rest.
METRIC_HINTS: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"chu\w{0,2}n\s+\w{2,5}\s+gia"), "ty le truong dat chuan quoc gia"),
    (re.compile(r"2 bu\w{0,2}i"), "ty le hoc sinh tieu hoc hoc 2 buoi/ngay"),
    (re.compile(r"lop 5"), "hoc sinh lop 5 hoan thanh chuong trinh tieu hoc"),
    (re.compile(r"chuong trinh l\w{0,2}p hoc"), "ty le hoc sinh hoan thanh chuong trinh lop hoc"),
    (re.compile(r"len l\w{0,2}p"), "ty le hoc sinh trung hoc len lop thang"),
    (re.compile(r"t\w{0,2}t nghi\w{0,3}"), "ty le tot nghiep thpt"),
    (re.compile(r"ngoai ng"), "hoc sinh dat chuan nang luc ngoai ngu"),
    (re.compile(r"olympic"), "hoc sinh dat giai olympic khu vuc va quoc te"),
    (
        re.compile(r"quan tri d\w{0,3} tren"),
        "ty le truong va co so giao duc ap dung he thong quan tri dua tren du lieu va cong nghe so",
    ),
    (re.compile(r"moi t\w{1,6} so|^nguon luc"), KEY_DIGITAL),
    (re.compile(r"unesco"), "thanh pho tham gia mang luoi thanh pho hoc tap toan cau unesco"),
    (re.compile(r"ph\w{0,2} c\w{0,2}p"), "pho cap giao duc"),
    (re.compile(r"x\w{0,2}a m\w{0,2} ch"), "xoa mu chu"),
    (
        re.compile(r"chi thuong xuyen"),
        "ty le chi cho hoat dong giang day va hoc tap trong tong chi thuong xuyen",
    ),
    (re.compile(r"trinh do dao tao"), "giao vien dat chuan trinh do dao tao"),
    (re.compile(r"cap nhat (?:du|\S{1,3}) lieu"), "co so giao duc cap nhat du lieu"),
)


def closest(key: str, known: list[str] | dict[str, str], cut: float) -> str | None:
    """The known key most like `key` when it is at least `cut` alike (the first on a tie)."""
    best, score = None, 0.0
    for candidate in known:
        ratio = SequenceMatcher(None, key, candidate).ratio()
        if ratio > score:
            best, score = candidate, ratio
    return best if score >= cut else None


def metric_key(phrase: str, unit: str = "%") -> str:
    """Map a metric phrase (clean or OCR) to a known key; unknown phrases keep their own key.

    Cue words first (they survive OCR better than whole phrases), then a fuzzy match. A school
    standard counted in levels ('đạt chuẩn quốc gia mức độ 2') is its own metric."""
    key = key_of(phrase)
    hinted = next((known for pattern, known in METRIC_HINTS if pattern.search(key)), None)
    found = hinted or closest(key, KNOWN_METRICS, METRIC_MATCH) or key
    return KEY_STANDARD_LEVEL if found == KEY_STANDARD_SCHOOLS and unit == "mức độ" else found


def metric_label(key: str, phrase: str) -> str:
    """The known metric's name as a reader writes it, else the phrase itself."""
    return KNOWN_METRICS.get(key, phrase)


# -- known lead units: OCR spellings ("Pheng KIITC", "Ph6ng TCCBQLCL") group under these ---------

KNOWN_UNITS = (
    "Phòng KHTC",
    "Phòng TCCBQLCL",
    "Phòng GDPT",
    "Phòng GDTXGDMN",
    "Văn phòng Sở",
    "Văn phòng",
    "Tổ Nghị quyết",
    "Phòng GDĐT",
    "Thanh tra Sở",
)


def canonical_lead(lead: str | None) -> str | None:
    """The lead unit(s) with each OCR-garbled name mapped to the closest known unit name."""
    if not lead:
        return None
    by_key = {key_of(unit): unit for unit in KNOWN_UNITS}
    names = []
    for piece in re.split(r"\s*;\s*", lead):
        known = closest(key_of(piece), by_key, UNIT_MATCH)
        names.append(by_key[known] if known else piece.strip())
    return "; ".join(names)
