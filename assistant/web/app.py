"""The web app: chat with the coach beside the live plan, its sources and its editor.

Layout only; what each control does lives in ``handlers.CoachApp`` and what is shown in
``session_view``. Runs fully offline: analytics off, every asset served by the app itself.
"""

import os
from typing import Any

from assistant.coaching.messages import Messages
from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.extraction import SUPPORTED_LANGUAGES
from assistant.web.plan_panel import PANEL_CSS
from assistant.web.render import CSS, results_html

APP_CSS = """
.coach-engine { font-size: .85rem; padding: 2px 8px; border-radius: 10px;
  border: 1px solid var(--border-color-primary); }
#coach-status { min-height: 1.5em; }
#turn-marker { display: none; }
"""


def chat_welcome() -> str:
    """What the empty chat shows: an invitation to start, in every coaching language (the
    owner may start in any of them)."""
    return "\n\n".join(Messages(lang).say("chat_welcome") for lang in SUPPORTED_LANGUAGES)


# Citation links in replies point at passages in the Sources tab: open it, then scroll.
CITATION_JS = """
() => {
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="#source-"]');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    const target = link.getAttribute('href').slice(1);
    const tab = [...document.querySelectorAll('button[role="tab"]')]
      .find((b) => b.textContent.trim().startsWith('Sources'));
    if (tab) tab.click();
    setTimeout(() => {
      const passage = document.getElementById(target);
      if (!passage) return;
      passage.scrollIntoView({behavior: 'smooth', block: 'start'});
      passage.classList.add('sc-flash');
      setTimeout(() => passage.classList.remove('sc-flash'), 1500);
    }, 150);
  }, true);
}
"""


def offline_environment() -> None:
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")


