"""The events the services announce, each a call of ``notify`` with its recipients:
who is told is asked of ``accounts.permissions.audience`` (the roles), never re-derived.

Called by ``cooperation.services`` (an action item assigned), ``documents.services`` (a
resolution uploaded, review items waiting) and the edit pages (a stale edit refused).
"""

from __future__ import annotations

from accord.accounts.permissions import audience
from accord.notifications.models import Kind
from accord.notifications.services import notify


def action_item_assigned(item, *, actor=None) -> int:
    """An action item now owned by an entity: its focal points are told."""
    if item.owner_id is None:
        return 0
    people = audience([item.framework_id]).focal_points(item.framework_id, [item.owner_id])
    return notify(
        Kind.ASSIGNED,
        item,
        people,
        key=f"assigned:{item.pk}:{item.owner_id}",
        params={"entity": str(item.owner)},
        actor=actor,
    )


def resolution_uploaded(resolution, *, framework, actor=None, queued: int = 0, upload=None):
    """A resolution came into ``framework``: its members are told; its coordinators are
    told separately when proposals wait for their decision."""
    people = audience([framework.pk])
    tag = upload.pk if upload is not None else resolution.pk
    notify(
        Kind.RESOLUTION_UPLOADED,
        resolution,
        people.members_of(framework.pk),
        framework=framework,
        key=f"uploaded:{resolution.pk}:{tag}",
        actor=actor,
    )
    if queued:
        notify(
            Kind.REVIEW_WAITING,
            resolution,
            people.coordinators_of(framework.pk),
            framework=framework,
            key=f"review:{resolution.pk}:{tag}",
            params={"count": queued},
            actor=actor,
        )


def contribution_params(contribution, call) -> dict:
    """What a mail about ``contribution`` says of it: its entity, the period, the due date."""
    return {
        "entity": str(contribution.entity),
        "start": call.start.isoformat(),
        "end": call.end.isoformat(),
        "due": call.due_on.isoformat(),
    }


def contributions_requested(call, contributions, *, actor=None) -> int:
    """A call for contributions opened: each entity's focal points are asked for theirs."""
    people = audience([call.framework_id])
    told = 0
    for c in contributions:
        told += notify(
            Kind.CONTRIBUTION_REQUESTED,
            c,
            people.focal_points(call.framework_id, [c.entity_id]),
            framework=call.framework_id,
            key=f"contribution_requested:{c.pk}",
            params=contribution_params(c, call),
            actor=actor,
        )
    return told
