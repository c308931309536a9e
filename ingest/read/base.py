"""What every reader returns, and the error a user can act on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".docx", ".pdf", ".png", ".jpg", ".jpeg"})
TEXT_SUFFIXES = frozenset({".txt", ".md"})
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg"})

ProgressFn = Callable[[int, int], None]


class UnreadableDocument(ValueError):
    """A file that cannot be turned into trustworthy text, with a reason a user can act on.

    The message names the file when it is known, so a batch ingest can show it as is.
    """

    def __init__(self, reason: str, path: Path | None = None) -> None:
        self.reason = reason
        self.path = path
        super().__init__(f"{path.name}: {reason}" if path is not None else reason)


@dataclass
class ExtractedText:
    """What a file said, and how we got it (OCR text deserves less trust than a text layer)."""

    text: str  # pages separated by "\f"; txt/md/docx have no "\f"
    method: str  # "text", "docx", "pdf-text", "ocr"
    pages: int  # number of pages (1 for txt/md/docx/image)
    ocr_pages: list[int] = field(default_factory=list)  # 1-based pages that were OCR'd


ProgressFn = Callable[[int, int], None]
