"""Restored OCR passages on the page: the restored reading, marked, the original a click away."""

from __future__ import annotations

import html

from assistant.models import Citation

RESTORED_LABELS = {
    "vi": ("văn bản OCR, đã khôi phục dấu tự động", "Xem văn bản OCR gốc"),
    "en": ("OCR text, diacritics restored automatically", "Show the original OCR text"),
}


def reading_view(citation: Citation) -> Citation:
    """The citation as the page shows it: a restored passage reads in its restored form."""
    if not citation.restored:
        return citation
    doc = citation.doc.model_copy(update={"title": citation.doc.display_title or citation.doc.title})
    return citation.model_copy(
        update={
            "text": citation.display_text or citation.text,
            "quote": citation.display_quote or citation.quote,
            "section_title": citation.display_section_title or citation.section_title,
            "doc": doc,
        }
    )


def restored_note_html(citation: Citation, language: str) -> str:
    """The mark on a restored passage and the original OCR text under a <details>."""
    if not citation.restored:
        return ""
    mark, show = RESTORED_LABELS["en" if language == "en" else "vi"]
    original = html.escape(citation.text)
    title = html.escape(citation.doc.title or "")
    return (
        f'<div class="eduqa-restored"><em>{html.escape(mark)}</em></div>'
        f'<details class="eduqa-ocr"><summary>{html.escape(show)}</summary>'
        f'<div class="eduqa-full"><strong>{title}</strong><br>{original}</div></details>'
    )
