"""Real documents in: a DOCX with a task table and a scanned page, uploaded, indexed and found."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from assistant.service import AssistantService
from ingest.read import UnreadableDocument
from tests.conftest import make_settings

pytestmark = pytest.mark.integration
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def directive_docx() -> bytes:
    from docx import Document

    doc = Document()
    for line in ["SỞ GIÁO DỤC VÀ ĐÀO TẠO NAM ĐỊNH", "Số: 45/KH-SGDĐT", "Nam Định, ngày 05 tháng 3 năm 2025",
                 "KẾ HOẠCH", "Triển khai giáo dục STEM năm 2025", "I. MỤC TIÊU",
                 "1. Phấn đấu 60% trường trung học cơ sở tổ chức hoạt động STEM thường xuyên.",
                 "II. TỔ CHỨC THỰC HIỆN", "1. Các phòng thuộc Sở triển khai theo phụ lục."]:  # fmt: skip
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=6)
    for cell, text in zip(table.rows[0].cells, ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp",
                                                  "Thời gian hoàn thành", "Sản phẩm"], strict=True):  # fmt: skip
        cell.text = text
    for row in [["1", "Xây dựng tài liệu hướng dẫn STEM", "Phòng GDTrH", "Các trường THCS", "Tháng 4/2025", "Tài liệu"],
                ["2", "Tập huấn giáo viên cốt cán STEM", "Phòng TCCB", "Các phòng GDĐT", "Quý II/2025", "Báo cáo"]]:  # fmt: skip
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def scanned_png() -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 40)
    image = Image.new("L", (1700, 500), 255)
    draw = ImageDraw.Draw(image)
    lines = ["1. Phấn đấu tỷ lệ học sinh biết bơi đạt 75% năm 2025.",
             "2. Tổ chức hội thi an toàn giao thông cấp tỉnh."]  # fmt: skip
    for i, line in enumerate(lines):
        draw.text((60, 80 + i * 90), line, font=font, fill=0)
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(300, 300))
    return out.getvalue()


@pytest.fixture
def service(tmp_path):
    service = AssistantService(make_settings(tmp_path), owner="pytest")
    service.ingest()
    yield service
    service.close()


def test_docx_table_rows_become_appendix_chunks(service):
    added = service.add_document("ke-hoach-stem.docx", directive_docx())
    chunks = [c for c in service.chunks(added["source"]) if c["section"][:1] == ["appendix"]]
    assert [c["section"] for c in chunks] == [["appendix", "1"], ["appendix", "2"]]
    assert chunks[1]["extra"]["lead"] == "Phòng TCCB"
    assert chunks[1]["extra"]["deadline_date"] == "2025-06"
    answer = service.ask("Ai chủ trì tập huấn giáo viên cốt cán STEM?")
    assert answer.answerable and answer.citations[0].section == ["appendix", "2"]
    assert (service.settings.corpus_dir / "uploads" / "ke-hoach-stem.docx.extracted.txt").exists()


@pytest.mark.skipif(
    not shutil.which("tesseract") or not FONT.exists(),
    reason="needs tesseract-ocr-vie and fonts-dejavu-core",
)
def test_scanned_page_ocrd_then_found_by_a_question(service):
    added = service.add_document("thong-bao-scan.png", scanned_png())
    assert added["chunks"] >= 2
    answer = service.ask("tỷ lệ học sinh biết bơi năm 2025 là bao nhiêu?")
    assert answer.answerable and "75%" in answer.answer
    assert answer.citations[0].source == added["source"]


def test_broken_upload_refused_and_changes_nothing(service):
    before = service.index.count()
    for name, data in [
        ("bad.docx", b"PK\x03\x04 not a zip"),
        ("scan.pdf", b"\x89PNG\r\n\x1a\n..."),
    ]:
        with pytest.raises(UnreadableDocument):
            service.add_document(name, data)
    assert service.index.count() == before
    assert not list((service.settings.corpus_dir / "uploads").glob("*.docx"))


def text_pdf(paragraphs_per_page: list[list[str]]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    for paragraphs in paragraphs_per_page:
        pdf.add_page()
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.mark.skipif(not FONT.exists(), reason="needs fonts-dejavu-core")
def test_pdf_citation_points_to_its_page_of_the_original(service):
    from fastapi.testclient import TestClient

    from assistant.api import create_app

    pages = [
        ["SỞ GIÁO DỤC VÀ ĐÀO TẠO THÁI BÌNH", "Số: 12/KH-SGDĐT", "KẾ HOẠCH", "Chuyển đổi số năm 2025",
         "I. MỤC TIÊU", "1. Phấn đấu 100% trường học sử dụng học bạ số trong năm học 2025-2026."],
        ["II. TỔ CHỨC THỰC HIỆN",
         "1. Văn phòng Sở tổng hợp báo cáo kết quả chuyển đổi số, hoàn thành trước 30/11/2025."],
    ]  # fmt: skip
    added = service.add_document("thai-binh-cds.pdf", text_pdf(pages))
    pages_of = {tuple(c["section"]): c["page"] for c in service.chunks(added["source"])}
    assert pages_of[("I", "1")] == 1 and pages_of[("II", "1")] == 2
    answer = service.ask("Văn phòng Sở phải tổng hợp báo cáo chuyển đổi số trước ngày nào?")
    cited = {tuple(c.section): c.page for c in answer.citations if c.source == added["source"]}
    assert cited.get(("II", "1")) == 2 and "30/11/2025" in answer.answer
    with TestClient(create_app(service.settings, service=service)) as client:
        original = client.get(f"/api/originals/{added['source']}")
        assert original.status_code == 200 and original.content.startswith(b"%PDF")
        assert client.get("/api/originals/../../pyproject.toml").status_code == 404
        assert client.get("/api/originals/uploads/none.pdf").status_code == 404
