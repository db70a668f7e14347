"""What a plumbing firm in Cardiff and a vet clinic in Novosibirsk wrote in the blind rounds
of 2026-12-05o and 2026-12-05p (evals/listening/) and the coach misread: a business name of
six words cut at "and", "Not right." taken for the name and "Now" for a market, an aim whose
figures sit in brackets split in two, and the revenue of one part of the business ("Выручка
с вакцинации 1,3 млн") taken for the clinic's turnover."""

from __future__ import annotations

from datetime import date

import pytest
from text_helpers import owner_messages

from assistant.coaching.facts import read_message
from assistant.understanding.reader import read

TODAY = date(2026, 12, 5)


def test_a_long_business_name_is_read_whole():
    said = "hi there, I run Morgan & Sons Plumbing and Heating in Cardiff with my brother."
    assert read_message(said, "en", TODAY).business_name == "Morgan & Sons Plumbing and Heating"
    fix = "Not right.\n- business name is Morgan & Sons Plumbing and Heating\n- rest is fine"
    assert read_message(fix, "en", TODAY).business_name == "Morgan & Sons Plumbing and Heating"


def test_a_lane_word_is_no_market():
    facts = read_message("Move the reviews step to Now, we are in Cardiff.", "en", TODAY)
    assert "Now" not in facts.markets


def test_an_aim_with_its_figures_in_brackets_is_one_aim():
    said = "what i want is: more boiler installs (we did 118 installs last year, want 150+)."
    [aim] = read(said, "en", TODAY).objectives
    assert (aim.baseline.value, aim.target.value) == (118, 150)


@pytest.mark.parametrize(
    ("text", "language", "baseline", "target"),
    [
        (
            "2) прививки. Выручка с вакцинации около 1,3 млн в год, хочу 2 млн к концу 2027.",
            "ru",
            1_300_000,
            2_000_000,
        ),
        (
            "Omsetning fra catering er 450 000 i året, vil opp til 1,5 mill innen 2028.",
            "nb",
            450_000,
            1_500_000,
        ),
    ],
)
def test_one_parts_revenue_is_no_turnover(text, language, baseline, target):
    reading = read(text, language, TODAY)
    assert reading.profile_value("revenue") is None
    [aim] = reading.objectives
    assert (aim.baseline.value, aim.target.value) == (baseline, target)


def test_the_turnover_is_still_read_beside_a_parts_revenue():
    said = "Revenue from catering is about £120k, total turnover £1.1m."
    assert read_message(said, "en", TODAY).revenue.amount == 1_100_000


def test_a_refusal_beside_the_aims_leaves_out_only_what_it_refuses(seeded_data_dir):
    from assistant.coaching.service import CoachService
    from assistant.config import Settings

    said = owner_messages("unscripted-2026-12-05p/transcript_en_plumbing.md")
    service = CoachService(Settings(data_dir=seeded_data_dir("plumber")), today=lambda: TODAY)
    for message in said[:7]:  # 7: four aims, then "so no webshop stuff please"
        reply = service.send("p", message, "en").reply
    state = service.session("p")
    assert state.removed_initiatives == ["launch_webshop"]  # not online booking or reviews
    assert len(state.candidates) == 4, reply  # the aims are read, not asked for again


@pytest.mark.parametrize(
    ("text", "language", "markets"),
    [
        ("skills - nobody really. invoicing is in Techman, prints on paper mostly.", "en", []),
        ("Vi holder til i Bergen, og fakturaene ligger i Fiken.", "nb", ["Bergen"]),
    ],
)
def test_where_the_books_are_kept_is_no_market(text, language, markets):
    assert read_message(text, language, TODAY).markets == markets


def test_a_lead_platform_is_no_market_and_denying_it_drops_nothing_else(seeded_data_dir):
    from assistant.coaching.service import CoachService
    from assistant.config import Settings

    said = "Vi får också leads via Offerta. Vi sitter i Uppsala."
    assert read_message(said, "sv", TODAY).markets == ["Uppsala"]
    service = CoachService(Settings(data_dir=seeded_data_dir("offerta")), today=lambda: TODAY)
    service.send("o", "Vi är Lindqvist El AB i Uppsala och Offerta, 14 anställda.", "sv")
    assert service.session("o").plan.profile.markets == ["Uppsala", "Offerta"]  # misread
    reply = service.send(
        "o", "Ta bort Offerta från marknader, det är en leadplattform.", "sv"
    ).reply
    assert service.session("o").plan.profile.markets == ["Uppsala"], reply
