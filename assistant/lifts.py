"""Lifts for passages whose document fits the question's constraints (province, year, document
number and type, school level, a named row or document, the asked fact), applied to fused scores."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from types import MappingProxyType

from assistant.answer_ranking import content_question, is_header_part
from assistant.constraint_fits import number_fits, province_fits, year_fits
from assistant.document_facts import states_fact
from assistant.levels import levels_in
from assistant.query import QueryAnalysis
from assistant.row_names import names_row
from ingest.text import fold_accents

# chosen on the dev groups of both sets by `python -m eval.tune_lifts`; see README "Benchmark"
LIFTS = MappingProxyType({"province": 0.2, "year": 0.05, "year_heading": 0.2, "number": 0.1, "type": 0.1,
                          "level": 0.05, "header": 0.0, "document": 1.0, "fact": 1.0,
                          "row_name": 0.2, "figure": 1.0})  # fmt: skip
# row_name: dev hits@5 / MRR@10 of the development corpus 0.762/0.641 at 0, 0.794/0.677 from 0.2 to
# 1.0 (seeds unchanged); the smallest value on that plateau


def boost(
    analysis: QueryAnalysis,
    payload: dict,
    lifts: Mapping[str, float] | None = None,
    fact_sources: Collection[str] = (),
) -> float:
    """A small lift for passages whose document fits the question's constraints (province, year,
    document number and type, school level) — small enough never to push the item that states
    the answer out of the top (a fused score is about 1/(60 + rank): 10% is a few ranks)."""
    lifts = lifts or LIFTS
    c = analysis.constraints
    doc = payload.get("doc") or {}
    text = payload.get("index_text") or payload.get("text", "")
    factor = 1.0
    if c.provinces and doc.get("province"):
        factor *= 1 + lifts["province"] if province_fits(doc, c.provinces) else 1 - lifts["province"]
    if c.years and year_fits(text, doc, c.years):
        factor *= 1 + lifts["year"]
        if any(y in payload.get("heading_path", "") for y in c.years):
            factor *= 1 + lifts["year_heading"]  # "Chỉ tiêu đến năm 2025": the year heads the item
    if c.doc_numbers and number_fits(doc, c.doc_numbers):
        factor *= 1 + lifts["number"]
    if c.doc_types and doc.get("type") in c.doc_types:
        factor *= 1 + lifts["type"]
    if analysis.levels and set(analysis.levels) & set(levels_in(fold_accents(text))):
        factor *= 1 + lifts["level"]
    if names_row(analysis.question, payload):
        factor *= 1 + lifts.get("row_name", 0.0)  # the question names this table row in full
    if c.documents and payload.get("source") in c.documents:
        factor *= 1 + lifts["document"]  # the question names this document
    if c.fact and payload.get("source") in fact_sources and states_fact(c.fact, payload):
        factor *= 1 + lifts["fact"]  # the chunk stating the asked signer, date, "Căn cứ" …
    elif is_header_part(payload) and content_question(analysis):
        factor *= 1 - lifts["header"]  # a header repeats the title's words, never states a figure
    return factor
