"""A small UN-OIC framework with people in every role, used by the web and browser tests.

``build_pages(n_activities)`` (``build_world(activities=n)``) writes: two organizations and
their entities (with an Arabic name), a framework with two priority areas and a biennium,
``n_activities`` activities (each with a progress update, an indicator and a linked
mandate), a meeting with a decision and action items, an agreement expiring soon, focal
points, the founding resolution parsed from the demo file with its paragraphs and
mandates, and users: admin, coordinator (UN side), focal (focal point of OHCHR), viewer.
Returns a ``World``.
"""

from __future__ import annotations

import datetime
import functools
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

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
from accord.documents.models import Citation, Mandate, Paragraph, Resolution
from accord.registry.models import Agreement, Entity, FocalPoint
from tests.world.base import PASSWORD, World, un_and_oic, un_oic_framework

DEMO = Path(__file__).resolve().parents[2] / "accord" / "documents" / "demo" / "A_RES_73_135.md"


def _user(name: str, **extra):
    return get_user_model().objects.create_user(
        name, password=PASSWORD, first_name=name.capitalize(), **extra
    )


@functools.cache
def _parsed() -> str:
    import resolutions

    return json.dumps(resolutions.to_dict(resolutions.parse(DEMO.read_bytes())), default=str)


def store_resolution(framework: Framework) -> Resolution:
    """Parse the founding resolution (once per process) and store it with its paragraphs
    and mandates."""
    parsed = json.loads(_parsed())
    res = Resolution.objects.create(
        framework=framework,
        symbol=parsed["symbol"],
        session=parsed["session"],
        number=parsed["number"],
        title=parsed["title"],
        adopted_on=parsed["adopted_on"],
        distributed_on=parsed["distributed_on"],
        agenda_items=parsed["agenda_items"],
        basis=parsed["basis"] or {},
        meeting=parsed["meeting"] or "",
        parsed=parsed,
        source_format="markdown",
    )
    order = 0
    paragraphs = {}
    for kind, key, lead in (("preamble", "preamble", "phrase"), ("operative", "operative", "verb")):
        for p in parsed[key]:
            order += 1
            paragraphs[p["id"]] = Paragraph.objects.create(
                resolution=res,
                pid=p["id"],
                kind=kind,
                number=p.get("number"),
                order=order,
                phrase_or_verb=(p.get(lead) or "")[:200],
                text=p["text"],
            )
    Citation.objects.bulk_create(
        Citation(
            resolution=res,
            paragraph=paragraphs.get(c["paragraph"] or ""),
            kind=c["kind"],
            symbol=c["symbol"][:100],
        )
        for c in parsed["citations"]
    )
    for m in parsed["mandates"]:
        Mandate.objects.create(
            resolution=res,
            paragraph=paragraphs[m["paragraph"]],
            verb=m["verb"],
            addressees=m["addressees"],
            action=m["action"],
            due_session=m.get("session"),
            due_year=m.get("year"),
        )
    return res


