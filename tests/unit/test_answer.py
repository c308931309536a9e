"""Answer shape on the seed corpus: the direct answer first with its [n], a verified record
before the quote, other items only when they add, refusals in the question's language."""

from __future__ import annotations

import pytest

from assistant.answer import compose, decide, lead_first
from assistant.figures import is_unit_name, target_verified
from assistant.query import analyse
from assistant.records import service_records
from assistant.refusal import load_model
from assistant.wording import display_date, document_label
from tests.conftest import PLAN

pytestmark = pytest.mark.unit


def _answer(service, question):
    analysis = analyse(question, service.profile)
    passages = service.search(question, 20)
    decision = decide(analysis, passages[:5], service.profile, service.idf, load_model(),
                      service.settings.abstain_threshold)  # fmt: skip
    targets, tasks = service_records(service)
    decision = lead_first(analysis, decision, targets)
    return decision, compose(analysis, decision, targets, tasks)


def test_direct_answer_leads_with_the_figure(seed_service):
    decision, composed = _answer(seed_service, "chỉ tiêu năm 2025 cho trung học là gì?")
    assert decision.answerable and decision.passages[0].source == PLAN
    assert decision.passages[0].section == ["II", "2", "(3)"]
    first = composed.text.split("\n")[0]
    assert first.startswith("98,5") and first.endswith("[1]")


def test_refusal_in_the_question_language_lists_related_only(seed_service):
    decision, composed = _answer(seed_service, "What is the 2031 target for national standard schools?")
    assert not decision.answerable and decision.reason == "year:2031"
    assert composed.text.startswith("The documents do not say. No passage gives this for 2031.")
    assert "related, not an answer" in composed.text
    decision, composed = _answer(seed_service, "chỉ tiêu của tỉnh Sông Mây năm 2025?")
    assert decision.reason == "province:Sông Mây"
    assert composed.text.startswith("Không tìm thấy") and "Sông Mây" in composed.text


def test_records_are_stated_only_when_verified(seed_service):
    targets, _ = service_records(seed_service)
    verified = [t for t in targets if target_verified(t)]
    assert verified and len(verified) < len(targets)  # some extractions are not stated
    assert all(t["value"].split()[0] in t["quote"] for t in verified)
    assert is_unit_name("Phòng GDPT") and is_unit_name("Văn phòng Sở")
    assert not is_unit_name("Tham mưu xây dựng kế hoạch duy trì kết quả phổ cập giáo dục năm 2024")
    assert not is_unit_name("10 học sinh")


def test_one_date_format_and_document_label():
    assert display_date("2023-12-15") == "15/12/2023" and display_date("2023-09") == "09/2023"
    doc = {"type": "Kế hoạch", "number": "12/KH-SGDĐT", "issuer": "Sở GDĐT", "province": "Lạc Long",
           "date": "2025-01-02"}  # fmt: skip
    assert document_label(doc) == "Kế hoạch số 12/KH-SGDĐT của Sở GDĐT Lạc Long, ngày 02/01/2025"
    assert document_label(doc, "en") == "the plan No. 12/KH-SGDĐT (Sở GDĐT Lạc Long) of 02/01/2025"


def test_a_document_whose_header_names_no_issuer_is_not_credited_to_one():
    from dataclasses import asdict

    from ingest.chunks import parse_document
    from tests.conftest import DEVCORPUS

    source = "distractors/17809_BTC-CTK__2d737276bf416017.txt"  # a ministry letter saved headless
    meta = asdict(parse_document(source, (DEVCORPUS / source).read_text(encoding="utf-8")).meta)
    assert meta["issuer"] is None and meta["type"] == "Công văn"
    assert document_label(meta) == "Công văn" + (
        f", ngày {display_date(meta['date'])}" if meta["date"] else ""
    )
    assert "Department" not in document_label(meta, "en") and "Sở" not in document_label(meta)
    assert document_label({**meta, "province": "Lạc Long"}).startswith("Công văn của Lạc Long")


def test_question_about_the_document_answers_from_its_header(seed_service):
    answer = seed_service.ask("Who signed the Bac Giang 2023-2024 key tasks plan?")
    first = answer.answer.split("\n")[0]
    assert first == f"Signed by: {answer.citations[0].doc.signer} [1]"
    assert answer.citations[0].doc.province == "Bắc Giang"
