"""The text outside the numbered items of the real directives becomes the chunks that answer
questions about the document: the opening with its number and date line, one chunk per "Căn cứ"
clause, the recipients and the signature block — all section [] (DESIGN.md), told apart by title."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from ingest.bm25 import TITLE_SWITCH, chunk_vector, doc_vector, term_id, title_field
from ingest.chunks import ParsedDocument, parse_document
from ingest.text import fold_accents
from tests.conftest import CORPUS, DEVCORPUS

pytestmark = pytest.mark.unit

DIRECTIVES = sorted((DEVCORPUS / "directives").glob("*.txt"))
if not DIRECTIVES:
    pytest.skip("the development corpus is not on this machine", allow_module_level=True)


@cache
def parsed(path: Path) -> ParsedDocument:
    return parse_document(path.name, path.read_text(encoding="utf-8"))


def parts(path: Path, kind: str):
    return [c for c in parsed(path).chunks if c.extra.get("header") == kind]


@pytest.mark.parametrize("path", DIRECTIVES, ids=lambda p: p.name)
def test_each_header_part_is_its_own_unnumbered_chunk(path):
    meta = parsed(path).meta
    (opening,) = parts(path, "opening")
    assert meta.number in opening.text and "ngay" in fold_accents(opening.text)
    basis = parts(path, "basis")
    assert basis and all(fold_accents(c.text).startswith("can cu") for c in basis)
    assert all(c.section == [] and c.section_title == "Căn cứ" for c in basis)
    (recipients,) = parts(path, "recipients")
    assert fold_accents(recipients.text).startswith("noi nhan") and recipients.section_title == "Nơi nhận"
    signature = parts(path, "signature")
    assert any(meta.signer in c.text and c.section_title == "Người ký" for c in signature)
    assert all(len(c.text) < 200 for c in signature)  # the role lines and the name, not the list


def test_clauses_keep_their_wrapped_lines_together():
    caobang = next(p for p in DIRECTIVES if p.name.startswith("caobang"))
    texts = [c.text for c in parts(caobang, "basis")]
    decree = next(t for t in texts if "142/2025/NĐ-CP" in t)
    assert decree.endswith("Bộ Giáo dục và Đào tạo;") and "150/2025/NĐ-CP" not in decree


def test_a_seed_plan_without_clauses_keeps_one_opening():
    plan = CORPUS / "bacgiang-kh-nhiemvu-namhoc-2023-2024.txt"
    assert len(parts(plan, "opening")) == 1 and not parts(plan, "basis")


def test_the_title_field_is_off_unless_weighted(monkeypatch):
    doc = parsed(DIRECTIVES[0]).meta.as_dict()
    text, title = "Điều 1. Phạm vi điều chỉnh", title_field(doc)
    monkeypatch.delenv(TITLE_SWITCH, raising=False)
    assert chunk_vector(text, title) == doc_vector(text)
    monkeypatch.setenv(TITLE_SWITCH, "0.2")
    indices, _ = chunk_vector(text, title)
    assert term_id("thu") in indices and term_id("thu") not in doc_vector(text)[0]