def build_pages(n_activities: int = 5) -> World:
    today = timezone.localdate()
    un, oic = un_and_oic()
    fw = un_oic_framework(un, oic)
    secretariat = Entity.objects.create(
        organization=un,
        kind="principal_organ",
        acronym="",
        name_en="Secretariat",
        name_fr="Secrétariat",
        name_ar="الأمانة العامة",
    )
    ohchr = Entity.objects.create(
        organization=un,
        parent=secretariat,
        kind="office",
        acronym="OHCHR",
        name_en="Office of the United Nations High Commissioner for Human Rights",
        name_fr="Haut-Commissariat des Nations Unies aux droits de l'homme",
        name_ar="مفوضية الأمم المتحدة السامية لحقوق الإنسان",
    )
    dppa = Entity.objects.create(
        organization=un,
        parent=secretariat,
        kind="department",
        acronym="DPPA",
        name_en="Department of Political and Peacebuilding Affairs",
    )
    iphrc = Entity.objects.create(
        organization=oic,
        kind="subsidiary_organ",
        acronym="IPHRC",
        name_en="Independent Permanent Human Rights Commission",
        name_ar="الهيئة الدائمة المستقلة لحقوق الإنسان",
    )
    isdb = Entity.objects.create(
        organization=oic,
        kind="specialized_institution",
        acronym="IsDB",
        name_en="Islamic Development Bank",
    )
    peace = PriorityArea.objects.create(
        framework=fw,
        code="peace",
        name_en="Peace and security",
        name_fr="Paix et sécurité",
        name_ar="السلام والأمن",
        order=1,
    )
    rights = PriorityArea.objects.create(
        framework=fw,
        code="rights",
        name_en="Human rights",
        name_fr="Droits de l'homme",
        name_ar="حقوق الإنسان",
        order=2,
    )
    biennium = Biennium.objects.create(framework=fw, start_year=today.year, end_year=today.year + 1)
    res = store_resolution(fw)
    mandate = res.mandates.order_by("paragraph__order").first()

    admin = _user("admin", is_superuser=True, is_staff=True)
    coordinator, focal, viewer = _user("coordinator"), _user("focal"), _user("viewer")
    Membership.objects.create(user=coordinator, role="coordinator", framework=fw, organization=un)
    Membership.objects.create(user=focal, role="focal_point", framework=fw, entity=ohchr)
    Membership.objects.create(user=viewer, role="viewer", framework=fw)

    w = World(
        framework=fw,
        biennium=biennium,
        un=un,
        oic=oic,
        ohchr=ohchr,
        dppa=dppa,
        iphrc=iphrc,
        isdb=isdb,
        peace=peace,
        rights=rights,
        resolution=res,
        mandate=mandate,
        admin=admin,
        coordinator=coordinator,
        focal=focal,
        viewer=viewer,
        activities=[],
    )
    add_activities(w, n_activities)
    meeting = Meeting.objects.create(
        framework=fw,
        kind="general",
        title="General meeting in Rabat",
        start_on=today + datetime.timedelta(days=30),
        end_on=today + datetime.timedelta(days=32),
        place="Rabat",
        host=iphrc,
    )
    meeting.participants.set([ohchr, iphrc])
    decision = Decision.objects.create(
        meeting=meeting,
        number="1",
        kind="recommendation",
        text="Hold a joint workshop on human rights mechanisms.",
    )
    items = [
        ActionItem.objects.create(
            framework=fw,
            decision=decision,
            title=f"Follow-up {i}",
            owner=ohchr,
            due_on=today - datetime.timedelta(days=i + 1),
        )
        for i in range(3)
    ]
    agreement = Agreement.objects.create(
        framework=fw,
        kind="mou",
        title="MoU OHCHR-IPHRC",
        signed_on=datetime.date(2018, 9, 25),
        expires_on=today + datetime.timedelta(days=90),
        status="in_force",
    )
    agreement.parties.set([ohchr, iphrc])
    fp = FocalPoint.objects.create(
        person_name="Amina Diallo", email="amina@example.org", entity=ohchr
    )
    fp.priority_areas.set([rights])
    w.meeting, w.decision, w.items, w.agreement = meeting, decision, items, agreement
    return w


def add_activities(w: World, n: int) -> None:
    """Add ``n`` activities (alternating areas, leads and statuses), each with a
    participant, a mandate, a progress update and an indicator."""
    today = timezone.localdate()
    statuses = Activity.Status.values
    first = len(w.activities)
    activities = []
    for i in range(first, first + n):
        a = Activity(
            biennium=w.biennium,
            code=f"A-{i:04d}",
            title=f"Joint activity number {i}",
            description="Training and exchange of experts.",
            priority_area=(w.peace, w.rights)[i % 2],
            un_lead=(w.ohchr, w.dppa)[i % 2],
            partner_lead=(w.iphrc, w.isdb)[i % 2],
            status=statuses[i % 5],
            start_on=datetime.date(today.year, 1, 1),
            is_demo=True,
        )
        a._history_user = w.admin
        a.save()
        activities.append(a)
    Activity.participants.through.objects.bulk_create(
        [Activity.participants.through(activity_id=a.pk, entity_id=w.isdb.pk) for a in activities]
    )
    Activity.mandates.through.objects.bulk_create(
        [Activity.mandates.through(activity_id=a.pk, mandate_id=w.mandate.pk) for a in activities]
    )
    ProgressUpdate.objects.bulk_create(
        [
            ProgressUpdate(activity=a, date=today, text=f"Progress on {a.code}", author=w.admin)
            for a in activities
        ]
    )
    Indicator.objects.bulk_create(
        [
            Indicator(
                activity=a, name="Experts trained", unit="people", baseline=0, target=20, actual=5
            )
            for a in activities
        ]
    )
    w.activities.extend(activities)
