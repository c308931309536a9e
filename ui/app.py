"""The chat page (Gradio), mounted at / by the same server; it calls the same service as the API.

The page holds no answering logic: it calls `service.ask` and turns the returned `Answer` into
HTML with the small functions below (`format_answer_html` and its helpers), which the unit tests
call directly. All document text is escaped before it reaches the page.
"""

from __future__ import annotations

import html
import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI

from assistant.answer import ENGLISH_TYPES, document_label, section_label
from assistant.models import Answer, Citation
from assistant.uploads import DocumentExists
from ingest.read import UnreadableDocument
from ui.guard import NotAnUpload, UploadGuard, protect_page, uploaded_file
from ui.records_tab import build_records_tab
from ui.restored import reading_view, restored_note_html

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

EXAMPLES = [
    "Chỉ tiêu năm 2025 cho trung học là gì?",
    "Ai chủ trì xây dựng kế hoạch chuyển đổi số?",
    "Tỷ lệ trường đạt chuẩn quốc gia đến năm 2025?",
    "what is the 2025 target for secondary schools",
]
ALL = ""  # the filter value meaning "no filter"
EXCERPT_CHARS = 220  # context kept either side of the quote in the short passage

LABELS = {
    "vi": {
        "sources": "Nguồn trích dẫn",
        "not_found": "Không tìm thấy",
        "related": "Liên quan (không phải câu trả lời)",
        "full": "Xem toàn văn mục",
        "section": "Mục",
        "page": "trang",
        "number": "Số",
        "date": "Ngày",
        "untitled": "(không có tiêu đề)",
        "original": "Xem bản gốc",
        "error": "Có lỗi khi trả lời câu hỏi. Vui lòng thử lại.",
    },
    "en": {
        "sources": "Sources",
        "not_found": "Not found",
        "related": "Related (not the answer)",
        "full": "Show the whole section",
        "section": "Section",
        "page": "page",
        "number": "No.",
        "date": "Date",
        "untitled": "(untitled)",
        "original": "View the original",
        "error": "Something went wrong while answering. Please try again.",
    },
}

CSS = """
.gradio-container { max-width: 980px !important; margin: 0 auto; padding: 8px !important; }
.gradio-container * { min-width: 0; }
.eduqa-answer { line-height: 1.5; overflow-wrap: anywhere; word-break: break-word; }
.eduqa-answer p { margin: 0 0 .6em 0; }
.eduqa-answer .eduqa-marker { font-weight: 600; color: #1d4ed8; }
.eduqa-notfound { border: 2px solid #d97706; background: #fffbeb; color: #451a03;
  border-radius: 8px; padding: 10px 12px; }
.eduqa-notfound h3 { margin: 0 0 .4em 0; color: #b45309; font-size: 1.05em; }
.eduqa-found { border-left: 4px solid #16a34a; padding-left: 10px; }
.eduqa-citations { margin-top: .8em; }
.eduqa-citations h4 { margin: .2em 0 .4em 0; font-size: .95em; }
.eduqa-cite { border: 1px solid #d1d5db; border-radius: 8px; padding: 8px 10px; margin: 0 0 8px 0;
  background: #f9fafb; color: #111827; }
.eduqa-related .eduqa-cite { border-style: dashed; background: #fefce8; }
.eduqa-cite-head { font-size: .9em; }
.eduqa-cite-head strong { font-weight: 600; }
.eduqa-cite-head .eduqa-n { font-weight: 700; color: #1d4ed8; margin-right: 4px; }
.eduqa-meta { font-size: .82em; color: #4b5563; }
.eduqa-cite blockquote.eduqa-passage { margin: 6px 0 !important; padding: 4px 8px;
  border-left: 3px solid #9ca3af; white-space: pre-wrap; font-size: .9em; }
.eduqa-cite mark { background: #fde047; color: #111827; padding: 0 1px; }
.eduqa-cite details summary { cursor: pointer; font-size: .85em; color: #1d4ed8; }
.eduqa-full { white-space: pre-wrap; font-size: .85em; max-height: 22em; overflow: auto; }
.eduqa-original { font-size: .85em; margin: 2px 0 4px 0; }
.eduqa-original a { color: #1d4ed8; text-decoration: underline; }
#eduqa-chat { height: auto !important; min-height: 50vh; }
@media (max-width: 480px) {
  .gradio-container { padding: 4px !important; }
  .eduqa-cite { padding: 6px; }
  .eduqa-found { padding-left: 6px; }
  .eduqa-notfound { padding: 8px; }
}
"""


