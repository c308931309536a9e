"""Where a question is answered: decide whether the passages answer it (constraints the corpus
does not cover are refused; the rest by a calibrated score), then lead with the direct answer —
the figure, owner, date or list in the item that answers, quoted with its [n] — and add other
items only when they add something."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.decision import MAX_ANSWER_PASSAGES, Decision, answers_kind, decide, fitting_passages
from assistant.fact_answers import fact_answer
from assistant.figures import lacks_asked_target, record_lines
from assistant.lead_choice import Records, ordered, states_asked
from assistant.listed_items import listed_items, listing_lines
from assistant.llm import generate
from assistant.models import Answer, Citation, DocInfo, Retrieved
from assistant.query import QueryAnalysis
from assistant.search import Passage
from assistant.sentences import lead_quote, sentence_score
from assistant.table_rows import row_answer
from assistant.wording import document_label, not_found_text, section_label, where_label
from ingest.restore.answer import Reading, apply_readings, passage_reading, restored_fields

__all__ = ["Decision", "compose", "decide", "fitting_passages"]
MAX_LISTED = 12
ADDS = 0.75  # another item is shown when its quote carries this share of what the lead carries


def lead_first(
    analysis: QueryAnalysis,
    decision: Decision,
    targets: list[dict],
    ranked: list[Passage] | None = None,
    tasks: list[dict] | None = None,
) -> Decision:
    """Order the answering items (the one that states the asked kind, year and level, or whose
    verified record answers, then the one carrying most of the question, then search rank) and
    keep as many as needed; an answering passage `ranked` by the search but set aside for its
    evidence comes back when it beats every kept item (assistant/lead_choice.py)."""
    if not decision.answerable:
        return decision
    records = Records(targets, tasks or [])
    chosen = ordered(analysis, decision, ranked or decision.passages, records)
    limit = MAX_LISTED if analysis.asks_list else MAX_ANSWER_PASSAGES
    return Decision(True, chosen[:limit], "", decision.probability, decision.features, decision.kind,
                    decision.leads)  # fmt: skip


@dataclass
class Composed:
    text: str
    quotes: dict[int, str]


def compose(analysis: QueryAnalysis, decision: Decision, targets: list[dict], tasks: list[dict]) -> Composed:
    """The answer text with [n] markers, and the quote chosen from each cited passage."""
    language = analysis.language
    if not decision.answerable:
        related = [(p.doc, p.section) for p in decision.passages]
        return Composed(not_found_text(language, decision.reason, related), {})
    quotes = {n: _quote(analysis, decision, p) for n, p in enumerate(decision.passages, 1)}
    if analysis.asks_list and len(decision.passages) > 1:
        return Composed(_listing(analysis, decision.passages, quotes), quotes)
    first = decision.passages[0]
    row = _row_line(decision, first, analysis.question)
    listed = listed_items(analysis.question, first.text)
    direct = row + (listing_lines(listed, language) if listed else [])
    direct += record_lines(analysis, decision.passages[:1], targets, tasks)
    quote = f"“{quotes[1]}” [1]"
    source = f"({where_label(first.doc, first.section, _context(first), language)}.)"
    paragraphs = ["\n".join(direct), f"{quote}\n{source}"] if direct else [f"{quote}\n{source}"]
    others = [
        f"- {where_label(p.doc, p.section, '', language)}: “{quotes[n]}” [{n}]"
        for n, p in enumerate(decision.passages[1:], 2)
        if quotes[n] not in quotes[1] and adds(analysis, decision, quotes, n)
    ]
    if others:
        paragraphs.append(("Also:" if language == "en" else "Thêm:") + "\n" + "\n".join(others))
    return Composed("\n\n".join(paragraphs), quotes)


def adds(analysis: QueryAnalysis, decision: Decision, quotes: dict[int, str], n: int) -> bool:
    """The n-th item carries ADDS of what the lead carries: by its quote's words, or by its lead
    unit's share of the question (rarity-weighted, an OCR text read restored)."""
    if sentence_score(analysis, quotes[n]) >= ADDS * sentence_score(analysis, quotes[1]):
        return True
    first, other = (decision.leads.get(p.id) for p in (decision.passages[0], decision.passages[n - 1]))
    return first is not None and other is not None and other.coverage >= ADDS * first.coverage > 0


def _quote(analysis: QueryAnalysis, decision: Decision, passage: Passage) -> str:
    """The unit of the asked kind first (when the passage has one), then what else carries the
    question."""
    unit = decision.leads.get(passage.id)
    lead = unit.text if unit is not None and unit.typed and decision.kind else ""
    return " … ".join(lead_quote(analysis, passage.text, lead)) or passage.text[:300]


def _row_line(decision: Decision, passage: Passage, question: str = "") -> list[str]:
    """'Bữa sáng: 20.000 Đồng/học sinh/ngày (Mức trần) [1]' when the lead item is a table row
    stating the asked kind."""
    unit = decision.leads.get(passage.id)
    if unit is None or not unit.row or not answers_kind(unit, decision.kind):
        return []
    extra = passage.payload.get("extra") or {}
    parent = (passage.payload.get("titles") or [""])[-1]
    unit_of_table = extra.get("unit", "")
    row = row_answer(decision.kind, passage.text, extra.get("columns"), parent, question, unit_of_table)
    return [f"{row.line()} [1]"] if row is not None else []


def _listing(analysis: QueryAnalysis, passages: list[Passage], quotes: dict[int, str]) -> str:
    head = (
        f"{len(passages)} items answer:" if analysis.language == "en" else f"Có {len(passages)} mục trả lời:"
    )
    items = [
        f"{n}. “{quotes[n]}” [{n}] ({document_label(p.doc, analysis.language)}, "
        f"{section_label(p.section, analysis.language)})"
        for n, p in enumerate(passages, 1)
    ]
    return head + "\n" + "\n".join(items)


def _context(passage: Passage) -> str:
    """The titles above the passage (its own title is in the quote already)."""
    titles = (passage.payload.get("titles") or [])[:-1]
    return " › ".join(t for t in titles if t)


def refuse_missing_target(
    analysis: QueryAnalysis, decision: Decision, led: Decision, targets: list[dict]
) -> Decision:
    """The cited items hold targets, but none for the asked year or level, and the item led with
    (`led`, the decision ordered) does not state the asked kind for them: not an answer."""
    if (decision.answerable and lacks_asked_target(analysis, decision.passages, targets)
            and not states_asked(analysis, led, led.passages[0])):  # fmt: skip
        return Decision(False, decision.passages, "target", decision.probability, decision.features)
    return led


def extracted(
    analysis: QueryAnalysis,
    passages: list[Passage],
    decision: Decision,
    records: tuple[list[dict], list[dict]],
) -> tuple[Decision, Composed]:
    """The extractive answer and the decision it cites: a document fact stated, or the answering
    items led with the one that answers (a missing target refused), composed."""
    if stated := fact_answer(analysis, passages, decision.answerable, decision.reason):
        return Decision(True, stated[0], "", decision.probability, decision.features), Composed(*stated[1:])
    led = lead_first(analysis, decision, records[0], passages, records[1])
    decision = refuse_missing_target(analysis, decision, led, records[0])
    return decision, compose(analysis, decision, *records)


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
