"""The curated KPI/initiative catalogue and the maturity question bank: complete, consistent,
scored the DMA way, and able to read an owner's plain answers in en, nb, sv and ru."""

from __future__ import annotations

import copy
from collections import Counter
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from assistant.coaching import plan
from assistant.coaching.catalogue import (
    INITIATIVES_PATH,
    KPI_CATALOGUE_PATH,
    MATURITY_QUESTIONS_PATH,
    KpiCatalogue,
    MaturityBank,
    load_kpi_catalogue,
    load_maturity_questions,
)
from assistant.coaching.proposals import COUNTED
from assistant.knowledge.languages import analyze

LANGUAGES = ("en", "nb", "sv", "ru")
CATEGORIES = plan.ObjectiveCategory.__args__
HORIZON_ORDER = {"short": 0, "medium": 1, "long": 2}


@pytest.fixture(scope="module")
def catalogue() -> KpiCatalogue:
    return load_kpi_catalogue()


@pytest.fixture(scope="module")
def bank() -> MaturityBank:
    return load_maturity_questions()


def _raw_catalogue() -> dict[str, Any]:
    """The KPIs and the initiatives, as the loader joins them from their two files."""
    return {**_raw(KPI_CATALOGUE_PATH), **_raw(INITIATIVES_PATH)}


def _raw(path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _localized_blocks(node: Any, where: str = "") -> list[tuple[str, dict]]:
    """Every mapping in a YAML tree that holds any language key, with its location."""
    found = []
    if isinstance(node, dict):
        if set(node) & set(LANGUAGES):
            found.append((where, node))
        for key, value in node.items():
            found += _localized_blocks(value, f"{where}/{key}")
    elif isinstance(node, list):
        for n, item in enumerate(node):
            label = item.get("id", n) if isinstance(item, dict) else n
            found += _localized_blocks(item, f"{where}[{label}]")
    return found


# ------------------------------------------------------------------------ files and contents
def test_both_files_load_once_and_validate(catalogue, bank):
    assert load_kpi_catalogue() is catalogue  # cached: read once
    assert load_maturity_questions() is bank
    fresh_catalogue = KpiCatalogue.model_validate(_raw_catalogue())
    assert fresh_catalogue.model_dump() == catalogue.model_dump()
    assert (
        MaturityBank.model_validate(_raw(MATURITY_QUESTIONS_PATH)).model_dump() == bank.model_dump()
    )


@pytest.mark.parametrize(
    "path",
    [KPI_CATALOGUE_PATH, INITIATIVES_PATH, MATURITY_QUESTIONS_PATH],
    ids=["kpi", "initiatives", "mq"],
)
def test_every_text_is_in_all_four_languages(path):
    blocks = _localized_blocks(_raw(path))
    assert len(blocks) > 50
    for where, block in blocks:
        assert set(block) == set(LANGUAGES), where
        for language, value in block.items():
            assert value, f"{where}.{language} is empty"
            if isinstance(value, list):
                assert all(isinstance(v, str) and v.strip() for v in value), where


def test_translated_resource_lists_have_the_same_items(catalogue):
    for item in catalogue.initiatives:
        lengths = {len(item.resources.get(language)) for language in LANGUAGES}
        assert len(lengths) == 1 and 1 <= lengths.pop() <= 3, item.id


def test_ids_are_unique_everywhere(catalogue, bank):
    ids = [k.id for k in catalogue.kpis] + [i.id for i in catalogue.initiatives]
    ids += [q.id for q in bank.questions] + [g.id for g in bank.interview_groups]
    assert not [key for key, count in Counter(ids).items() if count > 1]
    for question in bank.questions:
        assert len({o.id for o in question.options}) == len(question.options)


def test_a_repeated_id_is_rejected_on_load():
    raw = _raw_catalogue()
    raw["kpis"].append(copy.deepcopy(raw["kpis"][0]))
    with pytest.raises(ValidationError, match="unique"):
        KpiCatalogue.model_validate(raw)
    raw = _raw(MATURITY_QUESTIONS_PATH)
    raw["questions"].append(copy.deepcopy(raw["questions"][0]))
    with pytest.raises(ValidationError, match="unique"):
        MaturityBank.model_validate(raw)


def test_references_resolve(catalogue, bank):
    kpi_ids = {k.id for k in catalogue.kpis}
    initiative_ids = {i.id for i in catalogue.initiatives}
    for item in catalogue.initiatives:
        assert item.kpis and set(item.kpis) <= kpi_ids, item.id
        assert set(item.depends_on) <= initiative_ids - {item.id}, item.id
    question_ids = {q.id for q in bank.questions}
    for group in bank.interview_groups:
        assert set(group.question_ids) <= question_ids, group.id


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("kpis", ["no_such_kpi"], "unknown ids"), ("depends_on", ["no_such_step"], "unknown ids")],
)
def test_broken_references_are_rejected_on_load(field, value, message):
    raw = _raw_catalogue()
    raw["initiatives"][0][field] = value
    with pytest.raises(ValidationError, match=message):
        KpiCatalogue.model_validate(raw)


