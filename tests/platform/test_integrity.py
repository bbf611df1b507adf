"""Integrity in the model: ``Activity.clean()`` holds the cross-framework and
cross-side rules, and every service (``activity_create`` first) goes through it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from accord.cooperation.models import Activity, PriorityArea
from accord.cooperation.services import activity_create


def _fields(biennium, area, ohchr, ipchr, **over):
    base = {
        "biennium": biennium,
        "code": "NEW-1",
        "title": "A new activity",
        "priority_area": area,
        "un_lead": ohchr,
        "partner_lead": ipchr,
    }
    return {**base, **over}


def test_activity_create_saves_with_the_biennium_framework_and_history(
    biennium, area, ohchr, ipchr, alice
):
    made = activity_create(
        user=alice, reason="test", participants=[ohchr], **_fields(biennium, area, ohchr, ipchr)
    )
    made.refresh_from_db()
    assert made.framework_id == biennium.framework_id
    assert list(made.participants.all()) == [ohchr]
    assert made.history.get().history_user == alice


@pytest.mark.parametrize("swap", ["un_lead", "partner_lead"])
def test_a_lead_of_the_wrong_side_is_refused(biennium, area, ohchr, ipchr, alice, swap):
    wrong = {"un_lead": ipchr} if swap == "un_lead" else {"partner_lead": ohchr}
    with pytest.raises(ValidationError) as caught:
        activity_create(user=alice, **_fields(biennium, area, ohchr, ipchr, **wrong))
    assert swap in caught.value.message_dict
    assert not Activity.all_objects.filter(code="NEW-1").exists()


def test_a_priority_area_of_another_framework_is_refused(
    biennium, area, ohchr, ipchr, alice, framework
):
    from accord.cooperation.models import Framework

    other = Framework.objects.create(
        slug="other",
        name="Other",
        un_organization=framework.un_organization,
        partner=framework.partner,
    )
    foreign = PriorityArea.objects.create(framework=other, code="x", name_en="X")
    with pytest.raises(ValidationError) as caught:
        activity_create(user=alice, **_fields(biennium, foreign, ohchr, ipchr))
    assert "priority_area" in caught.value.message_dict
