"""Quantitative targets (chỉ tiêu) read from one chunk: one record per value and school level.

The chunk is cut into ';'-separated clauses (targets are listed one per clause); each clause's
values come from `records_values`, its year or period from the clause, the heading above it or
the school year the plan is for. The record quotes the clause as written; for a restored OCR
chunk it carries the restored reading of its metric, value and quote beside them.
"""

from __future__ import annotations

import re

from assistant.records_display import displayed
from assistant.records_text import norm
from assistant.records_values import DOI_VOI, Clause, Found, clause_targets
from assistant.records_vocab import metric_key, metric_label
from ingest.sections import section_label

_CLAUSE_SPLIT = re.compile(r";|\.(?=\s|$)(?<!\d\.)")
_YEAR_IN_SENTENCE = re.compile(r"\b(?:den|vao|het|toi|trong)\s+\S{2,5}\s+(20\d\d)\b")
_PERIOD = re.compile(r"\bgiai\s+doan\s+(20\d\d)\s*-\s*(20\d\d)\b")
_HEADING_YEAR = re.compile(r"\b(20\d\d)\b")
_SCHOOL_YEAR = re.compile(r"nam\s+hoc\s+(20\d\d)\s*-\s*(20\d\d)")


def _heading_year(titles: list[str]) -> int | None:
    """Year from a heading on the path: 'Chỉ tiêu đến năm 2025' (OCR 'Chi tieu den Ham 2025')."""
    year = None
    for title in titles[:-1] if len(titles) > 1 else titles:
        key = norm(title)
        if len(key) < 80 and "tieu" in key and (m := _HEADING_YEAR.search(key)):
            year = int(m.group(1))
    return year


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause: targets are listed one per ';'-separated clause."""
    spans, start = [], 0
    for m in _CLAUSE_SPLIT.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _clause_when(key: str, heading_year: int | None, doc_title: str) -> tuple[int | None, str | None]:
    """(year, period) of a clause: its own 'giai đoạn 2023-2025' or 'đến năm 2025', else the
    heading's year, else the school year a plan's title names."""
    sentence_year, period = None, None
    if m := _PERIOD.search(key):
        period = f"{m.group(1)}-{m.group(2)}"
        sentence_year = int(m.group(2))
    elif m := _YEAR_IN_SENTENCE.search(key):
        sentence_year = int(m.group(1))
    year = sentence_year or heading_year
    if not year and not period and (m := _SCHOOL_YEAR.search(norm(doc_title))):
        period = f"{m.group(1)}-{m.group(2)}"  # a plan for one school year: its targets too
    return year, period


def extract_targets(chunk: dict) -> list[dict]:
    """Every quantitative target in a chunk, one record per value and school level."""
    text = chunk.get("text") or ""
    if not text or (chunk.get("section") or [""])[0] == "appendix":
        return []
    key_text = norm(text)
    heading_year = _heading_year(chunk.get("titles") or [])
    context_level = m.group(1) if (m := DOI_VOI.match(key_text)) else ""
    doc_title = (chunk.get("doc") or {}).get("title") or ""
    records: list[dict] = []
    for c_start, c_end in _clauses(text):
        clause = Clause(text[c_start:c_end], key_text[c_start:c_end])
        year, period = _clause_when(clause.key, heading_year, doc_title)
        for found in clause_targets(clause, context_level):
            record = _target_record(chunk, clause, found, year, period)
            records += [record | {"level": level} for level in found.levels]
    return records


def _target_record(chunk: dict, clause: Clause, found: Found, year: int | None, period: str | None) -> dict:
    section = list(chunk.get("section") or [])
    shown = displayed(chunk, metric=found.metric, value=found.value, quote=clause.text.strip())
    key = metric_key(found.metric_key, found.unit, shown.get("metric"))
    return {
        "metric": found.metric,
        "metric_key": key,
        "metric_label": metric_label(key, shown.get("metric") or found.metric),
        "level": None,
        "value": found.value,
        "number": found.number,
        "unit": found.unit,
        "comparator": found.comparator,
        "year": year,
        "period": period or (str(year) if year else None),
        "province": (chunk.get("doc") or {}).get("province"),
        "source": chunk.get("source"),
        "section": section,
        "section_label": section_label(section),
        "quote": clause.text.strip(),
        "chunk_id": chunk.get("id"),
        "restored": bool(chunk.get("restored")),
    } | {f"display_{name}": shown.get(name) for name in ("metric", "value", "quote")}
