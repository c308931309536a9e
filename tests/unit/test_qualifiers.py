"""The scope a question narrows by (public, private, boarding, higher education …) against the
passages of real development-corpus documents: a fee resolution for public schools does not
answer for private universities; a support resolution for private kindergartens does."""

from __future__ import annotations

from functools import lru_cache

import pytest

from assistant.copies import Passage, passage_from_payload
from assistant.qualifiers import asked_scopes, scope_missing, scopes_in
from assistant.query import analyse
from assistant.wording import not_found_text
from ingest.chunks import parse_document
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.unit


@lru_cache(maxsize=4)
def passages(name: str) -> tuple[Passage, ...]:
    path = DEVCORPUS / "directives" / name
    chunks = parse_document(path.name, path.read_text(encoding="utf-8")).chunks
    return tuple(passage_from_payload(c.id, 1.0, c.as_payload()) for c in chunks)


def holding(name: str, word: str) -> list[Passage]:
    """The document's passages whose text holds the word (what a search would rank first)."""
    found = [p for p in passages(name) if word in p.text.lower()]
    assert found, f"{name} has no passage with {word!r}"
    return found


def test_not_public_is_private_and_only_private():
    assert scopes_in("cơ sở giáo dục ngoài công lập") == {"private"}
    assert scopes_in("trường mầm non công lập và ngoài công lập") == {"public", "private"}
    assert scopes_in("trường tư thục ở khu công nghiệp") == {"private", "industrial"}


@pytest.mark.parametrize(
    ("question", "scopes"),
    [
        ("Học phí trường đại học tư thục ở Hà Nội là bao nhiêu?", {"private", "higher"}),
        ("hoc phi truong THPT cong lap o Ha Noi la bao nhieu", {"public"}),
        ("When does Hanoi's resolution on fees for private schools take effect?", {"private"}),
        ("Tiền ở của học sinh nội trú ở Hà Nội tối đa bao nhiêu?", {"boarding"}),
        ("Mức thu học phí ở Hà Nội là bao nhiêu?", set()),
    ],
)
def test_the_asked_scope_in_either_language(question, scopes):
    assert asked_scopes(analyse(question)) == scopes


def test_a_public_schools_fee_resolution_does_not_answer_for_private_universities():
    fees = holding("hanoi-nq60-2025.txt", "học phí")[:5]
    assert scope_missing(analyse("Mức thu học phí của trường đại học tư thục ở Hà Nội là bao nhiêu?"), fees)
    assert not scope_missing(analyse("Mức thu học phí của trường công lập ở Hà Nội là bao nhiêu?"), fees)
    assert not scope_missing(analyse("Mức thu học phí ở Hà Nội là bao nhiêu?"), fees)


def test_a_private_kindergarten_support_resolution_answers_for_private_kindergartens():
    support = holding("vinhlong-nq21-2025.txt", "hỗ trợ")[:5]
    question = "Giáo viên mầm non tư thục ở Vĩnh Long được hỗ trợ bao nhiêu mỗi tháng?"
    assert not scope_missing(analyse(question), support)
    assert not scope_missing(analyse("How much support do private kindergarten teachers get?"), support)


def test_the_refusal_says_why_in_the_question_language():
    assert "loại trường, vùng hoặc cấp" in not_found_text("vi", "scope", [])
    assert "schools, area or level" in not_found_text("en", "scope", [])
