"""What the kind of answer a question wants says about which passages of a document can answer it.

A directive's header parts (its opening, each "Căn cứ" clause, the preamble, the recipients and
the signature block) repeat the words of its title, so a question about the document's content
("how much support a month", "who implements it") finds them first; they state the issuer,
number, date and signer, never a support amount, a duration or the unit in charge of a task.
For such content questions (`content_question`) they may compete at a discount, `LIFTS["header"]`:
measured by `eval.tune_lifts` and left at 0, as no discount added a dev question to the top 5 (the
figure ranking below already puts the item that states the amount first).

A question asking for a figure (an amount, a percentage, a duration, a date, a count) is
answered by an item that states a figure of that kind. The item may share few words with the
question (it says "đối tượng quy định tại điểm a khoản 2 Điều 1" where the question names who is
covered), so the document that ranks best is searched again on its own and its items stating a
figure of the asked kind are fused in as one more ranking (`figure_ranking`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from assistant.answer_type import expresses
from assistant.query import QueryAnalysis
from assistant.question_kind import asked_kind
from ingest.index import ChunkIndex, Hit

# kinds a header part never states: the content of the numbered body answers them
CONTENT_KINDS = frozenset({"code", "money", "percent", "duration", "count", "person", "place", "list"})
# kinds whose figure marks the answering item (answer_type.figures_of), each kept because on the
# dev questions it added questions to the top 5 (`eval.tune_lifts`) and lost none with the dense
# vote on: not dates (a plan dates almost every task), counts or percentages (a plan's targets are
# full of both), which added none; not documents cited by number, which cost the seeds' dev
# questions with the dense vote on
FIGURE_KINDS = frozenset({"money", "duration"})
FIGURE_CANDIDATES = 20  # hits of the one-document search: more than a directive's items per topic
# of which the best few are fused in: a way in for the answering item, not a filter over the
# document (all 20 lifted cost the seeds two dev questions from the top 5; 3 lost none)
FIGURE_TOP = 3


@lru_cache(maxsize=1024)
def _kind(question: str, asks_list: bool) -> str:
    return asked_kind(question, asks_list)


def answer_kind(analysis: QueryAnalysis) -> str:
    """The kind of answer the question wants ('' for none), remembered per question."""
    return _kind(analysis.question, analysis.asks_list)


def is_header_part(payload: dict) -> bool:
    """A chunk cut from the text around the numbered body (ingest.header_parts)."""
    return bool((payload.get("extra") or {}).get("header")) or not payload.get("section")


def content_question(analysis: QueryAnalysis) -> bool:
    """A question about what the document provides, not about the document itself: no document
    fact asked (signer, date, basis …), no metadata words, and an answer kind a header never
    states."""
    return not about_document(analysis) and answer_kind(analysis) in CONTENT_KINDS


def about_document(analysis: QueryAnalysis) -> bool:
    """The question asks about the document itself (its signer, date, basis …, or metadata
    words): its header answers, not an item of its body."""
    return analysis.asks_metadata or bool(analysis.constraints.fact)


def figure_ranking(index: ChunkIndex, analysis: QueryAnalysis, sources: list[str]) -> list[Hit]:
    """The items of these documents that state a figure of the asked kind, best BM25 first
    (search fuses in the best FIGURE_TOP of them, ordered with its lifts)."""
    kind = answer_kind(analysis)
    if kind not in FIGURE_KINDS or not sources or not analysis.terms or about_document(analysis):
        return []
    hits = index.sparse_search(analysis.terms, FIGURE_CANDIDATES, {"source": list(sources)})
    return [h for h in hits if not is_header_part(h.payload) and expresses(kind, h.payload.get("text", ""))]


def add_figure_ranking(
    index: ChunkIndex,
    analysis: QueryAnalysis,
    fused: dict,
    rrf_k: int,
    weight: float,
    lifted: Callable[[dict], float],
) -> None:
    """Fuse into `fused` ({id: (score, payload)}), at `weight` of a ranking's vote, the best
    FIGURE_TOP items of the best passage's document that state a figure of the asked kind,
    ordered with the same lifts (`lifted(payload)`) as every other passage."""
    if not weight or not fused:
        return
    best = max(fused.values(), key=lambda sp: sp[0] * lifted(sp[1]))
    hits = figure_ranking(index, analysis, [best[1].get("source", "")])
    hits.sort(key=lambda h: h.score * lifted(h.payload), reverse=True)
    for rank, hit in enumerate(hits[:FIGURE_TOP]):
        score, _ = fused.get(hit.id, (0.0, hit.payload))
        fused[hit.id] = (score + weight / (rrf_k + rank + 1), hit.payload)
