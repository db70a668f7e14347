"""A "worth it?" question about a common channel or tool gets a consultant's answer in the
owner's language: when it pays, how to test it small, what to measure. A question that does
not ask whether something pays, or names nothing advised on, gets no such answer."""

from __future__ import annotations

import pytest

from assistant.coaching.advice import advice_on


@pytest.mark.parametrize(
    ("language", "question", "says"),
    [
        ("en", "Is it worth us doing Google Ads when Specsavers bids on everything?", "local"),
        ("en", "Is TikTok worth it for an optician or is it just for kids?", "2–3 months"),
        ("en", "Should we pay for our own app, a white label one?", "booking or till system"),
        ("nb", "Lønner det seg med Google-annonser for et flyttebyrå?", "landingsside"),
        ("nb", "Trenger vi egentlig en egen nettbutikk, eller holder det med Finn?", "margin"),
        ("sv", "Är det värt att börja på TikTok eller är det bara för kids?", "2–3 månader"),
        ("sv", "Lönar det sig att annonsera på Google för ett måleri?", "landningssida"),
        ("ru", "Есть ли смысл зимой запускать Директ?", "тест"),
        ("ru", "Стоит ли нам делать своё приложение или оставить приложение 1С?", "приложение"),
        ("en", "Would a call answering service be worth it for our call-outs?", "missed"),
        ("sv", "Är Treatwell värt avgiften för en frisörsalong?", "förstagångskunder"),
        ("nb", "Er det verdt å kjøpe et eget tilbudsverktøy, eller holder Tripletex?", "maler"),
        ("ru", "Стоит ли переходить на Okdesk или хватит Битрикс24?", "напоминан"),
        ("en", "Is a job app like Tradify worth it for a firm our size?", "invoice"),
        ("en", "Do I need to pay someone for the dashboard or can I use a Google Sheet?", "row"),
    ],
)
def test_a_worth_it_question_gets_when_it_pays_and_how_to_test_it(language, question, says):
    advice = advice_on(question, language)
    assert advice is not None and says.lower() in advice.lower()


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("en", "What is TikTok?"),  # asks what it is, not whether it pays
        ("en", "Is it worth moving step 3 to Now?"),  # names nothing advised on
        ("ru", "Что такое контекстная реклама?"),
    ],
)
def test_no_advice_for_what_it_does_not_ask(language, question):
    assert advice_on(question, language) is None