def test_circular_dependencies_are_rejected_on_load():
    raw = _raw_catalogue()
    first, second = raw["initiatives"][0], raw["initiatives"][1]
    first["depends_on"], second["depends_on"] = [second["id"]], [first["id"]]
    with pytest.raises(ValidationError, match="circle"):
        KpiCatalogue.model_validate(raw)


def test_a_dependency_never_comes_in_a_later_horizon(catalogue):
    by_id = {i.id: i for i in catalogue.initiatives}
    for item in catalogue.initiatives:
        for dependency in item.depends_on:
            assert HORIZON_ORDER[by_id[dependency].horizon] <= HORIZON_ORDER[item.horizon], (
                f"{item.id} ({item.horizon}) waits for {dependency} ({by_id[dependency].horizon})"
            )


@pytest.mark.parametrize("category", CATEGORIES)
def test_each_category_has_leading_and_lagging_kpis_and_a_spread_of_initiatives(
    catalogue, category
):
    kpis = catalogue.kpis_for(category)
    initiatives = catalogue.initiatives_for(category)
    assert len(kpis) >= 4  # each kind of aim can be measured several ways ...
    assert {k.kind for k in kpis} == {"leading", "lagging"}
    assert len(initiatives) >= 5  # ... and served by initiatives for many kinds of business
    assert len({i.horizon for i in initiatives}) >= 2
    assert all(category in k.categories for k in kpis)


def test_catalogue_covers_all_horizons_and_the_foundations(catalogue):
    assert {i.horizon for i in catalogue.initiatives} == {"short", "medium", "long"}
    foundations = [i for i in catalogue.initiatives if i.foundation]
    assert len(foundations) >= 4
    assert {i.dimension for i in foundations} >= {"strategy", "readiness", "human_centric"}
    measuring = {"data_security"} & {i.dimension for i in foundations}
    assert measuring, "a foundation step must set up measurement (baselines, analytics)"
    assert all(i.horizon in ("short", "medium") for i in foundations)


def test_revenue_kpis_follow_the_articles(catalogue):
    revenue = {k.id: k for k in catalogue.kpis_for("revenue_growth")}
    assert {"online_revenue_share", "active_customers", "b2b_revenue_share"} <= set(revenue)
    assert revenue["conversion_rate"].kind == "leading"
    assert "average_order_value" in revenue  # the guardrail for a conversion rate


def test_brand_reach_is_paired_with_a_business_outcome(catalogue):
    brand = catalogue.kpis_for("brand_awareness")
    assert {k.unit for k in brand} & {"visits"}, "reach is measured"
    assert {k.unit for k in brand} & {"leads", "customers", "currency"}, "and so is the outcome"
    vanity = [k for k in brand if "follower" in k.id or "like" in k.id]
    assert all(k.kind == "leading" for k in vanity)  # reach, never counted as the outcome


def test_typical_changes_are_prudent(catalogue):
    for kpi in catalogue.kpis:
        change = kpi.typical_change
        if change.per_year_points is not None:  # points of a share, or things counted
            shares = kpi.unit in ("%", "score") and change.per_year_points <= 20
            counted = kpi.unit in COUNTED and change.per_year_points <= 30  # 9 → 33 reviews
            assert shares or counted, kpi.id
        else:
            assert 0 < change.per_year_relative <= 0.3, kpi.id


