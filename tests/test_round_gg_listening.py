"""Owner round 08gg: what owners who had not read the code tripped on, as behaviour."""

from __future__ import annotations

from datetime import date

import pytest
from chat_helpers import at_roadmap, talk

from assistant.coaching.definitions import definition
from assistant.coaching.plan_answers import plan_question
from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.understanding import cues
from assistant.understanding.reader import read

TODAY = date(2026, 12, 8)
CLINIC = [
    "Hi, I'm Aoife, I run Step Right, a podiatry clinic in Galway. Three podiatrists and a "
    "receptionist, about €610k turnover.",
]


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("round_gg_l")), today=lambda: TODAY)


@pytest.mark.parametrize(
    ("message", "language", "aims"),
    [
        (
            "Website visits I don't know.\n\nHere's what I want to achieve:\n"
            "- Missed appointments down from 8 % to 3 % by June 2027\n"
            "- Patient records moved to a cloud system with backup, done by 1 September 2027\n"
            "- Online bookings from 40 % to 70 % by end of 2027",
            "en",
            3,
        ),
        (
            "Besök på hemsidan vet jag inte.\n\nDet här hoppas vi nå:\n"
            "- Uteblivna besök ner från 8 % till 3 % till juni 2027\n"
            "- Journalerna flyttade till ett molnsystem med backup, klart 1 september 2027\n"
            "- Onlinebokningar från 40 % till 70 % till årsskiftet",
            "sv",
            3,
        ),
    ],
)
def test_a_list_under_a_wish_header_is_every_aim_and_nothing_before_it(message, language, aims):
    reading = read(message, language, TODAY)
    assert len(reading.objectives) == aims
    assert all("vet jag inte" not in o.span.text for o in reading.objectives)
    assert all("don't know" not in o.span.text for o in reading.objectives)


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("One question: is it legal to keep patient records in the cloud? Thinking GDPR.", "en"),
        ("En fråga: är det lagligt att ha journaler i molnet? Tänker GDPR och patientdata.", "sv"),
    ],
)
def test_what_a_question_is_thinking_of_is_no_answer_about_today(message, language):
    assert not [m for m in read(message, language, TODAY).maturity if m.topic == "security_gdpr"]


@pytest.mark.parametrize(
    ("message", "language", "label"),
    [
        (
            'Wait, you wrote "Security and privacy routines: yes" – we don\'t have that.',
            "en",
            "Security and privacy routines",
        ),
        (
            'Men vänta, du skrev "Säkerhets- och integritetsrutiner: ja" – det har vi inte.',
            "sv",
            "Säkerhets- och integritetsrutiner",
        ),
    ],
)
def test_a_note_quoted_back_and_denied_is_turned_the_other_way(service, message, language, label):
    sid = f"gg-denied-{language}"
    talk(service, sid, [*CLINIC, "We have written security routines for patient data."], "en")
    service.session(sid).language = language
    reply = talk(service, sid, [message], language)
    assert service.session(sid).maturity_answers.get("d_security_gdpr") == "no"
    assert f"{label} → " not in reply or f"{label} → ja" not in reply


def test_a_milestone_aim_is_never_asked_for_todays_value_or_a_level(service):
    sid = "gg-milestone"
    reply = talk(
        service,
        sid,
        [
            *CLINIC,
            "Goals:\n- Patient records moved to a cloud record system with backup, done by "
            "1 September 2027\n- Missed appointments down from 8 % to 3 % by June 2027",
        ],
    )
    state = service.session(sid)
    milestone = next(i for i, c in enumerate(state.candidates) if "cloud" in c.text)
    assert state.pending is None or state.pending.candidate != milestone, reply
    assert "today's value" not in reply.lower() or "records" not in reply.lower()


def test_adding_a_milestone_the_plan_already_holds_confirms_it_rather_than_adding_it_twice(
    service,
):
    sid = "gg-milestone-twice"
    talk(
        service,
        sid,
        [
            *CLINIC,
            "Goals:\n- Patient records moved to a cloud record system with backup, done by "
            "1 September 2027\n- Missed appointments down from 8 % to 3 % by June 2027",
        ],
    )
    before = len(service.session(sid).candidates)
    talk(
        service,
        sid,
        ["Add a goal: patient records in a cloud record system with backup by 1 September 2027."],
    )
    assert len(service.session(sid).candidates) == before


LOCKSMITH = (
    "Hei, jeg heter Geir og driver Solbakken Lås & Nøkkel AS i Trondheim, låsesmed med "
    "døgnvakt og adgangskontroll for borettslag. 4 ansatte, omsetning 6,8 mill. Nettside på "
    "Wix, Facebook-side, jobber via Mittanbud. Mål: flere Google-anmeldelser fra 14 til 60 "
    "innen 1. juni 2027; serviceavtaler på adgangskontroll fra 9 til 25 innen utgangen av "
    "2027; få ned Mittanbud fra 30 % til 10 % av oppdragene innen utgangen av 2027."
)


