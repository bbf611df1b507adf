"""Every role against every kind of write: the permissions module's answers, and the same
answers from its queryset filters (``editable``), so lists and single checks agree.

Each case names the personas allowed; every other persona must be refused.
"""

from __future__ import annotations

import pytest

from accord.accounts import permissions as P
from accord.accounts.models import Membership
from accord.cooperation.models import (
    ActionItem,
    Activity,
    Biennium,
    Decision,
    Framework,
    Indicator,
    Meeting,
    PriorityArea,
    ProgressUpdate,
    SDGTarget,
)
from accord.documents.models import Mandate
from accord.registry.models import Agreement, Entity, FocalPoint, Organization
from tests.world import PERSONAS

ADMIN = {"alice"}
COORDS = {"alice", "bob", "uma"}
OIC = {"alice", "bob"}
UN = {"alice", "uma"}
CAROL = COORDS | {"carol"}


def create(model, fw="framework", **kw):
    def check(w, u):
        args = {k: (w.objects[v] if isinstance(v, str) else v) for k, v in kw.items()}
        return P.can_create(u, model, framework=w.objects[fw] if fw else None, **args)

    return check


# (case, kind of check, object name or creation check, allowed personas)
CREATES = [
    (
        "activity on the OIC side with an OIC lead",
        create(Activity, organization="oic", partner_lead="iphrc"),
        OIC,
    ),
    (
        "activity on the UN side with a UN lead",
        create(Activity, organization="un", un_lead="ohchr"),
        UN,
    ),
    ("activity without a side named", create(Activity), COORDS),
    (
        "activity whose UN lead is an OIC entity",
        create(Activity, organization="un", un_lead="iphrc"),
        ADMIN,
    ),
    ("activity in another framework", create(Activity, fw="framework_au"), ADMIN),
    ("indicator of an OHCHR-led activity", create(Indicator, parent="act_ohchr"), CAROL),
    (
        "indicator of an activity OHCHR does not touch",
        create(Indicator, parent="act_other"),
        COORDS,
    ),
    ("indicator without its activity", create(Indicator), ADMIN),
    (
        "progress update where OHCHR participates",
        create(ProgressUpdate, parent="act_participant"),
        CAROL,
    ),
    (
        "progress update of an activity OHCHR does not touch",
        create(ProgressUpdate, parent="act_other"),
        COORDS,
    ),
    ("progress update in another framework", create(ProgressUpdate, parent="act_au"), ADMIN),
    ("meeting", create(Meeting), COORDS),
    ("meeting in another framework", create(Meeting, fw="framework_au"), ADMIN),
    ("decision of a meeting", create(Decision, parent="meeting"), COORDS),
    ("action item", create(ActionItem, entity="ohchr"), COORDS),
    ("agreement", create(Agreement), COORDS),
    ("mandate of a resolution", create(Mandate, parent="resolution"), COORDS),
    ("priority area", create(PriorityArea), COORDS),
    ("biennium", create(Biennium), COORDS),
    ("OIC entity", create(Entity, fw=None, organization="oic"), OIC),
    ("AU entity", create(Entity, fw=None, organization="au"), ADMIN),
    ("focal point of an OIC entity", create(FocalPoint, fw=None, entity="iphrc"), OIC),
    ("focal point of a UN entity", create(FocalPoint, fw=None, entity="ohchr"), UN),
    ("organization", create(Organization, fw=None), ADMIN),
    ("framework", create(Framework, fw=None), ADMIN),
    ("membership", create(Membership), ADMIN),
]

