"""What ``accord remind`` finds due on a day, announced through ``notify`` in one batch.

- action items due within 7 days (``ActionItem.objects.open()``), told once per due date
  to the owner's focal points;
- overdue action items (``ActionItem.objects.overdue(on)``), told once per due date to
  the owner's focal points and the framework's coordinators;
- report obligations (mandates not implemented) due at the next session of the General
  Assembly (``resolutions.sessions``), told to the addressees' focal points and the
  coordinators;
- agreements expiring within 90 days, then within 30 days, told to the coordinators and
  the parties' focal points;
- whatever the finders other apps ``register`` find (the reports app: contributions to
  the report due within 7 days; this module may not import that app).

Reads: those rows (a few queries each, whatever their number) and the audience of all
frameworks (one query). Writes: notifications, through ``notify`` in a ``batch``.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable

from accord.accounts.permissions import Audience, audience
from accord.cooperation.models import ActionItem, Framework
from accord.documents.models import Mandate
from accord.notifications.models import Kind
from accord.notifications.services import batch, notify
from accord.registry.models import Agreement
from resolutions.sessions import session_opening_in

DUE_SOON_DAYS = 7
EXPIRY_STAGES = (90, 30)

Finder = Callable[[Audience, datetime.date], None]
_finders: list[Finder] = []


def register(finder: Finder) -> Finder:
    """Add ``finder`` (called with the audience and the day, inside the batch) to what
    ``find_due`` runs; registering it again changes nothing."""
    if finder not in _finders:
        _finders.append(finder)
    return finder


def next_session(on: datetime.date) -> int:
    """The session of the General Assembly that opens next (in September)."""
    return session_opening_in(on.year if on.month < 9 else on.year + 1)


def _action_items(people: Audience, on: datetime.date) -> None:
    soon = on + datetime.timedelta(days=DUE_SOON_DAYS)
    coming = ActionItem.objects.open().filter(due_on__gte=on, due_on__lte=soon)
    for item in coming.exclude(owner=None).only(
        "id", "title", "framework_id", "owner_id", "due_on"
    ):
        notify(
            Kind.DUE_SOON,
            item,
            people.focal_points(item.framework_id, [item.owner_id]),
            key=f"due_soon:{item.pk}:{item.due_on}",
            params={"due": item.due_on.isoformat()},
        )
    late = ActionItem.objects.overdue(on).only("id", "title", "framework_id", "owner_id", "due_on")
    for item in late:
        told = people.coordinators_of(item.framework_id)
        if item.owner_id:
            told |= people.focal_points(item.framework_id, [item.owner_id])
        notify(
            Kind.OVERDUE,
            item,
            told,
            key=f"overdue:{item.pk}:{item.due_on}",
            params={"due": item.due_on.isoformat()},
        )


def _links(through, owner: str, ids: list[int]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = defaultdict(list)
    for pk, entity in through.objects.filter(**{f"{owner}_id__in": ids}).values_list(
        f"{owner}_id", "entity_id"
    ):
        out[pk].append(entity)
    return out


def _mandates(people: Audience, on: datetime.date) -> None:
    session = next_session(on)
    rows = list(
        Mandate.objects.pending()
        .filter(due_session=session, resolution__framework__isnull=False)
        .select_related("paragraph__resolution")
        .defer("paragraph__resolution__parsed", "paragraph__resolution__akn")
    )
    addressees = _links(Mandate.addressee_entities.through, "mandate", [m.pk for m in rows])
    for m in rows:
        fw = m.paragraph.resolution.framework_id
        told = people.coordinators_of(fw) | people.focal_points(fw, addressees.get(m.pk, []))
        notify(
            Kind.MANDATE_DUE,
            m,
            told,
            framework=fw,
            key=f"mandate_due:{m.pk}:{session}",
            params={"session": session},
        )


def _agreements(people: Audience, on: datetime.date) -> None:
    horizon = on + datetime.timedelta(days=max(EXPIRY_STAGES))
    ended = (Agreement.Status.EXPIRED, Agreement.Status.TERMINATED, Agreement.Status.RENEWED)
    rows = list(
        Agreement.objects.filter(framework__isnull=False, expires_on__gte=on)
        .filter(expires_on__lte=horizon)
        .exclude(status__in=ended)
    )
    parties = _links(Agreement.parties.through, "agreement", [a.pk for a in rows])
    for a in rows:
        if a.expires_on is None:  # excluded by the query; for the type checker
            continue
        days_left = (a.expires_on - on).days
        stage = min(s for s in EXPIRY_STAGES if days_left <= s)
        told = people.coordinators_of(a.framework_id) | people.focal_points(
            a.framework_id, parties.get(a.pk, [])
        )
        notify(
            Kind.AGREEMENT_EXPIRING,
            a,
            told,
            key=f"expiring:{a.pk}:{a.expires_on}:{stage}",
            params={"due": a.expires_on.isoformat(), "days": stage},
        )


def find_due(on: datetime.date) -> int:
    """Record every notification due on ``on``; returns how many were offered (those
    already recorded on an earlier run are not recorded again)."""
    people = audience(Framework.objects.values_list("pk", flat=True), on)
    with batch() as rows:
        _action_items(people, on)
        _mandates(people, on)
        _agreements(people, on)
        for finder in _finders:
            finder(people, on)
    return rows.offered
