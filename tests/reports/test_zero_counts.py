"""A zero count before its noun is written in words, never "0 accord conclu"."""

import pytest
from django.utils import translation

from accord.reports import counts
from accord.reports.phrases import phrases


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "no agreements concluded"),
        ("fr", "aucun accord conclu"),
    ],
)
def test_zero_agreements_in_words(lang, expected):
    with translation.override(lang):
        text = counts.agreements_concluded(phrases(lang), 0)
    assert text == expected
    assert "0" not in text


def test_zero_meetings_french_feminine():
    with translation.override("fr"):
        text = counts.meetings_held(phrases("fr"), 0)
    assert text.startswith("aucune réunion"), text


def test_non_zero_counts_unchanged():
    with translation.override("en"):
        assert counts.agreements_concluded(phrases("en"), 3) == "three agreements concluded"