# (object name, allowed to edit, allowed to delete)
CHANGES = [
    ("act_ohchr", CAROL, COORDS),
    ("act_other", COORDS, COORDS),
    ("act_participant", CAROL, COORDS),
    ("act_au", ADMIN, ADMIN),
    ("ind_ohchr", CAROL, CAROL),
    ("ind_other", COORDS, COORDS),
    ("ind_au", ADMIN, ADMIN),
    ("pu_ohchr", CAROL, CAROL),
    ("pu_participant", CAROL, CAROL),
    ("pu_other", COORDS, COORDS),
    ("pu_au", ADMIN, ADMIN),
    ("meeting", COORDS, COORDS),
    ("meeting_au", ADMIN, ADMIN),
    ("decision", COORDS, COORDS),
    ("ai_ohchr", CAROL, COORDS),
    ("ai_isdb", COORDS, COORDS),
    ("ai_au", ADMIN, ADMIN),
    ("agreement", COORDS, COORDS),
    ("agreement_au", ADMIN, ADMIN),
    ("resolution", COORDS, COORDS),
    ("paragraph", COORDS, COORDS),
    ("mandate", COORDS, COORDS),
    ("area", COORDS, COORDS),
    ("biennium", COORDS, COORDS),
    ("area_au", ADMIN, ADMIN),
    ("iphrc", OIC, OIC),
    ("ohchr", UN, UN),
    ("auc", ADMIN, ADMIN),
    ("fp_iphrc", OIC, OIC),
    ("fp_ohchr", UN, UN),
    ("oic", ADMIN, ADMIN),
    ("framework", ADMIN, ADMIN),
]

CLOSES = [("ai_ohchr", CAROL), ("ai_isdb", COORDS), ("ai_au", ADMIN)]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("case", "check", "allowed"), CREATES, ids=[c[0] for c in CREATES])
def test_who_may_create(world, persona, case, check, allowed):
    assert check(world, world.fresh_user(persona)) is (persona in allowed), case


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "may_edit", "may_delete"), CHANGES, ids=[c[0] for c in CHANGES])
def test_who_may_edit_and_delete(world, persona, name, may_edit, may_delete):
    user, obj = world.fresh_user(persona), world.objects[name]
    assert P.can_edit(user, obj) is (persona in may_edit)
    assert P.can_delete(user, obj) is (persona in may_delete)
    rows = type(obj)._default_manager.filter(pk=obj.pk)
    assert P.editable(user, rows).exists() is (persona in may_edit)
    assert P.editable(user, rows, deleting=True).exists() is (persona in may_delete)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "allowed"), CLOSES, ids=[c[0] for c in CLOSES])
def test_who_may_close_an_action_item(world, persona, name, allowed):
    assert P.can_close(world.fresh_user(persona), world.objects[name]) is (persona in allowed)


@pytest.mark.parametrize("persona", PERSONAS)
def test_nobody_but_an_administrator_edits_memberships_or_sdg_targets(world, persona):
    user = world.fresh_user(persona)
    membership = Membership.objects.get(user__username="bob")
    target = SDGTarget.objects.first()
    assert P.can_edit(user, membership) is (persona == "alice")
    assert P.can_edit(user, target) is (persona == "alice")


def test_a_coordinator_loses_an_activity_handed_to_the_other_sides_entity(world):
    """Changing the OIC lead to a UN entity is out of bob's reach: the admin checks the new state."""
    bob, activity = world.fresh_user("bob"), Activity.objects.get(pk=world.act_other.pk)
    activity.partner_lead = world.ohchr
    assert not P.can_edit(bob, activity)


def test_require_raises_permission_denied_only_when_refused():
    from django.core.exceptions import PermissionDenied

    P.require(True)
    with pytest.raises(PermissionDenied):
        P.require(False)


def test_a_coordinator_may_not_move_a_meeting_into_another_framework(world):
    """The second question a form asks: may the user put the row where the change puts it."""
    bob, meeting = world.fresh_user("bob"), Meeting.objects.get(pk=world.meeting.pk)
    assert P.can_edit(bob, meeting)
    meeting.framework = world.framework_au
    assert not P.can_edit(bob, meeting)


@pytest.mark.parametrize(
    ("persona", "addable"),
    [
        ("alice", {"Activity", "Indicator", "Meeting", "Organization", "Membership"}),
        ("bob", {"Activity", "Indicator", "Meeting"}),
        ("carol", {"Indicator"}),
        ("dan", set()),
        ("eve", set()),
    ],
)
def test_add_buttons_follow_the_roles(world, persona, addable):
    models = [Activity, Indicator, Meeting, Organization, Membership]
    user = world.fresh_user(persona)
    assert {m.__name__ for m in models if P.can_create_some(user, m)} == addable
