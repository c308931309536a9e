"""Each header fix on the real lines that needed it: headers saved as table rows, a title wrapping
onto its school year or onto a line opening like an authority, the enacting formula's date, a
signer's name after '(Đã ký)'. Lines are copied from pages saved from a legal-text website
(tests/data/pages, or the same crawl: see its README) and from devcorpus documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.chunks import parse_document
from ingest.header import DocumentMeta, parse_header
from ingest.header.enacted import passed_on
from ingest.header.lines import logical_lines, table_cells
from ingest.header.signature import is_person_name, last_name_line
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.unit
PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
MOTTO_ROW = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc"


def header(lines: list[str]) -> DocumentMeta:
    return parse_header(lines, len(lines))


def page_meta(name: str) -> DocumentMeta:
    return parse_document(name, (PAGES / name).read_text(encoding="utf-8")).meta


def test_a_table_row_is_read_cell_by_cell() -> None:
    assert table_cells(f"CHÍNH PHỦ------- | {MOTTO_ROW}--------------- |") == [
        "CHÍNH PHỦ", "-----", MOTTO_ROW, "-----"]  # fmt: skip
    assert table_cells("Số: 16/2025/NĐ-CP |") == ["Số: 16/2025/NĐ-CP"]
    assert table_cells("|. NHIEM VU CHUNG") == ["|. NHIEM VU CHUNG"]  # an OCR 'I.' stays a heading label
    rows = logical_lines([f"QUỐC HỘI | {MOTTO_ROW} |", "Luật số: 60/2024/QH15 |"])
    assert [r.text for r in rows] == ["QUỐC HỘI", MOTTO_ROW, "Luật số: 60/2024/QH15"]


def test_issuer_and_number_from_table_rows() -> None:
    meta = header([f"CHÍNH PHỦ------- | {MOTTO_ROW}--------------- |", "Số: 16/2025/NĐ-CP |", "|", "", "",
                   "**NGHỊ ĐỊNH**", "", "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 72/2020/NĐ-CP NGÀY 30 "
                   "THÁNG 6 NĂM 2020 CỦA CHÍNH PHỦ QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT DÂN QUÂN TỰ VỆ VỀ TỔ "
                   "CHỨC XÂY DỰNG LỰC LƯỢNG VÀ CHẾ ĐỘ, CHÍNH SÁCH ĐỐI VỚI DÂN QUÂN TỰ VỆ", "",
                   "*Căn cứ Luật Dân quân tự vệ ngày 22 tháng 11 năm 2019;*"])  # fmt: skip
    assert (meta.issuer, meta.issuer_level, meta.number, meta.type) == (
        "Chính phủ", "national", "16/2025/NĐ-CP", "Nghị định")  # fmt: skip
    assert meta.title.startswith("Sửa đổi, bổ sung một số điều của nghị định số 72/2020/NĐ-CP")
    assert meta.title.endswith("chính sách đối với dân quân tự vệ")


def test_a_number_cell_beside_the_issuer() -> None:
    meta = header([f"CHÍNH PHỦ__________ Số: 170/2025/NĐ-CP | {MOTTO_ROW}______________________", "|", "",
                   "**NGHỊ ĐỊNH**", "", "**Quy định về tuyển dụng, sử dụng và quản lý công chức**", "", "* *"])  # fmt: skip
    assert (meta.issuer, meta.number) == ("Chính phủ", "170/2025/NĐ-CP")
    assert meta.title == "Quy định về tuyển dụng, sử dụng và quản lý công chức"


def test_a_law_number_and_its_enacting_date() -> None:
    meta = header([f"QUỐC HỘI | {MOTTO_ROW} |", "Luật số: 60/2024/QH15 |", "|", "", "**LUẬT**", "",
                   "**DỮ LIỆU**", "", "*Căn cứ **Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam**;*", "",
                   "*Luật này được Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam khoá XV, kỳ họp thứ 8 "
                   "thông qua ngày 30 tháng 11 năm 2024.*"])  # fmt: skip
    assert (meta.number, meta.type, meta.issuer, meta.date) == (
        "60/2024/QH15",
        "Luật",
        "Quốc hội",
        "2024-11-30",
    )


def test_the_enacting_formula_through_marks_and_a_glued_word() -> None:
    line = (
        "*Nghị quyết này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa "
        "XVthông qua ngày 16 tháng** 6** năm 2025.*"
    )
    assert passed_on(["**Điều 3. Tổ chức thực hiện**", line]) == "2025-06-16"
    assert passed_on(["*Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;*"]) is None


def test_an_issuer_from_the_number_code_alone() -> None:
    meta = header([f"------------------ Số: 1661/NQ-UBTVQH15 | {MOTTO_ROW}------------------ |", "",
                   "**NGHỊ QUYẾT**", "", "**Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Điện Biên "
                   "năm 2025**"])  # fmt: skip
    assert (meta.issuer, meta.number, meta.type) == (
        "Ủy ban Thường vụ Quốc hội",
        "1661/NQ-UBTVQH15",
        "Nghị quyết",
    )


def test_a_title_wrapping_onto_its_school_year() -> None:
    meta = page_meta("7650ecce3d20626b.md")
    assert meta.title.endswith("trên địa bàn thành phố Hà Nội năm học 2025-2026")
    assert meta.issuer == "Hội đồng nhân dân thành phố Hà Nội"


def test_a_title_line_opening_like_an_authority_runs_on() -> None:
    meta = page_meta("5d196a776ae817c7.md")
    assert "thương mại giữa Chính phủ nước cộng hòa xã hội chủ nghĩa Việt Nam và Chính phủ" in meta.title
    assert meta.title.endswith("giai đoạn 2025 - 2030")


def test_the_number_row_is_no_title() -> None:
    meta = page_meta("4eb6d4a67b3ff8d9.md")
    assert (
        meta.title
        == "Quy định chế độ trả tiền lương dạy thêm giờ đối với nhà giáo trong các cơ sở giáo dục công lập"
    )
    assert (meta.number, meta.type, meta.signer) == ("21/2025/TT-BGDĐT", "Thông tư", "Phạm Ngọc Thưởng")
    assert meta.date is None  # the saved copy states none: nothing is made up


def test_a_signers_name_after_the_signed_mark() -> None:
    assert last_name_line(["- Lưu: VT, NC (02). MC | ( Đã ký) Lê Thành Long |"]) == "Lê Thành Long"
    glued = "- Lưu: VT, KTTH(2b) | TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)Hồ Đức Phớc |"
    assert last_name_line([glued]) == "Hồ Đức Phớc"
    assert last_name_line(["*ủa Ch*"]) is None  # a broken word is no name
    assert not is_person_name("ủa Ch")


def test_a_motto_needs_its_own_line() -> None:
    """A news summary above the document says 'doanh nghiệp Việt Nam': no motto, no issuer there."""
    path = DEVCORPUS / "distractors" / "33_2025_TT-BKHCN__fd4febcd7fbef37c.txt"
    meta = parse_document(path.name, path.read_text(encoding="utf-8")).meta
    assert (meta.issuer, meta.issuer_level, meta.province) == ("Bộ Khoa học và Công nghệ", "national", None)


def test_a_consolidated_text_by_its_number() -> None:
    path = DEVCORPUS / "distractors" / "92_VBHN-BQP__8180ae11188469fd.txt"
    meta = parse_document(path.name, path.read_text(encoding="utf-8")).meta
    assert (meta.type, meta.number) == ("Văn bản hợp nhất", "92/VBHN-BQP")


def test_a_title_line_opening_with_an_authoritys_words_goes_on() -> None:
    """'… KẾT LUẬN CỦA ĐẠI BIỂU' / 'QUỐC HỘI TẠI TỔ VÀ HỘI TRƯỜNG; …': the title goes on to the
    enacting 'CHÍNH PHỦ' above the preamble."""
    path = DEVCORPUS / "distractors" / "388_NQ-CP__0465063a5486d493.txt"
    meta = parse_document(path.name, path.read_text(encoding="utf-8")).meta
    assert meta.title.endswith("về dự án luật bảo hiểm tiền gửi (sửa đổi)")
    assert meta.issuer_role == "Chính phủ"


def test_a_letter_without_a_type_code_or_summary_mark() -> None:
    """'Số: 5155/SGDĐT-GDTXNNĐH', a summary without 'V/v', then 'Kính gửi': a letter."""
    meta = page_meta("3870cd0c35318a44.md")
    assert (meta.type, meta.number) == ("Công văn", "5155/SGDĐT-GDTXNNĐH")
    assert meta.title.startswith("Về hướng dẫn đánh giá, xếp loại trung tâm học tập cộng đồng")
    assert page_meta("7650ecce3d20626b.md").type == "Nghị quyết"  # a type heading is never overridden


def test_number_and_place_date_in_one_table_row() -> None:
    meta = header(["------- |", "Độc lập - Tự do - Hạnh phúc", "--------------- |",
                   "Số: 25/2025/NĐ-CP | Hà Nội, ngày 21 tháng 02 năm 2025 |", "", "", "## NGHỊ ĐỊNH", "",
                   "## Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ", "",
                   "*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;*"])  # fmt: skip
    assert (meta.number, meta.place, meta.date, meta.type) == (
        "25/2025/NĐ-CP",
        "Hà Nội",
        "2025-02-21",
        "Nghị định",
    )
    assert (meta.issuer, meta.title) == (
        "Chính phủ",
        "Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ",
    )
