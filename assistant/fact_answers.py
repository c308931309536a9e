"""Answers to questions about a document itself, from its own header fields (doc.signer,
doc.date, …) and the chunk that states them, in the question's language: the field first, as
figures.header_lines writes it, then the quote and where it stands."""

from __future__ import annotations

import re

from assistant.document_facts import BASIS, DATE, EFFECTIVE, RECIPIENTS, SIGNER, fact_passages
from assistant.figures import header_lines
from assistant.item_lists import count_line, item_list, listing_quote
from assistant.question_kind import asked_plainly
from assistant.wording import display_date, document_label, where_label
from ingest.dates import NUMERIC, WORDED
from ingest.text import fold_accents

MAX_BASIS = 5  # "Căn cứ" clauses quoted at most
_ISSUED = re.compile(r"\b(?:ban hanh|ky ban hanh|da ky)\b")  # a page's own sentence on its issue
_DATED = re.compile(rf"{WORDED.pattern}|{NUMERIC.pattern}|\bngay ky\b")
# "có hiệu lực (thi hành) (kể) từ ngày …": the date a text takes effect, not "hết hiệu lực kể từ …"
# (another text ceasing) nor a cited text's own date
_EFFECT_FROM = re.compile(r"(?<!het )\bhieu luc(?: thi hanh)?(?: ke)? tu (?:ngay|khi)\b")


def _sentence_with(text: str, folded_word: str) -> str:
    """The first sentence holding the word that also states a date or 'ngày ký' (an article's
    heading 'Hiệu lực thi hành' holds the word, the sentence below it the date), else the first
    holding the word."""
    holding = [s.strip() for s in re.split(r"(?<=[.;])\s+|\n", text) if folded_word in fold_accents(s)]
    dated = [s for s in holding if _DATED.search(fold_accents(s))]
    return (dated or holding or [text.strip()])[0]


def _date_line(text: str) -> str:
    """The line dating the text ('Hà Nội, ngày 12 tháng 9 năm 2025'), else the sentence saying
    in figures when it was issued ('Ngày 12/9/2025, Sở … đã ký ban hành Công văn …'), else ''."""
    worded = (line.strip() for line in text.split("\n") if WORDED.search(fold_accents(line)))
    issued = (s.strip() for s in re.split(r"(?<=[.;?])\s+|\n", text)
              if NUMERIC.search(fold_accents(s)) and _ISSUED.search(fold_accents(s)))  # fmt: skip
    return next(worded, "") or next(issued, "")


def _where(passage, language: str) -> str:
    """'Theo <document>, Người ký': a header part is named by its title, not as the opening."""
    if passage.section or not passage.section_title:
        return where_label(passage.doc, passage.section, "", language)
    lead = "According to" if language == "en" else "Theo"
    return f"{lead} {document_label(passage.doc, language)}, {passage.section_title}"


def _field_line(fact: str, doc: dict, quote: str, language: str) -> list[str]:
    """The header field that answers, written as figures.header_lines writes it."""
    en, date = language == "en", display_date(doc.get("date"))
    if fact == SIGNER and doc.get("signer"):
        return [f"{'Signed by' if en else 'Người ký'}: {doc['signer']} [1]"]
    if fact == DATE and date:
        return [f"{'Dated' if en else 'Ngày ban hành'}: {date} [1]"]
    if fact == EFFECTIVE and date and "ky" in fold_accents(quote):  # "có hiệu lực từ ngày ký"
        return [f"{'Signed on' if en else 'Ngày ký'}: {date} [1]"]
    return []


def stated_answer(analysis, fact: str, passages: list) -> tuple[str, dict[int, str]]:
    """The answer text with [n] markers over `passages` (all of one document), and each quote:
    the header field first, then the chunk that states it, quoted, and where it stands."""
    language, first = analysis.language, passages[0]
    where = f"({_where(first, language)}.)"
    if fact == BASIS:
        quotes = {n: " ".join(p.text.split()) for n, p in enumerate(passages, 1)}
        lead = "Based on:" if language == "en" else "Căn cứ:"
        return "\n".join([lead, *(f"- “{q}” [{n}]" for n, q in quotes.items()), where]), quotes
    quote = {
        SIGNER: " ".join(first.text.split()),
        DATE: _date_line(first.text),
        EFFECTIVE: _sentence_with(first.text, "hieu luc"),
    }.get(fact) or " ".join(first.text.split())
    lines = header_lines(analysis, first, 1) if fact in (SIGNER, DATE) else []
    lines = lines or _field_line(fact, first.doc, quote, language)
    if fact == RECIPIENTS and (listed := item_list(first.text)):  # each recipient, counted
        quote = listing_quote(listed, language)
        return "\n".join([count_line(len(listed.points), language), f"“{quote}” [1]", where]), {1: quote}
    return "\n".join([*lines, f"“{quote}” [1]", where]), {1: quote}


def _effect_stated_first(fact: str, stating: list) -> list:
    """For the effective date, the items saying from when the text takes effect first (search
    order kept among each)."""
    if fact != EFFECTIVE:
        return stating
    return sorted(stating, key=lambda p: not _EFFECT_FROM.search(fold_accents(p.text).lower()))


def fact_answer(analysis, passages: list, answerable: bool, reason: str) -> tuple[list, str, dict] | None:
    """(cited passages, answer text, quotes) when the question asks a fact of a document the
    question names (or of the document the answering passage comes from), and a passage of that
    document states it; else None (the ordinary answer stands)."""
    fact, named = analysis.constraints.fact, analysis.constraints.documents
    if not fact or not passages or (fact == DATE and asked_plainly("date", analysis.question)):
        return None  # 'by what date must … report' asks a deadline, not the document's date
    if named and (answerable or reason in ("weak", "target")):
        sources = named
    elif answerable:
        sources = [passages[0].source]
    else:
        return None
    stating = _effect_stated_first(fact, fact_passages(fact, passages, sources))
    if not stating:
        return None
    cited = [p for p in stating if p.source == stating[0].source]
    cited = cited[:MAX_BASIS] if fact == BASIS else cited[:1]
    text, quotes = stated_answer(analysis, fact, cited)
    return cited, text, quotes
