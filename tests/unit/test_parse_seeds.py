"""Header fields and numbered tasks of each seed document, as a reader of the file sees them."""

from __future__ import annotations

import pytest

from ingest.chunks import parse_document
from ingest.structure import match_label, parse_structure
from tests.conftest import BACGIANG, CORPUS, HAIPHONG, NOTICE, NOTICE_OCR, PLAN

pytestmark = pytest.mark.unit


def parsed(name: str):
    return parse_document(name, (CORPUS / name).read_text(encoding="utf-8"))


def by_section(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for chunk in parsed(name).chunks:
        key = ".".join(chunk.section)
        out[key] = out.get(key, "") + "\n" + chunk.text
    return out


def test_plan_targets_sit_in_their_numbered_items():
    sections = by_section(PLAN)
    assert "98,5" in sections["II.2.(3)"]
    assert "90,14" in sections["II.1.(1)"]
    assert "20/12/2023" in sections["IV.1.1.2"] or "20/12/2023" in sections["IV.1.1.3"]
    assert [k for k in sections if k.startswith("II.2.")] == [f"II.2.({i})" for i in range(1, 7)]
    assert [k for k in sections if k.startswith("II.1.")] == [f"II.1.({i})" for i in range(1, 6)]
    assert {f"III.{i}" for i in range(1, 11)} <= set(sections)


def test_plan_chunk_carries_its_heading_path():
    chunk = next(c for c in parsed(PLAN).chunks if c.section == ["II", "2", "(3)"])
    assert "2025" in chunk.titles[1]  # "Chi tieu den Ham 2025": under the 2025 targets
    assert "2025" in chunk.index_text.split("\n")[0]


def test_plan_appendix_rows_with_fields():
    rows = [c for c in parsed(PLAN).chunks if c.section[:1] == ["appendix"]]
    assert [c.section[1] for c in rows] == [str(i) for i in range(1, 13)]
    row5 = rows[4].extra
    assert row5["lead"] == "Phong GDPT"
    assert row5["deadline"] == "Thang 12/2023"
    assert "THCS" in row5["task"]
    assert all("partners" in r.extra for r in rows)
    assert rows[11].extra["lead"] == "Phong KHTC"


def test_plan_header_fields_read_or_left_null():
    meta = parsed(PLAN).meta
    assert meta.type == "Kế hoạch"
    assert meta.province == "Quảng Ninh"
    assert meta.date == "2023-11-09"  # header reads only "2023"; the appendix states 9/11/2023
    assert meta.number is None  # unreadable in the OCR: left null, never invented
    assert meta.signer == "Nguyen Thi Thu"


def test_haiphong_letter_items_and_ocr_numerals():
    sections = by_section(HAIPHONG)
    assert [k for k in sections if k.startswith("II.5.")] == [
        f"II.5.{x}" for x in ("a", "b", "c", "d", "đ", "e", "g")
    ]
    assert [k for k in sections if k.startswith("I.")] == [f"I.{i}" for i in range(1, 9)]
    assert "III" in sections  # OCR "I11." read as III
    meta = parsed(HAIPHONG).meta
    assert meta.number == "2501/SGDPT-GDTX&DPH"
    assert meta.date == "2024-08-19"
    assert meta.type == "Công văn"
    assert meta.province == "Hải Phòng"
    assert "thuong xuy" in meta.title
    assert meta.signer == "D3 Thi Hoa"
    assert len(meta.recipients) == 4


def test_bacgiang_eleven_task_groups():
    sections = by_section(BACGIANG)
    assert [k for k in sections if k.startswith("II.")] == [f"II.{i}" for i in range(1, 12)]
    assert "19%" in sections["II.4"]
    meta = parsed(BACGIANG).meta
    assert (meta.type, meta.province, meta.date, meta.number) == (
        "Kế hoạch",
        "Bắc Giang",
        "2023-09",
        None,
    )
    assert meta.signer == "Tạ Việt Hùng"
    assert meta.issuer == "Sở Giáo dục và Đào tạo Bắc Giang"


@pytest.mark.parametrize("name", [NOTICE, NOTICE_OCR])
def test_notice_items_one_to_nine_without_six(name):
    numbered = [k for k in by_section(name) if k]
    assert numbered == ["1", "2", "3", "4", "5", "7", "8", "9"]
    assert "91,0" in by_section(name)["5"]


def test_notice_header():
    meta = parsed(NOTICE).meta
    assert (meta.number, meta.date, meta.type) == ("3677/TB-SGDDT", "2023-12-15", "Thông báo")
    assert meta.signer == "Nguyễn Thành Lâm"
    assert parsed(NOTICE_OCR).meta.number is None  # the OCR copy lost its header


def test_wrapped_line_starting_with_a_number_is_not_a_heading():
    lines = [
        "II. CHỈ TIÊU",
        "1. Chỉ tiêu đến năm 2025",
        "(1) Học sinh trung học đạt giải Olympic giai đoạn 2023-",
        "2025 có 01 học sinh đạt giải khu vực, trong đó số em đạt giải",
        "3. Học sinh lớp 12 chiếm phần lớn.",
        "(2) Tỷ lệ trường áp dụng quản trị số: 100%.",
    ]
    root = parse_structure(lines)
    assert len(root.children) == 1 and len(root.children[0].children) == 1
    items = root.children[0].children[0].children
    assert [c.path for c in items] == [["II", "1", "(1)"], ["II", "1", "(2)"]]
    assert "2025 có 01" in items[0].text and "3. Học sinh lớp 12" in items[0].text


@pytest.mark.parametrize(
    ("line", "label"),
    [("|. NHIEM VU CHUNG", "I"), ("I1. NHIEM VU CU THE", "II"), ("I11. TO CHUC", "III"),
     ("¢) Xay dung", "c"), ("~ €) Ban hanh", None), ("(i1) Tham mưu", "(i1)"),
     ("1.2. Các đơn vị", "1.2"), ("IV. TỔ CHỨC", "IV")],
)  # fmt: skip
def test_ocr_labels_are_read_right(line, label):
    from ingest.lines import clean_line

    found = match_label(clean_line(line))
    if label is None:  # after cleaning, "~ €)" becomes "€)": read as c)
        assert found is not None and found.label == "c"
    else:
        assert found is not None and found.label == label


def test_chunk_ids_are_deterministic_and_unique():
    first = [c.id for c in parsed(BACGIANG).chunks]
    assert first == [c.id for c in parsed(BACGIANG).chunks]
    assert len(set(first)) == len(first)  # the two "V." sections still get distinct ids


def test_long_task_is_split_at_sub_items_repeating_its_path():
    chunks = [c for c in parse_document(PLAN, (CORPUS / PLAN).read_text(), max_tokens=200).chunks
              if c.section == ["III", "3"]]  # fmt: skip
    assert len(chunks) > 1
    assert all(c.titles == chunks[0].titles for c in chunks)
    assert all(c.text.startswith(("3.", "-")) for c in chunks)
