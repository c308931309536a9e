"""ingest.read with the real Tesseract (vie) and pdftoppm: scanned PDFs and images.

Fixtures are rendered here with Pillow and the DejaVu font, nothing is downloaded. Needs the
Debian packages tesseract-ocr, tesseract-ocr-vie, poppler-utils and fonts-dejavu-core; the
tests are skipped (with the install command as the reason) where they are missing.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfWriter

from ingest.read import UnreadableDocument, extract_text, read_document, sidecar_path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LINES = [
    "Tỷ lệ trường đạt chuẩn quốc gia đạt 92,5%",
    "Sở Giáo dục và Đào tạo Quảng Ninh",
    "Kế hoạch số 281/KH-UBND ngày 10/11/2023",
]
DPI = 300


def _missing() -> str | None:
    if shutil.which("tesseract") is None:
        return "tesseract missing: apt-get install -y tesseract-ocr tesseract-ocr-vie"
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False)
    if "vie" not in (langs.stdout + langs.stderr).split():
        return "Tesseract vie data missing: apt-get install -y tesseract-ocr-vie"
    if shutil.which("pdftoppm") is None:
        return "pdftoppm missing: apt-get install -y poppler-utils"
    if not FONT.exists():
        return f"{FONT} missing: apt-get install -y fonts-dejavu-core"
    return None


pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(_missing() is not None, reason=_missing() or ""),
]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def flat(text: str) -> str:
    return " ".join(nfc(text).split())


def render_page(lines: list[str] = LINES) -> Image.Image:
    """An A4 page at 300 dpi with 12 pt text, as a flatbed scanner would give."""
    page = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 50)
    for i, line in enumerate(lines):
        draw.text((200, 300 + 90 * i), line, font=font, fill=0)
    return page


def scanned_pdf(path: Path, pages: list[Image.Image]) -> Path:
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=DPI)
    return path


def test_scanned_page_is_ocrd(tmp_path: Path) -> None:
    path = scanned_pdf(tmp_path / "scan.pdf", [render_page()])

    result = extract_text(path)

    assert result.method == "ocr"
    assert result.pages == 1
    assert result.ocr_pages == [1]
    text = flat(result.text)
    # measured: Tesseract 5.3 returns all three lines exactly; assert the robust parts
    assert "92,5" in text
    assert "chuẩn quốc gia" in text
    assert "Giáo dục và Đào tạo" in text


def test_scanned_pdf_progress_per_page(tmp_path: Path) -> None:
    second = render_page(["Phòng Giáo dục Trung học", "Năm học 2023 - 2024"])
    path = scanned_pdf(tmp_path / "scan2.pdf", [render_page(), second])
    calls: list[tuple[int, int]] = []

    result = extract_text(path, progress=lambda done, total: calls.append((done, total)))

    assert calls == [(1, 2), (2, 2)]
    first, last = result.text.split("\f")
    assert "92,5" in flat(first)
    assert "Năm học 2023" in flat(last)


def test_mixed_pdf_ocrs_only_the_scanned_page(tmp_path: Path) -> None:
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "THÔNG BÁO ý kiến kết luận của Giám đốc Sở Giáo dục và Đào tạo.")
    pdf.output(str(tmp_path / "text.pdf"))
    writer = PdfWriter()
    writer.append(tmp_path / "text.pdf")
    writer.append(scanned_pdf(tmp_path / "scan.pdf", [render_page()]))
    writer.write(tmp_path / "mixed.pdf")

    result = extract_text(tmp_path / "mixed.pdf")

    first, second = result.text.split("\f")
    assert result.ocr_pages == [2]
    assert result.method == "ocr"
    assert first.startswith("THÔNG BÁO ý kiến kết luận")
    assert "chuẩn quốc gia" in flat(second)


def test_png_image(tmp_path: Path) -> None:
    path = tmp_path / "anh.png"
    render_page().crop((0, 200, 2480, 700)).save(path)
    result = extract_text(path)
    assert result.method == "ocr"
    assert result.pages == 1
    assert "chuẩn quốc gia" in flat(result.text)


def test_jpeg_photo_with_exif_rotation(tmp_path: Path) -> None:
    """A phone photo stored sideways with an EXIF orientation tag is read upright."""
    upright = render_page().crop((0, 200, 2480, 700)).convert("RGB")
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 degrees clockwise to display"
    path = tmp_path / "anh.jpg"
    upright.rotate(90, expand=True).save(path, format="JPEG", quality=90, exif=exif)

    assert "92,5" in flat(extract_text(path).text)


def test_blank_image_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "trang.png"
    Image.new("L", (1200, 800), 255).save(path)
    with pytest.raises(UnreadableDocument, match="no text found"):
        extract_text(path)


def test_blank_scanned_pdf_is_refused(tmp_path: Path) -> None:
    path = scanned_pdf(tmp_path / "trang.pdf", [Image.new("L", (1240, 1754), 255)])
    with pytest.raises(UnreadableDocument, match="no text found"):
        extract_text(path)


def test_sidecar_reused_without_tesseract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = scanned_pdf(tmp_path / "scan.pdf", [render_page()])
    first = read_document(path)
    assert sidecar_path(path).exists()

    monkeypatch.setenv("PATH", str(tmp_path / "no-tools-here"))

    assert read_document(path) == first  # served from the sidecar: no OCR needed
    with pytest.raises(UnreadableDocument, match="apt-get install -y tesseract-ocr"):
        extract_text(path)  # proves OCR really is unavailable now
