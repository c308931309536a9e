"""Request and response shapes of the answer contract (DESIGN.md), shared by API, CLI and page."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.filters import YEAR_PATTERN

MAX_QUESTION_CHARS = 1000
MAX_FILTER_CHARS = 300
NOT_BLANK = r"\S"  # at least one character that is not a space


class Filters(BaseModel):
    """Restrict the passages searched; values are matched with or without accents."""

    model_config = ConfigDict(extra="forbid")
    source: str | None = Field(
        None, max_length=MAX_FILTER_CHARS, description="Document id (path under corpus/)"
    )
    document: str | None = Field(None, max_length=MAX_FILTER_CHARS, description="Same as source")
    province: str | None = Field(
        None, max_length=MAX_FILTER_CHARS, description="e.g. Cà Mau or Ca Mau (accents optional)"
    )
    type: str | None = Field(None, max_length=MAX_FILTER_CHARS, description="e.g. Kế hoạch, Thông báo")
    year: str | None = Field(None, pattern=YEAR_PATTERN, description="Year of the document, e.g. 2024")

    @model_validator(mode="before")
    @classmethod
    def known_keys(cls, value: Any) -> Any:
        if isinstance(value, dict) and (unknown := set(value) - set(cls.model_fields)):
            raise ValueError(f"unknown filter keys {sorted(unknown)}; known: {sorted(cls.model_fields)}")
        return value

    def values(self) -> dict[str, str]:
        return {k: v for k, v in self.model_dump().items() if v is not None and v.strip()}


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a mistyped key ('topk', 'filter') is a 422, not ignored
    question: str = Field(..., min_length=1, max_length=MAX_QUESTION_CHARS,
                          json_schema_extra={"pattern": NOT_BLANK})  # fmt: skip
    top_k: int = Field(5, ge=1, le=20)
    filters: Filters = Field(default_factory=Filters)

    @field_validator("question")
    @classmethod
    def not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("question is empty")
        return value.strip()


class ValidationIssue(BaseModel):
    type: str
    loc: list[str | int]
    msg: str
    input: Any = None


class ValidationErrorBody(BaseModel):
    """A request that does not fit its schema: one entry per problem (FastAPI's shape)."""

    detail: list[ValidationIssue]
    request_id: str | None = None


class ErrorBody(BaseModel):
    """Any other error: what went wrong, and the request id the server log also has."""

    detail: str
    request_id: str | None = None


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
