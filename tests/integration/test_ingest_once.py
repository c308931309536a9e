"""Each file is read once: re-ingesting, uploading and deleting never read the corpus again.

Reads are counted by handing ingest a reader that calls the real `read_document` and notes the
file; the parses, the index and the records are the real ones.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.service import AssistantService
from ingest.read import ExtractedText, read_document
from tests.conftest import NEW_DIRECTIVE, NOTICE, NOTICE_OCR, make_settings

pytestmark = pytest.mark.integration


class CountingReader:
    """`read_document`, noting every file it is asked to read."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def __call__(self, path: Path, progress=None) -> ExtractedText:
        self.names.append(Path(path).name)
        return read_document(path, progress=progress)


@pytest.fixture
def service(tmp_path):
    service = AssistantService(make_settings(tmp_path), owner="pytest")
    service.read_file = CountingReader()
    yield service
    service.close()


def test_unchanged_corpus_is_not_read_again(service):
    first = service.ingest()
    seeds = sorted(p.name for p in service.settings.corpus_dir.glob("*.txt"))
    assert sorted(service.read_file.names) == seeds
    assert sorted(first.indexed) == seeds

    service.read_file.names.clear()
    again = service.ingest()
    assert service.read_file.names == []
    assert again.indexed == [] and sorted(again.skipped) == seeds
    assert (again.documents, again.chunks) == (first.documents, first.chunks)

    touched = service.settings.corpus_dir / NOTICE  # a new mtime, the same bytes
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    service.ingest()
    assert service.read_file.names == []


def test_changed_file_alone_is_read_and_others_come_from_kept_parses(service):
    service.ingest()
    service.read_file.names.clear()
    changed = service.settings.corpus_dir / NOTICE
    changed.write_text(changed.read_text(encoding="utf-8") + "\n10. Nhiệm vụ bổ sung cuối năm.\n")
    summary = service.ingest()
    assert service.read_file.names == [NOTICE]
    assert summary.indexed == [NOTICE]
    assert any("bổ sung cuối năm" in c["text"] for c in service.chunks(NOTICE))
    # the changed clean copy is compared again with its OCR copy, and still preferred
    assert service.state["files"][NOTICE_OCR]["duplicate_of"] == NOTICE


def test_upload_is_parsed_once_and_delete_reads_nothing(service):
    service.ingest()
    before = len(service.records()[0])
    service.read_file.names.clear()
    added = service.add_document("ke-hoach-thu-vien.txt", NEW_DIRECTIVE.encode())
    assert len(service.read_file.names) == 1  # the upload, once; no other file
    assert added["chunks"] == len(service.chunks(added["source"]))

    targets, _ = service.records()  # made at ingest, kept beside the index
    assert any(t["source"] == added["source"] and t["number"] == 85.0 for t in targets)
    assert len(targets) > before
    assert (service.settings.data_dir / "records.json").exists()

    service.read_file.names.clear()
    service.delete_document(added["source"])
    assert service.read_file.names == []
    assert not service.chunks(added["source"])
    assert not any(t["source"] == added["source"] for t in service.records()[0])


def test_records_survive_a_restart_without_reading(tmp_path):
    settings = make_settings(tmp_path)
    first = AssistantService(settings, owner="pytest")
    first.ingest()
    targets = first.records()[0]
    first.close()
    again = AssistantService(settings, owner="pytest")
    again.read_file = CountingReader()
    try:
        assert targets and again.records()[0] == targets
        again.ingest()
        assert again.read_file.names == []
    finally:
        again.close()
