"""The units an answer quotes: sentences, list items and table rows of a passage, and which of
them carry the question."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.deputy_titles import holds_phrase
from assistant.query import QueryAnalysis
from ingest.row_groups import without_group
from ingest.text import word_tokens

_QUANTITY = re.compile(r"(?<![\d/.,-])(\d{1,3}(?:[.,]\d+)?)(?![\d/])\s*(%?)")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)?\s*%|\d+[.,]\d+|\d{1,2}/\d{4}|\d{1,3}(?:\.\d{3})+")
QUOTE_LIMIT = 400  # characters of one quoted sentence
# a sentence longer than a quote: its last characters, kept after a shortened head when they carry
# more of the question ('Giáo viên tham gia bồi dưỡng …, hướng dẫn … thì 01 tiết dạy … được quy
# đổi tối đa không quá 02 tiết định mức': a long subject first, the rule at the end)
QUOTE_TAIL = 150
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[\-+(A-ZĐ\u00c0-\u1ef8\d])|;\s+")
# "TP. Hà Nội", "PGS. TS. …", "đ/c …": a dot that closes an abbreviation ends no sentence.
_FULL_STOP = re.compile(r"(?<=[.!?])\s+(?=[\-+(A-ZĐ\u00c0-\u1ef8\d])")
# a list item opening with a short label ('- Học kỳ I: Bắt đầu …; kết thúc …'): its clauses all
# speak of the labelled subject, so a ';' does not part them
_LABELLED_CLAUSES = 2
_LABELLED_ITEM = re.compile(r"^\s*(?:[-+•]\s*|[a-zđ0-9]{1,2}[.)]\s*)?[^:;.]{2,40}:\s+\S")
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:TP|Tp|TX|TT|P|Q|ThS|TS|PGS|GS|BS|CN|KS|Th\.S|St|No)\.$")
_LEADING_LABEL = re.compile(r"^(?:\(?[0-9ivxIVX]{1,4}[.)]|[a-zđ]\))\s+")


def has_quantity(sentence: str) -> bool:
    """A percentage or a count in the sentence (years, dates and document numbers do not count)."""
    for number, percent in _QUANTITY.findall(sentence):
        if percent or not re.fullmatch(r"(19|20)\d\d", number):
            return True
    return False


def split_sentences(text: str) -> list[str]:
    """Sentences and list items; a table row (cells on one line, ' | ') stays whole, and the
    table's header line above it is no sentence of its own."""
    pieces: list[str] = []
    lines = text.split("\n")
    if len(lines) > 1 and " | " in lines[0] and " | " in text.split("\n", 1)[1]:
        lines = lines[1:]  # a table-row chunk: the header names the columns, the row answers
    for line in lines:
        parts = [_row(line)] if " | " in line else _joined_abbreviations(_clauses(line))
        pieces += [p.strip() for p in parts if len(p.strip()) > 3]
    return pieces


def _clauses(line: str) -> list[str]:
    """A line's sentences; a short labelled list item of two clauses ('Học kỳ I: Bắt đầu …; kết
    thúc …') is parted at its full stops only. One listing more clauses states several things
    (targets of a level: a rate, a share, a prize) and is parted at each ';'."""
    parts = _SENTENCE_END.split(line)
    if len(parts) <= _LABELLED_CLAUSES and len(line) <= QUOTE_LIMIT and _LABELLED_ITEM.match(line):
        return _FULL_STOP.split(line)
    return parts


def _joined_abbreviations(parts: list[str]) -> list[str]:
    """Split pieces joined again where a piece ends with an abbreviation's dot."""
    joined: list[str] = []
    for part in parts:
        if joined and _ABBREVIATION.search(joined[-1]):
            joined[-1] = f"{joined[-1]} {part}"
        else:
            joined.append(part)
    return joined


