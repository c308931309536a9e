"""Targets and task records in answers — only when verified against the item they came from: a
target's value and metric stand in the same clause of the cited item; a task's owner is a unit
name. Anything else is quoted, not stated."""

from __future__ import annotations

import re

from assistant.answer_ranking import answer_kind
from assistant.constraint_fits import number_fits
from assistant.levels import record_level_matches
from assistant.query import QueryAnalysis
from assistant.question_kind import asks_when
from assistant.search import Passage
from assistant.wording import display_date
from ingest.text import fold_accents, word_tokens

OWNER_QUESTION = re.compile(
    r"\b(ai|don vi nao|phong nao|chu tri|who|which unit|which office|lead|in charge)\b"
)
DEADLINE_QUESTION = re.compile(r"\b(khi nao|bao gio|thoi han|han chot|truoc ngay|deadline|due)\b")
# the kinds of answer a target's value can give: a date, an owner, a place or a document asked is
# not answered by a rate and its metric ('when' asks the date, not the item's 100%)
TARGET_KINDS = ("", "percent", "money", "count", "duration", "year")
MAX_METRIC_WORDS = 14  # a longer "metric" is a sentence the extraction failed to cut
_UNIT = re.compile(
    r"^(?:cac\s+)?(?:phong|so|van phong|thanh tra|to|ban|uy ban|ubnd|truong|trung tam|cong an|hoi"
    r"|doan|cuc|vu|bo|chi cuc|don vi|co quan|co so|ho tro|lien doan|cong doan)\b"
)


def asks_deadline(folded: str) -> bool:
    """The (folded) question asks a deadline: 'hạn chót', 'khi nào', or 'when' as its question word."""
    return bool(DEADLINE_QUESTION.search(folded)) or asks_when(folded)


def asks_who_or_when(analysis: QueryAnalysis) -> bool:
    """The question asks the unit in charge or the deadline: a task record may answer it."""
    folded = fold_accents(analysis.question)
    return bool(OWNER_QUESTION.search(folded)) or asks_deadline(folded)


def is_unit_name(name: str | None) -> bool:
    """'Phòng KHTC', 'Văn phòng Sở', 'UBND các huyện': a unit, not a task title or a sentence."""
    if not name:
        return False
    folded = fold_accents(name).strip(" -:;.")
    return bool(_UNIT.match(folded)) and len(folded.split()) <= 10 and not re.search(r"\d{2}", folded)


def target_verified(target: dict) -> bool:
    """The value and the metric's words stand in the same clause (the record's quote), and the
    metric is a phrase, not a sentence or a count taken from elsewhere."""
    clause = fold_accents(target.get("quote") or "")
    metric = fold_accents(target.get("metric") or "")
    number = re.match(r"\d+(?:[.,]\d+)?", (target.get("value") or "").strip())
    words = metric.split()
    return (
        2 <= len(words) <= MAX_METRIC_WORDS
        and not re.match(r"\d", metric)  # "01 trường …": a count read as the metric
        and metric in clause
        and number is not None
        and number.group(0) in clause
    )


def _year_matches(record: dict, years: list[str]) -> bool:
    if not years or not (record.get("year") or record.get("period")):
        return True  # a target with no readable year does not contradict the question
    return str(record.get("year")) in years or any(y in str(record.get("period") or "") for y in years)


def matching_targets(
    analysis: QueryAnalysis, passage: Passage, targets: list[dict], verified: bool = True
) -> list[dict]:
    """The passage's verified targets for the asked year and level, those naming the asked
    metric first."""
    own = [
        t
        for t in targets
        if t.get("chunk_id") == passage.id
        and _year_matches(t, analysis.years)
        and record_level_matches(t["level"], analysis.levels)
        and (target_verified(t) or not verified)
    ]
    words = {w for c in analysis.concepts for p in c.phrases for w in word_tokens(p)}

    def overlap(target: dict) -> int:
        return len(words & set(word_tokens(target.get("metric_key") or target["metric"])))

    best = max((overlap(t) for t in own), default=0)
    return [t for t in own if overlap(t) == best] if best else []  # none names the asked metric


