"""The served app: the API (`assistant.api`) with the chat page (`ui.app`) mounted at `/`."""

from __future__ import annotations

from fastapi import FastAPI

from assistant.api import create_app
from assistant.service import AssistantService
from assistant.settings import Settings
from ui.app import mount_ui


def create_server(settings: Settings, service: AssistantService | None = None) -> FastAPI:
    """The API and the chat page over one service (the page calls the same service)."""
    app = create_app(settings, service=service)
    return mount_ui(app, app.state.current_service, settings)
