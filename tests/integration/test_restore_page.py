"""The chat page in a real browser shows restored OCR passages and titles, marked as restored,
with the original OCR text one click away."""

from __future__ import annotations

import pytest

from tests.conftest import open_page
from tests.e2e.test_page import ask, browser, server_url  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.slow, pytest.mark.integration]


def test_restored_passage_is_marked_and_the_original_is_one_click_away(server_url, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    open_page(page, server_url + "/")
    page.locator("#eduqa-question textarea").wait_for(timeout=30_000)
    ask(page, "chỉ tiêu năm 2025 cho trung học", 0)
    answer = page.locator(".eduqa-answer").nth(0)
    cite = answer.locator(".eduqa-cite").first
    assert "văn bản OCR, đã khôi phục dấu tự động" in cite.inner_text()
    assert "Thực hiện Kế hoạch hành động số 281/KH-UBND" in cite.inner_text()  # the restored title
    assert "Phấn đấu học sinh trung học" in answer.inner_text()  # the restored quote
    original = cite.locator("details.eduqa-ocr")
    assert not original.locator(".eduqa-full").is_visible()
    original.locator("summary").click()
    shown = original.locator(".eduqa-full")
    shown.wait_for(state="visible", timeout=5_000)
    assert "Phan &au hoc sinh" in shown.inner_text()  # the OCR text as it stands
    assert "98,5" in shown.inner_text() and "98,5" in cite.locator("mark").first.inner_text()
    context.close()
