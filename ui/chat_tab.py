"""The "Hỏi đáp" tab: the chat, its filters by document, province and year, and sample questions.

A question is answered by the same service as `/api/ask`, under the same limits: it waits its
turn among the server's question workers (EDUQA_ASK_WORKERS) and gets a clear message in the
chat when it is not answered within EDUQA_ASK_TIMEOUT_S (the API's 503).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import anyio

from assistant.query import detect_language
from assistant.wording import document_label
from ui.answer_html import error_html, format_answer_html, timeout_html

log = logging.getLogger("eduqa.ui")

EXAMPLES = [
    "Chỉ tiêu năm 2025 cho trung học là gì?",
    "Ai chủ trì xây dựng kế hoạch chuyển đổi số?",
    "Tỷ lệ trường đạt chuẩn quốc gia đến năm 2025?",
    "what is the 2025 target for secondary schools",
]
ALL = ""  # the filter value meaning "no filter"


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


@dataclass(frozen=True)
class AskLimits:
    """The API's limits on a question: seconds to answer, and workers shared with the API."""

    timeout_s: float | None = None
    workers: anyio.CapacityLimiter | None = None


async def chat_reply(get_service: Callable, message: str, filters: dict[str, str], limits: AskLimits) -> str:
    """The answer as HTML, or the time-limit or error message; the question runs in a worker
    thread and is abandoned when its time is up."""
    service = get_service()
    try:
        with anyio.fail_after(limits.timeout_s):
            answer = await anyio.to_thread.run_sync(
                lambda: service.ask(message, filters=filters), abandon_on_cancel=True, limiter=limits.workers
            )
        return format_answer_html(answer)
    except TimeoutError:
        log.warning("chat question over the time limit (%s s)", limits.timeout_s)
        return timeout_html(limits.timeout_s or 0, detect_language(message))
    except Exception:  # the page shows a short message; the server log has the traceback
        log.exception("chat answer failed")
        return error_html()


def build_chat_tab(get_service: Callable, limits: AskLimits):
    """Add the tab to the enclosing gr.Blocks; its filter dropdowns (document, province, year)."""
    import gradio as gr

    async def respond(message: str, history: list | None, document: str, province: str, year: str):
        history = list(history or [])
        message = (message or "").strip()
        if not message:
            return history, ""
        reply = await chat_reply(get_service, message, make_filters(document, province, year), limits)
        history += [{"role": "user", "content": message}, {"role": "assistant", "content": reply}]
        return history, ""

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
    inputs = [box, chat, document, province, year]
    box.submit(respond, inputs, [chat, box])
    send.click(respond, inputs, [chat, box])
    clear.click(lambda: ([], ""), None, [chat, box])
    return [document, province, year]


def filter_updates(get_service: Callable):
    """The filter dropdowns' choices from the indexed documents, each back to 'all'."""
    import gradio as gr

    documents = get_service().documents()
    return (gr.update(choices=document_choices(documents), value=ALL),
            gr.update(choices=province_choices(documents), value=ALL),
            gr.update(choices=year_choices(documents), value=ALL))  # fmt: skip
