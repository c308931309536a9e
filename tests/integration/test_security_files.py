"""No server file outside the corpus can be read through any route: the chat page's Gradio API
(upload and chat events, /gradio_api/file=, /gradio_api/upload) and /api/originals, probed over
HTTP against a real uvicorn server with the page mounted."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from assistant.service import AssistantService
from eduqa.server import create_server
from tests.conftest import NEW_DIRECTIVE, make_settings
from tests.integration.live_server import live_server

pytestmark = pytest.mark.integration
KEY = "test-key"
MARKER = "Zyxwvuqt"  # a word no corpus file holds


def file_data(path: str) -> dict:
    return {"path": path, "meta": {"_type": "gradio.FileData"}}


def gradio_call(http: httpx.Client, api_name: str, data: list) -> tuple[str, object]:
    """Call a page event through Gradio's HTTP API: ('complete', outputs) or ('error', text)."""
    started = http.post(f"/gradio_api/call/{api_name}", json={"data": data})
    if started.status_code != 200:
        return "http", started.status_code
    stream = http.get(f"/gradio_api/call/{api_name}/{started.json()['event_id']}").text
    events = [block for block in stream.split("\n\n") if block.startswith("event:")]
    kind, _, payload = events[-1].partition("\ndata:")
    data_text = payload.strip()
    return kind.removeprefix("event:").strip(), json.loads(data_text) if data_text not in (
        "",
        "null",
    ) else None


def assert_not_served(http: httpx.Client, secret: Path) -> None:
    """The secret is in no document, no search result, no original, no Gradio file."""
    assert all(MARKER not in json.dumps(d, ensure_ascii=False) for d in http.get("/api/documents").json())
    hits = http.get("/api/search", params={"q": MARKER}).json()["results"]
    assert all(MARKER not in h["text"] for h in hits)
    for route in (f"/gradio_api/file={secret}", f"/gradio_api/file={quote(str(secret))}",
                  f"/api/originals/uploads/{secret.name}", f"/api/originals/{secret}",
                  f"/api/originals/..%2F{secret.name}", f"/api/originals/{quote(str(secret), safe='')}"):  # fmt: skip
        response = http.get(route)
        assert MARKER not in response.text, route
        assert response.status_code in (403, 404), route


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("security")
    settings = make_settings(tmp, max_upload_mb=1)
    secret = tmp / "secret-directive.txt"  # outside the corpus, and a file that would parse
    secret.write_text(
        NEW_DIRECTIVE.replace("Ninh Bình", MARKER) + f"\n{uuid.uuid4().hex}\n", encoding="utf-8"
    )
    service = AssistantService(settings, owner="pytest-security")
    service.ingest()
    try:
        with (
            live_server(create_server(settings, service)) as url,
            httpx.Client(base_url=url, timeout=60) as http,
        ):
            yield http, secret, settings
    finally:
        service.close()


def test_page_upload_refuses_a_server_path(server):
    http, secret, _ = server
    for path in (str(secret), "/etc/passwd", f"{secret.parent}/../{secret.parent.name}/{secret.name}"):
        kind, result = gradio_call(http, "upload", [file_data(path), KEY])
        assert kind == "error" or "Đã thêm" not in str(result), (path, result)
    assert_not_served(http, secret)


def test_server_path_without_key_is_not_copied_to_the_gradio_cache(server):
    http, secret, _ = server
    from gradio.utils import get_upload_folder

    kind, _ = gradio_call(http, "upload", [file_data(str(secret)), None])
    assert kind == "error"
    cache = Path(get_upload_folder())
    content = secret.read_bytes()
    files = [p for p in cache.rglob("*") if p.is_file()] if cache.exists() else []
    copies = [p for p in files if p.stat().st_size == len(content) and p.read_bytes() == content]
    assert copies == []
    assert_not_served(http, secret)


def test_chat_history_cannot_carry_a_server_file(server):
    http, secret, _ = server
    for content in (file_data(str(secret)), {"path": str(secret)}, {"file": {"path": str(secret)}},
                    {"type": "file", "file": file_data(str(secret))}):  # fmt: skip
        history = [{"role": "user", "content": content}]
        kind, result = gradio_call(http, "respond", ["xin chào", history, "", "", ""])
        shown = json.dumps(result, ensure_ascii=False)
        assert kind == "error" or (MARKER not in shown and "gradio_api/file=" not in shown), content
    assert_not_served(http, secret)


def test_gradio_upload_route_is_bounded_by_the_upload_limit(server):
    http, _, settings = server
    big = b"a" * (settings.max_upload_mb * 1024 * 1024 + 200_000)
    response = http.post("/gradio_api/upload", files={"files": ("big.txt", big, "text/plain")})
    assert response.status_code == 413
    assert http.post("/gradio_api/process_recording", files={"video": ("v.mp4", b"x")}).status_code == 403


def test_page_upload_through_gradio_still_works(server):
    http, _, _ = server
    directive = NEW_DIRECTIVE.replace("Ninh Bình", "Kon Tum").replace("999/KH", "998/KH")
    uploaded = http.post("/gradio_api/upload", files={"files": ("kon-tum-thu-vien.txt", directive.encode())})
    assert uploaded.status_code == 200, uploaded.text
    path = uploaded.json()[0]
    kind, result = gradio_call(http, "upload", [file_data(path), KEY])
    assert kind == "complete" and result[0].startswith("Đã thêm uploads/kon-tum-thu-vien.txt"), result
    original = http.get("/api/originals/uploads/kon-tum-thu-vien.txt")
    assert original.status_code == 200 and "Kon Tum" in original.text


def test_gradio_upload_closed_when_writes_are_disabled(tmp_path):
    settings = make_settings(tmp_path, api_key=None)
    service = AssistantService(settings, owner="pytest-security")
    try:
        with live_server(create_server(settings, service)) as url:
            response = httpx.post(f"{url}/gradio_api/upload", files={"files": ("x.txt", b"abc")})
            assert response.status_code == 403
    finally:
        service.close()
