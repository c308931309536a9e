"""The HTTP plumbing under the routes: request ids, one error shape, 405 for a known path with
another method, and work that stops when its client leaves or its time is up.

Every error body is JSON with `detail` and `request_id` (assistant/api_errors.py); no traceback
reaches a client.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Callable
from typing import Any

import anyio
from fastapi import FastAPI, Request
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.api_errors import (
    ClientGone,
    ServiceUnavailable,
    install_error_json,
    request_id,
)

log = logging.getLogger("eduqa.api")
MULTIPART_SLACK = 64 * 1024  # form boundaries and headers around the file
API_PATHS = ("/api/", "/docs", "/redoc", "/openapi.json")  # paths the page never serves


def install_error_handlers(app: FastAPI, upload_limit: int, api_routes: list[BaseRoute]) -> None:
    """Request ids and early refusals (middleware), then the one error shape (api_errors)."""
    app.add_middleware(RequestIdMiddleware, upload_limit=upload_limit, api_routes=api_routes)
    install_error_json(app)


class RequestIdMiddleware:
    """Pure ASGI (so `request.is_disconnected()` sees the real client): a request id on every
    response and log line, a JSON 500 for an unexpected error, and 405/404 in JSON for /api
    paths instead of the chat page's catch-all."""

    def __init__(self, app: ASGIApp, upload_limit: int, api_routes: list[BaseRoute]):
        self.app = app
        self.api_routes = api_routes
        self.body_limit = upload_limit + MULTIPART_SLACK

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        given = headers.get(b"x-request-id", b"").decode("latin-1")
        rid = given if given.isprintable() and 0 < len(given) <= 64 else uuid.uuid4().hex[:12]
        scope.setdefault("state", {})["request_id"] = rid
        status: dict[str, int] = {}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", rid.encode())]
            await send(message)

        early = _route_miss(scope, self.api_routes) or self._too_large(headers)
        try:
            if early is not None:
                await _send_json(send_with_id, *early, rid)
            else:
                await self.app(scope, receive, send_with_id)
        except Exception:
            log.exception("request %s %s failed [request_id=%s]", scope["method"], scope["path"], rid)
            if "code" not in status:
                await _send_json(send_with_id, 500, {"detail": "internal error"}, {}, rid)
        log.info("%s %s -> %s [request_id=%s]", scope["method"], scope["path"], status.get("code"), rid)

    def _too_large(self, headers: dict[bytes, bytes]) -> tuple[int, dict, dict] | None:
        """Refuse a body over the upload limit from its Content-Length, before reading it."""
        length = headers.get(b"content-length", b"0")
        if length.isdigit() and int(length) > self.body_limit:
            return 413, {"detail": f"request body larger than {self.body_limit // 2**20} MB"}, {}
        return None


def _route_miss(scope: Scope, routes: list[BaseRoute]) -> tuple[int, dict, dict] | None:
    """(status, body, headers) for an /api path no route serves with this method, else None
    (the chat page mounted at / would otherwise answer every unknown path with its own 404)."""
    path = scope["path"]
    if not path.startswith(API_PATHS):
        return None
    allowed: set[str] = set()
    for route in routes:
        match, _ = route.matches(scope)
        if match == Match.FULL:
            return None
        if match == Match.PARTIAL:
            allowed |= set(getattr(route, "methods", None) or ())
    if allowed:
        allow = ", ".join(sorted(allowed))
        return 405, {"detail": f"method {scope['method']} not allowed; use {allow}"}, {"allow": allow}
    return 404, {"detail": f"no such endpoint: {path}"}, {}


async def _send_json(send: Send, status: int, body: dict, headers: dict, rid: str) -> None:
    payload = json.dumps({**body, "request_id": rid}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    raw += [(k.encode(), v.encode()) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": payload})


async def run_bounded(request: Request, limiter: anyio.CapacityLimiter, timeout_s: float,
                      work: Callable, *args) -> Any:  # fmt: skip
    """Run blocking `work` in a worker thread, at most `limiter` at a time. A request waiting for
    a worker leaves the queue when its client disconnects or its time runs out (503), so
    abandoned questions never start; one already running finishes its stage and is dropped."""
    task = asyncio.ensure_future(anyio.to_thread.run_sync(lambda: work(*args), abandon_on_cancel=True,
                                                          limiter=limiter))  # fmt: skip
    watch = asyncio.ensure_future(_disconnected(request))
    try:
        done, _ = await asyncio.wait({task, watch}, timeout=timeout_s, return_when=asyncio.FIRST_COMPLETED)
    finally:
        watch.cancel()
    if task in done:
        return task.result()
    task.cancel()
    if watch in done:
        log.info("client left; request dropped [request_id=%s]", request_id(request))
        raise ClientGone()
    raise ServiceUnavailable(f"no answer within {timeout_s:g} s (EDUQA_ASK_TIMEOUT_S); please try again")


async def _disconnected(request: Request, every_s: float = 0.25) -> None:
    while not await request.is_disconnected():
        await asyncio.sleep(every_s)
