"""What the owner of a café and lunch restaurant wrote in the blind round of 2026-12-05h
(evals/listening/web-2026-12-05h/transcript_sv_cafe.md) and the coach misread: a figure
with "vill halvera det" is today's value, not the target; "matsvinn" borrowed the catering
orders of the sentence before as its metric; "lägg till ett steg: …, kopplat till mål 3"
became the paperless-office step; and one word every title says ("varje") named recruiting
for a lunch-menu goal."""

from __future__ import annotations

from datetime import date

from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.commands import plan_commands
from assistant.coaching.matching import named_in_title
from assistant.understanding.reader import read

TODAY = date(2026, 12, 5)
GOALS = (
    "Ok mål. 1) Mer catering, idag ca 12 cateringbeställningar i månaden, vill upp till 25 i "
    "månaden till hösten 2027. 2) Mindre matsvinn, vi slänger 15-20 kg om dan, vill halvera "
    "det. 3) Fler kvällsgäster, vi har ca 35 gäster per kväll, vill ha 60."
)


def test_a_figure_to_be_halved_is_todays_value_and_keeps_its_own_metric():
    catering, waste, evenings = read(GOALS, "sv", TODAY).objectives
    assert (catering.kpi, catering.baseline.value, catering.target.value) == ("orders", 12, 25)
    assert (waste.baseline.value, waste.target.value) == (17.5, 8.75)
    assert waste.kpi != "orders"  # food waste is no count of catering orders
    assert (evenings.baseline.value, evenings.target.value) == (35, 60)


def test_a_step_added_for_a_goal_is_a_step_linked_to_it():
    said = (
        "Lägg till ett steg: bordsbokning på nätet för kvällarna istället för pappersboken, "
        "kopplat till mål 3."
    )
    [command] = plan_commands(read(said, "sv", TODAY, goals=4), TODAY)
    assert command.action == "add_initiative"
    assert command.name.startswith("bordsbokning på nätet för kvällarna")


def test_a_word_every_title_may_say_names_no_step():
    offer = load_kpi_catalogue().initiatives
    aim = "lunchmenyn ska ligga på hemsidan varje vecka från januari 2027"
    assert "recruitment_page" not in [s.id for s in named_in_title(aim, offer, "sv")]
