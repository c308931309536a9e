"""Headers of provincial documents of the development corpus read on their seeded OCR-like copies
(eval.ocr_noise, as `eduqa eval --ocr-copy` writes them): an issuer block whose province OCR
misread ('TỈNH BAC NIUH', 'TINH BAE NIUH', 'TINH PBÚ THỌ'), whose head word wrapped onto lines
of its own ('ỦY BAN NHÂN' / 'DÂU' / 'TỈNH DAK LAK') or whose place wrapped inside its name
('UBND THANH PHỐ HA' / 'NOI') still names the clean copy's issuer province, and the date holds."""

from __future__ import annotations

import pytest

from eval.ocr_noise import ocr_copy
from eval.ocr_sets import copy_seed
from ingest.chunks import parse_document
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.unit

# (document, the issuer lines its copy writes): none of them spells the province as the clean text
COPIES = [
    ("1509_QĐ-UBND__8966c59f782e4081.txt", ["UY BAN NHAN DAN", "TỈNH BAC NIUH"]),
    ("1521_QĐ-UBND__ea34a356cafcb1aa.txt", ["ỦY BAN NHAN CLÂN", "TINH BAE NIUH"]),
    ("100_2025_QĐ-UBND__33afd0d9738224e1.txt", ["UY BAN NHAN", "DAN", "TINH PBÚ THỌ"]),
    ("02200_QĐ-UBND__b1a5a41518097e3e.txt", ["ỦY BAN NHÂN", "DÂU", "TỈNH DAK LAK"]),
    ("1609_QĐ-TTPVHCC__ca83e7689c9fc610.txt", ["UBND THANH PHỐ HA", "NOI"]),
    ("122_2025_QĐ-UBND__606d5f203dec293b.txt", ["UY BAN NHÂN DAN", "THÀNH PHO HUE"]),
]


@pytest.mark.parametrize(("name", "issuer_lines"), COPIES)
def test_copy_names_the_clean_issuers_province(name, issuer_lines):
    if not (DEVCORPUS / "distractors").is_dir():
        pytest.skip(f"development corpus not found ({DEVCORPUS})")
    path = DEVCORPUS / "distractors" / name
    relative = f"distractors/{name}"
    text = path.read_text(encoding="utf-8")
    copy = ocr_copy(text, seed=copy_seed(relative))
    written = [line for line in copy.split("\n")[:20] if line.strip()]
    assert written[: len(issuer_lines)] == issuer_lines
    clean, read = parse_document(relative, text).meta, parse_document(relative, copy).meta
    assert clean.province and clean.province.upper() not in copy[:1500].upper()
    assert (read.province, read.date) == (clean.province, clean.date)
