"""The chat page (Gradio), mounted at / by the same server; it calls the same service as the API.

The page holds no answering logic: it calls `service.ask` and turns the returned `Answer` into
HTML (`ui.answer_html`, `ui.citations`). Its tabs: the chat (`ui.chat_tab`), the targets and
tasks tables (`ui.records_tab`) and the staff upload (`ui.upload_tab`).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from fastapi import FastAPI

from ui.answer_html import error_html, format_answer_html, timeout_html
from ui.chat_tab import AskLimits, build_chat_tab, filter_updates
from ui.citations import citation_html
from ui.guard import UploadGuard, protect_page
from ui.records_tab import build_records_tab
from ui.style import CSS
from ui.upload_tab import build_upload_tab

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
__all__ = ["build_page", "citation_html", "error_html", "format_answer_html", "mount_ui", "timeout_html"]


def build_page(get_service: Callable, limits: AskLimits | None = None):
    """The page's tabs over one service; `limits` are the API's time limit and workers."""
    import gradio as gr

    with gr.Blocks(title="eduqa – Hỏi đáp văn bản giáo dục", analytics_enabled=False) as page:
        gr.Markdown(
            "## Hỏi đáp văn bản chỉ đạo ngành giáo dục\n"
            "Đặt câu hỏi bằng tiếng Việt (có hoặc không dấu) hoặc tiếng Anh. Mỗi câu trả lời "
            "trích dẫn văn bản và mục [n]; khi văn bản không nêu, trang sẽ báo *Không tìm thấy*."
        )
        filters = build_chat_tab(get_service, limits or AskLimits())
        load_years, years = build_records_tab(get_service)
        uploaded = build_upload_tab(get_service)
        page.load(lambda: filter_updates(get_service), None, filters)
        page.load(load_years, None, years)
        uploaded.then(lambda: filter_updates(get_service), None, filters).then(load_years, None, years)
    return page


def mount_ui(app: FastAPI, get_service: Callable, settings) -> FastAPI:
    """The page at /, reading only files uploaded through it (ui/guard.py)."""
    import gradio as gr

    limits = AskLimits(settings.ask_timeout_s, getattr(app.state, "ask_limiter", None))
    page = build_page(get_service, limits)
    app.add_middleware(UploadGuard, writes_enabled=bool(settings.api_key))
    limit = settings.max_upload_mb * 1024 * 1024
    app = gr.mount_gradio_app(app, page, path="/", css=CSS, ssr_mode=False, mcp_server=False,
                              footer_links=[], max_file_size=limit)  # fmt: skip
    protect_page(page)
    return app
