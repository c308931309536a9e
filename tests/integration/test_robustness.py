"""Bad input and a second process against a real `eduqa serve` process over the seed corpus:
every refusal is a clear 4xx (or a plain CLI error with exit code 2), never a traceback, and the
server keeps every document it had. A crash mid-write is tests/integration/test_crash_consistency.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from assistant.service import AssistantService
from tests.conftest import NEW_DIRECTIVE, ROOT, make_settings
from tests.integration.live_server import free_port
from tests.integration.test_crash_consistency import start_server

pytestmark = pytest.mark.integration
KEY = {"X-API-Key": "test-key"}
BUSY = "in use by 'eduqa serve'"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(settings, base URL, server log) of a real server over an ingested seed corpus."""
    tmp = tmp_path_factory.mktemp("served")
    settings = make_settings(tmp)
    service = AssistantService(settings, owner="pytest")
    service.ingest()
    service.close()
    log = tmp / "server.log"
    process, url = start_server(settings, log)
    try:
        yield settings, url, log
    finally:
        process.terminate()
        process.wait(timeout=60)


def held(url: str) -> dict[str, int]:
    """What the server holds: chunks per document."""
    return {d["source"]: d["chunks"] for d in httpx.get(f"{url}/api/documents", timeout=30).json()}


def eduqa(settings, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "EDUQA_CORPUS_DIR": str(settings.corpus_dir), "EDUQA_DATA_DIR": str(settings.data_dir),
           "EDUQA_EMBEDDING_MODEL": "", "PYTHONPATH": str(ROOT)}  # fmt: skip
    return subprocess.run([sys.executable, "-m", "eduqa.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=180)  # fmt: skip


def assert_clear_4xx(response: httpx.Response, *statuses: int) -> None:
    assert response.status_code in statuses, (response.status_code, response.text[:300])
    assert response.json()["request_id"] and "Traceback" not in response.text


def test_a_second_process_is_refused_plainly_and_the_server_loses_nothing(served):
    settings, url, log = served
    before = held(url)
    for args in (["serve", "--port", str(free_port())], ["ask", "Bắc Giang giao nhiệm vụ gì?"], ["ingest"]):
        run = eduqa(settings, *args)
        assert run.returncode == 2, (args, run.stdout[-500:], run.stderr[-500:])
        assert BUSY in run.stderr and "Traceback" not in run.stderr + run.stdout, args
    assert held(url) == before
    answer = httpx.post(f"{url}/api/ask", json={"question": "xóa mù chữ"}, timeout=120)
    assert answer.status_code == 200 and answer.json()["citations"]
    assert "Traceback" not in log.read_text()


@pytest.mark.parametrize(
    ("name", "stored"),
    [("../../../etc/passwd-like.txt", "passwd-like.txt"), ("..\\..\\windows-like.txt", "windows-like.txt"),
     ("/var/tmp/absolute.md", "absolute.md"), ("evil.txt/../../behind.txt", "behind.txt"),
     ("....txt", "upload.txt"), (".md", "upload.md"), ("tên; rm -rf ~.txt", "tên_rm_-rf.txt")],
)  # fmt: skip
def test_hostile_upload_names_land_inside_the_corpus_under_a_safe_name(served, name, stored):
    settings, url, _ = served
    body = NEW_DIRECTIVE.replace("999/KH", f"{abs(hash(name)) % 800 + 100}/KH").encode()
    response = httpx.post(f"{url}/api/documents", files={"file": (name, body)}, headers=KEY, timeout=120)
    assert response.status_code == 201, response.text
    source = response.json()["source"]
    assert source == f"uploads/{stored}"
    assert (settings.corpus_dir / source).read_bytes() == body
    assert httpx.get(f"{url}/api/documents/{source}", timeout=30).status_code == 200
    assert httpx.delete(f"{url}/api/documents/{source}", headers=KEY, timeout=120).status_code == 200
    assert (
        sorted(p.name for p in settings.corpus_dir.rglob("*") if p.is_file() and "uploads" in p.parts) == []
    )


def test_a_nul_byte_or_300_characters_in_a_name_are_stored_safely(served):
    settings, url, _ = served
    body = NEW_DIRECTIVE.replace("999/KH", "612/KH").encode()
    boundary = "robustness-boundary"
    raw = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="ke\x00hoach.txt"\r\n'
           f"Content-Type: text/plain\r\n\r\n").encode() + body + f"\r\n--{boundary}--\r\n".encode()  # fmt: skip
    headers = KEY | {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    response = httpx.post(f"{url}/api/documents", content=raw, headers=headers, timeout=120)
    assert response.status_code == 201, response.text
    source = response.json()["source"]
    assert "\x00" not in source and (settings.corpus_dir / source).is_file()
    assert httpx.delete(f"{url}/api/documents/{source}", headers=KEY, timeout=120).status_code == 200

    long_name = "kế-hoạch-" * 35 + ".md"
    assert len(long_name) > 300
    response = httpx.post(f"{url}/api/documents", files={"file": (long_name, body)}, headers=KEY, timeout=120)
    assert response.status_code == 201, response.text
    source = response.json()["source"]
    assert source.endswith(".md") and len(Path(source).name.encode()) <= 150
    assert httpx.delete(f"{url}/api/documents/{source}", headers=KEY, timeout=120).status_code == 200


@pytest.mark.parametrize(
    ("name", "data"),
    [("bang-diem.md", bytes(range(256)) * 40), ("trong.txt", b""), ("ke-hoach.pdf", b"%PDF-not really"),
     ("anh.png", b"\x89PNG\r\n\x1a\nbroken")],
)  # fmt: skip
def test_unreadable_uploads_are_refused_naming_the_file_and_leave_nothing(served, name, data):
    settings, url, _ = served
    before = held(url)
    response = httpx.post(f"{url}/api/documents", files={"file": (name, data)}, headers=KEY, timeout=120)
    assert_clear_4xx(response, 422)
    assert name in response.json()["detail"][0]["msg"]
    assert held(url) == before
    assert not [p for p in settings.corpus_dir.rglob("*") if "uploads" in p.parts and p.is_file()]
    assert not list((settings.corpus_dir / "uploads").glob(".staging-*"))


@pytest.mark.parametrize(
    "body",
    [{"question": ""}, {"question": " \n\t "}, {"question": "x" * 1001}, {"question": "học phí " * 250_000},
     {"question": 5}, {"question": None}, {"question": ["học phí"]}, {}, [{"question": "học phí"}],
     {"question": "học phí", "topk": 3}, {"question": "học phí", "filter": {"year": "2024"}},
     {"question": "học phí", "filters": {"colour": "red"}}, {"question": "học phí", "top_k": 999}],
)  # fmt: skip
def test_bad_questions_are_clear_4xx(served, body):
    _, url, log = served
    response = httpx.post(f"{url}/api/ask", json=body, timeout=120)
    assert_clear_4xx(response, 413, 422)
    if response.status_code == 422:
        assert response.json()["detail"][0]["loc"][0] == "body"
    assert "Traceback" not in log.read_text()


def test_a_body_that_is_not_json_or_too_large_is_a_clear_4xx(served):
    _, url, log = served
    headers = {"Content-Type": "application/json"}
    for raw, statuses in [(b"{question: oops", (422,)), (b'{"question": "\xff"}', (400,)),
                          (b'{"question": "' + b"a" * (11 * 1024 * 1024) + b'"}', (413,))]:  # fmt: skip
        assert_clear_4xx(httpx.post(f"{url}/api/ask", content=raw, headers=headers, timeout=120), *statuses)
    assert httpx.get(f"{url}/api/health", timeout=30).json() == {"status": "ok"}
    assert "Traceback" not in log.read_text()


def test_unknown_keys_are_named_in_the_error(served):
    _, url, _ = served
    response = httpx.post(f"{url}/api/ask", json={"question": "học phí", "topk": 3}, timeout=120)
    assert_clear_4xx(response, 422)
    assert response.json()["detail"][0]["loc"] == ["body", "topk"]


def test_two_clients_uploading_one_name_at_once_get_201_and_409(served):
    """Two writers race for one name: one stores it, the other is told it exists; the stored
    file, the index and the state agree on the one that won."""
    settings, url, _ = served
    bodies = [
        NEW_DIRECTIVE.replace("999/KH", f"{n}/KH").replace("85%", f"{n % 100}%").encode() for n in (431, 432)
    ]

    def send(body: bytes) -> httpx.Response:
        return httpx.post(
            f"{url}/api/documents", files={"file": ("cung-ten.txt", body)}, headers=KEY, timeout=180
        )

    with ThreadPoolExecutor(2) as pool:
        responses = list(pool.map(send, bodies))
    assert sorted(r.status_code for r in responses) == [201, 409], [r.text for r in responses]
    won = bodies[[r.status_code for r in responses].index(201)]
    lost = next(r for r in responses if r.status_code == 409)
    assert lost.json()["request_id"] and "replace" in lost.json()["detail"]
    source = "uploads/cung-ten.txt"
    assert (settings.corpus_dir / source).read_bytes() == won
    assert httpx.get(f"{url}/api/originals/{source}", timeout=30).content == won
    number = "431/KH" if won == bodies[0] else "432/KH"
    assert number in httpx.get(f"{url}/api/documents/{source}", timeout=30).text
    assert held(url)[source] > 0
    assert httpx.delete(f"{url}/api/documents/{source}", headers=KEY, timeout=120).status_code == 200
