"""A small UN-OIC framework with people in every role, used by the web and browser tests.

``build_pages(n_activities)`` (``build_world(activities=n)``) writes, on the base of every
world (tests/world/base.py ``build_base``, its biennium this year and next),
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
from simple_history.utils import bulk_create_with_history

from accord.accounts.models import Membership
from accord.cooperation.models import (
    ActionItem,
    Activity,
    Decision,
    Framework,
    Indicator,
    Meeting,
    ProgressUpdate,
)
from accord.core.signals import rows_bulk_created
from accord.documents.models import Citation, Mandate, Paragraph, Resolution
from accord.registry.models import Agreement, FocalPoint
from tests.world.base import PASSWORD, World, build_base

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
    rows = [
        Paragraph(
            resolution=res,
            pid=p["id"],
            kind=kind,
            number=p.get("number"),
            order=order,
            phrase_or_verb=(p.get(lead) or "")[:200],
            text=p["text"],
        )
        for order, (kind, p, lead) in enumerate(
            [("preamble", p, "phrase") for p in parsed["preamble"]]
            + [("operative", p, "verb") for p in parsed["operative"]],
            start=1,
        )
    ]
    # In bulk with their history, as the bootstrap writes them (documents/bootstrap/apply.py):
    # one save each was 0.3 s of the 0.5 s this world costs, paid by every browser test.
    bulk_create_with_history(rows, Paragraph)
    rows_bulk_created.send(sender=Paragraph, rows=rows)
    paragraphs = {p.pid: p for p in rows}
    Citation.objects.bulk_create(
        Citation(
            resolution=res,
            paragraph=paragraphs.get(c["paragraph"] or ""),
            kind=c["kind"],
            symbol=c["symbol"][:100],
        )
        for c in parsed["citations"]
    )
    mandates = [
        Mandate(
            resolution=res,
            paragraph=paragraphs[m["paragraph"]],
            verb=m["verb"],
            addressees=m["addressees"],
            action=m["action"],
            due_session=m.get("session"),
            due_year=m.get("year"),
        )
        for m in parsed["mandates"]
    ]
    bulk_create_with_history(mandates, Mandate)
    rows_bulk_created.send(sender=Mandate, rows=mandates)
    return res


def build_pages(n_activities: int = 5) -> World:
    today = timezone.localdate()
    w = build_base(year=today.year)
    res = store_resolution(w.framework)
    mandate = res.mandates.order_by("paragraph__order").first()

    admin = _user("admin", is_superuser=True, is_staff=True)
    coordinator, focal, viewer = _user("coordinator"), _user("focal"), _user("viewer")
    fw, ohchr, iphrc = w.framework, w.ohchr, w.iphrc
    Membership.objects.create(user=coordinator, role="coordinator", framework=fw, organization=w.un)
    Membership.objects.create(user=focal, role="focal_point", framework=fw, entity=ohchr)
    Membership.objects.create(user=viewer, role="viewer", framework=fw)

    w.resolution, w.mandate, w.activities = res, mandate, []
    w.admin, w.coordinator, w.focal, w.viewer = admin, coordinator, focal, viewer
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
    fp.priority_areas.set([w.rights])
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
