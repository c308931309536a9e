"""The page's words in Vietnamese and English (dates in the one display form of
assistant.wording.display_date)."""

from __future__ import annotations

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
        "timeout_title": "Quá thời gian",
        "timeout": "Câu hỏi chưa được trả lời trong {seconds} giây (giới hạn của máy chủ). "
        "Vui lòng thử lại sau ít phút hoặc đặt câu hỏi ngắn gọn hơn.",
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
        "timeout_title": "Time limit reached",
        "timeout": "No answer within {seconds} s (the server's limit). Please try again in a "
        "few minutes, or ask a shorter question.",
    },
}


def labels(language: str) -> dict[str, str]:
    return LABELS["en" if language == "en" else "vi"]
