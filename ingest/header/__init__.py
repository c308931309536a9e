"""Document metadata from a directive's header and signature, read from clean or OCR text.

Every field is read from the header (the lines above the body) or the signature, or left null:
a wrong number or date on a citation is worse than none. The header is found by its national
motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), wherever it stands (a web page may put a summary
above it); the issuer block is the lines left of / above the motto.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from ingest.dates import any_date, more_precise
from ingest.header.enacted import passed_on
from ingest.header.heading import (
    DOC_TYPES,
    NUMBER,
    PLACE_DATE,
    find_number,
    find_place_date,
    find_type,
    school_year,
    sentence_case,
    type_from_number,
)
from ingest.header.issuer import Issuer, named_with_province, read_body, read_issuer
from ingest.header.issuer_block import MOTTO, issuer_from_number, issuer_rows, motto_row
from ingest.header.lines import HeaderLine, header_end, is_upper, logical_lines
from ingest.header.metadata_table import front_matter_title, metadata_table
from ingest.header.misread import misread_province, ocr_place_date, renamed, repaired_number
from ingest.header.signature import find_recipients, find_signature, last_name_line
from ingest.header.title import find_authority, find_title
from ingest.provinces import is_known_province, province_name
from ingest.text import fold_accents

__all__ = ["DOC_TYPES", "DocumentMeta", "parse_header"]

HEAD_LINES = 150  # how far down a header may start (below a web page's summary)
CONSOLIDATED = "Văn bản hợp nhất"  # its number says so ('89/VBHN-BQP'); its heading names the act


@dataclass
class DocumentMeta:
    title: str | None = None
    type: str | None = None
    number: str | None = None
    issuer: str | None = None
    issuer_level: str | None = None  # national, province, district, commune
    issuer_role: str | None = None  # who enacts, as the header says: 'Chủ tịch Ủy ban nhân dân tỉnh X'
    province: str | None = None
    place: str | None = None
    date: str | None = None
    signer: str | None = None
    signer_role: str | None = None  # 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH'
    school_year: str | None = None  # '2024-2025'
    recipients: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def parse_header(
    lines: list[str], body_end: int, tail_end: int | None = None, site: dict[str, str] | None = None
) -> DocumentMeta:
    """Read the header (the lines above the body), the place-date line and the signature; `site`
    (a saved web page's own table) fills the fields the document's text leaves empty."""
    text = "\n".join(lines)
    rows = logical_lines(lines, 0, HEAD_LINES, keep_blank=True)
    motto = motto_row(rows)
    start = max(0, motto - 6) if motto >= 0 else 0
    region = rows[start:][: header_end(rows[start:])]
    motto_at = motto - start if motto >= 0 else -1
    meta = DocumentMeta()
    meta.number, suffix = find_number(region)
    meta.number = repaired_number(meta.number, text)  # a code OCR misread, as the text cites it
    suffix = repaired_number(suffix, text) or suffix
    place, meta.date = find_place_date(region)
    if meta.date is None:  # a place-date line OCR misread or ran into the line above
        place, meta.date = ocr_place_date([r.text for r in region])
    meta.type, type_row = _document_type(rows[start:], region, motto_at, suffix)
    meta.title = find_title(region, type_row, len(region), text)
    block = issuer_rows(rows, motto)
    issuer = read_issuer(block, text) if block else Issuer()
    _place_issuer(meta, issuer if issuer.name is not None else issuer_from_number(suffix), place)
    meta.issuer_role = find_authority(region, max(type_row, 0), text)
    meta.title = meta.title or front_matter_title(lines) or _first_heading(region, set(block), type_row, text)
    _from_metadata_table(meta, lines)
    meta.date = _appendix_precision(meta.date, lines) or passed_on(lines)
    meta.signer, meta.signer_role = _signature(lines, body_end, tail_end)
    meta.school_year = school_year(meta.title, " ".join(r.text for r in region))
    meta.recipients = find_recipients(lines)
    _fill(meta, site or {})
    return meta


def _document_type(
    rows: list[HeaderLine], region: list[HeaderLine], motto_at: int, suffix: str
) -> tuple[str | None, int]:
    """The type the header's heading names, and its row (-1: none); a letter by its 'V/v'
    summary or its 'Kính gửi'; else the type its number's code names."""
    found, type_row = find_type(region, after=max(motto_at, 0))
    coded = type_from_number(suffix)
    if found is None and _is_letter(rows[: len(region) + 1], coded):
        found = "Công văn"  # a letter: its number's code names the issuer, not a type
    # a consolidated text's heading names the act it consolidates; its number says what it is
    return (coded if coded == CONSOLIDATED else found or coded), type_row


def _place_issuer(meta: DocumentMeta, issuer: Issuer, place: str | None) -> None:
    """The issuer, its level, the place the header dates the document from, and the province;
    an issuer's name whose province OCR misread is read right."""
    meta.issuer, meta.issuer_level = issuer.name, issuer.level
    meta.place = (province_name(place) or place) if place else None
    meta.province = _province(issuer, meta.place)
    if issuer.province and meta.province != issuer.province:  # an OCR misreading, read right
        meta.issuer = renamed(meta.issuer, issuer.province, meta.province)
    meta.issuer = named_with_province(meta.issuer, meta.province)


def _fill(meta: DocumentMeta, fields: dict[str, str]) -> None:
    """Fields the text left empty, from what the page states about the document."""
    for name, value in fields.items():
        if getattr(meta, name, "") is None:
            setattr(meta, name, value)
    if "issuer" in fields and meta.issuer == fields["issuer"] and meta.issuer_level is None:
        meta.issuer_level = read_body(meta.issuer.upper(), meta.issuer).level


def _is_letter(rows: list[HeaderLine], coded: str | None) -> bool:
    """A 'V/v' summary; or, under a number without a type code ('5155/SGDĐT-GDTXNNĐH'), the
    'Kính gửi' that opens the body."""
    if any(r.key.startswith("v/v") for r in rows):
        return True
    return coded is None and any(r.key.startswith("kinh g") for r in rows[-1:])


def _province(issuer: Issuer, place: str | None) -> str | None:
    """The issuer's province; else the place the header dates it from (never for a ministry)."""
    if issuer.level == "national":
        return None
    if issuer.province:
        misread = misread_province(issuer.province, place) or any(c.isdigit() for c in issuer.province)
        return place if misread and is_known_province(place) else issuer.province
    if place and (is_known_province(place) or issuer.level in (None, "province")):
        return place
    return None


def _first_heading(region: list[HeaderLine], skip: set[str], type_row: int, text: str) -> str | None:
    """With no type heading: the first capital or heading line under the issuer block."""
    if type_row >= 0:
        return None
    for row in region:
        if row.is_separator or MOTTO.search(row.key) or len(row.text) < 10 or row.text in skip:
            continue
        if NUMBER.match(row.text) or PLACE_DATE.match(row.key):  # the number, the place-date
            continue
        if is_upper(row.text) or row.emphasised:
            return sentence_case(row.text, text)
        break
    return None


def _from_metadata_table(meta: DocumentMeta, lines: list[str]) -> None:
    for name, value in metadata_table(lines).items():
        if getattr(meta, name) is None:
            setattr(meta, name, value)
    if meta.issuer and meta.issuer_level is None:
        meta.issuer_level = read_body(meta.issuer.upper(), meta.issuer).level


def _appendix_precision(date: str | None, lines: list[str]) -> str | None:
    """A header that kept only the year: an 'ban hành kèm theo … ngày d/m/y' line of the same
    year states the document's full date."""
    if not date or len(date) > 7:
        return date
    for n, line in enumerate(lines):
        if re.search(r"\bke\w{0,2}\s+theo\b", fold_accents(line)):
            found = any_date(" ".join(lines[n : n + 2]))  # the date may wrap to the next line
            if more_precise(date, found):
                return found
    return date


def _signature(lines: list[str], body_end: int, tail_end: int | None) -> tuple[str | None, str | None]:
    signer, role = find_signature(lines, body_end, tail_end)
    if signer is None:
        tail = lines[body_end:tail_end] if tail_end is not None else lines[body_end : body_end + 80]
        signer = last_name_line(tail) or last_name_line(lines[max(0, body_end - 3) : body_end])
    return signer, role
