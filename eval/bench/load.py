"""Load generation and measurement helpers: peak RSS sampling, the real API served in a thread,
and concurrent HTTP clients asking questions."""

from __future__ import annotations

import math
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import psutil

from eval.metrics import percentile


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
        app = create_app(settings, service=service)
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


def _timed_ask(http, question: str) -> tuple[float, bool]:
    """One POST /api/ask: its latency in milliseconds, and whether it was answered (200)."""
    import httpx

    started = time.perf_counter()
    try:
        ok = http.post("/api/ask", json={"question": question, "top_k": 5}).status_code == 200
    except httpx.HTTPError:
        ok = False
    return (time.perf_counter() - started) * 1000, ok


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
                elapsed, ok = _timed_ask(http, questions[i % len(questions)])
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
