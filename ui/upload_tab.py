"""The "Tải văn bản" tab: staff add a document to the index with their key; a short message
either way (the reason a file cannot be read, never a traceback)."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from pathlib import Path

from assistant.uploads import DocumentExists
from ingest.read import UnreadableDocument
from ui.guard import NotAnUpload, uploaded_file

log = logging.getLogger("eduqa.ui")

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


def upload_from_page(get_service: Callable, path: str | None, key: str | None) -> str:
    """The tab's handler: only a file the page itself received is read."""
    if not path:
        return NO_FILE
    try:
        data = uploaded_file(path).read_bytes()
        return upload_document(get_service(), Path(path).name, data, key)
    except NotAnUpload:
        return NO_FILE
    except Exception:  # a short message on the page; the traceback goes to the server log
        log.exception("upload failed")
        return "Có lỗi khi tải lên. Vui lòng thử lại."


def build_upload_tab(get_service: Callable):
    """Add the tab to the enclosing gr.Blocks; the upload's event, for what follows it."""
    import gradio as gr

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

    def upload(path: str | None, key: str | None) -> str:
        return upload_from_page(get_service, path, key)

    # the event's API name is the function's ("upload"): staff scripts and the tests call it
    return upload_btn.click(upload, [upload_file, upload_key], [upload_status], api_name="upload")
