"""Integrity in the model: ``Activity.clean()`` holds the cross-framework and
cross-side rules, and every service (``activity_create`` first) goes through it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from accord.cooperation.models import Activity, PriorityArea
from accord.cooperation.services import activity_create


def _fields(world, **over):
    base = {
        "biennium": world.biennium,
        "code": "NEW-1",
        "title": "A new activity",
        "priority_area": world.peace,
        "un_lead": world.ohchr,
        "partner_lead": world.iphrc,
    }
    return {**base, **over}


def test_activity_create_saves_with_the_biennium_framework_and_history(world, alice):
    made = activity_create(
        user=alice,
        reason="test",
        participants=[world.ohchr],
        **_fields(world),
    )
    made.refresh_from_db()
    assert made.framework_id == world.biennium.framework_id
    assert list(made.participants.all()) == [world.ohchr]
    assert made.history.get().history_user == alice


@pytest.mark.parametrize("swap", ["un_lead", "partner_lead"])
def test_a_lead_of_the_wrong_side_is_refused(world, alice, swap):
    wrong = {"un_lead": world.iphrc} if swap == "un_lead" else {"partner_lead": world.ohchr}
    with pytest.raises(ValidationError) as caught:
        activity_create(user=alice, **_fields(world, **wrong))
    assert swap in caught.value.message_dict
    assert not Activity.all_objects.filter(code="NEW-1").exists()


def test_a_priority_area_of_another_framework_is_refused(world, alice):
    from accord.cooperation.models import Framework

    other = Framework.objects.create(
        slug="other",
        name="Other",
        un_organization=world.framework.un_organization,
        partner=world.framework.partner,
    )
    foreign = PriorityArea.objects.create(framework=other, code="x", name_en="X")
    with pytest.raises(ValidationError) as caught:
        activity_create(user=alice, **_fields(world, priority_area=foreign))
    assert "priority_area" in caught.value.message_dict