def sentence_score(analysis: QueryAnalysis, sentence: str) -> float:
    """How much of the question a sentence carries; a figure counts when one is asked for."""
    tokens = word_tokens(sentence)
    words = " " + " ".join(tokens) + " "
    score = 0.0
    for concept in analysis.concepts:
        phrases = (" ".join(word_tokens(p)) for p in concept.phrases)
        if any(holds_phrase(p, tokens, sentence, words, analysis.question) for p in phrases):
            score += concept.weight
    if analysis.asks_figure and _FIGURE.search(sentence):
        score += 1.5
    return score + 0.5 * sum(year in sentence for year in analysis.years)


def best_sentences(analysis: QueryAnalysis, text: str, limit: int = 2) -> list[str]:
    """The sentences that carry most of the question, in reading order (earlier wins a tie:
    a task's first sentence states it)."""
    scored = [(sentence_score(analysis, s) - i * 0.01, i, s) for i, s in enumerate(split_sentences(text))]
    if not scored:
        return []
    scored.sort(reverse=True)
    top = [scored[0]] + [s for s in scored[1:limit] if s[0] >= scored[0][0] * 0.75 and s[0] > 0]
    chosen = sorted(s[1] for s in top)
    pieces = [s for _, _, s in sorted(scored, key=lambda s: s[1])]
    return [quote_of(analysis, _with_items(pieces, i)) for i in chosen]


def _within(phrase: str, words: str) -> bool:
    return f" {' '.join(word_tokens(phrase))} " in words


def _with_items(pieces: list[str], i: int) -> str:
    """A lead-in ('Khó khăn:', '… như sau:') says nothing alone: quoted with the item after it."""
    if pieces[i].rstrip().endswith(":") and i + 1 < len(pieces):
        return f"{pieces[i]} {pieces[i + 1]}"
    return pieces[i]


def beyond_title(analysis: QueryAnalysis, title: str) -> QueryAnalysis:
    """The question without the concepts its document's title (and number) already holds: the
    words that say which document is asked ('Công văn 3628 … năm học 2025-2026') pick the
    sentences that restate the title, not the one that answers. Unchanged when nothing is left."""
    words = " " + " ".join(word_tokens(title)) + " "
    asked = [c for c in analysis.concepts if not any(_within(p, words) for p in c.phrases)]
    if not title.strip() or not any(not c.constraint for c in asked):
        return analysis
    return replace(analysis, concepts=asked)


def _row(line: str) -> str:
    """A table row, read under its group when the whole fits in a quote, else as written: its
    cells answer, and its group stays in its heading path."""
    return line if len(_LEADING_LABEL.sub("", line)) <= QUOTE_LIMIT else without_group(line)


def trim(sentence: str, limit: int = QUOTE_LIMIT) -> str:
    sentence = _LEADING_LABEL.sub("", sentence)
    return sentence if len(sentence) <= limit else sentence[:limit].rsplit(" ", 1)[0] + " …"


def quote_of(analysis: QueryAnalysis, sentence: str, limit: int = QUOTE_LIMIT) -> str:
    """A sentence as quoted: whole when it fits, else its head — or its head and its end, when
    the end carries more of the question."""
    head = trim(sentence, limit)
    body = _LEADING_LABEL.sub("", sentence)
    if len(body) <= limit:
        return head
    tail = body[-QUOTE_TAIL:].split(" ", 1)[-1]
    joined = f"{trim(body, limit - len(tail) - 3)} {tail}"
    return joined if sentence_score(analysis, joined) > sentence_score(analysis, head) else head


def lead_quote(analysis: QueryAnalysis, text: str, lead: str, limit: int = 2) -> list[str]:
    """The quote: `lead` (the unit that states the asked kind of answer) first, then the other
    sentences that carry the question; without a lead, the best sentences in reading order."""
    if not lead:
        return best_sentences(analysis, text, limit)
    sentences = best_sentences(analysis, text, limit)
    if " | " in lead:  # a table row: quoted as read under its group ('Trường … › 15.1 | Khối 10 | …')
        lead = next((s for s in sentences if lead in s), lead)
    quoted = quote_of(analysis, lead)
    others = [s for s in sentences if s not in (quoted, trim(lead)) and s not in lead]
    return [quoted, *others[: limit - 1]]