def test_kpi_lookup(catalogue):
    first = catalogue.kpis[0]
    assert catalogue.kpi(first.id) is first
    with pytest.raises(KeyError):
        catalogue.kpi("followers_count")


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_entries_map_onto_the_plan_types(catalogue, language):
    for spec in catalogue.kpis:
        kpi = plan.Kpi(
            name=spec.name.get(language),
            definition=spec.definition.get(language),
            unit="NOK" if spec.unit == "currency" else spec.unit,
            direction=spec.direction,
            kind=spec.kind,
            source=spec.source.get(language),
            cadence=spec.cadence,
        )
        assert kpi.cadence in ("weekly", "monthly", "quarterly")
    roadmap = [
        plan.Initiative(
            id=item.id,
            title=item.title.get(language),
            description=item.description.get(language),
            horizon=item.horizon,
            impact=item.impact,
            feasibility=item.feasibility,
            resources=item.resources.get(language),
            depends_on=item.depends_on,
        )
        for item in catalogue.initiatives
    ]
    built = plan.StrategyPlan(language=language, roadmap=roadmap)
    assert {i.priority for i in built.roadmap} >= {"high", "medium"}


def test_keywords_and_cues_are_more_than_stop_words(catalogue, bank):
    for language in LANGUAGES:
        bank.find_answers("", language)  # compiles every cue; raises on a stop-word-only cue
        for kpi in catalogue.kpis:
            for term in kpi.keywords.get(language):
                content = [w for w in term.split() if w.endswith("*") or analyze(w, language)]
                assert content, f"{kpi.id} keyword {term!r} ({language}) is only stop words"


