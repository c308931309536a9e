"""A document saved from a legal-text website, read as its document alone.

Such a page holds, around the document, what the site put there: a copyright notice and a
'loading' line above, the site's own metadata table ('Số hiệu:' | '58/2025/NQ-HĐND', 'Loại văn
bản:', 'Nơi ban hành:', 'Người ký:', 'Ngày ban hành:' …, one cell per line), and below, the page's
title once more and its 'Văn bản liên quan' trailer (related documents, the site's notices).
Table cells stand between lines that hold only '|'.

`read_page` cuts all of that: what is left is the document as a clean copy of it reads, line for
line. The site's table is kept apart (`SavedPage.fields`): it may fill header fields the
document's own text lacks, never overrides them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.dates import any_date
from ingest.header.lines import strip_marks
from ingest.provinces import province_name
from ingest.text import fold_accents

HEAD_LINES = 200  # how far down the site's table or loading line may stand
SITE_FIELDS = {"so hieu": "number", "loai van ban": "type", "noi ban hanh": "issuer",
               "co quan ban hanh": "issuer", "nguoi ky": "signer", "ngay ban hanh": "date"}  # fmt: skip
# The table's other keys: dates and status the header has no field for.
OTHER_KEYS = frozenset({"ngay hieu luc", "ngay het hieu luc", "ngay cong bao", "so cong bao", "tinh trang",
                        "ngay hop nhat", "linh vuc"})  # fmt: skip
_CELL_BORDER = re.compile(r"^\s*\|+\s*$")
_LOADING = re.compile(r"^dang tai van ban\W*$")
_KEY = re.compile(r"^(\w[\w ]{1,30}):$")  # 'Số hiệu:' (folded), a table key of at most a few words
# Where the trailer starts: the related-documents heading, or the site's note on its translation.
_TRAILER = re.compile(r"^(?:#+\s*)?van ban lien quan\s*$|^van ban nay chua cap nhat noi dung tieng anh")
_DOCUMENT_CODE = re.compile(r"\b\d+(?:/\d{4})?[/-][A-ZĐ]")  # '01763/QĐ-UBND', '109/2025/TT-BTC', '212-KL/TW'
_TIER = re.compile(r"^(?:tinh|thanh pho)\s+(.+)$")


@dataclass
class SiteTable:
    start: int  # first line of the table (its first key)
    end: int  # the line after its last value
    fields: dict[str, str] = field(default_factory=dict)  # number, type, issuer, signer, date


@dataclass
class SavedPage:
    text: str  # the document alone
    fields: dict[str, str] = field(default_factory=dict)  # what the site's table states

    @property
    def is_saved_page(self) -> bool:
        return bool(self.fields)


def without_cell_borders(lines: list[str]) -> list[str]:
    """The lines but those holding only '|' (a cell border of a page saved one cell per line).
    A single such line is kept: OCR may read a lone heading 'I' as '|'."""
    borders = sum(1 for line in lines if _CELL_BORDER.match(line))
    return [line for line in lines if not _CELL_BORDER.match(line)] if borders > 1 else lines


def _key_at(lines: list[str], n: int) -> tuple[str | None, int]:
    """The folded key a line states ('**Số hiệu:**'; a bold mark may stand alone on the line
    before), and the line of its value."""
    text, at = strip_marks(lines[n]), n
    if not text and lines[n].strip() == "**" and n + 1 < len(lines):
        text, at = strip_marks(lines[n + 1]), n + 1
    m = _KEY.match(fold_accents(text))
    return (m.group(1).strip(), at + 1) if m else (None, n)


def site_table(lines: list[str], limit: int = HEAD_LINES) -> SiteTable | None:
    """The site's key/value table near the top: keys and values on lines of their own, the
    first key 'Số hiệu'; it runs as long as a key line is followed by its value."""
    for n in range(min(limit, len(lines))):
        key, value_at = _key_at(lines, n)
        if key != "so hieu":
            continue
        table, at = SiteTable(n, n), n
        while at < len(lines):
            key, value_at = _key_at(lines, at)
            if (key not in SITE_FIELDS and key not in OTHER_KEYS) or value_at >= len(lines):
                break
            value = strip_marks(lines[value_at])
            if key in SITE_FIELDS and value:
                table.fields[SITE_FIELDS[key]] = value
            at = table.end = value_at + 1
        return table if len(table.fields) >= 2 else None
    return None


def _document_start(lines: list[str], table: SiteTable | None) -> int:
    """The first line of the document: after the site's loading line and its table."""
    start = 0
    loading = next((n for n, line in enumerate(lines[:HEAD_LINES]) if _LOADING.match(_folded(line))), None)
    if loading is not None:
        start = loading + 1
        while start < len(lines) and not strip_marks(lines[start]) and lines[start].strip() in ("", "#"):
            start += 1
    if table is not None and table.start <= start + 2:
        start = max(start, table.end)
    return start


def _trailer(lines: list[str], start: int) -> tuple[int, int | None]:
    """(first line of the site's trailer, the line of the page's title above its markers);
    (len(lines), None) when there is no trailer."""
    for n in range(start, len(lines)):
        if _TRAILER.match(_folded(lines[n])):
            above = n - 1
            while above > start and not lines[above].strip():
                above -= 1
            if above > start and _DOCUMENT_CODE.search(lines[above]):
                return above, above
            return n, None
    return len(lines), None


def page_title(lines: list[str]) -> str | None:
    """The site's title of the page ('Quyết định 01763/QĐ-UBND năm 2025 công bố …'), if any."""
    _, at = _trailer(lines, 0)
    return lines[at].strip() if at is not None else None


def _folded(line: str) -> str:
    return fold_accents(strip_marks(line)).strip()


def read_page(text: str) -> SavedPage:
    """The document of a saved page, cut from the site's furniture; other text as it is
    (less lines holding only '|')."""
    lines = without_cell_borders(text.split("\n"))
    table = site_table(lines)
    loading = any(_LOADING.match(_folded(line)) for line in lines[:HEAD_LINES])
    if table is None and not loading:
        return SavedPage("\n".join(lines))
    start = _document_start(lines, table)
    end, _ = _trailer(lines, start)
    return SavedPage("\n".join(lines[start:end]), header_fields(table.fields) if table else {})


def header_fields(site: dict[str, str]) -> dict[str, str]:
    """The site's fields as header fields: an ISO date; 'Tỉnh X' / 'Thành phố X' is a province,
    another 'Nơi ban hành' the issuing body."""
    out = {k: v for k, v in site.items() if k in ("number", "type", "signer")}
    if date := any_date(site.get("date", "")):
        out["date"] = date
    issuer = site.get("issuer", "")
    if m := _TIER.match(fold_accents(issuer)):
        words = issuer.split()
        name = " ".join(words[len(words) - len(m.group(1).split()) :])
        out["province"] = province_name(name) or name
    elif issuer:
        out["issuer"] = issuer
    return out
