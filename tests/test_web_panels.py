"""The live plan and sources panels: what the owner sees matches the plan, links resolve, the
quoted sentences are marked, hostile text stays inert, and unknown never looks like zero."""

from __future__ import annotations

import re
from datetime import date
from html import escape, unescape
from html.parser import HTMLParser

import pytest

from assistant.coaching.plan import DimensionState, StrategyPlan
from assistant.coaching.smart import LETTERS, check_goal
from assistant.coaching.state import SessionState
from assistant.reporting.static_charts import PRIORITY_COLOURS
from assistant.reporting.views import Labels, cited_sources, source_numbers
from assistant.web.charts import SCORED_TRACE, UNKNOWN_TRACE, maturity_figure, timeline_figure
from assistant.web.plan_panel import goals_html, lanes_html, open_questions_html, profile_html
from assistant.web.sources_panel import sources_html

TODAY = date(2026, 11, 22)  # the day the finished_sessions fixture runs on
PERSONA_IDS = ["en-bike-shop", "nb-hotel", "sv-manufacturing", "ru-dental-clinic"]
HOSTILE = "<script>alert(1)</script>"


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def inner(self) -> str:
        """The node's text with <mark> kept, for checking highlights."""
        out = []
        for child in self.children:
            if isinstance(child, str):
                out.append(child)
            elif child.tag == "mark":
                out.append(f"<mark>{child.inner()}</mark>")
            else:
                out.append(child.inner())
        return "".join(out)

    def find_all(self, predicate) -> list[Node]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if predicate(child):
                    found.append(child)
                found.extend(child.find_all(predicate))
        return found

    def by_attr(self, name: str, value: str | None = None) -> list[Node]:
        return self.find_all(
            lambda n: name in n.attrs and (value is None or n.attrs[name] == value)
        )


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node.parent is not None and node.tag != tag:
            node = node.parent
        if node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def _labels(state: SessionState) -> Labels:
    return Labels(state.plan.language)


def _numbers(state: SessionState) -> dict[str, int]:
    return source_numbers(state.sources)


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("persona", PERSONA_IDS)
def test_goals_table_has_a_row_per_goal_with_pills_matching_the_smart_check(
    finished_sessions, persona
):
    plan = finished_sessions[persona].plan
    html = goals_html(
        plan, _labels(finished_sessions[persona]), TODAY, _numbers(finished_sessions[persona])
    )
    tree = parse(html)
    assert len(tree.by_attr("data-testid", "goals-table")) == 1
    rows = tree.find_all(lambda n: n.tag == "tr" and "data-goal-id" in n.attrs)
    assert [row.attrs["data-goal-id"] for row in rows] == [goal.id for goal in plan.goals]
    assert plan.goals, "the finished plans have goals"
    for row, goal in zip(rows, plan.goals, strict=True):
        assert goal.statement in row.text()
        pills = row.by_attr("data-letter")
        assert [pill.attrs["data-letter"] for pill in pills] == ["S", "M", "A", "R", "T"]
        expected = [str(getattr(goal.smart, letter).ok).lower() for letter in LETTERS]
        assert [pill.attrs["data-ok"] for pill in pills] == expected
        for pill, letter in zip(pills, LETTERS, strict=True):
            assert getattr(goal.smart, letter).reason in pill.attrs["aria-label"]


@pytest.mark.parametrize("persona", PERSONA_IDS)
def test_a_goal_without_deadline_shows_a_failing_pill_and_its_reason(finished_sessions, persona):
    state = finished_sessions[persona]
    plan = state.plan.model_copy(deep=True)
    goal = plan.goals[0]
    goal.deadline = None
    goal.smart = check_goal(goal, plan.objectives, TODAY, plan.language).letters
    assert not goal.smart.time_bound.ok
    tree = parse(goals_html(plan, _labels(state), TODAY, _numbers(state)))
    row = tree.find_all(lambda n: n.tag == "tr" and n.attrs.get("data-goal-id") == goal.id)[0]
    pill = row.by_attr("data-letter", "T")[0]
    assert pill.attrs["data-ok"] == "false"
    assert "sc-pill-fail" in pill.attrs["class"]
    details = tree.by_attr("data-reasons-for", goal.id)[0]
    assert details.tag == "details"
    reasons = details.find_all(lambda n: n.tag == "li")
    assert len(reasons) == 5
    failing = [li for li in reasons if li.attrs["data-ok"] == "false"]
    assert "T" in [li.attrs["data-letter"] for li in failing]
    assert goal.smart.time_bound.reason in details.text()
    other = tree.find_all(
        lambda n: n.tag == "tr" and n.attrs.get("data-goal-id") == plan.goals[1].id
    )
    assert other[0].by_attr("data-letter", "T")[0].attrs["data-ok"] == "true"


