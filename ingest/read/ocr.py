"""OCR with Tesseract (Vietnamese data) and pdftoppm, run as subprocesses, pages in parallel.

Both are Debian packages (tesseract-ocr, tesseract-ocr-vie, poppler-utils), only needed for
scanned pages and images.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path

from ingest.read.base import ExtractedText, UnreadableDocument
from ingest.read.quality import clean_page

OCR_LANG = "vie"
OCR_DPI = 300
# psm 3 (automatic layout) was measured against 4 and 6 on a rendered directive page: 3 and 4
# gave the same text, 6 ("one uniform block") dropped a ruled table entirely.
TESSERACT_PSM = "3"
OCR_PAGE_TIMEOUT_S = 300
# Rendering a poster-sized page at 300 dpi would make a huge bitmap; cap the long side
# (A2 at 300 dpi) and let pdftoppm scale instead.
MAX_RENDER_SIDE_PX = 7016
MAX_OCR_PIXELS = 40_000_000  # bigger photos are scaled down before OCR

TESSERACT_INSTALL = "apt-get install -y tesseract-ocr tesseract-ocr-vie"
POPPLER_INSTALL = "apt-get install -y poppler-utils"


def _tool_env() -> dict[str, str]:
    # Tesseract's OpenMP threads fight each other on small machines: measured on 2 cores,
    # one page took ~10 s with the default and ~2 s with one thread. We parallelise across
    # pages instead.
    env = dict(os.environ)
    env.setdefault("OMP_THREAD_LIMIT", "1")
    return env


def require_tesseract(path: Path) -> str:
    """Path of tesseract, after checking it has the Vietnamese data; else say how to install."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise UnreadableDocument(
            f"this file needs OCR but Tesseract is not installed; install it with: {TESSERACT_INSTALL}",
            path,
        )
    try:
        proc = subprocess.run(
            [exe, "--list-langs"],
            capture_output=True,
            text=True,
            timeout=60,
            env=_tool_env(),
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UnreadableDocument(
            f"this file needs OCR but Tesseract does not run ({exc}); reinstall it with: {TESSERACT_INSTALL}",
            path,
        ) from None
    langs = {line.strip() for line in (proc.stdout + "\n" + proc.stderr).splitlines()}
    if OCR_LANG not in langs:
        raise UnreadableDocument(
            "this file needs OCR but Tesseract has no Vietnamese language data; install it "
            f"with: {TESSERACT_INSTALL}",
            path,
        )
    return exe


def _require_pdftoppm(path: Path) -> str:
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise UnreadableDocument(
            f"this PDF has scanned pages but pdftoppm is not installed; install it with: {POPPLER_INSTALL}",
            path,
        )
    return exe


def _ocr_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def ocr_pdf_pages(path: Path, pages: list[tuple[int, float]]) -> Iterator[tuple[int, str]]:
    """OCR the given 0-based pages (with their long side in points), yielding as they finish.

    Pages run in parallel, one single-threaded Tesseract per CPU; the generator yields in
    completion order so progress moves as soon as any page is done.
    """
    tesseract = require_tesseract(path)
    pdftoppm = _require_pdftoppm(path)
    with (
        tempfile.TemporaryDirectory(prefix="eduqa-ocr-") as tmp,
        ThreadPoolExecutor(max_workers=_ocr_workers()) as pool,
    ):
        futures: dict[Future[str], int] = {
            pool.submit(_ocr_pdf_page, path, index, long_pt, Path(tmp), pdftoppm, tesseract): index
            for index, long_pt in pages
        }
        try:
            pending = set(futures)
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in sorted(finished, key=futures.__getitem__):
                    yield futures[future], future.result()
        finally:
            for future in futures:
                future.cancel()


def _ocr_pdf_page(path: Path, index: int, long_pt: float, tmp: Path, pdftoppm: str, tesseract: str) -> str:
    page_no = index + 1
    prefix = tmp / f"page-{page_no}"
    dpi = OCR_DPI
    if long_pt / 72 * OCR_DPI > MAX_RENDER_SIDE_PX:
        dpi = max(72, int(MAX_RENDER_SIDE_PX * 72 / long_pt))
    # -gray without -png writes an uncompressed PGM: measured 0.1 s per A4 page instead of
    # 1.5 s for PNG (compression), and Tesseract reads it faster too.
    cmd = [pdftoppm, "-r", str(dpi), "-f", str(page_no), "-l", str(page_no), "-gray"]
    cmd += ["-singlefile", str(path), str(prefix)]
    try:
        proc = subprocess.run(
            cmd, capture_output=True, timeout=OCR_PAGE_TIMEOUT_S, env=_tool_env(), check=False
        )
    except subprocess.TimeoutExpired:
        raise UnreadableDocument(f"rendering page {page_no} for OCR timed out", path) from None
    image = prefix.with_suffix(".pgm")
    if proc.returncode != 0 or not image.exists():
        detail = _tail(proc.stderr)
        raise UnreadableDocument(f"could not render page {page_no} for OCR ({detail})", path)
    try:
        return run_tesseract(tesseract, image, path, f"page {page_no}", dpi=dpi)
    finally:
        image.unlink(missing_ok=True)


def run_tesseract(exe: str, image: Path, path: Path, where: str, dpi: int | None = None) -> str:
    cmd = [exe, str(image), "stdout", "-l", OCR_LANG, "--psm", TESSERACT_PSM]
    if dpi is not None:
        cmd += ["--dpi", str(dpi)]
    try:
        proc = subprocess.run(
            cmd, capture_output=True, timeout=OCR_PAGE_TIMEOUT_S, env=_tool_env(), check=False
        )
    except subprocess.TimeoutExpired:
        raise UnreadableDocument(f"OCR of {where} timed out", path) from None
    if proc.returncode != 0:
        raise UnreadableDocument(f"OCR of {where} failed ({_tail(proc.stderr)})", path)
    text = clean_page(proc.stdout.decode("utf-8", errors="replace"))
    return re.sub(r"\n{3,}", "\n\n", text)


def _tail(stderr: bytes | str | None, limit: int = 300) -> str:
    if not stderr:
        return "no error output"
    if isinstance(stderr, bytes):
        stderr = stderr.decode("utf-8", errors="replace")
    stderr = " ".join(stderr.split())
    return stderr[-limit:]


def read_image(path: Path) -> ExtractedText:
    """OCR a photo or scan, after fixing its orientation (EXIF) and flattening transparency."""
    tesseract = require_tesseract(path)
    from PIL import Image, ImageOps

    with tempfile.TemporaryDirectory(prefix="eduqa-ocr-") as tmp:
        prepared = Path(tmp) / "image.pgm"  # uncompressed: quicker to write and to read
        try:
            with Image.open(path) as opened:
                image = ImageOps.exif_transpose(opened)
                if image.mode in {"RGBA", "LA", "PA"} or (image.mode == "P" and "transparency" in image.info):
                    rgba = image.convert("RGBA")
                    background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
                    image = Image.alpha_composite(background, rgba)
                image = image.convert("L")
                pixels = image.width * image.height
                if pixels > MAX_OCR_PIXELS:
                    scale = (MAX_OCR_PIXELS / pixels) ** 0.5
                    size = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
                    image = image.resize(size, Image.Resampling.LANCZOS)
                image.save(prepared)
        except Image.DecompressionBombError:
            raise UnreadableDocument("the image is too large to read", path) from None
        except (OSError, ValueError, SyntaxError) as exc:
            raise UnreadableDocument(f"corrupt or unsupported image ({exc})", path) from None
        text = run_tesseract(tesseract, prepared, path, "the image")
    if sum(c.isalnum() for c in text) < 3:
        raise UnreadableDocument("no text found in the image", path)
    return ExtractedText(text=text, method="ocr", pages=1, ocr_pages=[1])
