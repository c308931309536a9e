#!/usr/bin/env python3
"""Check the benchmark question set eval/questions.jsonl (stdlib only).

Verifies:
  - every line is a JSON object with the required fields and allowed values;
  - ids are unique;
  - gold sources exist in corpus/ and sections are lists of labels;
  - unanswerable questions have no gold and no must_contain; the others have both;
  - every must_contain string occurs in the text of the gold source file(s)
    (whole-file check; for cross_document questions a string must occur in at least
    one gold source, otherwise in every gold source);
  - a question answered by the Quang Ninh notice cites both copies (clean and OCR)
    with the same section, and its must_contain strings occur in both copies;
  - cross_document questions cite two or more documents (the two notice copies count as one);
  - proportions: >= 130 questions, >= 18% unanswerable, each language about a third,
    splits about half, every language and every kind present in both splits.
Prints the counts by lang, kind and split. Exit status 1 when a check fails.

Usage: python eval/check_questions.py [path/to/questions.jsonl]
       python eval/check_questions.py --set devcorpus|recent [corpus root]   (quote-gold sets:
       see eval/check_quoted.py; needs the project on the import path)
"""

import collections
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DEFAULT_FILE = ROOT / "eval" / "questions.jsonl"

FIELDS = ["id", "question", "lang", "kind", "gold", "answer", "must_contain", "split"]
LANGS = {"vi", "vi-nodiac", "en"}
KINDS = {
    "numeric_target",
    "task_lookup",
    "responsibility_deadline",
    "document_metadata",
    "cross_document",
    "unanswerable",
}
SPLITS = {"dev", "test"}

# The notice exists twice in the corpus: a clean text and an OCR copy of it.
NOTICE_PAIR = ("quangninh-tb3677-2023-12-15.txt", "quangninh-tb3677-2023-12-15-ocr.txt")

# Allowed shapes of one numbering label (see DESIGN.md, chunk contract).
LABEL_RE = re.compile(
    r"^(?:[IVX]+"  # I II III IV V
    r"|\d+"  # 1 2 10
    r"|\d+(?:\.\d+)+"  # 1.2
    r"|\(\d+\)"  # (3)
    r"|[abcdđeghiklmnopqrstuvxy]"  # a b c d đ e g h i ...
    r"|appendix)$"
)

MIN_QUESTIONS = 130
MIN_UNANSWERABLE = 0.18


def has_vietnamese_marks(text: str) -> bool:
    """True when the text holds a Vietnamese accented letter or đ."""
    for ch in unicodedata.normalize("NFD", text):
        if ch in "đĐ":
            return True
        if unicodedata.category(ch) == "Mn":
            return True
    return False


def doc_key(source: str) -> str:
    """The two notice copies are one document."""
    return NOTICE_PAIR[0] if source in NOTICE_PAIR else source


def main_quoted(set_name: str, root: Path | None = None) -> int:
    """Check a set whose gold is given by quotes (eval/check_quoted.py)."""
    sys.path.insert(0, str(ROOT))
    from eval.check_quoted import check_set
    from eval.sets import get_set, load_set

    root = root or get_set(set_name).corpus
    problems, counts = check_set(load_set(set_name), root, set_name)
    print(json.dumps(counts, ensure_ascii=False))
    for p in problems:
        print("  " + p)
    print(f"\n{len(problems)} problem(s)" if problems else "\nOK")
    return 1 if problems else 0


def read_corpus(corpus: Path) -> dict[str, str]:
    """Each corpus file's NFC text by file name (its README aside)."""
    return {
        f.name: unicodedata.normalize("NFC", f.read_text(encoding="utf-8"))
        for f in sorted(corpus.iterdir())
        if f.is_file() and f.name.lower() != "readme.md"
    }


def read_questions(path: Path, errors: list[str]) -> list[dict]:
    """The JSON objects of the file, one a line; a bad line is an error, not a crash."""
    questions = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                errors.append(f"line {lineno}: empty line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {lineno}: invalid JSON ({e})")
                continue
            if not isinstance(obj, dict):
                errors.append(f"line {lineno}: not a JSON object")
                continue
            questions.append(obj)
    return questions


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
        marked = has_vietnamese_marks(q["question"])
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


