"""A document number asked with its year against the tokens the real recent documents index:
the circular 21/2025 is there, a 22/2025 is not (though '22' stands in other numbers), and an
OCR-misread type after the year does not matter. A document saved without its header bears the
number its file name carries (real headless distractors and the fresh letter)."""

from __future__ import annotations

from functools import lru_cache

import pytest

from assistant.coded_numbers import borne_numbers, file_number, unknown_year_coded, unnamed_cited
from eval.sets import set_corpus
from ingest.chunks import parse_document
from ingest.text import fold_accents
from tests.conftest import DEVCORPUS, header_numbers, needs_set_corpus

pytestmark = pytest.mark.unit
RECENT = set_corpus("recent")


@lru_cache(maxsize=1)
def tokens() -> dict[str, float]:
    """Every whole token of the recent documents' chunks (what the index's IDF table holds)."""
    out: dict[str, float] = {}
    for path in sorted(RECENT.glob("*.txt")):
        for chunk in parse_document(path.name, path.read_text(encoding="utf-8")).chunks:
            for token in fold_accents(chunk.text).lower().split():
                out[token.strip(".,;:()")] = 1.0
    return out


@needs_set_corpus("recent")
def test_the_circular_in_the_corpus_is_known():
    assert "21/2025/tt-bgddt" in tokens()
    assert unknown_year_coded("Thông tư 21/2025/TT-BGDĐT quy định gì?", tokens()) == []
    assert unknown_year_coded("What does Circular 21/2025/TT-BGDDT set?", tokens()) == []


@needs_set_corpus("recent")
def test_a_number_of_another_year_is_unknown():
    assert unknown_year_coded("What overtime pay rate did Circular 22/2025/TT-BGDĐT set?", tokens()) == [
        "22/2025"
    ]
    assert unknown_year_coded("Thông tư 21/2019/TT-BGDĐT quy định gì?", tokens()) == ["21/2019"]


@needs_set_corpus("recent")
def test_a_misread_type_after_the_year_does_not_matter():
    assert unknown_year_coded("Thông tư 21/2025/TT-BGDPT quy định gì?", tokens()) == []
    assert unknown_year_coded("Kế hoạch 182/KH-UBND của Đồng Nai", tokens()) == []  # no year: not judged here


# --- a number the file name carries, for documents saved without their header ---

FRESH = set_corpus("fresh")
HEADLESS = ["17809_BTC-CTK__2d737276bf416017.txt", "6225_BVHTTDL-VP__987cadc82373c854.txt"]


def headless_documents():
    paths = [DEVCORPUS / "distractors" / name for name in HEADLESS] + [FRESH / "bvhttdl-cv6386-2025.txt"]
    if not all(p.exists() for p in paths):
        pytest.skip("the development corpus is not on this machine")
    return paths


@needs_set_corpus("fresh")
def test_a_headless_document_bears_the_number_its_file_name_carries():
    docs = header_numbers(headless_documents())
    assert [number for _, number in docs] == ["", "", ""]  # no header: the index records no number
    borne = borne_numbers(docs)
    assert borne == {"17809", "6225", "6386"}
    assert unnamed_cited(["6386", "17809"], borne, texts=[]) == []
    assert unnamed_cited(["98765"], borne, texts=[]) == ["98765"]  # a number no file carries


@needs_set_corpus("fresh")
def test_the_header_number_comes_before_the_file_name():
    assert borne_numbers([("directives/camau-qd1814-2025.txt", "1814")]) == {"1814"}
    assert borne_numbers([("distractors/37999_CHQ-GSQL__9a53c71ee9f5781f.txt", "3799")]) == {"3799"}


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("CV6386.pdf", "6386"),
        ("6386_BVHTTDL-VP__abc.txt", "6386"),
        ("02124_QĐ-UBND__919fbc8391baa810.txt", "2124"),
        ("nghean-qd3760-2025.txt", "3760"),
        ("bgddt-tt05-2025.txt", "5"),
        ("bgddt-tt-nckh-2025.txt", ""),  # a year is not a number
        ("2d737276bf416017.md", ""),  # a hash is not one either
        ("bacgiang-kh-nhiemvu-namhoc-2023-2024.txt", ""),
    ],
)
def test_file_number(name, number):
    assert file_number(name) == number


def _names_and_headers_agree(paths, at_least: int) -> None:
    pairs = [(file_number(source), number) for source, number in header_numbers(paths) if number]
    carried = [(f, n) for f, n in pairs if f]
    assert len(carried) >= at_least
    assert all(f == n for f, n in carried)


def test_file_names_agree_with_the_headers_of_the_directives():
    """Where both are there, a directive's file name and its header give the same number."""
    _names_and_headers_agree(sorted((DEVCORPUS / "directives").glob("*.txt")), at_least=8)


@needs_set_corpus("fresh")
def test_file_names_agree_with_the_headers_of_the_fresh_documents():
    _names_and_headers_agree(sorted(FRESH.glob("*.txt")), at_least=4)