def _as_text(term: str) -> str:
    """A keyword or cue written out as plain words ("visit* + instagram*" -> "visit instagram")."""
    return term.replace(" + ", " ").replace("*", "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kpi_keyword_finds_its_kpi(catalogue, language):
    for kpi in catalogue.kpis:
        for keyword in kpi.keywords.get(language):
            assert kpi.id in catalogue.find_kpis(_as_text(keyword), language), (kpi.id, keyword)


@pytest.mark.parametrize(
    ("language", "text", "kpi_id"),
    [
        ("en", "Online sales are 15% of revenue.", "online_revenue_share"),
        ("en", "Customers pay after 40 days on average.", "days_to_payment"),
        (
            "en",
            "Cut the time spent on invoicing from 20 to 8 hours a month.",
            "admin_hours_per_week",
        ),
        ("nb", "Vi har rundt 2000 kunder.", "active_customers"),
        ("nb", "Nettbutikken står for 15 % av omsetningen.", "online_revenue_share"),
        ("sv", "Vi får cirka 4000 besök på webbplatsen i månaden.", "website_visits"),
        ("sv", "Kunderna betalar i snitt efter 35 dagar.", "days_to_payment"),
        ("ru", "Средний чек около 800 рублей.", "average_order_value"),
        ("ru", "Получаем 30 заявок в месяц.", "leads_from_marketing"),
    ],
)
def test_an_owners_words_point_to_the_right_kpi(catalogue, language, text, kpi_id):
    assert catalogue.find_kpis(text, language)[0] == kpi_id


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We have 2,500 followers on Instagram."),
        ("nb", "Vi har 2500 følgere på Instagram."),
        ("sv", "Vi har 2500 följare på Instagram."),
        ("ru", "У нас 2500 подписчиков в Инстаграме."),
    ],
)
def test_a_follower_count_is_not_taken_for_a_kpi(catalogue, language, text):
    assert catalogue.find_kpis(text, language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_maturity_cue_gives_the_answer_it_stands_for(bank, language):
    scale = {"yes": 4, "partial": 2, "no": 0}
    for question in bank.questions:
        for polarity, terms in question.cues.items():
            for cue in terms.get(language):
                found = bank.find_answers(_as_text(cue), language).get(question.id)
                if question.kind == "yes_partial_no":
                    assert found == polarity, (question.id, cue, found)
                elif question.kind == "scale_0_5":
                    assert found == scale[polarity], (question.id, cue, found)
                elif polarity == "no":
                    assert found == [], (question.id, cue, found)
        for option in question.options:
            for cue in option.cues.get(language):
                found = bank.find_answers(_as_text(cue), language).get(question.id)
                assert found and option.id in found, (question.id, option.id, cue, found)


def test_question_bank_shape(bank):
    per_dimension = Counter(q.dimension for q in bank.questions)
    assert set(per_dimension) == set(plan.DIMENSION_NAMES)
    assert all(3 <= count <= 5 for count in per_dimension.values()), per_dimension
    assert {q.kind for q in bank.questions} == {"yes_partial_no", "scale_0_5", "checklist"}
    assert 3 <= len(bank.interview_groups) <= 4
    grouped = [qid for group in bank.interview_groups for qid in group.question_ids]
    assert len(grouped) == len(set(grouped))
    assert any(group.optional for group in bank.interview_groups)


# ---------------------------------------------------------------------------------- scoring
def _ids(bank: MaturityBank, dimension: str, kind: str = "yes_partial_no") -> list[str]:
    return [q.id for q in bank.questions if q.dimension == dimension and q.kind == kind]


def test_yes_partial_no_are_one_half_zero(bank):
    first, second, third = _ids(bank, "strategy")[:3]
    score = bank.score({first: "yes", second: "partial", third: "no"})["strategy"]
    assert score.score == pytest.approx(50.0)
    assert score.answered_share == 1.0 and not score.provisional
    assert score.band == "average"


def test_scale_is_value_over_five_and_checklist_is_share_ticked(bank):
    scale = next(q for q in bank.questions if q.kind == "scale_0_5")
    checklist = next(q for q in bank.questions if q.kind == "checklist")
    assert bank.score({scale.id: 3})[scale.dimension].score == pytest.approx(60.0)
    half = [o.id for o in checklist.options][: len(checklist.options) // 2]
    expected = 100 * len(half) / len(checklist.options)
    assert bank.score({checklist.id: half})[checklist.dimension].score == pytest.approx(expected)
    assert bank.score({checklist.id: []})[checklist.dimension].score == 0.0


def test_unknown_is_left_out_not_counted_as_zero(bank):
    first, second, third = _ids(bank, "human_centric")[:3]
    score = bank.score({first: "yes", second: "unknown", third: "unknown"})["human_centric"]
    assert score.score == pytest.approx(100.0)
    assert score.answered_share == pytest.approx(1 / 3)
    assert score.provisional  # fewer than half of its questions answered


def test_a_dimension_with_nothing_answered_has_no_score(bank):
    first = _ids(bank, "green")[0]
    scores = bank.score({first: "unknown"})
    assert set(scores) == set(plan.DIMENSION_NAMES)
    for state in scores.values():
        assert state.score is None and state.band is None and not state.provisional


@pytest.mark.parametrize(
    ("answers", "band"),
    [
        (("partial", "no"), "basic"),
        (("yes", "no"), "average"),
        (("yes", "partial"), "moderately_advanced"),
        (("yes", "yes"), "advanced"),
    ],
)
def test_bands_follow_the_dma_cut_offs(bank, answers, band):
    ids = _ids(bank, "strategy")
    score = bank.score(dict(zip(ids, answers, strict=False)))["strategy"]
    assert score.band == band
    assert score.provisional is (len(answers) / len(ids) < plan.PROVISIONAL_BELOW)


@pytest.mark.parametrize(
    "answers",
    [{"no_such_question": "yes"}, {"r_website": "maybe"}, {"r_website": 1}],
)
def test_malformed_answers_are_refused(bank, answers):
    with pytest.raises(ValueError):
        bank.score(answers)


def test_malformed_scale_and_checklist_answers_are_refused(bank):
    scale = next(q for q in bank.questions if q.kind == "scale_0_5")
    checklist = next(q for q in bank.questions if q.kind == "checklist")
    for bad in ({scale.id: 6}, {scale.id: True}, {checklist.id: ["carrier_pigeon"]}):
        with pytest.raises(ValueError):
            bank.score(bad)


def test_scores_drop_straight_into_the_plan(bank):
    answers = {"r_website": "yes", "r_webshop": "no", "d_backup": "unknown", "a_ai_use": 2}
    maturity = plan.Maturity(**bank.score(answers))
    again = plan.Maturity.model_validate(maturity.model_dump())
    assert again.readiness.score == maturity.readiness.score == pytest.approx(50.0)
    assert again.data_security.score is None


def test_overall_is_the_mean_and_the_dma_comparable_score_counts_unanswered_as_zero(bank):
    """Worked by hand: strategy (3 questions) yes + partial = 75 over the answers given,
    50 over all three; readiness (4 questions) yes + no = 50 over the answers, 25 over all
    four; the four other dimensions are unanswered. Overall = mean(75, 50) = 62.5;
    DMA-comparable = (50 + 25 + 0 + 0 + 0 + 0) / 6 = 12.5, in the DMA's lowest band."""
    strategy, readiness = _ids(bank, "strategy"), _ids(bank, "readiness")
    in_all = Counter(q.dimension for q in bank.questions)
    assert (in_all["strategy"], in_all["readiness"]) == (3, 4)
    answers = {strategy[0]: "yes", strategy[1]: "partial"}
    answers |= {readiness[0]: "yes", readiness[1]: "no"}
    maturity = plan.Maturity(**bank.score(answers))
    assert maturity.strategy.dma_score == pytest.approx(50.0)
    assert maturity.readiness.dma_score == pytest.approx(25.0)
    assert maturity.overall == pytest.approx(62.5)
    assert maturity.overall_band == "moderately_advanced" and not maturity.overall_complete
    assert maturity.dma_overall == pytest.approx(12.5) and maturity.dma_band == "basic"


def test_a_fully_answered_assessment_scores_the_same_both_ways(bank):
    answers = {q.id: "yes" if q.kind == "yes_partial_no" else None for q in bank.questions}
    answers = {k: v for k, v in answers.items() if v is not None}
    answers |= {q.id: 5 for q in bank.questions if q.kind == "scale_0_5"}
    answers |= {q.id: [o.id for o in q.options] for q in bank.questions if q.kind == "checklist"}
    maturity = plan.Maturity(**bank.score(answers))
    assert maturity.overall == maturity.dma_overall == pytest.approx(100.0)
    assert maturity.overall_complete


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I assume GDPR is covered by the software company"),
        ("nb", "GDPR er antakelig i orden hos leverandøren"),
        ("sv", "GDPR sköts förmodligen av leverantören"),
        ("ru", "с GDPR у поставщика наверное всё в порядке"),
    ],
)
def test_a_hedged_answer_is_not_a_yes(bank, language, text):
    assert bank.find_answers(text, language).get("d_security_gdpr") == "partial"


