"""Real documents nobody here wrote (../shared/devcorpus): every one reads into bounded chunks
with its numbered structure; a fee-table row and a Điều/khoản/điểm path are found by section."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from ingest.bounds import MAX_CHARS
from ingest.chunks import ParsedDocument, parse_document
from ingest.levels import match_label
from ingest.lines import clean_line, is_speck
from ingest.text import nfc
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.integration
_TAG = re.compile(
    r"</?(?:strong|b|em|i|u|br|sup|sub)\s*/?>", re.IGNORECASE
)  # inline marks a Markdown copy keeps in table cells

READ_AS_WRITTEN = sorted((DEVCORPUS / "directives").glob("*.txt")) + sorted((DEVCORPUS / "long").glob("*.md"))
DISTRACTORS = sorted((DEVCORPUS / "distractors").glob("*.txt"))
if not READ_AS_WRITTEN:
    pytest.skip("the development corpus is not on this machine", allow_module_level=True)


@cache
def parsed(path: Path) -> ParsedDocument:
    return parse_document(path.name, path.read_text(encoding="utf-8"))


def section(path: Path, wanted: list[str]):
    return [c for c in parsed(path).chunks if c.section == wanted]


@pytest.mark.parametrize("path", READ_AS_WRITTEN, ids=lambda p: p.name)
def test_bounded_chunks_with_numbered_structure(path):
    chunks = parsed(path).chunks
    assert max(len(c.text) for c in chunks) <= MAX_CHARS
    assert sum(bool(c.section) for c in chunks) >= 3


@pytest.mark.parametrize("path", READ_AS_WRITTEN, ids=lambda p: p.name)
def test_nothing_dropped_nothing_repeated_beyond_the_path(path):
    """Every line of the document is in a chunk's text, or is a heading its children carry in
    their heading path; and no word stands in the chunks more often than in the document."""
    text = nfc(path.read_text(encoding="utf-8"))
    chunks = parsed(path).chunks
    columns = {" | ".join(c.extra["columns"]) for c in chunks if "columns" in c.extra}
    texts = _squashed(_TAG.sub("", "".join(c.body for c in chunks) + "".join(columns)))
    titles = _squashed("".join(t for c in chunks for t in c.titles))
    for line in (_TAG.sub("", clean_line(x)).strip("| ") for x in text.split("\n")):
        if not line or is_speck(line):
            continue
        label = match_label(line)
        own = _squashed(label.rest if label else line).rstrip(".:;")
        in_header = all(
            _squashed(c) in _squashed("".join(columns)) for c in line.split("|")
        )  # a header's 2nd row
        assert _squashed(line) in texts or own in titles or in_header, line
    words = _word_counts(" ".join(c.body for c in chunks))
    in_document = _word_counts(" ".join(clean_line(x) for x in text.split("\n")))
    assert all(count <= in_document.get(word, 0) for word, count in words.items())


def test_fee_table_row_found_by_section_with_its_figure():
    hanoi = DEVCORPUS / "directives" / "hanoi-nq60-2025.txt"
    [row] = section(hanoi, ["Phụ lục", "dòng 1.1.1"])
    assert "Bữa sáng" in row.text and "20.000" in row.text
    assert row.text.startswith("TT | Danh mục dịch vụ")  # the columns' headers
    assert "Mức trần" in row.text.split("\n")[0]
    assert "Dịch vụ tiền ăn của học sinh" in row.heading_path  # the row it sits under
    [lower_secondary] = section(hanoi, ["Phụ lục", "dòng 1.3.2"])
    assert "Trung học cơ sở" in lower_secondary.text and "133.000" in lower_secondary.text


def test_exam_fee_rows_under_a_roman_group():
    vinhlong = DEVCORPUS / "directives" / "vinhlong-nq22-2025.txt"
    chunks = section(vinhlong, ["Phụ lục I", "dòng I"])
    assert chunks and "Trưởng ban" in chunks[0].text and "692" in chunks[0].text
    assert "Mức chi" in chunks[0].text.split("\n")[0]


def test_article_clause_point_path():
    vinhlong = DEVCORPUS / "directives" / "vinhlong-nq22-2025.txt"
    [point] = section(vinhlong, ["Điều 4", "5", "b"])
    assert "10/2022/NQ-HĐND" in point.text
    # "**Điều" and "4. Điều khoản thi hành**" were two lines: still one article
    [clause] = section(vinhlong, ["Điều 4", "1"])
    assert "Giao Ủy ban nhân dân tỉnh" in clause.text


def test_procedure_steps_are_rows_under_their_procedure():
    nghean = DEVCORPUS / "directives" / "nghean-qd3760-2025.txt"
    [step] = section(nghean, ["Quy trình", "A", "I", "1", "Bước 3"])
    assert "58 giờ làm việc" in step.text
    assert step.text.startswith("Thứ tự công việc | Đơn vị/người thực hiện")


def test_codified_articles_keep_their_number_without_the_chapter():
    phapdien = DEVCORPUS / "long" / "phapdien-de-muc-giao-duc.md"
    article = section(phapdien, ["Điều 13.1.LQ.1"])[0]
    assert "hệ thống giáo dục quốc dân" in article.text
    assert "NHỮNG QUY ĐỊNH CHUNG" in article.heading_path  # the chapter is a title


def test_distractors_bounded_and_numbered_where_they_number():
    """The 268 other administrative documents: none over MAX_CHARS; every one with at least three
    numbered items in its text reads at least three numbered chunks."""
    missed = []
    for path in DISTRACTORS:
        chunks = parse_document(path.name, path.read_text(encoding="utf-8")).chunks
        assert max(len(c.text) for c in chunks) <= MAX_CHARS, path.name
        labelled = sum(_numbered_line(line) for line in path.read_text(encoding="utf-8").split("\n"))
        if labelled >= 3 and sum(bool(c.section) for c in chunks) < 3:
            missed.append(path.name)
    assert not missed


def _numbered_line(line: str) -> bool:
    label = match_label(clean_line(line))
    return label is not None and label.kind in ("article", "roman", "num", "letter")


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _word_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in re.findall(r"\w+", text):
        counts[word] = counts.get(word, 0) + 1
    return counts


def test_a_short_clause_heading_is_its_title_not_the_wrapped_sentence():
    vinhlong = DEVCORPUS / "directives" / "vinhlong-nq21-2025.txt"
    [clause] = section(vinhlong, ["Điều 1", "1"])
    assert clause.section_title == "Phạm vi điều chỉnh"
    assert clause.text.startswith("1. Phạm vi điều chỉnh Nghị quyết này quy định")


def test_capital_heading_wrapped_over_two_lines_is_whole_in_every_path():
    """'A. DANH MỤC THỦ TỤC HÀNH' / 'CHÍNH CẤP TỈNH' above a catalogue: the part's own chunk and
    every row under it carry the whole heading, not the first line's words."""
    nghean = DEVCORPUS / "directives" / "nghean-qd3771-2025.txt"
    under_a = [c for c in parsed(nghean).chunks if c.section[:2] == ["Danh mục", "A"]]
    assert len(under_a) > 30
    assert all(c.titles[0] == "DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP TỈNH" for c in under_a)
    assert not any(t.endswith("THỦ TỤC HÀNH") for c in parsed(nghean).chunks for t in c.titles)


