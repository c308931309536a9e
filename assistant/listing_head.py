"""The line above a listing answer that cites several items. It counts what the question asks
for only when the cited items are the points of one list (one document, one parent item: each
point one of the asked things, 'Có 4 nhiệm vụ:'); items from several places may each name
several things, or one thing twice, so their number is said to be a number of items."""

from __future__ import annotations

from assistant.copies import Passage
from assistant.listed_items import asked_noun
from assistant.query import QueryAnalysis


def listing_head(analysis: QueryAnalysis, passages: list[Passage]) -> str:
    """'Có 4 nhiệm vụ:' over the points of one list; 'Các mục trả lời (5 mục của văn bản):'
    otherwise (in English, '4 tasks:' and 'Items that answer (5 items of the documents):')."""
    n, english = len(passages), analysis.language == "en"
    if points_of_one_list(passages):
        noun = asked_noun(analysis.question) or ("points" if english else "mục")
        return f"{n} {noun}:" if english else f"Có {n} {noun}:"
    if english:
        return f"Items that answer ({n} items of the documents):"
    return f"Các mục trả lời ({n} mục của văn bản):"


def points_of_one_list(passages: list[Passage]) -> bool:
    """Every cited item is a point under the same parent item of the same document."""
    parents = {(p.source, tuple(p.section[:-1])) for p in passages}
    return len(parents) == 1 and all(p.section for p in passages)
