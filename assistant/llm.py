"""Generated answers through any OpenAI-compatible server (Ollama, vLLM …) via llama-index.

The model sees only the retrieved passages and must cite them as [n]; markers that point to no
passage are dropped, and any failure falls back to the extractive answer.
"""

from __future__ import annotations

import logging
import re

from assistant.search import Passage
from assistant.wording import document_label, section_label

log = logging.getLogger(__name__)
NOT_FOUND = "NOT_FOUND"

PROMPT = """You answer questions about Vietnamese education directives using ONLY the numbered \
passages below. Answer in {language_name}, briefly. After every claim put the number of the \
passage it comes from in square brackets, like [1]. Quote figures, dates and units exactly as \
written. If the passages do not answer the question, reply exactly {not_found}.

Passages:
{passages}

Question: {question}
Answer:"""


def make_llm(base_url: str | None, model: str | None, api_key: str | None, timeout: float):
    """A llama-index OpenAILike client, or None when no LLM is configured."""
    if not base_url or not model:
        return None
    from llama_index.llms.openai_like import OpenAILike

    return OpenAILike(
        model=model,
        api_base=base_url,
        api_key=api_key or "not-needed",
        timeout=timeout,
        max_retries=0,
        is_chat_model=True,
        context_window=8192,
        temperature=0.0,
    )


def build_prompt(question: str, language: str, passages: list[Passage]) -> str:
    blocks = []
    for n, p in enumerate(passages, 1):
        where = f"{document_label(p.doc, 'vi')}, mục {section_label(p.section)}"
        blocks.append(f"[{n}] ({where})\n{p.text}")
    return PROMPT.format(
        language_name="English" if language == "en" else "Vietnamese",
        not_found=NOT_FOUND,
        passages="\n\n".join(blocks),
        question=question,
    )


def clean_citations(text: str, count: int) -> tuple[str, list[int]]:
    """Drop [n] markers that point to no passage; return the text and the numbers kept."""
    kept: list[int] = []

    def keep(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if 1 <= n <= count:
            kept.append(n)
            return match.group(0)
        return ""

    cleaned = re.sub(r"\[(\d+)\]", keep, text)
    return re.sub(r"\s+([.,;])", r"\1", cleaned).strip(), sorted(set(kept))


def generate(llm, question: str, language: str, passages: list[Passage]) -> tuple[str, list[int]] | None:
    """(answer, cited numbers), or None when the model says not found, fails or cites nothing."""
    try:
        from llama_index.core.llms import ChatMessage

        response = llm.chat([ChatMessage(role="user", content=build_prompt(question, language, passages))])
        text = (response.message.content or "").strip()
    except Exception as exc:
        log.warning("LLM call failed (%s: %s); using the extractive answer.", type(exc).__name__, exc)
        return None
    if not text or NOT_FOUND in text:
        return None
    cleaned, kept = clean_citations(text, len(passages))
    return (cleaned, kept) if kept else None
