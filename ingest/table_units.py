"""The unit a table states once, above its header, for every figure in it.

A table of amounts often writes its unit on a line of its own right above the header ('Đơn vị
tính: 1.000 đồng/trẻ,học sinh/tháng', '*Đơn vị: Triệu đồng*', '**(ĐVT: đồng)**'), sometimes
wrapped over two lines inside one pair of marks ('*Đơn vị tính: Nghìn' / 'đồng/người học/tháng.*'),
then rows of bare figures ('Đô thị | 190 | 190 | 110 | 130'). A row read alone has lost what its
figures count; the table keeps the unit so each of its rows can say it.
"""

from __future__ import annotations

import re

MAX_UNIT_CHARS = 80  # longer is a sentence that names a unit, not a unit line
LINES_ABOVE = 2  # non-empty lines above the header searched (a title may stand between)
_UNIT_LINE = re.compile(r"^[\s*_(\[]*(?:đơn\s+vị\s+tính|đơn\s+vị|đvt)\s*:\s*(?P<unit>.+)$", re.IGNORECASE)
_TRAILING = re.compile(r"[\s*_)\].;:]+$")
# what a unit of measure says: a currency, a multiple, a count's noun, a time, a share ('Đơn vị:
# Sở Giáo dục' names an organisation, not a unit)
_MEASURE = re.compile(
    r"\d|/|%|\b(?:đồng|vnđ|vnd|usd|triệu|tỷ|tỉ|nghìn|ngàn|người|học sinh|trẻ|trường|lớp|phòng|tiết|giờ"
    r"|ngày|tháng|năm|ha|m2|m²|km|suất|lượt|bộ|cái|chiếc)\b",
    re.IGNORECASE,
)


def unit_above(lines: list[str], start: int) -> str:
    """The unit stated on the line right above a table's header at lines[start] (or the line
    above that, a title between), or ''; a unit line whose marks open and do not close goes on
    on the next line."""
    above = [i for i in range(start - 1, max(-1, start - 12), -1) if lines[i].strip()][: LINES_ABOVE + 1]
    for k, i in enumerate(above[:LINES_ABOVE]):
        line = lines[i].strip()
        if not _UNIT_LINE.match(line):
            continue
        if line.count("*") % 2 and k > 0:  # '*Đơn vị tính: Nghìn' / 'đồng/người học/tháng.*'
            line = f"{line} {lines[above[k - 1]].strip()}"
        return unit_of(line)
    return ""


def unit_of(line: str) -> str:
    """'Nghìn đồng/người học/tháng' of '*Đơn vị tính: Nghìn đồng/người học/tháng.*', or ''."""
    m = _UNIT_LINE.match(line)
    if not m:
        return ""
    unit = _TRAILING.sub("", m.group("unit")).strip(" *_")
    return unit if 0 < len(unit) <= MAX_UNIT_CHARS and _MEASURE.search(unit) else ""
