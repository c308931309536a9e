"""Header rules that must hold for any document: a province never seen, a ministry without one,
OCR damage, null when unreadable, one date format."""

from __future__ import annotations

import pytest

from ingest.dates import any_date, iso_date, worded_date
from ingest.header import parse_header
from ingest.header.heading import sentence_case, type_of_line

pytestmark = pytest.mark.unit


def header(text: str):
    lines = text.split("\n")
    return parse_header(lines, len(lines))


def test_province_never_seen_is_read_from_the_issuer_block():
    # An invented province: the reader holds no list it must be on.
    meta = header("ỦY BAN NHÂN DÂN\nTỈNH TRƯỜNG GIANG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                  "Độc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\nTrường Giang, ngày 3 tháng 2 năm 2026\n"
                  "KẾ HOẠCH\nTriển khai năm học 2025-2026\nCăn cứ Luật Giáo dục;")  # fmt: skip
    assert (meta.issuer, meta.province, meta.issuer_level) == (
        "Ủy ban nhân dân tỉnh Trường Giang", "Trường Giang", "province")  # fmt: skip
    assert (meta.type, meta.number, meta.date, meta.school_year) == ("Kế hoạch", "12/KH-UBND", "2026-02-03",
                                                                     "2025-2026")  # fmt: skip


@pytest.mark.parametrize(
    ("block", "issuer", "province"),
    [
        ("HĐND THÀNH PHỐ SÔNG LAM", "Hội đồng nhân dân thành phố Sông Lam", "Sông Lam"),
        ("SỞ GD&ĐT SÔNG LAM", "Sở Giáo dục và Đào tạo Sông Lam", "Sông Lam"),
        ("UBND TỈNH SÔNG LAM\nSỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo Sông Lam", "Sông Lam"),
        ("UBND HUYỆN BA VÌ\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Phòng Giáo dục và Đào tạo", None),
    ],
)
def test_issuer_and_province_from_any_header(block, issuer, province):
    meta = header(f"{block}\n----\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 5/TB\nThông báo")
    assert (meta.issuer, meta.province) == (issuer, province)


def test_province_from_the_place_date_line_alone():
    meta = header("Số: 7/KH-SGDĐT\nSông Lam, ngày 1 tháng 9 năm 2025\nKẾ HOẠCH\nNăm học mới")
    assert (meta.issuer, meta.province, meta.date) == (
        "Sở Giáo dục và Đào tạo Sông Lam",
        "Sông Lam",
        "2025-09-01",
    )


def test_ministry_document_has_no_province():
    meta = header("BỘ GIÁO DỤC VÀ ĐÀO TẠO\n-----\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                  "Số: 3933/BGDĐT-GDTX\nV/v hướng dẫn nhiệm vụ năm học 2024-2025\n"
                  "Hà Nội, ngày 30 tháng 7 năm 2024\nKính gửi: Các Sở GDĐT")  # fmt: skip
    assert (meta.issuer, meta.issuer_level, meta.province, meta.place) == (
        "Bộ Giáo dục và Đào tạo", "national", None, "Hà Nội")  # fmt: skip
    assert (meta.type, meta.title, meta.school_year) == (
        "Công văn", "hướng dẫn nhiệm vụ năm học 2024-2025", "2024-2025")  # fmt: skip


def test_date_from_the_header_not_the_body():
    meta = header("UBND TỈNH SÔNG LAM\n---\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1/QĐ-UBND\n"
                  "Sông Lam, ngày 05 tháng 01 năm 2025\nQUYẾT ĐỊNH\nVề việc giao chỉ tiêu\n"
                  "Căn cứ Quyết định số 9/QĐ-UBND ngày 20/12/2024 của UBND tỉnh;")  # fmt: skip
    assert (meta.date, meta.type, meta.title) == ("2025-01-05", "Quyết định", "Về việc giao chỉ tiêu")


def test_unreadable_header_stays_null():
    meta = header("Tham dự hội nghị có 550 đại biểu.\n1. Tiếp tục tuyên truyền.")
    assert (meta.issuer, meta.province, meta.number, meta.date, meta.type, meta.signer) == (None,) * 6


def test_signature_role_and_name_under_it():
    lines = [
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT.",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "(Đã ký)",
        "Nguyễn Văn An",
    ]
    meta = parse_header(lines, 0)
    assert (meta.signer, meta.signer_role) == ("Nguyễn Văn An", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC")


@pytest.mark.parametrize(("line", "name"), [("ICE HOACH", "Kế hoạch"), ("THONG BAO", "Thông báo"),
                                             ("NGHỊ QUYẾT", "Nghị quyết"), ("CÔNG ĐIỆN", "Công điện"),
                                             ("TỜ TRÌNH", "Tờ trình"), ("HỌC SINH", None)])  # fmt: skip
def test_type_headings_even_through_ocr(line, name):
    from ingest.text import fold_accents

    assert type_of_line(fold_accents(line)) == name


def test_ocr_number_and_date_on_one_line():
    meta = header("UBND THANH PHO HAI DUONG CONG HOA XA HQI CHU NGHIA VIET NAM\n"
                  "SO GIAO DUC VA PAO TAO Doc lap - Tu do - Hanh phuc\n\n"
                  "$6:1204/SGDPT-GDTrH Hai Duong, ngay 9 thang5 ndam 2024\nV/v ke hoach\n")  # fmt: skip
    assert (meta.number, meta.date, meta.province) == ("1204/SGDPT-GDTrH", "2024-05-09", "Hải Dương")
    assert meta.issuer == "Sở Giáo dục và Đào tạo Hải Dương"


def test_one_date_format():
    assert iso_date(2023, 9, None) == "2023-09"
    assert iso_date("2023", "13", "1") == "2023"
    assert worded_date("Bắc Giang, ngày   tháng 9 năm 2023")[0] == "2023-09"
    assert any_date("kèm theo Kế hoạch số 5 ngày 9/11/2023") == "2023-11-09"


def test_capital_titles_read_in_sentence_case_with_names_kept():
    text = "Ủy ban nhân dân tỉnh Cà Mau"
    assert sentence_case("SỬA ĐỔI QUYẾT ĐỊNH SỐ 48/2024/QĐ-UBND CỦA UBND TỈNH CÀ MAU", text) == (
        "Sửa đổi quyết định số 48/2024/QĐ-UBND của UBND tỉnh Cà Mau")  # fmt: skip
