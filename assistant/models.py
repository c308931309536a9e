"""Request and response shapes of the answer contract (DESIGN.md), shared by API, CLI and page."""

from __future__ import annotations

from pydantic import BaseModel, Field, field_validator

MAX_QUESTION_CHARS = 1000


class AskRequest(BaseModel):
    question: str = Field(..., min_length=1, max_length=MAX_QUESTION_CHARS)
    top_k: int = Field(5, ge=1, le=20)
    filters: dict[str, str] = Field(default_factory=dict)

    @field_validator("question")
    @classmethod
    def not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("question is empty")
        return value.strip()

    @field_validator("filters")
    @classmethod
    def known_filters(cls, value: dict[str, str]) -> dict[str, str]:
        from assistant.search import FILTER_KEYS

        unknown = set(value) - set(FILTER_KEYS)
        if unknown:
            raise ValueError(f"unknown filter keys {sorted(unknown)}; known: {sorted(FILTER_KEYS)}")
        return value


class DocInfo(BaseModel):
    title: str | None = None
    type: str | None = None
    number: str | None = None
    issuer: str | None = None
    province: str | None = None
    date: str | None = None
    signer: str | None = None
    display_title: str | None = None  # the restored title of an OCR document


class Citation(BaseModel):
    n: int
    id: str
    source: str
    section: list[str]
    section_title: str
    text: str
    quote: str = Field("", description="The sentence(s) of the passage that answer.")
    score: float
    page: int | None = None
    doc: DocInfo
    restored: bool = Field(False, description="OCR text: display_* fields hold the restored reading.")
    display_text: str | None = None
    display_section_title: str | None = None
    display_quote: str | None = None


class Retrieved(BaseModel):
    id: str
    source: str
    section: list[str]
    score: float


class Answer(BaseModel):
    question: str
    answer: str
    answerable: bool
    language: str
    retrieved: list[Retrieved]
    citations: list[Citation]
    timings_ms: dict[str, float]
    mode: str = Field("extractive", description="extractive, llm, or extractive-fallback")
