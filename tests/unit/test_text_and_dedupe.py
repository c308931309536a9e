from __future__ import annotations

import pytest

from ingest.dedupe import find_duplicates
from ingest.text import bm25_terms, fold_accents, join_wrapped
from tests.conftest import CORPUS, NOTICE, NOTICE_OCR

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
