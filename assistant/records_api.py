"""`GET /api/targets` and `GET /api/tasks`: the targets and tasks tables as JSON.

Records are derived from every indexed chunk, which takes a scroll over the whole index, so they
are cached on the service object and rebuilt only when the ingested files change (keyed by the
file hashes in service.state), by one caller at a time. Like questions, these requests wait their
turn for a worker and are dropped when their client leaves.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from assistant.api_errors import error_responses
from assistant.api_http import run_bounded
from assistant.deps import ServiceDep, SettingsDep
from assistant.records import LEVELS, filter_targets, filter_tasks, service_records

router = APIRouter(prefix="/api", tags=["records"])
LEVEL_HELP = ", ".join(LEVELS)


async def _records(request: Request, service, settings) -> tuple[list[dict], list[dict]]:
    return await run_bounded(request, request.app.state.ask_limiter, settings.ask_timeout_s,
                             service_records, service)  # fmt: skip


@router.get("/targets", responses=error_responses(422, 503))
async def targets(
    request: Request,
    service: ServiceDep,
    settings: SettingsDep,
    year: Annotated[int | None, Query(description="Target year, or a year inside its period")] = None,
    level: Annotated[str | None, Query(description=LEVEL_HELP)] = None,
    province: Annotated[str | None, Query()] = None,
    q: Annotated[str | None, Query(description="Words in the metric or quote, any accents")] = None,
) -> dict:
    """Quantitative targets (chỉ tiêu) with their source and section."""
    records = await _records(request, service, settings)
    rows = filter_targets(records[0], year=year, level=level, province=province, q=q)
    return {"count": len(rows), "targets": rows}


@router.get("/tasks", responses=error_responses(422, 503))
async def tasks(
    request: Request,
    service: ServiceDep,
    settings: SettingsDep,
    lead: Annotated[str | None, Query(description="Lead unit, part of its name, any accents")] = None,
    before: Annotated[str | None, Query(description="Due by: YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    q: Annotated[str | None, Query()] = None,
) -> dict:
    """Assigned tasks (appendix rows and dated duties) with lead unit and deadline."""
    rows = filter_tasks((await _records(request, service, settings))[1], lead=lead, before=before, q=q)
    return {"count": len(rows), "tasks": rows}
