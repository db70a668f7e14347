"""The web app. Until the coaching chat lands, a knowledge-base search page."""

from __future__ import annotations

import os

from assistant.config import Settings
from assistant.knowledge.service import KnowledgeBase
from assistant.web.render import CSS, hint, results_html


def _offline_environment() -> None:
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")


def build_app(kb: KnowledgeBase):  # -> gr.Blocks
    _offline_environment()
    import gradio as gr

    def run_search(query: str, k: float) -> str:
        query = (query or "").strip()
        if not query:
            return results_html("", [])
        if len(query) > 2000:
            return hint("That question is very long; please keep it under 2,000 characters.")
        try:
            return results_html(query, kb.search(query, int(k)))
        except Exception as exc:  # the page must answer, whatever happened below
            return hint(
                f"Search failed ({type(exc).__name__}). Try again; if it keeps failing, "
                "rebuild the index with 'strategy-coach ingest'."
            )

    with gr.Blocks(title="Strategy Coach", analytics_enabled=False) as demo:
        gr.Markdown(
            "# Strategy Coach — knowledge base\n"
            "Search the curated guidance in any language (English, norsk, svenska, русский, …)."
        )
        with gr.Row():
            query = gr.Textbox(
                label="Question",
                placeholder="e.g. How do I set SMART goals?",
                scale=4,
                max_length=2000,
            )
            k = gr.Slider(1, 10, value=5, step=1, label="Passages", scale=1)
        button = gr.Button("Search", variant="primary")
        output = gr.HTML(results_html("", []))
        button.click(run_search, [query, k], output, api_name="search")
        query.submit(run_search, [query, k], output, api_visibility="private")
    return demo


def serve(settings: Settings, host: str, port: int) -> None:
    _offline_environment()
    import gradio as gr

    kb = KnowledgeBase(settings)
    report = kb.ensure_fresh()
    if report is not None:
        print(f"knowledge base: {report.summary()}")
    demo = build_app(kb)
    theme = gr.themes.Default(
        font=["system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"]
    )
    demo.queue().launch(server_name=host, server_port=port, theme=theme, css=CSS, show_error=False)
