"""A zero count before its noun is written in words, never "0 accord conclu"; a
framework without activities still gets a report (in its own module: the report tests'
world of 12 activities is written once per module, tests/reports/conftest.py)."""

import datetime
import io

import pytest
from django.utils import translation
from docx import Document as WordDocument

from accord.reports import counts
from accord.reports.phrases import phrases
from accord.reports.render import render
from accord.reports.sg_report import build_sg_report

START, END = datetime.date(2018, 9, 1), datetime.date(2020, 8, 31)


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


def test_a_framework_without_activities_still_gets_a_report(db):
    from tests.world import build_world

    world = build_world(reports=True, activities=0, action_items=0)
    doc = build_sg_report(world.framework, START, END, "en")
    word = WordDocument(io.BytesIO(render(doc, "docx")))
    texts = [p.text for p in word.paragraphs]
    assert "No joint activity was recorded in the area of Peace and security." in texts
    assert any("bienniums 2018-2019 and 2020-2021," in t for t in texts)
