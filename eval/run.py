"""Run the benchmark question set through the same code path as the API and score it.

In-process (AssistantService.ask) by default, or over HTTP (POST {url}/api/ask) with `url`.
Configurations, side by side: bm25, dense (when a dense model is loaded), hybrid,
hybrid+rerank (when a reranker is loaded) and naive-chunks, a baseline of fixed-size chunks
(llama-index SentenceSplitter, 256 tokens, 32 overlap) searched by the same BM25 path, whose
chunks are mapped to the numbered task they overlap most so their keys compare.
"""

from __future__ import annotations

import bisect
import json
import logging
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eval.metrics import item_key, ranked_keys, summarise

log = logging.getLogger(__name__)
QUESTIONS = Path(__file__).with_name("questions.jsonl")
ALL_CONFIGS = ("bm25", "dense", "hybrid", "hybrid+rerank", "naive-chunks")
DEFAULT_CONFIGS = ALL_CONFIGS
NAIVE_CHUNK_SIZE = 256
NAIVE_OVERLAP = 32
BREAKDOWNS = ("lang", "kind")

warnings.filterwarnings("ignore", message=".*unsafe cast.*")


@dataclass
class EvalResult:
    split: str
    questions: list[dict]
    configs: dict[str, dict] = field(default_factory=dict)  # name -> {"summary", "records", ...}
    skipped: dict[str, str] = field(default_factory=dict)  # name -> reason
    meta: dict = field(default_factory=dict)

    def summary(self) -> dict:
        return {
            "configs": {n: c["summary"] for n, c in self.configs.items()},
            "split": self.split,
            "n_questions": len(self.questions),
            "skipped": self.skipped,
            "meta": self.meta,
        }


def load_questions(split: str = "test", limit: int | None = None, path: Path = QUESTIONS) -> list[dict]:
    if split not in ("dev", "test", "all"):
        raise ValueError(f"split must be dev, test or all, not {split!r}")
    questions = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if split != "all":
        questions = [q for q in questions if q.get("split") == split]
    return questions[:limit] if limit else questions


def _record(q: dict) -> dict:
    return {k: q.get(k) for k in ("id", "question", "lang", "kind", "gold", "must_contain", "answer")} | {
        "expected_answer": q.get("answer"),
        "answer": "",
    }


def answer_record(q: dict, answer: dict) -> dict:
    """One question's outcome from an answer (the API contract as a dict)."""
    rec = _record(q)
    rec.update(
        retrieved=ranked_keys(answer.get("retrieved", [])),
        retrieved_ids=[r.get("id") for r in answer.get("retrieved", [])],
        citations=[item_key(c) for c in answer.get("citations", [])],
        answer=answer.get("answer", ""),
        answerable=bool(answer.get("answerable")),
        latency_ms=(answer.get("timings_ms") or {}).get("total"),
    )
    return rec


# -- the naive fixed-size chunk baseline ------------------------------------------------------
class NaiveIndex:
    """Fixed-size chunks of the corpus in their own embedded Qdrant collection, in a temp dir."""

    def __init__(
        self,
        corpus_dir: Path,
        max_tokens: int = 480,
        chunk_size: int = NAIVE_CHUNK_SIZE,
        overlap: int = NAIVE_OVERLAP,
    ):
        from llama_index.core import Document
        from llama_index.core.node_parser import SentenceSplitter
        from qdrant_client import QdrantClient

        from ingest.bm25 import average_length, doc_vector
        from ingest.dedupe import find_duplicates
        from ingest.index import SPARSE
        from ingest.index.server import ClientIndex
        from ingest.pipeline import corpus_files, parse_file
        from ingest.read import UnreadableDocument

        self._tmp = tempfile.TemporaryDirectory(prefix="eduqa-naive-")
        self.client = QdrantClient(path=str(Path(self._tmp.name) / "qdrant"))
        self.index = ClientIndex(self.client, "naive_chunks")
        self.index.create(None)
        parsed = {}
        for path in corpus_files(corpus_dir):
            try:
                parsed[path.relative_to(corpus_dir).as_posix()] = parse_file(path, corpus_dir, max_tokens)
            except UnreadableDocument:
                continue
        duplicates = find_duplicates({s: d.text for s, d in parsed.items()})
        sections = {s: {tuple(c.section) for c in d.chunks} for s, d in parsed.items()}
        splitter = SentenceSplitter(chunk_size=chunk_size, chunk_overlap=overlap)
        pieces: list[tuple[str, list[str], str, dict]] = []
        for source, doc in parsed.items():
            nodes = splitter.get_nodes_from_documents([Document(text=doc.text)])
            for node in nodes:
                section = map_to_task(
                    doc.text, doc.chunks, node.get_content(), node.start_char_idx, node.end_char_idx
                )
                clean = duplicates.get(source)
                shown = source
                if clean and tuple(section) in sections.get(clean, set()):
                    shown = clean  # as search shows an OCR copy's passage as the clean copy's
                pieces.append((shown, section, node.get_content(), doc.chunks[0].doc if doc.chunks else {}))
        avgdl = average_length([p[2] for p in pieces])
        points = []
        for n, (source, section, text, doc_meta) in enumerate(pieces):
            indices, values = doc_vector(text, avgdl)
            payload = {
                "id": f"naive:{n}",
                "source": source,
                "section": section,
                "section_title": "",
                "text": text,
                "index_text": text,
                "doc": doc_meta,
                "part": n,
                "heading_path": "",
            }
            points.append((f"naive:{n}", {SPARSE: (indices, values)}, payload))
        for start in range(0, len(points), 256):
            self.index.upsert(points[start : start + 256])
        self.n_chunks = len(points)
        self.n_tasks = sum(len(d.chunks) for d in parsed.values())

    def search(self, question: str, limit: int = 20):
        from assistant.query import analyse
        from assistant.search import search

        return search(self.index, analyse(question), limit=limit, mode="bm25")

    def close(self) -> None:
        self.client.close()
        self._tmp.cleanup()


