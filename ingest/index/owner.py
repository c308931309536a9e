"""One process owns the embedded index: an OS file lock (released by the kernel when the owner
exits, even by a crash) on a small file that also says who holds it, for the message."""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path


class IndexBusy(RuntimeError):
    """The embedded index is open in another process."""


class OwnerLock:
    def __init__(self, owner_file: Path, index_path: Path, owner: str):
        self.owner_file = owner_file
        self.index_path = index_path
        self.owner = owner
        self._fd: int | None = None

    def acquire(self) -> None:
        self.owner_file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.owner_file, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise IndexBusy(self._busy_message()) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"pid": os.getpid(), "command": self.owner}).encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def _busy_message(self) -> str:
        holder = "another process"
        try:
            info = json.loads(self.owner_file.read_text() or "{}")
            holder = f"'{info.get('command')}' (pid {info.get('pid')})"
        except (OSError, ValueError):
            pass
        return (
            f"The index at {self.index_path} is in use by {holder}. The embedded index allows one "
            "process at a time: stop that process first, or, while the server runs, add documents "
            "with POST /api/documents (or the chat page's upload) instead of `eduqa ingest`."
        )
