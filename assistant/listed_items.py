"""A question asking for the items of a kind ('những dự án nào', 'các nhiệm vụ nào', 'which
projects') is answered by the item that lists them: a directive lists a unit's projects or
tasks one a line under the clause that gives them ('c) Tổ chức triển khai … các dự án …:' then
'- Dự án 1: …', '- Dự án 2: …'). Such an item leads the answer, and the answer counts its lines
(assistant/item_lists.py).

A listed line names the asked kind among its first words ('- Tiểu dự án 2 (Dự án 7): …'); a
line that only mentions it later ('- Sở Tài chính và các đơn vị có liên quan …') is another
thing."""

from __future__ import annotations

import re

from ingest.text import fold_accents

MIN_LISTED = 2  # one line is an item, not a list
HEAD_WORDS = 5  # the asked kind is named among a line's first words
MAX_NAMED_WORDS = 20  # syllables of one thing named inline ('Thông tư số … ngày …'); longer is a clause
# a separator just before a named point: ',' or ';', or 'và' / 'hoặc' ('A và B', 'A hoặc B')
_SEPARATOR_BEFORE = re.compile(r"(?:[,;]|\s(?:va|hoac))\s+$")
# the asked kind: up to four syllables ('những phẩm chất chủ yếu nào')
_VI_ASKED = re.compile(r"\b(?:nhung|cac)\s+((?:[a-z]+\s+){0,3}?[a-z]+)\s+nao\b")
_EN_ASKED = re.compile(r"\b(?:which|what)\s+([a-z]+s)\b")
_LINE = re.compile(r"^\s*(?:[-+•*]|[a-zđ]\)|\d+[.)]|\((?:[ivx]{1,4}|[a-zđ]|\d{1,2})\))\s+(.*)$")
_WORDS = re.compile(r"[a-z0-9]+")
# English plurals to the words a Vietnamese directive lists them by
_EN_KINDS = {"projects": "du an", "tasks": "nhiem vu", "programs": "chuong trinh",
             "programmes": "chuong trinh", "schemes": "de an", "solutions": "giai phap"}  # fmt: skip


def asked_items(question: str) -> str:
    """The kind of item asked to be listed (folded words): 'du an' of 'những dự án nào'."""
    folded = fold_accents(question).lower()
    if m := _VI_ASKED.search(folded):
        return m.group(1)
    m = _EN_ASKED.search(folded)
    return _EN_KINDS.get(m.group(1), "") if m else ""


def asked_noun(question: str) -> str:
    """The kind of item asked to be listed as the question writes it ('dự án' of 'những dự án
    nào', 'projects' of 'which projects'); '' when none is asked."""
    folded = fold_accents(question)
    m = _VI_ASKED.search(folded) or _EN_ASKED.search(folded)
    return question[m.start(1) : m.end(1)] if m and len(folded) == len(question) else ""


def listed_items(question: str, text: str) -> list[str]:
    """The lines of `text` that each list an item of the asked kind, as written; none unless
    the question asks for such items and there are at least MIN_LISTED of them."""
    kind = asked_items(question)
    if not kind:
        return []
    items = []
    for line in text.split("\n"):
        m = _LINE.match(line)
        if m and kind in " ".join(_WORDS.findall(fold_accents(m.group(1)).lower())[:HEAD_WORDS]):
            items.append(m.group(1).strip())
    return items if len(items) >= MIN_LISTED else []


def named_inline(question: str, sentence: str) -> list[str]:
    """The things of the asked kind a sentence names one after another ('… tại Thông tư số
    24/2023/TT-BGDĐT ngày 11/12/2023 và Thông tư số 25/2023/TT-BGDĐT …' for 'các thông tư nào'):
    each from the kind's name to the separator (',', ';', 'và', 'hoặc') before the next one; at
    least MIN_LISTED in a row, none otherwise."""
    kind = asked_items(question)
    folded = fold_accents(sentence)
    if not kind or len(folded) != len(sentence):
        return []
    name = kind.replace(" ", r"\s+")  # a name may wrap at a line's end
    starts = [m.start() for m in re.finditer(rf"(?<![a-z0-9]){name}(?![a-z0-9])", folded)]
    run: list[tuple[int, int]] = []  # (start, end of the separator before it): the longest run
    current: list[tuple[int, int]] = []
    for start in starts:
        before = _SEPARATOR_BEFORE.search(folded[:start])
        current = [*current, (start, before.start())] if current and before else [(start, start)]
        run = current if len(current) > len(run) else run
    if len(run) < MIN_LISTED:
        return []
    ends = [cut for _, cut in run[1:]] + [_point_end(folded, run[-1][0])]
    points = [sentence[start:end].strip(" ,;.") for (start, _), end in zip(run, ends, strict=True)]
    return points if all(len(p.split()) <= MAX_NAMED_WORDS for p in points) else []


def _point_end(folded: str, start: int) -> int:
    """Where the last named point ends: at the next ',' or ';', else at the sentence's end."""
    m = re.compile(r"[,;]\s").search(folded, start)
    return m.start() if m else len(folded)