def map_to_task(text: str, chunks: list, piece: str, start: int | None, end: int | None) -> list[str]:
    """Section of the numbered-task chunk a fixed-size piece overlaps most: by text position
    (each line owned by the most specific task that holds it), else by shared words."""
    owners = _line_owners(text, chunks)
    if start is not None and end is not None and owners:
        line_starts, owner_of = owners
        counts: Counter = Counter()
        first = max(bisect.bisect_right(line_starts, start) - 1, 0)
        for i in range(first, len(line_starts)):
            ls = line_starts[i]
            if ls >= end:
                break
            le = line_starts[i + 1] if i + 1 < len(line_starts) else len(text)
            overlap = min(le, end) - max(ls, start)
            if overlap > 0 and owner_of[i] is not None:
                counts[owner_of[i]] += overlap
        if counts:
            return list(counts.most_common(1)[0][0])
    return _by_words(chunks, piece)


_owner_cache: dict[int, tuple] = {}


def _line_owners(text: str, chunks: list):
    key = id(chunks)
    cached = _owner_cache.get(key)
    if cached is not None and cached[0] is text:
        return cached[1]
    line_starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            line_starts.append(i + 1)
    owner_of: list = [None] * len(line_starts)
    span_len: list = [None] * len(line_starts)
    cursor = 0
    for c in chunks:
        raw = (c.raw_text or "").strip("\n")
        if not raw:
            continue
        pos = text.find(raw, cursor)
        if pos < 0:
            pos = text.find(raw)
        if pos < 0:
            continue
        cursor = pos
        a = bisect.bisect_right(line_starts, pos) - 1
        b = bisect.bisect_right(line_starts, pos + len(raw) - 1) - 1
        for i in range(a, b + 1):
            if span_len[i] is None or len(raw) < span_len[i]:
                owner_of[i], span_len[i] = tuple(c.section), len(raw)
    result = (line_starts, owner_of) if any(o is not None for o in owner_of) else None
    _owner_cache[key] = (text, result)
    return result


def _by_words(chunks: list, piece: str) -> list[str]:
    from ingest.text import word_tokens

    words = Counter(word_tokens(piece))
    best, best_score = [], -1
    for c in chunks:
        score = sum((words & Counter(word_tokens(c.text))).values())
        if score > best_score:
            best, best_score = list(c.section), score
    return best