@pytest.mark.parametrize(
    "order",
    [
        'Ok takk. Steg {n} heter feil. Gi det navnet "Egen side for styrene i borettslag".',
        'Steg {n} - endre navnet til "Egen side for styrene i borettslag".',
    ],
)
def test_a_step_renamed_in_plain_norwegian_takes_the_name_and_the_plan_stays_open(service, order):
    sid = f"gg-rename-{abs(hash(order))}"
    at_roadmap(service, sid, [LOCKSMITH], "nb")
    talk(service, sid, [order.format(n=2)], "nb")
    state = service.session(sid)
    assert state.plan.roadmap[1].title == "Egen side for styrene i borettslag"
    assert state.stage != "done"  # the rename is no request for the final summary


def test_a_quoted_step_name_with_a_colon_is_kept_whole_and_names_no_business(service):
    brief = (
        "Hej, jag äger Nordins Glas AB i Gävle, glasmästeri. 7 anställda. Mål: andel vunna "
        "offerter från 30 % till 45 % till slutet av 2027; webbförfrågningar från 10 till 30 "
        "i månaden senast 30 september 2027."
    )
    sid = "gg-rename-colon"
    at_roadmap(service, sid, [brief], "sv")
    name = "Få fler offerter: uppföljning efter 3 dagar"
    talk(service, sid, [f'Byt namn på steg 1 till "{name}".'], "sv")
    state = service.session(sid)
    assert state.plan.roadmap[0].title == name
    assert state.plan.profile.business_name == "Nordins Glas AB"


@pytest.mark.parametrize(
    ("said", "language"),
    [("OK. Kör färdplanen.", "sv"), ("Ja, målene nå takk.", "nb"), ("Run the roadmap.", "en")],
)
def test_asking_for_the_next_draft_in_plain_words_goes_ahead(said, language):
    assert cues.search("go_ahead", language, said) is not None


BOOKSHOP = (
    "We're Marlowe Books, an independent bookshop in Bath with a Shopify store since 2020, "
    "6 staff, £780k turnover. Goals: online share of sales from 12% to 20% by end of 2027; "
    "subscription box subscribers from 0 to 150 by December 2027; newsletter from 2,300 to "
    "4,000 subscribers by September 2027."
)


def test_a_set_up_answer_fixed_at_the_roadmap_is_kept_said_back_and_names_no_goal(service):
    sid = "gg-backup-late"
    at_roadmap(service, sid, [BOOKSHOP], "en")
    names = [g.statement for g in service.session(sid).plan.goals]
    reply = talk(
        service,
        sid,
        ["backups aren't really yes, it's one external drive Tom plugs in. Call it partly."],
    )
    state = service.session(sid)
    assert state.maturity_answers.get("d_backup") == "partial"
    assert "partly" in reply.lower()
    assert [g.statement for g in state.plan.goals] == names  # no goal renamed "partly"


def test_bringing_a_step_back_to_a_lane_moves_the_step_just_spoken_of(service):
    sid = "gg-back-to-now"
    brief = (
        "Мы сервис по ремонту бытовой техники в Екатеринбурге, 6 мастеров. Цели: повторные "
        "обращения с 10 % до 25 % к концу 2027 года; заявки с сайта с 20 до 60 в месяц к "
        "сентябрю 2027 года."
    )
    at_roadmap(service, sid, [brief], "ru")
    before = len(service.session(sid).plan.roadmap)
    moved = service.session(sid).plan.roadmap[1]
    talk(service, sid, ["Перенесите шаг 2 в «Далее».", "Верните в «Сейчас»."], "ru")
    roadmap = service.session(sid).plan.roadmap
    assert len(roadmap) == before and all(i.title != "Сейчас" for i in roadmap)
    assert next(i for i in roadmap if i.id == moved.id).horizon == "short"


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("Can a 4-person firm really do 3 things in Now in three months?", "en"),
        ("Kan ett företag med 4 personer verkligen göra 3 saker i Nu på tre månader?", "sv"),
        ("Er ikke dette for mye på en gang for tre måneder?", "nb"),
        ("Мы вчетвером правда потянем три шага за три месяца?", "ru"),
    ],
)
def test_whether_the_team_can_carry_the_now_lane_is_answered_from_the_plan(said, language):
    assert plan_question(said, language) == "fits_budget"


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("And we've got way more than 6 active customers, 6 is just the contracts.", "en"),
        ("Vi har mye flere enn 6 kunder, 6 er bare serviceavtalene.", "nb"),
        ("Vi har betydligt fler än 6 kunder, 6 är bara avtalen.", "sv"),
    ],
)
def test_more_than_a_figure_is_a_comparison_not_an_aim(said, language):
    assert read(said, language, TODAY).objectives == []


