"""Dates and numbers are written one way per language (Django's localization, with
accord/formats over its locales): 15 June 2020 / 15 juin 2020 / 15 يونيو، 2020, and
12,500 / 12 500 / 12.500; every date a page shows in a <time> element is in the page's
language; a date field's value stays ISO in every language (what <input type="date">
reads)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

EXPECTED = {
    "en": ("15 June 2020", "12,500"),
    "fr": ("15 juin 2020", "12\xa0500"),
    "ar": ("15 يونيو، 2020", "12.500"),
}
TIME = re.compile(r"<time[^>]*>([^<]+)</time>")
ENGLISH_MONTH = re.compile(  # capitalized, as English writes them (French does not)
    r"\b(January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|\b[ap]\.m\."
)


def _prefix(language: str) -> str:
    return "" if language == "en" else f"/{language}"


@pytest.fixture
def dated(world):
    from accord.cooperation.models import Activity, Indicator

    activity = world.activities[0]
    Activity.objects.filter(pk=activity.pk).update(start_on=datetime.date(2020, 6, 15))
    Indicator.objects.filter(activity=activity).update(target=12500)
    return activity


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_a_date_and_a_number_are_written_in_the_language_of_the_page(
    client, world, dated, language
):
    client.force_login(world.coordinator)
    url = reverse("activity", args=[world.framework.slug, dated.pk])
    html = client.get(_prefix(language) + url).content.decode()
    date, number = EXPECTED[language]
    assert date in html
    assert f'<td class="num">{number}</td>' in html
    assert 'name="start_on" value="2020-06-15"' in html  # the edit form keeps the date


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_no_page_shows_an_english_date_in_french_or_arabic(client, world, dated, language):
    client.force_login(world.coordinator)
    slug = world.framework.slug
    urls = {  # reversed before any request: a /fr/ answer leaves French active here
        name: reverse(name, args=args)
        for name, args in [
            ("home", []),
            ("dashboard", [slug]),
            ("matrix", [slug]),
            ("activity", [slug, dated.pk]),
            ("meetings", [slug]),
            ("meeting", [slug, world.meeting.pk]),
            ("action-items", [slug]),
            ("registry", [slug]),
            ("entity", [slug, world.ohchr.pk]),
            ("resolutions", [slug]),
        ]
    }
    shown = []
    for name, url in urls.items():
        response = client.get(_prefix(language) + url)
        assert response.status_code == 200, name
        html = response.content.decode()
        shown += [(name, text) for text in TIME.findall(html)]
    assert len(shown) > 10, shown
    english = [(name, text) for name, text in shown if ENGLISH_MONTH.search(text)]
    assert not english, english
    if language == "ar":
        latin = [(name, text) for name, text in shown if re.search("[A-Za-z]", text)]
        assert not latin, latin
