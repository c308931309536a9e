"""An item naming its subject by reference to another item of its own document keeps that item's
text; references to other documents are not followed (real devcorpus and recent documents)."""

from __future__ import annotations

from eval.sets import set_corpus
from ingest.chunks import parse_document
from ingest.references import referenced_sections
from tests.conftest import DEVCORPUS, needs_set_corpus


def _chunks(path):
    return parse_document(path.name, path.read_text(encoding="utf-8")).chunks


def test_a_support_level_keeps_the_beneficiaries_it_refers_to():
    chunks = {tuple(c.section): c for c in _chunks(DEVCORPUS / "directives" / "vinhlong-nq21-2025.txt")}
    children, teachers = chunks[("Điều 2", "1")], chunks[("Điều 2", "2")]
    assert "160.000" in children.text and "công nhân" not in children.text
    assert any("công nhân" in text for text in children.extra["refers"])  # điểm a khoản 2 Điều 1
    assert any(text.startswith("b) Giáo viên mầm non") for text in teachers.extra["refers"])


@needs_set_corpus("recent")
def test_only_references_to_the_document_itself_are_followed():
    assert referenced_sections("quy định tại điểm a khoản 2 Điều 1 Nghị quyết này") == [("Điều 1", "2", "a")]
    assert referenced_sections("theo khoản 3 Điều 8 của Nghị định số 105/2020/NĐ-CP") == []
    chunks = _chunks(set_corpus("recent") / "bgddt-tt21-2025.txt")
    linked = [c for c in chunks if c.extra.get("refers")]
    assert linked and all(referenced_sections(c.text) for c in linked)
