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
    if not x_api_key or not secrets.compare_digest(x_api_key, settings.api_key):
        raise HTTPException(403, "missing or wrong X-API-Key")