# ---------------------------------------------------------------------- reading free answers
WEBSITE_WEBSHOP_NO_CRM = [
    ("en", "We have a website and a Shopify webshop but no CRM"),
    ("nb", "Vi har en nettside og en nettbutikk på Shopify, men ikke noe CRM."),
    ("sv", "Vi har en hemsida och en webbutik i Shopify men inget CRM."),
    ("ru", "У нас есть сайт и интернет-магазин на Shopify, но нет CRM."),
]


@pytest.mark.parametrize(("language", "text"), WEBSITE_WEBSHOP_NO_CRM)
def test_typical_answer_is_read_with_its_negation(bank, language, text):
    answers = bank.find_answers(text, language)
    assert answers == {"r_website": "yes", "r_webshop": "yes", "r_crm": "no"}


@pytest.mark.parametrize(
    ("language", "text", "question", "expected"),
    [
        ("en", "We don't have a CRM.", "r_crm", "no"),
        ("en", "Honestly we have never had a proper website", "r_website", "no"),
        ("nb", "Vi har ikke nettbutikk.", "r_webshop", "no"),
        ("nb", "Nettbutikk har vi ikke.", "r_webshop", "no"),
        ("sv", "Vi har ingen webbutik.", "r_webshop", "no"),
        ("sv", "Vi använder inte Google Analytics.", "d_analytics", "no"),
        ("ru", "У нас нет CRM.", "r_crm", "no"),
        ("ru", "Сайта нет.", "r_website", "no"),
        ("ru", "У нас нет ни сайта, ни интернет-магазина.", "r_webshop", "no"),
    ],
)
def test_negation_near_a_cue_means_no(bank, language, text, question, expected):
    assert bank.find_answers(text, language)[question] == expected


