"""Facts of a named document answered from the development corpus's directives through the real
engine (BM25 only): the effective date is the sentence saying from when the resolution takes
effect — not the sentence of the same clause ending an older resolution, nor the clauses
repealing others; the recipients are each listed and counted. The questions are not the
benchmark's."""

from __future__ import annotations

import itertools

import pytest

from assistant.item_lists import MAX_SHOWN
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.integration


def _document(name: str) -> str:
    return (DEVCORPUS / "directives" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "question",
    ["Nghị quyết 60/2025 của Hà Nội có hiệu lực thi hành từ ngày nào?",
     "When does Hà Nội's resolution 60/2025 on school service fees take effect?"],
)  # fmt: skip
def test_the_effective_date_is_the_sentence_saying_from_when(directives_service, question):
    clause = " ".join(_document("hanoi-nq60-2025.txt").split("**Điều 4. Hiệu lực thi hành**")[1].split())
    assert "hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành" in clause  # the same clause
    answer = directives_service.ask(question)
    assert answer.answerable
    cited = answer.citations[0]
    assert cited.source.endswith("hanoi-nq60-2025.txt") and cited.section == ["Điều 4", "1"]
    assert "“Nghị quyết này có hiệu lực thi hành kể từ ngày 08 tháng 12 năm 2025.” [1]" in answer.answer
    assert "29 tháng 3 năm 2024" not in answer.answer  # the older resolution's own date


def test_the_effective_date_of_a_resolution_named_by_number_is_its_own_clause(directives_service):
    answer = directives_service.ask("Nghị quyết 22/2025/NQ-HĐND của Vĩnh Long có hiệu lực từ ngày nào?")
    assert answer.answerable
    assert answer.citations[0].section == ["Điều 4", "4"]
    assert "từ ngày 01 tháng 01 năm 2026" in answer.answer.split("[1]")[0]
    assert "Bãi bỏ" not in answer.answer.split("\n")[0]


def test_the_recipients_are_listed_and_counted(directives_service):
    after = _document("hanoi-nq60-2025.txt").split("Nơi nhận:")[1].lstrip("*\n").split("\n")
    written = list(itertools.takewhile(lambda line: line.startswith("- "), after))  # one a line
    assert len(written) > MAX_SHOWN  # more than an answer shows
    answer = directives_service.ask("Nghị quyết 60/2025 của Hà Nội được gửi tới những nơi nào?")
    assert answer.answerable and answer.citations[0].source.endswith("hanoi-nq60-2025.txt")
    lines = answer.answer.split("\n")
    assert lines[0] == f"Có {len(written)} mục [1]:"
    assert "- Ủy ban Thường vụ Quốc hội;" in lines and "- Chính phủ;" in lines
    assert f"… (và {len(written) - MAX_SHOWN} mục khác)” [1]" in answer.answer
