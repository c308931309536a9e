"""Listing questions answered from every point of the item that lists them, counted, through the
real engine (BM25 only) over the fresh set's Cần Thơ plan and the Bộ GDĐT circular on teachers'
working regime — in process and over HTTP; and a count question led by the point stating the
count under the clause that heads it. The questions are not the benchmark's."""

from __future__ import annotations

import httpx
import pytest

from assistant.api import create_app
from eval.sets import set_corpus
from tests.asking import answered, lead
from tests.conftest import needs_set_corpus, service_with
from tests.integration.live_server import live_server

pytestmark = pytest.mark.integration

FRESH = set_corpus("fresh")
PROJECTS = ("Dự án 1:", "Dự án 2:", "Dự án 4:", "Dự án 5:", "Dự án 7 (Tiểu dự án 2):", "Dự án 9:")
LISTING = "Công an thành phố Cần Thơ chủ trì thực hiện những dự án nào của Chương trình phòng, chống ma túy?"


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    documents = (FRESH / name for name in ("cantho-kh153-2025.txt", "bgddt-tt05-2025.txt"))
    with service_with(tmp_path_factory.mktemp("listing"), documents) as svc:
        yield svc


@needs_set_corpus("fresh")
def test_a_listing_question_is_answered_by_every_point_counted(service):
    answer = service.ask(LISTING)
    assert answer.answerable, answer.answer
    lines = answer.answer.split("\n")
    assert lines[0] == "Có 6 mục [1]:"
    assert [line.startswith(f"- {p}") for line, p in zip(lines[1:7], PROJECTS, strict=True)] == [True] * 6
    quote = answer.citations[0].quote
    assert quote.startswith("h) Chủ trì triển khai") and all(f"- {p}" in quote for p in PROJECTS)


@needs_set_corpus("fresh")
def test_the_recipients_are_counted_and_quoted_the_rest_beyond_the_shown_said(service):
    text = answered(service, "Kế hoạch 153/KH-UBND của Cần Thơ được gửi tới những cơ quan nào?")
    lines = text.split("\n")
    assert lines[:3] == ["Có 13 mục [1]:", "“Nơi nhận:", "- Văn phòng Chính phủ (để báo cáo);"]
    assert "… (và 1 mục khác)” [1]" in lines  # twelve shown, the thirteenth counted


@needs_set_corpus("fresh")
def test_a_count_is_led_by_the_point_that_states_it_under_its_clause(service):
    text = answered(service, "Theo Thông tư 05/2025, phó hiệu trưởng dạy trung bình mỗi tuần bao nhiêu tiết?")
    assert lead(text) == "“Phó hiệu trưởng là 04 tiết.” [1]"


@needs_set_corpus("fresh")
def test_a_principal_asked_is_answered_by_the_principals_point_not_the_deputys(service):
    """'Phó hiệu trưởng là 04 tiết.' holds 'hiệu trưởng' only inside the deputy's title."""
    text = answered(service, "Theo Thông tư 05/2025, hiệu trưởng dạy trung bình mỗi tuần bao nhiêu tiết?")
    assert lead(text) == "“Hiệu trưởng là 02 tiết;” [1]"


@needs_set_corpus("fresh")
def test_over_http_a_listing_answer_holds_every_item_and_the_count(service):
    with live_server(create_app(service.settings, service=service)) as url:
        body = httpx.post(f"{url}/api/ask", json={"question": LISTING}, timeout=120).json()
    assert body["answerable"] and body["answer"].startswith("Có 6 mục [1]:")
    assert all(f"- {p}" in body["answer"] for p in PROJECTS)
    cited = body["citations"][0]
    assert cited["section"] == ["IV", "1", "h"]
    assert all(f"- {p}" in cited["quote"] for p in PROJECTS) and all(p in cited["text"] for p in PROJECTS)


def test_a_percentage_asked_is_not_led_by_a_record_of_another_kind(seed_service):
    """The item states '50% học sinh đạt chuẩn năng lực đầu ra ngoại ngữ' beside a target record
    of '01 học sinh' (Olympic prizes): the answer leads with the percentage."""
    text = answered(
        seed_service,
        "Quảng Ninh đặt mục tiêu bao nhiêu phần trăm học sinh đạt chuẩn năng lực ngoại ngữ đầu ra vào năm 2025?",
    )
    assert "50%" in lead(text) and "01 học sinh" not in text.split("\n\n")[0]
