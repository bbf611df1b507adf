"""Reads of the registry and the documents: organizations, entities, focal points (members
only, as the permissions module says), agreements, resolutions (the parser's JSON and the
Akoma Ntoso XML), mandates, and search (``accord.search.finder``)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Literal

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema

from accord.accounts.permissions import can_see_people
from accord.api import schemas as S
from accord.api.common import (
    READ_ERRORS,
    Id,
    PageQuery,
    Pk,
    Slug,
    detail,
    framework_of,
    one,
    page,
    seen,
    tag,
    text,
    user_of,
)
from accord.api.errors import not_found
from accord.documents.models import Mandate, Resolution
from accord.registry.models import Agreement, Entity, FocalPoint
from accord.search.backends import RANKED
from accord.search.finder import find
from accord.search.models import SearchEntry

router = Router(tags=["registry and documents"])
SLUG = r"^[-a-zA-Z0-9_]+$"
if TYPE_CHECKING:
    MandateStatus = str
    SearchKind = str
else:  # enumerations in the OpenAPI document, from the models' own choices
    MandateStatus = Literal[tuple(Mandate.Status.values)]
    SearchKind = Literal[tuple(SearchEntry.Kind.values)]

LIGHT = ("parsed", "akn", "basis", "agenda_items", "warnings")  # large columns lists skip


class EntityQuery(PageQuery):
    organization: str | None = Field(
        None, pattern=SLUG, max_length=40, description="an organization's code, e.g. un, oic"
    )


@router.get("/entities", response={200: S.EntityPage, **READ_ERRORS})
def entities(request, q: Query[EntityQuery]):
    rows = Entity.objects.prefetch_related("former_names").order_by("organization__code", "pk")
    if q.organization:
        rows = rows.filter(organization__code=q.organization)
    return page(seen(request, rows), q)


@router.get("/entities/{pk}", response={200: S.EntityOut, **READ_ERRORS})
def entity(request, pk: Pk, response: HttpResponse):
    return detail(request, response, Entity.objects.prefetch_related("former_names"), pk)


class FocalPointQuery(PageQuery):
    entity: Id | None = None


def _without_email(request, rows: list) -> list:
    """E-mail addresses are for members: blanked for anyone else (who sees no row today)."""
    if not can_see_people(user_of(request)):
        for row in rows:
            row.email = ""
    return rows


@router.get("/focal-points", response={200: S.FocalPointPage, **READ_ERRORS})
def focal_points(request, q: Query[FocalPointQuery]):
    rows = FocalPoint.objects.prefetch_related("priority_areas").order_by("pk")
    if q.entity is not None:
        rows = rows.filter(entity=q.entity)
    out = page(seen(request, rows), q)
    out["items"] = _without_email(request, out["items"])
    return out


@router.get("/focal-points/{pk}", response={200: S.FocalPointOut, **READ_ERRORS})
def focal_point(request, pk: Pk, response: HttpResponse):
    row = one(request, FocalPoint.objects.prefetch_related("priority_areas"), pk=pk)
    tag(response, row)
    return _without_email(request, [row])[0]


@router.get("/frameworks/{slug}/agreements", response={200: S.AgreementPage, **READ_ERRORS})
def agreements(request, slug: Slug, q: Query[PageQuery]):
    fw = framework_of(request, slug)
    rows = Agreement.objects.filter(framework=fw).prefetch_related("parties").order_by("pk")
    return page(seen(request, rows), q)


@router.get("/agreements/{pk}", response={200: S.AgreementOut, **READ_ERRORS})
def agreement(request, pk: Pk, response: HttpResponse):
    return detail(request, response, Agreement.objects.prefetch_related("parties"), pk)


class ResolutionQuery(PageQuery):
    framework: str | None = Field(
        None, pattern=SLUG, max_length=60, description="a framework's slug"
    )
    session: int | None = Field(None, ge=1, le=10_000)


@router.get("/resolutions", response={200: S.ResolutionPage, **READ_ERRORS})
def resolutions(request, q: Query[ResolutionQuery]):
    rows = Resolution.objects.defer(*LIGHT).order_by("-session", "symbol")
    if q.framework:
        rows = rows.filter(framework=framework_of(request, q.framework))
    if q.session is not None:
        rows = rows.filter(session=q.session)
    return page(seen(request, rows), q)


@router.get("/resolutions/{pk}", response={200: S.ResolutionDetail, **READ_ERRORS})
def resolution(request, pk: Pk, response: HttpResponse):
    """The resolution and its structure as the parser gives it (``parsed``)."""
    return detail(request, response, Resolution.objects.defer("akn"), pk)


@router.get(
    "/resolutions/{pk}/akn",
    response={200: str, **READ_ERRORS},
    openapi_extra={"responses": {200: {"content": {"application/akn+xml": {}}}}},
)
def resolution_akn(request, pk: Pk):
    """The resolution as Akoma Ntoso 3.0 XML."""
    row = one(request, Resolution.objects.only("pk", "version", "akn", "framework"), pk=pk)
    if not row.akn:
        raise not_found()
    answer = HttpResponse(row.akn, content_type="application/akn+xml; charset=utf-8")
    tag(answer, row)
    return answer


class MandateQuery(PageQuery):
    status: MandateStatus | None = None


@router.get("/resolutions/{pk}/mandates", response={200: S.MandatePage, **READ_ERRORS})
def mandates(request, pk: Pk, q: Query[MandateQuery]):
    row = one(request, Resolution.objects.only("pk", "framework"), pk=pk)
    rows = Mandate.objects.filter(resolution=row).select_related("paragraph")
    if q.status:
        rows = rows.filter(status=q.status)
    return page(seen(request, rows), q)


@router.get("/mandates/{pk}", response={200: S.MandateOut, **READ_ERRORS})
def mandate(request, pk: Pk, response: HttpResponse):
    return detail(request, response, Mandate.objects.select_related("paragraph"), pk)


class SearchQuery(Schema):
    q: str = text(300, min_length=1)
    framework: str | None = Field(
        None, pattern=SLUG, max_length=60, description="a framework's slug"
    )
    kind: list[SearchKind] = Field(default_factory=list)
    since: datetime.date | None = None
    until: datetime.date | None = None
    limit: int = Field(50, ge=1, le=100)
    offset: int = Field(0, ge=0, le=2 * RANKED, description="the hits skipped, best first")


@router.get("/search", response={200: S.SearchPage, **READ_ERRORS})
def search(request, q: Query[SearchQuery]):
    """Search across everything the caller may read, best first (docs/search.md)."""
    fw = framework_of(request, q.framework) if q.framework else None
    kinds = tuple(q.kind)
    results = find(
        q.q,
        user_of(request),
        framework=fw,
        kinds=kinds,
        since=q.since,
        until=q.until,
        limit=q.limit,
        offset=q.offset,
    )
    items = [
        {
            "kind": h.kind,
            "object_id": h.object_id,
            "framework": h.framework_id,
            "title": h.title,
            "ref": h.ref,
            "snippet": str(h.snippet),  # type: ignore[attr-defined]
            "dated": h.dated,
            "url": h.url,
        }
        for h in results.hits
    ]
    return {
        "query": results.query,
        "more": results.more,
        "count": results.count,
        "capped": results.capped,
        "offset": results.offset,
        "items": items,
    }
