"""Table rows of real documents nobody here wrote (../shared/devcorpus): a catalogue of
administrative procedures gives each procedure its own chunk with its code, name and group, in
both its lettered parts; a programme table's row keeps its columns' names; a question naming a
procedure finds its row first and is answered with the row's code."""

from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path

import pytest

from assistant.service import AssistantService
from assistant.table_rows import row_answer
from ingest.chunks import Chunk, parse_document
from tests.conftest import DEVCORPUS, make_settings

pytestmark = pytest.mark.integration
CATALOGUE = DEVCORPUS / "directives" / "nghean-qd3771-2025.txt"
PROCESSES = DEVCORPUS / "directives" / "nghean-qd3760-2025.txt"
PROGRAMME = DEVCORPUS / "long" / "bgddt-chuong-trinh-gdpt-tong-the-2018.ocr.md"
CODE = re.compile(r"\b\d\.\d{6}\b")
if not CATALOGUE.is_file():
    pytest.skip("the development corpus is not on this machine", allow_module_level=True)


@cache
def rows(path: Path) -> list[Chunk]:
    chunks = parse_document(path.name, path.read_text(encoding="utf-8")).chunks
    return [c for c in chunks if c.extra.get("columns")]


def row_with(path: Path, code: str) -> Chunk:
    [row] = [c for c in rows(path) if code in c.text]
    return row


@pytest.mark.parametrize(
    "path",
    [
        CATALOGUE,  # part A's letter above the header, part B with its groups I, II … again
        DEVCORPUS / "distractors" / "3851_QĐ-UBND__31ea3f5a8224b092.txt",  # A, B above the groups
        DEVCORPUS / "distractors" / "4508_QĐ-BVHTTDL__ca6ff32db1f99d30.txt",  # A, B … under each group
    ],
    ids=lambda p: p.name,
)
def test_every_catalogue_row_is_its_own_chunk_in_every_part(path):
    """Each procedure code of the source stands in exactly one row chunk, alone: a lettered part
    no longer runs into the last row before it."""
    source_codes = CODE.findall(path.read_text(encoding="utf-8"))
    chunk_codes = [CODE.findall(c.body) for c in rows(path)]
    assert sorted(code for codes in chunk_codes for code in codes) == sorted(source_codes)
    assert all(len(codes) <= 1 for codes in chunk_codes)
    assert len(source_codes) > 60


PART_ROW = re.compile(r"dòng ([A-H])(?:\.|$)")


@pytest.mark.parametrize(
    "path",
    [
        CATALOGUE,  # part A a heading above the table, part B a row inside it
        DEVCORPUS / "distractors" / "3851_QĐ-UBND__31ea3f5a8224b092.txt",  # A, B rows above the groups
        DEVCORPUS / "distractors" / "2530_QĐ-TTg__646f0a00d4174382.txt",  # A … E rows, arabic rows under each
    ],
    ids=lambda p: p.name,
)
def test_each_row_sits_under_its_own_parts_heading(path):
    """A row of part B cites part B's heading, never part A's: neither A's row title nor a
    lettered heading A standing above the table is in its heading path or its section."""
    parts = {m.group(1): c.section_title for c in rows(path) if (m := PART_ROW.fullmatch(c.section[-1]))}
    lettered = [(PART_ROW.match(c.section[-1]), c) for c in rows(path)]
    checked = 0
    for m, row in lettered:
        if m is None or row.section[-1] == f"dòng {m.group(1)}":
            continue
        own, others = parts[m.group(1)], {t for k, t in parts.items() if k != m.group(1)}
        assert own in row.titles and not others & set(row.titles), (row.section, row.titles)
        assert not any(re.fullmatch("[A-H]", s) and s != m.group(1) for s in row.section), row.section
        checked += 1
    assert "B" in parts and checked > 10