def test_a_trade_said_as_the_customers_of_the_business_is_not_its_trade():
    said = (
        "I run Hollis Locks & Security in Sheffield, 4 of us. Emergency lockouts, lock "
        "upgrades, a bit of access control and CCTV for small shops and offices."
    )
    found = [p for p in read(said, "en", TODAY).profile if p.field == "industry"]
    assert not found or "shop" not in found[0].value.lower()


def _industry(said: str, language: str) -> str | None:
    found = [p for p in read(said, language, TODAY).profile if p.field == "industry"]
    return str(found[0].value).lower() if found else None


@pytest.mark.parametrize(
    ("said", "language", "trade"),
    [
        (
            "Jeg driver Solheim Varme AS i Sandnes, vi monterer og servicer varmepumper.",
            "nb",
            "varmepump",
        ),
        (
            "Nei nei, vi driver ikke med regnskap! Vi er varmepumpefirma, montering og service.",
            "nb",
            "varmepump",
        ),
        (
            "Men för tredje gången: vi är en brädspelsbutik (med café), inte ett café.",
            "sv",
            "brädspelsbutik",
        ),
    ],
)
def test_the_trade_is_what_the_owner_says_they_are(said, language, trade):
    assert trade in (_industry(said, language) or "")


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("Hei, jeg driver Solheim Varme AS i Sandnes. Regnskap og faktura i Tripletex.", "nb"),
        ("Hi, I run Hollis Heating in Leeds, 5 of us. Accounting and invoices in Xero.", "en"),
    ],
)
def test_the_books_kept_in_a_tool_are_no_trade(said, language):
    assert _industry(said, language) not in ("regnskap", "accounting")


def test_where_someone_lives_is_no_market():
    said = "Kompetanse: nja. Nevøen kan litt wordpress men han bor i Oslo nå."
    assert not [p for p in read(said, "nb", TODAY).profile if p.field == "location"]


@pytest.mark.parametrize(
    "said",
    [
        "Вот теперь да. Давайте итоговую сводку, покажу её бухгалтеру.",
        'Я же написал "да". Итог, пожалуйста.',
    ],
)
def test_a_yes_with_a_request_for_the_summary_is_an_approval(said):
    assert read(said, "ru", TODAY).intent == "approval"


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("Wheel classes (6-week courses and one-off tasters). About 6k visits a month.", "en"),
        ("Vi har 6-ukers kurs og rundt 6000 besøk på nettsiden i måneden.", "nb"),
    ],
)
def test_a_number_joined_to_a_length_of_time_is_no_figure(said, language):
    visits = [m for m in read(said, language, TODAY).metrics if m.kpi == "website_visits"]
    assert [m.amount.value for m in visits] == [6000]


def test_a_goal_changed_after_the_summary_is_shown_as_it_stands_not_as_a_new_draft(service):
    sid = "gg-after-summary"
    at_roadmap(service, sid, [BOOKSHOP], "en")
    talk(service, sid, ["yes"])
    assert service.session(sid).stage == "done"
    reply = talk(service, sid, ["Goal 3 target should be 5,000, not 4,000."])
    assert "5 000" in reply or "5,000" in reply
    assert "draft the roadmap" not in reply and "draft SMART goals" not in reply
    assert "summary" in reply.lower()


def test_words_taken_out_of_a_goal_never_delete_the_goal(service):
    sid = "gg-words-out"
    brief = (
        "Мы семейная сыроварня в Подмосковье, 5 человек, выручка 14 млн рублей. Цели: продажи "
        "через свой сайт с 20 % до 35 % выручки к концу 2027 года; 30 ресторанов-клиентов к "
        "декабрю 2027 года; списание сыра с 8 % до 4 % к концу 2027 года."
    )
    at_roadmap(service, sid, [brief], "ru")
    before = len(service.session(sid).plan.goals)
    talk(service, sid, ['в цели 3 уберите "накладные на закупку"'], "ru")
    assert len(service.session(sid).plan.goals) == before == 3


def test_a_budget_question_about_the_now_lane_is_answered_from_the_plan():
    assert plan_question("roughly what budget should I put aside for the Now steps?", "en")


@pytest.mark.parametrize(
    ("question", "language", "says"),
    [
        ("Hva er DMA?", "nb", "Digital Maturity Assessment"),
        ("Vad betyder DMA:n?", "sv", "Digital Maturity Assessment"),
        ("what is the DMA?", "en", "Digital Maturity Assessment"),
    ],
)
def test_the_coachs_own_abbreviation_is_explained(question, language, says):
    assert says in (definition(question, language) or "")
