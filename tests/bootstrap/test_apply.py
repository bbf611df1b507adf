"""Bootstrapping the founding resolution into the database: what is written, once."""

from __future__ import annotations

import datetime

from django.apps import apps

from accord.cooperation.models import ActionItem, Framework, Meeting, PriorityArea
from accord.documents.models import Citation, Mandate, Paragraph, Resolution
from accord.documents.services import resolution_import
from accord.registry.models import Agreement, Entity, Organization
from tests.bootstrap.shared import (  # noqa: F401 - the fixtures: bootstrapped once a module
    bootstrapped_once,
    shared_bootstrapped,
    shared_coordinator,
)

ACCORD_APPS = ("registry", "cooperation", "documents")


def _row_counts() -> dict[str, int]:
    """Rows of every Accord model and of every history table (soft-deleted rows too)."""
    counts = {}
    for label in ACCORD_APPS:
        for model in apps.get_app_config(label).get_models():
            manager = getattr(model, "all_objects", model._default_manager)
            counts[model._meta.label] = manager.count()
    return counts


def test_it_sets_up_the_framework_of_the_un_and_the_partner(bootstrapped):
    framework = Framework.objects.get(slug="un-oic")
    assert framework.un_organization.code == "un" and framework.partner.code == "oic"
    assert framework.partner.name_ar and framework.partner.name_fr
    resolution = Resolution.objects.get(symbol="A/RES/73/135")
    assert resolution.framework == framework
    assert resolution.paragraphs.count() == 55
    assert resolution.parsed["symbol"] == "A/RES/73/135"


def test_it_writes_at_least_ten_un_and_eight_oic_entities_with_their_gazetteer_ids(bootstrapped):
    assert Entity.objects.filter(organization__code="un").count() >= 10
    assert Entity.objects.filter(organization__code="oic").count() >= 8
    family = Entity.objects.get(gazetteer_id="oic.family")
    assert family.parent is not None and family.parent.gazetteer_id == "oic.gs"


def test_it_writes_the_three_agreements_with_their_dates(bootstrapped):
    signed = {a.signed_on: a for a in Agreement.objects.filter(framework=bootstrapped.framework)}
    assert set(signed) == {
        datetime.date(2018, 9, 25),
        datetime.date(2017, 9, 22),
        datetime.date(2016, 1, 24),
    }
    assert {e.gazetteer_id for e in signed[datetime.date(2018, 9, 25)].parties.all()} == {
        "un.oct",
        "oic.gs",
    }
    assert signed[datetime.date(2016, 1, 24)].kind == Agreement.Kind.MOC
    assert signed[datetime.date(2016, 1, 24)].source_paragraph.pid == "op-14"


def test_it_writes_the_meetings_with_dates_places_and_the_planned_one(bootstrapped):
    meetings = Meeting.objects.filter(framework=bootstrapped.framework)
    rabat = meetings.get(kind="general", start_on=datetime.date(2018, 7, 3))
    assert (rabat.end_on, rabat.place) == (datetime.date(2018, 7, 5), "Rabat")
    assert meetings.get(kind="general", start_on=datetime.date(2014, 5, 20)).place == "Istanbul"
    assert meetings.get(kind="brainstorming").place.startswith("Jeddah")
    assert set(meetings.filter(kind="security_council").values_list("start_on", flat=True)) == {
        datetime.date(2013, 10, 28),
        datetime.date(2016, 11, 17),
    }
    assert {datetime.date(2017, 11, 21), datetime.date(2018, 11, 29)} <= set(
        meetings.filter(kind="conference").values_list("start_on", flat=True)
    )
    planned = meetings.get(kind="general", start_on__isnull=True)
    assert planned.year_planned == 2020 and planned.host_organization.code == "un"


def test_it_writes_the_priority_areas_and_the_mandates(bootstrapped):
    assert PriorityArea.objects.filter(framework=bootstrapped.framework).count() == 10
    op25 = Mandate.objects.get(resolution__symbol="A/RES/73/135", paragraph__pid="op-25")
    assert (op25.due_session, op25.due_year) == (75, 2020)
    assert [e.gazetteer_id for e in op25.addressee_entities.all()] == ["un.sg"]
    assert not Mandate.objects.filter(paragraph__pid__in=["op-1", "op-12"]).exists()


def test_the_report_becomes_a_dated_action_item(bootstrapped):
    item = ActionItem.objects.get(framework=bootstrapped.framework, mandate__paragraph__pid="op-25")
    assert item.due_on == datetime.date(2020, 9, 15)
    assert item.owner.gazetteer_id == "un.sg"
    assert item.status == ActionItem.Status.OPEN


def test_running_it_twice_changes_nothing(bootstrapped, demo_path, coordinator):
    before = _row_counts()
    again = resolution_import(source=demo_path, user=coordinator, confirm_all=True)
    assert _row_counts() == before
    assert all(set(c) <= {"unchanged"} for c in again.counts.values()), again.counts
    assert not again.queued and not again.lineage.linked


def test_everything_written_is_recorded_in_history_with_the_user(bootstrapped, coordinator):
    for model in (
        Organization,
        Entity,
        Framework,
        Resolution,
        Paragraph,
        Citation,
        Agreement,
        Meeting,
        PriorityArea,
        Mandate,
        ActionItem,
    ):
        records = model.history.all()
        assert records.exists(), model
        assert set(records.values_list("history_user__username", flat=True)) == {"nadia"}, model


def test_a_second_run_keeps_a_coordinators_correction(bootstrapped, demo_path, coordinator):
    from accord.core.services import object_update

    rabat = Meeting.objects.get(kind="general", start_on=datetime.date(2018, 7, 3))
    object_update(obj=rabat, by=coordinator, expected_version=rabat.version, place="Rabat, Morocco")
    resolution_import(source=demo_path, user=coordinator, confirm_all=True)
    assert Meeting.objects.get(pk=rabat.pk).place == "Rabat, Morocco"


def test_a_soft_deleted_row_stays_deleted(bootstrapped, demo_path, coordinator):
    area = PriorityArea.objects.get(code="refugees")
    area.soft_delete(coordinator)
    result = resolution_import(source=demo_path, user=coordinator, confirm_all=True)
    assert PriorityArea.all_objects.get(pk=area.pk).is_deleted
    assert result.counts["priority_area"]["deleted"] == 1