def lacks_asked_target(analysis: QueryAnalysis, passages: list[Passage], targets: list[dict]) -> bool:
    """True when the cited items are targets, yet none is for the asked year and level."""
    if not (analysis.asks_quantity and (analysis.years or analysis.levels)):
        return False
    with_targets = [p for p in passages if any(t.get("chunk_id") == p.id for t in targets)]
    return bool(with_targets) and not any(
        matching_targets(analysis, p, targets, verified=False) for p in with_targets
    )


def target_line(target: dict, n: int, language: str) -> str:
    """'98,5% trở lên — tỷ lệ …, trung học, 2025 [1]' (the value first: it is the answer)."""
    when = target.get("period") or target.get("year") or ""
    level = "" if target["level"] == "all" else target["level"]
    about = ", ".join(str(x) for x in (target["metric_label"], level, when) if x)
    return f"{target.get('display_value') or target['value']} — {about} [{n}]"  # OCR: as restored


def tasks_of(passage: Passage, tasks: list[dict]) -> list[dict]:
    """The task records read from the passage's chunk."""
    return [k for k in tasks if k.get("chunk_id") == passage.id]


def verified_owner(task: dict) -> str | None:
    """The task's unit in charge, when it is a unit name (not a task title or a sentence)."""
    lead = task.get("lead_name") or task.get("lead")
    return lead if is_unit_name(lead) else None


def task_deadline(task: dict) -> str | None:
    """The task's deadline, as restored for an OCR text."""
    return task.get("display_deadline") or task.get("deadline")


def task_line(task: dict, n: int, language: str) -> str | None:
    """'Chủ trì: Phòng KHTC; thời hạn: 12/2023 [2]', the owner only when it is a unit name."""
    english = language == "en"
    parts = []
    if lead := verified_owner(task):
        parts.append(f"{'Lead' if english else 'Chủ trì'}: {lead}")
    if deadline := task_deadline(task):
        parts.append(f"{'deadline' if english else 'thời hạn'}: {deadline}")
    return "; ".join(parts) + f" [{n}]" if parts else None


_HEADER_FIELDS = (
    ("signer", re.compile(r"\b(ai ky|nguoi ky|ky boi|who signed|signed by|signer|signatory)\b"),
     {"vi": "Người ký", "en": "Signed by"}),
    ("date", re.compile(r"\b(ky ngay|ky vao ngay nao|ngay ban hanh|ban hanh ngay|ban hanh ngay nao|"
                        r"when (?:was|is) .*(?:signed|issued|dated)|date of|dated|issue date)\b"),
     {"vi": "Ngày ban hành", "en": "Dated"}),
    # 'mã số bao nhiêu' asks a procedure's code, not the document's number
    ("number", re.compile(r"\b(so hieu|so van ban|(?<!ma )so bao nhieu"
                          r"|what (?:is the )?(?:document )?number)\b"),
     {"vi": "Số hiệu", "en": "Number"}),
)  # fmt: skip


def header_lines(analysis: QueryAnalysis, passage: Passage, n: int) -> list[str]:
    """A question about the document itself (who signed, when, its number) is answered from the
    header fields read at ingest, cited to the passage of that document."""
    numbers = analysis.constraints.doc_numbers
    if numbers and not number_fits(passage.doc or {}, numbers):
        return []  # the question names another document (one this passage only cites)
    folded_q = fold_accents(analysis.question)
    language = "en" if analysis.language == "en" else "vi"
    lines = []
    for name, pattern, label in _HEADER_FIELDS:
        value = (passage.doc or {}).get(name)
        if value and pattern.search(folded_q):
            shown = display_date(value) if name == "date" else value
            lines.append(f"{label[language]}: {shown} [{n}]")
    return lines


def record_lines(
    analysis: QueryAnalysis, passages: list[Passage], targets: list[dict], tasks: list[dict]
) -> list[str]:
    """The verified figure, owner or deadline each cited item states, cited to it."""
    lines: list[str] = header_lines(analysis, passages[0], 1) if passages else []
    for n, passage in enumerate(passages, 1):
        if (analysis.asks_figure or analysis.asks_quantity) and answer_kind(analysis) in TARGET_KINDS:
            lines += [
                target_line(t, n, analysis.language) for t in matching_targets(analysis, passage, targets)[:3]
            ]
        if asks_who_or_when(analysis):
            own = tasks_of(passage, tasks)[:2]
            lines += [line for k in own if (line := task_line(k, n, analysis.language))]
    return lines[:5]
