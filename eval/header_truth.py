"""A free ground truth for document headers: the metadata table a legal-text website puts above
each document it shows ('Số hiệu', 'Loại văn bản', 'Nơi ban hành', 'Người ký', 'Ngày ban hành'),
and the page's own title line in its trailer.

The document text is judged without that table: it is cut from the page before reading, so what
the reader finds it found in the document itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ingest.dates import any_date
from ingest.header import DocumentMeta
from ingest.page_furniture import page_title, site_table, without_cell_borders
from ingest.provinces import province_name
from ingest.text import fold_accents

FIELDS = ("number", "type", "date", "place", "signer", "title")
_MOTTO = "cong hoa xa hoi"
_TIER = re.compile(r"^(?:tinh|thanh pho)\s+(.+)$")
_TIER_WORDS = re.compile(r"\b(?:tinh|thanh pho)\b")
# The page title's wording around the document's own title: '<Type> <number> năm 2025 …' / '… ngày
# 18/11/2025 …' before, '… do Bộ trưởng Bộ Tài chính ban hành' after.
_TITLE_LEAD = re.compile(r"^.{0,40}?\d+[/-][\w/.-]+\s+(?:nam \d{4}|ngay \d{1,2}/\d{1,2}/\d{4})?\s*")
_TITLE_TAIL = re.compile(r"\s+do\s+[^,;]{3,80}\s+ban hanh\s*$")
TITLE_SIMILAR = 0.8  # our title and the page's, folded: at least this alike (difflib ratio)


@dataclass
class LegalPage:
    name: str
    document: str  # the page without the site's metadata table
    truth: dict[str, str]  # number, type, date, place, signer, title (as the site states them)


def legal_page(name: str, text: str) -> LegalPage | None:
    """A page holding a directive (the national motto) and the site's table; else None."""
    lines = text.split("\n")
    table = site_table(without_cell_borders(lines))
    if table is None or _MOTTO not in " ".join(fold_accents(text[:200000]).lower().split()):
        return None
    kept = without_cell_borders(lines)
    document = "\n".join(kept[: table.start] + kept[table.end :])
    truth = dict(table.fields)
    truth["place"] = truth.pop("issuer", "")
    if title := page_title(kept):
        truth["title"] = title
    return LegalPage(name, document, {k: v for k, v in truth.items() if v})


def _folded(value: str | None) -> str:
    return " ".join(fold_accents(value or "").replace(",", " ").split())


def ours(meta: DocumentMeta, name: str, truth: str = "") -> str | None:
    """Our value of a field, in the site's terms: 'place' is the province where the site names
    one ('Tỉnh Cao Bằng'), else the issuing body ('Cục Thuế')."""
    if name == "place":
        return meta.province if _TIER.match(_folded(truth).lower()) else meta.issuer
    return getattr(meta, name)


def matches(name: str, truth: str, found: str | None) -> bool:
    """Whether our value states the site's: numbers without spaces, dates as ISO, names folded."""
    if found is None:
        return False
    if name == "number":
        return _folded(truth).replace(" ", "") == _folded(found).replace(" ", "")
    if name == "date":
        return any_date(truth) == found
    if name == "place":
        return _place_matches(truth, found)
    if name == "title":
        return title_similarity(truth, found) >= TITLE_SIMILAR
    return _folded(truth) == _folded(found)


def _place_matches(truth: str, found: str) -> bool:
    """'Tỉnh Cao Bằng' is our province 'Cao Bằng'; 'Cục Thuế' heads our issuer 'Cục Thuế' (or
    'Cục Thuế tỉnh …')."""
    key = _folded(truth).lower()
    if m := _TIER.match(key):
        name = province_name(truth.split(maxsplit=len(key.split()) - len(m.group(1).split()))[-1])
        return _folded(name or m.group(1)).lower() == _folded(found).lower()
    body, ours_body = _TIER_WORDS.sub(" ", key).split(), _TIER_WORDS.sub(" ", _folded(found).lower()).split()
    return ours_body[: len(body)] == body  # 'Cục Thuế' heads 'Cục Thuế tỉnh …'; tiers aside


def title_similarity(page_title: str, found: str) -> float:
    """How alike our title and the document title inside the site's page title, folded."""
    inner = _TITLE_TAIL.sub("", _TITLE_LEAD.sub("", _folded(page_title).lower(), count=1))
    return SequenceMatcher(None, inner, _folded(found).lower()).ratio()


def miss_kind(name: str, truth: str, found: str | None) -> str:
    """'missing' (we read nothing), 'partial' (ours is a part of it, or it of ours), 'wrong'."""
    if not found:
        return "missing"
    a, b = _folded(truth).lower(), _folded(found).lower()
    if a in b or b in a:
        return "partial"
    return "wrong"
