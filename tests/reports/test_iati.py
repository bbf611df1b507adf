"""The matrix of a biennium as an IATI 2.03 activity file: valid against the official
schema, every readable activity in it with its leads, status, dates and SDG tags, the
public seeing only what is published; from the command line and the open-data page."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command
from django.urls import reverse
from lxml import etree

from accord.cooperation.models import Activity, Biennium
from accord.reports import iati
from tests.conftest import ROOT

SCHEMA = ROOT.parent / "shared" / "reference" / "iati-2.03" / "iati-activities-schema.xsd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def validate(body: bytes) -> etree._Element:
    """Parse the file and validate it against the IATI 2.03 activity schema."""
    if not SCHEMA.exists():
        pytest.skip(f"the IATI schema is absent: {SCHEMA} (clone beside ../shared)")
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    doc = etree.fromstring(body)
    schema.assertValid(doc)
    return doc


def live(world):
    return list(Activity.objects.filter(biennium=world.biennium))


def by_identifier(doc) -> dict[str, etree._Element]:
    return {a.findtext("iati-identifier"): a for a in doc.iter("iati-activity")}


@pytest.mark.django_db
def test_every_activity_is_in_a_valid_file_with_its_leads_status_and_tags(world):
    body, content_type, name = iati.activity_file(world.biennium, world.admin)
    doc = validate(body)
    assert content_type == "application/xml" and name.endswith(".xml")
    assert doc.get("version") == "2.03"
    activities = live(world)
    found = by_identifier(doc)
    assert len(found) == len(activities)
    for activity in activities:
        ident = f"XX-ACCORD-un-oic-{world.biennium.label}-{activity.code or activity.pk}"
        el = found[ident]
        assert el.findtext("title/narrative") == activity.title
        assert el.find("activity-status").get("code") == iati.STATUS_CODES[activity.status]
        accountable = [
            o.findtext("narrative") for o in el.iter("participating-org") if o.get("role") == "2"
        ]
        expected = [e.name_en for e in (activity.un_lead, activity.partner_lead) if e]
        assert accountable == expected
        targets = {t.get("code") for t in el.iter("tag") if t.get("vocabulary") == "3"}
        assert targets == {t.code for t in activity.sdg_targets.all()}
        goals = {t.get("code") for t in el.iter("tag") if t.get("vocabulary") == "2"}
        assert goals == {str(t.goal.number) for t in activity.sdg_targets.all()}
        dates = {d.get("type"): d.get("iso-date") for d in el.iter("activity-date")}
        if activity.end_on:
            end_type = "4" if activity.status == Activity.Status.COMPLETED else "3"
            assert dates[end_type] == activity.end_on.isoformat()


@pytest.mark.django_db
def test_names_come_in_every_language_the_registry_has(world):
    doc = validate(iati.activity_file(world.biennium, world.admin)[0])
    lead = world.activities[0].un_lead
    orgs = [
        o
        for o in doc.iter("participating-org")
        if o.findtext("narrative") == lead.name_en and o.get("role") == "2"
    ]
    assert orgs, "the UN lead is a participating organization"
    langs = {n.get(XML_LANG): n.text for n in orgs[0].iter("narrative")}
    assert langs[None] == lead.name_en
    assert langs["fr"] == lead.name_fr and langs["ar"] == lead.name_ar


@pytest.mark.django_db
def test_the_public_gets_only_the_published_activities(world):
    Activity.objects.filter(biennium=world.biennium).update(is_published=False)
    shown = live(world)[0]
    Activity.objects.filter(pk=shown.pk).update(is_published=True)
    doc = validate(iati.activity_file(world.biennium, AnonymousUser())[0])
    titles = [a.findtext("title/narrative") for a in doc.iter("iati-activity")]
    assert titles == [shown.title]


@pytest.mark.django_db
def test_control_characters_in_a_title_still_make_a_valid_file(world):
    activity = live(world)[0]
    Activity.objects.filter(pk=activity.pk).update(title="Bell\x07 and escape\x1b title")
    doc = validate(iati.activity_file(world.biennium, world.admin)[0])
    titles = [a.findtext("title/narrative") for a in doc.iter("iati-activity")]
    assert "Bell and escape title" in titles


@pytest.mark.django_db
def test_the_command_writes_the_file_and_refuses_an_unknown_biennium(world, tmp_path: Path):
    Activity.objects.filter(biennium=world.biennium).update(is_published=True)
    out = tmp_path / "matrix.xml"
    call_command(
        "export", "iati", "--framework", "un-oic", "--biennium", world.biennium.label, "-o", out
    )
    doc = validate(out.read_bytes())
    assert len(list(doc.iter("iati-activity"))) == len(live(world))
    with pytest.raises(CommandError, match="no biennium"):
        call_command("export", "iati", "--biennium", "1999-2000", "-o", tmp_path / "x.xml")


@pytest.mark.django_db
def test_an_empty_biennium_is_refused_with_a_reason(world, tmp_path: Path):
    empty = Biennium.objects.create(framework=world.framework, start_year=2030, end_year=2031)
    with pytest.raises(CommandError, match="no activity to publish"):
        call_command(
            "export",
            "iati",
            "--biennium",
            empty.label,
            "--user",
            "report-admin",
            "-o",
            tmp_path / "x.xml",
        )


@pytest.mark.django_db
def test_the_open_data_page_links_the_file_and_serves_it(world, client):
    Activity.objects.filter(biennium=world.biennium).update(is_published=True)
    page = client.get(reverse("opendata")).content.decode()
    url = reverse("opendata-iati", args=[world.biennium.pk])
    assert url in page
    response = client.get(url)
    assert response.status_code == 200
    assert 'filename="iati-un-oic-' in response["Content-Disposition"]
    doc = validate(response.content)
    assert len(list(doc.iter("iati-activity"))) == len(live(world))
