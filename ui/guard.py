"""What the mounted chat page may read and accept.

`gr.mount_gradio_app` leaves the page's `has_launched` false, and Gradio skips its own file-path
check for event inputs until a page has launched: a crafted call could then name any server file
(`{"path": "/etc/passwd", "meta": {"_type": "gradio.FileData"}}`), have it copied to Gradio's cache
and served by `/gradio_api/file=`. `protect_page` turns Gradio's check on (only files uploaded
through the page are accepted as inputs), caps uploads at EDUQA_MAX_UPLOAD_MB, and closes
Gradio's upload routes when writes are disabled. `uploaded_file` re-checks a path the upload
handler receives.
"""

from __future__ import annotations

import json
from pathlib import Path

from starlette.types import ASGIApp, Receive, Scope, Send

UPLOAD_ROUTES = ("/gradio_api/upload", "/gradio_api/process_recording")


class NotAnUpload(ValueError):
    """A file path that did not come from Gradio's upload folder."""


def gradio_upload_folder() -> Path:
    from gradio.utils import get_upload_folder

    return Path(get_upload_folder()).resolve()


def uploaded_file(path: str) -> Path:
    """The path, if it is a regular file inside Gradio's upload folder; else NotAnUpload."""
    resolved = Path(path).resolve()
    if not resolved.is_relative_to(gradio_upload_folder()) or not resolved.is_file():
        raise NotAnUpload(path)
    return resolved


def protect_page(page) -> None:
    """Turn on Gradio's own input path check for a page mounted without launch()."""
    page.has_launched = True


class UploadGuard:
    """ASGI middleware: Gradio's upload routes answer 403 while writes are disabled (no
    EDUQA_API_KEY); the screen-recording route is never used by the page and stays closed."""

    def __init__(self, app: ASGIApp, writes_enabled: bool):
        self.app = app
        self.writes_enabled = writes_enabled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        closed = path == UPLOAD_ROUTES[1] or (path == UPLOAD_ROUTES[0] and not self.writes_enabled)
        if not closed:
            await self.app(scope, receive, send)
            return
        body = json.dumps({"detail": "uploads are disabled on this server"}).encode()
        await send({"type": "http.response.start", "status": 403,
                    "headers": [(b"content-type", b"application/json")]})  # fmt: skip
        await send({"type": "http.response.body", "body": body})
