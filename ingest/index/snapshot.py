"""Backups of the index: one .tar.gz holding every point (chunk id, vectors, payload), the
collection layout and the ingest state. Written and read through the index seam, so a snapshot of
the embedded shard restores into a Qdrant server and back."""

from __future__ import annotations

import io
import json
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ingest.index.base import ChunkIndex, PointData

FORMAT = "eduqa-index-snapshot/1"
Progress = Callable[[int, int], None]


class BadSnapshot(ValueError):
    """The file is not an index snapshot this version can restore."""


def default_snapshot_path(folder: Path, collection: str) -> Path:
    return folder / f"{collection}-{time.strftime('%Y%m%dT%H%M%S')}.snapshot.tar.gz"


def write_snapshot(index: ChunkIndex, state_path: Path, target: Path) -> dict:
    """Write the snapshot to `target` (a temporary file renamed into place when complete)."""
    if not index.exists():
        raise BadSnapshot("the index is empty: run `eduqa ingest` before taking a snapshot")
    index.flush()
    target.parent.mkdir(parents=True, exist_ok=True)
    state = state_path.read_bytes() if state_path.exists() else b'{"files": {}}'
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", dir=target.parent, delete=False) as points_file:
        count = 0
        for _pid, vectors, payload in index.export_points():
            points_file.write(json.dumps({"vectors": vectors, "payload": payload}, ensure_ascii=False) + "\n")
            count += 1
    manifest = {
        "format": FORMAT,
        "points": count,
        "dense_size": index.dense_size(),
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    partial = target.with_name(target.name + ".partial")
    try:
        with tarfile.open(partial, "w:gz") as tar:
            _add_bytes(tar, "manifest.json", json.dumps(manifest).encode())
            _add_bytes(tar, "ingest_state.json", state)
            tar.add(points_file.name, arcname="points.jsonl")
        partial.replace(target)
    finally:
        Path(points_file.name).unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    return manifest | {"path": str(target), "bytes": target.stat().st_size}


def restore_snapshot(
    index: ChunkIndex, state_path: Path, source: Path, progress: Progress | None = None
) -> dict:
    """Replace the index and the ingest state with the snapshot's (checked before anything changes)."""
    with _open_archive(source) as tar:
        manifest = _read_json(tar, "manifest.json", source)
        if manifest.get("format") != FORMAT:
            raise BadSnapshot(f"{source}: unknown snapshot format {manifest.get('format')!r}")
        state = _member(tar, "ingest_state.json", source).read()
        json.loads(state)
        index.create(manifest.get("dense_size"))
        done, batch = 0, []
        for point in _points(_member(tar, "points.jsonl", source)):
            batch.append(point)
            if len(batch) == 512:
                index.upsert(batch)
                done += len(batch)
                batch = []
                if progress:
                    progress(done, manifest["points"])
        index.upsert(batch)
    index.flush()
    state_path.parent.mkdir(parents=True, exist_ok=True)
    state_path.write_bytes(state)
    return manifest | {"restored": index.count()}


def _points(lines: io.BufferedReader) -> Iterator[PointData]:
    for line in lines:
        entry = json.loads(line)
        yield entry["payload"]["id"], entry["vectors"], entry["payload"]


def _open_archive(source: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(source, "r:gz")
    except (OSError, tarfile.TarError) as exc:
        raise BadSnapshot(f"{source} is not a snapshot archive ({exc})") from None


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(time.time())
    tar.addfile(info, io.BytesIO(data))


def _member(tar: tarfile.TarFile, name: str, source: Path):
    try:
        handle = tar.extractfile(name)
    except KeyError:
        handle = None
    if handle is None:
        raise BadSnapshot(f"{source}: {name} is missing from the snapshot")
    return handle


def _read_json(tar: tarfile.TarFile, name: str, source: Path) -> dict:
    try:
        return json.loads(_member(tar, name, source).read())
    except ValueError:
        raise BadSnapshot(f"{source}: {name} is not valid JSON") from None
