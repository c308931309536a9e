"""A real uvicorn server on a free port in a background thread, for tests over HTTP."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import uvicorn


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(app, timeout_s: float = 60) -> Iterator[str]:
    """Serve `app` on 127.0.0.1 and yield its base URL; stop it afterwards."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            try:
                if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.1)
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def ask_after_upload(settings, name: str, text: str, questions: list[dict]) -> tuple[str, dict[str, dict]]:
    """A real server over `settings`' corpus: upload `text` as `name`, then ask each question;
    (the uploaded document's id, each answer body by question id)."""
    from assistant.api import create_app
    from assistant.service import AssistantService

    service = AssistantService(settings, owner="pytest")
    service.ingest()
    try:
        with live_server(create_app(settings, service=service)) as url, \
                httpx.Client(base_url=url, timeout=120) as http:  # fmt: skip
            files = {"file": (name, text.encode("utf-8"), "text/plain")}
            up = http.post("/api/documents", files=files, headers={"X-API-Key": "test-key"})
            assert up.status_code == 201, up.text
            got = {q["id"]: http.post("/api/ask", json={"question": q["question"]}).json() for q in questions}
    finally:
        service.close()
    return up.json()["id"], got
