"""Headings and table headers of real documents nobody here wrote (../shared/devcorpus): a title
wrapped over lines, in capitals or not, reads whole in the heading path; a table's first group
of rows is no column of its header, and its rows keep their group."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from eval.structure_misses import misses
from eval.table_misses import header_groups
from ingest.chunks import Chunk, parse_document
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.integration
DIRECTIVES = DEVCORPUS / "directives"
DISTRACTORS = DEVCORPUS / "distractors"
CODE = re.compile(r"\b\d\.\d{6}\b|Truyền thông|Tờ trình")  # a procedure's code, a spending row's task
if not DIRECTIVES.is_dir():
    pytest.skip("the development corpus is not on this machine", allow_module_level=True)


@cache
def chunks(path: Path) -> list[Chunk]:
    return parse_document(path.name, path.read_text(encoding="utf-8")).chunks


def one(pattern: str) -> Path:
    [path] = DISTRACTORS.glob(pattern)
    return path


def section(path: Path, wanted: list[str]) -> Chunk:
    return next(c for c in chunks(path) if c.section == wanted)


def test_article_titles_wrapped_before_a_capital_read_whole():
    """'Điều 4. Chánh' / 'Văn phòng …' and 'Điều 2. Trách nhiệm của Sở' / 'Giáo dục và Đào tạo;
    …' (two Nghệ An decisions): the heading path names the office and the bodies whole."""
    closing = section(DIRECTIVES / "nghean-qd3760-2025.txt", ["Điều 4"])
    assert closing.section_title.startswith("Chánh Văn phòng Ủy ban nhân dân tỉnh")
    duties = section(DIRECTIVES / "nghean-qd3771-2025.txt", ["Điều 2", "1", "a"])
    assert duties.titles[0] == "Trách nhiệm của Sở Giáo dục và Đào tạo; Uỷ ban nhân dân các xã, phường"


def test_no_directive_article_is_titled_by_one_word():
    """Over the eight directives, every article's title in a heading path names its subject in
    words ('Chánh', 'Giao', 'Điều' were read as titles before)."""
    for path in sorted(DIRECTIVES.glob("*.txt")):
        under = [c for c in chunks(path) if c.section and c.section[0].startswith("Điều")]
        assert under, path.name
        assert all(len(c.titles[0].split()) >= 2 for c in under), path.name


@pytest.mark.parametrize(
    ("pattern", "group"),
    [("1609_QĐ-TTPVHCC__*", "Thủ tục hành chính cấp Thành phố"),
     ("1948_QĐ-UBND__*", "LĨNH VỰC PHÍ, LỆ PHÍ (02 TTHC)"),
     ("1951_QĐ-UBND__*", "A. Thủ tục hành chính cấp tỉnh (01 TTHC)"),
     ("78_2025_NQ-HĐND__*", "Nhiệm vụ soạn thảo")],
)  # fmt: skip
def test_a_tables_first_group_heads_its_rows_not_its_header(pattern, group):
    """Catalogues and a spending table whose first group stands between the header and row 1:
    the columns are the header's own, and the group's rows carry it in their heading path."""
    rows = [c for c in chunks(one(pattern)) if c.extra.get("columns")]
    assert rows and not any(header_groups(c.extra["columns"]) for c in rows)
    assert not any(group in c.extra["columns"] for c in rows)
    under = [c for c in rows if group in c.titles and CODE.search(c.text)]
    assert under and all(re.search(r"\d$", c.section[-1]) for c in under)


def test_the_development_corpus_has_no_cut_title_and_no_group_in_a_header():
    """eval.structure_misses over the whole development corpus (276 documents)."""
    counts, examples = misses(DEVCORPUS)
    assert counts["documents"] > 250
    assert counts["cut_title"] == 0, examples["cut_title"][:5]
    assert counts["header_group"] == 0, examples["header_group"][:5]
