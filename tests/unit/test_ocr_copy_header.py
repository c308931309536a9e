"""Headers of development-corpus documents read on their seeded OCR-like copies (eval.ocr_noise,
as `eduqa eval --ocr-copy` writes them): a national motto wrapped after 'CỘNG' is no issuer, an
issuer head word wrapped onto its own line ('ỦY' / 'BAN NHÂN DÂN') is one body, a province tier OCR
misread ('TỈUH') or a digit in the province ('CA6 BẰNG') is still read, and a place-date line
wrapped inside the place ('Cao' / 'Bằng, ngày …') names the whole province."""

from __future__ import annotations

from functools import cache

import pytest

from eval.ocr_noise import ocr_copy
from eval.ocr_sets import copy_seed
from eval.sets import devcorpus_root, get_set
from ingest.chunks import parse_document
from ingest.header import DocumentMeta
from ingest.header.heading import find_place_date
from ingest.header.issuer import read_body, split_bodies
from ingest.header.issuer_block import motto_row
from ingest.header.lines import logical_lines
from ingest.text import fold_accents
from tests.conftest import needs_set_corpus

pytestmark = [pytest.mark.unit, needs_set_corpus("recent")]
RECENT = get_set("recent").corpus
# copies whose motto OCR wrapped after 'CỘNG' (and, for most, the issuer's 'ỦY' onto a line alone)
WRAPPED_MOTTO = [
    "directives/caobang-qd53-2025.txt",
    "distractors/451_QĐ-UBND__e452177a27361c26.txt",
    "distractors/89_2025_QĐ-UBND__518fe8ba9a6bd9dc.txt",
    "distractors/2685_QĐ-UBND__4c12c694e7b33e47.txt",
    "distractors/112_2025_TT-BTC__514184bd8913458c.txt",
]


def _text(relative: str, copy: bool) -> str:
    path = devcorpus_root() / relative
    if not path.exists():
        pytest.skip(f"development corpus not found ({path})")
    text = path.read_text(encoding="utf-8")
    return ocr_copy(text, seed=copy_seed(relative)) if copy else text


@cache
def meta(relative: str, copy: bool) -> DocumentMeta:
    return parse_document(relative, _text(relative, copy)).meta


@pytest.mark.parametrize("relative", WRAPPED_MOTTO)
def test_motto_wrapped_after_its_first_word_is_no_issuer(relative):
    lines = _text(relative, True).split("\n")
    assert any(line.strip() in ("CỘNG", "CONG") for line in lines[:80])  # the copy wraps it so
    rows = logical_lines(lines, 0, 80, keep_blank=True)
    assert rows[motto_row(rows)].text.strip() in ("CỘNG", "CONG")
    clean, copy = meta(relative, False), meta(relative, True)
    assert "xa hoi" not in fold_accents(copy.issuer or "")
    assert fold_accents(copy.issuer or "") == fold_accents(clean.issuer or "")  # 'Tai chính' as OCR spells it
    assert copy.province == clean.province


def test_issuer_head_word_wrapped_alone_is_one_body():
    assert split_bodies(["UY", "BAN NHÂN DÂN", "TỈNH LAI CHÂU"]) == ["UY BAN NHÂN DÂN TỈNH LAI CHÂU"]
    assert split_bodies(["BỘ TÀI CHÍNH", "CỤC THUẾ"]) == ["BỘ TÀI CHÍNH", "CỤC THUẾ"]
    assert split_bodies(["UBND TỈNH LAI CHÂU", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]) == [
        "UBND TỈNH LAI CHÂU",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    ]


def test_misread_province_tier_and_digit_in_the_name_are_still_read():
    assert read_body("UY BAN NHAN DAN TỈUH QUANG TRI", "").province == "Quảng Trị"
    assert read_body("UY BAN NHAN DAN THANH PH0 HUE", "").name == "Ủy ban nhân dân thành phố Huế"
    assert read_body("ỦY BAN NHÂN DÂN TINH CA6 BẰNG", "").name == "Ủy ban nhân dân tỉnh CA6 BẰNG"
    assert read_body("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "").name == "Ủy ban nhân dân tỉnh Lai Châu"


def test_place_wrapped_inside_its_name_names_the_province():
    rows = logical_lines(["Số: 53/2025/QĐ-UBND", "Cao", "Bằng, ngày 28 tháng 11 nam 2025"], 0, 3)
    assert find_place_date(rows) == ("Cao Bằng", "2025-11-28")
    rows = logical_lines(["Thành phố Hồ Chí", "Minh, ngày 5 tháng 9 năm 2025"], 0, 2)
    assert find_place_date(rows) == ("Hồ Chí Minh", "2025-09-05")
    rows = logical_lines(["Hà Nội, ngày 5 tháng 9 năm 2025"], 0, 1)
    assert find_place_date(rows) == ("Hà Nội", "2025-09-05")


def test_copy_of_a_provincial_decision_keeps_issuer_and_province():
    clean, copy = meta(WRAPPED_MOTTO[0], False), meta(WRAPPED_MOTTO[0], True)
    assert (
        (copy.issuer, copy.province)
        == (clean.issuer, clean.province)
        == (
            "Ủy ban nhân dân tỉnh Cao Bằng",
            "Cao Bằng",
        )
    )


def test_misread_council_and_department_heads_are_read():
    assert read_body("Hoi đồng nhau &an thành phố HD noi", "").name.startswith("Hội đồng nhân dân thành phố")
    assert read_body("BOI DONG NHÂN DAN THANH PH0 HUE", "").name == "Hội đồng nhân dân thành phố Huế"
    assert read_body("So GIÁ0 dục va đào tạo", "").name == "Sở Giáo dục và Đào tạo"
    assert read_body("SỞ GD&ĐT HÀ NỘI", "").name == "Sở Giáo dục và Đào tạo Hà Nội"


@pytest.mark.parametrize("name", sorted(p.name for p in RECENT.glob("*.txt")))
def test_recent_copy_keeps_the_clean_issuer(name):
    text = (RECENT / name).read_text(encoding="utf-8")
    clean = parse_document(name, text).meta
    copy = parse_document(name, ocr_copy(text, seed=copy_seed(name))).meta
    assert fold_accents(copy.issuer or "") == fold_accents(clean.issuer or "")
