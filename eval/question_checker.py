"""The per-question checks of the seed question set: fields, language, gold and must_contain."""

import json
import re
import unicodedata

from eval.question_file import (
    FIELDS,
    KINDS,
    LABEL_RE,
    LANGS,
    NOTICE_PAIR,
    SPLITS,
    doc_key,
)
from ingest.text import has_diacritics


class Checker:
    """Collects the problems of one question set against one corpus."""

    def __init__(self, corpus_text: dict[str, str]):
        self.corpus_text = corpus_text
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.seen: set[str] = set()

    def err(self, qid, msg: str) -> None:
        self.errors.append(f"{qid}: {msg}")

    def question(self, q: dict) -> None:
        """Every per-question check, in order; later checks need the earlier ones to pass."""
        qid = q.get("id", "<no id>")
        missing = [k for k in FIELDS if k not in q]
        if missing:
            self.err(qid, f"missing fields {missing}")
            return
        self.fields(qid, q)
        if not isinstance(q["gold"], list) or not isinstance(q["must_contain"], list):
            self.err(qid, "gold and must_contain must be lists")
            return
        self.language(qid, q)
        gold_ok = self.gold(qid, q["gold"])
        if q["kind"] == "unanswerable":
            if q["gold"]:
                self.err(qid, "unanswerable question must have empty gold")
            if q["must_contain"]:
                self.err(qid, "unanswerable question must have empty must_contain")
            return
        if not q["gold"]:
            self.err(qid, "answerable question needs gold")
        if not q["must_contain"]:
            self.err(qid, "answerable question needs must_contain")
        if gold_ok:
            self.documents(qid, q)
            self.must_contain(qid, q)

    def fields(self, qid, q: dict) -> None:
        extra = [k for k in q if k not in FIELDS]
        if extra:
            self.warnings.append(f"{qid}: extra fields {extra}")
        if not isinstance(qid, str) or not re.fullmatch(r"q\d{3,}", qid):
            self.err(qid, "id should look like q001")
        if qid in self.seen:
            self.err(qid, "duplicate id")
        self.seen.add(qid)
        for k in ("question", "answer"):
            if not isinstance(q[k], str) or not q[k].strip():
                self.err(qid, f"{k} must be a non-empty string")
        for key, allowed in (("lang", LANGS), ("kind", KINDS), ("split", SPLITS)):
            if q[key] not in allowed:
                self.err(qid, f"{key} {q[key]!r} not in {sorted(allowed)}")

    def language(self, qid, q: dict) -> None:
        """The question text is written the way its `lang` says."""
        if not isinstance(q["question"], str):
            return
        marked = has_diacritics(q["question"])
        if q["lang"] == "vi" and not marked:
            self.err(qid, "lang vi but the question has no diacritics")
        if q["lang"] == "vi-nodiac" and marked:
            self.err(qid, "lang vi-nodiac but the question has diacritics")
        if q["lang"] == "en" and marked:
            self.warnings.append(f"{qid}: English question contains Vietnamese diacritics")

    def gold(self, qid, gold: list) -> bool:
        """Each gold entry names a corpus file and a section of allowed labels."""
        ok = True
        for gd in gold:
            if not isinstance(gd, dict) or set(gd) != {"source", "section"}:
                self.err(qid, f"gold entry must be {{source, section}}: {gd!r}")
                ok = False
                continue
            if gd["source"] not in self.corpus_text:
                self.err(qid, f"gold source not in corpus/: {gd['source']!r}")
                ok = False
            sec = gd["section"]
            if not isinstance(sec, list) or not all(isinstance(s, str) for s in sec):
                self.err(qid, f"section must be a list of strings: {sec!r}")
                ok = False
                continue
            for s in sec:
                if not LABEL_RE.match(s):
                    self.err(qid, f"odd section label {s!r} in {sec!r}")
            if sec and sec[0] == "appendix" and (len(sec) != 2 or not sec[1].isdigit()):
                self.err(qid, f"appendix section must be ['appendix', '<row>']: {sec!r}")
        keys = {json.dumps(g, ensure_ascii=False, sort_keys=True) for g in gold if isinstance(g, dict)}
        if len(keys) != len(gold):
            self.err(qid, "duplicate gold entries")
        return ok

    def documents(self, qid, q: dict) -> None:
        """Both notice copies cited alike; cross-document questions cite two documents."""
        notice_secs: dict[str, set] = {src: set() for src in NOTICE_PAIR}
        for gd in q["gold"]:
            if gd["source"] in NOTICE_PAIR:
                notice_secs[gd["source"]].add(tuple(gd["section"]))
        if notice_secs[NOTICE_PAIR[0]] != notice_secs[NOTICE_PAIR[1]]:
            self.err(qid, "notice gold must cite both copies with the same sections")
        if q["kind"] == "cross_document" and len({doc_key(gd["source"]) for gd in q["gold"]}) < 2:
            self.err(qid, "cross_document question must cite two or more documents")

    def must_contain(self, qid, q: dict) -> None:
        """Every must_contain string is in the gold source text (any one for cross-document)."""
        sources = sorted({gd["source"] for gd in q["gold"]})
        in_notice = [s for s in NOTICE_PAIR if s in sources]
        for m in q["must_contain"]:
            if not isinstance(m, str) or not m.strip():
                self.err(qid, f"must_contain entry must be a non-empty string: {m!r}")
                continue
            m_nfc = unicodedata.normalize("NFC", m)
            found = [s for s in sources if m_nfc in self.corpus_text[s]]
            if q["kind"] == "cross_document" and not found:
                self.err(qid, f"must_contain {m!r} found in none of the gold sources")
            if q["kind"] != "cross_document":
                for s in sorted(set(sources) - set(found)):
                    self.err(qid, f"must_contain {m!r} not found in {s}")
            copies = {m_nfc in self.corpus_text[s] for s in NOTICE_PAIR}
            if len(in_notice) == 2 and len(copies) == 2:
                self.err(qid, f"must_contain {m!r} occurs in only one copy of the notice")
