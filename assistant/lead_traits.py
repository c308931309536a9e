"""What an item states that fits it to lead an answer: a verified target for the asked figure, a
task row naming the unit in charge or the deadline asked, the asked province, the kind of item
an English question asks under its heading, another document cited, a count. Each is one test of
one item; assistant/lead_choice.py orders the items by them."""

from __future__ import annotations

import re

from assistant.answer_type import figures_of
from assistant.decision import Decision
from assistant.figures import (
    OWNER_QUESTION,
    asks_deadline,
    matching_targets,
    task_deadline,
    tasks_of,
    verified_owner,
)
from assistant.query import QueryAnalysis
from assistant.question_frames import EXCLUSION, frames_in
from assistant.readable_records import readable_metric
from assistant.search import Passage
from assistant.typed_evidence import in_scope
from ingest.text import fold_accents

_EXCLUDES = re.compile(r"\bkhong (?:ap dung|dieu chinh)\b")
_ONE_PERIOD = re.compile(r"\b0?1 (?:tuan|thang|nam hoc|nam|ngay|gio|tiet)\b")
# the thing a question counts: the two syllables after 'bao nhiêu' ('quy trinh', 'hoc sinh')
_COUNTED = re.compile(r"\bbao nhieu ((?!phan tram|tien|lan|%)[a-z]+ [a-z]+)\b")
_DAY_MONTH = re.compile(r"\bngay \d{1,2} thang \d{1,2}\b|\b\d{1,2}/\d{1,2}\b")  # a date without its year
_REFERENCE = re.compile(r"\b(?:dieu|khoan|diem|muc|chuong|phu luc)\s+\d+\b")


def has_target(analysis: QueryAnalysis, passage: Passage, targets: list[dict]) -> bool:
    """A verified target of the item is for the asked figure (its metric names the question's
    words and reads as a name: assistant/readable_records.py)."""
    asks_figure = analysis.asks_figure or analysis.asks_quantity
    matching = matching_targets(analysis, passage, targets) if asks_figure else []
    return any(readable_metric(t.get("metric") or "") for t in matching)


def has_task(analysis: QueryAnalysis, passage: Passage, tasks: list[dict]) -> bool:
    """A task record of the item answers who or when: its owner is a unit name, or it has a
    deadline, as the question asks."""
    folded = fold_accents(analysis.question)
    asks_owner, deadline = OWNER_QUESTION.search(folded), asks_deadline(folded)
    own = tasks_of(passage, tasks) if asks_owner or deadline else []
    return any((asks_owner and verified_owner(k)) or (deadline and task_deadline(k)) for k in own)


def in_place(analysis: QueryAnalysis, passage: Passage, text: str) -> bool:
    """The item is of the asked province: its document's, or its unit or headings name it (a
    national table's row for that province); True when no province is asked."""
    asked = [fold_accents(p).lower() for p in analysis.constraints.provinces]
    if not asked:
        return True
    province = (passage.doc or {}).get("province") or ""
    where = fold_accents(" ".join([province, text, passage.payload.get("heading_path", "")])).lower()
    return any(p in where for p in asked)


def of_asked_type(analysis: QueryAnalysis, passage: Passage) -> bool:
    """The item's document is of the asked type ('the decision', 'nghị quyết'), or of no type its
    header states (a page saved without it: 'mẫu kế hoạch' names no document type of its own);
    True when none is asked."""
    asked, own = analysis.constraints.doc_types, (passage.doc or {}).get("type")
    return not asked or not own or own in asked


def heads_frame(analysis: QueryAnalysis, passage: Passage) -> bool:
    """An English question asking the kind of item ('where does the money come from': the item a
    directive heads 'Nguồn kinh phí'; 'who is covered': 'Đối tượng áp dụng') and the passage
    stands under a heading that opens with that name (not an article's title that lists it
    among others: 'Phạm vi điều chỉnh, đối tượng áp dụng'); a question asking what a text does
    not cover ('không áp dụng đối với …', 'who does it not apply to') and the passage states an
    exclusion."""
    if EXCLUSION.search(fold_accents(analysis.question).lower()):  # what a text does not cover
        return bool(_EXCLUDES.search(fold_accents(passage.text).lower()))
    frames = frames_in(analysis.question) if analysis.language == "en" else []
    if not frames:
        return False
    titles = [*(passage.payload.get("titles") or []), passage.section_title]
    titles = [fold_accents(t).lower() for t in titles if t]
    return any(t.startswith(fold_accents(f.renderings[0])) for f in frames for t in titles)


def cites_another(analysis: QueryAnalysis, passage: Passage, text: str) -> bool:
    """The text cites a document other than the one the question names or the passage's own."""
    own = set(analysis.constraints.doc_numbers)
    if number := re.match(r"\d+", (passage.doc or {}).get("number") or ""):
        own.add(number.group(0).lstrip("0"))
    for ref in figures_of("document", text):
        number = re.match(r"\d+", ref)
        if number and number.group(0).lstrip("0") not in {n.lstrip("0") for n in own}:
            return True
    return False


def states_asked(analysis: QueryAnalysis, decision: Decision, passage: Passage) -> bool:
    """The item's lead unit states the asked kind of answer, for the asked years and levels."""
    unit = decision.leads.get(passage.id)
    return (
        bool(decision.kind)
        and unit is not None
        and unit.typed
        and in_scope(analysis, passage, unit, titled=True)
    )


def counts(text: str) -> bool:
    """The text states a count of something: a number that is neither the one period of a rate
    ('số tiết dạy trung bình trong 01 tuần', '01 năm học') nor the number of an article, clause or
    point it refers to ('quy định tại Điều 7'), nor a day of a month ('ngày 08 tháng 12')."""
    folded = _DAY_MONTH.sub(" ", fold_accents(text).lower())
    return bool(figures_of("count", _REFERENCE.sub(" ", _ONE_PERIOD.sub(" ", folded))))


def counts_asked(question: str, text: str) -> bool:
    """The text counts the thing a Vietnamese question counts: a number written before the
    syllables that follow 'bao nhiêu' ('bao nhiêu quy trình' and '05 quy trình nội bộ'); True
    when the question names no counted thing."""
    asked = _COUNTED.search(fold_accents(question).lower())
    if asked is None:
        return True
    noun = re.escape(asked.group(1))
    return bool(re.search(rf"(?<![\d.,/])\d+\s+{noun}\b", fold_accents(text).lower()))