def print_counts(valid: list[dict], corpus_text: dict[str, str]) -> dict:
    """Print the counts by language, kind, split and gold source; return them."""
    counts = {
        "lang": collections.Counter(q["lang"] for q in valid),
        "kind": collections.Counter(q["kind"] for q in valid),
        "split": collections.Counter(q["split"] for q in valid),
        "split_lang": collections.Counter((q["split"], q["lang"]) for q in valid),
        "split_kind": collections.Counter((q["split"], q["kind"]) for q in valid),
        "source": collections.Counter(
            gd["source"] for q in valid for gd in q["gold"] if isinstance(gd, dict) and "source" in gd
        ),
    }
    print(f"questions: {len(valid)}")
    for name, values in (("lang", LANGS), ("kind", KINDS), ("split", SPLITS)):
        print(f"by {name}: ".ljust(10) + ", ".join(f"{k}={counts[name][k]}" for k in sorted(values)))
    for sp in sorted(SPLITS):
        langs = ", ".join(f"{k}={counts['split_lang'][(sp, k)]}" for k in sorted(LANGS))
        kinds = ", ".join(f"{k}={counts['split_kind'][(sp, k)]}" for k in sorted(KINDS))
        print(f"  {sp}: lang {langs} | kind {kinds}")
    print("gold passages by source:")
    for s in sorted(corpus_text):
        print(f"  {s}: {counts['source'][s]}")
    return counts


def proportion_errors(n: int, counts: dict, corpus_text: dict[str, str]) -> list[str]:
    """Size, unanswerable share, language thirds, split halves, every language and kind in
    both splits, every corpus file cited."""
    errors = []
    if n < MIN_QUESTIONS:
        errors.append(f"only {n} questions, need at least {MIN_QUESTIONS}")
    if n:
        share = counts["kind"]["unanswerable"] / n
        print(f"unanswerable share: {share:.1%}")
        if share < MIN_UNANSWERABLE:
            errors.append(f"unanswerable share {share:.1%} below {MIN_UNANSWERABLE:.0%}")
        for lang in sorted(LANGS):
            if not 0.25 <= counts["lang"][lang] / n <= 0.42:
                errors.append(f"lang {lang} share {counts['lang'][lang] / n:.1%} is not about a third")
        if not 0.4 <= counts["split"]["dev"] / n <= 0.6:
            errors.append(f"dev share {counts['split']['dev'] / n:.1%} is not about half")
    for sp in sorted(SPLITS):
        errors += [
            f"split {sp} has no {lang} question"
            for lang in sorted(LANGS)
            if not counts["split_lang"][(sp, lang)]
        ]
        errors += [
            f"split {sp} has no {kind} question"
            for kind in sorted(KINDS)
            if not counts["split_kind"][(sp, kind)]
        ]
    errors += [f"no question cites {s}" for s in corpus_text if not counts["source"][s]]
    return errors


def check_file(path: Path, corpus: Path = CORPUS) -> tuple[list[str], list[str]]:
    """(errors, warnings) of the question file against the corpus folder; prints the counts."""
    if not corpus.is_dir():
        return [f"corpus directory not found: {corpus}"], []
    corpus_text = read_corpus(corpus)
    errors: list[str] = []
    questions = read_questions(path, errors)
    checker = Checker(corpus_text)
    for q in questions:
        checker.question(q)
    valid = [q for q in questions if all(k in q for k in FIELDS)]
    counts = print_counts(valid, corpus_text)
    errors += checker.errors + proportion_errors(len(questions), counts, corpus_text)
    return errors, checker.warnings


def main(argv):
    if len(argv) > 2 and argv[1] == "--set":
        return main_quoted(argv[2], Path(argv[3]) if len(argv) > 3 else None)
    errors, warnings = check_file(Path(argv[1]) if len(argv) > 1 else DEFAULT_FILE)
    for w in warnings:
        print("warning:", w)
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
