"""One error shape for the API: every error body is JSON with `detail` and `request_id` (the
server log has the same id); a 422's `detail` is FastAPI's list of {type, loc, msg}; each status a
route can return is declared in the OpenAPI schema."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.filters import FilterValueError
from assistant.listings import DocumentNotFound
from assistant.models import ErrorBody, ValidationErrorBody
from assistant.uploads import DocumentExists
from ingest.read import UnreadableDocument

__all__ = ["ClientGone", "ServiceUnavailable", "error_json", "error_responses", "install_error_json",
           "request_id", "validation_detail"]  # fmt: skip


class ServiceUnavailable(Exception):
    """The question ran out of its time (EDUQA_ASK_TIMEOUT_S) or the server is busy."""


class ClientGone(Exception):
    """The client disconnected before the answer was ready."""


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error statuses a route can return."""
    text = {400: "Bad request (e.g. a body that is not UTF-8 JSON)",
            403: "Writes disabled or wrong X-API-Key",
            404: "Not found", 409: "A document with that name exists (send replace=true)",
            413: "File too large", 422: "Request does not fit the schema, or the document was refused",
            503: "The question took longer than the server's limit; try again"}  # fmt: skip
    return {code: {"model": ValidationErrorBody if code == 422 else ErrorBody, "description": text[code]}
            for code in codes}  # fmt: skip


def request_id(request: Request) -> str | None:
    return request.scope.get("state", {}).get("request_id")


def error_json(request: Request, status: int, detail: Any, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail, "request_id": request_id(request)}, status, headers=headers)


def validation_detail(kind: str, loc: list, msg: str) -> list[dict]:
    return [{"type": kind, "loc": loc, "msg": msg}]


def install_error_json(app: FastAPI) -> None:
    """Every error the routes or the service raise, answered in the one JSON shape."""
    _install_request_errors(app)
    _install_service_errors(app)


def _install_request_errors(app: FastAPI) -> None:
    """A request the API cannot take as sent: 400 for a body that is no JSON, 422 for bad fields."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail = exc.detail
        if exc.status_code == 400 and "parsing the body" in str(detail):
            detail = "the request body is not valid UTF-8 JSON"
        return error_json(request, exc.status_code, detail, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        errors = [{"type": e.get("type", "value_error"), "loc": list(e.get("loc", ())),
                   "msg": e.get("msg", "")} for e in exc.errors()]  # fmt: skip
        return error_json(request, 422, errors)

    @app.exception_handler(FilterValueError)
    async def bad_filter(request: Request, exc: FilterValueError):
        return error_json(request, 422, validation_detail("value_error", ["filters", exc.key], str(exc)))

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError):
        return error_json(request, 422, validation_detail("value_error", [], str(exc)))


def _install_service_errors(app: FastAPI) -> None:
    """What the service refuses or cannot do now: 422, 404, 409, 503, and 499 for a client gone."""

    @app.exception_handler(UnreadableDocument)
    async def unreadable(request: Request, exc: UnreadableDocument):
        return error_json(request, 422, validation_detail("document_refused", ["body", "file"],
                                                          f"document refused: {exc}"))  # fmt: skip

    @app.exception_handler(DocumentNotFound)
    async def not_found(request: Request, exc: DocumentNotFound):
        return error_json(request, 404, f"not found: {exc.args[0]}")

    @app.exception_handler(DocumentExists)
    async def exists(request: Request, exc: DocumentExists):
        return error_json(request, 409, str(exc))

    @app.exception_handler(ServiceUnavailable)
    async def unavailable(request: Request, exc: ServiceUnavailable):
        return error_json(request, 503, str(exc), {"Retry-After": "5"})

    @app.exception_handler(ClientGone)
    async def gone(request: Request, exc: ClientGone):
        return error_json(request, 499, "client closed the request")
