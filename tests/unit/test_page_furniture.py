"""A page saved from a legal-text website read as its document: the site's furniture cut, its
metadata table kept apart; other text passes unchanged. All on real saved pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.chunks import parse_document
from ingest.page_furniture import page_title, read_page, site_table, without_cell_borders
from tests.conftest import CORPUS, DEVCORPUS, HAIPHONG

pytestmark = pytest.mark.unit
PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
WITH_TABLE = ["b1bac569be973504.md", "7650ecce3d20626b.md", "c5d930a5fc8373cd.md", "5d196a776ae817c7.md",
              "3870cd0c35318a44.md"]  # fmt: skip
FURNITURE = ("THƯ VIỆN PHÁP LUẬT", "Đang tải văn bản", "Văn bản liên quan", "Số hiệu:", "Tình trạng:")


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", WITH_TABLE)
def test_the_document_alone_is_kept(name: str) -> None:
    text = read_page(page(name)).text
    assert not any(mark in text for mark in FURNITURE)
    assert "CHỦ NGHĨA VIỆT NAM" in text
    assert all(line.strip() != "|" for line in text.split("\n"))


def test_the_site_table_becomes_header_fields() -> None:
    fields = read_page(page("b1bac569be973504.md")).fields
    assert fields == {"number": "01763/QĐ-UBND", "type": "Quyết định", "signer": "Nguyễn Minh Luân",
                      "date": "2025-11-18", "province": "Cà Mau"}  # fmt: skip
    ministry = read_page(page("5d196a776ae817c7.md")).fields
    assert ministry["issuer"] == "Bộ Công thương" and "province" not in ministry  # as the site spells it


def test_the_table_runs_to_its_last_known_key() -> None:
    """'Kính gửi:' under the table is the document's, not one more key of the site's."""
    lines = without_cell_borders(page("3870cd0c35318a44.md").split("\n"))
    table = site_table(lines)
    assert table is not None
    assert lines[table.end - 2].strip(" *") == "Tình trạng:"
    assert "ỦY BAN NHÂN DÂN" in "\n".join(lines[table.end : table.end + 3])


def test_the_page_title_above_the_trailer() -> None:
    lines = without_cell_borders(page("c5d930a5fc8373cd.md").split("\n"))
    assert page_title(lines).startswith("Kế hoạch 980/KH-UBND năm 2025 thực hiện Quyết định 1899/QĐ-TTg")
    assert page_title(without_cell_borders(page("4eb6d4a67b3ff8d9.md").split("\n"))) is None


def test_a_page_in_another_layout_loses_only_its_border_lines() -> None:
    raw = page("4eb6d4a67b3ff8d9.md")
    cut = read_page(raw)
    assert cut.fields == {}
    assert cut.text == "\n".join(line for line in raw.split("\n") if line.strip() != "|")


def test_clean_documents_pass_unchanged() -> None:
    """Seeds (an OCR '|.' heading among them) and devcorpus directives: not a character moves."""
    paths = [*CORPUS.glob("*.txt"), *(DEVCORPUS / "directives").glob("*.txt")]
    assert any(p.name == HAIPHONG for p in paths)
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert read_page(text).text == text, path.name


def test_no_chunk_of_a_raw_page_holds_furniture() -> None:
    for name in WITH_TABLE:
        chunks = parse_document(name, page(name)).chunks
        assert chunks
        assert not any(mark in c.text for c in chunks for mark in FURNITURE), name
        assert chunks[0].text.startswith(("ỦY BAN", "HỘI ĐỒNG", "BỘ ", "Các mặt hàng")), name
