"""What a question asks about a document itself — who signed it, when it was issued, when it
takes effect, what it is based on ("Căn cứ …"), whom it is sent to — and which chunk states it
(the header parts of ingest/header_parts.py; the article saying "có hiệu lực"). The answers
are written by fact_answers.py."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.text import fold_accents

SIGNER, DATE, EFFECTIVE, BASIS, RECIPIENTS = "signer", "date", "effective", "basis", "recipients"
# Checked in this order: "có hiệu lực từ ngày ký" asks the effective date, not the signer. "Hết
# hiệu lực", "không còn hiệu lực", "no longer in force" ask which text ceases, not a date.
_ASKS = (
    (EFFECTIVE, r"(?<!het )(?<!con )hieu luc|effective|takes? effect|took effect"
                r"|comes? into (?:force|effect)|(?<!longer )in force"),
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
