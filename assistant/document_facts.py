"""Questions about a document itself — who signed it, when it was issued, when it takes effect,
what it is based on ("Căn cứ …"), whom it is sent to — answered from its own header fields
(doc.signer, doc.date, …), quoting the chunk that states them (ingest/header_parts.py), in the
question's language.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.wording import display_date, document_label
from ingest.dates import WORDED
from ingest.text import fold_accents

SIGNER, DATE, EFFECTIVE, BASIS, RECIPIENTS = "signer", "date", "effective", "basis", "recipients"
MAX_BASIS = 5  # "Căn cứ" clauses quoted at most
# Checked in this order: "có hiệu lực từ ngày ký" asks the effective date, not the signer.
_ASKS = (
    (EFFECTIVE, r"hieu luc|effective|takes? effect|took effect|comes? into (?:force|effect)|in force"),
    (BASIS, r"can cu|dua (?:tren|vao) (?:van ban|luat|nghi dinh|thong tu|quyet dinh|nhung|cac)"
            r"|co so phap ly|based on|basis|pursuant to|legal grounds?|cites?|cited|rel(?:y|ies) on"),
    (RECIPIENTS, r"noi nhan|gui (?:den |toi |cho )?(?:ai|nhung|cac|noi|dau|co quan nao|don vi nao)"
                 r"|kinh gui|sent to|recipients?|addressed to|who receives?|distributed to"),
    (SIGNER, r"ai ky|nguoi ky|ky boi|do ai ky|ky ten|who signed|who signs|signed by|signer|signatory"),
    (DATE, r"ngay ban hanh|ban hanh (?:ngay|vao|khi nao|luc nao|bao gio)|ngay ky|ky (?:ngay|vao|khi nao"
           r"|bao gio)|date of (?:issue|signing)|issued on|dated|what date|when (?:was|were|did)\b.*"
           r"\b(?:sign|issu|adopt|pass|promulgat)\w*"),
)  # fmt: skip
_HEADER_OF = {SIGNER: "signature", RECIPIENTS: "recipients", BASIS: "basis", DATE: "opening"}


@lru_cache(maxsize=1024)
def asked_fact(question: str) -> str:
    """Which fact about the document the question asks for, or ''."""
    folded = fold_accents(question)
    return next((fact for fact, words in _ASKS if re.search(rf"\b(?:{words})\b", folded)), "")


def states_fact(fact: str, payload: dict) -> bool:
    """Whether the chunk is the one that states the fact (its header part, or for the effective
    date the article that says 'có hiệu lực')."""
    header = (payload.get("extra") or {}).get("header")
    if fact == EFFECTIVE:
        return not header and "hieu luc" in fold_accents(payload.get("text", ""))
    return bool(fact) and header == _HEADER_OF.get(fact)


def fact_passages(fact: str, passages: list, sources: list[str]) -> list:
    """The passages (in rank order) of these documents that state the fact."""
    return [p for p in passages if p.source in sources and states_fact(fact, p.payload)]


def _sentence_with(text: str, folded_word: str) -> str:
    for sentence in re.split(r"(?<=[.;])\s+|\n", text):
        if folded_word in fold_accents(sentence):
            return sentence.strip()
    return text.strip()


def _date_line(text: str) -> str:
    return next((line.strip() for line in text.split("\n") if WORDED.search(fold_accents(line))), "")


def stated_answer(fact: str, passages: list, language: str) -> tuple[str, dict[int, str]]:
    """The answer text with [n] markers over `passages` (all of one document), and each quote."""
    doc, en = passages[0].doc, language == "en"
    label = document_label(doc, language)
    label = label[0].upper() + label[1:]
    first = passages[0].text
    if fact == BASIS:
        quotes = {n: p.text.strip() for n, p in enumerate(passages, 1)}
        lead = f"{label} is based on:" if en else f"{label} căn cứ:"
        return lead + "\n" + "\n".join(f"- “{q}” [{n}]" for n, q in quotes.items()), quotes
    if fact == SIGNER and doc.get("signer"):
        signer = doc["signer"] + (f" ({doc['signer_role']})" if doc.get("signer_role") else "")
        text = f"{label} was signed by {signer}" if en else f"{label} do {signer} ký"
        quote = " ".join(first.split())
    elif fact == DATE and doc.get("date"):
        date = display_date(doc["date"])
        text = f"{label} was issued on {date}" if en else f"{label} ban hành ngày {date}"
        quote = _date_line(first) or first.split("\n")[0]
    elif fact == EFFECTIVE:
        quote = _sentence_with(first, "hieu luc")
        date = display_date(doc.get("date"))
        signed = f" (signed on {date})" if en else f" (ký ngày {date})"
        text = ("Effective: " if en else "Hiệu lực: ") + f"“{quote}”"
        text += signed if doc.get("date") and "ky" in fold_accents(quote) else ""
        return f"{text} [1]", {1: quote}
    else:  # recipients, or a field the header does not hold: the chunk says it
        quote = first.strip()
        text = f"{label}:" if fact != RECIPIENTS else (f"{label} is sent to:" if en else f"{label} gửi:")
        return f"{text}\n“{quote}” [1]", {1: quote}
    return f"{text} [1].\n“{quote}” [1]", {1: quote}


def fact_answer(analysis, passages: list, answerable: bool, reason: str) -> tuple[list, str, dict] | None:
    """(cited passages, answer text, quotes) when the question asks a fact of a document the
    question names (or of the document the answering passage comes from), and a passage of that
    document states it; else None (the ordinary answer stands)."""
    fact, named = analysis.constraints.fact, analysis.constraints.documents
    if not fact or not passages:
        return None
    if named and (answerable or reason in ("weak", "target")):
        sources = named
    elif answerable:
        sources = [passages[0].source]
    else:
        return None
    stating = fact_passages(fact, passages, sources)
    if not stating:
        return None
    cited = [p for p in stating if p.source == stating[0].source]
    cited = cited[:MAX_BASIS] if fact == BASIS else cited[:1]
    text, quotes = stated_answer(fact, cited, analysis.language)
    return cited, text, quotes
