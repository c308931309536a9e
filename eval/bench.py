"""Throughput and latency: ingest (documents/s, chunks/s), query latency in-process and over HTTP
with concurrent clients, peak RSS — on the seed corpus and on a synthetic corpus made by varying
the seed documents (province names, years, document numbers)."""

from __future__ import annotations

import math
import os
import random
import re
import shutil
import socket
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
from rich.console import Console

from eval.bench_embedding import measure_embedding
from eval.bench_ingest import measure_devcorpus_ingest
from eval.metrics import percentile
from eval.run import load_questions

PROVINCES = ["Quảng Ninh", "Bắc Giang", "Hải Phòng"]
OTHER_PROVINCES = [
    "Thái Bình",
    "Nam Định",
    "Ninh Bình",
    "Hà Nam",
    "Hưng Yên",
    "Hải Dương",
    "Bắc Ninh",
    "Lạng Sơn",
    "Cao Bằng",
    "Hà Giang",
    "Lào Cai",
    "Yên Bái",
    "Tuyên Quang",
    "Phú Thọ",
    "Vĩnh Phúc",
    "Thái Nguyên",
    "Bắc Kạn",
    "Sơn La",
    "Điện Biên",
    "Lai Châu",
    "Hòa Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Bình",
    "Quảng Trị",
    "Quảng Nam",
    "Quảng Ngãi",
    "Bình Định",
    "Phú Yên",
    "Khánh Hòa",
    "Ninh Thuận",
    "Bình Thuận",
    "Kon Tum",
    "Gia Lai",
    "Đắk Lắk",
    "Đắk Nông",
    "Lâm Đồng",
    "Bình Phước",
    "Tây Ninh",
    "Bình Dương",
    "Đồng Nai",
    "Long An",
    "Tiền Giang",
    "Bến Tre",
    "Trà Vinh",
    "Vĩnh Long",
    "Đồng Tháp",
    "An Giang",
    "Kiên Giang",
    "Hậu Giang",
    "Sóc Trăng",
    "Bạc Liêu",
    "Cà Mau",
]
_DOC_NUMBER = re.compile(r"\b(\d{2,5})(/(?:KH|TB|CV|QĐ|SGDĐT|UBND|BGDĐT|KH-UBND|TB-SGDĐT))")
_YEAR = re.compile(r"\b(20[12]\d)\b")


class RssSampler:
    """Samples this process's RSS (psutil) in a thread; `peak` since the last reset."""

    def __init__(self, interval: float = 0.05):
        self.process = psutil.Process()
        self.interval = interval
        self.peak = self.overall = self.process.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> int:
        rss = self.process.memory_info().rss
        self.peak = max(self.peak, rss)
        self.overall = max(self.overall, rss)
        return rss

    def reset(self) -> None:
        self.peak = self.process.memory_info().rss

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(2)
        self.sample()


def variant_text(text: str, n: int, rng: random.Random) -> str:
    """The seed text with its province, years and document numbers changed."""
    province = OTHER_PROVINCES[n % len(OTHER_PROVINCES)]
    for name in PROVINCES:
        text = text.replace(name, province).replace(name.upper(), province.upper())
    shift = 1 + n % 7
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    return _DOC_NUMBER.sub(lambda m: f"{rng.randint(10, 9999)}{m.group(2)}", text)


def make_synthetic_corpus(seed_dir: Path, target: Path, chunks: int, seed_chunks: int) -> int:
    """Write variants of the seed documents to `target` until about `chunks` chunks; returns the
    number of files written."""
    target.mkdir(parents=True, exist_ok=True)
    seeds = sorted(p for p in seed_dir.glob("*.txt") if p.is_file())
    copies = max(1, math.ceil(chunks / max(seed_chunks, 1)))
    rng = random.Random(13)
    written = 0
    for n in range(copies):
        for path in seeds:
            text = path.read_text(encoding="utf-8")
            (target / f"{path.stem}-v{n:04d}.txt").write_text(variant_text(text, n, rng), encoding="utf-8")
            written += 1
    return written


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerThread:
    """The real app (FastAPI, no chat page) served by uvicorn on 127.0.0.1 in a thread."""

    def __init__(self, settings, service):
        import uvicorn

        from assistant.api import create_app

        self.port = _free_port()
        app = create_app(settings, service=service, with_ui=False)
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", access_log=False)
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the API server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(15)


def http_load(url: str, questions: list[str], clients: int, requests: int) -> dict:
    """`requests` POST /api/ask spread over `clients` concurrent clients."""
    import httpx

    requests = max(requests, clients)
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker() -> None:
        nonlocal errors
        with httpx.Client(base_url=url, timeout=120) as http:
            while True:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                started = time.perf_counter()
                try:
                    r = http.post("/api/ask", json={"question": questions[i % len(questions)], "top_k": 5})
                    ok = r.status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    latencies.append(elapsed)
                    errors += not ok

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        for f in [pool.submit(worker) for _ in range(clients)]:
            f.result()
    wall = time.perf_counter() - started
    return {
        "clients": clients,
        "requests": requests,
        "errors": errors,
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "rps": requests / wall if wall else math.nan,
    }


