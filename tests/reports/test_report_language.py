"""The report reads as the Secretariat writes it, in English, French and Arabic: counts
agree with their nouns (no "1 meetings"), one to nine in words, every number stated is
the data object's, no English left in the French and Arabic reports, the agenda item
from the resolution, the Arabic session ordinal in the genitive where the grammar wants
it."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from docx import Document as WordDocument

from accord.cooperation.models import PriorityArea
from accord.core.services import object_update
from accord.reports.names import untranslated
from accord.reports.phrases import phrases
from accord.reports.render import render
from accord.reports.report_data import read_report_data
from accord.reports.sg_report import build_sg_report

START, END = datetime.date(2018, 9, 1), datetime.date(2020, 8, 31)
NOUNS = {
    "en": r"(?:joint activities|meetings|agreements|action items|priority areas|recommendations)",
    "fr": r"(?:activités|réunions|accords|mesures|domaines|recommandations)",
}
WRONG = {
    "en": [
        rf"\b(?:1|one) {NOUNS['en']}\b",
        r"\b(?:[2-9]|two|three|four|five|six|seven|eight|nine) (?:joint activity|meeting|"
        r"agreement|action item|priority area|recommendation)\b(?!s)",
        r"\b(?:1|one) (?:\w+ )?were\b",
    ],
    "fr": [rf"\b(?:1|un|une) {NOUNS['fr']}\b", r"\b(?:[2-9]|deux|trois) (?:activité|réunion)\b"],
    "ar": [
        r"\b[12] (?!(?:كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين))",
        r"واحد (?:أنشطة|اجتماعات)",
    ],
}
ENGLISH = [
    "para.",
    "High-level meeting",
    "Conference on",
    "General meeting",
    "general meeting of",
    "Peace and security",
    "Human rights",
    "Education and culture",
    "Sustainable development",
    "Health",
    "Memorandum of understanding",
    "Exchange of letters",
    "Item xx",
    " meetings",
    " activities",
]
PLACES_AR = ["Rabat", "Istanbul", "New York"]


def word_text(framework, lang: str, *, start=START, end=END) -> str:
    doc = build_sg_report(framework, start, end, lang)
    word = WordDocument(io.BytesIO(render(doc, "docx")))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)


@pytest.fixture(scope="module")
def texts(reports_world):
    """The report's text in each language, written once per module from the world as
    built (the tests that read it change nothing)."""
    return {lang: word_text(reports_world.framework, lang) for lang in ("en", "fr", "ar")}


def test_counts_agree_with_their_nouns_in_each_language(texts):
    for lang, text in texts.items():
        for pattern in WRONG[lang]:
            found = re.findall(pattern, text)
            assert not found, (lang, pattern, found)


def test_every_count_stated_is_the_data_objects(world, texts):
    data = read_report_data(world.framework, START, END)
    for lang, text in texts.items():
        p = phrases(lang)
        summary = next(line for line in text.splitlines() if "73/135" in line)
        for n, noun in (
            (len(data.activities), "activity"),
            (data.area_count, "area"),
            (len(data.meetings) + len(data.general_held), "meeting"),
        ):
            assert p.number(n, noun) in summary, (lang, n, noun, summary)
    en = texts["en"]
    assert f"{phrases('en').number(len(data.activities))} joint activities in " in en
    stated_open = re.findall(r"(\w+) action items? (?:remained|still) open", en)
    assert set(stated_open) == {phrases("en").number(data.actions.open)}, stated_open
    held = re.findall(r"adopted (\w+) recommendations?", en)
    assert held and all(w == "five" for w in held)  # five decisions per general meeting
    completed = data.status_count["completed"]
    assert f"{phrases('en').number(completed)} had been completed" in en


def test_one_to_nine_are_words(world, texts):
    data = read_report_data(world.framework, START, END)
    assert 1 <= data.area_count <= 9
    assert f"in {phrases('en').number(data.area_count)} priority areas" in texts["en"]
    assert f"dans {phrases('fr').number(data.area_count, 'area')} domaines" in texts["fr"]
    assert phrases("ar").number(data.area_count, "area") in texts["ar"]


def test_no_english_is_left_in_the_french_and_arabic_reports(texts):
    for lang in ("fr", "ar"):
        left = [w for w in ENGLISH if w in texts[lang]]
        assert not left, (lang, left)
    assert not [w for w in PLACES_AR if w in texts["ar"]]
    assert "(prévue)" in texts["fr"] and "(prévues)" not in texts["fr"]
    assert "الرباط" in texts["ar"] and "par. " not in texts["en"]


def test_the_agenda_item_comes_from_the_resolution(texts):
    assert "Item 128 (o) of the preliminary list" in texts["en"]
    assert "Point 128 (o) de la liste préliminaire" in texts["fr"]
    assert "البند 128 (س) من القائمة الأولية" in texts["ar"]  # (o): the Arabic order


def test_the_arabic_session_ordinal_takes_the_genitive_after_a_preposition(texts):
    assert "في دورتها الخامسة والسبعين" in texts["ar"]
    assert "الدورة الخامسة والسبعون" in texts["ar"]  # the heading: nominative
    ar = phrases("ar")
    assert ar.ordinal(80) == "الثمانون" and ar.ordinal(80, genitive=True) == "الثمانين"
    assert phrases("fr").ordinal(80) == "quatre-vingtième"
    assert phrases("fr").ordinal(71) == "soixante et onzième"
    assert phrases("en").ordinal(79) == "seventy-ninth"


def test_a_name_without_translation_is_listed_and_stays_english(world):
    area = PriorityArea.objects.get(pk=world.areas[0].pk)
    object_update(obj=area, by=world.admin, expected_version=area.version, name_fr="")
    data = read_report_data(world.framework, START, END)
    assert ("Priority area", "Peace and security") in [
        (str(w), n) for w, n in untranslated(data, "fr")
    ]
    assert "Peace and security" not in [n for _, n in untranslated(data, "ar")]
    assert untranslated(data, "en") == []


def test_the_report_page_lists_the_names_without_translation(client, world):
    area = PriorityArea.objects.get(pk=world.areas[1].pk)
    object_update(obj=area, by=world.admin, expected_version=area.version, name_ar="")
    client.force_login(world.admin)
    page = client.get("/reports/sg/?start=2018-09&end=2020-08").content.decode()
    listed = page.split('id="names-to-translate"')[1]
    assert "Human rights" in listed
    assert "Peace and security" not in listed
