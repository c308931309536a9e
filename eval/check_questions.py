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
       python eval/check_questions.py --set devcorpus [corpus root]   (quote-gold sets:
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


def main(argv):
    if len(argv) > 2 and argv[1] == "--set":
        return main_quoted(argv[2], Path(argv[3]) if len(argv) > 3 else None)
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_FILE
    errors = []
    warnings = []

    def err(qid, msg):
        errors.append(f"{qid}: {msg}")

    corpus_text = {}
    if not CORPUS.is_dir():
        print(f"corpus directory not found: {CORPUS}")
        return 1
    for f in sorted(CORPUS.iterdir()):
        if f.is_file() and f.name.lower() != "readme.md":
            corpus_text[f.name] = unicodedata.normalize("NFC", f.read_text(encoding="utf-8"))

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

    seen = set()
    for q in questions:
        qid = q.get("id", "<no id>")
        missing = [k for k in FIELDS if k not in q]
        if missing:
            err(qid, f"missing fields {missing}")
            continue
        extra = [k for k in q if k not in FIELDS]
        if extra:
            warnings.append(f"{qid}: extra fields {extra}")
        if not isinstance(qid, str) or not re.fullmatch(r"q\d{3,}", qid):
            err(qid, "id should look like q001")
        if qid in seen:
            err(qid, "duplicate id")
        seen.add(qid)
        for k in ("question", "answer"):
            if not isinstance(q[k], str) or not q[k].strip():
                err(qid, f"{k} must be a non-empty string")
        if q["lang"] not in LANGS:
            err(qid, f"lang {q['lang']!r} not in {sorted(LANGS)}")
        if q["kind"] not in KINDS:
            err(qid, f"kind {q['kind']!r} not in {sorted(KINDS)}")
        if q["split"] not in SPLITS:
            err(qid, f"split {q['split']!r} not in {sorted(SPLITS)}")
        if not isinstance(q["gold"], list) or not isinstance(q["must_contain"], list):
            err(qid, "gold and must_contain must be lists")
            continue

        # language of the question text
        if isinstance(q["question"], str):
            if q["lang"] == "vi" and not has_vietnamese_marks(q["question"]):
                err(qid, "lang vi but the question has no diacritics")
            if q["lang"] == "vi-nodiac" and has_vietnamese_marks(q["question"]):
                err(qid, "lang vi-nodiac but the question has diacritics")
            if q["lang"] == "en" and has_vietnamese_marks(q["question"]):
                warnings.append(f"{qid}: English question contains Vietnamese diacritics")

        # gold entries
        gold_ok = True
        for gd in q["gold"]:
            if not isinstance(gd, dict) or set(gd) != {"source", "section"}:
                err(qid, f"gold entry must be {{source, section}}: {gd!r}")
                gold_ok = False
                continue
            if gd["source"] not in corpus_text:
                err(qid, f"gold source not in corpus/: {gd['source']!r}")
                gold_ok = False
            sec = gd["section"]
            if not isinstance(sec, list) or not all(isinstance(s, str) for s in sec):
                err(qid, f"section must be a list of strings: {sec!r}")
                gold_ok = False
                continue
            for s in sec:
                if not LABEL_RE.match(s):
                    err(qid, f"odd section label {s!r} in {sec!r}")
            if sec and sec[0] == "appendix" and (len(sec) != 2 or not sec[1].isdigit()):
                err(qid, f"appendix section must be ['appendix', '<row>']: {sec!r}")
        if len(
            {json.dumps(g, ensure_ascii=False, sort_keys=True) for g in q["gold"] if isinstance(g, dict)}
        ) != len(q["gold"]):
            err(qid, "duplicate gold entries")

        if q["kind"] == "unanswerable":
            if q["gold"]:
                err(qid, "unanswerable question must have empty gold")
            if q["must_contain"]:
                err(qid, "unanswerable question must have empty must_contain")
            continue
        if not q["gold"]:
            err(qid, "answerable question needs gold")
        if not q["must_contain"]:
            err(qid, "answerable question needs must_contain")
        if not gold_ok:
            continue

        # notice: both copies, same sections
        notice_secs = {src: set() for src in NOTICE_PAIR}
        for gd in q["gold"]:
            if gd["source"] in NOTICE_PAIR:
                notice_secs[gd["source"]].add(tuple(gd["section"]))
        if notice_secs[NOTICE_PAIR[0]] != notice_secs[NOTICE_PAIR[1]]:
            err(qid, "notice gold must cite both copies with the same sections")

        # cross_document: two or more documents
        docs = {doc_key(gd["source"]) for gd in q["gold"]}
        if q["kind"] == "cross_document" and len(docs) < 2:
            err(qid, "cross_document question must cite two or more documents")

        # must_contain strings against the gold source files
        sources = sorted({gd["source"] for gd in q["gold"]})
        for m in q["must_contain"]:
            if not isinstance(m, str) or not m.strip():
                err(qid, f"must_contain entry must be a non-empty string: {m!r}")
                continue
            m_nfc = unicodedata.normalize("NFC", m)
            found = [s for s in sources if m_nfc in corpus_text[s]]
            if q["kind"] == "cross_document":
                if not found:
                    err(qid, f"must_contain {m!r} found in none of the gold sources")
            else:
                for s in sources:
                    if s not in found:
                        err(qid, f"must_contain {m!r} not found in {s}")
            in_notice = [s for s in NOTICE_PAIR if s in sources]
            if len(in_notice) == 2 and (m_nfc in corpus_text[NOTICE_PAIR[0]]) != (
                m_nfc in corpus_text[NOTICE_PAIR[1]]
            ):
                err(qid, f"must_contain {m!r} occurs in only one copy of the notice")

    # ---- proportions
    n = len(questions)
    valid = [q for q in questions if all(k in q for k in FIELDS)]
    by_lang = collections.Counter(q["lang"] for q in valid)
    by_kind = collections.Counter(q["kind"] for q in valid)
    by_split = collections.Counter(q["split"] for q in valid)
    by_split_lang = collections.Counter((q["split"], q["lang"]) for q in valid)
    by_split_kind = collections.Counter((q["split"], q["kind"]) for q in valid)
    by_source = collections.Counter(
        gd["source"] for q in valid for gd in q["gold"] if isinstance(gd, dict) and "source" in gd
    )

    print(f"questions: {n}")
    print("by lang:  " + ", ".join(f"{k}={by_lang[k]}" for k in sorted(LANGS)))
    print("by kind:  " + ", ".join(f"{k}={by_kind[k]}" for k in sorted(KINDS)))
    print("by split: " + ", ".join(f"{k}={by_split[k]}" for k in sorted(SPLITS)))
    for sp in sorted(SPLITS):
        print(
            f"  {sp}: lang "
            + ", ".join(f"{k}={by_split_lang[(sp, k)]}" for k in sorted(LANGS))
            + " | kind "
            + ", ".join(f"{k}={by_split_kind[(sp, k)]}" for k in sorted(KINDS))
        )
    print("gold passages by source:")
    for s in sorted(corpus_text):
        print(f"  {s}: {by_source[s]}")

    if n < MIN_QUESTIONS:
        errors.append(f"only {n} questions, need at least {MIN_QUESTIONS}")
    if n:
        share = by_kind["unanswerable"] / n
        print(f"unanswerable share: {share:.1%}")
        if share < MIN_UNANSWERABLE:
            errors.append(f"unanswerable share {share:.1%} below {MIN_UNANSWERABLE:.0%}")
        for lang in LANGS:
            s = by_lang[lang] / n
            if not 0.25 <= s <= 0.42:
                errors.append(f"lang {lang} share {s:.1%} is not about a third")
        d = by_split["dev"] / n
        if not 0.4 <= d <= 0.6:
            errors.append(f"dev share {d:.1%} is not about half")
    for sp in SPLITS:
        for lang in LANGS:
            if by_split_lang[(sp, lang)] == 0:
                errors.append(f"split {sp} has no {lang} question")
        for kind in KINDS:
            if by_split_kind[(sp, kind)] == 0:
                errors.append(f"split {sp} has no {kind} question")
    for s in corpus_text:
        if by_source[s] == 0:
            errors.append(f"no question cites {s}")

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
