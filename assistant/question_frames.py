"""English questions that name the kind of item asked rather than its topic.

"Where does the money come from?" asks for the item a directive heads "Nguồn kinh phí"; "who is
covered?" for "Đối tượng áp dụng"; "from which year does it apply?" for "Thời gian thực hiện" or
"Hiệu lực thi hành". None of those words is in the question, so the lexicon cannot render them:
each frame below is an English question pattern and the words directives name that item with
(their headings and the phrases under them). A matched frame adds one concept to the question's
reading, searched like any rendered phrase; it is not counted as evidence (the passage must
still speak of the question's own topic).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.concept import Concept
from ingest.text import bm25_terms, fold_accents


@dataclass(frozen=True)
class Frame:
    """An answer kind: the English question forms that ask it, and how directives name it."""

    name: str
    pattern: re.Pattern[str]
    renderings: tuple[str, ...]  # Vietnamese, with diacritics; the first heads the item


FRAMES = (
    Frame(
        "funding source",
        re.compile(
            r"\b(where (?:does|do|will) .*\b(?:money|funds?|funding|budget|costs?)\b.* come from"
            r"|who (?:pays|funds|finances|covers the costs?)"
            r"|how (?:is|are|will) .*\b(?:funded|financed|paid for)"
            r"|(?:source|sources) of (?:the )?(?:money|funds?|funding|financing))\b"
        ),
        ("nguồn kinh phí", "kinh phí thực hiện", "ngân sách"),
    ),
    Frame(
        "who is covered",
        re.compile(
            r"\b(who (?:is|are) (?:covered|eligible|entitled)"
            r"|which \w+(?: \w+)? (?:is|are) (?:covered|eligible|entitled)"
            r"|who (?:can|may) (?:receive|get|benefit)|who qualifies|to whom does"
            r"|who does \w+(?: \w+){0,4} apply to)\b"
        ),
        ("đối tượng áp dụng", "đối tượng", "đối tượng được hỗ trợ"),
    ),
    Frame(
        "start of application",
        re.compile(
            r"\b((?:from|since|starting) (?:which|what|when)\b"
            r".* (?:appl(?:y|ies|ied)|takes? effect|start(?:s|ed)?)"
            r"|when (?:do|does|will) .*\b(?:apply|take effect|come into force|start to apply)"
            r"|(?:apply|applies|applied|effective) (?:from|since) (?:when|which|what))\b"
        ),
        ("thời gian thực hiện", "hiệu lực thi hành", "có hiệu lực"),
    ),
)


def frames_in(question: str) -> list[Frame]:
    """The answer kinds an English question asks by its form."""
    text = question.lower().replace("’", "'")
    return [frame for frame in FRAMES if frame.pattern.search(text)]


def frame_concept(frame: Frame) -> Concept:
    """The frame as a concept: its renderings folded, as the lexicon's are, and named in
    Vietnamese so that it is never taken for one of the question's own words (not evidence)."""
    phrases = list(dict.fromkeys(fold_accents(r) for r in frame.renderings))
    return Concept(phrases[0], phrases, constraint=True)


# A question about what a text does NOT cover ("… không áp dụng đối với …", "who does it not
# apply to?") asks for the exclusion clause directives write as "… này không áp dụng đối với …",
# which shares most of its words with the positive scope clause beside it. "không" is a function
# word, dropped from the search terms, so without this the two clauses look alike to BM25; the
# exclusion's own bigrams ("khong_ap", "ap_dung") tell them apart.
EXCLUSION = re.compile(
    r"\b(khong (?:ap dung|dieu chinh)|(?:does|do|did|will|shall) not (?:apply|cover)|not (?:apply|applicable)"
    r"|(?:is|are) not covered|(?:is|are) excluded|excluded from|exclusions?)\b"
)
EXCLUSION_RENDERING = "không áp dụng"
EXCLUSION_WEIGHT = 1.0


def exclusion_terms(question: str, weight: float = EXCLUSION_WEIGHT) -> dict[str, float]:
    """The exclusion clause's bigram terms when the question asks what a text does not cover."""
    if not EXCLUSION.search(fold_accents(question).replace("’", "'")):
        return {}
    return {term: weight for term in bm25_terms(EXCLUSION_RENDERING) if "_" in term}
