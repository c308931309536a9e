"""The one façade the API, the CLI, the chat page and the benchmark call: ask, search, documents
(what is indexed is read in assistant/listings.py).

It owns the clients (Qdrant, embedding model, reranker, LLM); they are built once per process.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from assistant.answer import decide
from assistant.answer_contract import assemble
from assistant.constraints import CorpusProfile
from assistant.fusion_weights import weights_for
from assistant.listings import (
    DocumentNotFound,
    chunk_payload,
    document_view,
    indexed_chunks,
    indexed_documents,
)
from assistant.llm import make_llm
from assistant.models import Answer
from assistant.named_units import named_first
from assistant.query import analyse
from assistant.records import service_records
from assistant.records_store import RecordStore
from assistant.refusal import load_model
from assistant.search import Passage, idf_table, load_reranker, search
from assistant.settings import Settings
from ingest.embedding import load_embedder
from ingest.index import open_index
from ingest.journal import remove_orphaned_staging, repair_interrupted_write
from ingest.pipeline import IngestSummary, ingest, load_state, parse_store
from ingest.read import read_document

log = logging.getLogger(__name__)


class AssistantService:
    def __init__(self, settings: Settings, *, owner: str = "eduqa", load_models: bool = True):
        self.settings = settings
        self.index = open_index(settings.qdrant_path, settings.collection, settings.qdrant_url,
                                settings.qdrant_api_key, owner=owner)  # fmt: skip
        self.embedder = (
            load_embedder(settings.embedding_model, settings.device,
                          settings.embedding_query_prefix, settings.embedding_passage_prefix,
                          threads=settings.embedding_threads, batch_size=settings.embedding_batch_size,
                          cache_path=settings.vector_cache_path)
            if load_models else None
        )  # fmt: skip
        self.reranker = load_reranker(settings.reranker_model, settings.device) if load_models else None
        self.fusion = weights_for(settings.fusion_dense_weights)
        self.llm = make_llm(settings.llm_base_url, settings.llm_model, settings.llm_api_key,
                            settings.llm_timeout_s)  # fmt: skip
        # One writer at a time (ingest, upload, delete); questions and listings take no lock: the
        # index swaps a changed document's points in place and the state is replaced whole.
        self.lock = threading.RLock()
        self.record_store = RecordStore(settings.data_dir / "records.json")
        self.read_file = read_document  # how a file becomes text (the tests count its calls)
        repair_interrupted_write(self.index, settings.state_path)  # a write cut by a crash: undone
        remove_orphaned_staging(settings.corpus_dir)
        self.reload_state()

    # -- document in -------------------------------------------------------------------------
    def ingest(self, only: list[Path] | None = None, progress=None) -> IngestSummary:
        with self.lock:
            summary = ingest(
                self.settings.corpus_dir, self.index, self.settings.state_path, self.embedder,
                self.settings.embedding_max_tokens, progress=progress, only=only, read=self.read_file,
            )  # fmt: skip
            files = load_state(self.settings.state_path).get("files", {})
            hashes = {s: files[s]["hash"] for s in summary.parsed if s in files}
            self.record_store.update(summary.parsed, summary.removed, hashes)
            self.reload_state()
            return summary

    def is_stale(self) -> bool:
        """True when the index is empty, the embedding model changed, or ingest would read a file
        again: one added, removed or changed, or parsed by another version of the reader."""
        from ingest.corpus_read import changed_files, nothing_to_do
        from ingest.corpus_state import corpus_files

        if not self.index.exists() or self.index.count() == 0:
            return True
        if self.state.get("embedding_model") != (self.embedder.name if self.embedder else None):
            return True
        files = corpus_files(self.settings.corpus_dir)
        sources = {p.relative_to(self.settings.corpus_dir).as_posix(): p for p in files}
        hashes, changed = changed_files(sources, self.state)
        return not nothing_to_do(self.state, set(sources), changed, hashes)

    def add_document(self, filename: str, data: bytes, replace: bool = False) -> dict:
        """Store an upload in the corpus and index it; refuse (changing nothing) what won't parse,
        and a name already in the corpus unless `replace`."""
        from assistant.uploads import store_upload

        return store_upload(self, filename, data, replace)

    def delete_document(self, source: str) -> None:
        with self.lock:
            path = self.settings.corpus_dir / source
            if source not in self.state.get("files", {}) or not path.resolve().is_relative_to(
                self.settings.corpus_dir.resolve()
            ):
                raise DocumentNotFound(source)
            path.unlink(missing_ok=True)
            from ingest.read import sidecar_path

            sidecar_path(path).unlink(missing_ok=True)
            self.ingest()

    def original_path(self, source: str) -> Path:
        """The file under the corpus folder for an indexed document (never outside it)."""
        corpus = self.settings.corpus_dir.resolve()
        path = (corpus / source).resolve()
        if source not in self.state.get("files", {}) or not path.is_relative_to(corpus) or not path.is_file():
            raise DocumentNotFound(source)
        return path

    # -- question in -------------------------------------------------------------------------
    def search(self, question: str, top_k: int = 20, filters: dict | None = None,
               mode: str = "hybrid") -> list[Passage]:  # fmt: skip
        analysis = analyse(question, self.profile)
        return search(self.index, analysis, embedder=self.embedder, reranker=self.reranker,
                      filters=filters, limit=max(top_k, 1), idf=self.idf, mode=mode,
                      weights=self.fusion)  # fmt: skip

    def ask(self, question: str, top_k: int = 5, filters: dict | None = None,
            mode: str = "hybrid", use_llm: bool = True) -> Answer:  # fmt: skip
        started = time.perf_counter()
        analysis = analyse(question, self.profile)
        passages = search(self.index, analysis, embedder=self.embedder, reranker=self.reranker,
                          filters=filters, limit=20, idf=self.idf, mode=mode,
                          weights=self.fusion)  # fmt: skip
        passages = named_first(analysis, passages)  # a school asked: the items naming it first
        timings = {"search": _ms(started)}
        decision = decide(analysis, passages[: max(top_k, 3)], self.profile, self.idf,
                          load_model(), self.settings.abstain_threshold)  # fmt: skip
        step = time.perf_counter()
        answer = assemble(question, analysis, passages, decision, service_records(self), top_k=top_k,
                          llm=self.llm if use_llm else None, timings=timings)  # fmt: skip
        answer.timings_ms.update(answer=_ms(step), total=_ms(started))  # the model holds its own copy
        return answer

    # -- what is indexed (assistant/listings.py) ------------------------------------------------
    def documents(self) -> list[dict]:
        return indexed_documents(self.index)

    def chunks(self, source: str | None = None) -> list[dict]:
        return indexed_chunks(self.index, source)

    def document(self, source: str) -> dict:
        return document_view(self.index, source)

    def chunk(self, chunk_id: str) -> dict:
        return chunk_payload(self.index, chunk_id)

    def status(self) -> dict:
        exists = self.index.exists()
        count = self.index.count() if exists else 0
        files = self.state.get("files", {})
        return {"index": exists and count > 0, "dense": self.embedder is not None,
                "embedding_model": self.embedder.name if self.embedder else None,
                "reranker": self.reranker is not None, "llm": self.llm is not None,
                "documents": len(files), "chunks": count,
                "qdrant": self.settings.qdrant_url or str(self.settings.qdrant_path)}  # fmt: skip

    def records(self) -> tuple[list[dict], list[dict]]:
        """(targets, tasks) of the indexed documents, made when each document was indexed."""
        return self.record_store.tables(self.state.get("files", {}))

    def _chunks_of(self, sources: list[str]) -> dict[str, list[dict]]:
        """Chunk payloads of these documents: from the kept parses, else from the index."""
        store = parse_store(self.settings.state_path, self.settings.embedding_max_tokens)
        out: dict[str, list[dict]] = {}
        for source in sources:
            kept = store.load(self.state["files"][source].get("hash", ""), source)
            out[source] = [c.as_payload() for c in kept.chunks] if kept else self.chunks(source)
        return out

    def reload_state(self) -> None:
        state = load_state(self.settings.state_path)  # built whole, then swapped in for readers
        idf = idf_table(state.get("df", {}), state.get("n_chunks", 1))
        profile = CorpusProfile.from_state(state)
        self.state, self.idf, self.profile, self.provinces = state, idf, profile, set(profile.provinces)
        with self.lock:
            self.record_store.sync(state.get("files", {}), self._chunks_of)

    def close(self) -> None:
        with self.lock:
            self.index.close()


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)
