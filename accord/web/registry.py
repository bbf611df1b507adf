"""The registry of a framework: both organizations' entities as a tree, the focal-point
directory by priority area, and the agreements register.

Reads: entities of the two organizations (one query, the tree is built in memory),
priority areas with their focal points and those points' entities (prefetched),
agreements with their parties (prefetched). Writes nothing.
"""

from __future__ import annotations

from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accord.accounts.permissions import (
    can_create,
    can_create_some,
    can_edit,
    editable,
    public_read,
    viewable,
)
from accord.cooperation.models import ActionItem, Activity, PriorityArea
from accord.registry.models import Agreement, Entity, FocalPoint
from accord.web.common import framework_for, heavy
from accord.web.registry_edit import entity_of


def entity_tree(entities: list[Entity]) -> list[dict]:
    """Nest ``entities`` under their parents: ``[{"entity", "children": [...]}, ...]``.
    An entity whose parent is not in the list is a root (no entity is lost)."""
    nodes: dict[int | None, dict] = {e.pk: {"entity": e, "children": []} for e in entities}
    roots = []
    for e in entities:
        parent = nodes.get(e.parent_id)
        if parent is not None and e.parent_id != e.pk:
            parent["children"].append(nodes[e.pk])
        else:
            roots.append(nodes[e.pk])
    return roots


@public_read
def registry(request: HttpRequest, slug: str) -> HttpResponse:
    framework = framework_for(request, slug)
    today = timezone.localdate()
    entities = list(
        Entity.objects.filter(
            organization__in=[framework.un_organization_id, framework.partner_id]
        ).order_by("organization__code", "name_en")
    )
    organizations = [
        {
            "organization": org,
            "tree": entity_tree([e for e in entities if e.organization_id == org.pk]),
        }
        for org in (framework.un_organization, framework.partner)
    ]
    focal_points = viewable(
        request.user, FocalPoint.objects.filter(Q(end_on__isnull=True) | Q(end_on__gte=today))
    )
    areas = PriorityArea.objects.filter(framework=framework).prefetch_related(
        Prefetch(
            "focal_points",
            queryset=focal_points.select_related("entity").order_by(
                "entity__acronym", "person_name"
            ),
        )
    )
    agreements = (
        viewable(request.user, Agreement.objects.filter(framework=framework))
        .prefetch_related("parties")
        .select_related("source_paragraph__resolution")
        .defer(*heavy("source_paragraph__resolution"))
        .order_by("-signed_on", "title")
    )
    unassigned = (
        focal_points.filter(
            entity__organization__in=[framework.un_organization_id, framework.partner_id],
            priority_areas__isnull=True,
        )
        .select_related("entity")
        .order_by("entity__acronym", "person_name")
    )
    context = {
        "framework": framework,
        "page": "registry",
        "organizations": organizations,
        "areas": areas,
        "unassigned": unassigned,
        "may": {
            "agreement": can_create(request.user, Agreement, framework=framework),
            "area": can_create(request.user, PriorityArea, framework=framework),
            "focal_point": can_create_some(request.user, FocalPoint),
        },
        "agreements": agreements,
        "today": today,
        "expiring_ids": set(agreements.expiring(today).values_list("pk", flat=True)),
    }
    return render(request, "web/registry.html", context)


@public_read
def entity_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """What an entity leads and takes part in, its focal points, agreements and open
    action items in this framework."""
    framework = framework_for(request, slug)
    entity = entity_of(request, framework, pk)
    today = timezone.localdate()
    activities = viewable(
        request.user, Activity.objects.filter(framework=framework)
    ).select_related("biennium", "priority_area")
    points = viewable(request.user, FocalPoint.objects.filter(entity=entity)).prefetch_related(
        "priority_areas"
    )
    context = {
        "framework": framework,
        "page": "registry",
        "entity": entity,
        "leads": activities.filter(Q(un_lead=entity) | Q(partner_lead=entity)),
        "takes_part": activities.filter(participants=entity).distinct(),
        "focal_points": points.filter(Q(end_on__isnull=True) | Q(end_on__gte=today)),
        "former_points": points.filter(end_on__lt=today),
        "editable_points": set(editable(request.user, points).values_list("pk", flat=True)),
        "former_names": entity.former_names.all(),
        "agreements": viewable(
            request.user, Agreement.objects.filter(framework=framework, parties=entity)
        ),
        "action_items": viewable(
            request.user,
            ActionItem.objects.open().filter(framework=framework, owner=entity),
        ).order_by("due_on"),
        "late_ids": set(activities.late(today).values_list("pk", flat=True)),
        "overdue_ids": set(
            ActionItem.objects.overdue(today)
            .filter(framework=framework, owner=entity)
            .values_list("pk", flat=True)
        ),
        "expiring_ids": set(
            Agreement.objects.expiring(today)
            .filter(framework=framework, parties=entity)
            .values_list("pk", flat=True)
        ),
        "may_rename": can_edit(request.user, entity),
        "may_add_point": can_create(request.user, FocalPoint, framework=None, parent=entity),
        "today": today,
    }
    return render(request, "web/entity.html", context)
