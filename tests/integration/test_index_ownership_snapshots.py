"""One owner per embedded index (a crashed owner never blocks), snapshots that restore into either
engine, the CLI commands, and questions answered while a document is uploaded."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

import pytest
from qdrant_client import QdrantClient

from assistant.service import AssistantService
from ingest.index import IndexBusy, open_index
from ingest.index.server import ClientIndex
from ingest.index.snapshot import BadSnapshot, restore_snapshot, write_snapshot
from tests.conftest import NEW_DIRECTIVE, ROOT, make_settings

pytestmark = pytest.mark.integration
HOLD = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from ingest.index import open_index\n"
    "open_index(Path(sys.argv[1]), 'chunks', owner='holder')\n"
    "print('open', flush=True)\n"
    "time.sleep(120)\n"
)


def test_a_crashed_owner_does_not_block_the_next_opener(tmp_path):
    path = tmp_path / "qdrant"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(IndexBusy, match=r"in use by 'holder' \(pid \d+\)"):
            open_index(path, "chunks", owner="pytest")
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(30)
    index = open_index(path, "chunks", owner="pytest")  # the kernel dropped the dead owner's lock
    index.close()


def test_snapshot_restores_into_both_engines(seed_settings, seed_service, tmp_path):
    snapshot = tmp_path / "backup.snapshot.tar.gz"
    written = write_snapshot(seed_service.index, seed_settings.state_path, snapshot)
    assert written["points"] == seed_service.index.count() > 100
    question = {"tang": 1.0, "cuong": 1.0, "chuyen": 1.0, "doi": 1.0, "so": 0.8}
    expected = [h.payload["id"] for h in seed_service.index.sparse_search(question, 10)]
    for name, index in [("edge", open_index(tmp_path / "edge-restored", "chunks", owner="pytest")),
                        ("local", ClientIndex(QdrantClient(path=str(tmp_path / "local")), "chunks"))]:  # fmt: skip
        try:
            restored = restore_snapshot(index, tmp_path / f"{name}-state.json", snapshot)
            assert restored["restored"] == written["points"]
            assert [h.payload["id"] for h in index.sparse_search(question, 10)][:5] == expected[:5]
            assert (tmp_path / f"{name}-state.json").read_bytes() == seed_settings.state_path.read_bytes()
        finally:
            index.close()


def test_restore_refuses_a_file_that_is_not_a_snapshot(tmp_path):
    index = open_index(tmp_path / "qdrant", "chunks", owner="pytest")
    try:
        index.create(None)
        bogus = tmp_path / "notes.tar.gz"
        bogus.write_text("not an archive")
        with pytest.raises(BadSnapshot, match="not a snapshot archive"):
            restore_snapshot(index, tmp_path / "state.json", bogus)
        assert index.exists()  # nothing was dropped
    finally:
        index.close()


def test_cli_snapshot_and_restore(tmp_path):
    settings = make_settings(tmp_path)
    env = {"EDUQA_DATA_DIR": str(settings.data_dir), "EDUQA_CORPUS_DIR": str(settings.corpus_dir),
           "EDUQA_EMBEDDING_MODEL": "", "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"}  # fmt: skip

    def eduqa(*args: str) -> subprocess.CompletedProcess:
        run = subprocess.run([sys.executable, "-m", "eduqa.cli", *args], capture_output=True, text=True,
                              cwd=ROOT, env=env, timeout=300)  # fmt: skip
        run.stderr = " ".join(run.stderr.split())  # the console wraps long lines
        return run

    assert eduqa("ingest").returncode == 0
    made = eduqa("snapshot", str(tmp_path / "snaps"))
    assert made.returncode == 0, made.stderr
    files = list((tmp_path / "snaps").glob("*.snapshot.tar.gz"))
    assert len(files) == 1 and "Snapshot of" in made.stderr
    index = open_index(settings.qdrant_path, settings.collection, owner="pytest")
    count = index.count()
    index.create(None)  # lose everything
    index.close()
    settings.state_path.unlink()
    restored = eduqa("restore-snapshot", str(files[0]))
    assert restored.returncode == 0, restored.stderr
    assert f"Restored {count} chunks" in restored.stderr and settings.state_path.exists()
    missing = eduqa("restore-snapshot", str(tmp_path / "nope.tar.gz"))
    assert (
        missing.returncode == 2 and "does not exist" in missing.stderr and "Traceback" not in missing.stderr
    )


def test_questions_are_answered_while_a_document_is_uploaded(tmp_path):
    settings = make_settings(tmp_path)
    service = AssistantService(settings, owner="pytest", load_models=False)
    try:
        service.ingest()
        questions = ["tỷ lệ chi cho hoạt động giảng dạy tối thiểu", "nhiệm vụ năm học 2023-2024 là gì?"]
        answers: list[bool] = []
        errors: list[Exception] = []
        started = threading.Event()

        def asker(n: int) -> None:
            started.wait()
            for i in range(10):
                try:
                    answers.append(bool(service.ask(questions[(n + i) % 2], use_llm=False).retrieved))
                except Exception as exc:
                    errors.append(exc)

        threads = [threading.Thread(target=asker, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        started.set()
        added = service.add_document("ninh-binh-thu-vien.txt", NEW_DIRECTIVE.encode())
        for t in threads:
            t.join()
        assert not errors and len(answers) == 40 and all(answers)
        assert added["chunks"] > 0
        assert any(p.source == added["source"] for p in service.search("thư viện trường học đạt chuẩn", 5))
    finally:
        service.close()
