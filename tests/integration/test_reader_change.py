"""A changed reader is noticed without --reindex: chunks made by an older reader are read again.

The index is first built by an "older reader" (the real reader dropping each document's last
third, as a reader that lost text would), its parses recorded under another parser fingerprint,
as a state written by older code holds them. A later service (a new `make run`, a new `eduqa
eval`) must find the index stale, read those documents again with the current reader and end
with the chunks a fresh ingest makes; documents the current reader already parsed are not read.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.service import AssistantService
from eval.setcorpus import prepare_index
from ingest.parsed_cache import ParsedStore
from ingest.read import ExtractedText, read_document
from tests.conftest import DEVCORPUS, NOTICE, PLAN, make_settings

pytestmark = pytest.mark.integration
OLDER = "older-reader"
DIRECTIVES = ("nghean-qd3760-2025.txt", "hanoi-nq60-2025.txt")


class CountingReader:
    """`read_document`, noting every file it reads; `lossy` drops each text's last third."""

    def __init__(self, lossy: bool = False) -> None:
        self.lossy = lossy
        self.names: list[str] = []

    def __call__(self, path: Path, progress=None) -> ExtractedText:
        self.names.append(Path(path).name)
        extracted = read_document(path, progress=progress)
        if self.lossy:
            lines = extracted.text.split("\n")
            extracted.text = "\n".join(lines[: 2 * len(lines) // 3])
        return extracted


def age(settings, sources: list[str]) -> None:
    """Record these documents as parsed by an older reader: in the ingest state and in the
    kept parses (their fingerprint), as older code left them."""
    state = json.loads(settings.state_path.read_text(encoding="utf-8"))
    store = ParsedStore(settings.state_path.parent / "parsed", settings.embedding_max_tokens)
    for source in sources:
        entry = state["files"][source]
        entry["parser"] = OLDER
        kept = store._path(entry["hash"], source)
        for path in (kept, kept.with_suffix(".profile")):
            data = json.loads(path.read_text(encoding="utf-8"))
            path.write_text(json.dumps(data | {"parser": OLDER}, ensure_ascii=False), encoding="utf-8")
    settings.state_path.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")


def chunk_texts(service: AssistantService) -> dict[str, list[tuple]]:
    """Per document, its chunks' (section, text) in order."""
    out: dict[str, list[tuple]] = {}
    for chunk in sorted(service.chunks(), key=lambda c: (c["source"], c.get("chunk_index", 0), c["id"])):
        out.setdefault(chunk["source"], []).append((chunk.get("section"), chunk["text"]))
    return out


def opened(settings, reader: CountingReader) -> AssistantService:
    service = AssistantService(settings, owner="pytest")
    service.read_file = reader
    return service


@pytest.fixture
def fresh(tmp_path_factory):
    """The chunks a fresh ingest of the seeds with the current reader makes."""
    service = opened(make_settings(tmp_path_factory.mktemp("fresh")), CountingReader())
    try:
        service.ingest()
        yield chunk_texts(service)
    finally:
        service.close()


def test_a_changed_reader_is_read_again_without_reindex(tmp_path, fresh):
    settings = make_settings(tmp_path)
    older = opened(settings, CountingReader(lossy=True))
    older.ingest()
    made_by_older = chunk_texts(older)
    older.close()
    seeds = sorted(made_by_older)
    age(settings, seeds)
    assert made_by_older != fresh  # the older reader's chunks are not the current ones

    service = opened(settings, CountingReader())
    try:
        assert service.is_stale()
        summary = service.ingest()
        assert sorted(service.read_file.names) == seeds
        assert sorted(summary.indexed) == seeds
        assert chunk_texts(service) == fresh
        assert not service.is_stale()

        age(settings, [NOTICE])  # one document's parse from the older reader: it alone is read
        service.reload_state()
        service.read_file.names.clear()
        assert service.is_stale()
        assert service.ingest().indexed == [NOTICE]
        assert service.read_file.names == [NOTICE]
        assert chunk_texts(service) == fresh
    finally:
        service.close()


def test_unchanged_reader_and_corpus_is_not_stale(tmp_path):
    settings = make_settings(tmp_path)
    service = opened(settings, CountingReader())
    try:
        assert service.is_stale()  # nothing indexed yet
        service.ingest()
        assert not service.is_stale()
        (settings.corpus_dir / PLAN).unlink()  # a removed document is noticed too
        assert service.is_stale()
    finally:
        service.close()


def test_set_index_reads_again_what_an_older_reader_made(tmp_path):
    """eval/setcorpus.prepare_index (the eval sets' own indexes) without --reindex."""
    if not (DEVCORPUS / "directives").is_dir():
        pytest.skip(f"development corpus not found ({DEVCORPUS})")
    root = tmp_path / "root"
    root.mkdir()
    for name in DIRECTIVES:
        shutil.copy(DEVCORPUS / "directives" / name, root / name)
    settings = make_settings(tmp_path).model_copy(update={"corpus_dir": tmp_path / "data" / "corpus"})
    service = opened(settings, CountingReader(lossy=True))
    try:
        prepare_index(service, root)
        lossy = chunk_texts(service)
        age(settings, list(DIRECTIVES))
        service.reload_state()
        service.read_file = CountingReader()
        assert prepare_index(service, root) == {}
        assert sorted(service.read_file.names) == sorted(DIRECTIVES)
        current = chunk_texts(service)
        assert current != lossy
        service.read_file.names.clear()
        prepare_index(service, root)  # nothing changed since: nothing read
        assert service.read_file.names == []
        assert chunk_texts(service) == current
    finally:
        service.close()
    again = make_settings(tmp_path / "fresh")
    fresh = opened(
        again.model_copy(update={"corpus_dir": tmp_path / "fresh" / "data" / "corpus"}), CountingReader()
    )
    try:
        prepare_index(fresh, root)
        assert chunk_texts(fresh) == current
    finally:
        fresh.close()