# -- running ----------------------------------------------------------------------------------
def _progress(console: Console | None) -> Progress:
    return Progress(
        TextColumn("{task.description:<16}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console or Console(stderr=True),
        transient=False,
    )


def run_eval(
    settings,
    split: str = "test",
    limit: int | None = None,
    url: str | None = None,
    configs: list[str] | None = None,
    console: Console | None = None,
    service=None,
    questions: list[dict] | None = None,
) -> EvalResult:
    """Ask every question under every wanted configuration and score them."""
    wanted = list(configs or DEFAULT_CONFIGS)
    unknown = set(wanted) - set(ALL_CONFIGS)
    if unknown:
        raise ValueError(f"unknown configurations {sorted(unknown)}; known: {list(ALL_CONFIGS)}")
    questions = questions if questions is not None else load_questions(split, limit)
    result = EvalResult(
        split=split,
        questions=questions,
        meta={
            "url": url,
            "started": time.strftime("%Y-%m-%d %H:%M:%S"),
            "corpus_dir": str(settings.corpus_dir),
        },
    )
    own_service = False
    askers: dict[str, Callable[[str], dict]] = {}
    if url:
        import httpx

        http = httpx.Client(base_url=url.rstrip("/"), timeout=120)
        for name in wanted:
            if name == "hybrid":
                askers[name] = lambda q: _http_ask(http, q)
            elif name != "naive-chunks":
                result.skipped[name] = "the HTTP API does not select a search mode; only 'hybrid' runs"
    else:
        if service is None and any(n != "naive-chunks" for n in wanted):
            from assistant.service import AssistantService

            service = AssistantService(settings, owner="eduqa eval")
            own_service = True
            if service.is_stale():
                (console or Console(stderr=True)).print("Index empty or stale: ingesting the corpus …")
                service.ingest()
        for name in wanted:
            if name == "dense" and service.embedder is None:
                result.skipped[name] = "no dense model loaded"
            elif name == "hybrid+rerank" and service.reranker is None:
                result.skipped[name] = "no reranker loaded"
            elif name in ("bm25", "dense", "hybrid", "hybrid+rerank"):
                askers[name] = _service_asker(service, name)
        if service is not None:
            result.meta["status"] = service.status()
    try:
        with _progress(console) as bar:
            for name, ask in askers.items():
                task = bar.add_task(name, total=len(questions))
                records = []
                for q in questions:
                    records.append(answer_record(q, ask(q["question"])))
                    bar.advance(task)
                result.configs[name] = {"records": records}
            if "naive-chunks" in wanted:
                task = bar.add_task("naive-chunks", total=len(questions))
                naive = NaiveIndex(settings.corpus_dir, settings.embedding_max_tokens)
                try:
                    records = []
                    for q in questions:
                        started = time.perf_counter()
                        passages = naive.search(q["question"])
                        rec = _record(q) | {
                            "retrieved": ranked_keys(passages),
                            "retrieved_ids": [p.id for p in passages],
                            "citations": [],
                            "answerable": True,
                            "latency_ms": round((time.perf_counter() - started) * 1000, 1),
                        }
                        records.append(rec)
                        bar.advance(task)
                    result.configs["naive-chunks"] = {
                        "records": records,
                        "retrieval_only": True,
                        "chunks": naive.n_chunks,
                    }
                finally:
                    naive.close()
    finally:
        if own_service:
            service.close()
        if url:
            http.close()
    order = [n for n in ALL_CONFIGS if n in result.configs]
    result.configs = {n: result.configs[n] for n in order}
    for entry in result.configs.values():
        only = entry.get("retrieval_only", False)
        entry["summary"] = summarise(entry["records"], retrieval_only=only)
        entry["by"] = {
            dim: {
                value: summarise([r for r in entry["records"] if r[dim] == value], only)
                for value in sorted({r[dim] for r in entry["records"]})
            }
            for dim in BREAKDOWNS
        }
    return result


def _service_asker(service, name: str) -> Callable[[str], dict]:
    mode = {"bm25": "bm25", "dense": "dense", "hybrid": "hybrid", "hybrid+rerank": "hybrid"}[name]
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


def _http_ask(http, question: str) -> dict:
    response = http.post("/api/ask", json={"question": question, "top_k": 5})
    response.raise_for_status()
    return response.json()


def worst_failures(result: EvalResult, config: str | None = None, n: int = 10) -> list[dict]:
    """The questions the chosen configuration did worst on: gold not retrieved (by MRR), wrong
    answers, then false answers to unanswerable questions."""
    if not result.configs:
        return []
    config = config or next(
        (c for c in ("hybrid+rerank", "hybrid", "bm25") if c in result.configs), next(iter(result.configs))
    )
    rows = []
    for r in result.configs[config]["records"]:
        s = r.get("scores", {})
        if r["kind"] == "unanswerable":
            if r["answerable"]:
                rows.append((1.5, r))
            continue
        mrr = s.get("mrr@10", 0.0)
        wrong = s.get("answer_correct", 1.0) < 1.0
        badness = mrr + (0.0 if wrong else 1.0)
        if badness < 2.0:
            rows.append((badness, r))
    rows.sort(key=lambda x: x[0])
    return [
        {
            "config": config,
            "id": r["id"],
            "question": r["question"],
            "kind": r["kind"],
            "lang": r["lang"],
            "gold": [item_key(g) for g in r["gold"]],
            "first_retrieved": (r["retrieved"] or [None])[0],
            "mrr@10": r.get("scores", {}).get("mrr@10"),
            "answer_correct": r.get("scores", {}).get("answer_correct"),
            "answerable": r["answerable"],
        }
        for _, r in rows[:n]
    ]
