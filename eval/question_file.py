"""The seed question file's shape: its fields and allowed values, the corpus it cites, and
reading both (stdlib only)."""

import json
import re
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


def doc_key(source: str) -> str:
    """The two notice copies are one document."""
    return NOTICE_PAIR[0] if source in NOTICE_PAIR else source


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
