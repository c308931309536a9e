"""`GET /api/targets` and `GET /api/tasks`: the targets and tasks tables as JSON.

Records are derived from every indexed chunk, which takes a scroll over the whole index, so they
are cached on the service object and rebuilt only when the ingested files change (keyed by the
file hashes in service.state).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from assistant.deps import ServiceDep
from assistant.records import LEVELS, filter_targets, filter_tasks, service_records

router = APIRouter(prefix="/api", tags=["records"])
LEVEL_HELP = ", ".join(LEVELS)


@router.get("/targets")
def targets(
    service: ServiceDep,
    year: Annotated[int | None, Query(description="Target year, or a year inside its period")] = None,
    level: Annotated[str | None, Query(description=LEVEL_HELP)] = None,
    province: Annotated[str | None, Query()] = None,
    q: Annotated[str | None, Query(description="Words in the metric or quote, any accents")] = None,
) -> dict:
    """Quantitative targets (chỉ tiêu) with their source and section."""
    rows = filter_targets(service_records(service)[0], year=year, level=level, province=province, q=q)
    return {"count": len(rows), "targets": rows}


@router.get("/tasks")
def tasks(
    service: ServiceDep,
    lead: Annotated[str | None, Query(description="Lead unit, part of its name, any accents")] = None,
    before: Annotated[str | None, Query(description="Due by: YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    q: Annotated[str | None, Query()] = None,
) -> dict:
    """Assigned tasks (appendix rows and dated duties) with lead unit and deadline."""
    rows = filter_tasks(service_records(service)[1], lead=lead, before=before, q=q)
    return {"count": len(rows), "tasks": rows}
