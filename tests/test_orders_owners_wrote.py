"""Orders owners wrote in the blind round of 2026-12-05n (evals/listening/unscripted-2026-12-05n)
that the coach misread: a new name said before the old one in quotes, a step re-linked to
another goal, a target the owner keeps, and a step put back."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.commands import plan_commands
from assistant.understanding.reader import read

TODAY = date(2026, 12, 5)


def _commands(text: str, language: str):
    return plan_commands(read(text, language, TODAY, goals=4), TODAY)


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "And please rename goal 2 to workshops per year, not 'last year'.",
            "en",
            "workshops per year",
        ),
        ("Gi mål 2 navnet «Kurs per år», ikke «i fjor».", "nb", "Kurs per år"),
        ("Rename goal 2 to 'Workshops per year'.", "en", "Workshops per year"),
    ],
)
def test_the_new_name_is_not_the_old_one_quoted_after_it(text, language, name):
    [command] = _commands(text, language)
    assert (command.action, command.number, command.name) == ("rename_goal", 2, name)


@pytest.mark.parametrize(
    ("text", "language", "step", "goal"),
    [
        (
            "Steg 1 (digitala hälsodeklarationer) hör till mål 4, inte till uteblivna besök.",
            "sv",
            1,
            4,
        ),
        ("Step 3 (the loyalty card) belongs to goal 2, not to the reviews goal.", "en", 3, 2),
        ("Link step 3 to goal 2.", "en", 3, 2),
        ("Tiltak 2 hører til mål 1.", "nb", 2, 1),
        ("Шаг 4 относится к цели 2.", "ru", 4, 2),
    ],
)
def test_a_step_said_to_belong_to_a_goal_is_relinked(text, language, step, goal):
    commands = _commands(text, language)
    assert [(c.action, c.number) for c in commands] == [("link_initiative", step)]
    assert f"{goal}" in commands[0].words


@pytest.mark.parametrize(
    ("text", "language", "goal"),
    [
        ("Mål 4 behåller jag på 80 % – vi byter bara rutin.", "sv", 4),
        ("Keep goal 2 at 20 workshops — they are fortnightly café sessions.", "en", 2),
        ("Mål 3 beholder jeg som det er, det er realistisk.", "nb", 3),
        ("Цель 2 оставляю как есть.", "ru", 2),
    ],
)
def test_a_goal_the_owner_keeps_is_a_keep_order(text, language, goal):
    assert [(c.action, c.number) for c in _commands(text, language)] == [("keep_goal", goal)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Lägg tillbaka digitala hälsodeklarationer och samtycken före besöket i Nu.", "sv"),
        ("Please put the events step back in Now.", "en"),
        ("Legg tilbake lojalitetsprogrammet.", "nb"),
        ("Верните шаг про отзывы обратно.", "ru"),
    ],
)
def test_putting_a_step_back_adds_it(text, language):
    assert [c.action for c in _commands(text, language)] == ["add_initiative"]


def test_a_denied_delete_deletes_nothing():
    said = "I didn't ask you to delete step 3, I asked you to reword it!"
    assert [c.action for c in _commands(said, "en")] == []


def test_each_line_of_a_list_of_orders_is_its_own_order():
    said = (
        "Please:\nadd monthly KPI check-in and quarterly review back\n"
        'add a step "fixed monthly fee packages with GoCardless" for goal 2\n'
        'add a step "monthly records collection via receipt app" for goal 4'
    )
    commands = _commands(said, "en")
    assert [c.action for c in commands] == ["add_initiative"] * 3
    assert [c.name for c in commands[1:]] == [
        "fixed monthly fee packages with GoCardless",
        "monthly records collection via receipt app",
    ]


@pytest.mark.parametrize(
    ("text", "language", "asked"),
    [
        ("Digital goals written down? No. We have nothing like that.", "en", []),
        ("Kundnöjdheten mäts den? Nej, inte alls.", "sv", []),
        ("Any tips for Instagram? We post twice a week.", "en", ["Any tips for Instagram?"]),
        ("Kan du rette det?", "nb", []),  # fix what you wrote: nothing to look up
    ],
)
def test_a_topic_said_back_and_answered_is_no_question(text, language, asked):
    assert [q.text for q in read(text, language, TODAY).questions] == asked


def test_a_goal_said_not_to_be_changed_is_kept():
    said = "Mål 3 står på 2 % som jeg sa, ikke endre det."
    assert [(c.action, c.number) for c in _commands(said, "nb")] == [("keep_goal", 3)]


def test_a_head_count_fixed_beside_an_order_fixes_the_staff_not_a_goal():
    from assistant.coaching.facts import read_message

    said = "Mål 3 skal være fra 7 % til 2 % innen 30. juni 2027. Og vi er 14 ansatte, ikke 13."
    facts = read_message(said, "nb", TODAY)
    assert facts.staff == 14 and facts.profile_fixed
    assert [c.action for c in facts.commands] == ["change_goal"]  # no goal takes the 14
    plain = read_message("Vi er 14 ansatte, og vi vil øke omsetningen.", "nb", TODAY)
    assert not plain.profile_fixed  # a head count said, nothing fixed


def test_a_step_said_to_be_called_something_names_no_business():
    from assistant.coaching.facts import read_message

    assert (
        read_message("Steg 4 heter fel, det ska vara bordsbokning.", "sv", TODAY).business_name
        is None
    )


@pytest.mark.parametrize(
    ("text", "language", "goal"),
    [
        ("Jeg beholder 60 % på mål 3. Grunnen: kundene spør hele tida om nett-booking.", "nb", 3),
        ("Ingenting skal endres i mål 3.", "nb", 3),
        ("Inget ska ändras i mål 2, det är realistiskt.", "sv", 2),
        ("I'm keeping 60% on goal 3, the demand is there.", "en", 3),
    ],
)
def test_a_target_kept_by_its_value_or_left_alone_is_a_keep_order(text, language, goal):
    assert [(c.action, c.number) for c in _commands(text, language)] == [("keep_goal", goal)]


def test_a_step_named_after_its_topic_and_a_colon_is_named_as_said():
    said = (
        "Og legg til et tiltak for produktsalg: produktanbefaling på SMS etter besøket, "
        "knyttet til mål 2."
    )
    [command] = _commands(said, "nb")
    assert command.action == "add_initiative"
    assert command.name.startswith("produktanbefaling på SMS etter besøket")


@pytest.mark.parametrize(
    ("text", "language"),
    [("Hvor begynner vi?", "nb"), ("Var börjar vi?", "sv"), ("С чего начнём?", "ru")],
)
def test_where_do_we_start_is_a_question_about_the_plan(text, language):
    from assistant.coaching.plan_answers import plan_question

    assert plan_question(text, language) == "first_step"


@pytest.mark.parametrize(
    ("text", "language"), [("Kan vi gå videre?", "nb"), ("Can we move on to the roadmap?", "en")]
)
def test_asking_to_move_on_goes_ahead_and_asks_the_guidance_nothing(text, language):
    from assistant.coaching.facts import read_message

    facts = read_message(text, language, TODAY)
    assert facts.go_ahead and facts.asked == []


def test_moving_a_step_to_next_in_russian_is_a_move():
    [command] = _commands("Переместите инициативу 3 в «Дальше».", "ru")
    assert (command.action, command.number, command.horizon) == ("change_initiative", 3, "medium")


@pytest.mark.parametrize(
    ("text", "language", "actions"),
    [
        ("Цель 4 менять не надо.", "ru", [("keep_goal", 4)]),
        ("Вы удалили цель про продления!!!", "ru", []),  # a complaint, no order
        ("Отдельного маркетолога нанимать не будем.", "ru", []),  # a limit, no order
        ("Маркетплейс не надо.", "ru", [("drop_initiative", None)]),
    ],
)
def test_what_not_to_change_or_do_is_no_order_to_drop(text, language, actions):
    assert [(c.action, c.number) for c in _commands(text, language)] == actions


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Корпоративное предложение – привяжите к цели 4, а не к цели 1.", "ru"),
        ("Link the referral step to goal 4.", "en"),
    ],
)
def test_a_step_named_by_its_words_is_relinked_and_the_other_goal_left_alone(text, language):
    commands = _commands(text, language)
    assert [c.action for c in commands] == ["link_initiative"]
    assert commands[0].number is None and "4" in commands[0].words


def test_a_complaint_about_what_the_coach_did_objects_to_no_step():
    from assistant.coaching.chat_steps import objected_step
    from assistant.coaching.facts import read_message
    from assistant.coaching.plan import Initiative
    from assistant.coaching.state import SessionState

    state = SessionState(language="ru", stage="roadmap")
    state.plan.language = "ru"
    title = (
        "Корпоративное предложение: один пакет для работодателей и клубов, отдельная страница "
        "и прямые продажи"
    )
    state.plan.roadmap = [Initiative(id="i1", title=title)]
    said = "Корпоратив вы теперь на 2028 год задвинули, я просил другое, ну ладно, сил нет."
    facts = read_message(said, "ru", TODAY)
    assert facts.intent == "objection"  # it is one, about the coach's move, not the step
    assert objected_step(state, facts) == []


@pytest.mark.parametrize(
    ("text", "language", "refused"),
    [
        ('and the rating is stars not "reviews".', "en", []),  # a label corrected
        ("no paid ads and no tiktok", "en", ["social_media_plan", "targeted_campaigns"]),
        ("Vi er rørleggere, ikke nettbutikk.", "nb", ["launch_webshop"]),
    ],
)
def test_a_corrected_label_refuses_no_step(text, language, refused):
    from assistant.coaching.words import initiatives_refused

    assert sorted(initiatives_refused(text, language)) == refused