@pytest.mark.parametrize("persona", PERSONA_IDS)
def test_every_initiative_sits_once_in_the_lane_of_its_horizon(finished_sessions, persona):
    state = finished_sessions[persona]
    tree = parse(lanes_html(state.plan, _labels(state), _numbers(state)))
    cards = tree.by_attr("data-initiative-id")
    assert sorted(c.attrs["data-initiative-id"] for c in cards) == sorted(
        i.id for i in state.plan.roadmap
    )
    for item in state.plan.roadmap:
        lane = tree.by_attr("data-testid", f"lane-{item.horizon or 'none'}")[0]
        inside = lane.by_attr("data-initiative-id", item.id)
        assert len(inside) == 1
        assert item.title in inside[0].text()
        assert inside[0].attrs["data-priority"] == (item.priority or "none")


@pytest.mark.parametrize("persona", PERSONA_IDS)
def test_every_citation_link_has_a_passage_to_land_on(finished_sessions, persona):
    state = finished_sessions[persona]
    labels, numbers = _labels(state), _numbers(state)
    panel = goals_html(state.plan, labels, TODAY, numbers) + lanes_html(state.plan, labels, numbers)
    links = re.findall(r'href="#(source-\d+)"', panel)
    assert links, "the finished plans cite passages"
    anchors = set(re.findall(r'id="(source-\d+)"', sources_html(state)))
    assert set(links) <= anchors
    assert len(anchors) == len(cited_sources(state))


@pytest.mark.parametrize("persona", PERSONA_IDS)
def test_quoted_sentences_are_marked_inside_the_passage_text(finished_sessions, persona):
    state = finished_sessions[persona]
    tree = parse(sources_html(state))
    rows = [row for row in cited_sources(state) if row.quotes]
    assert rows
    for row in rows:
        article = tree.by_attr("id", f"source-{row.number}")[0]
        passage = article.find_all(lambda n: "sc-passage" in n.attrs.get("class", ""))[0]
        assert _squash(passage.text()) == _squash(row.text)
        marked = [_squash(m.text()) for m in passage.find_all(lambda n: n.tag == "mark")]
        for quote in row.quotes:
            assert any(_squash(quote) in text for text in marked), quote


def test_quotes_match_across_line_breaks_and_unfound_quotes_are_shown_apart(finished_sessions):
    state = finished_sessions["en-bike-shop"].model_copy(deep=True)
    row = next(r for r in cited_sources(state) if r.quotes)
    quote = row.quotes[0]
    words = quote.split()
    assert len(words) > 3
    wrapped = " ".join(words[:2]) + "\n  " + " ".join(words[2:])
    passage = state.sources[row.chunk_id]
    state.sources[row.chunk_id] = passage.model_copy(
        update={"text": passage.text.replace(quote, wrapped)}
    )
    missing = "A sentence that is nowhere in the passage & never was."
    state.side_quotes.setdefault(row.chunk_id, []).append(missing)
    tree = parse(sources_html(state))
    article = tree.by_attr("id", f"source-{row.number}")[0]
    passage_node = article.find_all(lambda n: "sc-passage" in n.attrs.get("class", ""))[0]
    assert f"<mark>{wrapped}</mark>" in passage_node.inner()
    assert missing not in passage_node.text()
    apart = article.by_attr("data-unmatched", "true")
    assert [_squash(node.text()).endswith(missing) for node in apart] == [True]


@pytest.mark.parametrize("persona", PERSONA_IDS)
def test_owner_and_document_text_is_escaped(finished_sessions, persona):
    state = finished_sessions[persona].model_copy(deep=True)
    labels, numbers = _labels(state), _numbers(state)
    state.plan.profile.business_name = HOSTILE
    state.plan.goals[0].statement = f"Grow {HOSTILE} sales"
    state.plan.roadmap[0].title = f"<img src=x onerror=alert(1)> {HOSTILE}"
    state.plan.open_questions = [HOSTILE]
    chunk_id = next(iter(state.sources))
    state.sources[chunk_id] = state.sources[chunk_id].model_copy(
        update={"title": HOSTILE, "text": state.sources[chunk_id].text + HOSTILE}
    )
    html = (
        profile_html(state.plan, labels)
        + goals_html(state.plan, labels, TODAY, numbers)
        + lanes_html(state.plan, labels, numbers)
        + open_questions_html(state.plan, labels)
        + sources_html(state)
    )
    assert "<script" not in html and "<img" not in html
    assert html.count(escape(HOSTILE)) >= 5
    assert escape("<img src=x onerror=alert(1)>") in html


def _traces(figure, name):
    return [trace for trace in figure.data if trace.name == name]