@pytest.mark.parametrize(
    ("language", "text", "question"),
    [
        ("en", "Both our websites are on WordPress.", "r_website"),
        ("nb", "Nettbutikken vår selger mest om høsten.", "r_webshop"),
        ("sv", "Webbutiken startade vi 2021.", "r_webshop"),
        ("ru", "Заказы приходят через наш интернет-магазин.", "r_webshop"),
        ("ru", "Данные клиентов ведём в CRM-системе Битрикс24.", "r_crm"),
        ("nb", "Vi tar sikkerhetskopier hver natt.", "d_backup"),
    ],
)
def test_inflected_words_are_recognised(bank, language, text, question):
    assert bank.find_answers(text, language)[question] == "yes"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I don't know if we have backups."),
        ("nb", "Vet ikke om vi har backup."),
        ("sv", "Jag vet inte om vi har backup."),
        ("ru", "Не знаю, есть ли резервное копирование."),
        ("ru", "Есть ли резервное копирование, честно говоря, не знаю."),
        ("nb", "Om vi har backup, vet jeg faktisk ikke."),
        ("sv", "Backup, det vet jag faktiskt inte."),
    ],
)
def test_dont_know_is_unknown_and_not_scored(bank, language, text):
    answers = bank.find_answers(text, language)
    assert answers == {"d_backup": "unknown"}
    assert bank.score(answers)["data_security"].score is None


def test_dont_know_stays_inside_its_sentence(bank):
    text = "Honestly, I don't know. Invoicing is manual and we back up our files to the cloud."
    answers = bank.find_answers(text, "en")
    assert answers["d_backup"] == "yes"
    assert answers["a_routine_automation"] == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Our website is outdated and we are planning a webshop.", ("partial", "no")),
        ("nb", "Nettsiden er utdatert, og vi planlegger en nettbutikk.", ("partial", "no")),
        ("sv", "Hemsidan är föråldrad och vi planerar en webbutik.", ("partial", "no")),
        ("ru", "Сайт устаревший, а интернет-магазин планируем.", ("partial", "no")),
    ],
)
def test_partial_and_not_yet_words(bank, language, text, expected):
    answers = bank.find_answers(text, language)
    assert (answers["r_website"], answers["r_webshop"]) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We don't have a CRM, customers are in an Excel sheet."),
        ("nb", "Kundene ligger i et regneark."),
        ("sv", "Kunderna finns i Excel."),
        ("ru", "Клиенты записаны в таблице Excel."),
    ],
)
def test_a_customer_spreadsheet_is_a_partial_crm(bank, language, text):
    assert bank.find_answers(text, language)["r_crm"] == "partial"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We post on Instagram and send a monthly newsletter. No SEO."),
        ("nb", "Vi bruker Instagram og sender nyhetsbrev, men ikke SEO."),
        ("sv", "Vi är på Instagram och skickar nyhetsbrev, men ingen SEO."),
        ("ru", "Ведём Инстаграм и делаем рассылку, SEO не занимаемся."),
    ],
)
def test_checklist_ticks_the_channels_mentioned(bank, language, text):
    assert bank.find_answers(text, language)["r_channels"] == ["social_media", "email_newsletter"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We sign with e-signatures, but we still keep a paper archive."),
        ("nb", "Vi bruker e-signering, men har fortsatt papirarkiv."),
        ("sv", "Vi använder e-signering, men har kvar ett pappersarkiv."),
        ("ru", "Пользуемся электронной подписью, но бумажный архив остался."),
    ],
)
def test_mixed_evidence_reads_as_partial(bank, language, text):
    assert bank.find_answers(text, language)["g_paperless"] == "partial"