def measure_corpus(
    name: str,
    settings,
    questions: list[str],
    clients: list[int],
    requests: int,
    http: bool,
    sampler: RssSampler,
    console: Console,
) -> dict:
    """Ingest a corpus into a fresh index, then time questions in-process and over HTTP."""
    from assistant.service import AssistantService

    sampler.reset()
    console.print(f"[bold]{name}[/bold]: ingesting {settings.corpus_dir} …")
    service = AssistantService(settings, owner="eduqa bench")
    try:
        started = time.perf_counter()
        summary = service.ingest()
        seconds = time.perf_counter() - started
        result = {
            "name": name,
            "documents": summary.documents,
            "chunks": summary.chunks,
            "dense": summary.dense,
            "ingest_s": round(seconds, 2),
            "docs_per_s": summary.documents / seconds if seconds else math.nan,
            "chunks_per_s": summary.chunks / seconds if seconds else math.nan,
        }
        console.print(
            f"  {summary.documents} documents, {summary.chunks} chunks in {seconds:.1f} s; "
            f"{requests} questions in-process …"
        )
        service.ask(questions[0])  # warm-up
        latencies = []
        for i in range(requests):
            t = time.perf_counter()
            service.ask(questions[i % len(questions)])
            latencies.append((time.perf_counter() - t) * 1000)
        result["query_p50_ms"] = percentile(latencies, 50)
        result["query_p95_ms"] = percentile(latencies, 95)
        result["http"] = {}
        if http:
            with ServerThread(settings, service) as server:
                http_load(server.url, questions, 1, 2)  # warm-up
                for n in clients:
                    console.print(f"  HTTP, {n} concurrent client(s), {max(requests, n)} requests …")
                    result["http"][str(n)] = http_load(server.url, questions, n, requests)
    finally:
        service.close()
    result["peak_rss_mb"] = sampler.peak / 2**20
    return result


def run_bench(
    settings,
    quick: bool = False,
    synthetic_chunks: int = 20000,
    clients: list[int] | None = None,
    requests: int = 48,
    http: bool = True,
    console: Console | None = None,
    workdir: Path | None = None,
) -> dict:
    console = console or Console(stderr=True)
    clients = clients or [1, 4, 16]
    questions = [q["question"] for q in load_questions("all")]
    random.Random(7).shuffle(questions)
    tmp = tempfile.TemporaryDirectory(prefix="eduqa-bench-", dir=workdir)
    root = Path(tmp.name)
    base = settings.model_copy(
        update={"qdrant_url": None, "llm_base_url": None, "vector_cache": settings.vector_cache_path}
    )  # never embed twice
    corpora = []
    try:
        with RssSampler() as sampler:
            embedding = measure_embedding(settings, questions, console)  # model cost, cache bypassed
            embedding["peak_rss_mb"] = sampler.peak / 2**20
            seed_corpus = root / "seed" / "corpus"
            seed_corpus.mkdir(parents=True)
            for path in Path(settings.corpus_dir).glob("*"):
                if path.is_file():
                    shutil.copy(path, seed_corpus / path.name)
            seed = measure_corpus(
                "seed",
                base.model_copy(update={"corpus_dir": seed_corpus, "data_dir": root / "seed" / "data"}),
                questions,
                clients,
                requests,
                http,
                sampler,
                console,
            )
            corpora.append(seed)
            devcorpus_ingest = measure_devcorpus_ingest(base, root, console)  # cold and warm
            if synthetic_chunks:
                synth_corpus = root / "synthetic" / "corpus"
                files = make_synthetic_corpus(seed_corpus, synth_corpus, synthetic_chunks, seed["chunks"])
                console.print(f"synthetic corpus: {files} files for about {synthetic_chunks} chunks")
                corpora.append(
                    measure_corpus(
                        f"synthetic-{synthetic_chunks}",
                        base.model_copy(
                            # BM25 only: embedding ~20k new chunks takes hours on 2 cores (see "embedding")
                            update={
                                "corpus_dir": synth_corpus,
                                "data_dir": root / "synthetic" / "data",
                                "embedding_model": None,
                            }
                        ),
                        questions,
                        clients,
                        requests,
                        http,
                        sampler,
                        console,
                    )
                )
            peak = sampler.overall
    finally:
        tmp.cleanup()
    return {
        "cpu_count": os.cpu_count(),
        "quick": quick,
        "requests_per_level": requests,
        "clients": clients,
        "peak_rss_mb": peak / 2**20,
        "corpora": corpora,
        "embedding_model": settings.embedding_model,
        "embedding": embedding,
        "devcorpus_ingest": devcorpus_ingest,
    }
