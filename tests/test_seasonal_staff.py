"""A garden centre's owner said "8 year-round, 14 at peak" six times and was told "14 people"
each time (evals/listening/unscripted-2026-12-05n); a landscaper said "9 in season, only 3 in
winter" and wanted 9: both counts are kept and said back ("14 (8 outside the season)"), and
"We're 8 year-round" names no business."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.facts import read_message

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("text", "language", "staff", "off_season"),
    [
        ("up to 14 staff in the season (8 over winter)", "en", 14, 8),
        ("We are 12 people in the summer and 5 in winter.", "en", 12, 5),
        ("Vi er 8 ansatte hele året og 14 i høysesongen.", "nb", 8, None),  # 14: no noun
        ("Vi er 9 ansatte i sesongen (april–oktober), men bare 3 om vinteren.", "nb", 9, 3),
        ("Vi är 10 anställda under högsäsong, 6 på vintern.", "sv", 10, 6),
        ("Летом у нас 20 сотрудников, зимой 12.", "ru", 20, 12),
        ("We are 14 staff.", "en", 14, None),  # no season said: the count as said
    ],
)
def test_a_seasonal_team_keeps_both_head_counts(text, language, staff, off_season):
    facts = read_message(text, language, TODAY)
    assert (facts.staff, facts.staff_off_season) == (staff, off_season)


def test_a_head_count_is_no_business_name():
    assert read_message("We're 8 year-round, 14 at peak.", "en", TODAY).business_name is None


@pytest.mark.parametrize(
    ("text", "language", "trade"),
    [
        ("Vi er Solsiden Bakeri i Bergen, bakeri og kafé, 22 ansatte.", "nb", "bakeri og kafé"),
        ("I run a garden centre and café near York, 8 staff.", "en", "garden centre and café"),
        ("Vi driver ett bageri och kafé i Umeå med 9 anställda.", "sv", "bageri och kafé"),
        ("У нас пекарня и кафе в Казани, 12 сотрудников.", "ru", "пекарня и кафе"),
    ],
)
def test_two_trades_said_together_are_both_kept(text, language, trade):
    assert read_message(text, language, TODAY).industry == trade


def test_a_corrected_trade_replaces_the_one_read_before(seeded_data_dir):
    from assistant.coaching.service import CoachService
    from assistant.config import Settings

    service = CoachService(Settings(data_dir=seeded_data_dir("trade-fix")), today=lambda: TODAY)
    service.send("b", "Vi er Solsiden i Bergen, et bakeri, 22 ansatte.", "nb")
    reply = service.send(
        "b", "Du skrev bare bakeri, men vi er bakeri og kafé. Kan du rette det?", "nb"
    )
    assert service.session("b").plan.profile.industry == "bakeri og kafé"
    assert "bakeri og kafé" in reply.reply
    assert "veiledning" not in reply.reply  # a request to fix it asks the guidance nothing


@pytest.mark.parametrize(
    ("text", "staff"),
    [
        ("2 врача (я один из них) и еще 5 человек - администраторы, ассистент.", 7),
        ("Не 5, а 7 всего, 2 врача + 5 персонал.", 7),
    ],
)
def test_doctors_and_other_staff_are_counted_together(text, staff):
    facts = read_message(text, "ru", TODAY)
    assert facts.staff == staff
    assert facts.business_name is None  # "Не 5" names no business


@pytest.mark.parametrize(
    ("text", "language", "trade"),
    [
        (
            "Hei! Jeg driver et anleggsgartner- og hagevedlikeholdsfirma i Asker.",
            "nb",
            "anleggsgartner- og hagevedlikeholdsfirma",
        ),
        (
            "Vi är ett bygg- och måleriföretag i Umeå med 14 anställda.",
            "sv",
            "bygg- och måleriföretag",
        ),
    ],
)
def test_a_compound_left_open_with_a_hyphen_is_read_to_its_end(text, language, trade):
    assert read_message(text, language, TODAY).industry == trade


def test_a_filler_word_is_no_part_of_the_name():
    said = "Firmanavn er forresten Grønn Kant AS, hagevedlikehold er ikke navnet vårt."
    assert read_message(said, "nb", TODAY).business_name == "Grønn Kant AS"


@pytest.mark.parametrize(
    ("text", "language", "staff"),
    [
        ("У меня фитнес-студия в Екатеринбурге. Зал один, на 16 человек.", "ru", None),
        ("Дневные слоты пустые, в среднем 5 человек из 16. Хочу хотя бы 9.", "ru", None),
        ("We have a studio with room for 20 people and 4 instructors.", "en", 4),
    ],
)
def test_room_for_people_and_a_share_of_them_are_no_staff(text, language, staff):
    assert read_message(text, language, TODAY).staff == staff
