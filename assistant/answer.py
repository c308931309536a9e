"""Where a question is answered: decide whether the passages answer it, then quote the sentences
that do, each with its [n], led by the document and section they come from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.query import QueryAnalysis
from assistant.search import Passage, evidence
from ingest.text import word_tokens

ENGLISH_TYPES = {"Thông báo": "notice", "Kế hoạch": "plan", "Công văn": "official letter",
                 "Hướng dẫn": "guidance", "Quyết định": "decision", "Chỉ thị": "directive",
                 "Báo cáo": "report"}  # fmt: skip
MAX_ANSWER_PASSAGES = 3
QUANTITY_COVERAGE = 0.5  # share of the question a sentence with the figure must cover (tuned on dev)


@dataclass
class Decision:
    answerable: bool
    passages: list[Passage]  # the ones the answer quotes (or the related ones when not)
    reason: str = ""


def section_label(section: list[str], language: str = "vi") -> str:
    if section[:1] == ["appendix"]:
        return f"Phụ lục, dòng {section[1]}" if language == "vi" else f"appendix, row {section[1]}"
    if not section:
        return "phần mở đầu" if language == "vi" else "opening text"
    return ".".join(section)


def document_label(doc: dict, language: str = "vi") -> str:
    """'Kế hoạch số 281/KH-UBND của Sở GDĐT Quảng Ninh, ngày 15/12/2023' and its English twin."""
    kind = doc.get("type") or ("Văn bản" if language == "vi" else "document")
    issuer = "Sở GDĐT" if language == "vi" else "Department of Education"
    if doc.get("province"):
        issuer = f"{issuer} {doc['province']}" if language == "vi" else f"{doc['province']} {issuer}"
    date = _display_date(doc.get("date"))
    if language == "en":
        label = f"the {issuer}'s {ENGLISH_TYPES.get(kind, kind.lower())}"
        if doc.get("number"):
            label += f" No. {doc['number']}"
        return label + (f" of {date}" if date else "")
    label = kind + (f" số {doc['number']}" if doc.get("number") else "") + f" của {issuer}"
    return label + (f", ngày {date}" if date else "")


def _display_date(iso: str | None) -> str:
    if not iso:
        return ""
    parts = iso.split("-")
    return "/".join(reversed(parts)) if len(parts) > 1 else parts[0]


_QUANTITY = re.compile(r"(?<![\d/.,-])(\d{1,3}(?:[.,]\d+)?)(?![\d/])\s*(%?)")


def has_quantity(sentence: str) -> bool:
    """A percentage or a count in the sentence (years, dates and document numbers do not count)."""
    for number, percent in _QUANTITY.findall(sentence):
        if percent or not re.fullmatch(r"(19|20)\d\d", number):
            return True
    return False


def answers_the_quantity(analysis: QueryAnalysis, passage: Passage, idf: dict[str, float]) -> bool:
    """For 'how many / what rate' questions: a sentence holds a figure and the question's topic."""
    for sentence in split_sentences(passage.text):
        if has_quantity(sentence) and evidence(analysis, sentence, idf, skip_years=True) >= QUANTITY_COVERAGE:
            return True
    return False


def year_text(passage: Passage) -> str:
    """Where a year may be stated for a passage: its text, heading path and document."""
    doc = passage.doc or {}
    return f"{passage.index_text} {doc.get('title') or ''} {doc.get('date') or ''}"


def decide(
    analysis: QueryAnalysis,
    passages: list[Passage],
    threshold: float,
    corpus_provinces: set[str],
    idf: dict[str, float] | None = None,
) -> Decision:
    """Answerable when a top passage covers the question well and holds its year, place and,
    for a question about a figure, a sentence with that figure."""
    related = passages[:MAX_ANSWER_PASSAGES]
    if not passages:
        return Decision(False, [], "no passage")
    missing = [p for p in analysis.provinces if p not in corpus_provinces]
    if missing:
        return Decision(False, related, f"province:{', '.join(missing)}")
    pool = passages[:8]
    good = [p for p in pool if p.evidence >= threshold]
    for year in analysis.years:
        good = [p for p in good if year in year_text(p)]
        if not good:
            return Decision(False, related, f"year:{year}")
    for number in analysis.numbers:
        digits = number.replace("%", "").strip()
        good = [p for p in good if digits in p.index_text]
        if not good:
            return Decision(False, related, f"number:{number}")
    if not good:
        return Decision(False, related, "weak")
    if analysis.asks_quantity:
        good = [p for p in good if answers_the_quantity(analysis, p, idf or {})]
        if not good:
            return Decision(False, related, "figure")
    best = max(p.evidence for p in good)
    chosen = [p for p in good if p.evidence >= best * 0.85][:MAX_ANSWER_PASSAGES]
    return Decision(True, chosen)