# -- formatting: Answer -> HTML (unit-tested) ---------------------------------------------------
def labels(language: str) -> dict[str, str]:
    return LABELS["en" if language == "en" else "vi"]


def display_date(iso: str | None) -> str:
    """'2023-12-15' -> '15/12/2023'; '2023-09' -> '09/2023'; anything else as it is."""
    if not iso:
        return ""
    parts = iso.split("-")
    return "/".join(reversed(parts)) if all(p.isdigit() for p in parts) else iso


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


def answer_text_html(text: str) -> str:
    """The answer's paragraphs, escaped, with its [n] markers kept and emphasised."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    out = []
    for para in paragraphs:
        body = html.escape(para).replace("\n", "<br>")
        body = re.sub(r"\[(\d+)\]", r'<span class="eduqa-marker">[\1]</span>', body)
        out.append(f"<p>{body}</p>")
    return "".join(out)


def format_answer_html(answer: Answer) -> str:
    """One answer as HTML: the text with [n] markers, then each cited passage. A not-answerable
    answer sits in a distinct box headed 'Không tìm thấy' / 'Not found', its passages labelled
    as related, not as the answer. One line, no blank lines: safe inside Markdown."""
    lang = "en" if answer.language == "en" else "vi"
    lab = labels(lang)
    cites = "".join(citation_html(c, lang) for c in answer.citations)
    if answer.answerable:
        box = f'<div class="eduqa-answer eduqa-found" lang="{lang}">' + answer_text_html(answer.answer)
        if cites:
            box += (f'<div class="eduqa-citations"><h4>{html.escape(lab["sources"])}</h4>'
                    f"{cites}</div>")  # fmt: skip
        return box + "</div>"
    heading = html.escape(lab["not_found"])
    box = (f'<div class="eduqa-answer eduqa-notfound" lang="{lang}">'
           f"<h3>{heading}</h3>{answer_text_html(answer.answer)}")  # fmt: skip
    if cites:
        box += (f'<div class="eduqa-citations eduqa-related"><h4>{html.escape(lab["related"])}</h4>'
                f"{cites}</div>")  # fmt: skip
    return box + "</div>"


def error_html(language: str = "vi") -> str:
    return (f'<div class="eduqa-answer eduqa-notfound"><h3>⚠</h3>'
            f"<p>{html.escape(labels(language)['error'])}</p></div>")  # fmt: skip


# -- staff upload (unit-tested) ----------------------------------------------------------------
UPLOAD_TYPES = [".txt", ".md", ".docx", ".pdf", ".png", ".jpg", ".jpeg"]
UPLOAD_DISABLED = "Chức năng tải lên đang tắt (chưa đặt EDUQA_API_KEY)"
WRONG_KEY = "Sai mã cán bộ"
NO_FILE = "Chưa chọn tệp"


def key_matches(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison of the staff key (bytes, so any characters are accepted)."""
    return bool(expected) and secrets.compare_digest(
        (given or "").encode("utf-8"), str(expected).encode("utf-8")
    )


def upload_result(filename: str, result: dict) -> str:
    """'Đã thêm uploads/x.txt: 12 đoạn' (+ '; bản sao của …' for a duplicate)."""
    message = f"Đã thêm {result.get('source') or filename}: {result.get('chunks', 0)} đoạn"
    if result.get("duplicate_of"):
        message += f"; bản sao của {result['duplicate_of']}"
    return message


