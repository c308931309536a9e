"""Generated answers through the real llama-index OpenAI-compatible client, against a small
OpenAI-compatible server started here. It answers from the prompt it is sent: it finds the
passage holding a figure and cites it, and adds a citation that points nowhere."""

from __future__ import annotations

import re
import socket
import threading
import time

import pytest
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from assistant.service import AssistantService
from tests.conftest import make_settings

pytestmark = pytest.mark.integration


def stand_in_llm(behaviour: dict) -> FastAPI:
    app = FastAPI()

    @app.post("/v1/chat/completions")
    async def chat(request: Request):
        body = await request.json()
        behaviour["prompts"].append(body["messages"][-1]["content"])
        if behaviour["mode"] == "error":
            return JSONResponse({"error": {"message": "boom"}}, status_code=500)
        if behaviour["mode"] == "slow":
            time.sleep(3)
        prompt = body["messages"][-1]["content"]
        passages = dict(re.findall(r"^\[(\d+)\] \(.*?\)\n(.*)$", prompt, flags=re.M))
        cited = next((n for n, text in passages.items() if "98,5" in text), None)
        content = (
            "NOT_FOUND"
            if cited is None
            else (
                f"Mục tiêu năm 2025: học sinh trung học lên lớp đạt 98,5% trở lên [{cited}]. "
                "Ngoài ra còn 100 trường [42]."
            )
        )
        return {"id": "x", "object": "chat.completion", "created": 0, "model": body["model"],
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": content}}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}  # fmt: skip

    return app


@pytest.fixture(scope="module")
def llm_server():
    behaviour = {"mode": "ok", "prompts": []}
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(stand_in_llm(behaviour), host="127.0.0.1", port=port,
                                           log_level="warning"))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/v1", behaviour
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def llm_service(llm_server, tmp_path_factory):
    url, _ = llm_server
    settings = make_settings(tmp_path_factory.mktemp("llm"), llm_base_url=url, llm_model="stand-in",
                             llm_timeout_s=1.0)  # fmt: skip
    service = AssistantService(settings, owner="pytest")
    service.ingest()
    yield service
    service.close()


def test_generated_answer_cites_passages_and_drops_dangling_markers(llm_service, llm_server):
    _, behaviour = llm_server
    behaviour["mode"] = "ok"
    answer = llm_service.ask("chỉ tiêu năm 2025 cho trung học là gì?")
    assert answer.mode == "llm"
    assert "98,5" in answer.answer and "[1]" in answer.answer
    assert "[42]" not in answer.answer  # a citation pointing to no passage is removed
    assert answer.citations[0].section == ["II", "2", "(3)"]
    assert "Chi tieu den Ham 2025" in behaviour["prompts"][-1] or "98,5" in behaviour["prompts"][-1]


@pytest.mark.parametrize("mode", ["error", "slow"])
def test_failed_or_slow_llm_falls_back_to_extraction(llm_service, llm_server, mode):
    _, behaviour = llm_server
    behaviour["mode"] = mode
    answer = llm_service.ask("chỉ tiêu năm 2025 cho trung học là gì?")
    assert answer.mode == "extractive-fallback"
    assert answer.answerable and "98,5" in answer.answer
    behaviour["mode"] = "ok"


def test_no_llm_call_for_unanswerable_questions(llm_service, llm_server):
    _, behaviour = llm_server
    count = len(behaviour["prompts"])
    answer = llm_service.ask("chỉ tiêu năm 2026 cho trung học là gì?")
    assert not answer.answerable and len(behaviour["prompts"]) == count
