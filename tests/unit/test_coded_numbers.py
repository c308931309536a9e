"""A document number asked with its year against the tokens the real recent documents index:
the circular 21/2025 is there, a 22/2025 is not (though '22' stands in other numbers), and an
OCR-misread type after the year does not matter."""

from __future__ import annotations

from functools import lru_cache

import pytest

from assistant.coded_numbers import unknown_year_coded
from ingest.chunks import parse_document
from ingest.text import fold_accents
from tests.conftest import ROOT

pytestmark = pytest.mark.unit
RECENT = ROOT / "eval" / "corpora" / "recent"


@lru_cache(maxsize=1)
def tokens() -> dict[str, float]:
    """Every whole token of the recent documents' chunks (what the index's IDF table holds)."""
    out: dict[str, float] = {}
    for path in sorted(RECENT.glob("*.txt")):
        for chunk in parse_document(path.name, path.read_text(encoding="utf-8")).chunks:
            for token in fold_accents(chunk.text).lower().split():
                out[token.strip(".,;:()")] = 1.0
    return out


def test_the_circular_in_the_corpus_is_known():
    assert "21/2025/tt-bgddt" in tokens()
    assert unknown_year_coded("Thông tư 21/2025/TT-BGDĐT quy định gì?", tokens()) == []
    assert unknown_year_coded("What does Circular 21/2025/TT-BGDDT set?", tokens()) == []


def test_a_number_of_another_year_is_unknown():
    assert unknown_year_coded("What overtime pay rate did Circular 22/2025/TT-BGDĐT set?", tokens()) == [
        "22/2025"
    ]
    assert unknown_year_coded("Thông tư 21/2019/TT-BGDĐT quy định gì?", tokens()) == ["21/2019"]


def test_a_misread_type_after_the_year_does_not_matter():
    assert unknown_year_coded("Thông tư 21/2025/TT-BGDPT quy định gì?", tokens()) == []
    assert unknown_year_coded("Kế hoạch 182/KH-UBND của Đồng Nai", tokens()) == []  # no year: not judged here
