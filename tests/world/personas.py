"""Shared personas (healthchecks style) and the small world they work in.

    alice  the administrator (a Membership, not a superuser)
    bob    the OIC secretariat coordinator in the UN-OIC framework
    uma    the UN secretariat coordinator in the UN-OIC framework
    carol  the focal point of OHCHR (a UN entity) in the UN-OIC framework
    dan    a viewer of the UN-OIC framework
    olga   signed in, without any membership (reads like the public)
    eve    anonymous

The world: the base of every world (tests/world/base.py ``build_base``: the UN-OIC
framework, its entities, its areas, its biennium 2018-2019; ``area`` is its ``rights``),
every base row also in ``objects``; activities led by various pairs; a meeting with a decision and
action items; an agreement; a resolution with a paragraph and a mandate; and a second
framework (UN-AU) that none of the UN-OIC personas belongs to.

Use it with ``from tests.world import world, world_once  # noqa: F401`` in a conftest,
then ask for the ``world`` fixture; ``world.users["bob"]`` or ``world.bob``. The world is
built once per module; re-read an object from the database before changing it.

Building it costs about 0.4 s (0.85 s at load 9): the ~20 s "setup" that --durations shows
on a module's first test is the test database's set-up (the migrated template of
tests/conftest.py) and the first import of the URL configuration (matplotlib, through the
search index's reverse()), which the first test of any run pays, world or not.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

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
)
from accord.documents.models import Mandate, Paragraph, Resolution
from accord.registry.models import Agreement, Entity, FocalPoint, Organization
from tests.world.base import BASE_ROWS, PASSWORD, World, build_base

PERSONAS = ("alice", "bob", "uma", "carol", "dan", "olga", "eve")


def build_personas() -> World:
    """Create the personas and their world in the database; returns the handles."""
    w = build_base(year=2018)
    o = w.objects
    o.update({name: getattr(w, name) for name in BASE_ROWS}, area=w.rights)
    _second_framework(w)
    _activities(w)
    _follow_up(w)
    _users(w)
    return w


def _second_framework(w: World) -> None:
    """UN-AU, with the African Union, its commission, an area and a biennium."""
    o, un = w.objects, w.un
    au = Organization.objects.create(code="au", name_en="African Union", acronym="AU")
    fw_au = Framework.objects.create(slug="un-au", name="UN-AU", un_organization=un, partner=au)
    o.update(au=au, framework_au=fw_au)
    o["auc"] = Entity.objects.create(
        organization=au,
        kind="principal_organ",
        acronym="AUC",
        name_en="AUC",
        gazetteer_id="au.commission",
    )
    area_au = PriorityArea.objects.create(
        framework=fw_au, code="peace", name_en="Peace and security", order=1
    )
    bien_au = Biennium.objects.create(framework=fw_au, start_year=2018, end_year=2019)
    o.update(area_au=area_au, biennium_au=bien_au)


def _activities(w: World) -> None:
    """Four activities led by various pairs (one in UN-AU), an indicator and an update each."""
    o = w.objects
    area, bien, area_au, bien_au = w.rights, w.biennium, o["area_au"], o["biennium_au"]

    def activity(
        code, un_lead, partner_lead, *, participants=(), published=False, framework_au=False
    ):
        a = Activity.objects.create(
            biennium=bien_au if framework_au else bien,
            priority_area=area_au if framework_au else area,
            code=code,
            title=f"Activity {code}",
            un_lead=un_lead,
            partner_lead=partner_lead,
            is_published=published,
        )
        a.participants.set(participants)
        return a

    # carol (OHCHR) leads; bob (OIC) edits: IPHRC is OIC's; uma (UN) edits: OHCHR is UN's.
    o["act_ohchr"] = activity("HR-01", o["ohchr"], o["iphrc"], published=True)
    # nobody's lead among the focal points; both coordinators edit their side.
    o["act_other"] = activity("HR-02", o["unesco"], o["isdb"])
    # OHCHR only participates; no partner lead yet, so any OIC coordinator may take it.
    o["act_participant"] = activity("HR-03", o["unesco"], None, participants=[o["ohchr"]])
    # the UN-AU framework: outside every UN-OIC persona's reach.
    o["act_au"] = activity("AU-01", o["ohchr"], o["auc"], framework_au=True)
    for key in ("act_ohchr", "act_other", "act_participant", "act_au"):
        a = o[key]
        o[f"ind_{key[4:]}"] = Indicator.objects.create(activity=a, name="Workshops held", target=2)
        o[f"pu_{key[4:]}"] = ProgressUpdate.objects.create(
            activity=a, date=datetime.date(2019, 3, 1), text="Begun"
        )


def _follow_up(w: World) -> None:
    """A meeting, its decision and action items, agreements, a resolution, focal points."""
    o, fw, fw_au = w.objects, w.framework, w.objects["framework_au"]
    meeting = Meeting.objects.create(
        framework=fw,
        kind="general",
        title="General meeting, Rabat",
        start_on=datetime.date(2018, 7, 3),
        place="Rabat",
        is_published=True,
    )
    meeting_au = Meeting.objects.create(framework=fw_au, kind="general", title="UN-AU conference")
    decision = Decision.objects.create(meeting=meeting, number="1", text="Hold a workshop.")
    o.update(meeting=meeting, meeting_au=meeting_au, decision=decision)
    o["ai_ohchr"] = ActionItem.objects.create(
        framework=fw,
        decision=decision,
        title="Organize workshop",
        owner=o["ohchr"],
        due_on=datetime.date(2019, 6, 30),
    )
    o["ai_isdb"] = ActionItem.objects.create(
        framework=fw,
        decision=decision,
        title="Fund workshop",
        owner=o["isdb"],
        due_on=datetime.date(2019, 6, 30),
    )
    o["ai_au"] = ActionItem.objects.create(framework=fw_au, title="AU follow-up", owner=o["ohchr"])
    o["agreement"] = Agreement.objects.create(
        framework=fw, title="MoU OHCHR-IPHRC", is_published=False
    )
    o["agreement"].parties.set([o["ohchr"], o["iphrc"]])
    o["agreement_au"] = Agreement.objects.create(framework=fw_au, title="MoU UN-AU")
    res = Resolution.objects.create(framework=fw, symbol="A/RES/73/135", session=73, number="135")
    para = Paragraph.objects.create(
        resolution=res, pid="op-25", kind="operative", number=25, text="Requests ..."
    )
    o.update(
        resolution=res,
        paragraph=para,
        mandate=Mandate.objects.create(
            resolution=res, paragraph=para, verb="Requests", due_session=75
        ),
    )
    o["fp_iphrc"] = FocalPoint.objects.create(person_name="Focal IPHRC", entity=o["iphrc"])
    o["fp_ohchr"] = FocalPoint.objects.create(person_name="Focal OHCHR", entity=o["ohchr"])


def _users(w: World) -> None:
    """The seven personas and their memberships."""
    o, un, oic, fw = w.objects, w.un, w.oic, w.framework
    User = get_user_model()

    def user(name, **extra):
        u = User.objects.create_user(name, password=PASSWORD, **extra)
        w.users[name] = u
        return u

    Membership.objects.create(user=user("alice", is_staff=True), role="administrator")
    Membership.objects.create(
        user=user("bob", is_staff=True), role="coordinator", framework=fw, organization=oic
    )
    Membership.objects.create(
        user=user("uma", is_staff=True), role="coordinator", framework=fw, organization=un
    )
    Membership.objects.create(
        user=user("carol"), role="focal_point", framework=fw, entity=o["ohchr"]
    )
    Membership.objects.create(user=user("dan"), role="viewer", framework=fw)
    user("olga")
    w.users["eve"] = AnonymousUser()