def upload_document(service, filename: str | None, data: bytes | None, key: str | None) -> str:
    """Check the staff key and the size, then add the file to the index; a short message either
    way (the refusal reason for a file that cannot be read, never a traceback)."""
    settings = service.settings
    if not settings.api_key:
        return UPLOAD_DISABLED
    if not key_matches(key, settings.api_key):
        return WRONG_KEY
    if not filename or data is None:
        return NO_FILE
    name = Path(filename).name
    if len(data) > settings.max_upload_mb * 1024 * 1024:
        return f"Không nhận {name}: tệp lớn hơn {settings.max_upload_mb} MB"
    try:
        result = service.add_document(name, data)
    except UnreadableDocument as exc:
        return f"Không nhận {name}: {exc.reason}"
    except DocumentExists:
        return f"Không nhận {name}: đã có văn bản cùng tên; xóa văn bản cũ trước khi tải lại"
    return upload_result(name, result)


# -- filters -----------------------------------------------------------------------------------
def document_choices(documents: list[dict]) -> list[tuple[str, str]]:
    """(label, source) pairs for the document dropdown, 'all documents' first."""
    choices = [("Tất cả văn bản", ALL)]
    for d in documents:
        if d.get("duplicate_of"):
            continue
        doc = d.get("doc") or {}
        label = document_label(doc)
        title = (doc.get("title") or "").strip()
        if title:
            label += f" – {title[:70]}" + ("…" if len(title) > 70 else "")
        choices.append((label, d["source"]))
    return choices


def province_choices(documents: list[dict]) -> list[tuple[str, str]]:
    provinces = sorted({(d.get("doc") or {}).get("province") for d in documents} - {None, ""})
    return [("Tất cả tỉnh/thành", ALL)] + [(p, p) for p in provinces]


def year_choices(documents: list[dict]) -> list[tuple[str, str]]:
    years = sorted({((d.get("doc") or {}).get("date") or "")[:4] for d in documents} - {""},
                   reverse=True)  # fmt: skip
    return [("Tất cả các năm", ALL)] + [(y, y) for y in years]


def make_filters(document: str | None, province: str | None, year: str | None) -> dict[str, str]:
    values = {"source": document, "province": province, "year": year}
    return {k: str(v) for k, v in values.items() if v not in (None, ALL)}


