"""An item that lists: its heading or a clause ending with a colon, then its points one a line
('c) Tổ chức triển khai … các dự án …:' then '- Dự án 1: …', '- Dự án 2: …'). A listing
question is answered from every point of such an item, counted; past MAX_SHOWN points the answer
says how many more there are rather than dropping them silently."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.inline_lists import inline_points
from assistant.listed_items import MIN_LISTED, asked_items, listed_items, named_inline
from assistant.query import QueryAnalysis
from assistant.records_display import restored_piece

MAX_SHOWN = 12  # points of one item shown (as many as a listing answer cites items); the rest counted
# a point's mark: a dash or bullet, or an enumeration in brackets ('(i)', '(ii)', '(a)', '(1)')
_POINT = re.compile(r"^\s*(?:[-+•*–]|\((?:[ivx]{1,4}|[a-zđ]|\d{1,2})\))\s+(\S.*)$")


@dataclass(frozen=True)
class ItemList:
    head: str  # the clause that introduces the points, as written
    points: list[str]  # each point's text, without its mark
    written: list[str]  # each point's line as written, with its mark


def asks_listing(analysis: QueryAnalysis) -> bool:
    """'những đơn vị nào …', 'các dự án nào', 'list every task led by …', 'which projects'."""
    return analysis.asks_list or bool(asked_items(analysis.question))


def item_list(text: str) -> ItemList | None:
    """The points an item lists under its heading ('6. Đẩy mạnh hội nhập quốc tế …' then '- …')
    or under a clause ending with a colon (at least MIN_LISTED, one a line, up to the first line
    that is no point); none for a table row."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if any(" | " in line for line in lines):
        return None
    first = next((i for i, line in enumerate(lines) if _POINT.match(line)), None)
    if not first or not (first == 1 or lines[first - 1].endswith(":")):
        return None  # the points stand under the item's own heading or a clause ending with ':'
    written = []
    for line in lines[first:]:
        if not _POINT.match(line):
            break
        written.append(line)
    points = [_POINT.match(line).group(1).strip() for line in written]
    return ItemList(lines[first - 1], points, written) if len(points) >= MIN_LISTED else None


def direct_lines(analysis: QueryAnalysis, text: str, quote: str, display: str = "") -> tuple[list[str], str]:
    """For a listing question, the lines that lead the answer, and the clause to quote below them
    ('' to quote the item as chosen): the item's lines naming the asked kind, counted (their
    clause quoted); else the count of an item that lists (its quote holds every point); else the
    points its quote names or lists on one line, counted and shown (in the restored reading,
    `display`, of an OCR item)."""
    if not asks_listing(analysis):
        return [], ""
    language = analysis.language
    points = item_list(text)
    if named := listed_items(analysis.question, text):
        head = points.head if points else ""
        return counted_lines(named, language) if head else [count_line(len(named), language)], head
    if points:
        return [count_line(len(points.points), language)], ""
    sentences = quote.split(" … ")
    inline = next((found for s in sentences if (found := named_inline(analysis.question, s))), [])
    inline = inline or next((found for s in sentences if (found := inline_points(s))), [])
    return (counted_lines([shown_point(p, text, display) for p in inline], language) if inline else []), ""


def shown_point(point: str, text: str, display: str) -> str:
    """A point as shown: in an OCR item's restored reading (`display`) when it has one."""
    if not display:
        return point
    return restored_piece(" ".join(text.split()), " ".join(display.split()), point) or point


def count_line(total: int, language: str, n: int = 1) -> str:
    """'Có 6 mục [1]:'."""
    return f"{total} items [{n}]:" if language == "en" else f"Có {total} mục [{n}]:"


def counted_lines(points: list[str], language: str, n: int = 1) -> list[str]:
    """'Có 6 mục [1]:' then each point, at most MAX_SHOWN, then '… và 3 mục khác [1]'."""
    shown = (f"- {point}" for point in points[:MAX_SHOWN])
    return [count_line(len(points), language, n), *shown, *more_line(len(points), language, n)]


def more_line(total: int, language: str, n: int = 1) -> list[str]:
    """The line saying how many points are not shown, when some are not."""
    rest = total - MAX_SHOWN
    if rest <= 0:
        return []
    return [f"… and {rest} more [{n}]" if language == "en" else f"… và {rest} mục khác [{n}]"]


def listing_quote(listed: ItemList, language: str) -> str:
    """The quote of a listing item: its clause and its points as written (at most MAX_SHOWN, the
    rest counted), one a line."""
    shown = [listed.head, *listed.written[:MAX_SHOWN]]
    rest = len(listed.points) - MAX_SHOWN
    if rest > 0:
        shown.append(f"… ({rest} more)" if language == "en" else f"… (và {rest} mục khác)")
    return "\n".join(shown)