def build_app(service: CoachService):  # -> gr.Blocks
    offline_environment()
    import gradio as gr

    from assistant.web.api import chat_endpoint
    from assistant.web.handlers import EXPORT_CHOICES, LANGUAGE_CHOICES, CoachApp, owner_of
    from assistant.web.session_view import QUICK_SLOTS

    app = CoachApp(service)
    with gr.Blocks(title="Strategy Coach", analytics_enabled=False) as demo:
        session_id = gr.State()
        pending = gr.State(None)
        quick_ids = gr.State([])
        case_path = gr.State("")
        remembered = gr.BrowserState(None, storage_key="strategy-coach-session")

        with gr.Sidebar(label="Sessions", open=True):
            gr.Markdown("### Sessions\nOne per client; saved after every turn.")
            sessions = gr.Radio(label="Open a session", choices=[], elem_id="session-list")
            new_button = gr.Button("New session", elem_id="new-session")
            title = gr.Textbox(label="Name this session", placeholder="e.g. Client: Northwind")
            rename_button = gr.Button("Rename", size="sm")
            delete_button = gr.Button("Delete this session", size="sm", variant="stop")
            with gr.Row(visible=False) as confirm_row:
                confirm_delete = gr.Button("Yes, delete", size="sm", variant="stop")
                cancel_delete = gr.Button("Keep it", size="sm")
            session_note = gr.Markdown()
            gr.Markdown("### Export")
            export_format = gr.Radio(EXPORT_CHOICES, value="docx", label="Format")
            export_button = gr.Button("Export", elem_id="export-button")
            export_file = gr.File(label="Download", interactive=False, elem_id="export-file")
            export_note = gr.Markdown()

        with gr.Row():
            gr.Markdown("# Strategy Coach")
            gr.HTML(app.engine_badge(), elem_id="engine")
        with gr.Row(equal_height=False):
            with gr.Column(scale=5):
                chatbot = gr.Chatbot(
                    label="Conversation",
                    placeholder=chat_welcome(),  # the first screen is never an empty box
                    height=560,
                    elem_id="chat",
                    feedback_options=("Like", "Dislike"),
                    buttons=["copy"],
                )
                with gr.Row(visible=False) as feedback_row:
                    feedback_text = gr.Textbox(
                        label="What was wrong with that reply? (optional)",
                        scale=4,
                        elem_id="feedback-text",
                    )
                    feedback_send = gr.Button("Send feedback", scale=1, elem_id="feedback-send")
                with gr.Group(visible=False) as quick_group:
                    gr.Markdown("**Answer by ticking** (or type below; either works)")
                    radios = [
                        gr.Radio(visible=False, elem_classes="quick-single")
                        for _ in range(QUICK_SLOTS)
                    ]
                    checks = [
                        gr.CheckboxGroup(visible=False, elem_classes="quick-checklist")
                        for _ in range(QUICK_SLOTS)
                    ]
                with gr.Row():
                    message = gr.Textbox(
                        show_label=False,
                        placeholder="Write to your coach… (Enter sends, Shift+Enter adds a line)",
                        scale=6,
                        lines=1,  # Gradio sends on Enter only from a one-line box (it grows)
                        max_lines=8,
                        elem_id="message",
                    )
                    send = gr.Button("Send", variant="primary", scale=1, elem_id="send")
                with gr.Row():
                    stop = gr.Button("Stop", size="sm", elem_id="stop")
                    regenerate = gr.Button("Regenerate", size="sm", elem_id="regenerate")
                    language = gr.Dropdown(
                        LANGUAGE_CHOICES, value="auto", label="Reply language", scale=2
                    )
                status = gr.Markdown(elem_id="coach-status")
                # how many turns the saved session has: a sync point for scripts and tests
                turn_marker = gr.HTML(elem_id="turn-marker")
            with gr.Column(scale=6), gr.Tabs():
                with gr.Tab("Plan", id="plan"):
                    profile = gr.HTML()
                    maturity_heading = gr.HTML()
                    maturity = gr.Plot(show_label=False, elem_id="maturity-chart")
                    goals = gr.HTML(elem_id="goals")
                    lanes = gr.HTML(elem_id="lanes")
                    timeline_heading = gr.HTML()
                    timeline = gr.Plot(show_label=False, elem_id="timeline-chart")
                    open_questions = gr.HTML()
                with gr.Tab("Brief", id="brief"):
                    gr.Markdown(
                        "Start from a client brief: paste what you know about the business "
                        "and its objectives, and I draft the whole plan in one go. Check what "
                        "I understood in the next tab; anything I proposed is marked."
                    )
                    brief_text = gr.Textbox(
                        lines=8, max_length=8000, label="Client brief", elem_id="brief-text"
                    )
                    brief_button = gr.Button("Draft from this brief", elem_id="brief-button")
                    brief_note = gr.Markdown(elem_id="brief-note")
                with gr.Tab("Understood", id="understood"):
                    gr.Markdown(
                        "What I understood from you, each with your own words. Fix anything "
                        "I got wrong here and the plan follows."
                    )
                    understood = [
                        gr.Textbox(elem_id="fact-business_name"),
                        gr.Textbox(elem_id="fact-industry"),
                        gr.Number(elem_id="fact-staff", precision=0),
                        gr.Number(elem_id="fact-revenue"),
                        gr.Textbox(elem_id="fact-markets"),
                    ]
                    save_profile = gr.Button("Save", elem_id="save-profile")
                    profile_note = gr.Markdown(elem_id="profile-note")
                with gr.Tab("Sources", id="sources"):
                    sources = gr.HTML(elem_id="sources")
                with gr.Tab("Edit plan", id="edit"):
                    goal_pick = gr.Dropdown(label="Goal", choices=[], elem_id="goal-pick")
                    statement = gr.Textbox(label="Wording", lines=2, elem_id="goal-statement")
                    with gr.Row():
                        baseline = gr.Number(label="Today's value", elem_id="goal-baseline")
                        target = gr.Number(label="Target", elem_id="goal-target")
                        deadline = gr.Textbox(
                            label="Deadline", placeholder="2027-12-31", elem_id="goal-deadline"
                        )
                    save_goal = gr.Button("Save goal", elem_id="save-goal")
                    item_pick = gr.Dropdown(label="Initiative", choices=[], elem_id="item-pick")
                    with gr.Row():
                        horizon = gr.Radio(
                            [("Now", "short"), ("Next", "medium"), ("Later", "long")],
                            label="Horizon",
                        )
                        priority = gr.Radio(
                            [("High", "high"), ("Medium", "medium"), ("Low", "low")],
                            label="Priority",
                        )
                    save_item = gr.Button("Save initiative", elem_id="save-item")
                    edit_note = gr.Markdown(elem_id="edit-note")
                with gr.Tab("Knowledge", id="knowledge"):
                    gr.Markdown(
                        "Add documents (.md, .txt, .html, .pdf, .docx, up to "
                        f"{service.settings.upload_max_mb} MB each) to this session's "
                        "guidance. Only this session sees them; deleting the session "
                        "deletes them."
                    )
                    uploads = gr.File(
                        elem_id="uploads",
                        file_count="multiple",
                        file_types=[".md", ".txt", ".html", ".htm", ".pdf", ".docx"],
                        label="Documents",
                    )
                    add_button = gr.Button("Add to this session", elem_id="add-documents")
                    upload_report = gr.Markdown(elem_id="upload-report")
                    query = gr.Textbox(
                        label="Search the guidance", max_length=2000, elem_id="search-query"
                    )
                    k = gr.Slider(1, 10, value=5, step=1, label="Passages")
                    search_button = gr.Button("Search", elem_id="search-button")
                    results = gr.HTML(results_html("", []), elem_id="search-results")

        screen = [
            *understood,
            chatbot,
            profile,
            maturity_heading,
            maturity,
            goals,
            lanes,
            timeline_heading,
            timeline,
            open_questions,
            sources,
            goal_pick,
            item_pick,
            quick_group,
            quick_ids,
            *radios,
            *checks,
            sessions,
            turn_marker,
        ]
        turn_outputs = [chatbot, message, pending, status]
        turn_inputs = [message, session_id, language, quick_ids, *radios, *checks]
        hidden: dict[str, Any] = {"api_visibility": "private"}

        def start(saved: str | None, request: gr.Request) -> tuple[str, str]:
            chosen = saved or app.new_session()
            known = {s.id for s in service.sessions(owner_of(request))}
            if saved and saved not in known and service.session(saved).transcript:
                chosen = app.new_session()  # someone else's, or from another install
            return chosen, chosen

        demo.load(start, [remembered], [session_id, remembered], **hidden).then(
            app.screen, [session_id], screen, **hidden
        )
        sent = send.click(app.turn, turn_inputs, turn_outputs, **hidden)
        submitted = message.submit(app.turn, turn_inputs, turn_outputs, **hidden)
        redone = regenerate.click(
            app.regenerate, [session_id, language], [chatbot, status], **hidden
        )
        for event in (sent, submitted, redone):
            event.then(app.screen, [session_id], screen, **hidden)
        stop.click(
            app.stop,
            [session_id, pending],
            turn_outputs,
            cancels=[sent, submitted, redone],
            **hidden,
        ).then(app.screen, [session_id], screen, **hidden)

        chatbot.like(app.rate, [session_id], [feedback_row, case_path, status], **hidden)
        feedback_send.click(
            app.comment,
            [case_path, feedback_text],
            [feedback_row, case_path, feedback_text, status],
            **hidden,
        )

        goal_pick.change(
            app.pick_goal,
            [session_id, goal_pick],
            [statement, baseline, target, deadline],
            **hidden,
        )
        item_pick.change(
            app.pick_initiative, [session_id, item_pick], [horizon, priority], **hidden
        )
        brief_button.click(
            app.from_brief, [session_id, brief_text, language], brief_note, **hidden
        ).then(app.screen, [session_id], screen, **hidden)
        save_profile.click(
            app.save_profile, [session_id, *understood], profile_note, **hidden
        ).then(app.screen, [session_id], screen, **hidden)
        save_goal.click(
            app.save_goal,
            [session_id, goal_pick, statement, baseline, target, deadline],
            edit_note,
            **hidden,
        ).then(app.screen, [session_id], screen, **hidden)
        save_item.click(
            app.save_initiative, [session_id, item_pick, horizon, priority], edit_note, **hidden
        ).then(app.screen, [session_id], screen, **hidden)

        # another session shows nothing of the one before: not its file, not its notes
        leftovers = [export_file, export_note, profile_note, edit_note, brief_note, upload_report]

        def fresh() -> tuple[Any, ...]:
            return (None, *([""] * (len(leftovers) - 1)))

        new_button.click(app.new_session, None, session_id, **hidden).then(
            lambda sid: sid, [session_id], remembered, **hidden
        ).then(fresh, None, leftovers, **hidden).then(app.screen, [session_id], screen, **hidden)
        sessions.input(app.open_session, [sessions, session_id], session_id, **hidden).then(
            lambda sid: sid, [session_id], remembered, **hidden
        ).then(fresh, None, leftovers, **hidden).then(app.screen, [session_id], screen, **hidden)
        rename_button.click(app.rename, [session_id, title], session_note, **hidden).then(
            app.screen, [session_id], screen, **hidden
        )
        delete_button.click(lambda: gr.update(visible=True), None, confirm_row, **hidden)
        cancel_delete.click(lambda: gr.update(visible=False), None, confirm_row, **hidden)
        confirm_delete.click(app.delete, [session_id], [session_id, session_note], **hidden).then(
            lambda sid: (sid, gr.update(visible=False)),
            [session_id],
            [remembered, confirm_row],
            **hidden,
        ).then(fresh, None, leftovers, **hidden).then(app.screen, [session_id], screen, **hidden)

        export_button.click(
            app.export, [session_id, export_format], [export_file, export_note], **hidden
        )
        add_button.click(app.upload, [uploads, session_id], upload_report, **hidden).then(
            app.screen, [session_id], screen, **hidden
        )
        # the API endpoint has no session (State is not an API input): shared guidance only
        search_button.click(app.search, [query, k, session_id], results, api_name="search")
        query.submit(app.search, [query, k, session_id], results, **hidden)

        gr.api(chat_endpoint(service), api_name="chat")
    return demo


