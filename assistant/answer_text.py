"""The wording of an extractive answer: the direct answer (a table row, the listed items, a
verified record) above the lead item's quote with its [n] and where it stands, then the other
items that add something; a list question lists every answering item."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answer_type import figures_of
from assistant.decision import Decision, answers_kind
from assistant.figures import record_lines
from assistant.item_lists import asks_listing, direct_lines, item_list, listing_quote
from assistant.listing_head import listing_head
from assistant.query import QueryAnalysis
from assistant.readable_records import readable_metric
from assistant.search import Passage
from assistant.sentences import beyond_title, lead_quote, sentence_score
from assistant.table_rows import row_answer
from assistant.wording import document_label, not_found_text, section_label, where_label

FIGURE_KINDS = ("percent", "money", "count", "duration")  # a record line leads only stating one
ADDS = 0.75  # another item is shown when its quote carries this share of what the lead carries


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
    listed, head = direct_lines(analysis, first.text, quotes[1], first.payload.get("display_text") or "")
    direct = _row_line(decision, first, analysis.question) + listed
    readable = [t for t in targets if readable_metric(t.get("metric") or "")]  # else quoted only
    direct += _stating(decision.kind, record_lines(analysis, decision.passages[:1], readable, tasks))
    quote = f"“{head or quotes[1]}” [1]"  # the points listed above: their clause quoted
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


def _stating(kind: str, lines: list[str]) -> list[str]:
    """The record lines that state the asked kind of figure: a percentage asked is not answered
    by a record of '01 học sinh' from the same item (its quote states the percentage)."""
    if kind not in FIGURE_KINDS:
        return lines
    return [line for line in lines if figures_of(kind, line.rsplit("[", 1)[0])]


def _quote(analysis: QueryAnalysis, decision: Decision, passage: Passage) -> str:
    """For a listing question, an item that lists: its clause and every point (bounded).
    Otherwise the unit of the asked kind first (when the passage has one), then what else
    carries the question."""
    if asks_listing(analysis) and (points := item_list(passage.text)):
        return listing_quote(points, analysis.language)
    unit = decision.leads.get(passage.id)
    lead = unit.text if unit is not None and unit.typed and decision.kind else ""
    doc = passage.doc or {}
    asked = beyond_title(analysis, f"{doc.get('title') or ''} {doc.get('number') or ''}")
    return " … ".join(lead_quote(asked, passage.text, lead)) or passage.text[:300]


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
    head = listing_head(analysis, passages)
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
