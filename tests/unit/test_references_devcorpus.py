"""An item naming its subject by reference to another item of its own document keeps that item's
text; references to other documents are not followed: a provincial resolution on fire safety and
the Vĩnh Long preschool-support resolution of the development corpus."""

from __future__ import annotations

from functools import cache

import pytest

from ingest.chunks import parse_document
from ingest.references import referenced_sections
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.unit
FIRE = DEVCORPUS / "distractors" / "79_2025_NQ-HĐND__edc6fac0e3b32fd3.txt"
SUPPORT = DEVCORPUS / "directives" / "vinhlong-nq21-2025.txt"


@cache
def _chunks(path) -> dict[tuple[str, ...], object]:
    if not path.exists():
        pytest.skip(f"development corpus not found ({path})")
    return {tuple(c.section): c for c in parse_document(path.name, path.read_text(encoding="utf-8")).chunks}


def test_only_references_to_the_document_itself_are_read():
    own = "theo quy định của khoản 1 Điều 4 Nghị quyết này; giao các chủ sở hữu"
    assert referenced_sections(own) == [("Điều 4", "1")]
    other = "như quy định tại khoản 3, khoản 4 Điều 8 và khoản 3 Điều 10 của Nghị định số 105/2020/NĐ-CP."
    assert referenced_sections(other) == []


def test_a_clause_referring_to_a_clause_of_its_resolution_keeps_its_text():
    chunks = _chunks(FIRE)
    communes = chunks[("Điều 5", "2", "b")]
    assert "khoản 1 Điều 4 Nghị quyết này" in communes.text
    assert communes.extra["refers"] == [chunks[("Điều 4", "1")].text]


def test_a_reference_to_another_decree_is_not_followed():
    procedure = _chunks(SUPPORT)[("Điều 2", "3")]
    assert "Điều 10 của Nghị định số 105/2020/NĐ-CP" in procedure.text
    assert not (procedure.extra or {}).get("refers")


@pytest.mark.parametrize("path", [FIRE, SUPPORT])
def test_every_linked_item_states_a_reference_to_its_own_document(path):
    linked = [c for c in _chunks(path).values() if (c.extra or {}).get("refers")]
    assert linked and all(referenced_sections(c.text) for c in linked)
