"""A cited passage as HTML: document and section, the quote marked inside a short excerpt, the
whole section a click away, and a link to the original file. All document text is escaped."""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from assistant.models import Citation
from assistant.wording import ENGLISH_TYPES, display_date, section_label
from ui.labels import labels
from ui.restored import reading_view, restored_note_html

EXCERPT_CHARS = 220  # context kept either side of the quote in the short passage


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Where the quoted sentence(s) lie in the passage text; pieces joined with ' … ' and a
    trailing ' …' (a shortened sentence) are found one by one, whitespace-tolerant."""
    spans: list[tuple[int, int]] = []
    for piece in re.split(r"\s*…\s*", quote or ""):
        piece = piece.strip()
        if len(piece) < 3:
            continue
        pattern = r"\s+".join(re.escape(w) for w in piece.split())
        found = re.search(pattern, text)
        if found:
            spans.append(found.span())
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, spans: list[tuple[int, int]]) -> str:
    """Escaped text with each span wrapped in <mark>."""
    out, at = [], 0
    for start, end in spans:
        out.append(html.escape(text[at:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def excerpt_html(text: str, quote: str, context: int = EXCERPT_CHARS) -> str:
    """The passage around the quote, the quote marked; the passage's opening when no quote."""
    spans = quote_spans(text, quote)
    if not spans:
        short = text if len(text) <= 2 * context else text[: 2 * context].rsplit(" ", 1)[0] + " …"
        return html.escape(short)
    start = max(0, spans[0][0] - context)
    end = min(len(text), spans[-1][1] + context)
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        cut = text.rfind(" ", spans[-1][1], end)
        end = cut if cut > 0 else end
    window = [(s - start, e - start) for s, e in spans]
    body = highlight(text[start:end], window)
    return ("… " if start > 0 else "") + body + (" …" if end < len(text) else "")


def citation_meta_html(citation: Citation, language: str) -> str:
    """Title, type, number and date of the document, and the section path."""
    lab = labels(language)
    doc = citation.doc
    kind = doc.type or ""
    if language == "en" and kind:
        kind = ENGLISH_TYPES.get(kind, kind)
    bits = [kind] if kind else []
    if doc.number:
        bits.append(f"{lab['number']} {doc.number}")
    if doc.date:
        bits.append(f"{lab['date']} {display_date(doc.date)}")
    if doc.issuer:
        bits.append(doc.issuer)
    where = section_label(citation.section, language)
    section = f"{lab['section']} {where}"
    if citation.section_title:
        section += f" – {citation.section_title}"
    if citation.page:
        section += f" ({lab['page']} {citation.page})"
    title = doc.title or citation.source or lab["untitled"]
    return (
        f'<div class="eduqa-cite-head"><span class="eduqa-n">[{citation.n}]</span>'
        f"<strong>{html.escape(title)}</strong></div>"
        f'<div class="eduqa-meta">{html.escape(" · ".join(bits))}</div>'
        f'<div class="eduqa-meta eduqa-section">{html.escape(section)}</div>'
    )


TEXT_SUFFIXES = (".txt", ".md")  # shown inline already: no link to the original


def original_url(source: str, page: int | None = None) -> str:
    """The API address of a document's original file, at the given page for PDFs."""
    url = "/api/originals/" + quote(source, safe="/")
    return f"{url}#page={int(page)}" if page else url


def original_link_html(citation: Citation, language: str) -> str:
    """'Xem bản gốc, trang N' linking to the original at that page; without a page, a plain
    link to the original, except for text files (their text is the passage shown)."""
    lab = labels(language)
    if not citation.source:
        return ""
    if citation.page:
        text = f"{lab['original']}, {lab['page']} {int(citation.page)}"
    elif citation.source.lower().endswith(TEXT_SUFFIXES):
        return ""
    else:
        text = lab["original"]
    href = html.escape(original_url(citation.source, citation.page), quote=True)
    return (f'<div class="eduqa-original"><a href="{href}" target="_blank" rel="noopener">'
            f"{html.escape(text)}</a></div>")  # fmt: skip


def citation_html(citation: Citation, language: str) -> str:
    lab = labels(language)
    original, citation = citation, reading_view(citation)  # OCR passages read as restored
    spans = quote_spans(citation.text, citation.quote)
    excerpt = excerpt_html(citation.text, citation.quote)
    return (
        f'<div class="eduqa-cite" id="cite-{citation.n}">'
        + citation_meta_html(citation, language)
        + original_link_html(citation, language)
        + f'<blockquote class="eduqa-passage">{excerpt}</blockquote>'
        + f"<details><summary>{html.escape(lab['full'])}</summary>"
        + f'<div class="eduqa-full">{highlight(citation.text, spans)}</div></details>'
        + restored_note_html(original, language)
        + "</div>"
    )
