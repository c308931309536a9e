"""FastAPI dependencies in one place; `create_app` overrides them with its own instances."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Header, HTTPException

from assistant.service import AssistantService
from assistant.settings import Settings, get_settings


def get_service() -> AssistantService:  # replaced by create_app
    raise RuntimeError("the app was not built with create_app")


SettingsDep = Annotated[Settings, Depends(get_settings)]
ServiceDep = Annotated[AssistantService, Depends(get_service)]


def require_api_key(settings: SettingsDep, x_api_key: Annotated[str | None, Header()] = None) -> None:
    """Write endpoints need X-API-Key = EDUQA_API_KEY; with no key configured they are closed."""
    if not settings.api_key:
        raise HTTPException(403, "writes are disabled: set EDUQA_API_KEY on the server to enable them")
    if not key_matches(x_api_key, settings.api_key):
        raise HTTPException(403, "missing or wrong X-API-Key")


def key_matches(given: str | None, expected: str) -> bool:
    """Constant-time comparison as bytes: HTTP headers arrive decoded as Latin-1, so any bytes
    a client sends (UTF-8 included) compare against the UTF-8 key without an error."""
    if not given:
        return False
    return secrets.compare_digest(given.encode("latin-1", errors="replace"), expected.encode("utf-8"))
