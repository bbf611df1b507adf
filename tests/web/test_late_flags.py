"""Late is visible: an activity past its end date and not completed, an overdue action
item and an agreement expiring within 90 days each carry a worded flag in the matrix,
the dashboard and the entity page, and only those rows do."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from accord.cooperation.models import ActionItem, Activity
from accord.core.services import object_update
from accord.registry.models import Agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def late_world(world):
    today = timezone.localdate()
    first, second, third = world.activities[:3]
    # first: ongoing, ended last month -> late; second: completed, ended -> not late;
    # third: ongoing, ends next month -> not late.
    for a, status, end in (
        (first, "ongoing", today - datetime.timedelta(days=30)),
        (second, "completed", today - datetime.timedelta(days=30)),
        (third, "ongoing", today + datetime.timedelta(days=30)),
    ):
        a.refresh_from_db()
        object_update(obj=a, by=world.admin, expected_version=a.version, status=status, end_on=end)
    far = Agreement.objects.create(
        framework=world.framework,
        title="Letters exchanged long ago",
        kind="letters",
        status="in_force",
        expires_on=today + datetime.timedelta(days=400),
    )
    far.parties.add(world.ohchr)
    world.agreement.parties.add(world.ohchr)
    return world, first, second, third, far


def _flagged(html: str, flag: str) -> list[str]:
    """The text of each list item or table row that carries ``flag``."""
    parts = re.findall(r"<(?:li|tr)\b.*?</(?:li|tr)>", html, flags=re.S)
    return [p for p in parts if f'class="flag flag-{flag}"' in p]


def test_the_predicates_pick_the_right_rows(late_world):
    world, first, second, third, far = late_world
    today = timezone.localdate()
    late = set(Activity.objects.late(today).values_list("pk", flat=True))
    assert first.pk in late and second.pk not in late and third.pk not in late
    expiring = set(Agreement.objects.expiring(today).values_list("pk", flat=True))
    assert world.agreement.pk in expiring and far.pk not in expiring
    assert set(Agreement.objects.expiring(today, days=500).values_list("pk", flat=True)) >= {far.pk}


def test_the_matrix_flags_late_activities_only(client, world, late_world):
    _, first, second, third, _far = late_world
    client.force_login(world.coordinator)
    html = client.get(reverse("matrix", args=[world.framework.slug])).content.decode()
    rows = _flagged(html, "late")
    assert any(f'id="row-{first.pk}"' in r for r in rows)
    assert not any(f'id="row-{second.pk}"' in r or f'id="row-{third.pk}"' in r for r in rows)
    assert ">Late</span>" in html
    french = client.get("/fr" + reverse("matrix", args=[world.framework.slug])).content.decode()
    assert ">En retard</span>" in french


def test_the_dashboard_flags_late_overdue_and_expiring(client, world, late_world):
    _, first, second, _third, far = late_world
    client.force_login(world.coordinator)
    html = client.get(reverse("dashboard", args=[world.framework.slug])).content.decode()
    late = _flagged(html, "late")
    assert any(first.code in r for r in late) and not any(second.code in r for r in late)
    overdue = _flagged(html, "overdue")
    assert len(overdue) == ActionItem.objects.overdue(timezone.localdate()).count() > 0
    expiring = _flagged(html, "expiring")
    assert any(world.agreement.title in r for r in expiring)
    assert not any(far.title in r for r in expiring)


def test_the_entity_page_flags_its_rows(client, world, late_world):
    _, first, second, third, far = late_world
    client.force_login(world.coordinator)
    lead = first.un_lead
    html = client.get(reverse("entity", args=[world.framework.slug, lead.pk])).content.decode()
    late = _flagged(html, "late")
    assert any(first.title in r for r in late)
    assert not any(second.title in r or third.title in r for r in late)
    ohchr = client.get(
        reverse("entity", args=[world.framework.slug, world.ohchr.pk])
    ).content.decode()
    assert any(world.agreement.title in r for r in _flagged(ohchr, "expiring"))
    assert not any(far.title in r for r in _flagged(ohchr, "expiring"))
    owned = ActionItem.objects.overdue(timezone.localdate()).filter(owner=world.ohchr)
    assert len(_flagged(ohchr, "overdue")) == owned.count()


def test_the_registry_flags_agreements_expiring_within_90_days(client, world, late_world):
    _, _first, _second, _third, far = late_world
    client.force_login(world.coordinator)
    html = client.get(reverse("registry", args=[world.framework.slug])).content.decode()
    expiring = _flagged(html, "expiring")
    assert any(world.agreement.title in r for r in expiring)
    assert not any(far.title in r for r in expiring)
