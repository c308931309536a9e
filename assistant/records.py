"""Structured records from directive chunks: quantitative targets (chỉ tiêu) and assigned tasks.

Why a separate pass: the search index answers questions, but "what is the 2025 target for
THCS?" or "what must Phòng KHTC deliver before mid-2024?" want a table, not passages. The
reading is split by what it reads:

- `records_text`: the folded, OCR-repaired text all matching runs on (offsets as written);
- `records_vocab`: known metrics and lead units that OCR spellings are grouped under;
- `records_values` and `records_targets`: targets, one per value and school level;
- `records_tasks`: tasks with lead unit and deadline;
- `records_display`: the restored reading of an OCR record's words, shown beside them.

This module joins them over a corpus and filters the tables.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.levels import LEVELS as LEVELS
from assistant.records_targets import extract_targets as extract_targets
from assistant.records_tasks import extract_tasks as extract_tasks
from assistant.records_text import key_of
from assistant.records_vocab import group_metrics
from ingest.dates import parse_deadline as parse_deadline

EXTRACTION_MODULES = ("records", "records_text", "records_vocab", "records_values",
                      "records_targets", "records_tasks", "records_display")  # fmt: skip


def build_records(chunks: list[dict]) -> tuple[list[dict], list[dict]]:
    """Targets and tasks of all chunks, skipping duplicate copies (the clean copy is enough).

    Within one chunk a value restated twice is kept once; metrics that differ only by OCR
    slips take one key (`group_metrics`).
    """
    targets: list[dict] = []
    tasks: list[dict] = []
    for chunk in chunks:
        if chunk.get("duplicate_of"):
            continue
        seen: set[tuple] = set()
        for t in extract_targets(chunk):
            key = (t["metric_key"], t["level"], t["number"], t["year"], t["quote"])
            if key not in seen:
                seen.add(key)
                targets.append(t)
        tasks.extend(extract_tasks(chunk))
    group_metrics(targets)
    return targets, tasks


def _matches(q: str | None, *fields: Any) -> bool:
    if not q:
        return True
    needle = key_of(q)
    return any(needle in key_of(str(f)) for f in fields if f)


def _in_year(target: dict, year: int) -> bool:
    """The target's year, or a period covering it ('2023-2025')."""
    bounds = [int(p) for p in re.findall(r"20\d\d", target.get("period") or "")]
    return target.get("year") == year or (len(bounds) == 2 and bounds[0] <= year <= bounds[1])


def filter_targets(
    targets: list[dict],
    year: int | str | None = None,
    level: str | None = None,
    province: str | None = None,
    q: str | None = None,
) -> list[dict]:
    """Targets for a year (or a period covering it), a level, a province, words (any accents)."""
    out = []
    for t in targets:
        if year is not None and str(year).strip() and not _in_year(t, int(str(year).strip())):
            continue
        if level and key_of(level) != key_of(t["level"]):
            continue
        if province and key_of(province) != key_of(t.get("province") or ""):
            continue
        fields = (t["metric"], t.get("metric_label"), t["quote"], t["metric_key"], t.get("display_quote"))
        if _matches(q, *fields):
            out.append(t)
    return out


def filter_tasks(
    tasks: list[dict], lead: str | None = None, before: str | None = None, q: str | None = None
) -> list[dict]:
    """Tasks of a lead unit (any accents, part of the name), due by `before` (ISO date, month or
    year), and mentioning words. Tasks without a readable date are left out when `before` is set.
    """
    out = []
    for t in tasks:
        if lead and not _matches(lead, t.get("lead"), t.get("lead_name"), t.get("display_lead")):
            continue
        if before:
            date = t.get("deadline_date")
            if not date or date[: len(before)] > before:
                continue
        fields = (t["task"], t.get("output"), t.get("lead"), t.get("lead_name"), t.get("display_task"))
        if _matches(q, *fields):
            out.append(t)
    return out


def year_choices(targets: list[dict]) -> list[int]:
    """The years the targets are for, their periods' end years included, newest first."""
    years = {t["year"] for t in targets if t.get("year")}
    years |= {int(y) for t in targets for y in re.findall(r"20\d\d", t.get("period") or "")}
    return sorted(years, reverse=True)


def service_records(service) -> tuple[list[dict], list[dict]]:
    """(targets, tasks) of the service's indexed documents, made at ingest (see records_store)."""
    return service.records()
