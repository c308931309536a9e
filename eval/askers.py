"""How the benchmark asks: one callable per configuration, in-process or over HTTP, plus the
chunk listing that gold quotes are resolved against and the naive-chunk baseline."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from rich.console import Console

from eval.gold import resolve_gold
from eval.sets import get_set, settings_for

SEARCH_MODES = {"bm25": "bm25", "dense": "dense", "hybrid": "hybrid", "hybrid+rerank": "hybrid"}


class Askers:
    """`askers[name](question) -> answer dict`; `skipped[name]` says why one cannot run."""

    def __init__(
        self, settings, set_name, wanted, url=None, console=None, service=None, corpus=None, reindex=False
    ):
        self.settings, self.set_name, self.wanted, self.url = settings, set_name, wanted, url
        self.console = console or Console(stderr=True)
        self.service, self.corpus = service, corpus
        self.askers: dict[str, Callable[[str], dict]] = {}
        self.skipped: dict[str, str] = {}
        self.meta: dict = {"set": set_name}
        self._own_service = False
        self._reindex = reindex
        self._http = None

    def __enter__(self) -> Askers:
        if self.url:
            self._open_http()
        else:
            self._open_service()
        if "naive-chunks" in self.wanted and get_set(self.set_name).corpus is not None:
            self.skipped["naive-chunks"] = "it compares section keys; this set's gold is quotes"
        return self

    def __exit__(self, *exc) -> None:
        if self._own_service and self.service is not None:
            self.service.close()
        if self._http is not None:
            self._http.close()

    def _open_http(self) -> None:
        import httpx

        self._http = httpx.Client(base_url=self.url.rstrip("/"), timeout=120)
        for name in self.wanted:
            if name == "hybrid":
                self.askers[name] = self._http_ask
            elif name != "naive-chunks":
                self.skipped[name] = "the HTTP API does not select a search mode; only 'hybrid' runs"
        self.meta["corpus_dir"] = "(the server's)"

    def _open_service(self) -> None:
        if self.service is None and any(n != "naive-chunks" for n in self.wanted):
            from assistant.service import AssistantService

            settings, root = settings_for(self.set_name, self.settings, self.corpus)
            self.service = AssistantService(settings, owner="eduqa eval")
            self._own_service = True
            self._ingest(root)
        for name in self.wanted:
            if name == "dense" and self.service.embedder is None:
                self.skipped[name] = "no dense model loaded"
            elif name == "hybrid+rerank" and self.service.reranker is None:
                self.skipped[name] = "no reranker loaded"
            elif name in SEARCH_MODES:
                self.askers[name] = _service_asker(self.service, name)
        if self.service is not None:
            self.meta["corpus_dir"] = str(self.service.settings.corpus_dir)
            self.meta["status"] = self.service.status()

    def _ingest(self, root: Path | None) -> None:
        if root is None:
            if self.service.is_stale():
                self.console.print("Index empty or stale: ingesting the corpus …")
                self.service.ingest()
            return
        from eval.setcorpus import prepare_index

        left_out = prepare_index(self.service, root, self.console, reindex=self._reindex)
        self.meta["source_corpus"] = str(root)
        self.meta["left_out"] = left_out
        for source, why in left_out.items():
            self.console.print(f"[yellow]left out (the reader fails on it):[/yellow] {source}: {why}")

    def _http_ask(self, question: str) -> dict:
        response = self._http.post("/api/ask", json={"question": question, "top_k": 5})
        response.raise_for_status()
        return response.json()

    # -- gold ------------------------------------------------------------------------------------
    def resolve_gold(self, questions: list[dict]) -> dict[str, list[str]]:
        """Chunk ids holding each quoted gold passage (questions whose gold has quotes only)."""
        quoted = [q for q in questions if q.get("gold") and all("quote" in g for g in q["gold"])]
        if not quoted:
            return {}
        chunks_of = lru_cache(maxsize=None)(self._http_chunks if self._http else self._service_chunks)
        gold = {q["id"]: resolve_gold(q["gold"], chunks_of) for q in quoted}
        unresolved = sorted(q for q, keys in gold.items() if any(k.startswith("unresolved:") for k in keys))
        self.meta["gold_unresolved"] = unresolved
        return gold

    def _service_chunks(self, source: str) -> list[dict]:
        keys = ("text", "display_text")
        return [{"id": c["id"]} | {k: c.get(k) or "" for k in keys} for c in self.service.chunks(source)]

    def _http_chunks(self, source: str) -> list[dict]:
        response = self._http.get(f"/api/documents/{source}")
        if response.status_code == 404:
            return []
        response.raise_for_status()
        ids = _chunk_ids(response.json().get("sections", []))
        return [self._http.get(f"/api/chunks/{cid}").json() | {"id": cid} for cid in ids]

    # -- naive baseline --------------------------------------------------------------------------
    def run_naive(self, questions: list[dict], bar) -> dict:
        from eval.naive import NaiveIndex
        from eval.outcomes import naive_record

        task = bar.add_task("naive-chunks", total=len(questions))
        naive = NaiveIndex(self.settings.corpus_dir, self.settings.embedding_max_tokens)
        try:
            records = []
            for q in questions:
                started = time.perf_counter()
                passages = naive.search(q["question"])
                latency = round((time.perf_counter() - started) * 1000, 1)
                records.append(naive_record(q, passages, latency, self.set_name))
                bar.advance(task)
            return {"records": records, "retrieval_only": True, "chunks": naive.n_chunks}
        finally:
            naive.close()


def _chunk_ids(sections: list[dict]) -> list[str]:
    ids = []
    for node in sections:
        ids.extend(node.get("chunks", []))
        ids.extend(_chunk_ids(node.get("children", [])))
    return list(dict.fromkeys(ids))


def _service_asker(service, name: str) -> Callable[[str], dict]:
    mode = SEARCH_MODES[name]
    rerank = name == "hybrid+rerank"

    def ask(question: str) -> dict:
        saved = service.reranker
        if not rerank:
            service.reranker = None
        try:
            return service.ask(question, top_k=5, mode=mode, use_llm=True).model_dump()
        finally:
            service.reranker = saved

    return ask
