"""How answers name things, in the question's language: a document, a date, a section, the
refusal. One display date format (dd/mm/yyyy from the ISO dates kept in data)."""

from __future__ import annotations

from ingest.sections import section_label

ENGLISH_TYPES = {"Thông báo": "notice", "Kế hoạch": "plan", "Công văn": "official letter",
                 "Hướng dẫn": "guidance", "Quyết định": "decision", "Chỉ thị": "directive",
                 "Báo cáo": "report", "Nghị quyết": "resolution", "Thông tư": "circular",
                 "Nghị định": "decree", "Luật": "law"}  # fmt: skip
__all__ = ["ENGLISH_TYPES", "display_date", "document_label", "not_found_text", "section_label"]


def display_date(iso: str | None) -> str:
    """'2023-12-15' -> '15/12/2023', '2023-12' -> '12/2023', '2023' -> '2023'; anything not an ISO
    date as it is. The one display form: answers, records, the CLI and the page."""
    if not iso:
        return ""
    parts = str(iso).split("-")
    return "/".join(reversed(parts)) if all(p.isdigit() for p in parts) else str(iso)


def document_label(doc: dict, language: str = "vi") -> str:
    """'Kế hoạch số 12/KH-SGDĐT của Sở GDĐT <tỉnh>, ngày 15/12/2023' and its English twin. An
    issuer the header does not state is not guessed: the province alone, or nothing, is named."""
    kind = doc.get("type") or ("Văn bản" if language == "vi" else "document")
    issuer, province = doc.get("issuer"), doc.get("province")
    if issuer and province and province not in issuer:
        issuer = f"{issuer} {province}"
    issuer = issuer or province
    date = display_date(doc.get("date"))
    if language == "en":
        label = f"{ENGLISH_TYPES.get(kind, kind.lower())}"
        label = f"the {label}" + (f" No. {doc['number']}" if doc.get("number") else "")
        return label + (f" ({issuer})" if issuer else "") + (f" of {date}" if date else "")
    label = (
        kind + (f" số {doc['number']}" if doc.get("number") else "") + (f" của {issuer}" if issuer else "")
    )
    return label + (f", ngày {date}" if date else "")


def where_label(passage_doc: dict, section: list[str], context: str, language: str) -> str:
    """'Theo <document>, mục II.2.(3) (Chỉ tiêu › …)' / 'According to <document>, section …'."""
    where = section_label(section, language)
    lead = "According to" if language == "en" else "Theo"
    part = "section" if language == "en" else "mục"
    return f"{lead} {document_label(passage_doc, language)}, {part} {where}" + (
        f" ({context})" if context else ""
    )


_WHY = {
    "en": {"province": " There is no document about {v} in the corpus.",
           "year": " No passage gives this for {v}.",
           "number": " No document or passage numbered {v} is in the corpus.",
           "figure": " No passage gives that figure.",
           "scope": " No passage speaks of the schools, area or level asked about.",
           "target": " The documents set no target for that year or level."},
    "vi": {"province": " Kho văn bản không có văn bản nào của {v}.",
           "year": " Không có đoạn nào nêu nội dung này cho năm {v}.",
           "number": " Kho văn bản không có văn bản hay đoạn nào mang số {v}.",
           "figure": " Không có đoạn nào nêu con số này.",
           "scope": " Không có đoạn nào nói về loại trường, vùng hoặc cấp được hỏi.",
           "target": " Văn bản không đặt chỉ tiêu cho năm hoặc cấp học này."},
}  # fmt: skip
_OPENING = {
    "en": "The documents do not say.",
    "vi": "Không tìm thấy thông tin trả lời trong các văn bản hiện có.",
}
_RELATED = {"en": " The nearest passages (related, not an answer): ",
            "vi": " Các đoạn liên quan nhất (chỉ để tham khảo): "}  # fmt: skip


def not_found_text(language: str, reason: str, related: list[tuple[dict, list[str]]]) -> str:
    """The refusal, in the question's language, listing the nearest passages as related only."""
    language = "en" if language == "en" else "vi"
    kind, _, value = reason.partition(":")
    text = _OPENING[language] + _WHY[language].get(kind, "").format(v=value)
    if related:
        items = [f"{document_label(doc, language)}, {section_label(section, language)} [{n}]"
                 for n, (doc, section) in enumerate(related, 1)]  # fmt: skip
        text += _RELATED[language] + "; ".join(items) + "."
    return text
