"""A document number asked with its year against the tokens the development corpus's directives
index: the resolution 60/2025 is there, a 03/2023 is not (though '03' stands in two other numbers),
and an OCR-misread type after the year does not matter. Documents of the development corpus
saved without their header bear the numbers their file names carry."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from assistant.coded_numbers import borne_numbers, unknown_year_coded, unnamed_cited
from ingest.chunks import parse_document
from ingest.text import fold_accents
from tests.conftest import DEVCORPUS, header_numbers

pytestmark = pytest.mark.unit


def _documents(folder: str) -> list[Path]:
    paths = sorted((DEVCORPUS / folder).glob("*.txt"))
    if not paths:
        pytest.skip(f"development corpus not found ({DEVCORPUS})")
    return paths


@lru_cache(maxsize=1)
def tokens() -> dict[str, float]:
    """Every whole token of the directives' chunks (what the index's IDF table holds)."""
    out: dict[str, float] = {}
    for path in _documents("directives"):
        for chunk in parse_document(path.name, path.read_text(encoding="utf-8")).chunks:
            for token in fold_accents(chunk.text).lower().split():
                out[token.strip(".,;:()")] = 1.0
    return out


def test_the_resolution_in_the_corpus_is_known():
    assert "60/2025/nq-hdnd" in tokens()
    assert unknown_year_coded("Nghị quyết 60/2025/NQ-HĐND quy định những khoản thu nào?", tokens()) == []
    assert unknown_year_coded("What fees does Resolution 60/2025/NQ-HDND set?", tokens()) == []


def test_a_number_of_another_year_is_unknown():
    assert {"03/2024/nq-hdnd", "03/2025/tt-vpcp"} <= set(tokens())  # '03' in two other numbers
    assert unknown_year_coded("Nghị quyết 03/2023/NQ-HĐND quy định gì?", tokens()) == ["03/2023"]
    assert unknown_year_coded("Nghị quyết 60/2024/NQ-HĐND quy định gì?", tokens()) == ["60/2024"]
    assert unknown_year_coded("What does Decision 53/2019/QĐ-UBND delegate?", tokens()) == ["53/2019"]


def test_a_misread_type_after_the_year_does_not_matter():
    assert unknown_year_coded("Nghị quyết 60/2025/NQ-HĐUD quy định gì?", tokens()) == []
    assert unknown_year_coded("Quyết định 53/2025/QĐ-UBNĐ của Cao Bằng", tokens()) == []


def test_headless_documents_bear_the_numbers_their_file_names_carry():
    paths = [p for p in _documents("distractors") if p.name.startswith(("6225_", "17809_", "4001_"))]
    docs = header_numbers(paths)
    assert [number for _, number in docs] == ["", "", ""]  # no header: the index records no number
    borne = borne_numbers(docs)
    assert borne == {"17809", "4001", "6225"}
    assert unnamed_cited(["6225", "17809"], borne, texts=[]) == []
    assert unnamed_cited(["6226"], borne, texts=[]) == ["6226"]  # a number no file carries
    assert unnamed_cited(["6226"], borne, texts=["theo Công văn số 6226/BVHTTDL-VP"]) == []  # cited


def test_the_header_number_comes_before_the_file_name():
    docs = header_numbers(_documents("directives"))
    assert all(number for _, number in docs)
    assert borne_numbers(docs) == {number for _, number in docs}
    assert borne_numbers([("distractors/37999_CHQ-GSQL__9a53c71ee9f5781f.txt", "3799")]) == {"3799"}
