"""Unit tests for ingest.read: every fixture is built here in tmp_path, nothing is downloaded.

OCR is exercised with fake `tesseract`/`pdftoppm` scripts on PATH, so these tests need neither
Tesseract nor poppler; tests/integration/test_read_ocr.py runs the real tools.
"""

from __future__ import annotations

import json
import os
import re
import stat
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.errors import DependencyError

from ingest.read import (
    SUPPORTED_SUFFIXES,
    ExtractedText,
    UnreadableDocument,
    cache,
    extract_text,
    is_sidecar,
    quality,
    read_document,
    sidecar_path,
    word,
    word_numbering,
)

pytestmark = pytest.mark.unit

SEED = Path(__file__).resolve().parents[2] / "corpus" / "quangninh-tb3677-2023-12-15.txt"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
TABLE = [
    ("TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian"),
    ("1", "Rà soát quy hoạch mạng lưới", "Phòng KHTC", "Quý I/2024"),
    ("2", "Nâng tỷ lệ trường đạt chuẩn quốc gia", "Phòng GDTrH\nPhòng GDTX", "Năm 2025"),
]
FAKE_OCR_TEXT = "Trang quét: Tỷ lệ trường đạt chuẩn quốc gia đạt 92,5%"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def words(text: str) -> list[str]:
    return nfc(text).split()


def seed_paragraphs() -> list[str]:
    text = SEED.read_text(encoding="utf-8").replace("**", "")
    return [line.strip() for line in text.splitlines() if line.strip()]


def font(name: str = "DejaVuSans.ttf") -> Path:
    path = FONT_DIR / name
    if not path.exists():
        pytest.skip(f"{path} missing: apt-get install -y fonts-dejavu-core")
    return path


def make_text_pdf(path: Path, paragraphs: list[str]) -> Path:
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(font()))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.output(str(path))
    return path


def make_image_pdf(path: Path, pages: int = 1) -> Path:
    """An image-only PDF (no text layer), as a scanner makes; content is irrelevant here."""
    images = [Image.new("L", (850, 1100), 255) for _ in range(pages)]
    images[0].save(path, save_all=True, append_images=images[1:], resolution=100)
    return path