@pytest.mark.parametrize("persona", PERSONA_IDS)
def test_unknown_maturity_is_drawn_apart_from_a_zero_score(finished_sessions, persona):
    state = finished_sessions[persona]
    plan = state.plan.model_copy(deep=True)
    plan.current_state.maturity.green = DimensionState()
    plan.current_state.maturity.strategy = DimensionState(score=0, answered_share=1.0)
    labels = _labels(state)
    figure = maturity_figure(plan, labels)
    scored = _traces(figure, SCORED_TRACE)[0]
    unknown = _traces(figure, UNKNOWN_TRACE)[0]
    green, strategy = labels.dimension("green"), labels.dimension("strategy")
    rows = list(scored.y)
    green_at, strategy_at = rows.index(green), rows.index(strategy)
    assert scored.x[green_at] is None and unknown.x[green_at] == 100
    assert scored.x[strategy_at] == 0 and unknown.x[strategy_at] is None
    notes = {a.y: unescape(a.text) for a in figure.layout.annotations}
    assert notes[green] == labels.text("unknown_score")
    assert notes[strategy].startswith("0")
    for index, dimension in enumerate(
        ["strategy", "readiness", "human_centric", "data_security", "automation_ai", "green"]
    ):
        state_of = getattr(plan.current_state.maturity, dimension)
        assert (scored.x[index] is None) == (state_of.score is None)
        assert (unknown.x[index] is None) == (state_of.score is not None)
        is_provisional = scored.marker.pattern.shape[index] != ""
        assert is_provisional == state_of.provisional
        if state_of.provisional:
            assert labels.text("provisional") in notes[rows[index]]


@pytest.mark.parametrize("persona", PERSONA_IDS)
def test_timeline_has_one_bar_per_scheduled_initiative_coloured_by_priority(
    finished_sessions, persona
):
    state = finished_sessions[persona]
    plan = state.plan.model_copy(deep=True)
    plan.roadmap[0].impact = None  # not rated
    plan.roadmap[1].impact, plan.roadmap[1].feasibility = 1, 1  # low
    labels = _labels(state)
    figure = timeline_figure(plan, labels)
    by_id = {item.id: item for item in plan.roadmap if item.start}
    seen = []
    for trace in figure.data:
        for bar_id, base, length in zip(trace.ids, trace.base, trace.x, strict=True):
            item = by_id[bar_id]
            priority = item.priority or "none"
            assert trace.marker.color == PRIORITY_COLOURS[priority]
            assert trace.name == escape(labels.of("priorities", priority), quote=False)
            first = int(base + 0.5)
            start_year, start_q = divmod(first, 4)
            assert item.start == f"{start_year}-Q{start_q + 1}"
            end_year, end_q = divmod(first + int(length) - 1, 4)
            assert (item.end or item.start) == f"{end_year}-Q{end_q + 1}"
            seen.append(bar_id)
    assert sorted(seen) == sorted(by_id)
    assert {trace.name for trace in figure.data} >= {
        labels.of("priorities", "none"),
        labels.of("priorities", "low"),
    }


@pytest.mark.parametrize("language", ["nb", "ru"])
def test_an_empty_plan_renders_with_localized_empty_messages(language):
    state = SessionState(language=language, plan=StrategyPlan(language=language))
    labels = Labels(language)
    goals = goals_html(state.plan, labels, TODAY, {})
    lanes = lanes_html(state.plan, labels, {})
    sources = sources_html(state)
    questions = open_questions_html(state.plan, labels)
    assert escape(labels.text("no_goals")) in goals
    assert escape(labels.text("no_initiatives")) in lanes
    assert escape(labels.text("no_sources")) in sources
    assert escape(labels.text("no_open_questions")) in questions
    assert labels.text("no_goals") != Labels("en").text("no_goals")
    assert escape(labels.text("unknown")) in profile_html(state.plan, labels)
    maturity = maturity_figure(state.plan, labels)
    assert all(x is None for x in _traces(maturity, SCORED_TRACE)[0].x)
    assert list(_traces(maturity, UNKNOWN_TRACE)[0].x) == [100] * 6
    timeline = timeline_figure(state.plan, labels)
    assert [unescape(a.text) for a in timeline.layout.annotations] == [
        labels.text("no_initiatives")
    ]
    for figure in (maturity, timeline):
        assert figure.to_json()  # serialisable for gr.Plot


@pytest.mark.parametrize("language", ["en", "nb", "sv", "ru"])
def test_maturity_panel_shows_the_overall_and_the_dma_comparable_score(language):
    from assistant.web.plan_panel import maturity_heading_html

    plan = StrategyPlan(language=language)
    plan.current_state.maturity.strategy = DimensionState(score=80, answered_share=0.5)
    labels = Labels(language)
    text = unescape(re.sub(r"<[^>]+>", " ", maturity_heading_html(plan, labels)))
    assert labels.dimension("overall") in text and "80" in text
    assert labels.dimension("dma_overall") in text
    assert "7" in text.split(labels.dimension("dma_overall"))[1]  # 80 x 0.5 / 6 = 6.7
    assert "DMA" in text.split(labels.dimension("dma_overall"))[1]  # the note says how it differs
