"""One answer as HTML for the chat: its text with [n] markers, then the cited passages; a
distinct box for "not found", for an error and for a question over the time limit."""

from __future__ import annotations

import html
import re

from assistant.models import Answer
from ui.citations import citation_html
from ui.labels import labels


def answer_text_html(text: str) -> str:
    """The answer's paragraphs, escaped, with its [n] markers kept and emphasised."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    out = []
    for para in paragraphs:
        body = html.escape(para).replace("\n", "<br>")
        body = re.sub(r"\[(\d+)\]", r'<span class="eduqa-marker">[\1]</span>', body)
        out.append(f"<p>{body}</p>")
    return "".join(out)


def format_answer_html(answer: Answer) -> str:
    """One answer as HTML: the text with [n] markers, then each cited passage. A not-answerable
    answer sits in a distinct box headed 'Không tìm thấy' / 'Not found', its passages labelled
    as related, not as the answer. One line, no blank lines: safe inside Markdown."""
    lang = "en" if answer.language == "en" else "vi"
    lab = labels(lang)
    cites = "".join(citation_html(c, lang) for c in answer.citations)
    if answer.answerable:
        box = f'<div class="eduqa-answer eduqa-found" lang="{lang}">' + answer_text_html(answer.answer)
        if cites:
            box += (f'<div class="eduqa-citations"><h4>{html.escape(lab["sources"])}</h4>'
                    f"{cites}</div>")  # fmt: skip
        return box + "</div>"
    heading = html.escape(lab["not_found"])
    box = (f'<div class="eduqa-answer eduqa-notfound" lang="{lang}">'
           f"<h3>{heading}</h3>{answer_text_html(answer.answer)}")  # fmt: skip
    if cites:
        box += (f'<div class="eduqa-citations eduqa-related"><h4>{html.escape(lab["related"])}</h4>'
                f"{cites}</div>")  # fmt: skip
    return box + "</div>"


def error_html(language: str = "vi") -> str:
    return (f'<div class="eduqa-answer eduqa-notfound"><h3>⚠</h3>'
            f"<p>{html.escape(labels(language)['error'])}</p></div>")  # fmt: skip


def timeout_html(seconds: float, language: str = "vi") -> str:
    """The chat's message for a question that ran out of the server's time limit."""
    lab = labels(language)
    text = lab["timeout"].format(seconds=f"{seconds:g}")
    return (f'<div class="eduqa-answer eduqa-notfound eduqa-timeout"><h3>{html.escape(lab["timeout_title"])}'
            f"</h3><p>{html.escape(text)}</p></div>")  # fmt: skip
