"""The chat page's formatting functions, on real answers from the seed service."""

from __future__ import annotations

import html
import re

import pytest

from assistant.models import Answer, Citation, DocInfo
from ui.app import (
    display_date,
    document_choices,
    excerpt_html,
    format_answer_html,
    highlight,
    make_filters,
    province_choices,
    quote_spans,
    year_choices,
)

pytestmark = pytest.mark.unit

ANSWERABLE = "chỉ tiêu năm 2025 cho trung học là gì?"
NOT_ANSWERABLE = "chỉ tiêu năm 2026 cho trung học"


@pytest.fixture(scope="module")
def found(seed_service) -> Answer:
    answer = seed_service.ask(ANSWERABLE)
    assert answer.answerable
    return answer


@pytest.fixture(scope="module")
def not_found(seed_service) -> Answer:
    answer = seed_service.ask(NOT_ANSWERABLE)
    assert not answer.answerable
    return answer


def visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_answerable_answer_shows_figure_markers_and_section(found):
    page = format_answer_html(found)
    assert "98,5" in page
    assert "[1]" in page
    assert "II.2.(3)" in page
    assert "eduqa-found" in page
    assert "Không tìm thấy" not in page
    assert "Liên quan" not in page


def test_answerable_answer_marks_the_quote_inside_the_passage(found):
    page = format_answer_html(found)
    first = found.citations[0]
    assert first.quote
    marks = re.findall(r"<mark>(.*?)</mark>", page, flags=re.S)
    assert marks, "the answering sentence is highlighted"
    assert any("98,5" in html.unescape(m) for m in marks)
    assert "<details>" in page
    assert "Xem toàn văn mục" in page


def test_whole_section_text_sits_in_the_details_panel(found):
    page = format_answer_html(found)
    panel = re.search(r'<div class="eduqa-full">(.*?)</div></details>', page, flags=re.S)
    assert panel
    assert visible_text(panel.group(1)).split() == found.citations[0].text.split()


def test_citation_shows_document_metadata_with_display_date(found):
    page = format_answer_html(found)
    doc = found.citations[0].doc
    assert html.escape(doc.title) in page
    assert doc.type in page
    assert display_date(doc.date) in page
    assert re.search(r"\d{2}/\d{2}/\d{4}", page)


def test_not_answerable_answer_looks_different(not_found, found):
    page = format_answer_html(not_found)
    assert "eduqa-notfound" in page
    assert "eduqa-found" not in page.replace("eduqa-notfound", "")
    assert "<h3>Không tìm thấy</h3>" in page
    assert "Liên quan (không phải câu trả lời)" in page
    assert "Không tìm thấy" not in format_answer_html(found)


def test_english_question_gets_english_labels(seed_service):
    answer = seed_service.ask("what is the 2025 target for secondary schools")
    assert answer.language == "en"
    page = format_answer_html(answer)
    assert "Sources" in page or "Not found" in page
    assert "Xem toàn văn mục" not in page
    english_not_found = answer.model_copy(update={"answerable": False})
    other = format_answer_html(english_not_found)
    assert "<h3>Not found</h3>" in other
    assert "Related (not the answer)" in other


def test_document_text_is_escaped(found):
    hostile = found.model_copy(deep=True)
    hostile.answer = "<script>alert(1)</script> [1]"
    c = hostile.citations[0]
    c.text = "<img src=x onerror=alert(1)> đạt 98,5 & hơn"
    c.quote = "đạt 98,5 & hơn"
    c.doc.title = "<b>tiêu đề</b>"
    c.section_title = "<i>x</i>"
    page = format_answer_html(hostile)
    assert "<script>" not in page
    assert "<img" not in page
    assert "<b>tiêu đề</b>" not in page
    assert "<i>x</i>" not in page
    assert "&lt;script&gt;" in page
    assert "<mark>đạt 98,5 &amp; hơn</mark>" in page


def test_page_html_has_no_blank_lines(found, not_found):
    # a blank line would end the raw HTML block when the chat renders Markdown
    for answer in (found, not_found):
        assert "\n\n" not in format_answer_html(answer)


def test_quote_spans_finds_joined_and_shortened_pieces():
    text = "Câu một đạt 98,5%.\nCâu hai   nói khác. Câu ba rất dài và tiếp tục nữa."
    spans = quote_spans(text, "Câu một đạt 98,5%. … Câu ba rất dài …")
    assert [text[s:e] for s, e in spans] == ["Câu một đạt 98,5%.", "Câu ba rất dài"]
    second = (text.index("Câu hai"), text.index(" Câu ba"))
    assert quote_spans(text, "Câu hai nói khác.") == [second]
    assert quote_spans(text, "") == []
    assert quote_spans(text, "không có trong văn bản") == []
    assert highlight("a<b", [(0, 1)]) == "<mark>a</mark>&lt;b"


def test_excerpt_cuts_long_passages_around_the_quote():
    text = ("mở đầu " * 100) + "CÂU TRẢ LỜI 98,5." + (" phần sau" * 100)
    out = excerpt_html(text, "CÂU TRẢ LỜI 98,5.", context=50)
    assert out.startswith("… ")
    assert out.endswith(" …")
    assert "<mark>CÂU TRẢ LỜI 98,5.</mark>" in out
    assert len(out) < 200
    assert "<mark>" not in excerpt_html(text, "", context=50)


def test_display_date_and_filters(seed_service):
    assert display_date("2023-12-15") == "15/12/2023"
    assert display_date("2023-09") == "09/2023"
    assert display_date(None) == ""
    documents = seed_service.documents()
    docs = document_choices(documents)
    assert docs[0][1] == ""
    assert {d["source"] for d in documents if not d.get("duplicate_of")} == {v for _, v in docs[1:]}
    assert ("Quảng Ninh", "Quảng Ninh") in province_choices(documents)
    assert ("2023", "2023") in year_choices(documents)
    assert make_filters("", "", "") == {}
    assert make_filters("a.txt", "Quảng Ninh", "2023") == {
        "source": "a.txt", "province": "Quảng Ninh", "year": "2023"}  # fmt: skip


def test_filtered_answer_through_the_service(seed_service):
    answer = seed_service.ask(ANSWERABLE, filters=make_filters("", "Bắc Giang", ""))
    assert all(c.doc.province == "Bắc Giang" for c in answer.citations)
    format_answer_html(answer)


def test_llm_style_citation_without_quote_still_renders():
    citation = Citation(n=1, id="x", source="x.txt", section=[], section_title="", text="Nội dung.",
                        quote="", score=1.0, doc=DocInfo())  # fmt: skip
    answer = Answer(question="q", answer="Trả lời [1]", answerable=True, language="vi",
                    retrieved=[], citations=[citation], timings_ms={})  # fmt: skip
    page = format_answer_html(answer)
    assert "phần mở đầu" in page
    assert "<mark>" not in page
    assert "x.txt" in page