def split_sentences(text: str) -> list[str]:
    """Sentences and list items: the units an answer quotes."""
    pieces: list[str] = []
    for line in text.split("\n"):
        for part in re.split(r"(?<=[.;!?])\s+(?=[\-+(A-ZĐ\u00c0-\u1ef8\d])|;\s+", line):
            part = part.strip()
            if len(part) > 3:
                pieces.append(part)
    return pieces


def best_sentences(analysis: QueryAnalysis, passage: Passage, limit: int = 2) -> list[str]:
    """The sentences that carry most of the question, a figure first when one is asked for."""
    scored = []
    for i, sentence in enumerate(split_sentences(passage.text)):
        words = " " + " ".join(word_tokens(sentence)) + " "
        score = 0.0
        for concept in analysis.concepts:
            if any(f" {' '.join(word_tokens(p))} " in words for p in concept.phrases if p.strip()):
                score += concept.weight
        if analysis.asks_figure and re.search(r"\d+(?:[.,]\d+)?\s*%|\d+[.,]\d+|\d{1,2}/\d{4}", sentence):
            score += 1.5
        for year in analysis.years:
            if year in sentence:
                score += 0.5
        score -= i * 0.01  # earlier sentences win ties: a task's first sentence states it
        scored.append((score, i, sentence))
    if not scored:
        return []
    scored.sort(reverse=True)
    top = [scored[0]] + [s for s in scored[1:limit] if s[0] >= scored[0][0] * 0.75 and s[0] > 0]
    return [_trim(s) for _, _, s in sorted(top, key=lambda s: s[1])]


def _trim(sentence: str, limit: int = 400) -> str:
    sentence = re.sub(r"^(?:\(?[0-9ivxIVX]{1,4}[.)]|[a-zđ]\))\s+", "", sentence)
    return sentence if len(sentence) <= limit else sentence[:limit].rsplit(" ", 1)[0] + " …"


def heading_context(passage: Passage) -> str:
    """The titles above the passage (its own title is in the quote already)."""
    titles = (passage.payload.get("titles") or [])[:-1]
    return " › ".join(t for t in titles if t)


def extractive_answer(analysis: QueryAnalysis, decision: Decision) -> tuple[str, dict[int, str]]:
    """The answer text with [n] markers, and the quote chosen from each cited passage."""
    language = analysis.language
    if not decision.answerable:
        return not_found_text(analysis, decision), {}
    lines, quotes = [], {}
    for n, passage in enumerate(decision.passages, 1):
        sentences = best_sentences(analysis, passage)
        quote = " … ".join(sentences) or passage.text[:300]
        quotes[n] = quote
        where = section_label(passage.section, language)
        context = heading_context(passage)
        doc = document_label(passage.doc, language)
        if language == "en":
            lead = f"According to {doc}, section {where}" + (f" ({context})" if context else "")
        else:
            lead = f"Theo {doc}, mục {where}" + (f" ({context})" if context else "")
        lines.append(f"{lead}: “{quote}” [{n}]")
    return "\n\n".join(lines), quotes


def not_found_text(analysis: QueryAnalysis, decision: Decision) -> str:
    kind, _, value = decision.reason.partition(":")
    if analysis.language == "en":
        why = {"province": f" There is no document about {value} in the corpus.",
               "year": f" No passage gives this for {value}.",
               "number": f" No passage mentions {value}.",
               "figure": " No passage gives that figure.",
               "target": " The documents set no target for that year or level."}.get(kind, "")  # fmt: skip
        text = f"The documents do not say.{why}"
        if decision.passages:
            text += " The nearest passages (related, not an answer): " + _related(decision, "en")
        return text
    why = {"province": f" Kho văn bản không có văn bản nào của {value}.",
           "year": f" Không có đoạn nào nêu nội dung này cho năm {value}.",
           "number": f" Không có đoạn nào nêu {value}.",
           "figure": " Không có đoạn nào nêu con số này.",
           "target": " Văn bản không đặt chỉ tiêu cho năm hoặc cấp học này."}.get(kind, "")  # fmt: skip
    text = f"Không tìm thấy thông tin trả lời trong các văn bản hiện có.{why}"
    if decision.passages:
        text += " Các đoạn liên quan nhất (chỉ để tham khảo): " + _related(decision, "vi")
    return text


def _related(decision: Decision, language: str) -> str:
    items = []
    for n, p in enumerate(decision.passages, 1):
        items.append(f"{document_label(p.doc, language)}, {section_label(p.section, language)} [{n}]")
    return "; ".join(items) + "."
