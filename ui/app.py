"""The chat page (Gradio), mounted at / by the same server; it calls the same service as the API."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI


def mount_ui(app: FastAPI, get_service: Callable) -> FastAPI:
    import gradio as gr

    def respond(message: str, history: list):
        answer = get_service().ask(message)
        return answer.answer

    demo = gr.ChatInterface(respond, title="eduqa")
    return gr.mount_gradio_app(app, demo, path="/")