def test_numbered_procedure_after_a_wrapped_heading_is_its_own_task():
    """'I. LĨNH' / 'VỰC GIÁO DỤC VÀ ĐÀO TẠO …' then '1. Đề' / 'nghị miễn, giảm học phí …': the
    heading reads whole and procedure 1 stays a task under it, its steps rows under that."""
    nghean = DEVCORPUS / "directives" / "nghean-qd3760-2025.txt"
    [step] = section(nghean, ["Quy trình", "A", "I", "1", "Bước 3"])
    assert step.titles[:2] == [
        "THỦ TỤC HÀNH CHÍNH CẤP TỈNH",
        "LĨNH VỰC GIÁO DỤC VÀ ĐÀO TẠO THUỘC HỆ THỐNG GIÁO DỤC QUỐC DÂN",
    ]
    assert step.titles[2].startswith("Đề nghị miễn, giảm học phí")


@pytest.mark.parametrize(
    ("name", "heading_path", "heading"),
    [("1948_QĐ-UBND__*", ["Phụ lục II", "A", "I"], "LĨNH VỰC KHÍ TƯỢNG THỦY VĂN: 05 QUY TRÌNH"),
     ("2022_QĐ-UBND__*", ["Phụ lục 2", "I"], "QUY TRÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH CẤP TỈNH (12 TTHC)")],
)  # fmt: skip
def test_wrapped_capital_headings_of_procedure_annexes(name, heading_path, heading):
    """Two provincial decisions whose headings break inside a word pair ('I. LĨNH' / 'VỰC …',
    'I. QUY' / 'TRÌNH …'): the heading reads whole in its procedures' paths; the plain 'Quy trình
    số 01' line and the numbered procedures after it are not taken into it."""
    [path] = sorted((DEVCORPUS / "distractors").glob(name))
    under = [c for c in parsed(path).chunks if c.section[: len(heading_path)] == heading_path]
    procedures = {c.section[len(heading_path)] for c in under if len(c.section) > len(heading_path)}
    assert len(procedures) >= 5 and all(p.isdigit() for p in procedures)  # tasks of their own
    assert all(heading in c.titles for c in under)
    assert not any("Quy trình số" in t for c in under for t in c.titles)
