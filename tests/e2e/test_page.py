"""The chat page in a real browser: a real server (uvicorn, background thread) over a fresh copy
of the corpus, driven by headless Chromium through Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_settings, open_page
from tests.integration.live_server import live_server

pytestmark = [pytest.mark.slow, pytest.mark.integration]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]  # fmt: skip
SCREENSHOT = Path("/tmp/eduqa-page.png")
ANSWER_TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    from assistant.service import AssistantService
    from eduqa.server import create_server

    settings = make_settings(tmp_path_factory.mktemp("e2e"))
    service = AssistantService(settings, owner="pytest-e2e")
    service.ingest()
    with live_server(create_server(settings, service)) as url:
        yield url
    service.close()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("needs /usr/bin/chromium (Debian package 'chromium'; `make install-test`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                    headless=True)  # fmt: skip
        yield browser
        browser.close()


def ask(page, question: str, nth: int) -> None:
    """Type the question, submit with Enter, wait for the nth answer bubble to render."""
    box = page.locator("#eduqa-question textarea")
    box.fill(question)
    box.press("Enter")
    page.locator(".eduqa-answer").nth(nth).wait_for(state="visible", timeout=ANSWER_TIMEOUT_MS)


def test_page_answers_cites_and_says_not_found(server_url, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    open_page(page, server_url + "/")
    page.locator("#eduqa-question textarea").wait_for(timeout=30_000)

    ask(page, "chỉ tiêu năm 2025 cho trung học", 0)
    first = page.locator(".eduqa-answer").nth(0)
    text = first.inner_text()
    assert "98,5" in text
    assert "II.2.(3)" in text
    assert "[1]" in text
    assert first.locator("mark").count() >= 1
    assert "98,5" in first.locator("mark").first.inner_text()
    assert first.locator("details summary").first.inner_text().strip() == "Xem toàn văn mục"
    assert "eduqa-found" in (first.get_attribute("class") or "")

    ask(page, "chỉ tiêu năm 2026 cho trung học", 1)
    second = page.locator(".eduqa-answer").nth(1)
    assert "Không tìm thấy" in second.inner_text()
    assert "Liên quan (không phải câu trả lời)" in second.inner_text()
    assert "eduqa-notfound" in (second.get_attribute("class") or "")
    # the not-found box is drawn differently from the answer box
    border_found = first.evaluate("e => getComputedStyle(e).borderLeftColor")
    border_not = second.evaluate("e => getComputedStyle(e).borderLeftColor")
    assert border_found != border_not

    # the filter dropdowns were filled from service.documents() when the page loaded
    page.get_by_text("Bộ lọc").click()
    page.get_by_role("combobox", name="Văn bản").click()
    page.wait_for_function("document.querySelectorAll('[role=option]').length >= 3", timeout=10_000)
    options = page.get_by_role("option").all_inner_texts()
    assert any("Quảng Ninh" in o for o in options), options
    page.keyboard.press("Escape")

    # phone width: nothing sticks out sideways
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(500)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 390 + 2, f"horizontal overflow at 390 px: scrollWidth={scroll_width}"
    first.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000
    assert not errors, f"JavaScript errors on the page: {errors}"
    context.close()


def test_upload_tab_refuses_a_wrong_key(server_url, browser, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    open_page(page, server_url + "/")
    page.get_by_role("tab", name="Tải văn bản").click()
    sample = tmp_path / "x.txt"
    sample.write_text("1. Nội dung thử.", encoding="utf-8")
    page.locator("#eduqa-upload-file input[type=file]").set_input_files(str(sample))
    page.locator("#eduqa-upload-key input").fill("sai")
    page.get_by_role("button", name="Tải lên và lập chỉ mục").click()
    status = page.locator("#eduqa-upload-status textarea")
    page.wait_for_function(
        "() => document.querySelector('#eduqa-upload-status textarea')?.value === 'Sai mã cán bộ'",
        timeout=30_000,
    )
    assert status.input_value() == "Sai mã cán bộ"
    context.close()
