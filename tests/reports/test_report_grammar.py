"""French articles before the partner's name (elided "l'" before a vowel or a mute h,
else "le"/"la" by the gender of its head noun), Arabic agenda sub-item letters in the
order of UN Arabic documents, and Arabic zero counts in words: read in the generated
Word file."""

from __future__ import annotations

import datetime
import re

import pytest

from accord.cooperation.models import Activity, Biennium
from accord.documents.models import Resolution
from accord.registry.models import Organization
from accord.reports.names import with_article
from accord.reports.report_data import read_report_data
from tests.reports.test_report_language import word_text


def _rename_partner(world, name_fr: str) -> None:
    Organization.objects.filter(pk=world.framework.partner_id).update(name_fr=name_fr)
    world.framework.refresh_from_db()


@pytest.mark.parametrize(
    ("name_fr", "expected"),
    [
        ("Organisation de la coopération islamique", "l'Organisation de la coopération islamique"),
        ("Union africaine", "l'Union africaine"),
        ("Ligue des États arabes", "la Ligue des États arabes"),
        ("Conseil de l'Europe", "le Conseil de l'Europe"),
        ("Communauté des Caraïbes", "la Communauté des Caraïbes"),
        ("Forum des îles du Pacifique", "le Forum des îles du Pacifique"),
    ],
)
def test_the_french_report_puts_the_right_article_before_the_partner(world, name_fr, expected):
    _rename_partner(world, name_fr)
    text = word_text(world.framework, "fr")
    sentence = f"la coopération entre l'Organisation des Nations Unies et {expected}"
    assert sentence in text, expected
    assert f"Coopération entre l'Organisation des Nations Unies et {expected}" in text
    assert not re.search(r"et l'(?:la|le) |et l'[^AEIOUÉH]", text)


def test_the_article_rule_reads_the_first_letter_and_the_mute_h():
    assert with_article("Initiative centre-européenne", "fr") == "l'Initiative centre-européenne"
    assert with_article("Habitat des Nations Unies", "fr") == "l'Habitat des Nations Unies"
    assert with_article("Système économique latino-américain", "fr").startswith("le ")
    assert with_article("African Union", "en") == "African Union"  # "the" is in the sentence


@pytest.mark.parametrize(("latin", "arabic"), [("o", "س"), ("a", "أ"), ("e", "هـ"), ("z", "ض")])
def test_the_arabic_agenda_sub_item_is_an_arabic_letter(world, latin, arabic):
    Resolution.objects.filter(framework=world.framework).update(agenda_items=[f"128 ({latin})"])
    text = word_text(world.framework, "ar")
    assert f"البند 128 ({arabic}) من القائمة الأولية" in text
    assert f"({latin})" not in text
    assert f"Item 128 ({latin}) of the preliminary list" in word_text(world.framework, "en")


def test_arabic_says_a_zero_count_in_words(world):
    """A half-year with one activity and no meeting or agreement."""
    start, end = datetime.date(2021, 1, 1), datetime.date(2021, 6, 30)
    first = world.activities[0]
    Activity.objects.create(
        framework=world.framework,
        biennium=Biennium.objects.get(framework=world.framework, start_year=2020),
        code="PE-2021",
        title="Joint workshop of 2021",
        priority_area=first.priority_area,
        un_lead=first.un_lead,
        partner_lead=first.partner_lead,
        start_on=datetime.date(2021, 3, 1),
        end_on=datetime.date(2021, 3, 3),
        status="completed",
    )
    data = read_report_data(world.framework, start, end)
    assert data.activities and not data.meetings and not data.general_held
    assert not data.concluded
    text = word_text(world.framework, "ar", start=start, end=end)
    summary = next((line for line in text.splitlines() if "وشهدت الفترة" in line), text)
    assert "وعدم عقد أي اجتماع" in summary and "وعدم إبرام أي اتفاق" in summary, summary
    assert not re.search(r"(?<![\d/])0 ", summary), summary
    french = word_text(world.framework, "fr", start=start, end=end)
    assert "aucune réunion tenue et aucun accord conclu" in french
