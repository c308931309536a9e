"""The HTTP API on the seed corpus, through a real uvicorn server where concurrency matters."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.service import AssistantService
from tests.conftest import BACGIANG, NEW_DIRECTIVE, PLAN, make_settings
from tests.integration.live_server import live_server

pytestmark = pytest.mark.integration
KEY = {"X-API-Key": "test-key"}


@pytest.fixture(scope="module")
def client(seed_settings, seed_service):
    with TestClient(create_app(seed_settings, service=seed_service)) as c:
        yield c


def test_health_and_ready(client):
    assert client.get("/api/health").json() == {"status": "ok"}
    ready = client.get("/api/ready").json()
    assert ready["ready"] and ready["documents"] == 5 and ready["chunks"] > 100
    assert ready["dense"] is False and ready["llm"] is False


def test_ask_contract(client):
    r = client.post("/api/ask", json={"question": "chỉ tiêu năm 2025 cho trung học là gì?"})
    assert r.status_code == 200 and r.headers["X-Request-ID"]
    body = r.json()
    assert set(body) >= {
        "question",
        "answer",
        "answerable",
        "language",
        "retrieved",
        "citations",
        "timings_ms",
    }
    assert body["answerable"] and "98,5" in body["answer"]
    cite = body["citations"][0]
    assert set(cite) >= {"n", "source", "section", "section_title", "text", "score", "doc"}
    assert set(cite["doc"]) >= {"title", "type", "number", "issuer", "province", "date", "signer"}
    assert 1 <= len(body["retrieved"]) <= 20
    assert set(body["retrieved"][0]) == {"id", "source", "section", "score"}


@pytest.mark.parametrize(
    ("payload", "status"),
    [({"question": ""}, 422), ({"question": "   "}, 422), ({"question": "x" * 1001}, 422),
     ({"question": "ok", "top_k": 0}, 422), ({"question": "ok", "top_k": 21}, 422),
     ({"question": "ok", "filters": {"colour": "red"}}, 422), ({}, 422)],
)  # fmt: skip
def test_ask_limits(client, payload, status):
    r = client.post("/api/ask", json=payload)
    assert r.status_code == status
    assert "request_id" in r.json() and "Traceback" not in r.text


def test_search_documents_chunks(client):
    results = client.get("/api/search", params={"q": "xóa mù chữ", "top_k": 5}).json()["results"]
    assert len(results) == 5 and all("section" in x for x in results)
    assert client.get("/api/search", params={"q": "x", "colour": "red"}).status_code == 422
    docs = client.get("/api/documents").json()
    assert len(docs) == 5 and all(d["chunks"] > 0 for d in docs)
    doc = client.get(f"/api/documents/{PLAN}").json()
    labels = [n["label"] for n in doc["sections"]]
    assert {"I", "II", "III", "IV", "appendix"} <= set(labels)
    ii = next(n for n in doc["sections"] if n["label"] == "II")
    assert [c["label"] for c in ii["children"]] == ["1", "2", "3"]
    chunk_id = results[0]["id"]
    assert client.get(f"/api/chunks/{chunk_id}").json()["id"] == chunk_id
    assert client.get("/api/chunks/nope").status_code == 404
    assert client.get("/api/documents/nope.txt").status_code == 404


def test_write_endpoints_need_the_key(client):
    files = {"file": ("x.txt", NEW_DIRECTIVE.encode(), "text/plain")}
    assert client.post("/api/documents", files=files).status_code == 403
    assert client.post("/api/documents", files=files, headers={"X-API-Key": "bad"}).status_code == 403
    assert client.delete(f"/api/documents/{BACGIANG}").status_code == 403


def test_writes_refused_when_no_key_configured(tmp_path):
    settings = make_settings(tmp_path, api_key=None)
    service = AssistantService(settings, owner="pytest")
    try:
        with TestClient(create_app(settings, service=service)) as c:
            r = c.post("/api/documents", files={"file": ("x.txt", b"abc", "text/plain")}, headers=KEY)
            assert r.status_code == 403 and "EDUQA_API_KEY" in r.json()["detail"]
    finally:
        service.close()


def test_upload_ask_delete(tmp_path):
    settings = make_settings(tmp_path, max_upload_mb=1)
    service = AssistantService(settings, owner="pytest")
    service.ingest()
    question = "Bao nhiêu phần trăm trường tiểu học Ninh Bình có thư viện đạt chuẩn năm 2025?"
    try:
        with TestClient(create_app(settings, service=service)) as c:
            assert not c.post("/api/ask", json={"question": question}).json()["answerable"]
            before = c.get("/api/ready").json()["chunks"]
            bad = [("x.exe", b"MZ..."), ("x.pdf", b"not a pdf"), ("empty.txt", b"")]
            for name, data in bad:
                r = c.post("/api/documents", files={"file": (name, data)}, headers=KEY)
                assert r.status_code == 422 and "refused" in r.json()["detail"][0]["msg"]
            big = c.post("/api/documents", files={"file": ("big.txt", b"a" * (2 * 1024 * 1024))},
                         headers=KEY)  # fmt: skip
            assert big.status_code == 413
            assert c.get("/api/ready").json()["chunks"] == before  # refusals changed nothing
            up = c.post("/api/documents", files={"file": ("ninh-binh-thu-vien.txt", NEW_DIRECTIVE.encode())},
                        headers=KEY)  # fmt: skip
            assert up.status_code == 201, up.text
            doc_id = up.json()["id"]
            assert (settings.corpus_dir / doc_id).exists()
            answer = c.post("/api/ask", json={"question": question}).json()
            assert answer["answerable"] and "85%" in answer["answer"]
            assert answer["citations"][0]["source"] == doc_id
            assert c.delete(f"/api/documents/{doc_id}", headers=KEY).status_code == 200
            after = c.post("/api/ask", json={"question": question}).json()
            assert not any(x["source"] == doc_id for x in after["retrieved"])
            assert not (settings.corpus_dir / doc_id).exists()
    finally:
        service.close()


def test_concurrent_asks_over_http(seed_settings, seed_service):
    questions = ["chỉ tiêu năm 2025 cho trung học", "what is the 2030 target for national standard schools",
                 "xoa mu chu Hai Phong", "ngân sách chi thường xuyên Bắc Giang"] * 4  # fmt: skip
    with live_server(create_app(seed_settings, service=seed_service)) as url, \
            httpx.Client(base_url=url, timeout=60) as http, ThreadPoolExecutor(8) as pool:  # fmt: skip
        responses = list(pool.map(lambda q: http.post("/api/ask", json={"question": q}), questions))
    assert [r.status_code for r in responses] == [200] * len(questions)
    assert all(r.json()["question"] == q for r, q in zip(responses, questions, strict=True))
    assert len({r.headers["X-Request-ID"] for r in responses}) == len(questions)
