"""Kill -9 in the middle of indexing an upload, restart with --no-ingest: the document is
absent (not half there), the counts agree, the staging folder is gone, and the log says so.
Real server processes, a real long document from the development corpus."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from assistant.service import AssistantService
from ingest.journal import PAUSE_ENV
from tests.conftest import DEVCORPUS, ROOT, make_settings
from tests.integration.live_server import free_port

pytestmark = [pytest.mark.integration, pytest.mark.slow]
LONG = DEVCORPUS / "long" / "phapdien-de-muc-giao-duc.md"


def start_server(settings, log: Path, **env_extra) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "EDUQA_CORPUS_DIR": str(settings.corpus_dir), "EDUQA_DATA_DIR": str(settings.data_dir),
           "EDUQA_EMBEDDING_MODEL": "", "EDUQA_API_KEY": "test-key", "PYTHONPATH": str(ROOT), **env_extra}  # fmt: skip
    process = subprocess.Popen([sys.executable, "-m", "eduqa.cli", "serve", "--no-ingest", "--port", str(port)],
                               cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.3)
    process.kill()
    raise AssertionError(f"server did not start:\n{log.read_text()}")


def wait_for(log: Path, text: str, timeout_s: float = 180) -> None:
    deadline = time.monotonic() + timeout_s
    while text not in log.read_text():
        assert time.monotonic() < deadline, f"{text!r} never logged:\n{log.read_text()[-3000:]}"
        time.sleep(0.2)


@pytest.mark.skipif(not LONG.exists(), reason="development corpus not on this machine")
def test_kill_mid_upsert_leaves_no_half_document(tmp_path):
    settings = make_settings(tmp_path)
    service = AssistantService(settings, owner="pytest-crash")
    service.ingest()
    service.close()
    first_log, second_log = tmp_path / "first.log", tmp_path / "second.log"
    server, url = start_server(settings, first_log, **{PAUSE_ENV: "60"})
    try:
        upload = threading.Thread(target=lambda: _upload_quietly(url), daemon=True)
        upload.start()
        wait_for(first_log, "test pause:")  # some points of the document are written, not all
        os.kill(server.pid, signal.SIGKILL)
        server.wait(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
    uploads = settings.corpus_dir / "uploads"
    assert list(uploads.glob(".staging-*")), "the kill should have left the upload's staging folder"

    server, url = start_server(settings, second_log)
    try:
        log = second_log.read_text()
        assert "repaired an interrupted index write" in log and "uploads/" + LONG.name in log
        assert "staging" in log
        documents = httpx.get(f"{url}/api/documents", timeout=60).json()
        ready = httpx.get(f"{url}/api/ready", timeout=60).json()
        assert "uploads/" + LONG.name not in {d["source"] for d in documents}
        assert ready["chunks"] == sum(d["chunks"] for d in documents)
        assert ready["documents"] == len(documents) == 5
        assert httpx.get(f"{url}/api/documents/uploads/{LONG.name}", timeout=60).status_code == 404
        assert not list(uploads.glob(".staging-*"))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def _upload_quietly(url: str) -> None:
    with contextlib.suppress(httpx.HTTPError):  # the server is killed mid-request
        httpx.post(f"{url}/api/documents", files={"file": (LONG.name, LONG.read_bytes())},
                   headers={"X-API-Key": "test-key"}, timeout=300)  # fmt: skip


@pytest.mark.skipif(not LONG.exists(), reason="development corpus not on this machine")
def test_kill_mid_first_ingest_then_repair_and_ingest_again(tmp_path, caplog):
    settings = make_settings(tmp_path)
    shutil.copy(LONG, settings.corpus_dir / LONG.name)
    env = {**os.environ, "EDUQA_CORPUS_DIR": str(settings.corpus_dir), "EDUQA_DATA_DIR": str(settings.data_dir),
           "EDUQA_EMBEDDING_MODEL": "", "PYTHONPATH": str(ROOT), PAUSE_ENV: "60"}  # fmt: skip
    log = tmp_path / "ingest.log"
    process = subprocess.Popen([sys.executable, "-m", "eduqa.cli", "ingest", "-v"], cwd=ROOT, env=env,
                               stdout=log.open("w"), stderr=subprocess.STDOUT)  # fmt: skip
    try:
        wait_for(log, "test pause:")
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    caplog.set_level(logging.WARNING, logger="eduqa.journal")
    service = AssistantService(settings, owner="pytest-crash")
    try:
        assert "repaired an interrupted index write" in caplog.text
        per_source = {d["source"]: d["chunks"] for d in service.documents()}
        known = service.state.get("files", {})
        assert set(per_source) <= set(known)  # nothing in the index that the state does not know
        assert all(per_source[s] == known[s]["chunks"] for s in per_source)
        summary = service.ingest()
        assert LONG.name in summary.indexed or LONG.name in summary.skipped
        per_source = {d["source"]: d["chunks"] for d in service.documents()}
        assert per_source[LONG.name] == service.state["files"][LONG.name]["chunks"] > 500
        assert service.index.count() == sum(per_source.values())
    finally:
        service.close()
