"""Load test for `eduqa bench`: many questions from concurrent clients against a real server,
with one upload and one delete in the middle, as staff would add and remove a document while
teachers ask. Reports errors (by status), p50/p95/p99 latency and requests per second, and how
long the upload and the delete took under that load.
"""

from __future__ import annotations

import random
import secrets
import shutil
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

from eval.bench import ServerThread
from eval.metrics import percentile
from eval.run import load_questions

FULL = (1000, 16)  # questions, clients
QUICK = (160, 16)
UPLOAD_NAME = "load-test-upload.txt"


@dataclass
class LoadLog:
    """What the clients saw, gathered under one lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies_ms: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    done: int = 0

    def record(self, started: float, outcome: str | None) -> None:
        with self.lock:
            self.latencies_ms.append((time.perf_counter() - started) * 1000)
            self.done += 1
            if outcome:
                self.errors[outcome] = self.errors.get(outcome, 0) + 1


def _ask_all(url: str, questions: list[str], log: LoadLog, next_index) -> None:
    with httpx.Client(base_url=url, timeout=120) as http:
        while (i := next_index()) is not None:
            started = time.perf_counter()
            try:
                response = http.post("/api/ask", json={"question": questions[i % len(questions)]})
                outcome = None if response.status_code == 200 else str(response.status_code)
            except httpx.HTTPError as exc:
                outcome = type(exc).__name__
            log.record(started, outcome)


def _write_in_the_middle(url: str, key: str, document: Path, log: LoadLog, total: int) -> dict:
    """Upload a document when a third of the questions are answered, delete it at two thirds."""
    timings: dict = {}
    headers = {"X-API-Key": key}
    with httpx.Client(base_url=url, timeout=300) as http:
        for step, at in (("upload", total // 3), ("delete", 2 * total // 3)):
            while log.done < at:
                time.sleep(0.05)
            started = time.perf_counter()
            if step == "upload":
                files = {"file": (UPLOAD_NAME, document.read_bytes())}
                response = http.post("/api/documents", files=files, headers=headers)
            else:
                response = http.delete(f"/api/documents/uploads/{UPLOAD_NAME}", headers=headers)
            timings[f"{step}_status"] = response.status_code
            timings[f"{step}_s"] = round(time.perf_counter() - started, 2)
    return timings


def run_load_test(settings, quick: bool = False, console: Console | None = None,
                  size: tuple[int, int] | None = None) -> dict:  # fmt: skip
    """Serve a fresh copy of the corpus and put it under load (`size`: questions, clients);
    the figures as a dict."""
    from assistant.service import AssistantService

    console = console or Console(stderr=True)
    total, clients = size or (QUICK if quick else FULL)
    questions = [q["question"] for q in load_questions("all")]
    random.Random(11).shuffle(questions)
    key = secrets.token_hex(8)
    with tempfile.TemporaryDirectory(prefix="eduqa-load-") as tmp:
        corpus = Path(tmp) / "corpus"
        shutil.copytree(settings.corpus_dir, corpus)
        document = next(p for p in sorted(corpus.glob("*.txt")) if p.name.lower() != "readme.txt")
        update = {"corpus_dir": corpus, "data_dir": Path(tmp) / "data", "api_key": key,
                  "qdrant_url": None, "llm_base_url": None}  # fmt: skip
        run_settings = settings.model_copy(update=update)
        service = AssistantService(run_settings, owner="eduqa bench load")
        try:
            service.ingest()
            console.print(f"[bold]load[/bold]: {total} questions from {clients} clients, "
                          "one upload and one delete in the middle …")  # fmt: skip
            with ServerThread(run_settings, service) as server:
                result = _drive(server.url, questions, total, clients, key, document)
        finally:
            service.close()
    return result | {"questions": total, "clients": clients}


def _drive(url: str, questions: list[str], total: int, clients: int, key: str, document: Path) -> dict:
    log = LoadLog()
    counter = iter(range(total))
    lock = threading.Lock()

    def next_index() -> int | None:
        with lock:
            return next(counter, None)

    started = time.perf_counter()
    with ThreadPoolExecutor(clients + 1) as pool:
        writes = pool.submit(_write_in_the_middle, url, key, document, log, total)
        for future in [pool.submit(_ask_all, url, questions, log, next_index) for _ in range(clients)]:
            future.result()
        timings = writes.result()
    wall = time.perf_counter() - started
    lat = log.latencies_ms
    return {"errors": sum(log.errors.values()), "error_kinds": log.errors, "p50_ms": percentile(lat, 50),
            "p95_ms": percentile(lat, 95), "p99_ms": percentile(lat, 99), "max_ms": max(lat, default=0.0),
            "rps": len(lat) / wall if wall else 0.0, "seconds": round(wall, 1), **timings}  # fmt: skip


def print_load(result: dict, out: Console | None = None) -> None:
    """The load test's figures as a one-row table."""
    out = out or Console()
    table = Table(title=f"load: {result['questions']} questions, {result['clients']} clients, "
                        "upload + delete in the middle")  # fmt: skip
    columns = ("errors", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s", "upload s", "delete s")
    for column in columns:
        table.add_column(column, justify="right")
    table.add_row(f"{result['errors']} {result['error_kinds'] or ''}".strip(),
                  *(f"{result[k]:.0f}" for k in ("p50_ms", "p95_ms", "p99_ms", "max_ms")),
                  f"{result['rps']:.1f}", f"{result.get('upload_s')} ({result.get('upload_status')})",
                  f"{result.get('delete_s')} ({result.get('delete_status')})")  # fmt: skip
    out.print(table)
