"""The answer contract (DESIGN.md): the extractive answer (assistant/answer.py) or one generated
from the passages, with its citations, the retrieved passages and restored OCR readings."""

from __future__ import annotations

import re

from assistant.answer import extracted
from assistant.decision import Decision
from assistant.llm import generate
from assistant.models import Answer, Citation, DocInfo, Retrieved
from assistant.query import QueryAnalysis
from assistant.search import Passage
from ingest.restore.answer import Reading, apply_readings, passage_reading, restored_fields


def assemble(
    question: str,
    analysis: QueryAnalysis,
    passages: list[Passage],
    decision: Decision,
    records: tuple[list[dict], list[dict]],
    *,
    top_k: int,
    llm=None,
    timings: dict[str, float],
) -> Answer:
    """The answer contract (DESIGN.md): extractive, or generated from the passages when an LLM
    is given and the passages answer (a failed call falls back to extraction)."""
    decision, composed = extracted(analysis, passages, decision, records)
    text, quotes, cited, mode = composed.text, composed.quotes, decision.passages, "extractive"
    if llm is not None and decision.answerable:
        generated = generate(llm, question, analysis.language, passages[:top_k])
        if generated is None:
            mode = "extractive-fallback"
        else:
            text, numbers = generated
            text, quotes, mode = _renumber(text, numbers), {}, "llm"
            cited = [passages[:top_k][n - 1] for n in numbers]
    readings = [passage_reading(p.payload, p.text, quotes.get(n, "")) for n, p in enumerate(cited, 1)]
    text = apply_readings(text, readings)  # restored OCR passages read as restored
    return Answer(
        question=question,
        answer=text,
        answerable=decision.answerable,
        language=analysis.language,
        retrieved=[_retrieved(p) for p in passages[:20]],
        citations=[
            _citation(n, p, quotes.get(n, ""), r)
            for (n, p), r in zip(enumerate(cited, 1), readings, strict=True)
        ],
        timings_ms=timings,
        mode=mode,
    )


def _retrieved(p: Passage) -> Retrieved:
    return Retrieved(id=p.id, source=p.source, section=p.section, score=round(p.score, 6))


def _citation(n: int, p: Passage, quote: str, reading: Reading | None = None) -> Citation:
    return Citation(n=n, id=p.id, source=p.source, section=p.section, section_title=p.section_title,
                    text=p.text, quote=quote, score=round(p.score, 6), page=p.payload.get("page"),
                    doc=DocInfo(**{k: p.doc.get(k) for k in DocInfo.model_fields}),
                    **restored_fields(p.payload, reading))  # fmt: skip


def _renumber(text: str, numbers: list[int]) -> str:
    mapping = {old: new for new, old in enumerate(numbers, 1)}
    return re.sub(r"\[(\d+)\]", lambda m: f"[{mapping.get(int(m.group(1)), m.group(1))}]", text)
