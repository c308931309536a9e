"""The API's contract under bad input: no 500s, one error shape, honest upload results, 405s,
filter values folded and checked, no server paths. Real app, real index, seed corpus."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.service import AssistantService
from eduqa.server import create_server
from ingest.text import fold_accents
from tests.conftest import NEW_DIRECTIVE, ROOT, make_settings

pytestmark = pytest.mark.integration
KEY = {"X-API-Key": "test-key"}


@pytest.fixture(scope="module")
def app_parts(tmp_path_factory):
    settings = make_settings(tmp_path_factory.mktemp("contract"))
    service = AssistantService(settings, owner="pytest-contract")
    service.ingest()
    try:
        with TestClient(create_server(settings, service=service), raise_server_exceptions=False) as client:
            yield client, settings, service
    finally:
        service.close()


@pytest.fixture(scope="module")
def client(app_parts):
    return app_parts[0]


def upload(client, name: str, data: bytes, **params):
    return client.post("/api/documents", files={"file": (name, data)}, headers=KEY, params=params)


def assert_fastapi_422(response) -> None:
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["request_id"] and isinstance(body["detail"], list) and body["detail"]
    for issue in body["detail"]:
        assert {"type", "loc", "msg"} <= set(issue) and isinstance(issue["loc"], list)


def test_non_ascii_api_key_is_a_403_not_a_500(client):
    for key in ("khóa-sai".encode(), b"\xff\xfe", "🔑".encode()):
        response = client.post(
            "/api/documents", files={"file": ("x.txt", b"abc")}, headers={"X-API-Key": key}
        )
        assert response.status_code == 403 and response.json()["request_id"]


def test_a_non_ascii_key_configured_on_the_server_works(tmp_path):
    settings = make_settings(tmp_path, api_key="khóa-bí-mật")
    service = AssistantService(settings, owner="pytest-contract")
    try:
        with TestClient(create_app(settings, service=service)) as c:
            good = {"X-API-Key": "khóa-bí-mật".encode()}
            assert c.delete("/api/documents/nope.txt", headers=good).status_code == 404
            assert (
                c.delete("/api/documents/nope.txt", headers={"X-API-Key": b"khoa-bi-mat"}).status_code == 403
            )
    finally:
        service.close()


def test_a_300_character_file_name_is_stored_and_leaves_no_staging(app_parts):
    client, settings, _ = app_parts
    name = "kế-hoạch-" + "thư-viện-" * 33 + ".txt"
    assert len(name) > 300
    response = upload(client, name, NEW_DIRECTIVE.replace("999/KH", "501/KH").encode())
    assert response.status_code == 201, response.text
    source = response.json()["source"]
    assert len(source.encode()) < 255 and source.endswith(".txt")
    assert client.get(f"/api/documents/{source}").status_code == 200
    assert not list((settings.corpus_dir / "uploads").glob(".staging-*"))
    assert client.delete(f"/api/documents/{source}", headers=KEY).status_code == 200


@pytest.mark.parametrize("name", ["README.md", "readme.MD", "notes.pdf.extracted.txt", ".hidden.txt"])
def test_names_the_corpus_scan_skips_are_stored_under_an_indexed_name(client, name):
    body = NEW_DIRECTIVE.replace("999/KH", f"{abs(hash(name)) % 900 + 100}/KH")
    response = upload(client, name, body.encode())
    assert response.status_code == 201, response.text
    source = response.json()["source"]
    assert response.json()["chunks"] > 0
    assert client.get(f"/api/documents/{source}").status_code == 200  # really indexed
    assert source in [d["source"] for d in client.get("/api/documents").json()]
    assert client.delete(f"/api/documents/{source}", headers=KEY).status_code == 200
    assert client.get(f"/api/documents/{source}").status_code == 404


def test_an_existing_name_is_not_silently_replaced(client):
    first = upload(client, "trung-ten.txt", NEW_DIRECTIVE.encode())
    assert first.status_code == 201
    changed = NEW_DIRECTIVE.replace("85%", "87%")
    again = upload(client, "trung-ten.txt", changed.encode())
    assert again.status_code == 409 and "replace" in again.json()["detail"]
    text = client.get("/api/originals/uploads/trung-ten.txt").text
    assert "85%" in text and "87%" not in text
    replaced = upload(client, "trung-ten.txt", changed.encode(), replace="true")
    assert replaced.status_code == 201, replaced.text
    assert "87%" in client.get("/api/originals/uploads/trung-ten.txt").text
    assert client.delete("/api/documents/uploads/trung-ten.txt", headers=KEY).status_code == 200


def test_refusals_name_the_users_file(client, app_parts):
    settings = app_parts[1]
    for name, data in [
        ("Kế hoạch hỏng.pdf", b"not a pdf"),
        ("trống.txt", b" \n"),
        ("bảng.docx", b"PK\x03 x"),
    ]:
        response = upload(client, name, data)
        assert_fastapi_422(response)
        message = response.json()["detail"][0]["msg"]
        assert name in message and "staging" not in message, message
    assert not list((settings.corpus_dir / "uploads").glob(".staging-*"))


def test_unsupported_methods_are_405_with_allow(client):
    for method, path, allow in [("PUT", "/api/ask", "POST"), ("DELETE", "/api/search", "GET"),
                                ("PATCH", "/api/documents", "GET"), ("POST", "/api/health", "GET")]:  # fmt: skip
        response = client.request(method, path)
        assert response.status_code == 405, (method, path, response.status_code)
        assert allow in response.headers["allow"] and response.json()["request_id"]
    assert client.get("/api/nothing-here").status_code == 404


def test_invalid_utf8_body_is_a_400_with_request_id(client):
    response = client.post("/api/ask", content=b'{"question": "\xff\xfe"}',
                           headers={"Content-Type": "application/json"})  # fmt: skip
    assert response.status_code == 400
    assert response.json()["request_id"] == response.headers["X-Request-ID"]


def test_every_422_has_fastapis_shape(client):
    assert_fastapi_422(client.get("/api/search", params={"q": "x", "colour": "red"}))
    assert_fastapi_422(client.get("/api/search", params={"q": "x", "year": "abcd"}))
    assert_fastapi_422(client.post("/api/ask", json={"question": "x", "filters": {"year": "abcd"}}))
    assert_fastapi_422(client.post("/api/ask", json={"question": "x", "filters": {"colour": "red"}}))
    assert_fastapi_422(client.post("/api/ask", json={"question": "   "}))
    assert_fastapi_422(upload(client, "x.exe", b"MZ"))


def test_filter_values_match_without_accents(client):
    provinces = {d["doc"].get("province") for d in client.get("/api/documents").json()} - {None}
    assert provinces
    for province in provinces:
        exact = client.get("/api/search", params={"q": "kế hoạch", "province": province}).json()["results"]
        folded = client.get(
            "/api/search", params={"q": "ke hoach", "province": fold_accents(province)}
        ).json()
        assert exact and folded["results"], province
        assert {r["doc"]["province"] for r in folded["results"]} == {province}
        asked = client.post(
            "/api/ask", json={"question": "kế hoạch", "filters": {"province": fold_accents(province)}}
        )
        assert asked.status_code == 200 and all(
            c["doc"]["province"] == province for c in asked.json()["citations"]
        )


def test_ready_shows_no_server_paths(app_parts):
    client, settings, _ = app_parts
    ready = client.get("/api/ready")
    assert ready.status_code == 200 and ready.json()["ready"]
    text = ready.text
    assert str(settings.data_dir) not in text and str(settings.data_dir.resolve()) not in text
    assert not any(isinstance(v, str) and v.startswith("/") for v in ready.json().values())


@pytest.mark.parametrize("command", ["targets", "tasks"])
def test_records_cli_says_the_index_is_busy(app_parts, command):
    settings = app_parts[1]  # the fixture's service holds the embedded index open
    env = {**os.environ, "EDUQA_DATA_DIR": str(settings.data_dir), "EDUQA_CORPUS_DIR": str(settings.corpus_dir),
           "EDUQA_EMBEDDING_MODEL": "", "PYTHONPATH": str(ROOT)}  # fmt: skip
    result = subprocess.run([sys.executable, "-m", "eduqa.cli", command], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "in use" in " ".join(result.stderr.split()) and "Traceback" not in result.stderr + result.stdout
