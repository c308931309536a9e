from __future__ import annotations

import pytest

from ingest.dedupe import find_duplicates
from ingest.text import bm25_terms, fold_accents, join_wrapped
from tests.conftest import CORPUS, DEVCORPUS, NOTICE, NOTICE_OCR

pytestmark = pytest.mark.unit


def test_folding_meets_ocr_and_typed_without_diacritics():
    assert fold_accents("Tỷ lệ trường đạt chuẩn") == "ty le truong dat chuan"
    assert fold_accents("ĐÀO TẠO") == "dao tao"


def test_numbers_kept_whole():
    terms = bm25_terms("đạt 92,5% trước 20/12/2023 theo 281/KH-UBND")
    assert {"92,5", "20/12/2023", "281/kh-ubnd"} <= set(terms)
    assert "theo" in terms


def test_wrapped_lines_joined_list_items_kept():
    text = join_wrapped(["Tăng cường công tác", "kiểm tra.", "- Một ý", "tiếp theo", "", "Đoạn mới"])
    assert text == "Tăng cường công tác kiểm tra.\n- Một ý tiếp theo\nĐoạn mới"


def test_ocr_copy_linked_to_clean_copy_by_content():
    texts = {p.name: p.read_text() for p in CORPUS.glob("*.txt")}
    renamed = {f"x-{i}.txt": t for i, t in enumerate(texts.values())}  # names do not matter
    links = find_duplicates(renamed)
    assert len(links) == 1
    ((dup, keep),) = links.items()
    assert renamed[keep] == texts[NOTICE] and renamed[dup] == texts[NOTICE_OCR]


def _profiles(root, names):
    from ingest.doc_profile import profile_of
    from ingest.pipeline import parse_file

    return {name: profile_of(parse_file(root / name, root, 512)) for name in names}


@pytest.mark.skipif(not DEVCORPUS.is_dir(), reason="development corpus not beside the repository")
def test_documents_from_one_template_are_not_copies_but_twins_and_ocr_copies_are():
    """Notices numbered one after another share most of their words (they share 0.86–0.92 of
    their word 3-grams); only the two downloads of one circular, and the seeds' OCR copy of a
    notice, are copies."""
    from ingest.doc_profile import copy_pairs

    template = sorted(
        p.relative_to(DEVCORPUS).as_posix()
        for p in (DEVCORPUS / "distractors").glob("3769[1-5]_TB-CHQ__*.txt")
    )
    twins = sorted(
        p.relative_to(DEVCORPUS).as_posix()
        for p in (DEVCORPUS / "distractors").glob("110_2025_TT-BTC__*.txt")
    )
    assert len(template) >= 3 and len(twins) == 2
    profiles = _profiles(DEVCORPUS, template + twins)
    assert copy_pairs(profiles, set(profiles), []) == [tuple(twins)]
    seeds = _profiles(CORPUS, [NOTICE, NOTICE_OCR])
    assert copy_pairs(seeds, set(seeds), []) == [tuple(sorted([NOTICE, NOTICE_OCR]))]


def test_stored_pairs_that_disagree_on_the_number_are_dropped():
    from ingest.doc_profile import DocumentProfile, copy_pairs

    a = DocumentProfile(shingles=[1, 2, 3], number="37694/TB-CHQ")
    b = DocumentProfile(shingles=[1, 2, 3], number="37695/TB-CHQ")
    c = DocumentProfile(shingles=[1, 2, 3], number=None)
    assert copy_pairs({"a": a, "b": b}, set(), [("a", "b")]) == []
    assert copy_pairs({"a": a, "c": c}, set(), [("a", "c")]) == [("a", "c")]
