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
    issuer_level: str | None = Field(None, description="national, province, district or commune")
    issuer_role: str | None = Field(None, description="Who enacts it, e.g. Chủ tịch Ủy ban nhân dân tỉnh …")
    province: str | None = None
    place: str | None = None
    date: str | None = Field(None, description="ISO YYYY-MM-DD, YYYY-MM or YYYY: what the header states")
    signer: str | None = None
    signer_role: str | None = Field(None, description="As signed, e.g. KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
    school_year: str | None = Field(None, description="YYYY-YYYY where the document names one")


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