# -- the page ----------------------------------------------------------------------------------
def build_page(get_service: Callable):
    import gradio as gr

    def respond(message: str, history: list | None, document: str, province: str, year: str):
        history = list(history or [])
        message = (message or "").strip()
        if not message:
            return history, ""
        try:
            answer = get_service().ask(message, filters=make_filters(document, province, year))
            reply = format_answer_html(answer)
        except Exception:  # the page shows a short message; the server log has the traceback
            import logging

            logging.getLogger("eduqa.ui").exception("chat answer failed")
            reply = error_html()
        history += [{"role": "user", "content": message}, {"role": "assistant", "content": reply}]
        return history, ""

    def upload(path: str | None, key: str | None) -> str:
        if not path:
            return NO_FILE
        try:
            data = uploaded_file(path).read_bytes()  # only what the page itself received
            return upload_document(get_service(), Path(path).name, data, key)
        except NotAnUpload:
            return NO_FILE
        except Exception:  # a short message on the page; the traceback goes to the server log
            import logging

            logging.getLogger("eduqa.ui").exception("upload failed")
            return "Có lỗi khi tải lên. Vui lòng thử lại."

    def load_filters():
        documents = get_service().documents()
        return (gr.update(choices=document_choices(documents), value=ALL),
                gr.update(choices=province_choices(documents), value=ALL),
                gr.update(choices=year_choices(documents), value=ALL))  # fmt: skip

    with gr.Blocks(title="eduqa – Hỏi đáp văn bản giáo dục", analytics_enabled=False) as page:
        gr.Markdown(
            "## Hỏi đáp văn bản chỉ đạo ngành giáo dục\n"
            "Đặt câu hỏi bằng tiếng Việt (có hoặc không dấu) hoặc tiếng Anh. Mỗi câu trả lời "
            "trích dẫn văn bản và mục [n]; khi văn bản không nêu, trang sẽ báo *Không tìm thấy*."
        )
        with gr.Tab("Hỏi đáp"):
            chat = gr.Chatbot(
                label="Hội thoại", elem_id="eduqa-chat", height="60vh", buttons=["copy"],
                feedback_options=None, group_consecutive_messages=False,
                placeholder="Hãy đặt một câu hỏi về các văn bản chỉ đạo.",
            )  # fmt: skip
            with gr.Row(equal_height=True):
                box = gr.Textbox(placeholder="Nhập câu hỏi…", show_label=False, scale=5,
                                 min_width=120, elem_id="eduqa-question", lines=1, max_lines=4,
                                 submit_btn=False, autofocus=True)  # fmt: skip
                send = gr.Button("Gửi", variant="primary", scale=1, min_width=64, elem_id="eduqa-send")
            with gr.Accordion("Bộ lọc", open=False), gr.Row():
                document = gr.Dropdown(choices=[("Tất cả văn bản", ALL)], value=ALL,
                                       label="Văn bản", min_width=120)  # fmt: skip
                province = gr.Dropdown(choices=[("Tất cả tỉnh/thành", ALL)], value=ALL,
                                       label="Tỉnh/thành", min_width=120)  # fmt: skip
                year = gr.Dropdown(choices=[("Tất cả các năm", ALL)], value=ALL, label="Năm",
                                   min_width=100)  # fmt: skip
            gr.Examples(examples=[[q] for q in EXAMPLES], inputs=[box], label="Câu hỏi mẫu")
            clear = gr.Button("Xóa hội thoại", size="sm", variant="secondary")
        build_records_tab(get_service)
        with gr.Tab("Tải văn bản", elem_id="eduqa-upload-tab"):
            gr.Markdown("Dành cho cán bộ: tải một văn bản (.txt, .md, .docx, .pdf, ảnh quét) "
                        "để thêm vào chỉ mục; văn bản không đọc được sẽ bị từ chối kèm lý do.")  # fmt: skip
            upload_file = gr.File(label="Văn bản", file_types=UPLOAD_TYPES, file_count="single",
                                  type="filepath", elem_id="eduqa-upload-file")  # fmt: skip
            upload_key = gr.Textbox(label="Mã cán bộ (API key)", type="password", max_lines=1,
                                    elem_id="eduqa-upload-key")  # fmt: skip
            upload_btn = gr.Button("Tải lên và lập chỉ mục", variant="primary",
                                   elem_id="eduqa-upload-send")  # fmt: skip
            upload_status = gr.Textbox(label="Kết quả", interactive=False, lines=2,
                                       elem_id="eduqa-upload-status")  # fmt: skip

        inputs = [box, chat, document, province, year]
        box.submit(respond, inputs, [chat, box])
        send.click(respond, inputs, [chat, box])
        clear.click(lambda: ([], ""), None, [chat, box])
        page.load(load_filters, None, [document, province, year])
        upload_btn.click(upload, [upload_file, upload_key], [upload_status]).then(
            load_filters, None, [document, province, year]
        )
    return page


def mount_ui(app: FastAPI, get_service: Callable, settings) -> FastAPI:
    """The page at /, reading only files uploaded through it (ui/guard.py)."""
    import gradio as gr

    page = build_page(get_service)
    app.add_middleware(UploadGuard, writes_enabled=bool(settings.api_key))
    limit = settings.max_upload_mb * 1024 * 1024
    app = gr.mount_gradio_app(app, page, path="/", css=CSS, ssr_mode=False, mcp_server=False,
                              footer_links=[], max_file_size=limit)  # fmt: skip
    protect_page(page)
    return app