def launch(
    service: CoachService,
    host: str,
    port: int,
    logins: list[tuple[str, str]] | None = None,
    block: bool = True,
):  # -> gr.Blocks, already serving
    """Build the app and serve it; with ``block=False`` return at once (tests, scripts).
    A blocking launch (the real app) also warms the coach up once the page is served."""
    import gradio as gr

    demo = build_app(service)
    theme = gr.themes.Default(
        font=["system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"]
    )
    demo.queue(default_concurrency_limit=service.settings.turns_at_once()).launch(
        server_name=host,
        server_port=port,
        theme=theme,
        css=CSS + PANEL_CSS + APP_CSS,
        js=CITATION_JS,
        show_error=False,
        max_file_size=service.settings.upload_max_bytes,
        # exports are written to the data dir (deleted with their session), then served
        allowed_paths=[str(service.settings.exports_dir)],
        quiet=not block,
        prevent_thread_lock=True,
        auth=logins or None,
        auth_message="Strategy Coach: sign in with the login you were given.",
    )
    if block:
        # the page is served from here on; the first turns wait for the warm-up
        service.start_warm_up()
        demo.block_thread()
    return demo


def serve(settings: Settings, host: str, port: int) -> None:
    offline_environment()
    launch(CoachService(settings), host, port, settings.logins())