def test_part_lettered_in_the_table_leaves_the_heading_above_it():
    """'A. DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP TỈNH' stands above the table as a heading; the rows of
    part B, lettered inside the table, sit beside it, not under it."""
    above = [c for c in rows(CATALOGUE) if "A" in c.section[:-1]]
    below = [c for c in rows(CATALOGUE) if c.section[-1].startswith("dòng B")]
    assert above and below
    assert all(c.titles[0].startswith("DANH MỤC THỦ TỤC HÀNH") for c in above)
    assert not any(t.startswith("DANH MỤC THỦ TỤC HÀNH") for c in below for t in c.titles)
    assert all(c.section[:-1] == above[0].section[:-2] for c in below)  # ['Danh mục']
    [part_b_row] = [c for c in below if c.section[-1] == "dòng B"]
    assert part_b_row.titles == []  # not under the group it follows (Lĩnh vực thi, tuyển sinh)
    b_rows = [c for c in below if c.section[-1] != "dòng B"]
    assert all(c.titles[0] == "THỦ TỤC HÀNH CHÍNH CẤP XÃ" for c in b_rows)


def test_catalogue_row_carries_its_code_name_and_group():
    row = row_with(CATALOGUE, "1.001639")  # a commune-level primary-school procedure (part B)
    assert row.section_title.startswith("Giải thể trường tiểu học")  # its name, not its code
    assert "THỦ TỤC HÀNH CHÍNH CẤP XÃ" in row.titles  # its part
    assert any("tiểu học" in t for t in row.titles[-1:])  # its group: Lĩnh vực Giáo dục tiểu học
    header, line = row.text.split("\n", 1)
    assert "Mã hồ sơ TTHC" in header and "Tên thủ tục hành chính" in header
    assert row.body.startswith("5 | 1.001639 | Giải thể trường tiểu học")
    assert line.startswith(f"{row.titles[-1]} › 5 | 1.001639")  # read under its group


def test_catalogue_row_reads_by_its_columns():
    row = row_with(CATALOGUE, "2.000680")  # a name wrapped before a capital is one cell
    answer = row_answer("code", row.text, row.extra["columns"])
    assert answer is not None
    assert answer.line().startswith(
        "Mã hồ sơ TTHC: 2.000680; Tên thủ tục hành chính: Sửa đổi, bổ sung, gia hạn"
    )


def test_programme_row_keeps_its_columns_names():
    [row] = [c for c in rows(PROGRAMME) if c.body.startswith("Công nghệ | 35")]
    header = row.text.split("\n", 1)[0]
    assert "Lớp 8" in header and "Số tiết/năm học" in header
    assert row.section_title == "Công nghệ"
    assert any("Môn học bắt buộc" in t for t in row.titles)  # the group row above it
    answer = row_answer(
        "count", row.text, row.extra["columns"], question="Công nghệ lớp 8 có bao nhiêu tiết?"
    )
    assert answer is not None and answer.value == "52" and answer.column.endswith("Lớp 8")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    settings = make_settings(tmp_path_factory.mktemp("catalogue"))
    for path in (CATALOGUE, PROCESSES):
        shutil.copy(path, settings.corpus_dir / path.name)
    service = AssistantService(settings, owner="pytest")
    service.ingest()
    yield service
    service.close()


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("Thủ tục sáp nhập, chia, tách trường tiểu học ở Nghệ An có mã hồ sơ là gì?", "1.004563"),
        (
            "Thành lập văn phòng đại diện của cơ sở giáo dục nước ngoài tại Việt Nam có mã số bao nhiêu?",
            "2.000451",
        ),
    ],
)
def test_question_naming_a_procedure_finds_its_row_first(service, question, code):
    [first, *_] = service.search(question, top_k=5)
    assert first.source == CATALOGUE.name and code in first.text
    answer = service.ask(question)
    assert answer.answerable and answer.answer.startswith(f"Mã hồ sơ TTHC: {code}")
    assert "Số hiệu" not in answer.answer  # a procedure's code, not the decision's number


def test_fee_row_answers_with_its_column_and_unit():
    hanoi = DEVCORPUS / "directives" / "hanoi-nq60-2025.txt"
    [row] = [c for c in rows(hanoi) if c.section[-1] == "dòng 2.1"]
    answer = row_answer("money", row.text, row.extra["columns"], question="Mức trần trông giữ ngoài giờ?")
    assert answer is not None
    assert answer.line().startswith("Mức trần: 12.000 Đồng/học sinh/giờ; Danh mục dịch vụ")