def test_a_negated_channel_in_a_later_message_does_not_wipe_earlier_ticks(bank):
    first = bank.find_answers("Ведём группу ВКонтакте, иногда реклама в Яндекс Директе.", "ru")
    later = bank.find_answers("Email-рассылки не делаем. KPI по маркетингу не отслеживаем.", "ru")
    assert first["r_channels"] == ["social_media", "search"]
    merged = bank.merge(first, later)
    assert merged["r_channels"] == ["social_media", "search"]
    assert merged["d_analytics"] == "no"


def test_merge_keeps_known_answers_and_lets_later_ones_win(bank):
    earlier = {"d_backup": "yes", "r_crm": "no", "a_ai_use": 1}
    later = {"d_backup": "unknown", "r_crm": "partial", "s_budget": "unknown"}
    merged = bank.merge(earlier, later)
    assert merged == {"d_backup": "yes", "r_crm": "partial", "a_ai_use": 1, "s_budget": "unknown"}
    assert bank.merge({}, {}) == {}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nb", "Vi vil ha flere kurs- og konferansegjester utenom sesongen."),
        ("sv", "Vi säljer kurser i svetsning till industrin."),
        ("ru", "Курс рубля сильно влияет на наши закупки."),
        ("en", "We run cooking courses for tourists."),
    ],
)
def test_courses_sold_to_customers_are_not_staff_training(bank, catalogue, language, text):
    assert "h_training" not in bank.find_answers(text, language)
    assert "staff_trained_share" not in catalogue.find_kpis(text, language)


@pytest.mark.parametrize(
    "text",
    [
        "Онлайн-записи сейчас примерно 20% от всех записей.",
        "Сайт есть, на нём работает онлайн-запись.",
    ],
)
def test_russian_online_booking_in_any_form(bank, catalogue, text):
    assert bank.find_answers(text, "ru")["r_webshop"] == "yes"
    assert catalogue.find_kpis(text, "ru")[0] == "self_service_share"


def test_checklist_with_nothing_automated_is_an_empty_tick_list(bank):
    answers = bank.find_answers("Nothing is automated, it is all manual.", "en")
    assert answers["a_routine_automation"] == []
    assert bank.score(answers)["automation_ai"].score == 0.0


@pytest.mark.parametrize(
    ("language", "text", "question", "value"),
    [
        ("en", "We have tried ChatGPT a little.", "a_ai_use", 2),
        ("sv", "Vi använder ChatGPT varje dag.", "a_ai_use", 4),
        ("nb", "Vi vurderer å bruke KI.", "a_ai_use", 1),
        ("ru", "Решения принимаем по интуиции.", "d_data_decisions", 0),
    ],
)
def test_free_text_lands_on_the_scale(bank, language, text, question, value):
    assert bank.find_answers(text, language)[question] == value


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We sell bicycles in Bergen and want more revenue."),
        ("nb", "Vi selger sykler i Bergen og vil øke omsetningen."),
        ("sv", "Vi säljer cyklar i Göteborg."),
        ("ru", "Мы продаём велосипеды в Казани."),
    ],
)
def test_text_without_cues_answers_nothing(bank, language, text):
    assert bank.find_answers(text, language) == {}


def test_found_answers_are_always_scoreable(bank):
    text = (
        "We have a basic website, no webshop, a CRM in HubSpot, Google Analytics, Instagram, "
        "invoices go out automatically, we tried ChatGPT, no idea about backups, paperless."
    )
    answers = bank.find_answers(text, "en")
    assert len(answers) >= 6
    scores = bank.score(answers)
    assert any(state.score is not None for state in scores.values())


# -------------------------------------------------------------------- evidence in the articles
@pytest.mark.slow
def test_each_initiative_query_finds_its_supporting_article(shared_kb, catalogue):
    misses = []
    for item in catalogue.initiatives:
        found = [r.doc_id for r in shared_kb.search(item.evidence_query, 3)]
        if item.evidence_doc not in found:
            misses.append((item.id, found))
    assert not misses


def test_the_interview_asks_about_all_six_dma_dimensions(bank):
    by_id = {q.id: q for q in bank.questions}
    asked = {
        by_id[qid].dimension
        for group in bank.interview_groups
        if not group.optional
        for qid in group.question_ids
    }
    assert asked == set(plan.DIMENSION_NAMES)
