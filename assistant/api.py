"""The HTTP API under /api (OpenAPI docs at /docs) and the chat page mounted at /.

Routes are thin: validate, call the service, shape the response. Errors come back as JSON with a
request id the server log also has; no traceback reaches a client.
"""

from __future__ import annotations

import logging
import uuid
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse

from assistant.deps import ServiceDep, SettingsDep, require_api_key
from assistant.models import MAX_QUESTION_CHARS, Answer, AskRequest
from assistant.records_api import router as records_router
from assistant.search import FILTER_KEYS
from assistant.service import AssistantService, DocumentNotFound
from assistant.settings import Settings
from ingest.read import UnreadableDocument

log = logging.getLogger("eduqa.api")
router = APIRouter(prefix="/api")


@router.get("/health")
def health() -> dict:
    """Alive: the process answers HTTP."""
    return {"status": "ok"}


@router.get("/ready")
def ready(service: ServiceDep) -> dict:
    """Ready to answer: index loaded; dense model, reranker and LLM on or off; counts."""
    status = service.status()
    return {"ready": status["index"], **status}


@router.post("/ask", response_model=Answer)
def ask(body: AskRequest, service: ServiceDep) -> Answer:
    """Answer a question (Vietnamese, with or without diacritics, or English) from the
    directives. `answer` carries [n] markers into `citations`; `answerable` is false when the
    documents do not say, and the answer then says so plainly."""
    return service.ask(body.question, body.top_k, body.filters)


@router.get("/search")
def search(
    service: ServiceDep,
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUESTION_CHARS)],
    top_k: Annotated[int, Query(ge=1, le=20)] = 10,
    source: str | None = None,
    province: str | None = None,
    type: str | None = None,
    year: str | None = None,
) -> dict:
    """Ranked passages for a query, without an answer. Filters: source, province, type, year."""
    unknown = set(request.query_params) - {"q", "top_k"} - set(FILTER_KEYS)
    if unknown:
        raise HTTPException(422, f"unknown query parameters: {sorted(unknown)}")
    filters = {k: v for k, v in {"source": source, "province": province, "type": type,
                                 "year": year}.items() if v}  # fmt: skip
    passages = service.search(q, top_k, filters)
    return {"query": q, "results": [
        {"id": p.id, "source": p.source, "section": p.section, "section_title": p.section_title,
         "text": p.text, "score": round(p.score, 6), "evidence": round(p.evidence, 3), "doc": p.doc}
        for p in passages]}  # fmt: skip


@router.get("/documents")
def documents(service: ServiceDep) -> list[dict]:
    """Every indexed document: metadata, chunk count, and duplicate links."""
    return service.documents()


@router.get("/documents/{doc_id:path}")
def document(doc_id: str, service: ServiceDep) -> dict:
    """One document's metadata and its sections as a tree (id = path under corpus/)."""
    return service.document(doc_id)


@router.get("/originals/{doc_id:path}")
def original(doc_id: str, service: ServiceDep) -> FileResponse:
    """The original file a document was read from (PDF, DOCX, scan or text), so a citation's
    page can be checked against it: append #page=N for PDFs."""
    return FileResponse(service.original_path(doc_id))


@router.get("/chunks/{chunk_id}")
def chunk(chunk_id: str, service: ServiceDep) -> dict:
    """One chunk: the numbered task's text, section path, titles and document."""
    return service.chunk(chunk_id)


@router.post("/documents", status_code=201, dependencies=[Depends(require_api_key)])
async def upload(service: ServiceDep, settings: SettingsDep, file: UploadFile = File(...)) -> dict:
    """Upload a directive (.txt, .md, .docx, .pdf, .png, .jpg; at most EDUQA_MAX_UPLOAD_MB).
    It is parsed and indexed before this returns; a file that cannot be parsed is refused with
    the reason and changes nothing. Needs the X-API-Key header."""
    limit = settings.max_upload_mb * 1024 * 1024
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, f"file larger than {settings.max_upload_mb} MB")
    return await run_in_threadpool(service.add_document, file.filename or "upload", data)


@router.delete("/documents/{doc_id:path}", dependencies=[Depends(require_api_key)])
def delete(doc_id: str, service: ServiceDep) -> dict:
    """Remove a document and its chunks from the corpus and the index. Needs X-API-Key."""
    service.delete_document(doc_id)
    return {"deleted": doc_id}


def create_app(settings: Settings, service: AssistantService | None = None,
               with_ui: bool = True) -> FastAPI:  # fmt: skip
    """Build the app; tests build their own with their own settings and service."""
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
    app.dependency_overrides[get_settings] = lambda: settings
    app.dependency_overrides[get_service] = lambda: state.get("service") or service
    app.include_router(router)
    app.include_router(records_router)
    _install_error_handlers(app)
    if with_ui:
        from ui.app import mount_ui

        app = mount_ui(app, lambda: state.get("service") or service)
    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.middleware("http")
    async def request_id(request: Request, call_next):
        rid = request.headers.get("X-Request-ID") or uuid.uuid4().hex[:12]
        request.state.request_id = rid
        try:
            response = await call_next(request)
        except Exception:
            log.exception("request %s %s failed [request_id=%s]", request.method, request.url.path, rid)
            response = JSONResponse({"detail": "internal error", "request_id": rid}, status_code=500)
        response.headers["X-Request-ID"] = rid
        log.info("%s %s -> %s [request_id=%s]", request.method, request.url.path,
                 response.status_code, rid)  # fmt: skip
        return response

    def body(request: Request, detail) -> dict:
        return {"detail": detail, "request_id": getattr(request.state, "request_id", None)}

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return JSONResponse(body(request, exc.detail), status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        errors = [{"loc": e.get("loc"), "msg": e.get("msg")} for e in exc.errors()]
        return JSONResponse(body(request, errors), status_code=422)

    @app.exception_handler(UnreadableDocument)
    async def unreadable(request: Request, exc: UnreadableDocument):
        return JSONResponse(body(request, f"document refused: {exc}"), status_code=422)

    @app.exception_handler(DocumentNotFound)
    async def not_found(request: Request, exc: DocumentNotFound):
        return JSONResponse(body(request, f"not found: {exc.args[0]}"), status_code=404)

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError):
        return JSONResponse(body(request, str(exc)), status_code=422)
