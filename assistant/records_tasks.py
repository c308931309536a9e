"""Assigned tasks read from one chunk: each appendix row, each 'Unit: (1) …; (2) …' list, each
'hoàn thành trước dd/mm/yyyy' duty (its lead is the unit named in the heading it sits under)."""

from __future__ import annotations

import re

from assistant.records_display import displayed
from assistant.records_text import norm
from assistant.records_vocab import canonical_lead
from ingest.dates import parse_deadline
from ingest.sections import section_label

_TEXT_DEADLINE = re.compile(
    r"(?:hoan\s+thanh\s+tr\S{1,4}|tr\S{1,4}\s+ngay|cham\s+nhat(?:\s+ngay)?)\s+(?:ngay\s+)?"
    r"(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s*/\s*\d{4})"
)
_UNIT_TASKS = re.compile(r"(?m)^\s*-\s*([^:;()\n]{3,60}?):\s*(?=\(1\))")
_NUMBERED = re.compile(r"\((\d)\)\s*")


def task_record(
    chunk: dict,
    task: str,
    lead: str | None,
    deadline: str | None,
    partners: str | None = None,
    output: str | None = None,
) -> dict:
    """One task with its lead unit (as written and as the known unit), deadline and source."""
    section = list(chunk.get("section") or [])
    task = " ".join(task.split())
    shown = displayed(chunk, task=task, lead=lead, deadline=deadline)
    return {
        "task": task,
        "lead": lead,
        "lead_name": canonical_lead(lead, shown.get("lead")),
        "partners": partners,
        "deadline": deadline,
        "deadline_date": parse_deadline(deadline),
        "output": output,
        "province": (chunk.get("doc") or {}).get("province"),
        "source": chunk.get("source"),
        "section": section,
        "section_label": section_label(section),
        "chunk_id": chunk.get("id"),
    } | {f"display_{name}": shown.get(name) for name in ("task", "lead", "deadline")}


def _appendix_task(chunk: dict) -> dict:
    extra = chunk.get("extra") or {}
    task = extra.get("task") or chunk.get("text") or ""
    return task_record(
        chunk, task, extra.get("lead"), extra.get("deadline"), extra.get("partners"), extra.get("output")
    )


def _unit_lists(chunk: dict, text: str, key_text: str) -> list[dict]:
    """'- Văn phòng: (1) …; (2) …': one task per numbered item, led by the unit."""
    tasks: list[dict] = []
    for m in _UNIT_TASKS.finditer(key_text):
        lead = text[m.start(1) : m.end(1)].strip()
        end = text.find("\n-", m.end())
        body = text[m.end() : end if end > 0 else len(text)]
        items = _NUMBERED.split(body)
        for number, item in zip(items[1::2], items[2::2], strict=False):
            item = item.strip(" ;.\n")
            if item:
                d = _TEXT_DEADLINE.search(norm(item))
                deadline = item[d.start(1) : d.end(1)] if d else None
                tasks.append(task_record(chunk, item, lead, deadline) | {"item": number})
    return tasks


def _dated_duties(chunk: dict, text: str, key_text: str, listed: list[dict]) -> list[dict]:
    """'… hoàn thành trước 20/12/2023': the sentence, led by the unit the heading names, unless
    a task read before (a numbered item, an earlier duty) has that deadline already."""
    tasks: list[dict] = []
    joined = " ".join(text.split())
    for d in _TEXT_DEADLINE.finditer(key_text):
        deadline = text[d.start(1) : d.end(1)]
        if any(t["deadline"] == deadline and t["task"] in joined for t in listed + tasks):
            continue
        start = max(text.rfind("\n", 0, d.start()), text.rfind(";", 0, d.start())) + 1
        ends = [i for i in (text.find("\n", d.end()), text.find(";", d.end())) if i >= 0]
        sentence = text[start : min(ends) if ends else len(text)].strip(" -;.\n")
        titles = chunk.get("titles") or []
        tasks.append(task_record(chunk, sentence, titles[-1] if titles else None, deadline))
    return tasks


def extract_tasks(chunk: dict) -> list[dict]:
    """Assigned tasks of one chunk: an appendix row, unit lists and dated duties."""
    if (chunk.get("section") or [])[:1] == ["appendix"]:
        return [_appendix_task(chunk)]
    text = chunk.get("text") or ""
    key_text = norm(text)
    listed = _unit_lists(chunk, text, key_text)
    return listed + _dated_duties(chunk, text, key_text, listed)
