"""The HTTP API under /api (OpenAPI docs at /docs) and the chat page mounted at /.

Routes are thin: validate, call the service, shape the response. Errors come back as JSON with a
request id the server log also has (assistant/api_http.py); no traceback reaches a client.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse
from starlette.routing import Route

from assistant.api_errors import error_responses
from assistant.api_http import install_error_handlers, run_bounded
from assistant.deps import ServiceDep, SettingsDep, require_api_key
from assistant.filters import YEAR_PATTERN, normalise_filters
from assistant.models import MAX_FILTER_CHARS, MAX_QUESTION_CHARS, NOT_BLANK, Answer, AskRequest
from assistant.records_api import router as records_router
from assistant.service import AssistantService
from assistant.settings import Settings

router = APIRouter(prefix="/api")
FilterQuery = Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)]
ORIGINAL_TYPES = ("application/pdf", "text/plain", "text/markdown", "image/png", "image/jpeg",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document")  # fmt: skip


@router.get("/health")
def health() -> dict:
    """Alive: the process answers HTTP."""
    return {"status": "ok"}


@router.get("/ready")
def ready(service: ServiceDep) -> dict:
    """Ready to answer: index loaded; dense model, reranker and LLM on or off; counts."""
    status = service.status()
    status["qdrant"] = "server" if service.settings.qdrant_url else "embedded"  # no server paths
    return {"ready": status["index"], **status}


@router.post("/ask", response_model=Answer, responses=error_responses(400, 422, 503))
async def ask(body: AskRequest, request: Request, service: ServiceDep, settings: SettingsDep) -> Answer:
    """Answer a question (Vietnamese, with or without diacritics, or English) from the
    directives. `answer` carries [n] markers into `citations`; `answerable` is false when the
    documents do not say, and the answer then says so plainly. Filter values match with or
    without accents. A question that takes longer than the server's limit gets a 503."""
    filters = normalise_filters(body.filters.values(), service.provinces)
    return await run_bounded(request, request.app.state.ask_limiter, settings.ask_timeout_s,
                             service.ask, body.question, body.top_k, filters)  # fmt: skip


@router.get("/search", responses=error_responses(422, 503))
async def search(
    service: ServiceDep,
    settings: SettingsDep,
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUESTION_CHARS, pattern=NOT_BLANK)],
    top_k: Annotated[int, Query(ge=1, le=20)] = 10,
    source: FilterQuery = None,
    province: FilterQuery = None,
    type: FilterQuery = None,
    year: Annotated[str | None, Query(pattern=YEAR_PATTERN)] = None,
) -> dict:
    """Ranked passages for a query, without an answer. Filters: source, province, type, year
    (values match with or without accents)."""
    unknown = sorted(set(request.query_params) - {"q", "top_k", "source", "province", "type", "year"})
    if unknown:
        raise RequestValidationError([{"type": "extra_forbidden", "loc": ["query", k],
                                       "msg": "unknown query parameter"} for k in unknown])  # fmt: skip
    given = {"source": source, "province": province, "type": type, "year": year}
    filters = normalise_filters({k: v for k, v in given.items() if v}, service.provinces)
    passages = await run_bounded(request, request.app.state.ask_limiter, settings.ask_timeout_s,
                                 service.search, q, top_k, filters)  # fmt: skip
    return {"query": q, "results": [
        {"id": p.id, "source": p.source, "section": p.section, "section_title": p.section_title,
         "text": p.text, "score": round(p.score, 6), "evidence": round(p.evidence, 3), "doc": p.doc}
        for p in passages]}  # fmt: skip


@router.get("/documents")
def documents(service: ServiceDep) -> list[dict]:
    """Every indexed document: metadata, chunk count, and duplicate links."""
    return service.documents()


@router.get("/documents/{doc_id:path}", responses=error_responses(404))
def document(doc_id: str, service: ServiceDep) -> dict:
    """One document's metadata and its sections as a tree (id = path under corpus/)."""
    return service.document(doc_id)


ORIGINAL_RESPONSES = {200: {"description": "The original file", "content": {t: {} for t in ORIGINAL_TYPES}},
                      **error_responses(404)}  # fmt: skip


@router.get("/originals/{doc_id:path}", response_class=FileResponse, responses=ORIGINAL_RESPONSES)
def original(doc_id: str, service: ServiceDep) -> FileResponse:
    """The original file a document was read from (PDF, DOCX, scan or text), so a citation's
    page can be checked against it: append #page=N for PDFs. Only files indexed from the
    corpus folder are served."""
    return FileResponse(service.original_path(doc_id))


@router.get("/chunks/{chunk_id}", responses=error_responses(404))
def chunk(chunk_id: str, service: ServiceDep) -> dict:
    """One chunk: the numbered task's text, section path, titles and document."""
    return service.chunk(chunk_id)


@router.post("/documents", status_code=201, dependencies=[Depends(require_api_key)],
             responses=error_responses(400, 403, 409, 413, 422))  # fmt: skip
async def upload(
    service: ServiceDep,
    settings: SettingsDep,
    file: UploadFile = File(...),
    replace: Annotated[bool, Query(description="Replace a document of the same name")] = False,
) -> dict:
    """Upload a directive (.txt, .md, .docx, .pdf, .png, .jpg; at most EDUQA_MAX_UPLOAD_MB).
    It is parsed and indexed before this returns; a file that cannot be parsed is refused with
    the reason and changes nothing. A name already in the corpus is refused (409) unless
    `replace=true`. Needs the X-API-Key header."""
    limit = settings.max_upload_mb * 1024 * 1024
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, f"file larger than {settings.max_upload_mb} MB")
    return await run_in_threadpool(service.add_document, file.filename or "upload", data, replace)


@router.delete("/documents/{doc_id:path}", dependencies=[Depends(require_api_key)],
               responses=error_responses(403, 404))  # fmt: skip
def delete(doc_id: str, service: ServiceDep) -> dict:
    """Remove a document and its chunks from the corpus and the index. Needs X-API-Key."""
    service.delete_document(doc_id)
    return {"deleted": doc_id}


def create_app(settings: Settings, service: AssistantService | None = None) -> FastAPI:
    """Build the API; tests build their own with their own settings and service. The chat page is
    mounted above this layer (`eduqa.server.create_server`); `app.state.current_service` gives it
    the same service."""
    from assistant.deps import get_service, get_settings

    state: dict = {}

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        state["service"] = service or AssistantService(settings, owner="eduqa serve")
        yield
        if service is None:
            state["service"].close()

    app = FastAPI(title="eduqa", version="0.1.0", lifespan=lifespan,
                  description="Answers from Vietnamese education directives, with citations.")  # fmt: skip
    app.state.ask_limiter = anyio.CapacityLimiter(max(settings.ask_workers, 1))  # questions at once
    app.dependency_overrides[get_settings] = lambda: settings
    app.state.current_service = lambda: state.get("service") or service
    app.dependency_overrides[get_service] = app.state.current_service
    app.include_router(router)
    app.include_router(records_router)
    api_routes = (
        [r for r in app.router.routes if isinstance(r, Route)] + router.routes + records_router.routes
    )
    install_error_handlers(app, settings.max_upload_mb * 1024 * 1024, api_routes)
    return app
