"""The chat page keeps the API's limits, in a real browser over a real server: a question over
EDUQA_ASK_TIMEOUT_S gets a clear message in the chat (the API answers 503 to the same question),
and the targets tab offers the years of the records the server indexed."""

from __future__ import annotations

import httpx
import pytest

from assistant.records import year_choices
from tests.conftest import make_settings, open_page
from tests.e2e.test_page import ANSWER_TIMEOUT_MS, browser  # noqa: F401  (fixture)
from tests.integration.live_server import live_server

pytestmark = [pytest.mark.slow, pytest.mark.integration]
LIMIT_S = 0.0001  # lower than any answer takes


@pytest.fixture(scope="module")
def limited(tmp_path_factory):
    from assistant.service import AssistantService
    from eduqa.server import create_server

    settings = make_settings(tmp_path_factory.mktemp("limits"), ask_timeout_s=LIMIT_S)
    service = AssistantService(settings, owner="pytest-page-limits")
    service.ingest()
    with live_server(create_server(settings, service)) as url:
        yield url, service
    service.close()


def test_a_question_over_the_time_limit_says_so_in_the_chat(limited, browser):  # noqa: F811
    url, _ = limited
    api = httpx.post(f"{url}/api/ask", json={"question": "chỉ tiêu năm 2025 cho trung học"}, timeout=60)
    assert api.status_code == 503
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    open_page(page, url + "/")  # the page's load events have answered
    box = page.locator("#eduqa-question textarea")
    box.wait_for(timeout=30_000)
    box.fill("chỉ tiêu năm 2025 cho trung học")
    page.locator("#eduqa-send").click()
    reply = page.locator(".eduqa-timeout").first
    reply.wait_for(state="visible", timeout=ANSWER_TIMEOUT_MS)
    assert not errors, errors
    text = reply.inner_text()
    assert "Quá thời gian" in text and f"{LIMIT_S:g} giây" in text and "thử lại" in text
    assert page.locator(".eduqa-found").count() == 0  # no answer slipped through
    box.fill("what is the 2025 target for secondary schools")
    page.locator("#eduqa-send").click()
    page.locator(".eduqa-timeout").nth(1).wait_for(state="visible", timeout=ANSWER_TIMEOUT_MS)
    assert "No answer within" in page.locator(".eduqa-timeout").nth(1).inner_text()
    page.close()


def test_target_years_are_those_of_the_indexed_records(limited, browser):  # noqa: F811
    url, service = limited
    expected = [str(y) for y in year_choices(service.records()[0])]
    assert expected  # the seed plans name years
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    open_page(page, url + "/")
    page.get_by_role("tab", name="Chỉ tiêu").click()
    page.locator("#eduqa-target-year input").click()
    page.wait_for_function(f"document.querySelectorAll('[role=option]').length >= {len(expected)}",
                           timeout=10_000)  # fmt: skip
    options = [o.strip(" ✓\n") for o in page.get_by_role("option").all_inner_texts()]
    assert [o for o in options if o] == expected, (options, expected)
    page.close()
