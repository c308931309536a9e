"""Answer-type evidence: for each passage, the unit (sentence, list item or table row) that
states something of the asked kind near the question's key terms, and whether the rarest asked
concept is there — with its diacritics when both the question and the passage have them
('bơi' is not 'bồi'; folding alone would say it is: `concept_held.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answer_ranking import answer_kind
from assistant.answer_type import expresses, writes
from assistant.compounds import rarity
from assistant.concept_held import holds, holds_read, is_ocr, readable, restored_readings, restored_text
from assistant.levels import levels_in, record_level_matches
from assistant.query import Concept, QueryAnalysis
from assistant.search import MAX_RARITY, Passage
from assistant.sentences import split_sentences
from assistant.table_rows import split_row, states
from ingest.references import referenced_sections
from ingest.table_units import unit_of
from ingest.text import fold_accents, word_tokens

# question words that say what kind of answer is wanted, not what it is about ('tối đa': at
# most, a bound on the asked figure; 'tỷ lệ': a percentage is asked; 'mấy lần': how often;
# 'mức độ mấy': a level is asked; 'chỉ tiêu / mục tiêu … là gì': a plan's target is asked, which
# its item states under the targets heading without the word)
QUESTION_WORDS = frozenset("bao nhieu lau may lan gi nao ai dau khi sao the nhu toi da ti le muc do chi tieu "
                           "how much long many what when who where which whom whose maximum minimum "
                           "share percentage percent proportion rate".split())  # fmt: skip


@dataclass(frozen=True)
class Unit:
    text: str  # what is quoted
    coverage: float  # share of the question (rarity-weighted) it carries, with its context
    typed: bool  # states something of the asked kind
    rare: bool  # holds the rarest asked concept
    row: bool = False


def weighted_concepts(analysis: QueryAnalysis, idf: dict[str, float]) -> list[tuple[float, Concept]]:
    """(rarity weight, concept) of the asked concepts, rarest first (constraints and question
    words aside); a concept is as rare as the word the question asks it with."""
    out = []
    for concept in analysis.asked or analysis.concepts:
        phrases = [" ".join(word_tokens(p)) for p in concept.phrases]
        phrases = [p for p in phrases if p and not set(p.split()) <= QUESTION_WORDS]
        if concept.constraint or not phrases:
            continue
        out.append((concept.weight * min(rarity(concept, phrases[0], idf), MAX_RARITY), concept))
    return sorted(out, key=lambda wc: -wc[0])


def rarest_concept(analysis: QueryAnalysis, idf: dict[str, float]) -> Concept | None:
    """The asked concept the fewest passages hold."""
    weighted = weighted_concepts(analysis, idf)
    return weighted[0][1] if weighted else None


def share_held(analysis: QueryAnalysis, weighted: list[tuple[float, Concept]], text: str, ocr: bool) -> float:
    """Rarity-weighted share of the asked concepts the text holds, diacritics checked."""
    total = sum(w for w, _ in weighted)
    return sum(w for w, c in weighted if holds(analysis, c, text, ocr)) / total if total else 0.0


def held_share(analysis: QueryAnalysis, passage: Passage, idf: dict[str, float]) -> float:
    weighted, ocr = weighted_concepts(analysis, idf), is_ocr(passage)
    return max(share_held(analysis, weighted, text, ocr) for text in readable(passage))


def units(analysis: QueryAnalysis, passage: Passage, idf: dict[str, float], kind: str) -> list[Unit]:
    """The passage's units with what each carries. A table row's context is the row's own
    heading path (the parent rows' labels) and the column names; a sentence stands alone."""
    weighted = weighted_concepts(analysis, idf)
    rare = weighted[0][1] if weighted else None
    ocr = is_ocr(passage)
    extra = passage.payload.get("extra") or {}
    split = split_row(passage.text, extra.get("columns"))
    if split is not None:
        row_text, unit = " | ".join(split[1]), extra.get("unit", "")  # the table's unit heads every row
        context = f"{passage.payload.get('heading_path', '')}\n{' | '.join(split[0])}\n{unit}\n{row_text}"
        typed = (expresses(kind, row_text) or (kind == "money" and writes(kind, passage.text))  # bare figure
                 or any(states(kind, cell, unit) for cell in split[1]))  # fmt: skip
        return [Unit(row_text, share_held(analysis, weighted, context, ocr), typed,
                     holds_read(analysis, rare, context, restored_text(passage)), row=True)]  # fmt: skip
    if is_task_row(passage):
        return [task_row_unit(analysis, passage, weighted, kind)]
    context = heading_titles(passage)
    sentences = split_sentences(passage.text)
    readings = restored_readings(passage, len(sentences))
    per_sentence = len(sentences) > 1 and len(set(readings)) == len(readings) and readings[0] != ""
    refers = "\n" + " ".join(extra.get("refers") or [])  # the items of its document it refers to
    return [
        Unit(
            s,
            max(
                share_held(analysis, weighted, s + r + _referred(s, refers), ocr),
                share_held(analysis, weighted, r, ocr),
            ),
            not (kind == "money" and unit_of(s))  # a unit line ('Đơn vị tính: 1.000 đồng') states no
            and (expresses(kind, s) or (per_sentence and expresses(kind, r))),  # amount; OCR read restored
            holds_read(analysis, rare, context + s + _referred(s, refers), r),
        )
        for s, r in zip(sentences, readings, strict=True)
    ]


def heading_titles(passage: Passage) -> str:
    """The titles a sentence of the passage stands under, one a line: its article's and its
    clause's ('3. Định mức tiết dạy trung bình trong 01 tuần' heads 'b) Phó hiệu trưởng là 04
    tiết', which states the figure without the words asked), then its own; '' without any."""
    titles = [*(passage.payload.get("titles") or []), passage.section_title]
    return "".join(f"{t}\n" for t in dict.fromkeys(t for t in titles if t))


def _referred(sentence: str, refers: str) -> str:
    """What a sentence naming its subject by reference ('trẻ em quy định tại điểm a khoản 2 Điều 1
    Nghị quyết này') is about: the referenced items' text (ingest/references.py); else ''."""
    return refers if refers.strip() and referenced_sections(sentence) else ""


def is_task_row(passage: Passage) -> bool:
    """A plan's appendix row read into its columns (task, unit in charge, deadline …) at ingest."""
    extra = passage.payload.get("extra") or {}
    return bool(extra.get("task")) and bool(extra.get("lead") or extra.get("deadline"))


def task_row_unit(analysis: QueryAnalysis, passage: Passage, weighted: list, kind: str) -> Unit:
    """A task row is one unit, as a table row is: its task, owner and deadline answer together."""
    text = " ".join(passage.text.split())
    restored = " ".join(restored_text(passage).split())
    rare = weighted[0][1] if weighted else None
    coverage = max(share_held(analysis, weighted, t, is_ocr(passage)) for t in (text, restored) if t)
    typed = expresses(kind, text) or bool(restored and expresses(kind, restored))
    return Unit(text, coverage, typed, holds_read(analysis, rare, text, restored), row=True)


def best_unit(analysis: QueryAnalysis, passage: Passage, idf: dict[str, float], kind: str) -> Unit | None:
    """The unit an answer leads with: of the asked kind first, then holding the rarest concept,
    then carrying most of the question (earlier wins a tie)."""
    found = units(analysis, passage, idf, kind)
    if not found:
        return None
    return max(found, key=lambda u: (u.typed, u.rare, round(u.coverage, 2)))


def in_scope(analysis: QueryAnalysis, passage: Passage, unit: Unit, titled: bool = False) -> bool:
    """The asked years are stated by the unit, the headings above it or, for a table row, the
    table's column names ('Mức học phí năm học 2025-2026' heads every row), the asked school
    levels by those or, when `titled`, by the document's title (a directive for continuing education
    speaks of it in every item without naming it): a figure for another year or level is not
    the asked figure."""
    columns = ((passage.payload.get("extra") or {}).get("columns") or []) if unit.row else []
    where = " ".join([unit.text, passage.section_title, passage.payload.get("heading_path", ""), *columns])
    if analysis.years and not any(y in where for y in analysis.years):
        return False
    if not analysis.levels:
        return True
    if titled:
        doc = passage.doc or {}
        where = " ".join([where, doc.get("display_title") or "", doc.get("title") or ""])
    return any(record_level_matches(level, analysis.levels) for level in levels_in(fold_accents(where)))


def typed_features(
    analysis: QueryAnalysis, fitting: list[Passage], idf: dict[str, float]
) -> dict[str, float]:
    """Refusal features: does the best passage state the asked kind together with the rarest
    asked concept; how much of the question its best typed unit carries; is the rarest concept
    (with its diacritics) in any of the best passages at all."""
    kind = answer_kind(analysis)
    rare = rarest_concept(analysis, idf)
    top = fitting[:3]
    leads = [(p, u) for p in top if (u := best_unit(analysis, p, idf, kind))]
    best = [u for _, u in leads]
    typed = [(p, u) for p, u in leads if u.typed]
    scoped = not (analysis.years or analysis.levels) or any(in_scope(analysis, p, u) for p, u in typed)
    return {
        "scope_in_unit": float(scoped),
        "type_and_rare": float(any(u.typed and u.rare for u in best)),
        "typed_rare_unit": max((u.coverage for _, u in typed if u.rare), default=0.0),
        "typed_unit": max((u.coverage for _, u in typed), default=0.0),
        "rare_held": float(any(holds_read(analysis, rare, p.index_text, restored_text(p)) for p in top)),
        "held_share": max((held_share(analysis, p, idf) for p in top), default=0.0),
    }