@pytest.fixture
def fake_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put fake `tesseract` and `pdftoppm` first on PATH; returns the tesseract call log."""
    bin_dir = tmp_path / "fakebin"
    bin_dir.mkdir()
    log = tmp_path / "tesseract-calls.log"
    (bin_dir / "tesseract").write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "--list-langs" ]; then\n'
        "  printf 'List of available languages (2):\\neng\\nvie\\n'; exit 0\n"
        "fi\n"
        f'echo "$@" >> "{log}"\n'
        f"printf '{FAKE_OCR_TEXT.replace('%', '%%')}\\n\\f'\n",
        encoding="utf-8",
    )
    (bin_dir / "pdftoppm").write_text(
        '#!/bin/sh\nfor a in "$@"; do last="$a"; done\n'  # output prefix is the last argument
        "printf 'P5\\n1 1\\n255\\n\\377' > \"$last.pgm\"\n"
    )
    for tool in bin_dir.iterdir():
        tool.chmod(tool.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    return log


def ocr_calls(log: Path) -> int:
    return len(log.read_text().splitlines()) if log.exists() else 0


# --------------------------------------------------------------------------- DOCX


def build_seed_docx(path: Path) -> Path:
    document = docx.Document()
    for paragraph in seed_paragraphs():
        document.add_paragraph(paragraph)
        if paragraph.startswith("3. "):
            table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
            for row, values in zip(table.rows, TABLE, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
    document.save(str(path))
    return path


def test_docx_paragraphs_and_table_rows_in_document_order(tmp_path: Path) -> None:
    result = extract_text(build_seed_docx(tmp_path / "tb3677.docx"))

    assert result.method == "docx"
    assert result.pages == 1
    assert "\f" not in result.text
    lines = result.text.split("\n")
    header = "| TT | Nhiệm vụ | Đơn vị chủ trì | Thời gian |"
    assert header in lines
    assert "| 1 | Rà soát quy hoạch mạng lưới | Phòng KHTC | Quý I/2024 |" in lines
    # a cell with a line break becomes one line, joined by a space
    assert "| 2 | Nâng tỷ lệ trường đạt chuẩn quốc gia | Phòng GDTrH Phòng GDTX | Năm 2025 |" in lines
    numbered = [i for i, line in enumerate(lines) if re.match(r"\d+\. ", line)]
    assert [lines[i].split(".")[0] for i in numbered] == ["1", "2", "3", "4", "5", "7", "8", "9"]
    assert lines[numbered[0]].startswith("1. Tiếp tục tuyên truyền nâng cao nhận thức")
    # the table sits between item 3 and item 4, set off by blank lines
    table_at = lines.index(header)
    assert numbered[2] < table_at < numbered[3]
    assert lines[table_at - 1] == ""
    assert lines[table_at + len(TABLE)] == ""
    assert all(line.startswith("| ") for line in lines[table_at : table_at + len(TABLE)])


def test_docx_keeps_every_seed_word(tmp_path: Path) -> None:
    result = extract_text(build_seed_docx(tmp_path / "tb3677.docx"))
    without_table = "\n".join(line for line in result.text.split("\n") if not line.startswith("|"))
    assert words(without_table) == [w for p in seed_paragraphs() for w in words(p)]


def test_docx_merged_cells_and_pipes(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Nội dung"
    table.cell(0, 2).text = "Ghi chú"
    table.cell(1, 0).text = "a|b"
    table.cell(1, 1).text = "x"
    table.cell(1, 2).text = ""
    document.save(str(tmp_path / "merged.docx"))

    text = extract_text(tmp_path / "merged.docx").text

    assert text.split("\n") == ["| Nội dung | Ghi chú |", "| a\\|b | x |  |"]


def _numbered(document: DocxDocument, text: str, num_id: int, level: int) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def test_docx_automatic_numbering_is_written_out(tmp_path: Path) -> None:
    """Word list numbers are not in the paragraph text; the task parser needs them."""
    document = docx.Document()
    document.add_paragraph("Ý kiến kết luận:")
    for task in ("Tuyên truyền", "Tham mưu"):
        document.add_paragraph(task, style="List Number")  # numbered through the style
    root = document.part.numbering_part.element
    root.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
            '<w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%2."/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
            '<w:lvlText w:val="%3)"/></w:lvl>'
            '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%2.%4."/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    root.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="90"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    for text, num_id, level in [
        ("MỤC TIÊU", 90, 0),
        ("Mục tiêu chung", 90, 1),
        ("ý thứ nhất", 90, 2),
        ("ý thứ hai", 90, 2),
        ("Mục tiêu cụ thể", 90, 1),
        ("ý thứ nhất", 90, 2),
        ("chi tiết", 90, 3),
        ("NHIỆM VỤ", 90, 0),
        ("Nhiệm vụ một", 90, 1),
        ("PHỤ LỤC", 91, 0),  # a new list instance that restarts at I
        ("2. Số đã gõ sẵn trong văn bản", 0, 0),  # numId 0: no automatic number
    ]:
        _numbered(document, text, num_id, level)
    document.save(str(tmp_path / "numbered.docx"))

    lines = extract_text(tmp_path / "numbered.docx").text.split("\n")

    assert lines == [
        "Ý kiến kết luận:",
        "1. Tuyên truyền",
        "2. Tham mưu",
        "I. MỤC TIÊU",
        "1. Mục tiêu chung",
        "a) ý thứ nhất",
        "b) ý thứ hai",
        "2. Mục tiêu cụ thể",
        "a) ý thứ nhất",
        "2.1. chi tiết",
        "II. NHIỆM VỤ",
        "1. Nhiệm vụ một",
        "I. PHỤ LỤC",
        "2. Số đã gõ sẵn trong văn bản",
    ]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (4, "upperRoman", "IV"),
        (1994, "upperRoman", "MCMXCIV"),
        (9, "lowerRoman", "ix"),
        (27, "lowerLetter", "aa"),
        (3, "upperLetter", "C"),
        (5, "decimalZero", "05"),
        (7, "ordinalText", "7"),
        (1, "none", ""),
    ],
)
def test_number_formats(value: int, fmt: str, expected: str) -> None:
    assert word_numbering.format_number(value, fmt) == expected


def test_docx_with_only_pictures_is_refused(tmp_path: Path) -> None:
    docx.Document().save(str(tmp_path / "empty.docx"))
    with pytest.raises(UnreadableDocument, match="no text found"):
        extract_text(tmp_path / "empty.docx")


def test_zip_bomb_posing_as_docx_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(20):  # 20 MB of zeros deflate to ~20 KB
                member.write(chunk)

    def must_not_parse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("python-docx was called on a zip bomb")

    monkeypatch.setattr(docx, "Document", must_not_parse)
    with pytest.raises(UnreadableDocument, match="zip bomb"):
        extract_text(bomb)


def test_docx_over_total_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = build_seed_docx(tmp_path / "big.docx")
    monkeypatch.setattr(word, "MAX_ZIP_UNCOMPRESSED", 10_000)
    with pytest.raises(UnreadableDocument, match=r"zip bomb.*limit"):
        extract_text(path)


def test_zip_that_is_not_a_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("photo1.txt", "không phải Word")
    with pytest.raises(UnreadableDocument, match=r"\.docx.*word/document\.xml"):
        extract_text(path)


def test_xlsx_renamed_docx_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bang.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnreadableDocument, match="Excel"):
        extract_text(path)


def test_corrupt_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x13" * 200)
    with pytest.raises(UnreadableDocument, match="corrupt DOCX"):
        extract_text(path)


def test_docx_without_package_parts_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "thieu.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(UnreadableDocument, match="corrupt or unsupported DOCX"):
        extract_text(path)


def test_note_mentioning_pdf_magic_is_text(tmp_path: Path) -> None:
    path = tmp_path / "ghi-chu.md"
    path.write_text("Tệp PDF bắt đầu bằng %PDF-1.7 ở đầu tệp.\n", encoding="utf-8")
    assert extract_text(path).text.startswith("Tệp PDF")


def test_old_word_doc_renamed_docx_names_both(tmp_path: Path) -> None:
    path = tmp_path / "cu.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500)
    with pytest.raises(UnreadableDocument, match=r"\.docx.*Word 97-2003"):
        extract_text(path)


# --------------------------------------------------------------------------- PDF with text


def test_text_pdf_pages_and_vietnamese_words(tmp_path: Path) -> None:
    paragraphs = seed_paragraphs()
    path = make_text_pdf(tmp_path / "tb3677.pdf", paragraphs)
    calls: list[tuple[int, int]] = []

    result = extract_text(path, progress=lambda done, total: calls.append((done, total)))

    pages = len(PdfReader(path).pages)
    assert pages >= 2
    assert result.method == "pdf-text"
    assert result.ocr_pages == []
    assert result.pages == pages
    assert result.text.count("\f") == pages - 1
    assert unicodedata.is_normalized("NFC", result.text)
    assert words(result.text.replace("\f", "\n")) == [w for p in paragraphs for w in words(p)]
    assert "tỷ lệ trường đạt chuẩn quốc gia đạt 91,0%" in nfc(" ".join(result.text.split()))
    assert calls == [(i, pages) for i in range(1, pages + 1)]


def test_text_pdf_table_rows_come_out_one_line_each(tmp_path: Path) -> None:
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(font()))
    pdf.add_font("DejaVu", style="B", fname=str(font("DejaVuSans-Bold.ttf")))
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Phụ lục: phân công nhiệm vụ thực hiện Kế hoạch", new_x="LMARGIN")
    rows = [(*row[:2], row[2].replace("\n", ", "), *row[3:]) for row in TABLE]
    with pdf.table(col_widths=(8, 60, 40, 22)) as table:
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(value)
    pdf.output(str(tmp_path / "table.pdf"))

    lines = [" ".join(line.split()) for line in extract_text(tmp_path / "table.pdf").text.split("\n")]

    assert "TT Nhiệm vụ Đơn vị chủ trì Thời gian" in lines
    assert "1 Rà soát quy hoạch mạng lưới Phòng KHTC Quý I/2024" in lines


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    source = make_text_pdf(tmp_path / "plain.pdf", seed_paragraphs()[:5])
    writer = PdfWriter(clone_from=source)
    writer.encrypt(user_password="matkhau", owner_password="chu", algorithm="RC4-128")
    writer.write(tmp_path / "locked.pdf")
    with pytest.raises(UnreadableDocument, match="password-protected"):
        extract_text(tmp_path / "locked.pdf")


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    """Restrictions without an open password: any viewer opens it, so do we."""
    source = make_text_pdf(tmp_path / "plain.pdf", seed_paragraphs()[:5])
    writer = PdfWriter(clone_from=source)
    writer.encrypt(user_password="", owner_password="chu", algorithm="RC4-128")
    writer.write(tmp_path / "restricted.pdf")
    result = extract_text(tmp_path / "restricted.pdf")
    assert result.method == "pdf-text"
    assert "THÔNG BÁO" in result.text


def test_aes_pdf_without_cryptography_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = make_text_pdf(tmp_path / "plain.pdf", seed_paragraphs()[:5])
    writer = PdfWriter(clone_from=source)
    writer.encrypt(user_password="", owner_password="chu", algorithm="RC4-128")
    writer.write(tmp_path / "aes.pdf")

    def needs_cryptography(*_args: object, **_kwargs: object) -> None:
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", needs_cryptography)
    with pytest.raises(UnreadableDocument, match="pip install cryptography"):
        extract_text(tmp_path / "aes.pdf")


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"%PDF-1.7\n" + bytes(range(256)) * 20, id="garbage"),
        pytest.param(None, id="truncated"),
    ],
)
def test_corrupt_pdf_is_refused(tmp_path: Path, content: bytes | None) -> None:
    if content is None:
        whole = make_text_pdf(tmp_path / "whole.pdf", seed_paragraphs()).read_bytes()
        content = whole[: len(whole) // 2]
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(UnreadableDocument, match="corrupt PDF"):
        extract_text(path)


# --------------------------------------------------------------------------- file types


def test_png_renamed_pdf_names_both_types(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    Image.new("L", (40, 40), 255).save(path, format="PNG")
    with pytest.raises(UnreadableDocument, match=r"\.pdf says a PDF document.*PNG image"):
        extract_text(path)


def test_pdf_renamed_jpg_names_both_types(tmp_path: Path) -> None:
    path = make_text_pdf(tmp_path / "doc.pdf", ["Công văn"])
    path = path.rename(tmp_path / "doc.jpg")
    with pytest.raises(UnreadableDocument, match=r"\.jpg says a JPEG image.*PDF document"):
        extract_text(path)


def test_pdf_renamed_txt_is_refused(tmp_path: Path) -> None:
    path = make_text_pdf(tmp_path / "doc.pdf", ["Công văn"]).rename(tmp_path / "doc.txt")
    with pytest.raises(UnreadableDocument, match=r"\.txt.*PDF document"):
        extract_text(path)


def test_unknown_suffix_lists_supported_types(tmp_path: Path) -> None:
    path = tmp_path / "bang.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(UnreadableDocument, match="unsupported") as excinfo:
        read_document(path)
    for suffix in SUPPORTED_SUFFIXES:
        assert suffix in str(excinfo.value)


@pytest.mark.parametrize("name", ["empty.pdf", "empty.docx", "empty.txt", "empty.png"])
def test_empty_file_is_refused(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"")
    with pytest.raises(UnreadableDocument, match="empty"):
        read_document(tmp_path / name)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="does not exist"):
        read_document(tmp_path / "khong-co.pdf")


def test_error_message_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "rong.txt").write_bytes(b"")
    with pytest.raises(UnreadableDocument) as excinfo:
        extract_text(tmp_path / "rong.txt")
    assert str(excinfo.value).startswith("rong.txt: ")
    assert excinfo.value.reason == "file is empty"
    assert isinstance(excinfo.value, ValueError)


# --------------------------------------------------------------------------- txt / md


def test_txt_is_returned_as_written(tmp_path: Path) -> None:
    path = tmp_path / "tb.txt"
    path.write_bytes(SEED.read_bytes())
    result = read_document(path)
    assert result == ExtractedText(SEED.read_text(encoding="utf-8"), "text", 1)
    assert not sidecar_path(path).exists()


def test_md_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "ghi-chu.md"
    path.write_bytes("\ufeff# Kế hoạch\r\n\r\n1. Mục một\r\n".encode())
    assert extract_text(path).text == "# Kế hoạch\n\n1. Mục một\n"


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Giáo dục".encode("utf-16"))
    assert extract_text(path).text == "Giáo dục"


def test_cp1258_text_is_decoded_and_composed(tmp_path: Path) -> None:
    path = tmp_path / "cu.txt"
    path.write_bytes(unicodedata.normalize("NFD", "Quảng Ninh, Giáo dục").encode("cp1258"))
    assert extract_text(path).text == "Quảng Ninh, Giáo dục"


def test_undecodable_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rac.txt"
    path.write_bytes(b"abc \x81\x8d\x8e\x90 def")  # invalid UTF-8, undefined in cp1258
    with pytest.raises(UnreadableDocument, match="UTF-8"):
        extract_text(path)


def test_tcvn3_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tcvn3.txt"
    tcvn3 = "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n"
    path.write_bytes(tcvn3.encode("latin-1"))
    with pytest.raises(UnreadableDocument, match="TCVN3"):
        extract_text(path)


def test_whitespace_only_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "trang.txt"
    path.write_text(" \n\n\t\n", encoding="utf-8")
    with pytest.raises(UnreadableDocument, match="no text"):
        extract_text(path)


def test_form_feed_in_txt_is_not_a_page_break(tmp_path: Path) -> None:
    path = tmp_path / "ff.txt"
    path.write_text("trang một\ftrang hai", encoding="utf-8")
    result = extract_text(path)
    assert "\f" not in result.text
    assert result.pages == 1


# --------------------------------------------------------------------------- text-layer quality


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(SEED.read_text(encoding="utf-8"), "ok", id="seed"),
        pytest.param("Trang 2", "sparse", id="page-number-only"),
        pytest.param("", "sparse", id="empty"),
        pytest.param("Céng hoµ x· héi chñ nghÜa ViÖt Nam §éc lËp - Tù do - H¹nh phóc", "junk", id="tcvn3"),
        pytest.param(
            "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam Ñoäc laäp - Töï do - Haïnh phuùc",
            "junk",
            id="vni",
        ),
        pytest.param("\ufffd" * 30 + " Giáo dục và Đào tạo Quảng Ninh", "junk", id="replacement"),
        pytest.param("\ue001\ue002\ue003 " * 20 + "Sở Giáo dục và Đào tạo Quảng Ninh", "junk", id="private"),
        pytest.param(
            "1.2.3.4 / 5-6-7 ... 2023 ; " * 10 + "Sở Giáo dục và Đào tạo Quảng Ninh",
            "junk",
            id="dots",
        ),
        pytest.param("The Ministry of Education and Training issued Circular 32/2018", "ok", id="english"),
    ],
)
def test_layer_quality(text: str, expected: str) -> None:
    assert quality.layer_quality(text) == expected


# --------------------------------------------------------------------------- OCR routing (fakes)


def test_scanned_pdf_goes_to_ocr_with_progress_per_page(tmp_path: Path, fake_ocr: Path) -> None:
    path = make_image_pdf(tmp_path / "scan.pdf", pages=3)
    calls: list[tuple[int, int]] = []

    result = extract_text(path, progress=lambda done, total: calls.append((done, total)))

    assert result.method == "ocr"
    assert result.pages == 3
    assert result.ocr_pages == [1, 2, 3]
    assert result.text.split("\f") == [FAKE_OCR_TEXT] * 3  # Tesseract's own \f is dropped
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert ocr_calls(fake_ocr) == 3
    assert "--psm" in fake_ocr.read_text()
    assert "-l vie" in fake_ocr.read_text()


def test_mixed_pdf_ocrs_only_the_scanned_page(tmp_path: Path, fake_ocr: Path) -> None:
    text_pdf = make_text_pdf(tmp_path / "text.pdf", seed_paragraphs()[:6])
    scan_pdf = make_image_pdf(tmp_path / "scan.pdf")
    writer = PdfWriter()
    writer.append(text_pdf)
    writer.append(scan_pdf)
    writer.write(tmp_path / "mixed.pdf")
    calls: list[tuple[int, int]] = []

    result = extract_text(tmp_path / "mixed.pdf", progress=lambda d, t: calls.append((d, t)))

    first, second = result.text.split("\f")
    assert result.method == "ocr"
    assert result.ocr_pages == [2]
    assert first.startswith("Số: 3677/TB-SGDDT")
    assert second == FAKE_OCR_TEXT
    assert calls == [(1, 2), (2, 2)]
    assert ocr_calls(fake_ocr) == 1


def test_progress_exception_cancels(tmp_path: Path, fake_ocr: Path) -> None:
    path = make_image_pdf(tmp_path / "scan.pdf", pages=4)

    class Cancelled(Exception):
        pass

    def cancel(_done: int, _total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        read_document(path, progress=cancel)
    assert not sidecar_path(path).exists()


def test_missing_tesseract_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    image = tmp_path / "anh.png"
    Image.new("L", (50, 50), 255).save(image)
    scan = make_image_pdf(tmp_path / "scan.pdf")
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    for path in (image, scan):
        with pytest.raises(UnreadableDocument, match="apt-get install -y tesseract-ocr"):
            extract_text(path)


def test_missing_vietnamese_data_says_how_to_install(tmp_path: Path, fake_ocr: Path) -> None:
    tesseract = fake_ocr.parent / "fakebin" / "tesseract"
    tesseract.write_text("#!/bin/sh\nprintf 'List of available languages (1):\\neng\\n'\n")
    image = tmp_path / "anh.png"
    Image.new("L", (50, 50), 255).save(image)
    with pytest.raises(UnreadableDocument, match=r"Vietnamese.*tesseract-ocr-vie"):
        extract_text(image)


def test_missing_pdftoppm_says_how_to_install(
    tmp_path: Path, fake_ocr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (fake_ocr.parent / "fakebin" / "pdftoppm").unlink()
    path = make_image_pdf(tmp_path / "scan.pdf")
    monkeypatch.setenv("PATH", str(fake_ocr.parent / "fakebin"))
    with pytest.raises(UnreadableDocument, match="poppler-utils"):
        extract_text(path)


def test_image_ocr_via_fake(tmp_path: Path, fake_ocr: Path) -> None:
    image = tmp_path / "anh.jpg"
    Image.new("RGB", (60, 40), "white").save(image, format="JPEG")
    result = extract_text(image)
    assert result == ExtractedText(FAKE_OCR_TEXT, "ocr", 1, [1])


def test_transparent_png_is_flattened_before_ocr(tmp_path: Path, fake_ocr: Path) -> None:
    image = tmp_path / "trong-suot.png"
    Image.new("RGBA", (60, 40), (0, 0, 0, 0)).save(image)
    assert extract_text(image).method == "ocr"


def test_corrupt_image_is_refused(tmp_path: Path, fake_ocr: Path) -> None:
    image = tmp_path / "hong.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    with pytest.raises(UnreadableDocument, match="corrupt or unsupported image"):
        extract_text(image)


# --------------------------------------------------------------------------- sidecars


def test_sidecar_names() -> None:
    assert sidecar_path(Path("/d/tb 3677.pdf")) == Path("/d/tb 3677.pdf.extracted.txt")
    assert is_sidecar(Path("/d/tb 3677.pdf.extracted.txt"))
    assert is_sidecar(Path("scan.JPG.extracted.txt"))
    assert not is_sidecar(Path("/d/tb3677.txt"))
    assert not is_sidecar(Path("/d/notes.extracted.txt"))
    assert not is_sidecar(Path("/d/tb3677.pdf"))


def test_sidecar_written_then_reused_without_ocr(tmp_path: Path, fake_ocr: Path) -> None:
    path = make_image_pdf(tmp_path / "scan.pdf", pages=2)

    first = read_document(path)

    side = sidecar_path(path)
    assert sorted(p.name for p in tmp_path.glob("scan*")) == ["scan.pdf", side.name]
    assert not list(tmp_path.glob(".*.tmp"))
    header_line, _, body = side.read_text(encoding="utf-8").partition("\n")
    assert header_line.startswith("#eduqa-extracted ")
    header = json.loads(header_line.removeprefix("#eduqa-extracted "))
    assert header["method"] == "ocr"
    assert header["pages"] == 2
    assert body == first.text
    assert ocr_calls(fake_ocr) == 2

    calls: list[tuple[int, int]] = []
    second = read_document(path, progress=lambda d, t: calls.append((d, t)))

    assert second == first
    assert ocr_calls(fake_ocr) == 2  # no OCR the second time
    assert calls == [(2, 2)]


def test_stale_sidecar_is_replaced(tmp_path: Path, fake_ocr: Path) -> None:
    path = make_image_pdf(tmp_path / "scan.pdf")
    read_document(path)
    side = sidecar_path(path)
    old = side.stat().st_mtime_ns
    os.utime(path, ns=(old + 10**9, old + 10**9))  # the file was saved again after

    read_document(path)
    read_document(path)

    assert ocr_calls(fake_ocr) == 2  # re-read once, then the new sidecar is used
    header_line = side.read_text(encoding="utf-8").partition("\n")[0]
    assert json.loads(header_line.split(" ", 1)[1])["source_mtime_ns"] == old + 10**9


def test_sidecar_gets_the_source_permissions(tmp_path: Path, fake_ocr: Path) -> None:
    path = make_image_pdf(tmp_path / "scan.pdf")
    path.chmod(0o644)
    read_document(path)
    assert stat.S_IMODE(sidecar_path(path).stat().st_mode) == 0o644


def test_sidecar_for_a_different_size_is_ignored(tmp_path: Path, fake_ocr: Path) -> None:
    path = make_image_pdf(tmp_path / "scan.pdf")
    side = sidecar_path(path)
    header = {"version": 1, "method": "ocr", "pages": 1, "source_size": 1}
    side.write_text("#eduqa-extracted " + json.dumps(header) + "\nsai", encoding="utf-8")
    assert read_document(path).text == FAKE_OCR_TEXT


def test_foreign_sidecar_is_ignored(tmp_path: Path, fake_ocr: Path) -> None:
    path = make_image_pdf(tmp_path / "scan.pdf")
    sidecar_path(path).write_text("a user's own notes", encoding="utf-8")
    assert read_document(path).text == FAKE_OCR_TEXT
    assert sidecar_path(path).read_text(encoding="utf-8").startswith("#eduqa-extracted ")


def test_failed_sidecar_write_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = build_seed_docx(tmp_path / "tb.docx")

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "replace", disk_full)
    result = read_document(path)

    assert result.method == "docx"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tb.docx"]


def test_docx_sidecar_round_trip(tmp_path: Path) -> None:
    path = build_seed_docx(tmp_path / "tb.docx")
    first = read_document(path)
    assert sidecar_path(path).exists()
    assert read_document(path) == first
    assert extract_text(path) == first


def test_sidecar_is_utf8_and_keeps_page_breaks(tmp_path: Path, fake_ocr: Path) -> None:
    path = make_image_pdf(tmp_path / "scan.pdf", pages=2)
    read_document(path)
    raw = sidecar_path(path).read_bytes()
    assert raw.count(b"\f") == 1
    assert FAKE_OCR_TEXT in raw.decode("utf-8")
