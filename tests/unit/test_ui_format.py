"""The chat page's formatting functions, on real answers from the seed service."""

from __future__ import annotations

import html
import re

import pytest

from assistant.models import Answer, Citation, DocInfo
from assistant.wording import display_date
from tests.conftest import NEW_DIRECTIVE, make_settings
from ui.answer_html import format_answer_html, timeout_html
from ui.chat_tab import document_choices, make_filters, province_choices, year_choices
from ui.citations import citation_html, excerpt_html, highlight, original_url, quote_spans
from ui.records_tab import passage_link, target_years, targets_frame, tasks_frame
from ui.upload_tab import UPLOAD_DISABLED, WRONG_KEY, upload_document

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
    first = found.citations[0]  # a restored OCR passage shows its restored text here
    assert visible_text(panel.group(1)).split() == (first.display_text or first.text).split()


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
    c.restored = False  # the original-text path; restored text is escaped in test_restore_ingest
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


def _citation(source: str, page: int | None) -> Citation:
    return Citation(n=1, id="x", source=source, section=["II", "2"], section_title="", text="Nội dung.",
                    quote="", score=1.0, page=page, doc=DocInfo())  # fmt: skip


def test_citation_with_page_links_to_the_original_at_that_page():
    card = citation_html(_citation("uploads/kế hoạch 1.pdf", 3), "vi")
    href = "/api/originals/uploads/k%E1%BA%BF%20ho%E1%BA%A1ch%201.pdf#page=3"
    assert f'href="{href}"' in card
    assert "Xem bản gốc, trang 3" in card
    assert "trang 3" in visible_text(card)
    assert "\n\n" not in card
    english = citation_html(_citation("uploads/a.pdf", 3), "en")
    assert 'href="/api/originals/uploads/a.pdf#page=3"' in english
    assert "View the original, page 3" in english


def test_citation_without_page_links_to_non_text_originals_only():
    assert 'href="/api/originals/uploads/a.docx"' in citation_html(_citation("uploads/a.docx", None), "vi")
    assert "/api/originals/" not in citation_html(_citation("a.txt", None), "vi")
    assert "/api/originals/" not in citation_html(_citation("notes.MD", None), "vi")
    hostile = citation_html(_citation('uploads/"><script>x.pdf', 2), "vi")
    assert "<script>" not in hostile
    assert original_url('a"b.pdf', 2) == "/api/originals/a%22b.pdf#page=2"


def test_records_rows_link_to_their_passage(seed_service):
    from assistant.records_api import service_records

    targets, tasks = service_records(seed_service)[:2]
    assert passage_link({"section_label": "II.2.(3)", "chunk_id": "abc"}) == "[II.2.(3)](/api/chunks/abc)"
    assert passage_link({"section_label": "a[b]", "chunk_id": None}) == r"a\[b\]"
    for frame, rows in ((targets_frame(targets), targets), (tasks_frame(tasks), tasks)):
        assert list(frame.columns)[-1] == "Đoạn"
        assert len(frame) == len(rows) > 0
        assert all(re.fullmatch(r"\[.+\]\(/api/chunks/[0-9a-f]+\)", cell) for cell in frame["Đoạn"])


LIBRARY_QUESTION = "Bao nhiêu phần trăm trường tiểu học Ninh Bình có thư viện đạt chuẩn năm 2025?"


@pytest.fixture(scope="module")
def fresh_service(tmp_path_factory):
    """A service of its own (uploads change its index), over a fresh copy of the corpus."""
    from assistant.service import AssistantService

    service = AssistantService(make_settings(tmp_path_factory.mktemp("upload")), owner="pytest")
    try:
        service.ingest()
        yield service
    finally:
        service.close()


def test_upload_refused_when_no_key_configured(fresh_service, monkeypatch):
    monkeypatch.setattr(fresh_service.settings, "api_key", None)
    before = fresh_service.index.count()
    assert upload_document(fresh_service, "x.txt", NEW_DIRECTIVE.encode(), "test-key") == UPLOAD_DISABLED
    assert fresh_service.index.count() == before


def test_upload_refused_with_wrong_key(fresh_service):
    before = fresh_service.index.count()
    for key in ("bad", "", None, "mã sai"):
        assert upload_document(fresh_service, "x.txt", NEW_DIRECTIVE.encode(), key) == WRONG_KEY
    assert fresh_service.index.count() == before


def test_upload_refuses_too_large_and_unreadable_files(fresh_service, monkeypatch):
    before = fresh_service.index.count()
    documents = len(fresh_service.documents())
    for name, data in [("bad.pdf", b"not a pdf"), ("bad.docx", b"PK\x03\x04 not a zip"),
                       ("empty.txt", b""), ("x.exe", b"MZ...")]:  # fmt: skip
        message = upload_document(fresh_service, name, data, "test-key")
        assert message.startswith(f"Không nhận {name}: "), message
        assert len(message) > len(f"Không nhận {name}: ") + 3  # the reason is given
        assert "Traceback" not in message
    monkeypatch.setattr(fresh_service.settings, "max_upload_mb", 1)
    big = upload_document(fresh_service, "big.txt", b"a" * (2 * 1024 * 1024), "test-key")
    assert big == "Không nhận big.txt: tệp lớn hơn 1 MB"
    assert fresh_service.index.count() == before
    assert len(fresh_service.documents()) == documents
    uploads = fresh_service.settings.corpus_dir / "uploads"
    assert not uploads.exists() or not any(uploads.iterdir())


def test_good_upload_is_added_and_answerable(fresh_service):
    assert not fresh_service.ask(LIBRARY_QUESTION).answerable
    message = upload_document(fresh_service, "/tmp/gradio/abc/ninh-binh-thu-vien.txt",
                              NEW_DIRECTIVE.encode(), "test-key")  # fmt: skip
    match = re.fullmatch(r"Đã thêm (uploads/ninh-binh-thu-vien\.txt): (\d+) đoạn", message)
    assert match, message
    assert int(match.group(2)) >= 3
    answer = fresh_service.ask(LIBRARY_QUESTION)
    assert answer.answerable and "85%" in answer.answer
    assert answer.citations[0].source == match.group(1)
    # an identical copy; the name sorts after the first, so the first stays the preferred copy
    again = upload_document(fresh_service, "zz-ban-sao.txt", NEW_DIRECTIVE.encode(), "test-key")
    assert again.startswith("Đã thêm uploads/zz-ban-sao.txt: ")
    assert "bản sao của uploads/ninh-binh-thu-vien.txt" in again


def test_timeout_message_names_the_limit_in_the_question_language():
    vi = timeout_html(0.5, "vi")
    assert "Quá thời gian" in vi and "0.5 giây" in vi and "eduqa-notfound" in vi
    assert "No answer within 30 s" in timeout_html(30, "en")


def test_target_years_come_from_the_records(seed_service):
    targets = seed_service.records()[0]
    years = target_years(targets)
    assert years[0] == "" and years[1:] == sorted(years[1:], reverse=True)
    assert {str(t["year"]) for t in targets if t.get("year")} <= set(years)
    made_up = [{"year": None, "period": "2026-2028"}, {"year": 2031, "period": "2031"}]
    assert target_years(made_up) == ["", "2031", "2028", "2026"]
