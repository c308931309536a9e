"""Header metadata of every devcorpus directive and both long documents, against values written
here from reading each header by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.appendix import find_appendix_start
from ingest.chunks import body_end
from ingest.header import DocumentMeta, parse_header
from ingest.text import nfc
from tests.conftest import DEVCORPUS

pytestmark = pytest.mark.unit
UBND, HDND = "Ủy ban nhân dân", "Hội đồng nhân dân"
VICE_CHAIR = "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"

# file: (type, number, issuer, issuer_level, province, place, date, signer, signer_role, title start)
DIRECTIVES = {
    "camau-qd1814-2025.txt": ("Quyết định", "01814/QĐ-UBND", f"{UBND} tỉnh Cà Mau", "province", "Cà Mau",
                              "Cà Mau", "2025-11-21", "Nguyễn Minh Luân", VICE_CHAIR,
                              "Công bố thủ tục hành chính nội bộ được chuẩn hóa lĩnh vực giáo dục"),
    "caobang-qd53-2025.txt": ("Quyết định", "53/2025/QĐ-UBND", f"{UBND} tỉnh Cao Bằng", "province",
                              "Cao Bằng", "Cao Bằng", "2025-11-28", "Lê Hải Hoà", "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH",
                              "Quy định việc phân cấp cho Sở Giáo dục và Đào tạo thực hiện"),
    "hanoi-nq60-2025.txt": ("Nghị quyết", "60/2025/NQ-HĐND", f"{HDND} thành phố Hà Nội", "province", "Hà Nội",
                            "Hà Nội", "2025-11-27", "Phùng Thị Hồng Hà", "CHỦ TỊCH",
                            "Quy định danh mục các khoản thu và mức thu, cơ chế quản lý thu, chi"),
    "nghean-qd3760-2025.txt": ("Quyết định", "3760/QĐ-UBND", f"{UBND} tỉnh Nghệ An", "province", "Nghệ An",
                               "Nghệ An", "2025-11-19", "Phùng Thành Vinh", VICE_CHAIR,
                               "Phê duyệt quy trình nội bộ, quy trình điện tử trong giải quyết thủ tục"),
    "nghean-qd3771-2025.txt": ("Quyết định", "3771/QĐ-UBND", f"{UBND} tỉnh Nghệ An", "province", "Nghệ An",
                               "Nghệ An", "2025-11-19", "Phùng Thành Vinh", VICE_CHAIR,
                               "Ban hành danh mục thủ tục hành chính lĩnh vực giáo dục và đào tạo"),
    "ttg-qd2536-2025.txt": ("Quyết định", "2536/QĐ-TTg", "Thủ tướng Chính phủ", "national", None, "Hà Nội",
                            "2025-11-20", "Lê Thành Long", "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG",
                            "Về việc chuyển trường đại học công nghiệp Hà Nội thành"),
    "vinhlong-nq21-2025.txt": ("Nghị quyết", "21/2025/NQ-HĐND", f"{HDND} tỉnh Vĩnh Long", "province",
                               "Vĩnh Long", "Vĩnh Long", "2025-11-18", "Nguyễn Minh Dũng", "CHỦ TỊCH",
                               "Quy định mức hỗ trợ đối với trẻ em mầm non, giáo viên mầm non"),
    "vinhlong-nq22-2025.txt": ("Nghị quyết", "22/2025/NQ-HĐND", f"{HDND} tỉnh Vĩnh Long", "province",
                               "Vĩnh Long", "Vĩnh Long", "2025-11-18", "Nguyễn Minh Dũng", "CHỦ TỊCH",
                               "Quy định nội dung, mức chi để tổ chức các kỳ thi, cuộc thi, hội thi"),
}  # fmt: skip
FIELDS = ("type", "number", "issuer", "issuer_level", "province", "place", "date", "signer", "signer_role")


def header_of(path: Path) -> DocumentMeta:
    """The header exactly as parse_document reads it (same lines, body end and appendix start)."""
    lines = nfc(path.read_text(encoding="utf-8")).replace("\r\n", "\n").split("\n")
    appendix = find_appendix_start(lines)
    return parse_header(lines, body_end(lines[:appendix] if appendix is not None else lines), appendix)


@pytest.mark.parametrize("name", sorted(DIRECTIVES))
def test_directive_header(name):
    meta = header_of(DEVCORPUS / "directives" / name)
    *expected, title = DIRECTIVES[name]
    assert {f: getattr(meta, f) for f in FIELDS} == dict(zip(FIELDS, expected, strict=True))
    assert meta.title and meta.title.startswith(title)
    assert meta.school_year is None  # none of them names a school year in its header


def test_every_directive_is_covered():
    assert sorted(p.name for p in (DEVCORPUS / "directives").glob("*.txt")) == sorted(DIRECTIVES)


def test_enacting_authority_under_the_title():
    meta = header_of(DEVCORPUS / "directives" / "nghean-qd3760-2025.txt")
    assert meta.issuer_role == "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An"
    assert header_of(DEVCORPUS / "directives" / "vinhlong-nq21-2025.txt").issuer_role is None


def test_programme_annex_of_a_ministry_circular():
    meta = header_of(DEVCORPUS / "long" / "bgddt-chuong-trinh-gdpt-tong-the-2018.ocr.md")
    assert (meta.issuer, meta.issuer_level, meta.province, meta.place) == (
        "Bộ Giáo dục và Đào tạo", "national", None, "Hà Nội")  # fmt: skip
    assert meta.date == "2018-12-26"  # 'Hà Nội, 2018'; the 'kèm theo Thông tư … ngày 26 tháng 12' line
    assert meta.title == "Chương trình giáo dục phổ thông chương trình tổng thể"
    assert (meta.type, meta.number, meta.signer) == (None, None, None)  # not in its header


def test_codified_law_page_with_a_metadata_table():
    meta = header_of(DEVCORPUS / "long" / "phapdien-de-muc-giao-duc.md")
    assert (meta.type, meta.number, meta.issuer, meta.date) == (
        "Luật",
        "43/2019/QH14",
        "Quốc hội",
        "2019-06-14",
    )
    assert (meta.issuer_level, meta.province, meta.title, meta.signer) == ("national", None, "Giáo dục", None)
