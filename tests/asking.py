"""Asking a real service in a test: the answer of a question the documents answer, or the refusal
of one they do not, each asserted before the test looks further."""

from __future__ import annotations

from assistant.models import Answer


def answered(service, question: str) -> str:
    """The answer text; the question must be answered, not refused."""
    answer = service.ask(question)
    assert answer.answerable, answer.answer
    return answer.answer


def refused(service, question: str) -> Answer:
    """The refusal; the question must be refused, not answered."""
    answer = service.ask(question)
    assert not answer.answerable, answer.answer
    return answer


def lead(text: str) -> str:
    """An answer's first line: the direct answer."""
    return text.split("\n")[0]
