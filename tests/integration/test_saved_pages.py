"""A raw saved page and its cut copy in the devcorpus read alike: through the real reader (file
→ text → header and chunks), the same chunk sections and texts, the same header wherever the cut
copy has a field; the raw page's site table only fills the fields its document text leaves empty.
And the header benchmark, run on the saved pages here, finds every field the site states."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.header_accuracy import main as header_accuracy
from ingest.chunks import parse_document
from ingest.pipeline import parse_file
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.integration
PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
TWINS = {
    "b1bac569be973504.md": "01763_QĐ-UBND__b1bac569be973504.txt",
    "c5d930a5fc8373cd.md": "980_KH-UBND__c5d930a5fc8373cd.txt",
    "5d196a776ae817c7.md": "61_2025_TT-BCT__5d196a776ae817c7.txt",
}


@pytest.mark.parametrize("raw_name", sorted(TWINS))
def test_a_raw_page_reads_as_its_cut_copy(raw_name: str) -> None:
    cut_path = DEVCORPUS / "distractors" / TWINS[raw_name]
    raw = parse_file(PAGES / raw_name, PAGES, max_tokens=480, source="page.md")
    cut = parse_file(cut_path, cut_path.parent, max_tokens=480, source="page.md")
    assert [(c.section, c.section_title, c.text) for c in raw.chunks] == [
        (c.section, c.section_title, c.text) for c in cut.chunks
    ]
    assert [c.id for c in raw.chunks] == [c.id for c in cut.chunks]
    raw_meta, cut_meta = raw.meta.as_dict(), cut.meta.as_dict()
    for name, value in cut_meta.items():
        if value is not None:
            assert raw_meta[name] == value, name
    assert raw.text == cut.text.rstrip("\n")


def test_the_site_fills_only_what_the_document_leaves_empty() -> None:
    """The site's fields never replace what the document states."""
    raw = parse_file(PAGES / "5d196a776ae817c7.md", PAGES, max_tokens=480)
    assert raw.meta.number == "61/2025/TT-BCT"
    assert raw.meta.issuer == "Bộ Công Thương"  # the document's spelling, not the site's 'Bộ Công thương'
    assert raw.meta.signer == "Nguyễn Sinh Nhật Tân"


# The site's table above letter 4001/UBND-ĐT (same crawl, page 76415b3ed5295e94.md), as saved; its
# cut copy in the devcorpus starts at 'Kính gửi': the saved text lost the letter's header block.
LETTER_TABLE = """Đang tải văn bản...
#
**Số hiệu:**
|
4001/UBND-ĐT
|
**Loại văn bản:**
|
Công văn
|
**Nơi ban hành:**
|
Thành phố Hồ Chí Minh
|
**Người ký:**
|
Bùi Minh Thạnh
|
**Ngày ban hành:**
|
24/11/2025
|
**
Ngày hiệu lực:**
|
Đã biết
|
**Tình trạng:**
|
Đã biết
|
"""


def test_the_site_table_fills_a_header_the_text_lost() -> None:
    cut_text = (DEVCORPUS / "distractors" / "4001_UBND-ĐT__76415b3ed5295e94.txt").read_text(encoding="utf-8")
    raw = parse_document("letter.md", LETTER_TABLE + cut_text)
    cut = parse_document("letter.md", cut_text)
    assert [(c.section, c.text) for c in raw.chunks] == [(c.section, c.text) for c in cut.chunks]
    assert (cut.meta.number, cut.meta.province, cut.meta.date) == (None, None, None)
    assert (raw.meta.number, raw.meta.province, raw.meta.date) == (
        "4001/UBND-ĐT",
        "Hồ Chí Minh",
        "2025-11-24",
    )
    assert raw.meta.signer == cut.meta.signer == "Bùi Minh Thạnh"  # read from the letter itself
    assert raw.meta.type == cut.meta.type == "Công văn"


def test_header_accuracy_on_the_saved_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.json"
    assert header_accuracy([str(PAGES), "--json", str(out), "--examples", "0"]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["pages"] == 5  # the sixth page has no site table: no truth to judge it by
    for name in ("number", "type", "date", "place", "signer"):
        assert report["fields"][name] == {"pages": 5, "right": 5, "accuracy": 1.0}, name
    assert "5 legal pages" in capsys.readouterr().out


def test_header_accuracy_refuses_a_folder_without_pages(tmp_path: Path, capsys) -> None:
    assert header_accuracy([str(tmp_path)]) == 2
    assert "no page" in capsys.readouterr().err
    assert header_accuracy([str(tmp_path / "missing")]) == 2
